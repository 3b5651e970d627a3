//! Content: discovering files, splitting and parsing their front matter, and placing each
//! page in the site's tree of URLs. Hands on `Page`s; nothing here renders.

pub mod discover;
pub mod expr_check;
pub mod front_matter;
pub mod outline;
pub mod text_check;

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
    /// Lines of the front matter, for messages while the file is checked; emptied with
    /// `front.results` once the site has checked it (`Site::read_entry`).
    pub front_lines: LineIndex,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub lang: String,
    /// Empty for a summarised page (`summarised`).
    pub body: String,
    /// Line of the file on which the body starts.
    pub body_line: usize,
    /// What planning reads of the body (kept when the body is not).
    pub outline: outline::Outline,
    /// A page of a warm build kept as its summary (`site::summary_cache`): no body, no
    /// checked results; loaded whole before it is rendered.
    pub summarised: bool,
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

    /// How many articles a page of this section's listing shows: its own
    /// `articles_per_page`, else the site's.
    pub fn articles_per_page(&self, site_default: usize) -> usize {
        self.front
            .articles_per_page
            .as_ref()
            .map_or(site_default, |n| *n.get_ref())
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
    let mut problems =
        text_check::check_front_matter(file, split.front_matter, split.front_matter_line);
    problems.extend(text_check::check_body(file, split.body, split.body_line));
    let kind = if file
        .file_name()
        .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case("_index.md"))
    {
        PageKind::Section
    } else {
        PageKind::Article
    };
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
    if let (Some(date), Some(updated), Some(at)) = (date, updated, &front.updated)
        && updated < date
    {
        problems.push(
            Diagnostic::error(
                file,
                format!(
                    "`updated` ({}) is before `date` ({}); an article is updated after it is published",
                    updated.iso(),
                    date.iso()
                ),
            )
            .at_line(front_lines.line_of(at.span().start))
            .with_field("updated"),
        );
    }
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
    if let Some(generate) = &front.generate
        && kind == PageKind::Article
    {
        problems.push(
            Diagnostic::error(
                file,
                "only a section's `_index.md` can generate pages from data; move [generate] there",
            )
            .at_line(front_lines.line_of(generate.data.span().start))
            .with_field("generate"),
        );
    }
    if let Some(per_page) = &front.articles_per_page
        && kind == PageKind::Article
    {
        problems.push(
            Diagnostic::error(
                file,
                "`articles_per_page` says how many articles a section's page lists; an article lists none. Move it to the section's `_index.md`, or to site.toml for every listing",
            )
            .at_line(front_lines.line_of(per_page.span().start))
            .with_field("articles_per_page"),
        );
    }
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
        outline: outline::Outline::of(split.body),
        summarised: false,
        path,
        parent,
    })
}

pub(crate) fn to_date(
    file: &Path,
    lines: &LineIndex,
    field: &str,
    value: &toml::Spanned<toml::value::Datetime>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Date> {
    match value.get_ref().date {
        Some(d) if !(1900..=2100).contains(&d.year) => {
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "year {} is not a plausible date for an article; write the date, e.g. 2024-06-05",
                        d.year
                    ),
                )
                .at_line(lines.line_of(value.span().start))
                .with_field(field),
            );
            None
        }
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

/// Pages that are one article in several languages share a `translation_key`: two pages
/// of one language with the same key would each claim to be the other's translation.
pub fn check_translation_keys(pages: &[std::sync::Arc<Page>]) -> Vec<Diagnostic> {
    let mut seen: std::collections::HashMap<(&str, &str), &Page> = Default::default();
    let mut problems = Vec::new();
    for page in pages {
        let Some(key) = &page.front.translation_key else {
            continue;
        };
        if let Some(first) = seen.insert((key.as_str(), page.lang.as_str()), &**page) {
            problems.push(
                Diagnostic::error(
                    &page.file,
                    format!(
                        "translation_key \"{key}\" is already used by {} in the same language (\"{}\"); \
                         the key links one page per language: give this page its own key, or set `lang`",
                        first.file.display(),
                        page.lang
                    ),
                )
                .with_field("translation_key"),
            );
        }
    }
    problems
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
