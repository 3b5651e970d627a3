//! Claims of rank: "X जीते", "X ने Y को हराया", "X तीसरे स्थान पर रहे", "placed fourth".
//! The named candidate or party must hold that rank in a result the sentence can be about.

use super::numbers;
use super::{Checker, DEFEAT_WORDS, LOSE_WORDS, Named, VOTE_WORDS, WIN_WORDS, find_word};

/// Hindi verbs of defeat that may stand apart from "को" ("X ने Y को 20,968 वोटों से हराया").
const DEFEAT_VERBS: &[&str] = &["हराया", "हराकर", "हरा दिया", "मात दी", "शिकस्त दी"];
/// "X lost to Y", "X, Y से हारे": the loser is named first.
const LOST_TO_WORDS: &[&str] = &[
    "lost to",
    "was defeated by",
    "से हारे",
    "से हार गए",
    "से हार गई",
    "से हारीं",
];

/// Ordinal places: the words and the rank they name.
const PLACE_WORDS: &[(&str, usize)] = &[
    ("पहले स्थान", 1),
    ("पहले नंबर", 1),
    ("पहला स्थान", 1),
    ("first place", 1),
    ("came first", 1),
    ("finished first", 1),
    ("topped the poll", 1),
    ("second in", 2),
    ("second with", 2),
    ("a distant second", 2),
    ("a close second", 2),
    ("third in", 3),
    ("third with", 3),
    ("a distant third", 3),
    ("fourth in", 4),
    ("fourth with", 4),
    ("दूसरे स्थान", 2),
    ("दूसरे नंबर", 2),
    ("दूसरा स्थान", 2),
    ("उपविजेता", 2),
    ("runner-up", 2),
    ("second place", 2),
    ("came second", 2),
    ("finished second", 2),
    ("placed second", 2),
    ("तीसरे स्थान", 3),
    ("तीसरे नंबर", 3),
    ("तीसरा स्थान", 3),
    ("third place", 3),
    ("came third", 3),
    ("finished third", 3),
    ("placed third", 3),
    ("चौथे स्थान", 4),
    ("चौथे नंबर", 4),
    ("fourth place", 4),
    ("came fourth", 4),
    ("finished fourth", 4),
    ("was second", 2),
    ("stood second", 2),
    ("ranked second", 2),
    ("second-placed", 2),
    ("दूसरे पायदान", 2),
    ("was third", 3),
    ("stood third", 3),
    ("ranked third", 3),
    ("third-placed", 3),
    ("तीसरे पायदान", 3),
    ("was fourth", 4),
    ("stood fourth", 4),
    ("पाँचवें स्थान", 5),
    ("पांचवें स्थान", 5),
    ("fifth place", 5),
    ("placed fourth", 4),
    ("ranked fourth", 4),
    ("fourth-placed", 4),
    ("a distant fourth", 4),
    ("चौथा स्थान", 4),
    ("चौथे पायदान", 4),
    ("placed fifth", 5),
    ("came fifth", 5),
    ("finished fifth", 5),
    ("fifth with", 5),
    ("was fifth", 5),
    ("stood fifth", 5),
    ("ranked fifth", 5),
    ("fifth-placed", 5),
    ("पाँचवें नंबर", 5),
    ("पांचवें नंबर", 5),
    ("पाँचवाँ स्थान", 5),
    ("पांचवां स्थान", 5),
    ("पाँचवें पायदान", 5),
    ("पांचवें पायदान", 5),
    ("sixth place", 6),
    ("placed sixth", 6),
    ("came sixth", 6),
    ("finished sixth", 6),
    ("छठे स्थान", 6),
    ("छठे नंबर", 6),
];

impl Checker<'_> {
    /// "Tagore led the postal count", "Khan won the postal vote", "X beat Y among postal
    /// voters": the one named first must have had the most postal votes of the result (or
    /// more than the one beaten).
    pub(super) fn postal_lead_claim(&self, lower: &str, named: &Named) -> Option<String> {
        const VERBS: &[&str] = &["led", "won", "topped", "beat", "leads", "wins", "tops"];
        const OBJECTS: &[&str] = &[
            "the postal count",
            "the postal vote",
            "the postal ballots",
            "among postal voters",
            "on postal ballots",
            "on postal votes",
            "in postal votes",
            "in the postal count",
        ];
        let r = self.result(self.sole_result(named)?);
        let field: Vec<&crate::election::derive::CandidateFigures> =
            super::deposits::candidates(r).collect();
        if field.len() < 2 || field.iter().any(|c| c.postal.is_none() || c.approx) {
            return None;
        }
        let (at, verb) = VERBS
            .iter()
            .filter_map(|v| find_word(lower, v).map(|at| (at, *v)))
            .min()?;
        let (clause_start, clause_end) = named.clause_at(at, lower.len());
        let tail = lower.get(at + verb.len()..clause_end)?;
        let object_at = OBJECTS.iter().filter_map(|o| tail.find(o)).min()?;
        // "won the seat, though not the postal count": not a claim of the lead.
        let between = &tail[..object_at];
        if ["not", "n't", "failed", "lost"]
            .iter()
            .any(|w| find_word(between, w).is_some())
        {
            return None;
        }
        let candidate = |who: &str| -> Option<&crate::election::derive::CandidateFigures> {
            let mut of: Vec<&&crate::election::derive::CandidateFigures> = field
                .iter()
                .filter(|c| c.name == who || c.party == who)
                .collect();
            of.dedup_by_key(|c| &c.name);
            match of.as_slice() {
                [one] => Some(**one),
                _ => None,
            }
        };
        // The one named last before the verb in its clause, and the one beaten after it.
        // A word that names two candidates ("Reddy": G. Kishan Reddy and MACHCHERLA
        // VENKATA REDDY) says the lead of either.
        let leader_at = named
            .who
            .iter()
            .filter(|(_, w)| *w >= clause_start && *w < at)
            .map(|(_, w)| *w)
            .max()?;
        let leaders: Vec<&crate::election::derive::CandidateFigures> = named
            .who
            .iter()
            .filter(|(_, w)| *w == leader_at)
            .filter_map(|(who, _)| candidate(who))
            .collect();
        let leader = *leaders.last()?;
        let beaten = named
            .who
            .iter()
            .filter(|(_, w)| *w > at && *w < at + verb.len() + object_at)
            .find_map(|(who, _)| candidate(who))
            .filter(|c| c.name != leader.name);
        let postal = |c: &crate::election::derive::CandidateFigures| c.postal.unwrap_or(0);
        let top_postal = field.iter().map(|c| postal(c)).max().unwrap_or(0);
        let holds_for_one = leaders.iter().any(|l| match beaten {
            Some(other) => postal(l) > postal(other),
            None => postal(l) == top_postal,
        });
        if leaders.len() > 1 && holds_for_one {
            return None;
        }
        let inr = |v: u64| crate::numfmt::inr_unsigned(v);
        match beaten {
            Some(other) if postal(other) >= postal(leader) => Some(format!(
                "the text says {} beat {} on postal votes, but the data gives {} {} and {} {} in {}",
                leader.name,
                other.name,
                leader.name,
                inr(postal(leader)),
                other.name,
                inr(postal(other)),
                r.election
            )),
            Some(_) => None,
            None => {
                let top = field.iter().max_by_key(|c| postal(c))?;
                (top.name != leader.name && postal(top) > postal(leader)).then(|| {
                    format!(
                        "the text says {} led the postal votes, but {} ({}) had the most, {} to {} in {}",
                        leader.name,
                        top.name,
                        top.party,
                        inr(postal(top)),
                        inr(postal(leader)),
                        r.election
                    )
                })
            }
        }
    }

    /// "X जीते", "X ने Y को हराया", "X तीसरे स्थान पर रहे": the named candidate or party
    /// must hold that rank in a result the sentence can be about.
    pub(super) fn rank_claim(&self, sentence: &str, named: &Named) -> Option<String> {
        if named.who.is_empty() {
            return None;
        }
        let lower = numbers::lowercase(sentence);
        // "कांग्रेस 6 बार, भाजपा 6 बार जीते", "won 4 times", "33 सीटें भाजपा ने और 37 सपा ने
        // जीतीं": a tally of many elections or seats.
        let tally = numbers::numbers(sentence).iter().any(|q| {
            let next = numbers::lowercase(sentence[q.end..].trim_start());
            let before = numbers::lowercase(sentence[..q.start].trim_end());
            // "Trinamool won 29 of them": a count of seats right after the win.
            let seats_won = ["won", "wins", "win", "took", "bagged"]
                .iter()
                .any(|w| numbers::word_at_end(&before, w))
                && q.value < 600.0
                && q.measure == numbers::Measure::Count
                && !VOTE_WORDS.iter().any(|v| numbers::word_at(&next, v));
            seats_won
                || ["बार", "times", "सीटें", "सीट", "सीटों", "seats"]
                    .iter()
                    .any(|w| numbers::word_at(&next, w))
        });
        if tally {
            return None;
        }
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        let scope: Vec<usize> = scope
            .into_iter()
            .filter(|i| self.result(*i).winner.is_some())
            .collect();
        if scope.is_empty() {
            return None;
        }
        let rank_of = |who: &str, i: usize| {
            self.result(i)
                .candidates
                .iter()
                .filter(|c| c.name == who || c.party == who)
                .filter_map(|c| c.rank)
                .min()
        };
        // A party of several candidates (independents above all) holds every place one of
        // them holds: "चौथे स्थान पर भी एक निर्दलीय".
        let claim = |who: &str, rank: usize| {
            scope.iter().any(|i| {
                self.result(*i)
                    .candidates
                    .iter()
                    .any(|c| (c.name == who || c.party == who) && c.rank == Some(rank))
            })
        };
        let stood = |who: &str| scope.iter().any(|i| rank_of(who, *i).is_some());
        let describe = |rank: usize| {
            let latest = scope
                .iter()
                .copied()
                .max_by_key(|i| self.result(*i).year)
                .unwrap_or(scope[0]);
            let r = self.result(latest);
            r.candidates
                .iter()
                .find(|c| c.rank == Some(rank))
                .map(|c| {
                    format!(
                        "{} ({}) came {} in {}",
                        c.name,
                        c.party,
                        ordinal(rank),
                        r.election
                    )
                })
                .unwrap_or_default()
        };
        // "Chabbewal, who left the Congress for the AAP in March, beat …": what a relative
        // clause between commas names is said of the candidate, not a side of the result.
        let asides: Vec<(usize, usize)> = [", who ", ", whose ", ", जो "]
            .iter()
            .flat_map(|w| lower.match_indices(w).map(move |(at, _)| at + w.len() - 1))
            .filter_map(|from| lower[from..].find(',').map(|len| (from, from + len)))
            .collect();
        let aside = |at: usize| asides.iter().any(|(a, b)| at > *a && at < *b);
        // One side of the sentence: the entities (grouped by candidate) before `at`.
        let people = |from: usize, to: usize| -> Vec<&str> {
            let mut list: Vec<&str> = Vec::new();
            for (w, _) in named
                .who
                .iter()
                .filter(|(_, at)| *at >= from && *at < to && !aside(*at))
            {
                if !list.contains(&w.as_str()) {
                    list.push(w);
                }
            }
            list
        };
        let consistent_group = |group: &[&str], rank: usize| {
            // "भाजपा के रमेश अवस्थी": party and candidate of one candidate count once.
            !group.is_empty() && group.iter().filter(|w| stood(w)).all(|w| claim(w, rank))
        };
        // "20,968 वोटों से हारे" says by how much, not to whom: the loser is the clause's.
        let by_votes_before = |at: usize| {
            let head = lower[..at].trim_end();
            ["वोट", "वोटों", "मत", "मतों"]
                .iter()
                .any(|v| head.ends_with(v))
                || head.ends_with(|c: char| c.is_ascii_digit())
        };
        if let Some((at, len)) = LOST_TO_WORDS
            .iter()
            .filter_map(|w| lower.find(w).map(|i| (i, w.len())))
            .filter(|(at, _)| !(lower[*at..].starts_with("से ") && by_votes_before(*at)))
            .min()
        {
            let (mut losers, mut winners) = (people(0, at), people(at + len, lower.len()));
            // "A, B से हार गए": A and its party lost; B, named before से too, won.
            if winners.is_empty() && losers.len() > 1 {
                let first = losers[0];
                let same_side = |w: &str| w == first || self.same_candidate(first, w, &scope);
                let (lost, won): (Vec<&str>, Vec<&str>) = losers.iter().partition(|w| same_side(w));
                losers = lost;
                winners = won;
            }
            if losers.iter().any(|w| claim(w, 1)) {
                return Some(format!(
                    "the text says {} lost, but {}",
                    losers.join(" / "),
                    describe(1)
                ));
            }
            if winners.iter().any(|w| stood(w)) && !consistent_group(&winners, 1) {
                return Some(format!(
                    "the text names {} as the winner, but {}",
                    winners.join(" / "),
                    describe(1)
                ));
            }
            return None;
        }
        let defeat_at = DEFEAT_WORDS
            .iter()
            .filter_map(|w| lower.find(w).map(|i| (i, w.len())))
            .min()
            .or_else(|| {
                // "X ने Y को 20,968 वोटों से हराया": the verb apart from its "को".
                DEFEAT_VERBS
                    .iter()
                    .filter_map(|w| find_word(&lower, w).map(|i| (i, w.len())))
                    .filter(|(i, _)| lower[..*i].contains(" ने ") && lower[..*i].contains(" को "))
                    .min()
            });
        if let Some((at, len)) = defeat_at {
            // "Zabed Islam beat Ajmal among postal voters, though not overall": a part of
            // the count (the words after the verb in its clause say which), not the seat.
            let (_, clause_end) = named.clause_at(at, lower.len());
            let part_beaten = lower
                .get(at + len..clause_end)
                .unwrap_or("")
                .split_whitespace()
                .take(5)
                .any(|n| PART_WON.contains(&n.trim_matches(|c: char| !c.is_alphanumeric())));
            if part_beaten {
                return None;
            }
            let (winners, losers) = if lower.is_char_boundary(at) && lower[..at].contains(" ने ")
            {
                let ne = lower[..at].rfind(" ने ").unwrap_or(0);
                // "… फिर आमने-सामने थे, और इस बार कांग्रेस के कालीचरण मुंडा ने … हरा दिया":
                // the winner is named in the clause of "ने", when it names anyone.
                let clause_start = named
                    .clauses
                    .iter()
                    .find(|(a, b)| ne >= *a && ne < *b)
                    .map_or(0, |(a, _)| *a);
                let own = people(clause_start, ne + 1);
                let winners = if own.is_empty() {
                    people(0, ne + 1)
                } else {
                    own
                };
                (winners, people(ne, at))
            } else {
                // "X beat Y by 14,569 votes, one of four seats the YSRCP kept": the loser is
                // in the clause of the verb.
                let (_, clause_end) = named.clause_at(at, lower.len());
                (people(0, at), people(at + len, clause_end))
            };
            if !winners.is_empty()
                && winners.iter().any(|w| stood(w))
                && !consistent_group(&winners, 1)
            {
                return Some(format!(
                    "the text names {} as the winner, but {}",
                    winners.join(" / "),
                    describe(1)
                ));
            }
            if losers.iter().any(|w| claim(w, 1)) && !winners.is_empty() {
                return Some(format!(
                    "the text says {} lost, but {}",
                    losers.join(" / "),
                    describe(1)
                ));
            }
            return None;
        }
        // Who a claim word is about: those named in its clause ("मोदी जीते, अजय राय को …":
        // the win is not Ajay Rai's).
        let clauses = &named.clauses;
        let clause_who = |at: usize| -> Vec<(String, usize)> {
            let k = clauses.iter().position(|(a, b)| at >= *a && at < *b);
            let in_clause = |k: usize| -> Vec<(String, usize)> {
                let (a, b) = clauses[k];
                named
                    .who
                    .iter()
                    .filter(|(_, w)| *w >= a && *w < b)
                    .cloned()
                    .collect()
            };
            // A clause that names no one ("… थे और दूसरे स्थान पर रहे") is about whom the
            // nearest clause before it names.
            // One whose subject is a pronoun ("; in Mumbai South Central it was fourth") is
            // about the sentence's subject, not the nearest name.
            let who: Vec<(String, usize)> = k
                .map(|k| {
                    for c in (0..=k).rev().filter(|c| {
                        let (a, b) = clauses[*c];
                        *c == k || !super::parenthetical(&sentence[a..b])
                    }) {
                        let names = in_clause(c);
                        if !names.is_empty() {
                            return names;
                        }
                        let (a, b) = clauses[c];
                        if super::subject_pronoun(&sentence[a..b]) {
                            return (0..c)
                                .map(in_clause)
                                .find(|w| !w.is_empty())
                                .unwrap_or_default();
                        }
                    }
                    Vec::new()
                })
                .unwrap_or_default();
            who
        };
        let own_clause_who = |at: usize| -> Vec<(String, usize)> {
            clauses
                .iter()
                .find(|(a, b)| at >= *a && at < *b)
                .map(|(a, b)| {
                    named
                        .who
                        .iter()
                        .filter(|(_, w)| w >= a && w < b)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        };
        let single_at = |at: usize| {
            let who = clause_who(at);
            if who.is_empty() {
                None
            } else {
                self.one_candidate(&who, &scope)
                    .map(|g| g.into_iter().map(str::to_string).collect::<Vec<_>>())
            }
        };
        let consistent = |group: &[String], rank: usize| {
            let refs: Vec<&str> = group.iter().map(String::as_str).collect();
            consistent_group(&refs, rank)
        };
        // "won 4,22,087 votes" is about votes, not about who won.
        let win_at = WIN_WORDS.iter().find_map(|w| {
            find_word(&lower, w).map(|at| (at, *w)).filter(|(at, _)| {
                // "votes behind the winner": the winner is compared with, not named.
                let before = lower[..*at].trim_end();
                let before = before.strip_suffix("the").unwrap_or(before).trim_end();
                if [
                    "behind", "than", "to", "from", "over", "against", "of", "with",
                ]
                .iter()
                .any(|b| before.ends_with(b))
                {
                    return false;
                }
                // "ज़मानत बचा ली", "kept his deposit": the deposit was kept, not the seat.
                if ["ज़मानत", "जमानत", "deposit"]
                    .iter()
                    .any(|d| before.ends_with(d))
                {
                    return false;
                }
                // "who had won Dhubri three times in a row": earlier elections.
                let clause_end = lower[*at..]
                    .find([',', ';', '.', '।'])
                    .map_or(lower.len(), |e| *at + e);
                if before.ends_with("had") || wins_counted(&lower[*at..clause_end]) {
                    return false;
                }
                // "won by 1,58,333 votes" says who won and by how much.
                if lower[at + w.len()..].trim_start().starts_with("by ") {
                    return true;
                }
                let next: String = lower[at + w.len()..]
                    .split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                // "won the postal count", "won three of the five segments": a part, not the seat.
                let part_won = lower[at + w.len()..]
                    .split_whitespace()
                    .take(5)
                    .any(|n| PART_WON.contains(&n.trim_matches(|c: char| !c.is_alphanumeric())));
                // "where the BJP and the Congress won eight seats each", "won the other two
                // Kashmir valley seats": a tally of seats, or other seats, not this one.
                let object: Vec<&str> = lower[at + w.len()..]
                    .split(['.', ';', ':', '।'])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .take(8)
                    .map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()))
                    .collect();
                let seats_won = object.iter().enumerate().any(|(k, n)| {
                    ["seats", "सीटें", "सीटों", "सीटे"].contains(n)
                        || ["seat", "सीट"].contains(n)
                            && object[..k]
                                .iter()
                                .any(|o| ["other", "दूसरी", "बाकी", "बाक़ी", "अन्य"].contains(o))
                });
                !part_won && !seats_won && !VOTE_WORDS.iter().any(|v| find_word(&next, v).is_some())
            })
        });
        let lose_at = LOSE_WORDS.iter().find_map(|w| lower.find(w));
        if let Some((at, word)) = win_at {
            // "the winner had 4.77 lakh": the noun names no one unless its own clause does.
            let noun = matches!(word, "winner" | "विजेता");
            let group = if noun {
                // "The winner had four times the Congress's tally": a name in the possessive
                // after the noun is what the winner is compared with.
                // "which put the winner 278 behind the Congress": so is a name after
                // "behind", "ahead of" or "than".
                let compared = |w: usize| {
                    let head = lower[..w].trim_end();
                    let head = head.strip_suffix("the").unwrap_or(head).trim_end();
                    ["behind", "ahead of", "than", "over", "पीछे", "आगे"]
                        .iter()
                        .any(|b| head.ends_with(b))
                };
                let own: Vec<(String, usize)> = own_clause_who(at)
                    .into_iter()
                    .filter(|(_, w)| *w < at || !(possessive_at(&lower, *w) || compared(*w)))
                    .collect();
                if own.is_empty() {
                    None
                } else {
                    self.one_candidate(&own, &scope)
                        .map(|g| g.into_iter().map(str::to_string).collect::<Vec<_>>())
                }
            } else {
                single_at(at)
            };
            if let Some(group) = group
                && !consistent(&group, 1)
                && lose_at.is_none()
            {
                return Some(format!(
                    "the text names {} as the winner, but {}",
                    group.join(" / "),
                    describe(1)
                ));
            }
        } else if let Some(at) = lose_at
            && let Some(group) = single_at(at)
            && group.iter().filter(|w| stood(w)).all(|w| claim(w, 1))
        {
            return Some(format!(
                "the text says {} lost, but {}",
                group.join(" / "),
                describe(1)
            ));
        }
        // A candidate placed in an election they did not stand in (but another of the page).
        let absent = |group: &[String]| -> Option<String> {
            group
                .iter()
                .find(|w| {
                    let person = |i: usize| self.result(i).candidates.iter().any(|c| &c.name == *w);
                    !scope.iter().any(|i| person(*i)) && (0..self.results.len()).any(person)
                })
                .cloned()
        };
        let elections = |list: &[usize]| {
            list.iter()
                .map(|i| self.result(*i).election.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        // "would have come second": a place the candidate did not take.
        let counterfactual = ["would have", "would've", "would still have", "होते", "रहते"]
            .iter()
            .any(|w| find_word(&lower, w).is_some());
        // "लगभग दूसरे नंबर तक पहुँच गए", "almost finished second": a place nearly taken.
        let nearly = |at: usize| {
            let before = lower[..at].trim_end();
            ["लगभग", "करीब-करीब", "क़रीब-क़रीब", "almost", "nearly"]
                .iter()
                .any(|w| before.ends_with(w))
                || lower[at..]
                    .split(['।', '.', ';'])
                    .next()
                    .is_some_and(|rest| {
                        ["तक पहुँच", "तक पहुंच", "तक पहुँचे", "तक पहुंचे"]
                            .iter()
                            .any(|w| rest.contains(w))
                    })
        };
        // "विजेता चौधरी 3,243 के साथ दूसरे और मथुरा प्रसाद महतो 3,062 के साथ तीसरे रहे", of
        // the postal ballots: places by a part of the votes (a figure that is some
        // candidate's postal or EVM votes, or the part named) are not places in the result.
        let of_a_part = super::EVM_NAMES
            .iter()
            .chain(super::POSTAL_NAMES)
            .any(|w| lower.contains(w))
            || numbers::numbers(sentence).iter().any(|q| {
                q.measure == numbers::Measure::Count
                    && !q.year
                    && q.value >= 10.0
                    && scope.iter().any(|i| {
                        let cs = &self.result(*i).candidates;
                        !cs.iter().any(|c| q.states(c.votes as f64))
                            && cs.iter().any(|c| {
                                c.postal.is_some_and(|p| q.states(p as f64))
                                    || c.evm.is_some_and(|e| q.states(e as f64))
                            })
                    })
            });
        if of_a_part {
            return None;
        }
        let bare = bare_hindi_places(&lower);
        let places = PLACE_WORDS
            .iter()
            .map(|(w, k)| (*w, *k))
            .chain(bare.iter().map(|(w, k)| (w.as_str(), *k)));
        for (word, place) in places {
            let place = &place;
            let found = find_word(&lower, word);
            // "more than every candidate below third place": fourth, counting it among them.
            let ahead_of_all_below = found.is_some_and(|at| {
                let before = lower[..at].trim_end();
                let before = before.strip_suffix("the").unwrap_or(before).trim_end();
                [
                    "every candidate below",
                    "all candidates below",
                    "everyone below",
                    "anyone below",
                    "all the candidates below",
                ]
                .iter()
                .any(|b| before.ends_with(b))
                    && ["more than", "ahead of", "above", "beat", "outpolled"]
                        .iter()
                        .any(|w| lower[..at].contains(w))
            });
            let rank = &if ahead_of_all_below {
                place + 1
            } else {
                *place
            };
            if counterfactual
                || found.is_some_and(nearly)
                || !ahead_of_all_below && found.is_some_and(|at| reference_place(&lower, at, word))
            {
                continue;
            }
            // "NOTA got 15,563, more than the Congress candidate, so the party came fifth":
            // NOTA is no party; the place is the party's.
            let party_word = |at: usize| {
                let clause = named
                    .clauses
                    .iter()
                    .find(|(a, b)| at >= *a && at < *b)
                    .map_or("", |(a, _)| &lower[*a..at]);
                ["the party", "पार्टी", "दल"]
                    .iter()
                    .any(|w| find_word(clause, w).is_some())
            };
            if let Some(at) = found
                && !party_word(at)
                && let Some(message) = self.nota_place(&clause_who(at), *rank, &scope)
            {
                return Some(message);
            }
            if let Some(at) = find_word(&lower, word)
                && let Some(who) = absent(
                    &clause_who(at)
                        .into_iter()
                        .map(|(w, _)| w)
                        .collect::<Vec<_>>(),
                )
            {
                let stood: Vec<usize> = (0..self.results.len())
                    .filter(|i| self.result(*i).candidates.iter().any(|c| c.name == who))
                    .collect();
                return Some(format!(
                    "the text places {who} {} in {}, but {who} stood only in {}",
                    ordinal(*rank),
                    elections(&scope),
                    elections(&stood)
                ));
            }
            if let Some(at) = find_word(&lower, word)
                && let Some(group) = single_at(at)
                && !consistent(&group, *rank)
            {
                // Where the named candidate did come, for the editor to correct it.
                let actual = scope
                    .iter()
                    .copied()
                    .max_by_key(|i| self.result(*i).year)
                    .and_then(|i| {
                        let r = self.result(i);
                        r.candidates
                            .iter()
                            .filter(|c| group.iter().any(|g| *g == c.name || *g == c.party))
                            .filter_map(|c| c.rank.map(|k| (k, c)))
                            .min_by_key(|(k, _)| *k)
                            .map(|(k, c)| {
                                format!(" ({} ({}) came {})", c.name, c.party, ordinal(k))
                            })
                    })
                    .unwrap_or_default();
                return Some(format!(
                    "the text places {} {}, but {}{actual}",
                    group.join(" / "),
                    ordinal(*rank),
                    describe(*rank)
                ));
            }
        }
        None
    }
}

impl Checker<'_> {
    /// "नोटा तीसरे स्थान पर रहा": NOTA has no rank in ECI's results, but editors place it
    /// among the candidates by its votes. The place must be the one its votes give it in a
    /// result the sentence can be about.
    fn nota_place(&self, who: &[(String, usize)], rank: usize, scope: &[usize]) -> Option<String> {
        if who.is_empty() || !who.iter().all(|(w, _)| self.is_nota(w)) {
            return None;
        }
        let places: Vec<(usize, u64, usize)> = scope
            .iter()
            .filter_map(|i| {
                let r = self.result(*i);
                let nota = r
                    .candidates
                    .iter()
                    .find(|c| c.party == crate::election::result::NOTA)?;
                let above = r
                    .candidates
                    .iter()
                    .filter(|c| c.party != crate::election::result::NOTA && c.votes > nota.votes)
                    .count();
                Some((*i, nota.votes, above + 1))
            })
            .collect();
        if places.is_empty() || places.iter().any(|(_, _, place)| *place == rank) {
            return None;
        }
        let (i, votes, place) = places
            .iter()
            .max_by_key(|(i, _, _)| self.result(*i).year)
            .copied()?;
        Some(format!(
            "the text places NOTA {}, but its {} votes put it {} among the candidates in {} (NOTA itself has no rank in ECI's results)",
            ordinal(rank),
            crate::numfmt::inr_unsigned(votes),
            ordinal(place),
            self.result(i).election
        ))
    }
}

/// Words after a win word that make it the win of a part of the count, not of the seat.
/// "won Dhubri three times in a row", "twice", "जीते … लगातार", "जीते, तीन बार": a count
/// of wins, which are of several elections (read in the clause after the win word).
fn wins_counted(clause: &str) -> bool {
    let words: Vec<&str> = clause
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && !('\u{900}'..='\u{97f}').contains(&c))
        })
        .collect();
    words.windows(2).any(|w| {
        ["times", "बार"].contains(&w[1]) && numbers::small_number(w[0]).is_some_and(|n| n >= 2.0)
    }) || words
        .iter()
        .any(|w| ["twice", "thrice", "लगातार"].contains(w))
        || clause.contains("in a row")
}

const PART_WON: &[&str] = &[
    "postal",
    "evm",
    "evms",
    "count",
    "segments",
    "segment",
    "booths",
    "round",
    "rounds",
    "डाक",
    "ईवीएम",
    "खंडों",
    "खंड",
    "राउंड",
];

/// A place the sentence measures from or names someone by, not one it gives: "more than
/// every candidate below third place", "separate the winner from the candidate in fourth
/// place", "तीसरे स्थान के उम्मीदवार", "दूसरे और तीसरे स्थान के बीच".
/// Hindi ordinals from the third on (दूसरे and पहले also mean "other" and "before").
const HINDI_ORDINALS: &[(&str, usize)] = &[
    ("तीसरे", 3),
    ("चौथे", 4),
    ("पाँचवें", 5),
    ("पांचवें", 5),
    ("पाँचवे", 5),
    ("पांचवे", 5),
    ("छठे", 6),
    ("छठवें", 6),
    ("सातवें", 7),
    ("आठवें", 8),
    ("नौवें", 9),
    ("नवें", 9),
    ("दसवें", 10),
];

/// "13,272 वोटों के साथ पाँचवें।", "13,106 के साथ छठे रहे", "(6,025) पाँचवें और …
/// (5,803) सातवें स्थान पर रहे": an ordinal alone that ends its clause or is followed by
/// रहे / स्थान / नंबर is a place ("तीसरे चरण" is a phase). Each such phrase as it stands
/// in `lower`, with its rank, for the place words above.
fn bare_hindi_places(lower: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (word, rank) in HINDI_ORDINALS {
        let Some(at) = find_word(lower, word) else {
            continue;
        };
        let rest = &lower[at + word.len()..];
        let next = rest.trim_start();
        let ends = next.is_empty()
            || next.starts_with(['।', ',', ';', '.', ':'])
            || [
                "रहे",
                "रहीं",
                "रही",
                "रहा",
                "स्थान",
                "नंबर",
                "पायदान",
                "और ",
                "पर रहे",
            ]
            .iter()
            .any(|w| next.starts_with(w));
        // "तीसरे और चौथे चरण": the next word after "और" decides.
        let of_something_else = next.starts_with("और ")
            && !next["और ".len()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    HINDI_ORDINALS.iter().any(|(o, _)| w == *o) || find_word(next, "स्थान").is_some()
                });
        // "सातवें स्थान": the phrase with its noun, which the place words read ("तीसरे नंबर
        // के उम्मीदवार" is a reference, not a claim).
        let phrase = ["स्थान", "नंबर", "पायदान"]
            .iter()
            .find(|n| next.starts_with(*n))
            .map_or_else(|| (*word).to_string(), |n| format!("{word} {n}"));
        let known = PLACE_WORDS.iter().any(|(w, _)| *w == phrase);
        if ends && !of_something_else && !known && !out.iter().any(|(w, _)| *w == phrase) {
            out.push((phrase, *rank));
        }
    }
    out
}

fn reference_place(lower: &str, at: usize, word: &str) -> bool {
    let before = lower[..at].trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    let after = lower[at + word.len()..].trim_start();
    [
        "below",
        "above",
        "behind",
        "than",
        "candidate in",
        "candidates in",
        "one in",
        "party in",
        "man in",
        "woman in",
        "from",
        "off",
        "short of",
        "shy of",
        "between",
        // "the gap to second place was 2.82 points", "the lead over third".
        "gap to",
        "lead over",
        "margin over",
        "ahead of",
    ]
    .iter()
    .any(|b| before.ends_with(b))
        || [
            "के उम्मीदवार",
            "की उम्मीदवार",
            "वाले",
            "वाली",
            "से नीचे",
            "से ऊपर",
            "से पीछे",
            "के बीच",
        ]
        .iter()
        .any(|a| after.starts_with(a))
        // "दूसरे स्थान से 5,16,589 वोट पीछे": a gap measured from the place.
        || after.strip_prefix("से ").is_some_and(|rest| {
            rest.split_whitespace()
                .take(5)
                .any(|w| ["पीछे", "आगे", "कम", "ज़्यादा", "ज्यादा", "अधिक", "दूर"].contains(&w))
        })
}

fn ordinal(rank: usize) -> &'static str {
    match rank {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        6 => "sixth",
        _ => "lower",
    }
}

/// Whether the name that starts at `at` is in the possessive ("the Congress's tally",
/// "Mashahary’s votes"): one of its next few words ends in "'s" before any punctuation.
fn possessive_at(lower: &str, at: usize) -> bool {
    for word in lower[at..].split_whitespace().take(4) {
        if word.ends_with("'s") || word.ends_with("’s") {
            return true;
        }
        if word.contains(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '.') {
            return false;
        }
    }
    false
}
