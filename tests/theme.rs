//! The default theme on real builds: the result box, approximate figures in words, related
//! articles by constituency, and the theme's static files (fonts, icons).

mod common;

use common::Site;

fn article(title: &str, date: &str, constituency: &str, year: u32, extra: &str) -> String {
    format!(
        r#"+++
title = "{title}"
date = {date}
tags = ["{constituency}"]

[[results]]
id = "r{year}"
election = "लोकसभा {year}"
year = {year}
constituency = "{constituency}"
electors = 1650000
source = {{ text = "ECI", url = "https://results.eci.gov.in/" }}

[[results.candidates]]
name = "रमेश अवस्थी"
party = "BJP"
votes = 443055
{extra}
[[results.candidates]]
name = "आलोक मिश्रा"
party = "INC"
votes = 422087
+++

पाठ।
"#
    )
}

#[test]
fn result_box_shows_winner_runner_up_margin_and_turnout() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/box.md",
        &article("बॉक्स", "2024-06-08", "कानपुर", 2024, ""),
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/box/index.html");
    let start = html
        .find("<section class=\"result-box\"")
        .expect("a result box");
    let render = &html[start..html[start..].find("</section>").unwrap() + start];
    for expected in [
        "कानपुर · लोकसभा 2024",
        "विजेता",
        "रमेश अवस्थी",
        "भाजपा",
        "4,43,055 वोट",
        "उपविजेता",
        "आलोक मिश्रा",
        "20,968",
        "मतदान",
        "16.50 लाख मतदाता",
        "8,65,142",
        "href=\"https://results.eci.gov.in/\"",
    ] {
        assert!(render.contains(expected), "{expected} in {render}");
    }
    assert!(!render.contains("से अधिक"), "exact figures: {render}");
}

#[test]
fn approximate_results_say_more_than() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/approx.md",
        &article("लगभग", "2024-06-08", "कानपुर", 2024, "approx = true\n"),
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/approx/index.html");
    assert!(html.contains("4,43,055 से अधिक वोट"), "{html}");
    assert!(html.contains("8,65,142 से अधिक"), "the total too: {html}");
}

#[test]
fn related_articles_share_a_constituency_newest_first() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/a.md",
        &article("पहला", "2024-06-08", "कानपुर", 2024, ""),
    )
    .write(
        "content/kanpur/b.md",
        &article("दूसरा", "2019-05-24", "कानपुर", 2019, ""),
    )
    .write(
        "content/kanpur/c.md",
        &article("तीसरा", "2024-06-09", "कानपुर", 2014, ""),
    )
    .write(
        "content/kanpur/d.md",
        &article("लखनऊ का", "2024-06-10", "लखनऊ", 2024, ""),
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/a/index.html");
    let related = &html[html.find("class=\"related\"").expect("related articles")..];
    let third = related.find("तीसरा").expect("c is related");
    let second = related.find("दूसरा").expect("b is related");
    assert!(third < second, "newest first: {related}");
    assert!(
        !related.contains("लखनऊ का"),
        "another constituency: {related}"
    );
    assert!(!related.contains(">पहला<"), "not itself: {related}");
    let lucknow = site.read("public/kanpur/d/index.html");
    assert!(!lucknow.contains("class=\"related\""), "none for लखनऊ");
}

#[test]
fn theme_ships_fonts_licence_and_icons() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    for file in [
        "public/fonts/noto-sans-devanagari-400.woff2",
        "public/fonts/noto-sans-400.woff2",
        "public/fonts/noto-sans-700.woff2",
        "public/fonts/OFL.txt",
        "public/favicon.ico",
        "public/favicon.svg",
    ] {
        assert!(site.exists(file), "{file}");
    }
    let css = site.read("public/style.css");
    assert!(css.contains("url(\"fonts/noto-sans-devanagari-400.woff2\")"));
    assert!(
        !site.exists("public/fonts/noto-sans-devanagari-700.woff2"),
        "one Devanagari face: bold is drawn from it (docs/theme.md)"
    );
    assert!(
        !css.contains("letter-spacing"),
        "never letter-space Devanagari"
    );
    let article = site.read("public/kanpur/result-2024/index.html");
    assert!(article.contains("href=\"../../favicon.ico\""));
}

#[test]
fn signed_figures_read_with_a_minus_sign_and_changes_read_as_words() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/signs.md",
        "+++\ntitle = \"चिह्न\"\ndate = 2024-06-08\n+++\n\nक {{ -5.7 | signed }} ख {{ -5.7 | signed(ascii=true) }} ग {{ -21344 | inr }}।\n\nभाजपा का वोट प्रतिशत {{ -5.7 | points_change }} और कांग्रेस का {{ 10.434 | points_change }}; English: {{ -5.7 | points_change(lang=\"en\") }}.\n",
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/signs/index.html");
    assert!(
        html.contains("क \u{2212}5.70 ख -5.70 ग \u{2212}21,344।"),
        "{html}"
    );
    assert!(
        html.contains("भाजपा का वोट प्रतिशत 5.70 अंक घटा और कांग्रेस का 10.43 अंक बढ़ा"),
        "{html}"
    );
    assert!(html.contains("English: down 5.70 points."), "{html}");
}

#[test]
fn an_incomplete_result_shows_whom_the_source_names_and_charts_them_as_approximate() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/nikay.md",
        r#"+++
title = "निकाय"
date = 2023-05-20

[[results]]
id = "m"
election = "महापौर चुनाव 2023"
year = 2023
constituency = "कानपुर नगर निगम"
complete = false

[[results.candidates]]
name = "सपा प्रत्याशी"
party = "INC"
votes = 250000
approx = true
note = "दूसरा स्थान"
+++

```chart
kind = "candidates"
result = "m"
```
"#,
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/nikay/index.html");
    let start = html
        .find("<section class=\"result-box\"")
        .expect("a result box");
    let render = &html[start..html[start..].find("</section>").unwrap() + start];
    for expected in ["सपा प्रत्याशी", "2,50,000 से अधिक वोट", "दूसरा स्थान", "कांग्रेस"]
    {
        assert!(render.contains(expected), "{expected} in {render}");
    }
    assert!(
        !render.contains("कुल वैध वोट"),
        "the sum of the named candidates is not the total: {render}"
    );
    assert!(
        render.contains("विजेता: स्रोत में न विजेता का नाम है, न उसके दल का"),
        "a source that names no winner is said to: {render}"
    );
    let figure = &html[html.find("<figure").expect("a chart")..];
    assert!(
        figure.contains("<th scope=\"col\">वोट, लगभग</th>"),
        "{figure}"
    );
    assert!(figure.contains("<td>2,50,000 से अधिक</td>"), "{figure}");
    assert!(figure.contains("आँकड़े लगभग हैं"), "{figure}");
    assert!(
        !figure.contains("(प्रतिशत)"),
        "no shares in an incomplete result"
    );
}

/// Every run of Devanagari in the HTML a reader sees, leaving out scripts, styles and the
/// text of elements marked `lang="hi"` (a link to the Hindi version or a Hindi section).
fn devanagari_runs(html: &str) -> Vec<String> {
    let mut unmarked = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(" lang=\"hi\"") {
        let text_start = rest[at..].find('>').map_or(rest.len(), |i| at + i + 1);
        unmarked.push_str(&rest[..text_start]);
        rest = rest[text_start..]
            .find("</")
            .map_or("", |end| &rest[text_start + end..]);
    }
    unmarked.push_str(rest);
    let mut visible = String::new();
    let mut rest = unmarked.as_str();
    while let Some(start) = rest.find("<script").or_else(|| rest.find("<style")) {
        visible.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("<script") {
            "</script>"
        } else {
            "</style>"
        };
        rest = rest[start..]
            .find(close)
            .map_or("", |end| &rest[start + end..]);
    }
    visible.push_str(rest);
    let is_deva = |c: char| ('\u{0900}'..='\u{097F}').contains(&c);
    let mut runs = Vec::new();
    let mut current = String::new();
    for c in visible.chars() {
        if is_deva(c) || (!current.is_empty() && (c == ' ' || c == '़')) {
            current.push(c);
        } else if !current.is_empty() {
            runs.push(current.trim().to_string());
            current.clear();
        }
    }
    runs
}

/// An English article on a Hindi site, with Hindi party names in site.toml (one with an
/// English form, one without): no Hindi theme word, party name or "नोटा" on the page.
#[test]
fn an_english_page_is_in_english() {
    let site = Site::fixture("basic");
    site.write(
        "site.toml",
        r##"title = "Test site"
base_url = "https://example.github.io/kanpur-explainers/"
language = "hi"

[parties.BJP]
name = "भारतीय जनता पार्टी"
short = "भाजपा"
color = "#FF9933"

[parties.INC]
name = "भारतीय राष्ट्रीय कांग्रेस"
short = "कांग्रेस"
color = "#19AAED"
en = { name = "Indian National Congress", short = "Congress" }
"##,
    );
    site.write(
        "content/en/result.md",
        r#"+++
title = "Kanpur 2024"
date = 2024-06-05
lang = "en"
tags = ["Kanpur"]
translation_key = "kanpur-2024"

[[results]]
id = "ls2024"
election = "Lok Sabha 2024"
year = 2024
constituency = "Kanpur"
electors = 1650000
segments = ["Govind Nagar", "Cantt"]
source = { text = "ECI", url = "https://results.eci.gov.in/" }

[[results.candidates]]
name = "Ramesh Awasthi"
party = "BJP"
votes = 443055
by_segment = { "Govind Nagar" = 300000, "Cantt" = 140000 }

[[results.candidates]]
name = "Alok Mishra"
party = "INC"
votes = 422087
by_segment = { "Govind Nagar" = 200000, "Cantt" = 220000 }

[[results.candidates]]
name = "Manoj Kumar"
party = "IND"
votes = 778

[[results.candidates]]
name = "None of the above"
party = "NOTA"
votes = 4117
+++

Awasthi won by {{ results.ls2024.margin | inr }} votes.

```chart
kind = "candidates"
result = "ls2024"
title = "Votes per candidate"
```

```chart
kind = "segments"
party = "INC"
results = ["ls2024"]
title = "Congress by segment"
```
"#,
    );
    site.write(
        "content/kanpur/result-2024.md",
        "+++\ntitle = \"कानपुर 2024\"\ndate = 2024-06-05\ntranslation_key = \"kanpur-2024\"\n+++\nपाठ।\n",
    );
    site.ok(&["build"]);
    let page = site.read("public/en/result/index.html");
    assert!(page.contains("<html lang=\"en\">"));
    for english in ["Congress", "BJP", "NOTA", "Independent", "Winner", "Margin"] {
        assert!(page.contains(english), "the English page lacks {english}");
    }
    let runs = devanagari_runs(&page);
    assert!(runs.is_empty(), "Devanagari on an English page: {runs:?}");
    assert!(
        page.contains("lang=\"hi\">हिन्दी</a>"),
        "the Hindi version is linked"
    );
    // The check itself sees Hindi where there is some.
    let hindi = site.read("public/kanpur/result-2024/index.html");
    assert!(
        devanagari_runs(&hindi)
            .iter()
            .any(|run| run.contains("विजेता") || run.contains("पाठ"))
    );
}

const NAMED_WINNER: &str = r#"+++
title = "निकाय"
date = 2023-05-20

[[results]]
id = "m"
election = "महापौर चुनाव 2023"
year = 2023
constituency = "कानपुर नगर निगम"
complete = false

[[results.candidates]]
name = "प्रमिला पांडेय"
party = "BJP"
votes = 427000
approx = true
elected = true

[[results.candidates]]
name = "सपा प्रत्याशी"
party = "INC"
votes = 250000
approx = true
note = "दूसरा स्थान"
+++

पाठ।
"#;

#[test]
fn an_incomplete_result_names_the_winner_the_source_names() {
    let site = Site::fixture("basic");
    site.write("content/kanpur/nikay.md", NAMED_WINNER);
    site.ok(&["build"]);
    let html = site.read("public/kanpur/nikay/index.html");
    let start = html
        .find("<section class=\"result-box\"")
        .expect("a result box");
    let render = &html[start..html[start..].find("</section>").unwrap() + start];
    let winner = render
        .find("<li class=\"result-person result-winner\">")
        .expect(render);
    let item = &render[winner..render[winner..].find("</li>").unwrap() + winner];
    for expected in [
        "<span class=\"result-role\">विजेता</span>",
        "प्रमिला पांडेय",
        "4,27,000 से अधिक वोट",
    ] {
        assert!(item.contains(expected), "{expected} in {item}");
    }
    assert!(
        !render.contains("स्रोत में न विजेता का नाम है"),
        "a named winner is not said to be unnamed: {render}"
    );
}

#[test]
fn elected_belongs_to_incomplete_results_and_to_one_candidate() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/nikay.md",
        &NAMED_WINNER.replace("complete = false\n", ""),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("`elected` is only for a result that does not list every candidate"),
        "{err}"
    );
    site.write(
        "content/kanpur/nikay.md",
        &NAMED_WINNER.replace("note = \"दूसरा स्थान\"", "elected = true"),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("two candidates are marked `elected = true`"),
        "{err}"
    );
    assert!(err.contains("nikay.md:"), "names the file and line: {err}");
}
