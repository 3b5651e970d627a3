//! Hand-typed numbers in the body that disagree with the page's data.
//!
//! Editors retype figures; a retyped figure drifts (88,313 where the data says 88,489).
//! This check reads the prose for numbers that look like vote counts and warns when one
//! is close to a data value without being it, or is stated as a margin or total that the
//! data contradicts. It stays quiet on exact matches, on numbers far from every data value,
//! on years, and on numbers the text itself marks as approximate ("लगभग", "more than").
//!
//! Code (fenced blocks, `inline`) and template expressions (`{{ … }}`, `{% … %}`,
//! `{# … #}`) are not prose and are skipped.

use super::derive::ResultFigures;
use super::page::PageResults;
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::numfmt::{inr_unsigned, round_half_away};
use std::path::Path;

/// A number within this share of a data value, but not equal to it, is likely a typo.
const NEAR_MISS_PERCENT: u64 = 5;

/// How far (in characters, same line) a keyword such as "अंतर" may stand from a number
/// and still be taken as saying what the number is.
const KEYWORD_REACH: usize = 40;

const MARGIN_WORDS: &[&str] = &["अंतर", "अन्तर", "margin", "won by", "lost by", "हराया"];
const TOTAL_WORDS: &[&str] = &["कुल", "total", "वैध", "valid votes"];
/// Words before a number that say it is not exact.
const APPROX_BEFORE: &[&str] = &[
    "लगभग",
    "करीब",
    "क़रीब",
    "तकरीबन",
    "तक़रीबन",
    "अनुमानित",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "over",
    "more than",
    "less than",
    "some",
    "~",
];
/// Words after a number that say it is not exact ("2.5 लाख से अधिक").
const APPROX_AFTER: &[&str] = &[
    "से अधिक",
    "से ज़्यादा",
    "से ज्यादा",
    "से ऊपर",
    "से कम",
    "से कुछ",
    "के आसपास",
    "के करीब",
    "+",
    "plus",
];
/// Units after a number: name, multiplier.
const UNITS: &[(&str, u64)] = &[
    ("करोड़", 10_000_000),
    ("करो\u{95c}", 10_000_000),
    ("करोड", 10_000_000),
    ("crores", 10_000_000),
    ("crore", 10_000_000),
    ("लाख", 100_000),
    ("lakhs", 100_000),
    ("lakh", 100_000),
    ("हज़ार", 1_000),
    ("ह\u{95b}ार", 1_000),
    ("हजार", 1_000),
    ("thousand", 1_000),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Count,
    Margin,
    Total,
}

/// A figure of the page's data that prose may quote.
struct DataValue {
    value: u64,
    kind: Kind,
    /// "INC in कैंट, लोकसभा 2019"
    label: String,
    /// Words whose presence in the same line makes this the likelier value meant.
    context: Vec<String>,
    /// The segment a segment figure is about: a line that names no segment more likely
    /// means a constituency-wide figure.
    segment: Option<String>,
}

/// A number as written in the prose.
struct Quoted<'a> {
    /// As typed, for the message.
    text: &'a str,
    start: usize,
    end: usize,
    /// Digits before any unit, decimal point kept: "4.22" of "4.22 लाख".
    mantissa: String,
    /// Multiplier of a unit word, 1 without one.
    unit: u64,
    grouped: bool,
}

impl Quoted<'_> {
    fn decimals(&self) -> usize {
        self.mantissa.split_once('.').map_or(0, |(_, d)| d.len())
    }

    fn value(&self) -> u64 {
        let x: f64 = self.mantissa.parse().unwrap_or(0.0);
        round_half_away(x * self.unit as f64, 0) as u64
    }

    /// Whether `data` is what this number says, at the precision it is written in:
    /// "4.22 लाख" is 422087, and so is "4,22,000" (a figure rounded to thousands).
    fn states(&self, data: u64) -> bool {
        if self.unit > 1 {
            let stated: f64 = self.mantissa.parse().unwrap_or(-1.0);
            return round_half_away(data as f64 / self.unit as f64, self.decimals()) == stated;
        }
        let value = self.value();
        if value == data {
            return true;
        }
        let rounding = [1_000u64, 10_000, 100_000]
            .into_iter()
            .rev()
            .find(|step| value.is_multiple_of(*step) && value >= *step);
        rounding.is_some_and(|step| (data + step / 2) / step * step == value)
    }
}

/// Warns about numbers in `body` that disagree with `results`. `body_first_line` is the
/// file line on which `body` starts.
pub fn check_prose(
    file: &Path,
    body: &str,
    body_first_line: usize,
    results: &PageResults,
) -> Vec<Diagnostic> {
    let values = data_values(results);
    if values.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(body, body_first_line);
    let prose = mask_non_prose(body);
    let mut diagnostics = Vec::new();
    // Lines are found and lower-cased once each, not once per number (a line of
    // 200,000 numbers took minutes).
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(prose.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut lowered: Option<(usize, String)> = None;
    for quoted in numbers(&prose, body) {
        if quoted.value() < 1000 || is_year(&quoted) || marked_approximate(&prose, &quoted) {
            continue;
        }
        if values.iter().any(|v| quoted.states(v.value)) {
            continue;
        }
        let line = line_starts.partition_point(|&s| s <= quoted.start) - 1;
        let start = line_starts[line];
        let end = line_starts
            .get(line + 1)
            .map_or(prose.len(), |&next| next - 1);
        let line_text = &prose[start..end];
        if lowered.as_ref().is_none_or(|(l, _)| *l != line) {
            lowered = Some((line, line_text.to_lowercase()));
        }
        let line_lower = lowered
            .as_ref()
            .map(|(_, t)| t.as_str())
            .unwrap_or_default();
        let kind = keyword_kind(&prose, &quoted);
        let found = match kind {
            Kind::Margin | Kind::Total => {
                best_match(&values, &quoted, line_text, line_lower, |v| {
                    v.kind == kind && within_factor_two(quoted.value(), v.value)
                })
            }
            Kind::Count => None,
        }
        .or_else(|| {
            best_match(&values, &quoted, line_text, line_lower, |v| {
                near_miss(quoted.value(), v.value)
            })
        });
        if let Some(value) = found {
            let what = match kind {
                Kind::Margin => " as a margin",
                Kind::Total => " as a total",
                Kind::Count => "",
            };
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    format!(
                        "{} in the text{what}, the data says {} for {}",
                        quoted.text.trim(),
                        inr_unsigned(value.value),
                        value.label
                    ),
                )
                .at_line(lines.line_of(quoted.start)),
            );
        }
    }
    diagnostics
}

/// Among the values `fits` accepts, the one whose context words the line mentions most,
/// then the closest.
fn best_match<'v>(
    values: &'v [DataValue],
    quoted: &Quoted,
    line_text: &str,
    line_lower: &str,
    fits: impl Fn(&DataValue) -> bool,
) -> Option<&'v DataValue> {
    values.iter().filter(|v| fits(v)).min_by_key(|v| {
        let hits = v
            .context
            .iter()
            .filter(|w| line_lower.contains(&w.to_lowercase()))
            .count();
        let segment_unnamed = v
            .segment
            .as_ref()
            .is_some_and(|s| !line_text.contains(s.as_str()));
        (
            segment_unnamed,
            std::cmp::Reverse(hits),
            quoted.value().abs_diff(v.value),
        )
    })
}

fn near_miss(stated: u64, data: u64) -> bool {
    stated.abs_diff(data).saturating_mul(100) <= data.saturating_mul(NEAR_MISS_PERCENT)
}

fn within_factor_two(stated: u64, data: u64) -> bool {
    stated <= data.saturating_mul(2) && data <= stated.saturating_mul(2)
}

/// Four plain digits between 1900 and 2100 are a year, not a count.
fn is_year(quoted: &Quoted) -> bool {
    !quoted.grouped
        && quoted.unit == 1
        && quoted.mantissa.len() == 4
        && (1900..=2100).contains(&quoted.value())
}

/// The last `n` characters of `text` (a window: looking at the whole text around each
/// number made a line of 200,000 numbers take minutes).
fn last_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &text[start..]
}

fn first_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Characters looked at beside a number for "about", "more than" and the like.
const APPROX_REACH: usize = 32;

fn marked_approximate(prose: &str, quoted: &Quoted) -> bool {
    let before = last_chars(prose[..quoted.start].trim_end(), APPROX_REACH).to_lowercase();
    let after = first_chars(prose[quoted.end..].trim_start(), APPROX_REACH).to_lowercase();
    let word_ends_before = |w: &&str| {
        before.ends_with(*w)
            && !before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
    };
    let word_starts_after = |w: &&str| {
        after.starts_with(*w) && !after[w.len()..].chars().next().is_some_and(is_word_char)
    };
    APPROX_BEFORE.iter().any(word_ends_before) || APPROX_AFTER.iter().any(word_starts_after)
}

/// Margin or total when such a word stands near the number on its line (the nearer wins).
fn keyword_kind(prose: &str, quoted: &Quoted) -> Kind {
    let before = last_chars(&prose[..quoted.start], KEYWORD_REACH);
    let before = before.rsplit('\n').next().unwrap_or_default();
    let after = first_chars(&prose[quoted.end..], KEYWORD_REACH);
    let after = after.split('\n').next().unwrap_or_default();
    let (before, after) = (before.to_lowercase(), after.to_lowercase());
    // Distance in bytes is enough to compare which word is nearer.
    let distance = |words: &[&str]| {
        words
            .iter()
            .flat_map(|w| {
                let b = before.rfind(w).map(|i| before.len() - i);
                let a = after.find(w);
                [b, a]
            })
            .flatten()
            .min()
    };
    match (distance(MARGIN_WORDS), distance(TOTAL_WORDS)) {
        (Some(m), Some(t)) if t < m => Kind::Total,
        (Some(_), _) => Kind::Margin,
        (None, Some(_)) => Kind::Total,
        (None, None) => Kind::Count,
    }
}

/// Every number in `prose` (the masked body; `original` is the same text unmasked, for
/// quoting what was typed).
fn numbers<'a>(prose: &'a str, original: &'a str) -> Vec<Quoted<'a>> {
    let chars: Vec<(usize, char)> = prose.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let preceded_by_word = i > 0 && is_word_char(chars[i - 1].1);
        if ascii_digit(c).is_none() || preceded_by_word {
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
        let number_end = chars.get(j).map_or(prose.len(), |(o, _)| *o);
        i = j;
        // "2024a", "S24-43": part of a word or code, not a count.
        if chars
            .get(j)
            .is_some_and(|(_, c)| is_word_char(*c) || *c == '%')
        {
            continue;
        }
        let rest = &prose[number_end..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        let after_space = &rest[spaces..];
        // Compared byte for byte (ASCII case aside), so `name.len()` is a boundary.
        let unit = UNITS.iter().find(|(name, _)| {
            after_space
                .get(..name.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(name))
                && !after_space[name.len()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
        });
        let (unit, end) = match unit {
            Some((name, multiplier)) => (*multiplier, number_end + spaces + name.len()),
            None => (1, number_end),
        };
        if unit == 1 && mantissa.contains('.') {
            continue; // a decimal without a unit is a share or a ratio, not a count
        }
        found.push(Quoted {
            text: &original[start..end],
            start,
            end,
            mantissa,
            unit,
            grouped,
        });
    }
    found
}

fn next_is_digit(chars: &[(usize, char)], j: usize) -> bool {
    chars
        .get(j + 1)
        .is_some_and(|(_, c)| ascii_digit(*c).is_some())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// '7' or '७' → '7'.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '०'..='९' => char::from_u32(c as u32 - '०' as u32 + '0' as u32),
        _ => None,
    }
}

/// `body` with code and template expressions blanked out, byte offsets and newlines kept.
fn mask_non_prose(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<(char, usize)> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let fence_run = |ch: char| trimmed.chars().take_while(|c| *c == ch).count();
        match fence {
            Some((ch, len)) => {
                if fence_run(ch) >= len && trimmed.trim_start_matches(ch).trim().is_empty() {
                    fence = None;
                }
                out.push_str(&blank(line));
            }
            None => {
                let opener = ['`', '~']
                    .into_iter()
                    .map(|ch| (ch, fence_run(ch)))
                    .find(|(_, n)| *n >= 3);
                if let Some(opener) = opener {
                    fence = Some(opener);
                    out.push_str(&blank(line));
                } else {
                    out.push_str(line);
                }
            }
        }
    }
    let out = mask_between(&out, "{{", "}}");
    let out = mask_between(&out, "{%", "%}");
    // "{# " with a space: Markdown heading ids are written "{#id}" and are not comments.
    let out = mask_between(&out, "{# ", "#}");
    mask_inline_code(&out)
}

/// Blanks `open … close` spans. An opener without a closer is left as it is: Tera
/// rejects it anyway, and blanking to the end would hide the rest of the prose.
fn mask_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after_open = &rest[i..];
        match after_open[open.len()..].find(close) {
            Some(j) => {
                let end = open.len() + j + close.len();
                out.push_str(&blank(&after_open[..end]));
                rest = &after_open[end..];
            }
            None => {
                out.push_str(open);
                rest = &after_open[open.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Blanks `code spans` within each line.
fn mask_inline_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        while let Some(i) = rest.find('`') {
            let run = rest[i..].chars().take_while(|c| *c == '`').count();
            let ticks = &rest[i..i + run];
            match rest[i + run..].find(ticks) {
                Some(j) => {
                    out.push_str(&rest[..i]);
                    out.push_str(&blank(&rest[i..i + run + j + run]));
                    rest = &rest[i + run + j + run..];
                }
                None => {
                    out.push_str(&rest[..i + run]);
                    rest = &rest[i + run..];
                }
            }
        }
        out.push_str(rest);
    }
    out
}

/// Spaces of the same byte length, newlines kept.
fn blank(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect()
}

/// The figures of every result on the page that prose may quote. "More than" figures
/// and what depends on them are left out: they cannot be contradicted by a number.
fn data_values(results: &PageResults) -> Vec<DataValue> {
    let mut values = Vec::new();
    for r in results.iter() {
        let year = r.year.to_string();
        let base_context = vec![year.clone(), r.election.clone(), r.constituency.clone()];
        let context = |extra: &[&str]| {
            let mut words = base_context.clone();
            words.extend(extra.iter().map(|w| w.to_string()));
            words
        };
        for c in r.candidates.iter().filter(|c| !c.approx) {
            values.push(DataValue {
                value: c.votes,
                kind: Kind::Count,
                segment: None,
                label: format!("{} ({}), {}", c.name, c.party, r.election),
                context: context(&[&c.name, &c.party]),
            });
        }
        for (code, party) in r
            .parties
            .iter()
            .filter(|(_, p)| p.candidates > 1 && !p.approx)
        {
            values.push(DataValue {
                value: party.votes,
                kind: Kind::Count,
                segment: None,
                label: format!("{code} (all its candidates), {}", r.election),
                context: context(&[code]),
            });
        }
        for s in r.segments.iter().filter(|s| !s.approx) {
            for (code, votes) in &s.parties {
                values.push(DataValue {
                    value: *votes,
                    kind: Kind::Count,
                    label: format!("{code} in {}, {}", s.name, r.election),
                    segment: Some(s.name.clone()),
                    context: context(&[code, &s.name]),
                });
            }
            if s.complete {
                values.push(DataValue {
                    value: s.total,
                    kind: Kind::Total,
                    label: format!("all valid votes in {}, {}", s.name, r.election),
                    segment: Some(s.name.clone()),
                    context: context(&[&s.name]),
                });
            }
            if let Some(margin) = s.margin {
                values.push(DataValue {
                    value: margin,
                    kind: Kind::Margin,
                    label: format!("the margin in {}, {}", s.name, r.election),
                    segment: Some(s.name.clone()),
                    context: context(&[&s.name]),
                });
            }
        }
        if !r.approx {
            add_result_totals(&mut values, r, &context(&[]));
        }
    }
    values
}

fn add_result_totals(values: &mut Vec<DataValue>, r: &ResultFigures, context: &[String]) {
    values.push(DataValue {
        value: r.total,
        kind: Kind::Total,
        segment: None,
        label: format!("the valid votes of {}", r.election),
        context: context.to_vec(),
    });
    if let Some(margin) = r.margin {
        values.push(DataValue {
            value: margin,
            kind: Kind::Margin,
            segment: None,
            label: format!("the margin of {}", r.election),
            context: context.to_vec(),
        });
    }
    if let Some(electors) = r.electors {
        values.push(DataValue {
            value: electors,
            kind: Kind::Total,
            segment: None,
            label: format!("the electors of {}", r.election),
            context: context.to_vec(),
        });
    }
    for (other, parties) in &r.changes {
        for (code, change) in parties.iter().filter(|(_, c)| c.in_both && !c.approx) {
            values.push(DataValue {
                value: change.votes.unsigned_abs(),
                kind: Kind::Count,
                segment: None,
                label: format!("the change in {code}'s votes from {other} to {}", r.id),
                context: context.iter().cloned().chain([code.clone()]).collect(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::testutil::{KANPUR_2019, KANPUR_2024, check, shown};

    fn kanpur() -> PageResults {
        check(&format!("{KANPUR_2019}\n{KANPUR_2024}")).0
    }

    /// The warnings for `body`, as shown, with the body starting on line 40 of the file.
    fn warnings(body: &str) -> Vec<String> {
        shown(&check_prose(
            Path::new("content/kanpur.md"),
            body,
            40,
            &kanpur(),
        ))
    }

    #[test]
    fn the_reports_cantt_figure_disagrees_with_the_data() {
        let body = "# कांग्रेस का प्रदर्शन\n\n2019 में कैंट से श्रीप्रकाश जायसवाल को 88,313 वोट मिले थे।\n";
        assert_eq!(
            warnings(body),
            [
                "warning: content/kanpur.md:42: 88,313 in the text, the data says 88,489 for INC in कैंट, लोकसभा 2019"
            ]
        );
    }

    #[test]
    fn exact_figures_in_any_notation_are_quiet() {
        let body = concat!(
            "रमेश अवस्थी को 4,43,055 वोट मिले और आलोक मिश्रा को 422087; अंतर 20,968 रहा।\n",
            "कांग्रेस को पहली बार 4.22 लाख वोट मिले, कुल ८,८७,३९६ वैध मत पड़े।\n",
            "Western grouping works too: 443,055 votes. Rounded: 4,22,000 votes, 21 हज़ार का अंतर.\n",
        );
        assert_eq!(warnings(body), Vec::<String>::new());
    }

    #[test]
    fn years_shares_codes_and_far_numbers_are_quiet() {
        let body = concat!(
            "1984 से 2024 तक, 49.93% वोट, S24-43, ls2024 और 1,77,000 (महापौर चुनाव 2023)।\n",
            "मतदान केंद्र 1500 से ज़्यादा थे और लगभग 4,20,000 लोग आए।\n",
        );
        assert_eq!(warnings(body), Vec::<String>::new());
    }

    #[test]
    fn code_and_template_expressions_are_not_prose() {
        let body = concat!(
            "```chart\nkind = \"segments\"\nvotes = 88313\n```\n",
            "`88,313` in code, {{ results.ls2019.total | default(value=88313) }} in a template,\n",
            "{% if x > 88313 %}{% endif %}{# 88313 #}\n",
            "~~~\n88313\n~~~\n",
        );
        assert_eq!(warnings(body), Vec::<String>::new());
    }

    #[test]
    fn heading_ids_and_stray_braces_do_not_hide_the_prose_after_them() {
        let body =
            "## कैंट {#cantt}\n\nकैंट में 2019 में कांग्रेस को 88,313 वोट मिले। {# टिप्पणी #}\n{{ unclosed\n";
        assert_eq!(
            warnings(body),
            [
                "warning: content/kanpur.md:42: 88,313 in the text, the data says 88,489 for INC in कैंट, लोकसभा 2019"
            ]
        );
    }

    #[test]
    fn a_stated_margin_or_total_the_data_contradicts() {
        let body = "भाजपा 25,000 वोटों के अंतर से जीती।\n\nकुल 9,10,000 वोट पड़े।\n";
        assert_eq!(
            warnings(body),
            [
                "warning: content/kanpur.md:40: 25,000 in the text as a margin, the data says 20,968 for the margin of लोकसभा 2024",
                "warning: content/kanpur.md:42: 9,10,000 in the text as a total, the data says 8,87,396 for the valid votes of लोकसभा 2024",
            ]
        );
    }

    #[test]
    fn lakh_and_devanagari_digits_are_read() {
        let body = "कांग्रेस को ४,२२,८७० वोट मिले, यानी 4.3 लाख।\n";
        assert_eq!(
            warnings(body),
            [
                "warning: content/kanpur.md:40: ४,२२,८७० in the text, the data says 4,22,087 for आलोक मिश्रा (INC), लोकसभा 2024",
                "warning: content/kanpur.md:40: 4.3 लाख in the text, the data says 4,22,087 for आलोक मिश्रा (INC), लोकसभा 2024",
            ]
        );
    }

    #[test]
    fn the_line_context_picks_the_value_meant() {
        // 87,400 is near both INC सीसामऊ 2024 (87,323) and INC कैंट 2019 (88,489).
        let body = "सीसामऊ में 2024 में कांग्रेस को 87,400 वोट।\nकैंट में 2019 में कांग्रेस को 87,400 वोट।\n";
        assert_eq!(
            warnings(body),
            [
                "warning: content/kanpur.md:40: 87,400 in the text, the data says 87,323 for INC in सीसामऊ, लोकसभा 2024",
                "warning: content/kanpur.md:41: 87,400 in the text, the data says 88,489 for INC in कैंट, लोकसभा 2019",
            ]
        );
    }

    #[test]
    fn hostile_prose_does_not_panic() {
        let body = "99999999999999999999999999 लाख, ,,,, 1,,2 .5 ९९९९९९९९९९९९९९९९९९९९९९९ KRORE \u{212a}rore 12\u{212a} {{ unclosed `tick ```\n";
        let _ = warnings(body);
        assert!(check_prose(Path::new("x.md"), "88,313", 1, &PageResults::default()).is_empty());
    }
}
