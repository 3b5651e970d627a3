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

use unicode_normalization::UnicodeNormalization;

const VIRAMA: char = '\u{094D}';
const ANUSVARA: char = '\u{0902}';

/// Folds `text` (a whole field or one word) into the spelling search compares.
pub fn fold(text: &str) -> String {
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
    let chars: Vec<char> = folded.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inside_number = matches!(c, ',' | '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if is_word_char(c) || inside_number {
            word.push(c);
        } else if !word.is_empty() {
            push_word(&mut words, std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        push_word(&mut words, word);
    }
    words
}

fn push_word(words: &mut Vec<String>, word: String) {
    let word = word.replace(',', "");
    let mut chars = word.chars();
    let single_latin =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_alphabetic());
    if !single_latin {
        words.push(word);
    }
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
