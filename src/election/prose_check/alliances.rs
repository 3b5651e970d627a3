//! Claims of alliance: "Congress is in the INDIA alliance and AAP in the NDA", "एनडीए की
//! ओर से राजद ने …", "the PMK, the DMK's ally". A party the sentence puts in an alliance
//! (or beside an ally) must be in it by site.toml's `[alliances.YEAR]` for the election.

use super::{Checker, Named, find_word};

/// Other names of the common alliances, besides their key in site.toml.
const ALLIANCE_ALIASES: &[(&str, &[&str])] = &[
    ("NDA", &["एनडीए", "राजग", "एन.डी.ए."]),
    (
        "INDIA",
        &[
            "इंडिया गठबंधन",
            "इंडिया ब्लॉक",
            "इंडिया ब्लॉक",
            "इंडी गठबंधन",
            "india bloc",
            "india alliance",
            "i.n.d.i.a",
        ],
    ),
    ("UPA", &["यूपीए", "संप्रग"]),
];

/// Words between a party and an alliance that put them on opposite sides.
const OPPOSED: &[&str] = &[
    "against",
    "beat",
    "defeated",
    "lost to",
    "over",
    "rival",
    "not",
    "left",
    "quit",
    "outside",
    "हराया",
    "हराकर",
    "से हार",
    "ख़िलाफ़",
    "खिलाफ",
    "विरोध",
    "नहीं",
    "छोड़",
    "बाहर",
    "मुक़ाबले",
    "मुकाबले",
];

/// "the DMK's ally", "भाजपा की साथी": the party before it is the ally's partner.
const ALLY_AFTER: &[&str] = &[
    "'s ally",
    "’s ally",
    "'s partner",
    "’s partner",
    "की साथी",
    "की सहयोगी",
    "का सहयोगी",
    "के सहयोगी",
    "का साथी",
    "के साथी",
];

impl Checker<'_> {
    /// (offset, message) for a party put in an alliance (or beside an ally) that site.toml
    /// does not put it in.
    pub(super) fn alliance_claim(
        &self,
        sentence: &str,
        lower: &str,
        named: &Named,
    ) -> Option<(usize, String)> {
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        let alliance_of = |party: &str| -> Option<(&str, usize)> {
            scope.iter().find_map(|i| {
                self.result(*i)
                    .alliance_of
                    .get(party)
                    .map(|a| (a.as_str(), *i))
            })
        };
        if scope.iter().all(|i| self.result(*i).alliance_of.is_empty()) {
            return None;
        }
        // The party of each name the sentence gives, where it is named.
        let party_of = |w: &str| -> Option<String> {
            if self.parties.contains(w) {
                return Some(w.to_string());
            }
            scope.iter().find_map(|i| {
                self.result(*i)
                    .candidates
                    .iter()
                    .find(|c| c.name == w)
                    .map(|c| c.party.clone())
            })
        };
        let mut parties: Vec<(usize, String)> = named
            .who
            .iter()
            .filter_map(|(w, at)| party_of(w).map(|p| (*at, p)))
            .filter(|(_, p)| alliance_of(p).is_some())
            .collect();
        parties.dedup();
        if parties.is_empty() {
            return None;
        }
        // Where the sentence names an alliance.
        let keys: Vec<String> = scope
            .iter()
            .flat_map(|i| self.result(*i).alliances.keys().cloned())
            .collect();
        let mut mentions: Vec<(usize, usize, String)> = Vec::new();
        for key in &keys {
            let mut forms: Vec<String> = Vec::new();
            if let Some((_, aliases)) = ALLIANCE_ALIASES.iter().find(|(k, _)| k == key) {
                forms.extend(aliases.iter().map(|a| a.to_lowercase()));
            }
            // The key as site.toml writes it, in capitals where it has them ("INDIA", not
            // the country's "India").
            let mut from = 0;
            while let Some(at) = sentence[from..].find(key.as_str()) {
                let at = from + at;
                let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                if bounded(sentence[..at].chars().next_back())
                    && bounded(sentence[at + key.len()..].chars().next())
                {
                    mentions.push((at, at + key.len(), key.clone()));
                }
                from = at + key.len();
            }
            for f in forms {
                if let Some(at) = find_word(lower, &f) {
                    mentions.push((at, at + f.len(), key.clone()));
                }
            }
        }
        // "यह मुकाबला एनडीए और इंडिया गठबंधन के बीच था": a contest of two alliances says
        // nothing of which party is in which.
        let alliances_named: std::collections::BTreeSet<&str> =
            mentions.iter().map(|(_, _, k)| k.as_str()).collect();
        if alliances_named.len() > 1
            && [
                "बीच",
                "between",
                "बनाम",
                "versus",
                "vs",
                "contest",
                "मुकाबला",
                "मुक़ाबला",
            ]
            .iter()
            .any(|w| find_word(lower, w).is_some())
        {
            return None;
        }
        let clause_of = |at: usize| named.clause_at(at, lower.len());
        let opposed_between = |a: usize, b: usize| {
            let (a, b) = (a.min(b), a.max(b));
            lower
                .get(a..b)
                .is_some_and(|t| OPPOSED.iter().any(|w| find_word(t, w).is_some()))
        };
        // "Congress is in the INDIA alliance and AAP in the NDA": each party with the
        // alliance nearest it in its clause, none opposed between.
        for (p_at, party) in &parties {
            let clause = clause_of(*p_at);
            let nearest = mentions
                .iter()
                .filter(|(a, _, _)| *a >= clause.0 && *a < clause.1)
                .filter(|(a, e, _)| !opposed_between(*p_at, if a > p_at { *a } else { *e }))
                // "न एनडीए के उपेंद्र कुशवाहा के: सीट भाकपा (माले) ने जीती": an alliance with
                // someone else named between is theirs.
                .filter(|(a, e, _)| {
                    let (from, to) = if a > p_at { (*p_at, *a) } else { (*e, *p_at) };
                    !named.who.iter().any(|(w, at)| {
                        *at > from && *at < to && party_of(w).is_none_or(|p| p != *party)
                    })
                })
                .min_by_key(|(a, e, _)| {
                    if a > p_at {
                        a - p_at
                    } else {
                        p_at.saturating_sub(*e)
                    }
                });
            let Some((a, _, said)) = nearest else {
                continue;
            };
            let (theirs, i) = alliance_of(party)?;
            if theirs != said {
                return Some((
                    (*a).min(*p_at),
                    format!(
                        "the text puts {party} in the {said}, but site.toml has {party} in the {theirs} for {}",
                        self.result(i).election
                    ),
                ));
            }
        }
        // "the PMK, the DMK's ally", "भाजपा की साथी भाकपा": two parties of one alliance.
        for w in ALLY_AFTER {
            let Some(at) = lower.find(w) else {
                continue;
            };
            let Some((q_at, partner)) = parties
                .iter()
                .filter(|(p, _)| *p < at && at - p <= 40)
                .max_by_key(|(p, _)| *p)
            else {
                continue;
            };
            let clause = clause_of(at);
            let Some((_, ally)) = parties
                .iter()
                .filter(|(p, party)| {
                    *p >= clause.0.min(*q_at) && *p < clause.1 && party != partner && *p != *q_at
                })
                .min_by_key(|(p, _)| p.abs_diff(at))
            else {
                continue;
            };
            let (Some((a1, i)), Some((a2, _))) = (alliance_of(ally), alliance_of(partner)) else {
                continue;
            };
            if a1 != a2 {
                return Some((
                    *q_at,
                    format!(
                        "the text calls {ally} an ally of {partner}, but site.toml has {ally} in the {a1} and {partner} in the {a2} for {}",
                        self.result(i).election
                    ),
                ));
            }
        }
        None
    }
}
