//! Hostile and broken sites, one table row each: the build must fail (or warn) with a
//! message that names the file, line and field and says what would be right; it must
//! never panic or hang; and a failed build must leave `public/` byte for byte as the
//! previous good build wrote it.
//!
//! Every case starts from a copy of one small good site that has been built once.

mod common;

use common::Site;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const SITE_TOML: &str = r##"title = "परीक्षण"
base_url = "https://example.github.io/site/"
language = "hi"

[parties.BJP]
name = "भारतीय जनता पार्टी"
short = "भाजपा"
color = "#FF9933"

[parties.INC]
name = "भारतीय राष्ट्रीय कांग्रेस"
short = "कांग्रेस"
color = "#19AAED"
"##;

const HOME: &str = "+++\ntitle = \"मुखपृष्ठ\"\n+++\n\nस्वागत।\n";

/// Line 13 is the first candidate's `name`; the body starts on line 25.
const RESULT: &str = r#"+++
title = "कानपुर 2024"
description = "नतीजा"
date = 2024-06-05
tags = ["कानपुर"]

[[results]]
id = "r1"
election = "लोकसभा 2024"
year = 2024
constituency = "कानपुर"
segments = ["एक", "दो"]
[[results.candidates]]
name = "राम"
party = "BJP"
votes = 300
by_segment = { "एक" = 100, "दो" = 200 }
[[results.candidates]]
name = "श्याम"
party = "INC"
votes = 200
by_segment = { "एक" = 150, "दो" = 50 }
+++

"#;

const CHART: &str = "```chart\nkind = \"segments\"\nparty = \"INC\"\nresults = [\"r1\"]\n```\n";

fn article(body: &str) -> String {
    format!("{RESULT}{body}")
}

/// A front matter with `extra` lines after the title and date.
fn plain(extra: &str, body: &str) -> String {
    format!("+++\ntitle = \"दूसरा\"\ndate = 2024-06-06\n{extra}+++\n\n{body}")
}

/// The good site every case starts from, built once; and what it wrote.
struct Base {
    site: Site,
    public: BTreeMap<PathBuf, Vec<u8>>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        // A static is never dropped: the base site lives in cargo's folder for test
        // files, replaced on each run, rather than piling up in /tmp.
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-input-base");
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        let site = Site { root };
        site.write("site.toml", SITE_TOML)
            .write("content/_index.md", HOME)
            .write(
                "content/kanpur/a.md",
                &article(&format!(
                    "जीत {{{{ results.r1.margin | inr }}}} वोट से।\n\n{CHART}"
                )),
            )
            .write("content/kanpur/b.md", &plain("", "दूसरा लेख।\n"))
            .write("static/extra.css", "body{}\n");
        site.ok(&["build"]);
        let public = snapshot(&site.root.join("public"));
        assert!(public.len() > 10);
        Base { site, public }
    })
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    fn walk(dir: &Path, root: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                walk(&path, root, files);
            } else {
                let bytes = if kind.is_file() {
                    fs::read(&path).unwrap()
                } else {
                    b"(not a file)".to_vec()
                };
                files.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    walk(dir, dir, &mut files);
    files
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Expect {
    /// Exit code 1, every expected text in stderr, `public/` untouched.
    Fails,
    /// Exit code 0, every expected text in stderr (warnings).
    Warns,
    /// Either way, but no crash, no hang, and `public/` intact if it failed.
    Survives,
}

struct Case {
    name: &'static str,
    setup: fn(&Site),
    /// Extra arguments after `build`.
    args: &'static [&'static str],
    expect: Expect,
    /// Texts the stderr must contain (file:line, field, hint).
    says: &'static [&'static str],
}

const fn fails(name: &'static str, setup: fn(&Site), says: &'static [&'static str]) -> Case {
    Case {
        name,
        setup,
        args: &[],
        expect: Expect::Fails,
        says,
    }
}

const fn warns(name: &'static str, setup: fn(&Site), says: &'static [&'static str]) -> Case {
    Case {
        name,
        setup,
        args: &[],
        expect: Expect::Warns,
        says,
    }
}

const fn survives(name: &'static str, setup: fn(&Site)) -> Case {
    Case {
        name,
        setup,
        args: &[],
        expect: Expect::Survives,
        says: &[],
    }
}

const fn with_args(case: Case, args: &'static [&'static str]) -> Case {
    Case { args, ..case }
}

struct Ran {
    code: Option<i32>,
    stderr: String,
    took: Duration,
}

/// Runs `chunav --root SITE build ARGS`, killed after a minute (a hang is a failure).
fn run_build(site: &Site, args: &[&str]) -> Ran {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chunav"))
        .arg("--root")
        .arg(&site.root)
        .arg("build")
        // Paths in a case's arguments are inside its site, never the test's folder.
        .args(
            args.iter()
                .map(|a| a.replace("{root}", &site.root.display().to_string())),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).ok();
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr = reader.join().unwrap();
    Ran {
        code: status.and_then(|s| s.code()),
        stderr: stderr.replace(&format!("{}/", site.root.display()), ""),
        took: started.elapsed(),
    }
}

/// Runs every case; all problems are collected and reported together.
fn run_table(cases: &[Case]) {
    let base = base();
    let mut problems = Vec::new();
    for case in cases {
        let site = Site::empty(&format!("bad-{}", case.name));
        fs::remove_dir_all(&site.root).unwrap();
        copy_dir(&base.site.root, &site.root);
        (case.setup)(&site);
        let ran = run_build(&site, case.args);
        let mut wrong = Vec::new();
        match (ran.code, case.expect) {
            (None, _) => wrong.push(format!("hung or crashed after {:?}", ran.took)),
            (Some(1), Expect::Fails | Expect::Survives) => {}
            (Some(0), Expect::Warns | Expect::Survives) => {}
            (Some(code), _) => wrong.push(format!("exit code {code}")),
        }
        if ran.stderr.contains("panicked") || ran.stderr.contains("RUST_BACKTRACE") {
            wrong.push("panicked".into());
        }
        for text in case.says {
            if !ran.stderr.contains(text) {
                wrong.push(format!("stderr lacks {text:?}"));
            }
        }
        if ran.code != Some(0) && snapshot(&site.root.join("public")) != base.public {
            wrong.push("public/ changed although the build failed".into());
        }
        if case.expect == Expect::Fails && !ran.stderr.contains("nothing was written") {
            wrong.push("no closing line".into());
        }
        if !wrong.is_empty() {
            problems.push(format!(
                "{}: {}\n--- stderr:\n{}",
                case.name,
                wrong.join("; "),
                ran.stderr
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} cases wrong:\n\n{}",
        problems.len(),
        cases.len(),
        problems.join("\n\n")
    );
}

fn set_a(site: &Site, text: &str) {
    site.write("content/kanpur/a.md", text);
}

fn set_b(site: &Site, text: &str) {
    site.write("content/kanpur/b.md", text);
}

/// `RESULT` with one line replaced.
fn result_with(from: &str, to: &str) -> String {
    assert!(RESULT.contains(from), "{from}");
    article("").replacen(from, to, 1)
}

fn write_bytes(site: &Site, rel: &str, bytes: &[u8]) {
    let path = site.root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

const FRONT_MATTER: &[Case] = &[
    fails(
        "not_closed",
        |s| set_b(s, "+++\ntitle = \"x\"\ndate = 2024-06-06\n\nपाठ\n"),
        &[
            "content/kanpur/b.md:1: ",
            "never closed: did you forget the second `+++`?",
        ],
    ),
    fails(
        "no_front_matter",
        |s| set_b(s, "# शीर्षक\n\nपाठ\n"),
        &["content/kanpur/b.md:1: no front matter"],
    ),
    fails(
        "invalid_toml",
        |s| set_b(s, "+++\ntitle = \"x\ndate = 2024-06-06\n+++\n"),
        &["content/kanpur/b.md:2:"],
    ),
    fails(
        "unknown_key",
        |s| set_b(s, &plain("titel = \"x\"\n", "")),
        &["content/kanpur/b.md:4: titel: unknown key `titel`"],
    ),
    fails(
        "title_missing",
        |s| set_b(s, "+++\ndate = 2024-06-06\n+++\n"),
        &["content/kanpur/b.md", "title"],
    ),
    fails(
        "title_empty",
        |s| set_b(s, "+++\ntitle = \" \"\ndate = 2024-06-06\n+++\n"),
        &["content/kanpur/b.md:2: title: the title is empty"],
    ),
    fails(
        "title_number",
        |s| set_b(s, "+++\ntitle = 5\ndate = 2024-06-06\n+++\n"),
        &["content/kanpur/b.md:2: title:"],
    ),
    fails(
        "date_missing",
        |s| set_b(s, "+++\ntitle = \"x\"\n+++\n"),
        &["content/kanpur/b.md:2: date: an article needs a `date`"],
    ),
    fails(
        "date_text",
        |s| set_b(s, "+++\ntitle = \"x\"\ndate = \"yesterday\"\n+++\n"),
        &["content/kanpur/b.md:3: date:"],
    ),
    fails(
        "date_year_zero",
        |s| set_b(s, "+++\ntitle = \"x\"\ndate = 0000-01-01\n+++\n"),
        &["content/kanpur/b.md:3: date: year 0 is not a plausible date"],
    ),
    fails(
        "date_time_only",
        |s| set_b(s, "+++\ntitle = \"x\"\ndate = 12:00:00\n+++\n"),
        &["content/kanpur/b.md:3: date: a time without a date"],
    ),
    fails(
        "updated_before_date",
        |s| set_b(s, &plain("updated = 2024-01-01\n", "")),
        &["content/kanpur/b.md:4: updated: `updated` (2024-01-01) is before `date` (2024-06-06)"],
    ),
    fails(
        "lang_unknown",
        |s| set_b(s, &plain("lang = \"ur\"\n", "")),
        &["content/kanpur/b.md:4: lang: unsupported language \"ur\"; use \"hi\" or \"en\""],
    ),
    fails(
        "slug_without_letters",
        |s| set_b(s, &plain("slug = \"!!!\"\n", "")),
        &["content/kanpur/b.md:4: slug: slug \"!!!\" has no letters or digits"],
    ),
    fails(
        "slug_taken",
        |s| set_b(s, &plain("slug = \"a\"\n", "")),
        &["is already taken by content/kanpur/a.md"],
    ),
    fails(
        "taxonomy_folder",
        |s| {
            s.write("content/tags/_index.md", "+++\ntitle = \"टैग\"\n+++\n");
        },
        &["content/tags/_index.md: this page's URL /tags/ is where chunav lists tags"],
    ),
    fails(
        "translation_key_twice",
        |s| {
            set_b(s, &plain("translation_key = \"k\"\n", ""));
            s.write(
                "content/kanpur/c.md",
                &plain("translation_key = \"k\"\n", ""),
            );
        },
        &[
            "content/kanpur/c.md: translation_key: translation_key \"k\" is already used by content/kanpur/b.md",
        ],
    ),
    fails(
        "control_char_in_title",
        |s| set_b(s, "+++\ntitle = \"a\\u0001b\"\ndate = 2024-06-06\n+++\n"),
        &["content/kanpur/b.md:2: title: contains the invisible control character U+0001"],
    ),
    fails(
        "nul_in_body",
        |s| set_b(s, &plain("", "पहली\nदूसरी \0 पंक्ति\n")),
        &["content/kanpur/b.md:7: the text contains a NUL character"],
    ),
    fails(
        "control_char_in_body",
        |s| set_b(s, &plain("", "a\u{1b}[31m लाल\n")),
        &["content/kanpur/b.md:6: the text contains the invisible control character U+001B"],
    ),
    fails(
        "tags_not_a_list",
        |s| set_b(s, &plain("tags = \"x\"\n", "")),
        &["content/kanpur/b.md:4: tags:"],
    ),
    fails(
        "draft_not_bool",
        |s| set_b(s, &plain("draft = \"yes\"\n", "")),
        &["content/kanpur/b.md:4: draft:"],
    ),
    fails(
        "authors_not_a_list",
        |s| set_b(s, &plain("authors = 3\n", "")),
        &["content/kanpur/b.md:4: authors:"],
    ),
    fails(
        "empty_file",
        |s| set_b(s, ""),
        &["content/kanpur/b.md:1: no front matter"],
    ),
    fails(
        "non_utf8",
        |s| {
            write_bytes(
                s,
                "content/kanpur/b.md",
                b"+++\ntitle = \"\xff\xfe\"\n+++\n",
            )
        },
        &["content/kanpur/b.md:2: the file is not UTF-8 text"],
    ),
    fails(
        "binary_file",
        |s| write_bytes(s, "content/kanpur/b.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        &["content/kanpur/b.md"],
    ),
    fails(
        "fence_only",
        |s| set_b(s, "+++"),
        &["content/kanpur/b.md:1:", "never closed"],
    ),
    fails(
        "deep_toml_arrays",
        |s| {
            let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
            set_b(s, &plain(&deep, ""));
        },
        &["content/kanpur/b.md"],
    ),
    fails(
        "front_matter_not_a_table",
        |s| set_b(s, "+++\n= 5\n+++\n"),
        &["content/kanpur/b.md:2:"],
    ),
];

const RESULTS: &[Case] = &[
    fails(
        "votes_as_text",
        |s| set_a(s, &result_with("votes = 300", "votes = \"4,22,087\"")),
        &["content/kanpur/a.md:16: results[0].candidates[0].votes:"],
    ),
    fails(
        "votes_negative",
        |s| set_a(s, &result_with("votes = 300", "votes = -300")),
        &["content/kanpur/a.md:16: results[0].candidates[0].votes:"],
    ),
    fails(
        "votes_beyond_u64",
        |s| {
            set_a(
                s,
                &result_with("votes = 300", "votes = 18446744073709551616"),
            )
        },
        &["content/kanpur/a.md:16:"],
    ),
    fails(
        "votes_float",
        |s| set_a(s, &result_with("votes = 300", "votes = 300.5")),
        &["content/kanpur/a.md:16: results[0].candidates[0].votes:"],
    ),
    fails(
        "votes_missing",
        |s| set_a(s, &result_with("votes = 300\n", "")),
        &["content/kanpur/a.md", "votes"],
    ),
    fails(
        "party_unknown",
        |s| set_a(s, &result_with("party = \"BJP\"", "party = \"BJPP\"")),
        &[
            "content/kanpur/a.md:15: results[0].candidates[0].party:",
            "BJP",
        ],
    ),
    fails(
        "segment_unknown",
        |s| set_a(s, &result_with("\"एक\" = 100", "\"तीन\" = 100")),
        &[
            "content/kanpur/a.md:17: results[0].candidates[0].by_segment",
            "तीन",
        ],
    ),
    fails(
        "segment_exceeds_votes",
        |s| set_a(s, &result_with("\"एक\" = 100", "\"एक\" = 900")),
        &["content/kanpur/a.md:17:"],
    ),
    fails(
        "result_id_twice",
        |s| {
            let text = article("").replacen("+++\n\n", "[[results]]\nid = \"r1\"\nelection = \"x\"\nyear = 2019\nconstituency = \"क\"\n[[results.candidates]]\nname = \"क\"\nparty = \"BJP\"\nvotes = 1\n+++\n\n", 1);
            set_a(s, &text);
        },
        &["content/kanpur/a.md:", "r1"],
    ),
    fails(
        "result_year_zero",
        |s| set_a(s, &result_with("year = 2024", "year = 0")),
        &["content/kanpur/a.md:10: results[0].year: year 0 is not a plausible election year"],
    ),
    fails(
        "result_id_missing",
        |s| set_a(s, &result_with("id = \"r1\"\n", "")),
        &["content/kanpur/a.md", "id"],
    ),
    fails(
        "candidate_name_control",
        |s| set_a(s, &result_with("name = \"राम\"", "name = \"रा\\u0001म\"")),
        &[
            "content/kanpur/a.md:14: results[0].candidates[0].name: contains the invisible control character U+0001",
        ],
    ),
    fails(
        "data_unknown",
        |s| set_b(s, &plain("data = [\"nope\"]\n", "")),
        &["content/kanpur/b.md:4: data", "nope"],
    ),
    fails(
        "postal_over_votes",
        |s| set_a(s, &result_with("votes = 300", "votes = 300\npostal = 301")),
        &["content/kanpur/a.md:17: results[0].candidates[0].postal:"],
    ),
    fails(
        "electors_below_total",
        |s| set_a(s, &result_with("year = 2024", "year = 2024\nelectors = 10")),
        &["content/kanpur/a.md:11: results[0].electors:"],
    ),
    fails(
        "incomplete_margin_quoted",
        |s| {
            set_a(
                s,
                &format!(
                    "{}अंतर {{{{ results.r1.margin }}}} रहा।\n",
                    result_with("year = 2024", "year = 2024\ncomplete = false")
                ),
            );
        },
        &["content/kanpur/a.md:26: `results.r1.margin`: result `r1` is marked complete = false"],
    ),
    fails(
        "segments_not_a_list",
        |s| {
            set_a(
                s,
                &result_with("segments = [\"एक\", \"दो\"]", "segments = \"एक\""),
            )
        },
        &["content/kanpur/a.md:12: results[0].segments:"],
    ),
    fails(
        "results_not_tables",
        |s| set_b(s, &plain("results = [1, 2]\n", "")),
        &["content/kanpur/b.md:4: results"],
    ),
];

const EXPRESSIONS_AND_TEMPLATES: &[Case] = &[
    fails(
        "undefined_variable",
        |s| set_b(s, &plain("", "पहली\n\n{{ nope }}\n")),
        &["content/kanpur/b.md:8: in an expression:", "nope"],
    ),
    fails(
        "unknown_result",
        |s| set_a(s, &article("{{ results.r9.total }}\n")),
        &["content/kanpur/a.md:25:", "r9"],
    ),
    fails(
        "expression_unclosed",
        |s| set_b(s, &plain("", "{{ 1 + \n")),
        &["content/kanpur/b.md:6: in an expression:"],
    ),
    fails(
        "unknown_filter",
        |s| set_b(s, &plain("", "{{ 5 | nofilter }}\n")),
        &["content/kanpur/b.md:6: in an expression:", "nofilter"],
    ),
    fails(
        "division_by_zero",
        |s| set_b(s, &plain("", "{{ 1 / 0 }}\n")),
        &["content/kanpur/b.md:6: in an expression:"],
    ),
    fails(
        "tag_unclosed",
        |s| set_b(s, &plain("", "{% if true %}x\n")),
        &["content/kanpur/b.md", "in an expression:"],
    ),
    fails(
        "get_env_refused",
        |s| set_b(s, &plain("", "{{ get_env(name=\"HOME\") }}\n")),
        &["content/kanpur/b.md:6: in an expression:", "get_env"],
    ),
    fails(
        "template_syntax",
        |s| {
            s.write("templates/page.html", "<html>{{ page.title </html>\n");
        },
        &["templates/page.html:1:"],
    ),
    fails(
        "template_missing_include",
        |s| {
            s.write("templates/page.html", "{% include \"nope.html\" %}\n");
        },
        &["templates/page.html", "nope.html"],
    ),
    fails(
        "template_undefined",
        |s| {
            s.write("templates/page.html", "<p>\n{{ page.nope }}</p>\n");
        },
        &["templates/page.html:2:", "nope"],
    ),
    fails(
        "template_extends_missing",
        |s| {
            s.write("templates/page.html", "{% extends \"gone.html\" %}\n");
        },
        &["error: templates/page.html: Template 'page.html' is inheriting from 'gone.html'"],
    ),
    fails(
        "template_non_utf8",
        |s| write_bytes(s, "templates/page.html", b"\xff\xfe<p>"),
        &["templates/page.html"],
    ),
    fails(
        "template_filter_unknown",
        |s| {
            s.write("templates/section.html", "{{ section.title | shout }}\n");
        },
        &["templates/section.html:1:", "shout"],
    ),
    fails(
        "heading_id_of_theme",
        |s| set_b(s, &plain("", "## परिचय {#main}\n")),
        &["content/kanpur/b.md:6: heading id `main` is one the theme uses"],
    ),
    fails(
        "internal_link_missing",
        |s| set_b(s, &plain("", "[x](@/kanpur/nope.md)\n")),
        &["content/kanpur/b.md:6: link to @/kanpur/nope.md"],
    ),
    survives("deep_blockquotes", |s| {
        set_b(s, &plain("", &format!("{} गहरा\n", ">".repeat(10_000))))
    }),
    survives("deep_lists", |s| {
        set_b(s, &plain("", &format!("{}x\n", "- ".repeat(10_000))));
    }),
    survives("deep_brackets", |s| {
        set_b(
            s,
            &plain(
                "",
                &format!("{}x{}\n", "[".repeat(10_000), "]".repeat(10_000)),
            ),
        )
    }),
    survives("deep_emphasis", |s| {
        set_b(
            s,
            &plain(
                "",
                &format!("{}x{}\n", "*".repeat(10_000), "*".repeat(10_000)),
            ),
        )
    }),
    survives("deep_html", |s| {
        set_b(s, &plain("", &format!("{}x\n", "<div>".repeat(10_000))))
    }),
    survives("deep_expression", |s| {
        set_b(
            s,
            &plain(
                "",
                &format!("{{{{ {}1{} }}}}\n", "(".repeat(10_000), ")".repeat(10_000)),
            ),
        )
    }),
    survives("deep_tags", |s| {
        set_b(
            s,
            &plain(
                "",
                &format!(
                    "{}x{}\n",
                    "{% if true %}".repeat(2_000),
                    "{% endif %}".repeat(2_000)
                ),
            ),
        )
    }),
];

const CHARTS: &[Case] = &[
    fails(
        "chart_no_kind",
        |s| set_a(s, &article("```chart\nresults = [\"r1\"]\n```\n")),
        &["content/kanpur/a.md:25: chart: a chart needs `kind`"],
    ),
    fails(
        "chart_unknown_kind",
        |s| set_a(s, &article("```chart\nkind = \"pie\"\n```\n")),
        &["content/kanpur/a.md:25: chart:", "pie"],
    ),
    fails(
        "chart_key_typo",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"segments\"\nparti = \"INC\"\nresults = [\"r1\"]\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:25: chart: unknown key `parti`; did you mean `party`?"],
    ),
    fails(
        "chart_invalid_toml",
        |s| set_a(s, &article("```chart\nkind = \"segments\n```\n")),
        &["content/kanpur/a.md:25: chart:"],
    ),
    fails(
        "chart_results_missing",
        |s| {
            set_a(
                s,
                &article("```chart\nkind = \"segments\"\nparty = \"INC\"\n```\n"),
            )
        },
        &["content/kanpur/a.md:25: chart: a segments chart needs `results`"],
    ),
    fails(
        "chart_party_unknown",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"segments\"\nparty = \"SP\"\nresults = [\"r1\"]\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:25: chart:", "SP"],
    ),
    fails(
        "chart_result_unknown",
        |s| {
            set_a(
                s,
                &article("```chart\nkind = \"candidates\"\nresult = \"r9\"\n```\n"),
            )
        },
        &["content/kanpur/a.md:25: chart: no result `r9` on this page"],
    ),
    fails(
        "chart_top_text",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"candidates\"\nresult = \"r1\"\ntop = \"three\"\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:25: chart:", "top"],
    ),
    fails(
        "chart_top_negative",
        |s| {
            set_a(
                s,
                &article("```chart\nkind = \"candidates\"\nresult = \"r1\"\ntop = -1\n```\n"),
            )
        },
        &["content/kanpur/a.md:25: chart:", "top"],
    ),
    fails(
        "chart_others_below_range",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"candidates\"\nresult = \"r1\"\nothers_below = 250.0\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:25: chart:", "others_below"],
    ),
    fails(
        "chart_sort_unknown",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"segments\"\nparty = \"INC\"\nresults = [\"r1\"]\nsort = \"random\"\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:25: chart:", "sort"],
    ),
    fails(
        "chart_results_not_list",
        |s| {
            set_a(
                s,
                &article("```chart\nkind = \"segments\"\nparty = \"INC\"\nresults = \"r1\"\n```\n"),
            )
        },
        &["content/kanpur/a.md:25: chart:", "results"],
    ),
    fails(
        "chart_id_twice",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"candidates\"\nresult = \"r1\"\nid = \"x\"\n```\n\n```chart\nkind = \"candidates\"\nresult = \"r1\"\nid = \"x\"\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:31: chart: chart id `x` is already used"],
    ),
    fails(
        "chart_without_results",
        |s| {
            set_b(
                s,
                &plain(
                    "",
                    "```chart\nkind = \"candidates\"\nresult = \"r1\"\n```\n",
                ),
            )
        },
        &["content/kanpur/b.md:6: chart:"],
    ),
    fails(
        "chart_incomplete_others_below",
        |s| {
            set_a(
                s,
                &format!(
                    "{}```chart\nkind = \"candidates\"\nresult = \"r1\"\nothers_below = 5.0\n```\n",
                    result_with("year = 2024", "year = 2024\ncomplete = false")
                ),
            )
        },
        &["content/kanpur/a.md:26: chart: `others_below` needs vote shares"],
    ),
    fails(
        "chart_template_function_bad",
        |s| {
            s.write("templates/page.html", "{{ chart(kind=\"pie\") }}\n");
        },
        &["templates/page.html:1:", "chart():"],
    ),
    fails(
        "chart_expression_failing",
        |s| {
            set_a(
                s,
                &article(
                    "```chart\nkind = \"candidates\"\nresult = \"{{ results.r9.id }}\"\n```\n",
                ),
            )
        },
        &["content/kanpur/a.md:", "r9"],
    ),
];

const FILES: &[Case] = &[
    warns(
        "hidden_page",
        |s| {
            s.write("content/kanpur/.draft.md", &plain("", ""))
                .write("content/#notes.md", &plain("", ""));
        },
        &[
            "warning: content/kanpur/.draft.md: skipped: chunav ignores files whose names start with `.` or `#`",
            "warning: content/#notes.md: skipped:",
        ],
    ),
    warns(
        "content_link_loop",
        |s| {
            std::os::unix::fs::symlink(s.root.join("content"), s.root.join("content/kanpur/loop"))
                .unwrap();
        },
        &["warning: content/kanpur/loop: skipped: this is a symbolic link"],
    ),
    warns(
        "static_link_out",
        |s| {
            std::os::unix::fs::symlink("/etc/passwd", s.root.join("static/leak.txt")).unwrap();
        },
        &["warning: static/leak.txt: skipped: this is a symbolic link"],
    ),
    warns(
        "content_md_link_out",
        |s| {
            std::os::unix::fs::symlink("/etc/hostname", s.root.join("content/kanpur/x.md"))
                .unwrap();
        },
        &["warning: content/kanpur/x.md: skipped: this is a symbolic link"],
    ),
    fails(
        "site_toml_fifo",
        |s| {
            fs::remove_file(s.root.join("site.toml")).unwrap();
            mkfifo(&s.root.join("site.toml"));
        },
        &["site.toml: is not a regular file"],
    ),
    survives("content_fifo", |s| {
        mkfifo(&s.root.join("content/kanpur/pipe.md"))
    }),
    survives("static_fifo", |s| mkfifo(&s.root.join("static/pipe.css"))),
    survives("huge_article", |s| {
        let para = "कानपुर में मतदान का विश्लेषण, क्षेत्रवार और दलवार आँकड़ों के साथ। ".repeat(40);
        let body: String = (0..800)
            .map(|i| format!("## खंड {i}\n\n{para}\n\n"))
            .collect();
        assert!(body.len() > 5_000_000);
        set_b(s, &plain("", &body));
    }),
    fails(
        "data_file_invalid",
        |s| {
            s.write("data/x.toml", "[[results]\nid = 1\n");
        },
        &["data/x.toml:1:"],
    ),
    fails(
        "data_file_control_char",
        |s| {
            s.write("data/x.toml", "[[results]]\nid = \"d1\"\nelection = \"लोकसभा 2019\"\nyear = 2019\nconstituency = \"क\"\n[[results.candidates]]\nname = \"क\\u0007ख\"\nparty = \"BJP\"\nvotes = 5\n");
        },
        &[
            "data/x.toml:7: results[0].candidates[0].name: contains the invisible control character U+0007",
        ],
    ),
    fails(
        "data_file_unknown_party",
        |s| {
            s.write("data/x.toml", "[[results]]\nid = \"d1\"\nelection = \"लोकसभा 2019\"\nyear = 2019\nconstituency = \"क\"\n[[results.candidates]]\nname = \"क\"\nparty = \"XYZ\"\nvotes = 5\n");
        },
        &["data/x.toml:8: results[0].candidates[0].party:"],
    ),
];

const CONFIG: &[Case] = &[
    fails(
        "site_toml_missing",
        |s| {
            fs::remove_file(s.root.join("site.toml")).unwrap();
        },
        &["site.toml: cannot read", "chunav init"],
    ),
    fails(
        "site_toml_invalid",
        |s| {
            s.write("site.toml", "title = \"x\n");
        },
        &["site.toml:1:"],
    ),
    fails(
        "site_toml_unknown_key",
        |s| {
            s.write(
                "site.toml",
                &SITE_TOML.replace("language = \"hi\"", "languge = \"hi\""),
            );
        },
        &["site.toml:3: languge: unknown key `languge`; did you mean `language`?"],
    ),
    fails(
        "site_title_empty",
        |s| {
            s.write(
                "site.toml",
                &SITE_TOML.replace("title = \"परीक्षण\"", "title = \"\""),
            );
        },
        &["site.toml:1: title: the site's title is empty"],
    ),
    fails(
        "site_language_bad",
        |s| {
            s.write(
                "site.toml",
                &SITE_TOML.replace("language = \"hi\"", "language = \"fr\""),
            );
        },
        &["language: unsupported language \"fr\""],
    ),
    fails(
        "party_colour_bad",
        |s| {
            s.write("site.toml", &SITE_TOML.replace("#FF9933", "orange"));
        },
        &["parties.BJP.color: \"orange\" is not a colour"],
    ),
    fails(
        "base_url_javascript",
        |s| {
            s.write(
                "site.toml",
                &SITE_TOML.replace("https://example.github.io/site/", "javascript:alert(1)"),
            );
        },
        &["site.toml:2: base_url: \"javascript:alert(1)\" is not an http:// or https:// address"],
    ),
    fails(
        "base_url_data",
        |s| {
            s.write(
                "site.toml",
                &SITE_TOML.replace("https://example.github.io/site/", "data:text/html,x"),
            );
        },
        &["site.toml:2: base_url:"],
    ),
    fails(
        "base_url_no_scheme",
        |s| {
            s.write(
                "site.toml",
                &SITE_TOML.replace("https://example.github.io/site/", "example.github.io/site/"),
            );
        },
        &["site.toml:2: base_url:"],
    ),
    fails(
        "base_url_query",
        |s| {
            s.write("site.toml", &SITE_TOML.replace("site/", "site/?utm=1"));
        },
        &["site.toml:2: base_url:", "query (?) or fragment (#)"],
    ),
    fails(
        "base_url_fragment",
        |s| {
            s.write("site.toml", &SITE_TOML.replace("site/", "site/#top"));
        },
        &["site.toml:2: base_url:", "query (?) or fragment (#)"],
    ),
    with_args(
        fails(
            "base_url_flag_newline",
            |_| {},
            &["--base-url: the base URL contains a line break"],
        ),
        &["--base-url", "https://x.org/\nDisallow: /"],
    ),
    with_args(
        fails(
            "base_url_flag_javascript",
            |_| {},
            &["--base-url: \"javascript:x\" is not an http:// or https:// address"],
        ),
        &["--base-url", "javascript:x"],
    ),
    fails(
        "site_toml_non_utf8",
        |s| write_bytes(s, "site.toml", b"title = \"\xff\"\n"),
        &["site.toml"],
    ),
    fails(
        "site_toml_is_folder",
        |s| {
            fs::remove_file(s.root.join("site.toml")).unwrap();
            fs::create_dir(s.root.join("site.toml")).unwrap();
        },
        &["site.toml: is not a regular file"],
    ),
];

const OUTPUTS: &[Case] = &[
    with_args(
        fails(
            "output_is_a_file",
            |s| {
                s.write("out.txt", "x");
            },
            &["out.txt exists and is not a directory"],
        ),
        &["-o", "{root}/out.txt"],
    ),
    with_args(
        fails(
            "output_is_the_root",
            |_| {},
            &["the output directory is the site root itself"],
        ),
        &["-o", "{root}"],
    ),
    with_args(
        fails("output_in_content", |_| {}, &["is inside content/"]),
        &["-o", "{root}/content/out"],
    ),
    with_args(
        fails(
            "output_is_content",
            |_| {},
            &["is inside content/; choose a folder outside"],
        ),
        &["-o", "{root}/content"],
    ),
    with_args(
        fails(
            "output_is_parent",
            |_| {},
            &["contains the site (content/)"],
        ),
        &["-o", "{root}/.."],
    ),
    with_args(
        fails(
            "output_foreign_folder",
            |s| {
                s.write("mine/notes.txt", "keep me");
            },
            &["was not made by chunav"],
        ),
        &["-o", "{root}/mine"],
    ),
];

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn front_matter() {
    run_table(FRONT_MATTER);
}

#[test]
fn results() {
    run_table(RESULTS);
}

#[test]
fn expressions_and_templates() {
    run_table(EXPRESSIONS_AND_TEMPLATES);
}

#[test]
fn charts() {
    run_table(CHARTS);
}

#[test]
fn files() {
    run_table(FILES);
}

#[test]
fn config() {
    run_table(CONFIG);
}

#[test]
fn outputs() {
    run_table(OUTPUTS);
}

#[test]
fn the_suite_has_at_least_80_cases() {
    let n = [
        FRONT_MATTER,
        RESULTS,
        EXPRESSIONS_AND_TEMPLATES,
        CHARTS,
        FILES,
        CONFIG,
        OUTPUTS,
    ]
    .iter()
    .map(|t| t.len())
    .sum::<usize>();
    assert!(n >= 80, "{n} cases");
}
