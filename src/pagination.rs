//! Long listings in pages: a section's or a term's articles, `articles_per_page` (site.toml)
//! at a time, newest first. The listing's own path shows the newest articles; the older
//! ones are on `page/2/`, `page/3/`, … below it, **numbered from the oldest**: `page/2/`
//! holds the oldest `per_page` articles, `page/3/` the next, and the listing's own page
//! everything newer than the last full page (between `per_page` and twice that). So a new
//! article changes the listing's own page only, never the pages of older articles: on a
//! site whose archive grows by the hour, an added article rewrites one page of each listing
//! it is in, not every page after it (as Hugo's and Zola's numbering from the newest
//! would), and a link to `page/7/` keeps showing the same articles. The number a reader
//! sees still counts from the newest (the listing's page is 1, the newest of the older
//! pages 2); it changes only when a new full page is made. The plan and the renderers
//! both cut listings here, so that a page's dependencies are exactly the articles it shows.

use serde::Serialize;

/// The folder of the pages after the first, below the listing's path.
pub const PAGE_DIR: &str = "page/";

/// How many full pages of the oldest articles a listing of `count` has besides its own
/// page, which keeps at least `per_page` articles.
fn older_pages(count: usize, per_page: usize) -> usize {
    if per_page == 0 || count < per_page.saturating_mul(2) {
        0
    } else {
        count / per_page - 1
    }
}

/// How many pages a listing of `count` articles takes: at least one (an empty listing still
/// has its page); `per_page` 0 puts every article on one page.
pub fn page_count(count: usize, per_page: usize) -> usize {
    1 + older_pages(count, per_page)
}

/// Of a listing's older pages, the one a reader sees as page `number` (from 2), counted
/// from the oldest (1).
fn from_oldest(count: usize, per_page: usize, number: usize) -> usize {
    (older_pages(count, per_page) + 2).saturating_sub(number)
}

/// The articles page `number` (from 1, as the reader counts: 1 is the listing's own page)
/// of a listing shows; `list` is newest first.
pub fn slice<T>(list: &[T], per_page: usize, number: usize) -> &[T] {
    let count = list.len();
    let older = older_pages(count, per_page);
    let own = count - older * per_page;
    if number <= 1 {
        return &list[..own];
    }
    if number > older + 1 {
        return &[];
    }
    let k = from_oldest(count, per_page, number);
    &list[count - k * per_page..count - (k - 1) * per_page]
}

/// Where page `number` (as the reader counts) of the listing at `base` (`tags/bjp/`) of
/// `count` articles is: `base` itself for the first, `tags/bjp/page/N/` for the others,
/// N counting from the oldest (2 for the oldest page).
pub fn path_of(base: &str, count: usize, per_page: usize, number: usize) -> String {
    if number <= 1 || number > page_count(count, per_page) {
        base.to_string()
    } else {
        format!(
            "{base}{PAGE_DIR}{}/",
            from_oldest(count, per_page, number) + 1
        )
    }
}

/// What a listing's template is told of its pages (`paginator`): paths are from the site's
/// root, to be written after `{{ root }}`.
#[derive(Debug, Serialize)]
pub struct Paginator {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the listing has.
    pub total: usize,
    /// How many articles the listing has in all.
    pub articles: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first and last pages and those within two of this one, in order: what a row of
    /// page numbers shows without growing with the listing.
    pub links: Vec<PagerLink>,
}

#[derive(Debug, Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub path: String,
    pub current: bool,
    /// Pages are left out between the one before and this one.
    pub gap: bool,
}

impl Paginator {
    pub fn new(base: &str, articles: usize, per_page: usize, number: usize) -> Paginator {
        let total = page_count(articles, per_page);
        let number = number.clamp(1, total);
        let path_of = |n: usize| path_of(base, articles, per_page, n);
        let near = number.saturating_sub(2).max(1)..=(number + 2).min(total);
        let mut shown: Vec<usize> = std::iter::once(1)
            .chain(near)
            .chain(std::iter::once(total))
            .collect();
        shown.dedup();
        let mut links = Vec::with_capacity(shown.len());
        let mut before = 0;
        for n in shown {
            if n == before {
                continue;
            }
            links.push(PagerLink {
                number: n,
                path: path_of(n),
                current: n == number,
                gap: before != 0 && n > before + 1,
            });
            before = n;
        }
        Paginator {
            number,
            total,
            articles,
            first: path_of(1),
            last: path_of(total),
            previous: (number > 1).then(|| path_of(number - 1)),
            next: (number < total).then(|| path_of(number + 1)),
            links,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listings_page_has_the_newest_and_older_pages_count_from_the_oldest() {
        // Newest first: 44 is the newest article, 0 the oldest.
        let list: Vec<usize> = (0..45).rev().collect();
        assert_eq!(page_count(45, 20), 1 + 1);
        assert_eq!(page_count(39, 20), 1);
        assert_eq!(page_count(40, 20), 2);
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(45, 0), 1);
        // The listing's page: everything newer than the last full page.
        assert_eq!(slice(&list, 20, 1), &list[..25]);
        // Page 2 as the reader counts is the oldest twenty, at page/2/.
        assert_eq!(slice(&list, 20, 2), &list[25..]);
        assert_eq!(slice(&list, 20, 2).last(), Some(&0));
        assert!(slice(&list, 20, 3).is_empty());
        assert_eq!(slice(&list, 0, 1), &list[..]);
        assert_eq!(path_of("tags/bjp/", 45, 20, 1), "tags/bjp/");
        assert_eq!(path_of("tags/bjp/", 45, 20, 2), "tags/bjp/page/2/");
        // Five pages: the reader's page 2 is the newest of the older ones, page/5/.
        assert_eq!(page_count(100, 20), 5);
        assert_eq!(path_of("up/", 100, 20, 2), "up/page/5/");
        assert_eq!(path_of("up/", 100, 20, 5), "up/page/2/");
        let list: Vec<usize> = (0..100).rev().collect();
        assert_eq!(slice(&list, 20, 1), &list[..20]);
        assert_eq!(slice(&list, 20, 2), &list[20..40]);
        assert_eq!(slice(&list, 20, 5), &list[80..]);
    }

    #[test]
    fn a_new_article_changes_only_the_listings_own_page_until_a_page_fills() {
        let per_page = 10;
        for count in 20..60 {
            let before: Vec<usize> = (0..count).rev().collect();
            let after: Vec<usize> = (0..=count).rev().collect();
            let pages = |list: &[usize]| -> Vec<(String, Vec<usize>)> {
                (1..=page_count(list.len(), per_page))
                    .map(|n| {
                        (
                            path_of("s/", list.len(), per_page, n),
                            slice(list, per_page, n).to_vec(),
                        )
                    })
                    .collect()
            };
            let (old, new) = (pages(&before), pages(&after));
            let moved: Vec<&String> = new
                .iter()
                .filter(|page| !old.contains(page))
                .map(|(path, _)| path)
                .collect();
            // Every article is on exactly one page.
            let mut all: Vec<usize> = new.iter().flat_map(|(_, a)| a.clone()).collect();
            all.sort_unstable();
            assert_eq!(all, (0..=count).collect::<Vec<_>>());
            if page_count(count + 1, per_page) == page_count(count, per_page) {
                assert_eq!(moved, [&"s/".to_string()], "{count}");
            } else {
                // A page filled: the listing's page gives its oldest ten to a new page.
                assert_eq!(moved.len(), 2, "{count}: {moved:?}");
            }
        }
    }

    #[test]
    fn the_row_of_page_numbers_keeps_the_ends_and_the_neighbours() {
        let p = Paginator::new("up/", 200, 10, 9);
        let shown: Vec<(usize, bool)> = p.links.iter().map(|l| (l.number, l.gap)).collect();
        assert_eq!(
            shown,
            vec![
                (1, false),
                (7, true),
                (8, false),
                (9, false),
                (10, false),
                (11, false),
                (20, true)
            ]
        );
        // 20 pages: the reader's 8 is the thirteenth of the older pages from the oldest,
        // at page/14/; the reader's 10 at page/12/.
        assert_eq!(p.previous.as_deref(), Some("up/page/14/"));
        assert_eq!(p.next.as_deref(), Some("up/page/12/"));
        let first = Paginator::new("up/", 35, 10, 1);
        assert_eq!(first.previous, None);
        assert_eq!(
            first.links.iter().map(|l| l.number).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(first.links[0].current);
        let last = Paginator::new("up/", 35, 10, 3);
        assert_eq!(last.next, None);
        assert_eq!(last.last, "up/page/2/");
    }
}
