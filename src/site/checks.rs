//! Checks that need the whole site: two pages may not claim one URL, and no page may sit
//! where chunav writes its own listings.

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::taxonomy::Taxonomies;
use std::collections::{BTreeSet, HashMap};

/// A content folder named like a taxonomy (`content/tags/`) would be overwritten by it.
pub fn taxonomy_urls(pages: &[std::sync::Arc<Page>], taxonomies: &Taxonomies) -> Vec<Diagnostic> {
    let mut taken: BTreeSet<String> = taxonomies.paths().collect();
    taken.insert(crate::site::listings::SEARCH_PATH.to_string());
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
pub fn unique_urls(pages: &[std::sync::Arc<Page>]) -> Vec<Diagnostic> {
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
