//! Splits a content file into its TOML front matter and Markdown body, and parses the
//! front matter into typed fields.

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::election::model::ResultInput;
use crate::toml_errors;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// The front matter of an article or section page, as the editor wrote it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub date: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    pub updated: Option<Spanned<toml::value::Datetime>>,
    /// "hi" or "en"; the site's language when absent.
    #[serde(default)]
    pub lang: Option<Spanned<String>>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub draft: bool,
    /// Replaces the file name in the page's URL.
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// Pages that are the same article in other languages share this key.
    #[serde(default)]
    pub translation_key: Option<String>,
    /// As written; emptied once the site has checked and derived them
    /// (`Site::read_entry`): the checked figures are the page's `PageResults`.
    #[serde(default)]
    pub results: Vec<ResultInput>,
    /// Ids of results kept in data/*.toml that this page uses.
    #[serde(default)]
    pub data: Vec<Spanned<String>>,
    /// A section's pages made from data: one per result of the files named
    /// (docs/content.md, "Pages from data").
    #[serde(default)]
    pub generate: Option<GenerateInput>,
    /// A section's own `articles_per_page` (site.toml's otherwise); 0 lists every article
    /// on one page.
    #[serde(default)]
    pub articles_per_page: Option<Spanned<usize>>,
}

/// `[generate]` in a section's `_index.md`, as written. Patterns and the body are Tera
/// text (`{{ results.seat.constituency }}`), rendered once per result.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenerateInput {
    /// A data file, a folder of them or a glob, relative to the site root (`data/…`).
    pub data: Spanned<String>,
    /// The name the page's templates call the result by: `results.seat`.
    #[serde(default, rename = "as")]
    pub alias: Option<Spanned<String>>,
    pub slug: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    pub date: Spanned<toml::value::Datetime>,
    #[serde(default)]
    pub updated: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// A CSV table of constituency names per language (`constituency,hi,en`).
    #[serde(default)]
    pub names: Option<Spanned<String>>,
    /// The Markdown body of every page, with expressions and chart blocks.
    pub body: Spanned<String>,
}

/// A content file cut in two. Line numbers are those of the file.
#[derive(Debug)]
pub struct SplitFile<'a> {
    pub front_matter: &'a str,
    /// Line of the file on which the front matter's first line stands.
    pub front_matter_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

const FENCE: &str = "+++";

/// Cuts `text` at its `+++` fences.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<SplitFile<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        return Err(Diagnostic::error(
            file,
            "no front matter: a content file starts with a `+++` line, then TOML such as \
             `title = \"…\"`, then another `+++` line",
        )
        .at_line(1));
    }
    let fm_start = first.len();
    let mut offset = fm_start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            return Ok(SplitFile {
                front_matter: &text[fm_start..offset],
                front_matter_line: 2,
                body: &text[offset + line.len()..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        file,
        "the front matter opened by `+++` on line 1 is never closed: did you forget the second `+++`?",
    )
    .at_line(1))
}

/// The file line of a top-level front matter key (`title = …`), for checks that read its
/// value as prose. `text` is the whole file.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    let mut lines = text.lines().enumerate();
    lines.next()?;
    for (i, line) in lines {
        let trimmed = line.trim_start();
        if trimmed.trim_end() == FENCE || trimmed.starts_with('[') {
            return None;
        }
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(i + 1);
        }
    }
    None
}

/// Parses the TOML between the fences.
pub fn parse(file: &Path, split: &SplitFile<'_>) -> Result<(FrontMatter, LineIndex), Diagnostic> {
    let lines = LineIndex::new(split.front_matter, split.front_matter_line);
    match toml::from_str::<FrontMatter>(split.front_matter) {
        Ok(fm) => Ok((fm, lines)),
        Err(e) => Err(toml_errors::to_diagnostic(
            file,
            split.front_matter,
            &lines,
            &e,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> SplitFile<'_> {
        split(Path::new("a.md"), text).unwrap()
    }

    #[test]
    fn splits_at_fences_with_line_numbers() {
        let s = split_ok("+++\ntitle = \"x\"\n+++\n# Hello\n");
        assert_eq!(s.front_matter, "title = \"x\"\n");
        assert_eq!(s.body, "# Hello\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let s = split_ok("\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nbody");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn missing_or_unclosed_fences_are_explained() {
        let e = split(Path::new("a.md"), "title = \"x\"\n").unwrap_err();
        assert!(e.message.starts_with("no front matter"));
        let e = split(Path::new("a.md"), "+++\ntitle = \"x\"\n").unwrap_err();
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn unknown_key_has_line_and_suggestion() {
        let text = "+++\ntitle = \"x\"\ndescripton = \"y\"\n+++\n";
        let s = split_ok(text);
        let e = parse(Path::new("a.md"), &s).unwrap_err();
        assert_eq!(
            e.to_string(),
            "error: a.md:3: descripton: unknown key `descripton`; did you mean `description`?"
        );
    }
}
