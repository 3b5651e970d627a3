//! Site-wide checks: the same candidate of the same constituency and year must have the
//! same figures wherever the site gives them.

use super::count::printable;
use super::page::PageResults;
use super::result::{Candidate, ElectionResult, Place};
use crate::diagnostics::Diagnostic;
use crate::fast_hash::{FastMap, FastSet};
use crate::numfmt::inr_unsigned;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

/// (constituency's skeleton, year, candidate name folded). The skeleton leaves out what
/// spellings of one seat differ in (vowel length, a य dropped from a conjunct, spaces and
/// hyphens: डिब्रुगढ़ / डिब्रूगढ़, लक्ष्यद्वीप / लक्षद्वीप, पटना-साहिब); two occurrences with
/// one skeleton are one seat only when their folded names are one too, when this
/// candidate has the same votes in both, or when their results share a candidate of the
/// same name and party (below). The state is not in the
/// key, as a page may leave it out; two occurrences are one seat when their states agree.
type CandidateKey = (String, i64, String);

/// One occurrence of a candidate: the candidate, the constituency as written, its folded
/// name, the state folded (when the result gives one), the result it is in, and that
/// result's candidates.
struct Occurrence<'a> {
    candidate: &'a Candidate,
    constituency: &'a str,
    seat: String,
    state: Option<String>,
    result: &'a Place,
    /// The result lists every candidate: a better reference than a partial one.
    complete: bool,
    all: &'a [Candidate],
    /// That result's candidates folded (`Folded`).
    folded: &'a Folded<'a>,
}

/// A result's candidates, each name folded (`fold::key`) with its party, NOTA left out:
/// folded once per result, since every pair of results of one seat compares them.
struct Folded<'a> {
    names: Vec<(String, &'a str)>,
}

impl<'a> Folded<'a> {
    fn of(candidates: &'a [Candidate]) -> Folded<'a> {
        let names = candidates
            .iter()
            .filter(|c| !c.is_nota())
            .map(|c| (super::fold::key(&c.name), c.party.as_str()))
            .collect();
        Folded { names }
    }
}

/// The skeleton of a seat's folded name: its consonants, word after word without spaces.
fn seat_skeleton(seat: &str) -> String {
    seat.split_whitespace().map(super::fold::skeleton).collect()
}

/// Two results of seats whose names differ but share a skeleton are one seat when they
/// share most candidates (the same name, folded, and the same party): at least half of
/// the shorter list. One namesake in common is not enough: "Meena Khan (BSP)" may stand
/// in two seats whose names fold alike (पुसापुर, आपुश्यापुर).
fn share_a_candidate(a: &Folded, b: &Folded) -> bool {
    let shared = a.names.iter().filter(|name| b.names.contains(name)).count();
    let shorter = a.names.len().min(b.names.len());
    shared > 0 && shared * 2 >= shorter
}

/// Two results name one seat unless both give a state and the states differ: a 543-seat
/// site has Maharajganj in Uttar Pradesh and in Bihar, Aurangabad in Bihar and Maharashtra.
fn states_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => super::fold::same_state(x, y),
        _ => true,
    }
}

/// One figure as written somewhere: the value, whether it is a "more than" figure, where.
struct Figure<'a> {
    value: u64,
    approx: bool,
    place: Cow<'a, Place>,
}

/// Reports figures for one constituency + year + candidate that disagree between two
/// places of the site (pages or data files). Each conflict is reported at the later place
/// (by file, then line) and names the earlier one. A data result pulled into several pages
/// is one place, not several. `data` is every result of data/, also those no page pulls
/// in: a page that retypes a seat of data/ is compared with it.
pub fn check_site(
    pages: &[(&Path, &PageResults)],
    data: &[super::derive::ResultFigures],
) -> Vec<Diagnostic> {
    let mut seen_results: HashSet<&Place> = HashSet::new();
    let results: Vec<&ElectionResult> = data
        .iter()
        .chain(pages.iter().flat_map(|(_, page)| page.iter()))
        .map(|figures| &figures.result)
        .filter(|result| seen_results.insert(&result.place))
        .collect();
    check_results(&results)
}

/// `check_site` one seat at a time, keeping what each seat's results gave: results are
/// only ever compared with results of the same seat skeleton (every key of the check
/// begins with it), so the findings of a seat whose results are as before are those
/// found before. `pages` carries each page's fingerprint of its checked results
/// (`PageFacts::results`, which covers their places too), `data_print` that of data/;
/// `kept` is what the last call found per seat (a seat's key: the prints of its results
/// in order) and holds this call's afterwards. The findings are `check_site`'s, in
/// another order (callers sort them). What `serve` runs after an article is added or
/// removed: the other seats' comparisons are not made again.
pub fn check_site_by_seat(
    pages: &[(&Path, &PageResults, u64)],
    data: &[super::derive::ResultFigures],
    data_print: u64,
    kept: &mut HashMap<u64, Vec<Diagnostic>>,
) -> Vec<Diagnostic> {
    let mut seen_results: FastSet<&Place> = FastSet::default();
    let mut skeletons: FastMap<&str, String> = FastMap::default();
    // Seat skeleton → its results and the prints that say they are as before.
    let mut groups: BTreeMap<String, (Vec<&ElectionResult>, crate::fingerprint::Fingerprinter)> =
        BTreeMap::new();
    let data_results = data.iter().map(|f| (&f.result, (data_print, 0usize, None)));
    let page_results = pages.iter().flat_map(|(file, page, print)| {
        page.iter()
            .enumerate()
            .map(move |(i, f)| (&f.result, (*print, i, Some(*file))))
    });
    for (result, print) in data_results.chain(page_results) {
        if !seen_results.insert(&result.place) {
            continue;
        }
        let skeleton = skeletons
            .entry(result.constituency.as_str())
            .or_insert_with(|| seat_skeleton(&super::fold::seat_key(&result.constituency).0));
        let (members, key) = groups
            .entry(skeleton.clone())
            .or_insert_with(|| (Vec::new(), crate::fingerprint::Fingerprinter::new()));
        members.push(result);
        key.add(&print);
    }
    let mut found = Vec::new();
    let mut now = HashMap::with_capacity(groups.len());
    for (skeleton, (members, mut key)) in groups {
        let key = key.add(&skeleton).finish();
        let diagnostics = match kept.remove(&key) {
            Some(d) => d,
            None => check_results(&members),
        };
        found.extend(diagnostics.iter().cloned());
        now.insert(key, diagnostics);
    }
    *kept = now;
    found
}

/// The comparisons of `check_site` among `results` (each place once).
fn check_results(results: &[&ElectionResult]) -> Vec<Diagnostic> {
    // (constituency, year, name), each folded so that spellings of one name meet (case,
    // punctuation, Unicode form) → every occurrence of that candidate.
    let mut occurrences: BTreeMap<CandidateKey, Vec<Occurrence>> = BTreeMap::new();
    // (skeleton, year) → the seat-wide figures of every result of that seat and year.
    let mut seats: BTreeMap<(String, i64), Vec<SeatFigures>> = BTreeMap::new();
    let folded: Vec<Folded> = results.iter().map(|r| Folded::of(&r.candidates)).collect();
    // Every file a candidate's votes are in, by its place among them in path order.
    let mut paths: Vec<&Path> = results
        .iter()
        .flat_map(|r| r.candidates.iter().map(|c| c.votes_place.file.as_path()))
        .collect::<HashSet<&Path>>()
        .into_iter()
        .collect();
    paths.sort_unstable();
    let files: HashMap<&Path, usize> = paths.into_iter().enumerate().map(|(i, p)| (p, i)).collect();
    for (&result, folded) in results.iter().zip(&folded) {
        // "हमीरपुर (उ.प्र.)" is Hamirpur in Uttar Pradesh.
        let (seat, state_named) = super::fold::seat_key(&result.constituency);
        let state = result
            .state
            .as_deref()
            .map(super::fold::key)
            .or(state_named);
        let skeleton = seat_skeleton(&seat);
        // A year that contradicts the election's label (already an error) leaves the
        // result compared under both: either may be the wrong one.
        let mut years = vec![result.year];
        years.extend(
            super::check::years_in(&result.election)
                .into_iter()
                .filter(|y| *y != result.year)
                .take(1),
        );
        for year in years {
            seats
                .entry((skeleton.clone(), year))
                .or_default()
                .push(SeatFigures {
                    result,
                    seat: seat.clone(),
                    state: state.clone(),
                    folded,
                });
            for candidate in &result.candidates {
                occurrences
                    .entry((skeleton.clone(), year, super::fold::key(&candidate.name)))
                    .or_default()
                    .push(Occurrence {
                        candidate,
                        constituency: result.constituency.as_str(),
                        seat: seat.clone(),
                        state: state.clone(),
                        result: &result.place,
                        complete: result.complete,
                        all: &result.candidates,
                        folded,
                    });
            }
        }
    }

    let mut diagnostics = Vec::new();
    for ((_, year, _), mut list) in occurrences {
        if list.len() < 2 {
            continue;
        }
        // Shared data/ files are the reference, then results that list every candidate: a
        // page that disagrees, or a partial result typed by hand, is the place to fix.
        // (Files by their place in `files`: the same order as comparing the paths, which
        // was a fifth of this check on a site of many articles on one seat.)
        list.sort_by_cached_key(|o| {
            let place = &o.candidate.votes_place;
            (
                !place.file.starts_with("data"),
                !o.complete,
                files.get(place.file.as_path()).copied(),
                place.line,
                place.field.as_str(),
            )
        });
        for (index, here) in list.iter().enumerate().skip(1) {
            let (later, constituency) = (here.candidate, here.constituency);
            // The reference is an earlier occurrence of the same seat in another result (two
            // namesakes in one result are two people: Chennai Central 2024 has a DMDK and an
            // independent B.PARTHASARATHY), the one of the same party when there is one;
            // none: another state's seat of the same name.
            // Read lazily: on a site of many articles on one seat the first earlier
            // occurrence is nearly always the reference, and testing every one of them
            // for every occurrence grew with the square of the articles.
            let earlier = || {
                list[..index]
                    .iter()
                    .filter(|o| {
                        states_agree(&o.state, &here.state)
                            // One place is one result (`seen_results`): the same
                            // result is the same reference.
                            && !std::ptr::eq(o.result, here.result)
                            && (o.seat == here.seat
                                || (o.candidate.votes == later.votes && later.votes > 0)
                                || share_a_candidate(o.folded, here.folded))
                    })
                    .map(|o| (o.candidate, o.all))
            };
            // Of another party, the name is a namesake when that result has a candidate of
            // this one's party besides (ECI's INC "ALOK MISRA" and IND "ALOK MISHRA": a page's
            // "Alok Mishra (INC)" is the first, spelled as the second), unless the votes are
            // this one's: then it is this candidate, with party codes swapped.
            let same_votes =
                |c: &Candidate| c.votes == later.votes && c.votes > 0 && !c.approx && !later.approx;
            let namesake = |(c, all): &(&Candidate, &[Candidate])| {
                c.party != later.party
                    && later.party != super::result::IND
                    && all.iter().any(|o| o.party == later.party)
                    && !same_votes(c)
            };
            let Some(first) = earlier()
                .find(|(c, _)| c.party == later.party)
                .or_else(|| earlier().find(|o| !namesake(o)))
                .map(|(c, _)| c)
            else {
                continue;
            };
            let (first, later): (&Candidate, &Candidate) = (first, later);
            // Named only in a message: most occurrences agree.
            let who = || {
                format!(
                    "{} ({}), {} {year}",
                    printable(&later.name),
                    printable(&later.party),
                    printable(constituency)
                )
            };
            if later.party != first.party {
                diagnostics.push(
                    Diagnostic::error(&later.votes_place.file, format!(
                        "{}: the party is {} here but {} at {}; the same candidate must have one party across the site",
                        who(),
                        printable(&later.party),
                        printable(&first.party),
                        first.votes_place.short()
                    ))
                    .at_line(later.name_place.line)
                    .with_field(later.name_place.field.replace(".name", ".party")),
                );
            }
            for (label, here, there) in figure_pairs(first, later) {
                if disagree(&here, &there) {
                    diagnostics.push(
                        Diagnostic::error(&here.place.file, format!(
                            "{}: {label} is {} here but {} at {}; the same figure must agree across the site",
                            who(),
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
    diagnostics.extend(seat_conflicts(seats));
    // A result compared under two years (its year and its label's) meets a conflict twice.
    let mut told = BTreeSet::new();
    diagnostics.retain(|d| told.insert(d.to_string()));
    diagnostics
}

/// A result's seat-wide figures (electors, votes polled), with its seat as matched.
struct SeatFigures<'a> {
    result: &'a super::result::ElectionResult,
    seat: String,
    state: Option<String>,
    folded: &'a Folded<'a>,
}

/// Electors and votes polled of one seat and year that differ between two results: the
/// seat has one electoral roll and one count. Matched as candidates are (same folded name,
/// or one skeleton and a shared candidate), the reference chosen the same way.
fn seat_conflicts(seats: BTreeMap<(String, i64), Vec<SeatFigures>>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for ((_, year), mut list) in seats {
        if list.len() < 2
            || list
                .iter()
                .all(|s| s.result.electors.is_none() && s.result.polled.is_none())
        {
            continue;
        }
        list.sort_by_key(|s| {
            (
                !s.result.place.file.starts_with("data"),
                !s.result.complete,
                s.result.place.clone(),
            )
        });
        for (index, here) in list.iter().enumerate().skip(1) {
            let same_seat = |o: &&SeatFigures| {
                states_agree(&o.state, &here.state)
                    && o.result.place != here.result.place
                    && (o.seat == here.seat || share_a_candidate(o.folded, here.folded))
            };
            let earlier = || list[..index].iter().filter(same_seat);
            for (label, value, place, of) in [
                (
                    "electors",
                    here.result.electors,
                    &here.result.electors_place,
                    (|r: &super::result::ElectionResult| (r.electors, r.electors_place.clone()))
                        as fn(&super::result::ElectionResult) -> (Option<u64>, Option<Place>),
                ),
                (
                    "polled",
                    here.result.polled,
                    &here.result.polled_place,
                    |r: &super::result::ElectionResult| (r.polled, r.polled_place.clone()),
                ),
            ] {
                let (Some(value), Some(place)) = (value, place) else {
                    continue;
                };
                let Some((there, there_place)) = earlier().find_map(|o| match of(o.result) {
                    (Some(v), Some(p)) => Some((v, p)),
                    _ => None,
                }) else {
                    continue;
                };
                if there != value {
                    diagnostics.push(
                        Diagnostic::error(&place.file, format!(
                            "{} {year}: {label} is {} here but {} at {}; a seat has one figure for an election, so it must agree across the site",
                            printable(&here.result.constituency),
                            inr_unsigned(value),
                            inr_unsigned(there),
                            there_place.short()
                        ))
                        .at_line(place.line)
                        .with_field(&place.field),
                    );
                }
            }
        }
    }
    diagnostics
}

/// (label, figure at `later`, figure at `first`) for every figure both give (segment
/// figures only where they disagree).
fn figure_pairs<'a>(
    first: &'a Candidate,
    later: &'a Candidate,
) -> Vec<(String, Figure<'a>, Figure<'a>)> {
    let mut pairs = vec![(
        "votes".to_string(),
        Figure {
            value: later.votes,
            approx: later.approx,
            place: Cow::Borrowed(&later.votes_place),
        },
        Figure {
            value: first.votes,
            approx: first.approx,
            place: Cow::Borrowed(&first.votes_place),
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
                place: Cow::Borrowed(here_place),
            },
            Figure {
                value: there,
                approx: false,
                place: Cow::Borrowed(there_place),
            },
        ));
    }
    for (segment, here) in &later.by_segment {
        // The same segment, also when the other page writes it another way ("आर्य नगर").
        let Some((there_name, there)) = first
            .by_segment
            .iter()
            .find(|(name, _)| name == segment)
            .or_else(|| {
                let key = super::fold::segment_key(segment);
                first
                    .by_segment
                    .iter()
                    .find(|(name, _)| super::fold::segment_key(name) == key)
            })
            .map(|(name, votes)| (name.as_str(), *votes))
        else {
            continue;
        };
        // A segment's place is made for a message only (one per figure was a tenth of a
        // warm build): figures that agree are left out.
        let agree = !disagree(
            &Figure {
                value: *here,
                approx: later.approx,
                place: Cow::Borrowed(&later.votes_place),
            },
            &Figure {
                value: there,
                approx: first.approx,
                place: Cow::Borrowed(&first.votes_place),
            },
        );
        if agree {
            continue;
        }
        let (Some(here_place), Some(there_place)) = (
            later.segment_place(segment),
            first.segment_place(there_name),
        ) else {
            continue;
        };
        pairs.push((
            format!("the {} figure", printable(segment)),
            Figure {
                value: *here,
                approx: later.approx,
                place: Cow::Owned(here_place),
            },
            Figure {
                value: there,
                approx: first.approx,
                place: Cow::Owned(there_place),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::LineIndex;
    use crate::election::data::DataStore;
    use crate::election::model::ResultInput;
    use crate::election::page::check_page;
    use crate::election::testutil::{KANPUR_2024, only, parties};
    use std::path::PathBuf;
    use toml::Spanned;

    #[derive(serde::Deserialize)]
    struct FrontMatter {
        #[serde(default)]
        results: Vec<ResultInput>,
        #[serde(default)]
        data: Vec<Spanned<String>>,
    }

    fn page(file: &str, text: &str, data: &DataStore) -> (PathBuf, PageResults) {
        let parsed: FrontMatter = toml::from_str(text).expect("test page parses");
        let (results, _) = check_page(
            Path::new(file),
            &LineIndex::new(text, 2),
            &parsed.results,
            &parsed.data,
            data,
            &parties(),
        );
        (PathBuf::from(file), results)
    }

    /// `check_site`'s findings, which the seat-by-seat check must give too (sorted).
    fn check(pages: &[(PathBuf, PageResults)]) -> Vec<Diagnostic> {
        let refs: Vec<(&Path, &PageResults)> =
            pages.iter().map(|(p, r)| (p.as_path(), r)).collect();
        let found = check_site(&refs, &[]);
        let mut sorted = found.clone();
        crate::diagnostics::sort(&mut sorted);
        assert_eq!(by_seat(pages, &mut HashMap::new()), sorted);
        found
    }

    /// `check_site_by_seat` with `kept`, each page's print its text's, sorted.
    fn by_seat(
        pages: &[(PathBuf, PageResults)],
        kept: &mut HashMap<u64, Vec<Diagnostic>>,
    ) -> Vec<Diagnostic> {
        let refs: Vec<(&Path, &PageResults, u64)> = pages
            .iter()
            .map(|(p, r)| {
                (
                    p.as_path(),
                    r,
                    crate::fingerprint::of(&format!("{p:?}{r:?}")),
                )
            })
            .collect();
        let mut found = check_site_by_seat(&refs, &[], 0, kept);
        crate::diagnostics::sort(&mut found);
        found
    }

    #[test]
    fn seat_by_seat_compares_again_only_the_seats_whose_results_changed() {
        let data = DataStore::default();
        let other_seat = KANPUR_2024.replace("\"कानपुर\"", "\"अकबरपुर\"");
        let wrong = |text: &str| text.replace("votes = 422087", "votes = 422078");
        let mut pages = vec![
            page("content/a.md", KANPUR_2024, &data),
            page("content/b.md", &wrong(KANPUR_2024), &data),
            page("content/c.md", &other_seat, &data),
            page("content/d.md", &other_seat, &data),
        ];
        let mut kept = HashMap::new();
        let first: Vec<String> = by_seat(&pages, &mut kept)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(first.len(), 1, "{first:?}");
        assert!(first[0].starts_with("error: content/b.md:26:"), "{first:?}");
        assert_eq!(kept.len(), 2);
        // What was kept for Kanpur is given back as it was while Kanpur's results stay:
        // a marker in its place proves the seat was not compared again.
        let marker = Diagnostic::error(Path::new("content/a.md"), "kept");
        for found in kept.values_mut().filter(|f| !f.is_empty()) {
            *found = vec![marker.clone()];
        }
        pages[3] = page("content/d.md", &wrong(&other_seat), &data);
        let second: Vec<String> = by_seat(&pages, &mut kept)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(second.len(), 2, "{second:?}");
        assert_eq!(second[0], "error: content/a.md: kept");
        assert!(
            second[1].starts_with("error: content/d.md:26:"),
            "{second:?}"
        );
        assert!(second[1].contains("अकबरपुर 2024"), "{second:?}");
        // An added page of Kanpur compares Kanpur again, and what is kept is this call's.
        pages.push(page("content/e.md", KANPUR_2024, &data));
        let third = by_seat(&pages, &mut kept);
        assert_eq!(third.len(), 2);
        assert!(third.iter().all(|d| d.message != "kept"));
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn the_same_candidate_with_other_votes_elsewhere_is_an_error() {
        let data = DataStore::default();
        let pages = [
            page("content/a.md", KANPUR_2024, &data),
            page(
                "content/b.md",
                &KANPUR_2024.replace("votes = 422087", "votes = 422078"),
                &data,
            ),
        ];
        assert_eq!(
            only(&check(&pages)),
            "error: content/b.md:26: results[0].candidates[1].votes: आलोक मिश्रा (INC), कानपुर 2024: votes is 4,22,078 here but 4,22,087 at content/a.md:26; the same figure must agree across the site"
        );
    }

    #[test]
    fn segment_and_postal_figures_are_compared_too() {
        let data = DataStore::default();
        let other = KANPUR_2024
            .replace("\"कैंट\" = 115028", "\"कैंट\" = 115082")
            .replace(
                "votes = 422087\npostal = 2618",
                "votes = 422087\npostal = 2564",
            );
        let pages = [
            page("content/a.md", KANPUR_2024, &data),
            page("content/b.md", &other, &data),
        ];
        let shown: Vec<String> = check(&pages).iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "error: content/b.md:27: results[0].candidates[1].postal: आलोक मिश्रा (INC), कानपुर 2024: postal is 2,564 here but 2,618 at content/a.md:27; the same figure must agree across the site",
                "error: content/b.md:28: results[0].candidates[1].by_segment[\"कैंट\"]: आलोक मिश्रा (INC), कानपुर 2024: the कैंट figure is 1,15,082 here but 1,15,028 at content/a.md:28; the same figure must agree across the site",
            ]
        );
    }

    #[test]
    fn a_segment_written_another_way_on_another_page_is_still_compared() {
        let data = DataStore::default();
        let other = KANPUR_2024
            .replace("आर्यनगर", "आर्य नगर")
            .replace("\"आर्य नगर\" = 78878", "\"आर्य नगर\" = 78887");
        let pages = [
            page("content/a.md", KANPUR_2024, &data),
            page("content/b.md", &other, &data),
        ];
        assert_eq!(
            only(&check(&pages)),
            "error: content/b.md:28: results[0].candidates[1].by_segment[\"आर्य नगर\"]: आलोक मिश्रा (INC), कानपुर 2024: the आर्य नगर figure is 78,887 here but 78,878 at content/a.md:28; the same figure must agree across the site"
        );
    }

    #[test]
    fn namesakes_in_one_result_are_two_people() {
        // Chennai Central 2024 lists a DMDK and an independent B.PARTHASARATHY: a namesake
        // on the ballot is common, and neither is the other's figure.
        let data = DataStore::default();
        let namesakes = KANPUR_2024.replace(
            "name = \"ASHOK PASWAN ADVOCATE\"\nparty = \"SABJANP\"",
            "name = \"आलोक मिश्रा\"\nparty = \"IND\"",
        );
        assert_ne!(namesakes, KANPUR_2024);
        let pages = [page("content/a.md", &namesakes, &data)];
        assert!(check(&pages).is_empty(), "{:#?}", check(&pages));
        // Another page is compared with the namesake of its own party.
        let pages = [
            page("content/a.md", &namesakes, &data),
            page("content/b.md", &namesakes, &data),
        ];
        assert!(check(&pages).is_empty(), "{:#?}", check(&pages));
        let pages = [
            page("content/a.md", &namesakes, &data),
            page(
                "content/b.md",
                &namesakes.replace("votes = 422087", "votes = 422078"),
                &data,
            ),
        ];
        assert_eq!(
            only(&check(&pages)),
            "error: content/b.md:26: results[0].candidates[1].votes: आलोक मिश्रा (INC), कानपुर 2024: votes is 4,22,078 here but 4,22,087 at content/a.md:26; the same figure must agree across the site"
        );
    }

    #[test]
    fn same_named_seats_of_two_states_are_two_seats() {
        // Maharajganj is seat 63 of Uttar Pradesh and 19 of Bihar: one name, two seats.
        let data = DataStore::default();
        let up = KANPUR_2024.to_string();
        assert!(up.contains("state = \"उत्तर प्रदेश\""));
        let bihar = KANPUR_2024
            .replace("state = \"उत्तर प्रदेश\"", "state = \"बिहार\"")
            .replace("votes = 422087", "votes = 422078");
        let pages = [
            page("content/a.md", &up, &data),
            page("content/b.md", &bihar, &data),
        ];
        assert!(check(&pages).is_empty(), "{:#?}", check(&pages));
        // The same state written with other spaces and punctuation is the same seat, and a page that gives
        // no state is still compared.
        let up_again = up
            .replace("state = \"उत्तर प्रदेश\"", "state = \"उत्तर  प्रदेश.\"")
            .replace("votes = 422087", "votes = 422078");
        let no_state = KANPUR_2024
            .replace("state = \"उत्तर प्रदेश\"\n", "")
            .replace("votes = 422087", "votes = 422078");
        for other in [up_again, no_state] {
            let pages = [
                page("content/a.md", &up, &data),
                page("content/b.md", &other, &data),
            ];
            assert!(
                only(&check(&pages))
                    .contains("votes is 4,22,078 here but 4,22,087 at content/a.md"),
                "{:#?}",
                check(&pages)
            );
        }
    }

    /// A page of one result of seat `seat` (state `state`, when given) in `year`, with
    /// candidates (name, party, votes).
    fn seat_page(
        seat: &str,
        state: Option<&str>,
        year: i64,
        candidates: &[(&str, &str, u64)],
    ) -> String {
        let mut text = format!(
            "[[results]]\nid = \"r\"\nelection = \"लोकसभा {year}\"\nyear = {year}\nconstituency = \"{seat}\"\ncomplete = false\n"
        );
        if let Some(state) = state {
            text.push_str(&format!("state = \"{state}\"\n"));
        }
        for (name, party, votes) in candidates {
            text.push_str(&format!(
                "[[results.candidates]]\nname = \"{name}\"\nparty = \"{party}\"\nvotes = {votes}\n"
            ));
        }
        text
    }

    #[test]
    fn one_seat_spelled_two_ways_is_compared_when_the_results_share_a_candidate() {
        let data = DataStore::default();
        for (a, b) in [
            ("डिब्रूगढ़", "डिब्रुगढ़"),
            ("लक्षद्वीप", "लक्ष्यद्वीप"),
            ("बालुरघाट", "बालूरघाट"),
            ("पटना साहिब", "पटना-साहिब"),
        ] {
            let pages = [
                page(
                    "content/a.md",
                    &seat_page(a, None, 2024, &[("राम", "BJP", 1000), ("श्याम", "INC", 900)]),
                    &data,
                ),
                page(
                    "content/b.md",
                    &seat_page(b, None, 2024, &[("राम", "BJP", 1000), ("श्याम", "SP", 990)]),
                    &data,
                ),
            ];
            let shown: Vec<String> = check(&pages).iter().map(ToString::to_string).collect();
            assert_eq!(shown.len(), 2, "{a} / {b}: {shown:#?}");
            assert!(
                shown[0].contains("the party is SP here but INC at content/a.md"),
                "{shown:#?}"
            );
            assert!(
                shown[1].contains("votes is 990 here but 900 at content/a.md"),
                "{shown:#?}"
            );
        }
    }

    #[test]
    fn seats_that_only_look_alike_are_never_compared() {
        // करनाल (Haryana) and कुरनूल (Andhra Pradesh) have one consonant skeleton.
        let data = DataStore::default();
        let karnal = seat_page(
            "करनाल",
            None,
            2024,
            &[("राम", "BJP", 1000), ("श्याम", "INC", 900)],
        );
        // No candidate of the same name and party: two seats, whatever the states say.
        let kurnool = seat_page(
            "कुरनूल",
            None,
            2024,
            &[("राम", "BSP", 1200), ("गोपाल", "INC", 800)],
        );
        let pages = [
            page("content/a.md", &karnal, &data),
            page("content/b.md", &kurnool, &data),
        ];
        assert!(check(&pages).is_empty(), "{:#?}", check(&pages));
        // The same candidate and party, but two states.
        let karnal = seat_page("करनाल", Some("हरियाणा"), 2024, &[("राम", "BJP", 1000)]);
        let kurnool = seat_page("कुरनूल", Some("आंध्र प्रदेश"), 2024, &[("राम", "BJP", 1200)]);
        let pages = [
            page("content/a.md", &karnal, &data),
            page("content/b.md", &kurnool, &data),
        ];
        assert!(check(&pages).is_empty(), "{:#?}", check(&pages));
    }

    #[test]
    fn party_codes_swapped_against_another_page_are_not_namesakes() {
        let data = DataStore::default();
        let right = seat_page(
            "जयपुर ग्रामीण",
            None,
            2024,
            &[
                ("राव राजेंद्र सिंह", "BJP", 617877),
                ("अनिल चोपड़ा", "INC", 616262),
            ],
        );
        let swapped = seat_page(
            "जयपुर ग्रामीण",
            None,
            2024,
            &[
                ("राव राजेंद्र सिंह", "INC", 617877),
                ("अनिल चोपड़ा", "BJP", 616262),
            ],
        );
        let pages = [
            page("content/a.md", &right, &data),
            page("content/b.md", &swapped, &data),
        ];
        let shown: Vec<String> = check(&pages).iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown.iter().any(|d| d
                .contains("राव राजेंद्र सिंह (INC), जयपुर ग्रामीण 2024: the party is INC here but BJP")),
            "{shown:#?}"
        );
    }

    #[test]
    fn a_year_that_contradicts_its_label_is_compared_under_both() {
        let data = DataStore::default();
        let right = seat_page("झंझारपुर", None, 2024, &[("राम", "BJP", 1000)]);
        let wrong_year = seat_page("झंझारपुर", None, 2024, &[("राम", "BJP", 1010)])
            .replace("year = 2024", "year = 2019");
        let pages = [
            page("content/a.md", &right, &data),
            page("content/b.md", &wrong_year, &data),
        ];
        assert!(only(&check(&pages)).contains("votes is 1,010 here but 1,000 at content/a.md"));
    }

    #[test]
    fn agreeing_pages_and_shared_data_are_quiet() {
        let (data, _) = DataStore::parse([(PathBuf::from("data/k.toml"), KANPUR_2024.to_string())]);
        let pages = [
            page("content/a.md", KANPUR_2024, &data),
            page("content/b.md", KANPUR_2024, &data),
            page("content/c.md", "data = [\"ls2024\"]\n", &data),
            page("content/d.md", "data = [\"ls2024\"]\n", &data),
        ];
        assert!(check(&pages).is_empty());
    }

    #[test]
    fn a_more_than_figure_conflicts_only_with_a_smaller_exact_one() {
        let data = DataStore::default();
        let approx = |votes: u64| {
            KANPUR_2024.replace(
                "votes = 422087\npostal = 2618",
                &format!("votes = {votes}\napprox = true"),
            )
        };
        let consistent = [
            page("content/a.md", KANPUR_2024, &data),
            page("content/b.md", &approx(400000), &data),
        ];
        assert!(check(&consistent).is_empty());
        let conflicting = [
            page("content/a.md", KANPUR_2024, &data),
            page("content/b.md", &approx(430000), &data),
        ];
        assert!(
            only(&check(&conflicting))
                .contains("votes is more than 4,30,000 here but 4,22,087 at content/a.md:26")
        );
    }
}
