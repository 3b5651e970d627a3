use super::*;
use crate::chart::{Layout, Series, Source, Value};

const HINDI_HEADLINE: &str = "हार में भी रिकॉर्ड: कानपुर में कांग्रेस को अब तक के सबसे ज़्यादा वोट";
const CONJUNCTS_HEADLINE: &str = "क्षेत्रवार त्रिकोणीय द्वंद्व: आर्यनगर में किसकी जीत";

/// Kanpur: INC votes by assembly segment, 2019 and 2024.
fn kanpur_segments(lang: &str) -> ChartSpec {
    let votes = |numbers: [u32; 5]| {
        numbers
            .iter()
            .map(|&n| {
                Some(Value::new(
                    f64::from(n),
                    crate::numfmt::inr_unsigned(u64::from(n)),
                ))
            })
            .collect()
    };
    let hindi = lang == "hi";
    ChartSpec {
        id: "segments".to_string(),
        kind: Layout::Grouped,
        title: if hindi {
            "कानपुर: कांग्रेस के वोट, विधानसभा क्षेत्रवार"
        } else {
            "Kanpur: Congress votes by assembly segment"
        }
        .to_string(),
        note: None,
        source: Some(Source {
            text: if hindi {
                "भारत निर्वाचन आयोग"
            } else {
                "Election Commission of India"
            }
            .to_string(),
            url: None,
        }),
        lang: lang.to_string(),
        row_header: String::new(),
        rows: if hindi {
            ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"]
        } else {
            [
                "Govind Nagar",
                "Sisamau",
                "Arya Nagar",
                "Kidwai Nagar",
                "Kanpur Cantt.",
            ]
        }
        .map(String::from)
        .to_vec(),
        series: vec![
            Series {
                label: if hindi {
                    "लोकसभा 2019"
                } else {
                    "Lok Sabha 2019"
                }
                .to_string(),
                color: "#81d0f5".to_string(),
                values: votes([45_308, 68_823, 61_935, 46_854, 88_489]),
            },
            Series {
                label: if hindi {
                    "लोकसभा 2024"
                } else {
                    "Lok Sabha 2024"
                }
                .to_string(),
                color: "#19AAED".to_string(),
                values: votes([71_560, 87_323, 78_878, 66_680, 115_028]),
            },
        ],
        highlight: None,
    }
}

fn card<'a>(headline: &'a str, lang: &'a str, chart: Option<&'a ChartSpec>) -> Card<'a> {
    Card {
        headline,
        site_title: if lang == "hi" {
            "चुनाव व्याख्या"
        } else {
            "Chunav Explained"
        },
        lang,
        dateline: Some(if lang == "hi" {
            "कानपुर · 5 जून 2024"
        } else {
            "Kanpur · 5 June 2024"
        }),
        chart,
        result: None,
    }
}

/// Width and height from the IHDR chunk, after checking the PNG signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn hindi_card_with_chart_is_a_1200_by_630_png() {
    let spec = kanpur_segments("hi");
    let png = card_png(&card(HINDI_HEADLINE, "hi", Some(&spec))).expect("card");
    assert_eq!(png_size(&png), (WIDTH, HEIGHT));
}

#[test]
fn english_card_with_and_without_chart() {
    let spec = kanpur_segments("en");
    let headline = "Losing with a record: Congress's best ever vote in Kanpur";
    for chart in [Some(&spec), None] {
        let png = card_png(&card(headline, "en", chart)).expect("card");
        assert_eq!(png_size(&png), (WIDTH, HEIGHT));
    }
}

#[test]
fn same_card_gives_the_same_bytes() {
    let spec = kanpur_segments("hi");
    let card = card(CONJUNCTS_HEADLINE, "hi", Some(&spec));
    let first = card_png(&card).expect("card");
    let second = card_png(&card).expect("card");
    assert_eq!(first, second);
    assert_eq!(compose(&card), compose(&card));
}

#[test]
fn markup_in_the_headline_is_escaped() {
    let hostile = "<script>alert(1)</script> & \"quoted\" 'single'";
    let svg = compose(&card(hostile, "en", None)).expect("svg");
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;"), "{svg}");
    assert!(svg.contains("&amp;"), "{svg}");
    assert!(svg.contains("&quot;quoted&quot;"), "{svg}");
    assert_eq!(
        png_size(&card_png(&card(hostile, "en", None)).expect("png")),
        (WIDTH, HEIGHT)
    );
}

#[test]
fn hostile_headlines_still_give_a_card() {
    let long = "क्षेत्रवार ".repeat(50);
    let one_word = "द्व".repeat(400);
    let emoji = "जीत 🎉🇮🇳 \u{0007} 👨‍👩‍👧 done";
    let spec = kanpur_segments("hi");
    for headline in ["", "   ", long.as_str(), one_word.as_str(), emoji] {
        for chart in [Some(&spec), None] {
            let png = card_png(&card(headline, "hi", chart)).expect(headline);
            assert_eq!(png_size(&png), (WIDTH, HEIGHT), "{headline}");
        }
    }
}

#[test]
fn a_long_headline_takes_three_lines_and_ends_in_an_ellipsis() {
    let long = "क्षेत्रवार त्रिकोणीय द्वंद्व ".repeat(20);
    let headline = fit_headline(
        long.trim(),
        Lang::Hindi,
        540.0,
        &HEADLINE_SIZES_BESIDE_CHART,
    );
    assert_eq!(headline.lines.len(), HEADLINE_MAX_LINES);
    assert_eq!(headline.size, 44.0);
    let last = headline.lines.last().expect("lines");
    assert!(last.ends_with('…'), "{last}");
    assert!(!last.contains("\u{094D}…"), "cut inside a conjunct: {last}");
    for line in &headline.lines {
        let width = fonts::line_width(line, headline.size, Weight::Bold, Lang::Hindi);
        assert!(width <= 540.0, "{line}: {width}");
    }
}

#[test]
fn a_short_headline_gets_the_largest_size() {
    let headline = fit_headline("कानपुर", Lang::Hindi, 540.0, &HEADLINE_SIZES_BESIDE_CHART);
    assert_eq!(headline.size, 60.0);
    assert_eq!(headline.lines, ["कानपुर"]);
}

#[test]
fn overlong_input_is_cut_between_clusters() {
    let cut = at_most_chars(&"क्ष".repeat(200), 10);
    assert!(cut.chars().count() <= 10, "{cut}");
    assert!(cut.ends_with('…'));
    assert!(!cut.contains("\u{094D}…"), "{cut}");
    assert_eq!(at_most_chars("short", 10), "short");
}

#[test]
fn emoji_and_unknown_glyphs_are_left_out_not_boxed() {
    let svg = compose(&card("जीत 🎉 ok", "hi", None)).expect("svg");
    assert!(!svg.contains('🎉'), "{svg}");
}

#[test]
fn a_chart_with_a_bad_colour_is_an_error() {
    let mut spec = kanpur_segments("hi");
    spec.series[0].color = "saffron".to_string();
    let error = card_png(&card(HINDI_HEADLINE, "hi", Some(&spec))).expect_err("bad colour");
    assert!(error.contains("saffron"), "{error}");
}

#[test]
fn a_chart_without_figures_leaves_the_headline_alone() {
    let mut spec = kanpur_segments("hi");
    for series in &mut spec.series {
        series.values.iter_mut().for_each(|v| *v = None);
    }
    let with_empty = compose(&card(HINDI_HEADLINE, "hi", Some(&spec))).expect("svg");
    let without = compose(&card(HINDI_HEADLINE, "hi", None)).expect("svg");
    assert_eq!(with_empty, without);
}

#[test]
fn many_rows_are_counted_not_squeezed() {
    let mut spec = kanpur_segments("hi");
    spec.rows = (1..=20).map(|i| format!("क्षेत्र {i}")).collect();
    for series in &mut spec.series {
        series.values = (1..=20)
            .map(|i| Some(Value::new(f64::from(i), i.to_string())))
            .collect();
    }
    let svg = compose(&card(HINDI_HEADLINE, "hi", Some(&spec))).expect("svg");
    assert!(svg.contains("और पंक्तियाँ लेख में"), "{svg}");
    assert!(!svg.contains(">क्षेत्र 20<"), "{svg}");
}

#[test]
fn negative_values_grow_left_of_a_zero_line() {
    let mut spec = kanpur_segments("en");
    spec.kind = Layout::Diverging;
    spec.series.truncate(1);
    spec.series[0].values = [5.2, -3.1, 10.4, -0.2, 0.0]
        .iter()
        .map(|&n| Some(Value::new(n, format!("{n:+}"))))
        .collect();
    let svg = compose(&card("Swing by segment", "en", Some(&spec))).expect("svg");
    assert!(svg.contains("<line"), "{svg}");
    assert_eq!(
        png_size(&card_png(&card("Swing", "en", Some(&spec))).expect("png")),
        (WIDTH, HEIGHT)
    );
}

/// Ink boxes of every piece of text, as resvg lays it out: (text, left, top, right, bottom).
fn text_boxes(card: &Card<'_>) -> Vec<(String, f32, f32, f32, f32)> {
    use resvg::usvg::{Group, Node, Options, Tree};
    fn walk(group: &Group, out: &mut Vec<(String, f32, f32, f32, f32)>) {
        for node in group.children() {
            match node {
                Node::Group(inner) => walk(inner, out),
                Node::Text(text) => {
                    let ink = text.abs_stroke_bounding_box();
                    let words: String = text.chunks().iter().map(|c| c.text()).collect();
                    out.push((words, ink.left(), ink.top(), ink.right(), ink.bottom()));
                }
                _ => {}
            }
        }
    }
    let options = Options {
        fontdb: fonts::database().expect("fonts"),
        ..Options::default()
    };
    let svg = compose(card).expect("svg");
    let tree = Tree::from_str(&svg, &options).expect("parses");
    let mut boxes = Vec::new();
    walk(tree.root(), &mut boxes);
    boxes
}

fn assert_no_text_overlaps(card: &Card<'_>) {
    let boxes = text_boxes(card);
    assert!(!boxes.is_empty());
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.1 >= 0.0 && a.2 >= 0.0, "{a:?} leaves the card");
        assert!(
            a.3 <= WIDTH as f32 && a.4 <= HEIGHT as f32,
            "{a:?} leaves the card"
        );
        for b in &boxes[i + 1..] {
            let overlap_x = a.3.min(b.3) - a.1.max(b.1);
            let overlap_y = a.4.min(b.4) - a.2.max(b.2);
            assert!(overlap_x <= 0.5 || overlap_y <= 0.5, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn no_text_overlaps_on_the_kanpur_cards() {
    let hindi = kanpur_segments("hi");
    let english = kanpur_segments("en");
    assert_no_text_overlaps(&card(HINDI_HEADLINE, "hi", Some(&hindi)));
    assert_no_text_overlaps(&card(CONJUNCTS_HEADLINE, "hi", Some(&hindi)));
    assert_no_text_overlaps(&card(HINDI_HEADLINE, "hi", None));
    let english_headline = "Losing with a record: Congress's best ever vote in Kanpur";
    assert_no_text_overlaps(&card(english_headline, "en", Some(&english)));
}

#[test]
fn no_text_overlaps_when_rows_overflow_or_headlines_run_long() {
    let mut spec = kanpur_segments("hi");
    spec.rows = (1..=20).map(|i| format!("क्षेत्र {i}")).collect();
    for series in &mut spec.series {
        series.values = (1..=20)
            .map(|i| Some(Value::new(f64::from(i) * 1000.0, format!("{i},000"))))
            .collect();
    }
    let long = "क्षेत्रवार त्रिकोणीय द्वंद्व में आर्यनगर ".repeat(10);
    assert_no_text_overlaps(&card(&long, "hi", Some(&spec)));
}

#[test]
fn the_headline_stays_left_of_the_chart_panel() {
    let spec = kanpur_segments("hi");
    let long = "क्षेत्रवार त्रिकोणीय द्वंद्व में आर्यनगर ".repeat(10);
    for headline in [HINDI_HEADLINE, CONJUNCTS_HEADLINE, long.as_str()] {
        let boxes = text_boxes(&card(headline, "hi", Some(&spec)));
        let left_column = boxes.iter().filter(|b| b.1 < PANEL_LEFT as f32);
        for b in left_column {
            assert!(b.3 <= (PANEL_LEFT - COLUMN_GAP) as f32 + 1.0, "{b:?}");
        }
    }
}

/// The longest candidate name and the longest party name among the 8,902 rows of ECI's
/// 2024 constituency-wise results (`eci-ge2024-constituencywise.csv`; written here, runs of
/// spaces collapsed, so the test does not need the file), with the Kanpur names in Hindi.
const LONGEST_CANDIDATE: &str = "ABDUL TAHIR ADVOCATE (BABLU RAJNIKANT) S/O SAEED PAHELWAN ANSARI";
const LONGEST_CANDIDATE_PARTY: &str = "Bahujan Maha Party";
const LONGEST_PARTY: &str = "Communist Party of India (Marxist-Leninist) (Liberation)";
const LONGEST_PARTY_CANDIDATE: &str = "BUGATHA BANGARRAO";

/// A candidates chart (one series, each bar in its party's colour, the winner marked) with
/// these row names.
fn candidates(lang: &str, rows: &[String]) -> ChartSpec {
    let votes: [u32; 5] = [443_055, 422_087, 12_032, 6_105, 4_117];
    ChartSpec {
        id: "candidates".to_string(),
        kind: Layout::Grouped,
        title: if lang == "hi" {
            "कानपुर 2024: किसे कितने वोट मिले"
        } else {
            "Votes by candidate"
        }
        .to_string(),
        note: None,
        source: None,
        lang: lang.to_string(),
        row_header: String::new(),
        rows: rows.to_vec(),
        series: vec![Series {
            label: "votes".to_string(),
            color: "#6b6b6b".to_string(),
            values: rows
                .iter()
                .zip(votes.iter().cycle())
                .map(|(_, &n)| {
                    Some(Value {
                        color: Some("#FF9933".to_string()),
                        ..Value::new(
                            f64::from(n),
                            format!("{} (49.93%)", crate::numfmt::inr_unsigned(u64::from(n))),
                        )
                    })
                })
                .collect(),
        }],
        highlight: Some(crate::chart::Highlight {
            row: 0,
            label: if lang == "hi" {
                "विजेता"
            } else {
                "winner"
            }
            .to_string(),
        }),
    }
}

/// Every word of every row name is drawn (nothing cut, no "…"), nothing overlaps, and the
/// names stay in the chart panel.
fn assert_names_whole(card: &Card<'_>, spec: &ChartSpec) {
    assert_no_text_overlaps(card);
    let boxes = text_boxes(card);
    let drawn: String = boxes
        .iter()
        .map(|b| b.0.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!drawn.contains('…'), "something was cut: {drawn}");
    for row in 0..spec.rows.len() {
        for word in spec.row_name(row).split_whitespace() {
            assert!(
                drawn.contains(word),
                "`{word}` of row {row} missing: {drawn}"
            );
        }
    }
    for b in boxes.iter().filter(|b| b.1 >= PANEL_LEFT as f32) {
        assert!(
            b.3 <= (WIDTH as f32) - MARGIN as f32 + 1.0,
            "{b:?} leaves the panel"
        );
    }
}

#[test]
fn the_longest_names_and_parties_of_2024_are_never_cut() {
    let rows = [
        format!("{LONGEST_CANDIDATE} · {LONGEST_CANDIDATE_PARTY}"),
        format!("{LONGEST_PARTY_CANDIDATE} · {LONGEST_PARTY}"),
        "Ramesh Awasthi · BJP".to_string(),
    ];
    let spec = candidates("en", &rows);
    assert_names_whole(
        &card(
            "Losing with a record: Congress's best ever vote in Kanpur",
            "en",
            Some(&spec),
        ),
        &spec,
    );
    let hindi = [
        "रमेश अवस्थी · भारतीय जनता पार्टी".to_string(),
        "आलोक मिश्रा · भारतीय राष्ट्रीय कांग्रेस".to_string(),
        "कुलदीप भदौरिया · बहुजन समाज पार्टी".to_string(),
        "अन्य (8)".to_string(),
        "नोटा".to_string(),
    ];
    let spec = candidates("hi", &hindi);
    assert_names_whole(&card(HINDI_HEADLINE, "hi", Some(&spec)), &spec);
}

#[path = "kanpur_sample.rs"]
mod kanpur_sample;
use kanpur_sample::kanpur_result;

fn result_card<'a>(lang: &'a str, result: &'a CardResult) -> Card<'a> {
    Card {
        result: Some(result),
        ..card(HINDI_HEADLINE, lang, None)
    }
}

/// What a chat app's square crop of the card shows: the text whose ink lies inside the
/// centre 630 × 630, in drawing order. No text may straddle the square's edges (the crop
/// would cut it), and nothing may overlap or leave the card.
fn text_in_square(card: &Card<'_>) -> String {
    assert_no_text_overlaps(card);
    let (left, right) = (result::SQUARE_LEFT as f32, result::SQUARE_RIGHT as f32);
    let mut inside = Vec::new();
    for b in text_boxes(card) {
        let straddles = (b.1 < left && b.3 > left) || (b.1 < right && b.3 > right);
        assert!(
            !straddles,
            "{b:?} is cut by the square's edge ({left}–{right})"
        );
        if b.1 >= left && b.3 <= right {
            inside.push(b.0);
        }
    }
    inside.join(" ")
}

#[test]
fn the_result_lies_inside_the_square_a_chat_app_crops() {
    for lang in ["hi", "en"] {
        let result = kanpur_result(lang);
        let shown = text_in_square(&result_card(lang, &result));
        let essentials = [
            &result.heading,
            &result.lead.name,
            &result.lead.party,
            &result.lead.votes,
            &result.figures[0],
        ];
        for text in essentials {
            for word in text.split_whitespace() {
                assert!(
                    shown.contains(word),
                    "`{word}` of {text:?} not in the square: {shown}"
                );
            }
        }
        assert!(!shown.contains('…'), "cut: {shown}");
        // The runner-up and the aside are for the wide card: outside the square.
        let second = result.second.as_ref().expect("runner-up");
        assert!(!shown.contains(&second.name), "{shown}");
        let svg = card_svg(&result_card(lang, &result)).expect("svg");
        assert!(
            svg.contains(&second.name) && svg.contains(&result.aside[0].1),
            "{svg}"
        );
    }
}

#[test]
fn the_longest_names_of_2024_stay_whole_inside_the_square() {
    let mut result = kanpur_result("en");
    result.lead.name = LONGEST_CANDIDATE.to_string();
    result.lead.party = LONGEST_PARTY.to_string();
    result.heading = "Mahbubnagar (SC) · Lok Sabha 2024, Telangana".to_string();
    if let Some(second) = result.second.as_mut() {
        second.name = LONGEST_CANDIDATE.to_string();
        second.party = LONGEST_PARTY.to_string();
    }
    result
        .aside
        .push(("Turnout".to_string(), "72.43%".to_string()));
    let shown = text_in_square(&result_card("en", &result));
    for word in LONGEST_CANDIDATE
        .split_whitespace()
        .chain(LONGEST_PARTY.split_whitespace())
    {
        assert!(shown.contains(word), "`{word}` not in the square: {shown}");
    }
    let all: String = text_boxes(&result_card("en", &result))
        .into_iter()
        .map(|b| b.0)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!all.contains('…'), "a name was cut: {all}");
    for word in LONGEST_CANDIDATE
        .split_whitespace()
        .chain(LONGEST_PARTY.split_whitespace())
    {
        assert!(
            all.split_whitespace().filter(|w| *w == word).count() >= 2,
            "`{word}` broken or missing in the centre or the flank: {all}"
        );
    }
    // Everything above the footer's rule.
    for b in text_boxes(&result_card("en", &result)) {
        if b.0 != "Chunav Explained" {
            assert!(b.4 <= FOOTER_RULE as f32, "{b:?} runs into the footer");
        }
    }
}

#[test]
fn a_result_without_a_named_winner_says_so_inside_the_square() {
    let result = CardResult {
        heading: "कानपुर नगर निगम · महापौर चुनाव 2023".to_string(),
        lead: CardPerson {
            role: "स्रोत में दिए आँकड़े".to_string(),
            name: "सपा प्रत्याशी".to_string(),
            party: "सपा".to_string(),
            color: Some("#E40001".to_string()),
            votes: "2,50,000 से अधिक वोट".to_string(),
            share: None,
        },
        figures: vec![
            "रिपोर्ट: ढाई लाख से अधिक वोट, दूसरा स्थान".to_string(),
            "विजेता: स्रोत में न विजेता का नाम है, न उसके दल का".to_string(),
        ],
        ..CardResult::default()
    };
    let shown = text_in_square(&result_card("hi", &result));
    for word in "विजेता: स्रोत में न विजेता का नाम है, न उसके दल का".split_whitespace()
    {
        assert!(shown.contains(word), "`{word}` not in {shown}");
    }
    assert!(
        !card_svg(&result_card("hi", &result))
            .expect("svg")
            .contains("<rect x=\"309\" y=\""),
        "no share bar without shares"
    );
}

#[test]
fn a_result_card_with_a_malformed_party_colour_is_an_error() {
    let mut result = kanpur_result("hi");
    result.lead.color = Some("orange".to_string());
    let err = card_svg(&result_card("hi", &result)).expect_err("malformed colour");
    assert!(
        err.contains("\"orange\"") && err.contains("#RRGGBB"),
        "{err}"
    );
}

/// resvg's drawing of a card's SVG: what cards were drawn with before `raster` filled the
/// shapes itself, kept here as the reference the card's own drawing must look like.
fn drawn_by_resvg(svg: &str) -> resvg::tiny_skia::Pixmap {
    use resvg::usvg::{Options, Tree};
    let options = Options {
        fontdb: fonts::database().expect("fonts"),
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &options).expect("parses");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// How two drawings of the same card differ: pixels whose colour differs at all, pixels
/// that differ by more than `VISIBLE` in some channel, the largest channel difference,
/// the largest difference of a channel's mean over a `BLOCK`×`BLOCK` square (what an eye
/// sees of a shade moved within a pixel), and pixels that are not white (ink) in the
/// reference.
#[derive(Debug)]
struct Difference {
    changed: usize,
    visible: usize,
    largest: u8,
    block: u8,
    ink: usize,
}

/// A difference a reader could notice on a phone: a tenth of the channel's range.
const VISIBLE: u8 = 26;
const BLOCK: usize = 4;

fn difference(ours: &[u8], reference: &[u8]) -> Difference {
    let mut d = Difference {
        changed: 0,
        visible: 0,
        largest: 0,
        block: 0,
        ink: 0,
    };
    for (a, b) in ours.chunks_exact(4).zip(reference.chunks_exact(4)) {
        let most = a
            .iter()
            .zip(b)
            .map(|(x, y)| x.abs_diff(*y))
            .max()
            .unwrap_or(0);
        d.changed += usize::from(most > 0);
        d.visible += usize::from(most > VISIBLE);
        d.largest = d.largest.max(most);
        d.ink += usize::from(b[..3] != [255, 255, 255]);
    }
    let (width, height) = (WIDTH as usize, HEIGHT as usize);
    for top in (0..height).step_by(BLOCK) {
        for left in (0..width).step_by(BLOCK) {
            let mut sums = [0i64; 3];
            let mut count = 0i64;
            for y in top..(top + BLOCK).min(height) {
                for x in left..(left + BLOCK).min(width) {
                    let at = 4 * (y * width + x);
                    for (channel, sum) in sums.iter_mut().enumerate() {
                        *sum += i64::from(ours[at + channel]) - i64::from(reference[at + channel]);
                    }
                    count += 1;
                }
            }
            let most = sums.iter().map(|s| s.abs() / count).max().unwrap_or(0);
            d.block = d.block.max(u8::try_from(most).unwrap_or(u8::MAX));
        }
    }
    d
}

/// A PNG's pixels as RGBA.
fn decoded(png_bytes: &[u8]) -> Vec<u8> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("its size")];
    reader.next_frame(&mut pixels).expect("its pixels");
    pixels
}

#[test]
fn cards_are_drawn_as_resvg_draws_them() {
    let hindi = kanpur_segments("hi");
    let english = kanpur_segments("en");
    let hindi_result = kanpur_result("hi");
    let english_result = kanpur_result("en");
    let cards = [
        card(HINDI_HEADLINE, "hi", Some(&hindi)),
        card(CONJUNCTS_HEADLINE, "hi", None),
        card(
            "Losing with a record: Congress's best ever vote in Kanpur",
            "en",
            Some(&english),
        ),
        card("<b>&amp;</b> “quoted” — तथ्य & 'x'", "en", None),
        result_card("hi", &hindi_result),
        result_card("en", &english_result),
    ];
    for card in &cards {
        let svg = compose(card).expect("svg");
        let ours = raster::draw(&svg, WIDTH, HEIGHT).expect("drawn");
        // What is published is drawn into palette indices (`indexed`): the same pixels.
        let shapes = scene::read(&svg).expect("shapes");
        assert!(
            indexed::draw(&shapes, WIDTH, HEIGHT).is_some(),
            "not indexed"
        );
        let published = decoded(&raster::png(&svg, WIDTH, HEIGHT).expect("png"));
        let d = difference(&published, ours.data());
        assert_eq!(
            (d.changed, d.largest),
            (0, 0),
            "{:?} ({:?}): the published card differs from the drawing: {d:?}",
            card.headline,
            card.result.map(|r| &r.heading)
        );
        let reference = drawn_by_resvg(&svg);
        let d = difference(ours.data(), reference.data());
        assert!(
            d.ink > 10_000,
            "{:?}: the reference drew almost nothing: {d:?}",
            card.headline
        );
        assert!(
            looks_the_same(&d),
            "{:?} ({:?}) is drawn otherwise than resvg draws it: {d:?}",
            card.headline,
            card.result.map(|r| &r.heading)
        );
    }
}

/// Glyphs are filled once at an origin rounded to an eighth of a pixel and combined by the
/// larger coverage (`glyphs`), while resvg fills each run's outline where it lies; with
/// tiny-skia's four sample rows a pixel, an edge moved by a sixteenth of a pixel can cross
/// a sample row, so single edge pixels differ by up to ~100 levels (measured 2 December
/// 2026: ≤ 2.4 % of the ink pixels by more than `VISIBLE`, no `BLOCK` square's mean by more
/// than 24). A glyph left out, a run one pixel off or in another of the card's colours
/// moves whole squares by 48 levels or more (the test below).
fn looks_the_same(d: &Difference) -> bool {
    d.visible * 25 <= d.ink && d.block <= 32
}

/// The comparison above fails on a drawing that is wrong: a glyph left out, a run one pixel
/// off, a run in another of the card's colours.
#[test]
fn a_wrong_drawing_is_not_taken_for_resvg_s() {
    let hindi = kanpur_segments("hi");
    let svg = compose(&card(CONJUNCTS_HEADLINE, "hi", Some(&hindi))).expect("svg");
    let reference = drawn_by_resvg(&svg);
    let ours = raster::draw(&svg, WIDTH, HEIGHT).expect("drawn");
    assert!(looks_the_same(&difference(ours.data(), reference.data())));
    // The headline's run with "त्रिकोणीय" in it: conjuncts, a reph and an i matra.
    let word = svg.find("त्रिकोणीय").expect("the headline's run");
    let tag = svg[..word].rfind("<text").expect("its element");
    let element = &svg[tag..svg[tag..].find("</text>").expect("closed") + tag];
    let line = &element[element.find('>').expect("a start tag") + 1..];
    let x = element
        .split("x=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an x");
    let shifted_x: f32 = x.parse::<f32>().expect("a number") + 1.0;
    let without_matra = line.replacen('\u{093F}', "", 1);
    let wrong = [
        ("a matra left out", element.replace(line, &without_matra)),
        (
            "a run one pixel right",
            element.replacen(&format!("x=\"{x}\""), &format!("x=\"{shifted_x}\""), 1),
        ),
        ("a run in the muted grey", element.replace(INK, MUTED)),
    ];
    for (what, changed) in wrong {
        assert_ne!(changed, element, "{what}: the element did not change");
        let drawn =
            raster::draw(&svg.replacen(element, &changed, 1), WIDTH, HEIGHT).expect("drawn");
        let d = difference(drawn.data(), reference.data());
        assert!(
            !looks_the_same(&d),
            "{what} passed for resvg's drawing: {d:?}"
        );
    }
}
