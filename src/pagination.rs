//! Long listings in pages: a section's or a term's articles, `articles_per_page` (site.toml)
//! at a time, at the listing's own path, then `page/2/`, `page/3/`, … below it (the layout
//! Hugo and Zola use). The plan and the renderers both cut listings here, so that a page's
//! dependencies are exactly the articles it shows.

use serde::Serialize;

/// The folder of the pages after the first, below the listing's path.
pub const PAGE_DIR: &str = "page/";

/// How many pages a listing of `count` articles takes: at least one (an empty listing still
/// has its page); `per_page` 0 puts every article on one page.
pub fn page_count(count: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        count.div_ceil(per_page).max(1)
    }
}

/// The articles page `number` (from 1) of a listing shows.
pub fn slice<T>(list: &[T], per_page: usize, number: usize) -> &[T] {
    if per_page == 0 {
        return list;
    }
    let start = number
        .saturating_sub(1)
        .saturating_mul(per_page)
        .min(list.len());
    let end = start.saturating_add(per_page).min(list.len());
    &list[start..end]
}

/// Where page `number` of the listing at `base` (`tags/bjp/`) is: `base` itself for the
/// first, `tags/bjp/page/2/` after.
pub fn path_of(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_string()
    } else {
        format!("{base}{PAGE_DIR}{number}/")
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
                path: path_of(base, n),
                current: n == number,
                gap: before != 0 && n > before + 1,
            });
            before = n;
        }
        Paginator {
            number,
            total,
            articles,
            first: path_of(base, 1),
            last: path_of(base, total),
            previous: (number > 1).then(|| path_of(base, number - 1)),
            next: (number < total).then(|| path_of(base, number + 1)),
            links,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_are_cut_into_pages_of_the_given_size() {
        let list: Vec<usize> = (0..45).collect();
        assert_eq!(page_count(45, 20), 3);
        assert_eq!(page_count(40, 20), 2);
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(45, 0), 1);
        assert_eq!(slice(&list, 20, 1), &list[..20]);
        assert_eq!(slice(&list, 20, 3), &list[40..]);
        assert!(slice(&list, 20, 4).is_empty());
        assert_eq!(slice(&list, 0, 1), &list[..]);
        assert_eq!(path_of("tags/bjp/", 1), "tags/bjp/");
        assert_eq!(path_of("tags/bjp/", 3), "tags/bjp/page/3/");
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
        assert_eq!(p.previous.as_deref(), Some("up/page/8/"));
        assert_eq!(p.next.as_deref(), Some("up/page/10/"));
        let first = Paginator::new("up/", 25, 10, 1);
        assert_eq!(first.previous, None);
        assert_eq!(
            first.links.iter().map(|l| l.number).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(first.links[0].current);
        let last = Paginator::new("up/", 25, 10, 3);
        assert_eq!(last.next, None);
        assert_eq!(last.last, "up/page/3/");
    }
}
