//! The HTML around the drawing: `<figure>`, caption, the data table and the description.
//!
//! The table carries the same figures as the bars, as the caller formatted them, for
//! screen readers and copy-paste (signed figures with the ASCII hyphen-minus there, U+2212
//! in the drawing and the description); it sits in a keyboard-scrollable region so a wide table
//! scrolls instead of widening the page on a phone.

use std::fmt::Write as _;

use super::spec::Checked;
use super::words::Words;
use crate::numfmt::ascii_minus;

pub use crate::escape::xml_escape as escape;

/// The figures in words, for `<desc>`: "कैंट: लोकसभा 2019 88,489, लोकसभा 2024 1,15,028; …".
pub fn description(checked: &Checked<'_>, words: &Words) -> String {
    let spec = checked.spec;
    if spec.rows.is_empty() || spec.series.is_empty() || !spec.has_data() {
        return words.no_figures.to_string();
    }
    let rows: Vec<String> = (0..spec.rows.len())
        .map(|row| {
            let figures: Vec<String> = spec
                .series
                .iter()
                .map(|series| {
                    let value = series.values.get(row).and_then(Option::as_ref);
                    let text = value.map_or(words.not_available, |v| v.label.as_str());
                    format!("{} {}", series.label, text)
                })
                .collect();
            format!("{}: {}", spec.row_name(row), figures.join(", "))
        })
        .collect();
    rows.join("; ")
}

pub fn figure(checked: &Checked<'_>, words: &Words, svg: &str) -> String {
    let spec = checked.spec;
    let id = escape(&spec.id);
    let mut out = String::with_capacity(svg.len() + 2048);
    let _ = writeln!(
        out,
        "<figure class=\"chart\" id=\"{id}\" lang=\"{lang}\">",
        lang = escape(&spec.lang)
    );
    caption(&mut out, checked, words, &id);
    out.push_str(svg);
    out.push('\n');
    if !spec.rows.is_empty() && !spec.series.is_empty() {
        table_switch(&mut out, words);
        table(&mut out, checked, words, &id);
    }
    out.push_str("</figure>\n");
    out
}

fn caption(out: &mut String, checked: &Checked<'_>, words: &Words, id: &str) {
    let spec = checked.spec;
    let _ = write!(
        out,
        "<figcaption>\n<p class=\"chart-title\" id=\"{id}-caption\">{}</p>\n",
        escape(&spec.title)
    );
    if let Some(note) = spec.note.as_deref().filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(out, "<p class=\"chart-note\">{}</p>", escape(note));
    }
    if let Some(source) = &spec.source {
        let text = escape(&source.text);
        let _ = match &source.url {
            Some(url) => writeln!(
                out,
                "<p class=\"chart-source\">{}: <a href=\"{}\">{text}</a></p>",
                words.source,
                escape(url)
            ),
            None => writeln!(
                out,
                "<p class=\"chart-source\">{}: {text}</p>",
                words.source
            ),
        };
    }
    out.push_str("</figcaption>\n");
}

/// A switch for eyes only: the theme shows the table on screen while it is open (or while
/// the table has keyboard focus) and otherwise draws it off-screen, so a phone reader does
/// not scroll past every figure twice. The table itself is always in the accessibility
/// tree, so the switch is hidden from assistive technology and kept out of the tab order:
/// for a screen reader the table is always "open".
fn table_switch(out: &mut String, words: &Words) {
    let _ = writeln!(
        out,
        "<details class=\"chart-table-switch\" aria-hidden=\"true\"><summary tabindex=\"-1\">{}</summary></details>",
        words.show_table
    );
}

fn table(out: &mut String, checked: &Checked<'_>, words: &Words, id: &str) {
    let spec = checked.spec;
    let _ = write!(
        out,
        "<div class=\"chart-table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-caption\">\n\
         <table aria-labelledby=\"{id}-caption\">\n<thead><tr><th scope=\"col\">{}</th>",
        escape(&spec.row_header)
    );
    for series in &spec.series {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&series.label));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in 0..spec.rows.len() {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            escape(&spec.row_name(row))
        );
        for series in &spec.series {
            let value = series.values.get(row).and_then(Option::as_ref);
            let text = value.map_or(words.not_available, |v| v.label.as_str());
            // The table is what readers copy: a plain hyphen-minus pastes as a number.
            let _ = write!(out, "<td>{}</td>", escape(&ascii_minus(text)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_both_quotes() {
        assert_eq!(
            escape(r#"<b>"A" & 'B'</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
        assert_eq!(escape("गोविंदनगर"), "गोविंदनगर");
        assert_eq!(
            escape("a\u{1}b\0c\u{7f}"),
            "abc",
            "controls XML forbids are dropped"
        );
    }
}
