//! Results night: seat tallies per party and alliance, counting status in what a reader
//! sees (leading, not won; the round and the update time), and the checks of both.

mod common;

use common::Site;
use std::path::Path;

/// The rows of the tally table `class` (`tally-parties`, `tally-alliances`) in `html`, each
/// as its cells' text joined with " | ".
fn tally_rows(html: &str, class: &str) -> Vec<String> {
    let Some(start) = html.find(&format!("tally-table {class}")) else {
        return Vec::new();
    };
    let table = &html[start..];
    let table = &table[..table.find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let mut cells = Vec::new();
            let mut rest = row;
            while let Some(open) = rest.find("<t") {
                let tag = &rest[open + 1..open + 3];
                let close = format!("</{tag}>");
                let Some(end) = rest[open..].find(&close) else {
                    break;
                };
                let inner = &rest[open..open + end];
                cells.push(text_of(&inner[inner.find('>').unwrap() + 1..]));
                rest = &rest[open + end + close.len()..];
            }
            cells.join(" | ")
        })
        .collect()
}

/// The text of an HTML fragment: tags removed, spaces folded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A file of the shared source folder (../shared beside the repository, or two levels up
/// from a worktree); `None` with a note when absent.
fn shared_file(name: &str) -> Option<std::path::PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = ["../shared/sources/data", "../../shared/sources/data"]
        .iter()
        .map(|dir| repo.join(dir).join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        eprintln!("note: ../shared/sources/data/{name} is absent; this test checked nothing");
    }
    found
}

#[test]
fn the_up_2024_tally_from_the_official_file_is_the_official_one() {
    let Some(country) = shared_file("eci-ge2024-constituencywise.csv") else {
        return;
    };
    let site = Site::fixture("counting");
    for page in [
        "content/results/kanpur.md",
        "content/results/lucknow.md",
        "content/results/surat.md",
        "data/amethi.toml",
        "templates/section.html",
    ] {
        site.remove(page);
    }
    // Uttar Pradesh's rows of the whole-country file, its header kept.
    let text = std::fs::read_to_string(country).unwrap();
    let mut lines = text.lines();
    let mut up = format!("{}\n", lines.next().unwrap());
    for line in lines.filter(|l| l.contains(",UTTAR PRADESH,")) {
        up.push_str(line);
        up.push('\n');
    }
    site.write("sources/up-2024.csv", &up);
    let source = site.root.join("sources/up-2024.csv").display().to_string();
    let parties = site.ok(&["import", &source, "--year", "2024", "--add-parties"]);
    let config = site.read("site.toml");
    site.write("site.toml", &format!("{config}\n{}", parties.stdout));
    let run = site.ok(&["import", &source, "--year", "2024"]);
    assert!(run.stderr.contains("wrote 80 data files"), "{}", run.stderr);
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}{% block content %}{% set seats = tally(election=\"ls2024\", state=\"Uttar Pradesh\") %}{% include \"partials/tally.html\" %}{% endblock content %}",
    );
    site.ok(&["build"]);
    let home = site.read("public/index.html");
    assert_eq!(
        tally_rows(&home, "tally-parties"),
        [
            "सपा | 37",
            "भाजपा | 33",
            "कांग्रेस | 6",
            "रालोद | 2",
            "अपना दल (एस) | 1",
            "आसपा | 1"
        ],
        "{home}"
    );
    assert_eq!(
        tally_rows(&home, "tally-alliances"),
        [
            "INDIA (सपा, कांग्रेस) | 43",
            "NDA (भाजपा, रालोद, अपना दल (एस)) | 36",
            "अन्य | 1"
        ]
    );
    assert!(home.contains("सीटें: 80, सभी के नतीजे घोषित"), "{home}");
}

#[test]
fn tallies_count_won_and_leading_seats_once_for_the_site_and_per_section() {
    let site = Site::fixture("counting");
    site.ok(&["build"]);
    // Home: every seat of लोकसभा 2024, Amethi (a data file no page shows) and Surat
    // (elected unopposed, counted as won) included.
    let home = site.read("public/index.html");
    assert_eq!(
        tally_rows(&home, "tally-parties"),
        ["भाजपा | 2 | 1 | 3", "कांग्रेस | 0 | 1 | 1"]
    );
    assert_eq!(
        tally_rows(&home, "tally-alliances"),
        ["NDA (भाजपा) | 2 | 1 | 3", "INDIA (कांग्रेस) | 0 | 1 | 1"]
    );
    assert!(
        home.contains("सीटें: 4 · नतीजे घोषित: 2 · गिनती जारी: 2"),
        "{home}"
    );
    assert!(home.contains("निर्विरोध निर्वाचन: 1 (जीत में शामिल)"), "{home}");
    // The latest update of any seat, as readers read it and as a machine does.
    assert!(
        home.contains("<time datetime=\"2024-06-04T21:05:00+05:30\">4 जून 2024, 21:05 IST</time>"),
        "{home}"
    );
    // The section: its Uttar Pradesh pages only.
    let section = site.read("public/results/index.html");
    assert_eq!(tally_rows(&section, "tally-parties"), ["भाजपा | 1 | 1 | 2"]);
}

#[test]
fn a_party_in_two_alliances_of_one_election_stops_the_build_naming_both() {
    let site = Site::fixture("counting");
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &config.replace(
            "INDIA = [\"SP\", \"INC\"]",
            "INDIA = [\"SP\", \"INC\", \"RLD\"]",
        ),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("RLD is in two alliances of 2024: INDIA and NDA"),
        "{err}"
    );
}

#[test]
fn a_misspelt_election_in_a_tally_names_the_elections_there_are() {
    let site = Site::fixture("counting");
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}{% block content %}{% set seats = tally(election=\"लोकसभा 2025\") %}{% endblock content %}",
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("tally(): no result of election \"लोकसभा 2025\" on this site; elections here: लोकसभा 2024; did you mean \"लोकसभा 2024\"?"),
        "{err}"
    );
}
