//! Taxonomies: tags, constituencies and parties, each a set of terms with the articles
//! that carry them. Every term gets a listing page and a feed; every taxonomy an index.
//!
//! Tags come from front matter; constituencies and parties from the articles' results, so
//! an article about a seat is listed under that seat without anyone tagging it.

use crate::config::SiteConfig;
use crate::content::{Page, PageKind};
use crate::election::ResultDigest;
use crate::fast_hash::FastMap;
use crate::site::listings;
use crate::slug::slugify;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Tags,
    Constituencies,
    Parties,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Tags, Kind::Constituencies, Kind::Parties];

    /// The folder of the taxonomy's pages: `tags/`, `constituencies/`, `parties/`.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Tags => "tags/",
            Kind::Constituencies => "constituencies/",
            Kind::Parties => "parties/",
        }
    }

    pub fn title(self, lang: &str) -> &'static str {
        match (self, lang == "hi") {
            (Kind::Tags, true) => "टैग",
            (Kind::Tags, false) => "Tags",
            (Kind::Constituencies, true) => "निर्वाचन क्षेत्र",
            (Kind::Constituencies, false) => "Constituencies",
            (Kind::Parties, true) => "दल",
            (Kind::Parties, false) => "Parties",
        }
    }
}

/// One term: a tag, a constituency or a party, with its articles newest first.
#[derive(Debug, Clone)]
pub struct Term {
    pub kind: Kind,
    pub name: String,
    /// URL path below the root: `tags/कानपुर/`.
    pub path: String,
    pub pages: Vec<usize>,
}

/// A term as a page shows it in its list of tags.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct TermLink {
    pub kind: Kind,
    pub name: String,
    pub path: String,
}

#[derive(Debug, Default)]
pub struct Taxonomies {
    /// By kind, each sorted by name.
    pub terms: BTreeMap<Kind, Vec<Term>>,
    /// Page index → the terms it carries.
    by_page: BTreeMap<usize, Vec<TermLink>>,
}

/// The full name of the party whose term slug is `slug` (its code in lower case), in `lang`.
fn party_name(config: &SiteConfig, slug: &str, lang: &str) -> Option<String> {
    config
        .parties
        .iter()
        .find(|(code, _)| code.to_lowercase() == slug)
        .map(|(_, party)| party.names(lang).name)
}

/// What `Taxonomies::relist` changed besides the page's own terms.
#[derive(Debug, Default)]
pub struct Relisted {
    /// The paths of terms it made.
    pub new_paths: Vec<String>,
    /// Other pages whose term links changed (a term named after its newest article,
    /// which is another now).
    pub renamed: Vec<usize>,
}

impl Term {
    /// Its slug: the last part of its path.
    fn slug(&self) -> &str {
        let inner = self
            .path
            .strip_prefix(self.kind.path())
            .unwrap_or(&self.path);
        inner.strip_suffix('/').unwrap_or(inner)
    }
}

/// The terms an article carries, as (kind, slug, name), in the order `Taxonomies::new`
/// meets them (a term is named as the first article to carry it names it); none for a
/// page that is not an article.
fn terms_of<'p>(
    page: &'p Page,
    results: &'p [ResultDigest],
    config: &'p SiteConfig,
) -> impl Iterator<Item = (Kind, String, String)> + 'p {
    let article = page.kind == PageKind::Article;
    let tags = page
        .front
        .tags
        .iter()
        .filter(move |_| article)
        .map(|tag| (Kind::Tags, slugify(tag), tag.clone()));
    let results = results
        .iter()
        .filter(move |_| article)
        .flat_map(move |result| {
            let seat = (
                Kind::Constituencies,
                slugify(&result.constituency),
                result.constituency.clone(),
            );
            let parties = result.leading_parties.iter().map(move |code| {
                let name = config
                    .parties
                    .get(code)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| code.clone());
                (Kind::Parties, code.to_lowercase(), name)
            });
            std::iter::once(seat).chain(parties)
        });
    tags.chain(results).filter(|(_, slug, _)| !slug.is_empty())
}

/// A term as an article shows it: a party's link is named in the article's language.
fn link(config: &SiteConfig, kind: Kind, name: &str, path: &str, lang: &str) -> TermLink {
    let slug = path.strip_prefix(kind.path()).unwrap_or(path);
    let slug = slug.strip_suffix('/').unwrap_or(slug);
    let name = match kind {
        Kind::Parties => party_name(config, slug, lang).unwrap_or_else(|| name.to_string()),
        _ => name.to_string(),
    };
    TermLink {
        kind,
        name,
        path: path.to_string(),
    }
}

impl Taxonomies {
    /// `newest_first` is the site's article order (from the index).
    pub fn new(
        pages: &[Arc<Page>],
        results: &[Arc<[ResultDigest]>],
        config: &SiteConfig,
        newest_first: &[usize],
    ) -> Taxonomies {
        // What `terms_of` gives, with each slug made once per distinct text and each
        // name copied once per term: at 10,000 articles this runs after every article
        // added or removed in `serve`, and slugging every page's terms again was most of it.
        let mut slugs: FastMap<(Kind, &str), String> = FastMap::default();
        // (kind, text as written, name) of each term of one article.
        type ArticleTerms<'a> = Vec<(Kind, &'a str, &'a str)>;
        let mut carried: Vec<(usize, ArticleTerms)> = Vec::new();
        for &i in newest_first {
            let page = &pages[i];
            if page.kind != PageKind::Article {
                continue;
            }
            let digests = results.get(i).map(|r| &r[..]).unwrap_or(&[]);
            let mut terms: ArticleTerms = Vec::new();
            for tag in &page.front.tags {
                terms.push((Kind::Tags, tag.as_str(), tag.as_str()));
            }
            for result in digests {
                let seat = result.constituency.as_str();
                terms.push((Kind::Constituencies, seat, seat));
                for code in &result.leading_parties {
                    let name = config
                        .parties
                        .get(code)
                        .map(|p| p.name.as_str())
                        .unwrap_or(code.as_str());
                    terms.push((Kind::Parties, code.as_str(), name));
                }
            }
            for &(kind, text, _) in &terms {
                slugs.entry((kind, text)).or_insert_with(|| match kind {
                    Kind::Parties => text.to_lowercase(),
                    _ => slugify(text),
                });
            }
            carried.push((i, terms));
        }
        let mut found: FastMap<(Kind, &str), (&str, Vec<usize>)> = FastMap::default();
        for (i, terms) in &carried {
            for &(kind, text, name) in terms {
                let slug = slugs[&(kind, text)].as_str();
                if slug.is_empty() {
                    continue;
                }
                let entry = found
                    .entry((kind, slug))
                    .or_insert_with(|| (name, Vec::new()));
                // Pages come one at a time: a repeat of this page is the last one listed
                // (a `contains` over a party's 10,000 articles made this quadratic).
                if entry.1.last() != Some(i) {
                    entry.1.push(*i);
                }
            }
        }
        // Sorted by (kind, slug), as the BTreeMap this replaced gave them.
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut taxonomies = Taxonomies::default();
        for ((kind, slug), (name, term_pages)) in found {
            let path = format!("{}{slug}/", kind.path());
            // One link per language the term's articles are in.
            let mut links: FastMap<&str, TermLink> = FastMap::default();
            for &i in &term_pages {
                let lang = pages[i].lang.as_str();
                let link = links
                    .entry(lang)
                    .or_insert_with(|| link(config, kind, name, &path, lang));
                taxonomies.by_page.entry(i).or_default().push(link.clone());
            }
            taxonomies.terms.entry(kind).or_default().push(Term {
                kind,
                name: name.to_string(),
                path,
                pages: term_pages,
            });
        }
        taxonomies
    }

    /// Takes the page at `i` again after an edit that may have changed its tags or its
    /// place in the site's newest-first order (the one `Taxonomies::new` was given), its
    /// results and everything else the terms read as they were. `before`: the page as it
    /// was; `pages`: the site's pages with the new one at `i`; `results`: the site's
    /// results' digests. Every term it leaves, joins or stays in lists it where it now
    /// sorts; a term no article carries any more is dropped, a new one added.
    pub fn relist(
        &mut self,
        before: &Page,
        pages: &[Arc<Page>],
        i: usize,
        results: &[Arc<[ResultDigest]>],
        config: &SiteConfig,
    ) -> Relisted {
        let digests = results.get(i).map(|r| &r[..]).unwrap_or(&[]);
        let had: BTreeSet<(Kind, String)> = terms_of(before, digests, config)
            .map(|(kind, slug, _)| (kind, slug))
            .collect();
        let has: BTreeSet<(Kind, String)> = terms_of(&pages[i], digests, config)
            .map(|(kind, slug, _)| (kind, slug))
            .collect();
        let mut relisted = Relisted::default();
        for (kind, slug) in had.union(&has) {
            let terms = self.terms.entry(*kind).or_default();
            let n = match terms.binary_search_by(|t| t.slug().cmp(slug)) {
                Ok(n) => n,
                Err(n) => {
                    let path = format!("{}{slug}/", kind.path());
                    relisted.new_paths.push(path.clone());
                    let name = String::new();
                    let pages = Vec::new();
                    terms.insert(
                        n,
                        Term {
                            kind: *kind,
                            name,
                            path,
                            pages,
                        },
                    );
                    n
                }
            };
            let term = &mut terms[n];
            match has.contains(&(*kind, slug.clone())) {
                true => {
                    listings::place_newest_first(&mut term.pages, pages, i);
                }
                false => term.pages.retain(|&j| j != i),
            }
            let Some(&first) = term.pages.first() else {
                terms.remove(n);
                if terms.is_empty() {
                    self.terms.remove(kind);
                }
                continue;
            };
            // A term is named as its newest article names it.
            let first_digests = results.get(first).map(|r| &r[..]).unwrap_or(&[]);
            let name = terms_of(&pages[first], first_digests, config)
                .find(|(k, s, _)| k == kind && s == slug)
                .map(|(_, _, name)| name)
                .unwrap_or_default();
            if name != term.name {
                let renamed = !term.name.is_empty();
                term.name = name;
                if renamed {
                    for &j in term.pages.iter().filter(|&&j| j != i) {
                        let lang = &pages[j].lang;
                        let link = link(config, *kind, &term.name, &term.path, lang);
                        if let Some(links) = self.by_page.get_mut(&j)
                            && let Some(old) = links.iter_mut().find(|l| l.path == link.path)
                        {
                            *old = link;
                            relisted.renamed.push(j);
                        }
                    }
                }
            }
        }
        let links: Vec<TermLink> = has
            .iter()
            .filter_map(|(kind, slug)| {
                let terms = self.terms.get(kind)?;
                let term = &terms[terms.binary_search_by(|t| t.slug().cmp(slug)).ok()?];
                Some(link(config, *kind, &term.name, &term.path, &pages[i].lang))
            })
            .collect();
        match links.is_empty() {
            true => self.by_page.remove(&i),
            false => self.by_page.insert(i, links),
        };
        relisted.renamed.sort_unstable();
        relisted.renamed.dedup();
        relisted
    }

    pub fn terms_of_page(&self, page: usize) -> &[TermLink] {
        self.by_page.get(&page).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every URL path taxonomies use, to keep them from colliding with content.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        self.terms
            .keys()
            .map(|k| k.path().to_string())
            .chain(self.terms.values().flatten().map(|t| t.path.clone()))
    }
}
