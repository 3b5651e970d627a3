//! Changes between two results of the same constituency on a page: votes and share per
//! party, the swing in percentage points.
//!
//! Parties are compared by code, so IND compares the sum of all independents of one
//! election with the sum of another's, which are usually different people: templates
//! should quote IND changes with care.

use super::derive::{AllianceFigures, PartyChange, ResultFigures};
use super::share::percent;
use super::share::points_between;
use std::collections::{BTreeMap, BTreeSet};

/// Fills `changes` of every result with every other result of the same constituency.
pub fn fill_changes(results: &mut [ResultFigures]) {
    let all_changes: Vec<BTreeMap<String, BTreeMap<String, PartyChange>>> = results
        .iter()
        .map(|this| {
            results
                .iter()
                .filter(|other| {
                    other.id != this.id
                        && same_constituency(this, other)
                        && this.complete
                        && other.complete
                })
                .map(|other| (other.id.clone(), changes_from(other, this)))
                .collect()
        })
        .collect();
    for (result, changes) in results.iter_mut().zip(all_changes) {
        result.changes = changes;
    }
}

fn same_constituency(a: &ResultFigures, b: &ResultFigures) -> bool {
    let states_agree = match (&a.state, &b.state) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    super::fold::key(&a.constituency) == super::fold::key(&b.constituency) && states_agree
}

/// Party code → change from `before` to `after`, for every party in either.
pub fn changes_from(
    before: &ResultFigures,
    after: &ResultFigures,
) -> BTreeMap<String, PartyChange> {
    let codes: BTreeSet<&String> = before.parties.keys().chain(after.parties.keys()).collect();
    codes
        .into_iter()
        .map(|code| {
            let was = before.parties.get(code);
            let now = after.parties.get(code);
            let votes_was = was.map_or(0, |p| p.votes);
            let votes_now = now.map_or(0, |p| p.votes);
            let change = PartyChange {
                // Counts are bounded by count::MAX_COUNT, far inside i64.
                votes: votes_now as i64 - votes_was as i64,
                share_points: points_between(votes_now, after.total, votes_was, before.total),
                in_both: was.is_some() && now.is_some(),
                approx: before.approx || after.approx,
                then: Vec::new(),
            };
            (code.clone(), change)
        })
        .collect()
}

/// site.toml `[alliances.YEAR]`: year → alliance name → party codes.
pub type Alliances = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// Adds alliance figures and alliance swings to results whose year has alliances. A
/// party that stood alone in an earlier year is followed through its alliance: the swing
/// of INDIA in 2024 compares INC + SP then with INC + SP (or that year's INDIA) before.
pub fn fill_alliances(results: &mut [ResultFigures], alliances: &Alliances) {
    if alliances.is_empty() {
        return;
    }
    for r in results.iter_mut() {
        let Some(defined) = alliances.get(&r.year.to_string()) else {
            continue;
        };
        for (name, members) in defined {
            let parties: Vec<String> = members
                .iter()
                .filter(|m| r.parties.contains_key(*m))
                .cloned()
                .collect();
            if parties.is_empty() {
                continue;
            }
            let votes = parties.iter().map(|p| r.parties[p].votes).sum();
            for p in &parties {
                r.alliance_of.insert(p.clone(), name.clone());
            }
            let share = r.complete.then(|| percent(votes, r.total));
            r.alliances.insert(
                name.clone(),
                AllianceFigures {
                    parties,
                    votes,
                    share,
                },
            );
        }
    }
    let snapshot: Vec<ResultFigures> = results.to_vec();
    for r in results.iter_mut() {
        let Some(defined) = alliances.get(&r.year.to_string()) else {
            continue;
        };
        for other_id in r.changes.keys().cloned().collect::<Vec<_>>() {
            let Some(before) = snapshot.iter().find(|o| o.id == other_id) else {
                continue;
            };
            let mut changes = BTreeMap::new();
            for name in r.alliances.keys() {
                let members_then: Vec<String> = alliances
                    .get(&before.year.to_string())
                    .and_then(|a| a.get(name))
                    .cloned()
                    .unwrap_or_else(|| defined[name].clone());
                let votes_was: u64 = members_then
                    .iter()
                    .filter_map(|p| before.parties.get(p))
                    .map(|p| p.votes)
                    .sum();
                let votes_now = r.alliances[name].votes;
                let mut stood_then: Vec<(u64, String)> = members_then
                    .iter()
                    .filter_map(|p| before.parties.get(p).map(|f| (f.votes, p.clone())))
                    .filter(|(votes, _)| *votes > 0)
                    .collect();
                stood_then.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                let stood_then: Vec<String> = stood_then.into_iter().map(|(_, p)| p).collect();
                let mut now = r.alliances[name].parties.clone();
                let mut then = stood_then.clone();
                now.sort();
                then.sort();
                changes.insert(
                    name.clone(),
                    PartyChange {
                        votes: votes_now as i64 - votes_was as i64,
                        share_points: points_between(votes_now, r.total, votes_was, before.total),
                        in_both: votes_was > 0,
                        approx: r.approx || before.approx,
                        then: if now == then { Vec::new() } else { stood_then },
                    },
                );
            }
            r.alliance_changes.insert(other_id, changes);
        }
    }
}
