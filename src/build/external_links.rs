//! `chunav check --external`: asks every http(s) address the articles link to whether it
//! still answers. Off by default (and in tests): it needs the network, and the answer
//! depends on other people's servers, so a failure is a warning, not an error.
//!
//! The asking is done by the system's `curl` program (on GitHub's runners, macOS, Windows 10
//! and later and most Linux systems), not by an HTTP and TLS stack built into chunav: that
//! stack was a third of the dependencies' compile time for a check most builds never run.

use super::links::PageLink;
use crate::diagnostics::Diagnostic;
use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Seconds one request may take, connecting, redirects and headers included.
const TIMEOUT_SECONDS: &str = "15";
/// Requests in flight at once: they wait on the network, not on the CPU.
const PARALLEL: usize = 8;
/// A GET stops after this many body bytes: only the status is wanted.
const BODY_LIMIT: &str = "65536";
/// curl's exit code when a body is larger than `--max-filesize`; the status is known then.
const CURL_BODY_TOO_LARGE: i32 = 63;
const USER_AGENT: &str = concat!("chunav/", env!("CARGO_PKG_VERSION"), " (link check)");

/// Checks each distinct external URL once and warns at every place that links to a dead one.
pub fn check(links: &[PageLink]) -> Vec<Diagnostic> {
    check_with(links, "curl")
}

/// `check` with another curl program (the tests name a missing one).
fn check_with(links: &[PageLink], curl: &str) -> Vec<Diagnostic> {
    let mut places: BTreeMap<&str, Vec<&PageLink>> = BTreeMap::new();
    for link in links
        .iter()
        .filter(|l| l.url.starts_with("http://") || l.url.starts_with("https://"))
    {
        places.entry(link.url.as_str()).or_default().push(link);
    }
    let urls: Vec<&str> = places.keys().copied().collect();
    let answers = match ask_all(curl, &urls) {
        Ok(answers) => answers,
        Err(missing) => return vec![missing],
    };
    let mut diagnostics = Vec::new();
    for (url, problem) in urls.iter().zip(answers) {
        let Some(problem) = problem else { continue };
        for place in &places[url] {
            diagnostics.push(
                Diagnostic::warning(&place.file, format!("link {url}: {problem}"))
                    .at_line(place.line),
            );
        }
    }
    diagnostics
}

/// What is wrong with each of `urls` (in their order), asked `PARALLEL` at a time; an error
/// for the whole site when curl cannot be started at all.
fn ask_all(curl: &str, urls: &[&str]) -> Result<Vec<Option<String>>, Diagnostic> {
    let next = AtomicUsize::new(0);
    let answers: Mutex<Vec<Option<String>>> = Mutex::new(vec![None; urls.len()]);
    let missing: Mutex<Option<Diagnostic>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(index) else { break };
                    match problem(curl, url) {
                        Ok(problem) => answers.lock().expect("answers")[index] = problem,
                        Err(not_started) => {
                            *missing.lock().expect("missing") = Some(not_started);
                            next.store(urls.len(), Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    match missing.into_inner().expect("missing") {
        Some(not_started) => Err(not_started),
        None => Ok(answers.into_inner().expect("answers")),
    }
}

/// What is wrong with `url`, if anything. HEAD first; servers that refuse HEAD, or fail
/// to answer it, get a GET.
fn problem(curl: &str, url: &str) -> Result<Option<String>, Diagnostic> {
    let status = match request(curl, url, Method::Head)? {
        Ok(405 | 403 | 501) | Err(_) => request(curl, url, Method::Get)?,
        head => head,
    };
    Ok(match status {
        Ok(code) if code < 400 => None,
        Ok(code) => Some(format!("the server answered {code}")),
        Err(why) => Some(format!("could not be reached ({why})")),
    })
}

#[derive(Clone, Copy)]
enum Method {
    Head,
    Get,
}

/// One request through curl, redirects followed: the final status, or why there is none.
/// The outer error is curl itself missing or not starting.
fn request(curl: &str, url: &str, method: Method) -> Result<Result<u16, String>, Diagnostic> {
    let null = if cfg!(windows) { "NUL" } else { "/dev/null" };
    let mut command = Command::new(curl);
    // -q first: ignore the user's .curlrc; --globoff: `[` and `{` in a URL are literal.
    command.args(["-q", "--silent", "--show-error", "--globoff", "--location"]);
    command.args(["--max-redirs", "10", "--max-time", TIMEOUT_SECONDS]);
    command.args(["--user-agent", USER_AGENT, "--output", null]);
    command.args(["--write-out", "%{http_code}"]);
    match method {
        Method::Head => command.arg("--head"),
        Method::Get => command.args(["--max-filesize", BODY_LIMIT]),
    };
    command.arg("--url").arg(url).stdin(Stdio::null());
    let output = command.output().map_err(|e| not_started(curl, e))?;
    let status: u16 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    let exit = output.status.code();
    let answered = exit == Some(0) || exit == Some(CURL_BODY_TOO_LARGE);
    Ok(if answered && status >= 100 {
        Ok(status)
    } else {
        Err(curl_says(&output.stderr, exit))
    })
}

/// curl's own words for a failed request, without its `curl: (N)` prefix.
fn curl_says(stderr: &[u8], exit: Option<i32>) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text.lines().map(str::trim).rfind(|l| !l.is_empty());
    match line {
        Some(line) => line
            .strip_prefix("curl: ")
            .map(|rest| rest.split_once(") ").map_or(rest, |(_, words)| words))
            .unwrap_or(line)
            .to_string(),
        None => match exit {
            Some(code) => format!("curl failed with exit code {code}"),
            None => "curl was stopped".to_string(),
        },
    }
}

fn not_started(curl: &str, e: std::io::Error) -> Diagnostic {
    let why = if e.kind() == ErrorKind::NotFound {
        format!("the program `{curl}` was not found")
    } else {
        format!("`{curl}` could not be started ({e})")
    };
    Diagnostic::error(
        ".",
        format!(
            "--external asks other sites through curl, but {why}: install curl (it comes with \
             macOS and Windows 10 and later; on Linux the `curl` package) or leave out --external"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::path::PathBuf;

    /// A server on loopback answering 200 for /ok, 405 to HEAD and 200 to GET for /no-head,
    /// a redirect to /ok for /moved and 404 for anything else.
    fn local_server() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(16).flatten() {
                let mut stream = stream;
                let mut buf = [0u8; 1024];
                let n = stream.read(&mut buf).unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]);
                let head = request.starts_with("HEAD ");
                let (status, more) = if request.contains(" /ok ") {
                    ("200 OK", "")
                } else if request.contains(" /no-head ") && head {
                    ("405 Method Not Allowed", "")
                } else if request.contains(" /no-head ") {
                    ("200 OK", "")
                } else if request.contains(" /moved ") {
                    ("301 Moved Permanently", "Location: /ok\r\n")
                } else {
                    ("404 Not Found", "")
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\n{more}Content-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        port
    }

    fn link(url: String, line: usize) -> PageLink {
        PageLink {
            file: PathBuf::from("content/a.md"),
            line,
            url,
        }
    }

    #[test]
    fn dead_links_are_warnings_at_each_place() {
        let port = local_server();
        let links = vec![
            link(format!("http://127.0.0.1:{port}/ok"), 3),
            link(format!("http://127.0.0.1:{port}/gone"), 5),
            link("mailto:x@y.z".into(), 7),
            link(format!("http://127.0.0.1:{port}/no-head"), 9),
            link(format!("http://127.0.0.1:{port}/moved"), 11),
            link(format!("http://127.0.0.1:{port}/gone"), 13),
        ];
        let found: Vec<String> = check(&links).iter().map(ToString::to_string).collect();
        let gone = |line| {
            format!(
                "warning: content/a.md:{line}: link http://127.0.0.1:{port}/gone: the server answered 404"
            )
        };
        assert_eq!(found, [gone(5), gone(13)]);
    }

    #[test]
    fn a_server_that_does_not_answer_is_named_with_curls_reason() {
        // A port that was free a moment ago: nothing listens there.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let found = check(&[link(format!("http://127.0.0.1:{port}/"), 2)]);
        assert_eq!(found.len(), 1, "{found:?}");
        let text = found[0].to_string();
        assert!(
            text.starts_with(&format!(
                "warning: content/a.md:2: link http://127.0.0.1:{port}/: could not be reached ("
            )) && !text.contains("curl: ("),
            "{text}"
        );
    }

    #[test]
    fn a_missing_curl_is_one_error_that_says_what_to_do() {
        let links = [
            link("https://example.org/a".into(), 1),
            link("https://example.org/b".into(), 2),
        ];
        let found = check_with(&links, "chunav-no-such-curl");
        assert_eq!(found.len(), 1, "{found:?}");
        let text = found[0].to_string();
        assert!(text.starts_with("error: --external asks other sites through curl, but the program `chunav-no-such-curl` was not found: install curl"), "{text}");
    }
}
