//! Writing the site: every file goes into a staging directory beside the output, which is
//! swapped in only when the whole build succeeded. A failed build leaves the previous
//! output untouched, and chunav never deletes a directory it did not create.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Present in every directory chunav writes; its absence means "not ours, hands off".
pub const MARKER: &str = ".chunav-output";

/// Where the files of one build go.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

/// Why an output directory cannot be used.
pub fn refuse_reason(root: &Path, out: &Path) -> Option<String> {
    let root = absolute(root);
    let out = absolute(out);
    if out == root {
        return Some(
            "the output directory is the site root itself; use public/ or another folder".into(),
        );
    }
    if root.starts_with(&out) {
        return Some(format!(
            "the output directory {} contains the site (content/); replacing it would delete your work",
            out.display()
        ));
    }
    for source in ["content", "templates", "static", "data"] {
        if out.starts_with(root.join(source)) {
            return Some(format!(
                "the output directory {} is inside {source}/; choose a folder outside the site's sources",
                out.display()
            ));
        }
    }
    if out.exists() && !out.join(MARKER).exists() {
        if !out.is_dir() {
            return Some(format!("{} exists and is not a directory", out.display()));
        }
        let empty = fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Some(format!(
                "{} exists and was not made by chunav (no {MARKER} file in it); \
                 chunav does not replace folders it did not create: move it away or choose another -o",
                out.display()
            ));
        }
    }
    None
}

/// A lexically normalised absolute path (the output may not exist yet, so no canonicalize
/// of the whole path: its existing ancestor is canonicalised, the rest appended).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut normal = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    let mut existing = normal.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut result = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        result.push(name);
    }
    result
}

impl Staging {
    /// Creates a fresh staging directory next to `target`.
    pub fn create(target: &Path) -> io::Result<Staging> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let dir = parent.join(format!(".{name}.chunav-staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        fs::write(
            dir.join(MARKER),
            "This folder is written by chunav and replaced on every build.\n",
        )?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// Writes `bytes` at `rel` (a relative path inside the site), creating folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Puts the staged site in place of the target; the old output is removed only after
    /// the new one is in place, and only if chunav made it.
    pub fn commit(self) -> io::Result<()> {
        let old = self.target.with_file_name(format!(
            ".{}.chunav-old-{}",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        if had_old && old.join(MARKER).exists() {
            fs::remove_dir_all(&old)?;
        } else if had_old {
            // An empty folder we were allowed to replace.
            let _ = fs::remove_dir(&old);
        }
        Ok(())
    }

    /// Removes the staging directory after a failed build.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("chunav-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("content")).unwrap();
        dir
    }

    #[test]
    fn refuses_root_ancestors_sources_and_foreign_folders() {
        let root = tmp("refuse");
        assert!(refuse_reason(&root, &root).is_some());
        assert!(refuse_reason(&root, root.parent().unwrap()).is_some());
        assert!(refuse_reason(&root, &root.join("content/out")).is_some());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/keep.txt"), "x").unwrap();
        assert!(
            refuse_reason(&root, &root.join("mine"))
                .unwrap()
                .contains("not made by chunav")
        );
        assert!(refuse_reason(&root, &root.join("public")).is_none());
    }

    #[test]
    fn commit_replaces_only_after_success() {
        let root = tmp("commit");
        let out = root.join("public");
        let first = Staging::create(&out).unwrap();
        first.write("index.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::create(&out).unwrap();
        second.write("index.html", b"two").unwrap();
        second.discard();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "one");
        let third = Staging::create(&out).unwrap();
        third.write("index.html", b"three").unwrap();
        third.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "three");
        assert!(out.join(MARKER).exists());
    }
}
