//! Numbers as Indian readers write them: 4,22,087, "4.22 लाख", "49.93%", "+10.43".
//!
//! Pure functions, no locale machinery. Rounding everywhere is half away from zero on the
//! decimal value as written (2.675 → 2.68), so the same input always gives the same text.
//! Signs use the plain ASCII hyphen-minus `-`, not U+2212, so that copied figures paste
//! into spreadsheets and search boxes as numbers.

/// Groups the digits of `n` the Indian way: the last three, then pairs (1,23,45,678).
pub fn inr(n: i64) -> String {
    let digits = group_indian(n.unsigned_abs());
    if n < 0 { format!("-{digits}") } else { digits }
}

/// [`inr`] for unsigned counts such as vote totals.
pub fn inr_unsigned(n: u64) -> String {
    group_indian(n)
}

fn group_indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, last_three) = digits.split_at(digits.len() - 3);
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    // The head is grouped in pairs counted from its right end.
    let first_pair_len = head.len() % 2;
    if first_pair_len == 1 {
        out.push_str(&head[..1]);
    }
    for (i, pair) in head.as_bytes()[first_pair_len..].chunks(2).enumerate() {
        if i > 0 || first_pair_len == 1 {
            out.push(',');
        }
        out.push_str(std::str::from_utf8(pair).unwrap_or_default());
    }
    out.push(',');
    out.push_str(last_three);
    out
}

/// A count in lakh or crore with two decimals: "4.22 लाख", "1.23 करोड़" (`lang = "hi"`),
/// "4.22 lakh", "1.23 crore" (any other language). Below one lakh the full number is
/// given in Indian grouping, since "0.21 lakh" reads worse than "20,968".
pub fn lakh(n: f64, lang: &str) -> String {
    const LAKH: f64 = 1e5;
    const CRORE: f64 = 1e7;
    let hindi = lang == "hi";
    let (value, unit) = if n.abs() >= CRORE {
        (n / CRORE, if hindi { "करोड़" } else { "crore" })
    } else if n.abs() >= LAKH {
        (n / LAKH, if hindi { "लाख" } else { "lakh" })
    } else {
        return inr(round_half_away(n, 0) as i64);
    };
    format!("{} {unit}", fixed(value, 2))
}

/// A percentage with two decimals: `pct(49.927)` → "49.93%".
pub fn pct(x: f64) -> String {
    format!("{}%", fixed(x, 2))
}

/// The minus sign readers see in a signed figure ("−5.70"): U+2212, as wide as "+" and
/// read out as "minus". Text meant to be copied into a spreadsheet uses [`ascii_minus`].
pub const MINUS: char = '\u{2212}';

/// A change with an explicit sign: `signed(10.434, 2)` → "+10.43", `signed(-5.7, 2)` →
/// "−5.70" (U+2212). A value that rounds to zero has no sign ("0.00").
pub fn signed(x: f64, decimals: usize) -> String {
    let text = fixed(x, decimals);
    if !x.is_finite() || round_half_away(x, decimals) == 0.0 {
        text
    } else if let Some(magnitude) = text.strip_prefix('-') {
        format!("{MINUS}{magnitude}")
    } else {
        format!("+{text}")
    }
}

/// The same text with U+2212 turned into the ASCII hyphen-minus, which spreadsheets and
/// scripts parse as a negative number: "−5.70" → "-5.70".
pub fn ascii_minus(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(MINUS) {
        std::borrow::Cow::Owned(text.replace(MINUS, "-"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A change in percentage points as a sentence ends it, without a sign to read aloud:
/// "5.70 अंक घटा" / "down 5.70 points", "10.43 अंक बढ़ा" / "up 10.43 points", and
/// "नहीं बदला" / "unchanged" when it rounds to zero.
pub fn points_change(x: f64, decimals: usize, lang: &str) -> String {
    let hindi = lang.split(['-', '_']).next() == Some("hi");
    let magnitude = fixed(x.abs(), decimals);
    let rounded = round_half_away(x, decimals);
    match (hindi, rounded.partial_cmp(&0.0)) {
        (_, None) => magnitude,
        (true, Some(std::cmp::Ordering::Equal)) => "नहीं बदला".to_string(),
        (false, Some(std::cmp::Ordering::Equal)) => "unchanged".to_string(),
        (true, Some(std::cmp::Ordering::Less)) => format!("{magnitude} अंक घटा"),
        (true, Some(std::cmp::Ordering::Greater)) => format!("{magnitude} अंक बढ़ा"),
        (false, Some(std::cmp::Ordering::Less)) => format!("down {magnitude} points"),
        (false, Some(std::cmp::Ordering::Greater)) => format!("up {magnitude} points"),
    }
}

/// Replaces the ASCII digits 0–9 with the Devanagari digits ०–९; everything else is kept.
pub fn devanagari_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x0966 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `x` rounded to `decimals` places and printed with exactly that many, never "-0.00".
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let rounded = round_half_away(x, decimals);
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded:.decimals$}")
}

/// Rounds half away from zero at `decimals` places. The scaled value is first snapped to
/// nine decimals so that a binary near-miss such as 1.005 × 100 = 100.49999999999999 is
/// rounded as the decimal 100.5 it stands for.
pub fn round_half_away(x: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals.min(15) as i32);
    let scaled = x * scale;
    let snapped = (scaled * 1e9).round() / 1e9;
    let snapped = if snapped.is_finite() { snapped } else { scaled };
    snapped.round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inr_groups_the_indian_way() {
        assert_eq!(inr(0), "0");
        assert_eq!(inr(999), "999");
        assert_eq!(inr(1000), "1,000");
        assert_eq!(inr(20968), "20,968");
        assert_eq!(inr(422087), "4,22,087");
        assert_eq!(inr(887396), "8,87,396");
        assert_eq!(inr(12345678), "1,23,45,678");
        assert_eq!(inr(1234567890), "1,23,45,67,890");
        assert_eq!(inr(-21344), "-21,344");
        assert_eq!(inr(i64::MIN), "-92,23,37,20,36,85,47,75,808");
        assert_eq!(inr_unsigned(u64::MAX), "1,84,46,74,40,73,70,95,51,615");
    }

    #[test]
    fn lakh_and_crore_in_both_languages() {
        assert_eq!(lakh(422087.0, "hi"), "4.22 लाख");
        assert_eq!(lakh(422087.0, "en"), "4.22 lakh");
        assert_eq!(lakh(250000.0, "hi"), "2.50 लाख");
        assert_eq!(lakh(12345678.0, "hi"), "1.23 करोड़");
        assert_eq!(lakh(12345678.0, "en"), "1.23 crore");
        assert_eq!(lakh(20968.0, "hi"), "20,968");
        assert_eq!(lakh(-422087.0, "en"), "-4.22 lakh");
        // 4.225 lakh rounds away from zero.
        assert_eq!(lakh(422500.0, "en"), "4.23 lakh");
    }

    #[test]
    fn pct_and_signed_round_half_away_from_zero() {
        assert_eq!(pct(49.927), "49.93%");
        assert_eq!(pct(47.5646), "47.56%");
        assert_eq!(pct(1.005), "1.01%");
        assert_eq!(pct(0.125), "0.13%");
        assert_eq!(pct(-0.125), "-0.13%");
        assert_eq!(pct(100.0), "100.00%");
        assert_eq!(signed(10.4347, 2), "+10.43");
        assert_eq!(signed(-5.70002, 2), "\u{2212}5.70");
        assert_eq!(ascii_minus(&signed(-5.70002, 2)), "-5.70");
        assert_eq!(signed(-0.001, 2), "0.00");
        assert_eq!(signed(0.0, 1), "0.0");
        assert_eq!(signed(2.675, 2), "+2.68");
        assert_eq!(signed(f64::NAN, 2), "–");
    }

    #[test]
    fn points_change_reads_as_words_in_both_languages() {
        assert_eq!(points_change(-5.7, 2, "hi"), "5.70 अंक घटा");
        assert_eq!(points_change(10.434, 2, "hi"), "10.43 अंक बढ़ा");
        assert_eq!(points_change(0.001, 2, "hi"), "नहीं बदला");
        assert_eq!(points_change(-5.7, 2, "en"), "down 5.70 points");
        assert_eq!(points_change(10.434, 1, "en-IN"), "up 10.4 points");
        assert_eq!(points_change(-0.0, 2, "en"), "unchanged");
    }

    #[test]
    fn devanagari_digits_map_only_ascii_digits() {
        assert_eq!(devanagari_digits("4,22,087"), "४,२२,०८७");
        assert_eq!(devanagari_digits("49.93% वोट"), "४९.९३% वोट");
        assert_eq!(devanagari_digits("abc ٣"), "abc ٣");
    }
}
