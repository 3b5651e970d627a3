//! Regressions for what hostile input once got past chunav (issue #15): secrets published,
//! markup in names, ids taken twice, a chart as tall as a building, a killed build, and
//! the escaping of one hostile text in every file a reader or a machine reads.

mod common;

use common::Site;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const SITE: &str = "title = \"परीक्षण\"\nbase_url = \"https://example.github.io/site/\"\n\n[parties.BJP]\nname = \"भाजपा\"\ncolor = \"#FF9933\"\n\n[parties.INC]\nname = \"कांग्रेस\"\ncolor = \"#19AAED\"\n";

/// An article with result r1; `name` is the winner's name, `extra` more front matter.
fn article(title: &str, name: &str, extra: &str, body: &str) -> String {
    format!(
        "+++\ntitle = {title}\ndate = 2024-06-05\n{extra}\n[[results]]\nid = \"r1\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\nsegments = [\"एक\", \"दो\"]\n[[results.candidates]]\nname = {name}\nparty = \"BJP\"\nvotes = 300\nby_segment = {{ \"एक\" = 100, \"दो\" = 200 }}\n[[results.candidates]]\nname = \"श्याम\"\nparty = \"INC\"\nvotes = 200\nby_segment = {{ \"एक\" = 150, \"दो\" = 50 }}\n+++\n\n{body}"
    )
}

fn site_with(article_text: &str) -> Site {
    let site = Site::empty("hostile");
    site.write("site.toml", SITE)
        .write("content/_index.md", "+++\ntitle = \"घर\"\n+++\n")
        .write("content/a.md", article_text);
    site
}

/// A TOML basic string holding `s` exactly.
fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn editorial_comments_never_reach_readers() {
    let site = site_with(&article(
        "\"A\"",
        "\"राम\"",
        "",
        "पहले {! संपादक की गुप्त टिप्पणी !} बाद में।\n",
    ));
    site.ok(&["build"]);
    let page = site.read("public/a/index.html");
    assert!(page.contains("पहले"), "{page}");
    assert!(!page.contains("गुप्त"), "the comment is in the page");
    assert!(!search_index(&site).contains("गुप्त"));
}

/// Every file of the built search index (public/search/**/*.json), one after another.
fn search_index(site: &Site) -> String {
    let mut text = String::new();
    let mut dirs = vec![site.root.join("public/search")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                text.push_str(&fs::read_to_string(&path).unwrap());
            }
        }
    }
    assert!(!text.is_empty(), "no search index was written");
    text
}

#[test]
fn a_draft_with_an_upper_case_extension_is_a_draft() {
    let site = site_with(&article("\"A\"", "\"राम\"", "", "x\n"));
    site.write(
        "content/secret.MD",
        "+++\ntitle = \"गुप्त\"\ndate = 2024-06-05\ndraft = true\n+++\n\nअभी नहीं छपना है।\n",
    );
    site.ok(&["build"]);
    assert!(!site.exists("public/secret.MD"), "copied raw as an asset");
    assert!(
        !site.exists("public/secret/index.html"),
        "a draft was published"
    );
    assert!(!search_index(&site).contains("अभी नहीं"));
    site.ok(&["build", "--drafts"]);
    assert!(
        site.read("public/secret/index.html")
            .contains("अभी नहीं छपना है।")
    );
}

#[test]
fn headings_never_duplicate_the_themes_ids() {
    let body = "## main\n\n## result-r1\n\n## chart-1\n\n```chart\nkind = \"candidates\"\nresult = \"r1\"\n```\n";
    let site = site_with(&article("\"A\"", "\"राम\"", "", body));
    site.ok(&["build"]);
    let page = site.read("public/a/index.html");
    let ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|p| p.split('"').next().unwrap())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(id), "id `{id}` twice in {ids:?}");
    }
    for id in [
        "main",
        "result-r1",
        "chart-1",
        "h-main",
        "h-result-r1",
        "h-chart-1",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

#[test]
fn an_expression_in_a_chart_title_is_escaped_once() {
    let body = "```chart\nkind = \"candidates\"\nresult = \"r1\"\ntitle = \"विजेता: {{ results.r1.winner.name }}\"\n```\n";
    let site = site_with(&article(
        "\"A\"",
        &toml_str("राम \"टाइगर\" & <सिंह>"),
        "",
        body,
    ));
    site.ok(&["build"]);
    let page = site.read("public/a/index.html");
    assert!(
        page.contains("विजेता: राम &quot;टाइगर&quot; &amp; &lt;सिंह&gt;"),
        "{page}"
    );
    assert!(!page.contains("&amp;quot;"), "escaped twice");
}

#[test]
fn a_chart_of_ten_thousand_candidates_is_cut_and_says_so() {
    let mut text = article(
        "\"A\"",
        "\"राम\"",
        "",
        "```chart\nkind = \"candidates\"\nresult = \"r1\"\n```\n",
    );
    let many: String = (0..10_000)
        .map(|i| {
            format!(
                "[[results.candidates]]\nname = \"उम्मीदवार {i}\"\nparty = \"IND\"\nvotes = {}\n",
                10 + i % 50
            )
        })
        .collect();
    text = text.replacen("+++\n\n", &format!("{many}+++\n\n"), 1);
    let site = site_with(&text);
    site.ok(&["build"]);
    let page = site.read("public/a/index.html");
    let svg_start = page.find("<svg").unwrap();
    let svg = &page[svg_start..svg_start + page[svg_start..].find("</svg>").unwrap()];
    let height: f64 = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .and_then(|v| v.split_whitespace().nth(3))
        .and_then(|h| h.parse().ok())
        .unwrap();
    assert!(height < 2_000.0, "{height} units tall");
    assert!(page.contains("चार्ट में पहले 30 उम्मीदवार"), "the note says why");
    assert!(page.contains("अन्य ("), "the rest are folded");
}

#[test]
fn a_ninety_letter_devanagari_tag_gets_a_page() {
    let tag = "उत्तरप्रदेशकेकानपुरनगरलोकसभाक्षेत्रमेंविधानसभाक्षेत्रवारमतदानकाविस्तृतविश्लेषणऔरतुलनात्मकअध्ययन";
    assert!(tag.chars().count() >= 90, "{}", tag.chars().count());
    let site = site_with(&article(
        "\"A\"",
        "\"राम\"",
        &format!("tags = [\"{tag}\"]"),
        "x\n",
    ));
    site.ok(&["build"]);
    let tags: Vec<String> = fs::read_dir(site.root.join("public/tags"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(tags.len(), 1, "{tags:?}");
    assert!(tags[0].len() <= 100, "{} bytes", tags[0].len());
    let listing = site.read(&format!("public/tags/{}/index.html", tags[0]));
    assert!(listing.contains(tag), "the page shows the whole tag");
}

#[test]
fn new_does_not_write_through_a_link_out_of_the_site() {
    let site = site_with(&article("\"A\"", "\"राम\"", "", "x\n"));
    let elsewhere = Site::empty("hostile-elsewhere");
    std::os::unix::fs::symlink(&elsewhere.root, site.root.join("content/out")).unwrap();
    let err = site.fails(&["new", "content/out/x.md"]);
    assert!(err.contains("leads outside the site"), "{err}");
    assert!(!elsewhere.root.join("x.md").exists());
    site.ok(&["new", "content/inside/x.md"]);
}

#[test]
fn dotfiles_and_cname_in_the_output_survive_builds() {
    let site = site_with(&article("\"A\"", "\"राम\"", "", "x\n"));
    site.ok(&["build"]);
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        .write("public/CNAME", "chunav.example.com\n")
        .write("public/google0123abcd.html", "google-site-verification\n");
    site.ok(&["build"]);
    site.ok(&["build"]);
    assert_eq!(site.read("public/.git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(site.read("public/CNAME"), "chunav.example.com\n");
    assert!(site.exists("public/google0123abcd.html"));
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p.strip_prefix(dir).unwrap().display().to_string(), bytes)
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

fn leftovers(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".chunav-"))
        .collect()
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up() {
    let site = site_with(&article("\"A\"", "\"राम\"", "", "x\n"));
    site.ok(&["build"]);
    let before = snapshot(&site.root.join("public"));
    // Enough pages (each with a share card) for the build to be caught half-way.
    for i in 0..60 {
        site.write(
            &format!("content/k/p{i}.md"),
            &article(
                &format!("\"लेख {i}\""),
                "\"राम\"",
                "",
                "```chart\nkind = \"candidates\"\nresult = \"r1\"\n```\n",
            ),
        );
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_chunav"))
        .arg("--root")
        .arg(&site.root)
        .arg("build")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let staging = loop {
        let found = fs::read_dir(&site.root)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().contains("chunav-staging"));
        if let Some(e) = found
            && e.path().join("k").is_dir()
        {
            break e.path();
        }
        assert!(Instant::now() < deadline, "no staging folder appeared");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before the kill"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(staging.exists(), "the killed build left its staging folder");
    assert_eq!(
        snapshot(&site.root.join("public")),
        before,
        "the previous site is untouched"
    );
    site.ok(&["build"]);
    assert!(
        leftovers(&site.root).is_empty(),
        "{:?}",
        leftovers(&site.root)
    );
    assert!(site.exists("public/k/p59/index.html"));
}

/// One hostile text in a title, a description, a tag, an author and a candidate's name,
/// read back from every kind of file the build writes.
#[test]
fn one_hostile_text_is_escaped_in_every_file() {
    let evil = "</script><script>alert(1)</script> ]]> & \"q\" 'a' {{ x }} <b>اردو متن</b>";
    let e = toml_str(evil);
    let extra = format!("description = {e}\ntags = [{e}]\nauthors = [{e}]");
    let body = "```chart\nkind = \"candidates\"\nresult = \"r1\"\n```\n\n| नाम | वोट |\n|---|---|\n| {{ results.r1.winner.name }} | {{ results.r1.winner.votes }} |\n";
    let site = site_with(&article(&e, &e, &extra, body));
    site.ok(&["build"]);
    let page = site.read("public/a/index.html");
    assert_eq!(page.matches("<script>alert").count(), 0, "HTML");
    assert!(!page.contains("<b>اردو"), "markup in a name became markup");
    assert!(page.contains("اردو متن"), "Urdu is kept");
    // The table cell, through the prose engine.
    assert!(
        page.contains("<td>&lt;/script&gt;&lt;script&gt;alert(1)"),
        "table: {page}"
    );
    // JSON-LD parses, and holds the text exactly.
    let start = page.find("<script type=\"application/ld+json\">").unwrap();
    let json_start = start + page[start..].find('>').unwrap() + 1;
    let json_end = json_start + page[json_start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&page[json_start..json_end]).unwrap();
    assert_eq!(ld["headline"], evil);
    // The SVG of the chart parses as XML and holds the name as text.
    let svg_start = page.find("<svg").unwrap();
    let svg_end = svg_start + page[svg_start..].find("</svg>").unwrap() + 6;
    let svg = roxmltree::Document::parse(&page[svg_start..svg_end]).expect("SVG is XML");
    assert!(
        svg.descendants()
            .any(|n| n.text().is_some_and(|t| t.contains("اردو متن")))
    );
    // Feeds and the sitemap parse.
    for xml in ["public/atom.xml", "public/sitemap.xml"] {
        let text = site.read(xml);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{xml}: {e}"));
        if xml.ends_with("atom.xml") {
            assert!(doc.descendants().any(|n| n.text() == Some(evil)), "{xml}");
        }
    }
    // The search index is JSON with the title exact.
    let index: serde_json::Value =
        serde_json::from_str(&site.read("public/search/d/0.json")).unwrap();
    assert!(
        index
            .to_string()
            .contains(&serde_json::to_string(evil).unwrap()[1..20])
    );
    // The share card was drawn (a hostile name does not break it).
    let png = fs::read(site.root.join("public/a/card.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn control_characters_fail_with_their_place_not_in_the_share_card() {
    let site = site_with(&article("\"A\"", "\"रा\\u0001म\"", "", "x\n"));
    let err = site.fails(&["build"]);
    assert!(
        err.contains("content/a.md:12: results[0].candidates[0].name: contains the invisible control character U+0001"),
        "{err}"
    );
    assert!(!err.contains("share card"), "{err}");
}
