//! What listing pages and links need to know about the whole site, computed once after all
//! pages are parsed: sections and their articles (newest first), the home page's latest
//! articles, navigation, translations, related articles (same constituency), and where
//! each content file ends up.
//!
//! Templates get small summaries from here, never other pages' content, so memory stays
//! proportional to the site rather than to pages × site.

use crate::content::{Page, PageKind};
use crate::election::ResultDigest;
use crate::i18n;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Most related articles listed under an article.
pub const RELATED_LIMIT: usize = 5;

/// Where the search page lives.
pub const SEARCH_PATH: &str = "search/";

/// An article's share card, beside its `index.html`.
pub const CARD_FILE: &str = "card.png";

/// Articles with results get a share card.
pub fn has_card(page: &Page, results: &[ResultDigest]) -> bool {
    page.kind == PageKind::Article && !results.is_empty()
}

/// One line of a listing.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Summary {
    pub title: String,
    pub description: String,
    pub date: String,
    pub date_display: String,
    /// `updated`, or `date` when the page was never updated.
    pub updated: String,
    /// The latest `updated` time of the page's results (UTC, `2024-06-04T09:00:00Z`), when
    /// later than the page's own date: counting-day figures change by the hour.
    pub results_updated: Option<String>,
    pub path: String,
    pub lang: String,
    pub tags: Vec<String>,
}

impl Summary {
    /// When the page last changed, as feeds and sitemaps write it: the results' update
    /// time, or the page's date at midnight UTC.
    pub fn updated_time(&self) -> String {
        match &self.results_updated {
            Some(time) => time.clone(),
            None if self.updated.is_empty() => String::new(),
            None => format!("{}T00:00:00Z", self.updated),
        }
    }
}

#[derive(Debug, Clone, Hash, Serialize)]
pub struct NavItem {
    pub title: String,
    pub path: String,
    /// The section's language, for a `lang` attribute when it differs from the page's.
    pub lang: String,
}

#[derive(Debug, Clone, Hash, Serialize)]
pub struct Translation {
    pub lang: String,
    pub language_name: String,
    pub path: String,
}

pub struct SiteIndex {
    pub summaries: Vec<Summary>,
    /// content file → page index.
    by_file: HashMap<PathBuf, usize>,
    /// section path → indexes of its articles, newest first.
    section_articles: HashMap<String, Vec<usize>>,
    /// section path → indexes of its direct subsections.
    subsections: HashMap<String, Vec<usize>>,
    /// All articles, newest first.
    pub latest: Vec<usize>,
    pub nav: Vec<NavItem>,
    /// Language → the path of its home: the root for the home page's language, otherwise
    /// the shallowest section in that language (`en/`), when there is one.
    homes: BTreeMap<String, String>,
    translations: HashMap<usize, Vec<Translation>>,
    /// section path → its page's index (`""`, the home page, always has one).
    sections: HashMap<String, usize>,
    /// constituency → positions in `latest` of the articles with a result there; built on
    /// first use by [`SiteIndex::related`].
    by_constituency: OnceLock<HashMap<String, Vec<usize>>>,
}

impl SiteIndex {
    pub fn new(pages: &[Arc<Page>]) -> SiteIndex {
        let summaries: Vec<Summary> = pages.iter().map(|p| summary(p)).collect();
        let by_file = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.file.clone(), i))
            .collect();
        let sections: HashMap<&str, usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PageKind::Section)
            .map(|(i, p)| (p.path.as_str(), i))
            .collect();
        let mut section_articles: HashMap<String, Vec<usize>> = HashMap::new();
        let mut subsections: HashMap<String, Vec<usize>> = HashMap::new();
        let mut latest = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            match page.kind {
                PageKind::Article => {
                    latest.push(i);
                    let home_section = nearest_section(page.parent.as_deref().unwrap_or(""), |p| {
                        sections.contains_key(p)
                    });
                    section_articles.entry(home_section).or_default().push(i);
                }
                PageKind::Section if !page.is_home() => {
                    let parent = nearest_section(page.parent.as_deref().unwrap_or(""), |p| {
                        sections.contains_key(p)
                    });
                    subsections.entry(parent).or_default().push(i);
                }
                PageKind::Section => {}
            }
        }
        let newest_first = |a: &usize, b: &usize| newest_first(pages, *a, *b);
        latest.sort_by(newest_first);
        for list in section_articles.values_mut() {
            list.sort_by(newest_first);
        }
        for list in subsections.values_mut() {
            list.sort_by(|a, b| pages[*a].path.cmp(&pages[*b].path));
        }
        let nav = nav(pages, &subsections);
        let mut homes: BTreeMap<String, String> = BTreeMap::new();
        let mut sections_shallow_first: Vec<&Page> = pages
            .iter()
            .filter(|p| p.kind == PageKind::Section)
            .map(|p| p.as_ref())
            .collect();
        sections_shallow_first.sort_by_key(|p| (!p.is_home(), p.depth(), p.path.clone()));
        for section in sections_shallow_first {
            homes
                .entry(section.lang.clone())
                .or_insert_with(|| section.path.clone());
        }
        SiteIndex {
            summaries,
            by_file,
            section_articles,
            subsections,
            latest,
            nav,
            homes,
            translations: translations(pages),
            sections: sections
                .into_iter()
                .map(|(path, i)| (path.to_string(), i))
                .collect(),
            by_constituency: OnceLock::new(),
        }
    }

    /// Takes the page at `i` again after an edit of what listings show of it (title,
    /// description, dates, tags) that left where it is (file, path, kind, language,
    /// translation key) as it was: its summary, its place in the newest-first lists, and
    /// the navigation when it is a top-level section. `pages` are the site's pages with
    /// the new one at `i`; `results` its results' digests. True if the article moved in
    /// the newest-first order.
    pub fn relist(&mut self, pages: &[Arc<Page>], i: usize, results: &[ResultDigest]) -> bool {
        let page = &pages[i];
        self.summaries[i] = summary(page);
        self.note_result_times_of(i, results);
        let mut moved = false;
        if page.kind == PageKind::Article {
            let (from, to) = move_newest_first(&mut self.latest, pages, i);
            moved = from != Some(to);
            if moved {
                match (from, self.by_constituency.get_mut()) {
                    (Some(from), Some(map)) => shift_positions(map, from, to),
                    // Not made yet, or the article was not listed: made on the next use.
                    _ => self.by_constituency = OnceLock::new(),
                }
            }
            let section = self.section_of(page);
            if let Some(list) = self.section_articles.get_mut(&section) {
                place_newest_first(list, pages, i);
            }
        }
        if page.kind == PageKind::Section && self.subsections_of("").contains(&i) {
            self.nav = nav(pages, &self.subsections);
        }
        moved
    }

    /// The path of the section a page is listed in (`""`: the home page).
    fn section_of(&self, page: &Page) -> String {
        nearest_section(page.parent.as_deref().unwrap_or(""), |path| {
            self.sections.contains_key(path)
        })
    }

    /// The pages whose own page lists or names the page at `i` besides itself: the
    /// section page it is listed in (an article's section, the section above a section),
    /// the home page, and the articles whose related box may show it (those with a
    /// constituency of its results). What an edit of what listings show of it may change,
    /// besides the listings of terms, feeds, the sitemap and the search index. `results`
    /// are the site's results' digests.
    pub fn listed_by(
        &self,
        pages: &[Arc<Page>],
        i: usize,
        results: &[Arc<[ResultDigest]>],
    ) -> BTreeSet<usize> {
        let mut listing = BTreeSet::new();
        let Some(page) = pages.get(i) else {
            return listing;
        };
        listing.extend(self.sections.get(""));
        if !page.is_home() {
            listing.extend(self.sections.get(&self.section_of(page)));
        }
        let by_constituency = self.by_constituency(results);
        for result in results.get(i).into_iter().flat_map(|r| r.iter()) {
            for &position in by_constituency
                .get(&result.constituency)
                .into_iter()
                .flatten()
            {
                listing.insert(self.latest[position]);
            }
        }
        listing.remove(&i);
        listing
    }

    /// Every language's home (see `homes`): pages link theirs from the site's name.
    pub fn homes(&self) -> &BTreeMap<String, String> {
        &self.homes
    }

    /// The path of the home of pages in `lang` (see `homes`); the root when it has none.
    pub fn home_of(&self, lang: &str) -> &str {
        self.homes.get(lang).map(String::as_str).unwrap_or("")
    }

    /// Other articles with a result in a constituency of `page`'s results, newest first,
    /// at most [`RELATED_LIMIT`]; translations of the page are left out (they are linked
    /// as translations). `results` are the site's results, one entry per page.
    pub fn related(&self, page: usize, results: &[Arc<[ResultDigest]>]) -> Vec<usize> {
        let by_constituency = self.by_constituency(results);
        let Some(own) = results.get(page) else {
            return Vec::new();
        };
        let translations: BTreeSet<&str> = self
            .translations_of(page)
            .iter()
            .map(|t| t.path.as_str())
            .collect();
        let wanted = |&&position: &&usize| {
            let i = self.latest[position];
            i != page && !translations.contains(self.summaries[i].path.as_str())
        };
        // Each list is newest first, so its first few wanted entries are all it can add.
        let positions: BTreeSet<usize> = own
            .iter()
            .filter_map(|r| by_constituency.get(&r.constituency))
            .flat_map(|list| list.iter().filter(wanted).take(RELATED_LIMIT).copied())
            .collect();
        positions
            .into_iter()
            .take(RELATED_LIMIT)
            .map(|position| self.latest[position])
            .collect()
    }

    /// constituency → positions in `latest` (so ascending is newest first) of the
    /// articles with a result there, made on first use.
    fn by_constituency(&self, results: &[Arc<[ResultDigest]>]) -> &HashMap<String, Vec<usize>> {
        self.by_constituency.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (position, &i) in self.latest.iter().enumerate() {
                let places: BTreeSet<&str> = results
                    .get(i)
                    .into_iter()
                    .flat_map(|r| r.iter())
                    .map(|r| r.constituency.as_str())
                    .collect();
                for place in places {
                    map.entry(place.to_string()).or_default().push(position);
                }
            }
            map
        })
    }

    pub fn page_for_file(&self, file: &std::path::Path) -> Option<usize> {
        self.by_file.get(file).copied()
    }

    pub fn articles_of(&self, section_path: &str) -> &[usize] {
        self.section_articles
            .get(section_path)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn subsections_of(&self, section_path: &str) -> &[usize] {
        self.subsections
            .get(section_path)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn translations_of(&self, page: usize) -> &[Translation] {
        self.translations
            .get(&page)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn summaries_of(&self, indexes: &[usize]) -> Vec<&Summary> {
        indexes.iter().map(|&i| &self.summaries[i]).collect()
    }
}

/// The closest existing section at or above `path` (`""`, the home page, always exists).
fn nearest_section(path: &str, is_section: impl Fn(&str) -> bool) -> String {
    let mut path = path.to_string();
    loop {
        if path.is_empty() || is_section(&path) {
            return path;
        }
        let trimmed = path.trim_end_matches('/');
        path = match trimmed.rfind('/') {
            Some(i) => trimmed[..=i].to_string(),
            None => String::new(),
        };
    }
}

impl SiteIndex {
    /// Gives each summary the latest update time of its page's results (in the order of
    /// `pages`), where that is later than the page's own date.
    pub fn note_result_times(&mut self, results: &[Arc<[ResultDigest]>]) {
        for (i, results) in results.iter().enumerate().take(self.summaries.len()) {
            self.note_result_times_of(i, results);
        }
    }

    fn note_result_times_of(&mut self, i: usize, results: &[ResultDigest]) {
        let summary = &mut self.summaries[i];
        let latest = results
            .iter()
            .filter_map(|r| r.updated.as_ref().map(|u| u.utc.clone()))
            .max();
        if let Some(time) = latest
            && time > summary.updated_time()
        {
            summary.results_updated = Some(time);
        }
    }
}

fn summary(page: &Page) -> Summary {
    Summary {
        title: page.front.title.clone(),
        description: page.front.description.clone(),
        date: page.date.map(|d| d.iso()).unwrap_or_default(),
        date_display: page
            .date
            .map(|d| i18n::format_date(d, &page.lang))
            .unwrap_or_default(),
        updated: page
            .updated
            .or(page.date)
            .map(|d| d.iso())
            .unwrap_or_default(),
        results_updated: None,
        path: page.path.clone(),
        lang: page.lang.clone(),
        tags: page.front.tags.clone(),
    }
}

/// The site's article order, newest first: by date (undated last), then by title, then
/// as the files sort (a stable sort of pages in file order).
fn newest_first(pages: &[Arc<Page>], a: usize, b: usize) -> std::cmp::Ordering {
    (pages[b].date, &pages[a].front.title, a).cmp(&(pages[a].date, &pages[b].front.title, b))
}

/// Puts `i` in `list` (newest first, as `newest_first` orders pages) where it now
/// sorts, moving it if it is there; true if it moved or was not there.
pub(crate) fn place_newest_first(list: &mut Vec<usize>, pages: &[Arc<Page>], i: usize) -> bool {
    let (from, to) = move_newest_first(list, pages, i);
    from != Some(to)
}

/// `place_newest_first`, saying where the page was (if it was listed) and where it is now.
fn move_newest_first(
    list: &mut Vec<usize>,
    pages: &[Arc<Page>],
    i: usize,
) -> (Option<usize>, usize) {
    let from = list.iter().position(|&j| j == i);
    if let Some(from) = from {
        list.remove(from);
    }
    let to = list.partition_point(|&j| newest_first(pages, j, i).is_lt());
    list.insert(to, i);
    (from, to)
}

/// Keeps `SiteIndex::by_constituency` (positions in `latest`) right after the article at
/// position `from` moved to `to`: the articles between shift by one toward where it was.
/// A scan of one number per article with a result, not the map made again (strings and
/// all), which took a fifth of a title edit at 10,000 articles.
fn shift_positions(by_constituency: &mut HashMap<String, Vec<usize>>, from: usize, to: usize) {
    let shifted = |p: usize| match p {
        p if p == from => to,
        p if from < to && p > from && p <= to => p - 1,
        p if to < from && p >= to && p < from => p + 1,
        p => p,
    };
    for list in by_constituency.values_mut() {
        let mut had = false;
        for p in list.iter_mut() {
            had |= *p == from;
            *p = shifted(*p);
        }
        if had {
            list.sort_unstable();
        }
    }
}

/// The top-level sections, for every page's navigation.
fn nav(pages: &[Arc<Page>], subsections: &HashMap<String, Vec<usize>>) -> Vec<NavItem> {
    subsections
        .get("")
        .map(|subs| {
            subs.iter()
                .map(|&i| NavItem {
                    title: pages[i].front.title.clone(),
                    path: pages[i].path.clone(),
                    lang: pages[i].lang.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Pages sharing a `translation_key` link to each other.
fn translations(pages: &[std::sync::Arc<Page>]) -> HashMap<usize, Vec<Translation>> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        if let Some(key) = &page.front.translation_key {
            groups.entry(key.as_str()).or_default().push(i);
        }
    }
    let mut out = HashMap::new();
    for members in groups.values() {
        for &i in members {
            let others = members
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| Translation {
                    lang: pages[j].lang.clone(),
                    language_name: i18n::language_name(&pages[j].lang).to_string(),
                    path: pages[j].path.clone(),
                })
                .collect();
            out.insert(i, others);
        }
    }
    out
}
