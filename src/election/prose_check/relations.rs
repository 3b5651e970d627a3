//! Claims that relate two figures of the data to each other: "NOTA was more than six times
//! the margin", "नोटा अंतर का लगभग दस गुना था", "NOTA (2,912) got less than the fourth
//! candidate (2,626)". Each figure may be right and the relation still wrong.

use super::deposits::candidates;
use super::numbers::{self, Measure, Quoted};
use super::{Bound, Checker, MARGIN_NOUNS, Named, WordStarts, compared_claim, find_word};

/// Words that say how one figure stands to another when both are typed, in brackets:
/// (word, the first figure is said to be more).
const COMPARE_PHRASES: &[(&str, bool)] = &[
    ("more than", true),
    ("higher than", true),
    ("ahead of", true),
    ("outpolled", true),
    ("beat", true),
    ("less than", false),
    ("fewer than", false),
    ("lower than", false),
    ("behind", false),
    ("trailed", false),
];
/// The same after the second figure, in Hindi ("नोटा (2,912) चौथे उम्मीदवार (2,626) से कम").
const COMPARE_AFTER: &[(&str, bool)] = &[
    ("से ज़्यादा", true),
    ("से ज्यादा", true),
    ("से अधिक", true),
    ("से आगे", true),
    ("से कम", false),
    ("से पीछे", false),
];

/// "twice", "दोगुना": a multiple said in one word.
const MULTIPLE_WORDS: &[(&str, f64)] = &[
    ("twice", 2.0),
    ("thrice", 3.0),
    ("double", 2.0),
    ("दोगुना", 2.0),
    ("दोगुने", 2.0),
    ("दुगना", 2.0),
    ("दुगुना", 2.0),
    ("तिगुना", 3.0),
    ("तिगुने", 3.0),
    ("चौगुना", 4.0),
    ("चौगुने", 4.0),
];
const TIMES_WORDS: &[&str] = &["times", "गुना", "गुने", "गुणा"];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Claim {
    Exact,
    More,
    Less,
    About,
}

/// What a ratio is taken of: a candidate or party (their votes), or the margin.
#[derive(Debug, Clone, PartialEq)]
enum Side {
    Who(String),
    Margin,
    /// A figure the sentence types ("1,29,157 votes … more than seven times the margin") or
    /// works out from the data (the seats' margins added up).
    Figure(f64),
}

impl Checker<'_> {
    /// "X was more than N times Y": the two things the sentence names first (candidates,
    /// parties, NOTA, the margin), and the ratio of their figures in a result it is about.
    pub(super) fn times_claim(
        &self,
        starts: &WordStarts,
        named: &Named,
        quoted: &[Quoted],
        who_before: &[String],
    ) -> Option<(usize, String)> {
        let lower = starts.text;
        let (at, end, n, decimals, claim) = multiple_in(starts)?;
        let sides = sides_named(lower, named);
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        // The first two different things, a candidate and their party counting once.
        let mut pair: Vec<Side> = Vec::new();
        for (_, side) in sides {
            let same = pair.iter().any(|p| match (p, &side) {
                (Side::Who(a), Side::Who(b)) => a == b || self.same_candidate(a, b, &scope),
                (a, b) => a == b,
            });
            if !same {
                pair.push(side);
            }
            if pair.len() == 2 {
                break;
            }
        }
        let (x, y) = match self.sides_around_multiple(lower, named, quoted, (at, end), &scope) {
            Some(sides) => sides,
            None => {
                // "विजेता के वोट उनके 28 गुना से ज़्यादा थे": a multiple of the candidate the
                // sentence before named last, against this sentence's subject.
                let before = lower[..at].trim_end();
                if ["उनके", "उनका", "उनकी", "उसके", "उसका", "उसकी"]
                    .iter()
                    .any(|p| numbers::word_at_end(before, p))
                {
                    let earlier = who_before
                        .iter()
                        .rev()
                        .find(|w| !self.parties.contains(*w))?;
                    let y = Side::Who(earlier.clone());
                    let x = pair.into_iter().find(|side| match side {
                        Side::Who(w) => w != earlier && !self.same_candidate(w, earlier, &scope),
                        _ => false,
                    })?;
                    (x, y)
                } else {
                    let [mut x, mut y] = <[Side; 2]>::try_from(pair).ok()?;
                    // "NOTA drew 7,460 votes, and the margin was more than 16 times that": the
                    // multiple refers back, so the later-named thing is the larger one.
                    if refers_back_after(&lower[at..]) {
                        std::mem::swap(&mut x, &mut y);
                    }
                    (x, y)
                }
            }
        };
        let mut first: Option<(f64, f64, usize)> = None;
        for i in scope {
            let (Some(a), Some(b)) = (self.side_value(&x, i), self.side_value(&y, i)) else {
                continue;
            };
            if b <= 0.0 {
                continue;
            }
            let ratio = a / b;
            let step = 10f64.powi(-(decimals as i32));
            let holds = match claim {
                Claim::Exact => (ratio - n).abs() <= step / 2.0 + 1e-9 || (ratio - n).abs() < 0.5,
                Claim::More => ratio > n,
                Claim::Less => ratio < n,
                Claim::About => (ratio - n).abs() <= 0.1 * n,
            };
            if holds {
                return None;
            }
            first.get_or_insert((a, b, i));
        }
        let (a, b, i) = first?;
        let said = match claim {
            Claim::Exact => "",
            Claim::More => "more than ",
            Claim::Less => "less than ",
            Claim::About => "about ",
        };
        Some((
            at,
            format!(
                "the text says {} is {said}{} times {}, but it is {:.1} times ({} to {}, {})",
                self.side_name(&x, i),
                if n.fract() == 0.0 {
                    format!("{}", n as u64)
                } else {
                    format!("{n}")
                },
                self.side_name(&y, i),
                a / b,
                crate::numfmt::inr_unsigned(a as u64),
                crate::numfmt::inr_unsigned(b as u64),
                self.result(i).election
            ),
        ))
    }

    /// "The top four together polled more than 8.4 lakh", "पहले तीन उम्मीदवारों को मिलाकर
    /// 98.43%": the sum of the leading candidates' votes or shares, worked out from the data
    /// of the one result the sentence is about. Silent on "the other", "the rest" (sums of
    /// the field the clause does not say how to count) and when no count of leaders is said.
    pub(super) fn top_sum_claim(
        &self,
        q: &Quoted,
        bound: Option<Bound>,
        (typed, clause): (&str, &str),
        named: &Named,
    ) -> Option<String> {
        if ["other", "rest", "remaining", "बाक़ी", "बाकी", "अन्य", "शेष"]
            .iter()
            .any(|w| find_word(clause, w).is_some())
        {
            return None;
        }
        // "… more than 8.4 lakh of the 9,05,656 valid votes": the whole the sum is part of.
        let typed_lower = numbers::lowercase(typed);
        let at = clause.find(typed_lower.as_ref())?;
        let head = clause[..at].trim_end();
        let tail = clause[at + typed_lower.len()..].trim_start();
        if ["of the", "of", "out of", "of all"]
            .iter()
            .any(|w| head.ends_with(w))
            || tail.contains("में से")
        {
            return None;
        }
        let (n, explicit) = leaders_counted(clause)?;
        // "the three together": most likely the three just named, the leaders; a "less
        // than" about them is left alone, as it would hold for any other three.
        if !explicit && !matches!(bound, None | Some(Bound::More)) {
            return None;
        }
        let i = self.sole_result(named)?;
        let r = self.result(i);
        if r.approx
            || r.total == 0
            || r.candidates
                .iter()
                .any(|c| c.rank.is_none() && c.party != crate::election::result::NOTA)
        {
            return None;
        }
        let mut leaders: Vec<u64> = r
            .candidates
            .iter()
            .filter(|c| c.rank.is_some_and(|rank| rank <= n))
            .map(|c| c.votes)
            .collect();
        if leaders.len() != n {
            return None;
        }
        leaders.sort_unstable();
        let votes: u64 = leaders.iter().sum();
        let sum = match q.measure {
            Measure::Count => votes as f64,
            Measure::Percent => (votes as f64 * 10_000.0 / r.total as f64).round() / 100.0,
            Measure::Points => return None,
        };
        let wrong = match bound {
            Some(Bound::More) => sum <= q.value,
            Some(Bound::Less) => sum >= q.value,
            None => {
                let close = match q.measure {
                    Measure::Count => (sum / q.value).max(q.value / sum) <= 1.1,
                    _ => (sum - q.value).abs() <= 5.0,
                };
                close && !q.states(sum)
            }
        };
        if !wrong {
            return None;
        }
        let said = match bound {
            Some(Bound::More) => "more than ",
            Some(Bound::Less) => "less than ",
            None => "",
        };
        let shown = match q.measure {
            Measure::Count => crate::numfmt::inr_unsigned(votes),
            _ => format!("{sum:.2}%"),
        };
        Some(format!(
            "the text says the first {n} together had {said}{typed}, but the data says {shown} for them ({})",
            r.election
        ))
    }

    /// "the three Patils polled 11,04,139 votes, or 94.74% of all valid votes", "तीनों को
    /// मिलाकर 11,68,720 वोट मिले, यानी कुल का 92.04 प्रतिशत": a share given right after a
    /// figure of the text's own (no candidate's votes) is that figure's share of the valid
    /// votes, and must be (NOTA in the base or not).
    pub(super) fn share_of_figure(
        &self,
        sentence: &str,
        lower: &str,
        quoted: &[Quoted],
        named: &Named,
    ) -> Option<(usize, String)> {
        let r = self.result(self.sole_result(named)?);
        if r.approx || !r.complete || r.total == 0 {
            return None;
        }
        for pair in quoted.windows(2) {
            let (c, p) = (&pair[0], &pair[1]);
            if c.measure != Measure::Count
                || c.year
                || c.words
                || c.step != 1.0
                || c.value < 1000.0
                || p.measure != Measure::Percent
            {
                continue;
            }
            // Only a few words between: "votes, or", "वोट मिले, यानी कुल का".
            let between = lower[c.end..p.start].trim();
            if between.chars().count() > 40 || between.contains(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            let between = between.trim_end_matches(['(', ' ']);
            let base_after = numbers::lowercase(sentence[p.end..].trim_start());
            let base_said = [
                "of all valid votes",
                "of the valid votes",
                "of valid votes",
                "of all votes",
                "of all the votes",
                "of the votes",
                "of the vote",
            ]
            .iter()
            .any(|w| base_after.starts_with(w));
            let joined = [
                ", or",
                " or",
                "i.e.",
                "यानी",
                "यानि",
                "अर्थात",
                "यानी कुल का",
                "यानी कुल वैध वोटों का",
                "यानी कुल वोटों का",
                "यानी कुल मतों का",
                "जो कुल का",
                "जो कुल वैध वोटों का",
            ];
            let base_in_hindi = ["कुल का", "वैध वोटों का", "कुल वोटों का", "कुल मतों का"]
                .iter()
                .any(|w| between.ends_with(w));
            if !(joined.iter().any(|w| between.ends_with(w)) && (base_said || base_in_hindi)) {
                continue;
            }
            // A candidate's own votes: the share checks of that candidate judge it.
            if r.candidates.iter().any(|x| c.states(x.votes as f64)) {
                continue;
            }
            let with_nota = c.value / r.total as f64 * 100.0;
            let without = c.value / r.total_without_nota.max(1) as f64 * 100.0;
            if p.states(with_nota) || p.states(without) {
                continue;
            }
            return Some((
                p.start,
                format!(
                    "{} in the text as the share of {}, but {} of the {} valid votes is {:.2}% ({})",
                    super::quoted_text(sentence, p),
                    super::quoted_text(sentence, c),
                    super::quoted_text(sentence, c),
                    crate::numfmt::inr_unsigned(r.total),
                    with_nota,
                    r.election
                ),
            ));
        }
        None
    }

    /// "मैदान में सात निर्दलीय थे", "जिनमें आठ निर्दलीय", "Sixteen of the 22 candidates were
    /// independents": how many independents stood, in the one result the sentence is about.
    /// Not "the top two independents", "बाकी तीन निर्दलीय" or "तीन निर्दलीय विधायक".
    pub(super) fn independents_claim(&self, lower: &str, named: &Named) -> Option<(usize, String)> {
        let i = self.sole_result(named)?;
        let r = self.result(i);
        if r.approx || !r.complete {
            return None;
        }
        let words: Vec<(usize, &str)> = super::sentence_words(lower);
        const NOUNS: &[&str] = &["निर्दलीय", "independents"];
        const QUALIFIERS: &[&str] = &[
            "top",
            "first",
            "other",
            "remaining",
            "last",
            "leading",
            "two-time",
            "बाकी",
            "बाक़ी",
            "अन्य",
            "शेष",
            "इन",
            "उन",
            "पहले",
            "आख़िरी",
            "आखिरी",
            "these",
            "those",
            "the",
        ];
        const OTHER_NOUNS: &[&str] = &[
            "विधायक",
            "विधायकों",
            "पार्षद",
            "सांसद",
            "mlas",
            "mps",
            "councillors",
        ];
        for (k, &(at, word)) in words.iter().enumerate() {
            let Some(n) = numbers::small_number(word).filter(|n| n.fract() == 0.0 && *n >= 1.0)
            else {
                continue;
            };
            if k > 0 && QUALIFIERS.contains(&words[k - 1].1) {
                continue;
            }
            // "Sixteen of the 22 candidates were independents".
            let mut next = k + 1;
            let of_the_field = words.get(next).is_some_and(|(_, w)| *w == "of");
            if of_the_field {
                next = after_of_the_count(&words, next);
                if words.get(next).is_none_or(|(_, w)| *w != "candidates") {
                    continue;
                }
                next += 1;
                if words.get(next).is_none_or(|(_, w)| *w != "were") {
                    continue;
                }
                next += 1;
            }
            let Some(&(_, noun)) = words.get(next) else {
                continue;
            };
            if !NOUNS.contains(&noun) {
                continue;
            }
            if words
                .get(next + 1)
                .is_some_and(|(_, w)| OTHER_NOUNS.contains(w) || *w == "उम्मीदवारों")
            {
                continue;
            }
            // "Forty-six of the 54": the tens word before the units word.
            let (at, n) = match tens_before(lower, at) {
                Some((tens_at, tens)) if n < 10.0 => (tens_at, tens + n),
                _ => (at, n),
            };
            // Only a count of the field's independents: "मैदान में सात निर्दलीय थे", "जिनमें
            // आठ निर्दलीय", "… of the 22 candidates were independents", "six independents
            // were in the fray" (not "Two independents shared the name").
            let head = lower[..at].trim_end();
            let rest = lower[words[next].0 + noun.len()..].trim_start();
            let of_field = of_the_field
                || [
                    "मैदान में",
                    "मैदान में कुल",
                    "जिनमें",
                    "जिनमें से",
                    "इनमें",
                    "इनमें से",
                    "including",
                    "among them",
                ]
                .iter()
                .any(|w| head.ends_with(w))
                || [
                    "थे",
                    "मैदान",
                    "were in the fray",
                    "in the fray",
                    "contested",
                    "stood",
                    "were on the ballot",
                    "ran",
                ]
                .iter()
                .any(|w| rest.starts_with(w));
            if !of_field {
                continue;
            }
            let n = n as usize;
            let independents = r
                .candidates
                .iter()
                .filter(|c| c.party == crate::election::result::IND)
                .count();
            if n == independents {
                return None;
            }
            return Some((
                at,
                format!(
                    "the text says {n} independents, but the data lists {independents} candidates as IND in {}",
                    r.election
                ),
            ));
        }
        None
    }

    /// "8 उम्मीदवार मैदान में थे", "Amritsar had … 31 candidates.", "14 उम्मीदवार और नोटा": the
    /// size of the field of the one result the sentence is about, NOTA not counted. Only a
    /// count that stands for the whole field (followed by मैदान, in the fray, "and NOTA", or
    /// ending its sentence), never "the other 22 candidates" or "the last three".
    pub(super) fn field_size_claim(&self, lower: &str, named: &Named) -> Option<(usize, String)> {
        let i = self.sole_result(named)?;
        let r = self.result(i);
        let words: Vec<(usize, &str)> = super::sentence_words(lower);
        // "in a field of 30": the field, said without "candidates".
        let field_of = words.windows(3).find_map(|w| {
            let ((_, field), (_, of), (at, count)) = (w[0], w[1], w[2]);
            let n = numbers::small_number(count)?;
            // Not "a field of seven Mahatos": the count ends the phrase.
            let after = lower[at + count.len()..].trim_start();
            let ends = after.is_empty()
                || after.starts_with([',', '.', ';', ':', '।', ')'])
                || after.starts_with("candidates");
            (field == "field" && of == "of" && ends && n >= 2.0 && n.fract() == 0.0 && n <= 60.0)
                .then_some((at, n as usize, after))
        });
        let (at, n, rest) = field_of.or_else(|| {
            words.windows(2).find_map(|w| {
                let (at, word) = w[0];
                let (noun_at, noun) = w[1];
                let n = numbers::small_number(word)?;
                // "Thirty-seven candidates": the tens word before the units word.
                let (at, n) = match tens_before(lower, at) {
                    Some((tens_at, tens)) if n < 10.0 => (tens_at, tens + n),
                    _ => (at, n),
                };
                // "Twenty-four names on the ballot": the field, said by its names.
                let names_on_ballot = noun == "names"
                    && lower[noun_at + noun.len()..]
                        .trim_start()
                        .starts_with("on the ballot");
                // "सात उम्मीदवारों में से चार …": the field, then some of it.
                let of_the_field = ["उम्मीदवारों", "प्रत्याशियों"].contains(&noun)
                    && lower[noun_at + noun.len()..]
                        .trim_start()
                        .starts_with("में से");
                // "रायपुर 2024: 38 उम्मीदवारों के वोट" (a chart's title): the votes of all.
                let votes_of_all = ["उम्मीदवारों", "प्रत्याशियों"].contains(&noun)
                    && lower[noun_at + noun.len()..]
                        .trim_start()
                        .starts_with("के वोट")
                    && opens_a_statement(&lower[..at]);
                let field_noun = ["candidates", "उम्मीदवार", "प्रत्याशी"].contains(&noun)
                    || names_on_ballot
                    || of_the_field
                    || votes_of_all;
                (field_noun && n >= 2.0 && n.fract() == 0.0 && n <= 60.0)
                    .then(|| (at, n as usize, &lower[noun_at + noun.len()..]))
            })
        })?;
        let said_field_of = field_of.is_some();
        let mut head = lower[..at].trim_end();
        // "नोटा से आगे केवल तीन उम्मीदवार", "only four candidates": the word that limits the
        // count leaves what it follows to say whose count it is.
        while let Some(rest) = ["केवल", "सिर्फ़", "सिर्फ", "महज़", "महज", "only", "just"]
            .iter()
            .find_map(|w| {
                head.strip_suffix(w)
                    .filter(|h| !h.ends_with(super::numbers::is_word_char))
            })
        {
            head = rest.trim_end();
        }
        let qualified = [
            "other",
            "remaining",
            "rest",
            "last",
            "first",
            "top",
            "these",
            "those",
            "of",
            "among",
            "बाक़ी",
            "बाकी",
            "अन्य",
            "शेष",
            "आख़िरी",
            "आखिरी",
            "पहले",
            "इन",
            "उन",
            // "गठबंधन के दो उम्मीदवार": some of the field, not all of it.
            "के",
            "की",
            "का",
            "alliance's",
            "party's",
            // "NOTA finished behind eight candidates": a place, not the field.
            "behind",
            "after",
            "below",
            "above",
            "ahead of",
            "beat",
            "beats",
            "beating",
            "outpolled",
            "outpolls",
            "outpolling",
            "आगे",
            "पीछे",
            "ऊपर",
            "नीचे",
        ]
        .iter()
        .any(|w| {
            head.ends_with(w)
                && !head[..head.len() - w.len()].ends_with(super::numbers::is_word_char)
        });
        if !said_field_of && (qualified || head.ends_with("than") || head.ends_with("से")) {
            return None;
        }
        let rest = rest.trim_start();
        // "There were 46 candidates in Secunderabad", "the longest ballot: 46 candidates,
        // more than …": the count stated as such, whatever follows it (not "43
        // candidates, including three women, lost their deposits").
        let stated = ["there were", "there are", "there was"]
            .iter()
            .any(|w| head.ends_with(w))
            || (head.ends_with(':') && rest.starts_with([',', ':', '-', '–', '—']))
            || (head.ends_with(':') && rest.starts_with("के वोट"));
        let whole_field = said_field_of
            || stated
            || rest.is_empty()
            // ('|' ends a chart's title or note.)
            || rest.starts_with(['.', '।', ';', '|'])
            || [
                "मैदान",
                "में से",
                "in the fray",
                "contested",
                "on the ballot",
                "और नोटा",
                "and nota",
                "ने चुनाव लड़ा",
                // "Thirteen candidates stood", "कुल 13 उम्मीदवार थे".
                "stood",
                "ran ",
                "ran.",
                "were in the fray",
                "थे",
                "थीं",
                "उतरे",
                "खड़े",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            // "मैदान में कुल 13 उम्मीदवार", "यहाँ १६ उम्मीदवार मैदान में थे".
            || ["मैदान में", "मैदान में कुल", "in the fray were", "in all"]
                .iter()
                .any(|w| head.ends_with(w));
        // "Four candidates on the ballot were called Patil": some of the field, by a
        // name or a kind they share.
        let clause = rest.split([',', '.', ';', ':', '।']).next().unwrap_or("");
        let some_of_them = [
            "called",
            "named",
            "were independents",
            "were women",
            "नाम के",
            "नामक",
            "नाम वाले",
        ]
        .iter()
        .any(|w| super::find_word(clause, w).is_some());
        if !whole_field || some_of_them {
            return None;
        }
        let field = r
            .candidates
            .iter()
            .filter(|c| c.party != crate::election::result::NOTA)
            .count();
        if field == n || r.approx || field < 2 {
            return None;
        }
        // A page of two seats, a sentence that names neither: the count may be the other's.
        let names_its_seat = self.seats.iter().any(|(forms, list, _)| {
            list.contains(&i) && forms.iter().any(|f| find_word(lower, f).is_some())
        });
        let same_seat = |j: usize| {
            self.seats
                .iter()
                .any(|(_, list, _)| list.contains(&i) && list.contains(&j))
        };
        let another_field = (0..self.results.len())
            .filter(|j| !same_seat(*j))
            .any(|j| candidates(self.result(j)).count() == n);
        if another_field && !names_its_seat {
            return None;
        }
        Some((
            at,
            format!(
                "the text says {n} candidates, but the data lists {field} for {} (NOTA not counted)",
                r.election
            ),
        ))
    }

    /// "दोनों सीटों पर विजेता को आधे से ज़्यादा वोट मिले", "The winner fell short of half the
    /// votes", "A win with more than a third": a share said as a fraction of the valid
    /// votes (of the candidates' votes where the clause leaves NOTA out), of whom the clause
    /// names, else of the winner when the sentence speaks of the win.
    pub(super) fn fraction_claim(&self, lower: &str, named: &Named) -> Option<(usize, String)> {
        const HALF: f64 = 50.0;
        const THIRD: f64 = 100.0 / 3.0;
        const QUARTER: f64 = 25.0;
        // (phrase, fraction, whether it says more than it)
        const SAID: &[(&str, f64, bool)] = &[
            ("more than half", HALF, true),
            ("over half", HALF, true),
            ("above half", HALF, true),
            ("आधे से ज़्यादा", HALF, true),
            ("आधे से ज्यादा", HALF, true),
            ("आधे से अधिक", HALF, true),
            ("more than a third", THIRD, true),
            ("over a third", THIRD, true),
            ("तिहाई से ज़्यादा", THIRD, true),
            ("तिहाई से ज्यादा", THIRD, true),
            ("तिहाई से अधिक", THIRD, true),
            ("more than a quarter", QUARTER, true),
            ("चौथाई से ज़्यादा", QUARTER, true),
            ("चौथाई से अधिक", QUARTER, true),
            ("short of half", HALF, false),
            ("less than half", HALF, false),
            ("under half", HALF, false),
            ("below half", HALF, false),
            ("आधे से कम", HALF, false),
            ("less than a third", THIRD, false),
            ("short of a third", THIRD, false),
            ("under a third", THIRD, false),
            ("तिहाई से कम", THIRD, false),
            ("less than a quarter", QUARTER, false),
            ("चौथाई से कम", QUARTER, false),
        ];
        const WORDS: [&str; 3] = ["half", "third", "quarter"];
        if !WORDS.iter().any(|w| lower.contains(w))
            && !["आधे", "तिहाई", "चौथाई"].iter().any(|w| lower.contains(w))
        {
            return None;
        }
        let scope: Vec<usize> = if named.results.is_empty() {
            (0..self.results.len()).collect()
        } else {
            named.results.clone()
        };
        for &(a, b) in &named.clauses {
            let clause = &lower[a..b];
            let said = SAID
                .iter()
                .find_map(|&(w, f, more)| clause.find(w).map(|at| (at, w.len(), f, more)));
            let Some((at, len, fraction, more)) = said else {
                continue;
            };
            // "आधे से 43,306 कम" (a gap to half), a negation, a count of seats or of
            // segments ("more than half the segments"): another claim.
            let rest = &clause[at + len..];
            if clause.chars().any(|c| numbers::ascii_digit(c).is_some())
                || ["नहीं", "not", "never", "n't"]
                    .iter()
                    .any(|w| find_word(clause, w).is_some())
                || [
                    "seat",
                    "सीट",
                    "segment",
                    "खंड",
                    "क्षेत्र",
                    "booth",
                    "बूथ",
                    "candidates",
                    "उम्मीदवार",
                ]
                .iter()
                .any(|w| rest.contains(w))
            {
                continue;
            }
            let without_nota = super::deposits::WITHOUT_NOTA
                .iter()
                .chain(["nota is left out", "nota left out", "leave nota out"].iter())
                .any(|w| clause.contains(w));
            let in_clause: Vec<&str> = named
                .who
                .iter()
                .filter(|(w, at)| *at >= a && *at < b && !self.is_nota(w))
                .map(|(w, _)| w.as_str())
                .collect();
            let winner_word = ["winner", "विजेता", "won", "win ", "जीत"]
                .iter()
                .any(|w| lower.contains(w));
            let first_named: Vec<&str> = named
                .who
                .iter()
                .filter(|(w, _)| !self.is_nota(w))
                .map(|(w, _)| w.as_str())
                .take(1)
                .collect();
            let who: Vec<&str> = if !in_clause.is_empty() {
                in_clause
            } else if winner_word {
                Vec::new()
            } else if !first_named.is_empty() {
                first_named
            } else {
                continue;
            };
            for &i in &scope {
                let r = self.result(i);
                if r.approx || !r.complete || r.total == 0 {
                    continue;
                }
                let base = if without_nota {
                    r.total_without_nota
                } else {
                    r.total
                };
                let found: Vec<&crate::election::derive::CandidateFigures> = if who.is_empty() {
                    r.candidates.iter().filter(|c| c.rank == Some(1)).collect()
                } else {
                    r.candidates
                        .iter()
                        .filter(|c| who.iter().any(|w| c.name == *w || c.party == *w))
                        .collect()
                };
                let [c] = found.as_slice() else {
                    continue;
                };
                let share = c.votes as f64 * 100.0 / base as f64;
                let holds = if more {
                    share > fraction
                } else {
                    share < fraction
                };
                if !holds {
                    let part = if fraction == HALF {
                        "half"
                    } else if fraction == THIRD {
                        "a third"
                    } else {
                        "a quarter"
                    };
                    let said = format!("{} {part}", if more { "more than" } else { "less than" });
                    let of = if without_nota {
                        "of the candidates' votes (NOTA left out)"
                    } else {
                        "of the valid votes"
                    };
                    return Some((
                        a + at,
                        format!(
                            "the text says {} ({}) had {said} of the votes, but {} had {share:.2}% {of} in {}",
                            c.name, c.party, c.name, r.election
                        ),
                    ));
                }
            }
        }
        None
    }

    /// "NOTA … more than each of eleven candidates", "यह 19 में से 15 उम्मीदवारों से ज़्यादा
    /// था", "सात में से चार उम्मीदवार नोटा से पीछे रहे": how many candidates polled less than
    /// NOTA in the one result the sentence is about.
    pub(super) fn nota_beat_claim(&self, lower: &str, named: &Named) -> Option<(usize, String)> {
        if !named.who.iter().any(|(w, _)| self.is_nota(w)) {
            return None;
        }
        let i = match self.sole_result(named) {
            Some(i) => i,
            // Of two seats, the one whose NOTA figure the sentence gives ("NOTA came
            // third, with 14,612 votes, ahead of six candidates").
            None => {
                let figures = numbers::numbers(lower);
                let gives_nota = |i: &usize| {
                    self.result(*i).candidates.iter().any(|c| {
                        c.party == crate::election::result::NOTA
                            && figures.iter().any(|q| {
                                q.measure == Measure::Count
                                    && q.step == 1.0
                                    && q.states(c.votes as f64)
                            })
                    })
                };
                let seats: Vec<usize> = match named.results.as_slice() {
                    [] => (0..self.results.len()).filter(gives_nota).collect(),
                    many => many.iter().copied().filter(gives_nota).collect(),
                };
                match seats.as_slice() {
                    [i] => *i,
                    _ => return None,
                }
            }
        };
        let r = self.result(i);
        if r.approx {
            return None;
        }
        // Summed, they are another claim ("more than the five smallest put together").
        if [
            "together",
            "combined",
            "put together",
            "मिलाकर",
            "जोड़",
            "मिलकर",
        ]
        .iter()
        .any(|w| super::find_word(lower, w).is_some())
        {
            return None;
        }
        let nota = r
            .candidates
            .iter()
            .filter(|c| c.party == crate::election::result::NOTA)
            .map(|c| c.votes)
            .max()?;
        let candidates: Vec<u64> = r
            .candidates
            .iter()
            .filter(|c| c.party != crate::election::result::NOTA)
            .map(|c| c.votes)
            .collect();
        let below = candidates.iter().filter(|v| **v < nota).count();
        let words: Vec<(usize, &str)> = super::sentence_words(lower);
        const NOUNS: &[&str] = &[
            "candidates",
            "उम्मीदवारों",
            "उम्मीदवार",
            "प्रत्याशियों",
            "प्रत्याशी",
        ];
        for (k, &(at, word)) in words.iter().enumerate() {
            let Some(n) = numbers::small_number(word).filter(|n| n.fract() == 0.0 && *n >= 1.0)
            else {
                continue;
            };
            // "more than sixteen of the twenty candidates": the noun after "of (the) M".
            let next = after_of_the_count(&words, k + 1);
            let Some(&(noun_at, noun)) = words.get(next) else {
                continue;
            };
            if !NOUNS.contains(&noun) {
                continue;
            }
            let head = lower[..at].trim_end();
            let rest = lower[noun_at + noun.len()..].trim_start();
            // "Nine candidates polled more than NOTA", "नोटा से आगे केवल तीन उम्मीदवार थे":
            // the count of those above NOTA.
            let head_bare = ["केवल", "सिर्फ़", "सिर्फ", "only", "just"]
                .iter()
                .find_map(|w| head.strip_suffix(w))
                .unwrap_or(head)
                .trim_end();
            let above_nota = [
                "polled more than nota",
                "got more than nota",
                "had more than nota",
                "more than nota",
                "were ahead of nota",
                "ahead of nota",
                "beat nota",
                "outpolled nota",
                "finished above nota",
                "above nota",
                "को नोटा से ज़्यादा",
                "को नोटा से ज्यादा",
                "नोटा से ज़्यादा",
                "नोटा से आगे",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
                || ["नोटा से आगे", "ahead of nota were", "above nota were"]
                    .iter()
                    .any(|w| head_bare.ends_with(w));
            if above_nota {
                let above = candidates.iter().filter(|v| **v > nota).count();
                let n = n as usize;
                if n == above {
                    return None;
                }
                return Some((
                    at,
                    format!(
                        "the text says {n} candidates polled more than NOTA, but {above} of the {} candidates did ({} votes for NOTA in {})",
                        candidates.len(),
                        crate::numfmt::inr_unsigned(nota),
                        r.election
                    ),
                ));
            }
            let beaten = [
                "more than each of",
                "more than",
                "ahead of",
                "beat",
                "outpolled",
                "than",
            ]
            .iter()
            .any(|w| head.ends_with(w))
                || ["से ज़्यादा", "से ज्यादा", "से अधिक", "से आगे"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                || [
                    "नोटा से पीछे",
                    "नोटा से कम",
                    "finished behind nota",
                    "trailed nota",
                    "behind nota",
                ]
                .iter()
                .any(|w| rest.starts_with(w));
            // "19 में से 15": the count after "में से" is the one beaten.
            if !beaten || rest.starts_with("में से") {
                continue;
            }
            let n = n as usize;
            if n == below {
                return None;
            }
            return Some((
                at,
                format!(
                    "the text says NOTA polled more than {n} candidates, but its {} votes were more than {below} of the {} candidates' in {}",
                    crate::numfmt::inr_unsigned(nota),
                    candidates.len(),
                    r.election
                ),
            ));
        }
        None
    }

    /// The two sides of a multiple read from where they stand around it, when the
    /// sentence makes that plain: "X … N times the margin" (the figure or the one named
    /// before, then what follows), "बसपा के दोगुने से ज़्यादा" (what comes before के, against
    /// the sentence's subject), "इसके बारह गुना" (the figure just typed), "twice his vote"
    /// (the one named last before, against the one named before that). (larger, smaller).
    fn sides_around_multiple(
        &self,
        lower: &str,
        named: &Named,
        quoted: &[Quoted],
        (at, end): (usize, usize),
        scope: &[usize],
    ) -> Option<(Side, Side)> {
        let same = |a: &Side, b: &Side| match (a, b) {
            (Side::Who(a), Side::Who(b)) => a == b || self.same_candidate(a, b, scope),
            (a, b) => a == b,
        };
        let sides = sides_named(lower, named);
        let (_, clause_end) = named.clause_at(at, lower.len());
        let before = lower[..at].trim_end();
        let after = lower[end..].trim_start();
        let first_after = after
            .split_whitespace()
            .next()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .unwrap_or("");
        let nearest_before = |pos: usize, not: Option<&Side>| {
            sides
                .iter()
                .rev()
                .filter(|(a, side)| *a < pos && not.is_none_or(|n| !same(n, side)))
                .map(|(_, side)| side.clone())
                .next()
        };
        let last_count_before = |pos: usize| {
            quoted.iter().rev().find(|q| {
                q.end <= pos && !q.year && q.measure == Measure::Count && q.value >= 100.0
            })
        };
        // "Banerjee's postal count, 4,737, was nearly four times Das's 1,232": both sides
        // typed, the second within a few words after the multiple: the ratio of the two.
        let typed_after = quoted.iter().find(|q| {
            q.start >= end
                && q.end <= clause_end
                && !q.year
                && q.measure == Measure::Count
                && lower
                    .get(end..q.start)
                    .is_some_and(|between| between.split_whitespace().count() <= 3)
        });
        if let (Some(x), Some(y)) = (last_count_before(at), typed_after) {
            return Some((Side::Figure(x.value), Side::Figure(y.value)));
        }
        // "पंवार को 5,612 वोट मिले, जो गुनसोला के 2,508 से दोगुने से भी ज़्यादा हैं": the
        // smaller figure typed just before "से" and the multiple, the larger one before it.
        if let Some(y) = last_count_before(at) {
            let between = lower.get(y.end..at).unwrap_or("").trim();
            let compared_with = ["से", "वोटों से", "वोट से", "मतों से", "मत से"].contains(&between);
            if let Some(x) = compared_with.then(|| last_count_before(y.start)).flatten() {
                return Some((Side::Figure(x.value), Side::Figure(y.value)));
            }
        }
        // "विजेता के वोट इसके बारह गुना से ज़्यादा": the figure just before.
        if ["इसके", "इसका", "इससे", "इसकी"]
            .iter()
            .any(|p| numbers::word_at_end(before, p))
        {
            let f = last_count_before(at)?;
            // Whose votes: named between the figure and its multiple, else before it.
            let x = sides
                .iter()
                .rev()
                .find(|(a, _)| *a >= f.end && *a < at)
                .map(|(_, side)| side.clone())
                .or_else(|| nearest_before(f.start, None))?;
            return Some((x, Side::Figure(f.value)));
        }
        // "बसपा के दोगुने से ज़्यादा वोट उसे मिले": the smaller side stands before के.
        if [" के", " का", " की"].iter().any(|g| before.ends_with(g)) {
            let y = nearest_before(at, None)?;
            let x = sides
                .iter()
                .map(|(_, side)| side)
                .find(|side| !same(side, &y))?
                .clone();
            return Some((x, y));
        }
        // "… more than 16 times their combined margin": the seats' margins added up.
        if [
            "their combined margin",
            "the combined margin",
            "their margins combined",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            let seats = self.seats_of(named);
            let sum: u64 = seats.iter().filter_map(|i| self.result(*i).margin).sum();
            if seats.len() < 2 || sum == 0 {
                return None;
            }
            let f = last_count_before(at)?;
            return Some((Side::Figure(f.value), Side::Figure(sum as f64)));
        }
        // "… came third with 1,29,157 votes (9.01%): more than seven times the margin".
        let y_after = sides
            .iter()
            .find(|(a, _)| *a >= end && *a < clause_end && *a <= end + 24)
            .map(|(_, side)| side.clone());
        if let Some(y) = y_after {
            // ("NOTA got 4,617 votes …; the margin was more than eight times NOTA": the
            // margin named between the figure and the multiple is the larger side.)
            let figure = last_count_before(at).filter(|f| {
                !sides.iter().any(|(a, side)| {
                    *a >= f.end && *a < at && matches!(side, Side::Who(_) | Side::Margin)
                })
            });
            let x = match figure {
                Some(f) => Side::Figure(f.value),
                None => nearest_before(at, Some(&y))?,
            };
            return Some((x, y));
        }
        // "Radikaa polled more than twice his vote": the one named last, against the one
        // named before them.
        if ["his", "her", "their", "its"].contains(&first_after) {
            let x = nearest_before(at, None)?;
            let x_at = sides
                .iter()
                .rev()
                .find(|(a, side)| *a < at && same(side, &x))
                .map(|(a, _)| *a)?;
            let y = nearest_before(x_at, Some(&x))?;
            return Some((x, y));
        }
        None
    }

    fn side_value(&self, side: &Side, i: usize) -> Option<f64> {
        let r = self.result(i);
        match side {
            Side::Figure(v) => Some(*v),
            Side::Margin => r.margin.map(|m| m as f64),
            Side::Who(w) => r
                .candidates
                .iter()
                .find(|c| &c.name == w)
                .or_else(|| r.candidates.iter().find(|c| &c.party == w))
                .map(|c| c.votes as f64),
        }
    }

    fn side_name(&self, side: &Side, i: usize) -> String {
        match side {
            Side::Figure(v) => inr(*v),
            Side::Margin => "the margin".to_string(),
            Side::Who(w) => {
                let r = self.result(i);
                match r.candidates.iter().find(|c| &c.name == w || &c.party == w) {
                    Some(c) if c.party == crate::election::result::NOTA => "NOTA".to_string(),
                    Some(c) => format!("{} ({})", c.name, c.party),
                    None => w.clone(),
                }
            }
        }
    }
}

/// What a multiple can compare, where the sentence names it: candidates and parties, and
/// the margin (each of its first few mentions).
fn sides_named(lower: &str, named: &Named) -> Vec<(usize, Side)> {
    let mut sides: Vec<(usize, Side)> = named
        .who
        .iter()
        .map(|(w, at)| (*at, Side::Who(w.clone())))
        .collect();
    for w in MARGIN_NOUNS {
        for m in super::find_words(lower, w, 4) {
            sides.push((m, Side::Margin));
        }
    }
    sides.sort_by_key(|(at, _)| *at);
    // "सपा और भाजपा के बीच के अंतर से तीन गुना", "three times the gap between the SP and
    // the BJP": the two named there are the margin's, not sides of their own.
    let margins: Vec<usize> = sides
        .iter()
        .filter(|(_, s)| *s == Side::Margin)
        .map(|(at, _)| *at)
        .collect();
    let mut of_margin: Vec<usize> = Vec::new();
    for m in margins {
        let before = lower[..m].trim_end();
        let between_before = ["के बीच के", "के बीच का", "के बीच"]
            .iter()
            .any(|w| before.ends_with(w));
        let after = lower[m..].split_whitespace().nth(1).unwrap_or("");
        let between_after = after == "between";
        let whose: Vec<usize> = sides
            .iter()
            .enumerate()
            .filter(|(_, (_, s))| matches!(s, Side::Who(_)))
            .map(|(i, _)| i)
            .collect();
        if between_before {
            of_margin.extend(whose.iter().filter(|&&i| sides[i].0 < m).rev().take(2));
        }
        if between_after {
            // Only "between X and Y" right after it: not a name later in the sentence
            // ("… between Patel and the runner-up was three times Kumar's votes").
            let after: Vec<usize> = whose
                .iter()
                .copied()
                .filter(|&i| sides[i].0 > m && sides[i].0 <= m + 40)
                .take(2)
                .collect();
            let joined = |a: usize, b: usize| {
                lower
                    .get(sides[a].0..sides[b].0)
                    .is_some_and(|t| t.contains(" and ") || t.contains(" और "))
            };
            match after.as_slice() {
                [a, b] if joined(*a, *b) => of_margin.extend([*a, *b]),
                [a] => of_margin.push(*a),
                _ => {}
            }
        }
    }
    let mut i = 0;
    sides.retain(|_| {
        i += 1;
        !of_margin.contains(&(i - 1))
    });
    sides
}

/// The multiple a sentence states: (offset, N, decimals typed, how it is claimed).
/// Whether the multiple ("16 times", from its number on) is followed by a word that
/// refers back to something named before it: "16 times that", "16 times as much".
fn refers_back_after(from_number: &str) -> bool {
    let mut words = from_number.split_whitespace().skip(2);
    words.next().is_some_and(|w| {
        [
            "that", "this", "it", "that.", "this.", "it.", "theirs", "his", "hers",
        ]
        .contains(&w.trim_end_matches(['.', ',', ';']))
    })
}

/// "the BJP beats the BJD twice, by 40,696 and 35,152", "won twice before": "twice" after
/// a verb, then a pause or a word of time or manner, counts occasions, not a multiple
/// ("twice as many", "twice the margin", "twice Rao's votes" are multiples).
fn says_how_often(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let pause = after.is_empty() || after.starts_with([',', '.', ';', ':', ')', '—']);
    let occasions = [
        "by", "in", "since", "before", "after", "now", "running", "already", "over", "from", "and",
        "or", "this", "at", "on",
    ];
    let latin = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()));
    latin && (pause || occasions.contains(&next))
}

fn multiple_in(starts: &WordStarts) -> Option<(usize, usize, f64, usize, Claim)> {
    let lower = starts.text;
    let (at, n, decimals, end) = TIMES_WORDS
        .iter()
        .filter_map(|w| starts.find(w).map(|at| (at, w.len())))
        .find_map(|(at, len)| {
            let head = lower[..at].trim_end();
            let word = head.rsplit(char::is_whitespace).next()?;
            let n = numbers::small_number(word)?;
            let decimals = word.split_once('.').map_or(0, |(_, d)| d.len());
            Some((head.len() - word.len(), n, decimals, at + len))
        })
        .or_else(|| {
            MULTIPLE_WORDS
                .iter()
                .filter_map(|(w, n)| starts.find(w).map(|at| (at, *n, 0, at + w.len())))
                .find(|(at, _, _, end)| !says_how_often(&lower[..*at], &lower[*end..]))
        })?;
    if n < 1.5 {
        return None;
    }
    let before = lower[..at].trim_end();
    let after = lower[end..].trim_start();
    let ends = |list: &[&str]| list.iter().any(|w| before.ends_with(w));
    let starts = |list: &[&str]| list.iter().any(|w| after.starts_with(w));
    let claim = if ends(&["more than", "over", "above", "at least"])
        || starts(&["से ज़्यादा", "से ज्यादा", "से अधिक", "से भी ज़्यादा"])
    {
        Claim::More
    } else if ends(&["less than", "under", "below"]) || starts(&["से कम"]) {
        Claim::Less
    } else if ends(&[
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "लगभग",
        "करीब",
        "क़रीब",
    ]) {
        Claim::About
    } else {
        Claim::Exact
    };
    Some((at, end, n, decimals, claim))
}

/// "NOTA (18,669) got less than Markam (11,770)", "नोटा (2,912) चौथे उम्मीदवार (2,626) से
/// कम": two figures in brackets and a word that compares them, in the wrong order.
pub(super) fn bracket_comparison(sentence: &str, quoted: &[Quoted]) -> Option<(usize, String)> {
    let bracketed = |q: &Quoted| {
        sentence[..q.start].trim_end().ends_with('(')
            && sentence[q.end..].trim_start().starts_with(')')
    };
    quoted
        .iter()
        .zip(quoted.iter().skip(1))
        .filter(|(a, b)| {
            a.measure == b.measure
                && !a.year
                && !b.year
                && a.measure != Measure::Points
                && bracketed(a)
                && bracketed(b)
        })
        .find_map(|(a, b)| {
            let between = numbers::lowercase(&sentence[a.end..b.start]);
            let after = sentence[b.end..]
                .trim_start()
                .trim_start_matches(')')
                .trim_start();
            let more = COMPARE_PHRASES
                .iter()
                .find(|(w, _)| find_word(&between, w).is_some())
                .or_else(|| COMPARE_AFTER.iter().find(|(w, _)| after.starts_with(w)))
                .map(|(_, more)| *more)?;
            let bound = if more { Bound::More } else { Bound::Less };
            compared_claim(sentence, a, b, bound).map(|m| (a.start, m))
        })
}

/// Nouns that a small number counts in "four candidates polled more than …", "दो सीटों पर
/// अंतर दो हज़ार से कम रहा": (noun, counts seats rather than candidates).
const COUNTED: &[(&str, bool)] = &[
    ("candidates", false),
    ("parties", false),
    ("contestants", false),
    ("उम्मीदवार", false),
    ("उम्मीदवारों", false),
    ("प्रत्याशी", false),
    ("प्रत्याशियों", false),
    ("दल", false),
    ("दलों", false),
    ("पार्टियाँ", false),
    ("पार्टियां", false),
    ("पार्टियों", false),
    ("seats", true),
    ("सीटें", true),
    ("सीटों", true),
];

impl Checker<'_> {
    /// "Four parties got above 95,000", "four seats were decided by less than two thousand
    /// votes": how many candidates (or seats, by their margins) of the results the sentence
    /// is about are beyond the bound, against the number the text gives.
    pub(super) fn how_many_claim(
        &self,
        sentence: &str,
        starts: &WordStarts,
        quoted: &[Quoted],
        named: &Named,
    ) -> Option<(usize, String)> {
        let lower = starts.text;
        let words = &starts.words;
        let (k, group, noun, seats) = words.windows(2).enumerate().find_map(|(k, w)| {
            let (_, word) = w[0];
            let (_, noun) = w[1];
            // The noun first: it is one list lookup, a number word is a parse and a scan.
            let seats = COUNTED.iter().find(|(c, _)| *c == noun)?.1;
            let n = numbers::small_number(word)?;
            (n >= 1.0 && n.fract() == 0.0 && n <= 50.0).then_some((
                k,
                n as usize,
                (word, noun),
                seats,
            ))
        })?;
        let at = words[k].0;
        let head = lower[..at].trim_end();
        let (_, clause_end) = named.clause_at(at, lower.len());
        let negated = words
            .iter()
            .filter(|(o, _)| *o >= at && *o < clause_end)
            .any(|(_, w)| ["नहीं", "न", "not", "no", "none", "never"].contains(w));
        // The count the text gives of that group: "सात उम्मीदवारों में से चार को …" (four of
        // the seven), "of the 13 candidates, eleven …", "बाकी 11 में से किसी को … नहीं",
        // "none of the other 11 …" (none of them).
        let of_them = |from: usize| -> Option<usize> {
            let next = words.get(from)?.1;
            if ["किसी", "कोई"].contains(&next) {
                return negated.then_some(0);
            }
            numbers::small_number(next)
                .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v as usize <= group)
                .map(|v| v as usize)
        };
        let hindi_of = words.get(k + 2).is_some_and(|(_, w)| *w == "में")
            && words.get(k + 3).is_some_and(|(_, w)| *w == "से");
        let english_of = numbers::word_at_end(head, "of") || numbers::word_at_end(head, "of the");
        let none_of = ["none of the", "none of", "not one of the"]
            .iter()
            .any(|w| head.ends_with(w));
        let n = if hindi_of {
            of_them(k + 4)
        } else if none_of {
            Some(0)
        } else if english_of {
            of_them(k + 2)
        } else {
            Some(group)
        };
        // ("of seven, …" with no count of them after it: not a claim this reads.)
        let n = n?;
        // "बाकी 11 प्रत्याशियों", "the remaining five", "the other 12": the last of the field
        // by votes, that many of them.
        let rest = head
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .is_some_and(|w| ["बाकी", "बाक़ी", "शेष", "remaining", "other"].contains(&w))
            || head.ends_with("the rest of the")
            || none_of && lower[at..].starts_with(&format!("{} other", noun.0));
        // "more than three candidates", "at least two seats": a bound on the count itself.
        let at_least = ["more than", "over", "at least", "से ज़्यादा", "से अधिक"]
            .iter()
            .any(|w| head.ends_with(w));
        if at_least {
            return None;
        }
        // The bound: a figure with "more than", "above", "से ज़्यादा", "से कम" … by it.
        let (q, more) = quoted.iter().find_map(|q| {
            if q.year || q.start <= at {
                return None;
            }
            let before = lower[..q.start].trim_end();
            let after = lower[q.end..].trim_start();
            let after = ["वोटों ", "वोट ", "मतों ", "मत "]
                .iter()
                .find_map(|v| after.strip_prefix(v))
                .unwrap_or(after);
            let ends = |list: &[&str]| list.iter().any(|w| before.ends_with(w));
            let starts = |list: &[&str]| list.iter().any(|w| after.starts_with(w));
            if ends(super::MORE_BEFORE) || starts(&["से ज़्यादा", "से ज्यादा", "से अधिक", "से ऊपर"])
            {
                Some((q, true))
            } else if ends(super::LESS_BEFORE) || starts(&["से कम", "से नीचे"])
            {
                Some((q, false))
            } else {
                None
            }
        })?;
        let scope: Vec<usize> = if named.results.is_empty() {
            let latest = (0..self.results.len()).map(|i| self.result(i).year).max()?;
            (0..self.results.len())
                .filter(|i| self.result(*i).year == latest)
                .collect()
        } else {
            named.results.clone()
        };
        let beyond = |v: f64| if more { v > q.value } else { v < q.value };
        let mut found: Vec<String> = Vec::new();
        if seats {
            let margin_said = ["decided", "margin", "won by", "अंतर", "फ़ासला", "फासला"]
                .iter()
                .any(|w| lower.contains(w));
            if !margin_said || q.measure != Measure::Count || scope.len() < 2 {
                return None;
            }
            for i in &scope {
                let r = self.result(*i);
                let value = r.margin? as f64;
                if beyond(value) {
                    found.push(format!("{} ({})", r.constituency, inr(value)));
                }
            }
        } else {
            if scope.len() != 1 {
                return None;
            }
            let r = self.result(scope[0]);
            let field = candidates(r).count();
            for c in
                candidates(r).filter(|c| !rest || c.rank.is_some_and(|rank| rank + group > field))
            {
                let value = match q.measure {
                    Measure::Count => c.votes as f64,
                    Measure::Percent => c.share?,
                    Measure::Points => return None,
                };
                if c.approx {
                    return None;
                }
                if beyond(value) {
                    found.push(format!("{} ({})", c.name, c.party));
                }
            }
        }
        if found.len() == n {
            return None;
        }
        // "दो उम्मीदवार, 91 प्रतिशत से ज़्यादा वोट": two cannot each have more than half, so
        // the bound is on what they had together (so too with "together", "मिलाकर").
        let together = ["together", "combined", "between them", "मिलकर", "मिलाकर"]
            .iter()
            .any(|w| find_word(lower, w).is_some());
        if !seats
            && more
            && n >= 2
            && (together || q.measure == Measure::Percent && n as f64 * q.value > 100.0)
        {
            let r = self.result(scope[0]);
            let mut leaders: Vec<&crate::election::derive::CandidateFigures> = r
                .candidates
                .iter()
                .filter(|c| c.party != crate::election::result::NOTA)
                .collect();
            leaders.sort_by_key(|c| c.rank);
            leaders.truncate(n);
            let votes: u64 = leaders.iter().map(|c| c.votes).sum();
            let value = match q.measure {
                Measure::Count => votes as f64,
                _ => (votes as f64 * 10_000.0 / r.total.max(1) as f64).round() / 100.0,
            };
            if value > q.value || leaders.len() < n {
                return None;
            }
            let shown = match q.measure {
                Measure::Count => inr(value),
                _ => format!("{value:.2}%"),
            };
            return Some((
                at,
                format!(
                    "the text says the first {n} together got more than {}, but the data says {shown} for them in {}",
                    sentence[q.start..q.end].trim(),
                    r.election
                ),
            ));
        }
        let bound = if more { "more than" } else { "less than" };
        let list = if found.is_empty() {
            "none".to_string()
        } else {
            format!("{}: {}", found.len(), found.join(", "))
        };
        Some((
            at,
            format!(
                "the text says {} {} {} {bound} {}, but the data gives {list}",
                noun.0,
                noun.1,
                if seats { "had a margin of" } else { "got" },
                sentence[q.start..q.end].trim()
            ),
        ))
    }
}

/// "thirty" of "thirty-seven" (or "thirty seven") before the units word at `at`: its
/// offset and value.
fn tens_before(lower: &str, at: usize) -> Option<(usize, f64)> {
    let head = lower[..at].strip_suffix(['-', ' '])?;
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !super::numbers::is_word_char(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tens = numbers::small_number(&head[start..])?;
    ((20.0..100.0).contains(&tens) && tens % 10.0 == 0.0).then_some((start, tens))
}

fn inr(value: f64) -> String {
    crate::numfmt::inr_unsigned(value.round().max(0.0) as u64)
}

/// How many leading candidates a clause sums, and whether it says they lead: "the top
/// four", "the first three", "पहले तीन", "the two front-runners" (explicit); "the three
/// together", "between them the two took" (the ones just named, taken to be the leaders).
fn leaders_counted(clause: &str) -> Option<(usize, bool)> {
    let count_after = |lead: &str| {
        let at = find_word(clause, lead.trim_end())?;
        let word = clause.get(at + lead.len()..)?.split_whitespace().next()?;
        numbers::small_number(word)
            .filter(|n| (2.0..=10.0).contains(n) && n.fract() == 0.0)
            .map(|n| n as usize)
    };
    if let Some(n) = [
        "the top ",
        "top ",
        "the first ",
        "the leading ",
        "पहले ",
        "शीर्ष ",
    ]
    .iter()
    .find_map(|lead| count_after(lead))
    {
        return Some((n, true));
    }
    if ["the two front-runners", "the two leaders"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return Some((2, true));
    }
    // "the three together took …": the count right after "the", then a verb, not a noun
    // ("the three independents").
    let at = find_word(clause, "the")?;
    let mut words = clause[at + 3..].split_whitespace();
    let n = numbers::small_number(words.next()?)
        .filter(|n| (2.0..=10.0).contains(n) && n.fract() == 0.0)?;
    let next = words.next()?;
    ["together", "took", "polled", "won", "got", "had", "shared"]
        .contains(&next)
        .then_some((n as usize, false))
}

impl Checker<'_> {
    /// The one result a sentence is about: the one it names, or the page's only one.
    pub(super) fn sole_result(&self, named: &Named) -> Option<usize> {
        match named.results.as_slice() {
            [i] => Some(*i),
            [] if self.results.len() == 1 => Some(0),
            _ => None,
        }
    }
}

/// Past "of (the) M" after a count ("sixteen of the 22 candidates"): the index of the word
/// after it, or `next` itself when no "of" stands there.
fn after_of_the_count(words: &[(usize, &str)], mut next: usize) -> usize {
    if words.get(next).is_none_or(|(_, w)| *w != "of") {
        return next;
    }
    next += 1;
    if words.get(next).is_some_and(|(_, w)| *w == "the") {
        next += 1;
    }
    if words
        .get(next)
        .is_some_and(|(_, w)| numbers::small_number(w).is_some())
    {
        next += 1;
    }
    next
}

/// Whether a count after `head` (the text before it, lower case) opens what is said: the
/// start of a sentence or heading, or right after a colon ("the longest ballot: 46 …").
fn opens_a_statement(head: &str) -> bool {
    let head = head.trim_end();
    head.is_empty() || head.ends_with(':')
}
