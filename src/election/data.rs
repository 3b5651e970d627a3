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
            Ok(text) => {
                // Control characters in a name break feeds, SVG and share cards.
                diagnostics.extend(crate::content::text_check::check_front_matter(
                    &relative, &text, 1,
                ));
                texts.push((relative, text))
            }
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
                    diagnostics.push(crate::toml_errors::to_diagnostic(
                        &path, &text, &lines, &err,
                    ));
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

    /// Every data file as written: its path, line index and parsed results, for checks
    /// that compare the input with something outside the site (import provenance).
    pub fn files(&self) -> impl Iterator<Item = (&Path, &LineIndex, &[ResultInput])> {
        self.files
            .iter()
            .map(|f| (f.path.as_path(), &f.lines, f.results.as_slice()))
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

    /// Every data result (the first of a repeated id), checked and derived, with alliance
    /// figures: what seat tallies count besides the pages' own results.
    pub fn all_figures(
        &self,
        parties: &BTreeSet<String>,
        alliances: &super::compare::Alliances,
    ) -> Vec<super::derive::ResultFigures> {
        let mut figures: Vec<super::derive::ResultFigures> = self
            .ids
            .keys()
            .filter_map(|id| self.checked(id, parties))
            .map(|r| super::derive::derive(&r))
            .collect();
        super::compare::fill_alliances(&mut figures, alliances);
        figures
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::testutil::{
        KANPUR_2019, KANPUR_2024, check_with_data, only, parties, shown,
    };

    fn store(files: &[(&str, &str)]) -> (DataStore, Vec<Diagnostic>) {
        DataStore::parse(files.iter().map(|(p, t)| (PathBuf::from(p), t.to_string())))
    }

    #[test]
    fn pages_pull_results_from_data() {
        let (data, diagnostics) = store(&[
            ("data/kanpur-2019.toml", KANPUR_2019),
            ("data/kanpur-2024.toml", KANPUR_2024),
        ]);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        assert!(data.check(&parties()).is_empty());
        assert_eq!(data.ids().collect::<Vec<_>>(), ["ls2019", "ls2024"]);
        let (page, diagnostics) = check_with_data("data = [\"ls2019\", \"ls2024\"]\n", &data);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        let ls2024 = page.find_result("ls2024").expect("pulled in");
        assert_eq!(ls2024.margin, Some(20968));
        assert_eq!(ls2024.changes["ls2019"]["INC"].share_points, 10.43);
        assert_eq!(
            ls2024.result.place.file,
            PathBuf::from("data/kanpur-2024.toml")
        );
        assert_eq!(ls2024.result.place.line, 7);
    }

    #[test]
    fn unknown_and_repeated_refs_are_errors() {
        let (data, _) = store(&[
            ("data/kanpur-2019.toml", KANPUR_2019),
            ("data/kanpur-2024.toml", KANPUR_2024),
        ]);
        let (_, diagnostics) =
            check_with_data("data = [\"ls2025\", \"ls2019\", \"ls2019\"]\n", &data);
        assert_eq!(
            shown(&diagnostics),
            [
                "error: content/kanpur.md:2: data[0]: no result \"ls2025\" in data/; available: ls2019, ls2024; did you mean \"ls2024\"?",
                "error: content/kanpur.md:2: data[2]: data lists \"ls2019\" twice",
            ]
        );
        let (_, diagnostics) = check_with_data("data = [\"ls2024\"]\n", &DataStore::default());
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:2: data[0]: no result \"ls2024\" in data/: the site has no data/*.toml results"
        );
    }

    #[test]
    fn a_page_result_and_a_data_result_with_one_id_clash() {
        let (data, _) = store(&[("data/kanpur-2024.toml", KANPUR_2024)]);
        let page = format!("data = [\"ls2024\"]\n{KANPUR_2024}");
        let (results, diagnostics) = check_with_data(&page, &data);
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:2: data[0]: result id \"ls2024\" is used twice on this page: in [[results]] at line 9 and in data/kanpur-2024.toml:7; rename one or drop it from data"
        );
        assert_eq!(results.len(), 1);
    }

    #[test]
    fn ids_repeat_neither_on_a_page_nor_across_data() {
        let (_, diagnostics) =
            crate::election::testutil::check(&format!("{KANPUR_2024}\n{KANPUR_2024}"));
        assert_eq!(
            only(&diagnostics),
            "error: content/kanpur.md:101: results[1].id: result id \"ls2024\" is used twice on this page (first at line 8)"
        );
        let (data, diagnostics) =
            store(&[("data/a.toml", KANPUR_2024), ("data/b.toml", KANPUR_2024)]);
        assert_eq!(
            only(&diagnostics),
            "error: data/b.toml:7: results[0].id: result id \"ls2024\" is also defined at data/a.toml:7; ids must be unique across data/"
        );
        assert_eq!(data.ids().count(), 1);
    }

    #[test]
    fn data_files_are_checked_once_with_their_own_lines() {
        let broken = KANPUR_2024.replace("votes = 422087", "votes = \"4,22,087\"");
        let (data, _) = store(&[("data/kanpur.toml", &broken)]);
        assert_eq!(
            only(&data.check(&parties())),
            "error: data/kanpur.toml:25: results[0].candidates[1].votes: expected a whole number, found \"4,22,087\"; write 422087 without commas or quotes"
        );
        // The page that pulls it in does not repeat the data file's problem.
        let (_, diagnostics) = check_with_data("data = [\"ls2024\"]\n", &data);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let (data, diagnostics) =
            store(&[("data/bad.toml", "[[results]]\nid = \"x\"\nyear = 20 24\n")]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].file, PathBuf::from("data/bad.toml"));
        assert_eq!(diagnostics[0].line, Some(3));
        assert_eq!(data.ids().count(), 0);
        let (_, diagnostics) = store(&[(
            "data/extra.toml",
            "[[results]]\nid = \"x\"\nelection = \"e\"\nyear = 2024\nconstituency = \"c\"\ncolour = 1\n",
        )]);
        assert!(
            only(&diagnostics)
                .starts_with("error: data/extra.toml:6: results[0].colour: unknown key `colour`"),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn load_data_dir_reads_toml_files_in_order() {
        let root = std::env::temp_dir().join(format!("chunav-data-test-{}", std::process::id()));
        let dir = root.join("data");
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("b.toml"), KANPUR_2024).expect("write");
        std::fs::write(dir.join("a.toml"), KANPUR_2019).expect("write");
        std::fs::write(dir.join("notes.csv"), "not,toml\n").expect("write");
        let (data, diagnostics) = load_data_dir(&root);
        let _ = std::fs::remove_dir_all(&root);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        assert_eq!(
            data.place_of("ls2019").map(|p| p.short()),
            Some("data/a.toml:9".to_string())
        );
        assert_eq!(
            data.place_of("ls2024").map(|p| p.short()),
            Some("data/b.toml:7".to_string())
        );
        let (empty, diagnostics) = load_data_dir(Path::new("/nonexistent-chunav-site"));
        assert!(diagnostics.is_empty());
        assert_eq!(empty.ids().count(), 0);
    }
}
