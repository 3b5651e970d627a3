//! `chunav import` end to end: official result files and small fixtures of each layout
//! imported by the real binary, the data built into pages, and `check` catching a hand
//! edit of an imported figure by both its TOML line and its CSV row.

mod common;

use common::{Site, shared_file};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The import fixture site with `files` copied into its sources/ folder.
fn site_with(files: &[&Path]) -> Site {
    let site = Site::fixture("import");
    for file in files {
        let target = site.root.join("sources").join(file.file_name().unwrap());
        std::fs::copy(file, target).unwrap();
    }
    site
}

fn arg(site: &Site, rel: &str) -> String {
    site.root.join(rel).display().to_string()
}

const ARTICLE: &str = "+++\ntitle = \"कानपुर 2024\"\ndate = 2024-06-05\ndata = [\"ls2024_kanpur\"]\n+++\n\nजीत का अंतर {{ results.ls2024_kanpur.margin | inr }} वोट रहा; कुल वैध वोट {{ results.ls2024_kanpur.total | inr }}।\n";

#[test]
fn kanpur_2024_from_the_official_files_reconciles_and_builds() {
    let (Some(candidates), Some(segments)) = (
        shared_file("kanpur-candidates-2019-2024.csv"),
        shared_file("kanpur-segments-2019-2024.csv"),
    ) else {
        return;
    };
    let site = site_with(&[&candidates, &segments]);
    let run = site.ok(&[
        "import",
        &arg(&site, "sources/kanpur-candidates-2019-2024.csv"),
        &arg(&site, "sources/kanpur-segments-2019-2024.csv"),
        "--constituency",
        "43",
        "--year",
        "2024",
        "-o",
        &arg(&site, "data/kanpur-2024.toml"),
    ]);
    // Independents are one row per segment in the segment file: said, not split.
    assert!(
        run.stderr.contains(
            "one row per segment for all 4 IND candidates together, so they have no by_segment"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "segments + postal = total exactly for BJP, INC, BSP, SABJANP, AIFB, PBI, SUCI"
        ),
        "{}",
        run.stderr
    );
    let data = site.read("data/kanpur-2024.toml");
    let parsed: toml::Value = toml::from_str(&data).unwrap();
    let result = &parsed["results"][0];
    let candidates = result["candidates"].as_array().unwrap();
    assert_eq!(candidates.len(), 12, "11 candidates and NOTA");
    // The two Alok Mis(h)ras stay apart: matched by party and position, not by name.
    assert_eq!(candidates[1]["name"].as_str(), Some("ALOK MISRA"));
    assert_eq!(candidates[1]["party"].as_str(), Some("INC"));
    assert_eq!(candidates[1]["votes"].as_integer(), Some(422087));
    assert_eq!(
        candidates[1]["by_segment"]["Kanpur Cantt."].as_integer(),
        Some(115028)
    );
    assert_eq!(candidates[4]["name"].as_str(), Some("ALOK MISHRA"));
    assert_eq!(candidates[4]["party"].as_str(), Some("IND"));
    assert!(candidates[4].get("by_segment").is_none());
    // Segments + postal = total for every party the segment file lists on its own.
    for c in candidates.iter().filter(|c| c.get("by_segment").is_some()) {
        let sum: i64 = c["by_segment"]
            .as_table()
            .unwrap()
            .values()
            .map(|v| v.as_integer().unwrap())
            .sum();
        assert_eq!(
            sum + c["postal"].as_integer().unwrap(),
            c["votes"].as_integer().unwrap(),
            "{c}"
        );
    }
    assert_eq!(
        result["imported"][1]["segments"].as_array().unwrap().len(),
        5
    );

    site.write("content/kanpur-2024.md", ARTICLE);
    let build = site.ok(&["build"]);
    assert!(!build.stdout.contains("warning"), "{}", build.stdout);
    let page = site.read("public/kanpur-2024/index.html");
    for figure in [
        "4,43,055",
        "4,22,087",
        "20,968",
        "8,87,396",
        "RAMESH AWASTHI",
    ] {
        assert!(page.contains(figure), "{figure} missing from the article");
    }
}

#[test]
fn the_whole_country_file_gives_543_seats_and_the_official_tally() {
    let Some(country) = shared_file("eci-ge2024-constituencywise.csv") else {
        return;
    };
    let site = site_with(&[&country]);
    let source = arg(&site, "sources/eci-ge2024-constituencywise.csv");
    let parties = site.ok(&["import", &source, "--year", "2024", "--add-parties"]);
    assert!(
        parties.stderr.contains("without a code in site.toml"),
        "{}",
        parties.stderr
    );
    assert!(
        parties.stdout.contains("aliases = [\"Telugu Desam\"]"),
        "{}",
        parties.stdout
    );
    let config = site.read("site.toml");
    site.write("site.toml", &format!("{config}\n{}", parties.stdout));

    let run = site.ok(&["import", &source, "--year", "2024"]);
    assert!(
        run.stderr.contains("wrote 543 data files"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("elected unopposed (no votes): GUJARAT 24 SURAT"),
        "{}",
        run.stderr
    );
    let dir = site.root.join("data/eci-ge2024-constituencywise");
    let mut wins: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = 0;
    for entry in walk(&dir) {
        files += 1;
        let parsed: toml::Value =
            toml::from_str(&std::fs::read_to_string(&entry).unwrap()).unwrap();
        let result = &parsed["results"][0];
        let candidates = result["candidates"].as_array().unwrap();
        let winner = if result.get("uncontested").and_then(|u| u.as_bool()) == Some(true) {
            assert_eq!(candidates.len(), 1);
            assert!(
                candidates[0].get("votes").is_none(),
                "no invented zero votes"
            );
            &candidates[0]
        } else {
            candidates
                .iter()
                .filter(|c| c["party"].as_str() != Some("NOTA"))
                .max_by_key(|c| c["votes"].as_integer().unwrap())
                .unwrap()
        };
        *wins
            .entry(winner["party"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(files, 543);
    assert_eq!(
        (wins["BJP"], wins["INC"], wins["SP"]),
        (240, 99, 37),
        "{wins:?}"
    );
    let surat = site.read("data/eci-ge2024-constituencywise/gujarat/024-surat.toml");
    assert!(surat.contains("uncontested = true"), "{surat}");
    assert!(
        surat.contains("name = \"MUKESHKUMAR CHANDRAKAANT DALAL\""),
        "{surat}"
    );
    // The whole site, 543 results and their provenance, checks clean.
    site.ok(&["check"]);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The one-seat ECI table with the ECI segment layout, imported into data/.
fn import_kanpur_fixture(site: &Site) -> String {
    site.ok(&[
        "import",
        &arg(site, "sources/eci-constituency-kanpur-2024.csv"),
        &arg(site, "sources/eci-segments-kanpur-2024.csv"),
        "--constituency",
        "Kanpur",
        "--state",
        "Uttar Pradesh",
        "--year",
        "2024",
        "-o",
        &arg(site, "data/kanpur.toml"),
    ]);
    site.read("data/kanpur.toml")
}

#[test]
fn the_one_seat_table_and_the_segment_layout_match_segments_by_number() {
    let site = Site::fixture("import");
    let data = import_kanpur_fixture(&site);
    // "Sisamau", "ARYA NAGAR", "216-Kanpur Cantt.": names as the file spells them, matched by number.
    assert!(
        data.contains("segments = [\"Govind Nagar\", \"Sisamau\", \"ARYA NAGAR\", \"Kidwai Nagar\", \"Kanpur Cantt.\"]"),
        "{data}"
    );
    assert!(
        data.contains("segments = [212, 213, 214, 215, 216]"),
        "{data}"
    );
    assert!(
        data.contains("rows = \"2-14\""),
        "the Total row is recorded too: {data}"
    );
    assert!(data.contains("by_segment = { \"Govind Nagar\" = 71560, \"Sisamau\" = 87323, \"ARYA NAGAR\" = 78878, \"Kidwai Nagar\" = 66680, \"Kanpur Cantt.\" = 115028 }"), "{data}");
    site.write("content/kanpur-2024.md", ARTICLE);
    site.ok(&["check"]);
}

#[test]
fn a_hand_edited_figure_is_named_with_its_toml_line_and_csv_row() {
    let site = Site::fixture("import");
    let data = import_kanpur_fixture(&site);
    site.ok(&["check"]);
    let edited = data
        .replacen("votes = 422087", "votes = 422078", 1)
        .replacen(
            "\"Kanpur Cantt.\" = 115028",
            "\"Kanpur Cantt.\" = 115082",
            1,
        );
    site.write("data/kanpur.toml", &edited);
    let line = |needle: &str| edited.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let stderr = site.fails(&["check"]);
    assert!(
        stderr.contains(&format!(
            "error: data/kanpur.toml:{}: results[0].candidates[1].votes: 4,22,078 here but 4,22,087 in sources/eci-constituency-kanpur-2024.csv:3 (ALOK MISRA, Indian National Congress); an imported figure must match its source row",
            line("votes = 422078")
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "error: data/kanpur.toml:{}: results[0].candidates[1].by_segment[\"Kanpur Cantt.\"]: 1,15,082 here but 1,15,028 in sources/eci-segments-kanpur-2024.csv:",
            line("115082")
        )),
        "{stderr}"
    );

    // A candidate deleted by hand is named with its source row.
    let nota = data.rfind("\n[[results.candidates]]").unwrap();
    site.write("data/kanpur.toml", &data[..nota]);
    let stderr = site.fails(&["check"]);
    assert!(
        stderr.contains("results[0].candidates: NOTA (None of the Above) at sources/eci-constituency-kanpur-2024.csv:13 is in the source but not in this result"),
        "{stderr}"
    );

    // A changed source file says so, and its new figure is compared.
    site.write("data/kanpur.toml", &data);
    let source = site
        .read("sources/eci-constituency-kanpur-2024.csv")
        .replace("443055", "443056")
        .replace("440609", "440610");
    let source = source
        .replace(",882042,", ",882043,")
        .replace(",887396,", ",887397,");
    site.write("sources/eci-constituency-kanpur-2024.csv", &source);
    let stderr = site.fails(&["check"]);
    assert!(
        stderr.contains(
            "sources/eci-constituency-kanpur-2024.csv has changed since the import (SHA-256 was"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("results[0].candidates[0].votes: 4,43,055 here but 4,43,056 in sources/eci-constituency-kanpur-2024.csv:2"), "{stderr}");

    // An absent source is not compared (nothing to compare with), and the data still
    // builds; an info line says which figures went unchecked.
    site.remove("sources/eci-constituency-kanpur-2024.csv");
    let run = site.ok(&["check"]);
    assert!(
        run.stderr.contains("info: data/kanpur.toml:")
            && run.stderr.contains("the source file sources/eci-constituency-kanpur-2024.csv recorded here is not in the site, so the result imported from it was not compared with it"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_country_layout_needs_a_state_for_a_name_two_states_share() {
    let site = Site::fixture("import");
    let file = arg(&site, "sources/eci-country-excerpt.csv");
    let stderr = site.fails(&[
        "import",
        &file,
        "--year",
        "2024",
        "--constituency",
        "Aurangabad",
    ]);
    assert!(
        stderr.contains("2 seats match \"Aurangabad\": BIHAR 37 AURANGABAD (line 2), MAHARASHTRA 19 AURANGABAD (line 13); say which with --state \"BIHAR\" or --state \"MAHARASHTRA\""),
        "{stderr}"
    );
    // Unmapped parties of the chosen seat: the closest code and the line to add.
    let stderr = site.fails(&[
        "import",
        &file,
        "--year",
        "2024",
        "--constituency",
        "aurangabad",
        "--state",
        "bihar",
    ]);
    assert!(
        stderr
            .contains("column 7 (party): party \"Rashtriya Janata Dal\" has no code in site.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let suggested = site
        .ok(&["import", &file, "--year", "2024", "--add-parties"])
        .stdout;
    assert!(
        suggested.contains(
            "[parties.RJD]\nname = \"Rashtriya Janata Dal\"\naliases = [\"Rashtriya Janata Dal\"]"
        ),
        "{suggested}"
    );
    let config = site.read("site.toml");
    site.write("site.toml", &format!("{config}\n{suggested}"));
    let out = site
        .ok(&[
            "import",
            &file,
            "--year",
            "2024",
            "--constituency",
            "aurangabad",
            "--state",
            "bihar",
        ])
        .stdout;
    assert!(out.contains("id = \"ls2024_bihar_37\""), "{out}");
    assert!(
        out.contains("constituency = \"AURANGABAD\"\nstate = \"BIHAR\""),
        "{out}"
    );
    // Postal "-" means none: written as 0, never left to look unknown.
    let out = site
        .ok(&[
            "import",
            &file,
            "--year",
            "2024",
            "--constituency",
            "19",
            "--state",
            "Maharashtra",
        ])
        .stdout;
    assert!(
        out.contains("name = \"LATIF JABBAR KHAN\"\nparty = \"IND\"\nvotes = 765\npostal = 0\n"),
        "{out}"
    );
    // Surat: elected unopposed, no votes.
    let out = site
        .ok(&["import", &file, "--year", "2024", "--constituency", "surat"])
        .stdout;
    assert!(out.contains("uncontested = true"), "{out}");
    assert!(!out.contains("votes"), "{out}");
    site.write("data/surat.toml", &out);
    site.write(
        "content/surat.md",
        "+++\ntitle = \"सूरत\"\ndate = 2024-06-05\ndata = [\"ls2024_gujarat_24\"]\n+++\n\nसूरत।\n",
    );
    site.ok(&["build"]);
    let page = site.read("public/surat/index.html");
    assert!(
        page.contains("निर्विरोध निर्वाचित"),
        "the result box says unopposed"
    );
    assert!(!page.contains("0 वोट"), "no invented zero votes");
}

#[test]
fn tcpd_keeps_electors_and_the_reserved_seat_and_leaves_out_the_by_election() {
    let site = Site::fixture("import");
    let run = site.ok(&[
        "import",
        &arg(&site, "sources/tcpd-example.csv"),
        "--constituency",
        "Testnagar",
    ]);
    assert!(
        run.stderr.contains("left out 2 by-election row(s)"),
        "{}",
        run.stderr
    );
    let out = run.stdout;
    assert!(
        out.contains("state = \"Example State\"\nreserved = \"SC\"\nelectors = 15000\n"),
        "{out}"
    );
    assert!(out.contains("format = \"tcpd\""), "{out}");
    assert!(
        out.contains("source = \"TCPD Lok Dhaba (tcpd-example.csv)\""),
        "{out}"
    );
    assert!(
        !out.contains("Dinesh Kumar"),
        "by-election candidate left out: {out}"
    );
    site.write("data/testnagar.toml", &out);
    site.ok(&["check"]);
}

#[test]
fn a_statistical_report_reads_past_its_title_row_and_disclaimer() {
    let site = Site::fixture("import");
    let out = site
        .ok(&[
            "import",
            &arg(&site, "sources/eci-statistical-example.csv"),
            "--constituency",
            "7",
            "--year",
            "2019",
        ])
        .stdout;
    assert!(out.contains("format = \"eci-statistical\""), "{out}");
    assert!(out.contains("electors = 15000"), "{out}");
    assert!(
        out.contains("rows = \"5-8\""),
        "the header row spans lines 2-4: {out}"
    );
    assert!(
        out.contains("name = \"Chandan\"\nparty = \"IND\"\nvotes = 300\npostal = 0\n"),
        "{out}"
    );
    site.write("data/testnagar.toml", &out);
    site.ok(&["check"]);
}

#[test]
fn malformed_files_get_one_clear_error_with_row_and_column_and_nothing_is_written() {
    let site = Site::fixture("import");
    let good = site.read("sources/eci-constituency-kanpur-2024.csv");
    let cases: [(&str, String, &str); 5] = [
        (
            "missing column",
            good.replacen("Party,", "Affiliation,", 1),
            "bad.csv:1: no header chunav knows in the first rows (found: S.N., Candidate, Affiliation, EVM Votes",
        ),
        (
            "not a number",
            good.replacen("443055", "4.43 lakh", 1),
            "bad.csv:2: column 6 (Total Votes): \"4.43 lakh\" is not a vote count; expected a whole number such as 422087, or - for none",
        ),
        (
            "too many fields",
            good.replacen("ALOK MISRA,", "ALOK, MISRA,", 1),
            "bad.csv:3: column 8: this row has 8 fields but the header has 7; from column 8 on (\"47.56\") nothing has a heading",
        ),
        (
            "contradicting totals",
            good.replacen("440609,2446,443055", "440610,2446,443055", 1),
            "bad.csv:2: EVM votes (4,40,610) and postal votes (2,446) add up to 4,43,056, but the total is 4,43,055",
        ),
        (
            "utf-16",
            String::from_utf8_lossy(&[0xFF, 0xFE, b'S', 0]).into_owned(),
            "",
        ),
    ];
    for (label, text, expected) in cases {
        if label == "utf-16" {
            std::fs::write(site.root.join("bad.csv"), [0xFF, 0xFE, b'S', 0]).unwrap();
        } else {
            site.write("bad.csv", &text);
        }
        let _ = text;
        let stderr = site.fails(&[
            "import",
            &arg(&site, "bad.csv"),
            "--constituency",
            "Kanpur",
            "--year",
            "2024",
            "-o",
            &arg(&site, "data/out.toml"),
        ]);
        let expected = if label == "utf-16" {
            "bad.csv:1: this file is UTF-16 text"
        } else {
            expected
        };
        assert!(stderr.contains(expected), "{label}: {stderr}");
        assert_eq!(
            stderr.matches("error:").count(),
            1,
            "{label}: one error: {stderr}"
        );
        assert!(!site.exists("data/out.toml"), "{label}: nothing written");
    }

    // A BOM and CRLF line ends read exactly like the plain file.
    let plain = site
        .ok(&[
            "import",
            &arg(&site, "sources/eci-constituency-kanpur-2024.csv"),
            "--constituency",
            "Kanpur",
            "--year",
            "2024",
        ])
        .stdout;
    site.write(
        "windows.csv",
        &format!("\u{feff}{}", good.replace('\n', "\r\n")),
    );
    let windows = site
        .ok(&[
            "import",
            &arg(&site, "windows.csv"),
            "--constituency",
            "Kanpur",
            "--year",
            "2024",
        ])
        .stdout;
    let figures = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("votes") || l.starts_with("postal") || l.starts_with("rows"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&windows), figures(&plain));

    // Seats not found, and a year the file lacks.
    let country = arg(&site, "sources/eci-country-excerpt.csv");
    let stderr = site.fails(&[
        "import",
        &country,
        "--year",
        "2024",
        "--constituency",
        "Kanpurr",
    ]);
    assert!(
        stderr.contains(
            "no seat \"Kanpurr\" in this file (4 seats); did you mean UTTAR PRADESH 43 KANPUR?"
        ),
        "{stderr}"
    );
    let stderr = site.fails(&["import", &country, "--constituency", "Kanpur"]);
    assert!(
        stderr.contains("does not say which election year it holds; give it with --year"),
        "{stderr}"
    );
}

#[test]
fn existing_files_are_never_overwritten_without_force() {
    let site = Site::fixture("import");
    import_kanpur_fixture(&site);
    site.write("data/kanpur.toml", "# kept\n");
    let args = [
        "import".to_string(),
        arg(&site, "sources/eci-constituency-kanpur-2024.csv"),
        "--constituency".into(),
        "Kanpur".into(),
        "--year".into(),
        "2024".into(),
        "-o".into(),
        arg(&site, "data/kanpur.toml"),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stderr = site.fails(&args);
    assert!(
        stderr.contains(
            "data/kanpur.toml: already exists; nothing was written. Add --force to replace"
        ),
        "{stderr}"
    );
    assert_eq!(site.read("data/kanpur.toml"), "# kept\n");
    let mut forced = args.clone();
    forced.push("--force");
    site.ok(&forced);
    assert!(site.read("data/kanpur.toml").contains("votes = 443055"));
}

#[test]
fn a_segment_file_alone_says_its_votes_leave_out_postal_ballots() {
    let site = Site::fixture("import");
    let run = site.ok(&[
        "import",
        &arg(&site, "sources/eci-segments-kanpur-2024.csv"),
        "--constituency",
        "43",
        "--year",
        "2024",
        "-o",
        &arg(&site, "data/kanpur-evm.toml"),
    ]);
    assert!(
        run.stderr.contains("the file has no postal ballots"),
        "{}",
        run.stderr
    );
    let data = site.read("data/kanpur-evm.toml");
    assert!(
        data.contains("note = \"डाक मतपत्र इस स्रोत में नहीं हैं: वोट केवल ईवीएम के हैं।\""),
        "{data}"
    );
    assert!(
        data.contains("name = \"ALOK MISRA\"\nparty = \"INC\"\nvotes = 419469\nby_segment"),
        "EVM sum, no postal: {data}"
    );
    site.ok(&["check"]);
    // Its provenance is checked like any other.
    site.write(
        "data/kanpur-evm.toml",
        &data.replacen("votes = 419469", "votes = 419470", 1),
    );
    let stderr = site.fails(&["check"]);
    assert!(stderr.contains("4,19,470 here but 4,19,469 in sources/eci-segments-kanpur-2024.csv:3 (ALOK MISRA, Indian National Congress)"), "{stderr}");
}

#[test]
fn uncontested_and_reserved_results_are_checked() {
    let site = Site::fixture("import");
    let base = "[[results]]\nid = \"surat\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"सूरत\"\n";
    let one = "\n[[results.candidates]]\nname = \"मुकेश दलाल\"\nparty = \"BJP\"\n";
    site.write("data/a.toml", &format!("{base}uncontested = true\nreserved = \"GEN\"\n{one}votes = 0\n\n[[results.candidates]]\nname = \"नोटा\"\nparty = \"NOTA\"\nvotes = 10\n"));
    let stderr = site.fails(&["check"]);
    assert!(stderr.contains("data/a.toml:2: results[0].id: uncontested = true means one candidate was elected unopposed, but this result lists 2"), "{stderr}");
    assert!(stderr.contains("results[0].reserved: reserved \"GEN\" is not a kind of reserved seat; write \"SC\" or \"ST\""), "{stderr}");
    assert!(stderr.contains("results[0].candidates[0].votes: this result is uncontested (elected unopposed, no poll): remove votes, there were none"), "{stderr}");
    site.write("data/a.toml", &format!("{base}{one}"));
    let stderr = site.fails(&["check"]);
    assert!(
        stderr.contains(
            "results[0].candidates[0].votes: votes is missing; give the candidate's total votes"
        ),
        "{stderr}"
    );
    site.write(
        "data/a.toml",
        &format!("{base}uncontested = true\nreserved = \"SC\"\n{one}"),
    );
    site.ok(&["check"]);
}

#[test]
fn an_english_site_gets_english_labels() {
    let site = Site::fixture("import");
    let config = site
        .read("site.toml")
        .replace("language = \"hi\"", "language = \"en\"");
    site.write("site.toml", &config);
    let out = site
        .ok(&[
            "import",
            &arg(&site, "sources/eci-country-excerpt.csv"),
            "--year",
            "2024",
            "--constituency",
            "Kanpur",
        ])
        .stdout;
    assert!(out.contains("election = \"Lok Sabha 2024\""), "{out}");
    assert!(
        out.contains("source = \"Election Commission of India (eci-country-excerpt.csv)\""),
        "{out}"
    );
    let out = site
        .ok(&[
            "import",
            &arg(&site, "sources/eci-segments-kanpur-2024.csv"),
            "--year",
            "2024",
            "--constituency",
            "43",
        ])
        .stdout;
    assert!(
        out.contains("note = \"Postal ballots are not in the source: votes are EVM votes only.\""),
        "{out}"
    );
}

#[test]
fn an_import_pasted_into_an_article_is_checked_against_its_source_too() {
    let site = Site::fixture("import");
    let out = site
        .ok(&[
            "import",
            &arg(&site, "sources/eci-constituency-kanpur-2024.csv"),
            "--constituency",
            "Kanpur",
            "--year",
            "2024",
        ])
        .stdout;
    let page = format!("+++\ntitle = \"कानपुर\"\ndate = 2024-06-05\n{out}+++\n\nनतीजा।\n");
    site.write("content/kanpur.md", &page);
    site.ok(&["check"]);
    let edited = page.replacen("postal = 2618", "postal = 2681", 1);
    site.write("content/kanpur.md", &edited);
    let line = edited.lines().position(|l| l == "postal = 2681").unwrap() + 1;
    let stderr = site.fails(&["check"]);
    assert!(
        stderr.contains(&format!("error: content/kanpur.md:{line}: results[0].candidates[1].postal: 2,681 here but 2,618 in sources/eci-constituency-kanpur-2024.csv:3 (ALOK MISRA, Indian National Congress)")),
        "{stderr}"
    );
}
