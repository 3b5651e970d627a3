//! The election figures a page's templates and prose can quote.

use crate::content::Page;
use std::collections::BTreeMap;

pub fn for_page(_page: &Page) -> BTreeMap<String, String> {
    BTreeMap::new()
}
