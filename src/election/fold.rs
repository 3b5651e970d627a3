//! One form for text that readers see as the same: Unicode NFC for what is stored and
//! shown, and a looser matching key for telling whether two names mean one thing.
//!
//! `क़` can be typed as one code point (U+0958) or as `क` + nukta (U+093C); a zero-width
//! joiner or non-joiner changes nothing a reader sees. Without normalising, such names are
//! two different candidates, segments or tags. NFC keeps every visible difference and
//! removes the invisible ones in code points, so it is what chunav stores; [`key`] goes
//! further (case, punctuation, a leading assembly-constituency number) and is only used
//! to compare.

use crate::search::latin;
use std::rc::Rc;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

const ZERO_WIDTH: [char; 4] = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}'];

/// `text` in Unicode NFC, trimmed.
pub fn nfc(text: &str) -> String {
    nfc_text(text.trim())
}

/// A whole text in NFC, untrimmed: lines and paragraphs stay as they are.
///
/// Normalised a space-separated piece at a time, and a piece the quick check finds in NFC
/// already is copied as it is: most words are, and decomposing and recomposing every
/// character was most of the cost. The result is the same as normalising the whole text,
/// because NFC never acts across a space: it is a starter (no mark is reordered past it),
/// no composition starts or ends with it.
pub fn nfc_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(' ') {
        if unicode_normalization::is_nfc_quick(piece.chars()) == IsNormalized::Yes {
            out.push_str(piece);
        } else {
            out.extend(piece.nfc());
        }
    }
    out
}

/// Whether `text` is written differently from its NFC form (or carries zero-width
/// characters): two such spellings of one name look the same but are not the same text.
pub fn is_unusual_form(text: &str) -> bool {
    text.trim() != nfc(text) || text.contains(ZERO_WIDTH)
}

/// A space other than the plain one inside a name ("अमित" + U+00A0 + "परिहार", a tab, a
/// thin space): it looks like a space and matches one here, but search, sorting and other
/// tools take the name as another.
pub fn unusual_space(text: &str) -> Option<char> {
    text.trim().chars().find(|&c| c != ' ' && c.is_whitespace())
}

/// What makes two spellings of one name differ, for a message: "क + nukta (U+093C)".
pub fn describe_form(text: &str) -> &'static str {
    if text.contains(ZERO_WIDTH) {
        "a zero-width character"
    } else if text.contains(|c| ('\u{958}'..='\u{95f}').contains(&c)) {
        "a nukta letter typed as one code point (U+0958–U+095F), which Unicode NFC writes as letter + nukta"
    } else {
        "characters in a decomposed Unicode form"
    }
}

const VIRAMA: char = '\u{94d}';
/// ङ ञ ण न म: written with virama before a consonant, the anusvara's sound.
const NASALS: [char; 5] = ['\u{919}', '\u{91e}', '\u{923}', '\u{928}', '\u{92e}'];

/// A seat's name as pages qualify it ("हमीरपुर (उ.प्र.)", "Hamirpur (HP)", "औरंगाबाद
/// (बिहार)"): its matching key without the bracket, and the state the bracket names, when
/// it names one (as a matching key).
pub fn seat_key(constituency: &str) -> (String, Option<String>) {
    let text = constituency.trim();
    let Some((name, rest)) = text.split_once('(').filter(|(n, _)| !n.trim().is_empty()) else {
        return (key(text), None);
    };
    let qualifier = rest.trim_end().trim_end_matches(')');
    (key(name), state_named_by(qualifier))
}

/// The state a word or abbreviation names ("उ.प्र.", "HP", "हिमाचल", "Bihar"), as a
/// matching key.
pub fn state_named_by(text: &str) -> Option<String> {
    let q = key(text).replace(' ', "");
    if q.is_empty() {
        return None;
    }
    const STATES: &[(&[&str], &str)] = &[
        (
            &["up", "उप्र", "यूपी", "उत्तरप्रदेश", "uttarpradesh"],
            "uttar pradesh",
        ),
        (
            &[
                "hp",
                "हिप्र",
                "हिमाचल",
                "हिमाचलप्रदेश",
                "himachal",
                "himachalpradesh",
            ],
            "himachal pradesh",
        ),
        (&["mp", "मप्र", "मध्यप्रदेश", "madhyapradesh"], "madhya pradesh"),
        (&["बिहार", "bihar"], "bihar"),
        (&["महाराष्ट्र", "maharashtra"], "maharashtra"),
        (&["राजस्थान", "rajasthan"], "rajasthan"),
        (&["पंजाब", "punjab"], "punjab"),
        (&["हरियाणा", "haryana"], "haryana"),
        (&["गुजरात", "gujarat"], "gujarat"),
        (&["झारखंड", "jharkhand"], "jharkhand"),
        (&["ओडिशा", "odisha"], "odisha"),
        (&["कर्नाटक", "karnataka"], "karnataka"),
        (&["केरल", "kerala"], "kerala"),
        (&["छत्तीसगढ़", "छत्तीसगढ", "chhattisgarh"], "chhattisgarh"),
        (&["उत्तराखंड", "uttarakhand"], "uttarakhand"),
        (&["बंगाल", "पश्चिमबंगाल", "westbengal", "wb"], "west bengal"),
    ];
    STATES
        .iter()
        .find(|(forms, _)| forms.iter().any(|f| key(f).replace(' ', "") == q))
        .map(|(_, s)| (*s).to_string())
}

/// Whether two states (as matching keys) are one state, also across scripts ("उत्तर
/// प्रदेश" and "UTTAR PRADESH").
pub fn same_state(a: &str, b: &str) -> bool {
    let flat = |s: &str| -> String { s.split_whitespace().map(skeleton).collect() };
    a == b || (!flat(a).is_empty() && flat(a) == flat(b))
}

/// The matching key of a name: NFC without zero-width characters, nukta, chandrabindu (as
/// anusvara), case, punctuation and extra spaces, and without a leading assembly
/// constituency number ("175-LUCKNOW CANTT." → "lucknow cantt"). Two names with one key are
/// one name typed two ways.
pub fn key(text: &str) -> String {
    thread_local! {
        static KEYS: Memo = Memo::default();
    }
    KEYS.with(|memo| memo.get_or_make(text, make_key))
}

fn make_key(text: &str) -> String {
    let (_, name) = split_ac_number(text);
    if name.is_ascii() {
        ascii_key(name)
    } else {
        unicode_key(name)
    }
}

fn unicode_key(name: &str) -> String {
    let decomposed: Vec<char> = name.nfd().collect();
    let mut out = String::with_capacity(decomposed.len());
    let mut space = false;
    let mut skip_virama = false;
    for (k, &c) in decomposed.iter().enumerate() {
        if std::mem::take(&mut skip_virama) && c == VIRAMA {
            continue;
        }
        // "चण्डीगढ़" and "चंडीगढ़": a nasal consonant with virama before a consonant is
        // the anusvara readers see as the same sound.
        let c = if NASALS.contains(&c)
            && decomposed.get(k + 1) == Some(&VIRAMA)
            && decomposed
                .get(k + 2)
                .is_some_and(|n| ('\u{915}'..='\u{939}').contains(n))
        {
            skip_virama = true;
            '\u{902}'
        } else {
            c
        };
        let c = match c {
            '\u{93c}' => continue,  // nukta: क़ and क are one letter to readers here
            '\u{901}' => '\u{902}', // chandrabindu → anusvara (पाँच / पांच)
            c if ZERO_WIDTH.contains(&c) => continue,
            c => c,
        };
        if is_key_char(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out.nfc().collect()
}

/// `key` of a name in ASCII, which has no forms, marks or joiners to fold: words lower-cased
/// and joined by one space.
fn ascii_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// A letter, digit or mark that stays in a key. Devanagari answers from a table made once
/// from the same rule: Unicode's lookup for it was most of the cost of a key, and keys are
/// made for every candidate and segment of every page.
fn is_key_char(c: char) -> bool {
    static DEVANAGARI: std::sync::LazyLock<[bool; 128]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            char::from_u32(0x900 + i as u32).is_some_and(|c| c.is_alphanumeric() || is_mark(c))
        })
    });
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{900}'..='\u{97f}').contains(&c) {
        DEVANAGARI[c as usize - 0x900]
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Devanagari vowel signs and other combining marks (they are not `is_alphanumeric`).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{951}'..='\u{957}' | '\u{962}'..='\u{963}')
}

/// The matching key of a segment's name: [`key`] without spaces, since assembly segments
/// are written both as one word and as two ("आर्यनगर" / "आर्य नगर", "Kidwai Nagar" /
/// "Kidwainagar").
pub fn segment_key(name: &str) -> String {
    key(name).replace(' ', "")
}

/// Whether two spellings of one name differ in what readers see: not when only zero-width
/// characters differ (told where they are typed), nor Latin letter case and punctuation
/// ("KIDWAI NAGAR" / "Kidwai Nagar", "Cantt" / "Cantt.": ECI's style and a page's).
pub fn spelled_apart(a: &str, b: &str) -> bool {
    let visible = |s: &str| nfc(s).replace(ZERO_WIDTH, "");
    let (a, b) = (visible(a), visible(b));
    if a == b {
        return false;
    }
    !(a.is_ascii() && b.is_ascii() && ascii_key(&a) == ascii_key(&b))
}

/// Whether a candidate's name is None of the Above, in the ways pages write it ("NOTA",
/// "None of the Above", "नोटा", "इनमें से कोई नहीं", also with the other in brackets).
pub fn is_nota_name(name: &str) -> bool {
    const FORMS: [&str; 8] = [
        "nota",
        "none of the above",
        "नोटा",
        "उपरोक्त में से कोई नहीं",
        "उपरोक्त में से कोई भी नहीं",
        "इनमें से कोई नहीं",
        "इनमें से कोई भी नहीं",
        "कोई नहीं",
    ];
    // Every candidate of every result is asked: the forms' keys are made once.
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| FORMS.iter().map(|f| key(f)).collect());
    let is_form = |text: &str| {
        let k = key(text);
        keys.contains(&k)
    };
    let before_bracket = name.split('(').next().unwrap_or(name);
    is_form(name) || (!before_bracket.trim().is_empty() && is_form(before_bracket))
}

/// "175-LUCKNOW CANTT." → (Some(175), "LUCKNOW CANTT."); "कैंट" → (None, "कैंट").
pub fn split_ac_number(text: &str) -> (Option<u32>, &str) {
    let text = text.trim();
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return (None, text);
    }
    let after = &text[digits.len()..];
    if !after.starts_with([' ', '-', '–', '.']) {
        return (None, text);
    }
    let name = after.trim_start_matches([' ', '-', '–', '.']).trim();
    if name.is_empty() {
        return (None, text);
    }
    (digits.parse().ok(), name)
}

/// Whether two keys are one name with a small slip: equal, or (for names of five letters or
/// more) one edit apart, or one the other without a final vowel sign ("मिश्र"/"मिश्रा").
pub fn close(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.min(lb) >= 5 && strsim::levenshtein(a, b) <= 1
}

/// A rough consonant skeleton of a name, the same for its Devanagari and its Latin
/// spelling: "नरेंद्र मोदी" and "NARENDRA MODI" are both "nrndr md". Vowels, h and y are
/// dropped (they are spelt too many ways: Rai/राय, Awasthi/Avasthi), aspirates lose their
/// h, and repeated letters collapse. Only for telling which candidate a sentence names.
pub fn skeleton(word: &str) -> String {
    shared_skeleton(word).to_string()
}

/// [`skeleton`], shared with the memo instead of copied: every word of every sentence is
/// compared with the skeletons of the page's names.
pub fn shared_skeleton(word: &str) -> Rc<str> {
    thread_local! {
        static SKELETONS: Memo<Rc<str>> = Memo::default();
    }
    SKELETONS.with(|memo| memo.get_or_make(word, |w| Rc::from(make_skeleton(w))))
}

/// The last keys or skeletons a thread made. The checks ask them of the same few names (a
/// page's candidates, segments and seat) thousands of times a page, and making one
/// decomposes and recomposes the text.
struct Memo<V = String>(std::cell::RefCell<crate::fast_hash::FastMap<String, V>>);

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo(Default::default())
    }
}

impl<V: Clone> Memo<V> {
    /// Enough for the names of any page; past it the memo starts again.
    const LIMIT: usize = 4096;

    fn get_or_make(&self, text: &str, make: fn(&str) -> V) -> V {
        if let Some(made) = self.0.borrow().get(text) {
            return made.clone();
        }
        let made = make(text);
        let mut memo = self.0.borrow_mut();
        if memo.len() >= Self::LIMIT {
            memo.clear();
        }
        memo.insert(text.to_string(), made.clone());
        made
    }
}

fn make_skeleton(word: &str) -> String {
    let mut out = String::new();
    let mut push = |c: char| {
        if !out.ends_with(c) {
            out.push(c);
        }
    };
    let decomposed: String = word.nfd().collect();
    for c in decomposed.chars() {
        let latin = match c.to_ascii_lowercase() {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' => None,
            'w' | 'v' => Some('w'),
            'f' => Some('p'),
            'q' => Some('k'),
            'z' => Some('j'),
            'x' => {
                push('k');
                Some('s')
            }
            c if c.is_ascii_lowercase() => Some(c),
            _ => devanagari_consonant(c),
        };
        if let Some(l) = latin {
            push(l);
        }
    }
    out
}

/// A word read letter by letter in Latin letters, the same for a short Devanagari word
/// and its usual Latin spelling: "राय" and "RAI" are "rai", "दास" and "DAS" "das", "झा" and
/// "JHA" "jha", "शाह" and "SHAH" "shah". For short surnames, where a consonant skeleton
/// ("r") says too little.
pub fn romanised(word: &str) -> String {
    let mut out = String::new();
    for c in word.nfd() {
        let part = match c {
            '\u{902}' | '\u{901}' => "n",
            'अ' | 'आ' | '\u{93e}' => "a",
            'इ' | 'ई' | '\u{93f}' | '\u{940}' => "i",
            'उ' | 'ऊ' | '\u{941}' | '\u{942}' => "u",
            'ए' | '\u{947}' => "e",
            'ऐ' | '\u{948}' => "ai",
            'ओ' | 'ऑ' | '\u{94b}' | '\u{949}' => "o",
            'औ' | '\u{94c}' => "au",
            c if c.is_ascii_alphabetic() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            // The consonants are read as the search index transliterates them.
            c => match latin::consonant(c) {
                Some(part) => part,
                None => continue,
            },
        };
        out.push_str(part);
    }
    // Spellings of one sound: "ee"/"i", "oo"/"u", "w"/"v", "ay"/"ai" at the end, doubled
    // letters.
    let out = out
        .replace("ee", "i")
        .replace("oo", "u")
        .replace('w', "v")
        .replace('z', "j");
    let out = match out.strip_suffix("ay") {
        Some(stem) => format!("{stem}ai"),
        None => out,
    };
    let mut collapsed = String::new();
    for c in out.chars() {
        if !collapsed.ends_with(c) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// Devanagari vowel signs and other combining marks.
pub fn is_devanagari_mark(c: char) -> bool {
    is_mark(c)
}

fn devanagari_consonant(c: char) -> Option<char> {
    Some(match c {
        'क' | 'ख' => 'k',
        'ग' | 'घ' => 'g',
        'ङ' | 'ञ' | 'ण' | 'न' | '\u{902}' => 'n',
        'च' | 'छ' => 'c',
        'ज' | 'झ' => 'j',
        'ट' | 'ठ' | 'त' | 'थ' => 't',
        'ड' | 'ढ' | 'द' | 'ध' => 'd',
        'प' | 'फ' => 'p',
        'ब' | 'भ' => 'b',
        'म' => 'm',
        'र' | 'ऋ' | '\u{943}' => 'r',
        'ल' => 'l',
        'व' => 'w',
        'श' | 'ष' | 'स' => 's',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ascii_name_s_key_is_what_the_unicode_path_gives() {
        for name in [
            "LUCKNOW CANTT.",
            "Cantt",
            "  Kidwai  Nagar ",
            "A.K. Gupta",
            "x_y-z",
            "",
            "...",
            "R2D2 (IND)",
        ] {
            assert_eq!(ascii_key(name), unicode_key(name), "{name:?}");
        }
    }

    #[test]
    fn nukta_forms_and_joiners_become_one() {
        let composed = "\u{958}ैंट"; // क़ as one code point
        let decomposed = "\u{915}\u{93c}ैंट"; // क + nukta
        assert_ne!(composed, decomposed);
        assert_eq!(nfc(composed), nfc(decomposed));
        assert!(is_unusual_form(composed) || is_unusual_form(decomposed));
        assert_eq!(key("कैं\u{200d}ट"), key("कैंट"));
        assert_eq!(key(composed), key("कैंट"));
        assert!(!is_unusual_form("कैंट"));
    }

    #[test]
    fn segment_spellings_across_years_share_a_key() {
        assert_eq!(key("Lucknow Cantt."), key("175-LUCKNOW CANTT."));
        assert_eq!(key("Cantt"), key("Cantt."));
        assert_eq!(
            split_ac_number("175-LUCKNOW CANTT."),
            (Some(175), "LUCKNOW CANTT.")
        );
        assert_eq!(
            split_ac_number("216 - Kanpur Cantt"),
            (Some(216), "Kanpur Cantt")
        );
        assert_eq!(split_ac_number("2024"), (None, "2024"));
        assert_eq!(key("पाँच"), key("पांच"));
    }

    #[test]
    fn skeletons_match_across_scripts() {
        let both = |hi: &str, en: &str| {
            let a: Vec<String> = hi.split_whitespace().map(skeleton).collect();
            let b: Vec<String> = en.split_whitespace().map(skeleton).collect();
            assert_eq!(a, b, "{hi} / {en}");
        };
        both("नरेंद्र मोदी", "NARENDRA MODI");
        both("अजय राय", "AJAY RAI");
        both("स्मृति ईरानी", "SMRITI IRANI");
        both("किशोरी लाल", "KISHORI LAL");
        both("कंगना रनौत", "KANGNA RANAUT");
        both("राजीव चंद्रशेखर", "RAJEEV CHANDRASEKHAR");
        both("शशि थरूर", "SHASHI THAROOR");
        both("कुलदीप भदौरिया", "KULDEEP BHADAURIYA");
        both("प्रवीण खंडेलवाल", "PRAVEEN KHANDELWAL");
    }

    #[test]
    fn short_surnames_read_alike_letter_by_letter() {
        for (hi, en) in [
            ("राय", "RAI"),
            ("दास", "DAS"),
            ("झा", "JHA"),
            ("शाह", "SHAH"),
            ("पाल", "PAL"),
        ] {
            assert_eq!(romanised(hi), romanised(en), "{hi} / {en}");
        }
        assert_ne!(romanised("रॉय"), romanised("RAI"));
        assert_ne!(romanised("रस"), romanised("RAI"));
    }

    #[test]
    fn segments_written_as_one_word_or_two_are_one_and_told_apart_only_when_readers_see_it() {
        assert_eq!(segment_key("आर्य नगर"), segment_key("आर्यनगर"));
        assert_eq!(segment_key("Kidwai Nagar"), segment_key("Kidwainagar"));
        assert_eq!(segment_key("कैण्ट"), segment_key("कैंट"));
        assert_ne!(segment_key("कैंट"), segment_key("किदवईनगर"));
        assert!(spelled_apart("आर्य नगर", "आर्यनगर"));
        assert!(spelled_apart("कैण्ट", "कैंट"));
        assert!(spelled_apart("Govind Nagar", "Govindnagar"));
        // ECI's capitals and a page's title case, a full stop, a zero-width joiner: one spelling.
        assert!(!spelled_apart("KIDWAI NAGAR", "Kidwai Nagar"));
        assert!(!spelled_apart("Cantt", "Cantt."));
        assert!(!spelled_apart("सी\u{200c}सामऊ", "सीसामऊ"));
    }

    #[test]
    fn nota_is_known_in_the_ways_pages_write_it() {
        for name in [
            "NOTA",
            "Nota",
            "None of the Above",
            "none of the above",
            "नोटा",
            "इनमें से कोई नहीं",
            "उपरोक्त में से कोई भी नहीं (नोटा)",
            "NOTA (None of the Above)",
        ] {
            assert!(is_nota_name(name), "{name}");
        }
        for name in ["Notan Singh", "नोटा देवी", "None"] {
            assert!(!is_nota_name(name), "{name}");
        }
    }

    #[test]
    fn close_names() {
        assert!(close(&key("Ramesh Awasthi"), &key("Ramesh Awasthy")));
        assert!(close(&key("आलोक मिश्रा"), &key("आलोक मिश्र")));
        assert!(!close(&key("Ram"), &key("Rao")));
    }
}
