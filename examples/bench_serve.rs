//! How fast `chunav serve` shows an edit, and whether it holds up under load.
//!
//! Generates a 1,000-article site (each article with a result, a chart and quoted
//! figures), starts `chunav serve` on it, and measures:
//! - save → browser: from writing an article to the server's `reload` event having
//!   arrived **and** the page being fetched with the new text (what a browser does when
//!   told to reload). The 20 ms watch debounce is included. Median and 90th percentile
//!   of 30 edits.
//! - 10,000 page requests from 4 connections in parallel: errors, and the server's
//!   resident memory before and after.
//!
//! Run: `cargo build --release && cargo run --release --example bench_serve`
//! (or `scripts/bench-serve.sh`). CHUNAV_BIN picks the binary.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLES: usize = 1000;
const EDITS: usize = 30;
const REQUESTS: usize = 10_000;

fn main() {
    let binary = std::env::var("CHUNAV_BIN").unwrap_or_else(|_| "target/release/chunav".into());
    let site = std::env::temp_dir().join(format!("chunav-bench-serve-{}", std::process::id()));
    make_site(&site);
    let (mut child, port, _log) = start(&binary, &site);
    let pid = child.id();

    let mut events = BufReader::new(connect_events(port));
    wait_for(&mut events, "ok");
    let mut times = Vec::new();
    for i in 0..EDITS {
        let n = (i * 37) % ARTICLES;
        let file = site.join(format!("content/seat-{}/article-{n}.md", n % 20));
        let text = std::fs::read_to_string(&file).unwrap();
        let marker = format!("संपादन-{i}");
        let started = Instant::now();
        std::fs::write(&file, text.replace("पहला अनुच्छेद", &marker)).unwrap();
        wait_for(&mut events, "reload");
        let (status, body) = get(port, &format!("/seat-{}/article-{n}/", n % 20));
        assert!(
            status == 200 && body.contains(&marker),
            "edit {i} not served"
        );
        times.push(started.elapsed());
        std::thread::sleep(Duration::from_millis(50));
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("site: {ARTICLES} articles");
    println!(
        "save → page with new text: median {:.1} ms, p90 {:.1} ms, max {:.1} ms ({EDITS} edits)",
        ms(times[EDITS / 2]),
        ms(times[EDITS * 9 / 10]),
        ms(times[EDITS - 1])
    );

    let rss_before = rss_kb(pid);
    let started = Instant::now();
    let errors: usize = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                (0..REQUESTS / 4)
                    .filter(|i| {
                        get(
                            port,
                            &format!(
                                "/seat-{}/article-{}/",
                                (t + i) % 20,
                                (t * 250 + i) % ARTICLES / 20 * 20 + (t + i) % 20
                            ),
                        )
                        .0 != 200
                    })
                    .count()
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .sum();
    let elapsed = started.elapsed();
    let rss_after = rss_kb(pid);
    println!(
        "{REQUESTS} requests in {:.2} s ({:.0}/s): {errors} errors; server memory {} KB before, {} KB after",
        elapsed.as_secs_f64(),
        REQUESTS as f64 / elapsed.as_secs_f64(),
        rss_before,
        rss_after
    );
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&site);
    if errors > 0 {
        std::process::exit(1);
    }
}

fn make_site(root: &Path) {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("site.toml"),
        "title = \"बेंच\"\nbase_url = \"https://example.org\"\n[parties.BJP]\nname = \"भाजपा\"\ncolor = \"#FF9933\"\n[parties.INC]\nname = \"कांग्रेस\"\ncolor = \"#19AAED\"\n",
    )
    .unwrap();
    for seat in 0..20 {
        let dir = root.join(format!("content/seat-{seat}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("_index.md"),
            format!("+++\ntitle = \"सीट {seat}\"\n+++\n"),
        )
        .unwrap();
    }
    for n in 0..ARTICLES {
        let seat = n % 20;
        let (a, b) = (300_000 + n as u64 * 7, 280_000 + n as u64 * 5);
        let mut text = String::new();
        let _ = write!(
            text,
            "+++\ntitle = \"लेख {n}\"\ndate = 2024-06-{:02}\n\n[[results]]\nid = \"r\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"सीट {seat}\"\nsegments = [\"क\", \"ख\"]\n\n[[results.candidates]]\nname = \"उम्मीदवार अ {n}\"\nparty = \"BJP\"\nvotes = {a}\nby_segment = {{ \"क\" = {}, \"ख\" = {} }}\n\n[[results.candidates]]\nname = \"उम्मीदवार ब {n}\"\nparty = \"INC\"\nvotes = {b}\nby_segment = {{ \"क\" = {}, \"ख\" = {} }}\n+++\n\nपहला अनुच्छेद: अंतर {{{{ results.r.margin | inr }}}} वोट।\n\n```chart\nkind = \"contest\"\nresult = \"r\"\n```\n",
            1 + n % 28,
            a / 2,
            a - a / 2,
            b / 2,
            b - b / 2
        );
        std::fs::write(
            root.join(format!("content/seat-{seat}/article-{n}.md")),
            text,
        )
        .unwrap();
    }
}

fn start(binary: &str, site: &PathBuf) -> (Child, u16, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(binary)
        .arg("--root")
        .arg(site)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run chunav (build it with `cargo build --release` first)");
    let mut log = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    log.read_line(&mut line).unwrap();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("address");
    (child, port, log)
}

fn connect_events(port: u16) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET /__chunav/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    s
}

fn wait_for(events: &mut BufReader<TcpStream>, name: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            events.read_line(&mut line).unwrap() > 0,
            "event stream closed"
        );
        if line.trim() == format!("event: {name}") {
            return;
        }
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
