//! Election data end to end: checks reported by the real CLI with file, line and field;
//! figures quoted in prose through expressions; the example site's numbers.

mod common;

use common::Site;

const REPORT_WARNINGS: [&str; 2] = [
    "warning: content/kanpur-2019.md:22: results[0].candidates[1].by_segment: by_segment adds up to 2,91,659 of 3,13,003 votes: 21,344 votes (6.82%) are not in any segment; postal ballots rarely exceed 3% of a candidate's votes — check the segment figures or give `postal`",
    "warning: content/kanpur-2019.md:25: 88,313 in the text, the data says 86,940 for INC in कैंट, लोकसभा 2019",
];

#[test]
fn the_reports_own_2019_figures_are_caught() {
    let site = Site::fixture("report-2019");
    let run = site.ok(&["check"]);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings, REPORT_WARNINGS);
    assert!(
        run.stdout.contains("no errors, 2 warning(s)"),
        "{}",
        run.stdout
    );

    let strict = site.fails(&["check", "--strict"]);
    assert!(
        strict.contains("--strict counts warnings as errors"),
        "{strict}"
    );
    site.fails(&["build", "--strict"]);
    assert!(
        !site.exists("public"),
        "a strict build with warnings writes nothing"
    );
    site.ok(&["build"]);
    assert!(site.exists("public/kanpur-2019/index.html"));
}

#[test]
fn the_method_page_shows_the_output_chunav_really_gives() {
    let Some(example) = Site::example() else {
        return;
    };
    let page = example.read("content/kanpur/checking-the-numbers.md");
    for line in REPORT_WARNINGS {
        assert!(
            page.contains(line),
            "content/kanpur/checking-the-numbers.md no longer shows:\n{line}"
        );
    }
}

fn article(front: &str, body: &str) -> String {
    format!("+++\ntitle = \"t\"\ndate = 2024-06-05\n{front}+++\n{body}")
}

const RESULT: &str = "[[results]]\nid = \"ls2024\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\n\n[[results.candidates]]\nname = \"रमेश अवस्थी\"\nparty = \"BJP\"\nvotes = 443055\n\n";

#[test]
fn a_vote_count_written_as_text_names_file_line_and_field() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let before = site.read("public/index.html");
    site.write(
        "content/kanpur/result-2024.md",
        &article(&format!("{RESULT}[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = \"4,22,087\"\n"), ""),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("error: content/kanpur/result-2024.md:18: results[0].candidates[1].votes: expected a whole number, found \"4,22,087\""),
        "{err}"
    );
    assert_eq!(site.read("public/index.html"), before);
}

#[test]
fn an_unknown_party_suggests_the_closest_code() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/result-2024.md",
        &article(&RESULT.replace("\"BJP\"", "\"BJPP\""), ""),
    );
    let err = site.fails(&["check"]);
    assert!(err.contains("content/kanpur/result-2024.md:12: results[0].candidates[0].party: party \"BJPP\" is not defined in site.toml [parties]; did you mean \"BJP\"?"), "{err}");
}

#[test]
fn two_pages_disagreeing_on_a_candidate_name_both_places() {
    let site = Site::fixture("basic");
    site.write("content/kanpur/result-2024.md", &article(RESULT, ""));
    site.write(
        "content/kanpur/mayor-2023.md",
        &article(&RESULT.replace("443055", "443505"), ""),
    );
    let err = site.fails(&["check"]);
    let line = err
        .lines()
        .find(|l| l.contains("4,43,505"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("content/kanpur/mayor-2023.md")
            && line.contains("content/kanpur/result-2024.md"),
        "{line}"
    );
}

#[test]
fn prose_quotes_the_data_escaped_and_sandboxed() {
    let site = Site::fixture("basic");
    let front = format!(
        "{RESULT}[[results.candidates]]\nname = \"<script>alert(1)</script>\"\nparty = \"INC\"\nvotes = 422087\n"
    );
    site.write(
        "content/kanpur/result-2024.md",
        &article(&front, "जीत का अंतर {{ results.ls2024.margin | inr }} वोट, {{ results.ls2024.margin | lakh }}; उपविजेता {{ results.ls2024.runner_up.name }}; हिस्सा {{ results.ls2024.winner.share | pct }}.\n"),
    );
    site.ok(&["build"]);
    let html = site.read("public/kanpur/result-2024/index.html");
    assert!(html.contains("जीत का अंतर 20,968 वोट, 20,968;"), "{html}");
    assert!(
        html.contains("उपविजेता &lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || html.contains("उपविजेता &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("हिस्सा 51.21%"), "{html}");

    site.write(
        "content/kanpur/result-2024.md",
        &article(RESULT, "a\n\n{{ get_env(name=\"HOME\") }}\n"),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains(
            "content/kanpur/result-2024.md:18: in an expression: Unknown function `get_env`"
        ),
        "{err}"
    );

    site.write(
        "content/kanpur/result-2024.md",
        &article(RESULT, "{{ results.ls2025.margin }}\n"),
    );
    let err = site.fails(&["build"]);
    assert!(err.contains("content/kanpur/result-2024.md:16: in an expression: Field `ls2025` is not defined. Available fields: ls2024"), "{err}");
}

#[test]
fn devanagari_digits_are_a_site_option() {
    let site = Site::fixture("basic");
    let config = site.read("site.toml").replace(
        "language = \"hi\"",
        "language = \"hi\"\ndigits = \"devanagari\"",
    );
    site.write("site.toml", &config);
    let front = format!(
        "{RESULT}[[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 422087\n"
    );
    site.write(
        "content/kanpur/result-2024.md",
        &article(&front, "अंतर {{ results.ls2024.margin | inr }}\n"),
    );
    site.ok(&["build"]);
    assert!(
        site.read("public/kanpur/result-2024/index.html")
            .contains("अंतर २०,९६८")
    );
}

#[test]
fn data_files_are_shared_and_unknown_ids_listed() {
    let site = Site::fixture("basic");
    site.write("data/kanpur.toml", RESULT);
    site.write(
        "content/kanpur/result-2024.md",
        &article(
            "data = [\"ls2024\"]\n",
            "{{ results.ls2024.winner.name }}\n",
        ),
    );
    site.ok(&["build"]);
    assert!(
        site.read("public/kanpur/result-2024/index.html")
            .contains("<p>रमेश अवस्थी</p>")
    );
    site.write(
        "content/kanpur/result-2024.md",
        &article("data = [\"ls2042\"]\n", ""),
    );
    let err = site.fails(&["check"]);
    assert!(
        err.contains("content/kanpur/result-2024.md:4: data[0]:") && err.contains("ls2024"),
        "{err}"
    );
}

/// The example site in this repository: the figures editors quote, from the official data.
#[test]
fn the_example_site_quotes_the_official_figures() {
    let Some(example) = Site::example() else {
        return;
    };
    let run = example.run(&["build"]);
    let out = example.root.join("public");
    assert!(run.ok, "{}", run.stderr);
    assert!(
        !run.stderr.contains("warning"),
        "the example site builds without warnings:\n{}",
        run.stderr
    );
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let result = read("kanpur/result-2024/index.html");
    for figure in [
        "20,968 वोट",
        "4,22,087",
        "8,87,396",
        "49.93%",
        "47.56%",
        "10.43 अंक बढ़ा",
        // The box follows INC through its alliance: SP stood in 2019, backed INC in 2024.
        "INDIA (कांग्रेस) <b>+4.71</b>",
    ] {
        assert!(result.contains(figure), "result-2024 lacks {figure}");
    }
    let segments = read("kanpur/segments/index.html");
    assert!(
        segments.contains("2019 में\nभाजपा 3 क्षेत्रों में आगे थी और कांग्रेस\n2 में"),
        "segments led 2019"
    );
    assert!(
        segments.contains("कांग्रेस\n3 क्षेत्रों में आगे रही और भाजपा\n2 में"),
        "segments led 2024"
    );
    let en = read("en/kanpur-result-2024/index.html");
    assert!(en.contains("<html lang=\"en\">") && en.contains("20,968 votes"));
    assert!(
        en.contains("Congress") && !en.contains("कांग्रेस") && !en.contains("नोटा"),
        "the English page names parties in English"
    );
    assert!(result.contains("hreflang=\"en\"") && en.contains("hreflang=\"hi\""));

    // Uttar Pradesh 2024: one page per seat, made from the imported ECI rows, Hindi names
    // from data/up-seat-names.csv, every figure checked against sources/ on this build.
    let seats: Vec<_> = std::fs::read_dir(out.join("up-2024"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("index.html").is_file())
        .collect();
    assert_eq!(seats.len(), 80, "one page per Uttar Pradesh seat");
    let kanpur = read("up-2024/kanpur/index.html");
    assert!(kanpur.contains("<h1>कानपुर लोकसभा सीट: 2024 का नतीजा</h1>"));
    assert!(kanpur.contains("4,43,055") && kanpur.contains("20,968"));
    let rae_bareli = read("up-2024/rae-bareli/index.html");
    assert!(rae_bareli.contains("<h1>रायबरेली लोकसभा सीट: 2024 का नतीजा</h1>"));
    assert!(rae_bareli.contains("RAHUL GANDHI"));
    assert!(
        result.contains("href=\"../../up-2024/kanpur/\""),
        "the Kanpur explainer links to the seat page"
    );
    let hub = read("up-2024/index.html");
    assert!(hub.contains("href=\"../up-2024/varanasi/\""));
    // The tally of the hub: ECI's 80 results, and the alliances of site.toml.
    let row = |name: &str, seats: u32| {
        format!("<td>{name}</td><td style=\"text-align: right\">{seats}</td>")
    };
    let alliance = |name: &str, parties: &str, seats: u32| {
        format!("<td>{name}</td><td>{parties}</td><td style=\"text-align: right\">{seats}</td>")
    };
    assert!(
        hub.contains(&alliance("INDIA", "सपा, कांग्रेस", 43)),
        "INDIA 43"
    );
    assert!(
        hub.contains(&alliance("NDA", "भाजपा, रालोद, अपना दल (एस)", 36)),
        "NDA 36"
    );
    for (name, seats) in [
        ("सपा", 37),
        ("भाजपा", 33),
        ("कांग्रेस", 6),
        ("रालोद", 2),
        ("अपना दल (एस)", 1),
        ("आसपा (कांशीराम)", 1),
    ] {
        assert!(
            hub.contains(&row(name, seats)),
            "the hub's tally: {name} {seats}"
        );
    }
    // The alliances' seats charted too, with the chart's own table for screen readers.
    assert!(
        hub.contains("<desc id=\"chart-1-desc\">INDIA: जीते 43; NDA: जीते 36; अन्य: जीते 1</desc>"),
        "the hub's seats chart"
    );
    assert!(hub.contains("<tr><th scope=\"row\">NDA</th><td>36</td></tr>"));
    let _ = std::fs::remove_dir_all(&out);
}
