//! The build, top to bottom: load → check → render → write. `build` and `check` run the
//! same steps; only `build` writes, and only into a staging folder swapped in at the end.

use crate::chart_function::ChartData;
use crate::config::SiteConfig;
use crate::content::{self, Page, PageKind, discover};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::election::{self, PageResults};
use crate::output::{self, Staging};
use crate::page_render::{self, Shared};
use crate::publish;
use crate::render::Renderer;
use crate::site_index::SiteIndex;
use crate::theme;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use walkdir::WalkDir;

pub struct BuildOptions {
    pub root: PathBuf,
    /// Where the site goes; `None` checks without writing.
    pub output: Option<PathBuf>,
    pub drafts: bool,
    /// Warnings fail the build too.
    pub strict: bool,
    pub base_url: Option<String>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub failed: bool,
}

impl Outcome {
    fn failed(mut diagnostics: Vec<Diagnostic>) -> Outcome {
        diagnostics::sort(&mut diagnostics);
        Outcome {
            diagnostics,
            failed: true,
            ..Outcome::default()
        }
    }
}

pub const STATIC_DIR: &str = "static";

pub fn build(options: &BuildOptions) -> Outcome {
    let root = options.root.as_path();
    if let Some(out) = &options.output
        && let Some(reason) = output::refuse_reason(root, out)
    {
        return Outcome::failed(vec![Diagnostic::error(out, reason)]);
    }
    let mut config = match SiteConfig::load(root) {
        Ok(c) => c,
        Err(problems) => return Outcome::failed(problems),
    };
    if let Some(url) = &options.base_url {
        config.base_url = url.trim_end_matches('/').to_string();
    }

    let (pages, mut problems) = load_pages(root, &config, options.drafts);
    problems.extend(check_unique_urls(&pages));
    let (results, election_problems) = check_elections(root, &config, &pages);
    problems.extend(election_problems);
    let index = SiteIndex::new(&pages);
    let charts = Arc::new(ChartData::new(&pages, results, &config));
    let renderer = Renderer::new(root, &config, charts.clone())
        .map_err(|p| problems.extend(p))
        .ok();
    if stops_build(&problems, options.strict) {
        return Outcome::failed(problems);
    }
    let Some(renderer) = renderer else {
        return Outcome::failed(problems);
    };

    let shared = Shared {
        pages: &pages,
        charts: &charts,
        index: &index,
        renderer: &renderer,
        base_url: &config.base_url,
        home_articles: config.home_articles,
        site_title: &config.title,
        default_authors: &config.authors,
    };
    let staging = match &options.output {
        Some(out) => match Staging::create(out) {
            Ok(s) => Some(s),
            Err(e) => {
                problems.push(Diagnostic::error(
                    out,
                    format!("cannot create the output folder: {e}"),
                ));
                return Outcome::failed(problems);
            }
        },
        None => None,
    };
    let written = AtomicUsize::new(0);
    let render_problems = write_site(root, &shared, &config, staging.as_ref(), &written);
    problems.extend(render_problems);
    let failed = stops_build(&problems, options.strict);
    if let Some(staging) = staging {
        if failed {
            staging.discard();
        } else if let Err(e) = staging.commit() {
            let out = options.output.as_deref().unwrap_or(Path::new("public"));
            problems.push(Diagnostic::error(
                out,
                format!("cannot put the new site in place: {e}"),
            ));
            return Outcome::failed(problems);
        }
    }
    diagnostics::sort(&mut problems);
    Outcome {
        diagnostics: problems,
        pages: pages.len(),
        files: written.load(Ordering::Relaxed),
        failed,
    }
}

fn stops_build(problems: &[Diagnostic], strict: bool) -> bool {
    problems
        .iter()
        .any(|d| d.severity == Severity::Error || strict)
}

/// Reads and parses every content file, in parallel. A site without `content/_index.md`
/// still gets a home page, titled after the site.
fn load_pages(root: &Path, config: &SiteConfig, drafts: bool) -> (Vec<Page>, Vec<Diagnostic>) {
    let files = match discover::discover(root) {
        Ok(f) => f,
        Err(e) => {
            return (
                Vec::new(),
                vec![Diagnostic::error(
                    discover::CONTENT_DIR,
                    format!("cannot read: {e}"),
                )],
            );
        }
    };
    let results: Vec<Result<Page, Vec<Diagnostic>>> = files
        .markdown
        .par_iter()
        .map(|file| {
            let text = std::fs::read_to_string(root.join(file))
                .map_err(|e| vec![Diagnostic::error(file, format!("cannot read: {e}"))])?;
            content::load_page(file, &text, config)
        })
        .collect();
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(page) if page.front.draft && !drafts => {}
            Ok(page) => pages.push(page),
            Err(p) => problems.extend(p),
        }
    }
    if !pages.iter().any(Page::is_home) {
        pages.push(synthetic_home(config));
    }
    (pages, problems)
}

fn synthetic_home(config: &SiteConfig) -> Page {
    let front = content::front_matter::FrontMatter {
        title: config.title.clone(),
        description: config.description.clone(),
        ..Default::default()
    };
    Page {
        file: PathBuf::from(discover::CONTENT_DIR).join("_index.md"),
        kind: PageKind::Section,
        front,
        front_lines: crate::diagnostics::LineIndex::new("", 1),
        date: None,
        updated: None,
        lang: config.language.clone(),
        body: String::new(),
        body_line: 1,
        path: String::new(),
        parent: None,
    }
}

/// Checks every page's election data (with the shared data/ files, checked once), the
/// figures pages give for the same candidates, and numbers typed in the prose.
fn check_elections(
    root: &Path,
    config: &SiteConfig,
    pages: &[Page],
) -> (Vec<PageResults>, Vec<Diagnostic>) {
    let parties: BTreeSet<String> = config.parties.keys().cloned().collect();
    let (data, mut problems) = election::load_data_dir(root);
    problems.extend(data.check(&parties));
    let checked: Vec<(PageResults, Vec<Diagnostic>)> = pages
        .par_iter()
        .map(|page| {
            let (results, mut found) = election::check_page(
                &page.file,
                &page.front_lines,
                &page.front.results,
                &page.front.data,
                &data,
                &parties,
            );
            found.extend(election::check_prose(
                &page.file,
                &page.body,
                page.body_line,
                &results,
            ));
            (results, found)
        })
        .collect();
    let mut results = Vec::with_capacity(checked.len());
    for (page_results, found) in checked {
        results.push(page_results);
        problems.extend(found);
    }
    let site: Vec<(&Path, &PageResults)> = pages
        .iter()
        .map(|p| p.file.as_path())
        .zip(results.iter())
        .collect();
    problems.extend(election::check_site(&site));
    (results, problems)
}

/// Two files may not claim the same URL (a `slug` equal to a sibling's file name, say).
fn check_unique_urls(pages: &[Page]) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, &Page> = HashMap::new();
    let mut problems = Vec::new();
    for page in pages {
        if let Some(first) = seen.insert(&page.path, page) {
            problems.push(Diagnostic::error(
                &page.file,
                format!(
                    "this page's URL /{} is already taken by {}; give one of them another `slug`",
                    page.path,
                    first.file.display()
                ),
            ));
        }
    }
    problems
}

/// Renders every page (in parallel, each written as soon as it is ready), the 404 page,
/// the theme's and the site's static files and content/ assets.
fn write_site(
    root: &Path,
    shared: &Shared<'_>,
    config: &SiteConfig,
    staging: Option<&Staging>,
    written: &AtomicUsize,
) -> Vec<Diagnostic> {
    let write = |rel: &str, bytes: &[u8]| -> Result<(), Diagnostic> {
        if let Some(staging) = staging {
            staging
                .write(rel, bytes)
                .map_err(|e| Diagnostic::error(rel, format!("cannot write: {e}")))?;
            written.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    };
    let mut problems: Vec<Diagnostic> = (0..shared.pages.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let rel = format!("{}index.html", shared.pages[i].path);
            match page_render::render_page(shared, i) {
                Ok(html) => write(&rel, html.as_bytes()).err().into_iter().collect(),
                Err(problems) => problems,
            }
        })
        .collect();
    for (rel, text) in publish_files(shared, config) {
        problems.extend(write(&rel, text.as_bytes()).err());
    }
    match page_render::render_not_found(shared, &config.language) {
        Ok(html) => problems.extend(write("404.html", html.as_bytes()).err()),
        Err(d) => problems.push(d),
    }
    if let Some(staging) = staging {
        problems.extend(copy_static(root, staging, written));
    }
    problems
}

/// sitemap.xml, robots.txt, CNAME and the Atom feeds of the site and of each section.
/// Sitemaps and feeds need absolute URLs: without a base_url only robots.txt is written.
fn publish_files(shared: &Shared<'_>, config: &SiteConfig) -> Vec<(String, String)> {
    let base = shared.base_url;
    let mut files = vec![("robots.txt".to_string(), publish::robots(base))];
    if let Some(cname) = &config.cname {
        files.push(("CNAME".to_string(), format!("{}\n", cname.trim())));
    }
    if base.is_empty() {
        return files;
    }
    let entries: Vec<publish::SitemapEntry> = shared
        .index
        .summaries
        .iter()
        .map(|s| publish::SitemapEntry {
            url: format!("{base}/{}", s.path),
            lastmod: s.updated.clone(),
        })
        .collect();
    files.push(("sitemap.xml".to_string(), publish::sitemap(&entries)));
    for page in shared.pages.iter().filter(|p| p.kind == PageKind::Section) {
        let listed = if page.is_home() {
            &shared.index.latest[..]
        } else {
            shared.index.articles_of(&page.path)
        };
        let feed = publish::Feed {
            title: &page.front.title,
            lang: &page.lang,
            feed_url: format!("{base}/{}atom.xml", page.path),
            page_url: format!("{base}/{}", page.path),
            base_url: base,
            authors: &config.authors,
            entries: shared
                .index
                .summaries_of(&listed[..listed.len().min(FEED_ENTRIES)]),
        };
        files.push((format!("{}atom.xml", page.path), publish::atom(&feed)));
    }
    files
}

const FEED_ENTRIES: usize = 50;

/// The theme's embedded static files, then the site's static/ (winning on equal names),
/// then non-Markdown files from content/ beside their pages.
fn copy_static(root: &Path, staging: &Staging, written: &AtomicUsize) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut count = 0;
    let site_static = root.join(STATIC_DIR);
    for (name, bytes) in theme::STATIC {
        if site_static.join(name).exists() {
            continue;
        }
        match staging.write(name, bytes) {
            Ok(()) => count += 1,
            Err(e) => problems.push(Diagnostic::error(name, format!("cannot write: {e}"))),
        }
    }
    let mut copy_tree = |dir: &Path| {
        if !dir.is_dir() {
            return;
        }
        for entry in WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file()
                || discover::is_ignored(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            if entry.path().extension().is_some_and(|e| e == "md")
                && dir.ends_with(discover::CONTENT_DIR)
            {
                continue;
            }
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            match staging.copy(&rel, entry.path()) {
                Ok(()) => count += 1,
                Err(e) => {
                    problems.push(Diagnostic::error(entry.path(), format!("cannot copy: {e}")))
                }
            }
        }
    };
    copy_tree(&site_static);
    copy_tree(&root.join(discover::CONTENT_DIR));
    written.fetch_add(count, Ordering::Relaxed);
    problems
}
