//! `seats`: a seat tally as bars, one row per party (or alliance), seats won and, while
//! counting, seats leading side by side, each bar in the party's colour and labelled in
//! words. Horizontal bars read on a 360 px phone at any number of seats (a half-circle of
//! 543 seats would draw dots of 2 px); the table under the chart has every figure.
//! The figures are those of `tally()` (`election::tally`), from every result of the site.

use super::{ChartContext, ChartOptions, Kind, NEUTRAL, required};
use crate::chart::{ChartSpec, Layout, Series, Value};
use crate::election::tally::{Tally, TallyQuery, TallyRow};

pub(super) fn spec(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let election = required(&o.election, "election", Kind::Seats, "\"लोकसभा 2024\"")?;
    let by_alliance = match o.by.as_deref() {
        None | Some("party") => false,
        Some("alliance") => true,
        Some(other) => {
            return Err(format!(
                "by = \"{other}\" is not a way to group seats; use \"party\" or \"alliance\""
            ));
        }
    };
    let query = TallyQuery {
        election: election.to_string(),
        state: o.state.clone(),
        section: o.section.clone(),
    };
    let tally = ctx.ledger.tally(&query, ctx.alliances)?;
    if tally.seats == 0 {
        return Err(format!(
            "no seat of \"{election}\" in section \"{}\" yet, so a seats chart has nothing to show",
            o.section.as_deref().unwrap_or("")
        ));
    }
    if by_alliance && tally.alliances.is_empty() {
        return Err(format!(
            "by = \"alliance\" needs the alliances of {} in site.toml, e.g. [alliances.2024] INDIA = [\"INC\", \"SP\"]",
            tally.election
        ));
    }
    let words = ctx.words();
    let rows: Vec<(String, &TallyRow, String)> = if by_alliance {
        let mut rows: Vec<(String, &TallyRow, String)> = tally
            .alliances
            .iter()
            .map(|a| {
                let color = a
                    .parties
                    .first()
                    .map_or_else(|| NEUTRAL.to_string(), |p| ctx.color(p));
                (a.name.clone(), a, color)
            })
            .collect();
        if let Some(others) = tally.others.as_ref().filter(|o| o.seats > 0) {
            rows.push((words.others.to_string(), others, NEUTRAL.to_string()));
        }
        rows
    } else {
        tally
            .parties
            .iter()
            .map(|p| (ctx.short(&p.name), p, ctx.color(&p.name)))
            .collect()
    };
    let counting = tally.counting > 0;
    let value = |n: usize, color: &str| {
        let mut v = Value::new(n as f64, ctx.digits(n.to_string()));
        v.color = Some(color.to_string());
        Some(v)
    };
    let mut series = vec![Series {
        label: words.seats_won.to_string(),
        color: NEUTRAL.to_string(),
        values: rows.iter().map(|(_, r, c)| value(r.won, c)).collect(),
    }];
    if counting {
        series.push(Series {
            label: words.leading_series.to_string(),
            color: NEUTRAL.to_string(),
            values: rows.iter().map(|(_, r, c)| value(r.leading, c)).collect(),
        });
    }
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title: words.seats_title(o.state.as_deref(), &tally.election, by_alliance),
        note: note(&tally, ctx),
        source: None,
        lang: ctx.lang.to_string(),
        row_header: if by_alliance {
            words.alliance
        } else {
            words.party
        }
        .to_string(),
        rows: rows.into_iter().map(|(name, _, _)| name).collect(),
        series,
        highlight: None,
    })
}

/// How far the count is, and seats with nobody ahead, in words under the title.
fn note(tally: &Tally, ctx: &ChartContext<'_>) -> Option<String> {
    let words = ctx.words();
    let n = |x: usize| ctx.digits(x.to_string());
    let mut notes = Vec::new();
    if tally.counting > 0 {
        notes.push(words.seats_counting(&n(tally.seats), &n(tally.declared), &n(tally.counting)));
    }
    if tally.undecided > 0 {
        notes.push(words.seats_undecided(&n(tally.undecided)));
    }
    (!notes.is_empty()).then(|| notes.join(" "))
}
