//! The four kinds on the official Kanpur data, and the edge cases on small made-up results.

use super::*;
use crate::chart::Value;
use crate::config::Party;
use crate::election::testutil::{KANPUR_2019, KANPUR_2024, check, parties, shown};

fn site_parties() -> BTreeMap<String, Party> {
    let colour = |code: &str| match code {
        "BJP" => ("भाजपा", "#FF9933"),
        "INC" => ("कांग्रेस", "#19AAED"),
        "SP" => ("सपा", "#E40001"),
        "BSP" => ("बसपा", "#22409A"),
        "IND" => ("निर्दलीय", "#6b6b6b"),
        "NOTA" => ("नोटा", "#9a9a9a"),
        _ => ("", "#7a7a7a"),
    };
    parties()
        .into_iter()
        .chain(["IND", "NOTA", "AAP"].map(String::from))
        .map(|code| {
            let (short, color) = colour(&code);
            let short = if short.is_empty() {
                code.clone()
            } else {
                short.to_string()
            };
            let party = Party {
                name: short.clone(),
                short,
                color: color.to_string(),
                hi: None,
                en: None,
                aliases: Vec::new(),
            };
            (code, party)
        })
        .collect()
}

fn page(front_matter: &str) -> PageResults {
    let (page, diagnostics) = check(front_matter);
    assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
    page
}

fn kanpur() -> PageResults {
    page(&format!("{KANPUR_2019}\n{KANPUR_2024}"))
}

/// The spec for a chart block's text, or the message.
fn chart(results: &PageResults, block: &str) -> Result<ChartSpec, String> {
    let parties = site_parties();
    // The page's own results stand for the site's, for `seats` charts.
    let seats = crate::election::digest::ResultDigest::all_of(results.iter());
    let ledger = crate::election::tally::Ledger::new(&seats, []);
    let alliances: crate::election::Alliances = [(
        "2024".to_string(),
        [
            (
                "INDIA".to_string(),
                vec!["INC".to_string(), "SP".to_string()],
            ),
            ("NDA".to_string(), vec!["BJP".to_string()]),
        ]
        .into_iter()
        .collect(),
    )]
    .into_iter()
    .collect();
    let ctx = ChartContext {
        results,
        ledger: &ledger,
        alliances: &alliances,
        parties: &parties,
        lang: "hi",
        digits: Digits::Latin,
    };
    spec(&parse_options(block)?, &ctx, "c")
}

fn ok(results: &PageResults, block: &str) -> ChartSpec {
    chart(results, block).unwrap_or_else(|e| panic!("{block}: {e}"))
}

fn labels(series: &crate::chart::Series) -> Vec<&str> {
    series
        .values
        .iter()
        .map(|v| v.as_ref().map_or("—", |v| v.label.as_str()))
        .collect()
}

const INC_SEGMENTS: &str =
    "kind = \"segments\"\nparty = \"INC\"\nresults = [\"ls2019\", \"ls2024\"]";

#[test]
fn segments_one_bar_per_result_in_each_segment() {
    let spec = ok(&kanpur(), INC_SEGMENTS);
    assert_eq!(spec.title, "कानपुर: कांग्रेस के वोट, विधानसभा क्षेत्रवार");
    assert_eq!(
        spec.rows,
        ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"]
    );
    assert_eq!(spec.series[0].label, "लोकसभा 2019");
    assert_eq!(
        labels(&spec.series[0]),
        ["45,308", "68,823", "61,935", "46,854", "88,489"]
    );
    assert_eq!(
        labels(&spec.series[1]),
        ["71,560", "87,323", "78,878", "66,680", "1,15,028"]
    );
    assert_eq!(spec.series[1].color, "#19AAED");
    assert_eq!(spec.series[0].color, "#81d0f5", "earlier result in a tint");
    let source = spec.source.expect("source");
    assert!(source.text.starts_with("TCPD Lok Dhaba"), "{}", source.text);
    assert!(source.text.contains("; ECI, General Election 2024"));
}

#[test]
fn segments_sorted_by_the_latest_votes_and_titled_with_a_single_election() {
    let spec = ok(
        &kanpur(),
        "kind = \"segments\"\nparty = \"BJP\"\nresults = [\"ls2024\"]\nsort = \"votes\"",
    );
    assert_eq!(
        spec.rows,
        ["किदवईनगर", "गोविंदनगर", "कैंट", "आर्यनगर", "सीसामऊ"]
    );
    assert_eq!(
        spec.title,
        "कानपुर: भाजपा के वोट, विधानसभा क्षेत्रवार, लोकसभा 2024"
    );
}

#[test]
fn a_party_or_candidate_absent_from_one_result_did_not_stand_there() {
    let bsp = ok(
        &kanpur(),
        "kind = \"segments\"\nparty = \"BSP\"\nresults = [\"ls2019\", \"ls2024\"]",
    );
    assert_eq!(labels(&bsp.series[0]), ["उम्मीदवार नहीं"; 5]);
    assert!(
        bsp.series[0]
            .values
            .iter()
            .flatten()
            .all(|v| v.number == 0.0)
    );
    assert_eq!(labels(&bsp.series[1])[0], "4,470");
    let alok = ok(
        &kanpur(),
        "kind = \"segments\"\ncandidate = \"आलोक मिश्रा\"\nresults = [\"ls2019\", \"ls2024\"]",
    );
    assert_eq!(labels(&alok.series[0])[4], "उम्मीदवार नहीं");
    assert_eq!(labels(&alok.series[1])[4], "1,15,028");
    assert_eq!(
        alok.series[1].color, "#19AAED",
        "the candidate's party colour"
    );
    assert_eq!(alok.title, "कानपुर: आलोक मिश्रा के वोट, विधानसभा क्षेत्रवार");
}

#[test]
fn candidates_sorted_coloured_winner_marked_nota_last() {
    let spec = ok(&kanpur(), "kind = \"candidates\"\nresult = \"ls2024\"");
    assert_eq!(spec.rows.len(), 12);
    assert_eq!(spec.rows[0], "रमेश अवस्थी · भाजपा");
    assert_eq!(spec.rows[1], "आलोक मिश्रा · कांग्रेस");
    assert_eq!(spec.rows[11], "नोटा");
    let highlight = spec.highlight.expect("winner");
    assert_eq!((highlight.row, highlight.label.as_str()), (0, "विजेता"));
    let values: Vec<&Value> = spec.series[0].values.iter().flatten().collect();
    assert_eq!(values[0].label, "4,43,055 (49.93%)");
    assert_eq!(values[1].label, "4,22,087 (47.56%)");
    assert_eq!(values[0].color.as_deref(), Some("#FF9933"));
    assert_eq!(values[1].color.as_deref(), Some("#19AAED"));
    assert_eq!(values[11].color.as_deref(), Some("#9a9a9a"));
    assert_eq!(spec.title, "कानपुर, लोकसभा 2024: उम्मीदवारों के वोट");
}

#[test]
fn small_candidates_fold_into_others_by_share_or_by_top() {
    let results = kanpur();
    let below = ok(
        &results,
        "kind = \"candidates\"\nresult = \"ls2024\"\nothers_below = 1",
    );
    assert_eq!(
        below.rows,
        [
            "रमेश अवस्थी · भाजपा",
            "आलोक मिश्रा · कांग्रेस",
            "KULDEEP BHADAURIYA · बसपा",
            "अन्य (8)",
            "नोटा"
        ]
    );
    // 1974 + 1198 + 778 + 672 + 465 + 398 + 350 + 270 = 6105 of 887396.
    assert_eq!(labels(&below.series[0])[3], "6,105 (0.69%)");
    let top = ok(
        &results,
        "kind = \"candidates\"\nresult = \"ls2024\"\ntop = 2",
    );
    assert_eq!(top.rows[2], "अन्य (9)");
    assert_eq!(top.rows.len(), 4);
    // Folding a single candidate would hide a name for nothing.
    let ten = ok(
        &results,
        "kind = \"candidates\"\nresult = \"ls2024\"\ntop = 10",
    );
    assert!(
        ten.rows.iter().all(|r| !r.starts_with("अन्य")),
        "{:?}",
        ten.rows
    );
    assert_eq!(ten.rows.len(), 12);
}

#[test]
fn contest_shows_the_top_parties_in_each_segment() {
    let spec = ok(&kanpur(), "kind = \"contest\"\nresult = \"ls2024\"");
    let names: Vec<&str> = spec.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(names, ["भाजपा", "कांग्रेस", "बसपा"]);
    assert_eq!(labels(&spec.series[1])[4], "1,15,028");
    let two = ok(
        &kanpur(),
        "kind = \"contest\"\nresult = \"ls2019\"\ntop = 2",
    );
    assert_eq!(two.series.len(), 2);
    assert_eq!(labels(&two.series[0])[0], "1,21,047");
}

#[test]
fn swing_in_points_per_segment() {
    let spec = ok(
        &kanpur(),
        "kind = \"swing\"\nparty = \"INC\"\nresults = [\"ls2019\", \"ls2024\"]",
    );
    assert_eq!(
        labels(&spec.series[0]),
        ["+13.21", "+10.04", "+8.59", "+9.44", "+8.77"]
    );
    // 2019 gives NOTA per segment, 2024 does not: both years leave NOTA out, and say so.
    assert!(
        spec.note
            .as_deref()
            .is_some_and(|n| n.contains("नोटा को छोड़कर"))
    );
    assert_eq!(
        spec.title,
        "कानपुर: कांग्रेस के वोट प्रतिशत में बदलाव, लोकसभा 2019 से लोकसभा 2024"
    );
    // 2024 gives no segment figures for independents and NOTA: shares are partial.
    assert!(spec.note.expect("note").contains("क्षेत्रवार ब्योरा"));
    let bjp = ok(
        &kanpur(),
        "kind = \"swing\"\nparty = \"BJP\"\nresults = [\"ls2019\", \"ls2024\"]\nsort = \"change\"",
    );
    let numbers: Vec<f64> = bjp.series[0]
        .values
        .iter()
        .flatten()
        .map(|v| v.number)
        .collect();
    assert!(numbers.iter().all(|n| *n < 0.0), "{numbers:?}");
    assert!(numbers.windows(2).all(|w| w[0] >= w[1]), "{numbers:?}");
}

#[test]
fn swing_from_a_result_the_party_was_not_in_counts_from_zero() {
    let spec = ok(
        &kanpur(),
        "kind = \"swing\"\nparty = \"BSP\"\nresults = [\"ls2019\", \"ls2024\"]",
    );
    assert!(
        spec.series[0]
            .values
            .iter()
            .flatten()
            .all(|v| v.number > 0.0)
    );
    assert!(
        spec.note
            .expect("note")
            .starts_with("बसपा ने लोकसभा 2019 में चुनाव नहीं लड़ा; बदलाव शून्य से गिना गया है।")
    );
}

#[test]
fn mistakes_name_what_is_valid() {
    let results = kanpur();
    let cases = [
        (
            "kind = \"segments\"\nparty = \"INC\"\nresults = [\"ls2025\"]",
            "no result `ls2025` on this page; results here: ls2019, ls2024; did you mean `ls2024`?",
        ),
        (
            "kind = \"segments\"\nparty = \"Congress\"\nresults = [\"ls2024\"]",
            "party `Congress` is not defined in site.toml [parties]; parties: AAP, AIFB, BJP, BRM, BSCP, BSP, INC, IND, NOTA, PBI, SABJANP, SFP, SHS, SP, SUCI",
        ),
        (
            "kind = \"segments\"\nparty = \"AAP\"\nresults = [\"ls2019\", \"ls2024\"]",
            "no party `AAP` in result `ls2024`; parties here: AIFB, BJP, BSP, INC, IND, NOTA, PBI, SABJANP, SUCI",
        ),
        (
            "kind = \"segments\"\nresults = [\"ls2024\"]",
            "a segments chart needs `party` (e.g. party = \"INC\") or `candidate` (e.g. candidate = \"आलोक मिश्रा\")",
        ),
        (
            "kind = \"segments\"\nparty = \"INC\"",
            "a segments chart needs `results`, e.g. results = [\"ls2019\", \"ls2024\"]",
        ),
        (
            "kind = \"segments\"\nparty = \"INC\"\nresults = [\"ls2024\", \"ls2024\"]",
            "`results` names `ls2024` twice",
        ),
        (
            "kind = \"candidates\"",
            "a candidates chart needs `result`, e.g. result = \"ls2024\"",
        ),
        (
            "kind = \"swing\"\nparty = \"INC\"\nresults = [\"ls2024\"]",
            "a swing chart compares two results, results = [\"from\", \"to\"]; got 1 (ls2024); results here: ls2019, ls2024",
        ),
        (
            "kind = \"swing\"\nresults = [\"ls2019\", \"ls2024\"]",
            "a swing chart needs `party`, e.g. party = \"INC\"",
        ),
    ];
    for (block, expected) in cases {
        assert_eq!(
            chart(&results, block).err().as_deref(),
            Some(expected),
            "{block}"
        );
    }
}

const SMALL: &str = r#"
[[results]]
id = "small"
election = "लोकसभा 2024"
year = 2024
constituency = "कानपुर"
segments = ["कैंट"]
"#;

fn candidate(name: &str, party: &str, votes: &str, segment: Option<u64>) -> String {
    let by_segment = segment
        .map(|v| format!("by_segment = {{ \"कैंट\" = {v} }}\n"))
        .unwrap_or_default();
    format!("[[results.candidates]]\nname = \"{name}\"\nparty = \"{party}\"\n{votes}\n{by_segment}")
}

#[test]
fn a_tie_marks_no_winner_and_says_so() {
    let results = page(&format!(
        "{SMALL}{}{}",
        candidate("क", "BJP", "votes = 100", Some(100)),
        candidate("ख", "INC", "votes = 100", Some(100))
    ));
    let spec = ok(&results, "kind = \"candidates\"\nresult = \"small\"");
    assert_eq!(spec.highlight, None);
    assert_eq!(
        spec.note.as_deref(),
        Some("पहले दो उम्मीदवारों को बराबर वोट मिले।")
    );
}

#[test]
fn more_than_figures_say_so_and_segment_figures_stay_exact() {
    let results = page(&format!(
        "{SMALL}{}{}",
        candidate("क", "BJP", "votes = 250000\napprox = true", Some(1200)),
        candidate("ख", "INC", "votes = 100000", Some(99500))
    ));
    let spec = ok(&results, "kind = \"candidates\"\nresult = \"small\"");
    assert_eq!(
        labels(&spec.series[0]),
        ["2,50,000 से अधिक (लगभग 71.43%)", "1,00,000 (लगभग 28.57%)"]
    );
    let segments = ok(
        &results,
        "kind = \"segments\"\nparty = \"BJP\"\nresults = [\"small\"]",
    );
    assert_eq!(labels(&segments.series[0]), ["1,200"]);
}

#[test]
fn zero_totals_and_missing_segments_do_not_break_charts() {
    let zero = page(&format!(
        "{SMALL}{}{}",
        candidate("क", "BJP", "votes = 0", Some(0)),
        candidate("ख", "INC", "votes = 0", Some(0))
    ));
    let spec = ok(&zero, "kind = \"candidates\"\nresult = \"small\"");
    assert_eq!(labels(&spec.series[0]), ["0 (0.00%)", "0 (0.00%)"]);
    crate::chart::render_figure(&spec).expect("drawn");
    let no_segments = page(&format!(
        "[[results]]\nid = \"bare\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\n{}",
        candidate("क", "BJP", "votes = 10", None)
    ));
    assert_eq!(
        chart(&no_segments, "kind = \"contest\"\nresult = \"bare\"")
            .err()
            .as_deref(),
        Some(
            "result `bare` lists no segments, so a contest chart has nothing to show; give the result `segments = [...]` and its candidates `by_segment` figures"
        )
    );
    assert!(
        ok(&no_segments, "kind = \"candidates\"\nresult = \"bare\"")
            .highlight
            .is_some()
    );
}

#[test]
fn the_template_function_and_a_block_read_options_alike() {
    let block = parse_options(INC_SEGMENTS).expect("block");
    let mut table = toml::Table::new();
    table.insert("kind".into(), "segments".into());
    table.insert("party".into(), "INC".into());
    table.insert("results".into(), vec!["ls2019", "ls2024"].into());
    assert_eq!(ChartOptions::from_table(&table), Ok(block));
}

#[test]
fn devanagari_digits_reach_every_label() {
    let results = kanpur();
    let parties = site_parties();
    let ctx = ChartContext {
        results: &results,
        ledger: &crate::election::tally::Ledger::default(),
        alliances: &crate::election::Alliances::default(),
        parties: &parties,
        lang: "hi",
        digits: Digits::Devanagari,
    };
    let options =
        parse_options("kind = \"candidates\"\nresult = \"ls2024\"\ntop = 2").expect("options");
    let spec = spec(&options, &ctx, "c").expect("spec");
    assert_eq!(labels(&spec.series[0])[0], "४,४३,०५५ (४९.९३%)");
    assert_eq!(spec.rows[2], "अन्य (९)");
}

/// Every ```chart example in docs/charts.md must draw on the Kanpur data.
#[test]
fn the_documented_examples_draw() {
    let docs = include_str!("../../docs/charts.md");
    let blocks: Vec<&str> = docs
        .split("```chart\n")
        .skip(1)
        .filter_map(|rest| rest.split_once("```").map(|(block, _)| block))
        .collect();
    assert!(blocks.len() >= 5, "found {}", blocks.len());
    let results = kanpur();
    for block in blocks {
        let spec = ok(&results, block);
        crate::chart::render_figure(&spec).unwrap_or_else(|e| panic!("{block}: {e}"));
    }
}

#[test]
fn a_seats_chart_has_a_row_per_party_and_per_alliance() {
    let results = kanpur();
    let spec = ok(&results, "kind = \"seats\"\nelection = \"ls2024\"");
    assert_eq!(spec.title, "लोकसभा 2024: दलवार सीटें");
    assert_eq!(spec.rows, ["भाजपा"]);
    assert_eq!(spec.series.len(), 1, "no seat is counting: won only");
    assert_eq!(spec.series[0].label, "जीते");
    let spec = ok(
        &results,
        "kind = \"seats\"\nelection = \"लोकसभा 2024\"\nstate = \"उत्तर प्रदेश\"\nby = \"alliance\"",
    );
    assert_eq!(spec.rows, ["NDA", "INDIA"]);
    let won: Vec<f64> = spec.series[0]
        .values
        .iter()
        .flatten()
        .map(|v| v.number)
        .collect();
    assert_eq!(won, [1.0, 0.0]);
    let err = chart(&results, "kind = \"seats\"").expect_err("no election");
    assert!(err.contains("a seats chart needs `election`"), "{err}");
}

#[test]
fn an_incomplete_result_shows_counts_without_shares_or_a_winner() {
    let results = page(&format!(
        "{}complete = false\n{}{}{}",
        SMALL.replace("segments = [\"कैंट\"]\n", ""),
        candidate("क", "SP", "votes = 250000\napprox = true", None),
        candidate("ख", "BJP", "votes = 200000", None),
        candidate("NOTA", "NOTA", "votes = 900", None)
    ));
    let spec = ok(&results, "kind = \"candidates\"\nresult = \"small\"");
    assert_eq!(spec.rows, ["क · सपा", "ख · भाजपा", "नोटा"]);
    assert_eq!(
        labels(&spec.series[0]),
        ["2,50,000 से अधिक", "2,00,000", "900"]
    );
    assert_eq!(spec.highlight, None);
    assert_eq!(
        chart(
            &results,
            "kind = \"candidates\"\nresult = \"small\"\nothers_below = 1"
        )
        .err()
        .as_deref(),
        Some(
            "`others_below` needs vote shares, and result `small` has none: it does not list every candidate (complete = false); fold with `top` instead"
        )
    );
}

const REPORTED: &str = "kind = \"reported\"\nresult = \"ls2019\"\nparty = \"INC\"\nreported = { \"गोविंदनगर\" = 44837, \"सीसामऊ\" = 67073, \"आर्यनगर\" = 46196, \"किदवईनगर\" = 46613, \"कैंट\" = [86940, 88313] }";

#[test]
fn reported_sets_a_reports_figures_against_the_data_with_what_it_leaves_unattributed() {
    let spec = ok(&kanpur(), REPORTED);
    assert_eq!(
        spec.rows,
        [
            "गोविंदनगर",
            "सीसामऊ",
            "आर्यनगर",
            "किदवईनगर",
            "कैंट",
            "कैंट (रिपोर्ट का दूसरा आँकड़ा)",
            "किसी क्षेत्र में नहीं",
            "किसी क्षेत्र में नहीं (दूसरे आँकड़े से)",
        ]
    );
    assert_eq!(spec.series[0].label, "रिपोर्ट");
    assert_eq!(
        labels(&spec.series[0]),
        [
            "44,837", "67,073", "46,196", "46,613", "86,940", "88,313", "21,344", "19,971"
        ],
        "the report's sums: 3,13,003 − 2,91,659 and, with 88,313 for कैंट, − 2,93,032"
    );
    assert_eq!(spec.series[1].label, "आधिकारिक आँकड़ा");
    assert_eq!(
        labels(&spec.series[1]),
        [
            "45,308", "68,823", "61,935", "46,854", "88,489", "88,489", "1,594", "1,594"
        ],
        "the data: by_segment figures, and the postal ballots left over"
    );
    assert!(
        spec.note
            .as_deref()
            .unwrap_or_default()
            .contains("3,13,003"),
        "{:?}",
        spec.note
    );
}

#[test]
fn reported_with_some_segments_has_no_unattributed_row_and_names_mistakes() {
    let spec = ok(
        &kanpur(),
        "kind = \"reported\"\nresult = \"ls2019\"\nparty = \"INC\"\nreport = \"अख़बार\"\nreported = { \"कैंट\" = 88313 }",
    );
    assert_eq!(spec.rows, ["कैंट"]);
    assert_eq!(spec.series[0].label, "अख़बार");
    let wrong_segment = chart(
        &kanpur(),
        "kind = \"reported\"\nresult = \"ls2019\"\nparty = \"INC\"\nreported = { \"कैन्ट\" = 1 }",
    )
    .unwrap_err();
    assert!(
        wrong_segment.starts_with("`reported` names `कैन्ट`, which is not a segment of `ls2019`"),
        "{wrong_segment}"
    );
    assert!(
        wrong_segment.contains("did you mean `कैंट`?"),
        "{wrong_segment}"
    );
    let missing = chart(
        &kanpur(),
        "kind = \"reported\"\nresult = \"ls2019\"\nparty = \"INC\"",
    )
    .unwrap_err();
    assert!(
        missing.starts_with("a reported chart needs `reported`"),
        "{missing}"
    );
    let bad = chart(
        &kanpur(),
        "kind = \"reported\"\nresult = \"ls2019\"\nparty = \"INC\"\nreported = { \"कैंट\" = \"88,313\" }",
    )
    .unwrap_err();
    assert!(
        bad.contains("the figure for कैंट must be a whole number of votes"),
        "{bad}"
    );
}
