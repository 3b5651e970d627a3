//! The snippet under a result's title: the text around the first place where the matched
//! word occurs, in the body, else the description, else the tags. The build writes the
//! snippets of each word's first results into the index (so the first screen of results
//! needs no article file); static/search.js cuts the same window from an article file for
//! the others (`snippet` there), so both kinds of card read alike.

use super::{Entry, fold};
use crate::fast_hash::FastMap;

/// Words shown before the matched one, and after it.
const BEFORE: usize = 6;
const AFTER: usize = 14;
/// Words shown when the matched word is only in the title.
const LEAD: usize = 20;

/// Where no word of a snippet's was found (`Sources::cut` then shows the lead).
pub const NOWHERE: u32 = u32::MAX;

/// The texts of an article a snippet is cut from, in this order of preference: what it
/// shows (body, then beside), its description, its tags; each with its words' places,
/// found when first needed.
pub struct Sources {
    texts: [String; 3],
    spans: [std::sync::OnceLock<Vec<(usize, usize)>>; 3],
}

impl Sources {
    pub fn of(entry: &Entry) -> Sources {
        Sources {
            texts: [
                entry.text.shown(),
                entry.description.clone(),
                entry.tags.join(" · "),
            ],
            spans: Default::default(),
        }
    }

    fn spans(&self, s: usize) -> &[(usize, usize)] {
        self.spans[s].get_or_init(|| word_spans(&self.texts[s]))
    }

    /// The first place of every word search indexes, by folded word: `source << 30 |
    /// word number` (so that places compare as (source, word number)).
    pub fn first_places(&self) -> FastMap<String, u32> {
        let mut first: FastMap<String, u32> = FastMap::default();
        let mut folded = String::new();
        for (s, text) in self.texts.iter().enumerate() {
            for (i, &(start, end)) in self.spans(s).iter().enumerate() {
                fold::fold_into(&text[start..end], &mut folded);
                // Most words of a page were met before: only a new one is copied.
                if let Some(word) = fold::first_word(&folded)
                    && !first.contains_key(word.as_ref())
                {
                    first.insert(word.into_owned(), ((s as u32) << 30) | i as u32);
                }
            }
        }
        first
    }

    /// The snippet around `place` (one of `first_places`), or the lead of the article for
    /// `NOWHERE`.
    pub fn cut(&self, place: u32) -> String {
        if place == NOWHERE {
            let s = if self.texts[1].is_empty() { 0 } else { 1 };
            return window(&self.texts[s], self.spans(s), 0, LEAD);
        }
        let (s, i) = ((place >> 30) as usize, (place & ((1 << 30) - 1)) as usize);
        window(
            &self.texts[s],
            self.spans(s),
            i.saturating_sub(BEFORE),
            i + AFTER,
        )
    }
}

/// The snippet of `entry` for each of `words` (each a list of folded words, as the index
/// has them: the snippet is cut around the first place of any of them), in order; the
/// index cuts the same from prepared places (prepare.rs).
#[cfg(test)]
pub fn snippets(entry: &Entry, words: &[Vec<&str>]) -> Vec<String> {
    let sources = Sources::of(entry);
    let first = sources.first_places();
    words
        .iter()
        .map(|w| {
            let place = w.iter().filter_map(|w| first.get(*w)).min();
            sources.cut(place.copied().unwrap_or(NOWHERE))
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

/// Where the words of raw (unfolded) text are, as byte ranges: runs of word characters,
/// with a comma or point between two digits (ASCII or Devanagari) kept in the number.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('०'..='९').contains(&c));
    let mut spans = Vec::new();
    let mut start = None;
    let mut before = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let in_number =
            matches!(c, ',' | '.') && digit(before) && digit(chars.peek().map(|&(_, n)| n));
        if fold::is_word_char(c) || in_number {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            spans.push((s, at));
        }
        before = Some(c);
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
