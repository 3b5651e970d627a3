//! Every figure `chunav import` wrote stays tied to its source row. On each check this
//! re-reads the recorded source files that are present, puts the seat together again from
//! the recorded rows, and reports every figure of the data that no longer matches it, with
//! the line in the TOML and the line in the CSV. A source whose SHA-256 changed since the
//! import is reported too. A recorded file that is absent (not kept beside the site) leaves
//! nothing to compare with: one info line per such file says how many results went
//! unchecked. Results in data/ and in front matter alike.

use super::assemble::{Assembler, ImportedCandidate, ImportedSeat};
use super::layout::{Format, Records};
use super::parties::PartyMap;
use super::write::parse_line_ranges;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::election::DataStore;
use crate::election::count::printable;
use crate::election::model::{ImportedInput, ResultInput};
use crate::numfmt::inr_unsigned;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Checks the provenance of every imported result in data/.
pub fn check(root: &Path, data: &DataStore, config: &SiteConfig) -> Vec<Diagnostic> {
    let mut checker = Checker::new(root, config);
    for (file, lines, results) in data.files() {
        checker.check_file(file, lines, results);
    }
    checker.finish()
}

/// Checks the imported results of one page's front matter (an import printed to stdout
/// and pasted into an article).
pub fn check_page(
    root: &Path,
    file: &Path,
    lines: &LineIndex,
    results: &[ResultInput],
    config: &SiteConfig,
) -> Vec<Diagnostic> {
    if results.iter().all(|r| r.imported.is_empty()) {
        return Vec::new();
    }
    let mut checker = Checker::new(root, config);
    checker.check_file(file, lines, results);
    checker.finish()
}

struct Checker<'a> {
    root: &'a Path,
    parties: PartyMap,
    sources: SourceCache,
    diagnostics: Vec<Diagnostic>,
    /// Recorded source files that are not there: file → (the first data file and line
    /// citing it, how many results cite it).
    absent: std::collections::BTreeMap<String, (PathBuf, usize, usize)>,
}

impl<'a> Checker<'a> {
    fn new(root: &'a Path, config: &SiteConfig) -> Self {
        Checker {
            root,
            parties: PartyMap::new(config),
            sources: SourceCache::default(),
            diagnostics: Vec::new(),
            absent: std::collections::BTreeMap::new(),
        }
    }

    /// The problems found, and one info line per absent source file.
    fn finish(mut self) -> Vec<Diagnostic> {
        for (source, (file, line, results)) in &self.absent {
            let what = if *results == 1 {
                "the result imported from it was".to_string()
            } else {
                format!("the {results} results imported from it were")
            };
            self.diagnostics.push(
                Diagnostic::info(
                    file,
                    format!(
                        "the source file {source} recorded here is not in the site, so {what} not compared with it; keep it where `chunav import` read it to have them checked on every build"
                    ),
                )
                .at_line(*line),
            );
        }
        self.diagnostics
    }

    fn check_file(&mut self, file: &Path, lines: &LineIndex, results: &[ResultInput]) {
        for (i, result) in results.iter().enumerate() {
            if result.imported.is_empty() {
                continue;
            }
            let mut at = ResultPlace {
                file,
                lines,
                index: i,
                diagnostics: &mut self.diagnostics,
            };
            at.check_result(self.root, result, &self.parties, &mut self.sources);
            for entry in &result.imported {
                let recorded = entry.get_ref();
                if Format::from_name(&recorded.format).is_none()
                    || self.root.join(&recorded.file).is_file()
                {
                    continue;
                }
                let line = lines.line_of(entry.span().start);
                self.absent
                    .entry(recorded.file.clone())
                    .or_insert_with(|| (file.to_path_buf(), line, 0))
                    .2 += 1;
            }
        }
    }
}

/// Each source file is read and parsed once per check, however many results cite it.
#[derive(Default)]
struct SourceCache {
    files: HashMap<(PathBuf, &'static str), Option<Result<Parsed, Diagnostic>>>,
}

struct Parsed {
    sha256: String,
    records: Records,
}

impl SourceCache {
    /// Reads and parses `path` unless done already; an absent file is remembered as such.
    fn load(&mut self, path: &Path, format: Format) {
        self.files
            .entry((path.to_path_buf(), format.name()))
            .or_insert_with(|| {
                let bytes = std::fs::read(path).ok()?;
                Some(
                    super::parse(path, &bytes, Some(format)).map(|(records, _)| Parsed {
                        sha256: super::sha256_hex(&bytes),
                        records,
                    }),
                )
            });
    }

    /// `None` when the file is absent (or was not loaded).
    fn get(&self, path: &Path, format: Format) -> Option<&Result<Parsed, Diagnostic>> {
        self.files
            .get(&(path.to_path_buf(), format.name()))?
            .as_ref()
    }
}

/// A candidate's figure as typed and as its source row gives it.
struct Figure<'a> {
    key: &'static str,
    given: &'a Option<Spanned<toml::Value>>,
    source: Option<u64>,
    /// Whether a figure typed here that the source lacks is a mistake.
    extra_is_wrong: bool,
}

struct ResultPlace<'a> {
    file: &'a Path,
    lines: &'a LineIndex,
    index: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl ResultPlace<'_> {
    fn push<T>(&mut self, error: bool, spanned: &Spanned<T>, field: String, message: String) {
        let d = if error {
            Diagnostic::error(self.file, message)
        } else {
            Diagnostic::warning(self.file, message)
        };
        self.diagnostics.push(
            d.at_line(self.lines.line_of(spanned.span().start))
                .with_field(field),
        );
    }

    fn check_result(
        &mut self,
        root: &Path,
        result: &ResultInput,
        parties: &PartyMap,
        sources: &mut SourceCache,
    ) {
        let mut candidate_rows = None;
        let mut segment_rows = None;
        let mut segment_numbers = Vec::new();
        let mut shown = (PathBuf::new(), None::<PathBuf>);
        for entry in &result.imported {
            if let Some(format) = Format::from_name(&entry.get_ref().format) {
                sources.load(&root.join(&entry.get_ref().file), format);
            }
        }
        let sources = &*sources;
        for (k, entry) in result.imported.iter().enumerate() {
            let field = format!("results[{}].imported[{k}]", self.index);
            let recorded = entry.get_ref();
            let Some(format) = Format::from_name(&recorded.format) else {
                self.push(
                    true,
                    entry,
                    field,
                    format!("format \"{}\" is not one chunav reads", recorded.format),
                );
                return;
            };
            let path = root.join(&recorded.file);
            let Some(parsed) = sources.get(&path, format) else {
                continue;
            };
            let parsed = match parsed {
                Ok(parsed) => parsed,
                Err(d) => {
                    self.push(
                        true,
                        entry,
                        field,
                        format!(
                            "the recorded source {} no longer reads: {}",
                            recorded.file, d
                        ),
                    );
                    return;
                }
            };
            if parsed.sha256 != recorded.sha256 {
                self.push(
                    false,
                    entry,
                    field.clone(),
                    format!(
                        "{} has changed since the import (SHA-256 was {}…, now {}…); its figures are compared as the file is now: import again to take them",
                        recorded.file,
                        short(&recorded.sha256),
                        short(&parsed.sha256)
                    ),
                );
            }
            let Some(lines) = parse_line_ranges(&recorded.rows) else {
                self.push(
                    true,
                    entry,
                    field,
                    format!(
                        "rows \"{}\" is not a list of lines such as \"2-13,20\"",
                        recorded.rows
                    ),
                );
                return;
            };
            let wanted: BTreeSet<usize> = lines.iter().copied().collect();
            let source_path = PathBuf::from(&recorded.file);
            match &parsed.records {
                Records::Candidates(rows) => {
                    let picked: Vec<_> = rows.iter().filter(|r| wanted.contains(&r.line)).collect();
                    if !self.rows_complete(
                        entry,
                        &field,
                        recorded,
                        &wanted,
                        picked.iter().map(|r| r.line),
                    ) {
                        return;
                    }
                    if let Some(row) = picked.iter().find(|r| {
                        !r.is_total_row
                            && r.seat != Default::default()
                            && r.seat.label() != recorded.seat
                    }) {
                        self.push(
                            true,
                            entry,
                            field,
                            format!("line {} of {} now holds {}, not {}; the file's rows have moved: import again", row.line, recorded.file, row.seat.label(), recorded.seat),
                        );
                        return;
                    }
                    shown.0 = source_path;
                    candidate_rows = Some(picked);
                }
                Records::Segments(rows) => {
                    let picked: Vec<_> = rows.iter().filter(|r| wanted.contains(&r.line)).collect();
                    if !self.rows_complete(
                        entry,
                        &field,
                        recorded,
                        &wanted,
                        picked.iter().map(|r| r.line),
                    ) {
                        return;
                    }
                    shown.1 = Some(source_path);
                    segment_rows = Some(picked);
                    segment_numbers = recorded.segments.clone();
                }
            }
        }
        // A segment file imported alone gave the candidates too. (When a constituency
        // file was recorded but is absent, there is nothing to put the seat together
        // from: the segment file alone has no totals to compare.)
        let segments_alone = result
            .imported
            .iter()
            .all(|e| Format::from_name(&e.get_ref().format).is_some_and(Format::is_segments));
        let synthesized;
        let candidate_rows = match (candidate_rows, &segment_rows, &shown.1) {
            (Some(rows), _, _) => rows,
            (None, Some(rows), Some(file)) if segments_alone => {
                let rows: Vec<_> = rows.iter().map(|r| (*r).clone()).collect();
                match super::assemble::candidates_from_segments(file, &rows) {
                    Ok(rows) => synthesized = rows,
                    Err(d) => {
                        self.diagnostics.push(d);
                        return;
                    }
                }
                shown.0 = file.clone();
                synthesized.iter().collect()
            }
            _ => return,
        };
        let (rows, totals): (Vec<_>, Vec<_>) =
            candidate_rows.into_iter().partition(|r| !r.is_total_row);
        if rows.is_empty() {
            return;
        }
        let assembler = Assembler {
            path: &shown.0,
            segment_path: shown.1.as_deref(),
            parties,
        };
        let segment_rows = segment_rows.unwrap_or_default();
        match assembler.seat(&rows, &totals, &segment_rows) {
            Ok(seat) => self.compare(
                result,
                &seat,
                &shown.0,
                shown.1.as_deref(),
                &segment_numbers,
            ),
            Err(problems) => self.diagnostics.extend(problems),
        }
    }

    /// Every recorded line must still be a data row of the file.
    fn rows_complete(
        &mut self,
        entry: &Spanned<ImportedInput>,
        field: &str,
        recorded: &ImportedInput,
        wanted: &BTreeSet<usize>,
        found: impl Iterator<Item = usize>,
    ) -> bool {
        let found: BTreeSet<usize> = found.collect();
        let Some(missing) = wanted.difference(&found).next() else {
            return true;
        };
        self.push(
            true,
            entry,
            field.to_string(),
            format!("line {missing} of {} is no longer a row of candidates; the file has changed shape: import again", recorded.file),
        );
        false
    }

    fn compare(
        &mut self,
        result: &ResultInput,
        seat: &ImportedSeat,
        file: &Path,
        segment_file: Option<&Path>,
        segment_numbers: &[u32],
    ) {
        let path = format!("results[{}]", self.index);
        if result.uncontested != seat.uncontested {
            let message = if seat.uncontested {
                "the source shows this seat as won unopposed (every figure -); set uncontested = true"
            } else {
                "uncontested = true, but the source has votes for this seat"
            };
            self.push(
                true,
                &result.id,
                format!("{path}.uncontested"),
                message.to_string(),
            );
        }
        if let (Some(electors), Some(source)) = (&result.electors, seat.electors)
            && let Some(n) = electors.get_ref().as_integer()
            && n != source as i64
        {
            let message = differs(n, source, file, seat.candidate_lines[0], None);
            self.push(true, electors, format!("{path}.electors"), message);
        }
        let segments: Vec<String> = result
            .segments
            .as_ref()
            .map(|s| {
                s.get_ref()
                    .iter()
                    .map(|n| n.get_ref().name.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        // For each source row, the candidate of this result matched to it.
        let mut used: Vec<Option<usize>> = vec![None; seat.candidates.len()];
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (j, candidate) in result.candidates.iter().enumerate() {
            let cpath = format!("{path}.candidates[{j}]");
            let input = candidate.get_ref();
            let party = input.party.get_ref().trim().to_string();
            let k = seen.entry(party.clone()).or_default();
            let matched = seat
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.party == party)
                .nth(*k);
            *k += 1;
            let Some((at, source)) = matched else {
                let message = format!(
                    "the source rows have no {} {party} candidate for this one; a candidate is matched by party and position, and the import wrote them in the file's order",
                    ordinal(*seen.get(&party).unwrap_or(&1))
                );
                self.push(true, &input.party, format!("{cpath}.party"), message);
                continue;
            };
            used[at] = Some(j);
            // Votes that are another party's row exactly: the party codes were swapped
            // (the row is found by party, so every figure would differ otherwise).
            let votes_here = input.votes.as_ref().and_then(|v| v.get_ref().as_integer());
            let postal_here = input.postal.as_ref().and_then(|v| v.get_ref().as_integer());
            let same_figures = |c: &ImportedCandidate| {
                votes_here.is_some()
                    && votes_here == c.votes.map(|n| n as i64)
                    && (postal_here.is_none() || postal_here == c.postal.map(|n| n as i64))
            };
            if !same_figures(source)
                && let Some(other) = seat
                    .candidates
                    .iter()
                    .find(|c| c.party != party && same_figures(c))
            {
                let message = format!(
                    "the party is {party} here, but the source row with these votes ({}:{}: {}, {}, {} votes) is {}; party codes look swapped — check `party` (a candidate is matched to its source row by party)",
                    file.display(),
                    other.line,
                    other.name,
                    other.source_party,
                    inr_unsigned(votes_here.unwrap_or_default().unsigned_abs()),
                    other.party
                );
                self.push(true, &input.party, format!("{cpath}.party"), message);
                continue;
            }
            let view = SourceView {
                file,
                segment_file,
                segments: &segments,
                segment_numbers,
                seat,
            };
            self.compare_candidate(&cpath, input, source, &view);
        }
        for (at, c) in seat.candidates.iter().enumerate() {
            if used[at].is_some() {
                continue;
            }
            // Told where its table stood: before the candidate of the next source row
            // that is here (after the one before it, for the last row).
            let next = used[at + 1..]
                .iter()
                .flatten()
                .next()
                .map(|j| (*j, "before"));
            let previous = used[..at]
                .iter()
                .rev()
                .flatten()
                .next()
                .map(|j| (*j, "after"));
            let votes = c
                .votes
                .map(|v| format!(" ({} votes)", inr_unsigned(v)))
                .unwrap_or_default();
            let what = format!(
                "{} ({}) at {}:{} is in the source but not in this result{votes}",
                c.name,
                c.source_party,
                file.display(),
                c.line
            );
            match next.or(previous) {
                Some((j, side)) => {
                    let neighbour = &result.candidates[j].get_ref().name;
                    let message = format!(
                        "{what}: its [[results.candidates]] table stood {side} \"{}\"'s; put it back, since every total, share and rank of this result leaves it out",
                        printable(neighbour.get_ref())
                    );
                    self.push(true, neighbour, format!("{path}.candidates"), message);
                }
                None => self.push(true, &result.id, format!("{path}.candidates"), what),
            }
        }
    }

    /// One figure of a candidate (`name`) against the source row: differing, missing
    /// here, or given here with nothing in the source.
    fn compare_figure(
        &mut self,
        cpath: &str,
        name: &Spanned<String>,
        figure: Figure<'_>,
        (file, line, who): (&Path, usize, &str),
    ) {
        let Figure {
            key,
            given,
            source,
            extra_is_wrong,
        } = figure;
        let field = format!("{cpath}.{key}");
        match (given, source) {
            (Some(given), Some(n)) => {
                if let Some(v) = given.get_ref().as_integer()
                    && v != n as i64
                {
                    let message = differs(v, n, file, line, Some(who));
                    self.push(true, given, field, message);
                }
            }
            (None, Some(n)) => self.push(
                true,
                name,
                field,
                format!(
                    "{key} is missing here but {}:{line} gives {} ({who})",
                    file.display(),
                    inr_unsigned(n)
                ),
            ),
            (Some(given), None) if extra_is_wrong => self.push(
                true,
                given,
                field,
                format!(
                    "{key} is given here but {}:{line} has no {key} figure ({who})",
                    file.display(),
                ),
            ),
            _ => {}
        }
    }

    fn compare_candidate(
        &mut self,
        cpath: &str,
        input: &crate::election::model::CandidateInput,
        source: &ImportedCandidate,
        view: &SourceView,
    ) {
        let SourceView {
            file,
            segment_file,
            segments,
            segment_numbers,
            seat,
        } = *view;
        let who = format!("{}, {}", source.name, source.source_party);
        let place = (file, source.line, who.as_str());
        // A source with no votes column leaves votes unchecked; one with no postal
        // column says the typed postal figure has nothing behind it.
        let votes = Figure {
            key: "votes",
            given: &input.votes,
            source: source.votes,
            extra_is_wrong: false,
        };
        let postal = Figure {
            key: "postal",
            given: &input.postal,
            source: source.postal,
            extra_is_wrong: true,
        };
        for figure in [votes, postal] {
            self.compare_figure(cpath, &input.name, figure, place);
        }
        let Some(segment_file) = segment_file else {
            return;
        };
        let given = input.by_segment.as_ref().map(|m| m.get_ref());
        for (index, name) in segments.iter().enumerate() {
            let Some(number) = segment_numbers.get(index) else {
                continue;
            };
            let Some(s) = seat.segments.iter().position(|(n, _)| n == number) else {
                continue;
            };
            let expected = source.by_segment.get(s).copied().flatten();
            let line = source.segment_lines.get(s).copied().flatten();
            let written = given.and_then(|m| m.iter().find(|(k, _)| k.get_ref().trim() == name));
            let field = format!("{cpath}.by_segment[\"{name}\"]");
            match (written, expected, line) {
                (Some((_, value)), Some(n), Some(line)) => {
                    if let Some(v) = value.get_ref().as_integer()
                        && v != n as i64
                    {
                        let message = differs(v, n, segment_file, line, Some(&format!("{who}, segment {number}")));
                        self.push(true, value, field, message);
                    }
                }
                (None, Some(n), Some(line)) => self.push(
                    true,
                    &input.name,
                    field,
                    format!("no figure for {name} here but {}:{line} gives {} ({who})", segment_file.display(), inr_unsigned(n)),
                ),
                (Some((key, _)), None, _) => self.push(
                    true,
                    key,
                    field,
                    format!("the segment file has no figure of its own for this candidate in segment {number} ({who}); remove it"),
                ),
                _ => {}
            }
        }
    }
}

/// The seat as its sources give it, and how the result's segments map onto them.
#[derive(Clone, Copy)]
struct SourceView<'a> {
    file: &'a Path,
    segment_file: Option<&'a Path>,
    /// The result's segment names, in its order.
    segments: &'a [String],
    /// The segment number of each of `segments`, as recorded at import.
    segment_numbers: &'a [u32],
    seat: &'a ImportedSeat,
}

fn differs(here: i64, source: u64, file: &Path, line: usize, who: Option<&str>) -> String {
    let here = if here < 0 {
        here.to_string()
    } else {
        inr_unsigned(here as u64)
    };
    let who = who.map(|w| format!(" ({w})")).unwrap_or_default();
    format!(
        "{here} here but {} in {}:{line}{who}; an imported figure must match its source row: correct it or import again",
        inr_unsigned(source),
        file.display()
    )
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

fn ordinal(n: usize) -> String {
    match n {
        1 => "1st".to_string(),
        2 => "2nd".to_string(),
        3 => "3rd".to_string(),
        n => format!("{n}th"),
    }
}
