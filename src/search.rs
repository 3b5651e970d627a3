//! Site search that needs no server: a small JSON index of every article (title,
//! description, plain text) written at build time, searched in the browser by
//! static/search.js.
//!
//! Why our own index rather than Pagefind: Pagefind would make every newsroom install
//! Node or a second binary to build the site, and its word stemming is tuned for European
//! languages. Hindi queries need only normalised substring matching (nukta and ZWJ/ZWNJ
//! folded, so कैंट finds कैंट whichever way it was typed), which fits in a few hundred bytes
//! of JavaScript over an index that is small for a newsroom microsite.

use crate::escape::json_string;
use std::sync::Mutex;

/// One article as search sees it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub title: String,
    pub description: String,
    pub path: String,
    pub lang: String,
    pub date: String,
    pub text: String,
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

    /// The index as JSON: `[{"t":title,"d":description,"u":path,"l":lang,"p":date,"x":text}]`,
    /// newest first, deterministic.
    pub fn to_json(&self) -> String {
        let mut entries = self.0.lock().map(|e| e.clone()).unwrap_or_default();
        entries.sort_by(|a, b| (&b.date, &a.path).cmp(&(&a.date, &b.path)));
        let items: Vec<String> = entries
            .iter()
            .map(|e| {
                format!(
                    "{{\"t\":{},\"d\":{},\"u\":{},\"l\":{},\"p\":{},\"x\":{}}}",
                    json_string(&e.title),
                    json_string(&e.description),
                    json_string(&e.path),
                    json_string(&e.lang),
                    json_string(&e.date),
                    json_string(&e.text)
                )
            })
            .collect();
        format!("[{}]\n", items.join(",\n"))
    }
}

/// The search files of a site whose articles are `entries` (in any order): today one,
/// `search-index.json`. The build writes whatever this returns.
pub fn index_files(entries: Vec<Entry>) -> Vec<(String, String)> {
    let index = SearchIndex(Mutex::new(entries));
    vec![(INDEX_FILE.to_string(), index.to_json())]
}

/// The index the search page loads.
pub const INDEX_FILE: &str = "search-index.json";

/// The readable text of an HTML fragment: tags dropped (with the contents of `<svg>`,
/// whose labels repeat the table beside it, and of `<script>`/`<style>`), entities decoded,
/// white space folded.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        out.push(' ');
        rest = &rest[lt..];
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
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(MAX_TEXT) {
        Some((cut, _)) => folded[..cut].to_string(),
        None => folded,
    }
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
        assert_eq!(plain_text(html), "कैंट आलोक & मिश्रा 1,15,028");
    }

    #[test]
    fn index_is_json_newest_first() {
        let index = SearchIndex::default();
        for (date, title) in [("2023-05-20", "पुराना"), ("2024-06-05", "नया \"</script>\"")]
        {
            index.add(Entry {
                title: title.into(),
                description: String::new(),
                path: format!("{date}/"),
                lang: "hi".into(),
                date: date.into(),
                text: "कानपुर".into(),
            });
        }
        let json = index.to_json();
        assert!(json.find("नया").unwrap() < json.find("पुराना").unwrap());
        assert!(!json.contains("</script>"));
    }
}
