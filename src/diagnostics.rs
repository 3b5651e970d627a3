//! Problems found in a site, collected across the whole build and shown once, for people.
//!
//! Every stage reports into a `Vec<Diagnostic>` instead of stopping at the first problem,
//! so an editor sees every mistake of a build at once. A diagnostic names the file (relative
//! to the site root), the line, the field path inside the front matter or config
//! (`results[0].candidates[1].votes`), and says what is wrong and what would be right.

use std::fmt;
use std::path::{Path, PathBuf};

/// A path as a message shows it: without a leading `./`, and `.` as "this folder", so that
/// `chunav build` says "into public", not "into ./public".
pub fn path_for_people(path: &Path) -> String {
    let rest: PathBuf = path
        .components()
        .skip_while(|c| matches!(c, std::path::Component::CurDir))
        .collect();
    if rest.as_os_str().is_empty() {
        "this folder".to_string()
    } else {
        rest.display().to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Said so that nothing happens silently (a generated page replaced by a hand-written
    /// one); never fails a build, not even with `--strict`.
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, e.g. `content/kanpur/result-2024.md`.
    pub file: PathBuf,
    /// 1-based line in `file`, when the problem has a place.
    pub line: Option<usize>,
    /// Field path such as `results[0].candidates[1].votes`, when the problem is in data.
    pub field: Option<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.as_ref().to_path_buf(),
            line: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn warning(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn info(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

/// `content/kanpur.md:12: results[0].candidates[1].votes: expected a whole number, found "4,22,087"`
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        // A problem of the whole site (named by its root, `.`) needs no file in front.
        let whole_site = self
            .file
            .components()
            .all(|c| matches!(c, std::path::Component::CurDir));
        if whole_site {
            write!(f, "{label}: ")?;
        } else {
            write!(f, "{label}: {}", self.file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            write!(f, ": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Sorts diagnostics the way a reader wants them: by file, then line, errors before
/// warnings on the same line. Sorting also makes the output deterministic although pages
/// are checked in parallel.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(order);
}

fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (
        &a.file,
        a.line,
        std::cmp::Reverse(a.severity),
        &a.field,
        &a.message,
    )
        .cmp(&(
            &b.file,
            b.line,
            std::cmp::Reverse(b.severity),
            &b.field,
            &b.message,
        ))
}

/// In `list`, sorted as `sort` leaves it: takes one of each of `gone` out and puts each
/// of `found` where sorting would, so that a few problems change without sorting them all.
pub fn replace_sorted(list: &mut Vec<Diagnostic>, gone: &[Diagnostic], found: Vec<Diagnostic>) {
    for d in gone {
        let start = list.partition_point(|x| order(x, d).is_lt());
        let same = list[start..]
            .iter()
            .take_while(|x| order(x, d).is_eq())
            .position(|x| x == d);
        if let Some(k) = same {
            list.remove(start + k);
        }
    }
    for d in found {
        let at = list.partition_point(|x| order(x, &d).is_le());
        list.insert(at, d);
    }
}

/// Maps byte offsets of a text to 1-based line numbers. Front matter is parsed on its own,
/// so `first_line` is the line of the file on which the parsed text starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    pub fn new(text: &str, first_line: usize) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            line_starts,
            first_line,
        }
    }

    /// The file line holding byte `offset` of the indexed text.
    pub fn line_of(&self, offset: usize) -> usize {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        self.first_line + idx
    }
}

/// The closest of `candidates` to `wrong`, when one is close enough to be a likely typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::normalized_levenshtein(&wrong_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_a_few_problems_gives_the_list_sorting_would() {
        let warn = |file: &str, line: usize, m: &str| Diagnostic::warning(file, m).at_line(line);
        let mut list = vec![
            warn("content/a.md", 3, "x"),
            warn("content/b.md", 1, "y"),
            warn("content/b.md", 1, "y"),
            Diagnostic::error("content/b.md", "z").at_line(7),
            warn("data/s.toml", 2, "w"),
        ];
        sort(&mut list);
        let gone = [
            warn("content/b.md", 1, "y"),
            warn("content/c.md", 1, "never there"),
        ];
        let found = vec![
            warn("content/b.md", 9, "new"),
            Diagnostic::error("content/a.md", "first").at_line(1),
        ];
        let mut want = list.clone();
        want.remove(1);
        want.extend(found.clone());
        sort(&mut want);
        replace_sorted(&mut list, &gone, found);
        assert_eq!(list, want);
    }

    #[test]
    fn paths_in_messages_have_no_stray_dots() {
        assert_eq!(path_for_people(Path::new(".")), "this folder");
        assert_eq!(path_for_people(Path::new("./public")), "public");
        assert_eq!(path_for_people(Path::new("/tmp/site")), "/tmp/site");
        let whole_site = Diagnostic::error(".", "port 1111 is already in use");
        assert_eq!(whole_site.to_string(), "error: port 1111 is already in use");
    }

    #[test]
    fn line_index_counts_from_first_line() {
        let idx = LineIndex::new("a = 1\nb = 2\n\nc = 3", 2);
        assert_eq!(idx.line_of(0), 2);
        assert_eq!(idx.line_of(6), 3);
        assert_eq!(idx.line_of(13), 5);
    }

    #[test]
    fn display_names_file_line_and_field() {
        let d = Diagnostic::error(
            "content/kanpur.md",
            "expected a whole number, found \"4,22,087\"",
        )
        .at_line(12)
        .with_field("results[0].candidates[1].votes");
        assert_eq!(
            d.to_string(),
            "error: content/kanpur.md:12: results[0].candidates[1].votes: expected a whole number, found \"4,22,087\""
        );
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("BJPP", ["BJP", "INC", "SP"]), Some("BJP"));
        assert_eq!(closest("xyz", ["BJP", "INC"]), None);
    }
}
