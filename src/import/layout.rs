//! The file layouts chunav reads, told apart by their headers, and their rows turned into
//! plain records: one per candidate (constituency-level files) or one per candidate or
//! party and assembly segment (segment files).
//!
//! Columns are found by their heading, never by position, so a file with its columns in
//! another order, or with extra columns, reads the same.

use super::table::{Row, Table, fold_heading};
use crate::diagnostics::Diagnostic;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// ECI's table for one seat: S.N., Candidate, Party, EVM Votes, Postal Votes, Total Votes, % of Votes
    EciConstituency,
    /// ECI's constituency-wise results for every seat, with state_code, state and pc_name
    EciCountry,
    /// Votes by assembly segment: AC number and name, candidate or party, EVM votes
    EciSegments,
    /// TCPD Lok Dhaba: State_Name, Constituency_No, Year, Poll_No, Position, Candidate, Party, Votes, …
    Tcpd,
    /// An ECI statistical report exported to CSV: title row, State Name, PC No, PC Name, Candidates Name, …
    EciStatistical,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Tcpd,
        Format::EciStatistical,
        Format::EciCountry,
        Format::EciSegments,
        Format::EciConstituency,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::EciConstituency => "eci-constituency",
            Format::EciCountry => "eci-country",
            Format::EciSegments => "eci-segments",
            Format::Tcpd => "tcpd",
            Format::EciStatistical => "eci-statistical",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn is_segments(self) -> bool {
        self == Format::EciSegments
    }

    /// Columns the layout cannot do without.
    fn required(self) -> &'static [Role] {
        use Role::*;
        match self {
            Format::EciConstituency => &[Candidate, Party, Total],
            Format::EciCountry => &[StateCode, State, PcName, Candidate, Party, Total],
            Format::EciSegments => &[AcNumber, Party, Evm],
            Format::Tcpd => &[
                State, PcNumber, Year, PollNo, Position, Candidate, Party, Total, PcName,
            ],
            Format::EciStatistical => &[State, PcNumber, PcName, Candidate, Party, Total],
        }
    }

    /// Columns that tell this layout from the others (beyond `required`).
    fn marks(self) -> &'static [Role] {
        use Role::*;
        match self {
            Format::Tcpd => &[PollNo, DelimId],
            Format::EciStatistical => &[PartySymbol],
            Format::EciCountry => &[StateCode],
            Format::EciSegments => &[AcNumber],
            Format::EciConstituency => &[],
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Position,
    Candidate,
    Party,
    Evm,
    Postal,
    Total,
    StateCode,
    State,
    PcNumber,
    PcName,
    AcNumber,
    AcName,
    Year,
    PollNo,
    DelimId,
    Electors,
    SeatType,
    ValidVotes,
    ElectionType,
    PartySymbol,
    /// A compilation's own citation column ("source").
    Citation,
}

impl Role {
    /// Headings (folded, see `fold_heading`) that mean this role in some official file.
    fn headings(self) -> &'static [&'static str] {
        use Role::*;
        match self {
            Position => &["s.n", "sn", "s. n", "sl no", "sl. no", "position"],
            Candidate => &[
                "candidate",
                "candidates name",
                "candidate name",
                "candidates",
            ],
            Party => &["party", "party name"],
            Evm => &[
                "evm votes",
                "evm",
                "general",
                "general votes",
                "votes secured general",
            ],
            Postal => &["postal votes", "postal", "votes secured postal"],
            Total => &["total votes", "total", "votes", "votes secured total"],
            StateCode => &["state code"],
            State => &["state", "state name", "state/ut", "state/ut name"],
            PcNumber => &["pc no", "pc number", "constituency no", "pc_no"],
            PcName => &["pc name", "constituency name", "constituency"],
            AcNumber => &["ac no", "ac number", "assembly constituency no", "ac name"],
            AcName => &["ac name", "assembly constituency", "assembly segment"],
            Year => &["year"],
            PollNo => &["poll no"],
            DelimId => &["delimid"],
            Electors => &["electors", "total electors"],
            SeatType => &["constituency type", "pc type"],
            ValidVotes => &["valid votes"],
            ElectionType => &["election type"],
            PartySymbol => &["party symbol"],
            Citation => &["source"],
        }
    }

    /// How the role is named in messages.
    fn label(self) -> &'static str {
        self.headings()[0]
    }
}

const ROLES: [Role; 21] = [
    Role::Position,
    Role::Candidate,
    Role::Party,
    Role::Evm,
    Role::Postal,
    Role::Total,
    Role::StateCode,
    Role::State,
    Role::PcNumber,
    Role::PcName,
    Role::AcNumber,
    Role::AcName,
    Role::Year,
    Role::PollNo,
    Role::DelimId,
    Role::Electors,
    Role::SeatType,
    Role::ValidVotes,
    Role::ElectionType,
    Role::PartySymbol,
    Role::Citation,
];

/// Which column holds each role, for one header.
#[derive(Debug, Clone)]
pub struct Columns {
    index: Vec<(Role, usize)>,
}

impl Columns {
    pub fn of(header: &[String]) -> Columns {
        let folded: Vec<String> = header.iter().map(|h| fold_heading(h)).collect();
        let mut index = Vec::new();
        for role in ROLES {
            // An AC file may give "216-Kanpur Cantt." in one "AC Name" column: that column
            // is then the number too, read from the name.
            if let Some(i) = folded
                .iter()
                .position(|h| role.headings().contains(&h.as_str()))
            {
                index.push((role, i));
            }
        }
        // A name column listed as a number stands in only when there is no number column.
        if let Some(&(_, ac)) = index.iter().find(|(r, _)| *r == Role::AcNumber)
            && folded[ac] == "ac name"
            && let Some(i) = folded
                .iter()
                .position(|h| ["ac no", "ac number"].contains(&h.as_str()))
        {
            index.retain(|(r, _)| *r != Role::AcNumber);
            index.push((Role::AcNumber, i));
        }
        Columns { index }
    }

    pub fn get(&self, role: Role) -> Option<usize> {
        self.index.iter().find(|(r, _)| *r == role).map(|(_, i)| *i)
    }

    fn has(&self, role: Role) -> bool {
        self.get(role).is_some()
    }

    fn missing(&self, format: Format) -> Vec<Role> {
        format
            .required()
            .iter()
            .copied()
            .filter(|r| !self.has(*r))
            .collect()
    }

    fn fits(&self, format: Format) -> bool {
        self.missing(format).is_empty() && format.marks().iter().all(|r| self.has(*r))
    }
}

/// The layout a header shows: the first (most specific) whose columns are all there.
pub fn detect(header: &[String]) -> Option<Format> {
    let columns = Columns::of(header);
    Format::ALL.into_iter().find(|f| columns.fits(*f))
}

/// Whether a row could be the header of `format` (or of any layout, for `None`).
pub fn is_header(cells: &[String], format: Option<Format>) -> bool {
    let columns = Columns::of(cells);
    match format {
        Some(format) => columns.missing(format).is_empty(),
        None => Format::ALL.into_iter().any(|f| columns.fits(f)),
    }
}

/// The error for a header that lacks a named layout's columns.
pub fn missing_columns(
    path: &Path,
    table_header: &[String],
    line: usize,
    format: Format,
) -> Diagnostic {
    let columns = Columns::of(table_header);
    let missing: Vec<&str> = columns.missing(format).iter().map(|r| r.label()).collect();
    Diagnostic::error(
        path,
        format!(
            "the header has no {} column{} for the {} layout; found: {}",
            missing.join(", "),
            if missing.len() == 1 { "" } else { "s" },
            format.name(),
            shown_header(table_header)
        ),
    )
    .at_line(line)
}

pub fn shown_header(header: &[String]) -> String {
    header
        .iter()
        .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A vote count as a file writes it: a number, `-` for none, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Value(u64),
    /// `-`: ECI's way of writing "none" (no postal ballots; every cell of Surat 2024).
    Dash,
    Empty,
}

impl Count {
    pub fn value(self) -> Option<u64> {
        match self {
            Count::Value(n) => Some(n),
            _ => None,
        }
    }
}

/// Where a seat is, as the file says it. Seats are matched by state and number whenever
/// the file gives a number; the name is for people.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeatId {
    pub state: Option<String>,
    pub number: Option<u32>,
    pub name: Option<String>,
}

impl SeatId {
    /// "UTTAR PRADESH 43 KANPUR", as recorded in provenance and shown in messages.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(state) = &self.state {
            parts.push(state.clone());
        }
        if let Some(number) = self.number {
            parts.push(number.to_string());
        }
        if let Some(name) = &self.name {
            parts.push(name.clone());
        }
        parts.join(" ")
    }
}

/// One candidate row of a constituency-level file.
#[derive(Debug, Clone)]
pub struct CandidateRow {
    pub line: usize,
    pub seat: SeatId,
    pub year: Option<i64>,
    /// TCPD's Poll_No: 0 for the general election, more for a by-election.
    pub poll: u32,
    pub position: Option<u32>,
    pub candidate: String,
    pub party: String,
    pub party_column: usize,
    pub evm: Count,
    pub postal: Count,
    pub total: Count,
    pub electors: Option<u64>,
    pub seat_type: Option<String>,
    pub valid_votes: Option<u64>,
    pub election_type: Option<String>,
    /// The row's own citation, in files compiled from several sources.
    pub citation: Option<String>,
    /// ECI's "Total" row under a one-seat table: checked against the sum, not a candidate.
    pub is_total_row: bool,
}

/// One row of a segment file: a candidate's (or, in some compilations, a whole party's)
/// EVM votes in one assembly segment.
#[derive(Debug, Clone)]
pub struct SegmentRow {
    pub line: usize,
    pub seat: SeatId,
    pub year: Option<i64>,
    pub ac_number: u32,
    pub ac_name: String,
    pub candidate: Option<String>,
    pub party: String,
    pub party_column: usize,
    pub evm: u64,
}

/// The rows of a file, read in one layout.
#[derive(Debug, Clone)]
pub enum Records {
    Candidates(Vec<CandidateRow>),
    Segments(Vec<SegmentRow>),
}

/// Reads every data row of `table` as `format`; the first bad cell is the error.
pub fn read(path: &Path, table: &Table, format: Format) -> Result<Records, Diagnostic> {
    let columns = Columns::of(&table.header);
    let reader = CellReader {
        path,
        columns: &columns,
        header: &table.header,
    };
    if format.is_segments() {
        let rows = table
            .rows
            .iter()
            .map(|row| reader.segment_row(row))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Records::Segments(rows))
    } else {
        let rows = table
            .rows
            .iter()
            .map(|row| reader.candidate_row(row, format))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Records::Candidates(rows))
    }
}

struct CellReader<'a> {
    path: &'a Path,
    columns: &'a Columns,
    header: &'a [String],
}

impl CellReader<'_> {
    fn error(&self, row: &Row, column: usize, message: String) -> Diagnostic {
        let heading = self.header[column]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Diagnostic::error(self.path, message)
            .at_line(row.line)
            .with_field(format!("column {} ({heading})", column + 1))
    }

    fn text(&self, row: &Row, role: Role) -> Option<String> {
        let i = self.columns.get(role)?;
        let text = row.cells[i]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!text.is_empty()).then_some(text)
    }

    fn count(&self, row: &Row, role: Role) -> Result<Count, Diagnostic> {
        let Some(i) = self.columns.get(role) else {
            return Ok(Count::Empty);
        };
        let cell = row.cells[i].trim();
        if cell.is_empty() {
            return Ok(Count::Empty);
        }
        if cell == "-" || cell == "–" {
            return Ok(Count::Dash);
        }
        parse_count(cell)
            .map(Count::Value)
            .ok_or_else(|| self.error(row, i, not_a_count(cell)))
    }

    fn number(&self, row: &Row, role: Role) -> Result<Option<u64>, Diagnostic> {
        Ok(self.count(row, role)?.value())
    }

    fn small(&self, row: &Row, role: Role) -> Result<Option<u32>, Diagnostic> {
        let Some(n) = self.number(row, role)? else {
            return Ok(None);
        };
        let i = self.columns.get(role).expect("read from it");
        u32::try_from(n)
            .map(Some)
            .map_err(|_| self.error(row, i, format!("{n} is too large for a {}", role.label())))
    }

    fn required_text(&self, row: &Row, role: Role) -> Result<String, Diagnostic> {
        let i = self
            .columns
            .get(role)
            .expect("required columns are checked first");
        self.text(row, role)
            .ok_or_else(|| self.error(row, i, format!("the {} is empty", role.label())))
    }

    fn seat(&self, row: &Row, format: Format) -> Result<SeatId, Diagnostic> {
        let mut seat = SeatId {
            state: self.text(row, Role::State).map(|s| s.replace('_', " ")),
            number: self.small(row, Role::PcNumber)?,
            name: self.text(row, Role::PcName),
        };
        // ECI's state_code is the state's code and the seat's number: S2443 = S24, seat 43.
        if format == Format::EciCountry {
            let i = self.columns.get(Role::StateCode).expect("required");
            let code = row.cells[i].trim();
            let number = code.get(3..).and_then(|n| n.parse::<u32>().ok());
            match number {
                Some(n) if code.len() > 3 => seat.number = Some(n),
                _ => {
                    return Err(self.error(
                        row,
                        i,
                        format!(
                            "\"{code}\" is not an ECI seat code such as S2443 (state S24, seat 43)"
                        ),
                    ));
                }
            }
        }
        Ok(seat)
    }

    fn candidate_row(&self, row: &Row, format: Format) -> Result<CandidateRow, Diagnostic> {
        let party_column = self.columns.get(Role::Party).expect("required");
        let candidate = self.text(row, Role::Candidate).unwrap_or_default();
        let first = row.cells.iter().map(|c| c.trim()).find(|c| !c.is_empty());
        let is_total_row = format == Format::EciConstituency
            && (candidate.eq_ignore_ascii_case("total")
                || first.is_some_and(|c| c.eq_ignore_ascii_case("total")));
        if is_total_row {
            return Ok(CandidateRow {
                line: row.line,
                seat: SeatId::default(),
                year: None,
                poll: 0,
                position: None,
                candidate,
                party: String::new(),
                party_column,
                evm: self.count(row, Role::Evm)?,
                postal: self.count(row, Role::Postal)?,
                total: self.count(row, Role::Total)?,
                electors: None,
                seat_type: None,
                valid_votes: None,
                election_type: None,
                citation: None,
                is_total_row,
            });
        }
        Ok(CandidateRow {
            line: row.line,
            seat: self.seat(row, format)?,
            year: self.year(row)?,
            poll: self.small(row, Role::PollNo)?.unwrap_or(0),
            position: self.small(row, Role::Position)?,
            candidate: self.required_text(row, Role::Candidate)?,
            party: self.required_text(row, Role::Party)?,
            party_column,
            evm: self.count(row, Role::Evm)?,
            postal: self.count(row, Role::Postal)?,
            total: self.count(row, Role::Total)?,
            electors: self.number(row, Role::Electors)?,
            seat_type: self.text(row, Role::SeatType),
            valid_votes: self.number(row, Role::ValidVotes)?,
            election_type: self.text(row, Role::ElectionType),
            citation: self.text(row, Role::Citation),
            is_total_row,
        })
    }

    fn year(&self, row: &Row) -> Result<Option<i64>, Diagnostic> {
        Ok(self.small(row, Role::Year)?.map(i64::from))
    }

    fn segment_row(&self, row: &Row) -> Result<SegmentRow, Diagnostic> {
        let ac_column = self.columns.get(Role::AcNumber).expect("required");
        let ac_cell = row.cells[ac_column].trim();
        let name_cell = self.text(row, Role::AcName).unwrap_or_default();
        // "216", or "216-Kanpur Cantt." in a column that holds both.
        let (number, rest) = split_number(ac_cell);
        let Some(ac_number) = number else {
            return Err(self.error(
                row,
                ac_column,
                format!("\"{ac_cell}\" has no assembly segment number; segments are matched by number (216, or \"216-Kanpur Cantt.\")"),
            ));
        };
        let ac_name = if name_cell.is_empty() || self.columns.get(Role::AcName) == Some(ac_column) {
            rest.to_string()
        } else {
            split_number(&name_cell).1.to_string()
        };
        let evm_column = self.columns.get(Role::Evm).expect("required");
        let evm = match self.count(row, Role::Evm)? {
            Count::Value(n) => n,
            Count::Dash => 0,
            Count::Empty => {
                return Err(self.error(
                    row,
                    evm_column,
                    "the EVM votes are empty; write 0 or - for none".to_string(),
                ));
            }
        };
        Ok(SegmentRow {
            line: row.line,
            seat: self.seat(row, Format::EciSegments)?,
            year: self.year(row)?,
            ac_number,
            ac_name,
            candidate: self.text(row, Role::Candidate),
            party: self.required_text(row, Role::Party)?,
            party_column: self.columns.get(Role::Party).expect("required"),
            evm,
        })
    }
}

/// "216-Kanpur Cantt." → (216, "Kanpur Cantt."); "Sisamau" → (None, "Sisamau").
fn split_number(cell: &str) -> (Option<u32>, &str) {
    let cell = cell.trim();
    let digits = cell.len() - cell.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return (None, cell);
    }
    let number = cell[..digits].parse().ok();
    let rest =
        cell[digits..].trim_start_matches(|c: char| c == '-' || c == '.' || c.is_whitespace());
    (number, rest.trim())
}

/// A count as official files write it: digits, possibly grouped with commas (4,22,087).
fn parse_count(cell: &str) -> Option<u64> {
    let digits: String = cell.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn not_a_count(cell: &str) -> String {
    format!("\"{cell}\" is not a vote count; expected a whole number such as 422087, or - for none")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &str) -> Vec<String> {
        cells.split(',').map(String::from).collect()
    }

    #[test]
    fn each_layout_is_told_by_its_header() {
        let cases = [
            (
                "S.N.,Candidate,Party,EVM Votes,Postal Votes,Total Votes,% of Votes",
                Format::EciConstituency,
            ),
            (
                "year,pc_no,pc_name,position,candidate,party,evm_votes,postal_votes,total_votes,source",
                Format::EciConstituency,
            ),
            (
                "row,state_code,state,pc_name,sn,candidate,party,evm_votes,postal_votes,total_votes,vote_share",
                Format::EciCountry,
            ),
            ("year,ac_no,ac_name,party,evm_votes", Format::EciSegments),
            (
                "State,PC No,PC Name,AC No,AC Name,Candidate,Party,EVM Votes",
                Format::EciSegments,
            ),
            (
                "State_Name,Assembly_No,Constituency_No,Year,month,Poll_No,DelimID,Position,Candidate,Sex,Party,Votes,Candidate_Type,Valid_Votes,Electors,Constituency_Name,Constituency_Type",
                Format::Tcpd,
            ),
            (
                "State Name,PC NO,PC NAME,Candidates Name,Sex,Age,Category,Party Name,Party Symbol,General,Postal,Total,Total Electors",
                Format::EciStatistical,
            ),
        ];
        for (line, format) in cases {
            assert_eq!(detect(&header(line)), Some(format), "{line}");
        }
        assert_eq!(detect(&header("name,votes")), None);
    }

    #[test]
    fn segment_numbers_come_from_either_column() {
        assert_eq!(
            split_number("216-Kanpur Cantt."),
            (Some(216), "Kanpur Cantt.")
        );
        assert_eq!(split_number(" 213 - Sisamau"), (Some(213), "Sisamau"));
        assert_eq!(split_number("Sishamau"), (None, "Sishamau"));
    }

    #[test]
    fn counts_allow_grouping_commas_only() {
        assert_eq!(parse_count("4,22,087"), Some(422087));
        assert_eq!(parse_count("422087"), Some(422087));
        assert_eq!(parse_count("12.5"), None);
        assert_eq!(parse_count("abc"), None);
    }
}
