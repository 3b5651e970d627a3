//! Helpers shared by the integration suites: copy a fixture site into a fresh temporary
//! folder, run the real `chunav` binary on it, read what it wrote.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Site {
    pub root: PathBuf,
}

pub struct Run {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn fresh_dir(label: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("chunav-test-{}-{label}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl Site {
    /// A copy of `tests/fixtures/NAME`.
    pub fn fixture(name: &str) -> Site {
        let root = fresh_dir(name);
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            &root,
        );
        Site { root }
    }

    /// A copy of this repository's example Kanpur site, or `None` (with a note on stderr)
    /// when `content/` is no longer the example: a desk that keeps its own site in a copy
    /// of chunav replaces it, and the tests about the example's figures then have nothing
    /// to check. Everything else is tested on fixtures.
    pub fn example() -> Option<Site> {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let marks = ["content/kanpur/result-2024.md", "data/kanpur-ls2024.toml"];
        if !marks.iter().all(|m| repo.join(m).is_file()) {
            eprintln!("content/ is not the example Kanpur site; the example's tests are skipped");
            return None;
        }
        let root = fresh_dir("example");
        fs::copy(repo.join("site.toml"), root.join("site.toml")).unwrap();
        for dir in ["content", "data", "templates", "static", "sources"] {
            if repo.join(dir).is_dir() {
                fs::create_dir_all(root.join(dir)).unwrap();
                copy_tree(&repo.join(dir), &root.join(dir));
            }
        }
        Some(Site { root })
    }

    /// An empty folder, for `init`.
    pub fn empty(label: &str) -> Site {
        Site {
            root: fresh_dir(label),
        }
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root.join(rel)).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root.join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).exists()
    }

    /// Runs `chunav --root SITE ARGS…`.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_chunav"))
            .arg("--root")
            .arg(&self.root)
            .args(args)
            .output()
            .unwrap();
        Run {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs `chunav ARGS…` inside the site's folder, as a user in a terminal does.
    pub fn run_inside(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_chunav"))
            .current_dir(&self.root)
            .args(args)
            .output()
            .unwrap();
        Run {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert!(run.ok, "chunav {args:?} failed:\n{}", run.stderr);
        run
    }

    /// Runs a command that must fail; returns its stderr with the site's path removed.
    pub fn fails(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert!(
            !run.ok,
            "chunav {args:?} should have failed; stdout:\n{}",
            run.stdout
        );
        run.stderr.replace(&format!("{}/", self.root.display()), "")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// A file of the shared source folder, which CI places at ../shared beside the repository
/// (a worktree one level deeper finds it at ../../shared). `None` with a printed note when
/// it is absent, so the test says why it checked nothing.
pub fn shared_file(name: &str) -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = ["../shared/sources/data", "../../shared/sources/data"]
        .iter()
        .map(|dir| repo.join(dir).join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        eprintln!("note: ../shared/sources/data/{name} is absent; this test checked nothing");
    }
    found
}
