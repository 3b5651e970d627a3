//! Sums an editor makes of the data: the margins of two or three seats added up ("their
//! margins add up to 3,471 votes", "तीनों के अंतर जोड़ें तो 12,354"), the votes of the
//! candidates after the leaders ("the other 50 candidates polled 30,789 between them",
//! "बाकी छह उम्मीदवारों को कुल 24,194 वोट", "the 37 below fourth place"), of those who
//! lost their deposits, and of two candidates together ("दोनों ने मिलकर 9,73,248 वोट
//! पाए"). Each is compared with the sum of the data, and a sum with NOTA's votes added in
//! (NOTA is no candidate) is named as such.

use super::numbers::{self, Measure, Quoted};
use super::{Checker, Named, clause_around, find_word, quoted_text};
use crate::election::derive::{CandidateFigures, ResultFigures};
use crate::election::result::NOTA;

/// Words that add figures up.
const ADDING: &[&str] = &[
    "add up",
    "adds up",
    "added up",
    "together",
    "combined",
    "between them",
    "in all",
    "taken together",
    "pooled",
    "मिलकर",
    "मिलाकर",
    "जोड़ें",
    "जोड़ें",
    "जोड़कर",
    "जोड़कर",
    "जोड़",
    "जोड़",
    "कुल मिलाकर",
];

/// Words that take the candidates after some leaders: "the other 26", "बाकी छह".
const REST_AFTER: &[&str] = &[
    "other",
    // "27 others shared 15.33%".
    "others",
    "rest",
    "remaining",
    "बाक़ी",
    "बाकी",
    "बचे",
    "शेष",
    "अन्य",
];

/// Words after the count: "the 37 below fourth place", "पहले तीन के बाद बचे पाँच".
const REST_BEFORE: &[&str] = &["below", "behind"];

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

const DEPOSIT_WORDS: &[&str] = &[
    "forfeit",
    "forfeiting",
    "forfeited",
    "deposit",
    "deposits",
    "ज़मानत",
    "जमानत",
];

/// Words that compare two figures.
const COMPARATIVES: &[&str] = &[
    "more",
    "fewer",
    "less",
    "larger",
    "bigger",
    "smaller",
    "higher",
    "lower",
    "the larger",
    "ज़्यादा",
    "ज्यादा",
    "अधिक",
    "कम",
    "बड़ा",
    "छोटा",
];

/// Words that take a figure over the seats of the page.
const ACROSS_SEATS: &[&str] = &[
    "both seats",
    "the two seats",
    "two seats",
    "the three seats",
    "across both",
    "across the two",
    "in all three",
    "दोनों सीटों",
    "दोनों सीटें",
    "दोनों जगह",
    "दोनों क्षेत्रों",
    "तीनों सीटों",
];

const BOTH_WORDS: &[&str] = &["both", "the two", "दोनों", "दोनो"];

/// What a sentence says that makes its figures sums, read once per sentence.
pub(super) struct SentenceWords {
    adding: bool,
    across: bool,
    both: bool,
}

impl SentenceWords {
    pub(super) fn of(lower: &str) -> Self {
        let any = |list: &[&str]| list.iter().any(|w| find_word(lower, w).is_some());
        SentenceWords {
            adding: any(ADDING),
            across: any(ACROSS_SEATS),
            both: any(BOTH_WORDS),
        }
    }
}

/// Up to 160 bytes of `text` before `at`, from a character boundary.
pub(super) fn window_before(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// Up to 160 bytes of `text` after `at`, to a character boundary.
pub(super) fn window_after(text: &str, at: usize) -> &str {
    let mut to = (at + 160).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

/// What a sum the text states is compared with.
struct Sum {
    value: f64,
    /// The same with NOTA's votes or share added in, when NOTA is not among the summed.
    with_nota: Option<f64>,
    what: String,
}

impl Checker<'_> {
    /// A figure the sentence makes by adding data up. None: no such sum (the figure is
    /// judged as any other); Some(None): the sum holds; Some(Some(message)): it does not.
    pub(super) fn sum_claim(
        &self,
        q: &Quoted,
        sentence: &str,
        words: &SentenceWords,
        named: &Named,
    ) -> Option<Option<String>> {
        if q.year || q.measure == Measure::Points {
            return None;
        }
        let clause = numbers::lowercase(clause_around(sentence, q));
        // "… 9 lakh of the 9,80,671 valid votes": the whole a sum is part of. (Windows of
        // the sentence, not all of it: a sentence may have thousands of numbers.)
        let head = numbers::lowercase(window_before(sentence, q.start).trim_end());
        let tail = numbers::lowercase(window_after(sentence, q.end).trim_start());
        if ["of the", " of", "out of", "of all"]
            .iter()
            .any(|w| head.ends_with(w))
            || tail
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")
                .contains("में से")
        {
            return None;
        }
        let adding = words.adding || ADDING.iter().any(|w| find_word(&clause, w).is_some());
        // "The Maharashtra seat counted 3,56,317 more valid votes than the Bihar one": a
        // difference of one figure between two seats, stated exactly.
        if q.measure == Measure::Count
            && q.step <= 1.0
            && COMPARATIVES.iter().any(|w| find_word(&clause, w).is_some())
            && self.seat_difference(q, named)
        {
            return Some(None);
        }
        let across = words.across;
        let total_margin = [
            "कुल अंतर",
            "combined margin",
            "total margin",
            "margins combined",
        ]
        .iter()
        .any(|w| find_word(&clause, w).is_some());
        let sums = if super::MARGIN_NOUNS
            .iter()
            .chain(&["margins"])
            .any(|w| find_word(&clause, w).is_some())
            && (adding || total_margin || across)
        {
            self.margins_sum(q, named)?
        } else if across && let Some(sums) = self.across_seats_sum(q, named) {
            sums
        } else if let Some(sums) = self.rest_sum(q, &clause, adding, named) {
            sums
        } else if adding
            && (words.both || self.named_pair(named).is_some() || places_pair(&clause).is_some())
        {
            self.pair_sums(q, named, places_pair(&clause))?
        } else {
            return None;
        };
        // "the other 22 candidates and NOTA": NOTA is in the sum the text names.
        // Not when NOTA has its own figure after it ("27 others shared 15.33% and NOTA
        // 1.68%"): then it is listed beside the sum, not in it.
        let nota_named = ["nota", "नोटा", "none of the above"].iter().any(|w| {
            find_word(&clause, w).is_some_and(|at| {
                let after = clause[at + w.len()..].trim_start();
                let after = ["got", "had", "with", "को", "के", "का"]
                    .iter()
                    .find_map(|w| after.strip_prefix(w))
                    .unwrap_or(after)
                    .trim_start();
                !after.starts_with(|c: char| c.is_ascii_digit())
            })
        });
        let sums: Vec<Sum> = if nota_named {
            sums.into_iter()
                .map(|s| Sum {
                    value: s.with_nota.unwrap_or(s.value),
                    with_nota: None,
                    what: format!("{}, with NOTA", s.what),
                })
                .collect()
        } else {
            sums
        };
        // "… मिलकर 1.5 प्रतिशत से कम": a bound on the sum.
        let after = &tail;
        let ends = |list: &[&str]| list.iter().any(|w| head.ends_with(w));
        let starts = |list: &[&str]| list.iter().any(|w| after.starts_with(w));
        let more = ends(super::MORE_BEFORE) || starts(super::MORE_AFTER);
        let less = ends(super::LESS_BEFORE) || starts(super::LESS_AFTER);
        if more || less {
            let holds = |s: &Sum| {
                if more {
                    s.value > q.value
                } else {
                    s.value < q.value
                }
            };
            if sums.iter().any(holds) {
                return Some(None);
            }
            let s = &sums[0];
            // A bound far from the sum is about something else ("decided by less than two
            // thousand votes" in a sentence about both seats).
            let near = match q.measure {
                Measure::Count => (s.value / q.value).max(q.value / s.value) <= 2.0,
                _ => (s.value - q.value).abs() <= 10.0,
            };
            if !near {
                return None;
            }
            return Some(Some(format!(
                "{} in the text for {}, but the data says {}: not {}",
                quoted_text(sentence, q),
                s.what,
                show(q, s.value),
                if more { "more" } else { "less" }
            )));
        }
        // A share left over ("the remaining 7.07%" for 100 − 92.93) may differ from the
        // sum of the shares by their rounding.
        let stated = |s: &Sum| match q.measure {
            Measure::Count => q.states(s.value),
            _ => (s.value - q.value).abs() <= q.step / 2.0 + 0.02 + 1e-9,
        };
        if sums.iter().any(stated) {
            return Some(None);
        }
        let typed = quoted_text(sentence, q);
        if let Some(s) = sums
            .iter()
            .find(|s| s.with_nota.is_some_and(|v| q.states(v)))
        {
            return Some(Some(format!(
                "{typed} in the text for {}: that counts NOTA's votes in, but NOTA is no candidate; the data says {}",
                s.what,
                show(q, s.value)
            )));
        }
        let s = &sums[0];
        let close = match q.measure {
            Measure::Count => (s.value / q.value).max(q.value / s.value) <= 1.25,
            _ => (s.value - q.value).abs() <= 5.0,
        };
        if !close {
            // A figure this far from the sum is no sum of it: judge it as any other.
            return None;
        }
        Some(Some(format!(
            "{typed} in the text for {}, but the data says {}",
            s.what,
            show(q, s.value)
        )))
    }

    /// The seats the sentence is about, when they are two or more of one year.
    pub(super) fn seats_of(&self, named: &Named) -> Vec<usize> {
        let scope: Vec<usize> = if named.results.len() >= 2 {
            named.results.clone()
        } else {
            let Some(year) = (0..self.results.len()).map(|i| self.result(i).year).max() else {
                return Vec::new();
            };
            (0..self.results.len())
                .filter(|i| self.result(*i).year == year)
                .collect()
        };
        let year = scope.first().map(|i| self.result(*i).year);
        if scope.iter().any(|i| Some(self.result(*i).year) != year) {
            return Vec::new();
        }
        scope
    }

    fn margins_sum(&self, q: &Quoted, named: &Named) -> Option<Vec<Sum>> {
        if q.measure != Measure::Count {
            return None;
        }
        let seats = self.seats_of(named);
        if seats.len() < 2 {
            return None;
        }
        let mut margins = Vec::new();
        for i in &seats {
            let r = self.result(*i);
            if r.approx {
                return None;
            }
            margins.push(r.margin?);
        }
        let names: Vec<String> = seats
            .iter()
            .zip(&margins)
            .map(|(i, m)| format!("{} {}", self.result(*i).constituency, inr(*m as f64)))
            .collect();
        Some(vec![Sum {
            value: margins.iter().sum::<u64>() as f64,
            with_nota: None,
            what: format!("the margins added up ({})", names.join(" + ")),
        }])
    }

    /// "Across both seats the Congress polled 6,07,987", "दोनों सीटों पर इनेलो को कुल
    /// 90,231", "his two tallies add up to …": a party's (or a candidate's) votes in the
    /// seats of the page added up; the one named last before the figure first.
    fn across_seats_sum(&self, q: &Quoted, named: &Named) -> Option<Vec<Sum>> {
        if q.measure != Measure::Count {
            return None;
        }
        let seats = self.seats_of(named);
        if seats.len() < 2 || seats.iter().any(|i| self.result(*i).approx) {
            return None;
        }
        let mut who: Vec<&(String, usize)> =
            named.who.iter().filter(|(_, at)| *at < q.start).collect();
        who.sort_by_key(|(_, at)| std::cmp::Reverse(*at));
        who.extend(named.who.iter().filter(|(_, at)| *at >= q.start));
        let mut sums = Vec::new();
        for (w, _) in who {
            if w == NOTA {
                continue;
            }
            let parts: Vec<(String, u64)> = seats
                .iter()
                .flat_map(|i| {
                    let r = self.result(*i);
                    r.candidates
                        .iter()
                        .filter(|c| c.name == *w || c.party == *w)
                        .map(|c| (r.constituency.clone(), c.votes))
                })
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let shown: Vec<String> = parts
                .iter()
                .map(|(seat, v)| format!("{seat} {}", inr(*v as f64)))
                .collect();
            sums.push(Sum {
                value: parts.iter().map(|(_, v)| v).sum::<u64>() as f64,
                with_nota: None,
                what: format!("{w} in the seats together ({})", shown.join(" + ")),
            });
        }
        // "Across both seats, 15,67,637 valid votes were counted": the seats' valid votes,
        // after whoever the sentence names.
        let seats_total = |total: &dyn Fn(&ResultFigures) -> u64| -> (u64, String) {
            let shown: Vec<String> = seats
                .iter()
                .map(|i| {
                    let r = self.result(*i);
                    format!("{} {}", r.constituency, inr(total(r) as f64))
                })
                .collect();
            let sum = seats.iter().map(|i| total(self.result(*i))).sum();
            (sum, shown.join(" + "))
        };
        // Valid votes count NOTA's in (as ECI counts them); without them is the candidates'.
        let (with_nota, shown) = seats_total(&|r| r.total);
        let (without_nota, shown_without) = seats_total(&|r| r.total_without_nota);
        sums.push(Sum {
            value: with_nota as f64,
            with_nota: None,
            what: format!("the valid votes of the seats together ({shown})"),
        });
        sums.push(Sum {
            value: without_nota as f64,
            with_nota: None,
            what: format!("the candidates' votes of the seats together ({shown_without})"),
        });
        Some(sums)
    }

    /// Whether `q` is the difference of one figure (valid votes, without NOTA, margin,
    /// electors, votes polled, postal votes, a party's votes) between two seats of the page.
    fn seat_difference(&self, q: &Quoted, named: &Named) -> bool {
        let seats = self.seats_of(named);
        if seats.len() < 2 {
            return false;
        }
        let figures = |i: usize| -> Vec<Option<u64>> {
            let r = self.result(i);
            vec![
                Some(r.total),
                Some(r.total_without_nota),
                r.margin,
                r.electors,
                r.polled,
                r.postal,
            ]
        };
        seats.iter().any(|a| {
            seats.iter().filter(|b| *b != a).any(|b| {
                let (fa, fb) = (figures(*a), figures(*b));
                let same_field = fa.iter().zip(&fb).any(|(x, y)| {
                    x.zip(*y)
                        .is_some_and(|(x, y)| q.states(x.abs_diff(y) as f64))
                });
                let same_party = named.who.iter().any(|(w, _)| {
                    let votes = |i: usize| {
                        self.result(i)
                            .candidates
                            .iter()
                            .find(|c| c.party == *w || c.name == *w)
                            .map(|c| c.votes)
                    };
                    votes(*a)
                        .zip(votes(*b))
                        .is_some_and(|(x, y)| q.states(x.abs_diff(y) as f64))
                });
                same_field || same_party
            })
        })
    }

    /// The one result a sum of candidates is about.
    fn one_result(&self, named: &Named) -> Option<&ResultFigures> {
        let i = match named.results.as_slice() {
            [i] => *i,
            [] if self.results.len() == 1 => 0,
            [] => {
                let seats = self.seats_of(named);
                match seats.as_slice() {
                    [i] => *i,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let r = self.result(i);
        let ranked = r
            .candidates
            .iter()
            .all(|c| c.rank.is_some() || c.party == NOTA);
        (!r.approx && r.total > 0 && r.complete && ranked).then_some(r)
    }

    /// "the other 50 candidates", "बाकी छह उम्मीदवारों", "the 37 below fourth place",
    /// "the 26 forfeiting candidates … between them".
    fn rest_sum(&self, q: &Quoted, clause: &str, adding: bool, named: &Named) -> Option<Vec<Sum>> {
        let words: Vec<(usize, &str)> = super::sentence_words(clause);
        let count_at = |k: usize| -> Option<usize> {
            let (at, w) = *words.get(k)?;
            // A piece of a larger figure ("7" of "7.07%", "30" of "30,879") is no count.
            let next = clause[at + w.len()..].chars().next();
            let prev = clause[..at].chars().next_back();
            if matches!(next, Some('.' | ',' | '%')) || matches!(prev, Some('.' | ',')) {
                return None;
            }
            numbers::small_number(w)
                .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n < 300.0)
                .map(|n| n as usize)
        };
        let mut n = None;
        for (k, (_, w)) in words.iter().enumerate() {
            if REST_AFTER.contains(w) {
                // "the other 26", "बाकी छह"; "the eleven other candidates".
                n = (k + 1..(k + 3).min(words.len()))
                    .find_map(count_at)
                    .or_else(|| k.checked_sub(1).and_then(count_at));
            } else if REST_BEFORE.contains(w) && k > 0 {
                // "the 37 below fourth place" (not "39 below 4%": each of them).
                let place = words
                    .iter()
                    .skip(k + 1)
                    .take(3)
                    .any(|(_, w)| ORDINALS.contains(w) || *w == "place" || *w == "top");
                if place {
                    n = count_at(k - 1);
                }
            }
            if n.is_some() {
                break;
            }
        }
        let forfeit = DEPOSIT_WORDS.iter().any(|w| find_word(clause, w).is_some());
        if n.is_none() && !(forfeit && adding) {
            return None;
        }
        // "the other 12 candidates under 2% each": a bound on each of them, not a sum.
        let each = ["each", "apiece", "individually", "प्रत्येक", "हर एक", "हरेक"]
            .iter()
            .any(|w| find_word(clause, w).is_some());
        if each && !adding {
            return None;
        }
        let r = self.one_result(named)?;
        let mut ranked: Vec<&CandidateFigures> =
            r.candidates.iter().filter(|c| c.party != NOTA).collect();
        ranked.sort_by_key(|c| c.rank);
        let nota: u64 = r
            .candidates
            .iter()
            .filter(|c| c.party == NOTA)
            .map(|c| c.votes)
            .sum();
        let mut sums = Vec::new();
        let mut push = |summed: Vec<&CandidateFigures>, what: String| {
            let votes: u64 = summed.iter().map(|c| c.votes).sum();
            let (value, with_nota) = match q.measure {
                Measure::Count => (votes as f64, (nota > 0).then(|| (votes + nota) as f64)),
                _ => (
                    share(votes, r.total),
                    (nota > 0).then(|| share(votes + nota, r.total)),
                ),
            };
            sums.push(Sum {
                value,
                with_nota,
                what,
            });
        };
        if let Some(n) = n.filter(|n| *n < ranked.len()) {
            let tail = ranked[ranked.len() - n..].to_vec();
            let list = list_of(&tail);
            push(
                tail,
                format!(
                    "the last {n} candidates of {} together ({list})",
                    r.election
                ),
            );
        }
        if forfeit && adding && r.deposit_threshold.is_some() {
            let lost: Vec<&CandidateFigures> = ranked
                .iter()
                .copied()
                .filter(|c| c.deposit_forfeited == Some(true))
                .collect();
            if !lost.is_empty() && n.is_none_or(|n| n == lost.len()) {
                let k = lost.len();
                push(
                    lost,
                    format!(
                        "the {k} candidates who lost their deposits in {} together",
                        r.election
                    ),
                );
            }
        }
        (!sums.is_empty()).then_some(sums)
    }

    /// "दोनों ने मिलकर 9,73,248 वोट पाए", "together the two took 89.43 %": the two named,
    /// else the first two.
    /// The two candidates a sentence names by their parties: "the BJP and the Congress
    /// pooled their votes" (one candidate each), "the two independents together" (a party
    /// of exactly two candidates).
    fn named_pair(&self, named: &Named) -> Option<Vec<&CandidateFigures>> {
        let r = self.one_result(named)?;
        let of_party = |p: &str| -> Vec<&CandidateFigures> {
            r.candidates
                .iter()
                .filter(|c| c.party == p && c.party != NOTA)
                .collect()
        };
        let mut parties: Vec<&str> = Vec::new();
        for (w, _) in &named.who {
            if self.parties.contains(w) && !parties.contains(&w.as_str()) {
                parties.push(w);
            }
        }
        let people = named
            .who
            .iter()
            .filter(|(w, _)| !self.parties.contains(w))
            .count();
        if people > 0 {
            return None;
        }
        match parties.as_slice() {
            [one] => Some(of_party(one)).filter(|c| c.len() == 2),
            [a, b] => match (of_party(a).as_slice(), of_party(b).as_slice()) {
                ([x], [y]) => Some(vec![*x, *y]),
                _ => None,
            },
            _ => None,
        }
    }

    fn pair_sums(
        &self,
        q: &Quoted,
        named: &Named,
        places: Option<(usize, usize)>,
    ) -> Option<Vec<Sum>> {
        let r = self.one_result(named)?;
        let mut ranked: Vec<&CandidateFigures> =
            r.candidates.iter().filter(|c| c.party != NOTA).collect();
        ranked.sort_by_key(|c| c.rank);
        let named_here: Vec<&CandidateFigures> = ranked
            .iter()
            .copied()
            .filter(|c| named.who.iter().any(|(w, _)| *w == c.name))
            .collect();
        let pair: Vec<&CandidateFigures> = if named_here.len() == 2 {
            named_here
        } else if let Some((a, b)) = places {
            ranked
                .iter()
                .copied()
                .filter(|c| c.rank == Some(a) || c.rank == Some(b))
                .collect()
        } else if let Some(pair) = self.named_pair(named) {
            pair
        } else {
            ranked.iter().take(2).copied().collect()
        };
        if pair.len() != 2 {
            return None;
        }
        let value = |votes: u64| match q.measure {
            Measure::Count => votes as f64,
            _ => share(votes, r.total),
        };
        let mut sums = vec![Sum {
            value: value(pair[0].votes + pair[1].votes),
            with_nota: None,
            what: format!("{} together ({})", r.election, list_of(&pair)),
        }];
        // "… 2,353 डाक मत, जबकि ईवीएम के वोट 12,50,207 थे। दोनों मिलाकर 12,52,560": the two
        // may be the EVM and postal votes, whose sum is the whole (with NOTA or without).
        if q.measure == Measure::Count && r.candidates.iter().any(|c| c.postal.is_some()) {
            for (total, what) in [
                (r.total, "EVM and postal votes together"),
                (
                    r.total_without_nota,
                    "EVM and postal votes together, NOTA left out",
                ),
            ] {
                sums.push(Sum {
                    value: total as f64,
                    with_nota: None,
                    what: format!("{}, {what}", r.election),
                });
            }
        }
        // Which two the sentence means may lie a sentence back: any two of the result
        // stated exactly is taken as meant.
        for (i, a) in ranked.iter().enumerate() {
            for b in &ranked[i + 1..] {
                sums.push(Sum {
                    value: value(a.votes + b.votes),
                    with_nota: None,
                    what: format!("{} together ({})", r.election, list_of(&[a, b])),
                });
            }
        }
        Some(sums)
    }
}

/// "the second and third placed candidates", "दूसरे और तीसरे स्थान के उम्मीदवार": two
/// places named together, as ranks.
fn places_pair(clause: &str) -> Option<(usize, usize)> {
    const HINDI: &[(&str, usize)] = &[
        ("पहले", 1),
        ("दूसरे", 2),
        ("तीसरे", 3),
        ("चौथे", 4),
        ("पाँचवें", 5),
        ("पांचवें", 5),
    ];
    let rank = |w: &str| {
        ORDINALS
            .iter()
            .position(|o| *o == w)
            .map(|k| k + 1)
            .or_else(|| HINDI.iter().find(|(o, _)| *o == w).map(|(_, k)| *k))
    };
    let words: Vec<&str> = clause
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // A place word after them: not "the first and second rounds", "पहले और दूसरे चरण".
    const PLACE_WORDS: &[&str] = &[
        "placed",
        "place",
        "places",
        "candidates",
        "स्थान",
        "स्थानों",
        "नंबर",
        "पर",
        "उम्मीदवारों",
    ];
    words.windows(4).find_map(|w| {
        let joined = ["and", "और", "व"].contains(&w[1]) && PLACE_WORDS.contains(&w[3]);
        match (joined, rank(w[0]), rank(w[2])) {
            (true, Some(a), Some(b)) if a != b => Some((a, b)),
            _ => None,
        }
    })
}

fn share(votes: u64, total: u64) -> f64 {
    (votes as f64 * 10_000.0 / total as f64).round() / 100.0
}

fn inr(value: f64) -> String {
    crate::numfmt::inr_unsigned(value.round().max(0.0) as u64)
}

fn show(q: &Quoted, value: f64) -> String {
    match q.measure {
        Measure::Count => inr(value),
        _ => format!("{value:.2}%"),
    }
}

fn list_of(candidates: &[&CandidateFigures]) -> String {
    let shown: Vec<String> = candidates
        .iter()
        .take(6)
        .map(|c| format!("{} {}", c.name, inr(c.votes as f64)))
        .collect();
    let more = candidates.len().saturating_sub(6);
    if more > 0 {
        format!("{} and {more} more", shown.join(" + "))
    } else {
        shown.join(" + ")
    }
}
