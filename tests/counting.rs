//! Results night: seat tallies per party and alliance, counting status in what a reader
//! sees (leading, not won; the round and the update time), and the checks of both.

mod common;

use common::{Site, shared_file};

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

/// `chunav import` of the one-seat Kanpur table into data/kanpur.toml with `extra` options.
fn import_kanpur(site: &Site, csv: &str, extra: &[&str]) -> common::Run {
    site.write("sources/kanpur.csv", csv);
    let source = site.root.join("sources/kanpur.csv").display().to_string();
    let output = site.root.join("data/kanpur.toml").display().to_string();
    let mut args = vec![
        "import",
        source.as_str(),
        "--constituency",
        "Kanpur",
        "--state",
        "Uttar Pradesh",
        "--year",
        "2024",
        "-o",
        output.as_str(),
    ];
    args.extend_from_slice(extra);
    site.ok(&args)
}

const KANPUR_ROUND_12: &str = "S.N.,Candidate,Party,EVM Votes,Postal Votes,Total Votes,% of Votes\n\
1,RAMESH AWASTHI,Bharatiya Janata Party,263387,2446,265833,50.97\n\
2,ALOK MISRA,Indian National Congress,250634,2618,253252,48.56\n\
3,NOTA,None of the Above,2450,20,2470,0.47\n";

#[test]
fn a_re_import_where_votes_fell_or_a_declared_seat_counts_again_is_a_warning_naming_both() {
    let site = Site::fixture("import");
    let first = import_kanpur(
        &site,
        KANPUR_ROUND_12,
        &[
            "--status",
            "counting",
            "--round",
            "12",
            "--rounds",
            "20",
            "--updated",
            "2024-06-04T14:30:00+05:30",
        ],
    );
    assert!(!first.stderr.contains("warning"), "{}", first.stderr);
    let data = site.read("data/kanpur.toml");
    assert!(
        data.contains(
            "status = \"counting\"\nround = 12\nrounds = 20\nupdated = 2024-06-04T14:30:00+05:30\n"
        ),
        "{data}"
    );
    site.ok(&["check"]);

    // Round 13 with a corrected (lower) figure for the runner-up.
    let fell = KANPUR_ROUND_12
        .replace("250634,2618,253252", "248634,2618,251252")
        .replace("263387,2446,265833", "280387,2446,282833");
    let again = import_kanpur(
        &site,
        &fell,
        &[
            "--force",
            "--status",
            "counting",
            "--round",
            "13",
            "--rounds",
            "20",
            "--updated",
            "2024-06-04T15:00:00+05:30",
        ],
    );
    assert!(
        again.stderr.contains("results[0].candidates[1].votes: ALOK MISRA (INC): votes fell from 2,53,252 in the file replaced to 2,51,252 in this import (by 2,000)"),
        "{}",
        again.stderr
    );
    assert!(
        !again.stderr.contains("RAMESH AWASTHI (BJP): votes fell"),
        "{}",
        again.stderr
    );

    // Declared, then counting again.
    import_kanpur(
        &site,
        &fell,
        &[
            "--force",
            "--status",
            "declared",
            "--rounds",
            "20",
            "--updated",
            "2024-06-04T21:00:00+05:30",
        ],
    );
    let back = import_kanpur(
        &site,
        &fell,
        &[
            "--force",
            "--status",
            "counting",
            "--round",
            "14",
            "--rounds",
            "20",
            "--updated",
            "2024-06-04T21:10:00+05:30",
        ],
    );
    assert!(
        back.stderr.contains(
            "had this seat declared (status \"declared\"), this import has it counting again"
        ),
        "{}",
        back.stderr
    );
    // A counting import without a time is refused before anything is written.
    site.write("sources/kanpur.csv", KANPUR_ROUND_12);
    let err = site.fails(&[
        "import",
        &site.root.join("sources/kanpur.csv").display().to_string(),
        "--constituency",
        "Kanpur",
        "--year",
        "2024",
        "--status",
        "counting",
    ]);
    assert!(err.contains("--status counting needs --updated"), "{err}");
}

#[test]
fn a_counting_seat_says_leading_and_its_round_never_winner_and_a_declared_one_says_winner() {
    let site = Site::fixture("counting");
    site.ok(&["build"]);
    let kanpur = site.read("public/results/kanpur/index.html");
    let main = &kanpur[kanpur.find("<main").unwrap()..];
    assert!(
        main.contains("<span class=\"result-role\">अग्रणी</span>"),
        "{main}"
    );
    assert!(
        main.contains("<span class=\"result-role\">पीछे</span>"),
        "{main}"
    );
    assert!(main.contains("<dt>बढ़त</dt>"), "{main}");
    assert!(main.contains("गिनती जारी</b> · राउंड 12/20 · अपडेट: <time datetime=\"2024-06-04T14:30:00+05:30\">4 जून 2024, 14:30 IST</time>"), "{main}");
    assert!(
        main.contains("(अग्रणी)"),
        "the chart marks the leader: {main}"
    );
    assert!(main.contains("गिनती जारी: राउंड 12/20 तक के वोट"), "{main}");
    for word in ["विजेता", "जीत का अंतर", "उपविजेता"]
    {
        assert!(!main.contains(word), "a counting seat says {word}: {main}");
    }
    let lucknow = site.read("public/results/lucknow/index.html");
    assert!(
        lucknow.contains("<span class=\"result-role\">विजेता</span>"),
        "{lucknow}"
    );
    assert!(lucknow.contains("<b>नतीजा घोषित</b> · अपडेट:"), "{lucknow}");
    assert!(!lucknow.contains("अग्रणी"), "{lucknow}");
    let surat = site.read("public/results/surat/index.html");
    assert!(surat.contains("निर्विरोध निर्वाचित"), "{surat}");
    assert!(
        !surat.contains(" वोट<"),
        "no votes for an uncontested seat: {surat}"
    );
    // Feeds and the sitemap carry the time of the figures.
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("results/kanpur/</loc><lastmod>2024-06-04T09:00:00Z</lastmod>"),
        "{sitemap}"
    );
    let atom = site.read("public/atom.xml");
    assert!(
        atom.contains("<updated>2024-06-04T09:00:00Z</updated>"),
        "{atom}"
    );
}

#[test]
fn an_english_counting_page_says_leading_in_english() {
    let site = Site::fixture("counting");
    let page = site.read("content/results/kanpur.md");
    site.write(
        "content/results/kanpur.md",
        &page.replacen("date = 2024-06-04", "date = 2024-06-04\nlang = \"en\"", 1),
    );
    site.ok(&["build"]);
    let kanpur = site.read("public/results/kanpur/index.html");
    let main = &kanpur[kanpur.find("<main").unwrap()..kanpur.find("class=\"prose\"").unwrap()];
    assert!(
        main.contains("<span class=\"result-role\">Leading</span>"),
        "{main}"
    );
    assert!(main.contains("<b>Counting</b> · round 12 of 20 · Updated: <time datetime=\"2024-06-04T14:30:00+05:30\">4 June 2024, 14:30 IST</time>"), "{main}");
    assert!(!main.contains("Winner"), "{main}");
    assert!(!main.contains("अग्रणी"), "{main}");
}

#[test]
fn counting_fields_that_cannot_be_are_located_errors_in_editors_words() {
    let site = Site::fixture("counting");
    let page = site.read("content/results/kanpur.md");
    site.write(
        "content/results/kanpur.md",
        &page.replace("round = 12", "round = 21").replace(
            "updated = 2024-06-04T14:30:00+05:30",
            "updated = 2024-06-04T14:30:00",
        ),
    );
    let lucknow = site.read("content/results/lucknow.md");
    site.write(
        "content/results/lucknow.md",
        &lucknow.replace("votes = 477550", "votes = 612709"),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("content/results/kanpur.md:13: results[0].round: round 21 is past the last round: the count has rounds = 20; check both figures"),
        "{err}"
    );
    assert!(
        err.contains("content/results/kanpur.md:15: results[0].updated: updated 2024-06-04T14:30:00 has no time zone"),
        "{err}"
    );
    assert!(
        err.contains("content/results/lucknow.md:12: results[0].status: status = \"declared\" but राजनाथ सिंह and रविदास मेहरोत्रा have the same 6,12,709 votes; a tie is decided by drawing lots"),
        "{err}"
    );
}

#[test]
fn a_seats_chart_draws_the_tally_with_its_title_description_and_table() {
    let site = Site::fixture("counting");
    site.ok(&["build"]);
    let home = site.read("public/index.html");
    assert!(
        home.contains("<title id=\"chart-1-title\">लोकसभा 2024: दलवार सीटें</title>"),
        "{home}"
    );
    assert!(
        home.contains(
            "<desc id=\"chart-1-desc\">भाजपा: जीते 2, अग्रणी 1; कांग्रेस: जीते 0, अग्रणी 1</desc>"
        ),
        "{home}"
    );
    assert!(
        home.contains("<tr><th scope=\"row\">भाजपा</th><td>2</td><td>1</td></tr>"),
        "{home}"
    );
    assert!(
        home.contains(
            "<desc id=\"chart-2-desc\">NDA: जीते 2, अग्रणी 1; INDIA: जीते 0, अग्रणी 1</desc>"
        ),
        "{home}"
    );
    assert!(
        home.contains("गिनती जारी: 2। “अग्रणी” सीटें अभी बदल सकती हैं।"),
        "{home}"
    );

    let index = site.read("content/_index.md");
    site.write(
        "content/_index.md",
        &index.replace("by = \"alliance\"", "by = \"coalition\""),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains(
            "by = \"coalition\" is not a way to group seats; use \"party\" or \"alliance\""
        ),
        "{err}"
    );
}

#[test]
fn prose_quoting_the_winner_of_a_seat_still_counting_is_an_error_naming_what_to_quote() {
    let site = Site::fixture("counting");
    let page = site.read("content/results/kanpur.md");
    site.write(
        "content/results/kanpur.md",
        &format!("{page}\nअग्रणी {{{{ results.ls2024_kanpur.leader.name }}}}, विजेता {{{{ results.ls2024_kanpur.winner.name }}}}।\n"),
    );
    let err = site.fails(&["build"]);
    assert!(
        err.contains("`results.ls2024_kanpur.winner.name`: result `ls2024_kanpur` is still counting (status = \"counting\"), so it has no winner yet; quote `results.ls2024_kanpur.leader` until it is declared"),
        "{err}"
    );
    assert!(
        !err.contains("leader.name`"),
        "the leader may be quoted: {err}"
    );
}
