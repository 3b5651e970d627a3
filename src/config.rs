//! `site.toml`: the site's title, address, language and parties.
//!
//! Loaded once per build and handed, read-only, to every later stage. Unknown keys are an
//! error with a suggestion, because a silently ignored `titel` is a bug nobody sees.

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::toml_errors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    /// Where the site is published, e.g. `https://example.github.io/kanpur/`.
    #[serde(default)]
    pub base_url: String,
    /// Default language of pages: "hi" or "en".
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub description: String,
    /// Digits used for numbers in prose and tables: "latin" (4,22,087) or "devanagari" (४,२२,०८७).
    #[serde(default)]
    pub digits: Digits,
    /// Default byline for articles without `authors`.
    #[serde(default)]
    pub authors: Vec<String>,
    /// How many articles the home page lists.
    #[serde(default = "default_home_articles")]
    pub home_articles: usize,
    /// A custom domain for GitHub Pages, written to a CNAME file, e.g. "chunav.example.com".
    #[serde(default)]
    pub cname: Option<String>,
    #[serde(default)]
    pub parties: BTreeMap<String, Party>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    #[default]
    Latin,
    Devanagari,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: String,
    #[serde(default)]
    pub short: String,
    /// Colour of the party's marks in charts, `#RRGGBB`.
    #[serde(default = "default_party_color")]
    pub color: String,
    /// Names official files use for the party ("Bharatiya Janata Party"), which
    /// `chunav import` maps to this code; compared with case and spacing folded.
    #[serde(default)]
    pub aliases: Vec<String>,
}

fn default_language() -> String {
    "hi".to_string()
}

fn default_home_articles() -> usize {
    10
}

fn default_party_color() -> String {
    "#7a7a7a".to_string()
}

/// Parties every site has, so that independents and NOTA need no configuration.
fn builtin_parties() -> [(&'static str, Party); 2] {
    let grey = |name: &str, short: &str, color: &str| Party {
        name: name.to_string(),
        short: short.to_string(),
        color: color.to_string(),
        aliases: Vec::new(),
    };
    [
        ("IND", grey("निर्दलीय", "निर्दलीय", "#6b6b6b")),
        ("NOTA", grey("इनमें से कोई नहीं (नोटा)", "नोटा", "#9a9a9a")),
    ]
}

pub const LANGUAGES: [&str; 2] = ["hi", "en"];

impl SiteConfig {
    /// Reads and checks `site.toml` under `root`.
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![Diagnostic::error(
                CONFIG_FILE,
                format!(
                    "cannot read {} ({e}); is {} a chunav site? `chunav init DIR` creates one",
                    path.display(),
                    root.display()
                ),
            )]
        })?;
        Self::parse(&text)
    }

    pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let file = Path::new(CONFIG_FILE);
        let lines = LineIndex::new(text, 1);
        let mut config: SiteConfig = toml::from_str(text)
            .map_err(|e| vec![toml_errors::to_diagnostic(file, text, &lines, &e)])?;
        let mut problems = Vec::new();
        if !LANGUAGES.contains(&config.language.as_str()) {
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "unsupported language \"{}\"; use \"hi\" or \"en\"",
                        config.language
                    ),
                )
                .with_field("language"),
            );
        }
        for (code, party) in &config.parties {
            if !is_hex_color(&party.color) {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "\"{}\" is not a colour; write it as \"#RRGGBB\", e.g. \"#FF9933\"",
                            party.color
                        ),
                    )
                    .with_field(format!("parties.{code}.color")),
                );
            }
        }
        problems.extend(check_aliases(&config.parties, file));
        if !problems.is_empty() {
            return Err(problems);
        }
        for (code, party) in builtin_parties() {
            config.parties.entry(code.to_string()).or_insert(party);
        }
        for party in config.parties.values_mut() {
            if party.short.is_empty() {
                party.short = party.name.clone();
            }
        }
        config.base_url = config.base_url.trim_end_matches('/').to_string();
        Ok(config)
    }
}

/// How party names are compared: case and runs of whitespace folded, so that ECI's
/// "Janata Dal  (United)" (two spaces) and "JANATA DAL (UNITED)" are one name.
pub fn fold_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An alias may name one party only, and never another party's code.
fn check_aliases(parties: &BTreeMap<String, Party>, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut owner: BTreeMap<String, &str> = parties
        .keys()
        .map(|code| (fold_name(code), code.as_str()))
        .collect();
    for (code, party) in parties {
        for (i, alias) in party.aliases.iter().enumerate() {
            let field = format!("parties.{code}.aliases[{i}]");
            let folded = fold_name(alias);
            if folded.is_empty() {
                problems.push(Diagnostic::error(file, "alias is empty").with_field(field));
                continue;
            }
            match owner.get(&folded) {
                Some(other) if *other != code.as_str() => problems.push(
                    Diagnostic::error(
                        file,
                        format!("alias \"{alias}\" also names party {other}; an alias must name one party"),
                    )
                    .with_field(field),
                ),
                _ => {
                    owner.insert(folded, code);
                }
            }
        }
    }
    problems
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_builtin_parties() {
        let c = SiteConfig::parse("title = \"x\"\n").unwrap();
        assert_eq!(c.language, "hi");
        assert!(c.parties.contains_key("NOTA") && c.parties.contains_key("IND"));
    }

    #[test]
    fn unknown_key_is_an_error_with_suggestion() {
        let errs = SiteConfig::parse("title = \"x\"\nlanguge = \"hi\"\n").unwrap_err();
        assert_eq!(
            errs[0].to_string(),
            "error: site.toml:2: languge: unknown key `languge`; did you mean `language`?"
        );
    }

    #[test]
    fn an_alias_names_one_party() {
        let errs = SiteConfig::parse(
            "title = \"x\"\n[parties.BJP]\nname = \"B\"\naliases = [\"Bharatiya  Janata Party\"]\n[parties.JP]\nname = \"J\"\naliases = [\"bharatiya janata party\", \"bjp\"]\n",
        )
        .unwrap_err();
        let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            shown,
            [
                "error: site.toml: parties.JP.aliases[0]: alias \"bharatiya janata party\" also names party BJP; an alias must name one party",
                "error: site.toml: parties.JP.aliases[1]: alias \"bjp\" also names party BJP; an alias must name one party",
            ]
        );
    }

    #[test]
    fn bad_colour_names_the_party() {
        let errs =
            SiteConfig::parse("title = \"x\"\n[parties.BJP]\nname = \"B\"\ncolor = \"orange\"\n")
                .unwrap_err();
        assert_eq!(errs[0].field.as_deref(), Some("parties.BJP.color"));
    }
}
