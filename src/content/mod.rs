//! Content: discovering files, splitting and parsing their front matter, and placing each
//! page in the site's tree of URLs. Hands on `Page`s; nothing here renders.

pub mod discover;
pub mod front_matter;

use crate::config::{LANGUAGES, SiteConfig};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::slug::slugify;
use front_matter::FrontMatter;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// An explainer: any `.md` other than `_index.md`.
    Article,
    /// A hub: `_index.md` makes its folder a section; the root one is the home page.
    Section,
}

/// A calendar date; front matter dates are parsed into this once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2024-06-05`, the form feeds, sitemaps and `<time datetime>` use.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site root, e.g. `content/kanpur/result-2024.md`.
    pub file: PathBuf,
    pub kind: PageKind,
    pub front: FrontMatter,
    pub front_lines: LineIndex,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub lang: String,
    pub body: String,
    /// Line of the file on which the body starts.
    pub body_line: usize,
    /// URL path below the site root with a trailing slash (`kanpur/result-2024/`); `""` is home.
    pub path: String,
    /// `path` of the section this page is listed in; `None` for the home page.
    pub parent: Option<String>,
}

impl Page {
    pub fn depth(&self) -> usize {
        self.path.matches('/').count()
    }

    pub fn is_home(&self) -> bool {
        self.kind == PageKind::Section && self.path.is_empty()
    }
}

/// Reads and parses one content file. `text` is the file's contents.
pub fn load_page(file: &Path, text: &str, config: &SiteConfig) -> Result<Page, Vec<Diagnostic>> {
    let split = front_matter::split(file, text).map_err(|d| vec![d])?;
    let (mut front, front_lines) = front_matter::parse(file, &split).map_err(|d| vec![d])?;
    // Tags typed in two Unicode forms (क़ as one code point or as क + nukta) are one tag.
    for tag in &mut front.tags {
        *tag = crate::election::fold::nfc(tag);
    }
    let kind = if file.file_name().is_some_and(|n| n == "_index.md") {
        PageKind::Section
    } else {
        PageKind::Article
    };
    let mut problems = Vec::new();
    if front.title.trim().is_empty() {
        problems.push(
            Diagnostic::error(file, "the title is empty; every page needs a `title`")
                .at_line(split.front_matter_line)
                .with_field("title"),
        );
    }
    let date = front
        .date
        .as_ref()
        .and_then(|d| to_date(file, &front_lines, "date", d, &mut problems));
    let updated = front
        .updated
        .as_ref()
        .and_then(|d| to_date(file, &front_lines, "updated", d, &mut problems));
    if kind == PageKind::Article && front.date.is_none() {
        problems.push(
            Diagnostic::error(
                file,
                "an article needs a `date`, e.g. `date = 2024-06-05`, to be listed newest first",
            )
            .at_line(split.front_matter_line)
            .with_field("date"),
        );
    }
    let lang = match &front.lang {
        Some(lang) if !LANGUAGES.contains(&lang.get_ref().as_str()) => {
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "unsupported language \"{}\"; use \"hi\" or \"en\"",
                        lang.get_ref()
                    ),
                )
                .at_line(front_lines.line_of(lang.span().start))
                .with_field("lang"),
            );
            config.language.clone()
        }
        Some(lang) => lang.get_ref().clone(),
        None => config.language.clone(),
    };
    let (path, parent) = match url_path(file, kind, &front, &front_lines) {
        Ok(p) => p,
        Err(d) => {
            problems.push(d);
            (String::new(), None)
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Page {
        file: file.to_path_buf(),
        kind,
        front,
        front_lines,
        date,
        updated,
        lang,
        body: split.body.to_string(),
        body_line: split.body_line,
        path,
        parent,
    })
}

fn to_date(
    file: &Path,
    lines: &LineIndex,
    field: &str,
    value: &toml::Spanned<toml::value::Datetime>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Date> {
    match value.get_ref().date {
        Some(d) => Some(Date {
            year: d.year,
            month: d.month,
            day: d.day,
        }),
        None => {
            problems.push(
                Diagnostic::error(
                    file,
                    "a time without a date; write the date, e.g. 2024-06-05",
                )
                .at_line(lines.line_of(value.span().start))
                .with_field(field),
            );
            None
        }
    }
}

/// The page's URL path and its section's: `content/kanpur/result-2024.md` is
/// `kanpur/result-2024/` in section `kanpur/`. Folder and file names are slugified so
/// that a space or capital in a file name does not end up in a URL.
fn url_path(
    file: &Path,
    kind: PageKind,
    front: &FrontMatter,
    lines: &LineIndex,
) -> Result<(String, Option<String>), Diagnostic> {
    let rel = file.strip_prefix(discover::CONTENT_DIR).unwrap_or(file);
    let mut dirs: Vec<String> = rel
        .parent()
        .map(|p| {
            p.components()
                .map(|c| slugify(&c.as_os_str().to_string_lossy()))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let section_of = |dirs: &[String]| -> String { dirs.iter().map(|d| format!("{d}/")).collect() };
    match kind {
        PageKind::Section => {
            let path = section_of(&dirs);
            let parent = dirs.pop().map(|_| section_of(&dirs));
            Ok((path, parent))
        }
        PageKind::Article => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let slug = match &front.slug {
                Some(s) => {
                    let slug = slugify(s.get_ref());
                    if slug.is_empty() {
                        return Err(Diagnostic::error(
                            file,
                            format!(
                                "slug \"{}\" has no letters or digits to make a URL from",
                                s.get_ref()
                            ),
                        )
                        .at_line(lines.line_of(s.span().start))
                        .with_field("slug"));
                    }
                    slug
                }
                None => slugify(&stem),
            };
            if slug.is_empty() {
                return Err(Diagnostic::error(
                    file,
                    "the file name has no letters or digits to make a URL from; rename it or set `slug`",
                ));
            }
            let parent = section_of(&dirs);
            Ok((format!("{parent}{slug}/"), Some(parent)))
        }
    }
}
