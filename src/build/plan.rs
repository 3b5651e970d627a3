//! The plan: every file the site will hold, each with what makes it (`Job`) and what it
//! depends on (`Deps`), listed from the loaded site before anything is rendered.
//!
//! `build` writes a whole plan; `serve` compares the plan before an edit with the plan
//! after it and renders only the outputs whose dependencies changed, dropping those that
//! are gone. Two outputs at one path are refused here, naming both.

use crate::content::{Page, PageKind};
use crate::diagnostics::Diagnostic;
use crate::fingerprint::{self, Fingerprinter};
use crate::pagination;
use crate::render::Renderer;
use crate::site::listings::{CARD_FILE, SEARCH_PATH, has_card};
use crate::site::{AssetDir, Site};
use crate::taxonomy::Kind;
use crate::theme;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

/// What renders an output. Indexes are into the site the plan was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// A content page's `index.html` (article, section or home).
    Page(usize),
    /// An article's share card PNG.
    Card(usize),
    /// The index of a taxonomy: `tags/`, `constituencies/`, `parties/`.
    Taxonomy(Kind),
    /// Page `number` (from 1) of one term's listing; `term` indexes the taxonomy's terms.
    Term {
        kind: Kind,
        term: usize,
        number: usize,
    },
    /// Page `number` (2 or more) of a section's listing; its first page is `Page(page)`.
    SectionPage {
        page: usize,
        number: usize,
    },
    /// The Atom feed of a section page (home included).
    SectionFeed(usize),
    TermFeed {
        kind: Kind,
        term: usize,
    },
    Sitemap,
    Robots,
    Cname,
    /// The search index files (what `search::build_files` returns).
    SearchIndex,
    SearchPage,
    NotFound,
    /// A file of the built-in theme's static/ (`theme::STATIC[n]`), unless the site has its own.
    ThemeFile(usize),
    /// A file copied from static/ or content/ (`site.assets[n]`).
    Copy(usize),
}

/// Who an output comes from, as an editor would name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file copied from static/ or content/.
    File(PathBuf),
    /// The page made from a content file.
    Page(PathBuf),
    /// The share card of a content file's article.
    Card(PathBuf),
    /// Something chunav makes, described: "the sitemap".
    Made(String),
}

impl Origin {
    /// The site's file this output comes from, if any.
    pub fn file(&self) -> Option<&PathBuf> {
        match self {
            Origin::File(path) | Origin::Page(path) | Origin::Card(path) => Some(path),
            Origin::Made(_) => None,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(path) => write!(f, "{}", path.display()),
            Origin::Page(path) => write!(f, "the page of {}", path.display()),
            Origin::Card(path) => write!(f, "the share card of {}", path.display()),
            Origin::Made(what) => f.write_str(what),
        }
    }
}

/// What an output is made from, as named fingerprints: two plans' outputs at one path
/// with equal `Deps` have equal bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Deps(Vec<(&'static str, u64)>);

#[derive(Debug, Clone)]
pub struct Output {
    /// Where it goes in the built site: `kanpur/result-2024/index.html`.
    pub path: String,
    pub origin: Origin,
    pub job: Job,
    pub deps: Deps,
}

/// Every output of a site, in a stable order.
#[derive(Debug, Default)]
pub struct Plan {
    pub outputs: Vec<Output>,
    /// What it was planned with, for `Plan::revise`.
    inputs: Option<SiteInputs>,
}

/// The site-wide fingerprints a plan was made with, and where each page's outputs are:
/// an edit that leaves them as they were re-plans only the edited pages' outputs.
#[derive(Debug, Clone)]
struct SiteInputs {
    /// Site-wide inputs: site.toml, the templates, chunav's version. (data/ reaches a
    /// page through its own results, and the tallies.)
    everywhere: u64,
    /// One per page: what listings show of it.
    summaries: Vec<u64>,
    nav: u64,
    /// Of every page's path and results and data/: what `tally()` and seats charts count.
    tallied: u64,
    /// Per page: its page output and its card's, if it has one.
    page_outputs: Vec<(usize, Option<usize>)>,
    /// Where the outputs that are no page's begin (taxonomies, feeds, sitemap, search,
    /// copies): they follow every page's.
    site_wide: usize,
    search_index: Option<usize>,
}

/// A plan brought up to date in part (`Plan::relist`): some pages' outputs planned
/// again, with their indexes, every output that is no page's listed again, and the
/// site-wide fingerprints they were planned with.
pub struct Relist {
    pages: Vec<(usize, Output)>,
    site_wide: Vec<Output>,
    inputs: Option<SiteInputs>,
}

/// What an edit changed: outputs to render (indexes into the new plan) and paths of
/// outputs that are no longer made.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub changed: Vec<usize>,
    pub gone: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.gone.is_empty()
    }
}

impl Plan {
    /// Lists every output of `site` as rendered with `renderer`'s templates, or the places
    /// where two outputs would be written at one path.
    pub fn new(site: &Site, renderer: &Renderer) -> Result<Plan, Vec<Diagnostic>> {
        let mut planner = Planner::new(site, renderer);
        let outputs = planner.outputs();
        let problems = collisions(&outputs);
        if problems.is_empty() {
            Ok(Plan {
                outputs,
                inputs: Some(planner.inputs.into_owned()),
            })
        } else {
            Err(problems)
        }
    }

    /// The outputs of `pages` (and the search index, which holds every article's text)
    /// planned again from `site`, whose pages' bodies alone changed since this plan was
    /// made with the same `renderer` (`site::Reload::Pages`): each with its index in
    /// this plan. `None` when this plan cannot be revised (it was not made for a site of
    /// this many pages).
    pub fn revise(
        &self,
        site: &Site,
        renderer: &Renderer,
        pages: &[usize],
    ) -> Option<Vec<(usize, Output)>> {
        let inputs = self.inputs.as_ref()?;
        if inputs.page_outputs.len() != site.pages.len() {
            return None;
        }
        let planner = Planner {
            site,
            inputs: Cow::Borrowed(inputs),
            renderer,
        };
        let mut revised = Vec::new();
        for &i in pages {
            let (page, card) = *planner.inputs.page_outputs.get(i)?;
            revised.push((page, planner.page(i, &site.pages[i])));
            if let Some(card) = card {
                revised.push((card, planner.card(i)));
            }
        }
        if let Some(n) = planner.inputs.search_index {
            revised.push((n, planner.search_index()));
        }
        revised
            .iter()
            .all(|(n, o)| self.outputs.get(*n).is_some_and(|old| old.path == o.path))
            .then_some(revised)
    }

    /// The outputs of `pages` and of the pages that list them or show them in a related
    /// box (`SiteIndex::listed_by`), and every output that is no page's (taxonomies, term
    /// pages, feeds, sitemap, search index, copies: they are few, and each is planned
    /// from fingerprints taken once), planned again from `site`, in which only what
    /// listings show of `pages` changed since this plan was made with the same `renderer`
    /// (`site::Reload::Listings`, or bodies alone: `Reload::Pages`). `None` when this plan
    /// cannot be brought up to date in part: it was not made for a site of this many
    /// pages, or the navigation every page shows changed.
    pub fn relist(&self, site: &Site, renderer: &Renderer, pages: &[usize]) -> Option<Relist> {
        let inputs = self.inputs.as_ref()?;
        if inputs.page_outputs.len() != site.pages.len() || nav_print(site) != inputs.nav {
            return None;
        }
        let mut inputs = inputs.clone();
        for &i in pages {
            *inputs.summaries.get_mut(i)? = fingerprint::of(&site.index.summaries[i]);
        }
        let mut planner = Planner {
            site,
            inputs: Cow::Owned(inputs),
            renderer,
        };
        let mut replan: BTreeSet<usize> = pages.iter().copied().collect();
        for &i in pages {
            replan.extend(site.index.listed_by(&site.pages, i, &site.charts.digests));
        }
        let mut revised = Vec::with_capacity(replan.len() * 2);
        for i in replan {
            let (page, card) = *planner.inputs.page_outputs.get(i)?;
            revised.push((page, planner.page(i, &site.pages[i])));
            if let Some(card) = card {
                revised.push((card, planner.card(i)));
            }
        }
        let start = planner.inputs.site_wide;
        let mut site_wide = Vec::new();
        planner.site_wide(&mut site_wide, start);
        let fits = revised
            .iter()
            .all(|(n, o)| self.outputs.get(*n).is_some_and(|old| old.path == o.path));
        fits.then(|| Relist {
            pages: revised,
            site_wide,
            inputs: Some(planner.inputs.into_owned()),
        })
    }

    /// Puts `relist` (from `Plan::relist`) in place: what must be rendered (page outputs
    /// whose dependencies changed, site-wide ones that are new or changed) and the paths
    /// of those it no longer has; with what it replaced, to be put back if the new
    /// outputs are not served.
    pub fn apply_relist(&mut self, relist: Relist) -> (Relist, Diff) {
        let Relist {
            pages,
            site_wide,
            inputs,
        } = relist;
        let (replaced, mut changed) = self.apply(pages);
        let start = self
            .inputs
            .as_ref()
            .map_or(self.outputs.len(), |i| i.site_wide);
        let before = self.outputs.split_off(start);
        let old: HashMap<&str, &Deps> = before.iter().map(|o| (o.path.as_str(), &o.deps)).collect();
        let new: BTreeSet<&str> = site_wide.iter().map(|o| o.path.as_str()).collect();
        changed.extend(
            site_wide
                .iter()
                .enumerate()
                .filter(|(_, o)| old.get(o.path.as_str()) != Some(&&o.deps))
                .map(|(k, _)| start + k),
        );
        let gone = before
            .iter()
            .filter(|o| !new.contains(o.path.as_str()))
            .map(|o| o.path.clone())
            .collect();
        drop((old, new));
        self.outputs.extend(site_wide);
        let inputs = std::mem::replace(&mut self.inputs, inputs);
        let undo = Relist {
            pages: replaced,
            site_wide: before,
            inputs,
        };
        (undo, Diff { changed, gone })
    }

    /// Puts `outputs` (from `revise`) in place; returns the ones they replaced, and the
    /// indexes of those whose dependencies changed (what must be rendered).
    pub fn apply(&mut self, outputs: Vec<(usize, Output)>) -> (Vec<(usize, Output)>, Vec<usize>) {
        let mut replaced = Vec::with_capacity(outputs.len());
        let mut changed = Vec::new();
        for (n, output) in outputs {
            if self.outputs[n].deps != output.deps {
                changed.push(n);
            }
            replaced.push((n, std::mem::replace(&mut self.outputs[n], output)));
        }
        changed.sort_unstable();
        changed.dedup();
        (replaced, changed)
    }

    /// Every output, for a full build.
    pub fn all(&self) -> Vec<usize> {
        (0..self.outputs.len()).collect()
    }

    /// What must be rendered to go from `self` to `next`: outputs that are new or whose
    /// dependencies changed, and paths `next` no longer has.
    pub fn diff(&self, next: &Plan) -> Diff {
        let before: HashMap<&str, &Output> =
            self.outputs.iter().map(|o| (o.path.as_str(), o)).collect();
        let after: BTreeSet<&str> = next.outputs.iter().map(|o| o.path.as_str()).collect();
        let changed = next
            .outputs
            .iter()
            .enumerate()
            .filter(|(_, o)| before.get(o.path.as_str()).is_none_or(|b| b.deps != o.deps))
            .map(|(i, _)| i)
            .collect();
        let gone = self
            .outputs
            .iter()
            .filter(|o| !after.contains(o.path.as_str()))
            .map(|o| o.path.clone())
            .collect();
        Diff { changed, gone }
    }
}

/// Two outputs at one path: the first one listed keeps it, every later one is an error
/// naming both. (Two content pages with one URL are reported by the site's own check.)
fn collisions(outputs: &[Output]) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, &Output> = HashMap::new();
    let mut problems = Vec::new();
    for output in outputs {
        let Some(first) = seen.insert(&output.path, output) else {
            continue;
        };
        // Reported at a file an editor can rename, a copied one first.
        let rank = |o: &Output| match o.origin {
            Origin::File(_) => 0,
            Origin::Page(_) | Origin::Card(_) => 1,
            Origin::Made(_) => 2,
        };
        let (at, other) = if rank(output) <= rank(first) {
            (output, first)
        } else {
            (first, output)
        };
        let message = match &at.origin {
            Origin::File(_) => format!(
                "this file would be copied to {} in the site, where {} is written; rename or remove one of them",
                output.path, other.origin
            ),
            _ => format!(
                "{} and {} would both be written to {} in the site; rename or remove one of them",
                at.origin, other.origin, output.path
            ),
        };
        let file = at
            .origin
            .file()
            .cloned()
            .unwrap_or_else(|| PathBuf::from(&at.path));
        problems.push(Diagnostic::error(&file, message));
        seen.insert(&first.path, first);
    }
    problems
}

/// Lists outputs, computing each one's dependencies from fingerprints taken once.
struct Planner<'a> {
    site: &'a Site,
    /// Taken from the site (`Plan::new`), or the served plan's (`Plan::revise`).
    inputs: Cow<'a, SiteInputs>,
    renderer: &'a Renderer,
}

impl<'a> Planner<'a> {
    fn new(site: &'a Site, renderer: &'a Renderer) -> Planner<'a> {
        let everywhere = Fingerprinter::new()
            .add(env!("CARGO_PKG_VERSION"))
            .add(&site.config_input)
            .add(&renderer.fingerprint())
            .finish();
        // The tallies count each page's results under its path (`tally::Ledger`).
        let mut tallied = Fingerprinter::new();
        for (page, facts) in site.pages.iter().zip(&site.facts) {
            tallied.add(&page.path).add(&facts.results);
        }
        Planner {
            site,
            inputs: Cow::Owned(SiteInputs {
                everywhere,
                summaries: site.index.summaries.iter().map(fingerprint::of).collect(),
                nav: nav_print(site),
                tallied: tallied.add(&site.data_input).finish(),
                page_outputs: Vec::with_capacity(site.pages.len()),
                site_wide: 0,
                search_index: None,
            }),
            renderer,
        }
    }

    fn outputs(&mut self) -> Vec<Output> {
        let site = self.site;
        let mut outputs = Vec::with_capacity(site.pages.len() * 2 + site.assets.len() + 64);
        for (i, page) in site.pages.iter().enumerate() {
            outputs.push(self.page(i, page));
            let card = has_card(page, site.digests(i)).then(|| {
                outputs.push(self.card(i));
                outputs.len() - 1
            });
            let page = outputs.len() - 1 - usize::from(card.is_some());
            self.inputs.to_mut().page_outputs.push((page, card));
        }
        self.inputs.to_mut().site_wide = outputs.len();
        self.site_wide(&mut outputs, 0);
        outputs
    }

    /// The outputs that are no page's: taxonomies, site files, copies, pushed onto
    /// `outputs`, whose first output is the plan's `offset`th.
    fn site_wide(&mut self, outputs: &mut Vec<Output>, offset: usize) {
        self.taxonomies(outputs);
        self.section_pages(outputs);
        self.site_files(outputs, offset);
        self.copies(outputs);
    }

    fn card(&self, i: usize) -> Output {
        let site = self.site;
        let page = &site.pages[i];
        Output {
            path: format!("{}{CARD_FILE}", page.path),
            origin: Origin::Card(page.file.clone()),
            job: Job::Card(i),
            deps: self.deps(&[
                ("source", site.facts[i].source),
                ("results", site.facts[i].results),
            ]),
        }
    }

    fn deps(&self, inputs: &[(&'static str, u64)]) -> Deps {
        let mut all = Vec::with_capacity(inputs.len() + 1);
        all.push(("site", self.inputs.everywhere));
        all.extend_from_slice(inputs);
        Deps(all)
    }

    /// The fingerprint of a listing: the summaries of the pages it shows, in order.
    fn listed(&self, pages: &[usize]) -> u64 {
        let mut f = Fingerprinter::new();
        for &i in pages {
            f.add(&self.inputs.summaries[i]);
        }
        f.finish()
    }

    fn page(&self, i: usize, page: &Page) -> Output {
        let site = self.site;
        let index = &site.index;
        let mut inputs = vec![
            ("source", site.facts[i].source),
            ("results", site.facts[i].results),
            ("nav", self.inputs.nav),
            ("links", self.link_targets(page)),
        ];
        // A page shows other pages' seats when its body or its template shows a tally or
        // a seats chart.
        let template = crate::render::pages::template_of(page);
        if self.renderer.shows_tally(&page.outline, template) {
            inputs.push(("tallies", self.inputs.tallied));
        }
        match page.kind {
            PageKind::Article => {
                let related = index.related(i, &site.charts.digests);
                inputs.push(("related", self.listed(&related)));
                inputs.push(("translations", fingerprint::of(index.translations_of(i))));
                inputs.push(("terms", fingerprint::of(site.taxonomies.terms_of_page(i))));
            }
            PageKind::Section => {
                let listed = if page.is_home() {
                    &index.latest[..index.latest.len().min(site.config.home_articles)]
                } else {
                    let all = index.articles_of(&page.path);
                    let per_page = page.articles_per_page(site.config.articles_per_page);
                    inputs.push(("pages", pagination::page_count(all.len(), per_page) as u64));
                    pagination::slice(all, per_page, 1)
                };
                inputs.push(("listed", self.listed(listed)));
                inputs.push(("subsections", self.listed(index.subsections_of(&page.path))));
            }
        }
        let origin = if page.is_home() && !site.root.join(&page.file).is_file() {
            Origin::Made("the home page".into())
        } else {
            Origin::Page(page.file.clone())
        };
        Output {
            path: format!("{}index.html", page.path),
            origin,
            job: Job::Page(i),
            deps: self.deps(&inputs),
        }
    }

    /// Where the page's `@/file.md` links lead: when a linked page moves, this one changes.
    fn link_targets(&self, page: &Page) -> u64 {
        let mut f = Fingerprinter::new();
        for target in &page.outline.links {
            let file = PathBuf::from(crate::content::discover::CONTENT_DIR).join(target);
            let path = self
                .site
                .index
                .page_for_file(&file)
                .map(|j| self.site.pages[j].path.as_str());
            f.add(target).add(&path);
        }
        f.finish()
    }

    fn taxonomies(&self, outputs: &mut Vec<Output>) {
        for (&kind, terms) in &self.site.taxonomies.terms {
            let index: Vec<(&str, &str, usize)> = terms
                .iter()
                .map(|t| (t.name.as_str(), t.path.as_str(), t.pages.len()))
                .collect();
            outputs.push(Output {
                path: format!("{}index.html", kind.path()),
                origin: Origin::Made(format!("the {} index", kind.path().trim_end_matches('/'))),
                job: Job::Taxonomy(kind),
                deps: self.deps(&[("nav", self.inputs.nav), ("terms", fingerprint::of(&index))]),
            });
            for (n, term) in terms.iter().enumerate() {
                let name = fingerprint::of(&term.name);
                let lang = fingerprint::of(crate::render::pages::term_language(
                    &self.site.pages,
                    &self.site.config.language,
                    term,
                ));
                let count = self.page_count(&term.pages);
                for number in 1..=count {
                    let path = pagination::path_of(
                        &term.path,
                        term.pages.len(),
                        self.site.config.articles_per_page,
                        number,
                    );
                    let shown =
                        pagination::slice(&term.pages, self.site.config.articles_per_page, number);
                    let origin = if number == 1 {
                        format!("the page of {path}")
                    } else {
                        format!("page {number} of the list of {}", term.path)
                    };
                    outputs.push(Output {
                        path: format!("{path}index.html"),
                        origin: Origin::Made(origin),
                        job: Job::Term {
                            kind,
                            term: n,
                            number,
                        },
                        deps: self.deps(&[
                            ("nav", self.inputs.nav),
                            ("name", name),
                            ("lang", lang),
                            ("pages", count as u64),
                            ("listed", self.listed(shown)),
                        ]),
                    });
                }
            }
        }
    }

    /// How many pages a listing of these articles takes.
    fn page_count(&self, listed: &[usize]) -> usize {
        pagination::page_count(listed.len(), self.site.config.articles_per_page)
    }

    /// The pages of sections' listings after the first (which is the section's own page):
    /// each shows the section's title and description (its summary) and its articles.
    fn section_pages(&self, outputs: &mut Vec<Output>) {
        let site = self.site;
        for (i, page) in site.pages.iter().enumerate() {
            if page.kind != PageKind::Section || page.is_home() {
                continue;
            }
            let all = site.index.articles_of(&page.path);
            let per_page = page.articles_per_page(site.config.articles_per_page);
            let count = pagination::page_count(all.len(), per_page);
            for number in 2..=count {
                let path = pagination::path_of(&page.path, all.len(), per_page, number);
                let shown = pagination::slice(all, per_page, number);
                outputs.push(Output {
                    path: format!("{path}index.html"),
                    origin: Origin::Made(format!(
                        "page {number} of the list of {}",
                        page.file.display()
                    )),
                    job: Job::SectionPage { page: i, number },
                    deps: self.deps(&[
                        ("nav", self.inputs.nav),
                        ("section", self.inputs.summaries[i]),
                        ("pages", count as u64),
                        ("listed", self.listed(shown)),
                    ]),
                });
            }
        }
    }

    /// Robots, CNAME, the search page and index, 404, and (with a base_url) sitemap and
    /// feeds, which need absolute URLs.
    fn site_files(&mut self, outputs: &mut Vec<Output>, offset: usize) {
        let site = self.site;
        let made = |what: &str| Origin::Made(what.to_string());
        outputs.push(Output {
            path: "robots.txt".into(),
            origin: made("robots.txt"),
            job: Job::Robots,
            deps: self.deps(&[]),
        });
        if site.config.cname.is_some() {
            outputs.push(Output {
                path: "CNAME".into(),
                origin: made("the CNAME of site.toml's `cname`"),
                job: Job::Cname,
                deps: self.deps(&[]),
            });
        }
        outputs.push(Output {
            path: format!("{SEARCH_PATH}index.html"),
            origin: made("the search page"),
            job: Job::SearchPage,
            deps: self.deps(&[("nav", self.inputs.nav)]),
        });
        self.inputs.to_mut().search_index = Some(offset + outputs.len());
        outputs.push(self.search_index());
        outputs.push(Output {
            path: "404.html".into(),
            origin: made("the 404 page"),
            job: Job::NotFound,
            deps: self.deps(&[("nav", self.inputs.nav)]),
        });
        if site.config.base_url.is_empty() {
            return;
        }
        // What the sitemap shows of a page: its URL and when it last changed (not its
        // title, so that a title edit leaves the sitemap of 10,000 pages unwritten).
        let mut sitemap = Fingerprinter::new();
        for summary in &site.index.summaries {
            sitemap
                .add(&summary.path)
                .add(&summary.updated)
                .add(&summary.results_updated);
        }
        sitemap.add(&site.taxonomies.paths().collect::<Vec<_>>());
        outputs.push(Output {
            path: "sitemap.xml".into(),
            origin: made("the sitemap"),
            job: Job::Sitemap,
            deps: self.deps(&[("pages", sitemap.finish())]),
        });
        let shown = |listed: &[usize]| {
            self.listed(&listed[..listed.len().min(crate::render::feeds::FEED_ENTRIES)])
        };
        for (i, page) in site.pages.iter().enumerate() {
            if page.kind != PageKind::Section {
                continue;
            }
            let listed = if page.is_home() {
                &site.index.latest[..]
            } else {
                site.index.articles_of(&page.path)
            };
            outputs.push(Output {
                path: format!("{}atom.xml", page.path),
                origin: made(&format!("the feed of /{}", page.path)),
                job: Job::SectionFeed(i),
                deps: self.deps(&[
                    ("section", self.inputs.summaries[i]),
                    ("listed", shown(listed)),
                ]),
            });
        }
        for (&kind, terms) in &site.taxonomies.terms {
            for (n, term) in terms.iter().enumerate() {
                outputs.push(Output {
                    path: format!("{}atom.xml", term.path),
                    origin: made(&format!("the feed of /{}", term.path)),
                    job: Job::TermFeed { kind, term: n },
                    deps: self.deps(&[
                        ("name", fingerprint::of(&term.name)),
                        ("listed", shown(&term.pages)),
                    ]),
                });
            }
        }
    }

    /// The search index: many files under search/ (shards, one per article, this one);
    /// the writer writes whatever `search::build_files` returns. Every article's summary
    /// and text go into it.
    fn search_index(&self) -> Output {
        let site = self.site;
        let mut search = Fingerprinter::new();
        for &i in &site.index.latest {
            search.add(&self.inputs.summaries[i]).add(&site.facts[i]);
        }
        Output {
            path: crate::search::META_FILE.into(),
            origin: Origin::Made("the search index".into()),
            job: Job::SearchIndex,
            deps: self.deps(&[("articles", search.finish())]),
        }
    }

    /// The theme's static files the site does not replace, then the site's static/ and
    /// content/ files.
    fn copies(&self, outputs: &mut Vec<Output>) {
        let site = self.site;
        let own: BTreeSet<&str> = site
            .assets
            .iter()
            .filter(|a| a.dir == AssetDir::Static)
            .map(|a| a.rel.as_str())
            .collect();
        for (n, (name, _)) in theme::STATIC.iter().enumerate() {
            if own.contains(name) {
                continue;
            }
            outputs.push(Output {
                path: name.to_string(),
                origin: Origin::Made(format!("the built-in theme's {name}")),
                job: Job::ThemeFile(n),
                deps: Deps(vec![("theme", theme_fingerprints()[n])]),
            });
        }
        for (n, asset) in site.assets.iter().enumerate() {
            outputs.push(Output {
                path: asset.rel.clone(),
                origin: Origin::File(asset.source.clone()),
                job: Job::Copy(n),
                deps: Deps(vec![("file", asset.stamp)]),
            });
        }
    }
}

/// What every page shows of the others: the navigation, and every language's home
/// (linked from the site's name).
fn nav_print(site: &Site) -> u64 {
    fingerprint::of(&(&site.index.nav, site.index.homes()))
}

/// The theme's static files' fingerprints, taken once per run (they are in the binary).
fn theme_fingerprints() -> &'static [u64] {
    static PRINTS: OnceLock<Vec<u64>> = OnceLock::new();
    PRINTS.get_or_init(|| {
        theme::STATIC
            .iter()
            .map(|(_, bytes)| Fingerprinter::new().add_bytes(bytes).finish())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(path: &str, origin: Origin, deps: u64) -> Output {
        Output {
            path: path.into(),
            origin,
            job: Job::Robots,
            deps: Deps(vec![("x", deps)]),
        }
    }

    #[test]
    fn diff_lists_new_changed_and_gone_outputs() {
        let made = || Origin::Made("x".into());
        let before = Plan {
            inputs: None,
            outputs: vec![
                output("a", made(), 1),
                output("b", made(), 1),
                output("c", made(), 1),
            ],
        };
        let after = Plan {
            inputs: None,
            outputs: vec![
                output("a", made(), 1),
                output("b", made(), 2),
                output("d", made(), 1),
            ],
        };
        assert_eq!(
            before.diff(&after),
            Diff {
                changed: vec![1, 2],
                gone: vec!["c".into()]
            }
        );
        assert!(after.diff(&after).is_empty());
    }

    #[test]
    fn two_outputs_at_one_path_name_both() {
        let outputs = vec![
            output("index.html", Origin::Made("the home page".into()), 1),
            output(
                "index.html",
                Origin::File(PathBuf::from("static/index.html")),
                1,
            ),
        ];
        let problems = collisions(&outputs);
        assert_eq!(problems.len(), 1);
        let text = problems[0].to_string();
        assert!(
            text.contains(
                "static/index.html: this file would be copied to index.html in the site, where the home page is written"
            ),
            "{text}"
        );
    }
}
