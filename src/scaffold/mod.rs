//! `chunav init` and `chunav new`: files a newcomer starts from. Neither overwrites anything.
//! The files `init` writes are the .md, .toml, .yml, gitignore and README.md beside this one.

use crate::diagnostics::Diagnostic;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Component, Path};

const SITE_TOML: &str = include_str!("site.toml");
const HOME: &str = include_str!("_index.md");
const ARTICLE: &str = include_str!("article.md");
const GITIGNORE: &str = include_str!("gitignore");
const PAGES_WORKFLOW: &str = include_str!("pages.yml");
const CHECK_WORKFLOW: &str = include_str!("check.yml");
const README: &str = include_str!("README.md");

/// Where chunav lives (Cargo.toml's `repository`): the workflows `init` writes use the
/// action of this repository, pinned to the version of the running chunav.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The action's `uses:` line, e.g. `chunav-dev/chunav@v0.1.0`.
pub fn action_ref() -> String {
    let owner_repo = REPOSITORY
        .trim_end_matches('/')
        .trim_end_matches(".git")
        .trim_start_matches("https://github.com/");
    format!("{owner_repo}@v{VERSION}")
}

/// Creates a site in `dir` that can be pushed to GitHub as it is: site.toml, a home page
/// and one article with data, `.gitignore`, a Pages workflow and a pull-request check,
/// and a README for the desk. `dir` must not exist, or be an empty folder (a fresh
/// `git clone` of an empty repository, holding only `.git`, counts as empty).
pub fn init(dir: &Path) -> Result<String, Diagnostic> {
    refuse_unless_empty(dir)?;
    let folder = site_folder_name(dir);
    let fill = |text: &str| {
        text.replace("CHUNAV_ACTION", &action_ref())
            .replace("CHUNAV_VERSION", VERSION)
            .replace("CHUNAV_REPOSITORY", REPOSITORY)
            .replace("SITE_FOLDER", &folder)
    };
    let readme = fill(README).replace("SITE_TITLE", &title_of(SITE_TOML));
    let files = [
        ("site.toml", fill(SITE_TOML)),
        ("content/_index.md", HOME.to_string()),
        ("content/kanpur-2024.md", ARTICLE.to_string()),
        (".gitignore", GITIGNORE.to_string()),
        (".github/workflows/pages.yml", fill(PAGES_WORKFLOW)),
        (".github/workflows/check.yml", fill(CHECK_WORKFLOW)),
        ("README.md", readme),
    ];
    write_all_or_nothing(dir, &files)?;
    let shown = dir.display().to_string();
    let here = dir.components().all(|c| matches!(c, Component::CurDir));
    let cd = if here {
        String::new()
    } else {
        format!("  cd {shown}\n")
    };
    Ok(format!(
        "created a site in {where_}: site.toml, content/, .gitignore, README.md and \
         .github/workflows/ (pages.yml publishes, check.yml checks pull requests)\n\
         next:\n{cd}  chunav serve\n\
         then push it to GitHub and choose Settings → Pages → Source: GitHub Actions",
        where_ = if cd.is_empty() {
            "this folder"
        } else {
            shown.as_str()
        },
    ))
}

/// Writes every file or, when one cannot be written (a full disk, no permission), removes
/// what it wrote, folders included, so that a failed `init` leaves no half a site.
fn write_all_or_nothing(dir: &Path, files: &[(&str, String)]) -> Result<(), Diagnostic> {
    let mut new_dirs: Vec<std::path::PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            new_dirs.extend(
                parent
                    .ancestors()
                    .take_while(|d| d.starts_with(dir) && d != &dir && !d.exists())
                    .map(Path::to_path_buf),
            );
        }
        if let Err(problem) = create_new(&path, text) {
            for file in &written {
                let _ = fs::remove_file(file);
            }
            // Deepest first, and only folders this run created (they are empty by now).
            new_dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
            for folder in &new_dirs {
                let _ = fs::remove_dir(folder);
            }
            return Err(problem);
        }
        written.push(path);
    }
    Ok(())
}

/// `init` never writes into a folder that holds anything but `.git`, nor over a file.
fn refuse_unless_empty(dir: &Path) -> Result<(), Diagnostic> {
    let Ok(meta) = fs::metadata(dir) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(Diagnostic::error(
            dir,
            "this is a file, not a folder; give `chunav init` the name of a new folder, e.g. `chunav init my-site`",
        ));
    }
    let entries = fs::read_dir(dir)
        .map_err(|e| Diagnostic::error(dir, format!("cannot read this folder: {e}")))?;
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".git")
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    found.sort();
    let more = found.len().saturating_sub(3);
    found.truncate(3);
    let listed = if more > 0 {
        format!("{} and {more} more", found.join(", "))
    } else {
        found.join(", ")
    };
    Err(Diagnostic::error(
        dir,
        format!(
            "this folder is not empty (it holds {listed}); `chunav init` only creates new sites: \
             give it a new folder, e.g. `chunav init my-site`"
        ),
    ))
}

/// The folder's own name, as the site's likely repository name in `base_url`.
fn site_folder_name(dir: &Path) -> String {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let name: String = absolute
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches(['-', '.']).to_string();
    if name.is_empty() {
        "my-site".to_string()
    } else {
        name
    }
}

/// The `title = "…"` of a site.toml.
fn title_of(site_toml: &str) -> String {
    site_toml
        .lines()
        .find_map(|l| l.strip_prefix("title = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or("chunav site")
        .to_string()
}

/// Writes an article skeleton at `path` (relative to the site root, under content/).
pub fn new_article(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let bad = |why: &str| Diagnostic::error(path, why.to_string());
    if !crate::content::discover::is_markdown(path) {
        return Err(bad(
            "an article is a Markdown file: give a path ending in .md, e.g. content/kanpur/result-2029.md",
        ));
    }
    if path.is_absolute() || path.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(bad(
            "give a path inside the site, relative to its root, e.g. content/kanpur/result-2029.md",
        ));
    }
    if !path.starts_with(crate::content::discover::CONTENT_DIR) {
        return Err(bad(
            "articles live under content/: e.g. content/kanpur/result-2029.md",
        ));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let title = stem.replace(['-', '_'], " ");
    refuse_links_out(root, path)?;
    create_new(&root.join(path), &skeleton(&title, &today()))?;
    Ok(format!(
        "created {} (a draft: set draft = false to publish it)",
        path.display()
    ))
}

/// The folder the article goes into, once its links are resolved, must be inside the
/// site: `content/x` linked to another folder would have `new` write outside it.
fn refuse_links_out(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let Ok(site) = root.canonicalize() else {
        return Ok(());
    };
    let mut existing = root.join(path.parent().unwrap_or(Path::new("")));
    while !existing.exists() {
        if !existing.pop() {
            return Ok(());
        }
    }
    match existing.canonicalize() {
        Ok(real) if real.starts_with(&site) => Ok(()),
        _ => Err(Diagnostic::error(
            path,
            format!(
                "{} leads outside the site (through a symbolic link); chunav new writes only inside {}",
                existing.strip_prefix(root).unwrap_or(&existing).display(),
                root.display()
            ),
        )),
    }
}

fn skeleton(title: &str, date: &str) -> String {
    format!(
        r#"+++
title = "{title}"
description = ""
date = {date}
tags = []
draft = true

# Vote data for this article. Uncomment and fill in; `chunav check` tells you what is wrong.
# [[results]]
# id = "ls2029"                     # how charts and prose refer to this result
# election = "लोकसभा 2029"
# year = 2029
# constituency = "कानपुर"
# state = "उत्तर प्रदेश"
# segments = ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"]
# source = {{ text = "भारत निर्वाचन आयोग, फ़ॉर्म 21", url = "https://results.eci.gov.in/" }}
#
# [[results.candidates]]
# name = ""
# party = "BJP"                     # a key of [parties] in site.toml; IND and NOTA always exist
# votes = 0                         # whole number, no commas
# postal = 0                        # optional: postal ballots
# by_segment = {{ "गोविंदनगर" = 0 }}  # optional: votes per assembly segment
#
# In the text below, quote figures from the data instead of typing them, e.g.
#   {{{{ results.ls2029.margin | inr }}}} वोटों से जीत
+++

Write the article here.
"#
    )
}

fn create_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::error(parent, format!("cannot create folder: {e}")))?;
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Diagnostic::error(
                    path,
                    "already exists; chunav never overwrites a file, choose another name",
                )
            } else {
                Diagnostic::error(path, format!("cannot create: {e}"))
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Diagnostic::error(path, format!("cannot write: {e}")))
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The project's address is written once, in Cargo.toml; the README and docs that show
    /// it (install commands, `uses:` lines) must name the same repository.
    #[test]
    fn docs_name_the_repository_of_cargo_toml() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let own = action_ref();
        let own = own.split('@').next().unwrap();
        let mut files = vec![root.join("README.md"), root.join("action.yml")];
        for entry in fs::read_dir(root.join("docs")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for (at, _) in text.match_indices("/chunav") {
                let before = &text[..at];
                let owner_start = before
                    .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                    .map_or(0, |i| i + 1);
                let pointer = &before[..owner_start];
                if pointer.ends_with("github.com/") || pointer.ends_with("uses: ") {
                    let named = &text[owner_start..at + "/chunav".len()];
                    assert_eq!(named, own, "{} names {named}", file.display());
                }
            }
        }
    }

    #[test]
    fn a_failed_init_leaves_nothing_behind() {
        let base = std::env::temp_dir().join(format!("chunav-init-undo-{}", std::process::id()));
        let dir = base.join("new-site");
        let files = [
            ("site.toml", "title = \"x\"\n".to_string()),
            ("content/a.md", "a".to_string()),
            (
                "content/deeper/b\0.md",
                "a NUL cannot be in a file name".to_string(),
            ),
        ];
        fs::create_dir_all(&base).unwrap();
        assert!(write_all_or_nothing(&dir, &files).is_err());
        assert!(!dir.exists(), "the new folder is gone again");
        assert!(base.exists(), "folders that were there stay");
        let _ = fs::remove_dir_all(&base);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_879), (2024, 6, 5));
    }
}
