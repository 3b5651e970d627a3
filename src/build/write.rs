//! The one writer: renders a list of the plan's outputs and hands each file to a `Sink`
//! (the staging folder for `build`, memory for `serve`, nothing for `check`) as soon as
//! it is ready, so no page is held longer than it takes to write it. Pages render in
//! parallel; the search index and listings follow.

use super::cache::CardCache;
use super::links::LinkRecorder;
use super::plan::{Job, Plan};
use super::reuse::{self, Previous, Reuse};
use crate::content::{Page, PageKind};
use crate::diagnostics::Diagnostic;
use crate::markdown::BodyLink;
use crate::output::Staging;
use crate::render::{Renderer, Shared, cards, feeds, pages};
use crate::search;
use crate::site::Site;
use crate::theme;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

/// Where rendered files go. The one choke point through which every output file passes.
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()>;

    /// Puts the file at `from` (a file the previous build published) at `rel`, unchanged.
    fn link(&self, rel: &str, from: &Path) -> std::io::Result<()> {
        self.write(rel, &std::fs::read(from)?)
    }

    /// Whether the bytes written are kept. A sink that drops them (`check`) is still given
    /// every page, whose rendering finds the problems, but no share card's PNG: the card's
    /// layout (where its problems are found) is made, its drawing skipped.
    fn keeps_bytes(&self) -> bool {
        true
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        Staging::write(self, rel, bytes)
    }

    fn link(&self, rel: &str, from: &Path) -> std::io::Result<()> {
        Staging::link(self, rel, from)
    }
}

/// `check`: everything is rendered, nothing is kept.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }

    fn keeps_bytes(&self) -> bool {
        false
    }
}

/// Each article's search entry, by page path, as last rendered. `serve` keeps one across
/// rebuilds, with the search index built from them: an edit then updates the index with
/// the entries rendered since, and only the index files that changed are written.
#[derive(Default)]
pub struct SearchEntries {
    entries: Mutex<BTreeMap<String, search::Entry>>,
    index: Mutex<Option<search::Index>>,
}

impl SearchEntries {
    /// The index files last written were published (`serve`): the next write of the index
    /// writes only the files that differ from them.
    pub fn published(&self) {
        if let Ok(mut index) = self.index.lock()
            && let Some(index) = index.as_mut()
        {
            index.commit();
        }
    }
}

/// What a write did.
#[derive(Debug, Default)]
pub struct Written {
    pub problems: Vec<Diagnostic>,
    /// For each output written (its index in the plan), the files it wrote.
    pub files: Vec<(usize, Vec<String>)>,
    /// The links of each page output written or reused (for the record of the build).
    pub links: Vec<(usize, Vec<BodyLink>)>,
    /// Outputs whose files were taken from the previous build rather than rendered.
    pub reused: BTreeSet<usize>,
    /// Outputs written in part (`serve`'s search index): their entry in `files` names only
    /// the files that changed; here, the files they made before and no longer make. Their
    /// other files are as last published.
    pub partial: Vec<(usize, Vec<String>)>,
    /// The search index's output and what each of its files is made of (a build's, for
    /// the record: the next build writes only the index files that differ).
    pub search_prints: Option<(usize, search::Prints)>,
}

/// Rendered files: path in the site, bytes.
type Files = Vec<(String, Vec<u8>)>;

/// What writing one page (and its card) or one other output gave: for each output, the
/// files it wrote; or what went wrong.
type Outcome = Result<Done, Vec<Diagnostic>>;

/// What writing one page (and its card) or one other output did.
#[derive(Default)]
struct Done {
    files: Vec<(usize, Vec<String>)>,
    links: Option<(usize, Vec<BodyLink>)>,
    reused: Vec<usize>,
    /// A page not rendered again whose search entry is the one the previous build kept
    /// (moved, not copied, into the entries once every page is done).
    kept_entry: Option<String>,
    /// An output written in part, and the files it no longer makes (`Written::partial`).
    partial: Option<(usize, Vec<String>)>,
    search_prints: Option<(usize, search::Prints)>,
}

impl Done {
    fn files(n: usize, names: Vec<String>) -> Done {
        Done {
            files: vec![(n, names)],
            ..Done::default()
        }
    }
}

impl Written {
    fn add(&mut self, outcomes: Vec<Outcome>) {
        for outcome in outcomes {
            match outcome {
                Ok(done) => {
                    self.files.extend(done.files);
                    self.links.extend(done.links);
                    self.reused.extend(done.reused);
                    self.partial.extend(done.partial);
                    if done.search_prints.is_some() {
                        self.search_prints = done.search_prints;
                    }
                }
                Err(problems) => self.problems.extend(problems),
            }
        }
    }

    pub fn file_count(&self) -> usize {
        self.files.iter().map(|(_, f)| f.len()).sum()
    }
}

pub struct Writer<'a> {
    site: &'a Site,
    shared: Shared<'a>,
    cards: Option<&'a CardCache>,
    search: &'a SearchEntries,
    previous: Option<&'a Reuse>,
    /// Whether the entries are still needed once the index is built (`serve` keeps them
    /// for the next edit; a build saves them and lets them go).
    keep_search: bool,
    /// Where the entries are saved for the next build, when the index is rebuilt.
    search_record: Option<&'a Path>,
    /// The site has the articles of the last write (only bodies were edited): the index
    /// drops none, and no list of every article is needed to tell.
    same_articles: bool,
    /// The site's groups of synonyms, made when the first article is rendered: its search
    /// entry is prepared with them there, in parallel with the other pages, rather than
    /// in a pass of its own when the index is built.
    synonyms: std::sync::OnceLock<search::Synonyms>,
}

impl<'a> Writer<'a> {
    /// `cards`: the card cache, or `None` to draw every card.
    pub fn new(
        site: &'a Site,
        renderer: &'a Renderer,
        cards: Option<&'a CardCache>,
        search: &'a SearchEntries,
    ) -> Writer<'a> {
        Writer {
            site,
            shared: Shared::new(site, renderer),
            cards,
            search,
            previous: None,
            keep_search: true,
            search_record: None,
            same_articles: false,
            synonyms: std::sync::OnceLock::new(),
        }
    }

    /// The site has the same articles as at the last write to this writer's search
    /// entries (`serve`, after edits of pages' bodies alone): no article leaves the index.
    pub fn same_articles(mut self) -> Writer<'a> {
        self.same_articles = true;
        self
    }

    /// The entries are not needed after this write: the index is built from them
    /// without a copy, and (with `record`, a site root) they are saved in its cache for
    /// the next build first.
    pub fn spending_search(mut self, record: Option<&'a Path>) -> Writer<'a> {
        self.keep_search = false;
        self.search_record = record;
        self
    }

    /// Takes the files of outputs the previous build made from the same inputs from it,
    /// rather than rendering them again.
    pub fn reusing(mut self, previous: Option<&'a Reuse>) -> Writer<'a> {
        self.previous = previous;
        self
    }

    /// Renders the outputs `which` (indexes into `plan`, made from this writer's site) into
    /// `sink`. With `links`, the pages' links are recorded for the link check (`sink`
    /// should then be that recorder).
    pub fn write(
        &self,
        plan: &Plan,
        which: &[usize],
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Written {
        let reusable = Reusable::new(self.previous, plan, which);
        self.write_reusing(plan, reusable, sink, links)
    }

    /// `write`, with what the previous build made already found (`Reusable::new` with
    /// this writer's previous build).
    pub fn write_reusing(
        &self,
        plan: &Plan,
        reusable: Reusable<'_>,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Written {
        let Reusable {
            unchanged,
            pages,
            search_index,
            rest,
            rebuild_search,
            kept_entries,
        } = reusable;
        let mut written = Written::default();
        // Each output is written as soon as it is rendered, and dropped.
        let mut outcomes: Vec<Outcome> = pages
            .par_iter()
            .map(|&(i, page, card)| {
                let reused = self.reuse_page(
                    plan,
                    (i, page, card),
                    &unchanged,
                    rebuild_search.then_some(&kept_entries),
                    sink,
                    links,
                );
                reused.unwrap_or_else(|| self.page(plan, i, page, card, sink, links))
            })
            .collect();
        self.take_kept_entries(&mut outcomes, kept_entries);
        written.add(outcomes);
        // The index is built (much of it on one thread) while the other outputs are
        // rendered on the rest.
        let (index, outcomes) = rayon::join(
            || {
                search_index.map(|n| match unchanged.get(&n) {
                    Some(previous) => self.link(n, previous, sink, links),
                    None => self.search_files(n, plan, sink, links),
                })
            },
            || {
                rest.par_iter()
                    .map(|&n| match unchanged.get(&n) {
                        Some(previous) => self.link(n, previous, sink, links),
                        None => self.emit(n, self.render_other(plan, n), sink),
                    })
                    .collect::<Vec<Outcome>>()
            },
        );
        written.add(index.into_iter().collect());
        written.add(outcomes);
        written
    }

    /// Hands an output's files to the sink.
    /// The files are written in parallel: the search index is a thousand files or more,
    /// and writing them one by one left the other cores idle at the end of a cold build.
    /// The first file (in order) that could not be written is the one reported.
    fn emit(&self, n: usize, files: Result<Files, Diagnostic>, sink: &dyn Sink) -> Outcome {
        let files = files.map_err(|d| vec![d])?;
        let written: Vec<Result<String, Diagnostic>> = files
            .into_par_iter()
            .map(|(rel, bytes)| match sink.write(&rel, &bytes) {
                Ok(()) => Ok(rel),
                Err(e) => Err(cannot_write(&rel, &e)),
            })
            .collect();
        let names = written
            .into_iter()
            .collect::<Result<Vec<String>, Diagnostic>>()
            .map_err(|d| vec![d])?;
        Ok(Done::files(n, names))
    }

    /// Puts the files the previous build made for output `n` in place, unchanged.
    fn link(
        &self,
        n: usize,
        previous: &Previous,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Outcome {
        if self.previous.is_none() {
            return Ok(Done::default());
        }
        let names = self.link_files(previous.files.iter(), sink, links)?;
        Ok(Done {
            files: vec![(n, names)],
            reused: vec![n],
            ..Done::default()
        })
    }

    /// Puts these files of the previous build in place, unchanged; gives their names.
    fn link_files<'k>(
        &self,
        files: impl Iterator<Item = &'k reuse::Kept>,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        let Some(from) = self.previous else {
            return Ok(Vec::new());
        };
        let mut names = Vec::new();
        for kept in files {
            let source = from.file(&kept.rel);
            match links {
                Some(recorder) => recorder.reuse(&kept.rel, &source, kept.ids.as_deref()),
                None => sink.link(&kept.rel, &source),
            }
            .map_err(|e| vec![cannot_write(&kept.rel, &e)])?;
            names.push(kept.rel.clone());
        }
        Ok(names)
    }

    /// Page `i` (and its card) without rendering, when the previous build made both from
    /// the same inputs and, if the search index is rebuilt, kept the page's entry.
    fn reuse_page(
        &self,
        plan: &Plan,
        (i, page, card): (usize, Option<usize>, Option<usize>),
        unchanged: &HashMap<usize, &Previous>,
        entries: Option<&HashMap<String, (u64, search::Entry)>>,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Option<Outcome> {
        let source = &self.shared.pages[i];
        if !reusable_page(plan, (source, page, card), unchanged, entries) {
            return None;
        }
        let page_n = page?;
        let previous = unchanged.get(&page_n)?;
        let entry = entries.filter(|_| source.kind == PageKind::Article);
        let mut done = match self.link(page_n, previous, sink, links) {
            Ok(done) => done,
            Err(e) => return Some(Err(e)),
        };
        if let Some(c) = card {
            if let Some(cache) = self.cards {
                cache.keep(&plan.outputs[c].path);
            }
            match self.link(c, unchanged[&c], sink, links) {
                Ok(more) => {
                    done.files.extend(more.files);
                    done.reused.extend(more.reused);
                }
                Err(e) => return Some(Err(e)),
            }
        }
        if let Some(recorder) = links {
            recorder.page_links(
                source.file.clone(),
                source.path.clone(),
                previous.links.clone(),
            );
        }
        done.links = Some((page_n, previous.links.clone()));
        done.kept_entry = entry.map(|_| source.path.clone());
        Some(Ok(done))
    }

    /// Moves the kept search entries of pages that were not rendered again into the
    /// entries the index is built from.
    fn take_kept_entries(
        &self,
        outcomes: &mut [Outcome],
        mut kept: HashMap<String, (u64, search::Entry)>,
    ) {
        let Ok(mut all) = self.search.entries.lock() else {
            return;
        };
        for done in outcomes.iter_mut().filter_map(|o| o.as_mut().ok()) {
            if let Some(path) = done.kept_entry.take()
                && let Some((_, entry)) = kept.remove(&path)
            {
                all.insert(path, entry);
            }
        }
    }

    /// Renders page `i`; writes its HTML when `page` (its output) is asked for and its
    /// card when `card` is. The search entry is kept either way.
    fn page(
        &self,
        plan: &Plan,
        i: usize,
        page: Option<usize>,
        card: Option<usize>,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Outcome {
        let shared = &self.shared;
        let source = &shared.pages[i];
        if source.summarised {
            // Its body and results were never loaded (`Site::load_whole` must be given
            // every page a write renders): an error, never a page rendered without them.
            return Err(vec![Diagnostic::error(
                &source.file,
                "internal error: the page was to be taken from the last build, not rendered; build with --no-cache",
            )]);
        }
        let rendered = pages::render_page(shared, i)?;
        let mut done = Done::default();
        if let Some(n) = page {
            done.links = Some((n, rendered.links.clone()));
        }
        if let Some(recorder) = links {
            recorder.page_links(source.file.clone(), source.path.clone(), rendered.links);
        }
        if let Some(text) = rendered.text {
            let mut entry = search_entry(shared, i, text);
            let synonyms = self
                .synonyms
                .get_or_init(|| search::Synonyms::of_site(&self.site.config));
            entry.prepared = Some(search::prepare(&entry, synonyms));
            if let Ok(mut entries) = self.search.entries.lock() {
                entries.insert(source.path.clone(), entry);
            }
        }
        if let Some(n) = page {
            let rel = &plan.outputs[n].path;
            sink.write(rel, rendered.html.as_bytes())
                .map_err(|e| vec![cannot_write(rel, &e)])?;
            done.files.push((n, vec![rel.clone()]));
        }
        drop(rendered.html);
        if let Some(n) = card {
            let rel = &plan.outputs[n].path;
            let png = self
                .card(rel, i, rendered.first_chart.as_ref(), sink.keeps_bytes())
                .map_err(|message| {
                    vec![Diagnostic::error(
                        &source.file,
                        format!("share card: {message}"),
                    )]
                })?;
            sink.write(rel, &png)
                .map_err(|e| vec![cannot_write(rel, &e)])?;
            done.files.push((n, vec![rel.clone()]));
        }
        Ok(done)
    }

    fn card(
        &self,
        rel: &str,
        i: usize,
        chart: Option<&crate::chart::ChartSpec>,
        drawn: bool,
    ) -> Result<Vec<u8>, String> {
        let svg = cards::card_svg(&self.shared, i, chart)?;
        if !drawn {
            return Ok(Vec::new());
        }
        match self.cards {
            Some(cache) => cache.png(rel, &svg, crate::share_card::svg_to_png),
            None => crate::share_card::svg_to_png(&svg),
        }
    }

    /// The search index (output `n`) from every current article's entry. A build writes
    /// every file, and keeps the entries with their prepared words for the next build;
    /// `serve` keeps the index and writes only the files that differ from those it last
    /// published (the output still names every file of the index).
    fn search_files(
        &self,
        n: usize,
        plan: &Plan,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Outcome {
        // Only an edit that may have removed an article needs the list of every article.
        let articles: Option<BTreeSet<&str>> = (!self.same_articles).then(|| {
            self.site
                .pages
                .iter()
                .filter(|p| p.kind == PageKind::Article)
                .map(|p| p.path.as_str())
                .collect()
        });
        let synonyms = search::Synonyms::of_site(&self.site.config);
        let rendered: Vec<search::Entry> = match self.search.entries.lock() {
            Ok(mut entries) => {
                if let Some(articles) = &articles {
                    entries.retain(|path, _| articles.contains(path.as_str()));
                }
                std::mem::take(&mut *entries).into_values().collect()
            }
            Err(_) => Vec::new(),
        };
        if !self.keep_search {
            let mut index = search::Index::new(rendered, synonyms);
            if let Some(root) = self.search_record {
                reuse::save_search(root, plan, &index);
            }
            let prints = index.prints();
            let published = self
                .previous
                .and_then(|p| p.published_index(&plan.outputs[n]));
            let mut done = match published {
                Some((previous, before)) => {
                    index.published_as(before);
                    self.index_changes(n, &index, previous, sink, links)?
                }
                None => self.emit(n, Ok(index.files()), sink)?,
            };
            done.search_prints = Some((n, prints));
            return Ok(done);
        }
        let Ok(mut kept) = self.search.index.lock() else {
            return Ok(Done::default());
        };
        let index = match kept.as_mut() {
            Some(index) => {
                if search::synonyms_print(index.synonyms()) != search::synonyms_print(&synonyms) {
                    index.set_synonyms(synonyms);
                }
                let removed: Vec<String> = match &articles {
                    Some(articles) => index
                        .articles()
                        .filter(|path| !articles.contains(path))
                        .map(str::to_string)
                        .collect(),
                    None => Vec::new(),
                };
                index.update(rendered, &removed);
                index
            }
            None => kept.insert(search::Index::new(rendered, synonyms)),
        };
        // Only what differs from the published files is written and named; the rest of
        // the index stays as served (`Written::partial`).
        let changes = index.changes();
        let mut names = Vec::with_capacity(changes.files.len());
        for (rel, bytes) in changes.files {
            sink.write(&rel, &bytes)
                .map_err(|e| vec![cannot_write(&rel, &e)])?;
            names.push(rel);
        }
        Ok(Done {
            partial: Some((n, changes.gone)),
            ..Done::files(n, names)
        })
    }

    /// A build's search index (output `n`) when the last build's files are still
    /// published: the files whose prints differ from theirs are written, the others linked
    /// from the published folder. `index` was told the published prints.
    fn index_changes(
        &self,
        n: usize,
        index: &search::Index,
        previous: &Previous,
        sink: &dyn Sink,
        links: Option<&LinkRecorder<'_>>,
    ) -> Outcome {
        let changes = index.changes();
        let written: BTreeSet<&str> = changes.files.iter().map(|(p, _)| p.as_str()).collect();
        let published: HashMap<&str, &reuse::Kept> =
            previous.files.iter().map(|k| (k.rel.as_str(), k)).collect();
        let paths = index.paths();
        let mut kept = Vec::with_capacity(paths.len());
        for path in &paths {
            if written.contains(path.as_str()) {
                continue;
            }
            match published.get(path.as_str()) {
                Some(file) => kept.push(*file),
                // A record that does not name a file its prints describe: write them all.
                None => return self.emit(n, Ok(index.files()), sink),
            }
        }
        drop(written);
        let Done { mut files, .. } = self.emit(n, Ok(changes.files), sink)?;
        let linked = self.link_files(kept.into_iter(), sink, links)?;
        let mut names = files.pop().map(|(_, names)| names).unwrap_or_default();
        names.extend(linked);
        Ok(Done::files(n, names))
    }

    /// Every output other than pages, cards and the search index: one file each.
    fn render_other(&self, plan: &Plan, n: usize) -> Result<Files, Diagnostic> {
        let shared = &self.shared;
        let output = &plan.outputs[n];
        let terms = |kind| &shared.taxonomies.terms[&kind];
        let bytes: Vec<u8> = match output.job {
            Job::Taxonomy(kind) => pages::render_taxonomy(shared, kind, terms(kind))?.into(),
            Job::Term { kind, term, number } => {
                pages::render_term(shared, &terms(kind)[term], number)?.into()
            }
            Job::SectionPage { page, number } => {
                pages::render_section_page(shared, page, number)?.into()
            }
            Job::SectionFeed(i) => feeds::section_feed(shared, i).into(),
            Job::TermFeed { kind, term } => feeds::term_feed(shared, &terms(kind)[term]).into(),
            Job::Sitemap => feeds::sitemap_xml(shared).into(),
            Job::Robots => feeds::robots(shared.base_url).into(),
            Job::Cname => feeds::cname(self.site.config.cname.as_deref().unwrap_or("")).into(),
            Job::SearchPage => pages::render_search(shared)?.into(),
            Job::NotFound => pages::render_not_found(shared, shared.language)?.into(),
            Job::ThemeFile(k) => theme::STATIC[k].1.to_vec(),
            Job::Copy(k) => {
                let asset = &self.site.assets[k];
                // Checked when read, not when listed: a link or a FIFO may have taken
                // the file's place since (a FIFO would block the read for good).
                let top = match asset.dir {
                    crate::site::AssetDir::Static => crate::site::STATIC_DIR,
                    crate::site::AssetDir::Content => crate::content::discover::CONTENT_DIR,
                };
                crate::content::discover::readable_source(&self.site.root, top, &asset.source)
                    .and_then(|path| std::fs::read(path).map_err(|e| e.to_string()))
                    .map_err(|why| {
                        Diagnostic::error(&asset.source, format!("cannot copy: {why}"))
                    })?
            }
            Job::Page(_) | Job::Card(_) | Job::SearchIndex => Vec::new(),
        };
        Ok(vec![(output.path.clone(), bytes)])
    }
}

fn cannot_write(rel: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(rel, format!("cannot write: {e}"))
}

/// What the previous build made that a write of some outputs can take as it is, found
/// before writing: a build loads whole only the pages it will render (`pages_to_render`).
pub struct Reusable<'p> {
    /// Outputs whose dependencies and published files are as the previous build left them.
    unchanged: HashMap<usize, &'p Previous>,
    /// Each page's place, with its page and card outputs.
    pages: Vec<(usize, Option<usize>, Option<usize>)>,
    search_index: Option<usize>,
    rest: Vec<usize>,
    rebuild_search: bool,
    /// The previous build's search entries, when the index is rebuilt.
    kept_entries: HashMap<String, (u64, search::Entry)>,
}

impl<'p> Reusable<'p> {
    pub fn new(previous: Option<&'p Reuse>, plan: &Plan, which: &[usize]) -> Reusable<'p> {
        // What the previous build made from the same inputs (stat calls: in parallel).
        let unchanged: HashMap<usize, &Previous> = match previous {
            Some(previous) => which
                .par_iter()
                .filter_map(|&n| previous.unchanged(&plan.outputs[n]).map(|p| (n, p)))
                .collect(),
            None => HashMap::new(),
        };
        let mut pages: BTreeMap<usize, (Option<usize>, Option<usize>)> = BTreeMap::new();
        let mut search_index = None;
        let mut rest = Vec::new();
        for &n in which {
            match plan.outputs[n].job {
                Job::Page(i) => pages.entry(i).or_default().0 = Some(n),
                Job::Card(i) => pages.entry(i).or_default().1 = Some(n),
                Job::SearchIndex => search_index = Some(n),
                _ => rest.push(n),
            }
        }
        // A search index to rebuild needs every article's entry: those of pages not
        // rendered again come from the previous build's record.
        let rebuild_search = search_index.is_some_and(|n| !unchanged.contains_key(&n));
        let kept_entries = match (rebuild_search, previous) {
            (true, Some(previous)) if !unchanged.is_empty() => previous.search_entries(),
            _ => HashMap::new(),
        };
        Reusable {
            unchanged,
            pages: pages
                .into_iter()
                .map(|(i, (page, card))| (i, page, card))
                .collect(),
            search_index,
            rest,
            rebuild_search,
            kept_entries,
        }
    }

    /// The pages (places in `pages`) whose page or card the write will render.
    pub fn pages_to_render(&self, plan: &Plan, pages: &[std::sync::Arc<Page>]) -> Vec<usize> {
        let entries = self.rebuild_search.then_some(&self.kept_entries);
        self.pages
            .iter()
            .filter(|&&(i, page, card)| {
                !reusable_page(plan, (&pages[i], page, card), &self.unchanged, entries)
            })
            .map(|&(i, _, _)| i)
            .collect()
    }
}

/// Whether a page (its page and card outputs `page`, `card`) can be taken from the
/// previous build: both unchanged and, when the search index is rebuilt (`entries`), the
/// page's search entry kept for the same dependencies.
fn reusable_page(
    plan: &Plan,
    (source, page, card): (&Page, Option<usize>, Option<usize>),
    unchanged: &HashMap<usize, &Previous>,
    entries: Option<&HashMap<String, (u64, search::Entry)>>,
) -> bool {
    let Some(page_n) = page else {
        return false;
    };
    if !unchanged.contains_key(&page_n) || card.is_some_and(|c| !unchanged.contains_key(&c)) {
        return false;
    }
    match entries {
        Some(entries) if source.kind == PageKind::Article => entries
            .get(&source.path)
            .is_some_and(|(deps, _)| *deps == reuse::deps_print(&plan.outputs[page_n].deps)),
        _ => true,
    }
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
        prepared: None,
    }
}
