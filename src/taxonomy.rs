//! Taxonomies: tags, constituencies and parties, each a set of terms with the articles
//! that carry them. Every term gets a listing page and a feed; every taxonomy an index.
//!
//! Tags come from front matter; constituencies and parties from the articles' results, so
//! an article about a seat is listed under that seat without anyone tagging it.

use crate::config::SiteConfig;
use crate::content::{Page, PageKind};
use crate::election::ResultDigest;
use crate::slug::slugify;
use serde::Serialize;
use std::collections::BTreeMap;

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

impl Taxonomies {
    /// `newest_first` is the site's article order (from the index).
    pub fn new(
        pages: &[std::sync::Arc<Page>],
        results: &[std::sync::Arc<[ResultDigest]>],
        config: &SiteConfig,
        newest_first: &[usize],
    ) -> Taxonomies {
        let mut found: BTreeMap<(Kind, String), (String, Vec<usize>)> = BTreeMap::new();
        for &i in newest_first {
            let page = &pages[i];
            if page.kind != PageKind::Article {
                continue;
            }
            let mut add = |kind: Kind, key: String, name: String| {
                let entry = found
                    .entry((kind, key))
                    .or_insert_with(|| (name, Vec::new()));
                // Pages come one at a time: a repeat of this page is the last one listed
                // (a `contains` over a party's 10,000 articles made this quadratic).
                if entry.1.last() != Some(&i) {
                    entry.1.push(i);
                }
            };
            for tag in &page.front.tags {
                let slug = slugify(tag);
                if !slug.is_empty() {
                    add(Kind::Tags, slug, tag.clone());
                }
            }
            for result in results.get(i).map(|r| r.iter()).into_iter().flatten() {
                let slug = slugify(&result.constituency);
                if !slug.is_empty() {
                    add(Kind::Constituencies, slug, result.constituency.clone());
                }
                let leading = &result.leading_parties;
                for code in leading {
                    let name = config
                        .parties
                        .get(code)
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| code.clone());
                    add(Kind::Parties, code.to_lowercase(), name);
                }
            }
        }
        let mut taxonomies = Taxonomies::default();
        for ((kind, slug), (name, term_pages)) in found {
            let path = format!("{}{slug}/", kind.path());
            for &i in &term_pages {
                // A party's link under an article is named in the article's language.
                let name = match kind {
                    Kind::Parties => {
                        party_name(config, &slug, &pages[i].lang).unwrap_or_else(|| name.clone())
                    }
                    _ => name.clone(),
                };
                taxonomies.by_page.entry(i).or_default().push(TermLink {
                    kind,
                    name,
                    path: path.clone(),
                });
            }
            taxonomies.terms.entry(kind).or_default().push(Term {
                kind,
                name,
                path,
                pages: term_pages,
            });
        }
        taxonomies
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
