//! What every renderer reads of the site, borrowed: the pages, their results, the
//! listings and the compiled templates. Renderers pick what a template needs from here.

use super::templates::Renderer;
use crate::config::SiteConfig;
use crate::content::Page;
use crate::site::listings::SiteIndex;
use std::sync::Arc;

/// Everything a page render reads that is shared by all pages.
pub struct Shared<'a> {
    pub pages: &'a [Arc<Page>],
    pub charts: &'a crate::chart_function::ChartData,
    pub index: &'a SiteIndex,
    pub taxonomies: &'a crate::taxonomy::Taxonomies,
    /// The site's default language, for pages that belong to no article.
    pub language: &'a str,
    pub renderer: &'a Renderer,
    pub base_url: &'a str,
    pub home_articles: usize,
    pub config: &'a SiteConfig,
}

impl<'a> Shared<'a> {
    pub fn new(site: &'a crate::site::Site, renderer: &'a Renderer) -> Shared<'a> {
        Shared {
            pages: &site.pages,
            charts: &site.charts,
            index: &site.index,
            taxonomies: &site.taxonomies,
            language: &site.config.language,
            renderer,
            base_url: &site.config.base_url,
            home_articles: site.config.home_articles,
            config: &site.config,
        }
    }
}
