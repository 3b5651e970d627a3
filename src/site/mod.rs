//! The loaded site: site.toml, content/, data/ and the files to copy, read and checked,
//! with what listings need to know about the whole site derived once (`listings`, the
//! taxonomies, every page's checked results). Plain data for the planner and renderers;
//! nothing here renders or writes.
//!
//! `serve` keeps one `Site` and re-reads only the files an edit touched.

mod checks;
pub mod generate;
pub mod listings;
mod names;
mod prose_cache;
mod summary_cache;

use crate::chart_function::ChartData;
use crate::config::SiteConfig;
use crate::content::{self, Page, PageKind, discover};
use crate::diagnostics::{self, Diagnostic};
use crate::election::{self, DataStore, PageResults, ResultDigest};
use crate::fingerprint;
use crate::taxonomy::Taxonomies;
use listings::SiteIndex;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

pub const STATIC_DIR: &str = "static";

/// What loading needs besides the folder.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    pub base_url: Option<String>,
    /// Also ask other sites whether the links to them still work (needs the network).
    pub external: bool,
    /// Keep the prose check's findings in `.chunav/cache/` and reuse them for unchanged
    /// files (see `prose_cache`).
    pub cache: bool,
    /// Keep unchanged content files as their summaries (`summary_cache`), loading a page
    /// whole only when it is rendered (`Site::load_whole`): a build that reuses what the
    /// last one published. Needs `cache`.
    pub summaries: bool,
}

/// One content file as last read: its text, the page (or why it failed) and its checked
/// results, with fingerprints of both for the plan.
#[derive(Debug, Clone)]
struct Entry {
    page: Result<Arc<Page>, Vec<Diagnostic>>,
    results: Arc<PageResults>,
    /// What the site-wide steps read of `results` (all there is of a summarised page's).
    digests: Arc<[ResultDigest]>,
    result_problems: Vec<Diagnostic>,
    facts: PageFacts,
    /// A section's `[generate]`, resolved.
    generate: Option<Arc<generate::Spec>>,
    /// What the site derives across pages reads of this file (see
    /// `Site::reload_content`).
    shape: Shape,
}

/// What the cross-page steps of `Site::assemble` read of a content file, fingerprinted
/// (`shape_of`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Shape {
    /// The page less its body, its results and its `[generate]`: two texts of a file with
    /// one `whole` leave every listing, index, taxonomy, tally and cross-page check as it
    /// was.
    whole: u64,
    /// All of that but what listings show of the page (title, description, dates, tags;
    /// and authors, which only its own page shows): two texts with one `place` leave the
    /// same pages in every listing and only the page's summary, its place in
    /// newest-first lists and its tags' terms to change (`Site::relist`).
    place: u64,
}

/// What re-reading edited content files changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reload {
    /// No file's text changed.
    Unchanged,
    /// Only these pages' own texts (bodies) and their own problems changed: every
    /// listing, index, taxonomy, tally and cross-page check is as it was, and each page
    /// kept its index in `Site::pages`.
    Pages(Vec<usize>),
    /// What listings show of these pages changed (title, description, dates, tags) and
    /// nothing that places them (file, path, language, draft, results): listings and
    /// taxonomies were updated in place (`Site::relist`), every tally and cross-page check
    /// is as it was, and each page kept its index. Also named: pages whose term links
    /// changed with them (a term named after its newest article).
    Listings(Vec<usize>),
    /// The site was assembled again: anything may have changed.
    Site,
}

/// Fingerprints of what a page is made of, taken when its file is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PageFacts {
    /// The file's text: front matter and body.
    pub source: u64,
    /// Its checked results (from its text, data/ and site.toml): what its page, card and
    /// search entry show of data/, so that a re-import redraws only the seats it changed.
    pub results: u64,
}

impl PageFacts {
    pub fn new(source: u64, results: &PageResults) -> PageFacts {
        // What templates, cards and charts are given (the serialized figures), and the
        // checked input each result keeps for the cross-page check (its places too: a
        // moved line is another message). The `Debug` form of both, hashed before, was a
        // fifth of a warm build.
        let mut f = fingerprint::Fingerprinter::new();
        fingerprint::add_serialized(&mut f, results);
        for figures in results.iter() {
            f.add(&figures.result);
        }
        PageFacts {
            source,
            results: f.finish(),
        }
    }
}

/// Where a copied file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssetDir {
    /// static/: copied to the site's root as is.
    Static,
    /// A non-Markdown file under content/, copied beside its pages.
    Content,
}

/// A file copied into the site unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Relative to the site root: `static/style.css`, `content/kanpur/map.png`.
    pub source: PathBuf,
    /// Its path in the built site: `style.css`, `kanpur/map.png`.
    pub rel: String,
    pub dir: AssetDir,
    /// Size and modification time: a new stamp means new bytes, without reading them.
    pub stamp: u64,
}

/// A loaded and checked site, ready to plan and render.
pub struct Site {
    pub root: PathBuf,
    options: LoadOptions,
    pub config: SiteConfig,
    entries: BTreeMap<PathBuf, Entry>,
    data: DataStore,
    /// Every data result derived, for the cross-page figure check, and their digests for
    /// seat tallies (pages add their own results).
    data_figures: Vec<election::ResultFigures>,
    data_digests: Vec<ResultDigest>,
    data_problems: Vec<Diagnostic>,
    /// Files skipped while listing content/ and static/ (hidden names, links).
    file_problems: Vec<Diagnostic>,
    /// Of site.toml and data/: what every page's checked results follow from besides
    /// the page's own text.
    pub inputs: u64,
    /// Of site.toml alone: what every output is made with.
    pub config_input: u64,
    /// Of data/ alone: what seat tallies count besides the pages' own results.
    pub data_input: u64,
    /// The party codes of site.toml, which every page's results are checked against.
    parties: BTreeSet<String>,
    /// Published pages (drafts left out unless asked for), home page included; shared
    /// with the entries, never copied.
    pub pages: Vec<Arc<Page>>,
    /// Fingerprints of each page's file and results, in the order of `pages`.
    pub facts: Vec<PageFacts>,
    pub index: SiteIndex,
    pub taxonomies: Taxonomies,
    pub charts: Arc<ChartData>,
    /// static/ and content/ files to copy, sorted by source.
    pub assets: Vec<Asset>,
    /// Every problem found by loading and checking, sorted.
    pub problems: Vec<Diagnostic>,
    /// Pages made from data: their (virtual) file → the result each was made for.
    pub generated: BTreeMap<PathBuf, generate::Origin>,
    /// Each `[generate]` section's pages, with the fingerprint of what they were made
    /// from, so that `serve` remakes them only when that changed.
    expansions: BTreeMap<PathBuf, (u64, Arc<generate::Expansion>)>,
    /// While loading with `LoadOptions::cache`: the prose check's kept findings.
    prose: Option<prose_cache::ProseCache>,
    /// While loading with `LoadOptions::summaries`: the content files' kept summaries.
    summaries: Option<summary_cache::SummaryCache>,
    /// What the cross-page steps of the last assembly found (generated pages, URLs,
    /// translations, the site-wide figure check, term URLs), kept so that an edit of a
    /// page's body alone need not run them again.
    derived_problems: Vec<Diagnostic>,
    /// The cross-page figure check's last findings, with the key they were found for
    /// (`check_site`): `serve` assembles the site again after an edit of a title, a date
    /// or tags, which leaves every page's results as they were, and at 10,000 articles
    /// the check is most of that assembly's CPU.
    site_check: Option<(u64, Vec<Diagnostic>)>,
    /// The same check's findings seat by seat (`election::check_site_by_seat`): when an
    /// article is added or removed, or one page's results change, only the seats whose
    /// results changed are compared again.
    seat_checks: HashMap<u64, Vec<Diagnostic>>,
    /// The seat tallies' ledger as last made, with the key it was made for (`ledger`):
    /// like the check, what a title edit in `serve` need not make again.
    ledger: Option<(u64, election::tally::Ledger)>,
}

impl Site {
    /// Reads site.toml, content/, data/ and static/, and checks them. `Err` only when
    /// site.toml itself is unusable; every other problem is in `problems`.
    pub fn load(root: &Path, options: LoadOptions) -> Result<Site, Vec<Diagnostic>> {
        let config = load_config(root, &options)?;
        let parties: BTreeSet<String> = config.parties.keys().cloned().collect();
        let (data, mut data_problems) = load_data(root, &parties);
        data_problems.extend(crate::import::provenance::check(root, &data, &config));
        let config_input = fingerprint::of_debug(&config);
        let data_input = fingerprint::of_debug(&data);
        let inputs = fingerprint::of(&(config_input, data_input));
        let data_figures = data.all_figures(&parties, &config.alliances);
        let data_digests = ResultDigest::all_of(&data_figures);
        let mut site = Site {
            root: root.to_path_buf(),
            options,
            config,
            entries: BTreeMap::new(),
            data,
            data_figures,
            data_digests,
            data_problems,
            file_problems: Vec::new(),
            inputs,
            config_input,
            data_input,
            parties,
            pages: Vec::new(),
            facts: Vec::new(),
            index: SiteIndex::new(&[]),
            taxonomies: Taxonomies::default(),
            charts: Arc::new(ChartData::empty()),
            assets: Vec::new(),
            problems: Vec::new(),
            generated: BTreeMap::new(),
            expansions: BTreeMap::new(),
            prose: None,
            summaries: None,
            derived_problems: Vec::new(),
            site_check: None,
            seat_checks: HashMap::new(),
            ledger: None,
        };
        if site.options.cache {
            site.prose = Some(prose_cache::ProseCache::open(root));
            if site.options.summaries {
                site.summaries = Some(summary_cache::SummaryCache::open(root));
            }
        }
        let mut problems = Vec::new();
        match discover::discover(root) {
            Ok(files) => {
                let entries: Vec<(PathBuf, Entry)> = files
                    .markdown
                    .par_iter()
                    .filter_map(|file| site.read_entry(file, true).map(|e| (file.clone(), e)))
                    .collect();
                site.entries = entries.into_iter().collect();
                site.set_assets(files);
            }
            Err(e) => problems.push(Diagnostic::error(
                discover::CONTENT_DIR,
                format!("cannot read: {e}"),
            )),
        }
        site.assemble(problems);
        if let Some(prose) = site.prose.take() {
            prose.save();
        }
        if let Some(summaries) = site.summaries.take() {
            summaries.save();
        }
        Ok(site)
    }

    /// Loads the summarised pages among `pages` (places in `pages`) whole, for rendering:
    /// their bodies and checked results. A file whose text is no longer the one
    /// summarised is an error (it changed while the site was being built).
    pub fn load_whole(&mut self, pages: &[usize]) -> Vec<Diagnostic> {
        let wanted: Vec<usize> = pages
            .iter()
            .copied()
            .filter(|&i| self.pages.get(i).is_some_and(|p| p.summarised))
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        if self.options.cache {
            self.prose = Some(prose_cache::ProseCache::open(&self.root));
        }
        let loaded: Vec<(usize, Option<Entry>)> = wanted
            .par_iter()
            .map(|&i| (i, self.read_entry(&self.pages[i].file, false)))
            .collect();
        // Only read from: the findings of these files are already in the file.
        self.prose = None;
        let mut problems = Vec::new();
        let mut results = self.charts.results.clone();
        for (i, entry) in loaded {
            let file = self.pages[i].file.clone();
            let page = match entry {
                Some(entry) if entry.facts == self.facts[i] => match &entry.page {
                    Ok(page) => {
                        let page = Arc::clone(page);
                        results[i] = Arc::clone(&entry.results);
                        self.entries.insert(file, entry);
                        page
                    }
                    Err(_) => continue,
                },
                _ => {
                    problems.push(Diagnostic::error(
                        &file,
                        "changed while the site was being built; build again",
                    ));
                    continue;
                }
            };
            self.pages[i] = page;
        }
        self.charts = Arc::new(self.charts.with_results(results));
        problems
    }

    /// Loads every summarised content file whole (the cross-page check needs every
    /// page's checked results).
    fn load_all_whole(&mut self) {
        let files: Vec<PathBuf> = self
            .entries
            .iter()
            .filter(|(_, e)| e.page.as_ref().is_ok_and(|p| p.summarised))
            .map(|(file, _)| file.clone())
            .collect();
        let loaded: Vec<(PathBuf, Entry)> = files
            .into_par_iter()
            .filter_map(|file| self.read_entry(&file, false).map(|e| (file, e)))
            .collect();
        self.entries.extend(loaded);
    }

    pub fn options(&self) -> &LoadOptions {
        &self.options
    }

    /// Re-reads the content files in `changed` (paths relative to the root; a missing file
    /// is a deletion) and re-checks the site, reusing every other page as it was. When
    /// what the cross-page steps read of each edited file (its `shape`: the page less its
    /// body, its results) is unchanged, only those pages are replaced and their problems
    /// taken again: the cost of the edit, not of the site (`Reload::Pages`). When only
    /// what listings show of them changed (title, description, dates, tags), the
    /// listings and taxonomies are updated in place for them (`Reload::Listings`).
    pub fn reload_content(&mut self, changed: &[PathBuf]) -> Reload {
        let mut touched = Vec::new();
        let (mut same_shape, mut same_place) = (true, true);
        // The edited files' own problems, as they were and as they are.
        let (mut gone, mut found) = (Vec::new(), Vec::new());
        for file in changed {
            let readable = discover::readable_source(&self.root, discover::CONTENT_DIR, file);
            let entry = if readable.is_ok() {
                self.read_entry(file, false)
            } else {
                None
            };
            let unchanged = match (&entry, self.entries.get(file)) {
                (Some(new), Some(old)) => new.facts.source == old.facts.source,
                (None, None) => true,
                _ => false,
            };
            if unchanged {
                continue;
            }
            let old = match entry {
                Some(entry) => {
                    // A file that does not make a page is never edited in place.
                    let shape = entry.page.is_ok().then_some(entry.shape);
                    found.extend(self.own_problems_of(&entry).iter().cloned());
                    let old = self.entries.insert(file.clone(), entry);
                    if let Some(old) = &old {
                        gone.extend(self.own_problems_of(old).iter().cloned());
                    }
                    old.filter(|old| old.page.is_ok()).zip(shape)
                }
                None => {
                    self.entries.remove(file);
                    None
                }
            };
            same_shape &= old.as_ref().is_some_and(|(old, new)| old.shape == *new);
            same_place &= old
                .as_ref()
                .is_some_and(|(old, new)| old.shape.place == new.place);
            touched.push(file.clone());
        }
        if touched.is_empty() {
            return Reload::Unchanged;
        }
        // A problem found across pages may be one the edit removes: found again.
        let derived_error = self.derived_problems.iter().any(Diagnostic::is_error);
        if !same_shape && (!same_place || derived_error) {
            self.assemble(Vec::new());
            return Reload::Site;
        }
        let mut edited = Vec::new();
        for file in &touched {
            let Some(page) = self.entries.get(file).and_then(|e| self.published(e)) else {
                continue;
            };
            match self.index.page_for_file(file) {
                Some(i) => edited.push((i, Arc::clone(page), self.entries[file].facts)),
                None => {
                    self.assemble(Vec::new());
                    return Reload::Site;
                }
            }
        }
        let reload = match same_shape {
            true => {
                let pages = edited
                    .into_iter()
                    .map(|(i, page, facts)| {
                        self.pages[i] = page;
                        self.facts[i] = facts;
                        i
                    })
                    .collect();
                Reload::Pages(pages)
            }
            false => match self.relist(edited) {
                Some(pages) => Reload::Listings(pages),
                None => {
                    self.assemble(Vec::new());
                    return Reload::Site;
                }
            },
        };
        if self.generated.is_empty() {
            diagnostics::replace_sorted(&mut self.problems, &gone, found);
        } else {
            // Pages made from data merge their problems with others they equal, so
            // the list is gathered again.
            let problems = self.own_problems(Vec::new(), |_| {});
            self.problems = self.with_derived_problems(problems);
        }
        reload
    }

    /// Puts the `edited` pages (index, new page, its facts) in place when what changed of
    /// them is only what listings show (their `Shape::place` is as it was): their
    /// summaries, their places in newest-first lists, their terms. Returns the pages whose
    /// own outputs may have changed (the edited ones, and those whose term links were
    /// renamed), `None` when a new term would take a page's URL (the whole site is then
    /// assembled again, which reports it).
    fn relist(&mut self, edited: Vec<(usize, Arc<Page>, PageFacts)>) -> Option<Vec<usize>> {
        let mut changed = Vec::with_capacity(edited.len());
        let mut new_paths = Vec::new();
        for (i, page, facts) in edited {
            let before = std::mem::replace(&mut self.pages[i], page);
            self.facts[i] = facts;
            let digests = &self.charts.digests;
            self.index.relist(&self.pages, i, &digests[i]);
            let relisted = self
                .taxonomies
                .relist(&before, &self.pages, i, digests, &self.config);
            new_paths.extend(relisted.new_paths);
            changed.push(i);
            changed.extend(relisted.renamed);
        }
        // As `checks::taxonomy_urls` would find: the term's page, or its taxonomy's index
        // (`tags/`, new with the site's first tag), where a page is.
        let taken =
            |path: &str| path == listings::SEARCH_PATH || self.pages.iter().any(|p| p.path == path);
        let taxonomy = |path: &str| path.split_inclusive('/').next().map(str::to_string);
        if new_paths
            .iter()
            .any(|path| taken(path) || taxonomy(path).is_some_and(|t| taken(&t)))
        {
            return None;
        }
        changed.sort_unstable();
        changed.dedup();
        Some(changed)
    }

    /// The problems of pages `pages` (places in `pages`) on their own: what `serve`
    /// shows after an edit of their bodies (every other problem is as it was).
    pub fn problems_of(&self, pages: &[usize]) -> Vec<Diagnostic> {
        let mut problems: Vec<Diagnostic> = pages
            .iter()
            .filter_map(|&i| self.entries.get(&self.pages.get(i)?.file))
            .flat_map(|entry| self.own_problems_of(entry).iter().cloned())
            .collect();
        diagnostics::sort(&mut problems);
        problems
    }

    /// What one content file's reading found, if it is part of the site (a draft's
    /// results are not checked unless drafts are built).
    fn own_problems_of<'e>(&self, entry: &'e Entry) -> &'e [Diagnostic] {
        match &entry.page {
            Ok(_) if self.published(entry).is_none() => &[],
            Ok(_) => &entry.result_problems,
            Err(problems) => problems,
        }
    }

    /// The entry's page, if it is published (drafts only when asked for).
    fn published<'e>(&self, entry: &'e Entry) -> Option<&'e Arc<Page>> {
        match &entry.page {
            Ok(page) if !page.front.draft || self.options.drafts => Some(page),
            _ => None,
        }
    }

    /// `problems`, then the problems of site.toml's data, of listing the files, and of
    /// each content file on its own; `each` sees every published entry, in file order.
    fn own_problems(
        &self,
        mut problems: Vec<Diagnostic>,
        mut each: impl FnMut(&Entry),
    ) -> Vec<Diagnostic> {
        problems.extend(self.data_problems.iter().cloned());
        problems.extend(self.file_problems.iter().cloned());
        for entry in self.entries.values() {
            if entry.page.is_ok() && self.published(entry).is_some() {
                each(entry);
            }
            problems.extend(self.own_problems_of(entry).iter().cloned());
        }
        problems
    }

    /// The site's problem list: `own` and what the cross-page steps found, placed at the
    /// `_index.md` of generated pages, sorted.
    fn with_derived_problems(&self, mut own: Vec<Diagnostic>) -> Vec<Diagnostic> {
        own.extend(self.derived_problems.iter().cloned());
        let mut problems = generate::locate(own, &self.generated);
        diagnostics::sort(&mut problems);
        problems
    }

    /// Lists static/ and content/'s other files again (one was added, changed or removed).
    pub fn reload_assets(&mut self) {
        if let Ok(files) = discover::discover(&self.root) {
            self.set_assets(files);
            self.assemble(Vec::new());
        }
    }

    fn set_assets(&mut self, files: discover::ContentFiles) {
        let (assets, links) = list_assets(&self.root, &files.assets);
        self.assets = assets;
        self.file_problems = files.skipped;
        self.file_problems.extend(links);
    }

    /// Loads everything again (site.toml, data/ or templates changed).
    pub fn reload_all(&mut self) -> Result<(), Vec<Diagnostic>> {
        *self = Site::load(&self.root, self.options.clone())?;
        Ok(())
    }

    /// Reads and checks one content file. `summarise`: when its summary is kept
    /// (`LoadOptions::summaries`), take the page as that summary instead of checking it.
    fn read_entry(&self, file: &Path, summarise: bool) -> Option<Entry> {
        let text = match content::text_check::read_text(&self.root.join(file), file) {
            Ok(text) => text,
            Err(problem) => {
                return Some(Entry {
                    page: Err(vec![problem]),
                    results: Arc::default(),
                    digests: Arc::new([]),
                    result_problems: Vec::new(),
                    facts: PageFacts::default(),
                    generate: None,
                    shape: Shape::default(),
                });
            }
        };
        let source = fingerprint::of(&text);
        let mut page = content::load_page(file, &text, &self.config);
        let summaries = match (&self.summaries, &page) {
            (Some(cache), Ok(p)) if summarise && summarisable(p) => {
                Some((cache, summary_cache::SummaryCache::key(source, self.inputs)))
            }
            _ => None,
        };
        if let (Some((cache, key)), Ok(p)) = (summaries, &mut page)
            && let Some(kept) = cache.get(key)
        {
            if let Some(prose) = &self.prose {
                prose.keep(prose_cache::ProseCache::key(source, self.inputs));
            }
            p.front.title = kept.title;
            p.front.description = kept.description;
            p.front.results = Vec::new();
            p.front_lines = crate::diagnostics::LineIndex::new("", 1);
            p.body = String::new();
            p.summarised = true;
            let facts = PageFacts {
                source,
                results: kept.results,
            };
            let shape = shape_of(p, facts.results, None);
            return Some(Entry {
                page: page.map(Arc::new),
                results: Arc::default(),
                digests: kept.digests,
                result_problems: kept.problems,
                facts,
                generate: None,
                shape,
            });
        }
        let (results, result_problems) = match &mut page {
            Ok(page) => {
                let prose = self
                    .prose
                    .as_ref()
                    .map(|cache| (cache, prose_cache::ProseCache::key(source, self.inputs)));
                let (results, mut problems) = check_page_results(
                    page,
                    &text,
                    (&self.data, &self.parties, &self.config),
                    prose,
                );
                problems.extend(crate::import::provenance::check_page(
                    &self.root,
                    &page.file,
                    &page.front_lines,
                    &page.front.results,
                    &self.config,
                ));
                // Expressions in the title and description, rendered once for every place
                // that shows them (page, listings, feeds, share card).
                problems.extend(crate::render::templates::render_front_texts(
                    page,
                    &text,
                    &results,
                    &self.config,
                ));
                (results, problems)
            }
            Err(_) => (PageResults::default(), Vec::new()),
        };
        let mut generate = None;
        if let Ok(p) = &page {
            match generate::Spec::read(p, &text) {
                Ok(spec) => generate = spec.map(Arc::new),
                Err(problems) => page = Err(problems),
            }
        }
        // The `[[results]]` as written are checked and derived into `results` now; kept,
        // they would be a second copy of every page's figures for the whole build (about
        // a fifth of a loaded site's memory), as would the lines they were checked by. A
        // new text is read and checked again.
        if let Ok(p) = &mut page {
            p.front.results = Vec::new();
            p.front_lines = crate::diagnostics::LineIndex::new("", 1);
        }
        let page = page.map(Arc::new);
        let facts = PageFacts::new(source, &results);
        let shape = match &page {
            Ok(page) => shape_of(page, facts.results, generate.as_deref()),
            Err(_) => Shape::default(),
        };
        let digests: Arc<[ResultDigest]> = ResultDigest::all_of(results.iter()).into();
        if let (Some((cache, key)), Ok(p)) = (summaries, &page)
            && generate.is_none()
        {
            cache.put(
                key,
                summary_cache::Summary {
                    title: p.front.title.clone(),
                    description: p.front.description.clone(),
                    results: facts.results,
                    digests: Arc::clone(&digests),
                    problems: result_problems.clone(),
                },
            );
        }
        Some(Entry {
            page,
            results: Arc::new(results),
            digests,
            result_problems,
            facts,
            generate,
            shape,
        })
    }

    /// Builds the published page list, the index and the problem list from the entries.
    fn assemble(&mut self, problems: Vec<Diagnostic>) {
        let given = problems.clone();
        let mut all: Vec<(Arc<Page>, Arc<PageResults>, PageFacts)> = Vec::new();
        let own = self.own_problems(problems, |entry| {
            if let Ok(page) = &entry.page {
                all.push((Arc::clone(page), Arc::clone(&entry.results), entry.facts));
            }
        });
        let mut problems = Vec::new();
        let made = self.generate_pages(&all, &mut problems);
        all.extend(made);
        all.sort_by(|a, b| a.0.file.cmp(&b.0.file));
        let mut pages = Vec::with_capacity(all.len());
        let mut results = Vec::with_capacity(all.len());
        let mut facts = Vec::with_capacity(all.len());
        for (page, result, fact) in all {
            pages.push(page);
            results.push(result);
            facts.push(fact);
        }
        if !pages.iter().any(|p| p.is_home()) {
            pages.push(Arc::new(synthetic_home(&self.config)));
            results.push(Arc::default());
            facts.push(PageFacts {
                source: fingerprint::of(&(&self.config.title, &self.config.description)),
                results: 0,
            });
        }
        problems.extend(checks::unique_urls(&pages));
        problems.extend(content::check_translation_keys(&pages));
        match self.check_site(&pages, &results, &facts) {
            Some(found) => problems.extend(found),
            // Some pages are summaries: the check needs them whole.
            None => {
                self.load_all_whole();
                return self.assemble(given);
            }
        }
        let digests: Vec<Arc<[ResultDigest]>> = pages
            .iter()
            .zip(&results)
            .map(|(page, results)| match self.entries.get(&page.file) {
                Some(Entry {
                    page: Ok(p),
                    digests,
                    ..
                }) if Arc::ptr_eq(p, page) => Arc::clone(digests),
                _ => ResultDigest::all_of(results.iter()).into(),
            })
            .collect();
        self.index = SiteIndex::new(&pages);
        self.index.note_result_times(&digests);
        self.taxonomies = Taxonomies::new(&pages, &digests, &self.config, &self.index.latest);
        problems.extend(checks::taxonomy_urls(&pages, &self.taxonomies));
        let ledger = self.ledger(&pages, &facts, &digests);
        self.charts = Arc::new(ChartData::new(
            &pages,
            (results, digests),
            ledger,
            &self.config,
        ));
        self.pages = pages;
        self.facts = facts;
        self.derived_problems = problems;
        self.problems = self.with_derived_problems(own);
    }

    /// The cross-page figure check's findings (`election::check_site`): kept ones when
    /// every page's results and data/ are as when they were found (by this process, or
    /// by the build whose summaries are loaded); `None` when they must be found again and
    /// some pages are summaries, which do not hold their results.
    fn check_site(
        &mut self,
        pages: &[Arc<Page>],
        results: &[Arc<PageResults>],
        facts: &[PageFacts],
    ) -> Option<Vec<Diagnostic>> {
        let cache = self.summaries.as_ref();
        let mut key = fingerprint::Fingerprinter::new();
        key.add(&fingerprint::binary_identity()).add(&self.inputs);
        for (page, facts) in pages.iter().zip(facts) {
            key.add(&page.file).add(&facts.results);
        }
        let key = key.finish();
        if let Some((_, found)) = self.site_check.as_ref().filter(|(k, _)| *k == key) {
            return Some(found.clone());
        }
        if let Some(found) = cache.and_then(|c| c.site_check(key)) {
            return Some(found);
        }
        if pages.iter().any(|p| p.summarised) {
            return None;
        }
        let site: Vec<(&Path, &PageResults, u64)> = pages
            .iter()
            .zip(results)
            .zip(facts)
            .map(|((p, r), f)| (p.file.as_path(), r.as_ref(), f.results))
            .collect();
        let found = election::check_site_by_seat(
            &site,
            &self.data_figures,
            self.inputs,
            &mut self.seat_checks,
        );
        if let Some(cache) = cache {
            cache.put_site_check(key, &found);
        }
        self.site_check = Some((key, found.clone()));
        Some(found)
    }

    /// The seats of data/ and of every page (`election::tally::Ledger`): the one last
    /// made when data/, site.toml and every page's URL path and results are as they were
    /// then (the digests follow from the results).
    fn ledger(
        &mut self,
        pages: &[Arc<Page>],
        facts: &[PageFacts],
        digests: &[Arc<[ResultDigest]>],
    ) -> election::tally::Ledger {
        let mut key = fingerprint::Fingerprinter::new();
        key.add(&self.inputs);
        for (page, facts) in pages.iter().zip(facts) {
            key.add(&page.path).add(&facts.results);
        }
        let key = key.finish();
        if let Some((_, ledger)) = self.ledger.as_ref().filter(|(k, _)| *k == key) {
            return ledger.clone();
        }
        let ledger = election::tally::Ledger::new(
            &self.data_digests,
            pages
                .iter()
                .zip(digests)
                .map(|(p, d)| (p.path.as_str(), &d[..])),
        );
        self.ledger = Some((key, ledger.clone()));
        ledger
    }

    /// The pages of every published section with `[generate]`, less those a hand-written
    /// page of the section replaces (said as an info line). `written` are the
    /// hand-written pages.
    fn generate_pages(
        &mut self,
        written: &[(Arc<Page>, Arc<PageResults>, PageFacts)],
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<(Arc<Page>, Arc<PageResults>, PageFacts)> {
        let specs: Vec<Arc<generate::Spec>> = written
            .iter()
            .filter_map(|(page, _, _)| self.entries.get(&page.file))
            .filter_map(|entry| entry.generate.clone())
            .collect();
        let inputs = generate::Inputs {
            root: &self.root,
            config: &self.config,
            data: &self.data,
            parties: &self.parties,
        };
        let mut expansions = BTreeMap::new();
        for spec in specs {
            let key = fingerprint::of(&(spec.fingerprint(), self.inputs));
            let expansion = match self.expansions.remove(&spec.index) {
                Some((k, e)) if k == key => e,
                _ => Arc::new(generate::expand(&spec, &inputs)),
            };
            expansions.insert(spec.index.clone(), (key, expansion));
        }
        self.expansions = expansions;
        let by_path: HashMap<&str, &Page> = written
            .iter()
            .map(|(p, _, _)| (p.path.as_str(), p.as_ref()))
            .collect();
        let by_data: HashMap<(&str, &str), &Page> = written
            .iter()
            .flat_map(|(p, _, _)| {
                let parent = p.parent.as_deref().unwrap_or("");
                p.front
                    .data
                    .iter()
                    .map(move |id| ((parent, id.get_ref().as_str()), p.as_ref()))
            })
            .collect();
        self.generated.clear();
        let mut made = Vec::new();
        for (_, expansion) in self.expansions.values() {
            problems.extend(expansion.problems.iter().cloned());
            for g in &expansion.pages {
                let parent = g.page.parent.as_deref().unwrap_or("");
                let by_hand = by_path
                    .get(g.page.path.as_str())
                    .or_else(|| by_data.get(&(parent, g.origin.id.as_str())));
                if let Some(by_hand) = by_hand {
                    problems.push(Diagnostic::info(
                        &by_hand.file,
                        format!(
                            "written by hand, so it replaces the page [generate] in {} would make for {} from {}:{}",
                            g.origin.index.display(),
                            g.origin.id,
                            g.origin.data_file.display(),
                            g.origin.data_line
                        ),
                    ));
                    continue;
                }
                self.generated.insert(g.page.file.clone(), g.origin.clone());
                made.push((Arc::clone(&g.page), Arc::clone(&g.results), g.facts));
            }
        }
        made
    }

    /// Names the `_index.md` and the result for problems found writing generated pages
    /// (whose files do not exist).
    pub fn locate_problems(&self, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        generate::locate(problems, &self.generated)
    }

    /// The page at `i`'s checked results (none for a summarised page: `load_whole`).
    pub fn results(&self, i: usize) -> &PageResults {
        &self.charts.results[i]
    }

    /// What the site-wide steps read of the page at `i`'s results.
    pub fn digests(&self, i: usize) -> &[ResultDigest] {
        &self.charts.digests[i]
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
/// `prose`: where the prose check's findings for this file's text are kept, if anywhere.
fn check_page_results(
    page: &Page,
    text: &str,
    (data, parties, config): (&DataStore, &BTreeSet<String>, &SiteConfig),
    prose: Option<(&prose_cache::ProseCache, u128)>,
) -> (PageResults, Vec<Diagnostic>) {
    let (mut results, mut problems) = election::check_page(
        &page.file,
        &page.front_lines,
        &page.front.results,
        &page.front.data,
        data,
        parties,
    );
    results.follow_alliances(&config.alliances);
    if let Some(line) = crate::content::front_matter::key_line(text, "tags") {
        problems.extend(election::unusual_tag_forms(&page.file, text, line));
    }
    let mut texts = Vec::new();
    for (key, value) in [
        ("title", &page.front.title),
        ("description", &page.front.description),
    ] {
        if let Some(line) = crate::content::front_matter::key_line(text, key) {
            texts.push(election::prose_check::Text {
                text: value,
                first_line: line,
            });
        }
    }
    problems.extend(prose_problems(
        &page.file,
        texts,
        &page.body,
        page.body_line,
        &results,
        config,
        prose,
    ));
    (results, problems)
}

/// The numbers typed in a page's prose (`texts`, then the body) checked against its
/// results, and quotes of figures an incomplete result does not have.
/// `prose`: where the prose check's findings for this text are kept, if anywhere.
fn prose_problems<'a>(
    file: &Path,
    mut texts: Vec<election::prose_check::Text<'a>>,
    body: &'a str,
    body_line: usize,
    results: &PageResults,
    config: &SiteConfig,
    prose: Option<(&prose_cache::ProseCache, u128)>,
) -> Vec<Diagnostic> {
    // Parties as prose names them: code, name and short name in both languages.
    let names: election::prose_check::PartyNames = config
        .parties
        .iter()
        .map(|(code, p)| {
            let mut names = vec![p.name.clone(), p.short.clone()];
            for forms in [&p.hi, &p.en].into_iter().flatten() {
                names.push(forms.name.clone());
                names.push(forms.short.clone());
            }
            (code.clone(), names)
        })
        .collect();
    texts.push(election::prose_check::Text {
        text: body,
        first_line: body_line,
    });
    let check = || election::prose_check::check_texts(file, &texts, results, &names);
    let mut problems = match prose {
        Some((cache, key)) => cache.findings(key, check),
        None => check(),
    };
    let incomplete: Vec<&str> = results
        .iter()
        .filter(|r| !r.complete)
        .map(|r| r.id.as_str())
        .collect();
    problems.extend(content::expr_check::incomplete_quotes(
        file,
        body,
        body_line,
        &incomplete,
    ));
    let counting: Vec<&str> = results
        .iter()
        .filter(|r| r.counting)
        .map(|r| r.id.as_str())
        .collect();
    problems.extend(content::expr_check::counting_quotes(
        file, body, body_line, &counting,
    ));
    problems
}

/// Whether a page can be kept as its summary: its checks read nothing but its text,
/// site.toml and data/ (the summary's key). A `[generate]` section reads its data files
/// again for its pages, and the provenance check of imported results reads the files
/// they were imported from.
fn summarisable(page: &Page) -> bool {
    page.front.generate.is_none() && page.front.results.iter().all(|r| r.imported.is_empty())
}

/// What the cross-page steps of `Site::assemble` read of a page (everything but its
/// body), its results and its `[generate]`, fingerprinted whole and less what listings
/// show of the page (`Shape`).
fn shape_of(page: &Page, results: u64, generate: Option<&generate::Spec>) -> Shape {
    let whole = fingerprint::of_debug(&(
        &page.file,
        page.kind,
        &page.front,
        (&page.date, &page.updated),
        &page.lang,
        (&page.path, &page.parent),
        results,
        generate.map(generate::Spec::fingerprint),
    ));
    // Every field named, so that a new one is put on one side or the other. Values, not
    // spans: a longer title moves every later field of the front matter.
    let content::front_matter::FrontMatter {
        title: _,
        description: _,
        date: _,
        updated: _,
        tags: _,
        authors: _,
        lang,
        draft,
        slug,
        translation_key,
        results: _,
        data,
        generate: _,
        articles_per_page,
    } = &page.front;
    let place = fingerprint::of_debug(&(
        &page.file,
        page.kind,
        (lang.as_ref().map(|l| l.get_ref()), draft),
        slug.as_ref().map(|s| s.get_ref()),
        articles_per_page.as_ref().map(|n| n.get_ref()),
        translation_key,
        data.iter().map(|d| d.get_ref()).collect::<Vec<_>>(),
        &page.lang,
        (&page.path, &page.parent),
        results,
        generate.map(generate::Spec::fingerprint),
    ));
    Shape { whole, place }
}

/// The home page of a site whose content/ has no `_index.md`.
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
        outline: Default::default(),
        summarised: false,
        path: String::new(),
        parent: None,
    }
}

/// static/'s files (symbolic links are not followed: a link out of static/ is never
/// copied, and each is reported), then content/'s other files (`content_assets`, relative
/// to content/).
fn list_assets(root: &Path, content_assets: &[PathBuf]) -> (Vec<Asset>, Vec<Diagnostic>) {
    let mut assets = Vec::new();
    let mut links = Vec::new();
    let static_dir = root.join(STATIC_DIR);
    if static_dir.is_dir() {
        for entry in WalkDir::new(&static_dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if discover::is_ignored(&entry.file_name().to_string_lossy()) {
                continue;
            }
            if entry.path_is_symlink() {
                let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                links.push(discover::link_warning(rel));
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let inner = entry
                .path()
                .strip_prefix(&static_dir)
                .unwrap_or(entry.path());
            assets.push(asset(root, Path::new(STATIC_DIR), inner, AssetDir::Static));
        }
    }
    for inner in content_assets {
        assets.push(asset(
            root,
            Path::new(discover::CONTENT_DIR),
            inner,
            AssetDir::Content,
        ));
    }
    (assets, links)
}

fn asset(root: &Path, dir: &Path, inner: &Path, kind: AssetDir) -> Asset {
    let source = dir.join(inner);
    let stamp = std::fs::metadata(root.join(&source))
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            fingerprint::of(&(m.len(), modified))
        })
        .unwrap_or(0);
    Asset {
        rel: inner.to_string_lossy().replace('\\', "/"),
        source,
        dir: kind,
        stamp,
    }
}
