//! `swing`: the change in one party's vote share in each assembly segment between two
//! results, as bars left (loss) and right (gain) of zero.
//!
//! A segment's share is the party's segment votes over the segment's known total (the sum
//! of the figures given there); when some candidates have no segment figures, the chart
//! says so in its note.

use super::{
    ChartContext, ChartOptions, Kind, Sort, require_segments, required, segment_rows, source_of,
};
use crate::chart::{ChartSpec, Layout, Series, Value};
use crate::election::result::NOTA;
use crate::election::{ResultFigures, share};
use crate::numfmt;

pub(super) fn spec(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let (from, to) = two_results(o, ctx)?;
    let code = required(&o.party, "party", Kind::Swing, "\"INC\"")?;
    ctx.party(code)?;
    if !from.parties.contains_key(code) && !to.parties.contains_key(code) {
        to.find_party(code)?;
    }
    let mut rows = segment_rows(&[to, from]);
    let pool = [to, from];
    let nota_in_base = nota_in_both(from, to, &rows, &pool);
    let points = |segment: &str| points_in(code, from, to, segment, &pool, nota_in_base);
    if rows.iter().all(|s| points(s).is_none()) {
        return Err(format!(
            "no segment where both `{}` and `{}` give figures for {code}",
            from.id, to.id
        ));
    }
    if o.sort == Sort::Change {
        rows.sort_by(|a, b| {
            let key = |s: &str| points(s).unwrap_or(f64::NEG_INFINITY);
            key(b).total_cmp(&key(a))
        });
    }
    let values = rows
        .iter()
        .map(|s| points(s).map(|p| Value::new(p, ctx.digits(numfmt::signed(p, 2)))))
        .collect();
    let short = ctx.short(code);
    let words = ctx.words();
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Diverging,
        title: words.swing_title(&to.constituency, &short, &from.election, &to.election),
        note: note(code, &short, from, to, &rows, ctx, nota_in_base),
        source: source_of(&[from, to]),
        lang: ctx.lang.to_string(),
        row_header: words.segment.to_string(),
        rows,
        series: vec![Series {
            label: words.swing_series.to_string(),
            color: ctx.color(code),
            values,
        }],
        highlight: None,
    })
}

/// `results = [from, to]`: exactly two, both with segments.
fn two_results<'p>(
    o: &ChartOptions,
    ctx: &'p ChartContext<'_>,
) -> Result<(&'p ResultFigures, &'p ResultFigures), String> {
    let results = ctx.results_named(&o.results, Kind::Swing)?;
    let [from, to] = results[..] else {
        let here = ctx.results.ids();
        return Err(format!(
            "a swing chart compares two results, results = [\"from\", \"to\"]; got {} ({}); results here: {}",
            o.results.len(),
            o.results.join(", "),
            if here.is_empty() {
                "none".to_string()
            } else {
                here.join(", ")
            }
        ));
    };
    require_segments(from, Kind::Swing)?;
    require_segments(to, Kind::Swing)?;
    Ok((from, to))
}

/// Whether NOTA can be in the base of both years: only when both give NOTA's figure in
/// every segment charted. Otherwise NOTA is left out of both, so the two shares have one
/// base and the swing is not bent by NOTA being counted in one year only.
fn nota_in_both(
    from: &ResultFigures,
    to: &ResultFigures,
    rows: &[String],
    pool: &[&ResultFigures],
) -> bool {
    rows.iter().all(|row| {
        [from, to].iter().all(|r| {
            r.segment_for_row(row, pool)
                .is_none_or(|s| s.parties.contains_key(NOTA))
        })
    })
}

/// The change in share in points, where both results give the segment a total. A party
/// that did not stand in one result has 0 votes there; one that stood but has no figure
/// for the segment has no swing there.
fn points_in(
    code: &str,
    from: &ResultFigures,
    to: &ResultFigures,
    row: &str,
    pool: &[&ResultFigures],
    nota_in_base: bool,
) -> Option<f64> {
    let (to_votes, to_total) = votes_and_total(code, to, row, pool, nota_in_base)?;
    let (from_votes, from_total) = votes_and_total(code, from, row, pool, nota_in_base)?;
    (to_total > 0 && from_total > 0)
        .then(|| share::points_between(to_votes, to_total, from_votes, from_total))
}

fn votes_and_total(
    code: &str,
    r: &ResultFigures,
    row: &str,
    pool: &[&ResultFigures],
    nota_in_base: bool,
) -> Option<(u64, u64)> {
    let s = r.segment_for_row(row, pool)?;
    let votes = match s.parties.get(code) {
        Some(v) => *v,
        None if !r.parties.contains_key(code) => 0,
        None => return None,
    };
    let nota = if nota_in_base {
        0
    } else {
        s.parties.get(NOTA).copied().unwrap_or(0)
    };
    Some((votes, s.total - nota))
}

/// Says when a share is counted from zero or over a partial segment total.
fn note(
    code: &str,
    short: &str,
    from: &ResultFigures,
    to: &ResultFigures,
    rows: &[String],
    ctx: &ChartContext<'_>,
    nota_in_base: bool,
) -> Option<String> {
    let words = ctx.words();
    let mut notes = Vec::new();
    for r in [from, to] {
        if !r.parties.contains_key(code) {
            notes.push(words.swing_from_nothing(short, &r.election));
        }
    }
    let partial = [from, to].iter().any(|r| {
        r.segments.iter().any(|s| {
            rows.iter().any(|row| {
                r.segment_for_row(row, &[from, to])
                    .is_some_and(|x| x.name == s.name)
            }) && !s.complete
        })
    });
    notes.push(words.swing_base(nota_in_base).to_string());
    if partial {
        notes.push(words.partial_segments.to_string());
    }
    Some(notes.join(" "))
}
