//! Share card budget check: median time and PNG size of the Kanpur cards, the article card
//! with its segments chart and the result card in Hindi and English (the goal is 3 ms a
//! card in a release build, docs/performance.md).
//!
//! cargo run --release --example bench_card                # prints the figures
//! cargo run --release --example bench_card -- --out DIR   # also writes sample cards to DIR
//!
//! The chart is INC's votes in Kanpur's five assembly segments, 2019 and 2024; the result
//! is Kanpur's of 2024 (ECI).

use std::path::Path;
use std::time::Instant;

use chunav::chart::{ChartSpec, Layout, Series, Source, Value};
use chunav::numfmt::inr_unsigned;
use chunav::share_card::{Card, CardPerson, CardResult, card_png};

const ITERATIONS: usize = 40;

const SEGMENTS_HI: [&str; 5] = ["गोविंदनगर", "सीसामऊ", "आर्यनगर", "किदवईनगर", "कैंट"];
const SEGMENTS_EN: [&str; 5] = [
    "Govind Nagar",
    "Sisamau",
    "Arya Nagar",
    "Kidwai Nagar",
    "Kanpur Cantt.",
];
const VOTES_2019: [u64; 5] = [45_308, 68_823, 61_935, 46_854, 88_489];
const VOTES_2024: [u64; 5] = [71_560, 87_323, 78_878, 66_680, 115_028];

fn series(label: &str, color: &str, votes: &[u64]) -> Series {
    Series {
        label: label.to_string(),
        color: color.to_string(),
        values: votes
            .iter()
            .map(|&n| Some(Value::new(n as f64, inr_unsigned(n))))
            .collect(),
    }
}

fn kanpur_chart(hindi: bool) -> ChartSpec {
    let (title, source, rows, earlier, latest) = if hindi {
        (
            "कानपुर: कांग्रेस के वोट, विधानसभा क्षेत्रवार",
            "भारत निर्वाचन आयोग",
            SEGMENTS_HI,
            "लोकसभा 2019",
            "लोकसभा 2024",
        )
    } else {
        (
            "Kanpur: Congress votes by assembly segment",
            "Election Commission of India",
            SEGMENTS_EN,
            "Lok Sabha 2019",
            "Lok Sabha 2024",
        )
    };
    ChartSpec {
        id: "segments".to_string(),
        kind: Layout::Grouped,
        title: title.to_string(),
        note: None,
        source: Some(Source {
            text: source.to_string(),
            url: None,
        }),
        lang: if hindi { "hi" } else { "en" }.to_string(),
        row_header: String::new(),
        rows: rows.map(String::from).to_vec(),
        series: vec![
            series(earlier, "#81d0f5", &VOTES_2019),
            series(latest, "#19AAED", &VOTES_2024),
        ],
        highlight: None,
    }
}

fn hindi_card(chart: &ChartSpec) -> Card<'_> {
    Card {
        headline: "हार में भी रिकॉर्ड: कानपुर में कांग्रेस को अब तक के सबसे ज़्यादा वोट",
        site_title: "चुनाव व्याख्या",
        lang: "hi",
        dateline: Some("कानपुर · 5 जून 2024"),
        chart: Some(chart),
        result: None,
    }
}

#[path = "../src/share_card/kanpur_sample.rs"]
mod kanpur_sample;
use kanpur_sample::kanpur_result;

fn result_card<'a>(result: &'a CardResult, hindi: bool) -> Card<'a> {
    Card {
        headline: "",
        site_title: if hindi {
            "चुनाव व्याख्या"
        } else {
            "Chunav Explained"
        },
        lang: if hindi { "hi" } else { "en" },
        dateline: None,
        chart: None,
        result: Some(result),
    }
}

/// Draws `card` `ITERATIONS` times after one warm-up and prints the median and minimum.
fn bench(name: &str, card: &Card<'_>) -> Result<(), String> {
    let png = card_png(card)?;
    let mut times = Vec::with_capacity(ITERATIONS);
    for _ in 0..ITERATIONS {
        let start = Instant::now();
        let again = card_png(card)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if again != png {
            return Err(format!("{name}: the same card gave different bytes"));
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "share card ({name}): median {:.2} ms, min {:.2} ms, {} bytes",
        times[ITERATIONS / 2],
        times[0],
        png.len()
    );
    Ok(())
}

fn main() -> Result<(), String> {
    let hindi = kanpur_chart(true);
    let english = kanpur_chart(false);
    bench("Kanpur, Hindi, segments chart", &hindi_card(&hindi))?;
    let (result_hi, result_en) = (kanpur_result("hi"), kanpur_result("en"));
    bench("Kanpur result, Hindi", &result_card(&result_hi, true))?;
    bench("Kanpur result, English", &result_card(&result_en, false))?;
    let mut args = std::env::args().skip(1);
    if let (Some(flag), Some(dir)) = (args.next(), args.next())
        && flag == "--out"
    {
        write_samples(Path::new(&dir), &hindi, &english)?;
    }
    Ok(())
}

fn write_samples(dir: &Path, hindi: &ChartSpec, english: &ChartSpec) -> Result<(), String> {
    let long_headline = "क्षेत्रवार त्रिकोणीय द्वंद्व में आर्यनगर, किदवईनगर और कैंट ".repeat(8);
    let (result_hi, result_en) = (kanpur_result("hi"), kanpur_result("en"));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let samples = [
        ("hi-record.png", hindi_card(hindi)),
        (
            "hi-conjuncts.png",
            Card {
                headline: "क्षेत्रवार त्रिकोणीय द्वंद्व: आर्यनगर में किसकी जीत",
                ..hindi_card(hindi)
            },
        ),
        (
            "hi-no-chart.png",
            Card {
                chart: None,
                result: None,
                ..hindi_card(hindi)
            },
        ),
        (
            "en-record.png",
            Card {
                headline: "Losing with a record: Congress's best ever vote in Kanpur",
                site_title: "Chunav Explained",
                lang: "en",
                dateline: Some("Kanpur · 5 June 2024"),
                chart: Some(english),
                result: None,
            },
        ),
        (
            "hi-long-headline.png",
            Card {
                headline: &long_headline,
                ..hindi_card(hindi)
            },
        ),
        (
            "en-hostile.png",
            Card {
                headline: "<script>alert(\"x\")</script> & 🎉🇮🇳 Kanpur: “quoted” — तथ्य",
                site_title: "Chunav <Explained> & Co",
                lang: "en",
                dateline: None,
                chart: None,
                result: None,
            },
        ),
        ("hi-result.png", result_card(&result_hi, true)),
        ("en-result.png", result_card(&result_en, false)),
    ];
    for (name, card) in samples {
        let path = dir.join(name);
        let png = card_png(&card)?;
        std::fs::write(&path, &png).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {} ({} bytes)", path.display(), png.len());
    }
    Ok(())
}
