//! A names table: how a site shows constituencies that its data spells otherwise (an
//! import writes "KANPUR" as ECI does; a Hindi page says कानपुर). A CSV file with a
//! `constituency` column as the data writes it, an optional `state` column for names two
//! states share, and one column per page language (`hi`, `en`). Other columns (a seat
//! number, a note) are for people and ignored.
//!
//! CSV because data/ reads only `*.toml` as results: the table can live beside the data
//! it names without being taken for a result file.

use crate::config::LANGUAGES;
use crate::diagnostics::Diagnostic;
use crate::election::fold;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct NamesTable {
    /// (folded state or "", folded constituency) → language → name.
    rows: HashMap<(String, String), BTreeMap<String, String>>,
}

impl NamesTable {
    /// Reads `rel` (relative to `root`). Every problem names the file and line.
    pub fn load(root: &Path, rel: &Path) -> Result<NamesTable, Vec<Diagnostic>> {
        let bytes = std::fs::read(root.join(rel)).map_err(|e| {
            vec![Diagnostic::error(
                rel,
                format!("cannot read the names table: {e}"),
            )]
        })?;
        let records = crate::import::table::records(rel, &bytes).map_err(|d| vec![d])?;
        NamesTable::from_records(rel, &records)
    }

    fn from_records(
        file: &Path,
        records: &[crate::import::table::Row],
    ) -> Result<NamesTable, Vec<Diagnostic>> {
        let Some((header, rows)) = records.split_first() else {
            return Err(vec![Diagnostic::error(
                file,
                "the names table is empty; write a header such as `state,constituency,hi,en`",
            )]);
        };
        let column = |name: &str| {
            header
                .cells
                .iter()
                .position(|c| c.trim().eq_ignore_ascii_case(name))
        };
        let Some(constituency) = column("constituency") else {
            return Err(vec![
                Diagnostic::error(
                    file,
                    "the names table has no `constituency` column (the name as the data writes it, e.g. KANPUR)",
                )
                .at_line(header.line),
            ]);
        };
        let state = column("state");
        let languages: Vec<(&str, usize)> = LANGUAGES
            .iter()
            .filter_map(|lang| column(lang).map(|i| (*lang, i)))
            .collect();
        if languages.is_empty() {
            return Err(vec![
                Diagnostic::error(
                    file,
                    format!(
                        "the names table has no column for a page language; name one {}",
                        LANGUAGES.join(" or ")
                    ),
                )
                .at_line(header.line),
            ]);
        }
        let mut table = NamesTable::default();
        let mut first_line: HashMap<(String, String), usize> = HashMap::new();
        let mut problems = Vec::new();
        let cell = |row: &crate::import::table::Row, i: usize| {
            row.cells.get(i).map(|c| c.trim()).unwrap_or("").to_string()
        };
        for row in rows {
            let name = cell(row, constituency);
            if name.is_empty() {
                problems.push(
                    Diagnostic::error(file, "the constituency is empty on this row")
                        .at_line(row.line),
                );
                continue;
            }
            let key = (
                state.map(|i| fold::key(&cell(row, i))).unwrap_or_default(),
                fold::key(&name),
            );
            if let Some(first) = first_line.get(&key) {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!("\"{name}\" is named twice (first at line {first}); keep one row per constituency (and state)"),
                    )
                    .at_line(row.line),
                );
                continue;
            }
            first_line.insert(key.clone(), row.line);
            let names: BTreeMap<String, String> = languages
                .iter()
                .map(|(lang, i)| (lang.to_string(), cell(row, *i)))
                .filter(|(_, n)| !n.is_empty())
                .collect();
            table.rows.insert(key, names);
        }
        if problems.is_empty() {
            Ok(table)
        } else {
            Err(problems)
        }
    }

    /// The name of `constituency` (of `state`, when the row gives one) in `lang`, if the
    /// table has one.
    pub fn name(&self, state: Option<&str>, constituency: &str, lang: &str) -> Option<&str> {
        let name = fold::key(constituency);
        let in_state = state.map(|s| (fold::key(s), name.clone()));
        in_state
            .and_then(|k| self.rows.get(&k))
            .or_else(|| self.rows.get(&(String::new(), name)))
            .and_then(|names| names.get(lang))
            .map(String::as_str)
    }
}

/// A path written in `[generate]`, when it stays inside the site: relative, without `..`.
pub fn plain_path(text: &str) -> Option<PathBuf> {
    let path = Path::new(text.trim());
    let plain = !text.trim().is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    plain.then(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<NamesTable, Vec<Diagnostic>> {
        let file = Path::new("data/names.csv");
        let records = crate::import::table::records(file, text.as_bytes()).unwrap();
        NamesTable::from_records(file, &records)
    }

    #[test]
    fn names_by_state_and_constituency_in_each_language() {
        let t = table(
            "state,pc_no,constituency,hi,en\n\
             UTTAR PRADESH,43,KANPUR,कानपुर,Kanpur\n\
             BIHAR,37,AURANGABAD,औरंगाबाद,Aurangabad\n\
             ,,SURAT,सूरत,\n",
        )
        .unwrap();
        assert_eq!(t.name(Some("Uttar Pradesh"), "Kanpur", "hi"), Some("कानपुर"));
        assert_eq!(
            t.name(Some("UTTAR PRADESH"), "KANPUR", "en"),
            Some("Kanpur")
        );
        assert_eq!(t.name(Some("MAHARASHTRA"), "AURANGABAD", "hi"), None);
        assert_eq!(t.name(Some("GUJARAT"), "SURAT", "hi"), Some("सूरत"));
        // An empty cell leaves the data's own name.
        assert_eq!(t.name(Some("GUJARAT"), "SURAT", "en"), None);
    }

    #[test]
    fn problems_name_the_line() {
        let shown = |r: Result<NamesTable, Vec<Diagnostic>>| -> Vec<String> {
            r.unwrap_err().iter().map(ToString::to_string).collect()
        };
        assert_eq!(
            shown(table("state,seat,hi\nUP,KANPUR,कानपुर\n")),
            [
                "error: data/names.csv:1: the names table has no `constituency` column (the name as the data writes it, e.g. KANPUR)"
            ]
        );
        assert_eq!(
            shown(table("constituency,hi\nKANPUR,कानपुर\n,x\nkanpur,कानपुर\n")),
            [
                "error: data/names.csv:3: the constituency is empty on this row",
                "error: data/names.csv:4: \"kanpur\" is named twice (first at line 2); keep one row per constituency (and state)"
            ]
        );
    }
}
