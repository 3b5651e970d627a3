//! Site search that needs no server: at build time, an index of every article's words,
//! cut into shards that the browser fetches only when a query needs them
//! (static/search.js), and one small file per article for titles and snippets.
//!
//! - fold.rs: the spelling search compares (nukta, anusvara, NFC …) and the words of a text;
//! - latin.rs: the loose Latin key that lets romanised and Hindi spellings meet;
//! - prepare.rs: what the index derives from one article alone (its folded words, their
//!   fields and snippet places), kept by warm builds and `serve` so an edit folds only
//!   the articles it changed;
//! - index.rs: the files: shards of terms ordered by key, the first results of each word,
//!   the article files, the meta file; `Index` keeps them between edits and gives back
//!   only the files an edit changed;
//! - snippet.rs: the text shown around a match.
//!
//! Why our own index rather than Pagefind: Pagefind drops Devanagari vowel signs before it
//! compares words (कानपुर and कनपर collide), knows no romanisation, and would make every
//! newsroom install a second tool. docs/search.md describes the format and the measurements.

pub mod fold;
mod index;
pub mod latin;
mod prepare;
mod snippet;
mod synonyms;

pub use index::{Changes, Index, META_FILE, Prints, build_files, build_files_with, first_file};
pub use prepare::{Prepared, prepare, synonyms_print};
pub use synonyms::{Group, Synonyms};

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
    /// What the index derives from the fields above, when it was kept with them (the
    /// search cache of a warm build); the index derives it itself otherwise, and again
    /// when it was prepared with other synonyms. Never set it for other fields.
    pub prepared: Option<Prepared>,
}

/// An article body's readable text, with its headings also kept apart (they rank above
/// the body), and the text the page shows beside the body (its result box), which ranks
/// below it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    pub headings: Vec<String>,
    pub body: String,
    pub beside: String,
}

impl PageText {
    /// All the text a reader sees, as the article file carries it and snippets are cut
    /// from: the body, then what is beside it.
    pub fn shown(&self) -> String {
        match (self.body.is_empty(), self.beside.is_empty()) {
            (_, true) => self.body.clone(),
            (true, false) => self.beside.clone(),
            (false, false) => format!("{} {}", self.body, self.beside),
        }
    }
}

/// The longest text kept per article: enough for every word of a long explainer, while a
/// 10,000-word essay does not bloat the index for everyone.
const MAX_TEXT: usize = 20_000;

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
    PageText {
        headings,
        body,
        beside: String::new(),
    }
}

/// What search keeps of an article page: the text of its body (`body_html`, the rendered
/// Markdown, headings kept apart) and then whatever else the page's `<article>` shows a
/// reader that the entry does not already carry — the result box a template draws from
/// the article's data (winner, parties, votes, its notes) — but not the article's
/// `<header>` (title, description, byline), `<nav>` (contents) or `<footer>` (tags), which
/// are indexed as fields of their own. A page without `<article>` gives its body alone.
/// `text.replacen(part, " ", 1)` for a long `part` (an article's whole body): found by its
/// first bytes and then compared, since a search for the whole of it first reads it
/// through to prepare (a tenth of preparing a page's search entry).
fn without_first(text: &str, part: &str) -> String {
    let mut cut = part.len().min(64);
    while !part.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &part[..cut];
    let mut from = 0;
    while let Some(i) = text[from..].find(head) {
        let at = from + i;
        if text[at..].starts_with(part) {
            return format!("{} {}", &text[..at], &text[at + part.len()..]);
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    text.to_string()
}

pub fn page_text(page_html: &str, body_html: &str) -> PageText {
    let mut text = plain_text(body_html);
    let Some(article) = element(page_html, "article") else {
        return text;
    };
    let mut rest = without_first(article, body_html);
    for tag in ["header", "nav", "footer"] {
        while let Some(inner) = element(&rest, tag) {
            rest = rest.replacen(inner, " ", 1);
        }
    }
    let mut beside = plain_text(&rest).body;
    if let Some((cut, _)) = beside.char_indices().nth(MAX_TEXT / 4) {
        beside.truncate(cut);
    }
    // The body gives way to what the page shows beside it when both are long.
    let room = MAX_TEXT.saturating_sub(beside.chars().count() + 1);
    if let Some((cut, _)) = text.body.char_indices().nth(room) {
        text.body.truncate(cut);
    }
    text.beside = beside;
    text
}

/// The first `<tag …>…</tag>` of `html` (its first closing tag: the elements this looks for
/// are not nested in one another).
fn element<'a>(html: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let mut from = 0;
    let start = loop {
        let at = from + html[from..].find(&open)?;
        // `<header` is not `<head`, `<article-x` not `<article`.
        match html.as_bytes().get(at + open.len()) {
            Some(b'>' | b' ' | b'\n' | b'\t' | b'/') => break at,
            _ => from = at + open.len(),
        }
    };
    let close = format!("</{tag}>");
    let end = start + html[start..].find(&close)? + close.len();
    Some(&html[start..end])
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
    #[test]
    fn without_first_is_replacen_once() {
        let long = "ab".repeat(50);
        for (text, part) in [
            ("x कानपुर y कानपुर", "कानपुर"),
            (&*format!("a{long}b{long}"), &*long),
            (&*format!("{long}a{long}"), &*format!("b{long}")),
            ("aaab", "aab"),
            ("abc", ""),
            ("abc", "zz"),
        ] {
            assert_eq!(
                super::without_first(text, part),
                text.replacen(part, " ", 1)
            );
        }
    }

    use super::*;

    #[test]
    fn text_drops_markup_and_chart_drawings() {
        let html = "<h2 id=\"x\">कैंट</h2><p>आलोक &amp; <b>मिश्रा</b></p><figure><svg><text>1,15,028</text></svg><table><td>1,15,028</td></table></figure>";
        assert_eq!(plain_text(html).body, "कैंट आलोक & मिश्रा 1,15,028");
    }

    #[test]
    fn the_page_adds_what_it_shows_beside_the_body_but_not_its_header_contents_or_tags() {
        let body = "<h2>पहला</h2><p>लेख का पाठ</p>";
        let page = format!(
            "<html><head><title>t</title></head><body><nav>मेनू</nav><main><article class=\"article\">\
             <header class=\"article-header\"><h1>शीर्षक</h1><p>लेखक</p></header>\
             <section class=\"result-box\"><h2>नतीजा कानपुर</h2><span>रमेश अवस्थी</span> <span>4,43,055 वोट</span>\
             <span class=\"result-person-note\">ढाई लाख से अधिक</span></section>\
             <nav class=\"toc\"><h2>इस लेख में</h2><a>पहला</a></nav>\
             <div class=\"prose\">{body}</div><footer><ul class=\"tags\"><li>टैग</li></ul></footer></article>\
             <aside>और लेख</aside></main></body></html>"
        );
        let text = page_text(&page, body);
        assert_eq!(text.body, "पहला लेख का पाठ");
        assert_eq!(
            text.beside,
            "नतीजा कानपुर रमेश अवस्थी 4,43,055 वोट ढाई लाख से अधिक"
        );
        assert_eq!(
            text.shown(),
            "पहला लेख का पाठ नतीजा कानपुर रमेश अवस्थी 4,43,055 वोट ढाई लाख से अधिक"
        );
        assert_eq!(text.headings, ["पहला"]);
        // A theme without <article>: the body alone.
        assert_eq!(
            page_text(&format!("<main>{body}<p>x</p></main>"), body),
            plain_text(body)
        );
    }

    #[test]
    fn headings_are_kept_apart() {
        let text = plain_text("<h2 id=\"a\">कैंट में <em>बढ़त</em></h2><p>पाठ</p><h3>दूसरा</h3>");
        assert_eq!(text.headings, ["कैंट में बढ़त", "दूसरा"]);
        assert_eq!(text.body, "कैंट में बढ़त पाठ दूसरा");
    }
}
