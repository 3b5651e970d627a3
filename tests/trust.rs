//! Editors' trust: official results written up correctly raise no warning, and planted
//! mistakes of every kind are each caught with the right message, file and line.
//!
//! `fixtures/trust/clean` holds official figures (Kanpur 2019 and 2024, five seats of
//! 2024 typed from ECI's constituency-wise results) and articles quoting them in every
//! form an editor uses. `fixtures/trust/planted` adds articles and data with mistakes;
//! each mistake carries its expected message on its own line, as `{! expect: … !}` in
//! prose (a prose comment readers never see) or `# expect: …` in TOML.

mod common;

use common::Site;
use std::path::Path;

/// A diagnostic line of `chunav check`: (file, line, message).
fn diagnostics(stderr: &str) -> Vec<(String, usize, String)> {
    stderr
        .lines()
        .filter_map(|l| {
            l.strip_prefix("warning: ")
                .or_else(|| l.strip_prefix("error: "))
        })
        .filter_map(|rest| {
            let (file, rest) = rest.split_once(':')?;
            let (line, message) = rest.split_once(": ")?;
            Some((file.to_string(), line.parse().ok()?, message.to_string()))
        })
        .collect()
}

/// Every `expect:` mark under `dir`: (file relative to the site, line, message fragment).
fn expectations(dir: &Path, site_dir: &Path) -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    for entry in walk(dir) {
        let text = std::fs::read_to_string(&entry).unwrap();
        let rel = entry
            .strip_prefix(site_dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for (i, line) in text.lines().enumerate() {
            let fragment = line
                .split_once("{! expect: ")
                .map(|(_, f)| f.trim_end().trim_end_matches("!}").trim())
                .or_else(|| line.split_once("# expect: ").map(|(_, f)| f.trim()));
            if let Some(fragment) = fragment {
                out.push((rel.clone(), i + 1, fragment.to_string()));
            }
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trust")
}

#[test]
fn official_figures_written_up_correctly_raise_no_warning() {
    let site = Site::fixture("trust/clean");
    let run = site.ok(&["check", "--strict"]);
    let found = diagnostics(&run.stderr);
    assert!(found.is_empty(), "false alarms: {found:#?}");
}

#[test]
fn planted_mistakes_are_each_caught_with_message_file_and_line() {
    let site = Site::fixture("trust/clean");
    for rel in walk(&site.root.join("content")) {
        std::fs::remove_file(rel).unwrap();
    }
    let planted = fixtures().join("planted");
    for file in walk(&planted) {
        let rel = file
            .strip_prefix(&planted)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        site.write(&rel, &std::fs::read_to_string(&file).unwrap());
    }
    let expected = expectations(&planted, &planted);
    assert!(
        expected.len() >= 60,
        "only {} planted mistakes",
        expected.len()
    );
    let run = site.run(&["check"]);
    let found = diagnostics(&run.stderr);
    let missed: Vec<_> = expected
        .iter()
        .filter(|(file, line, fragment)| {
            !found
                .iter()
                .any(|(f, l, m)| f == file && l == line && m.contains(fragment.as_str()))
        })
        .collect();
    let unexpected: Vec<_> = found
        .iter()
        .filter(|(f, l, _)| {
            !expected
                .iter()
                .any(|(file, line, _)| file == f && line == l)
        })
        .collect();
    eprintln!(
        "planted mistakes caught: {} of {}",
        expected.len() - missed.len(),
        expected.len()
    );
    assert!(
        missed.is_empty() && unexpected.is_empty(),
        "missed: {missed:#?}\nunexpected: {unexpected:#?}\nall found: {found:#?}"
    );
}
