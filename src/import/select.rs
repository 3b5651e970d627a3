//! Which rows belong to which seat, and which seat `--constituency` / `--state` mean.
//!
//! A seat is its state plus its number wherever the file gives a number (ECI's
//! state_code, PC No, TCPD's Constituency_No): two states each have an Aurangabad and a
//! Maharajganj, and spellings drift between files, numbers do not.

use super::layout::{CandidateRow, SeatId, SegmentRow};
use crate::config::fold_name;
use crate::diagnostics::Diagnostic;
use std::collections::BTreeSet;
use std::path::Path;

/// How seats are told apart: (state, number) or, without a number, (state, name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeatKey {
    state: String,
    number: Option<u32>,
    name: String,
}

impl SeatKey {
    pub fn of(seat: &SeatId) -> SeatKey {
        let state = seat.state.as_deref().map(fold_name).unwrap_or_default();
        match seat.number {
            Some(n) => SeatKey {
                state,
                number: Some(n),
                name: String::new(),
            },
            None => SeatKey {
                state,
                number: None,
                name: seat.name.as_deref().map(fold_name).unwrap_or_default(),
            },
        }
    }

    /// Whether a segment file's seat is this seat: by number when both have one, by state
    /// only when both name one.
    pub fn covers(&self, other: &SeatId) -> bool {
        let other = SeatKey::of(other);
        let state_ok = self.state.is_empty() || other.state.is_empty() || self.state == other.state;
        let seat_ok = match (self.number, other.number) {
            (Some(a), Some(b)) => a == b,
            (_, None) if other.name.is_empty() => true,
            _ => self.name.is_empty() || other.name.is_empty() || self.name == other.name,
        };
        state_ok && seat_ok
    }
}

/// One seat's rows, in file order.
#[derive(Debug, Clone)]
pub struct SeatRows<'a> {
    pub key: SeatKey,
    pub rows: Vec<&'a CandidateRow>,
    pub totals: Vec<&'a CandidateRow>,
}

/// The rows grouped into seats, in the order the file first names them. An ECI "Total"
/// row belongs to the seat above it.
pub fn group<'a>(rows: &'a [CandidateRow]) -> Vec<SeatRows<'a>> {
    let mut seats: Vec<SeatRows<'a>> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for row in rows {
        if row.is_total_row {
            if let Some(last) = seats.last_mut() {
                last.totals.push(row);
            }
            continue;
        }
        let key = SeatKey::of(&row.seat);
        let at = *index.entry(key.clone()).or_insert_with(|| {
            seats.push(SeatRows {
                key,
                rows: Vec::new(),
                totals: Vec::new(),
            });
            seats.len() - 1
        });
        seats[at].rows.push(row);
    }
    seats
}

/// Keeps the rows of one year and of general elections; says why when that is unclear.
pub fn filter_year(
    path: &Path,
    rows: Vec<CandidateRow>,
    year: Option<i64>,
    notices: &mut Vec<String>,
) -> Result<(Vec<CandidateRow>, i64), Diagnostic> {
    let years: BTreeSet<i64> = rows.iter().filter_map(|r| r.year).collect();
    let chosen = match (year, years.len()) {
        (Some(y), _) => y,
        (None, 1) => *years.iter().next().expect("one"),
        (None, 0) => {
            return Err(Diagnostic::error(
                path,
                "the file does not say which election year it holds; give it with --year, e.g. --year 2024",
            ));
        }
        (None, _) => {
            let list: Vec<String> = years.iter().map(i64::to_string).collect();
            return Err(Diagnostic::error(
                path,
                format!(
                    "the file holds results of {}; choose one with --year",
                    list.join(", ")
                ),
            ));
        }
    };
    if year.is_some() && !years.is_empty() && !years.contains(&chosen) {
        let list: Vec<String> = years.iter().map(i64::to_string).collect();
        return Err(Diagnostic::error(
            path,
            format!(
                "the file has no results of {chosen}; it holds {}",
                list.join(", ")
            ),
        ));
    }
    let rows: Vec<CandidateRow> = rows
        .into_iter()
        .filter(|r| r.is_total_row || r.year.is_none_or(|y| y == chosen))
        .collect();
    let general: Vec<CandidateRow> = rows.iter().filter(|r| r.poll == 0).cloned().collect();
    let by_elections = rows.len() - general.len();
    if by_elections > 0 {
        notices.push(format!(
            "left out {by_elections} by-election row(s) (Poll_No above 0); the general election's are imported"
        ));
    }
    Ok((general, chosen))
}

pub fn filter_segment_year(rows: Vec<SegmentRow>, year: i64) -> Vec<SegmentRow> {
    rows.into_iter()
        .filter(|r| r.year.is_none_or(|y| y == year))
        .collect()
}

/// The seat `--constituency` (a name or a number) and `--state` pick out.
pub fn pick<'s, 'a>(
    path: &Path,
    seats: &'s [SeatRows<'a>],
    constituency: &str,
    state: Option<&str>,
) -> Result<&'s SeatRows<'a>, Diagnostic> {
    let wanted = fold_name(constituency);
    let state_folded = state.map(|s| fold_name(&s.replace('_', " ")));
    let in_state: Vec<&SeatRows> = seats
        .iter()
        .filter(|s| state_folded.as_ref().is_none_or(|st| s.key.state == *st))
        .collect();
    if in_state.is_empty() {
        let states: BTreeSet<String> = seats
            .iter()
            .filter_map(|s| s.rows[0].seat.state.clone())
            .collect();
        let list: Vec<&str> = states.iter().map(String::as_str).collect();
        let hint = crate::diagnostics::closest(state.unwrap_or(""), list.iter().copied())
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        return Err(Diagnostic::error(
            path,
            format!("no state \"{}\" in this file{hint}", state.unwrap_or("")),
        ));
    }
    let by_number = wanted.parse::<u32>().ok();
    let matches: Vec<&SeatRows> = in_state
        .iter()
        .copied()
        .filter(|s| {
            let seat = &s.rows[0].seat;
            match by_number {
                Some(n) => seat.number == Some(n),
                None => seat
                    .name
                    .as_deref()
                    .is_some_and(|name| same_name(name, &wanted)),
            }
        })
        .collect();
    match matches.len() {
        1 => Ok(matches[0]),
        0 => Err(not_found(path, &in_state, constituency, state)),
        _ => {
            let listed: Vec<String> = matches
                .iter()
                .map(|s| format!("{} (line {})", s.rows[0].seat.label(), s.rows[0].line))
                .collect();
            let states: Vec<String> = matches
                .iter()
                .filter_map(|s| s.rows[0].seat.state.clone())
                .map(|s| format!("--state \"{s}\""))
                .collect();
            Err(Diagnostic::error(
                path,
                format!(
                    "{} seats match \"{constituency}\": {}; say which with {}",
                    matches.len(),
                    listed.join(", "),
                    states.join(" or ")
                ),
            ))
        }
    }
}

/// "Kanpur" is "KANPUR"; a reserved seat's "(SC)" suffix need not be typed.
fn same_name(name: &str, wanted: &str) -> bool {
    let name = fold_name(name);
    if name == wanted {
        return true;
    }
    for suffix in [" (sc)", " (st)", "(sc)", "(st)"] {
        if let Some(base) = name.strip_suffix(suffix)
            && base.trim() == wanted
        {
            return true;
        }
    }
    false
}

fn not_found(
    path: &Path,
    seats: &[&SeatRows],
    constituency: &str,
    state: Option<&str>,
) -> Diagnostic {
    let names: Vec<String> = seats
        .iter()
        .filter_map(|s| s.rows[0].seat.name.clone())
        .collect();
    let hint = crate::diagnostics::closest(constituency, names.iter().map(String::as_str))
        .and_then(|name| {
            seats
                .iter()
                .find(|s| s.rows[0].seat.name.as_deref() == Some(name))
                .map(|s| format!("; did you mean {}?", s.rows[0].seat.label()))
        })
        .unwrap_or_default();
    let place = match state {
        Some(state) => format!(" in {state}"),
        None => String::new(),
    };
    Diagnostic::error(
        path,
        format!(
            "no seat \"{constituency}\"{place} in this file ({} seats){hint}",
            seats.len()
        ),
    )
}
