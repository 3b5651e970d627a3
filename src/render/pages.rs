//! The HTML of one page: for a content page, expressions in the body, Markdown to HTML
//! (charts and internal links through `Hooks`), then its template; and the pages chunav
//! makes itself (taxonomies, terms, search, 404). Each context holds that page and small
//! summaries of the pages it lists, never other pages' content.

pub use super::context::Shared;
use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::i18n;
use crate::markdown::{self, Heading, Hooks};
use crate::pagination::{self, Paginator};
use crate::site::listings::{CARD_FILE, SEARCH_PATH, Summary, Translation, has_card};
use serde::Serialize;
use tera::Context;

/// The template a content page is rendered through.
pub fn template_of(page: &crate::content::Page) -> &'static str {
    match page.kind {
        PageKind::Article => "page.html",
        PageKind::Section if page.is_home() => "index.html",
        PageKind::Section => "section.html",
    }
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: &'a str,
    lang: &'a str,
    date: String,
    date_display: String,
    updated: String,
    updated_display: String,
    tags: &'a [String],
    authors: &'a [String],
    path: &'a str,
    permalink: String,
    content: String,
    headings: Vec<Heading>,
    translations: &'a [Translation],
    /// Other articles on the same constituency, newest first (at most 5).
    related: Vec<&'a Summary>,
    /// Tags, constituencies and parties this article is listed under.
    terms: &'a [crate::taxonomy::TermLink],
    /// schema.org NewsArticle, already escaped for a `<script>` element.
    json_ld: String,
    /// Absolute URL of the share card (og:image), or empty.
    card: String,
}

#[derive(Serialize)]
struct SectionView<'a> {
    title: &'a str,
    description: &'a str,
    path: &'a str,
    content: String,
    pages: Vec<&'a Summary>,
    subsections: Vec<&'a Summary>,
}

/// A chart's own `id` that a heading of the page also has (`## INC` is `inc`), directly or
/// as one of the ids the chart derives from it: one of the two links would lead nowhere.
fn ids_shared_with_headings(
    file: &std::path::Path,
    hooks: &PageHooks<'_>,
    headings: &[Heading],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (id, line) in hooks.chosen_ids.borrow().iter() {
        let derived = [
            id.clone(),
            format!("{id}-caption"),
            format!("{id}-title"),
            format!("{id}-desc"),
        ];
        if let Some(heading) = headings.iter().find(|h| derived.contains(&h.id)) {
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "chart id `{id}` is also the id of the heading \"{}\" (#{}); give the chart another id, or the heading one of its own, e.g. ## {} {{#{}-section}}",
                        heading.text, heading.id, heading.text, heading.id
                    ),
                )
                .at_line(*line)
                .with_field("chart.id"),
            );
        }
    }
    problems
}

/// Links from the page at `depth` folders below the root back to the root: `../../`.
pub fn root_prefix(depth: usize) -> String {
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

struct PageHooks<'a> {
    shared: &'a Shared<'a>,
    root: &'a str,
    page: usize,
    /// Ids of the charts drawn so far on this page, to keep them unique.
    chart_ids: std::cell::RefCell<Vec<String>>,
    /// The ids chart blocks chose themselves, with their lines: headings may not take them.
    chosen_ids: std::cell::RefCell<Vec<(String, usize)>>,
    /// The page's first chart, which its share card shows.
    first_chart: std::cell::RefCell<Option<crate::chart::ChartSpec>>,
}

impl PageHooks<'_> {
    /// The chart's own `id`, refused if taken, or the next free `chart-N`.
    fn chart_id(&self, wanted: Option<&str>) -> Result<String, String> {
        let mut used = self.chart_ids.borrow_mut();
        let id = match wanted {
            Some(id) if used.iter().any(|u| u == id) => {
                return Err(format!(
                    "chart id `{id}` is already used by another chart on this page; ids must be unique"
                ));
            }
            Some(id) => id.to_string(),
            None => (used.len() + 1..)
                .map(|n| format!("chart-{n}"))
                .find(|id| !used.contains(id))
                .unwrap_or_default(),
        };
        used.push(id.clone());
        Ok(id)
    }
}

impl Hooks for PageHooks<'_> {
    fn chart(&self, options: &str, line: usize) -> Result<String, String> {
        let options = crate::chart_kinds::parse_options(options)?;
        let ctx = self
            .shared
            .charts
            .context(self.page)
            .ok_or("no results for this page")?;
        let id = self.chart_id(options.id.as_deref())?;
        if options.id.is_some() {
            self.chosen_ids.borrow_mut().push((id.clone(), line));
        }
        let spec = crate::chart_kinds::spec(&options, &ctx, &id)?;
        let figure = crate::chart::render_figure(&spec).map_err(|e| e.to_string())?;
        let mut first = self.first_chart.borrow_mut();
        if first.is_none() {
            *first = Some(spec);
        }
        Ok(figure)
    }

    fn lang(&self) -> &str {
        &self.shared.pages[self.page].lang
    }

    fn internal_link(&self, target: &str) -> Result<String, String> {
        let rest = target.trim_start_matches("@/");
        let (file, anchor) = match rest.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (rest, None),
        };
        let path = std::path::Path::new(crate::content::discover::CONTENT_DIR).join(file);
        let Some(i) = self.shared.index.page_for_file(&path) else {
            return Err(format!(
                "link to {target}: there is no {}; internal links name a file under content/, e.g. @/kanpur/result-2024.md",
                path.display()
            ));
        };
        let mut url = format!("{}{}", self.root, self.shared.pages[i].path);
        if let Some(anchor) = anchor {
            url.push('#');
            url.push_str(anchor);
        }
        Ok(url)
    }
}

/// A rendered page and what the link check, the search index and the share card need
/// from it.
pub struct RenderedPage {
    pub html: String,
    pub links: Vec<crate::markdown::BodyLink>,
    /// The body's readable text, for search (articles only).
    pub text: Option<crate::search::PageText>,
    /// The page's first chart, which its share card shows.
    pub first_chart: Option<crate::chart::ChartSpec>,
}

/// The HTML of page `i`, or every problem found while rendering it.
pub fn render_page(shared: &Shared<'_>, i: usize) -> Result<RenderedPage, Vec<Diagnostic>> {
    let page = &shared.pages[i];
    let root = root_prefix(page.depth());
    let mut context = Context::new();
    context.insert("lang", &page.lang);
    insert_site_in(shared, &mut context, &page.lang);
    context.insert("root", &root);
    context.insert("t", &i18n::strings(&page.lang));
    context.insert("nav", &shared.index.nav);
    context.insert("permalink", &permalink(shared.base_url, &page.path));
    context.insert("results", shared.charts.results[i].as_ref());
    // Tera maps lose their order: the ids say which result comes first on the page.
    context.insert("result_ids", &shared.charts.results[i].ids());
    // The result a page leads with: the most recent one (the first written, on a tie).
    let main_result = super::cards::main_result(&shared.charts.results[i]).map(|r| r.id.as_str());
    context.insert("main_result", &main_result);
    context.insert(crate::chart_function::PAGE_INDEX, &i);

    let body = shared
        .renderer
        .render_body(&page.file, &page.body, page.body_line, &context)
        .map_err(|d| vec![d])?;
    let hooks = PageHooks {
        shared,
        root: &root,
        page: i,
        chart_ids: std::cell::RefCell::new(Vec::new()),
        chosen_ids: std::cell::RefCell::new(Vec::new()),
        first_chart: std::cell::RefCell::new(None),
    };
    let mut rendered = markdown::render(&page.file, &body, page.body_line, &hooks);
    rendered.diagnostics.extend(ids_shared_with_headings(
        &page.file,
        &hooks,
        &rendered.headings,
    ));
    if !rendered.diagnostics.is_empty() {
        return Err(rendered.diagnostics);
    }
    let links = rendered.links;
    let body_html = match page.kind {
        PageKind::Article => rendered.html.clone(),
        PageKind::Section => String::new(),
    };

    let template = match page.kind {
        PageKind::Article => {
            context.insert(
                "page",
                &page_view(shared, i, rendered.html, rendered.headings),
            );
            template_of(page)
        }
        PageKind::Section => {
            let listed = if page.is_home() {
                &shared.index.latest[..shared.index.latest.len().min(shared.home_articles)]
            } else {
                let all = shared.index.articles_of(&page.path);
                let per_page = page.articles_per_page(shared.config.articles_per_page);
                let paginator = Paginator::new(&page.path, all.len(), per_page, 1);
                context.insert("paginator", &paginator);
                pagination::slice(all, per_page, 1)
            };
            context.insert(
                "section",
                &SectionView {
                    title: &page.front.title,
                    description: &page.front.description,
                    path: &page.path,
                    content: rendered.html,
                    pages: shared.index.summaries_of(listed),
                    subsections: shared
                        .index
                        .summaries_of(shared.index.subsections_of(&page.path)),
                },
            );
            template_of(page)
        }
    };
    let html = shared
        .renderer
        .render(template, &context)
        .map_err(|d| vec![d])?;
    // Search indexes what the reader sees: the body and the rest of the article (its result
    // box), so the page's own HTML is needed.
    let text =
        (page.kind == PageKind::Article).then(|| crate::search::page_text(&html, &body_html));
    Ok(RenderedPage {
        html,
        links,
        text,
        first_chart: hooks.first_chart.into_inner(),
    })
}

fn page_view<'a>(
    shared: &'a Shared<'_>,
    i: usize,
    content: String,
    headings: Vec<Heading>,
) -> PageView<'a> {
    let page = &shared.pages[i];
    let authors = if page.front.authors.is_empty() {
        shared.config.authors_in(&page.lang)
    } else {
        &page.front.authors
    };
    let date = page.date.map(|d| d.iso()).unwrap_or_default();
    let updated = page.updated.map(|d| d.iso()).unwrap_or_default();
    let permalink = permalink(shared.base_url, &page.path);
    // Previews need an absolute address for the image, so only with a base_url.
    let card = if has_card(page, &shared.charts.digests[i]) && !permalink.is_empty() {
        format!("{permalink}{CARD_FILE}")
    } else {
        String::new()
    };
    let json_ld = super::feeds::news_article_json_ld(&super::feeds::NewsArticle {
        headline: &page.front.title,
        description: &page.front.description,
        url: &permalink,
        date_published: &date,
        date_modified: if updated.is_empty() { &date } else { &updated },
        authors,
        lang: &page.lang,
        image: (!card.is_empty()).then_some(card.as_str()),
        publisher: shared.config.title_in(&page.lang),
    });
    PageView {
        title: &page.front.title,
        description: &page.front.description,
        lang: &page.lang,
        date,
        date_display: page
            .date
            .map(|d| i18n::format_date(d, &page.lang))
            .unwrap_or_default(),
        updated,
        updated_display: page
            .updated
            .map(|d| i18n::format_date(d, &page.lang))
            .unwrap_or_default(),
        tags: &page.front.tags,
        authors,
        path: &page.path,
        permalink,
        content,
        headings,
        translations: shared.index.translations_of(i),
        related: shared
            .index
            .summaries_of(&shared.index.related(i, &shared.charts.digests)),
        terms: shared.taxonomies.terms_of_page(i),
        json_ld,
        card,
    }
}

/// The absolute URL of a page, when the site's address is known.
pub fn permalink(base_url: &str, path: &str) -> String {
    if base_url.is_empty() {
        String::new()
    } else {
        format!("{base_url}/{path}")
    }
}

#[derive(Serialize)]
struct TermSummary<'a> {
    name: &'a str,
    path: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct TaxonomyView<'a> {
    kind: crate::taxonomy::Kind,
    title: &'a str,
    path: &'a str,
    terms: Vec<TermSummary<'a>>,
}

#[derive(Serialize)]
struct TermView<'a> {
    kind: crate::taxonomy::Kind,
    kind_title: &'a str,
    kind_path: &'a str,
    name: &'a str,
    path: &'a str,
    pages: Vec<&'a Summary>,
}

/// Where a page is in another language than the site's, the site as that language names
/// it (`[languages.X]` of site.toml) in place of the global `site`.
fn insert_site_in(shared: &Shared<'_>, context: &mut Context, lang: &str) {
    if lang != shared.language {
        context.insert(
            "site",
            &super::templates::site_view(shared.config, lang, shared.index.home_of(lang)),
        );
    }
}

/// A context for pages that are not content files: taxonomy indexes and terms, in `lang`.
fn listing_context(shared: &Shared<'_>, path: &str, lang: &str) -> Context {
    let mut context = Context::new();
    context.insert("lang", lang);
    insert_site_in(shared, &mut context, lang);
    context.insert("root", &root_prefix(path.matches('/').count()));
    context.insert("t", &i18n::strings(lang));
    context.insert("nav", &shared.index.nav);
    context.insert("permalink", &permalink(shared.base_url, path));
    context
}

/// `tags/`, `constituencies/`, `parties/`: every term with its number of articles.
pub fn render_taxonomy(
    shared: &Shared<'_>,
    kind: crate::taxonomy::Kind,
    terms: &[crate::taxonomy::Term],
) -> Result<String, Diagnostic> {
    let mut context = listing_context(shared, kind.path(), shared.language);
    context.insert(
        "taxonomy",
        &TaxonomyView {
            kind,
            title: kind.title(shared.language),
            path: kind.path(),
            terms: terms
                .iter()
                .map(|t| TermSummary {
                    name: &t.name,
                    path: &t.path,
                    count: t.pages.len(),
                })
                .collect(),
        },
    );
    shared.renderer.render("taxonomy.html", &context)
}

/// Page `number` (from 1) of one term's listing: its articles, newest first.
pub fn render_term(
    shared: &Shared<'_>,
    term: &crate::taxonomy::Term,
    number: usize,
) -> Result<String, Diagnostic> {
    let lang = term_language(shared.pages, shared.language, term);
    let per_page = shared.config.articles_per_page;
    let path = pagination::path_of(&term.path, term.pages.len(), per_page, number);
    let mut context = listing_context(shared, &path, lang);
    let paginator = Paginator::new(&term.path, term.pages.len(), per_page, number);
    context.insert("paginator", &paginator);
    let shown = pagination::slice(&term.pages, per_page, number);
    context.insert(
        "term",
        &TermView {
            kind: term.kind,
            kind_title: term.kind.title(lang),
            kind_path: term.kind.path(),
            name: &term.name,
            path: &term.path,
            pages: shared.index.summaries_of(shown),
        },
    );
    shared.renderer.render("term.html", &context)
}

/// Page `number` (2 or more) of a section's listing: the section's title and description
/// and the next of its articles. The section's own text, its result and its subsections are
/// on its first page only, so these pages do not change when its body does.
pub fn render_section_page(
    shared: &Shared<'_>,
    i: usize,
    number: usize,
) -> Result<String, Diagnostic> {
    let page = &shared.pages[i];
    let all = shared.index.articles_of(&page.path);
    let per_page = page.articles_per_page(shared.config.articles_per_page);
    let path = pagination::path_of(&page.path, all.len(), per_page, number);
    let mut context = listing_context(shared, &path, &page.lang);
    let paginator = Paginator::new(&page.path, all.len(), per_page, number);
    context.insert("paginator", &paginator);
    context.insert("main_result", &None::<&str>);
    context.insert(
        "section",
        &SectionView {
            title: &page.front.title,
            description: &page.front.description,
            path: &page.path,
            content: String::new(),
            pages: shared
                .index
                .summaries_of(pagination::slice(all, per_page, number)),
            subsections: Vec::new(),
        },
    );
    shared.renderer.render(template_of(page), &context)
}

/// The language of a term's page: that of its articles when they share one (an English
/// article's constituency "Kanpur"), otherwise the site's (`default`).
pub fn term_language<'a>(
    pages: &'a [std::sync::Arc<crate::content::Page>],
    default: &'a str,
    term: &crate::taxonomy::Term,
) -> &'a str {
    let mut langs = term.pages.iter().map(|&i| pages[i].lang.as_str());
    match langs.next() {
        Some(first) if langs.all(|l| l == first) => first,
        _ => default,
    }
}

/// The search page (the index is in search/, see crate::search). It also links the
/// taxonomy pages, which is what the page offers when JavaScript is off.
pub fn render_search(shared: &Shared<'_>) -> Result<String, Diagnostic> {
    let mut context = listing_context(shared, SEARCH_PATH, shared.language);
    let browse: Vec<std::collections::BTreeMap<&str, &str>> = shared
        .taxonomies
        .terms
        .iter()
        .filter(|(_, terms)| !terms.is_empty())
        .map(|(kind, _)| {
            std::collections::BTreeMap::from([
                ("title", kind.title(shared.language)),
                ("path", kind.path()),
            ])
        })
        .collect();
    context.insert("browse", &browse);
    shared.renderer.render("search.html", &context)
}

/// The 404 page. GitHub Pages serves it at any depth, so its links start from the
/// site's base path rather than being relative.
pub fn render_not_found(shared: &Shared<'_>, lang: &str) -> Result<String, Diagnostic> {
    let mut context = Context::new();
    context.insert("lang", lang);
    context.insert("root", &base_path(shared.base_url));
    context.insert("t", &i18n::strings(lang));
    context.insert("nav", &shared.index.nav);
    shared.renderer.render("404.html", &context)
}

/// `/kanpur-explainers/` for `https://example.github.io/kanpur-explainers`, `/` otherwise.
pub fn base_path(base_url: &str) -> String {
    let without_scheme = base_url
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or("");
    match without_scheme.find('/') {
        Some(i) => format!("{}/", without_scheme[i..].trim_end_matches('/')),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_of_project_pages() {
        assert_eq!(
            base_path("https://example.github.io/kanpur-explainers"),
            "/kanpur-explainers/"
        );
        assert_eq!(base_path("https://example.com"), "/");
        assert_eq!(base_path(""), "/");
    }

    #[test]
    fn root_prefix_climbs_per_folder() {
        assert_eq!(root_prefix(0), "./");
        assert_eq!(root_prefix(2), "../../");
    }
}
