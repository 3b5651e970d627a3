//! Checked election results: plain values, known to be well formed, that remember where
//! each was written so that later checks (cross-page conflicts, prose) can point at it.

use std::path::PathBuf;

/// Where something was written: file relative to the site root, 1-based line, field path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub file: PathBuf,
    pub line: usize,
    pub field: String,
}

impl Place {
    /// "content/kanpur.md:14", for naming another place inside a message.
    pub fn short(&self) -> String {
        format!("{}:{}", self.file.display(), self.line)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Source {
    pub text: String,
    pub url: Option<String>,
}

/// One election in one constituency, after checking. Counts that failed their check are
/// left out (the diagnostic already stops the build), so arithmetic here never sees them.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct ElectionResult {
    pub id: String,
    pub election: String,
    pub year: i64,
    pub constituency: String,
    pub state: Option<String>,
    /// Segments in chart order, without empty or repeated names.
    pub segments: Vec<Segment>,
    pub electors: Option<u64>,
    /// Votes polled as ECI counts them for turnout (rejected postal ballots included).
    pub polled: Option<u64>,
    pub source: Option<Source>,
    pub note: Option<String>,
    pub candidates: Vec<Candidate>,
    /// Every candidate is listed; `false` for partial reports.
    pub complete: bool,
    /// "SC" or "ST" for a reserved seat.
    pub reserved: Option<String>,
    /// Elected unopposed: the one candidate has no votes (0 here, never shown as a count).
    pub uncontested: bool,
    /// Counting or declared, the round, and when the figures were taken.
    pub count: super::status::Count,
    /// The `[[results]]` table (its `id` line).
    pub place: Place,
    /// The `segments` list, when given.
    pub segments_place: Option<Place>,
    /// The `electors` and `polled` values, when given.
    pub electors_place: Option<Place>,
    pub polled_place: Option<Place>,
}

/// An assembly segment of a result.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    /// As written (NFC), e.g. "कैंट" or "175-LUCKNOW CANTT.".
    pub name: String,
    /// ECI's assembly-constituency number: `ac = 216`, or the number a name starts with.
    pub ac: Option<u32>,
    /// The line of its entry in `segments`.
    pub line: usize,
}

impl Segment {
    /// What matches this segment in another election: its AC number when known, else its
    /// name folded (case, punctuation, spaces, Unicode form), so "Cantt" and "Cantt." are
    /// one, and so are "आर्य नगर" and "आर्यनगर".
    pub fn key(&self) -> String {
        match self.ac {
            Some(ac) => format!("ac{ac}"),
            None => super::fold::segment_key(&self.name),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub name: String,
    pub party: String,
    /// Total votes; a lower bound when `approx`.
    pub votes: u64,
    pub postal: Option<u64>,
    /// Votes per segment, in the result's segment order, for the segments given.
    pub by_segment: Vec<(String, u64)>,
    /// A "more than" figure: `votes` is a lower bound, never to be shown as exact.
    pub approx: bool,
    /// The source names this candidate as the winner (`elected = true`, incomplete
    /// results only).
    pub elected: bool,
    pub note: Option<String>,
    /// The candidate's `name` value.
    pub name_place: Place,
    /// The candidate's `votes` value.
    pub votes_place: Place,
    pub postal_place: Option<Place>,
    /// The line of each `by_segment` figure, in the order of `by_segment`; the place is
    /// made when a message needs it (`segment_place`). A site keeps every candidate of
    /// every page for the cross-page check: a `Place` per segment was a third of its
    /// memory.
    pub segment_lines: Vec<usize>,
    /// The field of `by_segment` (`results[0].candidates[2].by_segment`).
    pub segment_field: String,
}

impl Candidate {
    /// Where the figure of `segment` was written.
    pub fn segment_place(&self, segment: &str) -> Option<Place> {
        let at = self
            .by_segment
            .iter()
            .position(|(name, _)| name == segment)?;
        Some(Place {
            file: self.votes_place.file.clone(),
            line: *self.segment_lines.get(at)?,
            field: format!(
                "{}[\"{}\"]",
                self.segment_field,
                super::count::printable(segment)
            ),
        })
    }

    pub fn segment_votes(&self, segment: &str) -> Option<u64> {
        self.by_segment
            .iter()
            .find(|(name, _)| name == segment)
            .map(|(_, votes)| *votes)
    }

    pub fn is_nota(&self) -> bool {
        self.party == NOTA
    }
}

/// Party code for independents; always defined, several candidates may share it.
pub const IND: &str = "IND";
/// Party code of "None of the Above"; always defined, counted in valid votes, never ranked.
pub const NOTA: &str = "NOTA";
