//! Files for the world outside the site: sitemap.xml, robots.txt, Atom feeds, CNAME, and
//! the JSON-LD that tells news aggregators what an article is. These need absolute URLs,
//! so they are built from `base_url`.

use crate::config::SiteConfig;
use crate::content::PageKind;
use crate::page_render::Shared;
use crate::site_index::Summary;
use std::fmt::Write;

/// Escapes text for XML element content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids outright.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A JSON string literal that is also safe inside `<script>`: `<`, `>` and `&` are
/// written as `\u003c` etc., so `</script>` in a headline cannot close the element.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

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
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or("1970-01-01");
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
    let _ = writeln!(xml, "  <updated>{updated}T00:00:00Z</updated>");
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
        let _ = writeln!(xml, "    <updated>{}T00:00:00Z</updated>", e.updated);
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

/// sitemap.xml, robots.txt, CNAME and the Atom feeds of the site, each section and each
/// taxonomy term. Sitemaps and feeds need absolute URLs: without a base_url only
/// robots.txt (and CNAME) are written.
pub fn site_files(shared: &Shared<'_>, config: &SiteConfig) -> Vec<(String, String)> {
    let base = shared.base_url;
    let mut files = vec![("robots.txt".to_string(), robots(base))];
    if let Some(cname) = &config.cname {
        files.push(("CNAME".to_string(), format!("{}\n", cname.trim())));
    }
    if base.is_empty() {
        return files;
    }
    let mut entries: Vec<SitemapEntry> = shared
        .index
        .summaries
        .iter()
        .map(|s| SitemapEntry {
            url: format!("{base}/{}", s.path),
            lastmod: s.updated.clone(),
        })
        .collect();
    entries.extend(shared.taxonomies.paths().map(|path| SitemapEntry {
        url: format!("{base}/{path}"),
        lastmod: String::new(),
    }));
    files.push(("sitemap.xml".to_string(), sitemap(&entries)));
    let feed = |title: &str, lang: &str, path: &str, listed: &[usize]| {
        let feed = Feed {
            title,
            lang,
            feed_url: format!("{base}/{path}atom.xml"),
            page_url: format!("{base}/{path}"),
            base_url: base,
            authors: &config.authors,
            entries: shared
                .index
                .summaries_of(&listed[..listed.len().min(FEED_ENTRIES)]),
        };
        (format!("{path}atom.xml"), atom(&feed))
    };
    for page in shared.pages.iter().filter(|p| p.kind == PageKind::Section) {
        let listed = if page.is_home() {
            &shared.index.latest[..]
        } else {
            shared.index.articles_of(&page.path)
        };
        files.push(feed(&page.front.title, &page.lang, &page.path, listed));
    }
    for term in shared.taxonomies.terms.values().flatten() {
        files.push(feed(&term.name, shared.language, &term.path, &term.pages));
    }
    files
}

/// The most entries a feed carries (the newest).
const FEED_ENTRIES: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_cannot_close_a_script() {
        let s = json_string("a</script><script>alert(1)</script>\"\\\n");
        assert!(!s.contains("</script>"));
        assert_eq!(
            s,
            "\"a\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\\"\\\\\\n\""
        );
    }

    #[test]
    fn xml_escapes_markup_and_cdata_ends() {
        assert_eq!(
            xml_escape("a & <b> ]]> \"q\""),
            "a &amp; &lt;b&gt; ]]&gt; &quot;q&quot;"
        );
    }

    #[test]
    fn robots_points_at_the_sitemap() {
        assert!(
            robots("https://ex.github.io/repo")
                .contains("Sitemap: https://ex.github.io/repo/sitemap.xml")
        );
    }
}
