//! Expressions in prose that quote a figure a result does not have. A result marked
//! `complete = false` names only some candidates, so chunav derives no winner, runner-up,
//! margin, rank or share for it (they would be wrong); Tera would print such a missing
//! value as nothing, and the sentence around it would go out with a hole. Found before
//! rendering, at the expression's line.

use crate::diagnostics::{Diagnostic, LineIndex};
use std::path::Path;

/// Figures left out of an incomplete result (at any depth below it except `segments`,
/// whose own completeness is separate).
const NEEDS_COMPLETE: [&str; 6] = [
    "winner",
    "runner_up",
    "margin",
    "margin_points",
    "share",
    "rank",
];

/// Every `results.<id>.…` in a `{{ }}` or `{% %}` of `body` that reaches a figure of
/// `NEEDS_COMPLETE` for an id in `incomplete`.
pub fn incomplete_quotes(
    file: &Path,
    body: &str,
    body_line: usize,
    incomplete: &[&str],
) -> Vec<Diagnostic> {
    if incomplete.is_empty() || !body.contains("results") {
        return Vec::new();
    }
    let lines = LineIndex::new(body, body_line);
    let mut problems = Vec::new();
    for (start, expr) in expressions(body) {
        for (offset, path) in result_paths(expr) {
            let mut parts = path.split('.');
            let (Some(_), Some(id)) = (parts.next(), parts.next()) else {
                continue;
            };
            if !incomplete.contains(&id) {
                continue;
            }
            let rest: Vec<&str> = parts.collect();
            if rest.first() == Some(&"segments") {
                continue;
            }
            if let Some(field) = rest.iter().find(|p| NEEDS_COMPLETE.contains(p)) {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "`{path}`: result `{id}` is marked complete = false (it does not list every candidate), \
                             so it has no {field}; quote votes instead, or list every candidate and remove complete = false"
                        ),
                    )
                    .at_line(lines.line_of(start + offset)),
                );
            }
        }
    }
    problems
}

/// Figures a result still counting does not have yet, and what stands in for them.
const NEEDS_DECLARED: [(&str, Option<&str>); 7] = [
    ("winner", Some("leader")),
    ("runner_up", Some("trailing")),
    ("margin", Some("lead")),
    ("margin_points", Some("lead_points")),
    ("turnout", None),
    ("deposit_threshold", None),
    ("deposits_forfeited", None),
];

/// Every `results.<id>.…` of `body` that quotes a figure a result still counting (ids in
/// `counting`) has not got yet: nobody has won while votes are being counted.
pub fn counting_quotes(
    file: &Path,
    body: &str,
    body_line: usize,
    counting: &[&str],
) -> Vec<Diagnostic> {
    if counting.is_empty() || !body.contains("results") {
        return Vec::new();
    }
    let lines = LineIndex::new(body, body_line);
    let guarded = guarded_blocks(body);
    let mut problems = Vec::new();
    for (start, expr) in expressions(body) {
        for (offset, path) in result_paths(expr) {
            let mut parts = path.split('.');
            let (Some(_), Some(id), Some(field)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            if !counting.contains(&id) {
                continue;
            }
            // Inside `{% if results.x.counting %} … {% else %} … {% endif %}` the text
            // already says what it says while counting: a body template made for every
            // seat of a results night (pages from data) is written exactly so.
            if guarded
                .iter()
                .any(|(from, to, ids)| (*from..*to).contains(&start) && ids.iter().any(|g| g == id))
            {
                continue;
            }
            let Some((_, instead)) = NEEDS_DECLARED.iter().find(|(f, _)| *f == field) else {
                continue;
            };
            let hint = match instead {
                Some(other) => format!("quote `results.{id}.{other}` until it is declared"),
                None => "it is known only once the result is declared".to_string(),
            };
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "`{path}`: result `{id}` is still counting (status = \"counting\"), so it has no {field} yet; {hint}"
                    ),
                )
                .at_line(lines.line_of(start + offset)),
            );
        }
    }
    problems
}

/// Fields whose test in an `{% if %}` / `{% elif %}` asks where a result stands.
const STATUS_TESTS: [&str; 6] = [
    "counting",
    "status",
    "declared",
    "uncontested",
    "winner",
    "leader",
];

/// The byte ranges of `{% if %} … {% endif %}` blocks (every branch) whose `if` or
/// `elif` asks where a result stands, with the ids of the results it asks about.
fn guarded_blocks(body: &str) -> Vec<(usize, usize, Vec<String>)> {
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find("{%") {
        let at = from + i;
        let Some(len) = body[at + 2..].find("%}") else {
            break;
        };
        let inner =
            body[at + 2..at + 2 + len].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let tag = inner.split_whitespace().next().unwrap_or("");
        let asked = || {
            result_paths(inner)
                .into_iter()
                .filter_map(|(_, path)| {
                    let mut parts = path.split('.');
                    let (_, id, field) = (parts.next()?, parts.next()?, parts.next()?);
                    STATUS_TESTS.contains(&field).then(|| id.to_string())
                })
                .collect::<Vec<_>>()
        };
        match tag {
            "if" => open.push((at, asked())),
            "elif" => {
                let more = asked();
                if let Some((_, ids)) = open.last_mut() {
                    ids.extend(more);
                }
            }
            "endif" => {
                if let Some((start, ids)) = open.pop()
                    && !ids.is_empty()
                {
                    blocks.push((start, at + 2 + len + 2, ids));
                }
            }
            _ => {}
        }
        from = at + 2 + len + 2;
    }
    blocks
}

/// The inside of each `{{ … }}` and `{% … %}`, with its byte offset in `body`.
fn expressions(body: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find('{') {
        let at = from + i;
        let close = match body.as_bytes().get(at + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                from = at + 1;
                continue;
            }
        };
        let inner_start = at + 2;
        match body[inner_start..].find(close) {
            Some(len) => {
                let inner = &body[inner_start..inner_start + len];
                // `{% if results.m.winner %}` asks whether there is one: a fair question.
                let test =
                    close == "%}" && matches!(inner.split_whitespace().next(), Some("if" | "elif"));
                if !test {
                    found.push((inner_start, inner));
                }
                from = inner_start + len + 2;
            }
            None => break,
        }
    }
    found
}

/// `results.a.b[0].c` paths in an expression (indexes dropped, `["x"]` read as `.x`),
/// with their offsets.
fn result_paths(expr: &str) -> Vec<(usize, String)> {
    let mut paths = Vec::new();
    let bytes = expr.as_bytes();
    let mut from = 0;
    while let Some(i) = expr[from..].find("results.") {
        let at = from + i;
        let starts_word = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b'.');
        let mut end = at;
        let mut path = String::new();
        let mut chars = expr[at..].char_indices().peekable();
        while let Some((j, c)) = chars.next() {
            end = at + j + c.len_utf8();
            match c {
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '.' => path.push(c),
                '[' => {
                    // An index ([0]) is skipped, a quoted key (["कैंट"]) becomes a part.
                    let inner: String = chars
                        .by_ref()
                        .take_while(|(_, c)| *c != ']')
                        .map(|(_, c)| c)
                        .collect();
                    let key = inner.trim().trim_matches(['"', '\'']);
                    if inner.trim().starts_with(['"', '\'']) {
                        path.push('.');
                        path.push_str(key);
                    }
                }
                _ => {
                    end -= c.len_utf8();
                    break;
                }
            }
        }
        if starts_word {
            paths.push((at, path));
        }
        from = end.max(at + 1);
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str) -> Vec<String> {
        incomplete_quotes(Path::new("a.md"), body, 10, &["m"])
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn quoting_what_an_incomplete_result_lacks_is_an_error() {
        let found = check("x\n\nजीत का अंतर {{ results.m.margin | inr }} रहा।\n");
        assert_eq!(
            found,
            [
                "error: a.md:12: `results.m.margin`: result `m` is marked complete = false (it does not list every candidate), so it has no margin; quote votes instead, or list every candidate and remove complete = false"
            ]
        );
        assert_eq!(check("{{ results.m.winner.name }}").len(), 1);
        let counting = |body: &str| counting_quotes(Path::new("a.md"), body, 1, &["c"]);
        let found = counting("x {{ results.c.winner.name }} {{ results.c.leader.name }}");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("still counting (status = \"counting\"), so it has no winner yet; quote `results.c.leader` until it is declared"),
            "{}",
            found[0].message
        );
        assert!(counting("{% if results.c.winner %}{% endif %}").is_empty());
        assert!(counting("{{ results.m.winner.name }}").is_empty());
        // A body template for every seat asks first, and each branch says its own thing.
        let template = "{% if results.c.uncontested %}{{ results.c.winner.name }}\n\
            {%- elif results.c.counting %}{{ results.c.leader.name }}\n\
            {% else %}{{ results.c.margin }}{% endif %}";
        assert!(counting(template).is_empty(), "{:?}", counting(template));
        // Asking about another result, or about nothing, guards nothing.
        assert_eq!(
            counting("{% if results.d.counting %}{{ results.c.margin }}{% endif %}").len(),
            1
        );
        assert_eq!(
            counting("{% if show %}{{ results.c.margin }}{% endif %} {{ results.c.winner.name }}")
                .len(),
            2
        );
        // The guard ends with its block.
        assert_eq!(
            counting("{% if results.c.counting %}a{% endif %} {{ results.c.margin }}").len(),
            1
        );
        assert_eq!(
            check("{{ results[\"m\"].margin }}").len(),
            0,
            "bracket form is left to Tera"
        );
        assert_eq!(check("{{ results.m.candidates[0].share }}").len(), 1);
        assert_eq!(
            check("{% for c in results.m.winner.by_segment %}{% endfor %}").len(),
            1
        );
        assert!(
            check("{% if results.m.winner %}{{ results.m.total }}{% endif %}").is_empty(),
            "asking whether there is a winner is fine"
        );
    }

    #[test]
    fn votes_segments_and_complete_results_are_fine() {
        assert!(check("{{ results.m.candidates[0].votes }} {{ results.m.total }}").is_empty());
        assert!(check("{{ results.m.segments[0].margin }}").is_empty());
        assert!(check("{{ results.ls2024.margin }}").is_empty());
        assert!(check("results.m.margin outside an expression").is_empty());
        assert!(check("{{ my_results.m.margin }}").is_empty());
    }
}
