//! The snippet under a result's title: the text around the first place where the matched
//! word occurs, in the body, else the description, else the tags. The build writes the
//! snippets of each word's first results into the index (so the first screen of results
//! needs no article file); static/search.js cuts the same window from an article file for
//! the others (`snippet` there), so both kinds of card read alike.

use super::{Entry, fold};
use std::collections::HashMap;

/// Words shown before the matched one, and after it.
const BEFORE: usize = 6;
const AFTER: usize = 14;
/// Words shown when the matched word is only in the title.
const LEAD: usize = 20;

/// The snippet of `entry` for each of `words` (each a list of folded words, as the index
/// has them: the snippet is cut around the first place of any of them), in order.
pub fn snippets(entry: &Entry, words: &[Vec<&str>]) -> Vec<String> {
    let tags = entry.tags.join(" · ");
    let shown = entry.text.shown();
    let sources = [shown.as_str(), entry.description.as_str(), &tags];
    let spans: Vec<Vec<(usize, usize)>> = sources.iter().map(|t| word_spans(t)).collect();
    // The first place of every word: (source, word number).
    let mut first: HashMap<String, (usize, usize)> = HashMap::new();
    let wanted: std::collections::HashSet<&str> = words.iter().flatten().copied().collect();
    for (s, text) in sources.iter().enumerate() {
        for (i, &(start, end)) in spans[s].iter().enumerate() {
            if let Some(word) = folded_word(&text[start..end])
                && wanted.contains(word.as_str())
            {
                first.entry(word).or_insert((s, i));
            }
        }
    }
    words
        .iter()
        .map(|w| match w.iter().filter_map(|w| first.get(*w)).min() {
            Some(&(s, i)) => window(sources[s], &spans[s], i.saturating_sub(BEFORE), i + AFTER),
            None => {
                let s = if entry.description.is_empty() { 0 } else { 1 };
                window(sources[s], &spans[s], 0, LEAD)
            }
        })
        .collect()
}

/// Words `from` to `to` of `text`, with "…" where text was left out.
fn window(text: &str, spans: &[(usize, usize)], from: usize, to: usize) -> String {
    let Some(&(start, _)) = spans.get(from) else {
        return text.chars().take(160).collect();
    };
    let end = spans[to.min(spans.len() - 1)].1;
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push_str("… ");
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push_str(" …");
    }
    out
}

/// The folded word a piece of raw text is, if it is one search indexes.
fn folded_word(piece: &str) -> Option<String> {
    fold::words(&fold::fold(piece)).into_iter().next()
}

/// Where the words of raw (unfolded) text are, as byte ranges: runs of word characters,
/// with a comma or point between two digits (ASCII or Devanagari) kept in the number.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&(_, c)| c.is_ascii_digit() || ('०'..='९').contains(&c))
    };
    let mut spans = Vec::new();
    let mut start = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let in_number = matches!(c, ',' | '.') && i > 0 && digit(i - 1) && digit(i + 1);
        if fold::is_word_char(c) || in_number {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            spans.push((s, at));
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::PageText;

    fn entry(body: &str, description: &str) -> Entry {
        Entry {
            title: "शीर्षक".into(),
            description: description.into(),
            text: PageText {
                headings: vec![],
                body: body.into(),
                beside: String::new(),
            },
            ..Entry::default()
        }
    }

    #[test]
    fn the_window_is_around_the_first_match_in_any_spelling() {
        let words: Vec<String> = (1..=40).map(|n| format!("w{n}")).collect();
        let body = format!("{} ज़मानत {}", words[..20].join(" "), words[20..].join(" "));
        let got = snippets(&entry(&body, ""), &[vec!["जमानत"]]);
        assert_eq!(
            got[0],
            format!(
                "… {} ज़मानत {} …",
                words[14..20].join(" "),
                words[20..34].join(" ")
            )
        );
    }

    #[test]
    fn numbers_are_found_as_written_and_a_title_word_shows_the_description() {
        let e = entry("कुल 4,22,087 वोट।", "विवरण यहाँ");
        assert_eq!(
            snippets(&e, &[vec!["422087"], vec!["शीर्षक"]]),
            ["कुल 4,22,087 वोट …", "विवरण यहाँ"]
        );
    }
}
