//! A CSV file as rows of text cells with the file line each row starts on.
//!
//! Official files arrive in many small variants: with or without a UTF-8 byte-order mark,
//! with CRLF or LF line ends, with a title row above the header (statistical reports),
//! header cells holding a line break, a trailing "Disclaimer" row. This module absorbs
//! those and hands on plain rows; every row whose field count differs from the header's
//! is an error naming its line, because a shifted column would put a figure under the
//! wrong heading without anyone noticing.

use crate::diagnostics::Diagnostic;
use std::path::Path;

/// One data row: its cells and the file line it starts on (1-based).
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The file's rows, split at the header row (found by `is_header`).
#[derive(Debug, Clone)]
pub struct Table {
    /// The header row's cells as written (line breaks inside a cell kept).
    pub header: Vec<String>,
    pub header_line: usize,
    pub rows: Vec<Row>,
}

/// Rows above the header this many at most (an ECI report has one or two title rows).
const MAX_TITLE_ROWS: usize = 10;

/// All records of `bytes` with their lines. A BOM is dropped; a file that is not UTF-8
/// (a spreadsheet saved as "Unicode text" is UTF-16) says how to save it instead.
pub fn records(path: &Path, bytes: &[u8]) -> Result<Vec<Row>, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(
            path,
            "this file is UTF-16 text, not CSV as chunav reads it; save it from the spreadsheet as \"CSV UTF-8\"",
        )
        .at_line(1));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    // The csv crate counts a line end only when it reads the next record, so a record's
    // own line number can lag; lines are counted here from its byte offset instead.
    let mut counted = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        let (from, line) = counted;
        let mut byte = byte.clamp(from, bytes.len());
        // The offset may point at the previous record's terminator or at blank lines,
        // which the reader skips: the record starts at the first byte after them.
        while byte < bytes.len() && (bytes[byte] == b'\r' || bytes[byte] == b'\n') {
            byte += 1;
        }
        let line = line + bytes[from..byte].iter().filter(|b| **b == b'\n').count();
        counted = (byte, line);
        line
    };
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let at = line_at(err.position().map_or(usize::MAX, |p| p.byte() as usize));
                return Err(
                    Diagnostic::error(path, format!("not readable as CSV: {err}")).at_line(at),
                );
            }
        }
        let line = line_at(record.position().map_or(0, |p| p.byte() as usize));
        let mut cells = Vec::with_capacity(record.len());
        for (i, cell) in record.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(text) => cells.push(text.to_string()),
                Err(_) => {
                    return Err(Diagnostic::error(
                        path,
                        "this cell is not UTF-8 text (the file may be saved in a Windows code page); save it as \"CSV UTF-8\"",
                    )
                    .at_line(line)
                    .with_field(format!("column {}", i + 1)));
                }
            }
        }
        rows.push(Row { line, cells });
    }
    Ok(rows)
}

/// Splits `rows` at the first row `is_header` accepts, among the first few. Blank rows are
/// dropped, reading stops at a "Disclaimer" row, and every row must have the header's
/// number of fields.
pub fn split_header(
    path: &Path,
    rows: Vec<Row>,
    is_header: impl Fn(&[String]) -> bool,
) -> Result<Option<Table>, Diagnostic> {
    let Some(at) = rows
        .iter()
        .take(MAX_TITLE_ROWS + 1)
        .position(|row| is_header(&row.cells))
    else {
        return Ok(None);
    };
    let mut rows = rows.into_iter().skip(at);
    let header_row = rows.next().expect("position found it");
    let width = header_row.cells.len();
    let mut data = Vec::new();
    for row in rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.cells[0].trim().to_lowercase().starts_with("disclaimer") {
            break;
        }
        if row.cells.len() != width {
            return Err(field_count_error(path, &row, width));
        }
        data.push(row);
    }
    Ok(Some(Table {
        header: header_row.cells,
        header_line: header_row.line,
        rows: data,
    }))
}

fn field_count_error(path: &Path, row: &Row, width: usize) -> Diagnostic {
    let n = row.cells.len();
    let message = if n > width {
        format!(
            "this row has {n} fields but the header has {width}; from column {} on (\"{}\") nothing has a heading. A comma inside a name needs the cell in double quotes",
            width + 1,
            row.cells[width].trim()
        )
    } else {
        format!(
            "this row has {n} fields but the header has {width}; columns {} to {width} are missing",
            n + 1
        )
    };
    Diagnostic::error(path, message)
        .at_line(row.line)
        .with_field(format!("column {}", width.min(n) + 1))
}

/// A header cell compared with the names chunav knows: lowercase, `_` and line breaks as
/// spaces, runs of spaces folded, a trailing full stop dropped ("S.N." → "s.n").
pub fn fold_heading(cell: &str) -> String {
    let spaced = cell.replace(['_', '\n', '\r'], " ");
    let folded = crate::config::fold_name(&spaced);
    folded.trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8]) -> Vec<Row> {
        records(Path::new("x.csv"), text).expect("readable")
    }

    #[test]
    fn bom_and_crlf_read_like_plain_csv() {
        let plain = read(b"a,b\n1,2\n");
        let windows = read(b"\xEF\xBB\xBFa,b\r\n1,2\r\n");
        assert_eq!(windows[0].cells, plain[0].cells);
        assert_eq!(windows[1].cells, ["1", "2"]);
        assert_eq!(windows[1].line, 2);
    }

    #[test]
    fn a_quoted_line_break_keeps_later_lines_right() {
        let rows = read(b"title\n\"PC\nNO\",b\n1,2\n");
        assert_eq!(rows[1].cells[0], "PC\nNO");
        assert_eq!(rows[2].line, 4);
        assert_eq!(fold_heading(&rows[1].cells[0]), "pc no");
    }

    #[test]
    fn a_row_with_too_many_fields_names_the_extra_column() {
        let rows = read(b"a,b\n1,2,3\n");
        let err = split_header(Path::new("x.csv"), rows, |h| h[0] == "a").unwrap_err();
        assert_eq!(
            err.to_string(),
            "error: x.csv:2: column 3: this row has 3 fields but the header has 2; from column 3 on (\"3\") nothing has a heading. A comma inside a name needs the cell in double quotes"
        );
    }

    #[test]
    fn title_rows_blank_rows_and_the_disclaimer_are_skipped() {
        let rows = read(b"Report 33\n\nname,votes\nA,1\n,\nB,2\nDisclaimer: provisional\n");
        let table = split_header(Path::new("x.csv"), rows, |h| h[0] == "name")
            .unwrap()
            .expect("header found");
        assert_eq!(table.header_line, 3);
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 6]);
    }

    #[test]
    fn utf16_says_how_to_save() {
        let err = records(Path::new("x.csv"), b"\xFF\xFEa\0").unwrap_err();
        assert!(err.message.contains("CSV UTF-8"), "{err}");
    }
}
