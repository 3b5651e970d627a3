//! The figures of a page's results that prose may quote, each with what it is about (the
//! result, the party and candidate, the segment), so that a number is compared with the
//! figures of what its sentence names.

use crate::election::derive::ResultFigures;
use crate::election::page::PageResults;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A candidate's or party's votes: total, EVM or postal, in the seat or a segment.
    Votes,
    Margin,
    /// Valid votes of the seat or a segment, electors, votes polled.
    Total,
    /// A party's gain or loss in votes between two elections.
    Change,
    Share,
    Turnout,
    /// Swing or margin in percentage points.
    Points,
}

/// Which part of the votes a figure is: cast on EVMs or by postal ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Evm,
    Postal,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Evm => "EVM",
            Part::Postal => "postal",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub value: f64,
    pub kind: Kind,
    /// Index of the result in page order.
    pub result: usize,
    /// Party codes and candidate names the figure is about (empty for a seat's figures).
    pub who: Vec<String>,
    pub segment: Option<String>,
    /// "INC in कैंट, लोकसभा 2019"
    pub label: String,
    /// A "more than" figure or one computed from it.
    pub approx: bool,
    /// A change between two results is about the earlier one too.
    pub also: Option<usize>,
    /// A part of a figure (EVM or postal votes, votes without NOTA, segments summed): a
    /// number is compared with it only when its sentence says so (ईवीएम, postal, …).
    pub part: bool,
    /// EVM or postal votes (of a candidate or the seat).
    pub split: Option<Part>,
    /// The electors of the seat.
    pub electors: bool,
    /// The votes needed to keep the deposit.
    pub deposit: bool,
    /// Other figures the source may publish for the same thing (lowest, highest): a
    /// turnout computed from valid votes is below ECI's (every vote polled) and above the
    /// poll-day figure (EVM votes only), and a quote anywhere between is right.
    pub range: Option<(f64, f64)>,
}

/// Votes polled but not valid (rejected postal ballots, votes not retrieved) are rarely
/// above half a percent of the electors: how far ECI's turnout may exceed valid votes over
/// electors.
const POLLED_ABOVE_VALID_POINTS: f64 = 0.5;
/// Without postal figures, how far the poll-day turnout (EVM votes only) may be below
/// valid votes over electors: postal ballots are 1–2 % of the votes, about a point.
const POSTAL_POINTS_UNKNOWN: f64 = 1.0;

pub fn facts(results: &PageResults) -> Vec<Fact> {
    let list: Vec<&ResultFigures> = results.iter().collect();
    let mut facts = Vec::new();
    for (i, r) in list.iter().enumerate() {
        add_result(&mut facts, i, r, &list);
    }
    facts
}

fn add_result(facts: &mut Vec<Fact>, i: usize, r: &ResultFigures, all: &[&ResultFigures]) {
    let fact = |value: f64, kind: Kind, who: Vec<String>, label: String, approx: bool| Fact {
        value,
        kind,
        result: i,
        who,
        segment: None,
        label,
        approx,
        also: None,
        part: false,
        split: None,
        electors: false,
        deposit: false,
        range: None,
    };
    let part = |f: Fact| Fact { part: true, ..f };
    let split = |f: Fact, p: Part| Fact {
        part: true,
        split: Some(p),
        ..f
    };
    for c in &r.candidates {
        let who = vec![c.party.clone(), c.name.clone()];
        let label = format!("{} ({}), {}", c.name, c.party, r.election);
        facts.push(fact(
            c.votes as f64,
            Kind::Votes,
            who.clone(),
            label.clone(),
            c.approx,
        ));
        if let (Some(evm), Some(postal)) = (c.evm, c.postal) {
            facts.push(split(
                fact(
                    evm as f64,
                    Kind::Votes,
                    who.clone(),
                    format!("the EVM votes of {label}"),
                    false,
                ),
                Part::Evm,
            ));
            facts.push(split(
                fact(
                    postal as f64,
                    Kind::Votes,
                    who.clone(),
                    format!("the postal votes of {label}"),
                    false,
                ),
                Part::Postal,
            ));
        }
        let segment_sum: u64 = c.by_segment.values().sum();
        if c.by_segment.len() > 1 {
            facts.push(part(fact(
                segment_sum as f64,
                Kind::Votes,
                who.clone(),
                format!("{label} in its segments"),
                false,
            )));
        }
        if let Some(share) = c.share {
            facts.push(fact(
                share,
                Kind::Share,
                who.clone(),
                format!("the share of {label}"),
                r.approx,
            ));
        }
        for (segment, votes) in &c.by_segment {
            facts.push(Fact {
                segment: Some(segment.clone()),
                ..fact(
                    *votes as f64,
                    Kind::Votes,
                    who.clone(),
                    format!("{} in {segment}, {}", c.party, r.election),
                    false,
                )
            });
        }
    }
    for (code, party) in &r.parties {
        if party.candidates > 1 {
            let label = format!("{code} (all its candidates), {}", r.election);
            facts.push(fact(
                party.votes as f64,
                Kind::Votes,
                vec![code.clone()],
                label.clone(),
                party.approx,
            ));
        }
        if let Some(share) = party.share {
            facts.push(fact(
                share,
                Kind::Share,
                vec![code.clone()],
                format!("the share of {code}, {}", r.election),
                party.approx,
            ));
        }
    }
    for s in &r.segments {
        let at = |f: Fact| Fact {
            segment: Some(s.name.clone()),
            ..f
        };
        if s.complete {
            facts.push(at(fact(
                s.total as f64,
                Kind::Total,
                Vec::new(),
                format!("all valid votes in {}, {}", s.name, r.election),
                false,
            )));
        }
        if let Some(margin) = s.margin {
            let who = [&s.leader, &s.leader_name, &s.runner_up, &s.runner_up_name]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
            facts.push(at(fact(
                margin as f64,
                Kind::Margin,
                who,
                format!("the margin in {}, {}", s.name, r.election),
                s.approx,
            )));
        }
        if let Some(points) = s.margin_points {
            facts.push(at(fact(
                points,
                Kind::Points,
                Vec::new(),
                format!("the margin in {}, {}", s.name, r.election),
                s.approx,
            )));
        }
    }
    if !r.complete {
        return;
    }
    let seat = |what: &str| format!("{what} of {}", r.election);
    facts.push(fact(
        r.total as f64,
        Kind::Total,
        Vec::new(),
        seat("the valid votes"),
        r.approx,
    ));
    facts.push(part(fact(
        r.total_without_nota as f64,
        Kind::Total,
        Vec::new(),
        seat("the valid votes without NOTA"),
        r.approx,
    )));
    if let Some(postal) = r.postal {
        facts.push(split(
            fact(
                postal as f64,
                Kind::Total,
                Vec::new(),
                seat("the postal votes"),
                false,
            ),
            Part::Postal,
        ));
        facts.push(split(
            fact(
                (r.total - postal) as f64,
                Kind::Total,
                Vec::new(),
                seat("the EVM votes"),
                false,
            ),
            Part::Evm,
        ));
    }
    for (value, what) in [
        (r.electors, "the electors"),
        (r.polled, "the votes polled"),
        (r.deposit_threshold, "the votes needed to keep the deposit"),
    ] {
        if let Some(v) = value {
            facts.push(Fact {
                electors: what == "the electors",
                deposit: what == "the votes needed to keep the deposit",
                ..fact(v as f64, Kind::Total, Vec::new(), seat(what), r.approx)
            });
        }
    }
    if let (Some(t), Some(electors)) = (r.turnout, r.electors) {
        let from_valid = r.turnout_base == Some("valid");
        let (label, range) = if from_valid {
            // ECI publishes votes polled over electors; the data gives valid votes only.
            let evm_only = match r.postal {
                Some(postal) => {
                    crate::election::share::percent(r.total.saturating_sub(postal), electors)
                }
                None => t - POSTAL_POINTS_UNKNOWN,
            };
            (
                format!(
                    "{} (valid votes ÷ electors, as the data gives no votes polled; a turnout from {} to {} is right)",
                    seat("the turnout"),
                    crate::numfmt::pct(evm_only),
                    crate::numfmt::pct(t + POLLED_ABOVE_VALID_POINTS)
                ),
                Some((evm_only, t + POLLED_ABOVE_VALID_POINTS)),
            )
        } else {
            (seat("the turnout"), None)
        };
        facts.push(Fact {
            range,
            ..fact(t, Kind::Turnout, Vec::new(), label, r.approx)
        });
    }
    if let (Some(margin), Some(w), Some(ru)) = (r.margin, &r.winner, &r.runner_up) {
        let who = vec![
            w.party.clone(),
            w.name.clone(),
            ru.party.clone(),
            ru.name.clone(),
        ];
        facts.push(fact(
            margin as f64,
            Kind::Margin,
            who.clone(),
            seat("the margin"),
            r.approx,
        ));
        if let Some(p) = r.margin_points {
            facts.push(fact(
                p,
                Kind::Points,
                who.clone(),
                seat("the margin"),
                r.approx,
            ));
        }
        // "EVM पर बढ़त", "a postal lead of 172": the gap between the two leading
        // candidates in one part of the votes. On the EVMs or in the post the runner-up may
        // be the one ahead (a seat decided by 48 votes had its runner-up ahead on EVMs).
        let parts = [
            (w.evm.zip(ru.evm), Part::Evm, "on EVM votes"),
            (w.postal.zip(ru.postal), Part::Postal, "in postal votes"),
        ];
        for (pair, part, words) in parts {
            let Some((a, b)) = pair else { continue };
            let (ahead, behind) = if a >= b { (w, ru) } else { (ru, w) };
            facts.push(split(
                fact(
                    a.abs_diff(b) as f64,
                    Kind::Margin,
                    who.clone(),
                    format!(
                        "the lead of {} ({}) over {} ({}) {words}, {}",
                        ahead.name, ahead.party, behind.name, behind.party, r.election
                    ),
                    r.approx,
                ),
                part,
            ));
        }
    }
    for (other, parties) in &r.changes {
        let Some(j) = all.iter().position(|x| &x.id == other) else {
            continue;
        };
        if all[j].year >= r.year {
            continue;
        }
        for (code, change) in parties {
            let label = format!("{code} from {} to {}", all[j].election, r.election);
            facts.push(Fact {
                also: Some(j),
                ..fact(
                    change.votes.unsigned_abs() as f64,
                    Kind::Change,
                    vec![code.clone()],
                    format!("the change in votes of {label}"),
                    change.approx,
                )
            });
            facts.push(Fact {
                also: Some(j),
                ..fact(
                    change.share_points,
                    Kind::Points,
                    vec![code.clone()],
                    format!("the swing of {label}"),
                    change.approx,
                )
            });
        }
    }
}
