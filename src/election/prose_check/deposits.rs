//! Claims about the deposit (RP Act 1951 s.158: a candidate below one sixth of the valid
//! votes of all candidates forfeits it, a winner never): how many lost it ("14 में से 13
//! उम्मीदवारों की ज़मानत ज़ब्त", "27 lost their deposits"), whether a named candidate kept it
//! ("K Surendran … kept his deposit"), by how much a candidate cleared the bar ("Patel
//! cleared it by 49,263") and the base of the bar ("नोटा छोड़कर कुल वैध वोट 11,30,143").

use super::numbers::{self, Quoted, is_word_char};
use super::{Checker, Named, find_word, has, quoted_text, ratio};
use crate::election::derive::{CandidateFigures, ResultFigures};
use crate::election::result::NOTA;
use crate::numfmt::inr_unsigned;

/// Words that say candidates lost the deposit.
const LOST: &[&str] = &[
    "ज़मानत ज़ब्त",
    "ज़मानत जब्त",
    "जमानत ज़ब्त",
    "जमानत जब्त",
    "ज़मानत नहीं बच",
    "जमानत नहीं बच",
    "ज़मानत भी नहीं बच",
    "जमानत भी नहीं बच",
    "lost their deposit",
    "lost his deposit",
    "lost her deposit",
    "lost the deposit",
    "lost deposits",
    "forfeited their deposit",
    "forfeited his deposit",
    "forfeited her deposit",
    "forfeited the deposit",
    "forfeited deposits",
    "forfeited",
    "forfeit their deposit",
    "forfeit his deposit",
    "forfeit her deposit",
    // "Twenty candidates, seventeen deposits lost": the count before the noun.
    "deposits lost",
    "deposits were lost",
    "deposits forfeited",
    "deposits were forfeited",
    "ज़मानतें ज़ब्त",
    "जमानतें जब्त",
];
/// Words that say candidates kept it.
const KEPT: &[&str] = &[
    "ज़मानत बचा",
    "ज़मानत बची",
    "जमानत बचा",
    "जमानत बची",
    "kept their deposit",
    "kept his deposit",
    "kept her deposit",
    "kept the deposit",
    "kept deposits",
    "saved their deposit",
    "saved his deposit",
    "saved her deposit",
    "retained their deposit",
    "retained his deposit",
    "retained her deposit",
];
/// A word that turns "kept" into "did not keep".
const NEGATIONS: &[&str] = &["not", "never", "नहीं"];

/// Before a figure: it is how far a candidate's votes are above the bar ("cleared it by
/// 12,572").
const CLEARED_BY: &[&str] = &[
    "cleared it by",
    "cleared the bar by",
    "cleared the threshold by",
    "cleared the mark by",
    "crossed it by",
    "crossed the bar by",
    "above the bar by",
    "over the bar by",
    "missed it by",
    "missed the bar by",
    "short of the bar by",
    "fell short by",
];
/// After a figure (and "votes"): the same ("49,623 votes above the bar").
const CLEARED_AFTER: &[&str] = &[
    "above the bar",
    "over the bar",
    "above the threshold",
    "over the threshold",
    "short of the bar",
    "below the bar",
    "short of the threshold",
    "below the threshold",
    // "ten of twelve forfeited, the Congress's Mashahary included, 90,862 votes short".
    "short",
    "below it",
    "above it",
    "over it",
    "under it",
    "clear of it",
];
/// In Hindi the bar is named before the figure and a comparing word follows it ("ज़मानत
/// की सीमा से 12,572 वोट ज़्यादा").
const BAR_WORDS_HI: &[&str] = &[
    "सीमा",
    "छठे हिस्से",
    "छठा हिस्सा",
    "ज़रूरी वोटों",
    "जरूरी वोटों",
    // "ज़मानत की करीब 1.74 लाख की रेखा से 62,048 वोट पीछे".
    "रेखा",
    "लकीर",
];
const ABOVE_BELOW_HI: &[&str] = &["ज़्यादा", "ज्यादा", "अधिक", "ऊपर", "कम", "पीछे"];

/// Words that leave NOTA out of a total ("नोटा छोड़कर", "without NOTA").
pub(super) const WITHOUT_NOTA: &[&str] = &[
    "नोटा छोड़कर",
    "नोटा को छोड़कर",
    "नोटा के बिना",
    "नोटा को छोड़",
    "नोटा हटा",
    "नोटा को हटा",
    "नोटा को अलग",
    "without nota",
    "excluding nota",
    "nota excluded",
    "nota left out",
    "leaving out nota",
    "leaving nota out",
    "leave out nota",
    "leave nota out",
    "not counting nota",
    "cast for candidates",
    "candidates' votes",
];

/// Words that count NOTA in a total ("नोटा को मिलाकर", "counting NOTA").
pub(super) const WITH_NOTA: &[&str] = &[
    "नोटा सहित",
    "नोटा समेत",
    "नोटा को मिलाकर",
    "नोटा मिलाकर",
    "नोटा को जोड़कर",
    "नोटा जोड़कर",
    "नोटा को शामिल कर",
    "नोटा शामिल कर",
    "including nota",
    "with nota",
    "counting nota",
    "nota included",
    "nota counted",
    "nota and all",
    "inclusive of nota",
];

/// Words after a count that leave those counted out of the claim.
const EXCEPT_WORDS: &[&str] = &["छोड़कर", "छोड़ कर", "को छोड़", "के अलावा", "के सिवा", "के सिवाय"];

/// What a deposit phrase says: lost or kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Said {
    Lost,
    Kept,
}

/// The deposit phrase of `clause` (lower case): what it says and where it starts.
fn deposit_phrase(clause: &str) -> Option<(Said, usize)> {
    // Every phrase of LOST and KEPT has one of these; most clauses have none, and each
    // `find` below sets up a searcher (a few dozen per clause were 7 % of a cold build).
    if !["deposit", "मानत", "forfeit"]
        .iter()
        .any(|w| has(clause, w))
    {
        return None;
    }
    if let Some(at) = LOST.iter().filter_map(|w| clause.find(w)).min() {
        return Some((Said::Lost, at));
    }
    let at = KEPT.iter().filter_map(|w| clause.find(w)).min()?;
    let negated = NEGATIONS.iter().any(|w| find_word(clause, w).is_some())
        || clause.contains("n't ")
        || clause.contains("failed to");
    Some((if negated { Said::Lost } else { Said::Kept }, at))
}

/// Words that say lost or kept of a deposit named earlier in the sentence.
const LOST_AGAIN: &[&str] = &[
    "lost theirs",
    "lost them",
    "forfeited theirs",
    "forfeited them",
    "की ज़ब्त",
    "की जब्त",
    "ज़ब्त हुई",
    "जब्त हुई",
    "ज़ब्त हो गई",
    "जब्त हो गई",
    "गँवाई",
    "गंवाई",
];
const KEPT_AGAIN: &[&str] = &[
    "kept theirs",
    "kept them",
    "saved theirs",
    "retained theirs",
    "की बची",
    "बचा ली",
    "बचा पाए",
];

/// The phrase of a clause that repeats lost or kept without the deposit's name.
fn elliptic_phrase(clause: &str) -> Option<(Said, usize)> {
    if let Some(at) = LOST_AGAIN.iter().filter_map(|w| clause.find(w)).min() {
        return Some((Said::Lost, at));
    }
    let at = KEPT_AGAIN.iter().filter_map(|w| clause.find(w)).min()?;
    Some((Said::Kept, at))
}

/// Small counts in `text` written in digits or words ("27", "नौ", "Thirteen"), years left
/// out: (byte range, value).
fn small_counts(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        let word = &text[s..e];
        let digits: String = word.chars().filter_map(numbers::ascii_digit).collect();
        let value = if digits.chars().count() == word.chars().count() {
            digits.parse::<usize>().ok()
        } else {
            // "बाकी पाँचों", "तीनों", "दोनों": all five (three, both) of them.
            // (Only of candidates: "तीनों बड़े दलों के" counts parties.)
            // ("आठों की ज़मानत": of the candidates the deposit is of.)
            let of_candidates = [
                "उम्मीदवारों",
                "प्रत्याशियों",
                "की ज़मानत",
                "की जमानत",
                "की ज़ब्त",
                "की जब्त",
            ]
            .iter()
            .any(|n| text[e..].trim_start().starts_with(n))
                // (A clause's head cut before "ज़मानत ज़ब्त": "… आठों की ".)
                || text[e..].trim() == "की";
            let all_of = match word {
                "दोनों" => Some(2.0),
                _ => word.strip_suffix("ों").and_then(numbers::small_number),
            }
            .filter(|_| of_candidates);
            numbers::small_number(word).or(all_of).map(|v| v as usize)
        };
        if let Some(v) = value.filter(|v| *v < 300)
            && !numbers::labels_a_number(text, s)
        {
            out.push((s, e, v));
        }
    };
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    // "twenty-nine", "Thirty one": a tens word and a units word are one count.
    let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(out.len());
    for (s, e, v) in out {
        if let Some(last) = merged.last_mut() {
            let gap = &text[last.1..s];
            let tens = (20..100).contains(&last.2) && last.2 % 10 == 0;
            if tens && (1..10).contains(&v) && (gap == "-" || gap == " ") {
                *last = (last.0, e, last.2 + v);
                continue;
            }
        }
        merged.push((s, e, v));
    }
    merged
}

/// A result's candidates, NOTA left out (the field).
pub(super) fn candidates(r: &ResultFigures) -> impl Iterator<Item = &CandidateFigures> {
    r.candidates.iter().filter(|c| c.party != NOTA)
}

impl Checker<'_> {
    /// The results a deposit claim is about: those the sentence names, else those of the
    /// paragraph so far (a section "## Rae Bareli" then "seven lost their deposits"), else
    /// all of the page.
    fn deposit_scope(&self, named: &Named, paragraph: &[usize]) -> Vec<usize> {
        if !named.results.is_empty() {
            named.results.clone()
        } else if !paragraph.is_empty() {
            paragraph.to_vec()
        } else {
            (0..self.results.len()).collect()
        }
    }

    /// "13 में से 12 उम्मीदवारों की ज़मानत ज़ब्त", "Thirteen of the 14 candidates forfeited
    /// their deposits", "27 lost their deposits": the count must be the data's.
    pub(super) fn deposit_count_claim(
        &self,
        sentence: &str,
        lower: &str,
        named: &Named,
        paragraph: &[usize],
    ) -> Option<(usize, String)> {
        // The sentence's clauses, cut once for it (`named` is of this sentence): each that
        // says who lost or kept the deposit, and after the first, each that says it again
        // without the word ("the top three kept their deposits and the other twelve lost
        // theirs", "पहले तीन की ज़मानत बची और बाक़ी नौ की ज़ब्त हुई").
        let mut phrases: Vec<(usize, Said, usize, usize)> = Vec::new();
        for &(a, b) in &named.clauses {
            let Some(clause) = lower.get(a..b) else {
                continue;
            };
            let found = deposit_phrase(clause).or_else(|| {
                (!phrases.is_empty())
                    .then(|| elliptic_phrase(clause))
                    .flatten()
            });
            if let Some((said, at)) = found {
                phrases.push((a, said, a + at, b));
            }
        }
        phrases.into_iter().enumerate().find_map(|(i, phrase)| {
            self.deposit_count_in_clause(sentence, lower, named, paragraph, phrase, i == 0)
        })
    }

    fn deposit_count_in_clause(
        &self,
        sentence: &str,
        lower: &str,
        named: &Named,
        paragraph: &[usize],
        (mut clause_start, said, phrase_at, clause_end): (usize, Said, usize, usize),
        first: bool,
    ) -> Option<(usize, String)> {
        let mut head = &lower[clause_start..phrase_at];
        let mut counts = small_counts(head);
        // "11 of the 14 candidates, everyone but the first two, lost their deposits": the
        // part and the whole said in a clause before the phrase's own (of the first phrase
        // only: "Six of the eight lost their deposits; only the winner and the runner-up
        // kept theirs" gives the six of the first).
        if counts.is_empty() && first {
            let before = &lower[..phrase_at];
            let earlier = small_counts(before);
            // Only a part and its whole side by side: "11 of the 14", "चौदह में से तेरह",
            // "14 उम्मीदवारों में से 12" (not "all of them", "one sixth of").
            let pair = earlier.windows(2).find(|w| {
                let between = before[w[0].1..w[1].0].trim();
                ["of", "of the"].contains(&between)
                    || between.ends_with("में से") && between.split_whitespace().count() <= 3
            });
            if let Some(pair) = pair {
                clause_start = 0;
                head = before;
                counts = pair.to_vec();
            }
        }
        // "ज़मानत ज़ब्त: 13 प्रत्याशियों की": the count after a colon that follows the phrase.
        if counts.is_empty()
            && let Some(colon) = lower.get(phrase_at..clause_end).and_then(|t| t.find(':'))
            && colon < 40
        {
            let after_at = phrase_at + colon + 1;
            let after = &lower[after_at..clause_end];
            if let Some(&(s, e, v)) = small_counts(after).first()
                && after[..s].trim().is_empty()
            {
                clause_start = after_at;
                head = after;
                counts = vec![(s, e, v)];
            }
        }
        // "पहले दो को छोड़कर बाकी पाँचों": the count before the word that leaves them out is
        // of those who kept it.
        if let Some(except) = EXCEPT_WORDS.iter().filter_map(|w| head.find(w)).min() {
            counts.retain(|(s, _, _)| *s > except);
        }
        // "13 में से 12", "Thirteen of the 14": the count is the part, not the whole.
        let count = if let Some(of) = head.find(" में से ") {
            counts.iter().find(|(s, _, _)| *s > of).copied()
        } else if let Some(of) = find_word(head, "of") {
            counts.iter().rev().find(|(_, e, _)| *e <= of).copied()
        } else if let [one] = counts.as_slice() {
            Some(*one)
        } else {
            None
        };
        let (s, e, typed) = count?;
        // "31 उम्मीदवारों में से 29", "Twenty-nine of the 31 candidates": the whole is the
        // number of candidates, which tells the seat on a page of several.
        let whole = counts
            .iter()
            .find(|(cs, _, v)| *cs != s && *v > typed)
            .map(|(_, _, v)| *v);
        let (s, e) = (clause_start + s, clause_start + e);
        let mut scope = self.deposit_scope(named, paragraph);
        if let Some(whole) = whole {
            let fielded = |i: &usize| candidates(self.result(*i)).count() == whole;
            let all: Vec<usize> = (0..self.results.len()).filter(fielded).collect();
            if !scope.iter().any(fielded) && !all.is_empty() {
                scope = all;
            }
        }
        let figures: Vec<(usize, usize)> = scope
            .iter()
            .filter_map(|i| {
                let r = self.result(*i);
                let lost = r.deposits_forfeited?;
                let n = match said {
                    Said::Lost => lost,
                    Said::Kept => candidates(r).count().saturating_sub(lost),
                };
                Some((*i, n))
            })
            .collect();
        // "पाँचों सीटों पर कुल 78 उम्मीदवार थे, जिनमें से 68 की …": a sum over the seats.
        let page_sum: usize = (0..self.results.len())
            .filter_map(|i| self.result(i).deposits_forfeited)
            .sum();
        let scope_sum: usize = figures.iter().map(|(_, n)| n).sum();
        if figures.is_empty()
            || figures.iter().any(|(_, n)| *n == typed)
            || (said == Said::Lost && (typed == page_sum || typed == scope_sum))
        {
            return None;
        }
        let verb = match said {
            Said::Lost => "lost",
            Said::Kept => "kept",
        };
        let typed_text = &sentence[s..e];
        if let [(i, n)] = figures.as_slice() {
            let r = self.result(*i);
            let kept: Vec<String> = candidates(r)
                .filter(|c| c.deposit_forfeited == Some(false))
                .map(|c| format!("{} ({})", c.name, c.party))
                .collect();
            let threshold = r.deposit_threshold.map(inr_unsigned).unwrap_or_default();
            let who_kept = if kept.len() <= 3 {
                format!("; kept it: {}", kept.join(", "))
            } else {
                String::new()
            };
            return Some((
                s,
                format!(
                    "{typed_text} in the text: {typed} candidates {verb} the deposit, but the data says {n} did in {} (the bar is {threshold} votes, one sixth of the valid votes without NOTA{who_kept})",
                    r.election
                ),
            ));
        }
        let each: Vec<String> = figures
            .iter()
            .map(|(i, n)| {
                let r = self.result(*i);
                format!("{n} in {}, {}", r.constituency, r.election)
            })
            .collect();
        Some((
            s,
            format!(
                "{typed_text} in the text: {typed} candidates {verb} the deposit, but the data says {}",
                each.join("; ")
            ),
        ))
    }

    /// "BJP's K Surendran came third with 1,41,045 and kept his deposit": said of one
    /// named candidate, kept or lost must be what their votes give.
    pub(super) fn deposit_kept_claim(
        &self,
        lower: &str,
        named: &Named,
        paragraph: &[usize],
    ) -> Option<(usize, String)> {
        let all = &named.clauses;
        let (k, said, phrase_at) = all.iter().enumerate().find_map(|(k, (a, b))| {
            let (said, at) = deposit_phrase(lower.get(*a..*b)?)?;
            Some((k, said, a + at))
        })?;
        let (clause_start, _) = all[k];
        // A count before the phrase is deposit_count_claim's.
        if !small_counts(&lower[clause_start..phrase_at]).is_empty() {
            return None;
        }
        let scope = self.deposit_scope(named, paragraph);
        let in_scope = |who: &str| -> Vec<(usize, &CandidateFigures)> {
            scope
                .iter()
                .flat_map(|i| {
                    candidates(self.result(*i))
                        .filter(move |c| c.name == who || c.party == who)
                        .map(move |c| (*i, c))
                })
                .collect()
        };
        // Whom the clause names, else the nearest name before it in the sentence.
        let here: Vec<&(String, usize)> = named
            .who
            .iter()
            .filter(|(_, at)| *at >= clause_start && *at < phrase_at)
            .collect();
        // "नौ में से सात उम्मीदवार इससे नीचे रहे और उनकी ज़मानत ज़ब्त हुई": a clause that
        // names no one after a count of candidates is about those candidates.
        let group_before = || {
            small_counts(&lower[..clause_start])
                .iter()
                .any(|(_, e, _)| {
                    let next = lower[*e..].trim_start();
                    ["उम्मीदवार", "प्रत्याशी", "candidates", "others", "of them"]
                        .iter()
                        .any(|n| next.starts_with(n))
                })
        };
        if here.is_empty() && group_before() {
            return None;
        }
        let who = if here.is_empty() {
            named.who.iter().rfind(|(_, at)| *at < clause_start)
        } else {
            here.last().copied()
        }?;
        // The candidate (a party stands for its candidate); one person only.
        let mut found = in_scope(&who.0);
        found.dedup_by(|a, b| a.1.name == b.1.name && a.0 == b.0);
        let [(i, c)] = found.as_slice() else {
            return None;
        };
        let lost = c.deposit_forfeited?;
        let r = self.result(*i);
        let threshold = inr_unsigned(r.deposit_threshold?);
        let message = match (said, lost) {
            (Said::Kept, true) => format!(
                "the text says {} ({}) kept the deposit, but {} votes are fewer than the {threshold} needed to keep it (one sixth of the valid votes without NOTA) in {}",
                c.name,
                c.party,
                inr_unsigned(c.votes),
                r.election
            ),
            (Said::Lost, false) => format!(
                "the text says {} ({}) lost the deposit, but {} votes are at least the {threshold} needed to keep it (one sixth of the valid votes without NOTA) in {}",
                c.name,
                c.party,
                inr_unsigned(c.votes),
                r.election
            ),
            _ => return None,
        };
        Some((phrase_at, message))
    }

    /// "Anil Joshi cleared it by 12,752", "ज़मानत की सीमा से 12,572 वोट ज़्यादा": how far a
    /// named candidate's votes are from the bar. None: not such a figure; Some(None): right.
    pub(super) fn deposit_margin_claim(
        &self,
        q: &Quoted,
        sentence: &str,
        named: &Named,
        deposit_near: bool,
        paragraph: &[usize],
    ) -> Option<Option<String>> {
        if q.measure != numbers::Measure::Count || q.year || !deposit_near {
            return None;
        }
        let before = numbers::lowercase(sentence[..q.start].trim_end());
        // "cleared it by just 1,573", "fell short by more than 1.4 lakh": the word between
        // says how exact the figure is, not what it measures.
        let mut bound: Option<bool> = None;
        let mut before: &str = before.as_ref();
        loop {
            let trimmed = before.trim_end();
            if let Some(rest) = [
                "just", "only", "barely", "a mere", "about", "nearly", "some",
            ]
            .iter()
            .find_map(|w| trimmed.strip_suffix(w))
            .filter(|r| r.ends_with(' '))
            {
                before = rest;
            } else if let Some(rest) = trimmed
                .strip_suffix("more than")
                .filter(|r| r.ends_with(' '))
            {
                bound = Some(true);
                before = rest;
            } else if let Some(rest) = ["less than", "fewer than"]
                .iter()
                .find_map(|w| trimmed.strip_suffix(w))
                .filter(|r| r.ends_with(' '))
            {
                bound = Some(false);
                before = rest;
            } else {
                before = trimmed;
                break;
            }
        }
        let after = numbers::lowercase(sentence[q.end..].trim_start());
        let after = ["votes ", "vote ", "वोट ", "वोटों ", "मत "]
            .iter()
            .find_map(|v| after.strip_prefix(v))
            .unwrap_or(&after)
            .to_string();
        let english = CLEARED_BY.iter().any(|w| before.ends_with(w))
            || CLEARED_AFTER.iter().any(|w| after.starts_with(w));
        let hindi = before.ends_with(" से")
            && BAR_WORDS_HI.iter().any(|w| before.contains(w))
            && ABOVE_BELOW_HI.iter().any(|w| numbers::word_at(&after, w));
        if !english && !hindi {
            return None;
        }
        let scope = self.deposit_scope(named, paragraph);
        // Whom the sentence names before the figure, in the results in scope: one person.
        let mut found: Vec<(usize, &CandidateFigures)> = scope
            .iter()
            .flat_map(|i| {
                candidates(self.result(*i))
                    .filter(|c| {
                        named
                            .who
                            .iter()
                            .any(|(w, at)| *at < q.start && (c.name == *w || c.party == *w))
                    })
                    .map(move |c| (*i, c))
            })
            .collect();
        found.dedup_by(|a, b| a.0 == b.0 && a.1.name == b.1.name);
        let [(i, c)] = found.as_slice() else {
            return None;
        };
        let r = self.result(*i);
        let threshold = r.deposit_threshold?;
        let gap = c.votes.abs_diff(threshold);
        let holds = match bound {
            Some(true) => gap as f64 > q.value,
            Some(false) => (gap as f64) < q.value,
            // One sixth worked out without rounding up is a vote less.
            None => q.states(gap as f64) || (q.step == 1.0 && (q.value - gap as f64).abs() <= 1.0),
        };
        if holds {
            return Some(None);
        }
        Some(Some(format!(
            "{}{} in the text, but {} ({}) polled {} votes, {} {} the {} needed to keep the deposit in {}",
            match bound {
                Some(true) => "more than ",
                Some(false) => "less than ",
                None => "",
            },
            quoted_text(sentence, q),
            c.name,
            c.party,
            inr_unsigned(c.votes),
            inr_unsigned(gap),
            if c.votes >= threshold {
                "above"
            } else {
                "below"
            },
            inr_unsigned(threshold),
            r.election
        )))
    }

    /// "नोटा छोड़कर कुल वैध वोट (11,30,143)": a total said to leave NOTA out that is the
    /// total with NOTA in (or the other way round).
    pub(super) fn nota_base_claim(
        &self,
        q: &Quoted,
        sentence: &str,
        quoted: &[Quoted],
        named: &Named,
    ) -> Option<String> {
        if q.measure != numbers::Measure::Count || q.step != 1.0 || q.value < 1000.0 {
            return None;
        }
        let clause = numbers::lowercase(super::clause_around(sentence, q));
        let mut without = WITHOUT_NOTA.iter().any(|w| clause.contains(w));
        let mut with = WITH_NOTA.iter().any(|w| find_word(&clause, w).is_some());
        if !without && !with {
            // "Counting NOTA, 2,00,705 valid votes were cast": said in a clause before.
            let before = numbers::lowercase(&sentence[..q.start]);
            without = WITHOUT_NOTA.iter().any(|w| before.contains(w));
            with = WITH_NOTA.iter().any(|w| find_word(&before, w).is_some());
        }
        if without == with {
            return None;
        }
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        scope.iter().find_map(|i| {
            let r = self.result(*i);
            let nota = r.total != r.total_without_nota;
            let (typed_as, meant, said) = if without {
                (r.total, r.total_without_nota, "without NOTA")
            } else {
                (r.total_without_nota, r.total, "with NOTA")
            };
            (nota && q.states(typed_as as f64) && !q.states(meant as f64)).then(|| {
                format!(
                    "{} in the text is the valid votes {} of {}, but the text says {said}: the data says {}",
                    quoted_text(sentence, q),
                    if without { "with NOTA" } else { "without NOTA" },
                    r.election,
                    inr_unsigned(meant)
                )
            })
        })
        .or_else(|| {
            // "नोटा को मिलाकर कुल 15,68,755 वैध वोट" for 15,86,755: a total said with (or
            // without) NOTA that is neither, close to the one it says.
            let total_word = ["कुल", "वैध", "valid", "total"]
                .iter()
                .any(|w| clause.contains(w));
            // A part ("ईवीएम के 10,94,908 और डाक के 24,019 मिलाकर नोटा समेत 11,18,927"),
            // or the sentence has the total besides.
            let part_word = ["ईवीएम", "evm", "डाक", "postal"]
                .iter()
                .any(|w| clause.contains(w));
            if !total_word || part_word {
                return None;
            }
            // The sentence's other numbers, as the sentence read them.
            let total_besides = quoted.iter().any(|o| {
                o.start != q.start
                    && scope.iter().any(|i| {
                        let r = self.result(*i);
                        o.states(r.total as f64) || o.states(r.total_without_nota as f64)
                    })
            });
            if total_besides {
                return None;
            }
            let totals = |r: &ResultFigures| match without {
                true => r.total_without_nota,
                false => r.total,
            };
            let any_states = scope.iter().any(|i| {
                let r = self.result(*i);
                q.states(r.total as f64) || q.states(r.total_without_nota as f64)
            });
            let near: Vec<&ResultFigures> = scope
                .iter()
                .map(|i| self.result(*i))
                .filter(|r| ratio(q.value, totals(r) as f64) <= 1.05)
                .collect();
            match (any_states, near.as_slice()) {
                (false, [r]) => Some(format!(
                    "{} in the text as the valid votes {}, the data says {} for {}",
                    quoted_text(sentence, q),
                    if without { "without NOTA" } else { "with NOTA" },
                    inr_unsigned(totals(r)),
                    r.election
                )),
                _ => None,
            }
        })
    }
}
