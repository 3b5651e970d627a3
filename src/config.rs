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
        // A FIFO or device named site.toml would block the read for good.
        if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(vec![Diagnostic::error(
                CONFIG_FILE,
                "is not a regular file (a folder, FIFO or device); site.toml must be a TOML text file",
            )]);
        }
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
        if config.title.trim().is_empty() {
            problems.push(
                at_key(
                    Diagnostic::error(
                        file,
                        "the site's title is empty; it names the site in every page's title and feed, e.g. title = \"कानपुर चुनाव\"",
                    ),
                    text,
                    "title",
                )
                .with_field("title"),
            );
        }
        if let Err(why) = check_base_url(&config.base_url) {
            problems.push(
                at_key(Diagnostic::error(file, why), text, "base_url").with_field("base_url"),
            );
        }
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

/// The diagnostic at the line of top-level `key` in `text`, when it is there.
fn at_key(d: Diagnostic, text: &str, key: &str) -> Diagnostic {
    let line = text
        .lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
    match line {
        Some(i) => d.at_line(i + 1),
        None => d,
    }
}

impl SiteConfig {
    /// `--base-url` given on the command line, checked like site.toml's.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        check_base_url(url).map_err(|why| Diagnostic::error("--base-url", why))?;
        self.base_url = url.trim_end_matches('/').to_string();
        Ok(())
    }
}

/// Where the site is published: empty (no absolute URLs), or an `http(s)://host/path/`
/// URL. Anything else would end up in every page's links, feeds, the sitemap and
/// robots.txt: `javascript:` or `data:` URLs, a query or fragment, a line break.
pub fn check_base_url(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Ok(());
    }
    let example =
        "write the address the site is published at, e.g. \"https://USER.github.io/REPO/\"";
    if let Some(c) = url.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "the base URL contains {}; {example}",
            match c {
                '\n' | '\r' => "a line break".to_string(),
                ' ' => "a space".to_string(),
                c => format!("the control character U+{:04X}", c as u32),
            }
        ));
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return Err(format!(
            "\"{url}\" is not an http:// or https:// address; {example}"
        ));
    };
    if url.contains(['?', '#']) {
        return Err(format!(
            "\"{url}\" has a query (?) or fragment (#), which would be glued to every page's address; {example}"
        ));
    }
    let host = rest.split('/').next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'));
    if !host_ok {
        return Err(format!(
            "\"{url}\" has no valid host name after the scheme; {example}"
        ));
    }
    if let Some(c) = url.chars().find(|c| {
        matches!(
            c,
            '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^'
        )
    }) {
        return Err(format!(
            "\"{url}\" contains `{c}`, which has no place in an address; {example}"
        ));
    }
    Ok(())
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
    fn base_url_is_an_http_address_or_nothing() {
        for ok in [
            "",
            "https://example.github.io/kanpur/",
            "http://localhost:1111",
            "https://news.example.com/चुनाव/",
            "http://[::1]:8080/",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "example.com/site/",
            "//example.com/",
            "https://example.com/?x=1",
            "https://example.com/#top",
            "https://example.com/\nDisallow: /",
            "https://",
            "https://user@example.com/",
            "https://example.com/\"onload=\"x",
            "ftp://example.com/",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad:?}");
        }
        let errs =
            SiteConfig::parse("title = \"x\"\nbase_url = \"javascript:alert(1)\"\n").unwrap_err();
        assert_eq!(
            errs[0].to_string(),
            "error: site.toml:2: base_url: \"javascript:alert(1)\" is not an http:// or https:// address; write the address the site is published at, e.g. \"https://USER.github.io/REPO/\""
        );
    }

    #[test]
    fn an_empty_title_is_an_error_at_its_line() {
        let errs = SiteConfig::parse("language = \"hi\"\ntitle = \"  \"\n").unwrap_err();
        assert_eq!(errs[0].line, Some(2));
        assert_eq!(errs[0].field.as_deref(), Some("title"));
    }

    #[test]
    fn bad_colour_names_the_party() {
        let errs =
            SiteConfig::parse("title = \"x\"\n[parties.BJP]\nname = \"B\"\ncolor = \"orange\"\n")
                .unwrap_err();
        assert_eq!(errs[0].field.as_deref(), Some("parties.BJP.color"));
    }
}
