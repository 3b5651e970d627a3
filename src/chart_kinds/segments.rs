//! `segments`: one party's (or one candidate's) votes in each assembly segment, one bar
//! per result, so that elections compare segment by segment.

use super::{ChartContext, ChartOptions, Kind, Sort, require_segments, segment_rows, source_of};
use crate::chart::{ChartSpec, Layout, Series, Value};
use crate::election::ResultFigures;

/// Who the chart follows across the results.
#[derive(Clone, Copy)]
enum Follow<'a> {
    Party(&'a str),
    Candidate(&'a str),
}

/// One bar's figure: the votes, or why there is none.
enum Figure {
    Votes(u64),
    /// The party (candidate) was not in this result at all.
    DidNotStand,
    /// In the result, but the data gives no figure for this segment.
    Unknown,
}

pub(super) fn spec(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let results = ctx.results_named(&o.results, Kind::Segments)?;
    for r in &results {
        require_segments(r, Kind::Segments)?;
    }
    let follow = follow(o, ctx, &results)?;
    let mut rows = segment_rows(&results);
    let figure = |r: &ResultFigures, row: &str| {
        let name = r.segment_for_row(row, &results).map(|s| s.name.as_str());
        figure(follow, r, name.unwrap_or(row))
    };
    let has_figure = |r: &&ResultFigures| {
        rows.iter()
            .any(|s| matches!(figure(r, s), Figure::Votes(_)))
    };
    if !results.iter().any(has_figure) {
        let ids: Vec<&str> = results.iter().map(|r| r.id.as_str()).collect();
        return Err(format!(
            "no segment figures for {} in {}: its candidates have no `by_segment` votes",
            who(follow, ctx),
            ids.join(", ")
        ));
    }
    if o.sort == Sort::Votes
        && let Some(latest) = results.last()
    {
        // Stable: equal votes keep the result's order.
        rows.sort_by_key(|s| std::cmp::Reverse(votes_or_zero(figure(latest, s))));
    }
    let color = color(follow, ctx, &results);
    let latest = results.len() - 1;
    let series = results
        .iter()
        .enumerate()
        .map(|(i, r)| Series {
            label: r.election.clone(),
            color: if i == latest {
                color.clone()
            } else {
                earlier_tint(&color)
            },
            values: rows.iter().map(|s| value(figure(r, s), ctx)).collect(),
        })
        .collect();
    let latest = results[latest];
    let elections: Vec<&str> = results.iter().map(|r| r.election.as_str()).collect();
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title: ctx
            .words()
            .segments_title(&latest.constituency, &who(follow, ctx), &elections),
        note: None,
        source: source_of(&results),
        lang: ctx.lang.to_string(),
        row_header: ctx.words().segment.to_string(),
        rows,
        series,
        highlight: None,
    })
}

/// `party` or `candidate` (exactly one), standing in at least one of the results.
fn follow<'o>(
    o: &'o ChartOptions,
    ctx: &ChartContext<'_>,
    results: &[&ResultFigures],
) -> Result<Follow<'o>, String> {
    let latest = results.last().ok_or("a segments chart needs `results`")?;
    match (&o.party, &o.candidate) {
        (Some(_), Some(_)) => Err(
            "a segments chart follows a `party` or a `candidate`, not both: remove one".into(),
        ),
        (Some(code), None) => {
            ctx.party(code)?;
            if !results.iter().any(|r| r.parties.contains_key(code)) {
                latest.find_party(code)?;
            }
            Ok(Follow::Party(code))
        }
        (None, Some(name)) => {
            if !results.iter().any(|r| r.find_candidate(name).is_ok()) {
                latest.find_candidate(name)?;
            }
            Ok(Follow::Candidate(name))
        }
        (None, None) => Err(
            "a segments chart needs `party` (e.g. party = \"INC\") or `candidate` (e.g. candidate = \"आलोक मिश्रा\")".into(),
        ),
    }
}

fn figure(follow: Follow<'_>, r: &ResultFigures, segment: &str) -> Figure {
    let votes = match follow {
        Follow::Party(code) if !r.parties.contains_key(code) => return Figure::DidNotStand,
        Follow::Party(code) => r.party_votes_in_segment(code, segment),
        Follow::Candidate(name) => match r.find_candidate(name) {
            Ok(c) => c.by_segment.get(segment).copied(),
            Err(_) => return Figure::DidNotStand,
        },
    };
    votes.map_or(Figure::Unknown, Figure::Votes)
}

fn votes_or_zero(figure: Figure) -> u64 {
    match figure {
        Figure::Votes(v) => v,
        Figure::DidNotStand | Figure::Unknown => 0,
    }
}

/// Segment figures are counts from the source, exact even in an approximate result.
fn value(figure: Figure, ctx: &ChartContext<'_>) -> Option<Value> {
    match figure {
        Figure::Votes(v) => Some(Value::new(v as f64, ctx.votes(v, false))),
        Figure::DidNotStand => Some(Value::new(0.0, ctx.words().did_not_stand)),
        Figure::Unknown => None,
    }
}

/// The party's short name, or the candidate's name.
fn who(follow: Follow<'_>, ctx: &ChartContext<'_>) -> String {
    match follow {
        Follow::Party(code) => ctx.short(code),
        Follow::Candidate(name) => name.to_string(),
    }
}

/// The party's colour; a candidate's is their party's in the latest result they stood in.
fn color(follow: Follow<'_>, ctx: &ChartContext<'_>, results: &[&ResultFigures]) -> String {
    match follow {
        Follow::Party(code) => ctx.color(code),
        Follow::Candidate(name) => results
            .iter()
            .rev()
            .find_map(|r| r.find_candidate(name).ok())
            .map_or_else(|| super::NEUTRAL.to_string(), |c| ctx.color(&c.party)),
    }
}

/// A lighter tint of a colour for earlier elections, so the latest stands out. (The
/// engine darkens it again where it would fall below 3:1 against the page.)
fn earlier_tint(hex: &str) -> String {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(128)
    };
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * 0.45).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(1)),
        mix(channel(3)),
        mix(channel(5))
    )
}

#[cfg(test)]
mod tests {
    use super::earlier_tint;

    #[test]
    fn earlier_results_are_a_lighter_tint() {
        assert_eq!(earlier_tint("#19aaed"), "#81d0f5");
        assert_eq!(earlier_tint("nope"), "#b9b9b9");
    }
}
