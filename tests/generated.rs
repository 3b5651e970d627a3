//! Pages made from data: a section's `[generate]` makes one page per imported seat
//! (tests/fixtures/generated: Kanpur declared, Surat 2024 uncontested, Lucknow replaced by
//! a hand-written page, and an English section made from the same files). The pages are
//! read as a reader gets them; broken templates and patterns fail with the `_index.md`
//! line and the seat, and leave nothing written.

mod common;
use common::Site;

fn built() -> Site {
    let site = Site::fixture("generated");
    site.ok(&["build"]);
    site
}

#[test]
fn every_seat_of_the_data_gets_a_page_a_reader_can_use() {
    let site = built();
    let kanpur = site.read("public/seats/kanpur/index.html");
    // The names table gives the Hindi name; the figures come from the imported file.
    assert!(
        kanpur.contains("<h1>कानपुर: लोकसभा 2024 का नतीजा</h1>"),
        "{kanpur}"
    );
    assert!(kanpur.contains("RAMESH AWASTHI"));
    assert!(kanpur.contains("जीत का अंतर 20,968 वोट रहा।"));
    assert!(kanpur.contains("<svg"), "the body's chart block is drawn");
    assert!(kanpur.contains("कानपुर, लोकसभा 2024: उम्मीदवारों के वोट"));
    assert!(site.exists("public/seats/kanpur/card.png"), "a share card");
    assert!(kanpur.contains("lang=\"hi\""));

    let surat = site.read("public/seats/surat/index.html");
    assert!(surat.contains("<h1>सूरत: लोकसभा 2024 का नतीजा</h1>"));
    assert!(surat.contains("MUKESHKUMAR CHANDRAKAANT DALAL निर्विरोध चुने गए"));
    assert!(
        surat.contains("निर्विरोध निर्वाचित"),
        "the result box says unopposed"
    );
    assert!(
        !surat.contains("जीत का अंतर"),
        "no margin for a seat without a poll"
    );
}

#[test]
fn generated_pages_are_listed_fed_searched_and_tagged_like_written_ones() {
    let site = built();
    let hub = site.read("public/seats/index.html");
    for link in ["seats/kanpur/\"", "seats/surat/\"", "seats/lucknow/\""] {
        assert!(hub.contains(link), "the section lists {link}:\n{hub}");
    }
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("/results/seats/kanpur/</loc>"));
    assert!(sitemap.contains("/results/en-seats/surat/</loc>"));
    assert!(
        site.read("public/seats/atom.xml")
            .contains("सूरत: लोकसभा 2024 का नतीजा")
    );
    // Tag patterns: the state as the data writes it.
    let gujarat = site.read("public/tags/gujarat/index.html");
    assert!(gujarat.contains("सूरत"));
    let search: String = ["public/search/d", "public/search/t"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(site.root.join(dir)).unwrap())
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    assert!(search.contains("कानपुर: लोकसभा 2024 का नतीजा"), "searchable");
    // `@/seats/kanpur.md` reaches the generated page as if its file existed.
    let home = site.read("public/index.html");
    assert!(home.contains("href=\"./seats/kanpur/\""), "{home}");
}

#[test]
fn a_hand_written_page_for_a_seat_replaces_the_generated_one_and_says_so() {
    let site = Site::fixture("generated");
    let run = site.ok(&["build"]);
    assert!(
        run.stderr.contains(
            "info: content/seats/lucknow.md: written by hand, so it replaces the page [generate] in content/seats/_index.md would make for ls2024_uttar_pradesh_35 from data/seats/uttar-pradesh/035-lucknow.toml:6"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains("warning"),
        "an info line is not a warning"
    );
    let lucknow = site.read("public/seats/lucknow/index.html");
    assert!(lucknow.contains("हाथ से लिखा विश्लेषण"));
    // The English section has no hand-written Lucknow page: it keeps its own.
    assert!(
        site.read("public/en-seats/lucknow/index.html")
            .contains("Won by")
    );
    // An info line never fails a strict build.
    site.ok(&["build", "--strict"]);
}

#[test]
fn an_english_section_speaks_english_from_the_same_data() {
    let site = built();
    let surat = site.read("public/en-seats/surat/index.html");
    assert!(surat.contains("<h1>Surat: the 2024 result</h1>"), "{surat}");
    assert!(surat.contains("lang=\"en\""));
    assert!(surat.contains("Elected unopposed"));
    let kanpur = site.read("public/en-seats/kanpur/index.html");
    assert!(kanpur.contains("Won by 20,968 votes."));
    let amethi = site.read("public/en-seats/amethi/index.html");
    assert!(amethi.contains("Counting: KISHORI LAL leads by 30,309 votes after round 5 of 22."));
}

/// The fixture's `content/seats/_index.md` with `from` replaced by `to`.
fn with_index(from: &str, to: &str) -> Site {
    let site = Site::fixture("generated");
    let index = site.read("content/seats/_index.md");
    assert!(index.contains(from), "the fixture has {from}");
    site.write("content/seats/_index.md", &index.replace(from, to));
    site
}

#[test]
fn a_broken_body_is_one_error_at_its_line_naming_the_seats_and_nothing_is_written() {
    let site = with_index(
        "जीत का अंतर {{ results.seat.margin | inr }}",
        "जीत का अंतर {{ results.seat.margn | inr }}",
    );
    let stderr = site.fails(&["build"]);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: content/seats/_index.md"))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].starts_with("error: content/seats/_index.md:19: in an expression:"),
        "{stderr}"
    );
    assert!(
        errors[0]
            .contains("(in the page made for KANPUR (data/seats/uttar-pradesh/043-kanpur.toml:6))"),
        "{stderr}"
    );
    assert!(!site.exists("public"), "nothing half-written");
}

#[test]
fn a_broken_chart_block_in_the_body_names_the_index_line() {
    let site = with_index("result = \"seat\"", "result = \"ls2024\"");
    let stderr = site.fails(&["build"]);
    assert!(
        stderr.contains("content/seats/_index.md:"),
        "located in the _index.md: {stderr}"
    );
    assert!(
        stderr.contains("no result `ls2024` on this page"),
        "{stderr}"
    );
    assert!(stderr.contains("KANPUR (data/seats/uttar-pradesh/043-kanpur.toml:6)"));
    assert!(!stderr.contains("content/seats/kanpur.md"), "{stderr}");
    assert!(!site.exists("public"));
}

#[test]
fn broken_patterns_and_data_paths_are_located() {
    let site = with_index(
        "slug = \"{{ data.constituency }}\"",
        "slug = \"{{ data.seat }}\"",
    );
    let stderr = site.fails(&["build"]);
    assert!(
        stderr
            .contains("error: content/seats/_index.md:8: generate.slug: `slug`: in an expression:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("in the pages made for 4 results: "),
        "{stderr}"
    );

    let site = with_index("data = \"data/seats/\"", "data = \"data/seat/\"");
    let stderr = site.fails(&["build"]);
    assert!(
        stderr.contains(
            "error: content/seats/_index.md:6: generate.data: data = \"data/seat/\" names no data file"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/seats/gujarat/"),
        "lists the folders: {stderr}"
    );

    // Every seat given one slug: each extra page at that URL is an error.
    let site = with_index("slug = \"{{ data.constituency }}\"", "slug = \"seat\"");
    let stderr = site.fails(&["build"]);
    assert!(stderr.contains("seats/seat/"), "{stderr}");
    assert!(!site.exists("public"));

    let site = with_index("date = 2024-06-05", "date = 20240605");
    let stderr = site.fails(&["build"]);
    assert!(stderr.contains("content/seats/_index.md:"), "{stderr}");
}

#[test]
fn a_names_table_with_a_mistake_is_reported_at_its_line() {
    let site = Site::fixture("generated");
    site.write(
        "data/names.csv",
        "state,constituency,hi,en\nGUJARAT,SURAT,सूरत,Surat\nGUJARAT,surat,सूरत,Surat\n",
    );
    let stderr = site.fails(&["build"]);
    assert!(
        stderr.contains("error: data/names.csv:3: \"surat\" is named twice (first at line 2)"),
        "{stderr}"
    );
}

#[test]
fn generate_belongs_to_a_section() {
    let site = Site::fixture("generated");
    site.write(
        "content/seats/extra.md",
        "+++\ntitle = \"x\"\ndate = 2024-06-05\n\n[generate]\ndata = \"data/seats/\"\nslug = \"x\"\ntitle = \"x\"\ndate = 2024-06-05\nbody = \"x\"\n+++\n",
    );
    let stderr = site.fails(&["build"]);
    assert!(
        stderr.contains("error: content/seats/extra.md:6: generate: only a section's `_index.md` can generate pages from data"),
        "{stderr}"
    );
}
