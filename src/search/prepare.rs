//! What the index derives from one article alone, once: its folded words with the fields
//! each is in, and where a snippet of each word is cut. Folding (NFC, the letter tests) is
//! most of the cost of an index, so this is what a warm build keeps in its search cache
//! and what `serve` keeps between edits: an edit prepares only the articles it changed.

use super::snippet::{NOWHERE, Sources};
use super::{Entry, Synonyms, fold};
use crate::fingerprint::Fingerprinter;
use std::collections::HashMap;

pub(super) const TITLE: u8 = 4;
pub(super) const HEADING: u8 = 2;
pub(super) const BODY: u8 = 1;
/// Beside the body (the result box): written as no field (0) when the word is nowhere else.
pub(super) const BESIDE: u8 = 8;

/// One article's words, as the index needs them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The fingerprint of the groups of synonyms these words were found with
    /// (`synonyms_print`): prepared with other groups, they are prepared again.
    pub synonyms: u64,
    /// Every distinct word of the article, and the word of each group of synonyms one of
    /// whose phrases it has, sorted: (word, fields it is in, where its snippet is cut —
    /// `snippet::Sources::first_places`'s place, or `u32::MAX` for the article's lead).
    pub words: Vec<(String, u8, u32)>,
}

impl Prepared {
    /// The fields and snippet place of `word`, if the article has it.
    pub(super) fn get(&self, word: &str) -> Option<(u8, u32)> {
        let at = self
            .words
            .binary_search_by(|(w, _, _)| w.as_str().cmp(word))
            .ok()?;
        let (_, fields, place) = &self.words[at];
        Some((*fields, *place))
    }
}

/// The words of `entry` with their fields and snippet places.
pub fn prepare(entry: &Entry, synonyms: &Synonyms) -> Prepared {
    let mut fields: HashMap<String, u8> = HashMap::new();
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
    Prepared {
        synonyms: synonyms_print(synonyms),
        words,
    }
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
