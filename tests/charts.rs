//! Charts end to end: the `charts` fixture (official Kanpur 2019 and 2024 results, a chart
//! block of each kind and one chart drawn by a template) built by the real binary, its
//! figures parsed as XML and held against the data.

mod common;

use common::Site;
use roxmltree::{Document, Node};

const ARTICLE: &str = "content/kanpur/kshetravar.md";
const PAGE: &str = "public/kanpur/kshetravar/index.html";
const SEGMENTS: [&str; 5] = ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"];

/// One `<figure class="chart">` of the page: its id and its SVG and table source.
struct Figure {
    id: String,
    svg: String,
    table: String,
}

fn built() -> (Site, String) {
    let site = Site::fixture("charts");
    site.ok(&["build"]);
    let page = site.read(PAGE);
    (site, page)
}

/// The text between `open` (inclusive) and the first `close` after it (inclusive).
fn element<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in {html}"));
    let end = html[start..]
        .find(close)
        .unwrap_or_else(|| panic!("{open} is not closed"))
        + start
        + close.len();
    &html[start..end]
}

fn figures(page: &str) -> Vec<Figure> {
    page.match_indices("<figure class=\"chart\"")
        .map(|(start, _)| {
            let figure = element(&page[start..], "<figure", "</figure>");
            let id = element(figure, "id=\"", "\" ")
                .trim_start_matches("id=\"")
                .trim_end_matches("\" ")
                .to_string();
            Figure {
                id,
                svg: element(figure, "<svg", "</svg>").to_string(),
                table: element(figure, "<table", "</table>").to_string(),
            }
        })
        .collect()
}

fn figure(page: &str, id: &str) -> Figure {
    figures(page)
        .into_iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn parse(xml: &str) -> Document<'_> {
    Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed ({e}):\n{xml}"))
}

fn named<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == name)
        .collect()
}

fn text(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn texts(doc: &Document<'_>, name: &str) -> Vec<String> {
    named(doc, name).into_iter().map(text).collect()
}

/// Table body rows as [row header, cells…].
fn table_rows(table: &str) -> Vec<Vec<String>> {
    let doc = parse(table);
    named(&doc, "tr")
        .into_iter()
        .filter(|tr| tr.ancestors().any(|a| a.tag_name().name() == "tbody"))
        .map(|tr| tr.children().filter(|c| c.is_element()).map(text).collect())
        .collect()
}

fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
    cells
        .iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn segments_chart_has_one_bar_per_result_and_segment() {
    let (_site, page) = built();
    let chart = figure(&page, "chart-1");
    let svg = parse(&chart.svg);
    assert_eq!(named(&svg, "rect").len(), 10, "5 segments × 2 results");
    let labels = texts(&svg, "text");
    for segment in SEGMENTS {
        assert!(labels.iter().any(|l| l == segment), "{segment}: {labels:?}");
    }
    for value in [
        "45,308",
        "88,489",
        "71,560",
        "1,15,028",
        "लोकसभा 2019",
        "लोकसभा 2024",
    ] {
        assert!(labels.iter().any(|l| l == value), "{value}: {labels:?}");
    }
    assert_eq!(
        texts(&svg, "title"),
        ["कानपुर: कांग्रेस के वोट, विधानसभा क्षेत्रवार"]
    );
    let desc = &texts(&svg, "desc")[0];
    assert!(
        desc.starts_with("गोविंदनगर: लोकसभा 2019 45,308, लोकसभा 2024 71,560;"),
        "{desc}"
    );
    assert_eq!(
        table_rows(&chart.table),
        rows(&[
            &["गोविंदनगर", "45,308", "71,560"],
            &["सीसामऊ", "68,823", "87,323"],
            &["आर्यनगर", "61,935", "78,878"],
            &["किदवईनगर", "46,854", "66,680"],
            &["कैंट", "88,489", "1,15,028"],
        ])
    );
}

#[test]
fn candidates_chart_marks_the_winner_folds_others_and_ends_with_nota() {
    let (_site, page) = built();
    let chart = figure(&page, "chart-2");
    let svg = parse(&chart.svg);
    let table = table_rows(&chart.table);
    assert_eq!(
        table,
        rows(&[
            &["रमेश अवस्थी · भाजपा (विजेता)", "4,43,055 (49.93%)"],
            &["आलोक मिश्रा · कांग्रेस", "4,22,087 (47.56%)"],
            &["KULDEEP BHADAURIYA · बसपा", "12,032 (1.36%)"],
            &["अन्य (8)", "6,105 (0.69%)"],
            &["नोटा", "4,117 (0.46%)"],
        ])
    );
    assert_eq!(named(&svg, "rect").len(), table.len());
    let labels = texts(&svg, "text");
    assert!(
        labels.contains(&"रमेश अवस्थी · भाजपा (विजेता)".to_string()),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"4,43,055 (49.93%)".to_string()),
        "{labels:?}"
    );
    // Each bar in its party's colour (darkened to 3:1 where the colour is light).
    let fills: Vec<&str> = named(&svg, "rect")
        .iter()
        .filter_map(|r| r.attribute("fill"))
        .collect();
    assert_eq!(fills[2], "#22409A", "BSP blue is dark enough as it is");
    assert_ne!(fills[0], fills[1], "BJP and INC differ");
    assert!(
        named(&svg, "circle").is_empty(),
        "no legend for per-bar colours"
    );
}

#[test]
fn contest_chart_shows_the_top_three_parties_in_each_segment() {
    let (_site, page) = built();
    let chart = figure(&page, "chart-3");
    let svg = parse(&chart.svg);
    assert_eq!(named(&svg, "rect").len(), 15, "5 segments × 3 parties");
    let labels = texts(&svg, "text");
    for party in ["भाजपा", "कांग्रेस", "बसपा"] {
        assert_eq!(
            labels.iter().filter(|l| *l == party).count(),
            5,
            "{party} labels each of its bars: {labels:?}"
        );
    }
    assert_eq!(
        table_rows(&chart.table)[4],
        ["कैंट", "71,520", "1,15,028", "1,833"]
    );
}

#[test]
fn swing_chart_shows_signed_points_per_segment() {
    let (_site, page) = built();
    let chart = figure(&page, "chart-4");
    let svg = parse(&chart.svg);
    assert_eq!(named(&svg, "rect").len(), 5);
    assert!(!named(&svg, "polyline").is_empty(), "a zero line");
    let table = table_rows(&chart.table);
    // One base for both years: NOTA has segment figures in 2019 only, so it is left out of
    // both (with NOTA in 2019's base the swing read +8.78).
    assert_eq!(table[2], ["आर्यनगर", "+8.59"]);
    assert!(table.iter().all(|row| row[1].starts_with('+')), "{table:?}");
    assert!(texts(&svg, "text").contains(&"+8.59".to_string()));
    assert!(
        page.contains(
            "2024 में निर्दलीयों और नोटा के क्षेत्रवार आँकड़े नहीं हैं। दोनों चुनावों में प्रतिशत एक ही आधार पर"
        ),
        "the editor's note comes before the automatic one"
    );
}

#[test]
fn a_template_draws_a_chart_through_the_same_path() {
    let (_site, page) = built();
    let chart = figure(&page, "bjp-segments");
    let svg = parse(&chart.svg);
    assert_eq!(named(&svg, "rect").len(), 10);
    let table = table_rows(&chart.table);
    let order: Vec<&str> = table.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        order,
        ["किदवईनगर", "गोविंदनगर", "कैंट", "आर्यनगर", "सीसामऊ"],
        "sort = votes, by 2024"
    );
    assert_eq!(table[0], ["किदवईनगर", "1,35,057", "1,28,302"]);
}

#[test]
fn every_chart_is_accessible_scalable_and_has_unique_ids() {
    let (_site, page) = built();
    let all = figures(&page);
    assert_eq!(all.len(), 5);
    let ids: Vec<&str> = page
        .match_indices(" id=\"")
        .map(|(i, m)| {
            let rest = &page[i + m.len()..];
            &rest[..rest.find('"').unwrap_or(0)]
        })
        .collect();
    for chart in &all {
        let svg = parse(&chart.svg);
        let root = svg.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(root.attribute("width").is_none() && root.attribute("height").is_none());
        let view_box = root.attribute("viewBox").expect("viewBox");
        assert!(view_box.starts_with("0 0 360 "), "{view_box}");
        let labelled_by = root.attribute("aria-labelledby").expect("aria-labelledby");
        for id in labelled_by.split(' ') {
            assert_eq!(
                ids.iter().filter(|i| *i == &id).count(),
                1,
                "{id} exists once on the page"
            );
        }
        // Laid out 360 units wide and shown ~328 px wide on a 360 px phone: no text
        // smaller than 13 px there.
        for node in named(&svg, "text") {
            let size: f64 = node
                .attribute("font-size")
                .and_then(|s| s.parse().ok())
                .expect("font-size");
            assert!(size * 328.0 / 360.0 >= 13.0, "{size} in {}", chart.id);
        }
        for node in svg.descendants().filter(|n| n.is_element()) {
            for attr in ["x", "y", "width", "height", "font-size", "cx", "cy", "r"] {
                if let Some(value) = node.attribute(attr) {
                    let decimals = value.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(decimals <= 1, "{attr}={value} is not rounded");
                }
            }
        }
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "ids are unique: {ids:?}");
}

#[test]
fn segments_svg_stays_within_budget_and_is_byte_identical_run_to_run() {
    let (site, first) = built();
    let svg = figure(&first, "chart-1").svg;
    assert!(svg.len() <= 6 * 1024, "{} bytes", svg.len());
    site.ok(&["build"]);
    assert_eq!(site.read(PAGE), first);
}

#[test]
fn names_with_markup_characters_are_escaped() {
    let site = Site::fixture("charts");
    site.write(
        "content/kanpur/escape.md",
        "+++\ntitle = \"escape\"\ndate = 2024-06-11\n\n[[results]]\nid = \"x\"\nelection = \"उपचुनाव <2024> & \\\"फिर\\\"\"\nyear = 2024\nconstituency = \"कानपुर\"\n\n[[results.candidates]]\nname = \"A <b>&\\\"x\\\"\"\nparty = \"BJP\"\nvotes = 10\n\n[[results.candidates]]\nname = \"ख\"\nparty = \"INC\"\nvotes = 5\n+++\n\n```chart\nkind = \"candidates\"\nresult = \"x\"\n```\n",
    );
    site.ok(&["build"]);
    let page = site.read("public/kanpur/escape/index.html");
    let chart = figure(&page, "chart-1");
    let svg = parse(&chart.svg);
    let name = "A <b>&\"x\" · भाजपा (विजेता)";
    assert!(
        texts(&svg, "text").contains(&name.to_string()),
        "{}",
        chart.svg
    );
    assert_eq!(table_rows(&chart.table)[0][0], name);
    assert!(texts(&svg, "title")[0].contains("उपचुनाव <2024> & \"फिर\""));
    assert!(!page.contains("<b>&"), "no raw markup from the data");
}

/// A chart block appended to the article: the build fails at the fence's line with the
/// exact message, and public/ stays as it was.
#[test]
fn chart_mistakes_fail_the_build_at_the_fence_line() {
    let cases = [
        (
            "kind = \"pie\"",
            "unknown chart kind `pie`; kinds: segments, candidates, contest, swing, reported, seats (line 1 of the chart block)",
        ),
        (
            "kind = \"segments\"\nparty = \"INC\"\nresults = [\"ls2019\", \"ls2024\"]\ncolour = \"red\"",
            "unknown key `colour`; a segments chart takes: results, party, candidate, sort, and title, note, source, id (line 4 of the chart block)",
        ),
        (
            "kind = \"candidates\"\nresult = \"ls2025\"",
            "no result `ls2025` on this page; results here: ls2019, ls2024; did you mean `ls2024`?",
        ),
        (
            "kind = \"swing\"\nparty = \"AAP\"\nresults = [\"ls2019\", \"ls2024\"]",
            "party `AAP` is not defined in site.toml [parties]; parties: AIFB, BJP, BRM, BSCP, BSP, INC, IND, NOTA, PBI, SABJANP, SFP, SHS, SP, SUCI",
        ),
        (
            "kind = \"candidates\"\nresult = \"ls2024\"\nid = \"chart-1\"",
            "chart id `chart-1` is already used by another chart on this page; ids must be unique",
        ),
        (
            "kind = \"swing\"\nparty = \"INC\"\nresults = [\"ls2024\"]",
            "a swing chart compares two results, results = [\"from\", \"to\"]; got 1 (ls2024); results here: ls2019, ls2024",
        ),
    ];
    for (block, message) in cases {
        let site = Site::fixture("charts");
        site.ok(&["build"]);
        let before = site.read(PAGE);
        let article = site.read(ARTICLE);
        let fence_line = article.lines().count() + 2;
        site.write(ARTICLE, &format!("{article}\n```chart\n{block}\n```\n"));
        let stderr = site.fails(&["build"]);
        let expected = format!("error: {ARTICLE}:{fence_line}: chart: {message}\n");
        assert!(
            stderr.contains(&expected),
            "expected {expected}got {stderr}"
        );
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert_eq!(site.read(PAGE), before, "public/ is untouched");
    }
}

#[test]
fn a_chart_id_a_heading_also_has_fails_at_the_fence_line() {
    let site = Site::fixture("charts");
    let article = site.read(ARTICLE);
    let fence_line = article.lines().count() + 4;
    site.write(
        ARTICLE,
        &format!(
            "{article}\n## INC\n\n```chart\nkind = \"candidates\"\nresult = \"ls2024\"\nid = \"inc\"\n```\n"
        ),
    );
    let stderr = site.fails(&["build"]);
    let expected = format!(
        "error: {ARTICLE}:{fence_line}: chart.id: chart id `inc` is also the id of the heading \"INC\" (#inc); give the chart another id, or the heading one of its own, e.g. ## INC {{#inc-section}}\n"
    );
    assert!(
        stderr.contains(&expected),
        "expected {expected}got {stderr}"
    );
    // The heading's own id settles it.
    let fixed = site
        .read(ARTICLE)
        .replace("## INC\n", "## INC {#inc-section}\n");
    site.write(ARTICLE, &fixed);
    site.ok(&["build"]);
}

#[test]
fn chart_mistakes_in_a_template_name_the_template_line() {
    let site = Site::fixture("charts");
    let template = site.read("templates/page.html");
    site.write(
        "templates/page.html",
        &template.replace("party=\"BJP\"", "parti=\"BJP\""),
    );
    let stderr = site.fails(&["build"]);
    let line = template
        .lines()
        .position(|l| l.contains("chart("))
        .map(|i| i + 1)
        .expect("the fixture template draws a chart");
    assert!(
        stderr.contains(&format!(
            "error: templates/page.html:{line}: chart(): unknown key `parti`; did you mean `party`? A segments chart takes:"
        )),
        "{stderr}"
    );
}
