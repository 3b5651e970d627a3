//! Files for the world outside the site: sitemap.xml, robots.txt, Atom feeds, CNAME, and
//! the JSON-LD that tells news aggregators what an article is. These need absolute URLs,
//! so they are built from `base_url`.

use super::context::Shared;
use crate::escape::{json_string, xml_escape};
use crate::site::listings::Summary;
use crate::taxonomy::Term;
use std::fmt::Write;

/// One page of the sitemap.
pub struct SitemapEntry {
    pub url: String,
    pub lastmod: String,
}

pub fn sitemap(entries: &[SitemapEntry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for e in entries {
        let _ = write!(xml, "  <url><loc>{}</loc>", xml_escape(&e.url));
        if !e.lastmod.is_empty() {
            let _ = write!(xml, "<lastmod>{}</lastmod>", e.lastmod);
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(base_url: &str) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if !base_url.is_empty() {
        let _ = writeln!(text, "\nSitemap: {base_url}/sitemap.xml");
    }
    text
}

/// An Atom feed of `entries` (newest first). `feed_url` is the feed's own address and
/// `page_url` the HTML page it belongs to.
pub struct Feed<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub feed_url: String,
    pub page_url: String,
    pub base_url: &'a str,
    pub authors: &'a [String],
    pub entries: Vec<&'a Summary>,
}

pub fn atom(feed: &Feed<'_>) -> String {
    let updated = feed
        .entries
        .iter()
        .map(|e| e.updated_time())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut xml = String::new();
    let _ = writeln!(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml_escape(feed.lang)
    );
    let _ = writeln!(xml, "  <title>{}</title>", xml_escape(feed.title));
    let _ = writeln!(xml, "  <id>{}</id>", xml_escape(&feed.feed_url));
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&feed.feed_url)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&feed.page_url)
    );
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    // Atom requires an author for the feed or every entry; the site stands in for none.
    let fallback = [feed.title.to_string()];
    let authors = if feed.authors.is_empty() {
        &fallback[..]
    } else {
        feed.authors
    };
    for name in authors {
        let _ = writeln!(xml, "  <author><name>{}</name></author>", xml_escape(name));
    }
    xml.push_str("  <generator>chunav</generator>\n");
    for e in &feed.entries {
        let url = format!("{}/{}", feed.base_url, e.path);
        let _ = writeln!(xml, "  <entry xml:lang=\"{}\">", xml_escape(&e.lang));
        let _ = writeln!(xml, "    <title>{}</title>", xml_escape(&e.title));
        let _ = writeln!(xml, "    <id>{}</id>", xml_escape(&url));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&url)
        );
        let _ = writeln!(xml, "    <published>{}T00:00:00Z</published>", e.date);
        let _ = writeln!(xml, "    <updated>{}</updated>", e.updated_time());
        if !e.description.is_empty() {
            let _ = writeln!(xml, "    <summary>{}</summary>", xml_escape(&e.description));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// schema.org NewsArticle for an article page.
pub struct NewsArticle<'a> {
    pub headline: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub date_published: &'a str,
    pub date_modified: &'a str,
    pub authors: &'a [String],
    pub lang: &'a str,
    pub image: Option<&'a str>,
    pub publisher: &'a str,
}

pub fn news_article_json_ld(a: &NewsArticle<'_>) -> String {
    let mut json = String::from("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
    let mut field = |key: &str, value: &str| {
        let _ = write!(json, ",{}:{}", json_string(key), json_string(value));
    };
    field("headline", a.headline);
    if !a.description.is_empty() {
        field("description", a.description);
    }
    if !a.url.is_empty() {
        field("url", a.url);
        field("mainEntityOfPage", a.url);
    }
    field("datePublished", a.date_published);
    field("dateModified", a.date_modified);
    field("inLanguage", a.lang);
    if let Some(image) = a.image {
        field("image", image);
    }
    let authors: Vec<String> = a
        .authors
        .iter()
        .map(|n| format!("{{\"@type\":\"Person\",\"name\":{}}}", json_string(n)))
        .collect();
    if !authors.is_empty() {
        let _ = write!(json, ",\"author\":[{}]", authors.join(","));
    }
    let _ = write!(
        json,
        ",\"publisher\":{{\"@type\":\"Organization\",\"name\":{}}}}}",
        json_string(a.publisher)
    );
    json
}

/// CNAME, for a custom domain on GitHub Pages.
pub fn cname(domain: &str) -> String {
    format!("{}\n", domain.trim())
}

/// sitemap.xml: every page and every taxonomy page (needs the site's base_url).
pub fn sitemap_xml(shared: &Shared<'_>) -> String {
    let base = shared.base_url;
    let mut entries: Vec<SitemapEntry> = shared
        .index
        .summaries
        .iter()
        .map(|s| SitemapEntry {
            url: format!("{base}/{}", s.path),
            lastmod: s
                .results_updated
                .clone()
                .unwrap_or_else(|| s.updated.clone()),
        })
        .collect();
    entries.extend(shared.taxonomies.paths().map(|path| SitemapEntry {
        url: format!("{base}/{path}"),
        lastmod: String::new(),
    }));
    sitemap(&entries)
}

/// What a section's feed lists: the home page's lists every article.
pub fn section_feed_entries<'a>(shared: &Shared<'a>, section: usize) -> &'a [usize] {
    let page = &shared.pages[section];
    let listed = if page.is_home() {
        &shared.index.latest[..]
    } else {
        shared.index.articles_of(&page.path)
    };
    &listed[..listed.len().min(FEED_ENTRIES)]
}

/// The Atom feed of section page `section` (home included).
pub fn section_feed(shared: &Shared<'_>, section: usize) -> String {
    let page = &shared.pages[section];
    feed(
        shared,
        &page.front.title,
        &page.lang,
        &page.path,
        section_feed_entries(shared, section),
    )
}

/// The Atom feed of a taxonomy term.
pub fn term_feed(shared: &Shared<'_>, term: &Term) -> String {
    let listed = &term.pages[..term.pages.len().min(FEED_ENTRIES)];
    let lang = super::pages::term_language(shared.pages, shared.language, term);
    feed(shared, &term.name, lang, &term.path, listed)
}

fn feed(shared: &Shared<'_>, title: &str, lang: &str, path: &str, listed: &[usize]) -> String {
    let base = shared.base_url;
    atom(&Feed {
        title,
        lang,
        feed_url: format!("{base}/{path}atom.xml"),
        page_url: format!("{base}/{path}"),
        base_url: base,
        authors: shared.config.authors_in(lang),
        entries: shared.index.summaries_of(listed),
    })
}

/// The most entries a feed carries (the newest).
pub const FEED_ENTRIES: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_points_at_the_sitemap() {
        assert!(
            robots("https://ex.github.io/repo")
                .contains("Sitemap: https://ex.github.io/repo/sitemap.xml")
        );
    }
}
