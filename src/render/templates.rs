//! Tera: the theme's templates (embedded defaults, overridden by the site's templates/),
//! compiled once per build and shared read-only by the page renderers.

use crate::config::SiteConfig;
use crate::content::outline::calls_tally;
use crate::diagnostics::Diagnostic;
use crate::theme;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tera::{Context, Tera};
use walkdir::WalkDir;

pub const TEMPLATES_DIR: &str = "templates";

pub struct Renderer {
    tera: Tera,
    /// A second engine for article bodies, with the same filters and site data, whose
    /// comment delimiters are moved away from `{# … #}`: in Markdown `{#id}` sets a
    /// heading's id and must reach pulldown-cmark untouched.
    prose: Tera,
    /// Template name → file it came from, for error messages.
    origins: BTreeMap<String, PathBuf>,
    /// Of every template's name and text: pages are stale when it changes.
    fingerprint: u64,
    /// Templates that show seat tallies, themselves or through a template they include,
    /// extend or import: what they render depends on every seat of the site.
    tallying: BTreeSet<String>,
    /// What `chart()` and `tally()` read.
    charts: crate::chart_function::ChartSlot,
}

/// What every page's template sees of the site: in Tera's global context for pages in
/// the site's language, in the page's own context for pages in another (`site_view`).
#[derive(Serialize)]
pub struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    parties: &'a BTreeMap<String, crate::config::Party>,
    /// The path of the home of pages in this language (`en/`), below the root; empty for
    /// the site's language.
    home: &'a str,
}

/// The site as pages in `lang` name it, with `home` the path of that language's home.
pub fn site_view<'a>(config: &'a SiteConfig, lang: &str, home: &'a str) -> SiteView<'a> {
    SiteView {
        title: config.title_in(lang),
        description: config.description_in(lang),
        language: &config.language,
        base_url: &config.base_url,
        parties: &config.parties,
        home,
    }
}

impl Renderer {
    pub fn new(
        root: &Path,
        config: &SiteConfig,
        charts: std::sync::Arc<crate::chart_function::ChartData>,
    ) -> Result<Renderer, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (PathBuf, String)> = theme::TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (
                        PathBuf::from("(built-in theme)").join(name),
                        text.to_string(),
                    ),
                )
            })
            .collect();
        let mut problems = Vec::new();
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || crate::content::discover::is_ignored(&name) {
                    continue;
                }
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let file = Path::new(TEMPLATES_DIR).join(rel);
                match std::fs::read_to_string(entry.path()) {
                    Ok(text) => {
                        sources.insert(name, (file, text));
                    }
                    Err(e) => problems.push(Diagnostic::error(
                        &file,
                        format!("cannot read template: {e}"),
                    )),
                }
            }
        }
        let fingerprint = crate::fingerprint::of(&sources);
        let tallying = tallying_templates(&sources);
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        crate::filters::register(&mut tera, config);
        let charts = crate::chart_function::ChartSlot::new(charts);
        crate::tally_function::register(&mut tera, charts.clone());
        crate::chart_function::register(&mut tera, charts.clone());
        insert_site(&mut tera, config);
        let origins: BTreeMap<String, PathBuf> = sources
            .iter()
            .map(|(name, (file, _))| (name.clone(), file.clone()))
            .collect();
        let templates: Vec<(String, String)> = sources
            .into_iter()
            .map(|(name, (_, text))| (name, text))
            .collect();
        if let Err(e) = tera.add_raw_templates(templates) {
            problems.push(template_error(&origins, &e, None));
        }
        let prose = prose_engine(&tera, config);
        if problems.is_empty() {
            Ok(Renderer {
                tera,
                prose,
                origins,
                fingerprint,
                tallying,
                charts,
            })
        } else {
            Err(problems)
        }
    }

    /// Makes `chart()` and `tally()` read `charts` (the site reloaded after an edit of
    /// its content), keeping the templates compiled.
    pub fn set_charts(&self, charts: std::sync::Arc<crate::chart_function::ChartData>) {
        self.charts.set(charts);
    }

    /// A fingerprint of the templates in use (the theme's and the site's).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Whether a page whose body has this outline, rendered through `template`, shows a
    /// seat tally (so must be redrawn when any seat changes). Errs on the side of yes.
    pub fn shows_tally(&self, body: &crate::content::outline::Outline, template: &str) -> bool {
        self.tallying.contains(template)
            || body.calls_tally
            || self
                .tallying
                .iter()
                .any(|name| body.tags.contains(name.as_str()))
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(&self.origins, &e, None))
    }

    /// Renders expressions (`{{ results.ls2024.margin | inr }}`) in a Markdown body.
    /// Output is HTML-escaped; the body's own HTML and Markdown pass through untouched.
    pub fn render_body(
        &self,
        file: &Path,
        body: &str,
        body_line: usize,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        // A body with no expression, tag or comment (`{! … !}`, which must never reach a
        // reader) is copied as it is; anything else goes through the prose engine.
        if !body.contains("{{") && !body.contains("{%") && !body.contains("{!") {
            return Ok(body.to_string());
        }
        self.prose.render_str(body, context, true).map_err(|e| {
            let mut d = template_error(&BTreeMap::new(), &e, Some((file, body_line)));
            name_unknown_tag(&mut d, body, body_line);
            d
        })
    }
}

/// Renders expressions in a page's `title` and `description` (`{{ results.ls2024.margin |
/// inr }}`), so listings, feeds, share cards and the page itself show the figure, not the
/// expression. Problems are reported at the key's line.
pub fn render_front_texts(
    page: &mut crate::content::Page,
    text: &str,
    results: &crate::election::PageResults,
    config: &SiteConfig,
) -> Vec<Diagnostic> {
    let has_expression = |t: &str| t.contains("{{") || t.contains("{%");
    if !has_expression(&page.front.title) && !has_expression(&page.front.description) {
        return Vec::new();
    }
    let mut tera = Tera::new();
    crate::filters::register(&mut tera, config);
    insert_site(&mut tera, config);
    let mut context = Context::new();
    context.insert("results", results);
    context.insert("lang", &page.lang);
    let mut problems = Vec::new();
    for key in ["title", "description"] {
        let value = match key {
            "title" => &mut page.front.title,
            _ => &mut page.front.description,
        };
        if !has_expression(value) {
            continue;
        }
        match tera.render_str(value, &context, false) {
            Ok(rendered) => *value = rendered.trim().to_string(),
            Err(err) => {
                let line = crate::content::front_matter::key_line(text, key).unwrap_or(1);
                let mut d = template_error(&BTreeMap::new(), &err, Some((&page.file, line)));
                d.message = format!("`{key}`: {}", d.message);
                problems.push(d.with_field(key));
            }
        }
    }
    problems
}

/// A Tera for the patterns of pages made from data (title, slug, tags): the prose
/// filters and the site's data, no autoescape (the text is escaped where it is shown).
pub fn pattern_engine(config: &SiteConfig) -> Tera {
    let mut tera = Tera::new();
    crate::filters::register(&mut tera, config);
    insert_site(&mut tera, config);
    tera
}

/// Renders one pattern written at `line` of `file`; an error names that line.
pub fn render_pattern(
    tera: &Tera,
    text: &str,
    context: &Context,
    file: &Path,
    line: usize,
) -> Result<String, Diagnostic> {
    tera.render_str(text, context, false)
        .map(|rendered| rendered.trim().to_string())
        .map_err(|err| template_error(&BTreeMap::new(), &err, Some((file, line))))
}

/// Tera says only "Unknown tag": name the tag (`{% macro … %}`) from the line it is on,
/// and say what prose allows.
fn name_unknown_tag(d: &mut Diagnostic, body: &str, body_line: usize) {
    if !d.message.ends_with("Unknown tag") {
        return;
    }
    let line = d.line.unwrap_or(body_line).saturating_sub(body_line);
    let Some(text) = body.lines().nth(line) else {
        return;
    };
    let tags: Vec<&str> = text
        .split("{%")
        .skip(1)
        .filter_map(|t| t.trim_start_matches('-').split_whitespace().next())
        .collect();
    let allowed = [
        "if",
        "elif",
        "else",
        "endif",
        "for",
        "endfor",
        "set",
        "filter",
        "endfilter",
        "raw",
        "endraw",
    ];
    if let Some(tag) = tags.iter().find(|t| !allowed.contains(t)) {
        d.message = format!(
            "in an expression: `{{% {tag} %}}` is not a tag prose can use (macros, blocks and includes belong in templates/); prose may use if, for, set, filter and raw"
        );
    }
}

fn insert_site(tera: &mut Tera, config: &SiteConfig) {
    tera.global_context()
        .insert("site", &site_view(config, &config.language, ""));
}

/// Delimiters for prose: `{{ }}` and `{% %}` as in templates; comments are `{! !}`.
fn prose_engine(templates: &Tera, config: &SiteConfig) -> Tera {
    let mut prose = Tera::new();
    let delimiters = tera::Delimiters {
        comment_start: "{!".into(),
        comment_end: "!}".into(),
        ..tera::Delimiters::default()
    };
    // Cannot fail: the delimiters are fixed, valid, and set before any template is added.
    let _ = prose.set_delimiters(delimiters);
    prose.register_from(templates);
    insert_site(&mut prose, config);
    prose
}

/// A Tera error as a diagnostic: the template's file and line when Tera reports them.
/// `body` is the content file and first body line when the error is in page prose.
fn template_error(
    origins: &BTreeMap<String, PathBuf>,
    err: &tera::Error,
    body: Option<(&Path, usize)>,
) -> Diagnostic {
    let report = match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r.as_ref()),
        _ => None,
    };
    let Some(report) = report else {
        return unstructured_error(origins, &err.to_string(), body);
    };
    let line = report.span().start_line;
    match body {
        Some((file, body_line)) => {
            Diagnostic::error(file, format!("in an expression: {}", report.message()))
                .at_line(body_line + line.saturating_sub(1))
        }
        None => {
            let file = origins
                .get(report.filename())
                .cloned()
                .unwrap_or_else(|| Path::new(TEMPLATES_DIR).join(report.filename()));
            Diagnostic::error(file, report.message().to_string()).at_line(line)
        }
    }
}

/// Errors Tera gives only as text ("Unknown function `get_env` --> page.html:3:4 | …"):
/// the place is read from the `-->` pointer, the message is what comes before it.
fn unstructured_error(
    origins: &BTreeMap<String, PathBuf>,
    text: &str,
    body: Option<(&Path, usize)>,
) -> Diagnostic {
    let flat = flatten(text);
    let (message, place) = match flat.split_once(" --> ") {
        Some((message, rest)) => (
            message.trim_start_matches("error: ").to_string(),
            Some(rest),
        ),
        None => (flat.trim_start_matches("error: ").to_string(), None),
    };
    let (name, line) = place
        .and_then(|p| p.split_whitespace().next())
        .and_then(|p| {
            let mut parts = p.rsplitn(3, ':');
            let _column = parts.next()?;
            let line: usize = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), line))
        })
        .map_or((None, None), |(n, l)| (Some(n), Some(l)));
    match body {
        Some((file, body_line)) => {
            let line = body_line + line.unwrap_or(1).saturating_sub(1);
            Diagnostic::error(file, format!("in an expression: {message}")).at_line(line)
        }
        None => {
            // "Template 'page.html' is inheriting from 'gone.html'…" names no place: the
            // template it names first is the one to fix.
            let named = message
                .split_once("Template '")
                .and_then(|(_, rest)| rest.split_once('\''))
                .map(|(n, _)| n.to_string());
            let file = name
                .as_ref()
                .or(named.as_ref())
                .and_then(|n| origins.get(n).cloned())
                .unwrap_or_else(|| PathBuf::from(TEMPLATES_DIR));
            let d = Diagnostic::error(file, message);
            match line {
                Some(line) => d.at_line(line),
                None => d,
            }
        }
    }
}

fn flatten(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The templates that call `tally()` or draw a seats chart, and those that name one of
/// them (in `include`, `extends` or `import`), until no more are found.
fn tallying_templates(sources: &BTreeMap<String, (PathBuf, String)>) -> BTreeSet<String> {
    let mut tallying: BTreeSet<String> = sources
        .iter()
        .filter(|(_, (_, text))| calls_tally(text))
        .map(|(name, _)| name.clone())
        .collect();
    loop {
        let naming: Vec<String> = sources
            .iter()
            .filter(|(name, _)| !tallying.contains(*name))
            .filter(|(_, (_, text))| tallying.iter().any(|t| text.contains(t.as_str())))
            .map(|(name, _)| name.clone())
            .collect();
        if naming.is_empty() {
            return tallying;
        }
        tallying.extend(naming);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(templates: &[(&str, &str)]) -> BTreeMap<String, (PathBuf, String)> {
        templates
            .iter()
            .map(|(name, text)| (name.to_string(), (PathBuf::from(name), text.to_string())))
            .collect()
    }

    #[test]
    fn a_template_showing_a_tally_through_a_partial_counts_as_tallying() {
        let tallying = tallying_templates(&sources(&[
            ("base.html", "{% block main %}{% endblock %}"),
            (
                "partials/seats.html",
                "{% set t = tally(election=\"ls2024\") %}",
            ),
            (
                "page.html",
                "{% extends \"base.html\" %}{% include \"partials/seats.html\" %}",
            ),
            ("section.html", "{% extends \"base.html\" %}"),
            (
                "term.html",
                "{{ chart(kind=\"seats\", election=\"ls2024\") }}",
            ),
        ]));
        let names: Vec<&str> = tallying.iter().map(String::as_str).collect();
        assert_eq!(names, ["page.html", "partials/seats.html", "term.html"]);
    }
}
