//! One seat's result put together from its rows: candidates with total and postal votes
//! from the constituency-level file, EVM votes per assembly segment from a segment file.
//!
//! Candidates of the two files are matched by party and position (the k-th candidate of a
//! party in one is the k-th in the other), never by name: Kanpur 2024 has INC's ALOK MISRA
//! and an independent ALOK MISHRA. Segments are matched by number. Where a segment file
//! gives one row for several candidates of a party (independents summed), those candidates
//! get no segment figures and the import says so; it never invents a split.

use super::layout::{CandidateRow, Count, SeatId, SegmentRow};
use super::parties::PartyMap;
use crate::diagnostics::Diagnostic;
use crate::numfmt::inr_unsigned;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct ImportedSeat {
    pub seat: SeatId,
    pub year: Option<i64>,
    /// "SC" or "ST".
    pub reserved: Option<String>,
    pub electors: Option<u64>,
    /// Elected unopposed: every vote cell of the seat is `-`.
    pub uncontested: bool,
    /// The candidates come from a segment file alone: votes are EVM votes, no postal.
    pub evm_only: bool,
    /// Assembly segments by number, in number order.
    pub segments: Vec<(u32, String)>,
    pub candidates: Vec<ImportedCandidate>,
    /// Things an editor should know (lumped independents, missing postal ballots).
    pub notes: Vec<String>,
    /// The file's own citation for these rows, when it has a column for it.
    pub citation: Option<String>,
    /// File lines used, constituency file first.
    pub candidate_lines: Vec<usize>,
    pub segment_lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedCandidate {
    pub name: String,
    /// The site's code.
    pub party: String,
    /// The party as the file names it.
    pub source_party: String,
    /// None only when the seat is uncontested.
    pub votes: Option<u64>,
    pub postal: Option<u64>,
    /// Per segment of `ImportedSeat::segments`, where known.
    pub by_segment: Vec<Option<u64>>,
    pub line: usize,
    /// The segment file line of each `by_segment` figure.
    pub segment_lines: Vec<Option<usize>>,
}

/// Names that tell unopposed seats in ECI's tables ("… ( Uncontested )").
fn strip_uncontested(name: &str) -> (String, bool) {
    let lower = name.to_lowercase();
    match lower.find("uncontested") {
        Some(at) => {
            let cut = name[..at].trim_end().trim_end_matches('(').trim_end();
            (cut.to_string(), true)
        }
        None => (name.to_string(), false),
    }
}

pub struct Assembler<'a> {
    pub path: &'a Path,
    pub segment_path: Option<&'a Path>,
    pub parties: &'a PartyMap,
}

impl Assembler<'_> {
    fn party(
        &self,
        path: &Path,
        line: usize,
        column: usize,
        name: &str,
    ) -> Result<String, Diagnostic> {
        self.parties.code(name).map(str::to_string).ok_or_else(|| {
            Diagnostic::error(path, self.parties.unmapped_message(name))
                .at_line(line)
                .with_field(format!("column {} (party)", column + 1))
        })
    }

    /// The seat from its candidate rows (and segment rows, when a segment file is given).
    pub fn seat(
        &self,
        rows: &[&CandidateRow],
        totals: &[&CandidateRow],
        segment_rows: &[&SegmentRow],
    ) -> Result<ImportedSeat, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let first = rows[0];
        let uncontested = rows
            .iter()
            .all(|r| r.total == Count::Dash && r.evm.value().is_none());
        let mut candidates = Vec::new();
        for row in rows {
            let (name, named_uncontested) = strip_uncontested(&row.candidate);
            let party = match self.party(self.path, row.line, row.party_column, &row.party) {
                Ok(code) => code,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            let votes = match row.total {
                Count::Value(n) => Some(n),
                _ if uncontested => None,
                Count::Dash | Count::Empty => {
                    problems.push(
                        Diagnostic::error(
                            self.path,
                            format!(
                                "{}'s total votes are {}; only an uncontested seat (every figure -) may have none",
                                name,
                                if row.total == Count::Dash { "-" } else { "empty" }
                            ),
                        )
                        .at_line(row.line),
                    );
                    continue;
                }
            };
            let postal = match row.postal {
                Count::Value(n) => Some(n),
                Count::Dash if !uncontested => Some(0),
                _ => None,
            };
            if let (Count::Value(evm), Some(postal), Some(total)) = (row.evm, postal, votes)
                && evm + postal != total
            {
                problems.push(
                    Diagnostic::error(
                        self.path,
                        format!(
                            "EVM votes ({}) and postal votes ({}) add up to {}, but the total is {}; the file contradicts itself",
                            inr_unsigned(evm),
                            inr_unsigned(postal),
                            inr_unsigned(evm + postal),
                            inr_unsigned(total)
                        ),
                    )
                    .at_line(row.line),
                );
            }
            if named_uncontested && !uncontested {
                problems.push(
                    Diagnostic::error(
                        self.path,
                        format!("{name} is marked uncontested but the seat has votes"),
                    )
                    .at_line(row.line),
                );
            }
            candidates.push(ImportedCandidate {
                name,
                party,
                source_party: row.party.clone(),
                votes,
                postal,
                by_segment: Vec::new(),
                line: row.line,
                segment_lines: Vec::new(),
            });
        }
        if uncontested && rows.len() != 1 {
            problems.push(
                Diagnostic::error(
                    self.path,
                    format!("every figure of {} is -, as for a seat won unopposed, but it lists {} candidates", first.seat.label(), rows.len()),
                )
                .at_line(first.line),
            );
        }
        tell_namesakes_apart(&mut candidates, rows);
        self.check_totals(totals, &candidates, &mut problems);
        let electors = self.one_value(rows, |r| r.electors, "electors", &mut problems);
        let reserved = first
            .seat_type
            .as_deref()
            .map(str::to_uppercase)
            .filter(|t| t == "SC" || t == "ST");
        let mut seat = ImportedSeat {
            seat: first.seat.clone(),
            year: first.year,
            reserved,
            electors,
            uncontested,
            evm_only: false,
            segments: Vec::new(),
            candidates,
            notes: Vec::new(),
            citation: first.citation.clone(),
            candidate_lines: rows.iter().chain(totals).map(|r| r.line).collect(),
            segment_lines: segment_rows.iter().map(|r| r.line).collect(),
        };
        if let Some(valid) = self.one_value(rows, |r| r.valid_votes, "valid votes", &mut problems) {
            let sum: u64 = seat.candidates.iter().filter_map(|c| c.votes).sum();
            if sum != valid && problems.is_empty() {
                problems.push(
                    Diagnostic::error(
                        self.path,
                        format!(
                            "the candidates' votes add up to {}, but Valid_Votes says {}",
                            inr_unsigned(sum),
                            inr_unsigned(valid)
                        ),
                    )
                    .at_line(first.line),
                );
            }
        }
        if !segment_rows.is_empty()
            && problems.is_empty()
            && let Err(mut more) = self.add_segments(&mut seat, segment_rows)
        {
            problems.append(&mut more);
        }
        if problems.is_empty() {
            Ok(seat)
        } else {
            Err(problems)
        }
    }

    /// A figure the file repeats on every row of a seat (electors, valid votes).
    fn one_value(
        &self,
        rows: &[&CandidateRow],
        get: impl Fn(&CandidateRow) -> Option<u64>,
        label: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<u64> {
        let first = rows.iter().find_map(|r| get(r))?;
        if let Some(other) = rows.iter().find(|r| get(r).is_some_and(|v| v != first)) {
            problems.push(
                Diagnostic::error(
                    self.path,
                    format!("{label} is {} here but {} on the seat's first row; it must be one figure per seat", inr_unsigned(get(other).unwrap_or(0)), inr_unsigned(first)),
                )
                .at_line(other.line),
            );
        }
        Some(first)
    }

    /// ECI's "Total" row must be the sum of the candidates above it.
    fn check_totals(
        &self,
        totals: &[&CandidateRow],
        candidates: &[ImportedCandidate],
        problems: &mut Vec<Diagnostic>,
    ) {
        for row in totals {
            let sum: u64 = candidates.iter().filter_map(|c| c.votes).sum();
            if let Count::Value(total) = row.total
                && total != sum
            {
                problems.push(
                    Diagnostic::error(
                        self.path,
                        format!(
                            "the Total row says {} but the candidates add up to {}",
                            inr_unsigned(total),
                            inr_unsigned(sum)
                        ),
                    )
                    .at_line(row.line),
                );
            }
        }
    }

    fn add_segments(
        &self,
        seat: &mut ImportedSeat,
        rows: &[&SegmentRow],
    ) -> Result<(), Vec<Diagnostic>> {
        let path = self.segment_path.unwrap_or(self.path);
        let mut problems = Vec::new();
        let mut names: BTreeMap<u32, String> = BTreeMap::new();
        // (segment, party) → rows, in file order.
        let mut by_party: BTreeMap<(u32, String), Vec<&SegmentRow>> = BTreeMap::new();
        let by_candidate = rows.iter().all(|r| r.candidate.is_some());
        for row in rows {
            names
                .entry(row.ac_number)
                .or_insert_with(|| row.ac_name.clone());
            match self.party(path, row.line, row.party_column, &row.party) {
                Ok(code) => by_party.entry((row.ac_number, code)).or_default().push(row),
                Err(d) => problems.push(d),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        seat.segments = names.into_iter().collect();
        let count = seat.segments.len();
        for c in &mut seat.candidates {
            c.by_segment = vec![None; count];
            c.segment_lines = vec![None; count];
        }
        let mut lumped: BTreeMap<String, usize> = BTreeMap::new();
        for ((ac, party), party_rows) in &by_party {
            let index = seat
                .segments
                .iter()
                .position(|(n, _)| n == ac)
                .expect("collected above");
            let standing: Vec<usize> = (0..seat.candidates.len())
                .filter(|i| seat.candidates[*i].party == *party)
                .collect();
            if standing.is_empty() {
                problems.push(
                    Diagnostic::error(
                        path,
                        format!("{} ({party}) has votes in segment {ac} but no candidate of {party} stands in {} in the constituency-wise file", party_rows[0].party, seat.seat.label()),
                    )
                    .at_line(party_rows[0].line),
                );
                continue;
            }
            if !by_candidate && standing.len() > 1 {
                // One row for several candidates: the split is unknown.
                lumped.insert(party.clone(), standing.len());
                continue;
            }
            if party_rows.len() != standing.len() {
                problems.push(
                    Diagnostic::error(
                        path,
                        format!(
                            "segment {ac} has {} rows for {party} but {} candidate(s) of {party} stand in the constituency-wise file; candidates are matched by party and position",
                            party_rows.len(),
                            standing.len()
                        ),
                    )
                    .at_line(party_rows[0].line),
                );
                continue;
            }
            for (row, &i) in party_rows.iter().zip(&standing) {
                seat.candidates[i].by_segment[index] = Some(row.evm);
                seat.candidates[i].segment_lines[index] = Some(row.line);
            }
        }
        for (party, n) in lumped {
            seat.notes.push(format!(
                "the segment file gives one row per segment for all {n} {party} candidates together, so they have no by_segment here (chunav does not split a sum)"
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// The candidates of a segment file that names them, one row each with the EVM votes of
/// all segments summed: the k-th row of a party in a segment is that party's k-th
/// candidate. Postal votes are unknown (left empty).
pub fn candidates_from_segments(
    path: &Path,
    rows: &[SegmentRow],
) -> Result<Vec<CandidateRow>, Diagnostic> {
    use super::select::SeatKey;
    use std::collections::HashMap;
    if let Some(row) = rows.iter().find(|r| r.candidate.is_none()) {
        return Err(Diagnostic::error(
            path,
            "this segment file gives votes by party, not by candidate, so it cannot stand alone; import it together with the constituency-wise file, e.g. `chunav import results.csv segments.csv --constituency 43`",
        )
        .at_line(row.line));
    }
    let mut out: Vec<CandidateRow> = Vec::new();
    let mut seen: HashMap<(SeatKey, Option<i64>, u32, String), usize> = HashMap::new();
    let mut index: HashMap<(SeatKey, Option<i64>, String, usize), usize> = HashMap::new();
    for row in rows {
        let seat = SeatKey::of(&row.seat);
        let party = crate::config::fold_name(&row.party);
        let k = seen
            .entry((seat.clone(), row.year, row.ac_number, party.clone()))
            .or_default();
        let at = *index.entry((seat, row.year, party, *k)).or_insert_with(|| {
            out.push(CandidateRow {
                line: row.line,
                seat: row.seat.clone(),
                year: row.year,
                poll: 0,
                position: None,
                candidate: row.candidate.clone().unwrap_or_default(),
                party: row.party.clone(),
                party_column: row.party_column,
                evm: Count::Value(0),
                postal: Count::Empty,
                total: Count::Value(0),
                electors: None,
                seat_type: None,
                valid_votes: None,
                election_type: None,
                citation: None,
                is_total_row: false,
            });
            out.len() - 1
        });
        *k += 1;
        let candidate = &mut out[at];
        for count in [&mut candidate.evm, &mut candidate.total] {
            if let Count::Value(n) = count {
                *n += row.evm;
            }
        }
    }
    Ok(out)
}

/// Names must be unique within a result: a namesake gets the party code after the name,
/// and, when two namesakes share a party, the position in the file's table.
fn tell_namesakes_apart(candidates: &mut [ImportedCandidate], rows: &[&CandidateRow]) {
    let count = |cs: &[ImportedCandidate], name: &str| cs.iter().filter(|c| c.name == name).count();
    let repeated: Vec<usize> = (0..candidates.len())
        .filter(|&i| count(candidates, &candidates[i].name) > 1)
        .collect();
    for &i in &repeated {
        candidates[i].name = format!("{} ({})", candidates[i].name, candidates[i].party);
    }
    let repeated: Vec<usize> = (0..candidates.len())
        .filter(|&i| count(candidates, &candidates[i].name) > 1)
        .collect();
    for &i in &repeated {
        let line = candidates[i].line;
        let position = rows
            .iter()
            .find(|r| r.line == line)
            .and_then(|r| r.position);
        let base = candidates[i].name.trim_end_matches(')').to_string();
        candidates[i].name = match position {
            Some(n) => format!("{base}, no. {n})"),
            None => format!("{base}, line {line})"),
        };
    }
}

/// How the imported seat's figures add up: segments + postal = total for every candidate
/// with every segment and postal known. Returns the lines to tell the editor.
pub fn reconciliation(seat: &ImportedSeat) -> Vec<String> {
    let mut lines = Vec::new();
    if seat.segments.is_empty() {
        return lines;
    }
    let mut exact = Vec::new();
    for c in &seat.candidates {
        let (Some(votes), Some(postal)) = (c.votes, c.postal) else {
            continue;
        };
        let Some(sum) = c.by_segment.iter().copied().sum::<Option<u64>>() else {
            continue;
        };
        if sum + postal == votes {
            exact.push(c.party.clone());
        } else {
            lines.push(format!(
                "{} ({}): segments ({}) + postal ({}) = {}, but the total is {}",
                c.name,
                c.party,
                inr_unsigned(sum),
                inr_unsigned(postal),
                inr_unsigned(sum + postal),
                inr_unsigned(votes)
            ));
        }
    }
    if !exact.is_empty() {
        lines.insert(
            0,
            format!("segments + postal = total exactly for {}", exact.join(", ")),
        );
    }
    lines
}
