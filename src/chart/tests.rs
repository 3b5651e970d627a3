//! Whole-figure tests: parse the output as XML and hold it against the spec.

use roxmltree::{Document, Node};

use super::fonts::text_width;
use super::*;

const SEGMENTS: [&str; 5] = ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"];

fn value(number: f64, label: &str) -> Option<Value> {
    Some(Value::new(number, label))
}

fn kanpur() -> ChartSpec {
    ChartSpec {
        id: "inc-segments".to_string(),
        kind: Layout::Grouped,
        title: "कांग्रेस के वोट, विधानसभा क्षेत्रवार".to_string(),
        note: Some("2019 के आँकड़े उदाहरण हैं".to_string()),
        source: Some(Source {
            text: "भारत निर्वाचन आयोग".to_string(),
            url: Some("https://results.eci.gov.in/".to_string()),
        }),
        lang: "hi".to_string(),
        row_header: "विधानसभा क्षेत्र".to_string(),
        rows: SEGMENTS.map(String::from).to_vec(),
        series: vec![
            Series {
                label: "लोकसभा 2019".to_string(),
                color: "#7FB8DA".to_string(),
                values: vec![
                    value(49205.0, "49,205"),
                    value(60130.0, "60,130"),
                    value(55400.0, "55,400"),
                    value(45010.0, "45,010"),
                    value(88489.0, "88,489"),
                ],
            },
            Series {
                label: "लोकसभा 2024".to_string(),
                color: "#19AAED".to_string(),
                values: vec![
                    value(71560.0, "71,560"),
                    value(87323.0, "87,323"),
                    value(78878.0, "78,878"),
                    value(66680.0, "66,680"),
                    value(115028.0, "1,15,028"),
                ],
            },
        ],
        highlight: None,
    }
}

fn one_series(id: &str, rows: &[&str], values: Vec<Option<Value>>) -> ChartSpec {
    ChartSpec {
        id: id.to_string(),
        kind: Layout::Grouped,
        title: "Votes".to_string(),
        note: None,
        source: None,
        lang: "en".to_string(),
        row_header: "Candidate".to_string(),
        rows: rows.iter().map(|r| r.to_string()).collect(),
        series: vec![Series {
            label: "Votes".to_string(),
            color: "#FF9933".to_string(),
            values,
        }],
        highlight: None,
    }
}

fn render(spec: &ChartSpec) -> String {
    match render_figure(spec) {
        Ok(html) => html,
        Err(e) => panic!("{e}"),
    }
}

fn parse(html: &str) -> Document<'_> {
    match Document::parse(html) {
        Ok(doc) => doc,
        Err(e) => panic!("figure is not well-formed XML: {e}\n{html}"),
    }
}

fn elements<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == name)
        .collect()
}

fn svg_root<'a, 'i>(doc: &'a Document<'i>) -> Node<'a, 'i> {
    elements(doc, "svg")
        .into_iter()
        .next()
        .expect("an svg element")
}

fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn number(node: Node<'_, '_>, attr: &str) -> f64 {
    node.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{attr} on {node:?}"))
}

/// Approximate ink box of an SVG `<text>` laid out by plotters (top-anchored).
fn text_box(node: Node<'_, '_>) -> (f64, f64, f64, f64) {
    let size = number(node, "font-size");
    let width = text_width(&text_of(node), size);
    let x = number(node, "x");
    let left = match node.attribute("text-anchor") {
        Some("end") => x - width,
        Some("middle") => x - width / 2.0,
        _ => x,
    };
    let y = number(node, "y");
    (left, y, left + width, y + size)
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

#[test]
fn one_bar_per_data_point_in_the_mark_colours() {
    let spec = kanpur();
    let html = render(&spec);
    let doc = parse(&html);
    let rects = elements(&doc, "rect");
    assert_eq!(rects.len(), 10);
    // Bars go row by row, series by series within a row.
    let expected = [mark_color("#7FB8DA"), mark_color("#19AAED")];
    for (i, rect) in rects.iter().enumerate() {
        assert_eq!(
            rect.attribute("fill"),
            expected[i % 2].as_deref(),
            "bar {i}"
        );
    }
    // Longer bars for bigger numbers: 1,15,028 is the longest.
    let widths: Vec<f64> = rects.iter().map(|r| number(*r, "width")).collect();
    let widest = widths.iter().cloned().fold(0.0, f64::max);
    assert_eq!(widths[9], widest);
}

#[test]
fn value_labels_and_devanagari_names_are_intact() {
    let html = render(&kanpur());
    let doc = parse(&html);
    let texts: Vec<String> = elements(&doc, "text").into_iter().map(text_of).collect();
    for expected in [
        "49,205",
        "71,560",
        "60,130",
        "87,323",
        "88,489",
        "1,15,028",
        "गोविंदनगर",
        "किदवईनगर",
        "कैंट",
        "लोकसभा 2019",
        "लोकसभा 2024",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing in {texts:?}"
        );
    }
}

#[test]
fn svg_is_scalable_and_labelled_by_its_title_and_desc() {
    let html = render(&kanpur());
    let doc = parse(&html);
    let svg = svg_root(&doc);
    assert!(
        svg.attribute("viewBox")
            .is_some_and(|v| v.starts_with("0 0 360 "))
    );
    assert_eq!(svg.attribute("width"), None);
    assert_eq!(svg.attribute("height"), None);
    assert_eq!(svg.attribute("role"), Some("img"));
    assert_eq!(
        svg.attribute("aria-labelledby"),
        Some("inc-segments-title inc-segments-desc")
    );
    let title = elements(&doc, "title")[0];
    let desc = elements(&doc, "desc")[0];
    assert_eq!(title.attribute("id"), Some("inc-segments-title"));
    assert_eq!(desc.attribute("id"), Some("inc-segments-desc"));
    assert_eq!(text_of(title), "कांग्रेस के वोट, विधानसभा क्षेत्रवार");
    let desc = text_of(desc);
    assert!(
        desc.contains("कैंट: लोकसभा 2019 88,489, लोकसभा 2024 1,15,028"),
        "{desc}"
    );
    assert!(desc.starts_with("गोविंदनगर: लोकसभा 2019 49,205, लोकसभा 2024 71,560; "));
}

#[test]
fn table_holds_the_same_figures() {
    let spec = kanpur();
    let html = render(&spec);
    let doc = parse(&html);
    let head: Vec<String> = elements(&doc, "thead")[0]
        .descendants()
        .filter(|n| n.tag_name().name() == "th")
        .map(|th| {
            assert_eq!(th.attribute("scope"), Some("col"));
            text_of(th)
        })
        .collect();
    assert_eq!(head, ["विधानसभा क्षेत्र", "लोकसभा 2019", "लोकसभा 2024"]);
    let rows: Vec<Node> = elements(&doc, "tbody")[0]
        .children()
        .filter(|n| n.tag_name().name() == "tr")
        .collect();
    assert_eq!(rows.len(), spec.rows.len());
    for (row, tr) in rows.iter().enumerate() {
        let th = tr
            .children()
            .find(|n| n.tag_name().name() == "th")
            .expect("th");
        assert_eq!(th.attribute("scope"), Some("row"));
        assert_eq!(text_of(th), spec.rows[row]);
        let cells: Vec<String> = tr
            .children()
            .filter(|n| n.tag_name().name() == "td")
            .map(text_of)
            .collect();
        let expected: Vec<String> = spec
            .series
            .iter()
            .map(|s| {
                s.values[row]
                    .as_ref()
                    .map(|v| v.label.clone())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(cells, expected);
    }
}

#[test]
fn caption_has_title_note_and_linked_source() {
    let html = render(&kanpur());
    let doc = parse(&html);
    let caption = text_of(elements(&doc, "figcaption")[0]);
    assert!(caption.contains("कांग्रेस के वोट, विधानसभा क्षेत्रवार"));
    assert!(caption.contains("2019 के आँकड़े उदाहरण हैं"));
    assert!(caption.contains("स्रोत: भारत निर्वाचन आयोग"), "{caption}");
    let link = elements(&doc, "a")[0];
    assert_eq!(link.attribute("href"), Some("https://results.eci.gov.in/"));
    let figure = elements(&doc, "figure")[0];
    assert_eq!(figure.attribute("lang"), Some("hi"));
    let mut english = one_series("en", &["A"], vec![value(1.0, "1")]);
    english.source = Some(Source {
        text: "ECI".to_string(),
        url: None,
    });
    assert!(render(&english).contains("Source: ECI"));
}

#[test]
fn markup_in_names_is_escaped_everywhere() {
    let tricky = r#"<b>"A" & 'B'</b>"#;
    let tricky_id = r#"a<b>"c"&'d'"#;
    let mut spec = one_series(tricky_id, &[tricky, "कैंट"], vec![value(5.0, tricky), None]);
    spec.title = tricky.to_string();
    spec.note = Some(tricky.to_string());
    spec.row_header = tricky.to_string();
    spec.series[0].label = tricky.to_string();
    spec.source = Some(Source {
        text: tricky.to_string(),
        url: Some(format!("https://example.org/?a=1&b=\"{tricky}\"")),
    });
    let html = render(&spec);
    assert!(!html.contains("<b>"), "{html}");
    let doc = parse(&html);
    assert_eq!(elements(&doc, "figure")[0].attribute("id"), Some(tricky_id));
    assert_eq!(text_of(elements(&doc, "title")[0]), tricky);
    assert!(text_of(elements(&doc, "desc")[0]).contains(tricky));
    let texts: Vec<String> = elements(&doc, "text").into_iter().map(text_of).collect();
    assert!(texts.iter().any(|t| t == tricky), "{texts:?}");
    assert!(text_of(elements(&doc, "table")[0]).contains(tricky));
}

#[test]
fn ids_stay_unique_with_two_charts_on_a_page() {
    let mut second = kanpur();
    second.id = "inc-segments-2".to_string();
    let page = format!("<body>{}{}</body>", render(&kanpur()), render(&second));
    let doc = parse(&page);
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    assert_eq!(ids.len(), 8);
    // Every id an aria attribute names exists.
    for refs in doc
        .descendants()
        .filter_map(|n| n.attribute("aria-labelledby"))
    {
        for id in refs.split(' ') {
            assert!(ids.contains(&id), "{id} is referenced but missing");
        }
    }
}

#[test]
fn output_is_byte_identical_run_to_run() {
    assert_eq!(render(&kanpur()), render(&kanpur()));
}

#[test]
fn numbers_in_the_svg_have_at_most_one_decimal() {
    let svg = render_svg(&kanpur()).expect("svg");
    let doc = parse(&svg);
    for node in doc.descendants() {
        for attr in node.attributes() {
            if let Some((_, decimals)) = attr.value().split_once('.')
                && attr.value().parse::<f64>().is_ok()
            {
                assert!(decimals.len() <= 1, "{}={}", attr.name(), attr.value());
            }
        }
    }
}

#[test]
fn five_by_two_chart_is_under_six_kilobytes() {
    let svg = render_svg(&kanpur()).expect("svg");
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.len() <= 6 * 1024, "{} bytes", svg.len());
}

#[test]
fn text_is_at_least_13_css_px_on_a_phone() {
    // The viewBox is drawn about 328 px wide on a 360 px phone.
    let doc_html = render(&kanpur());
    let doc = parse(&doc_html);
    let svg = svg_root(&doc);
    let view_width: f64 = svg
        .attribute("viewBox")
        .and_then(|v| v.split(' ').nth(2))
        .and_then(|w| w.parse().ok())
        .expect("viewBox width");
    for text in elements(&doc, "text") {
        let css_px = number(text, "font-size") * 328.0 / view_width;
        assert!(css_px >= 13.0, "{css_px} px: {}", text_of(text));
    }
}

#[test]
fn only_several_series_get_a_legend() {
    let one = one_series(
        "one",
        &SEGMENTS,
        SEGMENTS.iter().map(|_| value(10.0, "10")).collect(),
    );
    let html = render(&one);
    let doc = parse(&html);
    assert!(
        elements(&doc, "circle").is_empty(),
        "no legend swatch: {html}"
    );
    assert!(
        !elements(&doc, "text")
            .iter()
            .any(|t| text_of(*t) == "Votes"),
        "the series is not named in the drawing"
    );
    let mut three = kanpur();
    three.series.push(Series {
        label: "एक बहुत लंबा नाम जो स्तंभ में नहीं समाता".to_string(),
        ..kanpur().series[0].clone()
    });
    let html = render(&three);
    let doc = parse(&html);
    assert_eq!(
        elements(&doc, "circle").len(),
        3,
        "a legend swatch per series"
    );
}

/// Labels inside the viewBox and clear of each other and of the bars.
fn assert_nothing_overlaps(spec: &ChartSpec) {
    let svg = render_svg(spec).expect("svg");
    let doc = parse(&svg);
    let texts: Vec<_> = elements(&doc, "text").into_iter().map(text_box).collect();
    let bars: Vec<_> = elements(&doc, "rect")
        .into_iter()
        .map(|r| {
            let (x, y) = (number(r, "x"), number(r, "y"));
            (x, y, x + number(r, "width"), y + number(r, "height"))
        })
        .collect();
    let view: Vec<f64> = svg_root(&doc)
        .attribute("viewBox")
        .map(|v| v.split(' ').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    for (i, a) in texts.iter().chain(&bars).enumerate() {
        assert!(
            a.0 >= 0.0 && a.2 <= view[2] && a.1 >= 0.0 && a.3 <= view[3],
            "{a:?} outside"
        );
        for b in texts.iter().chain(&bars).skip(i + 1) {
            assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}\n{svg}");
        }
    }
}

#[test]
fn labels_neither_overlap_nor_leave_the_chart() {
    assert_nothing_overlaps(&kanpur());
    let mut swing = one_series(
        "swing",
        &SEGMENTS,
        vec![
            value(4.1, "+4.10"),
            value(-2.35, "−2.35"),
            value(10.43, "+10.43"),
            None,
            value(0.0, "0.00"),
        ],
    );
    swing.kind = Layout::Diverging;
    assert_nothing_overlaps(&swing);
}

#[test]
fn long_names_wrap_or_shorten_but_stay_whole_in_table_and_desc() {
    let long = "कुलदीप भदौरिया (बहुजन समाज पार्टी) Kanpur Nagar Cantonment Assembly Constituency \
                number two hundred and fourteen, and then some more words to overflow two lines";
    let spec = one_series(
        "long",
        &[long, "कैंट"],
        vec![value(10.0, "10"), value(20.0, "20")],
    );
    assert_nothing_overlaps(&spec);
    let html = render(&spec);
    let doc = parse(&html);
    let texts: Vec<String> = elements(&doc, "text").into_iter().map(text_of).collect();
    assert!(texts.iter().any(|t| t.ends_with('…')), "{texts:?}");
    assert!(text_of(elements(&doc, "desc")[0]).contains(long));
    assert!(text_of(elements(&doc, "table")[0]).contains(long));
}

#[test]
fn very_wide_value_labels_move_under_their_bars() {
    let wide = "लगभग 2.5 लाख से अधिक (अनुमान, दो स्रोतों में अंतर)";
    let spec = one_series(
        "wide",
        &["A", "B"],
        vec![value(250000.0, wide), value(10.0, "10")],
    );
    assert_nothing_overlaps(&spec);
    let doc_html = render(&spec);
    let doc = parse(&doc_html);
    let texts: Vec<String> = elements(&doc, "text").into_iter().map(text_of).collect();
    assert!(texts.iter().any(|t| t == wide), "{texts:?}");
}

#[test]
fn highlighted_row_is_marked_in_words() {
    let mut spec = one_series(
        "c",
        &["रमेश अवस्थी", "आलोक मिश्रा"],
        vec![value(2.0, "2"), value(1.0, "1")],
    );
    spec.highlight = Some(Highlight {
        row: 0,
        label: "विजेता".to_string(),
    });
    let html = render(&spec);
    let doc = parse(&html);
    let texts: Vec<String> = elements(&doc, "text").into_iter().map(text_of).collect();
    assert!(
        texts.contains(&"रमेश अवस्थी (विजेता)".to_string()),
        "{texts:?}"
    );
    assert!(text_of(elements(&doc, "desc")[0]).starts_with("रमेश अवस्थी (विजेता): Votes 2"));
    assert!(text_of(elements(&doc, "tbody")[0]).contains("रमेश अवस्थी (विजेता)"));
}

#[test]
fn edge_cases_render_without_panicking() {
    let no_rows = one_series("none", &[], vec![]);
    let mut no_series = one_series("noseries", &["A"], vec![None]);
    no_series.series.clear();
    let all_missing = one_series("missing", &["A", "B"], vec![None, None]);
    let all_zero = one_series("zero", &["A", "B"], vec![value(0.0, "0"), value(0.0, "0")]);
    let single = one_series("single", &["A"], vec![value(7.0, "7")]);
    let huge = one_series(
        "huge",
        &["A", "B"],
        vec![value(1e300, "1e300"), value(1.0, "1")],
    );
    let not_finite = one_series(
        "nan",
        &["A", "B"],
        vec![value(f64::NAN, "?"), value(f64::INFINITY, "∞")],
    );
    let negative = one_series(
        "neg",
        &["A", "B"],
        vec![value(-5.0, "−5"), value(10.0, "10")],
    );
    for spec in [
        &no_rows,
        &no_series,
        &all_missing,
        &all_zero,
        &single,
        &huge,
        &not_finite,
        &negative,
    ] {
        let html = render(spec);
        let doc = parse(&html);
        let svg = svg_root(&doc);
        assert!(svg.attribute("viewBox").is_some(), "{}", spec.id);
        assert_nothing_overlaps(spec);
    }
    for spec in [&no_rows, &no_series, &all_missing] {
        let html = render(spec);
        let doc = parse(&html);
        assert!(elements(&doc, "rect").is_empty());
        assert_eq!(text_of(elements(&doc, "desc")[0]), "No figures available");
    }
    // A zero is still a data point: its bar exists, 0 wide, and its label shows.
    let doc_html = render(&all_zero);
    assert_eq!(elements(&parse(&doc_html), "rect").len(), 2);
    // A negative value in a grouped chart grows left of a drawn zero line.
    let neg_svg = render_svg(&negative).expect("svg");
    let doc = parse(&neg_svg);
    assert!(!elements(&doc, "polyline").is_empty());
    let rects = elements(&doc, "rect");
    assert!(number(rects[0], "x") + number(rects[0], "width") <= number(rects[1], "x"));
}

#[test]
fn caller_mistakes_are_errors_that_name_the_chart() {
    let mut bad_color = kanpur();
    bad_color.series[0].color = "blue".to_string();
    let mut short = kanpur();
    short.series[1].values.pop();
    let mut highlight = kanpur();
    highlight.highlight = Some(Highlight {
        row: 9,
        label: "x".to_string(),
    });
    let mut script = kanpur();
    script.source = Some(Source {
        text: "x".to_string(),
        url: Some("javascript:alert(1)".to_string()),
    });
    let mut spaced = kanpur();
    spaced.id = "two words".to_string();
    for spec in [bad_color, short, highlight, script, spaced] {
        let error = render_figure(&spec).expect_err("should be rejected");
        assert!(
            error
                .to_string()
                .contains(&format!("{:?}", spec.id).replace('"', ""))
                || error.to_string().contains(&spec.id)
        );
    }
}
