//! Pages made from data. A section whose `_index.md` has a `[generate]` table gets one
//! article per result of the data files it names (a file, a folder such as an import's
//! `data/eci-ge2024-constituencywise/uttar-pradesh/`, or a glob), without a `.md` per
//! seat. Each is an ordinary page from here on: listed, searched, fed, carded and checked
//! like any other.
//!
//! `Spec::read` resolves the table when the `_index.md` is read (texts with the lines
//! of that file); `expand` makes the pages from the loaded data. A generated page has a
//! file name of its own, `content/<section>/<slug>.md`, as if it had been written: other
//! pages link to it as `@/<section>/<slug>.md`, and a hand-written file there takes its
//! place. Its problems are reported at the `_index.md` line of the pattern or body line
//! at fault, naming the result the page was made for (`locate`).

use super::names::{NamesTable, plain_path};
use super::{PageFacts, prose_problems};
use crate::config::SiteConfig;
use crate::content::front_matter::{FrontMatter, GenerateInput};
use crate::content::{Date, Page, PageKind};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::election::{self, DataStore, PageResults};
use crate::fingerprint;
use crate::slug::slugify;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::Context;
use toml::Spanned;

/// What templates call the result of a generated page unless `as` says otherwise.
pub const DEFAULT_ALIAS: &str = "seat";

/// A pattern as written, with the `_index.md` line it is on.
#[derive(Debug, Clone, Hash)]
struct Pattern {
    text: String,
    line: usize,
}

/// A section's `[generate]`, resolved against its `_index.md`.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The section's file: where every problem of its generated pages is reported.
    pub index: PathBuf,
    /// The section's folder under content/, where the generated pages' files would be.
    dir: PathBuf,
    section_path: String,
    lang: String,
    alias: String,
    data: Pattern,
    slug: Pattern,
    title: Pattern,
    description: Option<Pattern>,
    tags: Vec<Pattern>,
    date: Spanned<toml::value::Datetime>,
    date_parsed: Date,
    updated: Option<(Spanned<toml::value::Datetime>, Date)>,
    authors: Vec<String>,
    names: Option<(PathBuf, usize)>,
    body: String,
    body_line: usize,
}

/// The result a generated page was made for, for messages: "KANPUR (data/…/043-kanpur.toml:7)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub index: PathBuf,
    pub data_file: PathBuf,
    pub data_line: usize,
    /// The result's id in data/.
    pub id: String,
    label: String,
}

/// One page made from data, ready to join the site's pages.
#[derive(Debug, Clone)]
pub struct GeneratedPage {
    pub page: Arc<Page>,
    pub results: Arc<PageResults>,
    pub facts: PageFacts,
    pub origin: Origin,
}

/// A section's generated pages and the problems found making them.
#[derive(Debug, Clone, Default)]
pub struct Expansion {
    pub pages: Vec<GeneratedPage>,
    pub problems: Vec<Diagnostic>,
}

/// What making pages needs of the loaded site.
pub struct Inputs<'a> {
    pub root: &'a Path,
    pub config: &'a SiteConfig,
    pub data: &'a DataStore,
    pub parties: &'a BTreeSet<String>,
}

impl Spec {
    /// The `[generate]` of `page` (a section), checked; `text` is its file's text.
    pub fn read(page: &Page, text: &str) -> Result<Option<Spec>, Vec<Diagnostic>> {
        let Some(input) = &page.front.generate else {
            return Ok(None);
        };
        if page.kind != PageKind::Section {
            // Reported by content::load_page.
            return Ok(None);
        }
        let file = &page.file;
        let lines = &page.front_lines;
        let front = crate::content::front_matter::split(file, text)
            .map(|s| s.front_matter)
            .unwrap_or("");
        let pattern = |s: &Spanned<String>| Pattern {
            text: s.get_ref().clone(),
            line: lines.line_of(s.span().start),
        };
        let mut problems = Vec::new();
        let alias = match &input.alias {
            Some(alias) if !is_result_id(alias.get_ref()) => {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "\"{}\" cannot name a result in templates; use ASCII letters, digits and _, starting with a letter, e.g. \"seat\"",
                            alias.get_ref()
                        ),
                    )
                    .at_line(lines.line_of(alias.span().start))
                    .with_field("generate.as"),
                );
                DEFAULT_ALIAS.to_string()
            }
            Some(alias) => alias.get_ref().clone(),
            None => DEFAULT_ALIAS.to_string(),
        };
        let date =
            crate::content::to_date(file, lines, "generate.date", &input.date, &mut problems);
        let updated = input.updated.as_ref().and_then(|u| {
            crate::content::to_date(file, lines, "generate.updated", u, &mut problems)
                .map(|d| (u.clone(), d))
        });
        let names = input
            .names
            .as_ref()
            .and_then(|n| match plain_path(n.get_ref()) {
                Some(path) => Some((path, lines.line_of(n.span().start))),
                None => {
                    problems.push(path_problem(file, lines, n, "generate.names"));
                    None
                }
            });
        if plain_path(input.data.get_ref().trim_end_matches('/')).is_none() {
            problems.push(path_problem(file, lines, &input.data, "generate.data"));
        }
        for (key, value) in [("slug", &input.slug), ("title", &input.title)] {
            if value.get_ref().trim().is_empty() {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!("the {key} pattern is empty; write one such as \"{{{{ results.{alias}.constituency }}}}\""),
                    )
                    .at_line(lines.line_of(value.span().start))
                    .with_field(format!("generate.{key}")),
                );
            }
        }
        let (Some(date_parsed), true) = (date, problems.is_empty()) else {
            return Err(problems);
        };
        let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        Ok(Some(Spec {
            index: file.clone(),
            dir,
            section_path: page.path.clone(),
            lang: page.lang.clone(),
            alias,
            data: pattern(&input.data),
            slug: pattern(&input.slug),
            title: pattern(&input.title),
            description: input.description.as_ref().map(pattern),
            tags: input.tags.iter().map(pattern).collect(),
            date: input.date.clone(),
            date_parsed,
            updated,
            authors: input.authors.clone(),
            names,
            body: input.body.get_ref().clone(),
            body_line: body_line(input, front, lines),
        }))
    }

    /// A fingerprint of everything the generated pages are made from besides data/ and
    /// site.toml (which `Site::inputs` covers).
    pub fn fingerprint(&self) -> u64 {
        fingerprint::of_debug(self)
    }
}

/// The `_index.md` line of the body's first line. A multi-line string (`'''` or `"""`)
/// drops the line break right after its opening quotes, so the body starts a line later.
fn body_line(input: &GenerateInput, front: &str, lines: &LineIndex) -> usize {
    let start = input.body.span().start;
    let line = lines.line_of(start);
    let raw = front.get(start..).unwrap_or("");
    let after_quotes = raw
        .strip_prefix("'''")
        .or_else(|| raw.strip_prefix("\"\"\""));
    match after_quotes {
        Some(rest) if rest.starts_with('\n') || rest.starts_with("\r\n") => line + 1,
        _ => line,
    }
}

fn path_problem(
    file: &Path,
    lines: &LineIndex,
    value: &Spanned<String>,
    field: &str,
) -> Diagnostic {
    Diagnostic::error(
        file,
        format!(
            "\"{}\" is not a path inside the site; write it from the site's folder, e.g. \"data/eci-ge2024-constituencywise/uttar-pradesh/\"",
            value.get_ref()
        ),
    )
    .at_line(lines.line_of(value.span().start))
    .with_field(field)
}

fn is_result_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The pages of one section's `[generate]`.
pub fn expand(spec: &Spec, inputs: &Inputs<'_>) -> Expansion {
    let mut problems: Vec<(Diagnostic, Option<String>)> = Vec::new();
    let names = match &spec.names {
        Some((path, line)) => match NamesTable::load(inputs.root, path) {
            Ok(table) => Some(table),
            Err(found) => {
                problems.extend(found.into_iter().map(|d| (d, None)));
                problems.push((
                    Diagnostic::error(&spec.index, "the names table above cannot be used")
                        .at_line(*line)
                        .with_field("generate.names"),
                    None,
                ));
                None
            }
        },
        None => None,
    };
    let files = select_files(spec, inputs.data);
    if files.is_empty() {
        problems.push((no_data_problem(spec, inputs.data), None));
    }
    let tera = crate::render::templates::pattern_engine(inputs.config);
    let seats: Vec<(&Path, &LineIndex, &election::model::ResultInput)> = files
        .into_iter()
        .flat_map(|(path, lines, results)| results.iter().map(move |r| (path, lines, r)))
        .collect();
    // Seats are independent: made in parallel, kept in data order.
    let made: Vec<Made> = seats
        .par_iter()
        .map(|(path, lines, input)| {
            let origin = Origin {
                index: spec.index.clone(),
                data_file: path.to_path_buf(),
                data_line: lines.line_of(input.id.span().start),
                label: String::new(),
                id: input.id.get_ref().trim().to_string(),
            };
            make_page(spec, inputs, &tera, names.as_ref(), origin, input)
        })
        .collect();
    let mut pages = Vec::new();
    for result in made {
        match result {
            Ok((page, found)) => {
                let label = page.origin.label.clone();
                problems.extend(found.into_iter().map(|d| (d, Some(label.clone()))));
                pages.push(page);
            }
            Err((found, label)) => {
                problems.extend(found.into_iter().map(|d| (d, Some(label.clone()))))
            }
        }
    }
    Expansion {
        pages,
        problems: merge(problems),
    }
}

/// The data files `[generate] data` names: one file, every file in a folder, or a glob.
fn select_files<'d>(
    spec: &Spec,
    data: &'d DataStore,
) -> Vec<(&'d Path, &'d LineIndex, &'d [election::model::ResultInput])> {
    let wanted = spec.data.text.trim();
    let folder = wanted.trim_end_matches('/');
    data.files()
        .filter(|(path, _, _)| {
            let path = path.to_string_lossy().replace('\\', "/");
            if wanted.contains('*') || wanted.contains('?') {
                glob_match(wanted, &path)
            } else {
                path == wanted || path.starts_with(&format!("{folder}/"))
            }
        })
        .collect()
}

fn no_data_problem(spec: &Spec, data: &DataStore) -> Diagnostic {
    let folders: BTreeSet<String> = data
        .files()
        .filter_map(|(path, _, _)| path.parent())
        .map(|p| format!("{}/", p.to_string_lossy().replace('\\', "/")))
        .collect();
    let hint = match folders.len() {
        0 => "; the site has no data/*.toml files (import them with `chunav import`)".to_string(),
        n if n <= 12 => format!(
            "; folders with data files: {}",
            folders.into_iter().collect::<Vec<_>>().join(", ")
        ),
        n => format!("; data files are in {n} folders under data/"),
    };
    Diagnostic::error(
        &spec.index,
        format!(
            "data = \"{}\" names no data file (a file, a folder or a glob such as data/x/*.toml, from the site's folder){hint}",
            spec.data.text
        ),
    )
    .at_line(spec.data.line)
    .with_field("generate.data")
}

/// `*` is any run of characters but `/`, `**` any run at all, `?` one character.
fn glob_match(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match p {
            [] => t.is_empty(),
            ['*', '*', rest @ ..] => (0..=t.len()).any(|i| go(rest, &t[i..])),
            ['*', rest @ ..] => {
                let stop = t.iter().position(|&c| c == '/').unwrap_or(t.len());
                (0..=stop).any(|i| go(rest, &t[i..]))
            }
            ['?', rest @ ..] => t.first().is_some_and(|&c| c != '/') && go(rest, &t[1..]),
            [c, rest @ ..] => t.first() == Some(c) && go(rest, &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    go(&p, &t)
}

/// What patterns see of the result as data/ writes it (`data.constituency` is "KANPUR"
/// where a names table makes `results.seat.constituency` कानपुर): for slugs in ASCII.
#[derive(serde::Serialize)]
struct AsWritten<'a> {
    id: &'a str,
    constituency: &'a str,
    state: Option<&'a str>,
    file: &'a str,
}

type Made = Result<(GeneratedPage, Vec<Diagnostic>), (Vec<Diagnostic>, String)>;

/// The page for one result: its figures under the alias, its patterns rendered, its prose
/// checked.
fn make_page(
    spec: &Spec,
    inputs: &Inputs<'_>,
    tera: &tera::Tera,
    names: Option<&NamesTable>,
    mut origin: Origin,
    input: &election::model::ResultInput,
) -> Made {
    let reference = Spanned::new(0..0, origin.id.clone());
    let (mut results, _) = election::check_page(
        &spec.index,
        &LineIndex::new("", 1),
        &[],
        std::slice::from_ref(&reference),
        inputs.data,
        inputs.parties,
    );
    results.follow_alliances(&inputs.config.alliances);
    results.rename(&origin.id, &spec.alias);
    let written = results
        .get(&spec.alias)
        .map(|r| (r.constituency.clone(), r.state.clone()))
        .unwrap_or_default();
    origin.label = format!(
        "{} ({}:{})",
        written.0,
        origin.data_file.display(),
        origin.data_line
    );
    if let Some(name) = names.and_then(|n| n.name(written.1.as_deref(), &written.0, &spec.lang)) {
        results.name_constituency(&spec.alias, name);
    }
    let mut context = Context::new();
    context.insert("results", &results);
    context.insert("lang", &spec.lang);
    context.insert(
        "data",
        &AsWritten {
            id: &origin.id,
            constituency: &written.0,
            state: written.1.as_deref(),
            file: &origin.data_file.to_string_lossy(),
        },
    );
    let mut problems = Vec::new();
    let mut render = |pattern: &Pattern, key: &str| -> String {
        match crate::render::templates::render_pattern(
            tera,
            &pattern.text,
            &context,
            &spec.index,
            pattern.line,
        ) {
            Ok(text) => text,
            Err(mut d) => {
                d.message = format!("`{key}`: {}", d.message);
                problems.push(d.with_field(format!("generate.{key}")));
                String::new()
            }
        }
    };
    let slug_text = render(&spec.slug, "slug");
    let title = render(&spec.title, "title");
    let description = spec
        .description
        .as_ref()
        .map(|d| render(d, "description"))
        .unwrap_or_default();
    let tags: Vec<String> = spec
        .tags
        .iter()
        .map(|t| crate::election::fold::nfc(&render(t, "tags")))
        .filter(|t| !t.is_empty())
        .collect();
    if !problems.is_empty() {
        return Err((problems, origin.label));
    }
    let slug = slugify(&slug_text);
    for (empty, key, line) in [
        (slug.is_empty(), "slug", spec.slug.line),
        (title.is_empty(), "title", spec.title.line),
    ] {
        if empty {
            problems.push(
                Diagnostic::error(
                    &spec.index,
                    format!("the {key} pattern gives nothing to use for this result (\"{slug_text}\"); use a field every result has, such as constituency"),
                )
                .at_line(line)
                .with_field(format!("generate.{key}")),
            );
        }
    }
    if !problems.is_empty() {
        return Err((problems, origin.label));
    }
    let front = FrontMatter {
        title,
        description,
        date: Some(spec.date.clone()),
        updated: spec.updated.as_ref().map(|(u, _)| u.clone()),
        tags,
        slug: Some(Spanned::new(0..0, slug.clone())),
        authors: spec.authors.clone(),
        data: vec![reference],
        ..FrontMatter::default()
    };
    let page = Page {
        file: spec.dir.join(format!("{slug}.md")),
        kind: PageKind::Article,
        front,
        front_lines: LineIndex::new("", 1),
        date: Some(spec.date_parsed),
        updated: spec.updated.as_ref().map(|(_, d)| *d),
        lang: spec.lang.clone(),
        body: spec.body.clone(),
        body_line: spec.body_line,
        outline: crate::content::outline::Outline::of(&spec.body),
        summarised: false,
        path: format!("{}{slug}/", spec.section_path),
        parent: Some(spec.section_path.clone()),
    };
    let mut texts = vec![election::prose_check::Text {
        text: &page.front.title,
        first_line: spec.title.line,
    }];
    if let Some(d) = &spec.description {
        texts.push(election::prose_check::Text {
            text: &page.front.description,
            first_line: d.line,
        });
    }
    problems.extend(prose_problems(
        &spec.index,
        texts,
        &page.body,
        page.body_line,
        &results,
        inputs.config,
        None,
    ));
    let facts = PageFacts::new(
        fingerprint::of_debug(&(&page.front, &page.body, &page.lang, input)),
        &results,
    );
    Ok((
        GeneratedPage {
            page: Arc::new(page),
            results: Arc::new(results),
            facts,
            origin,
        },
        problems,
    ))
}

/// One message per problem and place: the same template line failing for 80 results is
/// one error naming them, not 80.
fn merge(problems: Vec<(Diagnostic, Option<String>)>) -> Vec<Diagnostic> {
    let mut order: Vec<Diagnostic> = Vec::new();
    let mut labels: HashMap<usize, Vec<String>> = HashMap::new();
    let mut seen: HashMap<Diagnostic, usize> = HashMap::new();
    for (d, label) in problems {
        let i = *seen.entry(d.clone()).or_insert_with(|| {
            order.push(d);
            order.len() - 1
        });
        if let Some(label) = label {
            labels.entry(i).or_default().push(label);
        }
    }
    order
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            if let Some(labels) = labels.get(&i) {
                d.message = format!("{} ({})", d.message, made_for(labels));
            }
            d
        })
        .collect()
}

/// "in the page made for KANPUR (data/…:7)", or for several "in the pages made for 80
/// results: A (…), B (…), C (…) and 77 more".
fn made_for(labels: &[String]) -> String {
    const SHOWN: usize = 3;
    match labels {
        [one] => format!("in the page made for {one}"),
        _ => {
            let shown = labels[..labels.len().min(SHOWN)].join(", ");
            let more = labels.len().saturating_sub(SHOWN);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "in the pages made for {} results: {shown}{tail}",
                labels.len()
            )
        }
    }
}

/// Problems found while writing generated pages (a chart block of the body, a broken
/// link) name the page's file, which does not exist: name the `_index.md` instead (the
/// line is already its line) and the result the page was made for.
pub fn locate(problems: Vec<Diagnostic>, origins: &BTreeMap<PathBuf, Origin>) -> Vec<Diagnostic> {
    if origins.is_empty() {
        return problems;
    }
    let tagged = problems
        .into_iter()
        .map(|mut d| match origins.get(&d.file) {
            Some(origin) => {
                d.file = origin.index.clone();
                (d, Some(origin.label.clone()))
            }
            None => (d, None),
        })
        .collect();
    merge(tagged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_stay_in_their_folder_unless_doubled() {
        assert!(glob_match("data/up/*.toml", "data/up/043-kanpur.toml"));
        assert!(!glob_match("data/up/*.toml", "data/up/x/043-kanpur.toml"));
        assert!(glob_match("data/**/*.toml", "data/a/b/c.toml"));
        assert!(glob_match("data/up/04?-*.toml", "data/up/043-kanpur.toml"));
        assert!(!glob_match("data/up/04?-*.toml", "data/up/143-x.toml"));
    }

    #[test]
    fn one_message_for_a_line_that_fails_for_many_results() {
        let d = Diagnostic::error("content/up/_index.md", "no party `BJPP`").at_line(12);
        let problems = (1..=5)
            .map(|i| (d.clone(), Some(format!("SEAT{i} (data/up/{i}.toml:3)"))))
            .collect();
        let merged: Vec<String> = merge(problems).iter().map(ToString::to_string).collect();
        assert_eq!(
            merged,
            [
                "error: content/up/_index.md:12: no party `BJPP` (in the pages made for 5 results: SEAT1 (data/up/1.toml:3), SEAT2 (data/up/2.toml:3), SEAT3 (data/up/3.toml:3) and 2 more)"
            ]
        );
    }
}
