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
    /// Kept open: the server keeps logging rebuilds to it.
    _log: BufReader<std::process::ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Site) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chunav"))
        .arg("--root")
        .arg(&site.root)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
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
    Server {
        child,
        port,
        _log: log,
    }
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
