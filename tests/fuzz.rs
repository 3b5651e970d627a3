//! Property tests (proptest, stable Rust): hostile input never panics chunav.
//!
//! Targets: the front-matter split and parse, whole pages (Markdown with chart blocks and
//! expressions) through a real in-process build, number formatting, and serve's path
//! resolution. `cargo test` runs a short smoke; a long run scales the cases:
//!
//!     CHUNAV_FUZZ_CASES=20000 nice cargo test --release --test fuzz
//!
//! A failing case is shrunk by proptest and printed; fix it and add it to
//! tests/bad_input.rs or the module's unit tests as a regression.

use chunav::build::{self, BuildOptions};
use chunav::config::SiteConfig;
use chunav::serve::http::{self, Target};
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn cases(smoke: u32) -> ProptestConfig {
    let n = std::env::var("CHUNAV_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(smoke);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn config() -> SiteConfig {
    SiteConfig::parse(
        "title = \"t\"\n[parties.BJP]\nname = \"भाजपा\"\n[parties.INC]\nname = \"कांग्रेस\"\n",
    )
    .unwrap()
}

/// Pieces a front matter is made of, well- and ill-formed.
fn front_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title = \"कानपुर\"\n".to_string()),
        Just("date = 2024-06-05\n".to_string()),
        Just("updated = 2023-01-01\n".to_string()),
        Just("date = 0000-01-01\n".to_string()),
        Just("date = 12:00:00\n".to_string()),
        Just("draft = true\n".to_string()),
        Just("tags = [\"a\", \"\"]\n".to_string()),
        Just("slug = \"../../x\"\n".to_string()),
        Just("lang = \"ur\"\n".to_string()),
        Just("translation_key = \"k\"\n".to_string()),
        Just("[[results]]\n".to_string()),
        Just(
            "id = \"r1\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"क\"\n"
                .to_string()
        ),
        Just("segments = [\"एक\", \"दो\"]\n".to_string()),
        Just("complete = false\n".to_string()),
        Just("[[results.candidates]]\n".to_string()),
        Just("name = \"राम\"\nparty = \"BJP\"\nvotes = 300\n".to_string()),
        Just("name = \"A\\u0001\"\nparty = \"INC\"\nvotes = -1\n".to_string()),
        Just("votes = 18446744073709551616\n".to_string()),
        Just("votes = 1.5\n".to_string()),
        Just("by_segment = { \"एक\" = 100, \"तीन\" = 5 }\n".to_string()),
        Just("data = [\"nope\"]\n".to_string()),
        Just("+++\n".to_string()),
        Just("\u{feff}".to_string()),
        "[a-z_]{1,8} = \"[^\"\\\\]{0,12}\"\n",
        "\\PC{0,40}",
        ".{0,20}\n",
    ]
}

/// Pieces a body is made of: headings, chart blocks, expressions, markup, raw text.
fn body_piece() -> impl Strategy<Value = String> {
    let chart_key = prop_oneof![
        Just("kind = \"segments\"".to_string()),
        Just("kind = \"candidates\"".to_string()),
        Just("kind = \"contest\"".to_string()),
        Just("kind = \"swing\"".to_string()),
        Just("kind = \"pie\"".to_string()),
        Just("results = [\"r1\"]".to_string()),
        Just("results = [\"r1\", \"r1\"]".to_string()),
        Just("result = \"r1\"".to_string()),
        Just("party = \"INC\"".to_string()),
        Just("candidate = \"राम\"".to_string()),
        Just("top = 0".to_string()),
        Just("top = 100000".to_string()),
        Just("others_below = -5.0".to_string()),
        Just("sort = \"votes\"".to_string()),
        Just("id = \"main\"".to_string()),
        Just("title = \"{{ results.r1.winner.name }} \\\" & <b>\"".to_string()),
        "[a-z]{1,6} = [0-9]{1,3}",
    ];
    prop_oneof![
        "#{1,7} \\PC{0,20}\n",
        Just("## main\n".to_string()),
        Just("## chart-1 {#result-r1}\n".to_string()),
        prop::collection::vec(chart_key, 0..5)
            .prop_map(|keys| format!("\n```chart\n{}\n```\n", keys.join("\n"))),
        Just("{{ results.r1.margin | inr }}".to_string()),
        Just("{{ results.r1.parties.BJP.share | pct }}".to_string()),
        Just("{{ results.nope.total }}".to_string()),
        Just("{{ 1 / 0 }}".to_string()),
        Just("{% if results.r1.tie %}x{% endif %}".to_string()),
        Just("{% for c in results.r1.candidates %}{{ c.name }}{% endfor %}".to_string()),
        Just("{{ unclosed".to_string()),
        Just("{! note !}".to_string()),
        Just("{# id #}".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()),
        Just("[x](@/nope.md) [y](@/a.md#z)\n".to_string()),
        Just("[^1]\n\n[^1]: n\n".to_string()),
        Just("> > > > > quote\n".to_string()),
        Just("4,22,087 वोट, 49.93% और 20,968 का अंतर।\n".to_string()),
        "\\PC{0,60}",
        "[\u{0}-\u{7f}]{0,10}",
    ]
}

fn page_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(front_piece(), 0..10),
        prop::bool::weighted(0.9),
        prop::collection::vec(body_piece(), 0..12),
    )
        .prop_map(|(front, closed, body)| {
            let mut text = format!("+++\n{}", front.concat());
            if closed {
                text.push_str("+++\n");
            }
            text.push_str(&body.concat());
            text
        })
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn front_matter_split_and_parse_never_panic(text in page_text()) {
        let file = Path::new("content/a.md");
        if let Err(problems) = chunav::content::load_page(file, &text, &config()) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert_eq!(p.file.as_path(), file);
                prop_assert!(!p.message.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_split(text in "\\PC{0,200}") {
        let _ = chunav::content::load_page(Path::new("content/a.md"), &text, &config());
    }

    #[test]
    fn indian_grouping_reads_back(n in any::<i64>()) {
        let text = chunav::numfmt::inr(n);
        prop_assert_eq!(text.replace(',', "").parse::<i64>().unwrap(), n);
        let digits = text.trim_start_matches('-');
        let groups: Vec<&str> = digits.split(',').collect();
        prop_assert!(groups.last().unwrap().len() <= 3);
        if groups.len() > 1 {
            prop_assert_eq!(groups.last().unwrap().len(), 3);
            prop_assert!(groups[1..groups.len() - 1].iter().all(|g| g.len() == 2));
        }
    }

    #[test]
    fn number_formatting_never_panics(x in any::<f64>(), d in 0usize..40) {
        let _ = chunav::numfmt::lakh(x, "hi");
        let _ = chunav::numfmt::lakh(x, "en");
        let _ = chunav::numfmt::pct(x);
        let _ = chunav::numfmt::signed(x, d);
        let fixed = chunav::numfmt::fixed(x, d);
        prop_assert!(!fixed.is_empty());
        let _ = chunav::numfmt::round_half_away(x, d);
        let deva = chunav::numfmt::devanagari_digits(&fixed);
        prop_assert!(!deva.chars().any(|c| c.is_ascii_digit()));
    }

    #[test]
    fn served_paths_stay_inside_the_site(url in url(), base in prop_oneof![Just("/"), Just("/repo/")]) {
        let files: HashMap<String, Arc<[u8]>> = ["index.html", "a/index.html", "a/b.css", "क/index.html"]
            .into_iter()
            .map(|f| (f.to_string(), Arc::from(&b"x"[..])))
            .collect();
        match http::resolve(&url, base, &files) {
            Target::File(rel) => {
                prop_assert!(files.contains_key(&rel));
            }
            Target::Redirect(to) => {
                prop_assert!(to.starts_with('/') && !to.starts_with("//"), "{}", to);
                prop_assert!(to.is_ascii() && !to.contains(['\r', '\n']), "{}", to);
            }
            Target::NotFound | Target::Forbidden => {}
        }
    }
}

fn url() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        Just("a".to_string()),
        Just("repo".to_string()),
        Just("..".to_string()),
        Just("%2e%2e".to_string()),
        Just("%2F".to_string()),
        Just("%00".to_string()),
        Just("%E0%A4%95".to_string()),
        Just("".to_string()),
        Just("b.css".to_string()),
        Just("evil.example".to_string()),
        Just("c:".to_string()),
        "[ -~]{0,6}",
    ];
    (
        prop::collection::vec(segment, 0..6),
        prop::bool::ANY,
        "[?#]?[ -~]{0,5}",
    )
        .prop_map(|(segments, slash, tail)| {
            let mut url = format!("/{}", segments.join("/"));
            if slash {
                url.push('/');
            }
            url + &tail
        })
}

/// A one-page site written once per process; each case rewrites its article.
struct Scratch {
    root: PathBuf,
}

impl Scratch {
    fn new(label: &str) -> Scratch {
        let root = std::env::temp_dir().join(format!("chunav-fuzz-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(
            root.join("site.toml"),
            "title = \"t\"\nbase_url = \"https://example.org/\"\n[parties.BJP]\nname = \"भाजपा\"\n[parties.INC]\nname = \"कांग्रेस\"\n",
        )
        .unwrap();
        Scratch { root }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

const RESULT: &str = "+++\ntitle = \"A\"\ndate = 2024-06-05\n[[results]]\nid = \"r1\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"क\"\nsegments = [\"एक\", \"दो\"]\n[[results.candidates]]\nname = \"राम \\\"<b>\"\nparty = \"BJP\"\nvotes = 300\nby_segment = { \"एक\" = 100, \"दो\" = 200 }\n[[results.candidates]]\nname = \"श्याम\"\nparty = \"INC\"\nvotes = 200\nby_segment = { \"एक\" = 150, \"दो\" = 50 }\n+++\n";

proptest! {
    #![proptest_config(cases(48))]

    /// Whole pages through the real pipeline (check: everything rendered, nothing kept).
    #[test]
    fn pages_with_charts_and_expressions_never_panic(
        body in prop::collection::vec(body_piece(), 0..12),
        whole in page_text(),
        use_result in prop::bool::weighted(0.7),
    ) {
        thread_local! {
            static SITE: Scratch = Scratch::new("pages");
        }
        SITE.with(|site| {
            let text = if use_result { format!("{RESULT}{}", body.concat()) } else { whole.clone() };
            std::fs::write(site.root.join("content/a.md"), &text).unwrap();
            let outcome = build::build(&BuildOptions {
                root: site.root.clone(),
                output: None,
                drafts: true,
                strict: false,
                base_url: None,
                external: false,
                cache: false,
            });
            for d in &outcome.diagnostics {
                assert!(!d.message.is_empty(), "{text}");
            }
        });
    }
}
