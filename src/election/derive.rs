//! The figures editors quote, derived once from a checked result: totals, shares, ranks,
//! margin, turnout, segment leads and per-party sums. Serialized for templates
//! (`{{ results.ls2024.margin }}`) and read as typed values by charts.
//!
//! Approximate ("more than") figures: if any candidate's votes are a lower bound, the
//! total, every share, the ranking and the margin may all be different in truth, so the
//! whole result is marked `approx` and templates must say "more than"/"about".

use super::count::printable;
use super::result::{Candidate, ElectionResult, NOTA, Segment, Source};
use super::share::percent;
use crate::diagnostics::closest;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct ResultFigures {
    pub id: String,
    pub election: String,
    pub year: i64,
    pub constituency: String,
    pub state: Option<String>,
    /// "SC" or "ST" for a reserved seat.
    pub reserved: Option<String>,
    /// Elected unopposed: the winner has no votes, and there is no total, share or margin.
    pub uncontested: bool,
    pub source: Option<Source>,
    pub note: Option<String>,
    pub electors: Option<u64>,
    /// Votes polled as ECI reports them for turnout, when given.
    pub polled: Option<u64>,
    /// All valid votes, NOTA included, as ECI counts them: the base of every share. For an
    /// incomplete result only the sum of the candidates given (see `complete`).
    pub total: u64,
    /// Valid votes of all candidates, NOTA excluded: the base of the deposit rule.
    pub total_without_nota: u64,
    /// Postal votes of all candidates, when every candidate gives `postal`.
    pub postal: Option<u64>,
    /// Under RP Act s.158 a candidate who is not elected forfeits the deposit with fewer
    /// votes than one sixth of `total_without_nota`: the least number of votes that keeps
    /// it. Only for complete, exact results.
    pub deposit_threshold: Option<u64>,
    /// How many candidates forfeited their deposit (complete, exact results only).
    pub deposits_forfeited: Option<usize>,
    /// Some candidate's votes are a "more than" figure: total, shares, ranks and margin
    /// are approximate.
    pub approx: bool,
    /// Turnout in percent as ECI computes it: `polled` over electors; when `polled` is not
    /// given, valid votes (NOTA included) over electors, which is slightly lower.
    pub turnout: Option<f64>,
    /// What `turnout` counts: "polled" (ECI's figure) or "valid" (valid votes only).
    pub turnout_base: Option<&'static str>,
    /// Every candidate is listed. When not, there is no winner, margin, rank or share.
    pub complete: bool,
    /// Ranked candidates first (by votes, ties in the order written), then NOTA.
    pub candidates: Vec<CandidateFigures>,
    pub winner: Option<CandidateFigures>,
    pub runner_up: Option<CandidateFigures>,
    /// Winner's votes minus the runner-up's.
    pub margin: Option<u64>,
    /// The margin as percentage points of `total`.
    pub margin_points: Option<f64>,
    /// The two leading candidates have the same votes.
    pub tie: bool,
    /// Party code → the party's candidates summed (several IND candidates add up).
    pub parties: BTreeMap<String, PartyFigures>,
    /// Party codes by votes (most first, NOTA last): the order to loop over `parties` in,
    /// since Tera does not keep the order of a map.
    pub party_order: Vec<String>,
    /// Per segment, in chart order.
    pub segments: Vec<SegmentFigures>,
    /// Party code → number of segments whose leader is certain and of that party.
    pub segments_led: BTreeMap<String, usize>,
    /// Other result id (same constituency, same page) → party code → change from it.
    pub changes: BTreeMap<String, BTreeMap<String, PartyChange>>,
    /// Alliance name → its parties here, summed (from site.toml `[alliances.YEAR]`).
    pub alliances: BTreeMap<String, AllianceFigures>,
    /// Party code → the alliance it belongs to in this election.
    pub alliance_of: BTreeMap<String, String>,
    /// Other result id → alliance name → change from it: the alliance's parties here
    /// against the same alliance there (or, where that year defines none, the same parties).
    pub alliance_changes: BTreeMap<String, BTreeMap<String, PartyChange>>,
    /// "declared" (the default: a final result) or "counting".
    pub status: &'static str,
    /// Votes are still being counted: no winner, runner-up, margin, turnout or deposits;
    /// `leader`, `trailing` and `lead` instead.
    pub counting: bool,
    /// The latest round counted and how many the count has, as written.
    pub round: Option<u32>,
    pub rounds: Option<u32>,
    /// When the figures were taken, when the result says.
    pub updated: Option<UpdatedFigures>,
    /// While counting: the candidate ahead, the one second, and the gap between them.
    pub leader: Option<CandidateFigures>,
    pub trailing: Option<CandidateFigures>,
    pub lead: Option<u64>,
    /// The lead as percentage points of the votes counted so far.
    pub lead_points: Option<f64>,
    /// The checked input with its places, for later checks; not for templates.
    #[serde(skip)]
    pub result: ElectionResult,
}

/// The update time of a result, in the forms pages, feeds and readers need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdatedFigures {
    /// As written: `2024-06-04T14:30:00+05:30` (for `<time datetime>`).
    pub iso: String,
    /// The same moment in UTC: `2024-06-04T09:00:00Z`.
    pub utc: String,
    /// For readers, in the zone written: "4 जून 2024, 14:30 IST".
    pub hi: String,
    pub en: String,
}

impl UpdatedFigures {
    fn of(time: &super::status::UpdateTime) -> UpdatedFigures {
        UpdatedFigures {
            iso: time.rfc3339(),
            utc: time.utc(),
            hi: time.for_readers("hi"),
            en: time.for_readers("en"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateFigures {
    pub name: String,
    pub party: String,
    pub votes: u64,
    pub postal: Option<u64>,
    /// Votes cast on voting machines: `votes` − `postal`, when postal is given.
    pub evm: Option<u64>,
    /// Percent of the result's total, two decimals; none for an incomplete result.
    pub share: Option<f64>,
    /// Lost the deposit under RP Act s.158 (see `deposit_threshold`); none for NOTA and
    /// for results whose figures cannot decide it (incomplete or "more than").
    pub deposit_forfeited: Option<bool>,
    /// 1 for the winner; NOTA has none.
    pub rank: Option<usize>,
    /// This candidate's votes are a "more than" figure.
    pub approx: bool,
    /// The source names this candidate as the winner of a result that does not list every
    /// candidate (`elected = true`); a complete result's winner is `rank` 1.
    pub elected: bool,
    pub note: Option<String>,
    /// Segment → votes, only for segments the data gives.
    pub by_segment: SegmentVotes,
}

/// One candidate's votes by segment name: a map for templates (`by_segment["कैंट"]`, in
/// name order, as a `BTreeMap` gives it), kept as a list sorted by name. A site holds
/// every candidate of every page; a B-tree node per candidate was a third of its figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentVotes(Vec<(String, u64)>);

type SegmentItem<'a> = (&'a String, &'a u64);

impl SegmentVotes {
    pub fn get(&self, segment: &str) -> Option<&u64> {
        self.0
            .binary_search_by(|(name, _)| name.as_str().cmp(segment))
            .ok()
            .map(|at| &self.0[at].1)
    }

    /// (segment, votes) in name order.
    pub fn iter(&self) -> impl Iterator<Item = SegmentItem<'_>> {
        self.into_iter()
    }

    pub fn values(&self) -> impl Iterator<Item = &u64> {
        self.0.iter().map(|(_, votes)| votes)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, u64)> for SegmentVotes {
    /// Like collecting into a map: sorted by name, the last figure of a name kept.
    fn from_iter<I: IntoIterator<Item = (String, u64)>>(items: I) -> Self {
        let map: BTreeMap<String, u64> = items.into_iter().collect();
        SegmentVotes(map.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a SegmentVotes {
    type Item = SegmentItem<'a>;
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, u64)>,
        fn(&'a (String, u64)) -> SegmentItem<'a>,
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(name, votes)| (name, votes))
    }
}

impl Serialize for SegmentVotes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, votes) in &self.0 {
            map.serialize_entry(name, votes)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyFigures {
    pub votes: u64,
    /// None for an incomplete result.
    pub share: Option<f64>,
    /// How many candidates stood for the party (IND usually has several).
    pub candidates: usize,
    pub approx: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentFigures {
    pub name: String,
    /// ECI's assembly-constituency number, when given.
    pub ac: Option<u32>,
    /// What matches this segment in another election (the AC number, or the name folded).
    pub key: String,
    /// Sum of the figures given for this segment.
    pub total: u64,
    /// Every candidate, NOTA included, has a figure here, so `total` is the segment's
    /// valid vote; otherwise it is the sum of what is known.
    pub complete: bool,
    /// Party code of the leading candidate, when no candidate without a figure here could
    /// have led (their whole vote is below the leader's segment vote).
    pub leader: Option<String>,
    pub leader_name: Option<String>,
    pub runner_up: Option<String>,
    pub runner_up_name: Option<String>,
    pub margin: Option<u64>,
    /// Only for complete segments: the margin as points of the segment's total.
    pub margin_points: Option<f64>,
    /// The margin could be smaller if a candidate without a figure here beat the runner-up,
    /// or figures are "more than" figures.
    pub approx: bool,
    /// Party code → votes in this segment, summed over the party's candidates with figures.
    pub parties: BTreeMap<String, u64>,
}

/// An alliance's parties in one result, summed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllianceFigures {
    /// Its parties that stood here.
    pub parties: Vec<String>,
    pub votes: u64,
    pub share: Option<f64>,
}

/// How a party's result changed from another result of the same constituency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyChange {
    /// Votes here minus votes there (0 where the party did not stand).
    pub votes: i64,
    /// Share here minus share there, in percentage points: the swing.
    pub share_points: f64,
    /// The party stood in both results; otherwise the change is from or to nothing.
    pub in_both: bool,
    pub approx: bool,
    /// For an alliance whose parties there were not its parties here: those whose votes
    /// make the figure there (`INDIA` now `INC`, in 2019 `INC` + `SP`), so that a page can
    /// say what the swing is measured from. Empty otherwise.
    pub then: Vec<String>,
}

/// Derives the figures of one checked result; `changes` stays empty (see `compare`).
pub fn derive(result: &ElectionResult) -> ResultFigures {
    let total: u64 = result.candidates.iter().map(|c| c.votes).sum();
    let approx = result.candidates.iter().any(|c| c.approx);
    // No share of an uncontested seat: nobody voted.
    let shares = result.complete && !result.uncontested;

    let mut order: Vec<&Candidate> = result.candidates.iter().collect();
    // Stable sort: equal votes keep the order written. NOTA goes last, unranked.
    order.sort_by_key(|c| (c.is_nota(), std::cmp::Reverse(c.votes)));
    let total_without_nota: u64 = result
        .candidates
        .iter()
        .filter(|c| !c.is_nota())
        .map(|c| c.votes)
        .sum();
    let counting = result.count.status == super::status::Status::Counting;
    // Deposits are decided by the final count only.
    let exact = shares && !approx && !counting && !result.candidates.is_empty();
    // Fewer votes than one sixth forfeits: v < T/6 ⇔ 6v < T, so ⌈T/6⌉ keeps it.
    let deposit_threshold =
        exact.then(|| total_without_nota.div_ceil(DEPOSIT_FRACTION_DENOMINATOR));
    let mut rank = 0;
    let candidates: Vec<CandidateFigures> = order
        .iter()
        .map(|c| {
            let rank = if c.is_nota() || !result.complete {
                None
            } else {
                rank += 1;
                Some(rank)
            };
            CandidateFigures {
                name: c.name.clone(),
                party: c.party.clone(),
                votes: c.votes,
                postal: c.postal,
                evm: c.postal.map(|p| c.votes.saturating_sub(p)),
                share: shares.then(|| percent(c.votes, total)),
                deposit_forfeited: match deposit_threshold {
                    Some(threshold) if !c.is_nota() => Some(rank != Some(1) && c.votes < threshold),
                    _ => None,
                },
                rank,
                approx: c.approx,
                elected: c.elected,
                note: c.note.clone(),
                by_segment: c.by_segment.iter().cloned().collect(),
            }
        })
        .collect();
    let ranked: Vec<&CandidateFigures> = candidates.iter().filter(|c| c.rank.is_some()).collect();
    let winner = ranked.first().map(|c| (*c).clone());
    let runner_up = ranked.get(1).map(|c| (*c).clone());
    let gap = match (&winner, &runner_up) {
        (Some(w), Some(r)) => Some(w.votes - r.votes),
        _ => None,
    };
    // While counting, the first two lead and trail: nobody has won, and their gap is a lead.
    let (winner, runner_up, margin, leader, trailing, lead) = if counting {
        (None, None, None, winner, runner_up, gap)
    } else {
        (winner, runner_up, gap, None, None, None)
    };

    let mut parties: BTreeMap<String, PartyFigures> = BTreeMap::new();
    for c in &result.candidates {
        let entry = parties.entry(c.party.clone()).or_insert(PartyFigures {
            votes: 0,
            share: None,
            candidates: 0,
            approx: false,
        });
        entry.votes += c.votes;
        entry.candidates += 1;
        entry.approx |= c.approx;
    }
    for party in parties.values_mut() {
        party.share = shares.then(|| percent(party.votes, total));
    }

    let mut party_order: Vec<String> = parties.keys().cloned().collect();
    // Stable on the alphabetical order of the map, so equal votes stay deterministic.
    party_order.sort_by_key(|code| (code == NOTA, std::cmp::Reverse(parties[code].votes)));

    let segments: Vec<SegmentFigures> = result
        .segments
        .iter()
        .map(|segment| segment_figures(segment, &result.candidates, approx))
        .collect();
    let deposits_forfeited = deposit_threshold.map(|_| {
        candidates
            .iter()
            .filter(|c| c.deposit_forfeited == Some(true))
            .count()
    });
    let postal = result
        .candidates
        .iter()
        .map(|c| c.postal)
        .sum::<Option<u64>>()
        .filter(|_| result.complete && !result.candidates.is_empty());
    let voted = result.polled.unwrap_or(total);
    let mut segments_led: BTreeMap<String, usize> = BTreeMap::new();
    for leader in segments.iter().filter_map(|s| s.leader.as_ref()) {
        *segments_led.entry(leader.clone()).or_default() += 1;
    }

    ResultFigures {
        id: result.id.clone(),
        election: result.election.clone(),
        year: result.year,
        constituency: result.constituency.clone(),
        state: result.state.clone(),
        reserved: result.reserved.clone(),
        uncontested: result.uncontested,
        source: result.source.clone(),
        note: result.note.clone(),
        electors: result.electors,
        polled: result.polled,
        total,
        total_without_nota,
        postal,
        deposit_threshold,
        deposits_forfeited,
        approx,
        turnout: result
            .electors
            .filter(|e| *e > 0 && !counting && ((shares) || result.polled.is_some()))
            .map(|e| percent(voted, e)),
        turnout_base: result
            .electors
            .filter(|e| *e > 0 && !counting && ((shares) || result.polled.is_some()))
            .map(|_| {
                if result.polled.is_some() {
                    "polled"
                } else {
                    "valid"
                }
            }),
        complete: result.complete,
        candidates,
        tie: gap == Some(0),
        margin_points: margin.map(|m| percent(m, total)),
        margin,
        winner,
        runner_up,
        parties,
        party_order,
        segments,
        segments_led,
        changes: BTreeMap::new(),
        alliances: BTreeMap::new(),
        alliance_of: BTreeMap::new(),
        alliance_changes: BTreeMap::new(),
        status: result.count.status.as_str(),
        counting,
        round: result.count.round,
        rounds: result.count.rounds,
        updated: result.count.updated.as_ref().map(UpdatedFigures::of),
        leader,
        trailing,
        lead_points: lead.map(|m| percent(m, total)),
        lead,
        result: result.clone(),
    }
}

/// RP Act 1951 s.158(2): a deposit is lost below one sixth of the valid votes of all
/// candidates. Data, so that the rule is stated once.
pub const DEPOSIT_FRACTION_DENOMINATOR: u64 = 6;

fn segment_figures(
    segment: &Segment,
    candidates: &[Candidate],
    result_approx: bool,
) -> SegmentFigures {
    let name = segment.name.as_str();
    let mut known: Vec<(&Candidate, u64)> = candidates
        .iter()
        .filter_map(|c| c.segment_votes(name).map(|v| (c, v)))
        .collect();
    let total: u64 = known.iter().map(|(_, v)| v).sum();
    let complete = known.len() == candidates.len() && !candidates.is_empty();
    let mut parties: BTreeMap<String, u64> = BTreeMap::new();
    for (c, v) in &known {
        *parties.entry(c.party.clone()).or_default() += v;
    }

    known.retain(|(c, _)| !c.is_nota());
    known.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
    // The most a ranked candidate without a figure here can have had in this segment:
    // their whole vote (unbounded when that is itself a "more than" figure).
    let unknown_ceiling: Option<u64> = candidates
        .iter()
        .filter(|c| !c.is_nota() && c.segment_votes(name).is_none())
        .map(|c| if c.approx { u64::MAX } else { c.votes })
        .max();
    let leader = known.first().copied();
    let second = known.get(1).copied();
    let leader_certain = match (leader, unknown_ceiling) {
        (Some((_, lead_votes)), Some(ceiling)) => ceiling < lead_votes,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let margin_certain = match (second, unknown_ceiling) {
        (_, None) => true,
        (Some((_, second_votes)), Some(ceiling)) => ceiling <= second_votes,
        (None, Some(_)) => false,
    };
    let (leader, second) = if leader_certain {
        (leader, second)
    } else {
        (None, None)
    };
    let margin = match (leader, second) {
        (Some((_, a)), Some((_, b))) => Some(a - b),
        _ => None,
    };
    SegmentFigures {
        name: name.to_string(),
        ac: segment.ac,
        key: segment.key(),
        total,
        complete,
        leader: leader.map(|(c, _)| c.party.clone()),
        leader_name: leader.map(|(c, _)| c.name.clone()),
        runner_up: second.map(|(c, _)| c.party.clone()),
        runner_up_name: second.map(|(c, _)| c.name.clone()),
        margin_points: margin.filter(|_| complete).map(|m| percent(m, total)),
        margin,
        approx: result_approx || (margin.is_some() && !margin_certain),
        parties,
    }
}

impl SegmentFigures {
    /// One assembly segment in two elections: by AC number when both give one, otherwise
    /// by name folded (case, punctuation, spaces, Unicode form, a leading "175-").
    pub fn same_segment(&self, other: &SegmentFigures) -> bool {
        match (self.ac, other.ac) {
            (Some(a), Some(b)) => a == b,
            _ => super::fold::segment_key(&self.name) == super::fold::segment_key(&other.name),
        }
    }
}

impl ResultFigures {
    /// The party's summed figures, or a message naming the parties of this result.
    pub fn find_party(&self, code: &str) -> Result<&PartyFigures, String> {
        self.parties.get(code).ok_or_else(|| {
            not_found(
                &format!("no party `{}` in result `{}`", printable(code), self.id),
                "parties here",
                code,
                self.parties.keys().map(String::as_str),
            )
        })
    }

    pub fn find_candidate(&self, name: &str) -> Result<&CandidateFigures, String> {
        self.candidates
            .iter()
            .find(|c| c.name == name)
            .ok_or_else(|| {
                not_found(
                    &format!("no candidate `{}` in result `{}`", printable(name), self.id),
                    "candidates here",
                    name,
                    self.candidates.iter().map(|c| c.name.as_str()),
                )
            })
    }

    pub fn find_segment(&self, name: &str) -> Result<&SegmentFigures, String> {
        self.segments
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| {
                if self.segments.is_empty() {
                    format!(
                        "no segment `{}` in result `{}`: it lists no segments",
                        printable(name),
                        self.id
                    )
                } else {
                    not_found(
                        &format!("no segment `{}` in result `{}`", printable(name), self.id),
                        "segments here",
                        name,
                        self.segments.iter().map(|s| s.name.as_str()),
                    )
                }
            })
    }

    /// This result's segment for a chart row named `row`: the segment of that name, or
    /// the one that is the same assembly segment as the row's segment in one of `pool`
    /// (same AC number, or the same name spelled another way: "Cantt" / "Cantt.").
    pub fn segment_for_row(&self, row: &str, pool: &[&ResultFigures]) -> Option<&SegmentFigures> {
        if let Some(s) = self.segments.iter().find(|s| s.name == row) {
            return Some(s);
        }
        let model = pool
            .iter()
            .flat_map(|r| r.segments.iter())
            .find(|s| s.name == row)?;
        self.segments.iter().find(|s| s.same_segment(model))
    }

    /// Votes of `party` in `segment`, when the data gives them.
    pub fn party_votes_in_segment(&self, party: &str, segment: &str) -> Option<u64> {
        self.segments
            .iter()
            .find(|s| s.name == segment)
            .and_then(|s| s.parties.get(party).copied())
    }
}

/// "`what`; `label`: a, b, c; did you mean `b`?" for lookups by name.
pub(crate) fn not_found<'a>(
    what: &str,
    label: &str,
    wrong: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> String {
    let list: Vec<&str> = known.clone().collect();
    let mut message = if list.is_empty() {
        format!("{what}; there are none")
    } else {
        format!("{what}; {label}: {}", list.join(", "))
    };
    if let Some(suggestion) = closest(wrong, known) {
        message.push_str(&format!("; did you mean `{suggestion}`?"));
    }
    message
}

#[cfg(test)]
mod tests {
    use crate::election::testutil::{KANPUR_2019, KANPUR_2024, check, shown};

    #[test]
    fn segment_votes_read_and_serialize_as_the_map_they_replace() {
        let items = [("कैंट", 3), ("आर्यनगर", 1), ("गोविंदनगर", 2), ("कैंट", 4)]
            .map(|(name, votes)| (name.to_string(), votes));
        let list: super::SegmentVotes = items.iter().cloned().collect();
        let map: std::collections::BTreeMap<String, u64> = items.iter().cloned().collect();
        assert_eq!(
            serde_json::to_string(&list).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        assert_eq!(list.get("कैंट"), Some(&4));
        assert_eq!(list.get("किदवई नगर"), None);
        assert_eq!(list.len(), 3);
        assert_eq!(list.values().sum::<u64>(), 7);
        assert!(list.iter().map(|(k, _)| k).eq(map.keys()));
    }

    fn kanpur() -> crate::election::PageResults {
        let (page, diagnostics) = check(&format!("{KANPUR_2019}\n{KANPUR_2024}"));
        assert!(
            diagnostics.is_empty(),
            "official data gives no diagnostics: {:#?}",
            shown(&diagnostics)
        );
        page
    }

    #[test]
    fn kanpur_2024_winner_margin_and_shares() {
        let page = kanpur();
        let ls2024 = page.find_result("ls2024").expect("ls2024");
        assert_eq!(ls2024.total, 887396);
        assert!(!ls2024.approx);
        let winner = ls2024.winner.as_ref().expect("winner");
        let runner_up = ls2024.runner_up.as_ref().expect("runner-up");
        assert_eq!(
            (winner.name.as_str(), winner.party.as_str()),
            ("रमेश अवस्थी", "BJP")
        );
        assert_eq!(
            (runner_up.name.as_str(), runner_up.party.as_str()),
            ("आलोक मिश्रा", "INC")
        );
        assert_eq!(ls2024.margin, Some(20968));
        assert_eq!(ls2024.margin_points, Some(2.36));
        assert!(!ls2024.tie);
        assert_eq!(winner.share, Some(49.93));
        assert_eq!(runner_up.share, Some(47.56));
        assert_eq!(ls2024.find_party("BJP").map(|p| p.share), Ok(Some(49.93)));
        assert_eq!(ls2024.turnout, None);
    }

    #[test]
    fn ranks_put_nota_last_unranked() {
        let page = kanpur();
        let ls2024 = page.find_result("ls2024").expect("ls2024");
        let ranks: Vec<(&str, Option<usize>)> = ls2024
            .candidates
            .iter()
            .map(|c| (c.party.as_str(), c.rank))
            .collect();
        assert_eq!(ranks[0], ("BJP", Some(1)));
        assert_eq!(ranks[1], ("INC", Some(2)));
        assert_eq!(ranks[2], ("BSP", Some(3)));
        assert_eq!(ranks.last(), Some(&("NOTA", None)));
        assert_eq!(ranks[ranks.len() - 2].1, Some(11));
        let nota = ls2024.find_candidate("NOTA").expect("NOTA");
        assert_eq!(nota.share, Some(0.46));
    }

    #[test]
    fn independents_add_up_as_one_party() {
        let page = kanpur();
        let ind = page
            .find_result("ls2024")
            .and_then(|r| r.find_party("IND"))
            .expect("IND");
        assert_eq!((ind.votes, ind.candidates), (1198 + 778 + 672 + 398, 4));
    }

    #[test]
    fn segments_led_change_hands() {
        let page = kanpur();
        let led = |id: &str| page.find_result(id).expect("result").segments_led.clone();
        assert_eq!(
            led("ls2019").into_iter().collect::<Vec<_>>(),
            [("BJP".to_string(), 3), ("INC".to_string(), 2)]
        );
        assert_eq!(
            led("ls2024").into_iter().collect::<Vec<_>>(),
            [("BJP".to_string(), 2), ("INC".to_string(), 3)]
        );
        let cantt = page
            .find_result("ls2024")
            .and_then(|r| r.find_segment("कैंट"))
            .expect("कैंट");
        assert_eq!(cantt.leader.as_deref(), Some("INC"));
        assert_eq!(cantt.leader_name.as_deref(), Some("आलोक मिश्रा"));
        assert_eq!(cantt.margin, Some(115028 - 71520));
        // Independents and NOTA have no segment figures in 2024: the total is partial.
        assert!(!cantt.complete);
        assert_eq!(cantt.margin_points, None);
        assert!(!cantt.approx);
        assert_eq!(cantt.parties.get("INC"), Some(&115028));
    }

    #[test]
    fn congress_swing_over_2019() {
        let page = kanpur();
        let ls2024 = page.find_result("ls2024").expect("ls2024");
        let inc = &ls2024.changes["ls2019"]["INC"];
        assert_eq!(inc.votes, 422087 - 313003);
        assert_eq!(inc.share_points, 10.43);
        assert!(inc.in_both);
        assert_eq!(ls2024.changes["ls2019"]["BJP"].share_points, -5.70);
        let bsp = &ls2024.changes["ls2019"]["BSP"];
        assert!(!bsp.in_both);
        assert_eq!(bsp.votes, 12032);
        // And the other way round.
        let ls2019 = page.find_result("ls2019").expect("ls2019");
        assert_eq!(ls2019.changes["ls2024"]["INC"].share_points, -10.43);
        assert_eq!(ls2019.total, 842994);
    }

    #[test]
    fn lookups_say_what_exists() {
        let page = kanpur();
        assert_eq!(
            page.find_result("ls2025").err(),
            Some("no result `ls2025` on this page; results here: ls2019, ls2024; did you mean `ls2024`?".to_string())
        );
        let ls2024 = page.find_result("ls2024").expect("ls2024");
        assert_eq!(
            ls2024.find_party("BJPP").err(),
            Some("no party `BJPP` in result `ls2024`; parties here: AIFB, BJP, BSP, INC, IND, NOTA, PBI, SABJANP, SUCI; did you mean `BJP`?".to_string())
        );
        assert_eq!(
            ls2024.find_segment("कैंट्ट").err(),
            Some("no segment `कैंट्ट` in result `ls2024`; segments here: गोविंदनगर, सीसामऊ, आर्यनगर, किदवईनगर, कैंट; did you mean `कैंट`?".to_string())
        );
        assert!(
            ls2024
                .find_candidate("आलोक मिश्र")
                .err()
                .is_some_and(|m| m.ends_with("did you mean `आलोक मिश्रा`?"))
        );
        assert_eq!(ls2024.party_votes_in_segment("INC", "सीसामऊ"), Some(87323));
        assert_eq!(ls2024.party_votes_in_segment("NOTA", "सीसामऊ"), None);
        let (empty, _) = check("");
        assert_eq!(
            empty.find_result("ls2024").err(),
            Some("no result `ls2024` on this page; it has none (add [[results]] to the front matter or data = [\"…\"])".to_string())
        );
    }

    #[test]
    fn an_incomplete_result_has_no_winner_ranks_or_shares() {
        let (page, problems) = crate::election::testutil::check(
            "[[results]]\nid = \"m\"\nelection = \"महापौर 2023\"\nyear = 2023\nconstituency = \"कानपुर\"\ncomplete = false\n\n[[results.candidates]]\nname = \"सपा प्रत्याशी\"\nparty = \"SP\"\nvotes = 250000\napprox = true\n",
        );
        assert!(problems.iter().all(|d| !d.is_error()), "{problems:?}");
        let m = page.find_result("m").unwrap();
        assert!(!m.complete && m.approx);
        assert_eq!(
            (m.winner.as_ref(), m.margin, m.margin_points),
            (None, None, None)
        );
        assert_eq!((m.candidates[0].rank, m.candidates[0].share), (None, None));
        assert_eq!(m.find_party("SP").unwrap().share, None);
    }
}
