//! Fitting names into a width: wrap at spaces, and as a last resort shorten with "…".
//!
//! A shortened name is always complete in the table and the description, so nothing is
//! lost. Cuts fall between Devanagari clusters only: never after a virama (that would
//! split a conjunct such as क्ष) nor before a matra or other combining mark.

pub const ELLIPSIS: char = '…';

/// Lines of `text`, each at most `max_width` by `measure`, at most `max_lines` of them.
/// Text that does not fit in `max_lines` ends with "…" on the last line.
pub fn wrap(
    text: &str,
    max_width: f64,
    max_lines: usize,
    measure: &dyn Fn(&str) -> f64,
) -> Vec<String> {
    let mut lines = wrap_all(text, max_width, measure);
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, max_width, measure);
        }
    }
    lines
}

/// Greedy wrapping at spaces with no line limit; a word wider than a line is cut into
/// pieces at cluster boundaries.
fn wrap_all(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut rest = word;
        while measure(rest) > max_width {
            let cut = longest_fitting_prefix(rest, max_width, measure);
            if cut >= rest.len() {
                break;
            }
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        current = rest.to_string();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// `text` shortened to end in "…" within `max_width`.
pub fn with_ellipsis(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> String {
    let mut end = text.len();
    loop {
        let candidate = format!("{}{ELLIPSIS}", text[..end].trim_end());
        if end == 0 || measure(&candidate) <= max_width {
            return candidate;
        }
        end = previous_boundary(text, end);
    }
}

/// Byte length of the longest prefix that fits, at least one cluster so progress is made.
fn longest_fitting_prefix(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> usize {
    let first = next_boundary(text, 0);
    let mut end = text.len();
    while end > first && measure(&text[..end]) > max_width {
        end = previous_boundary(text, end);
    }
    end.max(first)
}

/// The cluster boundary before byte `end` (0 when there is none).
fn previous_boundary(text: &str, end: usize) -> usize {
    let mut chars = text[..end].char_indices().rev().peekable();
    while let Some((index, c)) = chars.next() {
        let before = chars.peek().map(|&(_, p)| p);
        if index == 0 || is_boundary(before, c) {
            return index;
        }
    }
    0
}

/// The cluster boundary after byte `start` (the text's length when there is none).
fn next_boundary(text: &str, start: usize) -> usize {
    let mut previous = None;
    for (index, c) in text[start..].char_indices() {
        if index > 0 && is_boundary(previous, c) {
            return start + index;
        }
        previous = Some(c);
    }
    text.len()
}

/// May a line end between `before` and `c`?
fn is_boundary(before: Option<char>, c: char) -> bool {
    let joins_next = matches!(before, Some('\u{094D}' | '\u{200D}' | '\u{200C}'));
    !joins_next && !is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{093C}'
        | '\u{093E}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}'
        | '\u{1CD0}'..='\u{1CF9}'
        | '\u{A8E0}'..='\u{A8F1}'
        | '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char 10 px wide except combining marks: easy to reason about.
    fn fixed(text: &str) -> f64 {
        text.chars().filter(|&c| !is_combining(c)).count() as f64 * 10.0
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("कैंट", 100.0, 2, &fixed), vec!["कैंट"]);
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("aaa bbb ccc", 70.0, 3, &fixed), vec!["aaa bbb", "ccc"]);
    }

    #[test]
    fn overflow_ends_with_an_ellipsis_and_fits() {
        let lines = wrap("aaa bbb ccc ddd eee", 70.0, 2, &fixed);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "aaa bbb");
        assert!(lines[1].ends_with(ELLIPSIS), "{lines:?}");
        assert!(lines.iter().all(|l| fixed(l) <= 70.0), "{lines:?}");
    }

    #[test]
    fn a_word_wider_than_a_line_is_split_between_clusters() {
        let lines = wrap("किदवईनगरकिदवईनगर", 50.0, 4, &fixed);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), "किदवईनगरकिदवईनगर");
        for line in &lines {
            let first = line.chars().next().expect("non-empty line");
            assert!(!is_combining(first), "line starts with a mark: {line}");
        }
    }

    #[test]
    fn never_splits_a_conjunct_or_strands_a_matra() {
        // क्ष = क + virama + ष; cutting after the virama would show a broken conjunct.
        let cut = with_ellipsis("क्षेत्र", 25.0, &fixed);
        assert!(!cut.contains("\u{094D}…"), "{cut}");
        let first_line = &wrap("क्षेत्रक्षेत्र", 20.0, 3, &fixed)[0];
        assert!(!first_line.ends_with('\u{094D}'), "{first_line}");
    }

    #[test]
    fn ellipsis_alone_when_nothing_fits() {
        assert_eq!(with_ellipsis("abc", 1.0, &fixed), "…");
        assert!(wrap("", 50.0, 2, &fixed).is_empty());
    }
}
