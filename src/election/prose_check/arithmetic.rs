//! Sums the text works out itself: "4,68,937 से घटकर 4,43,055 रह गए, 28,582 कम", "8,42,994
//! से बढ़कर 8,87,396 हुए, यानी 44,204 ज़्यादा", "6,12,709 … 6,12,970 वोटों से सिर्फ़ 216 कम".
//! Both figures may be right and the difference typed wrong; an editor subtracts.

use super::numbers::{self, Measure, Quoted};
use super::quoted_text;
use crate::numfmt::inr_unsigned;

/// Words right after a figure (and "votes") that make it the difference of the two
/// figures before it.
const DIFFERENCE_WORDS: &[&str] = &[
    "कम",
    "ज़्यादा",
    "ज्यादा",
    "अधिक",
    "fewer",
    "more",
    "less",
    "larger",
    "smaller",
    "higher",
    "lower",
];

/// Words right before a figure that name it the difference of the two before it.
const GAP_BEFORE: &[&str] = &[
    "a gap of",
    "a difference of",
    "a lead of",
    "a gap of just",
    "a gap of only",
    "a difference of just",
    "a lead of just",
    "a lead of only",
];

/// Words right after a figure that name it so ("… 2,077 का अंतर").
const GAP_AFTER: &[&str] = &[
    "का अंतर",
    "का अन्तर",
    "का फ़ासला",
    "का फासला",
    "का फ़र्क़",
    "का फर्क",
];

/// Whether `a` is `b` with two of its digits exchanged or one digit changed: a slip of
/// the hand, not another figure.
fn slip_of(a: u64, b: u64) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    if a.len() != b.len() || a == b {
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let diff: Vec<usize> = (0..a.len()).filter(|i| a[*i] != b[*i]).collect();
    match diff.as_slice() {
        [_] => a.len() >= 3,
        [i, j] => a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// A difference in `sentence` that is not the difference of the two figures before it
/// but a slip of it: (byte offset, message).
pub(super) fn difference_claim(sentence: &str, quoted: &[Quoted]) -> Option<(usize, String)> {
    let exact = |q: &&Quoted| {
        q.measure == Measure::Count && !q.year && q.step == 1.0 && !q.words && q.value >= 10.0
    };
    let counts: Vec<&Quoted> = quoted.iter().filter(exact).collect();
    counts.iter().enumerate().skip(2).find_map(|(k, c)| {
        let after = numbers::lowercase(sentence[c.end..].trim_start());
        let after = ["votes ", "vote ", "वोट ", "वोटों ", "मत "]
            .iter()
            .find_map(|v| after.strip_prefix(v))
            .unwrap_or(&after);
        // "2,221 to Vishal Patil's 2,015, a gap of 206", "… 2,077 का फ़ासला": the
        // difference named before or after the figure.
        let head = numbers::lowercase(sentence[..c.start].trim_end());
        let named_gap = GAP_BEFORE.iter().any(|w| head.ends_with(w))
            || GAP_AFTER.iter().any(|w| after.starts_with(w));
        if !named_gap && !DIFFERENCE_WORDS.iter().any(|w| numbers::word_at(after, w)) {
            return None;
        }
        // "… more than": a comparison, not the difference.
        let rest = after.split_whitespace().nth(1).unwrap_or_default();
        if !named_gap && ["than", "से"].contains(&rest) {
            return None;
        }
        let (a, b) = (counts[k - 2], counts[k - 1]);
        // The two figures are of one kind, the difference smaller than both.
        if a.value <= c.value || b.value <= c.value {
            return None;
        }
        let gap = (a.value - b.value).abs() as u64;
        let typed = c.value as u64;
        let near = (typed as f64 - gap as f64).abs() <= gap as f64 * 0.02;
        if typed == gap || !(slip_of(typed, gap) || near) {
            return None;
        }
        Some((
            c.start,
            format!(
                "{} in the text, but {} and {} differ by {}: check the figures or the difference",
                quoted_text(sentence, c),
                quoted_text(sentence, a),
                quoted_text(sentence, b),
                inr_unsigned(gap)
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(sentence: &str) -> Option<String> {
        difference_claim(sentence, &numbers::numbers(sentence)).map(|(_, m)| m)
    }

    #[test]
    fn a_difference_typed_with_a_slip_is_caught_and_a_right_one_is_not() {
        assert_eq!(
            claim("भाजपा के वोट 4,68,937 से घटकर 4,43,055 रह गए, 28,582 कम।").as_deref(),
            Some(
                "28,582 in the text, but 4,68,937 and 4,43,055 differ by 25,882: check the figures or the difference"
            )
        );
        assert!(claim("भाजपा के वोट 4,68,937 से घटकर 4,43,055 रह गए, 25,882 कम।").is_none());
        assert!(
            claim("राजनाथ सिंह के 6,12,709 वोट मोदी के 6,12,970 वोटों से सिर्फ़ 216 कम रहे।").is_some()
        );
        assert!(
            claim("राजनाथ सिंह के 6,12,709 वोट मोदी के 6,12,970 वोटों से सिर्फ़ 261 कम रहे।").is_none()
        );
        assert!(claim("Valid votes rose from 8,42,994 to 8,87,396, or 44,204 more.").is_some());
        assert!(
            claim("On these Sanjay Patil was ahead: 2,221 to Vishal Patil's 2,015, a gap of 260.")
                .is_some()
        );
        assert!(
            claim("On these Sanjay Patil was ahead: 2,221 to Vishal Patil's 2,015, a gap of 206.")
                .is_none()
        );
        // Another figure altogether, not a slip of the difference: not this check's.
        assert!(
            claim("She polled 4,68,937 and he 4,43,055, and NOTA 7,350 more than in 2019.")
                .is_none()
        );
    }
}
