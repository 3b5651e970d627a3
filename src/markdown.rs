//! Markdown body → HTML with pulldown-cmark.
//!
//! On top of CommonMark (with tables, footnotes, strikethrough, task lists and smart
//! punctuation) this stage gives every heading an id that keeps Devanagari intact, turns
//! ```` ```chart ```` blocks into figures and resolves `@/path.md` links to other pages.
//! Charts and links are decided elsewhere, through `Hooks`; a figure enters the event stream
//! as one `Event::Html`, so the Markdown is never re-parsed.

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::slug::slugify;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

/// What the Markdown stage asks of the rest of the site.
pub trait Hooks {
    /// HTML for a chart block holding `options` (TOML). Err: what is wrong, for the editor.
    fn chart(&self, options: &str, block_line: usize) -> Result<String, String>;
    /// URL for an internal link `@/kanpur/result-2024.md#anchor`, relative to the page.
    fn internal_link(&self, target: &str) -> Result<String, String>;
    /// The page's language, for the few words the Markdown stage writes itself.
    fn lang(&self) -> &str {
        "en"
    }
}

/// A link or image source written in a page's Markdown, for the link check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLink {
    pub url: String,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every link and image source, resolved (`@/` links to URLs), with its line.
    pub links: Vec<BodyLink>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Opens the box around a Markdown table (`.table-scroll` in the theme's CSS).
const TABLE_SCROLL_START: &str = "<div class=\"table-scroll\" tabindex=\"0\">\n";

/// Renders `body`, whose first line is line `body_line` of `file`.
pub fn render(file: &Path, body: &str, body_line: usize, hooks: &dyn Hooks) -> Rendered {
    let lines = LineIndex::new(body, body_line);
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut ids = HashSet::new();
    let mut parser = Parser::new_ext(body, options()).into_offset_iter();
    while let Some((event, range)) = parser.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let inner = collect_until_end(&mut parser);
                let text = plain_text(&inner);
                if let Some(explicit) = id.as_deref().filter(|i| is_theme_id(i)) {
                    out.diagnostics.push(
                        Diagnostic::error(
                            file,
                            format!(
                                "heading id `{explicit}` is one the theme uses (the skip link, a result box or a chart); choose another, e.g. {{#{explicit}-section}}"
                            ),
                        )
                        .at_line(lines.line_of(range.start)),
                    );
                }
                let wanted = id.map(|i| i.to_string()).unwrap_or_else(|| {
                    // `## main` or `## chart-1` would duplicate an id of the page itself.
                    let slug = slugify(&text);
                    if is_theme_id(&slug) {
                        format!("h-{slug}")
                    } else {
                        slug
                    }
                });
                let id = unique_id(
                    &mut ids,
                    if wanted.is_empty() {
                        "section".into()
                    } else {
                        wanted
                    },
                );
                out.headings.push(Heading {
                    level: level as u8,
                    id: id.clone(),
                    text,
                });
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                }));
                events.extend(inner);
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::CodeBlock(kind)) if !is_chart_block(&kind) => {
                let text = plain_text(&collect_until_end(&mut parser));
                events.push(Event::Html(code_block(&kind, &text, hooks.lang()).into()));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if is_chart(&lang) => {
                let options = plain_text(&collect_until_end(&mut parser));
                let line = lines.line_of(range.start);
                match hooks.chart(&options, line) {
                    Ok(figure) => events.push(Event::Html(figure.into())),
                    Err(message) => out.diagnostics.push(chart_error(file, line, message)),
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let dest_url =
                    resolve_link(file, &lines, &range, &dest_url, hooks, &mut out.diagnostics);
                out.links.push(BodyLink {
                    url: dest_url.to_string(),
                    line: lines.line_of(range.start),
                });
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            // A wide table scrolls sideways on a phone inside a box the keyboard can reach.
            Event::Start(Tag::Table(alignments)) => {
                events.push(Event::Html(TABLE_SCROLL_START.into()));
                events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                out.links.push(BodyLink {
                    url: dest_url.to_string(),
                    line: lines.line_of(range.start),
                });
                events.push(event);
            }
            other => events.push(other),
        }
    }
    out.html.reserve(body.len() * 3 / 2);
    html::push_html(&mut out.html, events.into_iter());
    out
}

fn is_chart(lang: &str) -> bool {
    lang.split_whitespace().next() == Some("chart")
}

fn is_chart_block(kind: &CodeBlockKind<'_>) -> bool {
    matches!(kind, CodeBlockKind::Fenced(lang) if is_chart(lang))
}

/// A code block that scrolls sideways on a phone instead of widening the page: reachable
/// with the keyboard (`tabindex`) and named, so a screen reader says what the stop is.
fn code_block(kind: &CodeBlockKind<'_>, text: &str, lang: &str) -> String {
    let label = if lang.split(['-', '_']).next() == Some("hi") {
        "कोड"
    } else {
        "Code"
    };
    let class = match kind {
        CodeBlockKind::Fenced(info) => match info.split_whitespace().next() {
            Some(tag) => format!(" class=\"language-{}\"", crate::chart::escape(tag)),
            None => String::new(),
        },
        CodeBlockKind::Indented => String::new(),
    };
    format!(
        "<pre tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><code{class}>{}</code></pre>\n",
        crate::chart::escape(text)
    )
}

fn chart_error(file: &Path, line: usize, message: String) -> Diagnostic {
    Diagnostic::error(file, message)
        .at_line(line)
        .with_field("chart")
}

fn resolve_link<'a>(
    file: &Path,
    lines: &LineIndex,
    range: &Range<usize>,
    dest: &str,
    hooks: &dyn Hooks,
    diagnostics: &mut Vec<Diagnostic>,
) -> CowStr<'a> {
    match hooks.internal_link(dest) {
        Ok(url) => url.into(),
        Err(message) => {
            diagnostics.push(Diagnostic::error(file, message).at_line(lines.line_of(range.start)));
            CowStr::from(dest.to_string())
        }
    }
}

/// Events up to the end of the element just started (nesting aware).
fn collect_until_end<'a>(
    parser: &mut impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<Event<'a>> {
    let mut depth = 0usize;
    let mut inner = Vec::new();
    for (event, _) in parser.by_ref() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        inner.push(event);
    }
    inner
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Ids the theme's pages carry themselves: exact ones, and the prefixes of result boxes
/// and charts (`result-ls2024`, `chart-1-title`). A test reads the theme to keep this
/// list complete.
const THEME_IDS: [&str; 8] = [
    "main",
    "toc-title",
    "related-title",
    "search-form",
    "search-input",
    "search-results",
    "search-status",
    "search-browse",
];
const THEME_ID_PREFIXES: [&str; 2] = ["result-", "chart-"];

fn is_theme_id(id: &str) -> bool {
    THEME_IDS.contains(&id) || THEME_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

fn unique_id(used: &mut HashSet<String>, wanted: String) -> String {
    let mut id = wanted.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoHooks;
    impl Hooks for NoHooks {
        fn chart(&self, options: &str, line: usize) -> Result<String, String> {
            if options.contains("bad") {
                Err("unknown chart kind".into())
            } else {
                Ok(format!("<figure data-line=\"{line}\"></figure>"))
            }
        }
        fn internal_link(&self, target: &str) -> Result<String, String> {
            match target {
                "@/kanpur/a.md" => Ok("../a/".into()),
                _ => Err(format!("no page {target}")),
            }
        }
    }

    fn md(body: &str) -> Rendered {
        render(Path::new("content/a.md"), body, 10, &NoHooks)
    }

    #[test]
    fn tables_sit_in_a_focusable_scroll_box() {
        let r = md("| क्षेत्र | वोट |\n|---|---|\n| कैंट | 1,15,028 |\n");
        assert!(
            r.html
                .starts_with("<div class=\"table-scroll\" tabindex=\"0\">\n<table>"),
            "{}",
            r.html
        );
        assert!(
            r.html.trim_end().ends_with("</table>\n</div>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn code_blocks_scroll_with_the_keyboard_and_have_a_name() {
        let r = md("```text\n$ chunav check <a> & b\n```\n\n    indented\n");
        assert!(
            r.html.contains(
                "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code\"><code class=\"language-text\">$ chunav check &lt;a&gt; &amp; b\n</code></pre>"
            ),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code\"><code>indented\n</code></pre>"
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn devanagari_heading_ids_keep_the_virama() {
        let r = md("## विधानसभा क्षेत्रवार वोट\n");
        assert!(r.html.contains("id=\"विधानसभा-क्षेत्रवार-वोट\""), "{}", r.html);
    }

    #[test]
    fn duplicate_heading_ids_get_suffixes() {
        let r = md("## नतीजा\n\n## नतीजा\n\n## नतीजा\n");
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["नतीजा", "नतीजा-1", "नतीजा-2"]);
    }

    #[test]
    fn headings_never_take_the_themes_ids() {
        let r = md("## main\n\n## result-r1\n\n## chart-1\n\n## Main Points\n");
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["h-main", "h-result-r1", "h-chart-1", "main-points"]);
        let r = md("## Intro {#main}\n");
        assert!(
            r.diagnostics[0].message.contains("`main`"),
            "{:?}",
            r.diagnostics
        );
    }

    #[test]
    fn every_id_of_the_theme_is_known() {
        for (name, text) in crate::theme::TEMPLATES {
            for part in text.split("id=\"").skip(1) {
                let id = part.split('"').next().unwrap_or_default();
                let literal = id.split("{{").next().unwrap_or_default();
                if literal.is_empty() {
                    continue;
                }
                assert!(
                    is_theme_id(literal)
                        || (id.contains("{{") && THEME_ID_PREFIXES.contains(&literal)),
                    "{name}: id `{id}` missing from THEME_IDS"
                );
            }
        }
    }

    #[test]
    fn chart_blocks_become_html_with_their_line() {
        let r = md("text\n\n```chart\nkind = \"segments\"\n```\n\n```rust\nfn main() {}\n```\n");
        assert!(
            r.html.contains("<figure data-line=\"12\"></figure>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<code class=\"language-rust\">"));
    }

    #[test]
    fn chart_and_link_errors_have_lines() {
        let r = md("a\n\n```chart\nbad\n```\n\n[x](@/nope.md)\n");
        let msgs: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "error: content/a.md:12: chart: unknown chart kind",
                "error: content/a.md:16: no page @/nope.md"
            ]
        );
    }

    #[test]
    fn internal_links_resolve() {
        let r = md("[पहला](@/kanpur/a.md)\n");
        assert!(r.html.contains("href=\"../a/\""), "{}", r.html);
    }

    #[test]
    fn tables_footnotes_strikethrough_smart_quotes() {
        let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ \"new\"[^1]\n\n[^1]: note\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("“new”"));
        assert!(r.html.contains("footnote-definition"));
    }
}
