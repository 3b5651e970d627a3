//! Site-wide checks: the same candidate of the same constituency and year must have the
//! same figures wherever the site gives them.

use super::count::printable;
use super::page::PageResults;
use super::result::{Candidate, Place};
use crate::diagnostics::Diagnostic;
use crate::numfmt::inr_unsigned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One figure as written somewhere: the value, whether it is a "more than" figure, where.
struct Figure<'a> {
    value: u64,
    approx: bool,
    place: &'a Place,
}

/// Reports figures for one constituency + year + candidate that disagree between two
/// places of the site (pages or data files). Each conflict is reported at the later place
/// (by file, then line) and names the earlier one. A data result pulled into several pages
/// is one place, not several.
pub fn check_site(pages: &[(&Path, &PageResults)]) -> Vec<Diagnostic> {
    let mut seen_results: BTreeSet<&Place> = BTreeSet::new();
    // (constituency, year, name) → every occurrence of that candidate.
    let mut occurrences: BTreeMap<(&str, i64, &str), Vec<&Candidate>> = BTreeMap::new();
    for (_, page) in pages {
        for figures in page.iter() {
            let result = &figures.result;
            if !seen_results.insert(&result.place) {
                continue;
            }
            for candidate in &result.candidates {
                occurrences
                    .entry((
                        result.constituency.as_str(),
                        result.year,
                        candidate.name.as_str(),
                    ))
                    .or_default()
                    .push(candidate);
            }
        }
    }

    let mut diagnostics = Vec::new();
    for ((constituency, year, name), mut list) in occurrences {
        if list.len() < 2 {
            continue;
        }
        list.sort_by(|a, b| a.votes_place.cmp(&b.votes_place));
        let first = list[0];
        for &later in &list[1..] {
            let who = format!(
                "{} ({}), {} {year}",
                printable(name),
                printable(&later.party),
                printable(constituency)
            );
            for (label, here, there) in figure_pairs(first, later) {
                if disagree(&here, &there) {
                    diagnostics.push(
                        Diagnostic::error(&here.place.file, format!(
                            "{who}: {label} is {} here but {} at {}; the same figure must agree across the site",
                            describe(&here),
                            describe(&there),
                            there.place.short()
                        ))
                        .at_line(here.place.line)
                        .with_field(&here.place.field),
                    );
                }
            }
        }
    }
    diagnostics
}

/// (label, figure at `later`, figure at `first`) for every figure both give.
fn figure_pairs<'a>(
    first: &'a Candidate,
    later: &'a Candidate,
) -> Vec<(String, Figure<'a>, Figure<'a>)> {
    let mut pairs = vec![(
        "votes".to_string(),
        Figure {
            value: later.votes,
            approx: later.approx,
            place: &later.votes_place,
        },
        Figure {
            value: first.votes,
            approx: first.approx,
            place: &first.votes_place,
        },
    )];
    if let (Some(here), Some(here_place), Some(there), Some(there_place)) = (
        later.postal,
        &later.postal_place,
        first.postal,
        &first.postal_place,
    ) {
        pairs.push((
            "postal".to_string(),
            Figure {
                value: here,
                approx: false,
                place: here_place,
            },
            Figure {
                value: there,
                approx: false,
                place: there_place,
            },
        ));
    }
    for (segment, here) in &later.by_segment {
        let (Some(there), Some(here_place), Some(there_place)) = (
            first.segment_votes(segment),
            later.segment_places.get(segment),
            first.segment_places.get(segment),
        ) else {
            continue;
        };
        pairs.push((
            format!("the {} figure", printable(segment)),
            Figure {
                value: *here,
                approx: later.approx,
                place: here_place,
            },
            Figure {
                value: there,
                approx: first.approx,
                place: there_place,
            },
        ));
    }
    pairs
}

/// Two exact figures disagree when they differ; a "more than" figure only when the exact
/// one is below it; two "more than" figures never.
fn disagree(a: &Figure, b: &Figure) -> bool {
    match (a.approx, b.approx) {
        (false, false) => a.value != b.value,
        (true, false) => b.value < a.value,
        (false, true) => a.value < b.value,
        (true, true) => false,
    }
}

fn describe(figure: &Figure) -> String {
    if figure.approx {
        format!("more than {}", inr_unsigned(figure.value))
    } else {
        inr_unsigned(figure.value)
    }
}
