//! Slugs for URLs and heading ids that keep every script intact.
//!
//! A filter on `char::is_alphanumeric` drops Devanagari's virama (U+094D) and vowel signs,
//! turning क्षेत्रवार into कषेतरवार; we keep combining marks (and ZWJ/ZWNJ, which select
//! conjunct forms) so a Hindi slug reads as the words it came from.

/// The longest slug, in bytes. A folder name may have 255 bytes on common file systems,
/// and a 90-letter Devanagari tag is 270: longer slugs are cut (at a word's end where
/// possible) and given a short hash of the whole text, so that two long tags that start
/// alike still get two pages.
pub const MAX_SLUG_BYTES: usize = 100;

/// Lower-cases, keeps letters, digits and combining marks, and joins words with `-`; at
/// most `MAX_SLUG_BYTES` long.
pub fn slugify(text: &str) -> String {
    let slug = slugify_whole(text);
    if slug.len() <= MAX_SLUG_BYTES {
        return slug;
    }
    // Room for `-` and 8 hex digits.
    let room = MAX_SLUG_BYTES - 9;
    let mut cut = room;
    while !slug.is_char_boundary(cut) {
        cut -= 1;
    }
    // Prefer a word boundary in the last third; never leave a vowel sign without its letter.
    if let Some(dash) = slug[..cut].rfind('-').filter(|&d| d > room * 2 / 3) {
        cut = dash;
    } else {
        while cut > 0 && slug[cut..].chars().next().is_some_and(is_mark) {
            cut -= slug[..cut].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    format!("{}-{:08x}", slug[..cut].trim_end_matches('-'), fnv1a(&slug))
}

/// FNV-1a, 32 bits: stable across builds, machines and Rust versions (a URL must not
/// change when the compiler does).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn slugify_whole(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() || is_mark(c) || c == '\u{200c}' || c == '\u{200d}' {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.extend(c.to_lowercase());
        } else if c == '_' && !slug.is_empty() {
            slug.push('_');
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// Unicode combining marks (general categories Mn, Mc, Me) of the Indic blocks and the
/// generic combining ranges. std has no general-category query, so the ranges are listed.
fn is_mark(c: char) -> bool {
    let u = c as u32;
    // Combining Diacritical Marks and their extensions.
    if (0x0300..=0x036F).contains(&u)
        || (0x1AB0..=0x1AFF).contains(&u)
        || (0x20D0..=0x20FF).contains(&u)
    {
        return true;
    }
    // Indic blocks, Devanagari (0900) to Malayalam (0D7F), and Sinhala: marks are the
    // non-alphanumeric code points of these blocks other than the dandas and signs we list.
    if (0x0900..=0x0DFF).contains(&u)
        || (0xA8E0..=0xA8FF).contains(&u)
        || (0x1CD0..=0x1CFF).contains(&u)
    {
        return !c.is_alphanumeric() && !matches!(u, 0x0964 | 0x0965 | 0x0970 | 0x0DF4);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_devanagari_virama_and_matras() {
        assert_eq!(slugify("विधानसभा क्षेत्रवार वोट"), "विधानसभा-क्षेत्रवार-वोट");
        assert_eq!(slugify("किदवईनगर: कैंट, सीसामऊ!"), "किदवईनगर-कैंट-सीसामऊ");
        assert_eq!(slugify("द्वितीय र्य ज्ञान"), "द्वितीय-र्य-ज्ञान");
    }

    #[test]
    fn latin_is_lowercased_and_joined() {
        assert_eq!(
            slugify("  Kanpur Result 2024 — Congress "),
            "kanpur-result-2024-congress"
        );
        assert_eq!(slugify("a/b\\..c"), "a-b-c");
        assert_eq!(slugify("..."), "");
    }

    #[test]
    fn long_slugs_are_cut_with_a_hash_and_stay_apart() {
        let long = "उत्तर प्रदेश के कानपुर नगर लोकसभा क्षेत्र में विधानसभा क्षेत्रवार मतदान का विस्तृत विश्लेषण";
        let a = slugify(long);
        let b = slugify(&format!("{long} भाग दो"));
        assert!(
            a.len() <= MAX_SLUG_BYTES && b.len() <= MAX_SLUG_BYTES,
            "{a}"
        );
        assert_ne!(a, b);
        assert!(a.starts_with("उत्तर-प्रदेश-के"), "{a}");
        assert_eq!(a, slugify(long), "stable");
        let one_word = "क".repeat(200);
        assert!(slugify(&one_word).len() <= MAX_SLUG_BYTES);
        assert_eq!(slugify("short tag"), "short-tag");
    }

    #[test]
    fn danda_separates_words() {
        assert_eq!(slugify("नतीजा। आगे"), "नतीजा-आगे");
    }
}
