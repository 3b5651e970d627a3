//! What in a page's text is prose: code, template expressions and comments are blanked
//! out (byte offsets and newlines kept, so lines stay right), and the `title` and `note`
//! of a chart block are kept, since readers see them. Marks of numbers that are not data
//! figures (`{! nocheck !}`) are collected on the way.

/// The editor's mark for a number that is not a data figure: written right after the
/// number, or at the start of a paragraph for all of its numbers.
pub const NOCHECK: &str = "nocheck";

/// Masked text and where the `nocheck` marks stood.
pub struct Masked {
    pub text: String,
    /// Byte offsets of `{! nocheck !}` marks.
    pub marks: Vec<usize>,
}

pub fn mask(body: &str) -> Masked {
    let marks = nocheck_marks(body);
    Masked {
        text: mask_non_prose(body),
        marks,
    }
}

fn nocheck_marks(body: &str) -> Vec<usize> {
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find("{!") {
        let start = from + i;
        let Some(j) = body[start..].find("!}") else {
            break;
        };
        let inner = body[start + 2..start + j].trim();
        if inner.eq_ignore_ascii_case(NOCHECK) {
            marks.push(start);
        }
        from = start + j + 2;
    }
    marks
}

/// Within a chart block, the value of `title = "…"` and `note = "…"` stays; the rest is
/// blanked.
fn chart_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let keeps = ["title", "note"].iter().any(|k| {
        trimmed
            .strip_prefix(k)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    });
    if !keeps {
        return blank(line);
    }
    match (line.find('"'), line.rfind('"')) {
        (Some(a), Some(b)) if b > a => {
            // The closing quote ends a sentence: a chart's title and its note are two.
            format!(
                "{}{}|{}",
                blank(&line[..=a]),
                &line[a + 1..b],
                blank(&line[b + 1..])
            )
        }
        _ => blank(line),
    }
}

/// `body` with code and template expressions blanked out, byte offsets and newlines kept.
pub fn mask_non_prose(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<(char, usize)> = None;
    let mut in_chart = false;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let fence_run = |ch: char| trimmed.chars().take_while(|c| *c == ch).count();
        match fence {
            Some((ch, len)) => {
                if fence_run(ch) >= len && trimmed.trim_start_matches(ch).trim().is_empty() {
                    fence = None;
                    out.push_str(&blank(line));
                } else if in_chart {
                    out.push_str(&chart_line(line));
                } else {
                    out.push_str(&blank(line));
                }
            }
            None => {
                let opener = ['`', '~']
                    .into_iter()
                    .map(|ch| (ch, fence_run(ch)))
                    .find(|(_, n)| *n >= 3);
                if let Some(opener) = opener {
                    fence = Some(opener);
                    in_chart = trimmed.trim_start_matches(opener.0).trim() == "chart";
                    out.push_str(&blank(line));
                } else {
                    out.push_str(line);
                }
            }
        }
    }
    let out = mask_between(&out, "{{", "}}");
    let out = mask_between(&out, "{%", "%}");
    // "{# " with a space: Markdown heading ids are written "{#id}" and are not comments.
    let out = mask_between(&out, "{# ", "#}");
    // Prose comments (render.rs sets `{! … !}`), `nocheck` marks among them.
    let out = mask_between(&out, "{!", "!}");
    mask_inline_code(&out)
}

/// Blanks `open … close` spans. An opener without a closer is left as it is: Tera
/// rejects it anyway, and blanking to the end would hide the rest of the prose.
fn mask_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after_open = &rest[i..];
        match after_open[open.len()..].find(close) {
            Some(j) => {
                let end = open.len() + j + close.len();
                out.push_str(&blank(&after_open[..end]));
                rest = &after_open[end..];
            }
            None => {
                out.push_str(open);
                rest = &after_open[open.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Blanks `code spans` within each line.
fn mask_inline_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        while let Some(i) = rest.find('`') {
            let run = rest[i..].chars().take_while(|c| *c == '`').count();
            let ticks = &rest[i..i + run];
            match rest[i + run..].find(ticks) {
                Some(j) => {
                    out.push_str(&rest[..i]);
                    out.push_str(&blank(&rest[i..i + run + j + run]));
                    rest = &rest[i + run + j + run..];
                }
                None => {
                    out.push_str(&rest[..i + run]);
                    rest = &rest[i + run..];
                }
            }
        }
        out.push_str(rest);
    }
    out
}

/// Spaces of the same byte length, newlines kept.
fn blank(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect()
}
