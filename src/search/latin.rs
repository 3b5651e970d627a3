//! The loose Latin key of a word, so that romanised queries find Hindi pages and Hindi
//! queries find English ones: कानपुर, Kanpur and kaanpur all have the key `kanpur`.
//! static/search.js computes the same key for queries (tests/search-cases.json checks both).
//!
//! A Devanagari word is first transliterated letter by letter (क k, ख kh, श/ष sh, ा aa, ी ii,
//! ं n …) with Hindi's schwa deletion: the inherent a of the last consonant is silent
//! (कानपुर kaanpur, not kaanapura), and so is a medial one between a vowel-consonant and a
//! consonant-vowel (समाजवादी samaajvaadii). The Latin spelling, typed or transliterated, is
//! then loosened the way people romanise Hindi: long vowels and doubled letters single
//! (aa a, ee/ii i, oo/uu u, ss s), sh s, ch/chh c, a c elsewhere k, w v, f ph, q k, z j,
//! x ks, m before p or b n, y between a vowel and a consonant i (jaiswal = जायसवाल), and a
//! final a after a consonant dropped (mishra = मिश्रा = misr).

/// The loose Latin key of a folded word (see the module's comment). Numbers are their own
/// key; a word in a script that has no transliteration here keeps its folded spelling.
pub fn key(word: &str) -> String {
    if is_number(word) {
        return word.to_string();
    }
    let loose = loosen(&transliterate(word));
    if loose.is_empty() {
        word.to_string()
    } else {
        loose
    }
}

/// The key's consonants but y (its vowels are the part romanisations disagree on), the digits of
/// a number, or the key itself for a word of vowels only: shards are ordered by it.
pub fn skeleton(key: &str) -> String {
    if is_number(key) {
        return key.chars().filter(char::is_ascii_digit).collect();
    }
    if !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return "~".to_string();
    }
    // y counts as a vowel here: it is where spellings of one name disagree (जायसवाल
    // jaisaval, जायस्वाल jayasval), so that both sit in one shard.
    let consonants: String = key.chars().filter(|c| !is_vowel(*c) && *c != 'y').collect();
    if consonants.is_empty() {
        key.to_string()
    } else {
        consonants
    }
}

/// What shards are ordered and cut by: the skeleton, a space (which sorts below every
/// letter and digit), then the key itself.
pub fn shard_key(key: &str) -> String {
    format!("{} {key}", skeleton(key))
}

fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A written consonant and what follows it.
#[derive(Clone, Copy, PartialEq)]
enum Vowel {
    Inherent,
    Sign(&'static str),
    Killed,
}

enum Unit {
    Consonant(&'static str, Vowel),
    Vowel(&'static str),
    /// Anusvara: it nasalises the vowel before it, so that syllable still ends in a vowel.
    Nasal,
    Other(char),
}

/// A Devanagari consonant in Latin letters, without its inherent vowel.
pub(crate) fn consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'क' => "k",
        'ख' => "kh",
        'ग' => "g",
        'घ' => "gh",
        'ङ' | 'ञ' | 'ण' | 'न' => "n",
        'च' => "ch",
        'छ' => "chh",
        'ज' => "j",
        'झ' => "jh",
        'ट' | 'त' => "t",
        'ठ' | 'थ' => "th",
        'ड' | 'द' => "d",
        'ढ' | 'ध' => "dh",
        'प' => "p",
        'फ' => "ph",
        'ब' => "b",
        'भ' => "bh",
        'म' => "m",
        'य' => "y",
        'र' => "r",
        'ल' | 'ळ' => "l",
        'व' => "v",
        'श' | 'ष' => "sh",
        'स' => "s",
        'ह' => "h",
        _ => return None,
    })
}

fn vowel_sign(c: char) -> Option<&'static str> {
    Some(match c {
        'ा' => "aa",
        'ि' => "i",
        'ी' => "ii",
        'ु' => "u",
        'ू' => "uu",
        'ृ' | 'ॄ' => "ri",
        'े' | 'ॆ' => "e",
        'ै' => "ai",
        'ो' | 'ॊ' | 'ॉ' => "o",
        'ौ' => "au",
        _ => return None,
    })
}

fn independent_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'अ' => "a",
        'आ' => "aa",
        'इ' => "i",
        'ई' => "ii",
        'उ' => "u",
        'ऊ' => "uu",
        'ऋ' | 'ॠ' => "ri",
        'ऌ' => "li",
        'ए' | 'ऎ' => "e",
        'ऐ' => "ai",
        'ओ' | 'ऒ' | 'ऑ' => "o",
        'औ' => "au",
        'ॐ' => "om",
        _ => return None,
    })
}

/// Devanagari to Latin letters with schwa deletion; other characters pass through.
fn transliterate(word: &str) -> String {
    let mut units: Vec<Unit> = Vec::new();
    for c in word.chars() {
        let last_inherent = matches!(units.last(), Some(Unit::Consonant(_, Vowel::Inherent)));
        if let Some(base) = consonant(c) {
            units.push(Unit::Consonant(base, Vowel::Inherent));
        } else if let Some(sign) = vowel_sign(c) {
            match units.last_mut() {
                Some(Unit::Consonant(_, v)) if last_inherent => *v = Vowel::Sign(sign),
                _ => units.push(Unit::Vowel(sign)),
            }
        } else if c == '\u{094D}' {
            if let Some(Unit::Consonant(_, v)) = units.last_mut() {
                *v = Vowel::Killed;
            }
        } else if let Some(vowel) = independent_vowel(c) {
            units.push(Unit::Vowel(vowel));
        } else if c == '\u{0902}' {
            units.push(Unit::Nasal);
        } else if c == '\u{0903}' {
            units.push(Unit::Other('h'));
        } else if c != 'ऽ' {
            units.push(Unit::Other(c));
        }
    }
    delete_schwas(&mut units);
    let mut out = String::new();
    for unit in &units {
        match unit {
            Unit::Consonant(base, vowel) => {
                out.push_str(base);
                match vowel {
                    Vowel::Inherent => out.push('a'),
                    Vowel::Sign(sign) => out.push_str(sign),
                    Vowel::Killed => {}
                }
            }
            Unit::Vowel(v) => out.push_str(v),
            Unit::Nasal => out.push('n'),
            Unit::Other(c) => out.push(*c),
        }
    }
    out
}

/// a → ∅ at the end of a word of two or more letters, and between a vowel-consonant and a
/// consonant-vowel, left to right (so two schwas in a row are never both dropped). A vowel
/// with anusvara counts as a vowel: गोविंदनगर is govindnagar.
fn delete_schwas(units: &mut [Unit]) {
    let letters = units
        .iter()
        .filter(|u| matches!(u, Unit::Consonant(..) | Unit::Vowel(_)))
        .count();
    if letters >= 2
        && let Some(Unit::Consonant(_, v @ Vowel::Inherent)) = units.last_mut()
    {
        *v = Vowel::Killed;
    }
    for i in 1..units.len().saturating_sub(1) {
        let after_vowel = match &units[i - 1] {
            Unit::Consonant(_, v) => *v != Vowel::Killed,
            Unit::Vowel(_) | Unit::Nasal => true,
            Unit::Other(_) => false,
        };
        let before_vowel = matches!(&units[i + 1], Unit::Consonant(_, v) if *v != Vowel::Killed);
        if after_vowel
            && before_vowel
            && let Unit::Consonant(_, v @ Vowel::Inherent) = &mut units[i]
        {
            *v = Vowel::Killed;
        }
    }
}

/// Loosens a Latin spelling (see the module's comment). Keeps only a–z and 0–9.
fn loosen(latin: &str) -> String {
    let chars: Vec<char> = latin
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let mut spelled = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (out, used) = match (at(i), at(i + 1), at(i + 2)) {
            ('c', 'h', 'h') => ("c", 3),
            ('c', 'h', _) => ("c", 2),
            ('s', 'h', _) => ("s", 2),
            ('e', 'e', _) => ("i", 2),
            ('o', 'o', _) => ("u", 2),
            ('c', _, _) | ('q', _, _) => ("k", 1),
            ('x', _, _) => ("ks", 1),
            ('z', _, _) => ("j", 1),
            ('f', _, _) => ("ph", 1),
            ('w', _, _) => ("v", 1),
            ('m', 'p' | 'b', _) => ("n", 1),
            _ => {
                spelled.push(chars[i]);
                i += 1;
                continue;
            }
        };
        spelled.push_str(out);
        i += used;
    }
    // A y between a vowel and a consonant is heard as i: जायसवाल and Jaiswal.
    let letters: Vec<char> = spelled.chars().collect();
    let heard: String = letters
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between = i > 0
                && is_vowel(letters[i - 1])
                && letters
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() && !is_vowel(*n));
            if c == 'y' && between { 'i' } else { c }
        })
        .collect();
    let mut loose = String::with_capacity(heard.len());
    for c in heard.chars() {
        if !(c.is_ascii_alphabetic() && loose.ends_with(c)) {
            loose.push(c);
        }
    }
    let n = loose.len();
    if n >= 3 && loose.ends_with('a') && !is_vowel(loose.as_bytes()[n - 2] as char) {
        loose.pop();
    }
    loose
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schwa_deletion_follows_hindi() {
        for (hindi, latin) in [
            ("कानपुर", "kaanpur"),
            ("समाजवादी", "samaajvaadii"),
            ("कमल", "kamal"),
            ("गोविंदनगर", "govindnagar"),
            ("अवस्थी", "avasthii"),
            ("कांग्रेस", "kaangres"),
            ("संजय", "sanjay"),
            ("न", "na"),
        ] {
            assert_eq!(transliterate(hindi), latin, "{hindi}");
        }
    }

    #[test]
    fn romanised_spellings_meet_the_hindi() {
        for (typed, hindi) in [
            ("kanpur", "कानपुर"),
            ("Awasthi", "अवस्थी"),
            ("mishra", "मिश्रा"),
            ("chunav", "चुनाव"),
        ] {
            assert_eq!(key(&typed.to_lowercase()), key(hindi), "{typed}");
        }
        assert_ne!(key("khanpur"), key("कानपुर"));
    }
}
