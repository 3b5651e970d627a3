//! Claims in a page's text that its data contradicts.
//!
//! Editors retype figures, and a retyped figure drifts. This check reads the text readers
//! see — the body with its headings, the `title` and `description`, the `title` and `note`
//! of each chart — sentence by sentence. A number is judged by its sentence: the years and
//! elections, candidates, parties and segments it names, and the words around the number
//! (वोट, अंतर, कुल, मतदान, अंक, "से ज़्यादा", "लगभग"). Only what the sentence makes a
//! claim about the data is compared, so a count of polling stations or a candidate's age
//! is left alone; an editor can also mark any number `{! nocheck !}`.
//!
//! Besides figures, a sentence that names a winner, a runner-up or a place (तीसरे स्थान)
//! is checked against the ranks.

mod affiliation;
mod alliances;
mod approx;
mod arithmetic;
mod deposits;
mod facts;
mod gaps;
mod mask;
mod numbers;
mod ranks;
mod relations;
mod reserved;
mod sums;

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::election::fold;
use crate::election::page::PageResults;
use crate::numfmt::inr_unsigned;
use facts::{Fact, Kind, Part};
use numbers::{Measure, Quoted, is_word_char};
use std::collections::BTreeMap;
use std::path::Path;

pub use mask::NOCHECK;

/// A count near a data value (within this share of it) without stating it is a likely
/// typo, when the sentence names nothing more specific.
const NEAR_MISS_PERCENT: f64 = 5.0;

/// Characters around a number within which a word says what the number is.
const REACH: usize = 40;

/// Words after a count that make it a count of votes.
const VOTE_WORDS: &[&str] = &[
    "वोट",
    "वोटों",
    "वोटो",
    "मत",
    "मतों",
    "votes",
    "vote",
    "ballots",
    "डाक",
    "मतपत्र",
];
/// Words after a number that make it something else than a data figure.
const OTHER_NOUNS: &[&str] = &[
    "साल",
    "वर्ष",
    "वर्षों",
    "सालों",
    "years",
    "year",
    "सीट",
    "सीटें",
    "सीटों",
    "seats",
    "seat",
    "केंद्र",
    "केंद्रों",
    "बूथ",
    "booths",
    "stations",
    "उम्मीदवार",
    "उम्मीदवारों",
    "candidates",
    "रुपये",
    "रुपए",
    "rupees",
    "करोड़ रुपये",
    "किलोमीटर",
    "km",
    "दिन",
    "days",
    "महीने",
    "months",
    "गाँव",
    "गांव",
    "villages",
    "वार्ड",
    "wards",
    "राउंड",
    "rounds",
    "दौर",
    "मंत्री",
    "ministers",
    "जिलों",
    "ज़िलों",
    "districts",
    "बार",
    "times",
];
/// Nouns that name the gap between winner and runner-up; also one side of a ratio
/// ("NOTA was six times the margin", relations.rs).
pub(super) const MARGIN_NOUNS: &[&str] = &[
    "अंतर",
    "अन्तर",
    // "20,968 वोटों का फ़ासला": the gap between winner and runner-up.
    "फ़ासला",
    "फासला",
    "फ़ासले",
    "फासले",
    "margin",
    "बढ़त",
    "lead",
];
/// Words that open a clause of its own after a figure ("…, सो यहाँ भी बढ़त …").
const CLAUSE_OPENERS: &[&str] = &[
    ", सो ",
    ", तो ",
    "; ",
    " जबकि ",
    ", लेकिन ",
    ", पर ",
    ", and ",
    ", but ",
    ", while ",
    ", so ",
    ", whereas ",
];
/// Phrases that say a figure is a margin without naming it.
const MARGIN_PHRASES: &[&str] = &[
    "won by",
    "lost by",
    // "this time she fell short by more than two lakh votes".
    "fell short by",
    "wins by",
    "win by",
    "loses by",
    "हराया",
    "हराकर",
    "से हारे",
    "से हार",
    "बड़ी जीत",
];
/// Words of the counting of votes round by round, whose figures the data does not hold.
const COUNTING_WORDS: &[&str] = &[
    "राउंड",
    "राउंडों",
    "चरण की गिनती",
    "दौर की गिनती",
    "रुझान",
    "रुझानों",
    "round",
    "rounds",
    "trends",
    "trailing",
];
/// Words that make a counting-night sentence about the final count.
const FINAL_WORDS: &[&str] = &[
    "अंतिम",
    "आख़िरी",
    "आखिरी",
    "अंत में",
    "final",
    "last round",
    "in the end",
];
/// Words that say a sentence is about an earlier election.
const PAST_WORDS: &[&str] = &[
    "पिछले",
    "पिछली",
    "पिछला",
    "पहले",
    "previous",
    "last time",
    "earlier",
    "in the past",
    "तब",
];
/// Words that make a figure a part of a candidate's or the seat's votes.
const PART_WORDS: &[&str] = &[
    "ईवीएम",
    "evm",
    "डाक",
    "postal",
    "नोटा को छोड़कर",
    "without nota",
    "excluding nota",
];
const TOTAL_WORDS: &[&str] = &[
    "कुल",
    "total",
    "वैध",
    "valid",
    "मतदाता",
    "मतदाताओं",
    "electors",
    "voters",
    "polled",
];
/// Words in a part figure's clause that make it the seat's ("6,780 postal ballots in all").
const SEAT_WORDS: &[&str] = &[
    "in all",
    "altogether",
    "total",
    "the seat",
    "all candidates",
    "कुल",
    "पूरी सीट",
    "सीट पर",
    "सभी उम्मीदवारों",
];
/// Words right after a count that make it a count of people on the roll, not of votes.
const ELECTOR_WORDS: &[&str] = &["voters", "electors", "मतदाता", "मतदाताओं", "वोटर", "वोटरों"];
/// Total words that, after a candidate or party, say what they got ("She polled 4,53,185
/// votes"), not a total.
const GOT_WORDS: &[&str] = &["polled", "voters"];
const TURNOUT_WORDS: &[&str] = &["मतदान", "turnout", "polling", "वोटिंग"];
const CHANGE_WORDS: &[&str] = &[
    "बढ़े",
    "बढ़ा",
    "बढ़",
    "घटे",
    "घटा",
    "घट",
    "ज़्यादा मिले",
    "more than in",
    "gained",
    "lost",
    "rose",
    "fell",
    "increase",
    "decrease",
    "बदला",
    "बदले",
];
const SHARE_WORDS: &[&str] = &[
    "हिस्सा",
    "हिस्से",
    "वोट शेयर",
    "वोट प्रतिशत",
    "वोट-प्रतिशत",
    "share",
    "मत प्रतिशत",
];
/// Words before a number that say it is not exact.
pub(super) const APPROX_BEFORE: &[&str] = &[
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
    "some",
    "~",
    "कोई",
];
pub(super) const APPROX_AFTER: &[&str] = &["के आसपास", "के करीब", "के क़रीब"];
pub(super) const MORE_BEFORE: &[&str] = &["more than", "over", "above", "at least", "exceeding"];
pub(super) const MORE_AFTER: &[&str] = &[
    "से ज़्यादा",
    "से ज्यादा",
    "से अधिक",
    "से ऊपर",
    "से ज़ियादा",
    "+",
    "से भी ज़्यादा",
    "से भी अधिक",
    "plus",
    "से पार",
    "के पार",
    "को पार",
    "से बड़ी",
    "से बड़ा",
    "से बड़े",
    // "साढ़े दस हज़ार से कुछ ज़्यादा": a little more than.
    "से कुछ ज़्यादा",
    "से कुछ ज्यादा",
    "से कुछ अधिक",
    "से थोड़ा ज़्यादा",
    "से थोड़ा ज्यादा",
    "से थोड़ा अधिक",
    "से थोड़े ज़्यादा",
    "से ज़रा ज़्यादा",
    "से ज़रा अधिक",
    "से कुछ ऊपर",
    "से थोड़ा ऊपर",
    "से कुछ ही ज़्यादा",
    "से कुछ ही अधिक",
    "से थोड़ा ही ज़्यादा",
    "से थोड़ा ही अधिक",
];
pub(super) const LESS_BEFORE: &[&str] =
    &["less than", "fewer than", "under", "below", "just under"];
pub(super) const LESS_AFTER: &[&str] = &[
    "से कम",
    "से नीचे",
    "से भी कम",
    "से कुछ कम",
    "से थोड़ा कम",
    "से थोड़े कम",
    "से ज़रा कम",
    "से थोड़ा ही कम",
    "से कुछ ही कम",
    "से ज़रा सा कम",
];

/// Words that make a turnout a state's or the country's, not the seat's.
const WIDER_AREA_WORDS: &[&str] = &[
    "राज्य",
    "प्रदेश",
    "देश",
    "देशभर",
    "देश भर",
    "राष्ट्रीय",
    "state",
    "statewide",
    "nationally",
    "national",
    "country",
    "nationwide",
];

const WIN_WORDS: &[&str] = &[
    "जीते",
    "जीती",
    "जीता",
    "जीतीं",
    "जीत गए",
    "जीत गई",
    "विजयी",
    "विजेता",
    "won",
    "wins",
    "winner",
    "retained",
    "बचा ली",
    "बचाई",
    "जीत दर्ज",
    "retains",
    "clinches",
    "sweeps",
    "ने जीती",
    "ने जीता",
    "का कब्ज़ा",
    "बाज़ी मारी",
];
const LOSE_WORDS: &[&str] = &[
    "हारे",
    "हार गए",
    "हार गई",
    "हारी",
    "हारीं",
    "lost to",
    "lost by",
    "was defeated",
    "lost the seat",
    "lost the election",
];
const DEFEAT_WORDS: &[&str] = &["को हराया", "को हराकर", "को मात", "defeated", "beat"];

/// Other names of common party codes, for sites whose site.toml gives only one name.
const PARTY_ALIASES: &[(&str, &[&str])] = &[
    ("BJP", &["भाजपा", "बीजेपी", "भारतीय जनता पार्टी"]),
    ("INC", &["कांग्रेस", "काँग्रेस", "Congress"]),
    ("SP", &["सपा", "समाजवादी पार्टी", "Samajwadi"]),
    ("BSP", &["बसपा", "बहुजन समाज पार्टी"]),
    ("AAP", &["आप", "आम आदमी पार्टी"]),
    ("TMC", &["AITC", "तृणमूल", "Trinamool"]),
    ("AITC", &["TMC", "तृणमूल", "Trinamool"]),
    ("NOTA", &["नोटा"]),
];

/// A piece of a page's text and the file line it starts on.
pub struct Text<'a> {
    pub text: &'a str,
    pub first_line: usize,
}

/// Names of parties as prose writes them: code → names (site.toml `name`, `short`).
pub type PartyNames = BTreeMap<String, Vec<String>>;

/// Warns about numbers in `body` that disagree with `results` (body only, no site party
/// names; see [`check_texts`]).
pub fn check_prose(
    file: &Path,
    body: &str,
    body_first_line: usize,
    results: &PageResults,
) -> Vec<Diagnostic> {
    check_texts(
        file,
        &[Text {
            text: body,
            first_line: body_first_line,
        }],
        results,
        &PartyNames::new(),
    )
}

/// Warns about claims in `texts` (title, description, body …) that `results` contradict.
pub fn check_texts(
    file: &Path,
    texts: &[Text<'_>],
    results: &PageResults,
    parties: &PartyNames,
) -> Vec<Diagnostic> {
    if results.is_empty() {
        return Vec::new();
    }
    let checker = Checker::new(results, parties);
    let mut out = Vec::new();
    for piece in texts {
        let text = fold::nfc_text(piece.text);
        let masked = mask::mask(&text);
        let lines = LineIndex::new(&text, piece.first_line);
        for (offset, message) in approx::unsaid_bounds(&text, results) {
            out.push(Diagnostic::error(file, message).at_line(lines.line_of(offset)));
        }
        let paragraphs = Paragraphs::new(&masked.text);
        let mut carry = Carry::default();
        for (start, end) in sentences(&masked.text) {
            // A sentence's range starts after the previous one's end, before the blank
            // line that may part them: its paragraph is that of its first word.
            let words_start = end - masked.text[start..end].trim_start().len();
            let paragraph = paragraphs.of(words_start);
            if carry.paragraph != Some(paragraph) {
                carry = Carry {
                    paragraph: Some(paragraph),
                    opening_who: std::mem::take(&mut carry.who),
                    ..Carry::default()
                };
            }
            for (offset, message) in checker.sentence(
                &masked.text,
                (start, end),
                &masked.marks,
                &paragraphs,
                &mut carry,
            ) {
                out.push(Diagnostic::warning(file, message).at_line(lines.line_of(offset)));
            }
        }
    }
    out
}

/// What the sentences before named, within one paragraph: a sentence that refers back
/// ("उन्हें 4,77,550 वोट मिले", "That is 61.28 per cent", "His margin was …") and names
/// nothing itself is about them.
#[derive(Default)]
struct Carry {
    paragraph: Option<usize>,
    results: Vec<usize>,
    who: Vec<String>,
    /// Whom the last paragraph named last, for the first sentence of this one when it
    /// opens with a pronoun and names no one ("Ramesh finished with 1,80,666. ¶ Had only
    /// EVM votes counted, he would have lost it.").
    opening_who: Vec<String>,
    /// The part (EVM, postal) of the last such figure of the sentence before.
    part: Option<Part>,
    /// The sentence before was about the deposit ("The bar was 2,16,633 votes. Patel
    /// cleared it by 49,623.").
    deposit: bool,
    /// The sentence before named postal or EVM votes ("The postal ballots told a different
    /// story. Muraleedharan received the most, …").
    parts: bool,
    /// The exact figures in digits of the sentence before, as typed and their values, the
    /// last first ("… 1,05,858 वोट रहा। शब्दों में: एक लाख …").
    last_figures: Vec<(String, f64)>,
}

/// Words that say the number after them is the one before, written out.
const IN_WORDS: &[&str] = &[
    "शब्दों में",
    "शब्दों में कहें तो",
    "शब्दों में लिखें तो",
    "अक्षरों में",
    "in words",
    "spelt out",
    "spelled out",
    "written out",
    // "अंतर 81,480 वोट रहा, यानी इक्यासी हज़ार चार सौ अस्सी": the same figure again.
    "यानी",
    "यानि",
    "अर्थात",
    "i.e.",
];

/// "जीत का अंतर 1,05,858 वोट रहा। शब्दों में: एक लाख छह हज़ार आठ सौ अट्ठावन": a number in
/// words after "शब्दों में" / "in words" restates the figure in digits before it (in the
/// sentence, else the last of the sentence before), and must say the same.
fn words_restatement(
    sentence: &str,
    lower: &str,
    quoted: &[Quoted],
    before: &[(String, f64)],
) -> Option<(usize, Option<String>)> {
    for q in quoted
        .iter()
        .filter(|q| q.words && q.measure == Measure::Count)
    {
        let head = lower[..q.start]
            .trim_end()
            .trim_end_matches([':', ',', '—', '-'])
            .trim_end();
        let Some(phrase) = IN_WORDS.iter().find(|w| head.ends_with(*w)) else {
            continue;
        };
        // The phrase opens its clause ("…; शब्दों में …", "In words: …"); "the margin in
        // words" restates the margin, not the figure before.
        let opener = head[..head.len() - phrase.len()].trim_end();
        if !(opener.is_empty() || opener.ends_with([';', ',', '—', ':', '।', '.'])) {
            continue;
        }
        // The whole number: not one the reading stopped short of ("आठ सौ छियानवे").
        let next = lower[q.end..].trim_start();
        let whole = next.is_empty()
            || next.starts_with(['।', '.', ',', ';', ')'])
            || ["वोट", "मत", "votes", "vote"]
                .iter()
                .any(|w| next.starts_with(w));
        // "…; शब्दों में, बारह लाख छब्बीस हज़ार से ज़्यादा वोट": a bound in words on a
        // figure before it (in the sentence or the last of the one before, at any
        // precision), quiet when one fits it; else the figure is read as any other.
        let bound = MORE_AFTER
            .iter()
            .map(|w| (*w, true))
            .chain(LESS_AFTER.iter().map(|w| (*w, false)))
            .filter(|(w, _)| *w != "+" && next.starts_with(w))
            .max_by_key(|(w, _)| w.len());
        if let Some((_, more)) = bound {
            let fits = quoted
                .iter()
                .filter(|d| !d.words && !d.year && d.measure == Measure::Count && d.end <= q.start)
                .map(|d| d.value)
                .chain(before.iter().map(|(_, v)| *v))
                .any(|v| {
                    (0.8..=1.25).contains(&(q.value / v))
                        && if more { v > q.value } else { v < q.value }
                });
            if fits {
                return Some((q.start, None));
            }
            continue;
        }
        if !whole {
            continue;
        }
        let in_sentence = quoted
            .iter()
            .rfind(|d| !d.words && !d.year && d.end <= q.start);
        // "Navaskani's margin, 1,66,782, … of the 11,09,853 valid votes. In words: …": of
        // several figures before, the one the words write out is any of them.
        let restated: Vec<(String, f64)> = match in_sentence {
            Some(d) if d.measure == Measure::Count && d.step == 1.0 => {
                vec![(quoted_text(sentence, d).to_string(), d.value)]
            }
            Some(_) => Vec::new(),
            None if opener.is_empty() => before.to_vec(),
            None => Vec::new(),
        };
        let Some((typed, _)) = restated.first() else {
            continue;
        };
        if !restated.iter().any(|(_, value)| q.states(*value)) {
            return Some((
                q.start,
                Some(format!(
                    "{} in words is {}, but the figure it writes out is {typed}; one of them is mistyped",
                    quoted_text(sentence, q),
                    crate::numfmt::inr_unsigned(q.value as u64)
                )),
            ));
        }
    }
    None
}

/// Words before a rounded figure that restates the exact one before it ("13,51,321 were cast
/// on EVMs, about 13.5 lakh", "20,968 वोट, यानी करीब 21 हज़ार"), and what they say of it.
const ROUNDED_RESTATES: &[(&str, Restates)] = &[
    ("about", Restates::About),
    ("around", Restates::About),
    ("roughly", Restates::About),
    ("approximately", Restates::About),
    ("or about", Restates::About),
    ("or roughly", Restates::About),
    ("some", Restates::About),
    ("लगभग", Restates::About),
    ("करीब", Restates::About),
    ("क़रीब", Restates::About),
    ("तकरीबन", Restates::About),
    ("तक़रीबन", Restates::About),
    ("यानी", Restates::About),
    ("यानी करीब", Restates::About),
    ("यानी लगभग", Restates::About),
    ("यानि", Restates::About),
    ("more than", Restates::More),
    ("a little more than", Restates::JustOver),
    ("slightly more than", Restates::JustOver),
    ("just over", Restates::JustOver),
    ("a little over", Restates::JustOver),
    ("over", Restates::More),
    ("above", Restates::More),
    ("just above", Restates::JustOver),
    ("less than", Restates::Less),
    ("a little less than", Restates::JustUnder),
    ("slightly less than", Restates::JustUnder),
    ("just under", Restates::JustUnder),
    ("a little under", Restates::JustUnder),
    ("under", Restates::Less),
    ("below", Restates::Less),
    ("just below", Restates::JustUnder),
    ("nearly", Restates::JustUnder),
    ("almost", Restates::JustUnder),
    ("close to", Restates::JustUnder),
    ("just short of", Restates::JustUnder),
];

/// What a restating figure says of the count before it.
#[derive(Clone, Copy, PartialEq)]
enum Restates {
    /// Rounds it.
    About,
    /// Is below it ("more than 1.2 lakh").
    More,
    /// Is below it by at most a step of its own precision ("a little more than 1.2 lakh").
    JustOver,
    /// Is above it ("under 1.5 lakh").
    Less,
    /// Is above it by at most a step ("just under 1.5 lakh", "nearly ten lakh").
    JustUnder,
}

/// "Of those, 13,51,321 were cast on EVMs, about 13.6 lakh", "The margin was 1,16,015 votes,
/// a little more than 1.2 lakh": a figure in lakh, crore or thousand after a comma and
/// "about" / "more than" / "यानी करीब", ending its clause, restates the exact count before it
/// in the clause and must round (or bound) it. Without this, "13.6 lakh" passes as the
/// rounded total of 13,55,228, and "more than 1.2 lakh" as below some other figure. Returns
/// each such figure's start and, when it says the count wrongly, the message.
fn rounded_restatement(
    sentence: &str,
    lower: &str,
    quoted: &[Quoted],
    named: &Named,
) -> Vec<(usize, Option<String>)> {
    let mut out = Vec::new();
    for (i, q) in quoted.iter().enumerate() {
        if q.year || q.measure != Measure::Count || q.step < 1000.0 || i == 0 {
            continue;
        }
        let d = &quoted[i - 1];
        if d.words || d.year || d.measure != Measure::Count || d.step != 1.0 || d.value < q.step {
            continue;
        }
        let head = lower[..q.start].trim_end();
        let before = ROUNDED_RESTATES
            .iter()
            .filter(|(w, _)| numbers::word_at_end(head, w))
            .max_by_key(|(w, _)| w.len());
        let mut rest = lower[q.end..].trim_start();
        rest = ["votes", "vote", "वोट", "मत"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(rest)
            .trim_start();
        // "यानी 1.2 लाख से कुछ ज़्यादा": the bound after the figure.
        let after = MORE_AFTER
            .iter()
            .map(|w| (*w, Restates::More))
            .chain(LESS_AFTER.iter().map(|w| (*w, Restates::Less)))
            .filter(|(w, _)| rest.starts_with(w))
            .max_by_key(|(w, _)| w.len());
        let (word_len, said, says) = match (before, after) {
            (_, Some((w, says))) if w != "+" => {
                rest = rest[w.len()..].trim_start();
                let len = before.map_or(0, |(b, _)| b.len());
                (len, w, says)
            }
            (Some((w, says)), _) => (w.len(), *w, *says),
            _ => continue,
        };
        let before_word = head[..head.len() - word_len].trim_end();
        if !before_word.ends_with([',', '—', '(']) || before_word.len() < d.end {
            continue;
        }
        // The clause ends with the figure ("about 13.6 lakh." / "… 13.6 lakh votes."), not
        // "about 4,000 more than …", which is a difference.
        if !(rest.is_empty() || rest.starts_with(['।', '.', ',', ';', ')', '—'])) {
            continue;
        }
        // Nobody named in between: "Gopi got 4,12,338, Sunil about 3.8 lakh" is two figures.
        if named.who.iter().any(|(_, at)| *at > d.end && *at < q.start) {
            continue;
        }
        // "one sixth of 12,27,584, about 2.05 lakh" derives another figure: a restatement
        // is near the figure it rounds.
        if !(0.8..=1.25).contains(&(q.value / d.value)) {
            continue;
        }
        let holds = match says {
            Restates::About => q.states(d.value),
            Restates::More => d.value > q.value,
            Restates::JustOver => d.value > q.value && d.value <= q.value + q.step,
            Restates::Less => d.value < q.value,
            Restates::JustUnder => d.value < q.value && d.value >= q.value - q.step,
        };
        if holds {
            out.push((q.start, None));
            continue;
        }
        let typed = quoted_text(sentence, q);
        let figure = quoted_text(sentence, d);
        let message = match says {
            Restates::About => {
                let unit = typed
                    .trim_start_matches(|c: char| {
                        c.is_numeric() || c == '.' || c == ',' || c == ' '
                    })
                    .trim();
                let multiplier = match unit {
                    u if u.starts_with("करो") || u.starts_with("crore") => 1e7,
                    u if u.starts_with("लाख") || u.starts_with("lakh") => 1e5,
                    _ => 1e3,
                };
                let decimals = (multiplier / q.step).log10().round().max(0.0) as usize;
                let rounded = (d.value / q.step).round() * q.step / multiplier;
                if q.words {
                    format!(
                        "{typed} in the text rounds the {figure} before it, which is not {typed}; one of them is mistyped"
                    )
                } else {
                    format!(
                        "{typed} in the text rounds the {figure} before it, which is {rounded:.decimals$} {unit}; one of them is mistyped"
                    )
                }
            }
            _ if said.starts_with("से") => format!(
                "the text says the {figure} before it is {typed} {said}, but it is not; one of them is mistyped"
            ),
            _ => format!(
                "the text says the {figure} before it is {said} {typed}, but it is not; one of them is mistyped"
            ),
        };
        out.push((q.start, Some(message)));
    }
    out
}

/// Words that name the EVM or the postal part of the votes (`part_governing` reads which).
const EVM_NAMES: &[&str] = &["ईवीएम", "evm", "evms", "the machines", "voting machines"];
const POSTAL_NAMES: &[&str] = &["डाक", "postal", "by post", "पोस्टल"];

/// Words that take the figures of a sentence as parts of the one before ("कुल 13,467 डाक
/// मत। इनमें से 7,078 शेखावत को …").
const OF_THESE_WORDS: &[&str] = &[
    "इनमें से",
    "जिनमें से",
    "इनमें",
    "of these",
    "of which",
    "of them",
    "of this",
];

/// Words that refer back to someone or something named in an earlier sentence.
const BACK_WORDS: &[&str] = &[
    "उन्हें",
    "उन्होंने",
    "उनका",
    "उनकी",
    "उनके",
    "उसे",
    "उसका",
    "उसकी",
    "उसके",
    "उसने",
    "इन्हें",
    "इनका",
    "इनकी",
    "वे",
    "वह",
    "यह",
    "ये",
    "इसे",
    "he",
    "she",
    "his",
    "her",
    "him",
    "they",
    "their",
    "it",
    "its",
    "that",
    "this",
];

/// Nouns of figures that a demonstrative (यह, this) may stand before.
const DEMONSTRATED: &[&str] = &[
    "अंतर",
    "फ़ासला",
    "फासला",
    "आँकड़ा",
    "आंकड़ा",
    "सीट",
    "चुनाव",
    "बार",
    "margin",
    "gap",
    "figure",
    "seat",
    "election",
    "time",
    "total",
];

/// Back words that stand for a person (not "this", "it", "यह").
const PERSONAL_PRONOUNS: &[&str] = &[
    "उन्हें",
    "उन्होंने",
    "उनका",
    "उनकी",
    "उनके",
    "वे",
    "वह",
    "he",
    "she",
    "his",
    "her",
    "him",
];

/// Words that compare two elections in one sentence.
const COMPARE_WORDS: &[&str] = &[
    "मुक़ाबले",
    "मुकाबले",
    "की तुलना",
    "compared",
    "than in",
    "than the",
    "since",
    "from",
];

/// "इस बार", "this time": the page's latest election.
const THIS_TIME_WORDS: &[&str] = &[
    "इस बार",
    "इस चुनाव",
    "इस बार के",
    "this time",
    "this election",
    "this year",
];

/// Words that name a winner or runner-up without their name ("The winner got 53.48 %").
const ROLE_WORDS: &[(&str, usize)] = &[
    ("विजेता", 1),
    ("विजयी उम्मीदवार", 1),
    ("जीतने वाले", 1),
    ("the winner", 1),
    ("the winning candidate", 1),
    // A clause that names no one but says it won ("The Union minister held the seat with
    // 45.15%"): its subject is the winner.
    ("held the seat", 1),
    ("retained the seat", 1),
    ("kept the seat", 1),
    ("won the seat", 1),
    ("उपविजेता", 2),
    ("the runner-up", 2),
];

/// A candidate's surname that names them alone on the page ("Modi", "मोदी" for NARENDRA MODI).
struct Surname {
    name: String,
    /// The surname as written in the data, lower case.
    word: String,
    skeleton: String,
    /// Three letters or fewer ("RAI", "दास", "झा"): across scripts such a word must read
    /// as the surname letter by letter, not only share its consonants.
    short: bool,
}

impl Surname {
    /// Whether `word` of a sentence, whose skeleton is the surname's, is the surname. A
    /// skeleton of two consonants is shared by many words: in the surname's own script the
    /// word must be the surname ("seat" is not SETH), in the other script it must not be one
    /// of the common words that have such a skeleton (सीट, जीत, पर, में are not SETH, JYOTI,
    /// PURI, MOHAN). Three consonants or more are distinctive enough.
    fn is_written(&self, word: &str) -> bool {
        if self.skeleton.chars().count() >= 3 && !self.short {
            return true;
        }
        let latin = |w: &str| w.chars().any(|c| c.is_ascii_alphabetic());
        if latin(word) == latin(&self.word) {
            return fold::key(word) == fold::key(&self.word);
        }
        if COMMON_SHORT_WORDS.contains(&word) {
            return false;
        }
        !self.short || fold::romanised(word) == fold::romanised(&self.word)
    }
}

/// Whether a short word that is also a surname is used as a common word where it stands:
/// "जनता की राय", "अपनी राय दी" (opinion), "राय में". A surname stands before a
/// postposition or a verb of the result, after a first name, a party or nothing.
fn common_sense_of_short_word(lower: &str, at: usize, raw: &str) -> bool {
    let before = lower[..at].split_whitespace().next_back().unwrap_or("");
    let after = lower[at + raw.len()..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && !fold::is_devanagari_mark(c));
    const BEFORE: &[&str] = &[
        "की",
        "अपनी",
        "उनकी",
        "इसकी",
        "जिसकी",
        "सबकी",
        "आम",
        "एक",
        "अलग",
        "यही",
        "कोई",
        "my",
        "a",
        "the",
        "an",
        "of",
    ];
    const AFTER: &[&str] = &[
        "में",
        "है",
        "हैं",
        "दी",
        "दे",
        "दें",
        "देते",
        "बनी",
        "बनाई",
        "ली",
        "लेते",
        "थी",
        "यह",
        "कि",
        "मशविरा",
    ];
    BEFORE.contains(&before) || AFTER.contains(&after)
}

/// A word of a name shared by two candidates names the one who polled at least this many
/// times the other's votes ("Sethi" is SARMISTHA SETHI, not the independent MANTU SETHI).
const NAMESAKE_FACTOR: u64 = 10;

/// Words of a candidate's name in ECI's data that are titles or links, not names.
const NAME_TITLES: &[&str] = &[
    "adv", "advocate", "dr", "prof", "shri", "smt", "sri", "mr", "mrs", "ms", "son", "of", "urf",
    "alias", "the", "and", "late", "capt", "col", "retd",
];

/// Given names that are also everyday Hindi words ("विकास के मुद्दे", "विजय जुलूस"): the first
/// word of a name alone is taken for the candidate only when it is none of these.
const NAME_WORDS_IN_PROSE: &[&str] = &[
    "विकास",
    "प्रकाश",
    "आनंद",
    "आनन्द",
    "सूरज",
    "किरण",
    "दीपक",
    "ज्योति",
    "शांति",
    "शान्ति",
    "भारत",
    "कमल",
    "प्रेम",
    "धर्म",
    "संतोष",
    "सन्तोष",
    "विश्वास",
    "सुरेश",
    "उमेश",
    "राजेश",
    "महेश",
    "गणेश",
    "दिनेश",
    "रमेश",
    "मुकेश",
    "नरेश",
    "सरस्वती",
    "लक्ष्मी",
    "पवन",
    "पूजा",
    "मंगल",
    "मनोज",
    "अशोक",
    "विनोद",
    "सुनील",
    "अनिल",
    "विमल",
    "निर्मल",
    "कुमारी",
    "श्रीमती",
    "मोहम्मद",
    "मोहम्मद",
    "मुहम्मद",
    "डॉक्टर",
    "चौधरी",
    "पंडित",
    "ठाकुर",
    "बाबू",
    "स्वामी",
    "बहादुर",
    "इंजीनियर",
    "एडवोकेट",
    "कैप्टन",
    "प्रोफेसर",
];

/// Common Hindi and English words whose consonant skeleton has two letters or fewer, which
/// would otherwise be taken for a short surname written in the other script.
const COMMON_SHORT_WORDS: &[&str] = &[
    // Hindi: postpositions, pronouns, verbs and election words.
    "पर",
    "में",
    // "…, जिन्हें 51,659 वोट मिले" is no JAIN.
    "जिन्हें",
    "जिन्होंने",
    "जिनको",
    "जिनका",
    "जिनकी",
    "जिनके",
    "जिन",
    "उन्हें",
    "उनको",
    "इन्हें",
    "मैं",
    "से",
    "को",
    "का",
    "की",
    "के",
    "ने",
    "तक",
    "और",
    "या",
    "भी",
    "ही",
    "था",
    "थी",
    "थे",
    "है",
    "हैं",
    "हो",
    "कर",
    "करे",
    "करें",
    "किया",
    "कहा",
    "बार",
    "बाद",
    "साथ",
    "सात",
    "पास",
    "बीच",
    "सीट",
    "सीटों",
    "जीत",
    "जीती",
    "जीते",
    "जीता",
    "हार",
    "हारे",
    "हारी",
    "हारा",
    "मत",
    "मतों",
    "वोट",
    "वोटों",
    "दल",
    "दलों",
    "नाम",
    "काम",
    "कम",
    "कुल",
    "लोग",
    "लोगों",
    "साल",
    "समय",
    "सभा",
    "पद",
    "पूरा",
    "पूरी",
    "पूरे",
    "मिले",
    "मिला",
    "मिली",
    "मिल",
    "माना",
    "मान",
    "बना",
    "बनी",
    "बने",
    "रहा",
    "रही",
    "रहे",
    "रहीं",
    "रहें",
    "रहना",
    "हुआ",
    "हुई",
    "हुईं",
    "हुए",
    "होने",
    "होना",
    "यहीं",
    "वहीं",
    "कहीं",
    "बनीं",
    "गईं",
    "आई",
    "आईं",
    "आए",
    "आया",
    "पाई",
    "पाईं",
    "पाए",
    "पाया",
    "सके",
    "सकी",
    "सका",
    "जाने",
    "जाना",
    "माने",
    "मानी",
    "गया",
    "गई",
    "गए",
    "दिया",
    "दी",
    "दिए",
    "लिए",
    "लिया",
    "नहीं",
    "नया",
    "नई",
    "नए",
    "बड़ा",
    "बड़ी",
    "बड़े",
    "जब",
    "तब",
    "अब",
    "सब",
    "कब",
    "कोई",
    "कुछ",
    "यहाँ",
    "वहाँ",
    "यहां",
    "वहां",
    "मोर्चा",
    "पार",
    "पीछे",
    "आगे",
    "बढ़त",
    "घटे",
    "बढ़े",
    "दर",
    "राज",
    "जन",
    "मन",
    "धन",
    "सत्ता",
    "सेना",
    "शहर",
    // English
    "seat",
    "seats",
    "set",
    "sit",
    "jet",
    "poor",
    "per",
    "pure",
    "more",
    "man",
    "men",
    "main",
    "mean",
    "moon",
    "money",
    "month",
    "most",
    "must",
    "made",
    "make",
    "mind",
    "many",
    "pair",
    "part",
    "past",
    "post",
    "put",
    "party",
    "said",
    "side",
    "seen",
    "some",
    "same",
    "time",
    "team",
    "town",
    "turn",
    "vote",
    "votes",
    "win",
    "won",
    "when",
    "then",
    "than",
    "that",
];

struct Checker<'a> {
    results: &'a PageResults,
    facts: Vec<Fact>,
    /// (result index, candidate name or party code, names to look for in lower case)
    names: Vec<(String, Vec<String>)>,
    /// The party codes of the page's candidates (of `names`, those that are parties).
    parties: crate::fast_hash::FastSet<String>,
    /// Candidate name → the skeletons of its words, to find it written in the other
    /// script ("अजय राय" for "AJAY RAI").
    skeletons: Vec<(String, Vec<String>)>,
    /// Candidate name → a surname no other candidate shares, with its skeleton.
    surnames: Vec<Surname>,
    /// A surname (lower case) several candidates share, none outpolling the others, with
    /// their names: it names the one whose figure its clause types.
    shared_surnames: Vec<(String, Vec<String>)>,
    /// Each result's election label in lower case, in page order.
    elections: Vec<String>,
    /// Each result's year in ASCII and in Devanagari digits, in page order.
    years: Vec<[String; 2]>,
    /// The page's seats: the constituency as prose may name it (lower case, with and
    /// without an AC number) → the results of that seat.
    seats: Vec<(Vec<String>, Vec<usize>, Option<String>)>,
    /// Segment name → its lower-case forms (with and without an AC number), found in a
    /// sentence by either.
    segment_forms: Vec<(String, [String; 2])>,
}

/// What a sentence names.
#[derive(Default, Debug, Clone)]
struct Named {
    /// Result indexes the sentence is about (years, elections named); empty: all.
    results: Vec<usize>,
    /// Where each result is named (result index, byte offset of its year or election).
    mentions: Vec<(usize, usize)>,
    /// Candidate names and party codes, with the byte offset of their first mention.
    who: Vec<(String, usize)>,
    segments: Vec<String>,
    /// The sentence's clauses (byte ranges), a vote word in it, a win or lose word in it:
    /// found once per sentence, not once per number.
    clauses: Vec<(usize, usize)>,
    votes_word: bool,
    win_word: bool,
    /// The sentence is about the deposit (ज़मानत, deposit).
    deposit: bool,
    /// The sentence adds figures up (दोनों, मिलाकर, both).
    sums: bool,
    /// The sentence names a year of no result on the page, and none of theirs: it is
    /// about another election (a mayor's race, a past one), whose figures are not here.
    elsewhere: bool,
    /// `mentions` are of the page's seats, every one of which the sentence names: a figure
    /// is of the seat its own clause names, else of any of them ("Mumbai South and Mumbai
    /// South Central: two wins, by 52,673 and 53,384").
    seat_mentions: bool,
}

impl Named {
    /// The byte range of the clause `at` stands in; the whole text (of `len` bytes) when
    /// no clause holds it.
    fn clause_at(&self, at: usize, len: usize) -> (usize, usize) {
        self.clauses
            .iter()
            .find(|(a, b)| at >= *a && at < *b)
            .copied()
            .unwrap_or((0, len))
    }
}

impl<'a> Checker<'a> {
    fn new(results: &'a PageResults, parties: &PartyNames) -> Self {
        // "JASVIR SINGH BATHINDA": a surname that is the name of a seat, state or segment
        // of the page names the place in prose, not the candidate.
        let places: Vec<String> = results
            .iter()
            .flat_map(|r| {
                let segments = r.segments.iter().map(|s| fold::key(&s.name));
                [fold::key(&r.constituency)]
                    .into_iter()
                    .chain(r.state.iter().map(|s| fold::key(s)))
                    .chain(segments)
            })
            .collect();
        let place_skeletons: Vec<String> = places.iter().map(|p| fold::skeleton(p)).collect();
        let is_place = |word: &str| {
            places.contains(&fold::key(word))
                || (fold::skeleton(word).chars().count() >= 3
                    && place_skeletons.contains(&fold::skeleton(word)))
        };
        // Votes of every candidate of the page by name: a word shared with a namesake who
        // polled a tenth or less (parties field such dummies) still names the leading one.
        let votes_of: Vec<(&str, u64)> = results
            .iter()
            .flat_map(|r| r.candidates.iter())
            .filter(|c| c.party != crate::election::result::NOTA)
            .map(|c| (c.name.as_str(), c.votes))
            .collect();
        let outpolls = |name: &str, others: Vec<&str>| {
            let own = votes_of
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| *v)
                .max()
                .unwrap_or(0);
            others.into_iter().all(|o| {
                o == name
                    || votes_of
                        .iter()
                        .filter(|(n, _)| *n == o)
                        .all(|(_, v)| v.saturating_mul(NAMESAKE_FACTOR) <= own)
            })
        };
        let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
        // How many candidates of the page have each word in their name.
        let mut word_count: BTreeMap<String, usize> = BTreeMap::new();
        for r in results.iter() {
            for c in &r.candidates {
                let mut words: Vec<String> = c.name.split_whitespace().map(fold::key).collect();
                words.sort();
                words.dedup();
                for w in words {
                    *word_count.entry(w).or_default() += 1;
                }
            }
        }
        for r in results.iter() {
            for c in &r.candidates {
                let list = names.entry(c.name.clone()).or_default();
                list.push(c.name.to_lowercase());
                // "राजवीर सिंह (राजू भैया)", "राजेश रंजन उर्फ़ पप्पू यादव": the name and the
                // nickname each name the candidate when no other candidate shares them.
                for form in name_parts(&c.name) {
                    let shared = results.iter().flat_map(|r| r.candidates.iter()).any(|o| {
                        o.name != c.name && name_parts(&o.name).contains(&form)
                            || o.name.to_lowercase() == form
                    });
                    if !shared && form.chars().count() >= 4 {
                        list.push(form);
                    }
                }
                // "Kirtikar", "Joy", "Bhamre" (ECI writes some names surname first): a Latin
                // word of the name no other candidate of the page has names them alone.
                let tokens: Vec<&str> = c.name.split_whitespace().collect();
                if tokens.len() > 1 && c.party != crate::election::result::NOTA {
                    for t in &tokens {
                        let t = t.trim_end_matches('.');
                        let latin = t.chars().all(|ch| ch.is_ascii_alphabetic());
                        let len = t.chars().count();
                        if !latin
                            || len < 3
                            || is_place(t)
                            || NAME_TITLES.contains(&t.to_ascii_lowercase().as_str())
                            || (word_count.get(&fold::key(t)).copied() != Some(1)
                                && !outpolls(
                                    &c.name,
                                    results
                                        .iter()
                                        .flat_map(|r| r.candidates.iter())
                                        .filter(|o| {
                                            o.name
                                                .split_whitespace()
                                                .any(|w| fold::key(w) == fold::key(t))
                                        })
                                        .map(|o| o.name.as_str())
                                        .collect(),
                                ))
                        {
                            continue;
                        }
                        list.push(t.to_lowercase());
                    }
                }
                let tokens: Vec<&str> = c.name.split_whitespace().collect();
                // A surname alone names the candidate when no other candidate has it.
                if tokens.len() > 1
                    && let Some(last) = tokens.last()
                    && last.chars().count() >= 4
                    && !is_place(last)
                    && outpolls(
                        &c.name,
                        r.candidates
                            .iter()
                            .filter(|o| o.name.split_whitespace().any(|t| t == *last))
                            .map(|o| o.name.as_str())
                            .collect(),
                    )
                {
                    list.push(last.to_lowercase());
                }
                // "सुमेधानंद" for सुमेधानंद सरस्वती: the first word of a Devanagari name, when it
                // is long enough to be no common word, no other candidate of the page has it,
                // and it is not one of the words that are names and words alike (विजय, विकास).
                if tokens.len() > 1
                    && c.party != crate::election::result::NOTA
                    && let Some(first) = tokens.first()
                    && first.chars().count() >= 5
                    && first
                        .chars()
                        .all(|ch| ('\u{0900}'..='\u{097F}').contains(&ch))
                    && word_count.get(&fold::key(first)).copied() == Some(1)
                    && !is_place(first)
                    && !NAME_WORDS_IN_PROSE.contains(first)
                {
                    list.push((*first).to_string());
                }
                let code = names.entry(c.party.clone()).or_default();
                code.push(c.party.to_lowercase());
                for (alias_code, aliases) in PARTY_ALIASES {
                    if *alias_code == c.party {
                        code.extend(aliases.iter().map(|a| a.to_lowercase()));
                    }
                }
                if let Some(site_names) = parties.get(&c.party) {
                    code.extend(
                        site_names
                            .iter()
                            .filter(|n| !n.trim().is_empty())
                            .map(|n| n.to_lowercase()),
                    );
                }
            }
        }
        for list in names.values_mut() {
            list.sort();
            list.dedup();
        }
        Checker {
            results,
            facts: facts::facts(results),
            skeletons: results
                .iter()
                .flat_map(|r| r.candidates.iter())
                .filter(|c| c.party != crate::election::result::NOTA)
                .map(|c| {
                    let words: Vec<String> =
                        c.name.split_whitespace().map(fold::skeleton).collect();
                    (c.name.clone(), words)
                })
                .filter(|(_, w)| w.len() >= 2 && w.iter().all(|s| !s.is_empty()))
                .collect(),
            surnames: {
                // A surname names its candidate in either script when no other candidate
                // of the page has a word with its skeleton ("Modi" for NARENDRA MODI).
                let all: Vec<(&str, Vec<String>)> = results
                    .iter()
                    .flat_map(|r| r.candidates.iter())
                    .filter(|c| c.party != crate::election::result::NOTA)
                    .map(|c| {
                        (
                            c.name.as_str(),
                            c.name.split_whitespace().map(fold::skeleton).collect(),
                        )
                    })
                    .collect();
                all.iter()
                    .filter_map(|(name, words)| {
                        let last = words.last()?;
                        let unique = outpolls(
                            name,
                            all.iter()
                                .filter(|(other, w)| other != name && w.contains(last))
                                .map(|(other, _)| *other)
                                .collect(),
                        );
                        let written = name.split_whitespace().last()?;
                        let letters = written.chars().count();
                        let devanagari = !written.chars().any(|c| c.is_ascii_alphabetic());
                        // "RAI", "दास", "झा": short surnames, read letter by letter.
                        let short = letters == 3 || (letters == 2 && devanagari);
                        let fits = (letters >= 4 && last.len() >= 2) || (short && !last.is_empty());
                        (words.len() >= 2 && unique && fits && !is_place(written)).then(|| {
                            Surname {
                                name: name.to_string(),
                                word: numbers::lowercase(written).into_owned(),
                                skeleton: last.clone(),
                                short,
                            }
                        })
                    })
                    .collect()
            },
            shared_surnames: {
                let mut by_word: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for c in results
                    .iter()
                    .flat_map(|r| r.candidates.iter())
                    .filter(|c| c.party != crate::election::result::NOTA)
                {
                    let words: Vec<&str> = c.name.split_whitespace().collect();
                    if let [_, .., last] = words.as_slice()
                        && last.chars().count() >= 4
                        && !is_place(last)
                    {
                        let list = by_word
                            .entry(numbers::lowercase(last).into_owned())
                            .or_default();
                        if !list.contains(&c.name) {
                            list.push(c.name.clone());
                        }
                    }
                }
                by_word
                    .into_iter()
                    .filter(|(_, names)| names.len() >= 2)
                    .collect()
            },
            names: names.into_iter().collect(),
            parties: results
                .iter()
                .flat_map(|r| r.candidates.iter().map(|c| c.party.clone()))
                .collect(),
            elections: results.iter().map(|r| r.election.to_lowercase()).collect(),
            years: results
                .iter()
                .map(|r| {
                    let year = r.year.to_string();
                    let devanagari = crate::numfmt::devanagari_digits(&year);
                    [year, devanagari]
                })
                .collect(),
            seats: {
                // Hamirpur in Uttar Pradesh and in Himachal Pradesh are two seats.
                // (seat key, state key), forms, results.
                type SeatGroup = ((String, Option<String>), Vec<String>, Vec<usize>);
                let mut seats: Vec<SeatGroup> = Vec::new();
                for (i, r) in results.iter().enumerate() {
                    let (seat, state_named) = fold::seat_key(&r.constituency);
                    let key = (seat, r.state.as_deref().map(fold::key).or(state_named));
                    match seats.iter_mut().find(|(k, _, _)| {
                        k.0 == key.0
                            && match (&k.1, &key.1) {
                                (Some(a), Some(b)) => fold::same_state(a, b),
                                _ => true,
                            }
                    }) {
                        Some((_, _, list)) => list.push(i),
                        None => {
                            let name = r.constituency.to_lowercase();
                            let bare = fold::split_ac_number(&name).1.to_lowercase();
                            let plain = bare
                                .split_once('(')
                                .map_or(bare.as_str(), |(n, _)| n)
                                .trim()
                                .to_string();
                            let mut forms = vec![name, bare, plain];
                            forms.retain(|f| f.chars().count() >= 3);
                            forms.dedup();
                            seats.push((key, forms, vec![i]));
                        }
                    }
                }
                seats.into_iter().map(|(k, f, l)| (f, l, k.1)).collect()
            },
            segment_forms: results
                .iter()
                .flat_map(|r| r.segments.iter())
                .map(|s| {
                    let name = s.name.to_lowercase();
                    let bare = fold::split_ac_number(&name).1.to_lowercase();
                    (s.name.clone(), [name, bare])
                })
                .collect(),
        }
    }

    /// Whether a seat or segment of the page is named right before byte `at` of `lower`.
    fn place_before(&self, lower: &str, at: usize) -> bool {
        let head = lower[..at].trim_end();
        let ends_with_word = |form: &str| {
            !form.is_empty()
                && head.ends_with(form)
                && head[..head.len() - form.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        };
        self.seats
            .iter()
            .flat_map(|(forms, _, _)| forms)
            .chain(self.segment_forms.iter().flat_map(|(_, forms)| forms))
            .any(|f| ends_with_word(f))
    }

    fn result(&self, i: usize) -> &crate::election::ResultFigures {
        self.results.iter().nth(i).expect("result index from facts")
    }

    /// Whether the word at `at` of `lower` ends the full name of a candidate other than
    /// `owner` ("महेंद्र उरांव" when "उरांव" alone names समीर उरांव, who outpolled him).
    fn ends_anothers_name(&self, lower: &str, at: usize, owner: &str) -> bool {
        let before = lower[..at].trim_end();
        let word = lower[at..].split_whitespace().next().unwrap_or("");
        self.results
            .iter()
            .flat_map(|r| r.candidates.iter())
            .any(|c| {
                c.name != owner
                    && c.name.rsplit_once(' ').is_some_and(|(first, last)| {
                        // The word before the surname is enough: "हेमंत परमार" ends
                        // "डॉ. हेमंत परमार" written without the title.
                        let given = first.rsplit(' ').next().unwrap_or(first);
                        let (given, last) = (numbers::lowercase(given), numbers::lowercase(last));
                        word.starts_with(last.as_ref()) && numbers::word_at_end(before, &given)
                    })
            })
    }

    fn named(&self, sentence: &str, starts: &WordStarts, quoted: &[Quoted]) -> Named {
        let lower = starts.text;
        let mut named = Named {
            clauses: clauses(sentence),
            votes_word: VOTE_WORDS.iter().any(|w| starts.find(w).is_some()),
            deposit: DEPOSIT_WORDS.iter().any(|w| starts.has(w)),
            sums: sums(starts),
            win_word: WIN_WORDS
                .iter()
                .chain(LOSE_WORDS)
                .chain(DEFEAT_WORDS)
                .chain(["हराया", "हारे", "हारी", "जीत"].iter())
                .any(|w| starts.has(w)),
            ..Named::default()
        };
        for (i, [year, devanagari_year]) in self.years.iter().enumerate() {
            let at = [
                starts.find(year),
                starts.find(devanagari_year),
                find_from(lower, &self.elections[i], 0),
            ]
            .into_iter()
            .flatten()
            .min();
            if let Some(at) = at {
                named.results.push(i);
                named.mentions.push((i, at));
            }
        }
        if named.results.is_empty() {
            // "her first defeat here since 2009", "2014 से": a period up to now, not
            // another election.
            named.elsewhere = quoted.iter().any(|q| {
                let head = numbers::lowercase(sentence[..q.start].trim_end());
                let tail = sentence[q.end..].trim_start();
                let period = ["since", "after", "till", "until"]
                    .iter()
                    .any(|w| head.ends_with(w))
                    || ["से लगातार", "से अब तक", "के बाद", "तक"]
                        .iter()
                        .any(|w| tail.starts_with(w));
                q.year && !period
            });
            // "2019 में यहीं से जीतकर मंत्री बने … को इस बार 2,86,733 वोट मिले": the earlier year
            // is of a clause about the past; figures said after "this time" are of this one.
            if let Some(now) = THIS_TIME_WORDS
                .iter()
                .filter_map(|w| find_word(lower, w))
                .min()
            {
                let figures_now = quoted.iter().any(|q| !q.year)
                    && quoted.iter().all(|q| q.year || q.start > now);
                named.elsewhere &= !figures_now;
            }
        }
        // Two seats of one election on a page ("वाराणसी और अमेठी, 2024"): a sentence that
        // names some of the seats, not all, is about theirs only.
        if self.seats.len() > 1 {
            // Of two seats of one name, the one whose state the sentence names.
            let states_named: Vec<String> = {
                let words: Vec<&str> = lower
                    .split(|c: char| c.is_whitespace() || "(),;:।".contains(c))
                    .filter(|w| !w.is_empty())
                    .collect();
                let mut found: Vec<String> = Vec::new();
                for k in 0..words.len() {
                    for len in 1..=2 {
                        if let Some(window) = words.get(k..k + len)
                            && let Some(state) = fold::state_named_by(&window.join(" "))
                        {
                            found.push(state);
                        }
                    }
                }
                found
            };
            let state_ok = |state: &Option<String>| {
                states_named.is_empty()
                    || state
                        .as_ref()
                        .is_some_and(|s| states_named.iter().any(|n| fold::same_state(n, s)))
            };
            let named_seats: Vec<(usize, usize)> = self
                .seats
                .iter()
                .filter(|(_, _, state)| state_ok(state))
                .filter_map(|(forms, list, _)| {
                    let at = forms
                        .iter()
                        .filter_map(|f| starts.find(f))
                        .min()
                        .or_else(|| seat_in_other_script(sentence, lower, forms))?;
                    Some(list.iter().map(move |i| (*i, at)))
                })
                .flatten()
                .collect();
            let all_named = self
                .seats
                .iter()
                .all(|(_, list, _)| list.iter().any(|i| named_seats.iter().any(|(j, _)| j == i)));
            if all_named && named.results.is_empty() {
                // "In Mumbai South NOTA came third …; in Mumbai South Central it was fourth":
                // a sentence that names every seat is about each where it names it, so each
                // mention is kept where it stands (a figure is then of the seat named last
                // before it in its clause, as of a year) and a seat whose name holds the
                // other's ("Mumbai South" in "Mumbai South Central") is named once.
                let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
                for (forms, list, state) in &self.seats {
                    if !state_ok(state) {
                        continue;
                    }
                    for form in forms.iter().filter(|f| !f.is_empty()) {
                        let mut from = 0;
                        while let Some(at) = find_from(lower, form, from) {
                            from = at + form.len();
                            let word_start = lower[..at]
                                .chars()
                                .next_back()
                                .is_none_or(|c| !c.is_alphanumeric());
                            if word_start {
                                mentions.extend(list.iter().map(|i| (*i, at, from)));
                            }
                        }
                    }
                }
                let inside_longer = |&(i, a, b): &(usize, usize, usize)| {
                    mentions
                        .iter()
                        .any(|&(j, c, d)| j != i && c <= a && b <= d && d - c > b - a)
                };
                let kept: Vec<(usize, usize)> = mentions
                    .iter()
                    .filter(|m| !inside_longer(m))
                    .map(|&(i, at, _)| (i, at))
                    .collect();
                if !kept.is_empty() {
                    let mut results: Vec<usize> = kept.iter().map(|(i, _)| *i).collect();
                    results.sort_unstable();
                    results.dedup();
                    named.results = results;
                    named.mentions = kept;
                    named.mentions.sort_unstable_by_key(|&(_, at)| at);
                    named.seat_mentions = true;
                }
            }
            if !named_seats.is_empty() && !all_named {
                let theirs = |i: &usize| named_seats.iter().any(|(j, _)| j == i);
                if named.results.iter().any(theirs) {
                    named.results.retain(theirs);
                    named.mentions.retain(|(i, _)| theirs(i));
                } else if named.results.is_empty() {
                    named.results = named_seats.iter().map(|(i, _)| *i).collect();
                    named.results.dedup();
                    named.mentions = named_seats;
                }
            }
        }
        // Where one form was found: one list for every name and form of the sentence.
        let mut found: Vec<usize> = Vec::new();
        for (who, forms) in &self.names {
            // Every mention (up to a bound), so that each clause knows whom it names.
            // Asked of every name for every sentence, and most are not in it: the party set
            // is asked, and the name lower-cased, only where a form of it was found.
            let mut ats: Vec<usize> = Vec::new();
            for f in forms {
                found.clear();
                starts.find_all_into(f, MENTIONS_LIMIT, &mut found);
                if found.is_empty() {
                    continue;
                }
                let is_party = self.parties.contains(who);
                ats.extend(found.iter().copied().filter(|at| {
                    if is_party {
                        // "NCP (SP)", "Shiv Sena (UBT)", "CPI(M)": a qualified name
                        // is another party.
                        // (A form with its own brackets is this party's name.)
                        // "YSR Congress Party", "Kerala Congress": a form after a
                        // capitalised word is part of another party's name.
                        // ("In Mumbai South NOTA came third": not after a seat.)
                        !(lower[at + f.len()..].trim_start().starts_with('(')
                            || is_latin_word(f)
                                && inside_longer_name(sentence, *at)
                                && !self.place_before(lower, *at))
                    } else if *f == who.to_lowercase() {
                        true
                    } else {
                        // "Joy", "More", "Das": a word of a name in Latin letters
                        // counts only written with a capital, as English prose
                        // writes names ("more than", "das" are words); a form in
                        // another script has no capitals. "In Firozpur Sodhi …":
                        // a seat's name before it is no first name.
                        let capital = !is_latin_word(f) || capitalised_at(sentence, *at);
                        capital
                            && (!another_persons_surname(sentence, *at, who)
                                || self.place_before(lower, *at))
                            && !self.ends_anothers_name(lower, *at, who)
                    }
                }));
            }
            if ats.is_empty() {
                continue;
            }
            ats.sort_unstable();
            ats.dedup();
            named
                .who
                .extend(ats.into_iter().map(|at| (who.clone(), at)));
        }
        let raw_words = &starts.words;
        let words: Vec<(usize, std::rc::Rc<str>)> = raw_words
            .iter()
            .map(|&(at, w)| (at, fold::shared_skeleton(w)))
            .collect();
        for (name, wanted) in &self.skeletons {
            if named.who.iter().any(|(w, _)| w == name) {
                continue;
            }
            let found = words
                .windows(wanted.len())
                .find(|win| win.iter().zip(wanted).all(|((_, a), b)| **a == **b));
            // A name already found there in its own script wins over a namesake.
            if let Some(win) = found
                && !named.who.iter().any(|(_, at)| *at == win[0].0)
            {
                named.who.push((name.clone(), win[0].0));
            }
        }
        for surname in &self.surnames {
            if named.who.iter().any(|(w, _)| *w == surname.name) {
                continue;
            }
            if let Some((at, _)) = words
                .iter()
                .zip(raw_words)
                .find(|((at, w), (_, raw))| {
                    **w == *surname.skeleton
                        && surname.is_written(raw)
                        && !(surname.short && common_sense_of_short_word(lower, *at, raw))
                        && (!is_latin_word(raw) || capitalised_at(sentence, *at))
                        && !another_persons_surname(sentence, *at, &surname.name)
                })
                .map(|(found, _)| found)
                && !named.who.iter().any(|(_, other)| other == at)
                && !self.ends_anothers_name(lower, *at, &surname.name)
            {
                named.who.push((surname.name.clone(), *at));
            }
        }
        // "Aruna won 5,10,747 votes and Reddy 5,06,247": of three Reddys, the one whose
        // votes or share the clause types.
        for (word, sharers) in &self.shared_surnames {
            if named.who.iter().any(|(w, _)| sharers.contains(w)) {
                continue;
            }
            let Some(at) = find_word(lower, word) else {
                continue;
            };
            if is_latin_word(word) && !capitalised_at(sentence, at) {
                continue;
            }
            let (_, clause_end) = named.clause_at(at, lower.len());
            let typed: Vec<&Quoted> = quoted
                .iter()
                .filter(|q| q.start > at && q.end <= clause_end && !q.year)
                .collect();
            let theirs: Vec<&String> = sharers
                .iter()
                .filter(|name| {
                    self.results
                        .iter()
                        .flat_map(|r| r.candidates.iter())
                        .filter(|c| c.name == **name)
                        .any(|c| {
                            typed.iter().any(|q| match q.measure {
                                Measure::Count => {
                                    q.states(c.votes as f64)
                                        || c.evm.is_some_and(|v| q.states(v as f64))
                                }
                                _ => c.share.is_some_and(|v| q.states(v)),
                            })
                        })
                })
                .collect();
            if let [one] = theirs.as_slice() {
                named.who.push(((*one).clone(), at));
            }
        }
        named.who.sort_by_key(|(_, at)| *at);
        for (name, forms) in &self.segment_forms {
            if forms.iter().any(|f| starts.has(f)) && !named.segments.contains(name) {
                named.segments.push(name.clone());
            }
        }
        named
    }

    /// Problems in the sentence `text[start..end]`: (byte offset, message).
    fn sentence(
        &self,
        text: &str,
        (start, end): (usize, usize),
        marks: &[usize],
        paragraphs: &Paragraphs,
        carry: &mut Carry,
    ) -> Vec<(usize, String)> {
        // A line break inside a sentence is a space: "चौथे\nस्थान", "को\n20,968 वोटों से
        // हराया" are phrases like any other (same byte length, so offsets hold).
        let raw = &text[start..end];
        let flat = Flat::new(raw);
        let sentence = flat.text.as_deref().unwrap_or(raw);
        // Lower-cased once per sentence: every word list below is matched against it.
        let lower = numbers::lowercase(sentence);
        let quoted = numbers::numbers(sentence);
        // Where its words start: the many words and names asked of the sentence below are
        // looked up there, not searched for along it.
        let starts = WordStarts::new(&lower);
        let mut named = self.named(sentence, &starts, &quoted);
        // Whom the sentence before named, for "उनके 28 गुना" below.
        let who_before = carry.who.clone();
        self.refer_back(&starts, &mut named, carry);
        // The results the paragraph has named so far, for a sentence that names none.
        let paragraph_results = carry.results.clone();
        let deposit_before = std::mem::replace(&mut carry.deposit, named.deposit);
        // "… a sixth of the valid votes. In Kozhikode … the line fell at 1,80,622": the
        // line of the sentence before.
        if deposit_before
            && !named.deposit
            && ["सीमा", "रेखा", "लकीर", "line", "threshold", "cut-off"]
                .iter()
                .any(|w| starts.has(w))
        {
            named.deposit = true;
        }
        let deposit_near = named.deposit || deposit_before;
        let parts_here = EVM_NAMES.iter().chain(POSTAL_NAMES).any(|w| starts.has(w));
        let parts_near = std::mem::replace(&mut carry.parts, parts_here) || parts_here;
        let paragraph_marked = marks.iter().any(|m| {
            let line_start = text[..*m].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..*m].trim().is_empty()
                && paragraphs.of(*m) == paragraphs.of(start + raw.len() - raw.trim_start().len())
        });
        // The last exact count ("7.49 lakh" is not written out as "thirty-nine thousand").
        let last_figures = quoted
            .iter()
            .rev()
            .filter(|d| !d.words && !d.year && d.measure == Measure::Count && d.step == 1.0)
            .map(|d| (quoted_text(sentence, d).to_string(), d.value))
            .collect();
        let figures_before = std::mem::replace(&mut carry.last_figures, last_figures);
        let mut out = Vec::new();
        if paragraph_marked {
            return out;
        }
        let words_restated = words_restatement(sentence, &lower, &quoted, &figures_before);
        let words_restated_at = words_restated.as_ref().map(|(at, _)| *at);
        if let Some((at, Some(message))) = words_restated {
            out.push((start + flat.original(at), message));
        }
        let rounded_restated = rounded_restatement(sentence, &lower, &quoted, &named);
        if named.elsewhere {
            let marked = |q: &Quoted| {
                let abs_end = start + flat.original(q.end);
                marks
                    .iter()
                    .any(|m| *m >= abs_end && text[abs_end..*m].trim().is_empty())
            };
            out.extend(
                self.figure_of_a_result_here(sentence, &quoted, &named, &marked)
                    .map(|(at, message)| (start + flat.original(at), message)),
            );
            return out;
        }
        // The previous count of the sentence: whether it was a vote figure, and its part.
        let mut previous: Option<(bool, Option<Part>)> = None;
        // The part (EVM, postal) of the first figure of the sentence that said one.
        let mut part_before: Option<Part> = None;
        // The previous number of the sentence as typed, for "जो … से ज़्यादा".
        let mut previous_figure: Option<Quoted> = None;
        // "कुल 13,467 डाक मत। इनमें से 7,078 शेखावत को …": parts of the figure before.
        let of_these = OF_THESE_WORDS.iter().any(|w| starts.has(w));
        let carried_part = carry.part.take().filter(|_| of_these);
        let quoted_all = quoted.clone();
        // "पाँचवें राउंड के बाद वे 5,000 वोटों से आगे थे", "early trends": a count of a
        // round of counting is not in the data (only the final one is).
        let counting_night = COUNTING_WORDS.iter().any(|w| starts.find(w).is_some())
            && !FINAL_WORDS.iter().any(|w| starts.find(w).is_some());
        let mut sum_words: Option<sums::SentenceWords> = None;
        for q in quoted {
            if q.year && q.measure == Measure::Count {
                continue;
            }
            if counting_night && q.measure == Measure::Count {
                continue;
            }
            let abs_start = start + flat.original(q.start);
            let abs_end = start + flat.original(q.end);
            let marked = marks
                .iter()
                .any(|m| *m >= abs_end && text[abs_end..*m].trim().is_empty());
            // (A number in words told against the digits it writes out is told once.)
            if marked
                || words_restated_at == Some(q.start)
                || rounded_restated
                    .iter()
                    .any(|(at, wrong)| *at == q.start && wrong.is_none())
                || restates_before_colon(sentence, &quoted_all, &q)
                || money_before(sentence, &q)
                || self.bracketed_reference(sentence, &q, &named)
            {
                continue;
            }
            let mut context = Context::around(sentence, &q, &named);
            if q.measure == Measure::Count {
                let bare =
                    stands_bare(sentence[q.end..].trim_start_matches([' ', '\u{a0}', '(', ')']));
                if let Some((votes, part)) = previous
                    && bare
                    && !context.vote_word
                {
                    context.elliptic = votes;
                    context.part = context.part.or(part);
                }
                // "ईवीएम पर मनोहर लाल को 7,37,282 और बुद्धिराजा को 5,04,437 वोट मिले:
                // 2,32,845 की बढ़त": a lead after a colon is of the part just given.
                if let Some(part) = part_before
                    && context.part.is_none()
                    && context.kind() == Some(Kind::Margin)
                    && previous_figure.as_ref().is_some_and(|p| {
                        sentence
                            .get(p.end..q.start)
                            .is_some_and(|t| t.contains(':'))
                    })
                {
                    context.part = Some(part);
                }
                if context.part.is_none() && !context.vote_word && !context.total_word_near() {
                    context.part = carried_part;
                }
                let votes = context.vote_word || context.elliptic || context.part.is_some();
                previous = Some((votes, context.part));
                part_before = part_before.or(context.part);
                if context.part.is_some() {
                    carry.part = context.part;
                }
            }
            if let Some(message) = context
                .compared
                .zip(previous_figure.as_ref())
                .and_then(|(bound, p)| compared_claim(sentence, p, &q, bound))
            {
                out.push((abs_start, message));
            }
            // "the runner-up led it, 5,652 to 4,778": the second figure of such a pair is
            // the other side's, not that of whom the sentence names.
            let pair_second = previous_figure.as_ref().is_some_and(|p| {
                p.measure == q.measure
                    && sentence.get(p.end..q.start).is_some_and(|between| {
                        PAIR_WORDS.contains(&numbers::lowercase(between.trim()).as_ref())
                    })
            });
            previous_figure = Some(q.clone());
            let mut scoped = scope_for(&named, sentence, &q);
            if pair_second {
                scoped.who.clear();
            }
            if let Some(said) =
                self.deposit_margin_claim(&q, sentence, &scoped, deposit_near, &paragraph_results)
            {
                out.extend(said.map(|message| (abs_start, message)));
                continue;
            }
            if let Some(said) = self.gap_claim(&q, &context, sentence, &scoped, &named, parts_near)
            {
                out.extend(said.map(|message| (abs_start, message)));
                continue;
            }
            if let Some(message) = self.nota_base_claim(&q, sentence, &quoted_all, &scoped) {
                out.push((abs_start, message));
                continue;
            }
            if let Some(said) = self.reference_gap_claim(&q, sentence, &scoped) {
                out.extend(said.map(|message| (abs_start, message)));
                continue;
            }
            let words = sum_words.get_or_insert_with(|| sums::SentenceWords::of(&lower));
            if let Some(said) = self.sum_claim(&q, sentence, words, &scoped) {
                out.extend(said.map(|message| (abs_start, message)));
                continue;
            }
            let message = match q.measure {
                Measure::Count => self.count_claim(&q, &context, &scoped, sentence),
                Measure::Percent | Measure::Points => {
                    self.percent_claim(&q, &context, &scoped, sentence)
                }
            };
            if let Some(message) = message {
                out.push((abs_start, message));
            }
        }
        // A rounding that fits another figure of the data is told against the count it
        // restates (when the figure itself is not told already).
        for (at, message) in rounded_restated {
            let at = start + flat.original(at);
            if let Some(message) = message
                && !out.iter().any(|(o, _)| *o == at)
            {
                out.push((at, message));
            }
        }
        if let Some((at, message)) = arithmetic::difference_claim(sentence, &quoted_all)
            && !out.iter().any(|(o, _)| *o == start + flat.original(at))
        {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self
            .deposit_count_claim(sentence, &lower, &named, &paragraph_results)
            .or_else(|| self.deposit_kept_claim(&lower, &named, &paragraph_results))
        {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.alliance_claim(sentence, &lower, &named) {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.reserved_claim(&lower, &named) {
            out.push((start + flat.original(at), message));
        }
        // (A party the text gives a candidate wrongly makes any place it gives the party
        // wrong too: told once, as the party.)
        let affiliation = self.affiliation_claim(&lower, &named);
        let wrong_party = affiliation.is_some();
        if let Some((at, message)) = affiliation {
            out.push((start + flat.original(at), message));
        }
        let place = (!wrong_party)
            .then(|| {
                self.rank_claim(sentence, &named)
                    .or_else(|| self.postal_lead_claim(&lower, &named))
            })
            .flatten();
        if let Some(message) = place {
            out.push((start + raw.len() - raw.trim_start().len(), message));
        }
        let compared_already = out.iter().any(|(_, m)| m.starts_with("the text says"));
        if !compared_already
            && let Some((at, message)) = relations::bracket_comparison(sentence, &quoted_all)
        {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.times_claim(&starts, &named, &quoted_all, &who_before) {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.how_many_claim(sentence, &starts, &quoted_all, &named) {
            out.push((start + flat.original(at), message));
        } else if let Some((at, message)) = self.field_size_claim(&lower, &named) {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.nota_beat_claim(&lower, &named) {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.independents_claim(&lower, &named) {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.share_of_figure(sentence, &lower, &quoted_all, &named)
            && !out.iter().any(|(o, _)| *o == start + flat.original(at))
        {
            out.push((start + flat.original(at), message));
        }
        if let Some((at, message)) = self.fraction_claim(&lower, &named) {
            out.push((start + flat.original(at), message));
        }
        out
    }

    /// A sentence about an election the page has no result of ("2014 में जोशी 1,55,934
    /// वोटों से जीते", on a page of 2019 and 2024) is not checked, except for a vote figure
    /// or margin typed to the vote that is exactly a figure of a result the page has: the
    /// figure was taken from the wrong year. (Five digits or more repeat by chance rarely.)
    fn figure_of_a_result_here(
        &self,
        sentence: &str,
        quoted: &[Quoted],
        named: &Named,
        marked: &dyn Fn(&Quoted) -> bool,
    ) -> Option<(usize, String)> {
        let years: Vec<&str> = quoted
            .iter()
            .filter(|q| q.year)
            .map(|q| quoted_text(sentence, q))
            .collect();
        let [year] = years.as_slice() else {
            return None;
        };
        quoted.iter().find_map(|q| {
            if q.year || q.measure != Measure::Count || q.step != 1.0 || q.value < 10_000.0 {
                return None;
            }
            if marked(q) {
                return None;
            }
            // The year must govern the figure: in its own clause, before it, and the
            // sentence compares nothing ("second with 3,23,894 votes, better than in 2019").
            let clause = clause_around(sentence, q);
            let lower = numbers::lowercase(sentence);
            let compares = COMPARE_WORDS
                .iter()
                .chain(["than", "better", "worse", "बेहतर", "तुलना"].iter())
                .any(|w| find_word(&lower, w).is_some());
            let clause_at = clause.as_ptr() as usize - sentence.as_ptr() as usize;
            let year_before = clause.find(year).is_some_and(|at| clause_at + at < q.start);
            if compares || !year_before {
                return None;
            }
            let c = Context::around(sentence, q, named);
            if !(c.vote_word || c.kind() == Some(Kind::Margin)) || c.other_noun {
                return None;
            }
            let kinds: &[Kind] = if c.kind() == Some(Kind::Margin) {
                &[Kind::Margin]
            } else {
                &[Kind::Votes, Kind::Margin]
            };
            let other = self.facts.iter().find(|f| {
                kinds.contains(&f.kind)
                    && !f.part
                    && f.segment.is_none()
                    && !f.approx
                    && f.value == q.value
            })?;
            Some((
                q.start,
                format!(
                    "{} in the text is {}, but the sentence is about {year}, which the page has no result of: check the figure",
                    quoted_text(sentence, q),
                    other.label
                ),
            ))
        })
    }

    /// Fills in what a sentence names from the sentences before it, from "इस बार" /
    /// "this time", from a role ("the winner"), and from the candidates it names (a
    /// candidate stands in some elections of the page only); then notes what it names for
    /// the sentences after it.
    fn refer_back(&self, starts: &WordStarts, named: &mut Named, carry: &mut Carry) {
        let lower = starts.text;
        let refers = BACK_WORDS.iter().any(|w| starts.find(w).is_some());
        // "यह अंतर", "this margin": a demonstrative before a figure's noun refers back to
        // an election, not to the people named before.
        let refers_to_people = BACK_WORDS.iter().any(|w| {
            starts.find_all(w, 8).into_iter().any(|at| {
                let next = lower[at + w.len()..].trim_start();
                !DEMONSTRATED.iter().any(|n| numbers::word_at(next, n)) || next.is_empty()
            })
        });
        let looks_back = PAST_WORDS.iter().any(|w| starts.find(w).is_some());
        let compares = CHANGE_WORDS.iter().any(|w| starts.has(w))
            || COMPARE_WORDS.iter().any(|w| starts.has(w));
        if named.results.is_empty() && !named.elsewhere {
            // "रमेश अवस्थी ने आलोक मिश्रा को … हराया": the elections they stood in.
            let stood: Vec<usize> = (0..self.results.len())
                .filter(|i| {
                    let r = self.result(*i);
                    named
                        .who
                        .iter()
                        .any(|(w, _)| r.candidates.iter().any(|c| &c.name == w))
                })
                .collect();
            let this_time = THIS_TIME_WORDS.iter().any(|w| starts.find(w).is_some());
            if !looks_back && this_time {
                if let Some(latest) = self.latest() {
                    named.results.push(latest);
                    named.mentions.push((latest, 0));
                }
            } else if !stood.is_empty() {
                // "Five years earlier the BJP's Satyadev Pachauri had won by …": a look back
                // at someone who stood only in an earlier election is about that one.
                let latest = self.latest().map(|i| self.result(i).year);
                let only_earlier = stood.iter().all(|i| Some(self.result(*i).year) < latest);
                if (!looks_back || only_earlier) && !compares && stood.len() < self.results.len() {
                    named.mentions = stood.iter().map(|i| (*i, 0)).collect();
                    named.results = stood;
                }
            } else if refers && !carry.results.is_empty() {
                named.results = carry.results.clone();
                named.mentions = carry.results.iter().map(|i| (*i, 0)).collect();
            }
        }
        // "डाक मतों में भी वे आगे रहे: 2,284 डाक मत उनके खाते में गए और 912 अरुण श्रीवास्तव
        // के": a personal pronoun before every name of the sentence, in a clause that names
        // no one, is whom the sentence before named.
        if !named.who.is_empty() && !carry.who.is_empty() {
            let first_name = named.who.iter().map(|(_, at)| *at).min().unwrap_or(0);
            let pronoun = PERSONAL_PRONOUNS
                .iter()
                .filter_map(|w| starts.find(w))
                .filter(|at| *at < first_name)
                .min();
            let clause_names_no_one = |at: usize| {
                named
                    .clauses
                    .iter()
                    .find(|(a, b)| at >= *a && at < *b)
                    .is_some_and(|(a, b)| !named.who.iter().any(|(_, w)| w >= a && w < b))
            };
            if let Some(at) = pronoun
                && clause_names_no_one(at)
            {
                named.who.extend(carry.who.iter().map(|w| (w.clone(), at)));
                named.who.sort_by_key(|(_, at)| *at);
            }
        }
        let someone_named = !named.who.is_empty();
        {
            let scope: Vec<usize> = if named.results.is_empty() {
                (0..self.results.len()).collect()
            } else {
                named.results.clone()
            };
            // "1,58,333 votes behind the winner", "विजेता से पीछे": the winner is the one
            // compared with, not whom the sentence is about.
            // Each role word names its candidate where it stands ("the runner-up led it,
            // … but the winner's lead held": two people), so a claim binds to the role
            // nearest it, never to another role of the sentence.
            let roles: Vec<(usize, usize)> = ROLE_WORDS
                .iter()
                .flat_map(|(w, rank)| {
                    starts
                        .find_all(w, MENTIONS_LIMIT)
                        .into_iter()
                        .filter(|at| {
                            let before = lower[..*at].trim_end();
                            let after = lower[at + w.len()..].trim_start();
                            ![
                                "behind", "than", "to", "from", "over", "against", "of", "with",
                            ]
                            .iter()
                            .any(|b| before.ends_with(b))
                                && !numbers::word_at(after, "से")
                        })
                        .map(|at| (at, *rank))
                        .collect::<Vec<_>>()
                })
                .collect();
            // In a sentence that names people, a role names its candidate only in a clause
            // that names no one ("Rani polled 4.77 lakh and Geetha 4.26 lakh; in words, the
            // winner had …").
            let roles: Vec<(usize, usize)> = if someone_named {
                roles
                    .into_iter()
                    .filter(|(at, _)| {
                        named
                            .clauses
                            .iter()
                            .find(|(a, b)| at >= a && at < b)
                            .is_some_and(|(a, b)| !named.who.iter().any(|(_, w)| w >= a && w < b))
                    })
                    .collect()
            } else {
                roles
            };
            if !roles.is_empty() {
                // The first role is whom the sentence is about, also before its word
                // ("With 5,83,866 votes the winner …"), when the sentence names no one else.
                let first = (!someone_named)
                    .then(|| roles.iter().map(|(at, _)| *at).min())
                    .flatten();
                for (at, rank) in roles {
                    let at = if Some(at) == first { 0 } else { at };
                    for i in &scope {
                        if let Some(c) = self
                            .result(*i)
                            .candidates
                            .iter()
                            .find(|c| c.rank == Some(rank))
                        {
                            named.who.push((c.name.clone(), at));
                            named.who.push((c.party.clone(), at));
                        }
                    }
                }
                named.who.sort_by_key(|(_, at)| *at);
            } else if !someone_named && (refers_to_people || starts_with_both(lower)) {
                // Across a paragraph's break only a personal pronoun ("he", "उन्हें") looks
                // back, never "it" or "यह" (the margin, the seat).
                let personal = PERSONAL_PRONOUNS
                    .iter()
                    .filter(|w| **w != "वह")
                    .any(|w| starts.find(w).is_some());
                let before = match (carry.who.is_empty(), personal) {
                    (true, true) => &carry.opening_who,
                    _ => &carry.who,
                };
                named.who = before.iter().map(|w| (w.clone(), 0)).collect();
            }
        }
        // A sentence that compares two elections ("2019 के मुक़ाबले … बढ़ा") is about
        // neither alone: what follows it is not carried to one of them.
        if compares {
            carry.results.clear();
        } else if !named.results.is_empty() {
            carry.results = named.results.clone();
        }
        if !named.who.is_empty() {
            let mut who: Vec<String> = named.who.iter().map(|(w, _)| w.clone()).collect();
            who.dedup();
            carry.who = who;
        }
        // Only the paragraph's first sentence looks into the one before.
        carry.opening_who.clear();
    }

    /// `named` with the party of every candidate it names added ("रमेश अवस्थी" is BJP).
    fn with_parties(&self, named: &Named) -> Named {
        let mut out = named.clone();
        for (w, at) in &named.who {
            for r in self.results.iter() {
                for c in r.candidates.iter().filter(|c| &c.name == w) {
                    if !out.who.iter().any(|(o, _)| o == &c.party) {
                        out.who.push((c.party.clone(), *at));
                    }
                }
            }
        }
        out
    }

    fn latest(&self) -> Option<usize> {
        (0..self.results.len()).max_by_key(|i| self.result(*i).year)
    }

    /// Facts of the results the sentence is about.
    fn in_scope<'f>(&'f self, named: &'f Named) -> impl Iterator<Item = &'f Fact> + 'f {
        self.facts.iter().filter(move |f| {
            named.results.is_empty()
                || named.results.contains(&f.result)
                || f.also.is_some_and(|a| named.results.contains(&a))
        })
    }

    fn about_named(f: &Fact, named: &Named) -> bool {
        let who_ok = named.who.is_empty()
            || f.who.is_empty()
            || f.who.iter().any(|w| named.who.iter().any(|(n, _)| n == w));
        let segment_ok = match (&f.segment, named.segments.is_empty()) {
            (Some(s), false) => named.segments.contains(s),
            (Some(_), true) => true,
            (None, _) => true,
        };
        who_ok && segment_ok
    }

    fn count_claim(
        &self,
        q: &Quoted,
        c: &Context,
        named: &Named,
        sentence: &str,
    ) -> Option<String> {
        if c.other_noun {
            return self.transposed(q, named, sentence);
        }
        // "अंतर 43 से 45 हज़ार के बीच", "between 40,000 and 45,000": the ends of a range are
        // not figures said of anyone.
        if between_range(sentence, q) {
            return None;
        }
        if c.electors_next {
            return self.electors_claim(q, c, named, sentence);
        }
        if let Some(part) = c.part
            && !c.won_by
            && c.bound.is_none()
            && named.segments.is_empty()
        {
            return self.part_claim(q, part, c, named, sentence);
        }
        let kind = match c.kind() {
            Some(Kind::Total) if c.only_got_word && !named.who.is_empty() => None,
            kind => kind,
        };
        // "दूसरे और तीसरे स्थान के बीच तीन लाख का फ़ासला": a gap the data has no figure of.
        if kind == Some(Kind::Margin)
            && gap_between_places(&numbers::lowercase(clause_around(sentence, q)))
        {
            return None;
        }
        if alliance_clause(sentence, q) {
            return None;
        }
        let sentence_votes = named.votes_word;
        // "आलोक मिश्रा का आँकड़ा चार लाख के पार गया": a bound on what a candidate got.
        let bounded = c.bound.is_some() && !named.who.is_empty() && q.value >= 1000.0;
        // "In lakh, Gopi had 4.12, Sunilkumar 3.83": a sentence that restates figures in
        // lakh is about votes, said or not.
        let restated_votes =
            q.step >= 1000.0 && !named.who.is_empty() && lakh_restatement(sentence, q);
        // "Annamalai polled 4.6 lakh", "भाजपा को 5.2 लाख मिले": a rounded figure got by
        // someone named is their votes, though no vote word follows.
        let got_rounded = q.step >= 1000.0 && !named.who.is_empty() && {
            let head = numbers::lowercase(sentence[..q.start].trim_end());
            let next = numbers::lowercase(sentence[q.end..].trim_start());
            ["polled", "got", "received", "secured", "garnered", "bagged"]
                .iter()
                .any(|w| numbers::word_at_end(&head, w))
                || ["मिले", "मिलें", "मिला"]
                    .iter()
                    .any(|w| numbers::word_at(&next, w))
        };
        let vote_claim = c.vote_word
            || c.elliptic
            || bounded
            || kind.is_some()
            || restated_votes
            || got_rounded
            || ((q.words || q.step >= 1000.0) && !named.who.is_empty() && sentence_votes);
        if !vote_claim && named.who.is_empty() && q.step >= 1000.0 && lakh_restatement(sentence, q)
        {
            return self.someones_votes_claim(q, named, sentence);
        }
        if !vote_claim {
            return self.transposed(q, named, sentence);
        }
        // "the other 26 candidates polled 9,000 votes together": a sum the editor made.
        let clause = numbers::lowercase(clause_around(sentence, q));
        if sum_clause(&clause) {
            return self.top_sum_claim(q, c.bound, (quoted_text(sentence, q), &clause), named);
        }
        // "ज़मानत बचाने के लिए … 1,41,724 वोट": the votes needed to keep the deposit.
        // ("कुल वैध वोटों (नोटा छोड़कर) का छठा हिस्सा" names NOTA only to leave it out.)
        // "वे ज़मानत नहीं बचा सकीं, क्योंकि इसके लिए 1,87,297 वोट चाहिए थे": what was
        // needed, whoever the clause names.
        // Not a distance from the line ("इस रेखा से 1,91,149 वोट दूर", "missed the line by").
        let needed = DEPOSIT_LINE_WORDS
            .iter()
            .any(|w| find_word(&clause, w).is_some())
            && !DEPOSIT_GAP_WORDS.iter().any(|w| clause.contains(w));
        let nobody = named.who.iter().all(|(w, _)| self.is_nota(w));
        if nobody && let Some(message) = self.deposit_claim(q, named, sentence) {
            return message;
        }
        // ("Bhadauriya got 1,40,000 votes but needed 1,47,214": his votes are his.)
        let a_data_figure = self.in_scope(named).any(|f| {
            matches!(f.kind, Kind::Votes | Kind::Margin | Kind::Total)
                && !f.deposit
                && q.states(f.value)
        });
        if needed && !nobody && !a_data_figure {
            // Whose the line is the clause does not say: any seat's of the page.
            let seats = Named {
                who: Vec::new(),
                results: Vec::new(),
                ..named.clone()
            };
            if let Some(message) = self.deposit_claim(q, &seats, sentence) {
                return message;
            }
        }
        let kinds: &[Kind] = match kind {
            Some(Kind::Margin) => &[Kind::Margin, Kind::Change],
            Some(Kind::Total) => &[Kind::Total, Kind::Votes],
            Some(Kind::Change) => &[Kind::Change, Kind::Votes, Kind::Margin],
            _ => &[Kind::Votes, Kind::Margin, Kind::Total, Kind::Change],
        };
        let all_counts = |f: &&Fact| {
            matches!(
                f.kind,
                Kind::Votes | Kind::Margin | Kind::Total | Kind::Change
            )
        };
        // Stated exactly by any count of the page that fits what the sentence names: fine,
        // unless the sentence is about another election than the figure's.
        let parts = c.part_word;
        // A change named by a candidate is their party's change ("रमेश अवस्थी को … मिले, जो
        // 25,882 वोट कम हैं").
        let with_parties = (kind == Some(Kind::Change)).then(|| self.with_parties(named));
        let party_change_of = |f: &Fact| {
            with_parties
                .as_ref()
                .is_some_and(|w| f.kind == Kind::Change && Self::about_named(f, w))
        };
        let fits: Vec<&Fact> = self
            .in_scope(named)
            .filter(|f| {
                kinds.contains(&f.kind) && (Self::about_named(f, named) || party_change_of(f))
            })
            // A sentence that names a candidate or party is about their figures, not the
            // seat's (unless it says कुल / total).
            .filter(|f| named.who.is_empty() || !f.who.is_empty() || kind == Some(Kind::Total))
            .filter(|f| !f.part || parts)
            .collect();
        let specific = !named.who.is_empty() || !named.segments.is_empty() || kind.is_some();
        if let Some(bound) = c.bound {
            let fits = self.latest_unless_past(fits, named, sentence);
            // "फ़ासला 20 हज़ार से कम": the seat's margin, not a change or a segment's.
            let fits = match kind {
                Some(k) if fits.iter().any(|f| f.kind == k) => {
                    fits.into_iter().filter(|f| f.kind == k).collect()
                }
                _ => fits,
            };
            let fits = if named.segments.is_empty() && fits.iter().any(|f| f.segment.is_none()) {
                fits.into_iter().filter(|f| f.segment.is_none()).collect()
            } else {
                fits
            };
            // "More than 11 lakh votes counted": whatever it is about, no figure of the
            // page is that large.
            let specific = specific || (matches!(bound, Bound::More) && c.vote_word && !named.sums);
            if let Some(message) = self.each_bound(q, bound, &fits, sentence, named) {
                return Some(message);
            }
            return self.bound_claim(q, bound, &fits, specific, sentence, named);
        }
        // Any count about what the sentence names, whatever the words around say it is.
        let stated = |f: &&Fact| all_counts(f) && Self::about_named(f, named) && q.states(f.value);
        let party_change = |f: &&Fact| party_change_of(f) && q.states(f.value);
        if fits.iter().any(|f| f.approx)
            || self.in_scope(named).any(|f| stated(&f) || party_change(&f))
        {
            return None;
        }
        if self
            .facts
            .iter()
            .filter(all_counts)
            .any(|f| q.states(f.value) && f.approx)
        {
            return None;
        }
        // Quoted from another election of the page: "the 2019 margin as this one's".
        if !named.results.is_empty()
            && let Some(other) = self
                .facts
                .iter()
                .filter(|f| !named.results.contains(&f.result) && kinds.contains(&f.kind))
                // Another seat of the same election ("वाराणसी में मोदी के 6,12,970 वोटों से
                // कम") is a comparison of seats, not a figure of another year.
                .filter(|f| {
                    let election = &self.result(f.result).election;
                    !named
                        .results
                        .iter()
                        .any(|i| &self.result(*i).election == election)
                })
                // A candidate of this election stands for their party in the other one.
                .filter(|f| Self::about_named(f, &self.with_parties(named)) && f.value >= 1000.0)
                .find(|f| q.states(f.value))
        {
            let meant = fits
                .iter()
                .filter(|f| f.kind == other.kind && f.segment == other.segment)
                .min_by(|a, b| ratio(q.value, a.value).total_cmp(&ratio(q.value, b.value)));
            let this = named
                .results
                .iter()
                .map(|i| self.result(*i).election.clone())
                .collect::<Vec<_>>()
                .join(", ");
            return Some(match meant {
                Some(m) => format!(
                    "{} in the text is {}, but the sentence is about {this}: the data says {} for {}",
                    quoted_text(sentence, q),
                    other.label,
                    show(m.value, m.kind),
                    m.label
                ),
                None => format!(
                    "{} in the text is {}, but the sentence is about {this}",
                    quoted_text(sentence, q),
                    other.label
                ),
            });
        }
        if self
            .facts
            .iter()
            .filter(all_counts)
            .any(|f| q.states(f.value))
            && !specific
        {
            return None;
        }
        if let Some(message) = unit_slip(q, &fits, sentence) {
            return Some(message);
        }
        if c.approx {
            // "करीब 6.4 लाख": a decimal in lakh or crore says how it was rounded; "about"
            // allows a little more than that rounding, not a tenth (6,14,621 is 6.1 lakh).
            let text = numbers::lowercase(quoted_text(sentence, q));
            let decimal_lakh = !q.words
                && text.contains('.')
                && ["लाख", "lakh", "करोड़", "crore"]
                    .iter()
                    .any(|u| text.contains(u));
            let close = |f: &&&Fact| {
                if decimal_lakh {
                    (q.value - f.value).abs() <= 0.75 * q.step
                } else {
                    ratio(q.value, f.value) <= 1.1
                }
            };
            if fits.iter().any(|f| close(&f)) || !specific {
                return None;
            }
        }
        // The keyword's own kind first ("अंतर" → margins), then the others.
        let primary: Vec<&&Fact> = fits
            .iter()
            .filter(|f| f.kind == kinds[0] && !f.approx)
            .collect();
        // A change word (घटे, rose) means a change even when the slip is large.
        let reach = if kinds[0] == Kind::Change { 3.0 } else { 2.0 };
        let pool: Vec<&&Fact> = if primary.iter().any(|f| ratio(q.value, f.value) <= reach) {
            primary
        } else {
            fits.iter().filter(|f| !f.approx).collect()
        };
        // "13,746 डाक मत": a part word means the EVM or postal figures, when one is near.
        let part_pool: Vec<&&Fact> = fits.iter().filter(|f| f.part && !f.approx).collect();
        let pool = if parts && part_pool.iter().any(|f| ratio(q.value, f.value) <= reach) {
            part_pool
        } else {
            pool
        };
        // A sentence that names a segment means its figures; one that names none, the seat's.
        let wants_segment = !named.segments.is_empty();
        let level: Vec<&&Fact> = pool
            .iter()
            .copied()
            .filter(|f| f.segment.is_some() == wants_segment)
            .collect();
        let pool = if level.is_empty() { pool } else { level };
        // "2024 में वे 2,22,946 वोटों से जीते": a win in a named election has one margin,
        // however far the figure is from it (another year's margin, typed for this one).
        let win_margins: Vec<&&Fact> = fits
            .iter()
            .filter(|f| f.kind == Kind::Margin && f.segment.is_none() && !f.part && !f.approx)
            .collect();
        let looks_back = PAST_WORDS.iter().any(|w| clause.contains(w));
        let won_by = c.won_by
            && !named.results.is_empty()
            && self.names_an_election(sentence)
            && !looks_back
            && named.segments.is_empty()
            && !c.approx
            && !win_margins.is_empty();
        let pool = if won_by { win_margins } else { pool };
        let nearest = nearest_figure(q.value, pool.iter().map(|f| **f), named)?;
        let r = ratio(q.value, nearest.value);
        // A rounded figure ("4.2 लाख") may be off by its rounding only; beyond that, a
        // figure near a data value is a slip even when the sentence names no one.
        let near = if q.step >= 1000.0 {
            2.0 * NEAR_MISS_PERCENT
        } else {
            NEAR_MISS_PERCENT
        };
        let warn = if specific {
            r <= reach || won_by
        } else {
            r <= 1.0 + near / 100.0
        };
        if !warn || q.value < 100.0 {
            return None;
        }
        let as_what = match kind {
            Some(Kind::Margin) if nearest.kind == Kind::Margin => " as a margin",
            Some(Kind::Total) if nearest.kind == Kind::Total => " as a total",
            _ => "",
        };
        Some(format!(
            "{} in the text{as_what}, the data says {} for {}",
            quoted_text(sentence, q),
            show(nearest.value, nearest.kind),
            nearest.label
        ))
    }

    /// Whether the sentence names an election itself: a year, an election's label, "इस बार".
    fn names_an_election(&self, sentence: &str) -> bool {
        let lower = numbers::lowercase(sentence);
        numbers::numbers(sentence).iter().any(|q| q.year)
            || THIS_TIME_WORDS.iter().any(|w| lower.contains(w))
            || self.elections.iter().any(|e| lower.contains(e.as_str()))
    }

    /// Whether `who` (a name or party code) is NOTA.
    fn is_nota(&self, who: &str) -> bool {
        who == crate::election::result::NOTA
            || self.results.iter().any(|r| {
                r.candidates
                    .iter()
                    .any(|c| c.name == who && c.party == crate::election::result::NOTA)
            })
    }

    /// A figure next to a name that is a candidate's figure with two neighbouring digits
    /// exchanged ("4,30,350" for 4,03,350): a slip, whatever words are around it.
    fn transposed(&self, q: &Quoted, named: &Named, sentence: &str) -> Option<String> {
        if named.who.is_empty() || q.step != 1.0 || q.value < 1000.0 || q.words {
            return None;
        }
        let facts: Vec<&Fact> = self
            .in_scope(named)
            .filter(|f| f.kind == Kind::Votes && !f.who.is_empty() && Self::about_named(f, named))
            .collect();
        if facts.iter().any(|f| q.states(f.value)) {
            return None;
        }
        if let Some(hit) = facts
            .iter()
            .find(|f| swapped_neighbours(q.value as u64, f.value as u64))
        {
            return Some(format!(
                "{} in the text, the data says {} for {} (two digits exchanged?)",
                quoted_text(sentence, q),
                show(hit.value, hit.kind),
                hit.label
            ));
        }
        // "Nag 5,95,740, Thakur 5,97,624" (a chart's note): a figure right after a name is
        // that candidate's, whatever words there are not.
        if !self.right_after_name(q, named, sentence) {
            // Farther from the name, a figure of five digits or more with one digit
            // changed is a slip too ("4,53,185" for 4,58,185).
            let hit = facts.iter().find(|f| {
                f.value >= 10_000.0 && one_digit_changed(q.value as u64, f.value as u64)
            })?;
            return Some(format!(
                "{} in the text, the data says {} for {} (one digit changed?)",
                quoted_text(sentence, q),
                show(hit.value, hit.kind),
                hit.label
            ));
        }
        let whole: Vec<&&Fact> = facts
            .iter()
            .filter(|f| f.split.is_none() && !f.part && f.segment.is_none())
            .collect();
        let nearest = nearest_figure(q.value, whole.iter().map(|f| **f), named)?;
        // Exactly another candidate's figure: given to the wrong one.
        let others = self.in_scope(named).find(|f| {
            f.kind == Kind::Votes
                && f.result == nearest.result
                && f.segment == nearest.segment
                && !f.part
                && f.split.is_none()
                && f.who.len() > 1
                && f.who != nearest.who
                && q.states(f.value)
        });
        if let Some(other) = others {
            return Some(format!(
                "{} in the text is the figure of {}, but the text gives it to {}: the data says {} for {}",
                quoted_text(sentence, q),
                other.label,
                nearest.who.last().map_or("", String::as_str),
                show(nearest.value, nearest.kind),
                nearest.label
            ));
        }
        // Any other figure of theirs (EVM, postal, a segment's) typed right is fine.
        let anything = self
            .in_scope(named)
            .any(|f| Self::about_named(f, named) && q.states(f.value));
        (!anything && ratio(q.value, nearest.value) <= 1.0 + NEAR_MISS_PERCENT / 100.0).then(|| {
            format!(
                "{} in the text, the data says {} for {}",
                quoted_text(sentence, q),
                show(nearest.value, nearest.kind),
                nearest.label
            )
        })
    }

    /// Whether a candidate's name stands right before the number, with nothing but a colon,
    /// dash or bracket between ("Nag 5,95,740", "Thakur: 5,97,624", "Nag (5,95,740)").
    /// "… सबसे कहा नतीजा (520)", "Part two (3)": a bare count alone in brackets after a word
    /// that is no name, party or vote word is a number of the text's own (a serial, a list
    /// item), not a figure: "अमराराम (13,741)", "भाजपा (4,76,506)" and "(5,081 votes)" are.
    fn bracketed_reference(&self, sentence: &str, q: &Quoted, named: &Named) -> bool {
        if q.measure != Measure::Count || q.words {
            return false;
        }
        let head = sentence[..q.start].trim_end();
        let Some(before) = head.strip_suffix('(') else {
            return false;
        };
        if !sentence[q.end..].trim_start().starts_with(')') {
            return false;
        }
        let before = before.trim_end();
        let lower = numbers::lowercase(before);
        // The name, party or segment right before the bracket gives the figure its owner.
        let owner = named.who.iter().any(|(who, at)| {
            *at < before.len()
                && self
                    .names
                    .iter()
                    .filter(|(w, _)| w == who)
                    .flat_map(|(_, forms)| forms)
                    .any(|f| lower.ends_with(f.as_str()))
        }) || self
            .segment_forms
            .iter()
            .flat_map(|(_, forms)| forms)
            .any(|f| lower.ends_with(f.as_str()));
        let vote_word = VOTE_WORDS
            .iter()
            .chain(MARGIN_NOUNS)
            .any(|w| numbers::word_at_end(&lower, w));
        !owner && !vote_word
    }

    fn right_after_name(&self, q: &Quoted, named: &Named, sentence: &str) -> bool {
        let head = sentence[..q.start].trim_end_matches([' ', ':', '-', '–', '(', '\u{a0}']);
        named.who.iter().any(|(who, at)| {
            *at < q.start
                && self
                    .results
                    .iter()
                    .any(|r| r.candidates.iter().any(|c| &c.name == who))
                && sentence.get(*at..head.len()).is_some_and(|name| {
                    let name = numbers::lowercase(name);
                    self.names
                        .iter()
                        .filter(|(w, _)| w == who)
                        .flat_map(|(_, forms)| forms)
                        .any(|f| *f == name)
                        || (name.split_whitespace().count() <= 4
                            && !name
                                .chars()
                                .any(|c| c.is_ascii_digit() || ",;.".contains(c)))
                })
        })
    }

    /// "लाख में कहें तो 4.72 लाख के मुकाबले 4.85 लाख", "In lakh, that is 5.84 lakh against
    /// 5.08 lakh": rounded figures that restate the votes of candidates named before, none
    /// named here. Each must be some candidate's votes (or the margin, or a total) at the
    /// precision written.
    fn someones_votes_claim(&self, q: &Quoted, named: &Named, sentence: &str) -> Option<String> {
        let counts: Vec<&Fact> = self
            .in_scope(named)
            .filter(|f| {
                matches!(f.kind, Kind::Votes | Kind::Margin | Kind::Total)
                    && f.segment.is_none()
                    && f.split.is_none()
            })
            .collect();
        if counts.is_empty() || counts.iter().any(|f| f.approx || q.states(f.value)) {
            return None;
        }
        let nearest = nearest_figure(
            q.value,
            counts.iter().copied().filter(|f| f.kind == Kind::Votes),
            named,
        )?;
        if ratio(q.value, nearest.value) > 1.25 {
            return None;
        }
        Some(format!(
            "{} in the text is no candidate's votes, margin or total here; the nearest is {} for {}",
            quoted_text(sentence, q),
            show(nearest.value, nearest.kind),
            nearest.label
        ))
    }

    /// In a sentence about the deposit, a count that is no total of the data is compared
    /// with the votes needed to keep it. None: not such a sentence; Some(None): fine.
    fn deposit_claim(&self, q: &Quoted, named: &Named, sentence: &str) -> Option<Option<String>> {
        if !named.deposit {
            return None;
        }
        let pool: Vec<&Fact> = self
            .in_scope(named)
            .filter(|f| f.deposit || (f.kind == Kind::Total && f.part && f.split.is_none()))
            .collect();
        if !pool.iter().any(|f| f.deposit) {
            return None;
        }
        // One sixth of the valid votes is rarely whole: editors round it down as often as
        // up ("about 2,07,793 votes" for 2,07,793.2, which takes 2,07,794 to keep).
        if self.in_scope(named).any(|f| {
            f.kind == Kind::Total && (q.states(f.value) || f.deposit && q.states(f.value - 1.0))
        }) {
            return Some(None);
        }
        let nearest = pool
            .into_iter()
            .min_by(|a, b| ratio(q.value, a.value).total_cmp(&ratio(q.value, b.value)))?;
        if ratio(q.value, nearest.value) > 1.25 || q.value < 100.0 {
            return None;
        }
        Some(Some(format!(
            "{} in the text, the data says {} for {}",
            quoted_text(sentence, q),
            show(nearest.value, nearest.kind),
            nearest.label
        )))
    }

    /// "18,11,000 मतदाता", "1,200 service voters": people, compared with the electors of
    /// the seat when the sentence names no candidate, else not at all.
    fn electors_claim(
        &self,
        q: &Quoted,
        c: &Context,
        named: &Named,
        sentence: &str,
    ) -> Option<String> {
        if !named.who.is_empty() || c.bound.is_some() {
            return None;
        }
        let electors: Vec<&Fact> = self.in_scope(named).filter(|f| f.electors).collect();
        // "8,87,396 मतदाताओं ने वोट डाले": voters who voted are the votes polled or valid.
        let a_total = self
            .in_scope(named)
            .any(|f| f.kind == Kind::Total && q.states(f.value));
        if a_total
            || electors.iter().any(|f| q.states(f.value) || f.approx)
            || (c.approx && electors.iter().any(|f| ratio(q.value, f.value) <= 1.1))
        {
            return None;
        }
        let nearest = electors
            .into_iter()
            .min_by(|a, b| ratio(q.value, a.value).total_cmp(&ratio(q.value, b.value)))?;
        let near = if q.step >= 1000.0 {
            2.0 * NEAR_MISS_PERCENT
        } else {
            NEAR_MISS_PERCENT
        };
        (ratio(q.value, nearest.value) <= 1.0 + near / 100.0).then(|| {
            format!(
                "{} in the text, the data says {} for {}",
                quoted_text(sentence, q),
                show(nearest.value, nearest.kind),
                nearest.label
            )
        })
    }

    /// A count said to be EVM or postal votes ("3,413 postal votes", "On EVMs Owaisi polled
    /// 6,61,981 votes"): compared with those figures only, so that a candidate's total typed
    /// as their EVM votes is caught. Quiet when the data gives no such figures.
    fn part_claim(
        &self,
        q: &Quoted,
        part: Part,
        c: &Context,
        named: &Named,
        sentence: &str,
    ) -> Option<String> {
        let clause = numbers::lowercase(clause_around(sentence, q));
        let seat_words = SEAT_WORDS.iter().any(|w| find_word(&clause, w).is_some());
        let seat_level = named.who.is_empty() || seat_words;
        // "EVM पर बढ़त 21,140", "a postal lead of 172": the gap between the two leading
        // candidates in that part, whoever the sentence names of the two.
        let lead = c.kind() == Some(Kind::Margin);
        let pool: Vec<&Fact> = self
            .in_scope(named)
            .filter(|f| f.split == Some(part) && f.segment.is_none())
            .filter(|f| (f.kind == Kind::Margin) == lead)
            .filter(|f| {
                if lead {
                    named.who.is_empty() || Self::about_named(f, named)
                } else if seat_level {
                    f.who.is_empty()
                } else {
                    !f.who.is_empty() && Self::about_named(f, named)
                }
            })
            .collect();
        if pool.is_empty() {
            return None;
        }
        // Any such figure of the page, whoever it is about, is quiet (a name may be missed).
        if self
            .in_scope(named)
            .any(|f| f.split == Some(part) && q.states(f.value))
            || (c.approx && pool.iter().any(|f| ratio(q.value, f.value) <= 1.1))
        {
            return None;
        }
        let nearest = nearest_figure(q.value, pool.iter().copied(), named)?;
        let specific = !named.who.is_empty() || c.kind().is_some() || seat_words;
        let limit = if specific {
            2.0
        } else if q.step >= 1000.0 {
            1.0 + 2.0 * NEAR_MISS_PERCENT / 100.0
        } else {
            1.0 + NEAR_MISS_PERCENT / 100.0
        };
        // "8,168" for 8,618: two digits swapped, or one changed, is a slip however far.
        let slip = q.step == 1.0
            && q.value >= 100.0
            && (swapped_neighbours(q.value as u64, nearest.value as u64)
                || one_digit_changed(q.value as u64, nearest.value as u64));
        if (ratio(q.value, nearest.value) > limit && !slip) || q.value < 10.0 {
            return None;
        }
        // The whole typed for the part: "6,61,981 on EVMs" is the candidate's total.
        let whole = self.in_scope(named).find(|f| {
            f.split.is_none()
                && !f.part
                && f.segment.is_none()
                && f.result == nearest.result
                && f.who == nearest.who
                && matches!(f.kind, Kind::Votes | Kind::Total | Kind::Margin)
                && q.states(f.value)
        });
        // "… and 12,29,546 EVM votes: 12,41,496 in all": the whole, said to be the whole.
        if whole.is_some() && says_whole_next(&sentence[q.end..]) {
            return None;
        }
        Some(match whole {
            Some(w) => format!(
                "{} in the text is the whole figure ({}: EVM and postal votes together), but the text says {} votes: the data says {} for {}",
                quoted_text(sentence, q),
                w.label,
                part.name(),
                show(nearest.value, nearest.kind),
                nearest.label
            ),
            None => format!(
                "{} in the text, the data says {} for {}",
                quoted_text(sentence, q),
                show(nearest.value, nearest.kind),
                nearest.label
            ),
        })
    }

    /// A "more than" claim that names no election is about the page's latest one, unless
    /// the sentence looks back ("पिछले चुनाव में", "last time").
    fn latest_unless_past<'f>(
        &self,
        fits: Vec<&'f Fact>,
        named: &Named,
        sentence: &str,
    ) -> Vec<&'f Fact> {
        let lower = numbers::lowercase(sentence);
        if !named.results.is_empty() || PAST_WORDS.iter().any(|w| lower.contains(w)) {
            return fits;
        }
        let Some(latest) = self.results.iter().map(|r| r.year).max() else {
            return fits;
        };
        fits.into_iter()
            .filter(|f| self.result(f.result).year == latest)
            .collect()
    }

    /// "4 लाख से ज़्यादा", "less than 50%": wrong when no figure the sentence can mean is
    /// on the stated side.
    fn bound_claim(
        &self,
        q: &Quoted,
        bound: Bound,
        fits: &[&Fact],
        specific: bool,
        sentence: &str,
        named: &Named,
    ) -> Option<String> {
        if !specific || fits.is_empty() || fits.iter().any(|f| f.approx) {
            return None;
        }
        // "…, जो भदौरिया के 12,032 वोटों से भी अधिक है": a count typed to the vote, and
        // exactly someone's figure, is what the sentence compares with, not a bound on
        // it (bounds are round: "4 लाख से ज़्यादा", "more than 20,000").
        let exact_count = q.value.fract() == 0.0 && q.value % 100.0 != 0.0;
        if exact_count && fits.iter().any(|f| f.value.abs() == q.value) {
            return None;
        }
        let holds = |f: &&&Fact| match bound {
            Bound::More => f.value.abs() > q.value,
            Bound::Less => f.value.abs() < q.value,
        };
        if fits.iter().any(|f| holds(&f)) {
            return None;
        }
        let nearest = nearest_figure(q.value, fits.iter().copied(), named)?;
        // A count is compared within a factor of two; a percentage by points ("NOTA was
        // over 1 per cent" for 0.43 %).
        let far = match q.measure {
            Measure::Count => ratio(q.value, nearest.value) > 2.0,
            _ => (nearest.value.abs() - q.value).abs() > 10.0_f64.max(nearest.value.abs() / 2.0),
        };
        if far {
            return None;
        }
        let (what, not) = match bound {
            Bound::More => ("more than", "not more"),
            Bound::Less => ("less than", "not less"),
        };
        Some(format!(
            "{} in the text claims {what} {}, but the data says {} for {}: {not}",
            quoted_text(sentence, q),
            show(q.value, nearest.kind),
            show(nearest.value, nearest.kind),
            nearest.label
        ))
    }

    /// "Both got over 4.6 lakh", "दोनों को 40 प्रतिशत से ज़्यादा": a bound said of each of
    /// the candidates the sentence names must hold for each of them (not for their sum).
    fn each_bound(
        &self,
        q: &Quoted,
        bound: Bound,
        fits: &[&Fact],
        sentence: &str,
        named: &Named,
    ) -> Option<String> {
        let lower = numbers::lowercase(sentence);
        let each = EACH_WORDS.iter().any(|w| find_word(&lower, w).is_some());
        let clause = numbers::lowercase(clause_around(sentence, q));
        let summed = SUM_CLAUSE_WORDS
            .iter()
            .chain(["मिलाकर", "together", "combined", "between them", "जोड़"].iter())
            .any(|w| find_word(&lower, w).is_some() || find_word(&clause, w).is_some());
        if !each || summed {
            return None;
        }
        let candidates: Vec<&str> = {
            let mut list: Vec<&str> = named
                .who
                .iter()
                .map(|(w, _)| w.as_str())
                .filter(|w| {
                    self.results
                        .iter()
                        .any(|r| r.candidates.iter().any(|c| c.name == *w))
                })
                .collect();
            list.dedup();
            list
        };
        if candidates.len() < 2 {
            return None;
        }
        let holds = |f: &Fact| match bound {
            Bound::More => f.value.abs() > q.value,
            Bound::Less => f.value.abs() < q.value,
        };
        for name in candidates {
            let theirs: Vec<&&Fact> = fits
                .iter()
                .filter(|f| {
                    f.who.iter().any(|w| w == name)
                        && f.segment.is_none()
                        && f.split.is_none()
                        && !f.part
                })
                .collect();
            if theirs.is_empty() || theirs.iter().any(|f| f.approx || holds(f)) {
                continue;
            }
            let f = theirs[0];
            let (what, not) = match bound {
                Bound::More => ("more than", "not more"),
                Bound::Less => ("less than", "not less"),
            };
            return Some(format!(
                "{} in the text claims {what} {} for each of them, but the data says {} for {}: {not}",
                quoted_text(sentence, q),
                show(q.value, f.kind),
                show(f.value, f.kind),
                f.label
            ));
        }
        None
    }

    fn percent_claim(
        &self,
        q: &Quoted,
        c: &Context,
        named: &Named,
        sentence: &str,
    ) -> Option<String> {
        // "the other 22 candidates and NOTA were left with the remaining 2.38%", "INDIA
        // गठबंधन की बढ़त 4.71 अंक": a sum the editor worked out, or an alliance's figure.
        let clause = numbers::lowercase(clause_around(sentence, q));
        if alliance_clause(sentence, q) {
            return None;
        }
        if sum_clause(&clause) {
            return self.top_sum_claim(q, c.bound, (quoted_text(sentence, q), &clause), named);
        }
        // "below one sixth (16.67%)", "आधे (50%) से कम": the value of the fraction named
        // just before, not anyone's share.
        if fraction_value_before(&sentence[..q.start]).is_some_and(|v| q.states(v)) {
            return None;
        }
        // "second with 2,97,619 (28.64%), and the margin was …": a percentage in brackets
        // right after a vote figure is that figure's share, whatever words come later.
        let share_of_count = sentence[..q.start]
            .trim_end()
            .strip_suffix('(')
            .is_some_and(|b| {
                // "1,29,157 (9.01%)", "1,29,157 votes (9.01%)", "4,22,087 वोट (49.93%)".
                let b = b.trim_end();
                let b = ["votes", "vote", "वोटों", "वोट", "मतों", "मत"]
                    .iter()
                    .find_map(|w| b.strip_suffix(w))
                    .unwrap_or(b)
                    .trim_end();
                b.chars()
                    .next_back()
                    .is_some_and(|ch| numbers::ascii_digit(ch).is_some())
            })
            && q.measure == Measure::Percent;
        // "four candidates finished between 22.54% and 23.70%": the ends of a range are
        // shares of some candidates, not of whom the sentence names.
        if q.measure == Measure::Percent && in_range(sentence, q) {
            let any_share = self
                .in_scope(named)
                .any(|f| f.kind == Kind::Share && q.states(f.value));
            if any_share {
                return None;
            }
        }
        let margin_word = c.margin_word.filter(|_| !share_of_count);
        if margin_word.is_some() && gap_between_places(&clause) {
            return None;
        }
        let kinds: &[Kind] = if c.turnout_word {
            if self.wider_area(sentence) {
                // "राज्य में 61.8% मतदान", "nationally 65.79 per cent": not this seat's.
                return None;
            }
            &[Kind::Turnout]
        } else if q.measure == Measure::Points || margin_word.is_some() {
            &[Kind::Points]
        } else if named.who.is_empty()
            && !c.share_word
            && !(c.vote_word && matches!(c.bound, Some(Bound::More)) && !named.sums)
        {
            // "55 प्रतिशत से ज़्यादा वोट" says someone's share is above it: it is checked.
            return None;
        } else {
            &[Kind::Share, Kind::Points, Kind::Turnout]
        };
        let fits: Vec<&Fact> = self
            .in_scope(named)
            .filter(|f| kinds.contains(&f.kind) && Self::about_named(f, named))
            .filter(|f| {
                f.kind != Kind::Share
                    || !named.who.is_empty()
                    || c.share_word
                    || (c.vote_word && matches!(c.bound, Some(Bound::More)))
            })
            .collect();
        // "NOTA was over 1 per cent": a share of whom the sentence names, not the seat's
        // turnout or margin.
        let fits: Vec<&Fact> = if kinds.contains(&Kind::Share)
            && !named.who.is_empty()
            && fits.iter().any(|f| !f.who.is_empty())
        {
            fits.into_iter().filter(|f| !f.who.is_empty()).collect()
        } else {
            fits
        };
        if fits.is_empty() {
            return None;
        }
        // "even with NOTA left out, her share was 39.83%", "नोटा हटा दें तो 50.2%": a share
        // of the candidates' votes, NOTA taken out of the base.
        let nota_out = deposits::WITHOUT_NOTA
            .iter()
            .any(|w| numbers::lowercase(sentence).contains(w));
        if nota_out
            && fits
                .iter()
                .any(|f| self.share_without_nota(f).is_some_and(|v| q.states(v)))
        {
            return None;
        }
        if let Some(bound) = c.bound {
            let fits = self.latest_unless_past(fits, named, sentence);
            if let Some(message) = self.each_bound(q, bound, &fits, sentence, named) {
                return Some(message);
            }
            return self.bound_claim(q, bound, &fits, true, sentence, named);
        }
        let in_range = |f: &&Fact| {
            f.range.is_some_and(|(low, high)| {
                q.value >= low - q.step / 2.0 - 1e-9 && q.value <= high + q.step / 2.0 + 1e-9
            })
        };
        // "50%" for 49.95% rounds right but says half, which the winner did not get
        // ("about 50%", "just under 50%" say it).
        let under_half = |f: &&Fact| {
            f.kind == Kind::Share && q.value == 50.0 && f.value < 50.0 && q.states(f.value)
        };
        if !c.approx
            && let Some(f) = fits.iter().find(|f| under_half(f))
            && !fits
                .iter()
                .any(|o| !under_half(o) && (q.states(o.value) || o.approx || in_range(o)))
        {
            return Some(format!(
                "{} in the text, but the data says {} for {}: under half (write {} or \"just under half\")",
                quoted_text(sentence, q),
                show(f.value, f.kind),
                f.label,
                show(f.value, f.kind)
            ));
        }
        if fits
            .iter()
            .any(|f| q.states(f.value) || f.approx || in_range(f))
        {
            return None;
        }
        if c.approx && fits.iter().any(|f| (f.value.abs() - q.value).abs() <= 1.0) {
            return None;
        }
        let nearest = fits.iter().min_by(|a, b| {
            (a.value.abs() - q.value)
                .abs()
                .total_cmp(&(b.value.abs() - q.value).abs())
                .then_with(|| preference(a, named).cmp(&preference(b, named)))
        })?;
        let off = (nearest.value.abs() - q.value).abs();
        if off > 10.0_f64.max(nearest.value.abs() / 2.0) {
            return None;
        }
        Some(format!(
            "{} in the text, the data says {} for {}",
            quoted_text(sentence, q),
            show(nearest.value, nearest.kind),
            nearest.label
        ))
    }

    /// A share fact's figure over the candidates' votes alone (NOTA out of the base), from
    /// the votes themselves: rescaling the rounded share would be off in the second decimal.
    fn share_without_nota(&self, f: &Fact) -> Option<f64> {
        if f.kind != Kind::Share || f.segment.is_some() {
            return None;
        }
        let r = self.result(f.result);
        let votes = match f.who.as_slice() {
            [party, name] => {
                r.candidates
                    .iter()
                    .find(|c| &c.name == name && &c.party == party)?
                    .votes
            }
            [code] => r.parties.get(code)?.votes,
            _ => return None,
        };
        (r.total_without_nota > 0).then(|| votes as f64 * 100.0 / r.total_without_nota as f64)
    }

    /// The sentence is about a state or the country and names no constituency of the page.
    fn wider_area(&self, sentence: &str) -> bool {
        let lower = numbers::lowercase(sentence);
        let names_seat = self
            .results
            .iter()
            .any(|r| lower.contains(numbers::lowercase(&r.constituency).as_ref()));
        let names_state = self
            .results
            .iter()
            .filter_map(|r| r.state.as_ref())
            .any(|s| lower.contains(numbers::lowercase(s).as_ref()));
        !names_seat
            && (names_state
                || WIDER_AREA_WORDS
                    .iter()
                    .any(|w| find_word(&lower, w).is_some()))
    }

    /// Whether `a` and `b` (names or party codes) are one candidate in a result in scope.
    fn same_candidate(&self, a: &str, b: &str, scope: &[usize]) -> bool {
        scope.iter().any(|i| {
            self.result(*i).candidates.iter().any(|c| {
                let is = |w: &str| c.name == w || c.party == w;
                is(a) && is(b)
            })
        })
    }

    /// The named entities when they all belong to one candidate of the results in scope
    /// (a candidate and their party), else none.
    fn one_candidate<'n>(
        &self,
        who: &'n [(String, usize)],
        scope: &[usize],
    ) -> Option<Vec<&'n str>> {
        let mut names: Vec<&str> = who.iter().map(|(w, _)| w.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for i in scope {
            let r = self.result(*i);
            let owners: Vec<usize> = r
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| names.iter().any(|n| *n == c.name || *n == c.party))
                .map(|(k, _)| k)
                .collect();
            // An election none of them stood in says nothing about them.
            if owners.is_empty() {
                continue;
            }
            let parties: Vec<&str> = owners
                .iter()
                .map(|k| r.candidates[*k].party.as_str())
                .collect();
            let one_person = names.iter().all(|n| {
                owners
                    .iter()
                    .any(|k| r.candidates[*k].name == *n || r.candidates[*k].party == *n)
            }) && {
                let mut p = parties.clone();
                p.sort();
                p.dedup();
                p.len() == 1
                    && (parties.len() == 1
                        || names
                            .iter()
                            .filter(|n| r.candidates.iter().any(|c| c.name == **n))
                            .count()
                            <= 1)
            };
            if !one_person {
                return None;
            }
        }
        Some(names)
    }
}

/// The results a number is about: those named nearest before it in the sentence, else
/// those named after it in the same clause, else every result of the page ("कैंट में 1,15,028
/// वोट मिले, 2019 में 88,489": the first figure is not about 2019).
fn scope_for(named: &Named, sentence: &str, q: &Quoted) -> Named {
    // Clauses are sorted and contiguous: a binary search finds a number's clause, so a
    // sentence of many numbers stays linear.
    let clauses = &named.clauses;
    let clause_of = |offset: usize| {
        let k = clauses.partition_point(|(a, _)| *a <= offset);
        k.checked_sub(1).filter(|k| offset < clauses[*k].1)
    };
    let before = named
        .mentions
        .iter()
        .filter(|(_, at)| *at < q.start)
        .map(|(_, at)| *at)
        .max();
    // "… 68,823 votes in 2019 and 87,323 in 2024": a year right after the number, with
    // only "in" (or "votes in") between, is its election.
    let right_after = named
        .mentions
        .iter()
        .filter(|(_, at)| *at >= q.end && *at <= q.end + 24)
        .filter(|(_, at)| {
            let between = numbers::lowercase(&sentence[q.end..*at]);
            let words: Vec<&str> = between.split_whitespace().collect();
            words.last() == Some(&"in")
                && words
                    .iter()
                    .all(|w| ["in", "the", "votes", "vote", "ballots"].contains(w))
        })
        .map(|(i, _)| *i)
        .next();
    // "up from 88,489", "from 8,24,994 in 2019": the figure before a change, of another
    // election than the one named before it.
    let from_before = {
        let head = numbers::lowercase(sentence[..q.start].trim_end());
        head.ends_with(" from") || head == "from"
    };
    let mut results: Vec<usize> = match before {
        _ if right_after.is_some() => right_after.into_iter().collect(),
        Some(_) if from_before => Vec::new(),
        // "मिसरिख और फ़तेहपुर: 33,406 और 33,199": seats listed before a colon are the
        // subject of what follows it, in turn.
        Some(last)
            if named.seat_mentions
                && (clause_of(last) != clause_of(q.start)
                    || sentence[last..q.start].contains(':')) =>
        {
            named.results.clone()
        }
        Some(last) => {
            // Every result named in that clause up to there ("2019 और 2024 में" names two).
            let from = clause_of(last).map_or(0, |k| clauses[k].0);
            named
                .mentions
                .iter()
                .filter(|(_, at)| *at >= from && *at <= last)
                .map(|(i, _)| *i)
                .collect()
        }
        None => {
            let clause_end = clause_of(q.start).map_or(sentence.len(), |k| clauses[k].1);
            named
                .mentions
                .iter()
                .filter(|(_, at)| *at >= q.end && *at < clause_end)
                .map(|(i, _)| *i)
                .collect()
        }
    };
    results.sort_unstable();
    results.dedup();
    // Who: those named in the number's clause, else in the nearest of the three clauses
    // before it that names someone.
    // "Prakash was ahead, with 3,23,273 votes to Joy's 3,21,715": a figure followed by
    // "to" pairs with the other side's figure after it, so the names after it are not its.
    // So does "के सामने", "against": "उनके करीब 8.2 लाख वोटों के सामने मालवीया के करीब 5.7
    // लाख वोट थे".
    let paired = {
        let tail = numbers::lowercase(&sentence[q.end..]);
        let tail = tail.trim_start();
        let tail = ["votes", "vote", "ballots", "वोटों", "वोट", "मतों", "मत"]
            .iter()
            .find_map(|w| tail.strip_prefix(w))
            .unwrap_or(tail)
            .trim_start();
        [
            "to ",
            "against ",
            "versus ",
            "vs ",
            "vs. ",
            "के सामने ",
            "के मुकाबले ",
            "के मुक़ाबले ",
            "की तुलना में ",
            "बनाम ",
        ]
        .iter()
        .any(|w| tail.starts_with(w))
    };
    // "…; शब्दों में, बारह लाख छब्बीस हज़ार से ज़्यादा वोट": a figure restated in words
    // is whose the clause itself says, else anyone's of the page.
    let restated = q.words
        && clause_of(q.start).is_some_and(|k| {
            let clause = numbers::lowercase(&sentence[clauses[k].0..clauses[k].1]);
            ["in words", "शब्दों में"]
                .iter()
                .any(|w| find_word(&clause, w).is_some())
        });
    let who = match clause_of(q.start) {
        Some(k) if restated => {
            let (a, b) = clauses[k];
            let from = named.who.partition_point(|(_, at)| *at < a);
            let to = named.who.partition_point(|(_, at)| *at < b).max(from);
            named.who[from..to].to_vec()
        }
        Some(k) => {
            // `who` is sorted by offset: a clause's names are one slice of it.
            let names_of = |c: usize| {
                let (a, b) = clauses[c];
                let b = if paired && c == k { b.min(q.start) } else { b };
                let from = named.who.partition_point(|(_, at)| *at < a);
                let to = named.who.partition_point(|(_, at)| *at < b).max(from);
                named.who[from..to].to_vec()
            };
            let mut found = Vec::new();
            for c in (k.saturating_sub(3)..=k)
                .rev()
                .filter(|c| *c == k || !parenthetical(&sentence[clauses[*c].0..clauses[*c].1]))
            {
                let names = names_of(c);
                if !names.is_empty() {
                    found = names;
                    break;
                }
                // "In Mumbai South NOTA came third, …, 7,799 more than the VBA; in Mumbai
                // South Central it was fourth, with 13,423": a clause whose subject is a
                // pronoun goes on about the sentence's subject, not the nearest name.
                if subject_pronoun(&sentence[clauses[c].0..clauses[c].1]) {
                    found = (0..c)
                        .map(names_of)
                        .find(|w| !w.is_empty())
                        .unwrap_or_default();
                    break;
                }
            }
            found
        }
        None => named.who.clone(),
    };
    // "Owaisi's 6,61,981 to Latha's 3,23,894", "भाजपा के नीरज त्रिपाठी को 4,30,350": a
    // name joined to the number by 's / को / के is whom it is about, not the clause's others.
    let head = sentence[..q.start].trim_end();
    let joined = ["'s", "’s", " को", " के", " का", " की"]
        .iter()
        .any(|m| head.ends_with(m));
    let who = if joined {
        let near: Vec<(String, usize)> = who
            .iter()
            .filter(|(_, at)| {
                *at < q.start
                    && q.start - *at <= 160
                    && sentence.get(*at..q.start).is_some_and(|t| {
                        t.chars().count() <= 40
                            && !t.chars().any(|c| numbers::ascii_digit(c).is_some())
                    })
            })
            .cloned()
            .collect();
        if near.is_empty() { who } else { near }
    } else {
        who
    };
    Named {
        results,
        mentions: Vec::new(),
        who,
        segments: named.segments.clone(),
        clauses: Vec::new(),
        votes_word: named.votes_word,
        win_word: named.win_word,
        deposit: named.deposit,
        sums: named.sums,
        elsewhere: named.elsewhere,
        seat_mentions: false,
    }
}

/// The percentage a fraction written just before a figure stands for ("one sixth (", "a
/// third, i.e.", "छठा हिस्सा ("), if the text before ends with one.
fn fraction_value_before(before: &str) -> Option<f64> {
    const FRACTIONS: &[(&str, f64)] = &[
        ("one sixth", 100.0 / 6.0),
        ("one-sixth", 100.0 / 6.0),
        ("a sixth", 100.0 / 6.0),
        ("छठा हिस्सा", 100.0 / 6.0),
        ("छठे हिस्से", 100.0 / 6.0),
        ("छठवाँ हिस्सा", 100.0 / 6.0),
        ("half", 50.0),
        ("आधा", 50.0),
        ("आधे", 50.0),
        ("one third", 100.0 / 3.0),
        ("a third", 100.0 / 3.0),
        ("एक-तिहाई", 100.0 / 3.0),
        ("एक तिहाई", 100.0 / 3.0),
        ("two thirds", 200.0 / 3.0),
        ("two-thirds", 200.0 / 3.0),
        ("दो-तिहाई", 200.0 / 3.0),
        ("दो तिहाई", 200.0 / 3.0),
        ("a quarter", 25.0),
        ("one fourth", 25.0),
        ("एक-चौथाई", 25.0),
        ("एक चौथाई", 25.0),
        ("a fifth", 20.0),
        ("one fifth", 20.0),
    ];
    let before = before.trim_end_matches([' ', '(', ',', ':', '-', '–', '—', '=']);
    let before = before
        .strip_suffix("i.e.")
        .or_else(|| before.strip_suffix("यानी"))
        .or_else(|| before.strip_suffix(" or"))
        .unwrap_or(before)
        .trim_end_matches([' ', '(', ',']);
    let lower = numbers::lowercase(before);
    FRACTIONS
        .iter()
        .find(|(w, _)| numbers::word_at_end(&lower, w))
        .map(|(_, v)| *v)
}

/// Whether a clause names its subject by a pronoun ("it was fourth", "वे तीसरे रहे").
fn subject_pronoun(clause: &str) -> bool {
    let lower = numbers::lowercase(clause);
    ["it", "he", "she", "they", "वह", "वे"]
        .iter()
        .any(|w| find_word(&lower, w).is_some())
}

/// Whether `q` is a rounded figure of a sentence that restates figures in lakh ("लाख में
/// कहें तो …", "In lakh, …") or pairs two of them ("4.72 लाख के मुकाबले 4.85 लाख", "5.84
/// lakh against 5.08 lakh", "5.47 लाख बनाम 5.52 लाख").
fn lakh_restatement(sentence: &str, q: &Quoted) -> bool {
    let before = numbers::lowercase(sums::window_before(sentence, q.start));
    let after = numbers::lowercase(sums::window_after(sentence, q.end));
    let restates = ["लाख में", "in lakh", "in lakhs", "lakh-wise"]
        .iter()
        .any(|w| before.contains(w));
    let paired = |t: &str| {
        [
            "against",
            "बनाम",
            "के मुकाबले",
            "के मुक़ाबले",
            "versus",
            " vs ",
            " vs. ",
            " to ",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    let before_near: String = before
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after_near: String = after.chars().take(24).collect();
    restates || paired(&before_near) || paired(&after_near)
}

/// Whether `q` is an end of a range: "between 22.54% and 23.70%", "from 41% to 47%",
/// "22 से 24 प्रतिशत के बीच".
fn in_range(sentence: &str, q: &Quoted) -> bool {
    range_end(sentence, q, true)
}

/// Whether `q` is an end of a range said with "between" ("between 40,000 and 45,000",
/// "43 से 45 हज़ार के बीच"): for counts, "from 88,313" or "1,55,934 से 25,968 तक" is more
/// often a change from one figure to another, which is checked.
fn between_range(sentence: &str, q: &Quoted) -> bool {
    range_end(sentence, q, false)
}

/// The two readings above: with `from_to`, "from … to" and "X से Y" are ranges too.
fn range_end(sentence: &str, q: &Quoted, from_to: bool) -> bool {
    let before = numbers::lowercase(sums::window_before(sentence, q.start).trim_end());
    let after = numbers::lowercase(sums::window_after(sentence, q.end).trim_start());
    if before.ends_with("between")
        || after.starts_with("के बीच")
        || (from_to && before.ends_with("from"))
    {
        return true;
    }
    let joins: &[&str] = if from_to {
        &[" and", " to", " से"]
    } else {
        &[" and"]
    };
    if let Some(join) = joins.iter().find(|j| before.ends_with(**j)) {
        let head = &before[..before.len() - join.len()];
        return numbers::numbers(head).last().is_some_and(|p| {
            let lead = head[..p.start].trim_end();
            lead.ends_with("between") || (from_to && (lead.ends_with("from") || *join == " से"))
        });
    }
    after.starts_with("से") && after.split_whitespace().take(5).any(|w| w == "बीच")
}

/// A clause set off inside a sentence ("…, which fought Trinamool in Bengal, came third"):
/// whom it names is not whom the clauses after it are about.
pub(super) fn parenthetical(clause: &str) -> bool {
    let lower = numbers::lowercase(clause.trim_start_matches([',', ' ', '(', '—', '-']));
    [
        "which ",
        "who ",
        "whose ",
        "whom ",
        "although ",
        "though ",
        "जो ",
        "जिसने ",
        "जिन्होंने ",
        "जिसे ",
        "जिन्हें ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// The forms of a name with a nickname: "राजवीर सिंह (राजू भैया)" → "राजवीर सिंह",
/// "राजू भैया"; "RAJESH RANJAN ALIAS PAPPU YADAV" → "rajesh ranjan", "pappu yadav" (lower
/// case). None for a plain name.
fn name_parts(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let mut parts = Vec::new();
    if let (Some(open), Some(close)) = (lower.find('('), lower.rfind(')'))
        && open < close
    {
        parts.push(lower[..open].trim().to_string());
        parts.push(lower[open + 1..close].trim().to_string());
    }
    for alias in [" उर्फ़ ", " उर्फ ", " alias ", " urf ", " @ "] {
        if let Some(at) = lower.find(alias) {
            parts.push(lower[..at].trim().to_string());
            parts.push(lower[at + alias.len()..].trim().to_string());
        }
    }
    // "डॉ. हेमंत परमार", "Dr. Shashi Tharoor": prose often drops the title.
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    let titles = tokens
        .iter()
        .take_while(|t| TITLES_BEFORE_NAMES.contains(&t.trim_end_matches('.')))
        .count();
    if titles > 0 && tokens.len() >= titles + 2 {
        parts.push(tokens[titles..].join(" "));
    }
    parts.retain(|p| !p.is_empty() && p.split_whitespace().count() >= 1);
    parts
}

/// Titles written before a name that prose may leave out ("कुमारी" is not one: it is part
/// of names such as कुमारी सैलजा).
const TITLES_BEFORE_NAMES: &[&str] = &[
    "डॉ",
    "डॉक्टर",
    "प्रो",
    "प्रोफेसर",
    "प्रोफ़ेसर",
    "श्री",
    "श्रीमती",
    "सुश्री",
    "एडवोकेट",
    "एड",
    "स्व",
    "dr",
    "prof",
    "adv",
    "advocate",
    "shri",
    "sri",
    "smt",
    "mr",
    "mrs",
    "ms",
    "capt",
    "col",
    "late",
];

/// Whether the word at `at` follows a capitalised word of the same name ("YSR Congress",
/// "Kerala Congress"), not a sentence's first word or "The".
fn inside_longer_name(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end_matches([' ', '\u{a0}']);
    if before.len() == sentence[..at].len() {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .next()
        .unwrap_or("");
    let first = word.chars().next();
    let start_of_sentence = before.len() == word.len();
    first.is_some_and(|c| c.is_ascii_uppercase())
        && !start_of_sentence
        && ![
            "The", "A", "An", "In", "For", "And", "But", "Of", "Both", "With",
        ]
        .contains(&word)
}

/// Whether `word` is written in Latin letters (a name word that English prose capitalises).
fn is_latin_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic())
}

/// Whether the word of `sentence` starting at byte `at` begins with a capital.
fn capitalised_at(sentence: &str, at: usize) -> bool {
    sentence
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase)
}

/// "Ajit Pawar's NCP", "Sharadchandra Pawar": a surname after a capitalised first name
/// that is not the candidate's is another person of that family.
fn another_persons_surname(sentence: &str, at: usize, candidate: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "The", "A", "An", "And", "But", "In", "On", "Of", "For", "With", "By", "As", "At", "To",
        "While", "When", "Mr", "Ms", "Mrs", "Dr", "Shri", "Smt", "Sri",
    ];
    let Some(before) = sentence.get(..at).map(str::trim_end) else {
        return false;
    };
    if !before.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    // A first name is capitalised, not in capitals ("EVMs", "BJP" are no one's name).
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().nth(1).is_some_and(|c| c.is_ascii_lowercase())
        && !NOT_NAMES.contains(&word)
        && !candidate
            .split_whitespace()
            .any(|t| t.trim_end_matches('.').eq_ignore_ascii_case(word))
}

/// Clauses of a sentence as byte ranges, cut at commas, semicolons, dashes and "और",
/// "and", "जबकि", "while", "but", "लेकिन".
/// "Rs 25,000", "₹12,500", "रु. 10,000": an amount of money, not a figure of the data.
fn money_before(sentence: &str, q: &Quoted) -> bool {
    let before = numbers::lowercase(sentence[..q.start].trim_end());
    let before = before.trim_end_matches('.');
    ["rs", "inr", "₹", "रु", "रुपये", "रुपए"].iter().any(|m| {
        before.ends_with(m)
            && !before[..before.len() - m.len()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
    })
}

/// "UPPL 39.39%, BPF 35.23%: nearly 40 per cent against just over 35": after a colon, no
/// more figures of one kind than before it, each a rounder form of the one in its place
/// (the figures before the colon are checked themselves).
fn restates_before_colon(sentence: &str, all: &[Quoted], q: &Quoted) -> bool {
    let Some(colon) = sentence[..q.start].rfind(':') else {
        return false;
    };
    let alike = |n: &&Quoted| !n.year && n.measure == q.measure;
    let before: Vec<&Quoted> = all
        .iter()
        .filter(|n| n.end <= colon)
        .filter(alike)
        .collect();
    let after: Vec<&Quoted> = all
        .iter()
        .filter(|n| n.start > colon)
        .filter(alike)
        .collect();
    // "…: nearly 40 per cent against just over 35": the last may drop its unit.
    if before.is_empty() || after.len() > before.len() {
        return false;
    }
    let Some(k) = after.iter().position(|n| n.start == q.start) else {
        return false;
    };
    let said = before[k];
    let near = match q.measure {
        Measure::Count => (said.value - q.value).abs() <= said.value.abs() * 0.05,
        Measure::Percent | Measure::Points => (said.value - q.value).abs() <= 1.0,
    };
    q.step > said.step && near
}

/// Whether the words right after a figure call it the whole ("12,41,496 in all", "कुल
/// मिलाकर", "altogether", "NOTA included").
fn says_whole_next(after: &str) -> bool {
    const WHOLE: &[&str] = &[
        "in all",
        "in total",
        "altogether",
        "all told",
        "combined",
        "together",
        "nota included",
        "including nota",
        "with nota",
        "कुल मिलाकर",
        "मिलाकर",
        "नोटा समेत",
        "नोटा सहित",
        "नोटा मिलाकर",
    ];
    let head: String = after
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let head = numbers::lowercase(&head);
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
    let head = head
        .strip_prefix("votes")
        .or_else(|| head.strip_prefix("वोट"))
        .unwrap_or(head)
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    WHOLE.iter().any(|w| head.starts_with(w))
}

fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    // The words that cut, each between spaces; commas, semicolons and dashes cut alone.
    const CUT_WORDS: [&str; 7] = [
        " और ",
        " and ",
        " जबकि ",
        " while ",
        " but ",
        " लेकिन ",
        " against ",
    ];
    // One pass over the sentence (this is asked of every sentence several times). A cut
    // word is not found again inside its own last match, as `match_indices` would not.
    let mut ends = [0usize; CUT_WORDS.len()];
    let mut cuts: Vec<usize> = Vec::new();
    for (i, b) in sentence.bytes().enumerate() {
        // Every arm below starts at an ASCII byte or a lead byte: a character boundary.
        let rest = || &sentence[i..];
        let cut = match b {
            // "4,22,087": a comma inside a number cuts nothing.
            b',' => !sentence[i + 1..].starts_with(|c: char| numbers::ascii_digit(c).is_some()),
            b';' => true,
            0xE2 => rest().starts_with('—'),
            b' ' => CUT_WORDS.iter().zip(ends.iter_mut()).any(|(w, end)| {
                let found = i >= *end && rest().starts_with(w);
                if found {
                    *end = i + w.len();
                }
                found
            }),
            _ => false,
        };
        if cut {
            cuts.push(i);
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if cut > start {
            out.push((start, cut));
            start = cut;
        }
    }
    out.push((start, sentence.len().max(start + 1)));
    out
}

#[derive(Debug, Clone, Copy)]
enum Bound {
    More,
    Less,
}

/// The words around one number.
pub(super) struct Context {
    vote_word: bool,
    other_noun: bool,
    margin_word: Option<usize>,
    total_word: Option<usize>,
    /// The only total word is "polled" or "voters".
    only_got_word: bool,
    change_word: Option<usize>,
    turnout_word: bool,
    share_word: bool,
    part_word: bool,
    /// The EVM or postal votes the number is said to be ("3,413 postal votes", "ईवीएम पर
    /// शेखावत को 7,30,056 वोट"), when one part word governs it.
    part: Option<Part>,
    /// "1,200 service voters": a count of people on the roll, compared with electors only.
    electors_next: bool,
    /// The number stands without a word of its own after an earlier vote figure of the
    /// sentence ("4,43,055 votes and the Congress's Alok Misra 4,20,087"): a vote figure too.
    elliptic: bool,
    /// "20,968 वोटों से जीते", "won by 20,968": a margin.
    by_votes: bool,
    /// "20,968 वोटों से जीते", "won by 20,968": the margin of a win, nothing else.
    won_by: bool,
    /// "25,882 वोट कम", "25,882 votes fewer": a difference between two figures, a change.
    difference: bool,
    approx: bool,
    bound: Option<Bound>,
    /// "नोटा को 5,559 वोट मिले, जो बसपा के 5,928 वोटों से ज़्यादा थे": the figure before
    /// is said to be more (or less) than this one.
    compared: Option<Bound>,
}

impl Context {
    fn around(sentence: &str, q: &Quoted, named: &Named) -> Context {
        // Windows around the number, lower-cased: never the whole sentence per number (a
        // sentence of 200,000 numbers would take minutes).
        let head = &sentence[..q.start];
        let from = head
            .char_indices()
            .rev()
            .nth(REACH - 1)
            .map_or(0, |(i, _)| i);
        let before = numbers::lowercase(&head[from..]);
        let tail = &sentence[q.end..];
        let to = tail
            .char_indices()
            .nth(REACH)
            .map_or(tail.len(), |(i, _)| i);
        let after = numbers::lowercase(&tail[..to]);
        let next = after.trim_start_matches([' ', '\u{a0}', '(', ')', ',']);
        let starts_next = |w: &&str| numbers::word_at(next, w);
        let ends_before = |w: &&str| {
            let b = before.trim_end();
            b.ends_with(*w)
                && !b[..b.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char)
        };
        // The next few words after the number.
        let next_words: String = next
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        // How near the nearest of `words` stands, before the number or in `after` of it.
        let distance_in = |words: &[&str], after: &str| {
            words
                .iter()
                .flat_map(|w| {
                    let b = find_word_last(&before, w).map(|i| before.len() - i);
                    let a = find_word(after, w);
                    [b, a]
                })
                .flatten()
                .min()
        };
        let distance = |words: &[&str]| distance_in(words, &after);
        // "5,928 वोटों से ज़्यादा", "4 लाख वोटों से कम": the bound comes after the vote word.
        let after_words = ["वोटों ", "वोट ", "मतों ", "मत "]
            .iter()
            .find_map(|v| next.strip_prefix(v))
            .filter(|rest| rest.starts_with("से "))
            .unwrap_or(next);
        // "3.76 लाख वोटों से बड़ी जीत" is a big win by 3.76 lakh, not a win bigger than it.
        let big_win_by = ["से बड़ी", "से बड़ा", "से बड़े"].iter().any(|w| {
            after_words.strip_prefix(w).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with("जीत") || rest.starts_with("विजय")
            })
        });
        let after_words = if big_win_by { "" } else { after_words };
        let compared = comparison_not_bound(&before, after_words).then(|| {
            if MORE_AFTER.iter().any(|w| after_words.starts_with(w)) {
                Bound::More
            } else {
                Bound::Less
            }
        });
        let bound = if compared.is_some() {
            None
        } else if MORE_BEFORE.iter().any(ends_before)
            || MORE_AFTER.iter().any(|w| after_words.starts_with(w))
        {
            Some(Bound::More)
        } else if LESS_BEFORE.iter().any(ends_before)
            || LESS_AFTER.iter().any(|w| after_words.starts_with(w))
        {
            Some(Bound::Less)
        } else {
            None
        };
        Context {
            vote_word: VOTE_WORDS
                .iter()
                .any(|w| find_word(&next_words, w).is_some()),
            other_noun: {
                // "इनमें से 7,078 शेखावत को": a candidate's name after the number is whom
                // the votes went to, not what is counted.
                let next_at = q.end + (after.len() - next.len());
                let to_someone = next
                    .split_whitespace()
                    .skip(1)
                    .take(3)
                    .any(|w| ["को", "के", "की", "का"].contains(&w));
                let names_next = to_someone && named.who.iter().any(|(_, at)| *at == next_at);
                OTHER_NOUNS.iter().any(starts_next) || (counts_a_hindi_noun(next) && !names_next)
            },
            margin_word: {
                // "डाक मतों में भाटी 4,365 पर रहे, सो यहाँ भी बढ़त बेनीवाल की थी": a margin
                // word after the next clause opens is that clause's.
                let clause_after = CLAUSE_OPENERS
                    .iter()
                    .filter_map(|w| after.find(w))
                    .min()
                    .map_or(&after[..], |end| &after[..end]);
                distance_in(MARGIN_NOUNS, clause_after)
                    .into_iter()
                    .chain(distance_in(MARGIN_PHRASES, clause_after))
                    .min()
            },
            total_word: distance(TOTAL_WORDS),
            only_got_word: {
                let others: Vec<&str> = TOTAL_WORDS
                    .iter()
                    .copied()
                    .filter(|w| !GOT_WORDS.contains(w))
                    .collect();
                distance(&others).is_none() && distance(GOT_WORDS).is_some()
            },
            // "rose from 8,24,994 to 8,87,396", "8,24,994 से बढ़कर": the ends of a change,
            // not the change.
            change_word: distance(CHANGE_WORDS).filter(|_| !change_endpoint(&before, next)),
            turnout_word: distance(TURNOUT_WORDS).is_some(),
            share_word: distance(SHARE_WORDS).is_some(),
            part_word: distance(PART_WORDS).is_some(),
            part: {
                // The words of its clause after the number: "921 votes came by post".
                let clause_words: String = next
                    .split([',', ';', ':', '।', '—'])
                    .next()
                    .unwrap_or_default()
                    .split_whitespace()
                    .take(5)
                    .collect::<Vec<_>>()
                    .join(" ");
                part_governing(&before, &clause_words, &after).or_else(|| {
                    // "On the EVMs, Awasthi's lead was …", "डाक मतों में, …": a short
                    // opening phrase says which part the sentence is about (unless a later
                    // clause names another, or the figure's own clause says a whole).
                    let head = numbers::lowercase(head);
                    let (opening, rest) = head.split_once(',')?;
                    let short = opening.split_whitespace().count() <= 4
                        && !opening.chars().any(|c| c.is_ascii_digit());
                    let later = ["ईवीएम", "evm", "evms", "डाक", "postal", "post"]
                        .iter()
                        .any(|w| find_word(rest, w).is_some());
                    if !short || later || rest.chars().any(|c| c.is_ascii_digit()) {
                        return None;
                    }
                    part_governing(opening, "", &after)
                })
            },
            elliptic: false,
            electors_next: next
                .split_whitespace()
                .take(2)
                .any(|w| ELECTOR_WORDS.contains(&w.trim_end_matches(['.', ',', ';', '।']))),
            by_votes: {
                let wins = |t: &str| {
                    WIN_WORDS
                        .iter()
                        .chain(LOSE_WORDS)
                        .chain(DEFEAT_WORDS)
                        .chain(["हराया", "हारे", "हारी", "जीत"].iter())
                        .any(|w| t.contains(w))
                };
                let hindi = VOTE_WORDS.iter().any(|v| {
                    next.strip_prefix(v)
                        .is_some_and(|r| r.trim_start().starts_with("से ") && wins(r))
                }) || next.strip_prefix("से ").is_some_and(|r| {
                    [
                        "जीत",
                        "जीते",
                        "जीती",
                        "जीता",
                        "हारे",
                        "हारी",
                        "हार",
                        "हराया",
                        "हराकर",
                    ]
                    .iter()
                    .any(|w| r.starts_with(w))
                });
                let english = before.trim_end().ends_with(" by") && named.win_word;
                // "172 वोटों से आगे", "led by 172", "a lead of 172": a lead is a margin.
                let ahead = VOTE_WORDS.iter().any(|v| {
                    next.strip_prefix(v).is_some_and(|r| {
                        let r = r.trim_start();
                        ["से आगे", "से पीछे", "की बढ़त", "ahead", "behind"]
                            .iter()
                            .any(|w| r.starts_with(w))
                    })
                });
                let led_by = ["led by", "ahead by", "behind by", "trailed by", "lead of"]
                    .iter()
                    .any(|w| before.trim_end().ends_with(w));
                hindi || english || ahead || led_by
            },
            won_by: {
                let wins = |t: &str| {
                    WIN_WORDS
                        .iter()
                        .chain(DEFEAT_WORDS)
                        .chain(["हराया", "जीत"].iter())
                        .any(|w| t.contains(w))
                };
                // "फिर भी 3,150 से जीत": the vote word left out.
                let bare_win = next.strip_prefix("से ").is_some_and(|r| {
                    ["जीत", "जीते", "जीती", "जीता", "हराया", "हराकर"]
                        .iter()
                        .any(|w| r.starts_with(w))
                });
                bare_win
                    || VOTE_WORDS.iter().any(|v| {
                        next.strip_prefix(v)
                            .is_some_and(|r| r.trim_start().starts_with("से ") && wins(r))
                    })
                    || (before.trim_end().ends_with("won by") && named.win_word)
            },
            difference: {
                let mut words = next_words.split(' ');
                let first = words.next().unwrap_or_default();
                VOTE_WORDS.contains(&first)
                    && words.next().is_some_and(|w| {
                        ["कम", "ज़्यादा", "ज्यादा", "अधिक", "fewer", "more", "less"].contains(&w)
                    })
            },
            approx: APPROX_BEFORE.iter().any(ends_before)
                || APPROX_AFTER.iter().any(|w| next.starts_with(w)),
            bound,
            compared,
        }
    }

    fn total_word_near(&self) -> bool {
        self.total_word.is_some()
    }

    /// Margin, total or change, by the nearest such word.
    fn kind(&self) -> Option<Kind> {
        if self.by_votes {
            return Some(Kind::Margin);
        }
        if self.difference {
            return Some(Kind::Change);
        }
        [
            (self.margin_word, Kind::Margin),
            (self.total_word, Kind::Total),
            (self.change_word.filter(|d| *d < 20), Kind::Change),
        ]
        .into_iter()
        .filter_map(|(d, k)| d.map(|d| (d, k)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
    }
}

/// "1.38 करोड़" for 13,83,838, "88.7 लाख" for 8,87,396: a figure in lakh or crore that is
/// no figure of what its sentence names, but is one at ten or a hundred times less (or
/// more): the unit or the decimal point slipped.
fn unit_slip(q: &Quoted, fits: &[&Fact], sentence: &str) -> Option<String> {
    // Three figures at least ("1.38 करोड़", "88.7 लाख"): "4 लाख" at a tenth is any figure
    // from 35,000 to 45,000.
    let digits_shown = (q.value / q.step).round();
    if q.step < 1e4
        || digits_shown < 100.0
        || q.words
        || fits.iter().any(|f| ratio(q.value, f.value) <= 2.0)
    {
        return None;
    }
    [10.0, 100.0, 0.1, 0.01].into_iter().find_map(|factor| {
        let scaled = Quoted {
            value: q.value / factor,
            step: q.step / factor,
            ..q.clone()
        };
        let f = fits
            .iter()
            .find(|f| !f.approx && f.value >= 1000.0 && scaled.states(f.value))?;
        let times = match factor {
            10.0 => "ten times the data's figure",
            100.0 => "a hundred times the data's figure",
            0.1 => "a tenth of the data's figure",
            _ => "a hundredth of the data's figure",
        };
        Some(format!(
            "{} in the text is {}, {times}: the data says {} for {} (the unit or the decimal point slipped?)",
            quoted_text(sentence, q),
            crate::numfmt::inr_unsigned(q.value as u64),
            show(f.value, f.kind),
            f.label
        ))
    })
}

/// Whether the Hindi word right after a number is a noun it counts ("310 ई-रिक्शा",
/// "600 रैलियाँ"): a figure of votes is followed by a vote word, a unit, a postposition or
/// a verb, never by another noun. Latin words are left to OTHER_NOUNS.
fn counts_a_hindi_noun(next: &str) -> bool {
    const FOLLOWERS: &[&str] = &[
        "लाख",
        "हज़ार",
        "हजार",
        "करोड़",
        "प्रतिशत",
        "फ़ीसदी",
        "फीसदी",
        "फ़ीसद",
        "फीसद",
        "अंक",
        "अंकों",
        "से",
        "को",
        "का",
        "की",
        "के",
        "में",
        "पर",
        "तक",
        "था",
        "थी",
        "थे",
        "है",
        "हैं",
        "हो",
        "ही",
        "भी",
        "और",
        "या",
        "यानी",
        "ने",
        "रहा",
        "रही",
        "रहे",
        "रह",
        "मिले",
        "मिला",
        "मिली",
        "मिलीं",
        "पाए",
        "पाकर",
        "पाई",
        "पाईं",
        "हासिल",
        "ज़्यादा",
        "ज्यादा",
        "अधिक",
        "कम",
        "वैध",
        "कुल",
        "डाक",
        "ईवीएम",
        "नोटा",
        "अंतर",
        "अन्तर",
        "लगभग",
        "करीब",
        "क़रीब",
        "बढ़त",
        "आगे",
        "पीछे",
        "जबकि",
        "लेकिन",
        "पड़े",
        "पड़ा",
        "आए",
        "आईं",
        "गए",
        "गईं",
        "गिने",
        "डाले",
        "मतदाता",
        "मतदाताओं",
    ];
    // "6.31 लाख बैठते हैं": what figures work out to.
    const FOLLOWER_STARTS: &[&str] = &["वोट", "मत", "बढ़", "घट", "जीत", "हार", "बैठ"];
    let word = next
        .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '।')
        .next()
        .unwrap_or_default();
    word.chars().any(|c| ('\u{900}'..='\u{97f}').contains(&c))
        && !FOLLOWERS.contains(&word)
        && !FOLLOWER_STARTS.iter().any(|w| word.starts_with(w))
}

/// Whether a number's clause (lower case) makes it a sum the editor made
/// (`SUM_CLAUSE_WORDS`); "the gap between them" is a difference, not a sum.
fn sum_clause(clause: &str) -> bool {
    SUM_CLAUSE_WORDS.iter().any(|w| {
        find_words(clause, w, 4).into_iter().any(|at| {
            *w != "between them"
                || !["gap", "margin", "difference", "lead", "distance"]
                    .iter()
                    .any(|g| clause[..at].trim_end().ends_with(g))
        })
    })
}

/// Words in a number's clause that make it a sum the editor made.
const SUM_CLAUSE_WORDS: &[&str] = &[
    "together",
    "मिलकर",
    "combined",
    "between them",
    "मिलाकर",
    "जोड़कर",
    "बाक़ी",
    "बाकी",
    "the other",
    "the rest",
    "the remaining",
];

/// Words between the two figures of a pair ("5,652 to 4,778", "5,652 बनाम 4,778").
const PAIR_WORDS: &[&str] = &[
    "to",
    "vs",
    "vs.",
    "versus",
    "against",
    "बनाम",
    "के मुक़ाबले",
    "के मुकाबले",
];

/// Words that say a bound holds for each of the people a sentence names ("both got over
/// 4.6 lakh").
const EACH_WORDS: &[&str] = &["both", "each", "दोनों", "each of them", "all three", "तीनों"];

/// Where a seat's name stands written in the other script ("कांकेर" for KANKER): words of
/// the sentence with the consonant skeletons of the name's words (three consonants at least
/// in all, so that short words do not pass for a seat).
fn seat_in_other_script(sentence: &str, lower: &str, forms: &[String]) -> Option<usize> {
    let form = forms.last()?;
    let wanted: Vec<String> = form
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(fold::skeleton)
        .collect();
    if wanted.is_empty() || wanted.iter().any(|w| w.is_empty()) {
        return None;
    }
    // A short skeleton ("Amethi" is m-t) only as a capitalised Latin word, or a Hindi
    // word that is not a common one.
    let short = wanted.iter().map(|w| w.chars().count()).sum::<usize>() < 3;
    let latin = |t: &str| t.chars().any(|c| c.is_ascii_alphabetic());
    let words: Vec<(usize, &str)> = sentence_words(lower);
    words
        .windows(wanted.len())
        .find(|win| {
            win.iter().zip(&wanted).all(|((at, w), s)| {
                let written = if latin(w) {
                    !short
                        || sentence
                            .get(*at..)
                            .and_then(|t| t.chars().next())
                            .is_some_and(char::is_uppercase)
                } else {
                    !short || !COMMON_SHORT_WORDS.contains(w)
                };
                latin(w) != latin(form) && fold::skeleton(w) == *s && written
            })
        })
        .map(|win| win[0].0)
}

/// "Both got over 4.6 lakh.", "दोनों को …": a sentence whose subject is "both" is about
/// the people the sentence before named.
fn starts_with_both(lower: &str) -> bool {
    let first = lower
        .trim_start_matches(|c: char| !is_word_char(c))
        .split(|c: char| !is_word_char(c))
        .next()
        .unwrap_or_default();
    ["both", "दोनों"].contains(&first)
}

/// Words that make a figure in a sentence about the deposit the votes needed to keep it
/// ("इसके लिए 1,87,297 वोट चाहिए थे", "so the line fell at 1,80,622").
const DEPOSIT_LINE_WORDS: &[&str] = &[
    "चाहिए",
    "ज़रूरी",
    "जरूरी",
    "सीमा",
    "रेखा",
    "लकीर",
    "needed",
    "required",
    "line",
    "threshold",
    "cut-off",
    "cutoff",
];

/// Words that make a figure near the deposit line a distance from it.
const DEPOSIT_GAP_WORDS: &[&str] = &[
    "रेखा से",
    "सीमा से",
    "लकीर से",
    "दूर",
    "पीछे",
    "line by",
    "from the line",
    "short of",
    "above",
    "below",
    "cleared",
    "missed",
    "more",
    "short by",
    "और चाहिए",
];

/// Words of a sentence about the deposit (RP Act s.158).
const DEPOSIT_WORDS: &[&str] = &[
    "ज़मानत",
    "जमानत",
    "deposit",
    "छठा हिस्सा",
    "छठे हिस्से",
    "one sixth",
    "one-sixth",
];

/// Whether `a` is `b` with one digit changed ("4,58,185" for 4,53,185).
fn one_digit_changed(a: u64, b: u64) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    a.len() == b.len() && a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() == 1
}

/// Whether `a` is `b` with two neighbouring digits exchanged.
fn swapped_neighbours(a: u64, b: u64) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    if a.len() != b.len() || a == b {
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let diff: Vec<usize> = (0..a.len()).filter(|i| a[*i] != b[*i]).collect();
    diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
}

/// Whether a sentence adds figures up ("दोनों बड़े दलों को मिलाकर 97 प्रतिशत"): a sum the
/// editor made is not a figure of the data.
fn sums(starts: &WordStarts) -> bool {
    const SUM_WORDS: &[&str] = &[
        "मिलाकर",
        "दोनों",
        "together",
        "combined",
        "both",
        "between them",
        "सभी",
        "all parties",
    ];
    SUM_WORDS.iter().any(|w| starts.find(w).is_some())
}

/// "दूसरे और तीसरे स्थान के बीच", "between the second and third": a clause that names
/// two places after the first and none of the first is about the gap between them, which
/// no figure of the data is (the margin is the first's over the second).
fn gap_between_places(lower: &str) -> bool {
    const FIRST: &[&str] = &["पहले", "पहला", "first", "winner", "विजेता", "जीते", "won"];
    const LATER: &[&str] = &[
        "दूसरे",
        "दूसरा",
        "तीसरे",
        "तीसरा",
        "चौथे",
        "चौथा",
        "पाँचवें",
        "पांचवें",
        "second",
        "third",
        "fourth",
        "fifth",
        "runner-up",
        "उपविजेता",
    ];
    let later = LATER
        .iter()
        .filter(|w| find_word(lower, w).is_some())
        .count();
    later >= 2 && !FIRST.iter().any(|w| find_word(lower, w).is_some())
}

/// Words that name an alliance of parties: its figures are sums of its parties', which
/// the data holds one by one ("INDIA गठबंधन के हिसाब से बढ़त 4.71 अंक").
const ALLIANCE_WORDS: &[&str] = &["गठबंधन", "alliance", "महागठबंधन", "combine"];

/// Whether the clause of a number names an alliance.
fn alliance_clause(sentence: &str, q: &Quoted) -> bool {
    let clause = numbers::lowercase(clause_around(sentence, q));
    ALLIANCE_WORDS
        .iter()
        .any(|w| find_word(&clause, w).is_some())
}

/// "नोटा को 5,559 वोट मिले, जो बसपा के 5,928 वोटों से ज़्यादा थे": the text's own two
/// figures contradict its word.
fn compared_claim(sentence: &str, first: &Quoted, then: &Quoted, bound: Bound) -> Option<String> {
    if first.measure != then.measure {
        return None;
    }
    let wrong = match bound {
        Bound::More => first.value <= then.value,
        Bound::Less => first.value >= then.value,
    };
    let word = match bound {
        Bound::More => "more",
        Bound::Less => "less",
    };
    let is = if first.value == then.value {
        "they are equal"
    } else if first.value < then.value {
        "it is less"
    } else {
        "it is more"
    };
    wrong.then(|| {
        format!(
            "the text says {} is {word} than {}, but {is}: check the figures or the comparison",
            quoted_text(sentence, first),
            quoted_text(sentence, then),
        )
    })
}

/// The EVM or postal part a number is said to be: a part word among the three words after
/// it ("3,413 postal votes", "2,284 डाक मत"), or before it in its clause with no other
/// number between ("On EVMs Owaisi polled …", "of which postal 3,100"). Both parts named,
/// or "सहित", "including", "together": a total, not a part.
fn part_governing(before: &str, next_words: &str, after: &str) -> Option<Part> {
    // "On the machines Gomar polled 2,57,936": EVM_NAMES.
    const EVM: &[&str] = EVM_NAMES;
    const POSTAL: &[&str] = POSTAL_NAMES;
    const WHOLE: &[&str] = &[
        "सहित",
        "समेत",
        "मिलाकर",
        "जोड़कर",
        "शामिल",
        "including",
        "included",
        "together",
        "combined",
        "plus",
    ];
    let part_of = |t: &str| {
        let evm = EVM.iter().any(|w| find_word(t, w).is_some());
        let postal = POSTAL.iter().any(|w| find_word(t, w).is_some());
        match (evm, postal) {
            (true, false) => Some(Part::Evm),
            (false, true) => Some(Part::Postal),
            _ => None,
        }
    };
    if WHOLE
        .iter()
        .any(|w| find_word(before, w).is_some() || find_word(after, w).is_some())
    {
        return None;
    }
    // "कुल 11,36,892 वैध वोटों में से ईवीएम के …", "9,05,656 votes, of which …": the
    // whole the parts are taken from.
    let parts_follow = ["में से", "of which", "of these"].iter().any(|w| {
        next_words.contains(w)
            || after
                .split([',', ';', '।'])
                .next()
                .is_some_and(|c| c.contains(w))
    });
    if parts_follow {
        return None;
    }
    // "EVMs accounted for 10,39,041 and postal ballots for 8,618": the words after a
    // joining word are the next figure's.
    let joined = [
        "and",
        "और",
        "while",
        "जबकि",
        "but",
        "लेकिन",
        "against",
        "to",
        "vs",
    ]
    .iter()
    .any(|w| numbers::word_at(next_words.trim_start(), w));
    if !joined && let Some(p) = part_of(next_words) {
        return Some(p);
    }
    // Only the words since the last clause break or number before this one.
    let cut = before
        .char_indices()
        .filter(|(_, c)| matches!(c, ',' | ';' | ':' | '।' | '—') || c.is_ascii_digit())
        .map(|(i, c)| i + c.len_utf8())
        .chain(
            ["और", "and", "while", "जबकि", "but", "लेकिन", "against"]
                .iter()
                .filter_map(|w| find_word_last(before, w).map(|i| i + w.len())),
        )
        .max()
        .unwrap_or(0);
    part_of(&before[cut..])
}

/// The clause a number stands in: from the comma, semicolon or dash before it to the one
/// after it (only the characters of that clause are read).
pub(super) fn clause_around<'s>(sentence: &'s str, q: &Quoted) -> &'s str {
    let cut = |c: char| matches!(c, ',' | ';' | ':' | '।' | '—');
    // At most CLAUSE_REACH characters each side: a sentence of many numbers stays linear.
    let window_start = sentence[..q.start]
        .char_indices()
        .rev()
        .nth(CLAUSE_REACH)
        .map_or(0, |(i, _)| i);
    let window_end = sentence[q.end..]
        .char_indices()
        .nth(CLAUSE_REACH)
        .map_or(sentence.len(), |(i, _)| q.end + i);
    let from = sentence[window_start..q.start]
        .char_indices()
        .rev()
        .map(|(i, c)| (window_start + i, c))
        .find(|(i, c)| {
            cut(*c)
                && !(*c == ','
                    && sentence[i + 1..].starts_with(|d: char| numbers::ascii_digit(d).is_some()))
        })
        .map_or(window_start, |(i, c)| i + c.len_utf8());
    let to = sentence[q.end..window_end]
        .char_indices()
        .find(|(i, c)| {
            cut(*c)
                && !(*c == ','
                    && sentence[q.end + i + 1..]
                        .starts_with(|d: char| numbers::ascii_digit(d).is_some()))
        })
        .map_or(window_end, |(i, _)| q.end + i);
    &sentence[from..to]
}

/// How far a clause is looked for around a number, in characters.
const CLAUSE_REACH: usize = 160;

/// Whether a number is an end of a change rather than the change: "from 8,24,994",
/// "rose to 8,87,396", "8,24,994 से बढ़कर", "बढ़कर 8,87,396".
fn change_endpoint(before: &str, next: &str) -> bool {
    let b = before.trim_end();
    let word_before = b.rsplit(char::is_whitespace).next().unwrap_or_default();
    ["from", "to", "बढ़कर", "घटकर"].contains(&word_before)
        || ["से बढ़कर", "से घटकर", "to ", "से बढ़ कर", "से घट कर"]
            .iter()
            .any(|w| next.starts_with(w))
}

/// Whether nothing after a number says what it counts: the clause or sentence ends, or
/// "and", "in 2024", "against" follows ("… 4,43,055 votes and Alok Misra 4,20,087.").
fn stands_bare(next: &str) -> bool {
    let word = next
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    next.is_empty()
        || next.starts_with(['.', ',', ';', ':', '।', ')', '|', '!', '?'])
        || [
            "in",
            "and",
            "against",
            "vs",
            "में",
            "और",
            "जबकि",
            "while",
            "but",
            "लेकिन",
        ]
        .contains(&word)
}

/// "…, जो 2019 के 61.2 प्रतिशत से कम है": the number is what another figure is compared
/// with ("which is less than 61.2 %"), a figure in its own right, not a bound.
fn comparison_not_bound(before: &str, after: &str) -> bool {
    // Only the number's own clause: "यह अंतर 1.56 लाख था, यानी दो लाख से ज़्यादा" bounds.
    let clause = before
        .rfind([',', ';', '।'])
        .map_or(before, |i| &before[i + 1..]);
    let clause = clause.rfind("यानी").map_or(clause, |i| &clause[i..]);
    let relative = ["जो ", "जोकि ", "यह ", "ये ", "which "]
        .iter()
        .any(|w| clause.contains(w));
    let predicate = MORE_AFTER
        .iter()
        .chain(LESS_AFTER)
        .filter_map(|w| after.strip_prefix(w))
        .any(|rest| {
            let rest = rest.trim_start();
            rest.is_empty()
                || rest.starts_with('।')
                || ["है", "हैं", "था", "थी", "थे"]
                    .iter()
                    .any(|v| numbers::word_at(rest, v))
        });
    relative && predicate
}

/// The figure nearest `value`; between two equally near, the one the sentence names.
fn nearest_figure<'f>(
    value: f64,
    figures: impl Iterator<Item = &'f Fact>,
    named: &Named,
) -> Option<&'f Fact> {
    figures.min_by(|a, b| {
        ratio(value, a.value)
            .total_cmp(&ratio(value, b.value))
            .then_with(|| preference(a, named).cmp(&preference(b, named)))
    })
}

/// Between two equally near figures, the one that is about what the sentence names: a
/// party's own figure when only the party is named, a candidate's when the candidate is.
fn preference(f: &Fact, named: &Named) -> (usize, usize) {
    let matched = f
        .who
        .iter()
        .filter(|w| named.who.iter().any(|(n, _)| n == *w))
        .count();
    let extra = f.who.len() - matched;
    (extra, usize::MAX - matched)
}

/// Words of a text with their byte offsets.
fn sentence_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// How far apart two positive figures are, as a factor ≥ 1.
fn ratio(a: f64, b: f64) -> f64 {
    let (a, b) = (a.abs().max(1e-9), b.abs().max(1e-9));
    if a > b { a / b } else { b / a }
}

fn show(value: f64, kind: Kind) -> String {
    match kind {
        Kind::Share | Kind::Turnout => crate::numfmt::pct(value),
        Kind::Points => format!("{} points", crate::numfmt::signed(value, 2)),
        _ => inr_unsigned(value.round().max(0.0) as u64),
    }
}

fn quoted_text<'s>(sentence: &'s str, q: &Quoted) -> &'s str {
    sentence[q.start..q.end].trim()
}

/// Byte offset of the word `w` in `text` (not inside a longer word), if any.
fn find_word(text: &str, w: &str) -> Option<usize> {
    if w.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(at) = find_from(text, w, from) {
        let before_ok = !text[..at].chars().next_back().is_some_and(is_word_char);
        if before_ok && ends_word(text, at, w) {
            return Some(at);
        }
        from = at + w.len();
    }
    None
}

/// Whether `w`, found at `at` in `text`, is not the start of a longer word ("कांग्रेसी" and
/// "वोटों" still count: a Hindi ending leaves the word the same).
fn ends_word(text: &str, at: usize, w: &str) -> bool {
    let rest = &text[at + w.len()..];
    !rest.chars().next().is_some_and(is_word_char)
        || w.chars().last().is_some_and(|c| !c.is_alphanumeric())
        || is_hindi_suffix(rest)
}

/// Where the words of one sentence start, by their first character: `find_word` for the
/// many names and words asked of one sentence, each looked up where a word starts with
/// its first character instead of searched for along the sentence. Also which bytes the
/// sentence has: most words asked of it are not in it, and most of those have a byte it
/// lacks (a Devanagari letter's third byte tells it apart), which answers without a search.
pub(super) struct WordStarts<'t> {
    pub(super) text: &'t str,
    /// The words of the text with their offsets (`sentence_words`), cut once for all who
    /// read them.
    pub(super) words: Vec<(usize, &'t str)>,
    /// Bit `b` set: the byte `b` is in `text`.
    bytes: [u64; 4],
    /// (first character, offset) of every word, sorted: the words of one first character
    /// are one run, in the order they stand (one allocation a sentence, where a map of
    /// lists made one per letter and hashed every lookup).
    by_first: Vec<(char, usize)>,
}

impl<'t> WordStarts<'t> {
    fn new(text: &'t str) -> Self {
        let words = sentence_words(text);
        let mut by_first: Vec<(char, usize)> = words
            .iter()
            .filter_map(|&(at, w)| Some((w.chars().next()?, at)))
            .collect();
        by_first.sort_unstable();
        let mut bytes = [0u64; 4];
        for b in text.bytes() {
            bytes[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        WordStarts {
            text,
            words,
            by_first,
            bytes,
        }
    }

    /// Whether every byte of `w` is in the text: false, and `w` is nowhere in it.
    fn may_hold(&self, w: &str) -> bool {
        w.bytes()
            .all(|b| self.bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }

    /// `has(text, w)`: whether `w` is anywhere in the text (`str::contains`).
    pub(super) fn has(&self, w: &str) -> bool {
        self.may_hold(w) && has(self.text, w)
    }

    /// `find_word(text, w)`, without a list made for the answer (most words asked of a
    /// sentence are not in it).
    pub(super) fn find(&self, w: &str) -> Option<usize> {
        if !self.may_hold(w) {
            return None;
        }
        let first = w.chars().next()?;
        if !is_word_char(first) {
            return find_word(self.text, w);
        }
        self.starting_with(first)
            .find(|&at| self.text[at..].starts_with(w) && ends_word(self.text, at, w))
    }

    /// Offsets of the words that start with `first`, in the order they stand.
    fn starting_with(&self, first: char) -> impl Iterator<Item = usize> + '_ {
        let run = self.by_first.partition_point(|(c, _)| *c < first);
        self.by_first[run..]
            .iter()
            .take_while(move |(c, _)| *c == first)
            .map(|(_, at)| *at)
    }

    /// `find_words(text, w, limit)`: up to `limit` offsets, none overlapping.
    fn find_all(&self, w: &str, limit: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.find_all_into(w, limit, &mut out);
        out
    }

    /// `find_all`, added to `out` (a list the caller keeps for many words).
    fn find_all_into(&self, w: &str, limit: usize, out: &mut Vec<usize>) {
        if !self.may_hold(w) {
            return;
        }
        let Some(first) = w.chars().next() else {
            return;
        };
        if !is_word_char(first) {
            out.extend(find_words(self.text, w, limit));
            return;
        }
        let mut found = 0;
        let mut from = 0;
        for at in self.starting_with(first) {
            if found == limit {
                break;
            }
            if at >= from && self.text[at..].starts_with(w) && ends_word(self.text, at, w) {
                out.push(at);
                found += 1;
                from = at + w.len();
            }
        }
    }
}

/// Byte offset of the first `w` in `text` at or after `from`. Like `text[from..].find(w)`,
/// which sets up a two-way searcher for every call: the prose check asks for a few hundred
/// short words and names in every sentence of a page, and that setup was a tenth of a cold
/// build. Searching for the needle's first character (memchr) and comparing there is
/// quicker on sentences of a few hundred bytes.
fn find_from(text: &str, w: &str, from: usize) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), w.as_bytes());
    if needle.is_empty() {
        return Some(from);
    }
    if hay.len() < from + needle.len() {
        return None;
    }
    // The byte searched for: a Devanagari letter's first two bytes are shared by the
    // whole script, its third tells it apart.
    let k = if needle[0] >= 0x80 && needle.len() >= 3 {
        2
    } else {
        0
    };
    let probe = needle[k];
    let mut at = from;
    let last = hay.len() - needle.len();
    while at <= last {
        let i = memchr::memchr(probe, &hay[at + k..=last + k])?;
        let start = at + i;
        // Both are UTF-8 and the needle starts a character: a whole match starts on a
        // character boundary.
        if &hay[start..start + needle.len()] == needle {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Whether `text` holds `w` (`str::contains`, searched as `find_from` does).
fn has(text: &str, w: &str) -> bool {
    find_from(text, w, 0).is_some()
}

/// "वोटों", "कांग्रेस" + "ी": Hindi endings that leave a word the same word.
fn is_hindi_suffix(rest: &str) -> bool {
    ["ों", "ो", "ी", "े"]
        .iter()
        .any(|s| rest.starts_with(s) && !rest[s.len()..].chars().next().is_some_and(is_word_char))
}

/// How many mentions of one name in one sentence are noted.
const MENTIONS_LIMIT: usize = 10_000;

/// Offsets of up to `limit` occurrences of the word `w` in `text`.
fn find_words(text: &str, w: &str, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < limit
        && let Some(i) = find_word(&text[from..], w)
    {
        out.push(from + i);
        from += i + w.len();
    }
    out
}

fn find_word_last(text: &str, w: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(i) = find_word(&text[from..], w) {
        last = Some(from + i);
        from += i + w.len();
    }
    last
}

/// A sentence with every run of spaces, tabs and line breaks as one space ("चौथे\nस्थान",
/// "को  20,968", a prose comment inside a phrase), and where each of its bytes was in the
/// text, so that a line is still reported where the number stands.
struct Flat {
    /// None when the sentence has no such run: it is read as it is.
    text: Option<String>,
    /// Byte offset in the text of each byte of `text` (and one past the end).
    origin: Vec<usize>,
}

impl Flat {
    fn new(raw: &str) -> Self {
        let needs = raw.contains(['\n', '\r', '\t']) || raw.contains("  ");
        if !needs {
            return Flat {
                text: None,
                origin: Vec::new(),
            };
        }
        let mut text = String::with_capacity(raw.len());
        let mut origin = Vec::with_capacity(raw.len() + 1);
        let mut last_space = false;
        for (i, c) in raw.char_indices() {
            let space = matches!(c, ' ' | '\n' | '\r' | '\t');
            if space && last_space {
                continue;
            }
            last_space = space;
            let c = if space { ' ' } else { c };
            for k in 0..c.len_utf8() {
                origin.push(i + k);
            }
            text.push(c);
        }
        origin.push(raw.len());
        Flat {
            text: Some(text),
            origin,
        }
    }

    /// Where the byte at `at` of the flattened sentence is in the raw one.
    fn original(&self, at: usize) -> usize {
        if self.text.is_none() {
            return at;
        }
        self.origin.get(at).copied().unwrap_or(at)
    }
}

/// Where a text's paragraphs part (blank lines), to tell which paragraph an offset is in
/// without counting from the start each time.
struct Paragraphs {
    breaks: Vec<usize>,
}

impl Paragraphs {
    fn new(text: &str) -> Self {
        Paragraphs {
            breaks: text.match_indices("\n\n").map(|(i, _)| i).collect(),
        }
    }

    /// How many blank lines stand wholly before `offset`.
    fn of(&self, offset: usize) -> usize {
        self.breaks.partition_point(|b| b + 2 <= offset)
    }
}

/// Sentences as byte ranges: ended by । ? ! , a full stop before a space, a blank line,
/// or a line that starts a heading, list item or table row.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|(_, c)| *c);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let end = match c {
            '।' | '?' | '!' | '|' => true,
            '.' => {
                // "Kanpur Cantt. gave the Congress …": an English sentence starts with a
                // capital, so a full stop before a lower-case word ends an abbreviation.
                let next_word = text[i + 1..].trim_start().chars().next();
                next.is_none_or(char::is_whitespace)
                    && !prev.is_some_and(|p| p.is_ascii_digit() && next.is_none())
                    && !next_word.is_some_and(|c| c.is_ascii_lowercase())
            }
            '\n' => {
                let rest = text[i + 1..].trim_start_matches([' ', '\t']);
                next == Some('\n')
                    || rest.starts_with(['#', '-', '*', '|', '>'])
                    || list_number(rest)
                    || text[start..i].trim_start().starts_with('#')
            }
            _ => false,
        };
        if end {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether a line starts with the number of a numbered list ("1. ", "12) "): only then
/// does a line break before a digit end a sentence (a figure wrapped onto the next line,
/// "more than\n8.4 lakh of the votes", is the same sentence).
fn list_number(line: &str) -> bool {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

#[cfg(test)]
mod tests;
