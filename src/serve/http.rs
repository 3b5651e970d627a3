//! Answers one request from the site held in memory: URL to file, MIME types, the site's
//! 404 page, the live-reload script and event stream. Nothing here reads the disk.

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
        Target::Redirect(format!("{path}/"))
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
    fn the_script_goes_before_the_body_end() {
        let out = String::from_utf8(inject_reload(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(
            out.ends_with("<p>x</p><script src=\"/__chunav/reload.js\"></script></body></html>")
        );
    }
}
