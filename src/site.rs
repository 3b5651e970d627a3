//! The build, top to bottom: load → check → render → write. `build` and `check` run the
//! same steps; only `build` writes, and only into a staging folder swapped in at the end.

use crate::chart_function::ChartData;
use crate::config::SiteConfig;
use crate::content::{self, Page, PageKind, discover};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::election::{self, DataStore, PageResults};
use crate::links::LinkRecorder;
use crate::output::{self, Staging};
use crate::page_render::{self, Shared};
use crate::publish;
use crate::render::Renderer;
use crate::search::{self, SearchIndex};
use crate::site_index::SiteIndex;
use crate::taxonomy::Taxonomies;
use crate::theme;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
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
    pub external: bool,
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

/// Where rendered files go: a staging folder on disk for `build`, memory for `serve`.
/// The one choke point through which every output file passes.
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()>;
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        Staging::write(self, rel, bytes)
    }
}

/// `check`: everything is rendered, nothing is kept.
struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}

/// What loading needs besides the folder.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    pub base_url: Option<String>,
    /// Also ask other sites whether the links to them still work (needs the network).
    pub external: bool,
}

/// One content file as last read: its text, the page (or why it failed) and its checked
/// results. `serve` keeps these and re-reads only the files that changed.
#[derive(Debug, Clone)]
struct Entry {
    text: String,
    page: Result<Page, Vec<Diagnostic>>,
    results: PageResults,
    result_problems: Vec<Diagnostic>,
}

/// A loaded and checked site, ready to render.
pub struct Site {
    pub root: PathBuf,
    options: LoadOptions,
    pub config: SiteConfig,
    entries: BTreeMap<PathBuf, Entry>,
    data: DataStore,
    data_problems: Vec<Diagnostic>,
    /// The party codes of site.toml, which every page's results are checked against.
    parties: BTreeSet<String>,
    /// Published pages (drafts left out unless asked for), home page included.
    pub pages: Vec<Page>,
    pub index: SiteIndex,
    pub taxonomies: Taxonomies,
    pub charts: Arc<ChartData>,
    pub renderer: Option<Renderer>,
    /// Every problem found by loading and checking, sorted.
    pub problems: Vec<Diagnostic>,
}

pub fn build(options: &BuildOptions) -> Outcome {
    let root = options.root.as_path();
    if let Some(out) = &options.output
        && let Some(reason) = output::refuse_reason(root, out)
    {
        return Outcome::failed(vec![Diagnostic::error(out, reason)]);
    }
    let load = LoadOptions {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
        external: options.external,
    };
    let site = match Site::load(root, load) {
        Ok(site) => site,
        Err(problems) => return Outcome::failed(problems),
    };
    let mut problems = site.problems.clone();
    if stops_build(&problems, options.strict) || site.renderer.is_none() {
        return Outcome::failed(problems);
    }
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
    let (render_problems, files) = match &staging {
        Some(staging) => site.render_all(staging),
        None => site.render_all(&Discard),
    };
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
        pages: site.pages.len(),
        files: if options.output.is_some() { files } else { 0 },
        failed,
    }
}

pub fn stops_build(problems: &[Diagnostic], strict: bool) -> bool {
    problems
        .iter()
        .any(|d| d.severity == Severity::Error || strict)
}

/// Which outputs a change makes stale.
#[derive(Debug, Default, PartialEq, Eq)]
pub enum Rerender {
    /// Nothing the reader sees changed (e.g. an ignored file).
    #[default]
    Nothing,
    /// These pages, plus the listings and feeds when a summary changed.
    Pages { pages: Vec<usize>, listings: bool },
    /// Everything: templates, config, data, or pages added, removed or moved.
    All,
}

impl Site {
    /// Reads site.toml, content/ and data/, and checks them. `Err` only when site.toml
    /// itself is unusable; every other problem is in `problems`.
    pub fn load(root: &Path, options: LoadOptions) -> Result<Site, Vec<Diagnostic>> {
        let config = load_config(root, &options)?;
        let parties: BTreeSet<String> = config.parties.keys().cloned().collect();
        let (data, mut data_problems) = load_data(root, &parties);
        data_problems.extend(crate::import::provenance::check(root, &data, &config));
        let mut site = Site {
            root: root.to_path_buf(),
            options,
            config,
            entries: BTreeMap::new(),
            data,
            data_problems,
            parties,
            pages: Vec::new(),
            index: SiteIndex::new(&[]),
            taxonomies: Taxonomies::default(),
            charts: Arc::new(ChartData::empty()),
            renderer: None,
            problems: Vec::new(),
        };
        let mut problems = Vec::new();
        match discover::discover(root) {
            Ok(mut files) => {
                problems.append(&mut files.skipped);
                let entries: Vec<(PathBuf, Entry)> = files
                    .markdown
                    .par_iter()
                    .filter_map(|file| site.read_entry(file).map(|e| (file.clone(), e)))
                    .collect();
                site.entries = entries.into_iter().collect();
            }
            Err(e) => problems.push(Diagnostic::error(
                discover::CONTENT_DIR,
                format!("cannot read: {e}"),
            )),
        }
        site.assemble(problems);
        Ok(site)
    }

    /// Re-reads the content files in `changed` (paths relative to the root; a missing file
    /// is a deletion) and re-checks the site, reusing every other page as it was.
    pub fn reload_content(&mut self, changed: &[PathBuf]) -> Rerender {
        let before: Vec<(String, Summary)> = self
            .pages
            .iter()
            .map(|p| (p.path.clone(), summary_key(p)))
            .collect();
        let mut touched = Vec::new();
        for file in changed {
            let readable = discover::readable_source(&self.root, discover::CONTENT_DIR, file);
            let entry = if readable.is_ok() {
                self.read_entry(file)
            } else {
                None
            };
            let unchanged = match (&entry, self.entries.get(file)) {
                (Some(new), Some(old)) => new.text == old.text,
                (None, None) => true,
                _ => false,
            };
            if unchanged {
                continue;
            }
            match entry {
                Some(entry) => self.entries.insert(file.clone(), entry),
                None => self.entries.remove(file),
            };
            touched.push(file.clone());
        }
        if touched.is_empty() {
            return Rerender::Nothing;
        }
        self.assemble(Vec::new());
        let after: Vec<(String, Summary)> = self
            .pages
            .iter()
            .map(|p| (p.path.clone(), summary_key(p)))
            .collect();
        let same_urls =
            before.len() == after.len() && before.iter().zip(&after).all(|(a, b)| a.0 == b.0);
        if !same_urls {
            return Rerender::All;
        }
        let pages = self
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| touched.contains(&p.file))
            .map(|(i, _)| i)
            .collect();
        Rerender::Pages {
            pages,
            listings: before != after,
        }
    }

    /// Loads everything again (site.toml, data/ or templates changed).
    pub fn reload_all(&mut self) -> Result<(), Vec<Diagnostic>> {
        *self = Site::load(&self.root, self.options.clone())?;
        Ok(())
    }

    fn read_entry(&self, file: &Path) -> Option<Entry> {
        let text = match content::text_check::read_text(&self.root.join(file), file) {
            Ok(text) => text,
            Err(problem) => {
                return Some(Entry {
                    text: String::new(),
                    page: Err(vec![problem]),
                    results: PageResults::default(),
                    result_problems: Vec::new(),
                });
            }
        };
        let page = content::load_page(file, &text, &self.config);
        let (results, result_problems) = match &page {
            Ok(page) => {
                let (results, mut problems) = check_page_results(page, &self.data, &self.parties);
                problems.extend(crate::import::provenance::check_page(
                    &self.root,
                    &page.file,
                    &page.front_lines,
                    &page.front.results,
                    &self.config,
                ));
                (results, problems)
            }
            Err(_) => (PageResults::default(), Vec::new()),
        };
        Some(Entry {
            text,
            page,
            results,
            result_problems,
        })
    }

    /// Builds the published page list, the index, the renderer and the problem list from
    /// the entries.
    fn assemble(&mut self, mut problems: Vec<Diagnostic>) {
        problems.extend(self.data_problems.iter().cloned());
        let mut pages = Vec::new();
        let mut results = Vec::new();
        for entry in self.entries.values() {
            match &entry.page {
                Ok(page) if page.front.draft && !self.options.drafts => {}
                Ok(page) => {
                    pages.push(page.clone());
                    results.push(entry.results.clone());
                    problems.extend(entry.result_problems.iter().cloned());
                }
                Err(p) => problems.extend(p.iter().cloned()),
            }
        }
        if !pages.iter().any(Page::is_home) {
            pages.push(synthetic_home(&self.config));
            results.push(PageResults::default());
        }
        problems.extend(check_unique_urls(&pages));
        problems.extend(content::check_translation_keys(&pages));
        let site: Vec<(&Path, &PageResults)> = pages
            .iter()
            .map(|p| p.file.as_path())
            .zip(results.iter())
            .collect();
        problems.extend(election::check_site(&site));
        self.index = SiteIndex::new(&pages);
        self.taxonomies = Taxonomies::new(&pages, &results, &self.config, &self.index.latest);
        problems.extend(check_taxonomy_urls(&pages, &self.taxonomies));
        self.charts = Arc::new(ChartData::new(&pages, results, &self.config));
        self.renderer = Renderer::new(&self.root, &self.config, self.charts.clone())
            .map_err(|p| problems.extend(p))
            .ok();
        self.pages = pages;
        diagnostics::sort(&mut problems);
        self.problems = problems;
    }

    fn shared(&self) -> Option<Shared<'_>> {
        Some(Shared {
            pages: &self.pages,
            charts: &self.charts,
            index: &self.index,
            taxonomies: &self.taxonomies,
            language: &self.config.language,
            renderer: self.renderer.as_ref()?,
            base_url: &self.config.base_url,
            home_articles: self.config.home_articles,
            site_title: &self.config.title,
            default_authors: &self.config.authors,
        })
    }

    /// Renders and writes the whole site; returns the problems and the number of files.
    pub fn render_all(&self, sink: &dyn Sink) -> (Vec<Diagnostic>, usize) {
        let Some(shared) = self.shared() else {
            return (self.problems.clone(), 0);
        };
        // Everything written passes the recorder, so links are checked against the site
        // exactly as it was written.
        let recorder = LinkRecorder::new(sink);
        let written = AtomicUsize::new(0);
        let all: Vec<usize> = (0..self.pages.len()).collect();
        let search = SearchIndex::default();
        let mut problems = render_pages(
            &shared,
            &all,
            &recorder,
            &written,
            Some(&recorder),
            Some(&search),
        );
        for (path, bytes) in search.files() {
            problems.extend(write_counted(&recorder, &path, &bytes, &written));
        }
        match page_render::render_search(&shared) {
            Ok(html) => problems.extend(write_counted(
                &recorder,
                &format!("{}index.html", page_render::SEARCH_PATH),
                html.as_bytes(),
                &written,
            )),
            Err(d) => problems.push(d),
        }
        problems.extend(self.write_listings_extras(&shared, &recorder, &written));
        problems.extend(render_taxonomies(&shared, &recorder, &written));
        match page_render::render_not_found(&shared, &self.config.language) {
            Ok(html) => problems.extend(write_counted(
                &recorder,
                "404.html",
                html.as_bytes(),
                &written,
            )),
            Err(d) => problems.push(d),
        }
        problems.extend(copy_static(&self.root, &recorder, &written));
        let (broken, external) = recorder.check();
        problems.extend(broken);
        if self.options.external {
            problems.extend(crate::external_links::check(&external));
        }
        (problems, written.load(Ordering::Relaxed))
    }

    /// Renders what `rerender` names (for `serve`); `All` is `render_all`.
    pub fn render_some(&self, rerender: &Rerender, sink: &dyn Sink) -> (Vec<Diagnostic>, usize) {
        let Some(shared) = self.shared() else {
            return (self.problems.clone(), 0);
        };
        let written = AtomicUsize::new(0);
        let problems = match rerender {
            Rerender::Nothing => Vec::new(),
            Rerender::All => return self.render_all(sink),
            Rerender::Pages { pages, listings } => {
                let mut list = pages.clone();
                if *listings {
                    list.extend(
                        self.pages
                            .iter()
                            .enumerate()
                            .filter(|(_, p)| p.kind == PageKind::Section)
                            .map(|(i, _)| i),
                    );
                    list.sort_unstable();
                    list.dedup();
                }
                let mut problems = render_pages(&shared, &list, sink, &written, None, None);
                if *listings {
                    problems.extend(self.write_listings_extras(&shared, sink, &written));
                    problems.extend(render_taxonomies(&shared, sink, &written));
                }
                problems
            }
        };
        (problems, written.load(Ordering::Relaxed))
    }

    fn write_listings_extras(
        &self,
        shared: &Shared<'_>,
        sink: &dyn Sink,
        written: &AtomicUsize,
    ) -> Vec<Diagnostic> {
        publish::site_files(shared, &self.config)
            .into_iter()
            .filter_map(|(rel, text)| write_counted(sink, &rel, text.as_bytes(), written))
            .collect()
    }
}

fn load_config(root: &Path, options: &LoadOptions) -> Result<SiteConfig, Vec<Diagnostic>> {
    let mut config = SiteConfig::load(root)?;
    if let Some(url) = &options.base_url {
        config.set_base_url(url).map_err(|d| vec![d])?;
    }
    Ok(config)
}

fn load_data(root: &Path, parties: &BTreeSet<String>) -> (DataStore, Vec<Diagnostic>) {
    let (data, mut problems) = election::load_data_dir(root);
    problems.extend(data.check(parties));
    (data, problems)
}

/// A page's election data checked against the site's parties and data/ files, and the
/// numbers typed in its prose checked against that data.
fn check_page_results(
    page: &Page,
    data: &DataStore,
    parties: &BTreeSet<String>,
) -> (PageResults, Vec<Diagnostic>) {
    let (results, mut problems) = election::check_page(
        &page.file,
        &page.front_lines,
        &page.front.results,
        &page.front.data,
        data,
        parties,
    );
    problems.extend(election::check_prose(
        &page.file,
        &page.body,
        page.body_line,
        &results,
    ));
    let incomplete: Vec<&str> = results
        .iter()
        .filter(|r| !r.complete)
        .map(|r| r.id.as_str())
        .collect();
    problems.extend(content::expr_check::incomplete_quotes(
        &page.file,
        &page.body,
        page.body_line,
        &incomplete,
    ));
    (results, problems)
}

/// What listing pages show of a page: when it changes, listings are re-rendered.
type Summary = (
    String,
    String,
    Option<content::Date>,
    bool,
    Vec<String>,
    Option<String>,
);

fn summary_key(page: &Page) -> Summary {
    (
        page.front.title.clone(),
        page.front.description.clone(),
        page.date,
        page.front.draft,
        page.front.tags.clone(),
        page.front.translation_key.clone(),
    )
}

fn write_counted(
    sink: &dyn Sink,
    rel: &str,
    bytes: &[u8],
    written: &AtomicUsize,
) -> Option<Diagnostic> {
    match sink.write(rel, bytes) {
        Ok(()) => {
            written.fetch_add(1, Ordering::Relaxed);
            None
        }
        Err(e) => Some(Diagnostic::error(rel, format!("cannot write: {e}"))),
    }
}

/// Renders `which` pages in parallel, each written as soon as it is ready.
fn render_pages(
    shared: &Shared<'_>,
    which: &[usize],
    sink: &dyn Sink,
    written: &AtomicUsize,
    links: Option<&LinkRecorder<'_>>,
    search: Option<&SearchIndex>,
) -> Vec<Diagnostic> {
    which
        .par_iter()
        .flat_map_iter(|&i| {
            let page = &shared.pages[i];
            let rel = format!("{}index.html", page.path);
            match page_render::render_page(shared, i) {
                Ok(rendered) => {
                    if let Some(recorder) = links {
                        recorder.page_links(page.file.clone(), page.path.clone(), rendered.links);
                    }
                    if let (Some(index), Some(text)) = (search, rendered.text) {
                        index.add(search_entry(shared, i, text));
                    }
                    let card = rendered.card.and_then(|png| {
                        write_counted(
                            sink,
                            &format!("{}{}", page.path, page_render::CARD_FILE),
                            &png,
                            written,
                        )
                    });
                    write_counted(sink, &rel, rendered.html.as_bytes(), written)
                        .into_iter()
                        .chain(card)
                        .collect()
                }
                Err(problems) => problems,
            }
        })
        .collect()
}

fn search_entry(shared: &Shared<'_>, i: usize, text: search::PageText) -> search::Entry {
    let page = &shared.pages[i];
    search::Entry {
        title: page.front.title.clone(),
        description: page.front.description.clone(),
        path: page.path.clone(),
        lang: page.lang.clone(),
        date: page.date.map(|d| d.iso()).unwrap_or_default(),
        tags: page.front.tags.clone(),
        text,
    }
}

/// The index page of each taxonomy and the page of each term.
fn render_taxonomies(
    shared: &Shared<'_>,
    sink: &dyn Sink,
    written: &AtomicUsize,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (kind, terms) in &shared.taxonomies.terms {
        let rel = format!("{}index.html", kind.path());
        match page_render::render_taxonomy(shared, *kind, terms) {
            Ok(html) => problems.extend(write_counted(sink, &rel, html.as_bytes(), written)),
            Err(d) => problems.push(d),
        }
        let rendered: Vec<Result<(String, String), Diagnostic>> = terms
            .par_iter()
            .map(|term| {
                page_render::render_term(shared, term)
                    .map(|html| (format!("{}index.html", term.path), html))
            })
            .collect();
        for result in rendered {
            match result {
                Ok((rel, html)) => {
                    problems.extend(write_counted(sink, &rel, html.as_bytes(), written))
                }
                Err(d) => problems.push(d),
            }
        }
    }
    problems
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

/// A content folder named like a taxonomy (`content/tags/`) would be overwritten by it.
fn check_taxonomy_urls(pages: &[Page], taxonomies: &Taxonomies) -> Vec<Diagnostic> {
    let mut taken: BTreeSet<String> = taxonomies.paths().collect();
    taken.insert(page_render::SEARCH_PATH.to_string());
    pages
        .iter()
        .filter(|p| taken.contains(&p.path))
        .map(|p| {
            Diagnostic::error(
                &p.file,
                format!(
                    "this page's URL /{} is where chunav lists tags, constituencies or parties, or has its search page; \
                     rename the folder or give the page another `slug`",
                    p.path
                ),
            )
        })
        .collect()
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

/// The theme's embedded static files, then the site's static/ (winning on equal names),
/// then non-Markdown files from content/ beside their pages.
fn copy_static(root: &Path, sink: &dyn Sink, written: &AtomicUsize) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut count = 0;
    let site_static = root.join(STATIC_DIR);
    for (name, bytes) in theme::STATIC {
        if site_static.join(name).exists() {
            continue;
        }
        match sink.write(name, bytes) {
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
            if discover::is_ignored(&entry.file_name().to_string_lossy()) {
                continue;
            }
            if entry.path_is_symlink() && dir.ends_with(STATIC_DIR) {
                let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                problems.push(discover::link_warning(rel));
            }
            if !entry.file_type().is_file() {
                continue;
            }
            if discover::is_markdown(entry.path()) && dir.ends_with(discover::CONTENT_DIR) {
                continue;
            }
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            match std::fs::read(entry.path()).and_then(|bytes| sink.write(&rel, &bytes)) {
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
