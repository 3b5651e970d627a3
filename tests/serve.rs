//! `chunav serve` over real HTTP: safety against paths leaving the site, correct types and
//! 404s, the live-reload script only in serve mode, and rebuilds reaching open pages.

mod common;

use common::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
    /// Kept open: the server keeps logging rebuilds to it (`next_rebuild` reads them).
    log: BufReader<std::process::ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Site) -> Server {
    serve_with_stderr(site, Stdio::null())
}

/// `serve`, its warnings and errors going to `stderr`.
fn serve_with_stderr(site: &Site, stderr: Stdio) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chunav"))
        .arg("--root")
        .arg(&site.root)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut log = BufReader::new(child.stdout.take().unwrap());
    log.read_line(&mut line).unwrap();
    // "serving DIR at http://127.0.0.1:PORT/base/ (Ctrl+C stops)"
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server { child, port, log }
}

/// A raw GET, so that the path reaches the server exactly as written.
fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

const BASE: &str = "/kanpur-explainers";

#[test]
fn paths_outside_the_site_are_refused() {
    let site = Site::fixture("basic");
    std::os::unix::fs::symlink(
        site.root.join("site.toml"),
        site.root.join("static/leak.txt"),
    )
    .unwrap();
    let server = serve(&site);
    for path in [
        "/../site.toml",
        "/kanpur-explainers/../site.toml",
        "/kanpur-explainers/%2e%2e/site.toml",
        "/kanpur-explainers/kanpur/..%2f..%2fsite.toml",
        "/kanpur-explainers/%2e%2e%5csite.toml",
        "/kanpur-explainers/%00",
    ] {
        let (status, _, body) = get(server.port, path);
        assert_eq!(status, 403, "{path}");
        assert!(!body.contains("base_url"), "{path} leaked site.toml");
    }
    let (status, _, body) = get(server.port, "/kanpur-explainers/leak.txt");
    assert_eq!(
        status, 404,
        "a symlink leading out of static/ is not served"
    );
    assert!(!body.contains("base_url"));
    let (status, _, _) = get(
        server.port,
        "/kanpur-explainers/content/kanpur/result-2024.md",
    );
    assert_eq!(status, 404, "the source tree is never served");
}

#[test]
fn serves_the_built_site_under_its_base_path_with_types_and_404() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    let (status, head, body) = get(server.port, &format!("{BASE}/kanpur/result-2024/"));
    assert_eq!(status, 200);
    assert!(head.contains("text/html; charset=utf-8"), "{head}");
    assert!(body.contains("<h1>कानपुर 2024 का नतीजा</h1>"));
    assert!(body.contains("<script src=\"/__chunav/reload.js\"></script></body>"));
    let (status, head, _) = get(server.port, &format!("{BASE}/kanpur/result-2024"));
    assert_eq!(status, 301);
    assert!(
        head.contains(&format!("{BASE}/kanpur/result-2024/")),
        "{head}"
    );
    let (_, head, _) = get(server.port, &format!("{BASE}/style.css"));
    assert!(head.contains("text/css; charset=utf-8"), "{head}");
    let (status, _, body) = get(server.port, &format!("{BASE}/no-such-page/"));
    assert_eq!(status, 404);
    assert!(body.contains("पृष्ठ नहीं मिला"), "the site's own 404 page");
    let (status, _, _) = get(server.port, "/kanpur/result-2024/");
    assert_eq!(
        status, 404,
        "pages live under the base path, as when published"
    );
}

#[test]
fn the_reload_script_is_never_in_build_output() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    for file in [
        "public/index.html",
        "public/kanpur/result-2024/index.html",
        "public/404.html",
    ] {
        assert!(!site.read(file).contains("__chunav"), "{file}");
    }
}

/// Reads server-sent events until `name` arrives.
fn wait_for_event(stream: &mut BufReader<TcpStream>, name: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if stream.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if line.trim() == format!("event: {name}") {
            line.clear();
            stream.read_line(&mut line).unwrap();
            return line;
        }
    }
    panic!("no `{name}` event");
}

#[test]
fn edits_reach_open_pages_and_errors_keep_the_last_good_page() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(events, "GET /__chunav/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut events = BufReader::new(events);
    wait_for_event(&mut events, "ok");

    let page = "content/kanpur/result-2024.md";
    let text = site.read(page);
    site.write(page, &text.replace("पहला खंड।", "संपादित खंड।"));
    wait_for_event(&mut events, "reload");
    let (_, _, body) = get(server.port, &format!("{BASE}/kanpur/result-2024/"));
    assert!(
        body.contains("संपादित खंड।"),
        "the page has the new text once reload is sent"
    );

    site.write(
        page,
        &text.replace("title = \"कानपुर 2024 का नतीजा\"", "title = [oops"),
    );
    let errors = wait_for_event(&mut events, "errors");
    assert!(
        errors.contains("content/kanpur/result-2024.md:3"),
        "{errors}"
    );
    let (status, _, body) = get(server.port, &format!("{BASE}/kanpur/result-2024/"));
    assert_eq!(status, 200);
    assert!(
        body.contains("संपादित खंड।"),
        "the last good page stays served"
    );

    site.write(page, &text);
    wait_for_event(&mut events, "reload");
    let (_, _, body) = get(server.port, &format!("{BASE}/kanpur/result-2024/"));
    assert!(body.contains("पहला खंड।"));
}

/// Opens the event stream and waits for the first build's `ok`.
fn events(server: &Server) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET /__chunav/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut stream = BufReader::new(stream);
    wait_for_event(&mut stream, "ok");
    stream
}

/// A URL path with every non-ASCII byte percent-encoded, as a browser sends it.
fn encoded(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The charts fixture (an article with results in Kanpur) with the theme's templates and
/// a second, older article on the same seat, so each lists the other as related.
fn two_kanpur_articles() -> Site {
    let site = Site::fixture("charts");
    site.remove("templates/page.html");
    let first = site.read("content/kanpur/kshetravar.md");
    let second = first
        .replacen(
            "title = \"कानपुर: 2019 से 2024 तक, क्षेत्रवार\"",
            "title = \"दूसरा लेख: पुराना शीर्षक\"",
            1,
        )
        .replacen("date = 2024-06-10", "date = 2024-06-08", 1);
    assert_ne!(first, second);
    site.write("content/kanpur/dusra.md", &second);
    site
}

#[test]
fn a_title_edit_reaches_the_hub_the_home_page_related_boxes_and_search() {
    let site = two_kanpur_articles();
    let server = serve(&site);
    let mut events = events(&server);
    let page = |path: &str| get(server.port, &encoded(path)).2;
    for path in ["/", "/kanpur/", "/kanpur/kshetravar/", "/search/d/0.json"] {
        assert!(page(path).contains("दूसरा लेख: पुराना शीर्षक"), "{path}");
    }

    let file = "content/kanpur/dusra.md";
    let text = site.read(file);
    site.write(file, &text.replace("पुराना शीर्षक", "नया शीर्षक"));
    wait_for_event(&mut events, "reload");
    for path in [
        "/",
        "/kanpur/",
        "/kanpur/dusra/",
        "/kanpur/kshetravar/",
        "/search/d/0.json",
        "/tags/कानपुर/",
        "/constituencies/कानपुर/",
    ] {
        let body = page(path);
        assert!(body.contains("दूसरा लेख: नया शीर्षक"), "{path}: {body}");
        assert!(!body.contains("पुराना शीर्षक"), "{path} is stale");
    }
    assert_serves_what_build_writes(&site, &server);
}

#[test]
fn a_changed_constituency_makes_its_term_page_and_drops_the_old_one() {
    let site = Site::fixture("charts");
    site.remove("templates/page.html");
    let server = serve(&site);
    let mut events = events(&server);
    let status = |path: &str| get(server.port, &encoded(path)).0;
    assert_eq!(status("/constituencies/कानपुर/"), 200);
    assert_eq!(status("/constituencies/अकबरपुर/"), 404);

    let file = "content/kanpur/kshetravar.md";
    let text = site.read(file);
    site.write(
        file,
        &text.replace("constituency = \"कानपुर\"", "constituency = \"अकबरपुर\""),
    );
    wait_for_event(&mut events, "reload");
    assert_eq!(status("/constituencies/अकबरपुर/"), 200, "the new term page");
    assert_eq!(
        status("/constituencies/कानपुर/"),
        404,
        "no article is about Kanpur any more"
    );
    let article = get(server.port, "/kanpur/kshetravar/").2;
    assert!(
        article.contains("constituencies/अकबरपुर/"),
        "the article links to the new term page: {article}"
    );
    assert_serves_what_build_writes(&site, &server);
}

#[test]
fn search_files_follow_body_edits_new_articles_and_removals() {
    let site = two_kanpur_articles();
    let server = serve(&site);
    let mut events = events(&server);
    let status = |path: &str| get(server.port, &encoded(path)).0;
    let file = "content/kanpur/dusra.md";
    let text = site.read(file);

    // A word of the body changed: the older article keeps its id (0: ids are oldest first).
    site.write(file, &format!("{text}\nएकदमनयाशब्द वाला वाक्य।\n"));
    wait_for_event(&mut events, "reload");
    assert!(
        get(server.port, "/search/d/0.json")
            .2
            .contains("एकदमनयाशब्द")
    );
    assert_serves_what_build_writes(&site, &server);

    // A newer article takes the next id and leaves the others' alone; removing it drops
    // that id.
    let newest = text
        .replacen("दूसरा लेख: पुराना शीर्षक", "तीसरा लेख", 1)
        .replacen("date = 2024-06-08", "date = 2024-06-12", 1);
    site.write("content/kanpur/teesra.md", &newest);
    wait_for_event(&mut events, "reload");
    assert!(get(server.port, "/search/d/2.json").2.contains("तीसरा लेख"));
    assert!(!get(server.port, "/search/d/1.json").2.contains("तीसरा लेख"));
    assert_serves_what_build_writes(&site, &server);
    site.remove("content/kanpur/teesra.md");
    wait_for_event(&mut events, "reload");
    assert_eq!(
        status("/search/d/2.json"),
        404,
        "the third article's file is gone"
    );
    assert!(!get(server.port, "/search/d/1.json").2.contains("तीसरा लेख"));
    assert_serves_what_build_writes(&site, &server);
}

/// The next "rebuilt in N ms (K of M outputs, F files; planned WHAT)" line of the
/// server's log: K, what was planned again, and F.
fn next_rebuild(server: &mut Server) -> (usize, String, usize) {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(server.log.read_line(&mut line).unwrap() > 0, "log closed");
        if let Some(rest) = line.strip_prefix("rebuilt in ") {
            let rendered = rest
                .split(" (")
                .nth(1)
                .and_then(|r| r.split(' ').next())
                .and_then(|k| k.parse().ok())
                .unwrap_or_else(|| panic!("no count in {line:?}"));
            let planned = rest.split("; planned ").nth(1).unwrap_or("");
            let files = rest
                .split(" outputs, ")
                .nth(1)
                .and_then(|r| r.split(' ').next())
                .and_then(|f| f.parse().ok())
                .unwrap_or_else(|| panic!("no file count in {line:?}"));
            return (
                rendered,
                planned.trim_end().trim_end_matches(')').to_string(),
                files,
            );
        }
    }
}

#[test]
fn body_edits_render_only_their_page_and_serve_what_a_fresh_build_writes() {
    let site = two_kanpur_articles();
    let mut server = serve(&site);
    let mut events = events(&server);
    let file = "content/kanpur/dusra.md";
    let text = site.read(file);
    let prose = "कांग्रेस के वोट हर विधानसभा क्षेत्र में बढ़े।";
    assert!(text.contains(prose));

    // The body alone: its page, its card and the search index, nothing of the other
    // article's page or the listings.
    site.write(file, &text.replace(prose, "पहला बदलाव: वोट बढ़े।"));
    wait_for_event(&mut events, "reload");
    let (rendered, planned, _) = next_rebuild(&mut server);
    assert!(rendered <= 3, "a body edit rendered {rendered} outputs");
    assert_eq!(
        planned, "1 page",
        "a body edit plans its own page again, not the site"
    );
    let page = get(server.port, "/kanpur/dusra/").2;
    assert!(page.contains("पहला बदलाव: वोट बढ़े।"), "{page}");
    assert_serves_what_build_writes(&site, &server);

    // A body that fails to render keeps the last good page; the next good body is served
    // with everything the failed one changed.
    site.write(
        file,
        &text.replace(prose, "{{ results.nowhere.margin }} टूटा"),
    );
    wait_for_event(&mut events, "errors");
    assert!(get(server.port, "/kanpur/dusra/").2.contains("पहला बदलाव"));
    site.write(file, &text.replace(prose, "दूसरा बदलाव: वोट बढ़े।"));
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page");
    let page = get(server.port, "/kanpur/dusra/").2;
    assert!(
        page.contains("दूसरा बदलाव") && !page.contains("टूटा"),
        "{page}"
    );
    assert_serves_what_build_writes(&site, &server);

    // A title (what listings show) plans its page and the listings again, not the
    // site; a body edit after it is again only its own.
    let retitled = text.replace("पुराना शीर्षक", "नया शीर्षक");
    site.write(file, &retitled);
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page and the listings");
    site.write(file, &retitled.replace(prose, "तीसरा बदलाव।"));
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page");
    assert_serves_what_build_writes(&site, &server);
}

/// The titles of the articles the home page lists, in order.
fn home_order(port: u16, titles: &[&str]) -> Vec<usize> {
    let home = get(port, "/").2;
    let mut found: Vec<(usize, usize)> = titles
        .iter()
        .enumerate()
        .filter_map(|(n, t)| home.find(t).map(|at| (at, n)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn listing_edits_update_the_listings_in_place_and_serve_what_a_fresh_build_writes() {
    let site = two_kanpur_articles();
    // Feeds and the sitemap too, at the root so that every built file is compared.
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!("base_url = \"https://example.org/\"\n{toml}"),
    );
    let mut server = serve(&site);
    let mut events = events(&server);
    let port = server.port;
    let status = |path: &str| get(port, &encoded(path)).0;
    let file = "content/kanpur/dusra.md";
    let text = site.read(file);
    let (newer, older) = ("कानपुर: 2019 से 2024 तक", "दूसरा लेख");
    assert_eq!(home_order(port, &[newer, older]), [0, 1]);

    // A title: its page and card, the other article's related box, the hub and home,
    // its terms' pages and feeds, the two sections' feeds, the search index (the sitemap
    // shows no title).
    let retitled = text.replace("पुराना शीर्षक", "नया शीर्षक");
    site.write(file, &retitled);
    wait_for_event(&mut events, "reload");
    let (rendered, planned, _) = next_rebuild(&mut server);
    assert_eq!(planned, "1 page and the listings");
    assert!(rendered <= 20, "a title edit rendered {rendered} outputs");
    assert!(
        get(port, "/kanpur/kshetravar/")
            .2
            .contains("दूसरा लेख: नया शीर्षक")
    );
    assert_serves_what_build_writes(&site, &server);

    // A new tag makes its term page and feed; taking it away drops them.
    let tags = "tags = [\"कानपुर\"]";
    assert!(retitled.contains(tags));
    let tagged = retitled.replace(tags, "tags = [\"कानपुर\", \"नया टैग\"]");
    site.write(file, &tagged);
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page and the listings");
    assert_eq!(status("/tags/नया-टैग/"), 200, "the new tag's page");
    assert!(get(port, "/tags/").2.contains("नया टैग"));
    assert_serves_what_build_writes(&site, &server);
    site.write(file, &retitled);
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page and the listings");
    assert_eq!(status("/tags/नया-टैग/"), 404, "no article has the tag");
    assert_eq!(status("/tags/नया-टैग/atom.xml"), 404, "nor its feed");
    assert_serves_what_build_writes(&site, &server);

    // A later date puts the older article first in every list.
    let date = "date = 2024-06-08";
    assert!(retitled.contains(date));
    let redated = retitled.replace(date, "date = 2024-06-12");
    site.write(file, &redated);
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page and the listings");
    assert_eq!(home_order(port, &[newer, older]), [1, 0]);
    assert_serves_what_build_writes(&site, &server);

    // A draft leaves the site (the site is planned again), and comes back.
    site.write(file, &redated.replacen("+++\n", "+++\ndraft = true\n", 1));
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "the site");
    assert_eq!(status("/kanpur/dusra/"), 404, "a draft is not served");
    assert_eq!(home_order(port, &[newer, older]), [0]);
    assert_serves_what_build_writes(&site, &server);
    site.write(file, &redated);
    wait_for_event(&mut events, "reload");
    assert_eq!(status("/kanpur/dusra/"), 200);
    assert_eq!(home_order(port, &[newer, older]), [1, 0]);
    assert_serves_what_build_writes(&site, &server);
}

#[test]
fn a_title_edit_on_a_later_page_of_a_listing_renders_that_page_alone() {
    // One article a page: the Kanpur section and its tag list three articles on three
    // pages, the newest on the listing's own page and the oldest at page/2/.
    let site = two_kanpur_articles();
    let toml = site.read("site.toml");
    site.write("site.toml", &format!("articles_per_page = 1\n{toml}"));
    let third = site
        .read("content/kanpur/dusra.md")
        .replacen("दूसरा लेख: पुराना शीर्षक", "तीसरा लेख: पुराना शीर्षक", 1)
        .replacen("date = 2024-06-08", "date = 2024-06-06", 1);
    site.write("content/kanpur/tisra.md", &third);
    let mut server = serve(&site);
    let mut events = events(&server);
    let port = server.port;
    let page = |path: &str| get(port, &encoded(path)).2;
    assert!(page("/kanpur/page/2/").contains("तीसरा लेख: पुराना शीर्षक"));
    assert!(page("/tags/कानपुर/page/2/").contains("तीसरा लेख: पुराना शीर्षक"));
    assert!(!page("/kanpur/").contains("तीसरा लेख"));
    assert_serves_what_build_writes(&site, &server);

    let file = "content/kanpur/tisra.md";
    site.write(file, &third.replace("पुराना शीर्षक", "नया शीर्षक"));
    wait_for_event(&mut events, "reload");
    let (rendered, planned, _) = next_rebuild(&mut server);
    assert_eq!(planned, "1 page and the listings");
    assert!(page("/kanpur/page/2/").contains("तीसरा लेख: नया शीर्षक"));
    assert!(page("/tags/कानपुर/page/2/").contains("तीसरा लेख: नया शीर्षक"));
    // Its page and card, the related boxes of the two others, the home page, the oldest
    // pages of the section and of the tag and the constituency, their feeds, the search
    // index: not the listings' own pages, nor the pages between.
    assert!(rendered <= 16, "a title edit rendered {rendered} outputs");
    assert_serves_what_build_writes(&site, &server);

    // Made the newest, it moves to the listing's own page; the others move to older pages.
    site.write(
        file,
        &third.replace("पुराना शीर्षक", "नया शीर्षक").replacen(
            "date = 2024-06-06",
            "date = 2024-06-12",
            1,
        ),
    );
    wait_for_event(&mut events, "reload");
    next_rebuild(&mut server);
    assert!(page("/kanpur/").contains("तीसरा लेख: नया शीर्षक"));
    assert!(page("/kanpur/page/2/").contains("दूसरा लेख"));
    assert!(!page("/kanpur/page/2/").contains("तीसरा लेख"));
    assert_serves_what_build_writes(&site, &server);

    // An article fewer: the last page of each listing is gone.
    site.remove(file);
    wait_for_event(&mut events, "reload");
    next_rebuild(&mut server);
    assert_eq!(get(port, &encoded("/kanpur/page/3/")).0, 404);
    assert_eq!(get(port, &encoded("/tags/कानपुर/page/3/")).0, 404);
    assert_serves_what_build_writes(&site, &server);
}

#[test]
fn the_cross_page_check_follows_results_edits_and_outlasts_title_edits() {
    let site = two_kanpur_articles();
    let mut server = serve(&site);
    let mut events = events(&server);
    let file = "content/kanpur/dusra.md";
    let text = site.read(file);
    // A title edit leaves every page's results as they were: the site's listings are
    // updated in place, the check's findings kept.
    let retitled = text.replace("पुराना शीर्षक", "नया शीर्षक");
    site.write(file, &retitled);
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page and the listings");
    // Results that disagree with the other article's: found again, and refused.
    let votes = "votes = 313003";
    assert!(retitled.contains(votes));
    site.write(file, &retitled.replacen(votes, "votes = 313004", 1));
    let errors = wait_for_event(&mut events, "errors");
    assert!(
        errors.contains("the same figure must agree across the site"),
        "{errors}"
    );
    // Agreeing again, and retitled once more: served, with no error kept from before.
    site.write(file, &retitled.replace("नया शीर्षक", "तीसरा शीर्षक"));
    wait_for_event(&mut events, "reload");
    let page = get(server.port, &encoded("/kanpur/dusra/")).2;
    assert!(page.contains("तीसरा शीर्षक"), "{page}");
    assert_serves_what_build_writes(&site, &server);
}

/// An article of the basic fixture with Kanpur's 2024 result, BJP's and INC's votes as
/// given, and `title`.
fn seat_article(title: &str, bjp: u64, inc: u64) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2024-06-05\n\n[[results]]\nid = \"ls2024\"\n\
         election = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\n\
         state = \"उत्तर प्रदेश\"\n\n[[results.candidates]]\nname = \"रमेश अवस्थी\"\n\
         party = \"BJP\"\nvotes = {bjp}\n\n[[results.candidates]]\nname = \"आलोक मिश्रा\"\n\
         party = \"INC\"\nvotes = {inc}\n+++\n\nनतीजे का लेख।\n"
    )
}

#[test]
fn a_seat_tally_follows_results_edits_and_outlasts_title_edits() {
    let site = Site::fixture("basic");
    // At the root, so that `assert_serves_what_build_writes` finds every file.
    site.write(
        "site.toml",
        &site.read("site.toml").replace("/kanpur-explainers/", "/"),
    );
    let hub = "content/kanpur/_index.md";
    site.write(
        hub,
        &format!(
            "{}\n{{% set t = tally(election=\"लोकसभा 2024\") %}}{{% for p in t.parties %}}{{{{ p.name }}}}: {{{{ p.won }}}}; {{% endfor %}}\n",
            site.read(hub)
        ),
    );
    let file = "content/kanpur/seat.md";
    site.write(file, &seat_article("कानपुर का नतीजा", 500_000, 400_000));
    let mut server = serve(&site);
    let mut events = events(&server);
    let port = server.port;
    let hub_page = || get(port, &encoded("/kanpur/")).2;
    assert!(hub_page().contains("BJP: 1;"), "{}", hub_page());
    // A title edit leaves the results as they were: the tally kept.
    site.write(file, &seat_article("कानपुर का नया नतीजा", 500_000, 400_000));
    wait_for_event(&mut events, "reload");
    assert_eq!(next_rebuild(&mut server).1, "1 page and the listings");
    assert!(hub_page().contains("BJP: 1;"), "{}", hub_page());
    // Another winner: counted again.
    site.write(file, &seat_article("कानपुर का नया नतीजा", 400_000, 500_000));
    wait_for_event(&mut events, "reload");
    let page = hub_page();
    assert!(
        page.contains("INC: 1;") && !page.contains("BJP: 1;"),
        "{page}"
    );
    assert_serves_what_build_writes(&site, &server);
}

/// An article of the basic fixture with a result that has no candidates (a warning of
/// its own), and `body`.
fn article_with_a_warning(n: usize, body: &str) -> String {
    format!(
        "+++\ntitle = \"लेख {n}\"\ndate = 2024-{:02}-{:02}\n\n[[results]]\nid = \"r{n}\"\n\
         election = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\n\
         state = \"उत्तर प्रदेश\"\n+++\n\n{body}\n",
        1 + n / 28,
        1 + n % 28
    )
}

#[test]
fn a_body_edit_writes_and_prints_only_what_its_page_changed() {
    const ARTICLES: usize = 40;
    let site = Site::fixture("basic");
    // At the root, so that `assert_serves_what_build_writes` finds every file.
    site.write(
        "site.toml",
        &site.read("site.toml").replace("/kanpur-explainers/", "/"),
    );
    for n in 0..ARTICLES {
        site.write(
            &format!("content/kanpur/lekh-{n}.md"),
            &article_with_a_warning(n, &format!("लेख {n} का पहला पाठ।")),
        );
    }
    let log = tempfile_path("serve-stderr");
    let mut server = serve_with_stderr(&site, Stdio::from(std::fs::File::create(&log).unwrap()));
    let mut events = events(&server);
    let warnings = || {
        std::fs::read_to_string(&log)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("warning:") && l.contains("has no candidates"))
            .count()
    };
    assert_eq!(
        warnings(),
        ARTICLES,
        "the first build shows every page's warning"
    );

    site.write(
        "content/kanpur/lekh-7.md",
        &article_with_a_warning(7, "लेख 7 का नया पाठ।"),
    );
    wait_for_event(&mut events, "reload");
    let (rendered, planned, files) = next_rebuild(&mut server);
    assert_eq!(planned, "1 page");
    // Its page, and of the search index its article's file and the few files of the
    // words that changed; nothing that grows with the site.
    assert!(rendered <= 3, "{rendered} outputs rendered");
    assert!(files <= 6, "a body edit wrote {files} files");
    assert_eq!(
        warnings(),
        ARTICLES + 1,
        "a body edit shows its own page's warning again, not every page's"
    );
    let page = get(server.port, "/kanpur/lekh-7/").2;
    assert!(page.contains("लेख 7 का नया पाठ।"), "{page}");
    assert_serves_what_build_writes(&site, &server);
    let _ = std::fs::remove_file(&log);
}

fn tempfile_path(label: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "chunav-{label}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ))
}

/// Every text file a fresh `chunav build` writes is served with the same bytes (less the
/// reload script serve adds): what serve rendered after the edits is not stale anywhere.
fn assert_serves_what_build_writes(site: &Site, server: &Server) {
    let built = site.root.join("built");
    site.ok(&["build", "-o", built.to_str().unwrap()]);
    let mut stack = vec![built.clone()];
    let mut compared = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&built)
                .unwrap()
                .to_string_lossy()
                .to_string();
            let text_file = [".html", ".xml", ".json", ".txt"]
                .iter()
                .any(|ext| rel.ends_with(ext));
            if !text_file || rel == ".chunav-output" {
                continue;
            }
            let written = std::fs::read_to_string(&path).unwrap();
            let (status, _, served) = get(server.port, &encoded(&format!("/{rel}")));
            assert_eq!(status, 200, "{rel} is not served");
            let served = served.replace("<script src=\"/__chunav/reload.js\"></script>", "");
            assert!(
                served == written,
                "{rel} is stale:\n{served}\n---- build wrote ----\n{written}"
            );
            compared += 1;
        }
    }
    assert!(compared > 10, "only {compared} files compared");
}

#[test]
fn a_deleted_static_file_stops_being_served_and_a_new_one_is() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    let mut events = events(&server);
    let extra = format!("{BASE}/extra.css");
    assert_eq!(get(server.port, &extra).0, 200);

    site.remove("static/extra.css");
    wait_for_event(&mut events, "reload");
    assert_eq!(
        get(server.port, &extra).0,
        404,
        "a deleted file is not served"
    );

    site.write("static/fresh.txt", "नया\n");
    wait_for_event(&mut events, "reload");
    let (status, _, body) = get(server.port, &format!("{BASE}/fresh.txt"));
    assert_eq!((status, body.as_str()), (200, "नया\n"));

    site.write("static/style.css", "body { color: #000; }\n");
    wait_for_event(&mut events, "css");
    assert_eq!(
        get(server.port, &format!("{BASE}/style.css")).2,
        "body { color: #000; }\n",
        "the site's stylesheet replaces the theme's"
    );
    site.remove("static/style.css");
    wait_for_event(&mut events, "css");
    assert!(
        get(server.port, &format!("{BASE}/style.css"))
            .2
            .contains("--"),
        "the theme's stylesheet is back"
    );
}

/// A raw request with any method; returns status and head.
fn request(port: u16, method: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let head = text.split("\r\n\r\n").next().unwrap_or("").to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head)
}

/// Polls until `check` holds (a rebuild runs after the watcher's debounce).
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{what}");
}

#[test]
fn only_get_and_head_are_answered() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    let page = format!("{BASE}/kanpur/result-2024/");
    for method in ["POST", "PUT", "DELETE", "FOO", "OPTIONS"] {
        let (status, head) = request(server.port, method, &page);
        assert_eq!(status, 405, "{method}");
        assert!(head.contains("Allow: GET, HEAD"), "{head}");
    }
    let (status, head) = request(server.port, "HEAD", &page);
    assert_eq!(status, 200);
    assert!(head.contains("Content-Length: "), "{head}");
}

#[test]
fn redirects_stay_on_the_site() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    for path in [
        "//kanpur-explainers/kanpur/result-2024",
        "///kanpur-explainers//kanpur/result-2024",
    ] {
        let (status, head, _) = get(server.port, path);
        assert_eq!(status, 301, "{path}");
        assert!(
            head.contains("Location: /kanpur-explainers/kanpur/result-2024/\r\n"),
            "{head}"
        );
    }
}

#[test]
fn one_connection_serves_many_requests() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    let stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    for _ in 0..20 {
        write!(writer, "GET {BASE}/style.css HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut length = 0;
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        assert!(length > 100);
    }
}

#[test]
fn links_and_fifos_appearing_while_serving_are_not_followed() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    eventually("the watcher runs", || {
        site.write("static/warm.css", "p{}\n");
        get(server.port, &format!("{BASE}/warm.css")).0 == 200
    });
    let outside = site.root.join("outside-secret.txt");
    std::fs::write(&outside, "SECRET").unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("static/leak.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("content/kanpur/leak.txt")).unwrap();
    let fifo = site.root.join("static/pipe.css");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // A change after them shows the watcher is alive and has seen them.
    eventually(
        "the file written after the link and the FIFO is served",
        || {
            site.write("static/later.css", "p{}\n");
            get(server.port, &format!("{BASE}/later.css")).0 == 200
        },
    );
    for path in ["leak.txt", "kanpur/leak.txt", "pipe.css"] {
        let (status, _, body) = get(server.port, &format!("{BASE}/{path}"));
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("SECRET"), "{path}");
    }
}

#[test]
fn a_removed_and_restored_content_folder_is_watched_again() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    // The watcher starts just after the address is printed: wait until it sees a change.
    eventually("the watcher runs", || {
        site.write("static/warm.css", "p{}\n");
        get(server.port, &format!("{BASE}/warm.css")).0 == 200
    });
    let content = site.root.join("content");
    let saved = site.root.join("saved-content");
    std::fs::rename(&content, &saved).unwrap();
    eventually("the pages go with their folder", || {
        get(server.port, &format!("{BASE}/kanpur/result-2024/")).0 == 404
    });
    std::fs::rename(&saved, &content).unwrap();
    eventually("the pages come back with it", || {
        get(server.port, &format!("{BASE}/kanpur/result-2024/")).0 == 200
    });
    let page = "content/kanpur/result-2024.md";
    site.write(page, &site.read(page).replace("पहला खंड।", "लौटा खंड।"));
    eventually("an edit in the restored folder is seen", || {
        get(server.port, &format!("{BASE}/kanpur/result-2024/"))
            .2
            .contains("लौटा खंड।")
    });
}

#[test]
fn the_root_leads_to_the_base_path() {
    let site = Site::fixture("basic");
    let server = serve(&site);
    for path in ["/", "/?utm=x"] {
        let (status, head, _) = get(server.port, path);
        assert_eq!(status, 302, "{path}: {head}");
        assert!(
            head.contains(&format!("Location: {BASE}/\r\n")),
            "{path}: {head}"
        );
    }
    let (status, _, _) = get(server.port, &format!("{BASE}/"));
    assert_eq!(status, 200);
}

#[test]
fn a_port_in_use_says_so_and_suggests_another() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = Site::fixture("basic");
    let run = site.run(&["serve", "--port", &port]);
    assert!(!run.ok);
    let next = (port.parse::<u16>().unwrap() + 1).to_string();
    assert_eq!(
        run.stderr.trim(),
        format!(
            "error: port {port} is already in use (another `chunav serve`?); stop that server \
             or choose another port: `chunav serve --port {next}` (--port 0 takes any free one)"
        )
    );
}

#[test]
fn serving_the_current_folder_has_no_stray_dot() {
    let site = Site::fixture("basic");
    let mut child = Command::new(env!("CARGO_BIN_EXE_chunav"))
        .current_dir(&site.root)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.starts_with("serving this folder at http://127.0.0.1:"),
        "{line}"
    );
}

#[test]
fn templates_stay_compiled_across_content_edits_and_their_charts_follow_the_site() {
    let site = Site::fixture("charts");
    let server = serve(&site);
    let mut events = events(&server);
    // A new article sorted before the other moves every later page's index: the chart
    // page.html draws with chart() must come from the new site's results.
    let text = site.read("content/kanpur/kshetravar.md");
    let first = text.replacen(
        "title = \"कानपुर: 2019 से 2024 तक, क्षेत्रवार\"",
        "title = \"पहले क्रम का लेख\"",
        1,
    );
    assert_ne!(first, text);
    site.write("content/kanpur/aaa.md", &first);
    wait_for_event(&mut events, "reload");
    assert!(
        get(server.port, &encoded("/kanpur/kshetravar/"))
            .2
            .contains("template-chart")
    );
    assert_serves_what_build_writes(&site, &server);
    // A template edit compiles the templates again.
    let template = site.read("templates/page.html");
    site.write(
        "templates/page.html",
        &template.replace(
            "<article class=\"article\">",
            "<article class=\"article\" data-edited=\"1\">",
        ),
    );
    wait_for_event(&mut events, "reload");
    assert!(
        get(server.port, &encoded("/kanpur/kshetravar/"))
            .2
            .contains("data-edited")
    );
    assert_serves_what_build_writes(&site, &server);
}

/// An article of the basic fixture: `title`, `date`, `tags`, and a 2024 result in
/// `seat` (`None`: no results). Each seat's figures are the same on every page.
fn listed_article(title: &str, date: &str, tags: &[&str], seat: Option<&str>) -> String {
    let tags: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    let mut text = format!(
        "+++\ntitle = \"{title}\"\ndate = {date}\ntags = [{}]\n",
        tags.join(", ")
    );
    if let Some(seat) = seat {
        let (bjp, inc) = match seat {
            "कानपुर" => (500_000, 400_000),
            _ => (300_000, 350_000),
        };
        text.push_str(&format!(
            "\n[[results]]\nid = \"ls2024\"\nelection = \"लोकसभा 2024\"\nyear = 2024\n\
             constituency = \"{seat}\"\nstate = \"उत्तर प्रदेश\"\n\n[[results.candidates]]\n\
             name = \"रमेश अवस्थी\"\nparty = \"BJP\"\nvotes = {bjp}\n\n[[results.candidates]]\n\
             name = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = {inc}\n"
        ));
    }
    text.push_str("+++\n\nलेख का पाठ।\n");
    text
}

/// Listing edits (titles, dates, tags) updated in place in the loaded site and the plan
/// (`Site::reload_content` → `Reload::Listings`, `Plan::relist`) leave both as a site
/// loaded and planned afresh: every output's path, job and dependencies, every list of
/// articles, every term with its name and articles. Titles and dates repeat, so ties
/// are sorted as a fresh load sorts them; two tags share a slug, so a term is named
/// after whichever article is newest; sections are retitled too (the navigation).
#[test]
fn listing_edits_in_place_leave_the_site_and_plan_a_fresh_load_makes() {
    use chunav::build::plan::Plan;
    use chunav::render::Renderer;
    use chunav::site::{LoadOptions, Reload, Site as Loaded};
    use std::path::PathBuf;

    const TITLES: [&str; 3] = ["पहला शीर्षक", "दूसरा शीर्षक", "तीसरा"];
    const DATES: [&str; 3] = ["2024-06-01", "2024-06-05", "2024-07-01"];
    const TAGS: [&str; 4] = ["कानपुर", "Election", "election", "नतीजे"];
    const SEATS: [Option<&str>; 3] = [Some("कानपुर"), Some("अकबरपुर"), None];
    let site = Site::fixture("basic");
    let files: Vec<String> = (0..8)
        .map(|n| match n % 3 {
            0 => format!("content/lekh-{n}.md"),
            _ => format!("content/kanpur/lekh-{n}.md"),
        })
        .collect();
    let mut state: Vec<(usize, usize, Vec<usize>)> = (0..files.len())
        .map(|n| (n % 3, n % 2, vec![n % 4]))
        .collect();
    let text_of = |n: usize, (title, date, tags): &(usize, usize, Vec<usize>)| {
        let tags: Vec<&str> = tags.iter().map(|&t| TAGS[t]).collect();
        listed_article(TITLES[*title], DATES[*date], &tags, SEATS[n % 3])
    };
    for (n, file) in files.iter().enumerate() {
        site.write(file, &text_of(n, &state[n]));
    }
    let options = LoadOptions::default();
    let load = || Loaded::load(&site.root, options.clone()).unwrap();
    let plan = |loaded: &Loaded| {
        let renderer = Renderer::new(&loaded.root, &loaded.config, loaded.charts.clone()).unwrap();
        Plan::new(loaded, &renderer).unwrap()
    };
    let outputs = |plan: &Plan| -> Vec<String> {
        plan.outputs
            .iter()
            .map(|o| format!("{} {:?} {:?}", o.path, o.job, o.deps))
            .collect()
    };
    let lists = |loaded: &Loaded| -> String {
        let terms: Vec<String> = loaded
            .taxonomies
            .terms
            .values()
            .flatten()
            .map(|t| format!("{} {} {:?}", t.path, t.name, t.pages))
            .collect();
        let links: Vec<String> = (0..loaded.pages.len())
            .map(|i| format!("{:?}", loaded.taxonomies.terms_of_page(i)))
            .collect();
        let sections: Vec<String> = loaded
            .pages
            .iter()
            .map(|p| format!("{:?}", loaded.index.articles_of(&p.path)))
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{terms:?}\n{links:?}\n{sections:?}",
            loaded.index.latest, loaded.index.summaries, loaded.index.nav
        )
    };
    let mut served = load();
    let renderer = Renderer::new(&served.root, &served.config, served.charts.clone()).unwrap();
    let mut served_plan = plan(&served);
    let mut seed: u64 = 7;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut in_place = 0;
    let sections = ["content/_index.md", "content/kanpur/_index.md"];
    for step in 0..48 {
        // Now and then a section's title: the home page's, or a top-level section's,
        // which every page's navigation shows (the whole site is planned then).
        if step % 6 == 5 {
            let file = sections[next(2)];
            let title = format!("खंड {}", next(3));
            let text = site.read(file);
            let old = text.lines().find(|l| l.starts_with("title = ")).unwrap();
            site.write(file, &text.replace(old, &format!("title = \"{title}\"")));
            match served.reload_content(&[PathBuf::from(file)]) {
                Reload::Listings(pages) => match served_plan.relist(&served, &renderer, &pages) {
                    Some(relist) => {
                        served_plan.apply_relist(relist);
                    }
                    None => served_plan = plan(&served),
                },
                Reload::Unchanged => {}
                other => panic!("step {step}: a section's title reloaded as {other:?}"),
            }
            let fresh = load();
            assert_eq!(
                lists(&served),
                lists(&fresh),
                "step {step}: listings differ"
            );
            assert_eq!(
                outputs(&served_plan),
                outputs(&plan(&fresh)),
                "step {step}: plans differ"
            );
            continue;
        }
        let n = next(files.len());
        match next(3) {
            0 => state[n].0 = next(TITLES.len()),
            1 => state[n].1 = next(DATES.len()),
            _ => {
                let tag = next(TAGS.len());
                match state[n].2.iter().position(|&t| t == tag) {
                    Some(at) => {
                        state[n].2.remove(at);
                    }
                    None => state[n].2.push(tag),
                }
            }
        }
        site.write(&files[n], &text_of(n, &state[n]));
        match served.reload_content(&[PathBuf::from(&files[n])]) {
            Reload::Listings(pages) => {
                let relist = served_plan
                    .relist(&served, &renderer, &pages)
                    .unwrap_or_else(|| panic!("step {step}: the plan cannot follow"));
                served_plan.apply_relist(relist);
                in_place += 1;
            }
            Reload::Unchanged => {}
            other => panic!("step {step}: a listing edit reloaded as {other:?}"),
        }
        let fresh = load();
        assert_eq!(
            lists(&served),
            lists(&fresh),
            "step {step}: listings differ"
        );
        assert_eq!(
            outputs(&served_plan),
            outputs(&plan(&fresh)),
            "step {step}: plans differ"
        );
    }
    assert!(in_place > 30, "only {in_place} edits were made in place");
}
