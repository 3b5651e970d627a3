//! Seat tallies: of one election's results on the site (data files and front matter
//! alike), how many seats each party and alliance has won and, while counting, leads.
//!
//! A [`Ledger`] holds one plain entry per seat, built once per load from every checked
//! result; [`Ledger::tally`] answers one query (`election`, and optionally `state` and a
//! section of the site). A seat is counted once however many pages show it: results are
//! the same seat when they come from the same `[[results]]` table (a data file pulled into
//! several pages), or have the same election, state and constituency.

use super::compare::Alliances;
use super::count::printable;
use super::derive::UpdatedFigures;
use super::digest::ResultDigest;
use super::fold;
use crate::diagnostics::closest;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a tally needs of one seat.
#[derive(Debug, Clone, PartialEq)]
struct Seat {
    id: String,
    election: String,
    year: i64,
    state: Option<String>,
    counting: bool,
    uncontested: bool,
    /// The winner's party (declared) or the leader's (counting); none when the result
    /// names nobody first (a tie at the top, an incomplete result, no candidates).
    first: Option<String>,
    updated: Option<UpdatedFigures>,
    /// URL paths of the pages that show this result (`up/kanpur/`); none for a data
    /// result no page pulls in.
    shown_on: Vec<String>,
}

impl Seat {
    fn of(r: &ResultDigest) -> Seat {
        Seat {
            id: r.id.clone(),
            election: r.election.clone(),
            year: r.year,
            state: r.state.clone(),
            counting: r.counting,
            uncontested: r.uncontested,
            first: r.first.clone(),
            updated: r.updated.clone(),
            shown_on: Vec::new(),
        }
    }

    fn newer_than(&self, other: &Seat) -> bool {
        match (&self.updated, &other.updated) {
            (Some(a), Some(b)) => a.utc > b.utc,
            (Some(_), None) => true,
            _ => false,
        }
    }

    fn is_of_election(&self, election: &str) -> bool {
        fold::key(&self.election) == fold::key(election)
            || self.id == election
            || self
                .id
                .strip_prefix(election)
                .is_some_and(|rest| rest.starts_with('_'))
    }

    fn is_in_section(&self, section: &str) -> bool {
        let section = section.trim_matches('/');
        section.is_empty()
            || self.shown_on.iter().any(|path| {
                path.strip_prefix(section)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
    }
}

/// Every seat of the site, once.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    seats: Vec<Seat>,
}

/// What to tally: `tally(election="लोकसभा 2024", state="उत्तर प्रदेश", section="up")`.
#[derive(Debug, Clone, Default)]
pub struct TallyQuery {
    /// The election as results write it (`"लोकसभा 2024"`), or the id stem of its results
    /// (`"ls2024"` matches ids `ls2024` and `ls2024_…`).
    pub election: String,
    pub state: Option<String>,
    /// A section's URL path (`"up"`): only results shown on its pages, at any depth.
    pub section: Option<String>,
}

/// Seats per party and alliance, for templates: plain rows, biggest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// An HTML id for the tally's heading, the same for the same query on every build.
    pub id: String,
    /// The election's label as its results write it ("लोकसभा 2024").
    pub election: String,
    /// The seats tallied.
    pub seats: usize,
    pub declared: usize,
    pub counting: usize,
    /// Declared seats whose member was elected unopposed (counted in `won`).
    pub uncontested: usize,
    /// Seats with nobody first yet: a tie at the top, or a result that lists only some
    /// candidates.
    pub undecided: usize,
    /// The latest update time among the seats, when any gives one.
    pub updated: Option<UpdatedFigures>,
    pub parties: Vec<TallyRow>,
    /// The alliances of the election's year (site.toml `[alliances.YEAR]`), every one of
    /// them, biggest first; empty when the year defines none.
    pub alliances: Vec<TallyRow>,
    /// Parties in no alliance, summed; none when the year defines no alliances.
    pub others: Option<TallyRow>,
}

/// One party's or one alliance's seats.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyRow {
    /// The party code, or the alliance's name (empty for `others`).
    pub name: String,
    /// Declared seats won, uncontested ones included.
    pub won: usize,
    /// Seats still counting where this party (alliance) leads.
    pub leading: usize,
    /// `won` + `leading`.
    pub seats: usize,
    /// A party's alliance in this election.
    pub alliance: Option<String>,
    /// An alliance's parties that won or lead somewhere, biggest first.
    pub parties: Vec<String>,
}

impl TallyRow {
    fn new(name: &str) -> TallyRow {
        TallyRow {
            name: name.to_string(),
            won: 0,
            leading: 0,
            seats: 0,
            alliance: None,
            parties: Vec::new(),
        }
    }

    fn add(&mut self, counting: bool) {
        if counting {
            self.leading += 1;
        } else {
            self.won += 1;
        }
        self.seats += 1;
    }
}

/// Biggest first: seats, then seats won, then the name.
fn sort_rows(rows: &mut [TallyRow]) {
    rows.sort_by(|a, b| {
        (b.seats, b.won)
            .cmp(&(a.seats, a.won))
            .then_with(|| a.name.cmp(&b.name))
    });
}

impl Ledger {
    /// `data` are the data files' results; `pages` each page's URL path with its results
    /// (`ResultDigest::of` each checked result).
    pub fn new<'a>(
        data: impl IntoIterator<Item = &'a ResultDigest>,
        pages: impl IntoIterator<Item = (&'a str, &'a [ResultDigest])>,
    ) -> Ledger {
        let mut seats: Vec<Seat> = Vec::new();
        let mut by_place: HashMap<(std::path::PathBuf, usize), usize> = HashMap::new();
        let mut by_seat: HashMap<(String, String, String), usize> = HashMap::new();
        let mut add = |r: &ResultDigest, page: Option<&str>, seats: &mut Vec<Seat>| {
            let place = (r.file.clone(), r.line);
            let key = (
                fold::key(&r.election),
                fold::key(r.state.as_deref().unwrap_or("")),
                fold::key(&r.constituency),
            );
            let found = by_place.get(&place).or_else(|| by_seat.get(&key)).copied();
            let index = match found {
                Some(i) => {
                    let seat = Seat::of(r);
                    if seat.newer_than(&seats[i]) {
                        let shown_on = std::mem::take(&mut seats[i].shown_on);
                        seats[i] = Seat { shown_on, ..seat };
                    }
                    i
                }
                None => {
                    seats.push(Seat::of(r));
                    seats.len() - 1
                }
            };
            by_place.insert(place, index);
            by_seat.insert(key, index);
            if let Some(path) = page {
                let path = path.trim_matches('/').to_string();
                if !seats[index].shown_on.contains(&path) {
                    seats[index].shown_on.push(path);
                }
            }
        };
        for r in data {
            add(r, None, &mut seats);
        }
        for (path, results) in pages {
            for r in results {
                add(r, Some(path), &mut seats);
            }
        }
        Ledger { seats }
    }

    /// The seats of `query`, tallied. An election or state the site has no result of is
    /// an error naming the ones it has: a misspelt name would otherwise show an empty
    /// table on counting day.
    pub fn tally(&self, query: &TallyQuery, alliances: &Alliances) -> Result<Tally, String> {
        let election = query.election.trim();
        if election.is_empty() {
            return Err(format!(
                "give the election, e.g. election=\"{}\"",
                self.elections()
                    .first()
                    .map_or("लोकसभा 2024", |e| e.as_str())
            ));
        }
        let of_election: Vec<&Seat> = self
            .seats
            .iter()
            .filter(|s| s.is_of_election(election))
            .collect();
        if of_election.is_empty() {
            let elections = self.elections();
            let mut message = format!(
                "no result of election \"{}\" on this site",
                printable(election)
            );
            if elections.is_empty() {
                message.push_str("; it has no results yet");
            } else {
                message.push_str(&format!("; elections here: {}", elections.join(", ")));
                if let Some(close) = closest(election, elections.iter().map(String::as_str)) {
                    message.push_str(&format!("; did you mean \"{close}\"?"));
                }
            }
            return Err(message);
        }
        let in_state: Vec<&Seat> = match &query.state {
            Some(state) => {
                let wanted = fold::key(state);
                let seats: Vec<&Seat> = of_election
                    .iter()
                    .copied()
                    .filter(|s| s.state.as_deref().map(fold::key) == Some(wanted.clone()))
                    .collect();
                if seats.is_empty() {
                    let states: BTreeSet<&str> = of_election
                        .iter()
                        .filter_map(|s| s.state.as_deref())
                        .collect();
                    let mut message = format!(
                        "no result of \"{}\" in state \"{}\"",
                        printable(election),
                        printable(state)
                    );
                    if states.is_empty() {
                        message.push_str("; its results give no state");
                    } else {
                        message.push_str(&format!(
                            "; states of its results: {}",
                            states.iter().copied().collect::<Vec<_>>().join(", ")
                        ));
                        if let Some(close) = closest(state, states.iter().copied()) {
                            message.push_str(&format!("; did you mean \"{close}\"?"));
                        }
                    }
                    return Err(message);
                }
                seats
            }
            None => of_election,
        };
        let seats: Vec<&Seat> = match &query.section {
            Some(section) => in_state
                .into_iter()
                .filter(|s| s.is_in_section(section))
                .collect(),
            None => in_state,
        };
        let mut tally = tally_of(&seats, alliances);
        tally.id = format!(
            "tally-{:08x}",
            crate::fingerprint::of(&(election, &query.state, &query.section)) as u32
        );
        if tally.election.is_empty() {
            tally.election = of_election_label(&self.seats, election);
        }
        Ok(tally)
    }

    /// Election labels of the site's results, sorted.
    fn elections(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self.seats.iter().map(|s| s.election.as_str()).collect();
        set.into_iter().map(str::to_string).collect()
    }
}

/// The label of the first result of `election` (for an empty section's tally).
fn of_election_label(seats: &[Seat], election: &str) -> String {
    seats
        .iter()
        .find(|s| s.is_of_election(election))
        .map(|s| s.election.clone())
        .unwrap_or_default()
}

fn tally_of(seats: &[&Seat], alliances: &Alliances) -> Tally {
    let mut parties: BTreeMap<String, TallyRow> = BTreeMap::new();
    let years: BTreeSet<String> = seats.iter().map(|s| s.year.to_string()).collect();
    let defined: Vec<&BTreeMap<String, Vec<String>>> =
        years.iter().filter_map(|y| alliances.get(y)).collect();
    let alliance_of = |year: i64, party: &str| -> Option<String> {
        alliances
            .get(&year.to_string())?
            .iter()
            .find_map(|(name, members)| members.iter().any(|m| m == party).then(|| name.clone()))
    };
    let mut alliance_rows: BTreeMap<String, TallyRow> = defined
        .iter()
        .flat_map(|d| d.keys())
        .map(|name| (name.clone(), TallyRow::new(name)))
        .collect();
    let mut others = (!defined.is_empty()).then(|| TallyRow::new(""));
    let mut tally = Tally {
        id: String::new(),
        election: seats
            .first()
            .map(|s| s.election.clone())
            .unwrap_or_default(),
        seats: seats.len(),
        declared: seats.iter().filter(|s| !s.counting).count(),
        counting: seats.iter().filter(|s| s.counting).count(),
        uncontested: seats
            .iter()
            .filter(|s| s.uncontested && !s.counting)
            .count(),
        undecided: 0,
        updated: seats
            .iter()
            .filter_map(|s| s.updated.as_ref())
            .max_by(|a, b| a.utc.cmp(&b.utc))
            .cloned(),
        parties: Vec::new(),
        alliances: Vec::new(),
        others: None,
    };
    for seat in seats {
        let Some(party) = &seat.first else {
            tally.undecided += 1;
            continue;
        };
        let alliance = alliance_of(seat.year, party);
        let row = parties
            .entry(party.clone())
            .or_insert_with(|| TallyRow::new(party));
        row.add(seat.counting);
        if row.alliance.is_none() {
            row.alliance = alliance.clone();
        }
        let group = match &alliance {
            Some(name) => alliance_rows.get_mut(name),
            None => others.as_mut(),
        };
        if let Some(group) = group {
            group.add(seat.counting);
        }
    }
    let mut party_rows: Vec<TallyRow> = parties.into_values().collect();
    sort_rows(&mut party_rows);
    for row in &party_rows {
        let group = match &row.alliance {
            Some(name) => alliance_rows.get_mut(name),
            None => others.as_mut(),
        };
        if let Some(group) = group {
            group.parties.push(row.name.clone());
        }
    }
    let mut alliance_list: Vec<TallyRow> = alliance_rows.into_values().collect();
    sort_rows(&mut alliance_list);
    tally.parties = party_rows;
    tally.alliances = alliance_list;
    tally.others = others;
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::testutil::check;

    /// A data file's worth of results: one seat per (constituency, winner votes, runner-up
    /// votes, extra lines).
    fn seats(list: &[(&str, &str, &str, &str)]) -> Vec<ResultDigest> {
        let mut text = String::new();
        for (i, (seat, first, second, extra)) in list.iter().enumerate() {
            text.push_str(&format!(
                "[[results]]\nid = \"ls2024_{i}\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"{seat}\"\nstate = \"उत्तर प्रदेश\"\n{extra}\n\
                 [[results.candidates]]\nname = \"क\"\nparty = \"{first}\"\nvotes = 500\n\
                 [[results.candidates]]\nname = \"ख\"\nparty = \"{second}\"\nvotes = 400\n"
            ));
        }
        let (page, diagnostics) = check(&text);
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        ResultDigest::all_of(page.iter())
    }

    fn alliances() -> Alliances {
        let mut a = Alliances::new();
        a.insert(
            "2024".into(),
            BTreeMap::from([
                (
                    "INDIA".to_string(),
                    vec!["SP".to_string(), "INC".to_string()],
                ),
                ("NDA".to_string(), vec!["BJP".to_string()]),
            ]),
        );
        a
    }

    fn query(election: &str) -> TallyQuery {
        TallyQuery {
            election: election.into(),
            ..Default::default()
        }
    }

    const COUNTING: &str =
        "status = \"counting\"\nround = 3\nrounds = 20\nupdated = 2024-06-04T11:00:00+05:30";

    #[test]
    fn seats_won_and_leading_add_up_per_party_and_alliance() {
        let results = seats(&[
            ("क", "SP", "BJP", ""),
            ("ख", "SP", "BJP", COUNTING),
            ("ग", "BJP", "SP", ""),
            ("घ", "INC", "BJP", COUNTING),
            ("ङ", "BSP", "BJP", ""),
        ]);
        let ledger = Ledger::new(&results, []);
        let t = ledger
            .tally(&query("लोकसभा 2024"), &alliances())
            .expect("tally");
        let rows: Vec<(&str, usize, usize)> = t
            .parties
            .iter()
            .map(|r| (r.name.as_str(), r.won, r.leading))
            .collect();
        assert_eq!(
            rows,
            [("SP", 1, 1), ("BJP", 1, 0), ("BSP", 1, 0), ("INC", 0, 1)]
        );
        let alliances: Vec<(&str, usize, usize, Vec<String>)> = t
            .alliances
            .iter()
            .map(|r| (r.name.as_str(), r.won, r.leading, r.parties.clone()))
            .collect();
        assert_eq!(
            alliances,
            [
                ("INDIA", 1, 2, vec!["SP".to_string(), "INC".to_string()]),
                ("NDA", 1, 0, vec!["BJP".to_string()])
            ]
        );
        let others = t.others.expect("others");
        assert_eq!((others.won, others.parties), (1, vec!["BSP".to_string()]));
        assert_eq!((t.seats, t.declared, t.counting), (5, 3, 2));
        assert_eq!(t.updated.expect("updated").utc, "2024-06-04T05:30:00Z");
    }

    #[test]
    fn the_election_is_its_label_or_its_id_stem_and_a_misspelt_one_is_named() {
        let results = seats(&[("क", "SP", "BJP", "")]);
        let ledger = Ledger::new(&results, []);
        let none = Alliances::new();
        assert_eq!(
            ledger.tally(&query("ls2024"), &none).expect("stem").seats,
            1
        );
        assert_eq!(
            ledger
                .tally(&query("लोकसभा  2024"), &none)
                .expect("label")
                .seats,
            1
        );
        assert!(
            ledger
                .tally(&query("ls2024").clone(), &none)
                .expect("x")
                .others
                .is_none()
        );
        let err = ledger
            .tally(&query("लोकसभा 2025"), &none)
            .expect_err("no such");
        assert_eq!(
            err,
            "no result of election \"लोकसभा 2025\" on this site; elections here: लोकसभा 2024; did you mean \"लोकसभा 2024\"?"
        );
        let err = ledger
            .tally(
                &TallyQuery {
                    state: Some("बिहार".into()),
                    ..query("ls2024")
                },
                &none,
            )
            .expect_err("no such state");
        assert!(err.contains("states of its results: उत्तर प्रदेश"), "{err}");
    }

    #[test]
    fn a_seat_shown_on_several_pages_counts_once_and_sections_filter() {
        let results = seats(&[("क", "SP", "BJP", ""), ("ख", "BJP", "SP", "")]);
        let first = std::slice::from_ref(&results[0]);
        let second = std::slice::from_ref(&results[1]);
        let ledger = Ledger::new(
            &results,
            [
                ("up/ka/", first),
                ("explainers/ka/", first),
                ("up/kha/", second),
            ],
        );
        let none = Alliances::new();
        let all = ledger.tally(&query("ls2024"), &none).expect("all");
        assert_eq!(all.seats, 2);
        let section = |s: &str| {
            ledger
                .tally(
                    &TallyQuery {
                        section: Some(s.into()),
                        ..query("ls2024")
                    },
                    &none,
                )
                .expect("section")
                .seats
        };
        assert_eq!(
            (section("up"), section("/explainers/"), section("u")),
            (2, 1, 0)
        );
    }

    #[test]
    fn a_tie_at_the_top_is_undecided_and_an_uncontested_seat_is_won() {
        // One page, so that every result has its own place.
        let (page, diagnostics) = check(
            "[[results]]\nid = \"ls2024_surat\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"सूरत\"\nuncontested = true\n\
             [[results.candidates]]\nname = \"मुकेश दलाल\"\nparty = \"BJP\"\n\
             [[results]]\nid = \"ls2024_t\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"त\"\nstatus = \"counting\"\nupdated = 2024-06-04T11:00:00+05:30\n\
             [[results.candidates]]\nname = \"क\"\nparty = \"SP\"\nvotes = 10\n[[results.candidates]]\nname = \"ख\"\nparty = \"BJP\"\nvotes = 10\n\
             [[results]]\nid = \"ls2024_k\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"क\"\nstatus = \"counting\"\nupdated = 2024-06-04T11:00:00+05:30\n\
             [[results.candidates]]\nname = \"क\"\nparty = \"SP\"\nvotes = 10\n[[results.candidates]]\nname = \"ख\"\nparty = \"BJP\"\nvotes = 9\n",
        );
        assert!(
            diagnostics.iter().all(|d| !d.is_error()),
            "{diagnostics:#?}"
        );
        let results = ResultDigest::all_of(page.iter());
        let t = Ledger::new(&results, [])
            .tally(&query("ls2024"), &Alliances::new())
            .expect("tally");
        assert_eq!((t.seats, t.uncontested, t.undecided), (3, 1, 1));
        let bjp = t.parties.iter().find(|r| r.name == "BJP").expect("BJP");
        assert_eq!((bjp.won, bjp.leading), (1, 0));
    }
}
