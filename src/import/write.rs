//! An imported seat written as a `[[results]]` table in the shape of the site's own data
//! files (docs/front-matter.md), with a `[[results.imported]]` table per source file so
//! that `chunav check` can compare every figure with the row it came from.

use super::assemble::ImportedSeat;
use super::layout::Format;

/// One source file as recorded: path relative to the site root and its SHA-256.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub file: String,
    pub sha256: String,
    pub format: Format,
}

/// What the result is called and labelled; the figures come from the seat.
pub struct Labels {
    pub id: String,
    pub election: String,
    pub year: i64,
    pub source: String,
    /// Shown to readers (e.g. that votes leave out postal ballots).
    pub note: Option<String>,
}

/// A TOML basic string: `"…"` with `\`, `"` and control characters escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// "2-13,20,31-33": sorted file lines as ranges.
pub fn line_ranges(lines: &[usize]) -> String {
    let mut lines = lines.to_vec();
    lines.sort_unstable();
    lines.dedup();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i];
        let mut end = start;
        while i + 1 < lines.len() && lines[i + 1] == end + 1 {
            i += 1;
            end = lines[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(",")
}

/// Parses what `line_ranges` writes; `None` for anything else.
pub fn parse_line_ranges(text: &str) -> Option<Vec<usize>> {
    let mut lines = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (usize, usize) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
                if b < a || b - a > 1_000_000 {
                    return None;
                }
                lines.extend(a..=b);
            }
            None => lines.push(part.parse().ok()?),
        }
    }
    Some(lines)
}

pub fn result_toml(
    seat: &ImportedSeat,
    labels: &Labels,
    constituency_source: &Recorded,
    segment_source: Option<&Recorded>,
) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# Imported by `chunav import` from {} ({}).\n# Names and labels may be edited (into Hindi, say); `chunav check` compares every\n# figure with the source rows recorded in [[results.imported]].\n",
        constituency_source.file,
        constituency_source.format.name()
    ));
    for note in &seat.notes {
        out.push_str(&format!("# Note: {note}.\n"));
    }
    out.push_str("\n[[results]]\n");
    out.push_str(&format!("id = {}\n", quote(&labels.id)));
    out.push_str(&format!("election = {}\n", quote(&labels.election)));
    out.push_str(&format!("year = {}\n", labels.year));
    let name = seat.seat.name.clone().unwrap_or_default();
    out.push_str(&format!("constituency = {}\n", quote(&name)));
    if let Some(state) = &seat.seat.state {
        out.push_str(&format!("state = {}\n", quote(state)));
    }
    if let Some(reserved) = &seat.reserved {
        out.push_str(&format!("reserved = {}\n", quote(reserved)));
    }
    if let Some(electors) = seat.electors {
        out.push_str(&format!("electors = {electors}\n"));
    }
    if seat.uncontested {
        out.push_str("uncontested = true\n");
    }
    if !seat.segments.is_empty() {
        let names: Vec<String> = seat.segments.iter().map(|(_, n)| quote(n)).collect();
        out.push_str(&format!("segments = [{}]\n", names.join(", ")));
    }
    out.push_str(&format!("source = {}\n", quote(&labels.source)));
    if let Some(note) = &labels.note {
        out.push_str(&format!("note = {}\n", quote(note)));
    }

    if !seat.evm_only {
        out.push_str(&imported_table(
            constituency_source,
            &seat.seat.label(),
            &seat.candidate_lines,
            &[],
        ));
    }
    if let Some(segment_source) = segment_source {
        let numbers: Vec<u32> = seat.segments.iter().map(|(n, _)| *n).collect();
        out.push_str(&imported_table(
            segment_source,
            &seat.seat.label(),
            &seat.segment_lines,
            &numbers,
        ));
    }

    for c in &seat.candidates {
        out.push_str("\n[[results.candidates]]\n");
        out.push_str(&format!("name = {}\n", quote(&c.name)));
        out.push_str(&format!("party = {}\n", quote(&c.party)));
        if let Some(votes) = c.votes {
            out.push_str(&format!("votes = {votes}\n"));
        }
        if let Some(postal) = c.postal {
            out.push_str(&format!("postal = {postal}\n"));
        }
        let known: Vec<String> = seat
            .segments
            .iter()
            .zip(&c.by_segment)
            .filter_map(|((_, name), v)| v.map(|v| format!("{} = {v}", quote(name))))
            .collect();
        if !known.is_empty() {
            out.push_str(&format!("by_segment = {{ {} }}\n", known.join(", ")));
        }
    }
    out
}

fn imported_table(source: &Recorded, seat: &str, lines: &[usize], segments: &[u32]) -> String {
    let mut out = format!(
        "\n[[results.imported]]\nfile = {}\nsha256 = {}\nformat = {}\nseat = {}\nrows = {}\n",
        quote(&source.file),
        quote(&source.sha256),
        quote(source.format.name()),
        quote(seat),
        quote(&line_ranges(lines))
    );
    if !segments.is_empty() {
        let numbers: Vec<String> = segments.iter().map(u32::to_string).collect();
        out.push_str(&format!("segments = [{}]\n", numbers.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_toml_needs() {
        assert_eq!(quote("KANPUR CANTT."), "\"KANPUR CANTT.\"");
        assert_eq!(quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        let parsed: toml::Value = toml::from_str(&format!("x = {}", quote("क\u{7}\n"))).unwrap();
        assert_eq!(parsed["x"].as_str(), Some("क\u{7}\n"));
    }

    #[test]
    fn lines_are_written_as_ranges_and_read_back() {
        let lines = [13, 2, 3, 4, 20, 31, 32];
        assert_eq!(line_ranges(&lines), "2-4,13,20,31-32");
        assert_eq!(
            parse_line_ranges("2-4,13,20,31-32"),
            Some(vec![2, 3, 4, 13, 20, 31, 32])
        );
        assert_eq!(parse_line_ranges("4-2"), None);
        assert_eq!(parse_line_ranges("x"), None);
    }
}
