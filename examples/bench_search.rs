//! What the search index costs, apart from the rest of a build: the articles are read
//! back from a built site's article files (`search/d/*.json`; their headings are in their
//! text), the groups of synonyms from its site.toml.
//!
//!   cargo run --release --example bench_search -- SITE_ROOT BUILT_FOLDER
//!
//! Prints wall and CPU time (user + system of the whole process, all threads) of:
//! - a full build of the index from the entries (what every build and every serve edit
//!   paid before the index was incremental);
//! - a warm build with one article edited: the others' prepared words come from the
//!   search cache, so only that article is folded;
//! - `serve`: one article's body edited, `update` + `changes` (median of 20 edits), and a
//!   new newest article, which renumbers every other.

use chunav::config::SiteConfig;
use chunav::search::{Entry, Index, PageText, Synonyms, build_files_with, prepare};
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (root, built) = match args.as_slice() {
        [_, root, built] => (Path::new(root), Path::new(built)),
        _ => {
            eprintln!("usage: bench_search SITE_ROOT BUILT_FOLDER");
            std::process::exit(2);
        }
    };
    let config = SiteConfig::load(root).unwrap_or_else(|_| panic!("no site.toml in {root:?}"));
    let synonyms = Synonyms::of_site(&config);
    let entries = read_entries(&built.join("search/d"));
    println!(
        "{} articles, {} groups of synonyms, {} cores",
        entries.len(),
        synonyms.groups.len(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    let (files, took) = timed(|| build_files_with(entries.clone(), &synonyms));
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    report("full build (every article folded)", took);
    println!("  {} files, {} bytes", files.len(), bytes);
    drop(files);

    // The search cache: every article with its prepared words, but one edited.
    let mut cached: Vec<Entry> = entries
        .iter()
        .map(|e| Entry {
            prepared: Some(prepare(e, &synonyms)),
            ..e.clone()
        })
        .collect();
    let edited = cached.len() / 2;
    cached[edited].text.body.push_str(" एकदमनयाशब्द");
    cached[edited].prepared = None;
    let (files, took) = timed(|| Index::new(cached, synonyms.clone()).files());
    report("warm build, one article edited (the others prepared)", took);
    drop(files);

    let mut index = Index::new(entries.clone(), synonyms.clone());
    index.commit();
    let mut edits = Vec::new();
    let mut written = Vec::new();
    for n in 0..20 {
        let mut e = entries[(n * 37) % entries.len()].clone();
        e.text.body.push_str(&format!(" संपादन{n} नया वाक्य"));
        let (changes, took) = timed(|| {
            index.update(vec![e], &[]);
            index.changes()
        });
        index.commit();
        edits.push(took);
        written.push(changes.files.len());
    }
    // CPU time is counted in ticks of 10 ms: the 20 edits' sum, divided.
    let cpu = edits.iter().map(|e| e.1).sum::<f64>() / edits.len() as f64;
    edits.sort_by(|a, b| a.0.total_cmp(&b.0));
    written.sort();
    report(
        "serve: one body edited (wall: median of 20, CPU: mean)",
        (edits[10].0, cpu),
    );
    println!(
        "  files written: median {}, max {}",
        written[10],
        written[written.len() - 1]
    );
    let mut newest = entries[0].clone();
    newest.path = "bench/newest/".into();
    newest.date = "2999-01-01".into();
    let (changes, took) = timed(|| {
        index.update(vec![newest], &[]);
        index.changes()
    });
    index.commit();
    report("serve: a new newest article (takes the next id)", took);
    println!("  files written: {}", changes.files.len());
    let mut oldest = entries[0].clone();
    oldest.path = "bench/oldest/".into();
    oldest.date = "1900-01-01".into();
    let (changes, took) = timed(|| {
        index.update(vec![oldest], &[]);
        index.changes()
    });
    report("serve: a new oldest article (every id moves)", took);
    println!("  files written: {}", changes.files.len());
}

/// Wall seconds and CPU seconds of `work`.
fn timed<T>(work: impl FnOnce() -> T) -> (T, (f64, f64)) {
    let (started, cpu) = (Instant::now(), cpu_seconds());
    let out = work();
    (out, (started.elapsed().as_secs_f64(), cpu_seconds() - cpu))
}

fn report(what: &str, (wall, cpu): (f64, f64)) {
    println!("{what}: {:.1} ms wall, {:.1} ms CPU", wall * 1e3, cpu * 1e3);
}

/// User + system time of this process, from /proc (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

fn read_entries(dir: &Path) -> Vec<Entry> {
    let mut entries = Vec::new();
    for file in std::fs::read_dir(dir).expect("a built site's search/d") {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        let d: Value = serde_json::from_str(&text).unwrap();
        let s = |k: &str| d[k].as_str().unwrap_or("").to_string();
        entries.push(Entry {
            title: s("t"),
            path: s("u"),
            lang: s("l"),
            date: s("p"),
            description: s("d"),
            tags: d["g"]
                .as_array()
                .map(|g| {
                    g.iter()
                        .filter_map(|t| t.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default(),
            text: PageText {
                body: s("x"),
                ..PageText::default()
            },
            ..Entry::default()
        });
    }
    entries
}
