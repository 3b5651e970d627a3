//! Characters that have no place in a page: control characters (U+0000–U+001F other than
//! tab and line breaks, DEL, U+0080–U+009F). They arrive from PDFs, word processors and
//! damaged files, are invisible in an editor, and break XML (feeds, SVG, share cards) or
//! end up as NUL bytes in HTML. Found before anything renders, with the line and field.

use crate::diagnostics::{Diagnostic, LineIndex};
use std::path::Path;

/// Reads a content file as text. A file that is not UTF-8 is explained at the line of
/// its first bad byte: such files come from old Hindi fonts' encodings, Windows code
/// pages, or are not text at all.
pub fn read_text(path: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::error(rel, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..good].iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::error(
            rel,
            format!(
                "the file is not UTF-8 text (byte {:#04x} at offset {good}); save it as UTF-8 \
                 (\"Unicode\") in your editor, or remove it if it is not an article",
                bytes[good]
            ),
        )
        .at_line(line)
    })
}

/// A character chunav refuses in text: controls other than tab, LF and CR.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn describe(c: char) -> String {
    match c {
        '\0' => "a NUL character (U+0000), a sign of a binary or damaged file".to_string(),
        c => format!("the invisible control character U+{:04X}", c as u32),
    }
}

/// The first forbidden character of the body, as an error at its line.
pub fn check_body(file: &Path, body: &str, body_line: usize) -> Option<Diagnostic> {
    let (offset, c) = body.char_indices().find(|(_, c)| is_forbidden(*c))?;
    let line = LineIndex::new(body, body_line).line_of(offset);
    Some(
        Diagnostic::error(
            file,
            format!(
                "the text contains {}; delete it (retype the line if you cannot see it) and save the file as UTF-8 text",
                describe(c)
            ),
        )
        .at_line(line),
    )
}

/// Every front-matter string holding a forbidden character (written as an escape such as
/// `\u0001`: TOML itself refuses them raw), with its field path.
pub fn check_front_matter(file: &Path, text: &str, first_line: usize) -> Vec<Diagnostic> {
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(&toml::Value::Table(table), String::new(), &mut found);
    let line = escape_line(text).map(|l| l + first_line);
    found
        .into_iter()
        .map(|(field, c)| {
            let d = Diagnostic::error(
                file,
                format!(
                    "contains {}; names and titles are plain text: remove the escape",
                    describe(c)
                ),
            )
            .with_field(field);
            match line {
                Some(line) => d.at_line(line),
                None => d,
            }
        })
        .collect()
}

fn walk(value: &toml::Value, path: String, found: &mut Vec<(String, char)>) {
    match value {
        toml::Value::String(s) => {
            if let Some(c) = s.chars().find(|c| is_forbidden(*c)) {
                found.push((path, c));
            }
        }
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), found);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(item, path, found);
            }
        }
        _ => {}
    }
}

/// The (0-based) line of the first escape that can make a control character.
fn escape_line(text: &str) -> Option<usize> {
    text.lines().position(|line| {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\\' {
                continue;
            }
            match chars.next() {
                Some('b' | 'f' | 'e' | 'x' | 'u' | 'U') => return true,
                _ => continue,
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_in_the_body_are_found_at_their_line() {
        let d = check_body(Path::new("a.md"), "one\ntwo\u{1}\n", 5).unwrap();
        assert_eq!(d.line, Some(6));
        assert!(d.message.contains("U+0001"), "{}", d.message);
        let d = check_body(Path::new("a.md"), "x\0", 1).unwrap();
        assert!(d.message.contains("NUL"));
        assert!(check_body(Path::new("a.md"), "tab\tand\r\nlines\n", 1).is_none());
    }

    #[test]
    fn escaped_controls_in_front_matter_name_the_field() {
        let text = "title = \"x\"\n[[results]]\n[[results.candidates]]\nname = \"A\\u0001B\"\n";
        let found = check_front_matter(Path::new("a.md"), text, 2);
        assert_eq!(
            found[0].to_string(),
            "error: a.md:5: results[0].candidates[0].name: contains the invisible control character U+0001; names and titles are plain text: remove the escape"
        );
        assert!(check_front_matter(Path::new("a.md"), "title = \"a\\\\u0001\"\n", 2).is_empty());
    }
}
