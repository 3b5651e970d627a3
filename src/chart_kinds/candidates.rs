//! `candidates`: every candidate of one result as a bar in their party's colour, most
//! votes first, the winner marked in words, NOTA last. Small candidates can be folded into
//! one "अन्य (N)" / "Others (N)" bar with `top` and `others_below`.

use super::{ChartContext, ChartOptions, Kind, NEUTRAL, example_result, required, source_of};
use crate::chart::{ChartSpec, Highlight, Layout, Series, Value};
use crate::election::result::NOTA;
use crate::election::{CandidateFigures, ResultFigures, share};
use crate::numfmt;

/// The most candidates a chart draws one by one.
pub const MAX_ROWS: usize = 30;

/// The rows of the chart, top to bottom.
struct Rows<'r> {
    shown: Vec<&'r CandidateFigures>,
    /// Folded into one "Others" bar; empty, or at least two candidates.
    folded: Vec<&'r CandidateFigures>,
    nota: Option<&'r CandidateFigures>,
}

pub(super) fn spec(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let id = required(&o.result, "result", Kind::Candidates, &example_result(ctx))?;
    let result = ctx.result(id)?;
    if o.others_below.is_some() && !result.complete {
        return Err(format!(
            "`others_below` needs vote shares, and result `{}` has none: it does not list every candidate (complete = false); fold with `top` instead",
            result.id
        ));
    }
    // A result with hundreds of candidates (or `top = 100000`) would make a chart taller
    // than any screen: past the limit, candidates are folded into "Others", and the note
    // says so.
    let ranked = result.candidates.iter().filter(|c| c.party != NOTA).count();
    let capped = ranked > MAX_ROWS && o.top.is_none_or(|t| t > MAX_ROWS);
    let top = if capped { Some(MAX_ROWS) } else { o.top };
    let rows = split_rows(result, top, o.others_below);
    let mut names = Vec::new();
    let mut values = Vec::new();
    for c in &rows.shown {
        names.push(row_name(c, ctx));
        values.push(Some(candidate_value(c, result, ctx)));
    }
    if !rows.folded.is_empty() {
        names.push(format!(
            "{} ({})",
            ctx.words().others,
            ctx.digits(rows.folded.len().to_string())
        ));
        values.push(Some(others_value(&rows.folded, result, ctx)));
    }
    if let Some(nota) = rows.nota {
        names.push(ctx.short(&nota.party));
        values.push(Some(candidate_value(nota, result, ctx)));
    }
    let words = ctx.words();
    // While counting the first candidate leads: marked so, never as the winner.
    let first_known = result.winner.is_some() || result.leader.is_some();
    let winner_first = first_known && !result.tie && !rows.shown.is_empty();
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title: words.candidates_title(&result.constituency, &result.election),
        note: note(
            result,
            words,
            capped.then(|| {
                words.capped(
                    &ctx.digits(MAX_ROWS.to_string()),
                    &ctx.digits(rows.folded.len().to_string()),
                )
            }),
        ),
        source: source_of(&[result]),
        lang: ctx.lang.to_string(),
        row_header: words.candidate.to_string(),
        rows: names,
        series: vec![Series {
            label: words.votes_column(result.complete, result.approx),
            color: NEUTRAL.to_string(),
            values,
        }],
        highlight: winner_first.then(|| Highlight {
            row: 0,
            label: if result.counting {
                words.leading.to_string()
            } else {
                words.winner.to_string()
            },
        }),
    })
}

/// A tie, whether the figures are "more than" ones, and candidates folded past the row
/// limit, said in words under the title.
fn note(
    result: &ResultFigures,
    words: &super::words::Words,
    capped: Option<String>,
) -> Option<String> {
    let notes: Vec<String> = [
        result
            .counting
            .then(|| words.counting_note(result.round, result.rounds)),
        result.tie.then(|| words.tie.to_string()),
        result.approx.then(|| words.approx_note.to_string()),
        capped,
    ]
    .into_iter()
    .flatten()
    .collect();
    (!notes.is_empty()).then(|| notes.join(" "))
}

/// Candidates in order of votes, the ones past `top` or under `others_below` folded (never
/// the first, never a lone one: "Others (1)" would hide a name for nothing), NOTA apart.
/// Positions, not ranks: a result that does not list every candidate has no ranks.
fn split_rows(result: &ResultFigures, top: Option<usize>, below: Option<f64>) -> Rows<'_> {
    let mut rows = Rows {
        shown: Vec::new(),
        folded: Vec::new(),
        nota: None,
    };
    let (nota, ranked): (Vec<_>, Vec<_>) = result.candidates.iter().partition(|c| c.party == NOTA);
    rows.nota = nota.into_iter().next();
    for (i, c) in ranked.into_iter().enumerate() {
        let position = i + 1;
        let past_top = top.is_some_and(|top| position > top);
        let too_small = below.is_some_and(|t| c.share.is_some_and(|s| s < t));
        if position > 1 && (past_top || too_small) {
            rows.folded.push(c);
        } else {
            rows.shown.push(c);
        }
    }
    if rows.folded.len() == 1 {
        rows.shown.append(&mut rows.folded);
    }
    rows
}

/// "रमेश अवस्थी · भाजपा".
fn row_name(c: &CandidateFigures, ctx: &ChartContext<'_>) -> String {
    format!("{} · {}", c.name, ctx.short(&c.party))
}

fn candidate_value(c: &CandidateFigures, result: &ResultFigures, ctx: &ChartContext<'_>) -> Value {
    Value {
        color: Some(ctx.color(&c.party)),
        ..Value::new(
            c.votes as f64,
            label(c.votes, c.approx, c.share, result, ctx),
        )
    }
}

fn others_value(
    folded: &[&CandidateFigures],
    result: &ResultFigures,
    ctx: &ChartContext<'_>,
) -> Value {
    let votes: u64 = folded.iter().map(|c| c.votes).sum();
    let approx = folded.iter().any(|c| c.approx);
    let share = result.complete.then(|| share::percent(votes, result.total));
    Value {
        color: Some(NEUTRAL.to_string()),
        ..Value::new(votes as f64, label(votes, approx, share, result, ctx))
    }
}

/// "4,43,055 (49.93%)"; with a "more than" count, "4,43,055 से अधिक (लगभग 49.93%)";
/// the count alone when the result has no shares.
fn label(
    votes: u64,
    approx: bool,
    share: Option<f64>,
    result: &ResultFigures,
    ctx: &ChartContext<'_>,
) -> String {
    let count = ctx.votes(votes, approx);
    let Some(share) = share else {
        return count;
    };
    let share = numfmt::pct(share);
    let share = if result.approx {
        ctx.words().about(&share)
    } else {
        share
    };
    format!("{count} ({})", ctx.digits(share))
}
