//! What the index derives from one article alone, once: its folded words with the fields
//! each is in, and where a snippet of each word is cut. Folding (NFC, the letter tests) is
//! most of the cost of an index, so this is what a warm build keeps in its search cache
//! and what `serve` keeps between edits: an edit prepares only the articles it changed.

use super::snippet::{NOWHERE, Sources};
use super::{Entry, Synonyms, fold};
use crate::fast_hash::FastMap;
use crate::fingerprint::Fingerprinter;

pub(super) const TITLE: u8 = 4;
pub(super) const HEADING: u8 = 2;
pub(super) const BODY: u8 = 1;
/// Beside the body (the result box): written as no field (0) when the word is nowhere else.
pub(super) const BESIDE: u8 = 8;

/// One article's words, as the index needs them: every distinct word of the article, and
/// the word of each group of synonyms one of whose phrases it has, sorted, each with the
/// fields it is in and where its snippet is cut (`snippet::Sources::first_places`'s place,
/// or `u32::MAX` for the article's lead).
///
/// Packed: the words in one string, one after another with a line break between them (a
/// folded word has none), and per word where it ends, its fields and its place. A warm
/// build holds every article's, so a `String` per word (its own allocation beside a
/// 32-byte tuple) was most of the memory of an index rebuilt from the search cache.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The fingerprint of the groups of synonyms these words were found with
    /// (`synonyms_print`): prepared with other groups, they are prepared again.
    pub synonyms: u64,
    text: String,
    /// (where the word ends in `text`, fields, place).
    words: Vec<(u32, u8, u32)>,
}

impl Prepared {
    /// From `(word, fields, place)` sorted by word, no word twice or with a line break.
    pub fn from_words(synonyms: u64, words: &[(String, u8, u32)]) -> Prepared {
        let mut text = String::with_capacity(words.iter().map(|(w, _, _)| w.len() + 1).sum());
        let mut packed = Vec::with_capacity(words.len());
        for (word, fields, place) in words {
            if !packed.is_empty() {
                text.push('\n');
            }
            text.push_str(word);
            packed.push((text.len() as u32, *fields, *place));
        }
        Prepared {
            synonyms,
            text,
            words: packed,
        }
    }

    /// From the words joined by line breaks (`text()`), and their fields and places in
    /// the same order; `None` if their numbers disagree.
    pub fn from_parts(
        synonyms: u64,
        text: String,
        fields: &[u8],
        places: impl ExactSizeIterator<Item = u32>,
    ) -> Option<Prepared> {
        let count = match text.is_empty() {
            true => 0,
            false => text.bytes().filter(|&b| b == b'\n').count() + 1,
        };
        if count != fields.len() || count != places.len() || text.len() > u32::MAX as usize {
            return None;
        }
        let ends = text
            .match_indices('\n')
            .map(|(at, _)| at)
            .chain((count > 0).then_some(text.len()));
        let words = ends
            .zip(fields)
            .zip(places)
            .map(|((end, fields), place)| (end as u32, *fields, place))
            .collect();
        Some(Prepared {
            synonyms,
            text,
            words,
        })
    }

    /// The words, joined by line breaks.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Each word with its fields and snippet place, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, u8, u32)> + '_ {
        (0..self.words.len()).map(|at| self.at(at))
    }

    fn at(&self, at: usize) -> (&str, u8, u32) {
        let start = match at {
            0 => 0,
            _ => self.words[at - 1].0 as usize + 1,
        };
        let (end, fields, place) = self.words[at];
        (&self.text[start..end as usize], fields, place)
    }

    /// The fields and snippet place of `word`, if the article has it.
    pub(super) fn get(&self, word: &str) -> Option<(u8, u32)> {
        let (mut low, mut high) = (0, self.words.len());
        while low < high {
            let mid = (low + high) / 2;
            let (w, fields, place) = self.at(mid);
            match w.cmp(word) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some((fields, place)),
            }
        }
        None
    }
}

/// The words of `entry` with their fields and snippet places.
pub fn prepare(entry: &Entry, synonyms: &Synonyms) -> Prepared {
    // Filled with every word of the page (a quick hash: the words are the site's own, and
    // they are sorted below, so the map's order is never seen).
    let mut fields: FastMap<String, u8> = FastMap::default();
    let mut add = |text: &str, field: u8| {
        let words = fold::words(&fold::fold(text));
        for g in synonyms.found_in(&words) {
            *fields.entry(synonyms.groups[g].token.clone()).or_default() |= field;
        }
        for word in words {
            *fields.entry(word).or_default() |= field;
        }
    };
    add(&entry.title, TITLE);
    add(&entry.description, HEADING);
    for text in entry.tags.iter().chain(&entry.text.headings) {
        add(text, HEADING);
    }
    add(&entry.text.body, BODY);
    add(&entry.text.beside, BESIDE);
    let first = Sources::of(entry).first_places();
    let group = |word: &str| {
        word.starts_with('=')
            .then(|| synonyms.group(word))
            .flatten()
    };
    let place = |word: &str| match group(word) {
        // A group's word is in no text: its snippet is cut around its own words.
        Some(g) => g
            .marks
            .iter()
            .filter_map(|m| first.get(m))
            .min()
            .copied()
            .unwrap_or(NOWHERE),
        None => first.get(word).copied().unwrap_or(NOWHERE),
    };
    let mut words: Vec<(String, u8, u32)> = fields
        .into_iter()
        .map(|(word, fields)| {
            let at = place(&word);
            (word, fields, at)
        })
        .collect();
    words.sort_unstable();
    Prepared::from_words(synonyms_print(synonyms), &words)
}

/// The fingerprint of the groups of synonyms words are prepared with.
pub fn synonyms_print(synonyms: &Synonyms) -> u64 {
    let mut f = Fingerprinter::new();
    f.add(&synonyms.groups.len());
    for g in &synonyms.groups {
        f.add(&g.token).add(&g.phrases).add(&g.marks);
    }
    f.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_found_listed_and_rebuilt_from_their_parts() {
        let words: Vec<(String, u8, u32)> = ["2024", "कानपुर", "कांग्रेस", "वोट"]
            .iter()
            .enumerate()
            .map(|(n, w)| (w.to_string(), n as u8 + 1, n as u32 * 10))
            .collect();
        let packed = Prepared::from_words(7, &words);
        let listed: Vec<(String, u8, u32)> = packed
            .iter()
            .map(|(w, f, p)| (w.to_string(), f, p))
            .collect();
        assert_eq!(listed, words);
        assert_eq!(packed.get("कांग्रेस"), Some((3, 20)));
        assert_eq!(packed.get("2024"), Some((1, 0)));
        assert_eq!(packed.get("वोट"), Some((4, 30)));
        assert_eq!(packed.get("काँग्रेस"), None);
        assert_eq!(packed.get(""), None);
        let fields: Vec<u8> = packed.iter().map(|(_, f, _)| f).collect();
        let places = packed.iter().map(|(_, _, p)| p);
        let again = Prepared::from_parts(7, packed.text().to_string(), &fields, places);
        assert_eq!(again.as_ref(), Some(&packed));
        // Parts that disagree are refused; no words is no text.
        let two = [1, 2].into_iter();
        assert!(Prepared::from_parts(7, packed.text().to_string(), &fields, two).is_none());
        let empty = Prepared::from_parts(7, String::new(), &[], std::iter::empty());
        assert_eq!(empty, Some(Prepared::from_words(7, &[])));
        assert!(Prepared::from_parts(7, String::new(), &[1], [0].into_iter()).is_none());
    }
}
