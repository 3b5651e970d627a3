//! How far one candidate finished from another: "Ravindran finished 1,10,507 votes behind
//! the winner", "7,675 votes ahead of Sandhu", "वे मोदी से 1.5 लाख से ज़्यादा पीछे रहे",
//! "वे जीत के अंतर से करीब आठ हज़ार कम थे". The gap is the difference of their votes (or of
//! a candidate's votes and the margin), which an editor works out and can get wrong.

use super::numbers::{self, Quoted};
use super::{APPROX_BEFORE, Bound, Checker, Context, Named, quoted_text, ratio};
use crate::election::derive::CandidateFigures;
use crate::election::result::NOTA;
use crate::numfmt::inr_unsigned;

/// The other side of a gap.
enum Other<'a> {
    Candidate(&'a str),
    Rank(usize),
    Margin,
}

/// Words after "से" (and the figure) that make it a gap in Hindi.
const HINDI_GAP_WORDS: &[&str] = &["पीछे", "आगे", "कम", "ज़्यादा", "ज्यादा", "अधिक"];
/// Bounds between the figure and the gap word ("1.6 लाख से ज़्यादा पीछे").
const HINDI_BOUNDS: &[&str] = &["से ज़्यादा ", "से ज्यादा ", "से अधिक ", "से कम "];

impl Checker<'_> {
    /// None: not a gap between two named sides; Some(None): the gap is right.
    pub(super) fn gap_claim(
        &self,
        q: &Quoted,
        context: &Context,
        sentence: &str,
        named: &Named,
        whole: &Named,
        parts_near: bool,
    ) -> Option<Option<String>> {
        let (bound, approx) = (context.bound, context.approx);
        if q.measure != numbers::Measure::Count || q.year || q.value < 100.0 {
            return None;
        }
        let lower = numbers::lowercase(sentence);
        let after_at = q.end + (sentence[q.end..].len() - sentence[q.end..].trim_start().len());
        let after = &lower[after_at..];
        let (after, skipped) = ["votes ", "vote ", "वोटों ", "वोट ", "मतों "]
            .iter()
            .find_map(|v| after.strip_prefix(v).map(|r| (r, v.len())))
            .unwrap_or((after, 0));
        let other_at = after_at + skipped;
        let other = if let Some(rest) = ["ahead of ", "behind "]
            .iter()
            .find_map(|w| after.strip_prefix(w).map(|r| (r, w.len())))
        {
            let (rest, len) = rest;
            let rest_trim = rest.strip_prefix("the ").unwrap_or(rest);
            let at = other_at + len + (rest.len() - rest_trim.len());
            if numbers::word_at(rest_trim, "winner") {
                Other::Rank(1)
            } else if numbers::word_at(rest_trim, "runner-up") {
                Other::Rank(2)
            } else {
                let (who, _) = named
                    .who
                    .iter()
                    .find(|(_, w)| *w == at || *w == other_at + len)?;
                Other::Candidate(who)
            }
        } else {
            // Hindi: "मोदी से 1.6 लाख (से ज़्यादा) पीछे".
            let rest = HINDI_BOUNDS
                .iter()
                .find_map(|b| after.strip_prefix(b))
                .unwrap_or(after);
            // "… से एक लाख से अधिक वोट पीछे": the votes word after the bound.
            let rest = ["वोटों ", "वोट ", "मतों "]
                .iter()
                .find_map(|v| rest.strip_prefix(v))
                .unwrap_or(rest);
            if !HINDI_GAP_WORDS.iter().any(|w| numbers::word_at(rest, w)) {
                return None;
            }
            let mut head = lower[..q.start].trim_end();
            for w in APPROX_BEFORE.iter().chain(["सिर्फ़", "केवल", "महज़"].iter())
            {
                head = head.strip_suffix(w).unwrap_or(head).trim_end();
            }
            let head = head.strip_suffix(" से")?.trim_end();
            if head.ends_with("अंतर") || head.ends_with("अन्तर") {
                Other::Margin
            } else if head.ends_with("विजेता") {
                Other::Rank(1)
            } else if let Some((_, k)) = [
                ("पहले स्थान", 1),
                ("दूसरे स्थान", 2),
                ("तीसरे स्थान", 3),
                ("उपविजेता", 2),
                ("दूसरे नंबर", 2),
            ]
            .iter()
            .find(|(w, _)| head.ends_with(w))
            {
                // "वे दूसरे स्थान से 5,16,589 वोट पीछे रहीं".
                Other::Rank(*k)
            } else {
                // The name that ends right before "से". Another side ("रेखा से एक लाख से
                // अधिक वोट पीछे": behind the deposit line) still makes the figure a gap,
                // not anyone's votes: one this cannot measure.
                let Some((who, _)) = named
                    .who
                    .iter()
                    .filter(|(_, at)| *at < head.len() && head.len() - at <= 60)
                    .rfind(|(w, at)| {
                        self.names
                            .iter()
                            .filter(|(n, _)| n == w)
                            .flat_map(|(_, forms)| forms)
                            .any(|f| lower[*at..head.len()].trim_end() == f.as_str())
                    })
                else {
                    // (Only a line: a seat's name there, "कोरबा से २,२०,५४२ वोट ज़्यादा",
                    // compares the seats' totals, "2019 से 50,000 ज़्यादा" two elections:
                    // other readings'.)
                    let a_line = ["रेखा", "सीमा", "लाइन"]
                        .iter()
                        .any(|w| numbers::word_at_end(head, w));
                    return a_line.then_some(None);
                };
                Other::Candidate(who)
            }
        };
        // "मोदी का अंतर राजनाथ सिंह के अंतर से 17,354 ज़्यादा": a gap between two margins,
        // not between votes.
        // Counted in the figure's own clause: "Iman's total was more than five times the
        // margin, and only 33,894 behind Alam's" measures votes.
        let clause_start = [
            ", and ",
            "; ",
            ", but ",
            ", while ",
            " और ",
            "जबकि",
            ", पर ",
        ]
        .iter()
        .filter_map(|w| lower[..q.start].rfind(w).map(|at| at + w.len()))
        .max()
        .unwrap_or(0);
        let margins_before = ["अंतर", "अन्तर", "margin"]
            .iter()
            .map(|w| lower[clause_start..q.start].matches(w).count())
            .sum::<usize>();
        let own = usize::from(matches!(other, Other::Margin));
        if margins_before != own {
            return None;
        }
        // "झामुमो और जयराम महतो के वोट जोड़ें, तो 7,17,581 बनते हैं, विजेता से 2,66,442
        // ज़्यादा": a figure after the last name before this one is the side measured (a
        // sum the sentence made), not that name.
        let last_name_at = named
            .who
            .iter()
            .filter(|(_, at)| *at < q.start)
            .map(|(_, at)| *at)
            .max();
        let figure_side = numbers::numbers(sentence).into_iter().rfind(|f| {
            f.end <= q.start
                && !f.year
                && f.measure == numbers::Measure::Count
                && f.value >= 1000.0
                && last_name_at.is_none_or(|at| f.start > at)
        });
        // Only a figure that is no candidate's own vote ("X got 4,76,506, 28,670 ahead of
        // Y" measures X).
        let a_vote = |f: &Quoted| {
            (0..self.results.len()).any(|i| {
                self.result(i)
                    .candidates
                    .iter()
                    .any(|c| f.states(c.votes as f64))
            })
        };
        // And only in a sentence that adds votes up ("Ravindran finished 1,01,507 behind
        // the winner and more than 1,00,000 behind Chandrasekhar" measures Ravindran).
        let adds_up = [
            "जोड़",
            "जोड़",
            "मिलाकर",
            "मिला कर",
            "together",
            "combined",
            "between them",
            "added up",
        ]
        .iter()
        .any(|w| lower[..q.start].contains(w));
        if let Some(side) = figure_side.filter(|f| adds_up && !a_vote(f)) {
            let measured = |v: u64| match bound {
                Some(Bound::More) => (side.value - v as f64).abs() > q.value,
                Some(Bound::Less) => (side.value - v as f64).abs() < q.value,
                None => q.states((side.value - v as f64).abs()),
            };
            let scope: Vec<usize> = if named.results.is_empty() {
                (0..self.results.len()).collect()
            } else {
                named.results.clone()
            };
            let held = scope.iter().any(|i| {
                let r = self.result(*i);
                match &other {
                    Other::Candidate(w) => r
                        .candidates
                        .iter()
                        .filter(|c| c.name == *w || c.party == *w)
                        .any(|c| measured(c.votes)),
                    Other::Rank(k) => r
                        .candidates
                        .iter()
                        .filter(|c| c.rank == Some(*k))
                        .any(|c| measured(c.votes)),
                    Other::Margin => r.margin.is_some_and(measured),
                }
            });
            // A gap from a figure of the text's own is judged only where it holds.
            return held.then_some(None);
        }
        // The side the sentence is about: the nearest name before the figure that is not
        // the other side.
        let other_name = match &other {
            Other::Candidate(w) => Some(*w),
            _ => None,
        };
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        let pick = |who: &str, i: usize| -> Option<&CandidateFigures> {
            let r = self.result(i);
            let found: Vec<&CandidateFigures> = r
                .candidates
                .iter()
                .filter(|c| c.party != NOTA && (c.name == who || c.party == who))
                .collect();
            match found.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        };
        let mut pairs: Vec<(usize, &CandidateFigures, u64, String)> = Vec::new();
        for i in scope {
            let r = self.result(i);
            let other_side: Option<(u64, String)> = match &other {
                Other::Candidate(w) => pick(w, i).map(|c| {
                    let label = format!("{} ({}) {}", c.name, c.party, inr_unsigned(c.votes));
                    (c.votes, label)
                }),
                Other::Rank(k) => r.candidates.iter().find(|c| c.rank == Some(*k)).map(|c| {
                    let label = format!("{} ({}) {}", c.name, c.party, inr_unsigned(c.votes));
                    (c.votes, label)
                }),
                Other::Margin => r
                    .margin
                    .map(|m| (m, format!("the margin was {}", inr_unsigned(m)))),
            };
            let Some((other_votes, other_label)) = other_side else {
                continue;
            };
            // "Iman's total was five times the margin, and only 33,894 behind Alam's": a
            // clause that names only the other side goes on about the sentence's subject.
            let before = |names: &Named| {
                names
                    .who
                    .iter()
                    .filter(|(w, at)| *at < q.start && Some(w.as_str()) != other_name)
                    .rev()
                    .find_map(|(w, _)| pick(w, i))
            };
            let this = before(named).or_else(|| before(whole));
            let Some(this) = this else { continue };
            if other_name.is_some_and(|o| this.name == o || this.party == o) {
                continue;
            }
            // "बाकी सभी 18 उम्मीदवारों के वोट … यानी विजेता से 1,59,451 कम", after the
            // winner was named: the side is not the winner, whom no gap measures from
            // themselves.
            if matches!(other, Other::Rank(k) if this.rank == Some(k)) {
                continue;
            }
            pairs.push((i, this, other_votes, other_label));
        }
        let holds = |gap: f64| match bound {
            Some(Bound::More) => gap > q.value,
            Some(Bound::Less) => gap < q.value,
            None => q.states(gap) || (approx && ratio(q.value, gap) <= 1.1),
        };
        // "हरदोई की बसपा को एटा की बसपा से 51,044 वोट ज़्यादा", "उषा वर्मा को राजवीर सिंह से
        // 11,186 ज़्यादा" (of two seats): sides in two results of the page. Only a gap
        // that holds is taken so; one that does not is judged within one result as above.
        if let Other::Candidate(o) = &other {
            let results: Vec<usize> = (0..self.results.len()).collect();
            let cross = results.iter().any(|i| {
                results.iter().filter(|j| *j != i).any(|j| {
                    let Some(theirs) = pick(o, *j) else {
                        return false;
                    };
                    named
                        .who
                        .iter()
                        .filter(|(_, at)| *at < q.start)
                        .filter_map(|(w, _)| pick(w, *i))
                        .any(|this| holds(this.votes.abs_diff(theirs.votes) as f64))
                })
            });
            if cross {
                return Some(None);
            }
        }
        if pairs.is_empty() {
            return None;
        }
        if pairs
            .iter()
            .any(|(_, c, v, _)| holds(c.votes.abs_diff(*v) as f64))
        {
            return Some(None);
        }
        // "The postal ballots told a different story … which put the winner 278 behind the
        // Congress": in a sentence on postal or EVM votes, a gap that is exactly that of
        // two candidates' postal or EVM votes is theirs.
        if bound.is_none() && parts_near {
            let part_gap = pairs.iter().any(|(i, ..)| {
                let cs: Vec<&CandidateFigures> = self
                    .result(*i)
                    .candidates
                    .iter()
                    .filter(|c| c.party != NOTA)
                    .collect();
                cs.iter().enumerate().any(|(k, a)| {
                    cs[k + 1..].iter().any(|b| {
                        [(a.postal, b.postal), (a.evm, b.evm)]
                            .iter()
                            .any(|pair| match pair {
                                (Some(x), Some(y)) => q.states(x.abs_diff(*y) as f64),
                                _ => false,
                            })
                    })
                })
            });
            if part_gap {
                return Some(None);
            }
        }
        // "वे दूसरे स्थान से 5,16,589 वोट पीछे रहीं": whom "वे" means may lie two sentences
        // back; a gap typed to the vote that is exactly some candidate's is taken as theirs.
        if bound.is_none()
            && q.step <= 1.0
            && q.value >= 1000.0
            && pairs.iter().any(|(i, _, v, _)| {
                self.result(*i)
                    .candidates
                    .iter()
                    .filter(|c| c.party != NOTA)
                    .any(|c| q.states(c.votes.abs_diff(*v) as f64))
            })
        {
            return Some(None);
        }
        let (i, c, v, label) = &pairs[0];
        let gap = c.votes.abs_diff(*v);
        let claim = match bound {
            Some(Bound::More) => format!(" claims more than {}", inr_unsigned(q.value as u64)),
            Some(Bound::Less) => format!(" claims less than {}", inr_unsigned(q.value as u64)),
            None => String::new(),
        };
        Some(Some(format!(
            "{} in the text{claim}, but {} ({}) polled {} and {label}: {} apart in {}",
            quoted_text(sentence, q),
            c.name,
            c.party,
            inr_unsigned(c.votes),
            inr_unsigned(gap),
            self.result(*i).election
        )))
    }
}

/// Comparatives after a distance from a reference share ("0.56 अंक कम").
const REFERENCE_COMPARATIVES: &[&str] = &[
    "कम",
    "पीछे",
    "ज़्यादा",
    "ज्यादा",
    "अधिक",
    "आगे",
    "ऊपर",
    "नीचे",
    "दूर",
];
/// English words between a distance and its reference ("0.56 points short of 50 per cent").
const REFERENCE_LINKS: &[&str] = &[
    "short of",
    "below",
    "under",
    "above",
    "over",
    "more than",
    "less than",
    "from",
    "off",
];

impl Checker<'_> {
    /// "50 प्रतिशत से 0.56 अंक कम", "0.56 points short of 50 per cent", "आधे वोटों से चार
    /// अंक पीछे": a share measured from a round reference (half the votes). The reference
    /// is no claim about the data; the distance is, for whom the sentence names.
    /// None: no such reference; Some(None): fine.
    pub(super) fn reference_gap_claim(
        &self,
        q: &Quoted,
        sentence: &str,
        named: &Named,
    ) -> Option<Option<String>> {
        if q.measure == numbers::Measure::Count {
            return None;
        }
        let before = numbers::lowercase(super::sums::window_before(sentence, q.start).trim_end());
        let after = numbers::lowercase(super::sums::window_after(sentence, q.end).trim_start());
        let words_after: Vec<&str> = after.split_whitespace().take(5).collect();
        match q.measure {
            numbers::Measure::Percent => {
                // The reference: "50 प्रतिशत से [करीब] 0.56 अंक कम".
                let hindi = words_after.first() == Some(&"से")
                    && words_after.iter().skip(1).any(|w| w.starts_with("अंक"));
                let english = ["points", "point", "percentage points"].iter().any(|p| {
                    REFERENCE_LINKS
                        .iter()
                        .any(|l| before.ends_with(&format!("{p} {l}")))
                });
                (hindi || english).then_some(None)
            }
            numbers::Measure::Points => {
                let reference = reference_before(&before)
                    .filter(|_| {
                        words_after
                            .iter()
                            .take(2)
                            .any(|w| REFERENCE_COMPARATIVES.iter().any(|c| w.starts_with(c)))
                    })
                    .or_else(|| reference_after(&after))?;
                let scope: Vec<usize> = if named.results.is_empty() {
                    (0..self.results.len()).collect()
                } else {
                    named.results.clone()
                };
                let shares: Vec<(&CandidateFigures, f64)> = scope
                    .iter()
                    .flat_map(|i| self.result(*i).candidates.iter())
                    .filter(|c| named.who.iter().any(|(w, _)| *w == c.name))
                    .filter_map(|c| c.share.map(|s| (c, s)))
                    .collect();
                let (c, share) = *shares.first()?;
                if shares
                    .iter()
                    .any(|(_, s)| q.states(((s - reference) * 100.0).round() / 100.0))
                {
                    return Some(None);
                }
                Some(Some(format!(
                    "{} in the text from {}%, but {} ({}) had {share:.2}%, {:.2} points from it",
                    quoted_text(sentence, q),
                    reference,
                    c.name,
                    c.party,
                    (share - reference).abs()
                )))
            }
            numbers::Measure::Count => None,
        }
    }
}

/// "50 प्रतिशत से", "आधे वोटों से [करीब]" before a distance: the reference share.
fn reference_before(before: &str) -> Option<f64> {
    let before = ["करीब", "क़रीब", "लगभग", "सिर्फ़", "सिर्फ", "केवल", "ज़रा", "मात्र"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before)
        .trim_end();
    let head = before.strip_suffix("से")?.trim_end();
    if ["आधे", "आधे वोटों", "आधे वोट", "आधे मतों"]
        .iter()
        .any(|h| head.ends_with(h))
    {
        return Some(50.0);
    }
    let q = numbers::numbers(head).pop()?;
    (q.measure == numbers::Measure::Percent && q.end == head.len()).then_some(q.value)
}

/// "short of 50 per cent", "below half" after a distance: the reference share.
fn reference_after(after: &str) -> Option<f64> {
    let rest = REFERENCE_LINKS
        .iter()
        .find_map(|l| after.strip_prefix(l))?
        .trim_start();
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    if rest.starts_with("half") || rest.starts_with("a majority") || rest.starts_with("majority") {
        return Some(50.0);
    }
    let q = numbers::numbers(rest).into_iter().next()?;
    (q.measure == numbers::Measure::Percent && q.start == 0).then_some(q.value)
}
