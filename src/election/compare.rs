//! Changes between two results of the same constituency on a page: votes and share per
//! party, the swing in percentage points.
//!
//! Parties are compared by code, so IND compares the sum of all independents of one
//! election with the sum of another's, which are usually different people: templates
//! should quote IND changes with care.

use super::derive::{PartyChange, ResultFigures};
use super::share::points_between;
use std::collections::{BTreeMap, BTreeSet};

/// Fills `changes` of every result with every other result of the same constituency.
pub fn fill_changes(results: &mut [ResultFigures]) {
    let all_changes: Vec<BTreeMap<String, BTreeMap<String, PartyChange>>> = results
        .iter()
        .map(|this| {
            results
                .iter()
                .filter(|other| other.id != this.id && same_constituency(this, other))
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
    a.constituency == b.constituency && states_agree
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
            };
            (code.clone(), change)
        })
        .collect()
}
