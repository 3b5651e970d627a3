//! Answers one request from the site held in memory: URL to file, MIME types, the site's
//! 404 page, the live-reload script and event stream, and the bytes of the response.
//! Nothing here reads the disk: files are read (and checked: no links, no FIFOs, nothing
//! outside the site's folders) when they change, by the watcher.

use std::collections::HashMap;
use std::sync::Arc;

/// What a URL path asks for, after decoding and safety checks.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the built site, relative to its root (`kanpur/index.html`).
    File(String),
    /// The same path with a trailing slash (a folder asked for without one).
    Redirect(String),
    NotFound,
    /// `..`, an encoded slash, a backslash, a NUL: refused outright.
    Forbidden,
}

pub const EVENTS: &str = "/__chunav/events";
pub const SCRIPT: &str = "/__chunav/reload.js";

/// Maps a request path to a file of `files`. `base` is the site's base path (`/` or
/// `/kanpur-explainers/`), which the published site also lives under.
pub fn resolve(url: &str, base: &str, files: &HashMap<String, Arc<[u8]>>) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Target::Forbidden;
    }
    let Some(segments) = decode_segments(path) else {
        return Target::Forbidden;
    };
    let joined = segments.join("/");
    let wanted = format!("/{joined}");
    let inside = if base == "/" {
        Some(joined.as_str())
    } else {
        let base_trimmed = base.trim_end_matches('/');
        if wanted == base_trimmed && !path.ends_with('/') {
            return Target::Redirect(base.to_string());
        }
        wanted
            .strip_prefix(base)
            .or_else(|| (wanted.clone() + "/").strip_prefix(base).map(|_| ""))
    };
    let Some(rel) = inside else {
        return Target::NotFound;
    };
    let rel = rel.to_string();
    let folder = path.ends_with('/') || rel.is_empty();
    if folder {
        let index = if rel.is_empty() {
            "index.html".to_string()
        } else {
            format!("{rel}/index.html")
        };
        return if files.contains_key(&index) {
            Target::File(index)
        } else {
            Target::NotFound
        };
    }
    if files.contains_key(&rel) {
        Target::File(rel)
    } else if files.contains_key(&format!("{rel}/index.html")) {
        // Built from the decoded segments, never from the raw path: `//evil.example/x`
        // must not become a `Location: //evil.example/x/` that leaves the site.
        Target::Redirect(format!("/{}/", encode_path(&segments)))
    } else {
        Target::NotFound
    }
}

/// Percent-decodes each segment; `None` for anything that could step outside the site
/// or smuggle a separator (`..`, `.`, `%2f`, `\`, NUL, invalid UTF-8).
fn decode_segments(path: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let bytes = percent_decode(raw)?;
        let segment = String::from_utf8(bytes).ok()?;
        if segment == ".."
            || segment == "."
            || segment.contains(['/', '\\', '\0'])
            || segment.contains(':')
        {
            return None;
        }
        out.push(segment);
    }
    Some(out)
}

/// The segments as a URL path (without the leading `/`), every byte outside the
/// unreserved set percent-encoded, so a header carries ASCII only.
fn encode_path(segments: &[String]) -> String {
    let mut out = String::new();
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in segment.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The methods a static site answers; anything else gets 405 with this `Allow`.
pub const ALLOW: &str = "GET, HEAD";

/// How a request's method is answered: `Some(true)` for HEAD (headers only), `Some(false)`
/// for GET, `None` for every other method.
pub fn head_only(method: &str) -> Option<bool> {
    match method {
        "GET" => Some(false),
        "HEAD" => Some(true),
        _ => None,
    }
}

/// One response, written to the connection in a single write: with the headers and a
/// small body in separate writes, Nagle's algorithm and the browser's delayed ACK held
/// every keep-alive response back by ~40 ms.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, mime: &str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: vec![
                ("Content-Type", mime.to_string()),
                ("Cache-Control", "no-store".to_string()),
            ],
            body,
        }
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Reply {
        // A header value never carries a line break (no response splitting).
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        self.headers.push((name, value));
        self
    }

    /// The whole response: status line, headers, `Content-Length`, then the body unless
    /// the request was HEAD. `close` adds `Connection: close` (the client asked for it).
    pub fn encode(&self, head_only: bool, close: bool) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        if close {
            out.push_str("Connection: close\r\n");
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Unknown",
    }
}

pub fn mime_type(rel: &str) -> &'static str {
    match rel.rsplit('.').next().unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The page with the live-reload script before `</body>` (or at the end).
pub fn inject_reload(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\"></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> HashMap<String, Arc<[u8]>> {
        [
            "index.html",
            "kanpur/index.html",
            "kanpur/result-2024/index.html",
            "style.css",
            "कानपुर/index.html",
        ]
        .into_iter()
        .map(|f| (f.to_string(), Arc::from(&b"x"[..])))
        .collect()
    }

    #[test]
    fn pretty_urls_and_redirects() {
        let f = files();
        assert_eq!(resolve("/", "/", &f), Target::File("index.html".into()));
        assert_eq!(
            resolve("/kanpur/result-2024/", "/", &f),
            Target::File("kanpur/result-2024/index.html".into())
        );
        assert_eq!(
            resolve("/kanpur/result-2024", "/", &f),
            Target::Redirect("/kanpur/result-2024/".into())
        );
        assert_eq!(
            resolve("/style.css?v=1", "/", &f),
            Target::File("style.css".into())
        );
        assert_eq!(
            resolve(
                "/%E0%A4%95%E0%A4%BE%E0%A4%A8%E0%A4%AA%E0%A5%81%E0%A4%B0/",
                "/",
                &f
            ),
            Target::File("कानपुर/index.html".into())
        );
        assert_eq!(resolve("/nope/", "/", &f), Target::NotFound);
    }

    #[test]
    fn a_base_path_is_honoured() {
        let f = files();
        assert_eq!(
            resolve("/repo/", "/repo/", &f),
            Target::File("index.html".into())
        );
        assert_eq!(
            resolve("/repo", "/repo/", &f),
            Target::Redirect("/repo/".into())
        );
        assert_eq!(
            resolve("/repo/kanpur/", "/repo/", &f),
            Target::File("kanpur/index.html".into())
        );
        assert_eq!(resolve("/kanpur/", "/repo/", &f), Target::NotFound);
    }

    #[test]
    fn traversal_is_refused() {
        let f = files();
        for url in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/kanpur/..%2f..%2fsite.toml",
            "/a%5c..%5cb",
            "/%00",
            "/./index.html",
            "C:/x",
            "/c:%5cwindows",
            "/%zz",
        ] {
            assert_eq!(resolve(url, "/", &f), Target::Forbidden, "{url}");
        }
    }

    #[test]
    fn redirects_never_leave_the_site() {
        let f = files();
        for url in ["//kanpur/result-2024", "///kanpur//result-2024"] {
            assert_eq!(
                resolve(url, "/", &f),
                Target::Redirect("/kanpur/result-2024/".into()),
                "{url}"
            );
        }
        let mut f = files();
        f.insert("कानपुर/a/index.html".into(), Arc::from(&b"x"[..]));
        assert_eq!(
            resolve(
                "/%E0%A4%95%E0%A4%BE%E0%A4%A8%E0%A4%AA%E0%A5%81%E0%A4%B0/a",
                "/",
                &f
            ),
            Target::Redirect("/%E0%A4%95%E0%A4%BE%E0%A4%A8%E0%A4%AA%E0%A5%81%E0%A4%B0/a/".into())
        );
    }

    #[test]
    fn only_get_and_head_are_answered() {
        assert_eq!(head_only("GET"), Some(false));
        assert_eq!(head_only("HEAD"), Some(true));
        for m in ["POST", "PUT", "DELETE", "FOO", "get", "OPTIONS"] {
            assert_eq!(head_only(m), None, "{m}");
        }
    }

    #[test]
    fn a_reply_is_one_buffer_with_its_length() {
        let reply = Reply::new(200, "text/plain", b"hello".to_vec()).with_header("X", "a\r\nb");
        let bytes = String::from_utf8(reply.encode(false, false)).unwrap();
        assert!(bytes.starts_with("HTTP/1.1 200 OK\r\n"), "{bytes}");
        assert!(bytes.contains("Content-Length: 5\r\n"));
        assert!(bytes.contains("X: ab\r\n"), "no header injection: {bytes}");
        assert!(bytes.ends_with("\r\n\r\nhello"));
        let head = String::from_utf8(reply.encode(true, true)).unwrap();
        assert!(head.ends_with("Connection: close\r\n\r\n"), "{head}");
    }

    #[test]
    fn the_script_goes_before_the_body_end() {
        let out = String::from_utf8(inject_reload(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(
            out.ends_with("<p>x</p><script src=\"/__chunav/reload.js\"></script></body></html>")
        );
    }
}
