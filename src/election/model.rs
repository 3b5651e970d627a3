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
    /// Assembly segments in the order charts show them.
    #[serde(default)]
    pub segments: Vec<Spanned<String>>,
    /// Registered electors, for turnout.
    #[serde(default)]
    pub electors: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub source: Option<SourceInput>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub candidates: Vec<Spanned<CandidateInput>>,
}

/// A citation: `source = "ECI Form 21"` or `source = { text = "…", url = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum SourceInput {
    Text(Spanned<String>),
    Full {
        text: Spanned<String>,
        #[serde(default)]
        url: Option<Spanned<String>>,
    },
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
    pub votes: Spanned<toml::Value>,
    #[serde(default)]
    pub postal: Option<Spanned<toml::Value>>,
    /// Segment name → votes.
    #[serde(default)]
    pub by_segment: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
    /// The figure is a "more than" figure from the source, never to be shown as exact.
    #[serde(default)]
    pub approx: bool,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}
