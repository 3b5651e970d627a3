//! The party a sentence gives a candidate: "कांग्रेस के रमेश अवस्थी", "the BJP's Ramesh
//! Awasthi", "Ramesh Awasthi (INC)". A party the data does not give that candidate is a
//! mistyped party in the text or a party code swapped in the data ("भाजपा के मन्नालाल रावत
//! जीते" over data that has मन्नालाल रावत as INC), and is told either way.

use super::numbers::word_at_end;
use super::{Checker, Named};

/// Words before a party that make it a past or another party ("पूर्व भाजपा सांसद",
/// "the former Congress leader").
const PAST: &[&str] = &["पूर्व", "former", "ex", "erstwhile", "then", "ex-"];

impl Checker<'_> {
    pub(super) fn affiliation_claim(&self, lower: &str, named: &Named) -> Option<(usize, String)> {
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        // Where the form of `who` that starts at `at` ends.
        let form_end = |who: &str, at: usize| -> Option<usize> {
            let forms = &self.names.iter().find(|(n, _)| n == who)?.1;
            forms
                .iter()
                .filter(|f| {
                    lower
                        .get(at..)
                        .is_some_and(|rest| rest.starts_with(f.as_str()))
                })
                .map(|f| at + f.len())
                .max()
        };
        let is_party = |w: &str| self.parties.contains(w);
        // The candidate named at `at` by the longest form ("अनिल फिरोजिया", not अनिल, the
        // independent whose one-word name starts it).
        let candidate_at = |at: usize| {
            named
                .who
                .iter()
                .filter(|(w, a)| *a == at && !is_party(w))
                .max_by_key(|(w, _)| form_end(w, at).unwrap_or(0))
                .map(|(w, _)| w.as_str())
        };
        let party_at = |at: usize| {
            named
                .who
                .iter()
                .find(|(w, a)| *a == at && is_party(w))
                .map(|(w, _)| w.as_str())
        };
        // (party, its offset, candidate) as the text pairs them.
        let mut pairs: Vec<(&str, usize, &str)> = Vec::new();
        for (who, at) in &named.who {
            let Some(end) = form_end(who, *at) else {
                continue;
            };
            let rest = &lower[end..];
            if is_party(who) {
                // "कांग्रेस के रमेश अवस्थी", "the Congress's Ramesh Awasthi".
                let gap = [" के ", "'s ", "’s "]
                    .iter()
                    .find(|g| rest.starts_with(**g))
                    .map(|g| g.len());
                if let Some(candidate) = gap.and_then(|g| candidate_at(end + g)) {
                    pairs.push((who, *at, candidate));
                }
            } else if let Some(party) = rest.strip_prefix(" (").and_then(|_| party_at(end + 2))
                && form_end(party, end + 2).is_some_and(|e| lower[e..].starts_with(')'))
            {
                // "रमेश अवस्थी (कांग्रेस)", "Ramesh Awasthi (INC)".
                pairs.push((party, end + 2, who));
            }
        }
        for (party, at, candidate) in pairs {
            if PAST.iter().any(|w| word_at_end(lower[..at].trim_end(), w)) {
                continue;
            }
            let theirs: Vec<&str> = scope
                .iter()
                .flat_map(|i| self.result(*i).candidates.iter())
                .filter(|c| c.name == candidate)
                .map(|c| c.party.as_str())
                .collect();
            if theirs.is_empty() || theirs.contains(&party) {
                continue;
            }
            return Some((
                at,
                format!(
                    "the text gives {candidate} the party {party}, but the data has {candidate} as {}: one of them is wrong (in the data, check that the party codes are not swapped)",
                    theirs[0]
                ),
            ));
        }
        None
    }
}
