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
