//! The election data an article carries, as written in front matter or in data/*.toml.
//!
//! These are input types: they keep the source spans (`Spanned`) so that every check can
//! name the line of the value it is about. `check` validates them and `derive` turns them
//! into the figures templates and prose quote.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One `[[results]]` table: the result of one election in one constituency.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultInput {
    /// How charts and prose refer to it (`results.ls2024.margin`); unique per page.
    pub id: Spanned<String>,
    /// Label for legends and tables, e.g. "लोकसभा 2024".
    pub election: Spanned<String>,
    pub year: Spanned<i64>,
    pub constituency: Spanned<String>,
    #[serde(default)]
    pub state: Option<Spanned<String>>,
    /// Assembly segments in the order charts show them: names, or `{ name = "कैंट", ac = 216 }`
    /// with the assembly-constituency number that matches a segment across elections.
    #[serde(default)]
    pub segments: Option<Spanned<Vec<Spanned<SegmentInput>>>>,
    /// Registered electors, for turnout.
    #[serde(default)]
    pub electors: Option<Spanned<toml::Value>>,
    /// Total votes polled as ECI reports them (EVM and postal, rejected postal ballots
    /// included): the numerator of ECI's turnout.
    #[serde(default)]
    pub polled: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub source: Option<Spanned<SourceInput>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    /// `false` when the source names only some candidates (a report giving one party's
    /// figure): no winner, margin, ranks or shares are derived from such a result.
    #[serde(default = "complete_by_default")]
    pub complete: bool,
    /// Reserved seat: "SC" or "ST" (none for a general seat).
    #[serde(default)]
    pub reserved: Option<Spanned<String>>,
    /// The only candidate was elected unopposed: there was no poll, so no candidate has
    /// votes (Surat 2024). Never write zero votes for such a seat.
    #[serde(default)]
    pub uncontested: bool,
    /// `"counting"` while votes are being counted, `"declared"` once the result is
    /// declared (the default). See `status`.
    #[serde(default)]
    pub status: Option<Spanned<String>>,
    /// The latest round counted, and how many rounds the count has.
    #[serde(default)]
    pub round: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub rounds: Option<Spanned<toml::Value>>,
    /// When the figures were taken: a TOML time with its zone, `2024-06-04T14:30:00+05:30`.
    #[serde(default)]
    pub updated: Option<Spanned<toml::Value>>,
    /// Where `chunav import` took the figures from; `check` re-reads these files.
    #[serde(default)]
    pub imported: Vec<Spanned<ImportedInput>>,
    #[serde(default)]
    pub candidates: Vec<Spanned<CandidateInput>>,
}

/// One `[[results.imported]]` table: a source file `chunav import` read for this result.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedInput {
    /// Relative to the site root (may start with `../`).
    pub file: String,
    /// SHA-256 of the file's bytes at import time, hex.
    pub sha256: String,
    /// The layout it was read as, e.g. "eci-country".
    pub format: String,
    /// The seat as the file names it, e.g. "UTTAR PRADESH 43 KANPUR".
    pub seat: String,
    /// The file lines of the rows used, e.g. "6650-6661".
    pub rows: String,
    /// For a segment file: the assembly segment numbers, in the order of `segments`.
    #[serde(default)]
    pub segments: Vec<u32>,
}

/// A citation: `source = "ECI Form 21"` or `source = { text = "…", url = "…" }`.
///
/// Deserialized by hand rather than as an untagged enum: serde buffers untagged input,
/// which loses toml's spans and turns every mistake into "did not match any variant".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInput {
    pub text: String,
    pub url: Option<String>,
}

impl<'de> Deserialize<'de> for SourceInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SourceVisitor)
    }
}

struct SourceVisitor;

impl<'de> serde::de::Visitor<'de> for SourceVisitor {
    type Value = SourceInput;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(r#"a citation: "ECI Form 21" or { text = "…", url = "https://…" }"#)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SourceInput, E> {
        Ok(SourceInput {
            text: text.to_string(),
            url: None,
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SourceInput, A::Error> {
        use serde::de::Error;
        let mut text = None;
        let mut url = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "text" => text = Some(map.next_value::<String>()?),
                "url" => url = Some(map.next_value::<String>()?),
                other => return Err(A::Error::unknown_field(other, &["text", "url"])),
            }
        }
        let text = text.ok_or_else(|| A::Error::missing_field("text"))?;
        Ok(SourceInput { text, url })
    }
}

/// One entry of `segments`: `"कैंट"` or `{ name = "कैंट", ac = 216 }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentInput {
    pub name: String,
    /// The assembly constituency's number (ECI's AC number).
    pub ac: Option<i64>,
}

impl<'de> Deserialize<'de> for SegmentInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SegmentVisitor)
    }
}

struct SegmentVisitor;

impl<'de> serde::de::Visitor<'de> for SegmentVisitor {
    type Value = SegmentInput;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(r#"a segment: "कैंट" or { name = "कैंट", ac = 216 }"#)
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<SegmentInput, E> {
        Ok(SegmentInput {
            name: name.to_string(),
            ac: None,
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SegmentInput, A::Error> {
        use serde::de::Error;
        let mut name = None;
        let mut ac = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "name" => name = Some(map.next_value::<String>()?),
                "ac" => ac = Some(map.next_value::<i64>()?),
                other => return Err(A::Error::unknown_field(other, &["name", "ac"])),
            }
        }
        let name = name.ok_or_else(|| A::Error::missing_field("name"))?;
        Ok(SegmentInput { name, ac })
    }
}

/// One `[[results.candidates]]` table. Vote fields stay `toml::Value` until checked, so
/// that "4,22,087" written as a string gives a message about that field rather than a
/// bare serde type error for the whole table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateInput {
    pub name: Spanned<String>,
    /// A key of `[parties]` in site.toml; `NOTA` for None of the Above.
    pub party: Spanned<String>,
    /// Absent only in an `uncontested` result.
    #[serde(default)]
    pub votes: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub postal: Option<Spanned<toml::Value>>,
    /// Segment name → votes.
    #[serde(default)]
    pub by_segment: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
    /// The figure is a "more than" figure from the source, never to be shown as exact.
    #[serde(default)]
    pub approx: bool,
    /// The source says this candidate won: only in a result that does not list every
    /// candidate (`complete = false`), where the winner cannot follow from the votes.
    #[serde(default)]
    pub elected: Option<Spanned<bool>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

/// A file `data/NAME.toml`: results shared by several pages, in the same schema as the
/// `[[results]]` of front matter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFileInput {
    #[serde(default)]
    pub results: Vec<ResultInput>,
}

fn complete_by_default() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<DataFileInput, toml::de::Error> {
        toml::from_str(text)
    }

    const BASE: &str =
        "[[results]]\nid = \"a\"\nelection = \"x\"\nyear = 2024\nconstituency = \"k\"\n";

    #[test]
    fn source_as_text_or_table_keeps_its_span() {
        let file = parse(&format!("{BASE}source = \"ECI Form 21\"\n")).expect("parses");
        let source = file.results[0].source.as_ref().expect("source");
        assert_eq!(source.get_ref().text, "ECI Form 21");
        assert_eq!(source.get_ref().url, None);
        assert!(source.span().start > 0);

        let file = parse(&format!(
            "{BASE}source = {{ text = \"ECI\", url = \"https://eci.gov.in\" }}\n"
        ))
        .expect("parses");
        let source = file.results[0].source.as_ref().expect("source");
        assert_eq!(source.get_ref().url.as_deref(), Some("https://eci.gov.in"));
    }

    #[test]
    fn source_with_an_unknown_key_names_it() {
        let err = parse(&format!("{BASE}source = {{ txt = \"ECI\" }}\n")).expect_err("rejected");
        assert!(
            err.message().contains("unknown field `txt`"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn vote_fields_stay_raw_until_checked() {
        let text = format!(
            "{BASE}[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = \"4,22,087\"\nby_segment = {{ \"कैंट\" = 1.5 }}\n"
        );
        let file = parse(&text).expect("parses");
        let candidate = file.results[0].candidates[0].get_ref();
        assert_eq!(
            candidate.votes.as_ref().expect("votes").get_ref().as_str(),
            Some("4,22,087")
        );
        let by_segment = candidate.by_segment.as_ref().expect("by_segment").get_ref();
        let (name, votes) = by_segment.iter().next().expect("one entry");
        assert_eq!(name.get_ref(), "कैंट");
        assert_eq!(votes.get_ref().as_float(), Some(1.5));
    }
}
