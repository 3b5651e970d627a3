//! Folding: the one spelling that search compares, so that a word is found however it was
//! typed. static/search.js folds queries with the same rules, line for line; both are
//! tested against one table of cases (tests/search-cases.json).
//!
//! What folds together: Unicode's composed and decomposed forms (NFC), a nukta and its
//! absence (क़ = क + ़ = क), chandrabindu and anusvara (काँग्रेस = कांग्रेस), a nasal
//! consonant with virama before a stop and anusvara (हिन्दी = हिंदी), candra E and AI
//! (ऍ = ऐ, ॅ = ै), the invisible joiners and the soft hyphen, Devanagari digits and ASCII
//! digits, upper and lower case. What never folds: vowel signs, virama and conjuncts, so
//! कला, काला, कल and किला stay four words.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

const VIRAMA: char = '\u{094D}';
const ANUSVARA: char = '\u{0902}';

/// Folds `text` (a whole field or one word) into the spelling search compares.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `fold(text)` into `out` (its text replaced), reusing its room.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if !fold_quickly(text, out) {
        *out = fold_by_unicode(text);
    }
}

/// `fold` for text of ASCII, Devanagari and the punctuation around them (nearly every
/// field), without Unicode's normalisation tables: `false` (and `out` half written) at the
/// first character it does not know, which `fold_by_unicode` then folds. For these
/// characters NFC changes only what folding drops or maps anyway: it decomposes क़ ख़ ग़ ज़
/// ड़ ढ़ फ़ य़ into letter and nukta (the nukta is dropped), composes न ऱ ळ with a nukta (ऩ ऱ ऴ
/// map back to the letter) and moves a nukta before a virama (the only marks here of a
/// class other than 0, with the Vedic accents U+0951–U+0954, which take the slow path).
fn fold_quickly(text: &str, out: &mut String) -> bool {
    for c in text.chars() {
        let c = match c {
            c if c.is_ascii() => c.to_ascii_lowercase(),
            '\u{0951}'..='\u{0954}' => return false,
            '\u{0958}'..='\u{095F}' => NUKTA_LETTERS[c as usize - 0x0958],
            '\u{0900}'..='\u{097F}'
            | '\u{00A0}'
            | '\u{00AD}'
            | '\u{00B7}'
            | '\u{200C}'..='\u{200D}'
            | '\u{2013}'..='\u{2014}'
            | '\u{2018}'..='\u{2019}'
            | '\u{201C}'..='\u{201D}'
            | '\u{2022}'
            | '\u{2026}'
            | '\u{20B9}' => match map_char(c) {
                Some(c) => c,
                None => continue,
            },
            _ => return false,
        };
        // A half nasal before a stop is written as anusvara: `fold_by_unicode` looks ahead
        // from the nasal, this looks back from the stop.
        if is_stop(c) && out.ends_with(VIRAMA) {
            let before = out[..out.len() - VIRAMA.len_utf8()].chars().next_back();
            if let Some(nasal) = before.filter(|&n| is_nasal(n)) {
                out.truncate(out.len() - VIRAMA.len_utf8() - nasal.len_utf8());
                out.push(ANUSVARA);
            }
        }
        out.push(c);
    }
    true
}

/// The letters NFC takes U+0958–U+095F apart into (each followed by a nukta).
const NUKTA_LETTERS: [char; 8] = ['क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'];

/// `fold` for any text: NFC, then the marks mapped or dropped, then lower case.
fn fold_by_unicode(text: &str) -> String {
    let mapped: Vec<char> = text.nfc().filter_map(map_char).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < mapped.len() {
        let c = mapped[i];
        if is_nasal(c)
            && mapped.get(i + 1) == Some(&VIRAMA)
            && mapped.get(i + 2).is_some_and(|&n| is_stop(n))
        {
            out.push(ANUSVARA);
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.to_lowercase()
}

/// One character's folded form, or `None` for the marks that are dropped.
fn map_char(c: char) -> Option<char> {
    Some(match c {
        // Nukta, ZWNJ, ZWJ, soft hyphen: present or not, the same word.
        '\u{093C}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' => return None,
        // NFC keeps these three composed (the other nukta letters it decomposes).
        'ऩ' => 'न',
        'ऱ' => 'र',
        'ऴ' => 'ळ',
        '\u{0901}' => ANUSVARA,
        'ऍ' => 'ऐ',
        '\u{0945}' => '\u{0948}',
        '०'..='९' => char::from(b'0' + (c as u32 - '०' as u32) as u8),
        c => c,
    })
}

/// ङ ञ ण न म: the nasals an anusvara stands for.
fn is_nasal(c: char) -> bool {
    matches!(c, 'ङ' | 'ञ' | 'ण' | 'न' | 'म')
}

/// The stops (क to भ, other than the nasals), before which a half nasal is written as anusvara.
fn is_stop(c: char) -> bool {
    matches!(c, 'क'..='भ') && !is_nasal(c)
}

/// Whether `c` belongs to a word: letters and digits of any script, every Devanagari letter
/// and sign except the dandas and the abbreviation sign, combining accents, and the marks
/// that folding drops (so a joiner inside a word does not split it).
pub fn is_word_char(c: char) -> bool {
    // ASCII and Devanagari first: Unicode's letter table lookup for every Devanagari
    // character was a tenth of a cold build's search work. In the Devanagari block the
    // ranges below are the whole answer (the dandas and ॰ are neither letters nor digits).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        return matches!(c as u32, 0x0900..=0x0963 | 0x0966..=0x096F | 0x0971..=0x097F);
    }
    is_word_char_by_unicode(c)
}

fn is_word_char_by_unicode(c: char) -> bool {
    c.is_alphabetic()
        || c.is_numeric()
        || matches!(c as u32,
            0x0900..=0x0963 | 0x0966..=0x096F | 0x0971..=0x097F | 0x0300..=0x036F
            | 0x200C | 0x200D | 0x00AD)
}

/// The words of folded text, as search indexes and looks them up: runs of word characters,
/// with a comma or point between two digits kept inside the number and then the commas
/// removed (4,22,087 → 422087, 51.2 stays 51.2). Single Latin letters are left out.
pub fn words(folded: &str) -> Vec<String> {
    let mut words = Vec::with_capacity(folded.len() / 8);
    words.extend(runs(folded).filter_map(kept).map(Cow::into_owned));
    words
}

/// The first of `words(folded)`, without cutting out the others or copying it.
pub fn first_word(folded: &str) -> Option<Cow<'_, str>> {
    runs(folded).find_map(kept)
}

/// The runs of word characters of `words`, in order, as they stand in the text (a word is
/// a run of the text: it is cut out once, not grown a character at a time).
fn runs(folded: &str) -> impl Iterator<Item = &str> {
    let mut start: Option<usize> = None;
    let mut before: Option<char> = None;
    let mut chars = folded.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            let inside_number = matches!(c, ',' | '.')
                && before.is_some_and(|b| b.is_ascii_digit())
                && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            before = Some(c);
            if is_word_char(c) || inside_number {
                start.get_or_insert(at);
            } else if let Some(from) = start.take() {
                return Some(&folded[from..at]);
            }
        }
        start.take().map(|from| &folded[from..])
    })
}

/// A run as `words` keeps it: without its commas, and none if it is a single Latin letter.
fn kept(run: &str) -> Option<Cow<'_, str>> {
    let word = if run.contains(',') {
        Cow::Owned(run.replace(',', ""))
    } else {
        Cow::Borrowed(run)
    };
    let mut chars = word.chars();
    let single_latin =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_alphabetic());
    (!single_latin).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_word_char_test_agrees_with_unicode_s_rule() {
        for c in (0..0x3000).chain(0xa8e0..0xa900).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_word_char_by_unicode(c), "{c:?}");
        }
    }

    /// Every character the quick fold knows, and some it does not, in every pair and in
    /// triples of the Devanagari ones that interact (nasal, virama, stop, nukta letters).
    #[test]
    fn the_quick_fold_agrees_with_unicode_s() {
        let mut known: Vec<char> = ('\u{0900}'..='\u{097F}').collect();
        known.extend("aZ09 ,.-\u{00A0}\u{00AD}\u{00B7}\u{200C}\u{200D}–—‘’“”•…₹".chars());
        known.extend("\u{0301}é\u{1CD0}ÀΣ".chars());
        for &a in &known {
            for &b in &known {
                let text: String = [a, b].iter().collect();
                assert_eq!(fold(&text), fold_by_unicode(&text), "{text:?}");
            }
        }
        let tricky: Vec<char> = "नमणङञ\u{094D}\u{093C}कगभड़ज़ऩऱऴ\u{0901}ॅa ".chars().collect();
        for &a in &tricky {
            for &b in &tricky {
                for &c in &tricky {
                    for &d in &tricky {
                        let text: String = [a, b, c, d].iter().collect();
                        assert_eq!(fold(&text), fold_by_unicode(&text), "{text:?}");
                    }
                }
            }
        }
        let mut reused = String::from("left over");
        fold_into("हिन्दी Kanpur", &mut reused);
        assert_eq!(reused, "हिंदी kanpur");
    }

    #[test]
    fn four_words_stay_four() {
        let folded: Vec<String> = ["कला", "काला", "कल", "किला"]
            .iter()
            .map(|w| fold(w))
            .collect();
        let mut unique = folded.clone();
        unique.dedup();
        assert_eq!(unique.len(), 4, "{folded:?}");
    }

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(
            words(&fold("कुल 4,22,087 वोट, यानी 51.2%।")),
            ["कुल", "422087", "वोट", "यानी", "51.2"]
        );
    }
}
