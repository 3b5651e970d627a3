//! `reported`: the figures a report gave for one party, segment by segment, against the
//! page's own (official) data, so a reader sees where the report went wrong.
//!
//! Rows are the segments the report gives, in the result's order. A segment the report
//! gives two or three figures for (a report that contradicts itself) gets a row per figure.
//! When the report gives every segment, a last row shows the votes it leaves in no segment:
//! the party's total less the sum of the segment figures, for the report (with the party's
//! total from the data, and each alternative figure in turn) and for the data (where it is
//! usually the postal ballots). Only the report's own figures and sums of them are shown;
//! nothing is estimated.

use super::{ChartContext, ChartOptions, Kind, NEUTRAL, example_result, required, source_of};
use crate::chart::{ChartSpec, Layout, Series, Value};
use crate::diagnostics::closest;
use crate::election::ResultFigures;
use crate::numfmt;

/// One row: its name, the report's figure and the data's (None where it gives none).
struct Row {
    name: String,
    reported: u64,
    official: Option<u64>,
}

pub(super) fn spec(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let id = required(&o.result, "result", Kind::Reported, &example_result(ctx))?;
    let result = ctx.result(id)?;
    super::require_segments(result, Kind::Reported)?;
    let code = required(&o.party, "party", Kind::Reported, "\"INC\"")?;
    ctx.party(code)?;
    let party = result.find_party(code)?;
    if o.reported.is_empty() {
        return Err(
            "a reported chart needs `reported`, the report's figures by segment, e.g. reported = { \"कैंट\" = 86940 }".into(),
        );
    }
    for (segment, _) in &o.reported {
        if !result.segments.iter().any(|s| &s.name == segment) {
            let names = result.segments.iter().map(|s| s.name.as_str());
            let hint = closest(segment, names.clone())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            let list: Vec<&str> = names.collect();
            return Err(format!(
                "`reported` names `{segment}`, which is not a segment of `{}`; segments: {}{hint}",
                result.id,
                list.join(", ")
            ));
        }
    }
    let words = ctx.words();
    let rows = rows(o, result, code, party.votes, words);
    let who = ctx.short(code);
    let report = o.report.clone().unwrap_or_else(|| words.report.to_string());
    let value = |n: u64| Some(Value::new(n as f64, ctx.votes(n, false)));
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title: words.reported_title(&result.constituency, &result.election, &who),
        note: Some(words.in_no_segment_note(&ctx.votes(party.votes, party.approx))),
        source: source_of(&[result]),
        lang: ctx.lang.to_string(),
        row_header: words.segment.to_string(),
        rows: rows.iter().map(|r| r.name.clone()).collect(),
        series: vec![
            Series {
                label: report,
                color: NEUTRAL.to_string(),
                values: rows.iter().map(|r| value(r.reported)).collect(),
            },
            Series {
                label: words.official.to_string(),
                color: ctx.color(code),
                values: rows.iter().map(|r| r.official.and_then(value)).collect(),
            },
        ],
        highlight: None,
    })
}

fn rows(
    o: &ChartOptions,
    result: &ResultFigures,
    code: &str,
    total: u64,
    words: &super::words::Words,
) -> Vec<Row> {
    let given = |segment: &str| {
        o.reported
            .iter()
            .find(|(s, _)| s == segment)
            .map(|(_, f)| f)
    };
    let mut rows = Vec::new();
    for segment in &result.segments {
        let Some(figures) = given(&segment.name) else {
            continue;
        };
        let official = result.party_votes_in_segment(code, &segment.name);
        for (i, &reported) in figures.iter().enumerate() {
            let name = match i {
                0 => segment.name.clone(),
                _ => words.nth_figure(&segment.name, i),
            };
            rows.push(Row {
                name,
                reported,
                official,
            });
        }
    }
    let every_segment = result.segments.iter().all(|s| given(&s.name).is_some());
    if !every_segment {
        return rows;
    }
    let official_sum: Option<u64> = result
        .segments
        .iter()
        .map(|s| result.party_votes_in_segment(code, &s.name))
        .sum();
    let official = official_sum.map(|sum| total.saturating_sub(sum));
    let most = o.reported.iter().map(|(_, f)| f.len()).max().unwrap_or(1);
    for i in 0..most {
        // The i-th figure where a segment has one, its first figure elsewhere.
        let sum: u64 = o
            .reported
            .iter()
            .map(|(_, f)| f.get(i).or(f.first()).copied().unwrap_or(0))
            .sum();
        let name = match i {
            0 => words.in_no_segment.to_string(),
            _ => words.in_no_segment_with(i),
        };
        rows.push(Row {
            name,
            reported: total.saturating_sub(sum),
            official,
        });
    }
    rows
}

/// Used by the words: "दूसरा", "तीसरा" / "second", "third".
pub(super) fn ordinal(hindi: bool, i: usize) -> String {
    const HI: [&str; 3] = ["पहला", "दूसरा", "तीसरा"];
    const EN: [&str; 3] = ["first", "second", "third"];
    let words = if hindi { HI } else { EN };
    words
        .get(i)
        .map_or_else(|| numfmt::inr_unsigned(i as u64 + 1), |w| w.to_string())
}
