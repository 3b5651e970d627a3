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
    /// How many articles a section's or a term's page lists before the next page
    /// (`page/2/`); 0 lists them all on one page.
    #[serde(default = "default_articles_per_page")]
    pub articles_per_page: usize,
    /// A custom domain for GitHub Pages, written to a CNAME file, e.g. "chunav.example.com".
    #[serde(default)]
    pub cname: Option<String>,
    #[serde(default)]
    pub parties: BTreeMap<String, Party>,
    /// Alliances per election year: `[alliances.2024]` `INDIA = ["INC", "SP"]`. Swings
    /// then follow the alliance as well as the party (see docs/checks.md).
    #[serde(default)]
    pub alliances: crate::election::Alliances,
    /// Site search: `[search] synonyms = [["mayor", "मेयर", "महापौर"]]`, phrases that find
    /// one another (parties' names already do; see docs/search.md).
    #[serde(default)]
    pub search: SearchConfig,
    /// The site's own texts for pages in another language: `[languages.en]` `title = …`.
    #[serde(default)]
    pub languages: BTreeMap<String, LanguageTexts>,
}

/// The `[search]` table of site.toml.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Groups of phrases that mean the same, each a list of two or more.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

/// What pages in one language call the site, when it is not the site's `language`:
/// the header, `<title>`, feeds, share cards and bylines of those pages use these, and
/// fall back to the top-level `title`, `description` and `authors`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageTexts {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub authors: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    #[default]
    Latin,
    Devanagari,
}

/// A party of `[parties]`. `name` and `short` are in the site's `language`; `hi` and `en`
/// give the forms for pages in that language (`en = { name = "Indian National Congress",
/// short = "Congress" }`). After loading, both are filled in, so templates can always
/// write `site.parties[code][lang].short`.
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
    #[serde(default)]
    pub hi: Option<PartyNames>,
    #[serde(default)]
    pub en: Option<PartyNames>,
}

/// A party's full and short name in one language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartyNames {
    pub name: String,
    #[serde(default)]
    pub short: String,
}

impl Party {
    /// The names to show on a page in `lang` ("hi" or "en").
    pub fn names(&self, lang: &str) -> PartyNames {
        let form = if lang == "en" { &self.en } else { &self.hi };
        form.clone().unwrap_or_else(|| PartyNames {
            name: self.name.clone(),
            short: self.short.clone(),
        })
    }

    /// Fills in `short` and both languages' forms. A language the site does not name the
    /// party in falls back to the site's own names, except that an English page falls back
    /// to the party's code (BJP, INC: the Election Commission's Latin abbreviations) when
    /// those names are not in Latin letters.
    fn complete(&mut self, code: &str, site_language: &str) {
        if self.short.is_empty() {
            self.short = self.name.clone();
        }
        let own = PartyNames {
            name: self.name.clone(),
            short: self.short.clone(),
        };
        for lang in LANGUAGES {
            let form = if lang == "en" {
                &mut self.en
            } else {
                &mut self.hi
            };
            if let Some(names) = form.as_mut() {
                if names.short.is_empty() {
                    names.short = names.name.clone();
                }
            } else if lang == site_language || lang == "hi" || own.name.is_ascii() {
                *form = Some(own.clone());
            } else {
                *form = Some(PartyNames {
                    name: code.to_string(),
                    short: code.to_string(),
                });
            }
        }
    }
}

fn default_language() -> String {
    "hi".to_string()
}

fn default_home_articles() -> usize {
    10
}

fn default_articles_per_page() -> usize {
    20
}

fn default_party_color() -> String {
    "#7a7a7a".to_string()
}

/// Parties every site has, so that independents and NOTA need no configuration, named in
/// both languages.
fn builtin_parties(site_language: &str) -> [(&'static str, Party); 2] {
    let names = |name: &str, short: &str| {
        Some(PartyNames {
            name: name.to_string(),
            short: short.to_string(),
        })
    };
    let grey = |hi: Option<PartyNames>, en: Option<PartyNames>, color: &str| {
        let own = if site_language == "en" { &en } else { &hi };
        let own = own.clone().unwrap_or_else(|| PartyNames {
            name: String::new(),
            short: String::new(),
        });
        Party {
            name: own.name,
            short: own.short,
            color: color.to_string(),
            hi,
            en,
            aliases: Vec::new(),
        }
    };
    [
        (
            "IND",
            grey(
                names("निर्दलीय", "निर्दलीय"),
                names("Independent", "Independent"),
                "#6b6b6b",
            ),
        ),
        (
            "NOTA",
            grey(
                names("इनमें से कोई नहीं (नोटा)", "नोटा"),
                names("None of the above (NOTA)", "NOTA"),
                "#9a9a9a",
            ),
        ),
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
                    crate::diagnostics::path_for_people(&path),
                    crate::diagnostics::path_for_people(root)
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
        problems.extend(check_languages(&config, text, file));
        problems.extend(check_aliases(&config.parties, file));
        problems.extend(check_alliances(&config, text, file));
        for (i, group) in config.search.synonyms.iter().enumerate() {
            if group.iter().filter(|p| !p.trim().is_empty()).count() < 2 {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "a group of synonyms needs two phrases or more that mean the same, e.g. [\"mayor\", \"मेयर\", \"महापौर\"]; this one has {group:?}"
                        ),
                    )
                    .with_field(format!("search.synonyms[{i}]")),
                );
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (code, party) in builtin_parties(&config.language) {
            config.parties.entry(code.to_string()).or_insert(party);
        }
        for (code, party) in config.parties.iter_mut() {
            party.complete(code, &config.language);
        }
        config.base_url = config.base_url.trim_end_matches('/').to_string();
        Ok(config)
    }
}

/// `[languages.X]`: a language chunav writes pages in, other than the site's own, with
/// no empty title.
fn check_languages(config: &SiteConfig, text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (lang, texts) in &config.languages {
        let at = |d: Diagnostic| match table_line(text, &format!("languages.{lang}")) {
            Some(line) => d.at_line(line),
            None => d,
        };
        if !LANGUAGES.contains(&lang.as_str()) {
            problems.push(at(Diagnostic::error(
                file,
                format!("[languages.{lang}]: chunav writes pages in \"hi\" and \"en\" only; name one of those"),
            )
            .with_field(format!("languages.{lang}"))));
        } else if *lang == config.language {
            problems.push(at(Diagnostic::error(
                file,
                format!("[languages.{lang}] is the site's own language (language = \"{lang}\"); its title, description and authors are the top-level ones"),
            )
            .with_field(format!("languages.{lang}"))));
        }
        if texts.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            problems.push(at(Diagnostic::error(
                file,
                format!("languages.{lang}.title is empty; leave it out to use the site's title, or write the name pages in this language show, e.g. title = \"Kanpur elections\""),
            )
            .with_field(format!("languages.{lang}.title"))));
        }
    }
    problems
}

/// The line (from 1) of the `[name]` table header in `text`.
fn table_line(text: &str, name: &str) -> Option<usize> {
    text.lines()
        .position(|l| table_header(l).as_deref() == Some(name))
        .map(|i| i + 1)
}

/// `alliances.2024` for a line `[alliances."2024"]` (spaces and quotes dropped), `None`
/// for a line that opens no table.
fn table_header(line: &str) -> Option<String> {
    let t = line.trim();
    t.starts_with('[').then(|| {
        t.trim_matches(|c| c == '[' || c == ']')
            .replace([' ', '"'], "")
    })
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
    /// The site's title on pages in `lang`.
    pub fn title_in(&self, lang: &str) -> &str {
        self.languages
            .get(lang)
            .and_then(|l| l.title.as_deref())
            .unwrap_or(&self.title)
    }

    /// The site's description on pages in `lang`.
    pub fn description_in(&self, lang: &str) -> &str {
        self.languages
            .get(lang)
            .and_then(|l| l.description.as_deref())
            .unwrap_or(&self.description)
    }

    /// The byline of articles in `lang` that name no authors.
    pub fn authors_in(&self, lang: &str) -> &[String] {
        self.languages
            .get(lang)
            .and_then(|l| l.authors.as_deref())
            .unwrap_or(&self.authors)
    }

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

/// A party stands with one alliance in an election: in two, its seats would count twice
/// and its swing would follow either. Members must be defined parties.
fn check_alliances(config: &SiteConfig, text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let line_of = |year: &str, name: &str| alliance_line(text, year, name);
    for (year, alliances) in &config.alliances {
        let mut first: BTreeMap<&str, &str> = BTreeMap::new();
        for (name, members) in alliances {
            for (i, party) in members.iter().enumerate() {
                let at = |d: Diagnostic| {
                    let d = d.with_field(format!("alliances.{year}.{name}[{i}]"));
                    match line_of(year, name) {
                        Some(line) => d.at_line(line),
                        None => d,
                    }
                };
                let builtin = party == "IND" || party == "NOTA";
                if builtin || !config.parties.contains_key(party) {
                    let why = if builtin {
                        format!("{party} is not a party that can join an alliance")
                    } else {
                        format!("party \"{party}\" is not defined in [parties]")
                    };
                    let hint = crate::diagnostics::closest(
                        party,
                        config.parties.keys().map(String::as_str),
                    )
                    .filter(|_| !builtin)
                    .map(|c| format!("; did you mean \"{c}\"?"))
                    .unwrap_or_default();
                    problems.push(at(Diagnostic::error(
                        file,
                        format!("alliance {name} of {year}: {why}{hint}"),
                    )));
                    continue;
                }
                match first.get(party.as_str()) {
                    Some(other) if *other == name.as_str() => problems.push(at(Diagnostic::error(
                        file,
                        format!("alliance {name} of {year} lists {party} twice"),
                    ))),
                    Some(other) => problems.push(at(Diagnostic::error(
                        file,
                        format!(
                            "{party} is in two alliances of {year}: {other} and {name}; a party stands with one alliance in an election, so remove it from one (parties that changed sides belong to each year's own [alliances.YEAR])"
                        ),
                    ))),
                    None => {
                        first.insert(party, name);
                    }
                }
            }
        }
    }
    problems
}

/// The line of `NAME = [...]` under `[alliances.YEAR]` (or `[alliances]` with dotted
/// keys), for pointing at an alliance.
fn alliance_line(text: &str, year: &str, name: &str) -> Option<usize> {
    let mut in_table = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(header) = table_header(t) {
            in_table = header == format!("alliances.{year}");
            continue;
        }
        let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if in_table && key == name {
            return Some(i + 1);
        }
    }
    None
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
    fn a_group_of_synonyms_has_two_phrases() {
        let ok = SiteConfig::parse(
            "title = \"x\"\n[search]\nsynonyms = [[\"mayor\", \"मेयर\", \"महापौर\"]]\n",
        )
        .unwrap();
        assert_eq!(ok.search.synonyms[0][2], "महापौर");
        let errs = SiteConfig::parse("title = \"x\"\n[search]\nsynonyms = [[\"mayor\", \" \"]]\n")
            .unwrap_err();
        assert!(
            errs[0].to_string().starts_with(
                "error: site.toml: search.synonyms[0]: a group of synonyms needs two phrases"
            ),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn an_empty_title_is_an_error_at_its_line() {
        let errs = SiteConfig::parse("language = \"hi\"\ntitle = \"  \"\n").unwrap_err();
        assert_eq!(errs[0].line, Some(2));
        assert_eq!(errs[0].field.as_deref(), Some("title"));
    }

    #[test]
    fn parties_have_names_in_both_languages() {
        let c = SiteConfig::parse(
            "title = \"x\"\n[parties.INC]\nname = \"भारतीय राष्ट्रीय कांग्रेस\"\nshort = \"कांग्रेस\"\n\
             en = { name = \"Indian National Congress\", short = \"Congress\" }\n\
             [parties.BJP]\nname = \"भारतीय जनता पार्टी\"\nshort = \"भाजपा\"\n",
        )
        .unwrap();
        let short = |code: &str, lang: &str| c.parties[code].names(lang).short;
        assert_eq!(short("INC", "hi"), "कांग्रेस");
        assert_eq!(short("INC", "en"), "Congress");
        assert_eq!(short("BJP", "en"), "BJP", "no English form: the code");
        assert_eq!(short("NOTA", "hi"), "नोटा");
        assert_eq!(short("NOTA", "en"), "NOTA");
        assert_eq!(c.parties["IND"].names("en").name, "Independent");
    }

    #[test]
    fn an_english_site_names_the_builtin_parties_in_english() {
        let c = SiteConfig::parse("title = \"x\"\nlanguage = \"en\"\n").unwrap();
        assert_eq!(c.parties["NOTA"].short, "NOTA");
        assert_eq!(c.parties["NOTA"].names("hi").short, "नोटा");
    }

    /// Every key of site.toml, as a filled-in config serialises it, is in the docs' table.
    #[test]
    fn every_key_is_documented() {
        let docs = include_str!("../docs/site-config.md");
        let mut config = SiteConfig::parse("title = \"x\"\ncname = \"a.example\"\n").unwrap();
        config.authors = vec!["a".into()];
        let value = toml::Value::try_from(&config).unwrap();
        let party = value["parties"]["NOTA"].as_table().unwrap().clone();
        let keys = value.as_table().unwrap().keys().chain(party.keys());
        for key in keys {
            assert!(
                docs.contains(&format!("| `{key}` |")),
                "docs/site-config.md has no row for `{key}`"
            );
        }
    }

    #[test]
    fn a_party_in_two_alliances_of_one_year_is_an_error_naming_both() {
        let errs = SiteConfig::parse(
            "title = \"x\"\n[parties.SP]\nname = \"S\"\n[parties.BJP]\nname = \"B\"\n\
             [alliances.2024]\nINDIA = [\"SP\"]\nNDA = [\"BJP\", \"SP\"]\n\
             [alliances.2019]\nMGB = [\"SP\", \"BSPP\"]\nX = [\"BJP\"]\n",
        )
        .unwrap_err();
        let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            shown,
            [
                "error: site.toml:10: alliances.2019.MGB[1]: alliance MGB of 2019: party \"BSPP\" is not defined in [parties]; did you mean \"SP\"?",
                "error: site.toml:8: alliances.2024.NDA[1]: SP is in two alliances of 2024: INDIA and NDA; a party stands with one alliance in an election, so remove it from one (parties that changed sides belong to each year's own [alliances.YEAR])",
            ]
        );
        // Sides change between elections: SP with INDIA in 2024, with MGB in 2019.
        SiteConfig::parse(
            "title = \"x\"\n[parties.SP]\nname = \"S\"\n[alliances.2024]\nINDIA = [\"SP\"]\n[alliances.2019]\nMGB = [\"SP\"]\n",
        )
        .expect("one alliance a year");
    }

    #[test]
    fn bad_colour_names_the_party() {
        let errs =
            SiteConfig::parse("title = \"x\"\n[parties.BJP]\nname = \"B\"\ncolor = \"orange\"\n")
                .unwrap_err();
        assert_eq!(errs[0].field.as_deref(), Some("parties.BJP.color"));
    }
}
