//! Expressions that would print a "more than" figure as if it were exact.
//!
//! A source that says "2.5 लाख से ज़्यादा" gives a lower bound; the data keeps it as
//! `approx = true`, and every total, share and margin computed from it is a bound or an
//! estimate too. An expression such as `{{ results.mayor2023.candidates[0].votes | inr }}`
//! prints the bare number, so the page would state an exact figure the source never gave.
//! Such an expression is refused (an error at its line) unless the words next to it say
//! what the figure is ("से अधिक", "more than", "लगभग", "about"); the message shows how to
//! write it in the page's language.
//!
//! Paths are followed through `{% set r = results.x %}` and `{% for c in
//! results.x.candidates %}`, so an alias or a loop cannot hide the figure.

use super::{APPROX_AFTER, APPROX_BEFORE, MORE_AFTER, MORE_BEFORE};
use crate::election::ResultFigures;
use crate::election::page::PageResults;
use std::collections::BTreeMap;

/// Figures an expression can print that are counts or shares of the result.
const FIGURE_FIELDS: &[&str] = &[
    "votes",
    "evm",
    "share",
    "total",
    "total_without_nota",
    "margin",
    "margin_points",
    "turnout",
    "share_points",
    "deposit_threshold",
];

/// Fields of a result a template path may start with (`seat.winner.votes`).
const RESULT_FIELDS: &[&str] = &[
    "winner",
    "runner_up",
    "candidates",
    "parties",
    "margin",
    "total",
    "turnout",
    "deposit_threshold",
];

/// Variables every template has, never an alias of a result.
const TEMPLATE_GLOBALS: &[&str] = &["page", "section", "config", "site", "results", "lang"];

/// Bound or approximation words that may stand next to an expression besides those the
/// prose check reads around numbers.
const SAID_NEAR: &[&str] = &[
    "से अधिक",
    "से ज़्यादा",
    "से ज्यादा",
    "more than",
    "over",
    "at least",
    "लगभग",
    "करीब",
    "क़रीब",
    "about",
    "around",
];

/// (byte offset of the expression, message) for every expression of `text` that prints
/// a "more than" figure with no word next to it saying so.
pub fn unsaid_bounds(text: &str, results: &PageResults) -> Vec<(usize, String)> {
    let mut aliases: BTreeMap<String, Alias> = BTreeMap::new();
    let mut out = Vec::new();
    for tag in tags(text) {
        match tag.kind {
            TagKind::Statement => {
                if let Some((name, alias)) = alias_of(tag.inner) {
                    aliases.insert(name, alias);
                }
            }
            TagKind::Expression => {
                let Some((r, figure)) = figure_of(tag.inner, &aliases, results) else {
                    continue;
                };
                if !figure.approx || said_near(text, tag.start, tag.end) {
                    continue;
                }
                out.push((tag.start, message(text, &tag, r, &figure)));
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum TagKind {
    /// `{{ … }}`
    Expression,
    /// `{% … %}`
    Statement,
}

struct Tag<'t> {
    kind: TagKind,
    /// Byte range of the whole tag in the text.
    start: usize,
    end: usize,
    inner: &'t str,
}

fn tags(text: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('{') {
        let start = from + i;
        let (kind, close) = match text.as_bytes().get(start + 1) {
            Some(b'{') => (TagKind::Expression, "}}"),
            Some(b'%') => (TagKind::Statement, "%}"),
            Some(b'!') => {
                // A prose comment `{! … !}` is never rendered, whatever it holds.
                match text[start + 2..].find("!}") {
                    Some(j) => from = start + 2 + j + 2,
                    None => break,
                }
                continue;
            }
            _ => {
                from = start + 1;
                continue;
            }
        };
        let Some(j) = text[start + 2..].find(close) else {
            break;
        };
        let end = start + 2 + j + 2;
        out.push(Tag {
            kind,
            start,
            end,
            inner: text[start + 2..end - 2].trim_matches(['-', ' ', '\n', '\t']),
        });
        from = end;
    }
    out
}

/// What a template variable stands for: a result, or one candidate of a result's list
/// (a loop variable, whichever candidate it is at the time).
#[derive(Clone)]
struct Alias {
    id: String,
    /// The path below `results.<id>` the variable names ("" for the result itself).
    below: String,
}

/// `set r = results.x` / `set w = results.x.winner` / `for c in results.x.candidates`.
fn alias_of(statement: &str) -> Option<(String, Alias)> {
    let words: Vec<&str> = statement.split_whitespace().collect();
    let (name, target) = match words.as_slice() {
        ["set" | "set_global", name, "=", target, ..] => (*name, *target),
        ["for", name, "in", target, ..] => (*name, *target),
        // `for i, c in …`
        ["for", _, name, "in", target, ..] => (*name, *target),
        _ => return None,
    };
    let name = name.trim_end_matches(',');
    let (id, below) = result_path(target)?;
    let below = if words[0] == "for" {
        // The loop variable is one item of the list.
        format!("{below}[]")
    } else {
        below
    };
    Some((name.to_string(), Alias { id, below }))
}

/// `results.x.candidates[0].votes` → ("x", ".candidates[0].votes"); `results["x"]` too.
fn result_path(path: &str) -> Option<(String, String)> {
    let path = path.split('|').next()?.trim();
    let rest = path.strip_prefix("results")?;
    let (id, below) = if let Some(rest) = rest.strip_prefix('.') {
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        (&rest[..end], &rest[end..])
    } else if let Some(rest) = rest.strip_prefix('[') {
        let end = rest.find(']')?;
        (
            rest[..end].trim().trim_matches(['"', '\'']),
            &rest[end + 1..],
        )
    } else {
        return None;
    };
    Some((id.to_string(), below.to_string()))
}

/// The figure an expression prints, as far as it is a figure of a result.
struct Figure {
    approx: bool,
    /// The candidate it belongs to, when one.
    candidate: Option<String>,
}

fn figure_of<'r>(
    expression: &str,
    aliases: &BTreeMap<String, Alias>,
    results: &'r PageResults,
) -> Option<(&'r ResultFigures, Figure)> {
    let path = expression.split('|').next()?.trim();
    let (id, below) = match result_path(path) {
        Some(found) => found,
        None => {
            let head_end = path
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(path.len());
            let head = &path[..head_end];
            match aliases.get(head) {
                Some(alias) => (
                    alias.id.clone(),
                    format!("{}{}", alias.below, &path[head_end..]),
                ),
                // A page made from data ([generate]) names its one result by an alias the
                // generator gives (`seat` unless `as` says otherwise): on a page of one
                // result, a variable no statement sets, followed by a result's field, is it.
                None => {
                    let below = &path[head_end..];
                    let result_field = RESULT_FIELDS
                        .iter()
                        .any(|f| below.strip_prefix('.').is_some_and(|b| b.starts_with(f)));
                    let mut only = results.iter();
                    match (only.next(), only.next()) {
                        (Some(r), None) if result_field && !TEMPLATE_GLOBALS.contains(&head) => {
                            (r.id.clone(), below.to_string())
                        }
                        _ => return None,
                    }
                }
            }
        }
    };
    // `results.seat` on a page made from data names its one result by the generator's
    // alias, not by the result's id.
    let r = results.get(&id).or_else(|| {
        let mut only = results.iter();
        match (only.next(), only.next()) {
            (Some(r), None) => Some(r),
            _ => None,
        }
    })?;
    let field = below
        .rsplit(['.', '['])
        .next()?
        .trim_end_matches(']')
        .trim_matches(['"', '\'']);
    if !FIGURE_FIELDS.contains(&field) || below.contains("segments") {
        // Segment figures are counts from the source, exact even in an approximate result.
        return None;
    }
    let candidate = |c: Option<&crate::election::CandidateFigures>| Figure {
        approx: c.map_or(r.approx, |c| c.approx),
        candidate: c.map(|c| c.name.clone()),
    };
    let own_votes = matches!(field, "votes" | "evm");
    let figure = if !own_votes {
        Figure {
            approx: r.approx,
            candidate: None,
        }
    } else if let Some(index) = below.strip_prefix(".candidates[") {
        let index = index.split(']').next().unwrap_or("");
        candidate(
            index
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| r.candidates.get(n)),
        )
    } else if below.starts_with(".winner.") {
        candidate(r.winner.as_ref())
    } else if below.starts_with(".runner_up.") {
        candidate(r.runner_up.as_ref())
    } else if let Some(rest) = below.strip_prefix(".parties") {
        let code: String = rest
            .trim_start_matches(['.', '[', '"', '\''])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '(' || *c == ')')
            .collect();
        Figure {
            approx: r.parties.get(&code).map_or(r.approx, |p| p.approx),
            candidate: None,
        }
    } else {
        Figure {
            approx: r.approx,
            candidate: None,
        }
    };
    Some((r, figure))
}

/// A bound or approximation word within a few words of the expression, in its sentence.
fn said_near(text: &str, start: usize, end: usize) -> bool {
    let ends = |c: char| matches!(c, '।' | '\n' | '!' | '?');
    let head = &text[..start];
    let head = &head[head.rfind(|c: char| ends(c)).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    })..];
    let head = head.rfind(". ").map_or(head, |i| &head[i + 2..]);
    let tail = &text[end..];
    let tail = &tail[..tail.find(|c: char| ends(c)).unwrap_or(tail.len())];
    let tail = tail.find(". ").map_or(tail, |i| &tail[..i]);
    let before: String = head
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let after: String = tail.chars().take(40).collect::<String>().to_lowercase();
    APPROX_BEFORE
        .iter()
        .chain(MORE_BEFORE)
        .chain(SAID_NEAR)
        .any(|w| before.contains(w))
        || APPROX_AFTER
            .iter()
            .chain(MORE_AFTER.iter().filter(|w| **w != "+"))
            .chain(SAID_NEAR)
            .any(|w| after.contains(w))
}

fn message(text: &str, tag: &Tag<'_>, r: &ResultFigures, figure: &Figure) -> String {
    let written = &text[tag.start..tag.end];
    // The suggestion is in the language of the sentence around the expression.
    let line_start = text[..tag.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[tag.end..]
        .find('\n')
        .map_or(text.len(), |i| tag.end + i);
    let line = format!(
        "{}{}",
        &text[line_start..tag.start],
        &text[tag.end..line_end]
    );
    let hindi = line.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
    let whose = figure
        .candidate
        .as_ref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    let how = if hindi {
        format!("\"{written} से अधिक\" (or \"लगभग {written}\" for a total or share)")
    } else {
        format!("\"more than {written}\" (or \"about {written}\" for a total or share)")
    };
    format!(
        "`{written}` would print a figure of {}{whose} as exact, but the source gives it only as \"more than\" (approx = true); write {how}",
        r.election
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::testutil::check;

    const MAYOR: &str = "[[results]]\nid = \"m\"\nelection = \"महापौर चुनाव 2023\"\nyear = 2023\nconstituency = \"कानपुर\"\ncomplete = false\n\n[[results.candidates]]\nname = \"सपा प्रत्याशी\"\nparty = \"SP\"\nvotes = 250000\napprox = true\n\n[[results.candidates]]\nname = \"भाजपा प्रत्याशी\"\nparty = \"BJP\"\nvotes = 150000\n";

    fn found(text: &str) -> Vec<String> {
        let results = check(MAYOR).0;
        unsaid_bounds(text, &results)
            .into_iter()
            .map(|(at, m)| format!("{at}: {m}"))
            .collect()
    }

    #[test]
    fn a_bare_lower_bound_is_refused_with_the_wording_of_the_page() {
        let hi = found("सपा को {{ results.m.candidates[0].votes | inr }} वोट मिले।");
        assert_eq!(hi.len(), 1, "{hi:?}");
        assert!(
            hi[0].contains("would print a figure of महापौर चुनाव 2023 (सपा प्रत्याशी) as exact")
                && hi[0].contains("\"{{ results.m.candidates[0].votes | inr }} से अधिक\""),
            "{hi:?}"
        );
        let en = found("The SP got {{ results.m.candidates[0].votes | lakh }} votes.");
        assert!(
            en[0].contains("\"more than {{ results.m.candidates[0].votes | lakh }}\""),
            "{en:?}"
        );
    }

    #[test]
    fn aliases_loops_and_totals_are_followed() {
        let text = "{% set r = results.m %}{{ r.candidates[0].votes }} और {{ r.total | inr }}\n{% for c in results.m.candidates %}{{ c.votes | inr }}{% endfor %}";
        assert_eq!(found(text).len(), 3, "{:?}", found(text));
    }

    #[test]
    fn a_bound_said_in_the_sentence_before_does_not_count() {
        let text = "सपा को {{ results.m.candidates[0].votes | lakh }} से अधिक वोट मिले।\n\nसपा को {{ results.m.candidates[0].votes | inr }} वोट मिले।";
        assert_eq!(found(text).len(), 1, "{:?}", found(text));
    }

    #[test]
    fn said_bounds_exact_candidates_and_other_fields_are_quiet() {
        let text = concat!(
            "सपा को {{ results.m.candidates[0].votes | lakh }} से अधिक वोट मिले।\n",
            "more than {{ results[\"m\"].candidates[0].votes | inr }} votes\n",
            "भाजपा को {{ results.m.candidates[1].votes | inr }} वोट मिले।\n",
            "{{ results.m.election }} {{ results.m.candidates[0].name }}\n",
            "{% if results.m.total > 1 %}{% endif %}\n",
            "{! {{ results.m.total }} in a comment !}\n",
        );
        assert_eq!(found(text), Vec::<String>::new());
    }
}
