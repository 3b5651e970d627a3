//! Drawing budget check for charts: median time and size of a 5-row × 2-series chart,
//! first for the engine alone (a hand-made spec), then end to end for the real `segments`
//! kind on the official Kanpur 2019 and 2024 results (chart options → `<figure>`).
//!
//! cargo run --release --example bench_chart                 # prints the figures
//! cargo run --release --example bench_chart -- --html F     # also writes a sample page to F
//!
//! The engine spec's 2019 figures are illustrative; the 2024 ones are the INC segment
//! votes in Kanpur. The end-to-end figures use the checked testdata.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

use chunav::chart::{
    ChartSpec, Highlight, Layout, Series, Source, Value, render_figure, render_svg,
};
use chunav::chart_kinds::{self, ChartContext, ChartOptions};
use chunav::config::{Digits, Party};
use chunav::diagnostics::LineIndex;
use chunav::election::model::DataFileInput;
use chunav::election::{DataStore, PageResults, check_page};

const KANPUR: [&str; 2] = [
    include_str!("../src/election/testdata/kanpur-2019.toml"),
    include_str!("../src/election/testdata/kanpur-2024.toml"),
];

const SEGMENTS_BLOCK: &str =
    "kind = \"segments\"\nparty = \"INC\"\nresults = [\"ls2019\", \"ls2024\"]\n";

const ITERATIONS: usize = 5_000;

fn indian(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let (head, last3) = digits.split_at(digits.len().saturating_sub(3));
    let mut groups: Vec<&str> = Vec::new();
    let mut rest = head;
    while rest.len() > 2 {
        let (a, b) = rest.split_at(rest.len() - 2);
        groups.insert(0, b);
        rest = a;
    }
    if !rest.is_empty() {
        groups.insert(0, rest);
    }
    groups.push(last3);
    let sign = if n < 0 { "−" } else { "" };
    format!("{sign}{}", groups.join(","))
}

fn series(label: &str, color: &str, numbers: &[i64]) -> Series {
    Series {
        label: label.to_string(),
        color: color.to_string(),
        values: numbers
            .iter()
            .map(|&n| Some(Value::new(n as f64, indian(n))))
            .collect(),
    }
}

fn segments() -> ChartSpec {
    ChartSpec {
        id: "inc-segments".to_string(),
        kind: Layout::Grouped,
        title: "कांग्रेस के वोट, विधानसभा क्षेत्रवार".to_string(),
        note: Some("2019 के आँकड़े उदाहरण के लिए हैं।".to_string()),
        source: Some(Source {
            text: "भारत निर्वाचन आयोग".to_string(),
            url: Some("https://results.eci.gov.in/".to_string()),
        }),
        lang: "hi".to_string(),
        row_header: "विधानसभा क्षेत्र".to_string(),
        rows: ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"]
            .map(String::from)
            .to_vec(),
        series: vec![
            series(
                "लोकसभा 2019",
                "#7FB8DA",
                &[49205, 60130, 55400, 45010, 88489],
            ),
            series(
                "लोकसभा 2024",
                "#19AAED",
                &[71560, 87323, 78878, 66680, 115028],
            ),
        ],
        highlight: None,
    }
}

fn swing() -> ChartSpec {
    let swings = [
        (4.1, "+4.10"),
        (-2.35, "−2.35"),
        (10.43, "+10.43"),
        (-0.8, "−0.80"),
        (6.0, "+6.00"),
    ];
    ChartSpec {
        id: "swing".to_string(),
        kind: Layout::Diverging,
        title: "वोट शेयर में बदलाव (प्रतिशत अंक), 2019 से 2024".to_string(),
        note: None,
        source: None,
        lang: "hi".to_string(),
        row_header: "विधानसभा क्षेत्र".to_string(),
        rows: ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"]
            .map(String::from)
            .to_vec(),
        series: vec![Series {
            label: "कांग्रेस".to_string(),
            color: "#19AAED".to_string(),
            values: swings
                .iter()
                .map(|&(n, l)| Some(Value::new(n, l)))
                .collect(),
        }],
        highlight: None,
    }
}

fn candidates() -> ChartSpec {
    ChartSpec {
        id: "candidates".to_string(),
        kind: Layout::Grouped,
        title: "कानपुर लोकसभा 2024: प्रत्याशियों के वोट".to_string(),
        note: Some("Independent & others < 1% not shown.".to_string()),
        source: Some(Source {
            text: "ECI Form-20".to_string(),
            url: None,
        }),
        lang: "hi".to_string(),
        row_header: "प्रत्याशी".to_string(),
        rows: [
            "रमेश अवस्थी",
            "आलोक मिश्रा",
            "कुलदीप भदौरिया (बहुजन समाज पार्टी) — Kanpur Nagar",
            "NOTA",
        ]
        .map(String::from)
        .to_vec(),
        series: vec![Series {
            label: "वोट".to_string(),
            color: "#FF9933".to_string(),
            values: vec![
                Some(Value::new(443055.0, "4,43,055")),
                Some(Value::new(422087.0, "4,22,087")),
                Some(Value::new(12032.0, "12,032")),
                None,
            ],
        }],
        highlight: Some(Highlight {
            row: 0,
            label: "विजेता".to_string(),
        }),
    }
}

/// The Kanpur page's checked results, as the build would give them to a chart.
fn kanpur_results() -> Result<PageResults, Box<dyn std::error::Error>> {
    let text = KANPUR.join("\n");
    let input: DataFileInput = toml::from_str(&text)?;
    let codes: BTreeSet<String> = kanpur_parties().into_keys().collect();
    let (results, diagnostics) = check_page(
        Path::new("content/kanpur.md"),
        &LineIndex::new(&text, 1),
        &input.results,
        &[],
        &DataStore::default(),
        &codes,
    );
    match diagnostics.first() {
        Some(problem) => Err(problem.to_string().into()),
        None => Ok(results),
    }
}

fn kanpur_parties() -> BTreeMap<String, Party> {
    let party = |short: &str, color: &str| Party {
        name: short.to_string(),
        short: short.to_string(),
        color: color.to_string(),
        hi: None,
        en: None,
        aliases: Vec::new(),
    };
    let mut parties: BTreeMap<String, Party> = [
        "SABJANP", "AIFB", "PBI", "SUCI", "BSCP", "SHS", "SFP", "BRM", "IND", "NOTA",
    ]
    .into_iter()
    .map(|code| (code.to_string(), party(code, "#7a7a7a")))
    .collect();
    parties.insert("BJP".into(), party("भाजपा", "#FF9933"));
    parties.insert("INC".into(), party("कांग्रेस", "#19AAED"));
    parties.insert("SP".into(), party("सपा", "#E40001"));
    parties.insert("BSP".into(), party("बसपा", "#22409A"));
    parties
}

/// Median µs of `run` over `ITERATIONS` calls.
fn median_of(mut run: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..ITERATIONS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(run());
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The real `segments` kind: block text → options → spec → SVG and figure.
fn bench_segments_kind() -> Result<(), Box<dyn std::error::Error>> {
    let results = kanpur_results()?;
    let parties = kanpur_parties();
    let ctx = ChartContext {
        results: &results,
        ledger: &chunav::election::tally::Ledger::default(),
        alliances: &chunav::election::Alliances::default(),
        parties: &parties,
        lang: "hi",
        digits: Digits::Latin,
    };
    let options: ChartOptions = chart_kinds::parse_options(SEGMENTS_BLOCK)?;
    let spec = chart_kinds::spec(&options, &ctx, "chart-1")?;
    let svg = render_svg(&spec)?;
    let figure = chart_kinds::figure(&options, &ctx, "chart-1")?;
    let svg_us = median_of(|| {
        chart_kinds::spec(&options, &ctx, "chart-1")
            .ok()
            .and_then(|spec| render_svg(&spec).ok())
            .map_or(0, |svg| svg.len())
    });
    let figure_us = median_of(|| {
        chart_kinds::parse_options(SEGMENTS_BLOCK)
            .ok()
            .and_then(|o| chart_kinds::figure(&o, &ctx, "chart-1").ok())
            .map_or(0, |f| f.len())
    });
    println!("segments kind, Kanpur INC 2019 vs 2024 (5 x 2), median of {ITERATIONS}:");
    println!(
        "  options -> svg:    {svg_us:.1} µs, {} bytes of SVG",
        svg.len()
    );
    println!(
        "  block -> figure:   {figure_us:.1} µs, {} bytes (svg + caption + table)",
        figure.len()
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bench_segments_kind()?;
    let spec = segments();
    // Warm-up registers the fonts, which is once per process.
    let svg = render_svg(&spec)?;
    let figure = render_figure(&spec)?;
    let svg_us = median_of(|| render_svg(&spec).map_or(0, |x| x.len()));
    let figure_us = median_of(|| render_figure(&spec).map_or(0, |x| x.len()));
    println!("engine alone, hand-made 5 rows x 2 series, median of {ITERATIONS}:");
    println!("  svg:    {svg_us:.1} µs, {} bytes", svg.len());
    println!(
        "  figure: {figure_us:.1} µs, {} bytes (svg + caption + table)",
        figure.len()
    );

    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args
        .iter()
        .position(|a| a == "--html")
        .and_then(|i| args.get(i + 1))
    {
        let mut page = String::from(
            "<!doctype html>\n<html lang=\"hi\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>chart sample</title><style>\
             body{font-family:'Noto Sans Devanagari','Noto Sans',sans-serif;margin:0 16px;color:#1a1a1a}\
             .chart{margin:1.5em 0}.chart svg{display:block;width:100%;max-width:40rem;height:auto}\
             .chart-title{font-weight:bold;margin:0 0 .25em}.chart-note,.chart-source{font-size:.875em;margin:0 0 .25em}\
             .chart-table{overflow-x:auto;margin-top:.5em}.chart td{text-align:right;padding:0 .5em}\
             </style></head><body>\n",
        );
        for spec in [segments(), swing(), candidates()] {
            page.push_str(&render_figure(&spec)?);
        }
        page.push_str("</body></html>\n");
        std::fs::write(path, page)?;
        println!("sample page written to {path}");
    }
    Ok(())
}
