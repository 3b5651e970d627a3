//! Shared results in `data/*.toml`, which pages pull in with `data = ["ls2024", …]`.

use super::check::ResultChecker;
use super::count::printable;
use super::model::{DataFileInput, ResultInput};
use super::result::{ElectionResult, Place};
use crate::diagnostics::{Diagnostic, LineIndex};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The parsed results of all data files, by id. Ids are unique across data/: a repeated
/// id is reported and its later definitions are ignored.
#[derive(Debug, Clone, Default)]
pub struct DataStore {
    files: Vec<DataFile>,
    /// id → (index into `files`, index into that file's results)
    ids: BTreeMap<String, (usize, usize)>,
}

#[derive(Debug, Clone)]
struct DataFile {
    /// Relative to the site root, e.g. `data/kanpur.toml`.
    path: PathBuf,
    lines: LineIndex,
    results: Vec<ResultInput>,
}

/// Reads every `*.toml` under `root/data` (in sorted order, so output is deterministic).
/// A site without data/ has an empty store. Other files there (CSV, notes) are ignored.
pub fn load_data_dir(root: &Path) -> (DataStore, Vec<Diagnostic>) {
    let dir = root.join("data");
    if !dir.is_dir() {
        return (DataStore::default(), Vec::new());
    }
    let mut diagnostics = Vec::new();
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(&dir);
                let relative = path.strip_prefix(root).unwrap_or(path);
                diagnostics.push(Diagnostic::error(relative, format!("cannot read: {err}")));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push((relative, text)),
            Err(err) => {
                diagnostics.push(Diagnostic::error(&relative, format!("cannot read: {err}")))
            }
        }
    }
    let (store, parse_diagnostics) = DataStore::parse(texts);
    diagnostics.extend(parse_diagnostics);
    (store, diagnostics)
}

impl DataStore {
    /// Builds a store from (relative path, file text) pairs.
    pub fn parse(
        files: impl IntoIterator<Item = (PathBuf, String)>,
    ) -> (DataStore, Vec<Diagnostic>) {
        let mut store = DataStore::default();
        let mut diagnostics = Vec::new();
        for (path, text) in files {
            let lines = LineIndex::new(&text, 1);
            let parsed: DataFileInput = match toml::from_str(&text) {
                Ok(parsed) => parsed,
                Err(err) => {
                    let mut diagnostic = Diagnostic::error(&path, err.message().trim().to_string());
                    if let Some(span) = err.span() {
                        diagnostic = diagnostic.at_line(lines.line_of(span.start));
                    }
                    diagnostics.push(diagnostic);
                    continue;
                }
            };
            let file_index = store.files.len();
            for (i, result) in parsed.results.iter().enumerate() {
                let id = result.id.get_ref().trim().to_string();
                let line = lines.line_of(result.id.span().start);
                if let Some(&(f, r)) = store.ids.get(&id) {
                    let first = &store.files[f];
                    let first_line = first.lines.line_of(first.results[r].id.span().start);
                    diagnostics.push(
                        Diagnostic::error(
                            &path,
                            format!(
                                "result id \"{}\" is also defined at {}:{first_line}; ids must be unique across data/",
                                printable(&id),
                                first.path.display()
                            ),
                        )
                        .at_line(line)
                        .with_field(format!("results[{i}].id")),
                    );
                } else {
                    store.ids.insert(id, (file_index, i));
                }
            }
            store.files.push(DataFile {
                path,
                lines,
                results: parsed.results,
            });
        }
        (store, diagnostics)
    }

    /// The ids of all data results, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(String::as_str)
    }

    /// Checks every data result once, whether or not a page uses it.
    pub fn check(&self, parties: &BTreeSet<String>) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for file in &self.files {
            let mut checker = ResultChecker::new(&file.path, &file.lines, parties);
            for (i, input) in file.results.iter().enumerate() {
                checker.check_result(i, input);
            }
            diagnostics.extend(checker.diagnostics);
        }
        diagnostics
    }

    /// The checked result `id`, without its diagnostics (those come from [`Self::check`]).
    pub fn checked(&self, id: &str, parties: &BTreeSet<String>) -> Option<ElectionResult> {
        let &(f, r) = self.ids.get(id)?;
        let file = &self.files[f];
        let mut checker = ResultChecker::new(&file.path, &file.lines, parties);
        Some(checker.check_result(r, &file.results[r]))
    }

    /// Where result `id` is defined.
    pub fn place_of(&self, id: &str) -> Option<Place> {
        let &(f, r) = self.ids.get(id)?;
        let file = &self.files[f];
        Some(Place {
            file: file.path.clone(),
            line: file.lines.line_of(file.results[r].id.span().start),
            field: format!("results[{r}].id"),
        })
    }
}
