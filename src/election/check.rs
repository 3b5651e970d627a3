//! Checks one `[[results]]` table and turns it into a checked [`ElectionResult`].
//!
//! Every problem is collected; nothing stops at the first. A value that fails its check
//! is left out of the checked result, so later arithmetic only sees sound figures.

use super::count::{printable, read_count};
use super::fold;
use super::model::{CandidateInput, ResultInput};
use super::result::{Candidate, ElectionResult, IND, NOTA, Place, Segment, Source};
use crate::diagnostics::{Diagnostic, LineIndex, closest};
use crate::numfmt::inr_unsigned;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use toml::Spanned;

/// Unattributed votes above this share of a candidate's total (in percent) are unlikely to
/// be postal ballots alone. Official results without postal figures leave 1.0–2.1 % of a
/// candidate's votes in no segment (Kanpur 2019: 1.18–1.24 %; small candidates, whose few
/// postal ballots are a larger share, reach 2 %), so only a gap beyond 3 % is worth a warning.
const POSTAL_SHARE_LIMIT_PERCENT: u64 = 3;

/// A postal share this many times the pooled share of a result's other candidates (and
/// at least `POSTAL_OUTLIER_MIN_POINTS` above it) is out of line. On 469 main candidates of
/// official 2024 results (ECI, 80 seats of Uttar Pradesh and 30 others) the largest ratio
/// is 3.2 (0.23 % against 0.07 %); a digit too many gives 10.
const POSTAL_OUTLIER_RATIO: f64 = 4.0;
/// Percentage points above the others' share: tiny shares (0.23 % against 0.07 %) are not
/// judged by their ratio alone.
const POSTAL_OUTLIER_MIN_POINTS: f64 = 1.0;
/// Only candidates with at least this share of the votes (in percent) are judged.
const POSTAL_OUTLIER_MIN_SHARE_OF_VOTES: u64 = 5;
/// Candidates below that share are judged only with this many votes or more, and only at
/// this ratio and this many points above the others' share: "2,450 of 15,300" by post (16 %
/// against 1.5 %) is a digit too many whoever polled it.
const POSTAL_OUTLIER_SMALL_MIN_VOTES: u64 = 1_000;
const POSTAL_OUTLIER_SMALL_RATIO: f64 = 8.0;
const POSTAL_OUTLIER_SMALL_MIN_POINTS: f64 = 5.0;
/// The other candidates' postal ballots must be at least this many to give a usual share.
const POSTAL_OUTLIER_MIN_POSTAL: u64 = 30;

/// Lists of known names longer than this are not spelled out in messages.
const LIST_LIMIT: usize = 12;

/// Turnout (votes over electors, in percent) outside this range is implausible for an
/// Indian general or assembly election: electors or votes are likely mistyped. Real
/// turnouts are 50–75 % mostly, the lowest general-election one on record 8.98 % (Anantnag
/// 2019) and the highest near 92 % (Dhubri 2024). An extra digit in electors divides a
/// real turnout by ten (5–7.5 %), which the lower bound catches.
const TURNOUT_PLAUSIBLE_PERCENT: (u64, u64) = (8, 95);

/// Checks results written in one file, reporting into `diagnostics`.
pub struct ResultChecker<'a> {
    pub file: &'a Path,
    pub lines: &'a LineIndex,
    /// Party codes of site.toml; IND and NOTA are added implicitly.
    pub parties: &'a BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> ResultChecker<'a> {
    pub fn new(file: &'a Path, lines: &'a LineIndex, parties: &'a BTreeSet<String>) -> Self {
        ResultChecker {
            file,
            lines,
            parties,
            diagnostics: Vec::new(),
        }
    }

    pub(super) fn place<T>(&self, spanned: &Spanned<T>, field: impl Into<String>) -> Place {
        Place {
            file: self.file.to_path_buf(),
            line: self.lines.line_of(spanned.span().start),
            field: field.into(),
        }
    }

    pub(super) fn error(&mut self, place: &Place, message: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::error(&place.file, message)
                .at_line(place.line)
                .with_field(&place.field),
        );
    }

    pub(super) fn warning(&mut self, place: &Place, message: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::warning(&place.file, message)
                .at_line(place.line)
                .with_field(&place.field),
        );
    }

    /// Checks `results[index]` of this file.
    pub fn check_result(&mut self, index: usize, input: &ResultInput) -> ElectionResult {
        let path = format!("results[{index}]");
        let place = self.place(&input.id, format!("{path}.id"));
        let id = input.id.get_ref().trim().to_string();
        if let Err(message) = check_id(&id) {
            self.error(&place, message);
        }
        for (label, value, example) in [
            ("election", &input.election, "लोकसभा 2024"),
            ("constituency", &input.constituency, "कानपुर"),
        ] {
            if value.get_ref().trim().is_empty() {
                let at = self.place(value, format!("{path}.{label}"));
                self.error(
                    &at,
                    format!("{label} is empty; give the name readers see, e.g. \"{example}\""),
                );
            } else {
                let at = self.place(value, format!("{path}.{label}"));
                self.note_unusual_form(&at, label, value.get_ref());
            }
        }
        if let Some(state) = &input.state {
            let at = self.place(state, format!("{path}.state"));
            self.note_unusual_form(&at, "state", state.get_ref());
        }
        let year = *input.year.get_ref();
        if !(1900..=2100).contains(&year) {
            let at = self.place(&input.year, format!("{path}.year"));
            self.error(
                &at,
                format!(
                    "year {year} is not a plausible election year; expected a year such as 2024"
                ),
            );
        }
        if (1900..=2100).contains(&year) {
            self.check_year_against_labels(&path, input, year, &id);
        }
        let segments = self.check_segments(&path, input);
        let reserved = self.check_seat_kind(&path, input, &place);
        let count = self.check_count(&path, input);
        let electors = input.electors.as_ref().and_then(|value| {
            let at = self.place(value, format!("{path}.electors"));
            self.count(&at, value)
        });
        let polled = input.polled.as_ref().and_then(|value| {
            let at = self.place(value, format!("{path}.polled"));
            self.count(&at, value)
        });
        let source = input.source.as_ref().map(|source| {
            let at = self.place(source, format!("{path}.source"));
            let source = source.get_ref();
            if source.text.trim().is_empty() {
                self.error(&at, "source text is empty; name the source, e.g. \"ECI Form 21\"");
            }
            if let Some(url) = &source.url
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                self.error(
                    &at,
                    format!("source url \"{}\" is not a web address; expected one starting with https://", printable(url)),
                );
            }
            Source {
                text: source.text.clone(),
                url: source.url.clone(),
            }
        });

        let mut candidates = Vec::new();
        let mut first_line_of_name: HashMap<String, usize> = HashMap::new();
        for (i, candidate) in input.candidates.iter().enumerate() {
            let cpath = format!("{path}.candidates[{i}]");
            let name = fold::nfc(candidate.get_ref().name.get_ref());
            let name_place = self.place(&candidate.get_ref().name, format!("{cpath}.name"));
            if let Some(first) = first_line_of_name.get(&name) {
                let party = candidate.get_ref().party.get_ref().trim();
                // NOTA has no namesakes: a second one is the same figure typed twice.
                let message = if party.eq_ignore_ascii_case(crate::election::result::NOTA) {
                    format!(
                        "\"{}\" is listed twice in this result (first at line {first}): NOTA is one figure per result, and the total would count both — keep one",
                        printable(&name)
                    )
                } else {
                    format!(
                        "candidate \"{name}\" is listed twice in this result (first at line {first}); namesakes must be told apart in the name, e.g. \"{name} ({party})\"",
                        name = printable(&name),
                        party = printable(party),
                    )
                };
                self.error(&name_place, message);
                continue;
            }
            first_line_of_name.insert(name, name_place.line);
            if let Some(checked) =
                self.check_candidate(&cpath, candidate.get_ref(), &segments, input.uncontested)
            {
                candidates.push(checked);
            }
        }
        if input.candidates.is_empty() {
            self.warning(
                &place,
                format!("result \"{}\" has no candidates; add [[results.candidates]] tables with name, party and votes", printable(&id)),
            );
        }
        self.check_same_party_twice(input, &candidates);
        self.check_nota_once(&candidates);
        self.check_postal_outliers(input, &candidates);
        self.check_count_against_votes(&count, input, &candidates);
        self.check_elected(&path, input);
        if let Some(electors_count) = electors {
            self.check_electors(&path, input, &place, electors_count, polled, &candidates);
        }
        if let (Some(polled_count), Some(value)) = (polled, &input.polled) {
            let total: u64 = candidates.iter().map(|c| c.votes).sum();
            if polled_count < total && input.complete {
                let at = self.place(value, format!("{path}.polled"));
                self.error(
                    &at,
                    format!(
                        "polled ({}) is less than the {} valid votes of this result; polled counts every vote cast, rejected ones included",
                        inr_unsigned(polled_count),
                        inr_unsigned(total)
                    ),
                );
            } else if input.complete && polled_count > total {
                self.check_rejected(&path, value, polled_count, total, &candidates);
            }
        }

        ElectionResult {
            id,
            election: fold::nfc(input.election.get_ref()),
            year,
            constituency: fold::nfc(input.constituency.get_ref()),
            state: input.state.as_ref().map(|s| fold::nfc(s.get_ref())),
            segments,
            electors,
            polled,
            source,
            note: input.note.as_ref().map(|n| n.get_ref().clone()),
            candidates,
            complete: input.complete,
            segments_place: input
                .segments
                .as_ref()
                .map(|s| self.place(s, format!("{path}.segments"))),
            electors_place: input
                .electors
                .as_ref()
                .map(|e| self.place(e, format!("{path}.electors"))),
            polled_place: input
                .polled
                .as_ref()
                .map(|p| self.place(p, format!("{path}.polled"))),
            reserved,
            uncontested: input.uncontested,
            count,
            place,
        }
    }

    /// `reserved` is "SC" or "ST"; an uncontested result has exactly one candidate.
    fn check_seat_kind(
        &mut self,
        path: &str,
        input: &ResultInput,
        place: &Place,
    ) -> Option<String> {
        if input.uncontested && input.candidates.len() != 1 {
            self.error(
                place,
                format!(
                    "uncontested = true means one candidate was elected unopposed, but this result lists {}; remove uncontested or the other candidates",
                    input.candidates.len()
                ),
            );
        }
        let reserved = input.reserved.as_ref()?;
        let value = reserved.get_ref().trim().to_uppercase();
        if value == "SC" || value == "ST" {
            return Some(value);
        }
        let at = self.place(reserved, format!("{path}.reserved"));
        self.error(
            &at,
            format!(
                "reserved \"{}\" is not a kind of reserved seat; write \"SC\" or \"ST\", or leave it out for a general seat",
                printable(reserved.get_ref())
            ),
        );
        None
    }

    /// The usable segments: empty and repeated names are reported and dropped.
    fn check_segments(&mut self, path: &str, input: &ResultInput) -> Vec<Segment> {
        let Some(list) = &input.segments else {
            return Vec::new();
        };
        if list.get_ref().is_empty() {
            let at = self.place(list, format!("{path}.segments"));
            self.warning(
                &at,
                "segments = [] names no segments; list them in chart order or remove the key",
            );
        }
        let mut segments: Vec<Segment> = Vec::new();
        for (i, entry) in list.get_ref().iter().enumerate() {
            let at = self.place(entry, format!("{path}.segments[{i}]"));
            let written = &entry.get_ref().name;
            let name = fold::nfc(written);
            if name.is_empty() {
                self.error(&at, "segment name is empty");
                continue;
            }
            let ac = match entry.get_ref().ac {
                Some(n) if (1..=999).contains(&n) => Some(n as u32),
                Some(n) => {
                    self.error(
                        &at,
                        format!("ac = {n} is not an assembly-constituency number; ECI numbers them from 1 to 403"),
                    );
                    None
                }
                None => fold::split_ac_number(&name).0,
            };
            let segment = Segment {
                name,
                ac,
                line: at.line,
            };
            if let Some(first) = segments.iter().find(|s| s.name == segment.name) {
                let _ = first;
                self.error(
                    &at,
                    format!("segment \"{}\" is listed twice", printable(&segment.name)),
                );
            } else if let Some(first) = segments
                .iter()
                .find(|s| s.ac.is_some() && s.ac == segment.ac)
            {
                self.error(
                    &at,
                    format!(
                        "segments \"{}\" and \"{}\" both have the assembly-constituency number {}",
                        printable(&first.name),
                        printable(&segment.name),
                        segment.ac.unwrap_or_default()
                    ),
                );
            } else {
                self.note_unusual_form(&at, "segment", written);
                segments.push(segment);
            }
        }
        segments
    }

    /// A name typed in a Unicode form other than NFC (or with zero-width characters): it
    /// is used in NFC, and the editor hears of it, since other tools will not fold it. So
    /// does a name with a space that is not the plain one.
    fn note_unusual_form(&mut self, at: &Place, what: &str, written: &str) {
        if !fold::is_unusual_form(written) {
            if let Some(space) = fold::unusual_space(written) {
                let shown: String = written
                    .trim()
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .collect();
                self.warning(
                    at,
                    format!(
                        "{what} \"{}\" has a special space (U+{:04X}{}) between its words where a plain space belongs; chunav matches it with the name typed with a space, but search, sorting and other tools take it as another name — retype the space",
                        printable(&shown),
                        space as u32,
                        if space == '\u{a0}' { ", a no-break space" } else { "" }
                    ),
                );
            }
            return;
        }
        self.warning(
            at,
            format!(
                "{what} \"{}\" is written with {}; chunav reads it as \"{}\" (Unicode NFC), so it matches the same name typed the usual way — retype it so search and other tools agree",
                printable(written.trim()),
                fold::describe_form(written),
                fold::nfc(written).replace(['\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}'], "")
            ),
        );
    }

    /// `election = "लोकसभा 2019"` with `year = 2024`: one of them is wrong.
    fn check_year_against_labels(&mut self, path: &str, input: &ResultInput, year: i64, id: &str) {
        let label = fold::nfc(input.election.get_ref());
        if let Some(other) = years_in(&label).into_iter().find(|y| *y != year) {
            let at = self.place(&input.year, format!("{path}.year"));
            self.error(
                &at,
                format!(
                    "year is {year} but election \"{}\" names {other}; correct whichever is wrong",
                    printable(&label)
                ),
            );
            return;
        }
        let id_year = years_in(id).into_iter().find(|y| *y != year);
        if let Some(other) = id_year {
            let at = self.place(&input.id, format!("{path}.id"));
            self.warning(
                &at,
                format!(
                    "result id \"{}\" names {other} but its year is {year}; check the year, or rename the id",
                    printable(id)
                ),
            );
        }
    }

    /// Electors below the votes, or a turnout no Indian election has.
    fn check_electors(
        &mut self,
        path: &str,
        input: &ResultInput,
        place: &Place,
        electors: u64,
        polled: Option<u64>,
        candidates: &[Candidate],
    ) {
        let total: u64 = candidates.iter().map(|c| c.votes).sum();
        let at = input
            .electors
            .as_ref()
            .map(|e| self.place(e, format!("{path}.electors")))
            .unwrap_or_else(|| place.clone());
        let voted = polled.unwrap_or(total).max(total);
        if voted > electors {
            self.error(
                &at,
                format!(
                    "electors ({}) is less than the {} {} of this result; check both figures",
                    inr_unsigned(electors),
                    inr_unsigned(voted),
                    if polled.is_some_and(|p| p >= total) {
                        "votes polled"
                    } else {
                        "valid votes"
                    }
                ),
            );
            return;
        }
        if !input.complete || candidates.iter().any(|c| c.approx) || electors == 0 {
            return;
        }
        let (low, high) = TURNOUT_PLAUSIBLE_PERCENT;
        let turnout = super::share::percent(voted, electors);
        if voted * 100 < electors * low || voted * 100 > electors * high {
            // Ten times the turnout is a usual one: electors has most likely an extra digit.
            let extra_digit = (30..=high).contains(&(voted * 1000 / electors));
            let hint = if extra_digit {
                format!(
                    "; with {} electors (one digit fewer) it would be {}",
                    inr_unsigned(electors / 10),
                    crate::numfmt::pct(super::share::percent(voted, electors / 10))
                )
            } else {
                "; check electors for a missing or extra digit".to_string()
            };
            self.warning(
                &at,
                format!(
                    "electors ({}) and the {} votes give a turnout of {}, outside the {low}–{high} % of Indian elections{hint}",
                    inr_unsigned(electors),
                    inr_unsigned(voted),
                    crate::numfmt::pct(turnout)
                ),
            );
        }
    }

    /// Two candidates of one party (IND and NOTA aside) in one result: usually the same
    /// person typed twice under two spellings, or a wrong party code.
    fn check_same_party_twice(&mut self, input: &ResultInput, candidates: &[Candidate]) {
        for (j, later) in candidates.iter().enumerate() {
            if later.party == NOTA {
                continue;
            }
            // Independents are many: two of them are one only when the names are one
            // spelling apart and every figure is the same ("सुभाष पासवान" and "सुभाष
            // पास्वान", 13,875 votes each).
            let first = if later.party == IND {
                candidates[..j].iter().find(|c| {
                    c.party == IND
                        && c.votes == later.votes
                        && c.votes > 0
                        && c.postal == later.postal
                        && fold::close(&fold::key(&c.name), &fold::key(&later.name))
                })
            } else {
                candidates[..j].iter().find(|c| c.party == later.party)
            };
            let Some(first) = first else {
                continue;
            };
            let _ = input;
            let at = later.name_place.clone();
            let same_person = fold::close(&fold::key(&first.name), &fold::key(&later.name))
                || (first.votes == later.votes && first.votes > 0);
            let message = if same_person {
                format!(
                    "\"{}\" and \"{}\" (line {}) are both {} with {} and {} votes: the same candidate typed twice under two spellings? Keep one",
                    printable(&later.name),
                    printable(&first.name),
                    first.name_place.line,
                    printable(&later.party),
                    inr_unsigned(later.votes),
                    inr_unsigned(first.votes)
                )
            } else {
                format!(
                    "\"{}\" and \"{}\" (line {}) are both {}; a party fields one candidate per seat — check the party codes (IND for an independent)",
                    printable(&later.name),
                    printable(&first.name),
                    first.name_place.line,
                    printable(&later.party)
                )
            };
            self.warning(&at, message);
        }
    }

    /// Polled minus valid votes is the rejected votes, and only postal ballots are
    /// rejected (an EVM vote is always valid): a gap larger than all the postal ballots of
    /// the result, or than 2 % of the votes when postal figures are not given, means
    /// `polled` or a candidate's votes are mistyped.
    fn check_rejected(
        &mut self,
        path: &str,
        value: &Spanned<toml::Value>,
        polled: u64,
        valid: u64,
        candidates: &[Candidate],
    ) {
        let gap = polled - valid;
        let postal: Option<u64> = candidates.iter().map(|c| c.postal).sum();
        let beyond_postal = postal.is_some_and(|p| gap > p && gap * 100 > valid);
        let beyond_share = postal.is_none() && gap * 50 > valid;
        if !(beyond_postal || beyond_share) {
            return;
        }
        let why = match postal {
            Some(p) => format!(
                "more than all {} postal ballots of the result, and only postal ballots are rejected",
                inr_unsigned(p)
            ),
            None => format!(
                "{} of the votes, where rejected (postal) ballots are a fraction of a percent",
                crate::numfmt::pct(super::share::percent(gap, polled))
            ),
        };
        let at = self.place(value, format!("{path}.polled"));
        self.warning(
            &at,
            format!(
                "polled ({}) is {} above the {} valid votes of this result: {why}; check polled and the candidates' votes",
                inr_unsigned(polled),
                inr_unsigned(gap),
                inr_unsigned(valid)
            ),
        );
    }

    /// NOTA is one figure per result: a second NOTA ("NOTA" and "None of the Above") is
    /// counted into the valid votes twice.
    fn check_nota_once(&mut self, candidates: &[Candidate]) {
        let mut notas = candidates.iter().filter(|c| c.is_nota());
        let Some(first) = notas.next() else {
            return;
        };
        for later in notas {
            let at = later.name_place.clone();
            self.error(
                &at,
                format!(
                    "NOTA is listed twice in this result (\"{}\" at line {}, and \"{}\" here, with {} and {} votes); a result has one NOTA figure, and the total would count both — keep one",
                    printable(&first.name),
                    first.name_place.line,
                    printable(&later.name),
                    inr_unsigned(first.votes),
                    inr_unsigned(later.votes)
                ),
            );
        }
    }

    /// A postal figure far out of line with the result's other candidates: a digit too
    /// many (16,270 for 1,627) makes a tenth or more of a candidate's votes postal, where
    /// the others have around 1 % of theirs by post. Each candidate is judged against the
    /// pooled share of the others, since the usual share differs from seat to seat (Himachal
    /// Pradesh's service voters make 2.3 % usual there, 0.1 % is usual in Uttar Pradesh).
    fn check_postal_outliers(&mut self, input: &ResultInput, candidates: &[Candidate]) {
        if !input.complete || input.uncontested || candidates.iter().any(|c| c.approx) {
            return;
        }
        let with_postal: Vec<(&Candidate, u64)> = candidates
            .iter()
            .filter(|c| !c.is_nota() && c.votes > 0)
            .filter_map(|c| c.postal.map(|p| (c, p)))
            .collect();
        let total: u64 = candidates.iter().map(|c| c.votes).sum();
        // NOTA is judged too ("6,240 of NOTA's 11,626" by post), but never part of the
        // usual share: it is no candidate.
        let judged: Vec<(&Candidate, u64)> = candidates
            .iter()
            .filter(|c| c.votes > 0)
            .filter_map(|c| c.postal.map(|p| (c, p)))
            .collect();
        for (candidate, postal) in &judged {
            let Some(at) = &candidate.postal_place else {
                continue;
            };
            // A small candidate's few postal ballots are a noisy share (2 of 185 is 1.1 %):
            // below 5 % of the votes only a share far out of line is judged, and only of
            // a thousand votes or more.
            let small = candidate.votes * 100 < total * POSTAL_OUTLIER_MIN_SHARE_OF_VOTES;
            if small && candidate.votes < POSTAL_OUTLIER_SMALL_MIN_VOTES {
                continue;
            }
            let (ratio, points) = if small {
                (POSTAL_OUTLIER_SMALL_RATIO, POSTAL_OUTLIER_SMALL_MIN_POINTS)
            } else {
                (POSTAL_OUTLIER_RATIO, POSTAL_OUTLIER_MIN_POINTS)
            };
            let others: Vec<&(&Candidate, u64)> = with_postal
                .iter()
                .filter(|(c, _)| !std::ptr::eq(*c, *candidate))
                .collect();
            let others_votes: u64 = others.iter().map(|(c, _)| c.votes).sum();
            let others_postal: u64 = others.iter().map(|(_, p)| p).sum();
            if others.len() < 2 || others_postal < POSTAL_OUTLIER_MIN_POSTAL || others_votes == 0 {
                continue;
            }
            let share = super::share::percent(*postal, candidate.votes);
            let usual = super::share::percent(others_postal, others_votes);
            if share < usual * ratio || share - usual < points {
                continue;
            }
            let tenth = postal / 10;
            let tenth_share = super::share::percent(tenth, candidate.votes);
            let hint = if tenth_share < usual * ratio {
                format!(
                    " A digit too many? {} would be {}.",
                    inr_unsigned(tenth),
                    crate::numfmt::pct(tenth_share)
                )
            } else {
                String::new()
            };
            self.warning(
                at,
                format!(
                    "postal ({}) is {} of {}'s {} votes, while the other candidates of this result got {} of theirs by post.{hint} Check the postal figure against the source",
                    inr_unsigned(*postal),
                    crate::numfmt::pct(share),
                    printable(&candidate.name),
                    inr_unsigned(candidate.votes),
                    crate::numfmt::pct(usual)
                ),
            );
        }
    }

    fn count(&mut self, at: &Place, value: &Spanned<toml::Value>) -> Option<u64> {
        match read_count(value.get_ref()) {
            Ok(n) => Some(n),
            Err(message) => {
                self.error(at, message);
                None
            }
        }
    }

    fn check_candidate(
        &mut self,
        path: &str,
        input: &CandidateInput,
        segments: &[Segment],
        uncontested: bool,
    ) -> Option<Candidate> {
        let name_place = self.place(&input.name, format!("{path}.name"));
        let name = fold::nfc(input.name.get_ref());
        if name.is_empty() {
            self.error(&name_place, "candidate name is empty");
        } else {
            self.note_unusual_form(&name_place, "candidate name", input.name.get_ref());
        }
        let party_place = self.place(&input.party, format!("{path}.party"));
        let party = fold::nfc(input.party.get_ref());
        let party_ok = self.check_party(&party_place, &party);
        if party_ok && party == NOTA && !name.is_empty() && !fold::is_nota_name(&name) {
            self.warning(
                &party_place,
                format!(
                    "\"{}\" has party NOTA, which is None of the Above: as NOTA it is left out of every rank, margin and deposit; give the candidate's party (IND for an independent), or name NOTA \"NOTA\"",
                    printable(&name)
                ),
            );
        }
        if party_ok && party != NOTA && fold::is_nota_name(&name) {
            self.error(
                &party_place,
                format!(
                    "\"{}\" is None of the Above, but its party is {}: it would be ranked as a candidate (and could be named the winner or runner-up); write party = \"NOTA\"",
                    printable(&name),
                    printable(&party)
                ),
            );
        }

        let (votes_place, votes) = self.candidate_votes(path, input, &name_place, uncontested);
        let postal_place = input
            .postal
            .as_ref()
            .map(|p| self.place(p, format!("{path}.postal")));
        let postal = match (&input.postal, &postal_place) {
            (Some(value), Some(at)) => self.count(at, value),
            _ => None,
        };

        let mut by_segment_values: BTreeMap<String, u64> = BTreeMap::new();
        let mut segment_lines: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_segment_ok = true;
        if let Some(map) = &input.by_segment {
            for (key, value) in map.get_ref() {
                let segment = fold::nfc(key.get_ref());
                let at = self.place(
                    key,
                    format!("{path}.by_segment[\"{}\"]", printable(&segment)),
                );
                if !segments.iter().any(|s| s.name == segment) {
                    self.error(&at, unknown_segment_message(&segment, segments));
                    by_segment_ok = false;
                    continue;
                }
                self.note_unusual_form(&at, "segment", key.get_ref());
                match self.count(&at, value) {
                    Some(n) => {
                        by_segment_values.insert(segment.clone(), n);
                        segment_lines.insert(segment, at.line);
                    }
                    None => by_segment_ok = false,
                }
            }
        }
        // Chart order, not the alphabetical order of the TOML table.
        let by_segment: Vec<(String, u64)> = segments
            .iter()
            .filter_map(|s| by_segment_values.get(&s.name).map(|v| (s.name.clone(), *v)))
            .collect();
        let segment_lines: Vec<usize> = by_segment
            .iter()
            .map(|(name, _)| segment_lines.get(name).copied().unwrap_or(name_place.line))
            .collect();

        let votes = votes?;
        if let (Some(postal), Some(at)) = (postal, &postal_place)
            && postal > votes
        {
            self.error(
                at,
                format!("postal ({}) is more than votes ({}); votes is the total including postal ballots", inr_unsigned(postal), inr_unsigned(votes)),
            );
        }
        if let Some(map) = &input.by_segment
            && by_segment_ok
            && !input.approx
        {
            let at = self.place(map, format!("{path}.by_segment"));
            self.reconcile_segments(&at, votes, postal, &by_segment, segments);
        }
        if name.is_empty() || !party_ok {
            return None;
        }
        Some(Candidate {
            name,
            party,
            votes,
            postal,
            by_segment,
            approx: input.approx,
            elected: input.elected.as_ref().is_some_and(|e| *e.get_ref()),
            note: input.note.as_ref().map(|n| n.get_ref().clone()),
            name_place,
            votes_place,
            postal_place,
            segment_lines,
            segment_field: format!("{path}.by_segment"),
        })
    }

    /// `elected = true` names the winner a source gives when the result does not list every
    /// candidate; in a complete result the votes decide, and only one candidate can win.
    fn check_elected(&mut self, path: &str, input: &ResultInput) {
        let mut first: Option<usize> = None;
        for (index, candidate) in input.candidates.iter().enumerate() {
            let Some(elected) = &candidate.get_ref().elected else {
                continue;
            };
            if !*elected.get_ref() {
                continue;
            }
            let at = self.place(elected, format!("{path}.candidates[{index}].elected"));
            if input.complete {
                self.error(
                    &at,
                    "`elected` is only for a result that does not list every candidate (`complete = false`); here the votes decide the winner: remove `elected`",
                );
            } else if let Some(first) = first {
                self.error(
                    &at,
                    format!("two candidates are marked `elected = true` (the first is candidate {}); a result has one winner", first + 1),
                );
            } else {
                first = Some(index);
            }
        }
    }

    /// Where the candidate's votes are and what they are. An uncontested candidate has
    /// none (0 internally, flagged by the result's `uncontested`); anyone else must.
    fn candidate_votes(
        &mut self,
        path: &str,
        input: &CandidateInput,
        name_place: &Place,
        uncontested: bool,
    ) -> (Place, Option<u64>) {
        let Some(value) = &input.votes else {
            let at = Place {
                field: format!("{path}.votes"),
                ..name_place.clone()
            };
            if uncontested {
                return (at, Some(0));
            }
            self.error(
                &at,
                "votes is missing; give the candidate's total votes (or uncontested = true on the result for a candidate elected unopposed)",
            );
            return (at, None);
        };
        let at = self.place(value, format!("{path}.votes"));
        if uncontested {
            self.error(
                &at,
                "this result is uncontested (elected unopposed, no poll): remove votes, there were none",
            );
            return (at, None);
        }
        let votes = self.count(&at, value);
        (at, votes)
    }

    fn check_party(&mut self, at: &Place, party: &str) -> bool {
        if party.is_empty() {
            self.error(at, "party is empty; use a code from site.toml [parties], IND for an independent or NOTA");
            return false;
        }
        if party == IND || party == NOTA || self.parties.contains(party) {
            return true;
        }
        let mut known: BTreeSet<&str> = self.parties.iter().map(String::as_str).collect();
        known.insert(IND);
        known.insert(NOTA);
        let mut message = format!(
            "party \"{}\" is not defined in site.toml [parties]",
            printable(party)
        );
        match closest(party, known.iter().copied()) {
            Some(suggestion) => message.push_str(&format!("; did you mean \"{suggestion}\"?")),
            None => message.push('.'),
        }
        if known.len() <= LIST_LIMIT {
            let list: Vec<&str> = known.into_iter().collect();
            message.push_str(&format!(" Defined parties: {}", list.join(", ")));
        } else {
            message.push_str(&format!(
                " Define it as [parties.{}] in site.toml",
                printable(party)
            ));
        }
        self.error(at, message);
        false
    }

    /// Compares the segment figures of an exact candidate with the total.
    fn reconcile_segments(
        &mut self,
        at: &Place,
        votes: u64,
        postal: Option<u64>,
        by_segment: &[(String, u64)],
        segments: &[Segment],
    ) {
        let sum: u64 = by_segment.iter().map(|(_, v)| v).sum();
        if sum > votes {
            self.error(
                at,
                format!(
                    "by_segment adds up to {}, more than the candidate's {} votes (by {})",
                    inr_unsigned(sum),
                    inr_unsigned(votes),
                    inr_unsigned(sum - votes)
                ),
            );
            return;
        }
        if by_segment.len() < segments.len() {
            let missing: Vec<&str> = segments
                .iter()
                .filter(|s| !by_segment.iter().any(|(name, _)| *name == s.name))
                .map(|s| s.name.as_str())
                .collect();
            self.warning(
                at,
                format!(
                    "by_segment gives {} of {} segments (missing: {}); segment tables and charts will show this candidate as unknown there",
                    by_segment.len(),
                    segments.len(),
                    missing.join(", ")
                ),
            );
            return;
        }
        match postal {
            Some(postal) if sum + postal != votes => {
                let counted = sum + postal;
                let difference = if counted < votes {
                    format!("{} votes unaccounted for", inr_unsigned(votes - counted))
                } else {
                    format!("{} votes too many", inr_unsigned(counted - votes))
                };
                self.error(
                    at,
                    format!(
                        "by_segment ({}) and postal ({}) add up to {}, but votes is {}: {difference}",
                        inr_unsigned(sum),
                        inr_unsigned(postal),
                        inr_unsigned(counted),
                        inr_unsigned(votes)
                    ),
                );
            }
            Some(_) => {}
            None => {
                let remainder = votes - sum;
                if remainder * 100 > votes * POSTAL_SHARE_LIMIT_PERCENT {
                    self.warning(
                        at,
                        format!(
                            "by_segment adds up to {} of {} votes: {} votes ({}) are not in any segment; postal ballots rarely exceed 3% of a candidate's votes — check the segment figures or give `postal`",
                            inr_unsigned(sum),
                            inr_unsigned(votes),
                            inr_unsigned(remainder),
                            crate::numfmt::pct(super::share::percent(remainder, votes))
                        ),
                    );
                }
            }
        }
    }
}

/// Four-digit years (1900–2100, Latin or Devanagari digits) standing alone in `text`.
pub(super) fn years_in(text: &str) -> Vec<i64> {
    let digits: String = text
        .chars()
        .map(|c| match c {
            '०'..='९' => char::from_u32(c as u32 - '०' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let mut years = Vec::new();
    let bytes = digits.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4
                && let Ok(year) = digits[start..i].parse::<i64>()
                && (1900..=2100).contains(&year)
            {
                years.push(year);
            }
        } else {
            i += 1;
        }
    }
    years
}

/// Result ids become template paths (`results.ls2024.margin`), so they must be identifiers.
fn check_id(id: &str) -> Result<(), String> {
    let mut chars = id.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if id.is_empty() {
        return Err("result id is empty; give a short name such as \"ls2024\"".to_string());
    }
    if !starts_well || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        let mut suggestion = String::new();
        for c in id.chars() {
            if c.is_ascii_alphanumeric() {
                suggestion.push(c.to_ascii_lowercase());
            } else if !suggestion.ends_with('_') && !suggestion.is_empty() {
                suggestion.push('_');
            }
        }
        let suggestion = suggestion.trim_end_matches('_');
        let suggestion = if suggestion.chars().any(|c| c.is_ascii_alphabetic()) {
            if suggestion.starts_with(|c: char| c.is_ascii_digit()) {
                format!("r{suggestion}")
            } else {
                suggestion.to_string()
            }
        } else {
            // Nothing ASCII to keep (an id in Devanagari): a made-up example, not "_____".
            format!("ls{}", years_in(id).first().copied().unwrap_or(2024))
        };
        return Err(format!(
            "result id \"{}\" cannot be used in templates (results.{} would not read as one name); use ASCII letters, digits and _ only, starting with a letter, e.g. \"{suggestion}\"",
            printable(id),
            printable(id)
        ));
    }
    Ok(())
}

fn unknown_segment_message(segment: &str, segments: &[Segment]) -> String {
    if segments.is_empty() {
        return format!(
            "by_segment names \"{}\" but this result lists no segments; add segments = [\"{}\", …] to the result",
            printable(segment),
            printable(segment)
        );
    }
    let mut message = format!("\"{}\" is not a segment of this result", printable(segment));
    let names: Vec<&str> = segments.iter().map(|s| s.name.as_str()).collect();
    match closest(segment, names.iter().copied()) {
        Some(suggestion) => message.push_str(&format!("; did you mean \"{suggestion}\"?")),
        None => message.push('.'),
    }
    message.push_str(&format!(" Segments: {}", names.join(", ")));
    message
}

/// Tags typed in another Unicode form than NFC (क़ as one code point U+0958, a zero-width
/// joiner): chunav folds them into one tag with the usual spelling, and says so at the
/// tag's line, since search engines and other tools will not. `tags_line` is the line of
/// `tags =` in `text` (the whole file), counted from 1.
pub fn unusual_tag_forms(file: &Path, text: &str, tags_line: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(tags_line - 1) {
        // The array's quoted strings, up to its closing bracket.
        let mut rest = if i + 1 == tags_line {
            line.split_once('=').map_or("", |(_, r)| r)
        } else {
            line
        };
        while let Some((_, after)) = rest.split_once('"') {
            let Some((tag, next)) = after.split_once('"') else {
                break;
            };
            if fold::is_unusual_form(tag) {
                out.push(
                    Diagnostic::warning(
                        file,
                        format!(
                            "tag \"{}\" is written with {}; chunav reads it as \"{}\" (Unicode NFC), so it is one tag with the same word typed the usual way — retype it so search and other tools agree",
                            printable(tag.trim()),
                            fold::describe_form(tag),
                            fold::nfc(tag)
                        ),
                    )
                    .at_line(i + 1)
                    .with_field("tags"),
                );
            }
            rest = next;
        }
        if line.contains(']') {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Severity;
    use crate::election::testutil::{HEAD, KANPUR_2024, check, only, shown};

    /// HEAD fills lines 2–8 of the page; a candidate appended to it starts on line 9.
    fn with_candidates(candidates: &str) -> String {
        format!("{HEAD}{candidates}")
    }

    const INC_2019_AS_REPORTED: &str = r#"
[[results.candidates]]
name = "श्रीप्रकाश जायसवाल"
party = "INC"
votes = 313003
by_segment = { "गोविंदनगर" = 44837, "सीसामऊ" = 67073, "आर्यनगर" = 46196, "किदवईनगर" = 46613, "कैंट" = 86940 }
"#;

    #[test]
    fn the_reports_2019_segments_leave_votes_unattributed() {
        let (_, diagnostics) = check(&with_candidates(INC_2019_AS_REPORTED));
        assert_eq!(
            only(&diagnostics),
            "warning: content/kanpur.md:14: results[0].candidates[0].by_segment: by_segment adds up to 2,91,659 of 3,13,003 votes: 21,344 votes (6.82%) are not in any segment; postal ballots rarely exceed 3% of a candidate's votes — check the segment figures or give `postal`"
        );
    }

    #[test]
    fn official_2024_segments_and_postal_reconcile() {
        let (_, diagnostics) = check(KANPUR_2024);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        // The same INC figures without postal: 2,618 of 4,22,087 is 0.62%, under 3%.
        let inc_without_postal = r#"
[[results.candidates]]
name = "आलोक मिश्रा"
party = "INC"
votes = 422087
by_segment = { "गोविंदनगर" = 71560, "सीसामऊ" = 87323, "आर्यनगर" = 78878, "किदवईनगर" = 66680, "कैंट" = 115028 }
"#;
        let (_, diagnostics) = check(&with_candidates(inc_without_postal));
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
    }

    #[test]
    fn a_postal_sized_gap_without_postal_figures_is_quiet() {
        // 1.18 % of the votes in no segment, as official 2019 results without postal figures leave.
        let bsp = r#"
[[results.candidates]]
name = "मोहन लाल"
party = "BSP"
votes = 48275
by_segment = { "गोविंदनगर" = 9000, "सीसामऊ" = 9000, "आर्यनगर" = 9000, "किदवईनगर" = 9000, "कैंट" = 11703 }
"#;
        let (_, diagnostics) = check(&with_candidates(bsp));
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        // 4 % is more than postal ballots leave.
        let (_, diagnostics) = check(&with_candidates(&bsp.replace("11703", "10344")));
        assert!(
            only(&diagnostics).contains("(4.00%) are not in any segment"),
            "{:#?}",
            shown(&diagnostics)
        );
    }

    #[test]
    fn a_count_written_as_text_says_what_to_write() {
        let (_, diagnostics) = check(&with_candidates(
            "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = \"4,22,087\"\n",
        ));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:12: results[0].candidates[0].votes: expected a whole number, found \"4,22,087\"; write 422087 without commas or quotes"
        );
    }

    #[test]
    fn bad_postal_segment_and_electors_counts_are_each_reported() {
        let text = format!(
            "{HEAD}electors = -1\n[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\npostal = 26.5\nby_segment = {{ \"कैंट\" = \"1,15,028\" }}\n"
        );
        let (_, diagnostics) = check(&text);
        assert_eq!(
            shown(&diagnostics),
            [
                "error: content/kanpur.md:9: results[0].electors: expected a whole number, found -1: a count cannot be negative",
                "error: content/kanpur.md:14: results[0].candidates[0].postal: expected a whole number, found 26.5",
                "error: content/kanpur.md:15: results[0].candidates[0].by_segment[\"कैंट\"]: expected a whole number, found \"1,15,028\"; write 115028 without commas or quotes",
            ]
        );
    }

    #[test]
    fn an_undefined_party_gets_a_suggestion_and_the_list() {
        let (_, diagnostics) = check(&with_candidates(
            "[[results.candidates]]\nname = \"रमेश अवस्थी\"\nparty = \"BJPP\"\nvotes = 443055\n",
        ));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:11: results[0].candidates[0].party: party \"BJPP\" is not defined in site.toml [parties]; did you mean \"BJP\"? Define it as [parties.BJPP] in site.toml"
        );
    }

    #[test]
    fn few_parties_are_listed() {
        use crate::diagnostics::LineIndex;
        use crate::election::{DataStore, check_page};
        use std::collections::BTreeSet;
        let text = with_candidates(
            "[[results.candidates]]\nname = \"X\"\nparty = \"Congress\"\nvotes = 1\n",
        );
        #[derive(serde::Deserialize)]
        struct FrontMatter {
            results: Vec<crate::election::model::ResultInput>,
        }
        let parsed: FrontMatter = toml::from_str(&text).expect("parses");
        let parties: BTreeSet<String> = ["BJP", "INC"].into_iter().map(String::from).collect();
        let (_, diagnostics) = check_page(
            std::path::Path::new("content/kanpur.md"),
            &LineIndex::new(&text, 2),
            &parsed.results,
            &[],
            &DataStore::default(),
            &parties,
        );
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:11: results[0].candidates[0].party: party \"Congress\" is not defined in site.toml [parties]. Defined parties: BJP, INC, IND, NOTA"
        );
    }

    #[test]
    fn unknown_segments_are_named_with_the_right_ones() {
        let (_, diagnostics) = check(&with_candidates(
            "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\nby_segment = { \"कैंट्ट\" = 115028 }\n",
        ));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:13: results[0].candidates[0].by_segment[\"कैंट्ट\"]: \"कैंट्ट\" is not a segment of this result; did you mean \"कैंट\"? Segments: गोविंदनगर, सीसामऊ, आर्यनगर, किदवईनगर, कैंट"
        );
        let no_segments = "[[results]]\nid = \"ls2024\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\n[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\nby_segment = { \"कैंट\" = 115028 }\n";
        let (_, diagnostics) = check(no_segments);
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:11: results[0].candidates[0].by_segment[\"कैंट\"]: by_segment names \"कैंट\" but this result lists no segments; add segments = [\"कैंट\", …] to the result"
        );
    }

    #[test]
    fn a_candidate_listed_twice_is_an_error() {
        let one =
            "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\n";
        let namesake =
            "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"IND\"\nvotes = 1198\n";
        let (page, diagnostics) = check(&with_candidates(&format!("{one}{namesake}")));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:14: results[0].candidates[1].name: candidate \"आलोक मिश्रा\" is listed twice in this result (first at line 10); namesakes must be told apart in the name, e.g. \"आलोक मिश्रा (IND)\""
        );
        assert_eq!(page.get("ls2024").map(|r| r.total), Some(422087));
    }

    #[test]
    fn segments_adding_up_to_more_than_the_total_is_an_error() {
        let (_, diagnostics) = check(&with_candidates(
            "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\nby_segment = { \"गोविंदनगर\" = 71560, \"सीसामऊ\" = 87323, \"आर्यनगर\" = 78878, \"किदवईनगर\" = 66680, \"कैंट\" = 125028 }\n",
        ));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:13: results[0].candidates[0].by_segment: by_segment adds up to 4,29,469, more than the candidate's 4,22,087 votes (by 7,382)"
        );
    }

    #[test]
    fn segments_plus_postal_must_equal_votes() {
        let candidate = |postal: u64| {
            format!(
                "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\npostal = {postal}\nby_segment = {{ \"गोविंदनगर\" = 71560, \"सीसामऊ\" = 87323, \"आर्यनगर\" = 78878, \"किदवईनगर\" = 66680, \"कैंट\" = 115028 }}\n"
            )
        };
        let (_, diagnostics) = check(&with_candidates(&candidate(2600)));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:14: results[0].candidates[0].by_segment: by_segment (4,19,469) and postal (2,600) add up to 4,22,069, but votes is 4,22,087: 18 votes unaccounted for"
        );
        let (_, diagnostics) = check(&with_candidates(&candidate(2718)));
        assert!(
            only(&diagnostics)
                .ends_with("add up to 4,22,187, but votes is 4,22,087: 100 votes too many")
        );
        let (_, diagnostics) = check(&with_candidates(&candidate(2618)));
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
    }

    #[test]
    fn partial_segment_figures_are_a_warning() {
        let (_, diagnostics) = check(&with_candidates(
            "[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\nby_segment = { \"गोविंदनगर\" = 71560, \"सीसामऊ\" = 87323, \"किदवईनगर\" = 66680 }\n",
        ));
        assert_eq!(diagnostics[0].severity, Severity::Warning);
        assert_eq!(
            only(&diagnostics),
            "warning: content/kanpur.md:13: results[0].candidates[0].by_segment: by_segment gives 3 of 5 segments (missing: आर्यनगर, कैंट); segment tables and charts will show this candidate as unknown there"
        );
    }

    #[test]
    fn segment_lists_with_empty_or_repeated_names() {
        let text = "[[results]]\nid = \"ls2024\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\nsegments = [\"कैंट\", \"\", \"कैंट\"]\n[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\n";
        let (page, diagnostics) = check(text);
        assert_eq!(
            shown(&diagnostics),
            [
                "error: content/kanpur.md:7: results[0].segments[1]: segment name is empty",
                "error: content/kanpur.md:7: results[0].segments[2]: segment \"कैंट\" is listed twice",
            ]
        );
        assert_eq!(page.get("ls2024").map(|r| r.segments.len()), Some(1));
        let (_, diagnostics) = check(&text.replace("[\"कैंट\", \"\", \"कैंट\"]", "[]"));
        assert_eq!(
            only(&diagnostics),
            "warning: content/kanpur.md:7: results[0].segments: segments = [] names no segments; list them in chart order or remove the key"
        );
    }

    #[test]
    fn a_result_without_candidates_is_a_warning() {
        let (page, diagnostics) = check(HEAD);
        assert_eq!(
            only(&diagnostics),
            "warning: content/kanpur.md:4: results[0].id: result \"ls2024\" has no candidates; add [[results.candidates]] tables with name, party and votes"
        );
        let ls2024 = page
            .get("ls2024")
            .expect("still there, so references to it resolve");
        assert_eq!(
            (ls2024.total, ls2024.margin, ls2024.winner.is_none()),
            (0, None, true)
        );
    }

    #[test]
    fn ids_years_electors_postal_and_sources_are_checked() {
        let text = "[[results]]\nid = \"ls-2024\"\nelection = \" \"\nyear = 20244\nconstituency = \"कानपुर\"\nelectors = 1000\nsource = { text = \"\", url = \"eci.gov.in\" }\n[[results.candidates]]\nname = \"\"\nparty = \"\"\nvotes = 10\n[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 2000\npostal = 2001\n";
        let (_, diagnostics) = check(text);
        assert_eq!(
            shown(&diagnostics),
            [
                "error: content/kanpur.md:3: results[0].id: result id \"ls-2024\" cannot be used in templates (results.ls-2024 would not read as one name); use ASCII letters, digits and _ only, starting with a letter, e.g. \"ls_2024\"",
                "error: content/kanpur.md:4: results[0].election: election is empty; give the name readers see, e.g. \"लोकसभा 2024\"",
                "error: content/kanpur.md:5: results[0].year: year 20244 is not a plausible election year; expected a year such as 2024",
                "error: content/kanpur.md:8: results[0].source: source text is empty; name the source, e.g. \"ECI Form 21\"",
                "error: content/kanpur.md:8: results[0].source: source url \"eci.gov.in\" is not a web address; expected one starting with https://",
                "error: content/kanpur.md:10: results[0].candidates[0].name: candidate name is empty",
                "error: content/kanpur.md:11: results[0].candidates[0].party: party is empty; use a code from site.toml [parties], IND for an independent or NOTA",
                "error: content/kanpur.md:17: results[0].candidates[1].postal: postal (2,001) is more than votes (2,000); votes is the total including postal ballots",
                "error: content/kanpur.md:7: results[0].electors: electors (1,000) is less than the 2,000 valid votes of this result; check both figures",
            ]
        );
    }

    #[test]
    fn empty_ids_and_constituencies() {
        let text = "[[results]]\nid = \"\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"\"\n[[results.candidates]]\nname = \"X\"\nparty = \"IND\"\nvotes = 1\n";
        let (_, diagnostics) = check(text);
        assert_eq!(
            shown(&diagnostics),
            [
                "error: content/kanpur.md:3: results[0].id: result id is empty; give a short name such as \"ls2024\"",
                "error: content/kanpur.md:6: results[0].constituency: constituency is empty; give the name readers see, e.g. \"कानपुर\"",
            ]
        );
    }

    #[test]
    fn approx_figures_skip_exact_arithmetic_and_mark_what_depends_on_them() {
        let text = with_candidates(concat!(
            "[[results.candidates]]\nname = \"सपा प्रत्याशी\"\nparty = \"SP\"\nvotes = 250000\napprox = true\n",
            "by_segment = { \"कैंट\" = 90000 }\n",
            "[[results.candidates]]\nname = \"भाजपा प्रत्याशी\"\nparty = \"BJP\"\nvotes = 427000\n",
        ));
        let (page, diagnostics) = check(&text);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        let result = page.get("ls2024").expect("result");
        assert!(result.approx);
        assert!(
            result
                .candidates
                .iter()
                .any(|c| c.approx && c.party == "SP")
        );
        assert!(result.find_party("SP").is_ok_and(|p| p.approx));
        assert!(
            result
                .segments
                .iter()
                .all(|s| s.approx || s.leader.is_none())
        );
    }

    #[test]
    fn hostile_input_is_reported_not_panicked_on() {
        let text = with_candidates(concat!(
            "[[results.candidates]]\nname = \"<script>alert(1)</script>\"\nparty = \"<b>\"\nvotes = 9223372036854775807\npostal = -9223372036854775808\n",
            "by_segment = { \"\" = 1e308, \"कैंट\" = inf, \"सीसामऊ\" = nan, \"गोविंदनगर\" = [1], \"आर्यनगर\" = { a = 1 }, \"किदवईनगर\" = 1979-05-27 }\n",
            "[[results.candidates]]\nname = \"नोटा\\u0000\"\nparty = \"NOTA\"\nvotes = 0\n",
            "[[results.candidates]]\nname = \"नोटा\\u0000\"\nparty = \"NOTA\"\nvotes = 0\n",
        ));
        let (page, diagnostics) = check(&text);
        assert!(diagnostics.iter().all(|d| d.is_error()));
        let shown = shown(&diagnostics).join("\n");
        assert!(shown.contains("party \"<b>\" is not defined"), "{shown}");
        assert!(
            shown.contains("92,23,37,20,36,85,47,75,807 is larger than any Indian electorate"),
            "{shown}"
        );
        assert!(
            shown.contains("found -9223372036854775808: a count cannot be negative"),
            "{shown}"
        );
        assert!(shown.contains("found the date 1979-05-27"), "{shown}");
        assert!(
            shown.contains("\"नोटा\\u{0}\" is listed twice"),
            "control characters are escaped: {shown}"
        );
        assert_eq!(page.get("ls2024").map(|r| r.total), Some(0));
    }
}
