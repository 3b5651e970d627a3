//! Writing the site: every file goes into a staging directory beside the output, which is
//! swapped in only when the whole build succeeded. A failed build leaves the previous
//! output untouched, and chunav never deletes a directory it did not create.
//!
//! What survives a build in the output folder (the keep-list, see docs/deploy.md): every
//! top-level name starting with `.` (a gh-pages worktree's `.git`, `.nojekyll`,
//! `.well-known/`), `CNAME`, and search engines' verification files (`google*.html`,
//! `BingSiteAuth.xml`, `yandex_*.html`), unless the new build writes a file of that name.
//!
//! A build killed half-way (`kill -9`, a power cut) leaves a staging folder behind, or the
//! previous site moved aside. The next build finds them by their names, knows they are
//! abandoned because nobody holds the lock on their marker file, and cleans up: the
//! previous site is put back if it is not in place, kept files are carried over, the rest
//! is removed.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Present in every directory chunav writes; its absence means "not ours, hands off".
/// The build writing a folder holds a lock on it, so an abandoned folder can be told from
/// one another build is still writing.
pub const MARKER: &str = ".chunav-output";

const MARKER_TEXT: &str = "This folder is written by chunav and replaced on every build.\n";
/// In the marker, a line per kept-list name the build wrote itself (so that a CNAME
/// chunav wrote is not carried over once `cname` is removed from site.toml).
const WROTE: &str = "wrote: ";

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
        // A fresh gh-pages worktree (only `.git`) or a folder holding only a CNAME is
        // fine: those are kept, and nothing else is there to lose.
        let only_kept = fs::read_dir(&out)
            .map(|d| {
                d.filter_map(Result::ok)
                    .all(|e| is_kept(&e.file_name().to_string_lossy()))
            })
            .unwrap_or(false);
        if !only_kept {
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

/// A name in the output folder that a build keeps (see the module's comment).
pub fn is_kept(name: &str) -> bool {
    (name.starts_with('.') && name != MARKER)
        || name == "CNAME"
        || name == "BingSiteAuth.xml"
        || (name.starts_with("google") && name.ends_with(".html"))
        || (name.starts_with("yandex_") && name.ends_with(".html"))
}

/// Where the files of one build go.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The locked marker of `dir`: held for the whole build.
    _lock: File,
    /// Folders made in `dir` so far: thousands of files share a few, and asking the
    /// file system again for each file was a tenth of a warm build.
    made: Mutex<HashSet<PathBuf>>,
}

fn staging_prefix(name: &str) -> String {
    format!(".{name}.chunav-staging-")
}

fn old_prefix(name: &str) -> String {
    format!(".{name}.chunav-old-")
}

/// Opens and locks `dir`'s marker. `Ok(None)` when another process holds it.
fn lock_marker(dir: &Path) -> io::Result<Option<File>> {
    let file = File::options()
        .read(true)
        .write(true)
        .open(dir.join(MARKER))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

impl Staging {
    /// Creates a fresh staging directory next to `target`, after cleaning up what killed
    /// builds left there.
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
        recover_abandoned(parent, &name, target)?;
        let dir = parent.join(format!("{}{}", staging_prefix(&name), std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(MARKER), MARKER_TEXT)?;
        let lock =
            lock_marker(&dir)?.ok_or_else(|| io::Error::other("staging folder is locked"))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            _lock: lock,
            made: Mutex::default(),
        })
    }

    /// Writes `bytes` at `rel` (a relative path inside the site), creating folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        self.make_parent(&path)?;
        fs::write(path, bytes)
    }

    /// Makes the folder `path` goes in, unless this staging folder made it already.
    fn make_parent(&self, path: &Path) -> io::Result<()> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        if self.made.lock().is_ok_and(|made| made.contains(parent)) {
            return Ok(());
        }
        fs::create_dir_all(parent)?;
        if let Ok(mut made) = self.made.lock() {
            made.insert(parent.to_path_buf());
        }
        Ok(())
    }

    /// Puts the file at `from` (in the published folder) at `rel` as a hard link, or a
    /// copy where links cannot be made. Each path of a staging folder is written once, so
    /// the linked file's bytes are never changed through it.
    pub fn link(&self, rel: &str, from: &Path) -> io::Result<()> {
        let path = self.dir.join(rel);
        self.make_parent(&path)?;
        match fs::hard_link(from, &path) {
            Ok(()) => Ok(()),
            Err(_) => fs::copy(from, &path).map(|_| ()),
        }
    }

    /// Puts the staged site in place of the target; the old output is removed only after
    /// the new one is in place, only if chunav made it, and only after the kept files
    /// (`.git`, CNAME, …) are carried over into the new one.
    pub fn commit(self) -> io::Result<()> {
        self.note_kept_written()?;
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let old =
            self.target
                .with_file_name(format!("{}{}", old_prefix(&name), std::process::id()));
        let had_old = self.target.exists();
        // Held until the old site is gone, so that no other build takes it for abandoned.
        let _old_lock = if had_old && self.target.join(MARKER).exists() {
            lock_marker(&self.target)?
        } else {
            None
        };
        if had_old {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        if had_old {
            retire(&old, &self.target)?;
        }
        Ok(())
    }

    /// Records in the marker which kept-list names this build wrote itself.
    fn note_kept_written(&self) -> io::Result<()> {
        let mut text = MARKER_TEXT.to_string();
        for entry in fs::read_dir(&self.dir)? {
            let name = entry?.file_name().to_string_lossy().to_string();
            if is_kept(&name) {
                text.push_str(&format!("{WROTE}{name}\n"));
            }
        }
        fs::write(self.dir.join(MARKER), text)
    }

    /// Removes the staging directory after a failed build.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// `fs::remove_dir_all`, the folders under `dir` removed on all cores: removing the
/// previous site of thousands of files one by one was the last second of a cold build,
/// with the other core idle.
fn remove_all(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            let children: Vec<fs::DirEntry> =
                fs::read_dir(entry.path())?.collect::<io::Result<_>>()?;
            children.par_iter().try_for_each(|child| {
                if child.file_type()?.is_dir() {
                    fs::remove_dir_all(child.path())
                } else {
                    fs::remove_file(child.path())
                }
            })?;
            fs::remove_dir(entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Carries the kept files of `old` (a previous output moved aside) into `target`, then
/// removes `old` if chunav made it (or if it is empty now). On an error `old` stays, with
/// whatever it still holds.
fn retire(old: &Path, target: &Path) -> io::Result<()> {
    let written: Vec<String> = fs::read_to_string(old.join(MARKER))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.strip_prefix(WROTE).map(str::to_string))
        .collect();
    for entry in fs::read_dir(old)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        let into = target.join(entry.file_name());
        if is_kept(&name) && !written.contains(&name) && into.symlink_metadata().is_err() {
            fs::rename(entry.path(), into).map_err(|e| {
                io::Error::other(format!(
                    "cannot carry {name} over into the new site ({e}); it is still in {}",
                    old.display()
                ))
            })?;
        }
    }
    if old.join(MARKER).exists() {
        remove_all(old)
    } else {
        // A folder we were allowed to replace: empty, or holding only kept files.
        let _ = fs::remove_dir(old);
        Ok(())
    }
}

/// Cleans up after builds of `target` that were killed: staging folders are removed; a
/// previous site moved aside is put back when the target is missing, otherwise its kept
/// files are carried over and it is removed. Folders another running build holds are left.
fn recover_abandoned(parent: &Path, name: &str, target: &Path) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let (staging, old) = (staging_prefix(name), old_prefix(name));
    let mut entries: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
        .filter(|(n, _)| n.starts_with(&staging) || n.starts_with(&old))
        .collect();
    entries.sort();
    for (entry_name, path) in entries {
        if !path.is_dir() || path.symlink_metadata()?.file_type().is_symlink() {
            continue;
        }
        if !path.join(MARKER).exists() {
            // Killed between creating the folder and writing its marker: empty.
            let _ = fs::remove_dir(&path);
            continue;
        }
        let Some(_lock) = lock_marker(&path)? else {
            continue;
        };
        if entry_name.starts_with(&old) && !target.exists() {
            fs::rename(&path, target)?;
        } else if entry_name.starts_with(&old) {
            retire(&path, target)?;
        } else {
            fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
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

    #[test]
    fn dotfiles_cname_and_verification_files_survive_a_build() {
        let root = tmp("keep");
        let out = root.join("public");
        let first = Staging::create(&out).unwrap();
        first.write("index.html", b"one").unwrap();
        first.commit().unwrap();
        fs::create_dir_all(out.join(".git/objects")).unwrap();
        fs::write(out.join(".git/HEAD"), "ref").unwrap();
        fs::write(out.join("CNAME"), "news.example.com\n").unwrap();
        fs::write(out.join("google1234abcd.html"), "google-site-verification").unwrap();
        fs::write(out.join("stale.html"), "old page").unwrap();
        let second = Staging::create(&out).unwrap();
        second.write("index.html", b"two").unwrap();
        second.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join(".git/HEAD")).unwrap(), "ref");
        assert_eq!(
            fs::read_to_string(out.join("CNAME")).unwrap(),
            "news.example.com\n"
        );
        assert!(out.join("google1234abcd.html").exists());
        assert!(
            !out.join("stale.html").exists(),
            "pages of the old build go"
        );
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        let leftovers: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.contains("chunav-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_cname_the_build_wrote_goes_when_the_build_stops_writing_it() {
        let root = tmp("cname");
        let out = root.join("public");
        let first = Staging::create(&out).unwrap();
        first.write("CNAME", b"a.example\n").unwrap();
        first.commit().unwrap();
        let second = Staging::create(&out).unwrap();
        second.write("index.html", b"x").unwrap();
        second.commit().unwrap();
        assert!(!out.join("CNAME").exists());
    }

    #[test]
    fn a_gh_pages_worktree_may_be_the_output() {
        let root = tmp("worktree");
        let out = root.join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join(".git"), "gitdir: ../.git/worktrees/public\n").unwrap();
        assert!(refuse_reason(&root, &out).is_none());
        let s = Staging::create(&out).unwrap();
        s.write("index.html", b"x").unwrap();
        s.commit().unwrap();
        assert!(out.join(".git").is_file() && out.join("index.html").exists());
    }

    #[test]
    fn abandoned_staging_and_moved_aside_sites_are_recovered() {
        let root = tmp("abandoned");
        let out = root.join("public");
        let first = Staging::create(&out).unwrap();
        first.write("index.html", b"good").unwrap();
        first.commit().unwrap();
        // A build killed while writing: its staging folder, unlocked.
        let dead = root.join(".public.chunav-staging-999999");
        fs::create_dir_all(dead.join("big")).unwrap();
        fs::write(dead.join(MARKER), MARKER_TEXT).unwrap();
        fs::write(dead.join("big/x.html"), "half").unwrap();
        // A build killed between its two renames: the good site moved aside, no target.
        fs::rename(&out, root.join(".public.chunav-old-999998")).unwrap();
        // Someone else's folder with a similar name but no marker is not touched.
        fs::create_dir_all(root.join(".public.chunav-staging-1/mine")).unwrap();
        let next = Staging::create(&out).unwrap();
        assert!(!dead.exists());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
        assert!(!root.join(".public.chunav-old-999998").exists());
        assert!(root.join(".public.chunav-staging-1/mine").exists());
        // A staging folder still locked by a running build stays.
        let live = root.join(".public.chunav-staging-999997");
        fs::create_dir_all(&live).unwrap();
        fs::write(live.join(MARKER), MARKER_TEXT).unwrap();
        let held = lock_marker(&live).unwrap().unwrap();
        next.discard();
        let again = Staging::create(&out).unwrap();
        assert!(live.exists());
        drop(held);
        again.discard();
    }
}
