//! `chunav check --external`: asks every http(s) address the articles link to whether it
//! still answers. Off by default (and in tests): it needs the network, and the answer
//! depends on other people's servers, so a failure is a warning, not an error.

use super::links::PageLink;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(15);

/// Checks each distinct external URL once and warns at every place that links to a dead one.
pub fn check(links: &[PageLink]) -> Vec<Diagnostic> {
    let mut places: BTreeMap<&str, Vec<&PageLink>> = BTreeMap::new();
    for link in links
        .iter()
        .filter(|l| l.url.starts_with("http://") || l.url.starts_with("https://"))
    {
        places.entry(link.url.as_str()).or_default().push(link);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!(
            "chunav/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let urls: Vec<&str> = places.keys().copied().collect();
    let answers: Vec<(&str, Option<String>)> = urls
        .par_iter()
        .map(|url| (*url, problem(&agent, url)))
        .collect();
    let mut diagnostics = Vec::new();
    for (url, problem) in answers {
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

/// What is wrong with `url`, if anything. HEAD first; servers that refuse HEAD get a GET.
fn problem(agent: &ureq::Agent, url: &str) -> Option<String> {
    let status = match agent.head(url).call() {
        Ok(r) if matches!(r.status().as_u16(), 405 | 403 | 501) => {
            agent.get(url).call().map(|r| r.status().as_u16())
        }
        Ok(r) => Ok(r.status().as_u16()),
        Err(_) => agent.get(url).call().map(|r| r.status().as_u16()),
    };
    match status {
        Ok(code) if code < 400 => None,
        Ok(code) => Some(format!("the server answered {code}")),
        Err(e) => Some(format!("could not be reached ({e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::path::PathBuf;

    /// A server on loopback answering 200 for /ok and 404 for anything else.
    fn local_server() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8).flatten() {
                let mut stream = stream;
                let mut buf = [0u8; 1024];
                let n = stream.read(&mut buf).unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]);
                let status = if request.contains(" /ok ") {
                    "200 OK"
                } else {
                    "404 Not Found"
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        port
    }

    #[test]
    fn dead_links_are_warnings_at_each_place() {
        let port = local_server();
        let link = |url: String, line| PageLink {
            file: PathBuf::from("content/a.md"),
            line,
            url,
        };
        let links = vec![
            link(format!("http://127.0.0.1:{port}/ok"), 3),
            link(format!("http://127.0.0.1:{port}/gone"), 5),
            link("mailto:x@y.z".into(), 7),
        ];
        let found = check(&links);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].to_string(),
            format!(
                "warning: content/a.md:5: link http://127.0.0.1:{port}/gone: the server answered 404"
            )
        );
    }
}
