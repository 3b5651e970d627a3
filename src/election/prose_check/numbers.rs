//! Numbers as prose writes them: 4,22,087, 422,087, ४,२२,०८७, 4.22 लाख, 1.2 crore,
//! "चार लाख बाईस हज़ार", "four lakh twenty-two thousand", 49.93%, 10.43 अंक.
//!
//! Each number keeps its precision: "4.2 लाख" says 4,20,000 to the nearest thousand
//! times ten, so it states 4,22,087 only if that rounds to it.

use crate::numfmt::round_half_away;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A count of votes, electors, anything counted.
    Count,
    /// A percentage: "49.93%", "49.93 प्रतिशत".
    Percent,
    /// Percentage points: "10.43 अंक", "5.7 points".
    Points,
}

#[derive(Debug, Clone)]
pub struct Quoted {
    /// Byte range in the text, unit included.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The precision the number is written at: 1 for "4,22,087", 1,000 for "4.22 लाख",
    /// 0.01 for "49.93%".
    pub step: f64,
    pub measure: Measure,
    /// Four plain digits 1900–2100 without a unit: a year.
    pub year: bool,
    /// Written in words ("चार लाख").
    pub words: bool,
}

impl Quoted {
    /// Whether `data` is what this number says at the precision it is written in.
    pub fn states(&self, data: f64) -> bool {
        match self.measure {
            Measure::Count => {
                let rounded = (data / self.step).abs();
                let rounded = round_half_away(rounded, 0) * self.step;
                (rounded - self.value.abs()).abs() < self.step / 1000.0
            }
            Measure::Percent | Measure::Points => {
                (data.abs() - self.value.abs()).abs() <= self.step / 2.0 + 1e-9
            }
        }
    }
}

/// Units after a number: name, multiplier.
const UNITS: &[(&str, f64)] = &[
    ("करोड़", 1e7),
    ("करो\u{95c}", 1e7),
    ("करोड", 1e7),
    ("crores", 1e7),
    ("crore", 1e7),
    ("लाख", 1e5),
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("हज़ार", 1e3),
    ("ह\u{95b}ार", 1e3),
    ("हजार", 1e3),
    ("thousand", 1e3),
    ("million", 1e6),
];

const PERCENT_WORDS: &[&str] = &[
    "%",
    "प्रतिशत",
    "फ़ीसदी",
    "फ़ीसद",
    "फीसदी",
    "फीसद",
    "per cent",
    "percent",
];
const POINT_WORDS: &[&str] = &[
    "प्रतिशत अंक",
    "फ़ीसदी अंक",
    "percentage points",
    "percentage point",
    "अंकों",
    "अंक",
    "points",
    "point",
    "pp",
];

/// Every number in `text`, digits first, then those written in words.
pub fn numbers(text: &str) -> Vec<Quoted> {
    let mut found = digit_numbers(text);
    found.extend(word_numbers(text));
    found.retain(|q| !labels_a_number(text, q.start));
    found.sort_by_key(|q| q.start);
    found
}

/// Words before a number that make it a label, never a figure: "धारा 158" (the section of
/// the Act), "seat number 12", "NH 27", "Article 370".
const NUMBER_LABELS: &[&str] = &[
    "धारा",
    "अनुच्छेद",
    "section",
    "sec.",
    "s.",
    "article",
    "rule",
    "नियम",
    "सीट संख्या",
    "सीट नंबर",
    "seat number",
    "seat no.",
    "क्रमांक",
    "no.",
    "nh",
    "ward",
    "वार्ड",
    "booth number",
    "बूथ संख्या",
    "बूथ नंबर",
    "phase",
    "चरण",
];

/// Whether the number at `start` of `text` is a label (see `NUMBER_LABELS`).
pub fn labels_a_number(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    if before.len() == start {
        return false;
    }
    let before = lowercase(before);
    NUMBER_LABELS.iter().any(|l| {
        before.ends_with(l)
            && before[..before.len() - l.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c))
    })
}

/// Where words that say the unit once for the figures after them end: "In lakh, Gopi
/// had 4.12, Sunilkumar 3.83", "लाख में देखें तो विजेता के करीब 7.4".
fn lakh_said(text: &str) -> Option<usize> {
    // Asked of every text numbers are read from: most have no "lakh" at all.
    let ascii_lakh = text
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"lakh"));
    if !ascii_lakh && !text.contains("लाख") {
        return None;
    }
    let lower = lowercase(text);
    ["in lakh", "in lakhs", "लाख में"]
        .iter()
        .filter_map(|w| {
            let at = lower.find(w)?;
            let word_start = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            word_start.then_some(at + w.len())
        })
        .min()
}

fn digit_numbers(text: &str) -> Vec<Quoted> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let lakh_from = lakh_said(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if ascii_digit(c).is_none() || (i > 0 && is_word_char(chars[i - 1].1)) {
            i += 1;
            continue;
        }
        let mut mantissa = String::new();
        let mut grouped = false;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            if let Some(d) = ascii_digit(c) {
                mantissa.push(d);
            } else if c == ',' && next_is_digit(&chars, j) && !mantissa.contains('.') {
                grouped = true;
            } else if c == '.' && next_is_digit(&chars, j) && !mantissa.contains('.') {
                mantissa.push('.');
            } else {
                break;
            }
            j += 1;
        }
        let number_end = chars.get(j).map_or(text.len(), |(o, _)| *o);
        i = j;
        // "2024a", "S24-43": part of a word or code, not a number of the prose.
        if chars.get(j).is_some_and(|(_, c)| is_word_char(*c)) {
            continue;
        }
        if i > 0 && start > 0 && text[..start].ends_with(['-', '/']) {
            let before = text[..start].trim_end_matches(['-', '/']);
            if before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue; // "S24-43", "2019/20"
            }
        }
        let Ok(x) = mantissa.parse::<f64>() else {
            continue;
        };
        let decimals = mantissa.split_once('.').map_or(0, |(_, d)| d.len());
        let rest = &text[number_end..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        let after = &rest[spaces..];
        if let Some((len, measure)) = percent_after(rest) {
            found.push(Quoted {
                start,
                end: number_end + len,
                value: x,
                step: 10f64.powi(-(decimals as i32)),
                measure,
                year: false,
                words: false,
            });
            continue;
        }
        // "a 7.74-lakh margin": the unit joined to the figure by a hyphen.
        let hyphen = usize::from(spaces == 0 && after.starts_with('-'));
        let unit = UNITS
            .iter()
            .find(|(name, _)| word_at(&after[hyphen..], name));
        // ("a vote share of 3 parties": an English whole number wants its sign.)
        let latin_before = text[..start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_alphabetic());
        if unit.is_none()
            && x <= 100.0
            && (decimals > 0 || !latin_before)
            && share_said_before(&text[..start])
        {
            // "का वोट प्रतिशत 66.91 रहा": the percentage named before its figure.
            found.push(Quoted {
                start,
                end: number_end,
                value: x,
                step: 10f64.powi(-(decimals as i32)),
                measure: Measure::Percent,
                year: false,
                words: false,
            });
            continue;
        }
        let (mut multiplier, end) = match unit {
            Some((name, m)) => (*m, number_end + spaces + hyphen + name.len()),
            None => (1.0, number_end),
        };
        if multiplier == 1.0 && decimals > 0 {
            // After "In lakh," a bare decimal is in lakh (not one of "2.5 times").
            let ratio = ["times", "गुना", "x "]
                .iter()
                .any(|w| lowercase(after).starts_with(w));
            if lakh_from.is_some_and(|from| start >= from) && x < 100.0 && !ratio {
                multiplier = 100_000.0;
            } else {
                continue; // a decimal without a unit is a ratio or a share written without %
            }
        }
        let value = x * multiplier;
        let step = if multiplier > 1.0 {
            multiplier * 10f64.powi(-(decimals as i32))
        } else {
            rounding_step(value as u64)
        };
        found.push(Quoted {
            start,
            end,
            value,
            step,
            measure: Measure::Count,
            year: !grouped
                && multiplier == 1.0
                && mantissa.len() == 4
                && (1900.0..=2100.0).contains(&x),
            words: false,
        });
    }
    found
}

/// A round figure is taken as rounded: "4,22,000" is 4,22,087 to the nearest thousand.
fn rounding_step(value: u64) -> f64 {
    [100_000u64, 10_000, 1_000]
        .into_iter()
        .find(|step| value >= *step && value.is_multiple_of(*step))
        .unwrap_or(1) as f64
}

/// "%", " प्रतिशत", " प्रतिशत अंक", " points" right after a number: (bytes, measure).
fn percent_after(rest: &str) -> Option<(usize, Measure)> {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let spaces = rest.len() - trimmed.len();
    if let Some(after_sign) = trimmed.strip_prefix('%') {
        let s2 = after_sign.trim_start_matches([' ', '\u{a0}']);
        if let Some(w) = POINT_WORDS
            .iter()
            .find(|w| word_at(s2, w) && !w.starts_with("प्रतिशत"))
        {
            return Some((
                spaces + 1 + (after_sign.len() - s2.len()) + w.len(),
                Measure::Points,
            ));
        }
        return Some((spaces + 1, Measure::Percent));
    }
    if let Some(w) = POINT_WORDS.iter().find(|w| word_at(trimmed, w)) {
        return Some((spaces + w.len(), Measure::Points));
    }
    PERCENT_WORDS
        .iter()
        .find(|w| word_at(trimmed, w))
        .map(|w| (spaces + w.len(), Measure::Percent))
}

/// Words that name a percentage before its figure, the figure then written without a
/// sign: "का वोट प्रतिशत 66.91 रहा", "मत प्रतिशत: 49.95", "a vote share of 45.2".
const SHARE_BEFORE: &[&str] = &[
    "वोट प्रतिशत",
    "मत प्रतिशत",
    "मतदान प्रतिशत",
    "वोट फ़ीसदी",
    "वोट फीसदी",
    "वोट शेयर",
    "vote share",
    "vote share of",
    "vote share was",
    "vote share at",
    "vote percentage",
    "vote percentage of",
    "vote percentage was",
];

/// Whether `before` (the text up to a number) ends with a word of `SHARE_BEFORE`, a
/// colon or dash aside.
fn share_said_before(before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\u{a0}', ':', '-', '–']);
    if !before.ends_with(['त', 'ी', 'र', 'e', 'f', 's', 't', 'E', 'F', 'S', 'T']) {
        return false;
    }
    // The last few words only (a long sentence asks this before many numbers).
    let mut cut = before.len().saturating_sub(48);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let before = lowercase(&before[cut..]);
    SHARE_BEFORE.iter().any(|w| word_at_end(&before, w))
}

/// `text` starts with the word `w` (ASCII case aside), not with a longer word.
/// `s` in lower case, as `str::to_lowercase` gives it, without a copy when nothing changes
/// (Devanagari has no case: most of a Hindi page is returned as it is).
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = |c: char| {
        if c.is_ascii() {
            return !c.is_ascii_uppercase();
        }
        // The Indic scripts (Devanagari to Sinhala) and general punctuation have no case.
        if ('\u{0900}'..='\u{0DFF}').contains(&c) || ('\u{2000}'..='\u{206F}').contains(&c) {
            return true;
        }
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    if s.chars().all(unchanged) {
        std::borrow::Cow::Borrowed(s)
    } else {
        // Every character keeps its byte length ("ẞ" stays, "İ" too): offsets found in
        // the lower-case text are offsets in the text, and the other way round.
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                        _ => c,
                    }
                })
                .collect(),
        )
    }
}

/// Whether `text` ends with the word `w` (not a longer word ending so).
pub fn word_at_end(text: &str, w: &str) -> bool {
    text.ends_with(w)
        && text[..text.len() - w.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c))
}

pub fn word_at(text: &str, w: &str) -> bool {
    text.get(..w.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(w))
        && !text[w.len()..].chars().next().is_some_and(is_word_char)
}

fn next_is_digit(chars: &[(usize, char)], j: usize) -> bool {
    chars
        .get(j + 1)
        .is_some_and(|(_, c)| ascii_digit(*c).is_some())
}

pub fn is_word_char(c: char) -> bool {
    // The prose check asks this of every character of every page; Unicode's table lookup
    // for Devanagari (`is_alphanumeric`) was a tenth of a cold build. ASCII and the
    // Devanagari block answer from a table made once from the same rule.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if ('\u{900}'..='\u{97f}').contains(&c) {
        return DEVANAGARI_WORD_CHARS[c as usize - 0x900];
    }
    is_word_char_by_unicode(c)
}

fn is_word_char_by_unicode(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || matches!(c, '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{951}'..='\u{957}' | '\u{962}'..='\u{963}')
}

static DEVANAGARI_WORD_CHARS: std::sync::LazyLock<[bool; 128]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(0x900 + i as u32).is_some_and(is_word_char_by_unicode))
});

/// '7' or '७' → '7'.
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '०'..='९' => char::from_u32(c as u32 - '०' as u32 + '0' as u32),
        _ => None,
    }
}

/// Hindi number words 1–99 (common spellings), then English.
const HINDI_NUMBERS: &[(&str, u32)] = &[
    ("एक", 1),
    ("दो", 2),
    ("तीन", 3),
    ("चार", 4),
    ("पाँच", 5),
    ("पांच", 5),
    ("छह", 6),
    ("छः", 6),
    ("छ:", 6),
    ("सात", 7),
    ("आठ", 8),
    ("नौ", 9),
    ("दस", 10),
    ("ग्यारह", 11),
    ("बारह", 12),
    ("तेरह", 13),
    ("चौदह", 14),
    ("पंद्रह", 15),
    ("पन्द्रह", 15),
    ("सोलह", 16),
    ("सत्रह", 17),
    ("अठारह", 18),
    ("उन्नीस", 19),
    ("बीस", 20),
    ("इक्कीस", 21),
    ("बाईस", 22),
    ("बाइस", 22),
    ("तेईस", 23),
    ("चौबीस", 24),
    ("पच्चीस", 25),
    ("छब्बीस", 26),
    ("सत्ताईस", 27),
    ("अट्ठाईस", 28),
    ("अठाईस", 28),
    ("उनतीस", 29),
    ("तीस", 30),
    ("इकतीस", 31),
    ("बत्तीस", 32),
    ("तैंतीस", 33),
    ("चौंतीस", 34),
    ("पैंतीस", 35),
    ("छत्तीस", 36),
    ("सैंतीस", 37),
    ("अड़तीस", 38),
    ("उनतालीस", 39),
    ("चालीस", 40),
    ("इकतालीस", 41),
    ("बयालीस", 42),
    ("तैंतालीस", 43),
    ("चवालीस", 44),
    ("चौवालीस", 44),
    ("पैंतालीस", 45),
    ("छियालीस", 46),
    ("सैंतालीस", 47),
    ("अड़तालीस", 48),
    ("उनचास", 49),
    ("पचास", 50),
    ("इक्यावन", 51),
    ("बावन", 52),
    ("तिरेपन", 53),
    ("तिरपन", 53),
    ("चौवन", 54),
    ("पचपन", 55),
    ("छप्पन", 56),
    ("सत्तावन", 57),
    ("अट्ठावन", 58),
    ("अठावन", 58),
    ("उनसठ", 59),
    ("साठ", 60),
    ("इकसठ", 61),
    ("बासठ", 62),
    ("तिरसठ", 63),
    ("चौंसठ", 64),
    ("पैंसठ", 65),
    ("छियासठ", 66),
    ("सड़सठ", 67),
    ("अड़सठ", 68),
    ("उनहत्तर", 69),
    ("सत्तर", 70),
    ("इकहत्तर", 71),
    ("बहत्तर", 72),
    ("तिहत्तर", 73),
    ("चौहत्तर", 74),
    ("पचहत्तर", 75),
    ("छिहत्तर", 76),
    ("सतहत्तर", 77),
    ("अठहत्तर", 78),
    ("उन्यासी", 79),
    ("उनासी", 79),
    ("अस्सी", 80),
    ("इक्यासी", 81),
    ("बयासी", 82),
    ("तिरासी", 83),
    ("चौरासी", 84),
    ("पचासी", 85),
    ("छियासी", 86),
    ("सत्तासी", 87),
    ("अट्ठासी", 88),
    ("अठासी", 88),
    ("नवासी", 89),
    ("नब्बे", 90),
    ("इक्यानबे", 91),
    ("बानबे", 92),
    ("तिरानबे", 93),
    ("चौरानबे", 94),
    ("पंचानबे", 95),
    ("छियानबे", 96),
    ("सत्तानबे", 97),
    ("अट्ठानबे", 98),
    ("निन्यानबे", 99),
    // The spellings with व, as common as those with ब.
    ("इक्यानवे", 91),
    ("बानवे", 92),
    ("तिरानवे", 93),
    ("चौरानवे", 94),
    ("पचानवे", 95),
    ("पंचानवे", 95),
    ("पचानबे", 95),
    ("छियानवे", 96),
    ("सत्तानवे", 97),
    ("अट्ठानवे", 98),
    ("अठानवे", 98),
    ("अठानबे", 98),
    ("निन्यानवे", 99),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// A small number as a word or in digits ("six", "छह", "4.7"), for "six times".
pub fn small_number(word: &str) -> Option<f64> {
    let lower = lowercase(word);
    let lower = lower.as_ref();
    // Only a word with digits (`f64` parses "nan" and "inf" too), without a copy when it
    // has no comma: this is asked of every word of many sentences.
    if lower.bytes().any(|b| b.is_ascii_digit()) {
        let parsed = if lower.contains(',') {
            lower.replace(',', "").parse::<f64>()
        } else {
            lower.parse::<f64>()
        };
        if let Ok(n) = parsed {
            return Some(n);
        }
    }
    // "१६ उम्मीदवार": Devanagari digits.
    if lower.chars().any(|c| ('०'..='९').contains(&c)) {
        let ascii: Option<String> = lower
            .chars()
            .filter(|c| *c != ',')
            .map(|c| ascii_digit(c).or((c == '.').then_some('.')))
            .collect();
        if let Some(n) = ascii.and_then(|a| a.parse::<f64>().ok()) {
            return Some(n);
        }
    }
    HINDI_NUMBERS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, n)| f64::from(*n))
}

/// Fractions before a number word: "साढ़े चार" is 4½, "ढाई" 2½, "डेढ़" 1½; the words
/// below 1 add to the number after them: "सवा चार" is 4¼, "पौने दस" 9¾ (a quarter less),
/// "सवा लाख" 1¼ lakh.
const HINDI_FRACTIONS: &[(&str, f64)] = &[
    ("ढाई", 2.5),
    ("डेढ़", 1.5),
    ("डेढ", 1.5),
    ("साढ़े", 0.5),
    ("साढे", 0.5),
    ("सवा", 0.25),
    ("पौने", -0.25),
    ("पौन", -0.25),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("सौ", 100.0),
    ("hundred", 100.0),
    ("हज़ार", 1e3),
    ("ह\u{95b}ार", 1e3),
    ("हजार", 1e3),
    ("thousand", 1e3),
    ("लाख", 1e5),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("करोड़", 1e7),
    ("करो\u{95c}", 1e7),
    ("करोड", 1e7),
    ("crore", 1e7),
    ("million", 1e6),
];

/// Words in `text` with their byte ranges (Devanagari marks stay inside words).
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = is_word_char(c) || c == ':' && start.is_some();
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), &text[s..]));
    }
    out
}

/// Numbers written in words with at least one of हज़ार, लाख, करोड़ (thousand, lakh,
/// crore): "चार लाख बाईस हज़ार" is 4,22,000 to the nearest thousand. Plain number words
/// ("पाँच साल") are too common to be figures.
fn word_numbers(text: &str) -> Vec<Quoted> {
    // Only a word of thousands or more (हज़ार, lakh, करोड़ …) makes a number in words, and
    // most sentences have none: without one, no word is compared with the number words.
    // (A word that is such a word in lower case is one in the text in lower case.)
    let lower = lowercase(text);
    if !MULTIPLIERS
        .iter()
        .any(|(name, m)| *m > 100.0 && lower.contains(name))
        && !PERCENT_WORDS[1..].iter().any(|w| lower.contains(w))
    {
        return Vec::new();
    }
    let tokens = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut total = 0.0;
        let mut current = 0.0;
        // "साढ़े", "सवा", "पौने": what to add to the number word after it.
        let mut pending: Option<f64> = None;
        let mut smallest = f64::MAX;
        let mut big = false;
        let mut j = i;
        let mut last_end = tokens[i].1;
        while j < tokens.len() {
            let (_, _, w) = tokens[j];
            // Only words joined by spaces or hyphens form one number.
            if j > i {
                let gap = &text[last_end..tokens[j].0];
                if !gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}') || gap.len() > 2 {
                    break;
                }
            }
            let lower = lowercase(w);
            if let Some((_, n)) = HINDI_NUMBERS
                .iter()
                .find(|(name, _)| *name == lower.as_ref())
            {
                current += f64::from(*n) + pending.take().unwrap_or(0.0);
            } else if let Some((_, f)) = HINDI_FRACTIONS
                .iter()
                .find(|(name, _)| *name == lower.as_ref())
            {
                if *f < 1.0 {
                    pending = Some(*f);
                } else {
                    current += f;
                }
            } else if let Some((_, m)) =
                MULTIPLIERS.iter().find(|(name, _)| *name == lower.as_ref())
            {
                // "सवा लाख": a quarter more than one.
                if current == 0.0 && pending == Some(0.25) && *m >= 1e3 {
                    current = 1.0 + pending.take().unwrap_or(0.0);
                }
                if current == 0.0 {
                    break;
                }
                if *m == 100.0 {
                    current *= 100.0;
                } else {
                    big = true;
                    // "साढ़े चार लाख" is 4.5 lakh: precise to a tenth of a lakh.
                    // "पौने दस लाख", "सवा चार लाख": to a quarter lakh.
                    let fraction = current.fract();
                    let unit = if fraction == 0.0 {
                        *m
                    } else if fraction == 0.5 {
                        *m / 10.0
                    } else {
                        *m / 4.0
                    };
                    smallest = smallest.min(unit);
                    total += current * m;
                    current = 0.0;
                }
            } else if lower == "and"
                && current > 0.0
                && current.fract() == 0.0
                && tokens
                    .get(j + 1)
                    .is_some_and(|(_, _, w)| lowercase(w) == "a")
                && tokens
                    .get(j + 2)
                    .is_some_and(|(_, _, w)| lowercase(w) == "half")
            {
                // "one and a half lakh": 1.5 lakh.
                current += 0.5;
                j += 2;
            } else if lower == "half"
                && current == 0.0
                && tokens
                    .get(j + 1)
                    .is_some_and(|(_, _, w)| lowercase(w) == "a")
                && tokens
                    .get(j + 2)
                    .is_some_and(|(_, _, w)| ["lakh", "crore"].contains(&lowercase(w).as_ref()))
            {
                // "half a lakh": 0.5 lakh.
                current = 0.5;
                j += 1;
            } else if lower == "and"
                && (current == 0.0 && big || current > 0.0 && current % 100.0 == 0.0)
                && tokens.get(j + 1).is_some_and(|(_, _, next)| {
                    let next = lowercase(next);
                    HINDI_NUMBERS.iter().any(|(name, _)| *name == next.as_ref())
                })
            {
                // "four lakh and twenty-two thousand", "eight hundred and thirty-one"
            } else {
                break;
            }
            // (The branches that read "and a half", "half a" moved `j` past those words.)
            last_end = tokens[j].1;
            j += 1;
        }
        // "पैंसठ प्रतिशत से ज़्यादा", "more than sixty per cent": a percentage in words, read
        // only as a bound ("एक प्रतिशत तक नहीं पहुँचे", "none reached one per cent" are bars
        // the sentence measures against, not figures it gives).
        let percent = (!big && j > i && current > 0.0 && current <= 100.0)
            .then(|| percent_after(&text[last_end..]))
            .flatten()
            .filter(|(len, _)| {
                let after = lowercase(text[last_end + len..].trim_start());
                let before = lowercase(text[..tokens[i].0].trim_end());
                ["से ज़्यादा", "से ज्यादा", "से अधिक", "से ऊपर"]
                    .iter()
                    .any(|w| after.starts_with(w))
                    || ["more than", "over", "above"]
                        .iter()
                        .any(|w| word_at_end(&before, w))
            });
        if let Some((len, measure)) = percent {
            found.push(Quoted {
                start: tokens[i].0,
                end: last_end + len,
                value: current,
                step: if current.fract() == 0.0 { 1.0 } else { 0.5 },
                measure,
                year: false,
                words: true,
            });
            i = j;
        } else if big && j > i {
            let value = total + current;
            let step = if current > 0.0 { 1.0 } else { smallest };
            found.push(Quoted {
                start: tokens[i].0,
                end: last_end,
                value,
                step,
                measure: Measure::Count,
                year: false,
                words: true,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    found
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

    fn one(text: &str) -> Quoted {
        let found = numbers(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn digits_units_and_precision() {
        let q = one("4.22 लाख वोट");
        assert_eq!((q.value, q.step), (422000.0, 1000.0));
        assert!(q.states(422087.0));
        assert!(!one("4.2 लाख").states(460457.0));
        assert!(one("4.6 lakh").states(460457.0));
        assert!(one("४,२२,०८७ वोट").states(422087.0));
        assert!(one("4,22,000").states(422087.0));
        assert!(one("2024 में").year);
    }

    #[test]
    fn percentages_and_points_round_to_the_digits_shown() {
        let q = one("49.9%");
        assert_eq!(q.measure, Measure::Percent);
        assert!(q.states(49.93));
        assert!(one("50 प्रतिशत").states(49.93));
        assert!(!one("49.8%").states(49.93));
        let q = one("10.43 अंक");
        assert_eq!(q.measure, Measure::Points);
        assert_eq!(one("5.7 प्रतिशत अंक").measure, Measure::Points);
        assert_eq!(one("5.7 percentage points").measure, Measure::Points);
    }

    #[test]
    fn lower_case_is_borrowed_when_nothing_changes() {
        for text in ["कानपुर में 4,22,087 वोट — “जीत”", "ALOK Mishra, ΣΑ", "ǅ x"]
        {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
        // A letter whose lower case has another byte length stays as it is, so that
        // offsets hold between the two texts ("İ" would be "i̇", "ẞ" "ß").
        for text in ["İstanbul", "ẞ: 10,000", "ALOK İ ẞ ΣΑΣ"] {
            let lower = lowercase(text);
            assert_eq!(lower.len(), text.len(), "{text}");
            assert!(
                text.char_indices().all(|(i, _)| lower.is_char_boundary(i)),
                "{text}"
            );
        }
        assert_eq!(lowercase("ALOK İstanbul"), "alok İstanbul");
        assert!(matches!(
            lowercase("कानपुर में 4,22,087 वोट"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn words_in_hindi_and_english() {
        let q = one("चार लाख बाईस हज़ार वोट");
        assert_eq!((q.value, q.step), (422000.0, 1000.0));
        assert!(q.states(422087.0));
        assert!(!q.states(460457.0));
        let q = one("four lakh twenty-two thousand votes");
        assert_eq!(q.value, 422000.0);
        let q = one("साढ़े चार लाख");
        assert_eq!(q.value, 450000.0);
        let q = one("just under one and a half lakh.");
        assert_eq!((q.value, q.step), (150000.0, 10000.0));
        let q = one("half a lakh votes");
        assert_eq!(q.value, 50000.0);
        let q = one("भाजपा को पैंसठ प्रतिशत से ज़्यादा");
        assert_eq!((q.value, q.step, q.measure), (65.0, 1.0, Measure::Percent));
        let q = one("more than sixty-five per cent");
        assert_eq!((q.value, q.measure), (65.0, Measure::Percent));
        // A bar measured against, not a figure given.
        assert!(numbers("none reached one per cent").is_empty());
        let q = one("पौने दस लाख वोट");
        assert_eq!((q.value, q.step), (975000.0, 25000.0));
        assert!(q.states(972_140.0) && !q.states(940_000.0));
        assert_eq!(one("सवा लाख").value, 125000.0);
        assert_eq!(one("सवा चार लाख").value, 425000.0);
        assert!(numbers("पाँच साल और दो-तरफ़ा").is_empty());
    }
}
