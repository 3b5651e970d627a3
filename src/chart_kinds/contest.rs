//! `contest`: in each assembly segment, the votes of the result's top N parties side by
//! side (N = `top`, 3 by default), so a reader sees who led where.

use super::{
    ChartContext, ChartOptions, Kind, example_result, require_segments, required, segment_rows,
    source_of,
};
use crate::chart::{ChartSpec, Layout, Series, Value};
use crate::election::ResultFigures;
use crate::election::result::NOTA;

const DEFAULT_TOP: usize = 3;

pub(super) fn spec(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let id = required(&o.result, "result", Kind::Contest, &example_result(ctx))?;
    let result = ctx.result(id)?;
    require_segments(result, Kind::Contest)?;
    let rows = segment_rows(&[result]);
    let parties = top_parties(result, &rows, o.top.unwrap_or(DEFAULT_TOP));
    if parties.is_empty() {
        return Err(format!(
            "result `{}` has no segment figures for any party: its candidates have no `by_segment` votes",
            result.id
        ));
    }
    let series = parties
        .iter()
        .map(|code| Series {
            label: ctx.short(code),
            color: ctx.color(code),
            values: rows
                .iter()
                .map(|s| {
                    // Segment figures are exact counts, even in an approximate result.
                    result
                        .party_votes_in_segment(code, s)
                        .map(|v| Value::new(v as f64, ctx.votes(v, false)))
                })
                .collect(),
        })
        .collect();
    let words = ctx.words();
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title: words.contest_title(&result.constituency, &result.election),
        note: None,
        source: source_of(&[result]),
        lang: ctx.lang.to_string(),
        row_header: words.segment.to_string(),
        rows,
        series,
        highlight: None,
    })
}

/// The `top` parties with the most votes overall that have segment figures (NOTA is not
/// a party in the contest). Equal votes keep `party_order`'s order.
fn top_parties<'r>(result: &'r ResultFigures, rows: &[String], top: usize) -> Vec<&'r str> {
    result
        .party_order
        .iter()
        .map(String::as_str)
        .filter(|p| *p != NOTA)
        .filter(|p| {
            rows.iter()
                .any(|s| result.party_votes_in_segment(p, s).is_some())
        })
        .take(top)
        .collect()
}
