//! `chunav init` and `chunav new`: files a newcomer starts from. Neither overwrites anything.

use crate::diagnostics::Diagnostic;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Component, Path};

const SITE_TOML: &str = include_str!("site.toml");
const HOME: &str = include_str!("_index.md");
const ARTICLE: &str = include_str!("article.md");

/// Creates a small site in `dir`: site.toml, a home page and one article with data.
pub fn init(dir: &Path) -> Result<String, Diagnostic> {
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::error(
            dir,
            "this folder exists and is not empty; `chunav init` only creates new sites",
        ));
    }
    let files = [
        ("site.toml", SITE_TOML),
        ("content/_index.md", HOME),
        ("content/kanpur-2024.md", ARTICLE),
    ];
    for (rel, text) in files {
        create_new(&dir.join(rel), text)?;
    }
    Ok(format!(
        "created a site in {0}\nnext: chunav --root {0} build, then open {0}/public/index.html",
        dir.display()
    ))
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

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_879), (2024, 6, 5));
    }
}
