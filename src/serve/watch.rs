//! Folds file-system events into the few kinds of change the site cares about.

use crate::content::discover::{CONTENT_DIR, is_ignored, is_markdown};
use std::path::{Component, Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A Markdown file under content/ (relative to the root), created, edited or removed.
    Content(PathBuf),
    /// A non-Markdown file under content/, or a file under static/: copied, not rendered.
    /// `rel` is its path in the output; `css` says a stylesheet changed.
    Asset {
        source: PathBuf,
        rel: String,
        css: bool,
    },
    /// templates/, data/ or site.toml: everything is rendered again.
    Everything,
    /// One of the watched folders itself appeared or vanished (`rm -rf content`, then a
    /// `git checkout` bringing it back): its watch is gone with it, so it is watched again,
    /// and everything is rendered again.
    Folder,
}

pub const WATCHED_DIRS: [&str; 4] = [CONTENT_DIR, "templates", "static", "data"];

/// What a changed path means, or `None` for paths nobody reads: editors' swap and
/// backup files (vim's `.x.swp`, emacs's `#x#` and `.#x`, `x~`), hidden files, and
/// anything outside the site's sources.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let name = rel.file_name()?.to_string_lossy();
    if is_ignored(&name)
        || rel
            .components()
            .any(|c| matches!(c, Component::Normal(n) if n.to_string_lossy().starts_with('.')))
    {
        return None;
    }
    let mut parts = rel.components();
    let top = parts.next()?.as_os_str().to_string_lossy().to_string();
    let inner: PathBuf = parts.collect();
    let as_url = |p: &Path| p.to_string_lossy().replace('\\', "/");
    if inner.as_os_str().is_empty() && WATCHED_DIRS.contains(&top.as_str()) {
        return Some(Change::Folder);
    }
    match top.as_str() {
        "site.toml" if inner.as_os_str().is_empty() => Some(Change::Everything),
        "templates" | "data" => Some(Change::Everything),
        CONTENT_DIR if is_markdown(rel) => Some(Change::Content(rel.to_path_buf())),
        CONTENT_DIR | "static" if !inner.as_os_str().is_empty() => Some(Change::Asset {
            source: rel.to_path_buf(),
            rel: as_url(&inner),
            css: rel.extension().is_some_and(|e| e == "css"),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(p: &str) -> Option<Change> {
        classify(Path::new("/site"), &Path::new("/site").join(p))
    }

    #[test]
    fn changes_fold_into_kinds() {
        assert_eq!(
            at("content/kanpur/a.md"),
            Some(Change::Content("content/kanpur/a.md".into()))
        );
        assert_eq!(at("templates/page.html"), Some(Change::Everything));
        assert_eq!(at("site.toml"), Some(Change::Everything));
        assert_eq!(at("data/kanpur.toml"), Some(Change::Everything));
        assert_eq!(
            at("content/SECRET.MD"),
            Some(Change::Content("content/SECRET.MD".into()))
        );
        assert_eq!(at("content"), Some(Change::Folder));
        assert_eq!(at("static"), Some(Change::Folder));
        assert_eq!(
            at("static/style.css"),
            Some(Change::Asset {
                source: "static/style.css".into(),
                rel: "style.css".into(),
                css: true
            })
        );
        assert_eq!(
            at("content/kanpur/map.png"),
            Some(Change::Asset {
                source: "content/kanpur/map.png".into(),
                rel: "kanpur/map.png".into(),
                css: false
            })
        );
    }

    #[test]
    fn editor_debris_and_outside_paths_are_ignored() {
        for p in [
            "content/.a.md.swp",
            "content/a.md~",
            "content/#a.md#",
            "content/.#a.md",
            "public/index.html",
            "target/x",
            "content/.git/x.md",
            "README.md",
        ] {
            assert_eq!(at(p), None, "{p}");
        }
    }
}
