//! Finds the site's content files with walkdir, in a stable order, and decides which files
//! of the site's folders chunav may read at all.
//!
//! Links are never followed: a symbolic link in content/ or static/ could point anywhere on
//! the machine (`ln -s /etc/passwd static/x.txt`), and a published site or a preview server
//! must not carry such a file out. Links are reported and skipped, like files whose names
//! chunav ignores on purpose.

use crate::diagnostics::Diagnostic;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// What lives under content/.
#[derive(Debug, Default)]
pub struct ContentFiles {
    /// Markdown files, relative to the site root, sorted.
    pub markdown: Vec<PathBuf>,
    /// Any other file (images, PDFs), copied beside the pages, relative to content/.
    pub assets: Vec<PathBuf>,
    /// Warnings for files that look like pages but are skipped (hidden names, links).
    pub skipped: Vec<Diagnostic>,
}

pub const CONTENT_DIR: &str = "content";

/// Lists content/ under `root`. Hidden files and editors' temp files are skipped; a
/// Markdown file skipped for its name, and any symbolic link, is reported as a warning.
pub fn discover(root: &Path) -> std::io::Result<ContentFiles> {
    let content = root.join(CONTENT_DIR);
    let mut files = ContentFiles::default();
    if !content.is_dir() {
        return Ok(files);
    }
    let walker = WalkDir::new(&content).sort_by_file_name().into_iter();
    let walker = walker.filter_entry(|e| {
        let name = e.file_name().to_string_lossy();
        e.depth() == 0 || !is_ignored(&name) || is_hidden_page(&name)
    });
    for entry in walker {
        let entry = entry.map_err(std::io::Error::other)?;
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && is_ignored(&name) {
            // Only hidden pages get past the filter: say why they are left out.
            if entry.file_type().is_file() {
                files.skipped.push(Diagnostic::warning(
                    &rel,
                    format!(
                        "skipped: chunav ignores files whose names start with `.` or `#` \
                         (hidden and editors' files); rename it to `{}` to publish it",
                        name.trim_start_matches(['.', '#'])
                    ),
                ));
            }
            continue;
        }
        if entry.path_is_symlink() {
            files.skipped.push(link_warning(&rel));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        if is_markdown(path) {
            files.markdown.push(rel);
        } else {
            let rel = path.strip_prefix(&content).unwrap_or(path).to_path_buf();
            files.assets.push(rel);
        }
    }
    Ok(files)
}

/// The warning for a symbolic link found in one of the site's folders.
pub fn link_warning(rel: &Path) -> Diagnostic {
    Diagnostic::warning(
        rel,
        "skipped: this is a symbolic link, and chunav does not follow links (one could reach \
         files outside the site); copy the file here instead",
    )
}

/// A Markdown file: `.md` in any case (`SECRET.MD` is a page, never a raw asset).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
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

/// `.draft.md` or `#notes.md`: a page an editor may expect to see published, ignored for
/// its name. Emacs's lock files (`.#x.md`) are not pages.
fn is_hidden_page(name: &str) -> bool {
    (name.starts_with('.') || name.starts_with('#'))
        && !name.starts_with(".#")
        && is_markdown(Path::new(name))
}

/// The file at `rel` (relative to `root`, inside `top`, one of the site's folders) when it
/// may be read: a regular file (not a FIFO or device, which would block a read for good),
/// reached without passing a symbolic link, and inside `root/top` once every link is
/// resolved. Checked each time a file is read, not once at start: a link can appear while
/// `serve` runs.
pub fn readable_source(root: &Path, top: &str, rel: &Path) -> Result<PathBuf, String> {
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err("not a plain path inside the site".into());
    }
    let mut path = root.to_path_buf();
    for component in rel.components() {
        path.push(component);
        let meta = std::fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
        if meta.file_type().is_symlink() {
            return Err("a symbolic link (chunav does not follow links)".into());
        }
    }
    let meta = std::fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let folder = root.join(top).canonicalize().map_err(|e| e.to_string())?;
    let real = path.canonicalize().map_err(|e| e.to_string())?;
    if !real.starts_with(&folder) {
        return Err(format!("outside {top}/"));
    }
    Ok(path)
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

    #[test]
    fn markdown_is_matched_in_any_case() {
        assert!(is_markdown(Path::new("content/secret.MD")));
        assert!(is_markdown(Path::new("content/a.Md")));
        assert!(!is_markdown(Path::new("content/a.mdx")));
        assert!(!is_markdown(Path::new("content/md")));
    }

    #[test]
    fn hidden_pages_are_told_apart_from_debris() {
        assert!(is_hidden_page(".hidden.md"));
        assert!(is_hidden_page("#x.md"));
        assert!(!is_hidden_page(".#x.md"));
        assert!(!is_hidden_page("#x.md#"));
        assert!(!is_hidden_page(".x.md.swp"));
    }

    fn tmp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("chunav-discover-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("static/sub")).unwrap();
        dir
    }

    #[cfg(unix)]
    #[test]
    fn links_fifos_and_escapes_are_not_readable() {
        let root = tmp("readable");
        std::fs::write(root.join("static/ok.txt"), "ok").unwrap();
        std::fs::write(root.join("outside.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(root.join("outside.txt"), root.join("static/leak.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("static/ok.txt"), root.join("static/inner.txt"))
            .unwrap();
        std::os::unix::fs::symlink(root.join(".."), root.join("static/up")).unwrap();
        let ok = |rel: &str| readable_source(&root, "static", Path::new(rel));
        assert!(ok("static/ok.txt").is_ok());
        assert!(ok("static/leak.txt").unwrap_err().contains("symbolic link"));
        assert!(
            ok("static/inner.txt").is_err(),
            "links are refused even inside"
        );
        assert!(ok("static/up/etc/passwd").is_err());
        assert!(ok("static/../outside.txt").is_err());
        assert!(ok("static/sub").unwrap_err().contains("regular"));
        assert!(ok("static/missing.txt").is_err());
        let _ = std::fs::remove_dir_all(&root);
    }
}
