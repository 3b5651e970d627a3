//! Site search that needs no server: at build time, an index of every article's words,
//! cut into shards that the browser fetches only when a query needs them
//! (static/search.js), and one small file per article for titles and snippets.
//!
//! - fold.rs: the spelling search compares (nukta, anusvara, NFC …) and the words of a text;
//! - latin.rs: the loose Latin key that lets romanised and Hindi spellings meet;
//! - index.rs: the files: shards of terms ordered by key, the first results of each word,
//!   the article files, the meta file;
//! - snippet.rs: the text shown around a match.
//!
//! Why our own index rather than Pagefind: Pagefind drops Devanagari vowel signs before it
//! compares words (कानपुर and कनपर collide), knows no romanisation, and would make every
//! newsroom install a second tool. docs/search.md describes the format and the measurements.

pub mod fold;
mod index;
pub mod latin;
mod snippet;

pub use index::{META_FILE, build_files, first_file};
use std::sync::Mutex;

/// One article as search sees it.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub title: String,
    pub description: String,
    pub path: String,
    pub lang: String,
    pub date: String,
    pub tags: Vec<String>,
    pub text: PageText,
}

/// An article body's readable text, with its headings also kept apart (they rank above
/// the body).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    pub headings: Vec<String>,
    pub body: String,
}

/// Collects entries while pages render (in parallel).
#[derive(Default)]
pub struct SearchIndex(Mutex<Vec<Entry>>);

/// The longest text kept per article: enough for every word of a long explainer, while a
/// 10,000-word essay does not bloat the index for everyone.
const MAX_TEXT: usize = 20_000;

impl SearchIndex {
    pub fn add(&self, entry: Entry) {
        if let Ok(mut entries) = self.0.lock() {
            entries.push(entry);
        }
    }

    /// The index's files as (path relative to the site root, bytes); the same entries
    /// always give the same files.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let entries = self.0.lock().map(|e| e.clone()).unwrap_or_default();
        build_files(entries)
    }
}

/// The readable text of an HTML fragment: tags dropped (with the contents of `<svg>`,
/// whose labels repeat the table beside it, and of `<script>`/`<style>`), entities decoded,
/// white space folded; the text of each `<h1>`–`<h6>` also listed apart.
pub fn plain_text(html: &str) -> PageText {
    let mut out = String::with_capacity(html.len() / 2);
    let mut headings = Vec::new();
    let mut heading_start = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        out.push(' ');
        rest = &rest[lt..];
        let tag = rest.as_bytes();
        let is_heading = |at: usize| {
            tag.get(at) == Some(&b'h') && tag.get(at + 1).is_some_and(|d| (b'1'..=b'6').contains(d))
        };
        if is_heading(1) {
            heading_start = Some(out.len());
        } else if tag.get(1) == Some(&b'/')
            && is_heading(2)
            && let Some(start) = heading_start.take()
        {
            let text = squeeze(&out[start..]);
            if !text.is_empty() {
                headings.push(text);
            }
        }
        let skip_to = ["svg", "script", "style"]
            .iter()
            .find(|tag| rest[1..].starts_with(*tag))
            .and_then(|tag| {
                rest.find(&format!("</{tag}>"))
                    .map(|end| end + tag.len() + 3)
            });
        rest = match skip_to {
            Some(end) => &rest[end..],
            None => match rest.find('>') {
                Some(gt) => &rest[gt + 1..],
                None => "",
            },
        };
    }
    out.push_str(&decode_entities(rest));
    let body = squeeze(&out);
    let body = match body.char_indices().nth(MAX_TEXT) {
        Some((cut, _)) => body[..cut].to_string(),
        None => body,
    };
    PageText { headings, body }
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_drops_markup_and_chart_drawings() {
        let html = "<h2 id=\"x\">कैंट</h2><p>आलोक &amp; <b>मिश्रा</b></p><figure><svg><text>1,15,028</text></svg><table><td>1,15,028</td></table></figure>";
        assert_eq!(plain_text(html).body, "कैंट आलोक & मिश्रा 1,15,028");
    }

    #[test]
    fn headings_are_kept_apart() {
        let text = plain_text("<h2 id=\"a\">कैंट में <em>बढ़त</em></h2><p>पाठ</p><h3>दूसरा</h3>");
        assert_eq!(text.headings, ["कैंट में बढ़त", "दूसरा"]);
        assert_eq!(text.body, "कैंट में बढ़त पाठ दूसरा");
    }
}
