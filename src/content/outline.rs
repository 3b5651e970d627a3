//! What planning reads of a page's body: whether it shows seat tallies, the templates it
//! names and the pages its `@/` links lead to. Kept apart from the body so that a warm
//! build can plan a page it does not render without holding its text (a summarised page,
//! `site::summary_cache`).

/// What `build::plan` reads of a body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Outline {
    /// The body calls `tally()` or draws a seats chart.
    pub calls_tally: bool,
    /// The text of its Tera tags (`{% include "x.html" %}` …), one per line: the only
    /// place a body can name a template.
    pub tags: String,
    /// The targets of its `@/file.md` links, in order.
    pub links: Vec<String>,
}

impl Outline {
    pub fn of(body: &str) -> Outline {
        let mut tags = String::new();
        let mut rest = body;
        while let Some(at) = rest.find("{%") {
            let tag = &rest[at..];
            let end = tag.find("%}").map_or(tag.len(), |e| e + 2);
            tags.push_str(&tag[..end]);
            tags.push('\n');
            rest = &tag[end..];
        }
        Outline {
            calls_tally: calls_tally(body),
            tags,
            links: internal_link_targets(body)
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// Whether a template or body calls `tally()` or draws a seats chart.
pub fn calls_tally(text: &str) -> bool {
    text.contains("tally(") || text.contains("\"seats\"")
}

/// The targets of `@/…` links in a body (up to the first space, `)`, `#`, quote, `>` or `]`).
pub fn internal_link_targets(body: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("@/") {
        rest = &rest[at + 2..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '#' | '"' | '\'' | '>' | ']'))
            .unwrap_or(rest.len());
        targets.push(&rest[..end]);
        rest = &rest[end..];
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_links_are_found_in_prose() {
        assert_eq!(
            internal_link_targets(
                "देखें [नतीजा](@/kanpur/result-2024.md#x) और <a href=\"@/a.md\">a</a> @/"
            ),
            vec!["kanpur/result-2024.md", "a.md", ""]
        );
    }

    #[test]
    fn tags_and_tallies_are_found() {
        let o =
            Outline::of("a {{ x }} {% include \"t.html\" %} b {{ tally(election=\"x\") }} {% if y");
        assert!(o.calls_tally);
        assert_eq!(o.tags, "{% include \"t.html\" %}\n{% if y\n");
        assert!(!Outline::of("कोई टैग नहीं").calls_tally);
    }
}
