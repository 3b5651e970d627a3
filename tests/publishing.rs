//! What the outside world reads: sitemap, feeds, JSON-LD, robots.txt, CNAME, taxonomy
//! pages — parsed as XML/JSON, URLs checked, hostile titles kept inside their strings.

mod common;

use common::Site;

const BASE: &str = "https://example.github.io/kanpur-explainers";

fn xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML ({e}):\n{text}"))
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let text = site.read("public/sitemap.xml");
    let doc = xml(&text);
    let urls: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for path in [
        "/",
        "/kanpur/",
        "/kanpur/result-2024/",
        "/kanpur/result-2019/",
        "/tags/",
        "/tags/कानपुर/",
    ] {
        assert!(
            urls.contains(&format!("{BASE}{path}").as_str()),
            "{path} missing from {urls:?}"
        );
    }
    assert!(urls.iter().all(|u| u.starts_with(BASE)));
    assert!(
        !urls.iter().any(|u| u.contains("unfinished")),
        "drafts stay out"
    );
    assert_eq!(
        site.read("public/robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {BASE}/sitemap.xml\n")
    );
}

#[test]
fn feeds_for_site_sections_and_terms_parse_and_point_home() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    for feed in [
        "public/atom.xml",
        "public/kanpur/atom.xml",
        "public/tags/कानपुर/atom.xml",
    ] {
        let text = site.read(feed);
        let doc = xml(&text);
        let links: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("link"))
            .filter_map(|n| n.attribute("href"))
            .collect();
        assert!(
            links.iter().all(|l| l.starts_with(BASE)),
            "{feed}: {links:?}"
        );
        assert!(
            doc.descendants().any(|n| n.has_tag_name("entry")),
            "{feed} has entries"
        );
    }
    let section = site.read("public/kanpur/atom.xml");
    let first = section.find("<entry").unwrap();
    assert!(
        section[first..].find("result-2024").unwrap()
            < section[first..].find("result-2019").unwrap(),
        "newest first"
    );
}

#[test]
fn hostile_titles_stay_inside_json_ld_and_feeds() {
    let site = Site::fixture("basic");
    let evil = r#"</script><script>alert(1)</script> ]]> & "quotes""#;
    site.write(
        "content/kanpur/result-2024.md",
        &format!("+++\ntitle = '{evil}'\ndescription = '{evil}'\ndate = 2024-06-05\nauthors = ['{evil}']\n+++\nx\n"),
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/result-2024/index.html");
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(json["@type"], "NewsArticle");
    assert_eq!(json["headline"], evil);
    assert_eq!(json["author"][0]["name"], evil);
    assert_eq!(json["inLanguage"], "hi");
    assert_eq!(json["datePublished"], "2024-06-05");
    assert_eq!(json["url"], format!("{BASE}/kanpur/result-2024/"));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "no script element was injected"
    );
    let feed = site.read("public/kanpur/atom.xml");
    let doc = xml(&feed);
    let titles: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text().map(String::from))
        .collect();
    assert!(titles.contains(&evil.to_string()), "{titles:?}");
}

#[test]
fn canonical_open_graph_and_hreflang() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/result-2024.md",
        "+++\ntitle = \"नतीजा\"\ndate = 2024-06-05\ntranslation_key = \"r\"\n+++\nx\n",
    );
    site.write("content/en/result.md", "+++\ntitle = \"Result\"\nlang = \"en\"\ndate = 2024-06-05\ntranslation_key = \"r\"\n+++\nx\n");
    site.ok(&["build"]);
    let hi = site.read("public/kanpur/result-2024/index.html");
    assert!(hi.contains(&format!(
        "<link rel=\"canonical\" href=\"{BASE}/kanpur/result-2024/\">"
    )));
    assert!(hi.contains("<meta property=\"og:title\" content=\"नतीजा\">"));
    assert!(hi.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"{BASE}/en/result/\">"
    )));
    let en = site.read("public/en/result/index.html");
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"hi\" href=\"{BASE}/kanpur/result-2024/\">"
    )));
}

#[test]
fn taxonomy_pages_keep_devanagari_slugs_and_list_articles() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let tags = site.read("public/tags/index.html");
    assert!(tags.contains("href=\"../tags/लोकसभा-2024/\""), "{tags}");
    let term = site.read("public/tags/लोकसभा-2024/index.html");
    assert!(term.contains("कानपुर 2024 का नतीजा"));
    assert!(term.contains("href=\"../../kanpur/result-2024/\""));
}

#[test]
fn cname_is_written_when_configured_and_sitemaps_need_a_base_url() {
    let site = Site::fixture("basic");
    let config = site.read("site.toml").replace(
        "base_url = \"https://example.github.io/kanpur-explainers/\"",
        "cname = \"chunav.example.com\"",
    );
    site.write("site.toml", &config);
    site.ok(&["build"]);
    assert_eq!(site.read("public/CNAME"), "chunav.example.com\n");
    assert!(
        !site.exists("public/sitemap.xml"),
        "no absolute URLs without base_url"
    );
    site.ok(&["build", "--base-url", "https://chunav.example.com/"]);
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://chunav.example.com/kanpur/</loc>")
    );
}

#[test]
fn external_links_are_checked_only_when_asked() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().take(4).flatten() {
            let mut buf = [0u8; 1024];
            let _ = stream.read(&mut buf);
            let _ = write!(
                stream,
                "HTTP/1.1 410 Gone\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/result-2019.md",
        &format!("+++\ntitle = \"x\"\ndate = 2019-05-23\n+++\n## Intro {{#intro}}\n\n[स्रोत](http://127.0.0.1:{port}/results)\n"),
    );
    let quiet = site.ok(&["check"]);
    assert!(
        !quiet.stderr.contains("warning"),
        "no network unless asked: {}",
        quiet.stderr
    );
    let run = site.ok(&["check", "--external"]);
    assert!(
        run.stderr.contains(&format!("warning: content/kanpur/result-2019.md:7: link http://127.0.0.1:{port}/results: the server answered 410")),
        "{}",
        run.stderr
    );
}

#[test]
fn articles_with_results_get_a_share_card_named_in_open_graph() {
    let site = Site::fixture("charts");
    site.remove("templates/page.html");
    site.ok(&[
        "build",
        "--base-url",
        "https://example.github.io/kanpur-explainers/",
    ]);
    let png = std::fs::read(site.root.join("public/kanpur/kshetravar/card.png")).expect("card.png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (width, height) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((width, height), (1200, 630));
    let html = site.read("public/kanpur/kshetravar/index.html");
    assert!(
        html.contains(&format!(
            "<meta property=\"og:image\" content=\"{BASE}/kanpur/kshetravar/card.png\">"
        )),
        "og:image"
    );
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(
        html.contains(&format!("\"image\":\"{BASE}/kanpur/kshetravar/card.png\"")),
        "JSON-LD image"
    );
    let basic = Site::fixture("basic");
    basic.ok(&["build"]);
    assert!(
        !basic.exists("public/kanpur/result-2024/card.png"),
        "no results, no card"
    );
    assert!(
        basic
            .read("public/kanpur/result-2024/index.html")
            .contains("<meta name=\"twitter:card\" content=\"summary\">")
    );
}

#[test]
fn english_pages_name_the_site_in_english_and_lead_to_the_english_home() {
    let site = Site::fixture("basic");
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &format!(
            "{config}\n[languages.en]\ntitle = \"Kanpur in numbers\"\ndescription = \"Results, checked\"\nauthors = [\"Data desk\"]\n"
        ),
    );
    site.write(
        "content/en/_index.md",
        "+++\ntitle = \"In English\"\nlang = \"en\"\n+++\n",
    );
    site.write(
        "content/en/result.md",
        "+++\ntitle = \"Result\"\nlang = \"en\"\ndate = 2024-06-05\ntags = [\"Lok Sabha 2024\"]\n+++\nx\n",
    );
    site.ok(&["build"]);
    let en = site.read("public/en/result/index.html");
    assert!(
        en.contains("<title>Result · Kanpur in numbers</title>"),
        "{en}"
    );
    assert!(en.contains("<a class=\"site-title\" href=\"../../en/\">Kanpur in numbers</a>"));
    assert!(en.contains("<meta property=\"og:site_name\" content=\"Kanpur in numbers\">"));
    assert!(
        en.contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"Kanpur in numbers\"}")
    );
    assert!(en.contains("Data desk"), "the English byline");
    // An English article's tag is a page in English.
    let term = site.read("public/tags/lok-sabha-2024/index.html");
    assert!(term.contains("<html lang=\"en\">"), "{term}");
    assert!(term.contains("Kanpur in numbers") && term.contains("Tags"));
    assert!(
        site.read("public/tags/lok-sabha-2024/atom.xml")
            .contains("<name>Data desk</name>")
    );
    // Hindi pages keep the site's own name and home.
    let hi = site.read("public/kanpur/result-2024/index.html");
    let title = site.read("site.toml");
    let hindi_title = title
        .lines()
        .find_map(|l| l.strip_prefix("title = \""))
        .unwrap()
        .trim_end_matches('"');
    assert!(hi.contains(&format!(
        "<a class=\"site-title\" href=\"../../\">{hindi_title}</a>"
    )));
    assert!(!hi.contains("Kanpur in numbers"));
}

#[test]
fn a_language_table_for_no_language_chunav_writes_is_an_error() {
    let site = Site::fixture("basic");
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &format!("{config}\n[languages.fr]\ntitle = \"Kanpur\"\n"),
    );
    let err = site.fails(&["build"]);
    assert!(err.contains("site.toml"), "{err}");
    assert!(
        err.contains("[languages.fr]") && err.contains("\"hi\" and \"en\""),
        "{err}"
    );
}
