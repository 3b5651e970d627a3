//! Escaping text for the formats chunav writes by hand: XML (feeds, sitemap) and JSON
//! strings safe inside `<script>` (JSON-LD, the search index, serve's error events).

use std::fmt::Write;

/// Escapes text for HTML and XML element content and double- or single-quoted
/// attributes: the one escaper of the pages, charts, feeds and sitemap. Control
/// characters (but tab and line breaks) are dropped: XML 1.0 forbids most of them, and one
/// in a name would make an SVG, and the share card drawn from it, unreadable.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A JSON string literal that is also safe inside `<script>`: `<`, `>` and `&` are
/// written as `\u003c` etc., so `</script>` in a headline cannot close the element.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Runs that need no escape (nearly all of an article's text) are copied whole.
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escaped = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => None,
            c if (c as u32) < 0x20 => None,
            _ => continue,
        };
        out.push_str(&text[start..i]);
        match escaped {
            Some(escape) => out.push_str(escape),
            None => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
        }
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_cannot_close_a_script() {
        let s = json_string("a</script><script>alert(1)</script>\"\\\n");
        assert!(!s.contains("</script>"));
        assert_eq!(
            s,
            "\"a\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\\"\\\\\\n\""
        );
    }

    #[test]
    fn json_strings_keep_devanagari_and_escape_controls() {
        assert_eq!(
            json_string("कानपुर\u{2028}ख\u{1}\"ग\""),
            "\"कानपुर\\u2028ख\\u0001\\\"ग\\\"\""
        );
    }

    #[test]
    fn xml_escapes_markup_and_cdata_ends() {
        assert_eq!(
            xml_escape("a & <b> ]]> \"q\""),
            "a &amp; &lt;b&gt; ]]&gt; &quot;q&quot;"
        );
    }
}
