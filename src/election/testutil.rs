//! Shared helpers for the election tests: parse a front matter, check it as a page.

use super::data::DataStore;
use super::model::ResultInput;
use super::page::{PageResults, check_page};
use crate::diagnostics::{Diagnostic, LineIndex};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;
use toml::Spanned;

/// Official Kanpur results: all candidates, NOTA, postal, segment figures where known.
pub const KANPUR_2019: &str = include_str!("testdata/kanpur-2019.toml");
pub const KANPUR_2024: &str = include_str!("testdata/kanpur-2024.toml");

/// The page every test pretends to check; its front matter starts on line 2, after `+++`.
pub const PAGE: &str = "content/kanpur.md";

#[derive(Deserialize)]
struct FrontMatter {
    #[serde(default)]
    results: Vec<ResultInput>,
    #[serde(default)]
    data: Vec<Spanned<String>>,
}

/// The parties of a site.toml that knows Kanpur's parties (IND and NOTA are implicit).
pub fn parties() -> BTreeSet<String> {
    [
        "BJP", "INC", "SP", "BSP", "SABJANP", "AIFB", "PBI", "SUCI", "BSCP", "SHS", "SFP", "BRM",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

pub fn check(front_matter: &str) -> (PageResults, Vec<Diagnostic>) {
    check_with_data(front_matter, &DataStore::default())
}

pub fn check_with_data(front_matter: &str, data: &DataStore) -> (PageResults, Vec<Diagnostic>) {
    let parsed: FrontMatter = match toml::from_str(front_matter) {
        Ok(parsed) => parsed,
        Err(err) => panic!("test front matter does not parse: {err}"),
    };
    let lines = LineIndex::new(front_matter, 2);
    check_page(
        Path::new(PAGE),
        &lines,
        &parsed.results,
        &parsed.data,
        data,
        &parties(),
    )
}

/// Each diagnostic as the user sees it.
pub fn shown(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

/// The one diagnostic, as shown; fails the test if there are none or several.
pub fn only(diagnostics: &[Diagnostic]) -> String {
    assert_eq!(
        diagnostics.len(),
        1,
        "expected one diagnostic, got {:#?}",
        shown(diagnostics)
    );
    diagnostics[0].to_string()
}

/// A result head with the five Kanpur segments, for building small cases.
pub const HEAD: &str = r#"
[[results]]
id = "ls2024"
election = "लोकसभा 2024"
year = 2024
constituency = "कानपुर"
segments = ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"]
"#;
