//! Every link an article's body makes inside the site must lead somewhere: to a page or
//! file of the built site, and, with `#anchor`, to an element with that id there.
//!
//! Links are collected with their Markdown line while rendering; the files written and the
//! ids in each page are recorded as they pass through the sink; the check runs when
//! everything is written, so it sees the site exactly as a reader would.

use super::write::Sink;
use crate::diagnostics::Diagnostic;
pub use crate::markdown::BodyLink;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Records what is written (through to `inner`) and the links pages make.
pub struct LinkRecorder<'a> {
    inner: &'a dyn Sink,
    files: Mutex<HashSet<String>>,
    ids: Mutex<HashMap<String, HashSet<String>>>,
    links: Mutex<Vec<PageLinks>>,
}

/// The ids in each HTML file, by its path in the site.
pub type Ids = HashMap<String, HashSet<String>>;

struct PageLinks {
    file: PathBuf,
    /// The page's URL path below the root (`kanpur/result-2024/`).
    path: String,
    links: Vec<BodyLink>,
}

/// A link and where it was written, for checks that look beyond the site.
#[derive(Debug, Clone)]
pub struct PageLink {
    pub file: PathBuf,
    pub line: usize,
    pub url: String,
}

impl Sink for LinkRecorder<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.inner.write(rel, bytes)?;
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_string());
        }
        if rel.ends_with(".html")
            && let Ok(mut ids) = self.ids.lock()
        {
            ids.insert(rel.to_string(), ids_in(&String::from_utf8_lossy(bytes)));
        }
        Ok(())
    }

    fn keeps_bytes(&self) -> bool {
        self.inner.keeps_bytes()
    }
}

impl LinkRecorder<'_> {
    /// Passes the previous build's file at `from` through as `rel`, with its recorded ids.
    pub fn reuse(&self, rel: &str, from: &Path, ids: Option<&[String]>) -> std::io::Result<()> {
        self.inner.link(rel, from)?;
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_string());
        }
        if let Some(list) = ids
            && let Ok(mut all) = self.ids.lock()
        {
            all.insert(rel.to_string(), list.iter().cloned().collect());
        }
        Ok(())
    }
}

impl<'a> LinkRecorder<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        LinkRecorder {
            inner,
            files: Mutex::default(),
            ids: Mutex::default(),
            links: Mutex::default(),
        }
    }

    pub fn page_links(&self, file: PathBuf, path: String, links: Vec<BodyLink>) {
        if links.is_empty() {
            return;
        }
        if let Ok(mut all) = self.links.lock() {
            all.push(PageLinks { file, path, links });
        }
    }

    /// Every broken link, with its file and line, every link to another site, and the
    /// ids of every HTML file written.
    pub fn check(self) -> (Vec<Diagnostic>, Vec<PageLink>, Ids) {
        let files = self.files.into_inner().unwrap_or_default();
        let ids = self.ids.into_inner().unwrap_or_default();
        let mut problems = Vec::new();
        let mut external = Vec::new();
        for page in self.links.into_inner().unwrap_or_default() {
            external.extend(
                page.links
                    .iter()
                    .filter(|l| has_scheme(&l.url))
                    .map(|l| PageLink {
                        file: page.file.clone(),
                        line: l.line,
                        url: l.url.clone(),
                    }),
            );
            for link in &page.links {
                if let Some(message) = broken(&page.path, &link.url, &files, &ids) {
                    problems.push(Diagnostic::error(&page.file, message).at_line(link.line));
                }
            }
        }
        (problems, external, ids)
    }
}

/// Why `url`, written on the page at `page_path`, leads nowhere; `None` when it is fine
/// or not ours to check (another site, `mailto:`).
fn broken(
    page_path: &str,
    url: &str,
    files: &HashSet<String>,
    ids: &HashMap<String, HashSet<String>>,
) -> Option<String> {
    if url.is_empty() || has_scheme(url) || url.starts_with("//") {
        return None;
    }
    let (path_part, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (url, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    if path_part.starts_with('/') {
        return Some(format!(
            "link {url}: a path from the domain root breaks when the site is published under a subpath \
             (https://USER.github.io/REPO/); link to the file instead, e.g. @/kanpur/result-2024.md"
        ));
    }
    let target = if path_part.is_empty() {
        format!("{page_path}index.html")
    } else {
        let Some(joined) = join(page_path, &decode(path_part)) else {
            return Some(format!("link {url} points above the site's root"));
        };
        if joined.is_empty() || joined.ends_with('/') {
            format!("{joined}index.html")
        } else if files.contains(&joined) {
            joined
        } else {
            format!("{joined}/index.html")
        }
    };
    if !files.contains(&target) {
        let looked_for = match target.strip_suffix("/index.html") {
            Some(file)
                if file
                    .rsplit('/')
                    .next()
                    .is_some_and(|last| last.contains('.')) =>
            {
                file
            }
            _ => &target,
        };
        return Some(format!(
            "link {url}: there is no such page or file in the site (looked for {looked_for})"
        ));
    }
    let anchor = anchor.filter(|a| !a.is_empty()).map(decode)?;
    let known = ids.get(&target)?;
    if known.contains(&anchor) {
        None
    } else {
        let shown = if path_part.is_empty() {
            "this page".to_string()
        } else {
            target.clone()
        };
        Some(format!(
            "link {url}: {shown} has no element with id \"{anchor}\""
        ))
    }
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && i > 0
        }
        None => false,
    }
}

/// `rel` resolved against the folder `base` (`kanpur/result-2024/`); `None` above the root.
fn join(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    let trailing = rel.ends_with('/');
    for segment in rel.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut joined = parts.join("/");
    if trailing && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The `id` attributes of an HTML page (as chunav and its templates write them).
fn ids_in(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        if let Some(end) = rest.find('"') {
            ids.insert(unescape(&rest[..end]));
            rest = &rest[end..];
        }
    }
    ids
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (HashSet<String>, HashMap<String, HashSet<String>>) {
        let files: HashSet<String> = [
            "index.html",
            "kanpur/index.html",
            "kanpur/a/index.html",
            "kanpur/b/index.html",
            "style.css",
            "kanpur/map.png",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        let mut ids = HashMap::new();
        ids.insert(
            "kanpur/b/index.html".to_string(),
            ["intro".to_string(), "क्षेत्रवार-वोट".to_string()].into(),
        );
        ids.insert(
            "kanpur/a/index.html".to_string(),
            ["top".to_string()].into(),
        );
        (files, ids)
    }

    #[test]
    fn good_links_pass() {
        let (files, ids) = site();
        for url in [
            "../b/",
            "../b/#intro",
            "../b",
            "../map.png",
            "../../style.css",
            "#top",
            "https://eci.gov.in/x",
            "mailto:a@b.c",
            "../b/#%E0%A4%95%E0%A5%8D%E0%A4%B7%E0%A5%87%E0%A4%A4%E0%A5%8D%E0%A4%B0%E0%A4%B5%E0%A4%BE%E0%A4%B0-%E0%A4%B5%E0%A5%8B%E0%A4%9F",
            "../b/#क्षेत्रवार-वोट",
            "../../",
        ] {
            assert_eq!(broken("kanpur/a/", url, &files, &ids), None, "{url}");
        }
    }

    #[test]
    fn broken_links_say_why() {
        let (files, ids) = site();
        assert_eq!(
            broken("kanpur/a/", "../c/", &files, &ids).unwrap(),
            "link ../c/: there is no such page or file in the site (looked for kanpur/c/index.html)"
        );
        assert_eq!(
            broken("kanpur/a/", "../b/#outro", &files, &ids).unwrap(),
            "link ../b/#outro: kanpur/b/index.html has no element with id \"outro\""
        );
        assert_eq!(
            broken("kanpur/a/", "#nope", &files, &ids).unwrap(),
            "link #nope: this page has no element with id \"nope\""
        );
        assert!(
            broken("kanpur/a/", "../../../x", &files, &ids)
                .unwrap()
                .contains("above the site's root")
        );
        assert!(
            broken("kanpur/a/", "/kanpur/b/", &files, &ids)
                .unwrap()
                .contains("subpath")
        );
    }

    #[test]
    fn ids_are_read_from_html() {
        let ids =
            ids_in(r#"<h2 id="नतीजा">x</h2><figure class="chart" id="chart-1"><p id="a&amp;b">"#);
        assert!(ids.contains("नतीजा") && ids.contains("chart-1") && ids.contains("a&b"));
    }
}
