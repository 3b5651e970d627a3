//! Finds the site's content files with walkdir, in a stable order.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What lives under content/.
#[derive(Debug, Default)]
pub struct ContentFiles {
    /// Markdown files, relative to the site root, sorted.
    pub markdown: Vec<PathBuf>,
    /// Any other file (images, PDFs), copied beside the pages, relative to content/.
    pub assets: Vec<PathBuf>,
}

pub const CONTENT_DIR: &str = "content";

/// Lists content/ under `root`. Hidden files and editors' temp files are skipped.
pub fn discover(root: &Path) -> std::io::Result<ContentFiles> {
    let content = root.join(CONTENT_DIR);
    let mut files = ContentFiles::default();
    if !content.is_dir() {
        return Ok(files);
    }
    let walker = WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()));
    for entry in walker {
        let entry = entry.map_err(std::io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
            files.markdown.push(rel);
        } else {
            let rel = path.strip_prefix(&content).unwrap_or(path).to_path_buf();
            files.assets.push(rel);
        }
    }
    Ok(files)
}

/// Hidden files, vim swap files, emacs lock and backup files, and similar editor debris.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_debris_is_ignored() {
        for name in [
            ".hidden.md",
            ".a.md.swp",
            "a.md~",
            "#a.md#",
            "a.md.tmp",
            ".#a.md",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("result-2024.md"));
    }
}
