//! Turns TOML parse and type errors into diagnostics a person can act on: the line, the
//! field path (`results[0].candidates[1].votes`), and a suggestion for misspelt keys.
//!
//! serde's errors name neither the path nor the line; the `toml` error carries a byte
//! span, which we map back to a line and, by walking the spanned document, to a path.

use crate::diagnostics::{Diagnostic, LineIndex, closest};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A diagnostic for a failed parse of `text` (the TOML part of `file`).
pub fn to_diagnostic(
    file: &Path,
    text: &str,
    lines: &LineIndex,
    err: &toml::de::Error,
) -> Diagnostic {
    let message = improve_message(err.message().trim());
    let missing = message
        .strip_prefix("missing key `")
        .and_then(|rest| rest.split('`').next())
        .map(str::to_string);
    let mut diagnostic = Diagnostic::error(file, message);
    if let Some(span) = err.span() {
        diagnostic = diagnostic.at_line(lines.line_of(span.start));
        let path = field_path_at(text, span.clone());
        // A missing key is missing from the table the span covers, not the key at it:
        // name the missing key (inside its table's path, when it is not the top level).
        let path = match (missing, path) {
            (Some(key), Some(at)) if span.start == 0 || !at.contains(['.', '[']) => Some(key),
            (Some(key), Some(at)) if at.ends_with(']') => Some(format!("{at}.{key}")),
            (Some(key), Some(at)) => Some(match at.rsplit_once('.') {
                Some((table, _)) => format!("{table}.{key}"),
                None => key,
            }),
            (Some(key), None) => Some(key),
            (None, path) => path,
        };
        if let Some(path) = path {
            diagnostic = diagnostic.with_field(path);
        }
    }
    diagnostic
}

/// serde says "unknown field `titel`, expected one of `title`, …"; we add which one was
/// probably meant, and say "expected a whole number" rather than "expected u64".
pub fn improve_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (wrong, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut out = format!("unknown key `{wrong}`");
        match closest(wrong, known.iter().copied()) {
            Some(best) => out.push_str(&format!("; did you mean `{best}`?")),
            None if !known.is_empty() => {
                out.push_str(&format!("; allowed keys: {}", known.join(", ")))
            }
            None => {}
        }
        return out;
    }
    let message = message
        .replace("expected u64", "expected a whole number")
        .replace("expected i64", "expected a whole number")
        .replace("expected u32", "expected a whole number");
    if message.contains("value was too large")
        || message.contains("number too large")
        || message.contains("as i128")
    {
        return "this number is too large for TOML (and for any vote count); check for a typo"
            .to_string();
    }
    message
        .replace("invalid type: ", "")
        .replace("missing field", "missing key")
}

/// The dotted path of the most specific key whose key or value covers `span`.
pub fn field_path_at(text: &str, span: Range<usize>) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    let mut best: Option<(usize, String)> = None;
    walk_table(doc.get_ref(), "", &span, &mut best);
    best.map(|(_, path)| path)
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end.max(outer.start + 1)
}

fn consider(
    candidate: &Range<usize>,
    path: &str,
    span: &Range<usize>,
    best: &mut Option<(usize, String)>,
) {
    if covers(candidate, span) {
        let width = candidate.end.saturating_sub(candidate.start);
        if best.as_ref().is_none_or(|(w, _)| width <= *w) {
            *best = Some((width, path.to_string()));
        }
    }
}

fn walk_table(
    table: &DeTable<'_>,
    prefix: &str,
    span: &Range<usize>,
    best: &mut Option<(usize, String)>,
) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        consider(&key.span(), &path, span, best);
        walk_value(value, &path, span, best);
    }
}

fn walk_value(
    value: &Spanned<DeValue<'_>>,
    path: &str,
    span: &Range<usize>,
    best: &mut Option<(usize, String)>,
) {
    match value.get_ref() {
        DeValue::Table(table) => walk_table(table, path, span, best),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                consider(&item.span(), &item_path, span, best);
                walk_value(item, &item_path, span, best);
            }
        }
        _ => consider(&value.span(), path, span, best),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        results: Vec<Res>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Res {
        candidates: Vec<Cand>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Cand {
        votes: u64,
    }

    fn diagnose(text: &str) -> Diagnostic {
        let err = toml::from_str::<Doc>(text).unwrap_err();
        to_diagnostic(Path::new("a.md"), text, &LineIndex::new(text, 2), &err)
    }

    #[test]
    fn type_error_names_path_and_line() {
        let text = "title = \"x\"\n[[results]]\n[[results.candidates]]\nvotes = 1\n[[results.candidates]]\nvotes = \"4,22,087\"\n";
        let d = diagnose(text);
        assert_eq!(d.line, Some(7));
        assert_eq!(d.field.as_deref(), Some("results[0].candidates[1].votes"));
        assert!(
            d.message.contains("expected a whole number"),
            "{}",
            d.message
        );
        assert!(d.message.contains("4,22,087"), "{}", d.message);
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let d = diagnose("titel = \"x\"\n");
        assert_eq!(d.message, "unknown key `titel`; did you mean `title`?");
        assert_eq!(d.line, Some(2));
    }
}
