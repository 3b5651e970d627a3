//! The build engine: one plan of outputs (two files at one path are refused, naming
//! both), and the share-card cache (cold and warm builds give the same bytes; a damaged
//! entry is drawn again, never published).

mod common;

use common::Site;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn a_static_file_cannot_take_the_home_pages_place() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let before = site.read("public/index.html");
    site.write("static/index.html", "<p>old landing page</p>\n");
    let stderr = site.fails(&["build"]);
    assert!(
        stderr.contains(
            "error: static/index.html: this file would be copied to index.html in the site, \
             where the page of content/_index.md is written"
        ),
        "{stderr}"
    );
    assert_eq!(
        site.read("public/index.html"),
        before,
        "the last good site stays"
    );
}

#[test]
fn a_content_file_cannot_take_the_sitemaps_place() {
    let site = Site::fixture("basic");
    site.write("content/sitemap.xml", "<urlset/>\n");
    let stderr = site.fails(&["build"]);
    assert!(
        stderr.contains(
            "error: content/sitemap.xml: this file would be copied to sitemap.xml in the site, \
             where the sitemap is written"
        ),
        "{stderr}"
    );
    assert!(!site.exists("public"), "nothing was written");
}

#[test]
fn a_static_file_and_a_content_file_at_one_path_are_both_named() {
    let site = Site::fixture("basic");
    site.write("static/kanpur/map.svg", "<svg/>");
    site.write("content/kanpur/map.svg", "<svg></svg>");
    let stderr = site.fails(&["check"]);
    assert!(
        stderr.contains("content/kanpur/map.svg")
            && stderr.contains("static/kanpur/map.svg")
            && stderr.contains("kanpur/map.svg in the site"),
        "{stderr}"
    );
}

#[test]
fn the_sites_own_static_file_replaces_the_themes() {
    let site = Site::fixture("basic");
    site.write("static/style.css", "body { color: #000; }\n");
    site.ok(&["build"]);
    assert_eq!(site.read("public/style.css"), "body { color: #000; }\n");
}

/// Every file of a built site, by path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn cache_entries(site: &Site) -> Vec<PathBuf> {
    let dir = site.root.join(".chunav/cache/cards");
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

/// The fixture whose article has results, so it gets a share card, with the theme's
/// templates.
fn site_with_cards() -> Site {
    let site = Site::fixture("charts");
    site.remove("templates/page.html");
    site
}

#[test]
fn cold_and_warm_builds_give_the_same_bytes() {
    let site = site_with_cards();
    site.ok(&["build", "--no-cache"]);
    assert!(
        cache_entries(&site).is_empty(),
        "--no-cache writes no cache"
    );
    let cold = snapshot(&site.root.join("public"));
    assert!(cold.keys().any(|p| p.ends_with("card.png")), "{cold:?}");

    site.ok(&["build"]);
    let entries = cache_entries(&site);
    let cards = cold.keys().filter(|p| p.ends_with("card.png")).count();
    assert_eq!(entries.len(), cards, "one entry per card: {entries:?}");
    assert_eq!(
        snapshot(&site.root.join("public")),
        cold,
        "first cached build"
    );

    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), cold, "warm build");
}

#[test]
fn a_damaged_cache_entry_is_drawn_again() {
    let site = site_with_cards();
    site.ok(&["build"]);
    let good = snapshot(&site.root.join("public"));
    for (n, entry) in cache_entries(&site).iter().enumerate() {
        let bytes = fs::read(entry).unwrap();
        if n % 2 == 0 {
            // Cut short, as a full disk leaves it.
            fs::write(entry, &bytes[..bytes.len() / 2]).unwrap();
        } else {
            // A wrong byte in the middle of the image.
            let mut bad = bytes.clone();
            let middle = bad.len() / 2;
            bad[middle] ^= 0x55;
            fs::write(entry, bad).unwrap();
        }
    }
    site.ok(&["build"]);
    assert_eq!(
        snapshot(&site.root.join("public")),
        good,
        "damaged entries were drawn again, not published"
    );
    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), good);
}

#[test]
fn entries_of_cards_no_longer_made_are_pruned() {
    let site = site_with_cards();
    site.ok(&["build"]);
    let before = cache_entries(&site);
    let page = "content/kanpur/kshetravar.md";
    let text = site.read(page);
    // Something the card shows: the name of the election its result box leads with.
    let renamed = text.replacen(
        "election = \"लोकसभा 2024\"",
        "election = \"लोकसभा आम चुनाव 2024\"",
        1,
    );
    assert_ne!(renamed, text);
    site.write(page, &renamed);
    site.ok(&["build"]);
    let after = cache_entries(&site);
    assert_eq!(after.len(), before.len(), "{before:?} → {after:?}");
    assert_eq!(
        after.iter().filter(|e| !before.contains(e)).count(),
        1,
        "the changed card has a new entry, the old one is gone"
    );
}

#[test]
fn check_leaves_the_drawn_cards_and_the_published_site_alone() {
    let site = site_with_cards();
    site.ok(&["build"]);
    let entries = snapshot(&site.root.join(".chunav/cache/cards"));
    assert!(!entries.is_empty());
    let published = snapshot(&site.root.join("public"));
    // An edit the card shows, checked but not built: check draws no card, so it neither
    // adds an entry for the new card nor prunes the published one's.
    let page = "content/kanpur/kshetravar.md";
    let text = site.read(page);
    site.write(
        page,
        &text.replacen(
            "election = \"लोकसभा 2024\"",
            "election = \"लोकसभा आम चुनाव 2024\"",
            1,
        ),
    );
    site.ok(&["check"]);
    assert_eq!(snapshot(&site.root.join(".chunav/cache/cards")), entries);
    assert_eq!(snapshot(&site.root.join("public")), published);
    // Back as it was: the next build reuses the entry check left in place.
    site.write(page, &text);
    site.ok(&["check"]);
    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), published);
}

/// The site as a build with no cache writes it (output in `cold/`).
fn cold_snapshot(site: &Site) -> BTreeMap<PathBuf, Vec<u8>> {
    let cold = site.root.join("cold");
    site.ok(&["build", "--no-cache", "-o", cold.to_str().unwrap()]);
    snapshot(&cold)
}

#[test]
fn a_warm_build_after_edits_gives_what_a_cold_build_gives() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    site.ok(&["build"]);
    // A body edit, a retitled article (hub, home, feeds, search follow), a new static file.
    let page = "content/kanpur/result-2024.md";
    let text = site.read(page);
    site.write(
        page,
        &text.replacen("title = \"", "title = \"बदला हुआ शीर्षक ", 1),
    );
    let other = "content/kanpur/result-2019.md";
    site.write(
        other,
        &format!("{}\n\nनया अनुच्छेद जोड़ा गया।\n", site.read(other)),
    );
    site.write("static/new.txt", "नई फ़ाइल\n");
    site.ok(&["build"]);
    let warm = snapshot(&site.root.join("public"));
    assert_eq!(warm, cold_snapshot(&site), "warm build after edits");
    let hub = site.read("public/kanpur/index.html");
    assert!(hub.contains("बदला हुआ शीर्षक"), "{hub}");
    assert!(
        site.read("public/kanpur/result-2019/index.html")
            .contains("नया अनुच्छेद")
    );
    // Nothing changed since: reused whole, still the same bytes.
    site.ok(&["build"]);
    assert_eq!(
        snapshot(&site.root.join("public")),
        warm,
        "unchanged warm build"
    );
    // The article retitled again: the search index is made again with the other
    // articles' entries as the build after the first edit kept them, and says what a
    // cold build says.
    site.write(
        page,
        &site
            .read(page)
            .replacen("बदला हुआ शीर्षक", "फिर बदला शीर्षक", 1),
    );
    site.ok(&["build"]);
    let again = snapshot(&site.root.join("public"));
    assert_eq!(
        again,
        cold_snapshot(&site),
        "warm build after a second edit"
    );
    assert_ne!(again, warm);
}

#[test]
fn a_published_file_edited_or_deleted_by_hand_is_written_again() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let good = snapshot(&site.root.join("public"));
    let page = "public/kanpur/result-2024/index.html";
    let html = site.read(page);
    // Same length, new bytes: only the file's time and inode tell.
    site.write(page, &html.replacen("<html", "<HTML", 1));
    site.remove("public/kanpur/index.html");
    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), good);
}

#[test]
fn links_of_reused_pages_are_still_checked() {
    let site = Site::fixture("basic");
    site.write("static/map.txt", "नक्शा\n");
    let page = "content/kanpur/result-2024.md";
    site.write(
        page,
        &format!("{}\n\n[नक्शा](../../map.txt)\n", site.read(page)),
    );
    site.ok(&["build"]);
    // The page is unchanged and reused; the file it links to is gone.
    site.remove("static/map.txt");
    let err = site.fails(&["build"]);
    assert!(err.contains("content/kanpur/result-2024.md"), "{err}");
    assert!(err.contains("map.txt"), "{err}");
}

#[test]
fn a_warm_build_reports_the_prose_checks_findings_as_a_cold_one() {
    let site = Site::fixture("trust/clean");
    let planted = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trust/planted");
    let mut stack = vec![planted.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(&planted).unwrap().to_string_lossy();
                site.write(&rel, &fs::read_to_string(&path).unwrap());
            }
        }
    }
    let cold = site.run(&["build", "--no-cache"]).stderr;
    assert!(cold.contains("warning:"), "{cold}");
    let first = site.run(&["build"]).stderr;
    let warm = site.run(&["build"]).stderr;
    assert_eq!(first, cold);
    assert_eq!(warm, cold, "findings kept in the cache");
}

/// The file identity (inode) of every published file: an output the build reused keeps
/// its file (hard-linked from the last build), one it wrote again gets a new one.
#[cfg(unix)]
fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    snapshot(dir)
        .into_keys()
        .map(|rel| {
            let ino = fs::metadata(dir.join(&rel)).unwrap().ino();
            (rel.to_string_lossy().replace('\\', "/"), ino)
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_re_imported_seat_redraws_only_its_pages_and_the_tallies_that_count_it() {
    let site = Site::fixture("generated");
    // The Hindi hub shows the seat tally; the English one does not.
    let hub = "content/seats/_index.md";
    site.write(
        hub,
        &format!(
            "{}\n{{% set t = tally(election=\"लोकसभा 2024\") %}}{{% for p in t.parties %}}{{{{ p.name }}}}: {{{{ p.won }}}}; {{% endfor %}}\n",
            site.read(hub)
        ),
    );
    site.ok(&["build"]);
    let public = site.root.join("public");
    let before = inodes(&public);
    assert!(site.read("public/seats/index.html").contains("BJP: 3;"));
    // A recount: Kanpur's runner-up 30,000 votes more, and so its winner.
    let seat = "data/seats/uttar-pradesh/043-kanpur.toml";
    site.write(
        seat,
        &site.read(seat).replace("votes = 422087", "votes = 452087"),
    );
    site.ok(&["build"]);
    let after = inodes(&public);
    let redrawn: Vec<&str> = after
        .iter()
        .filter(|(path, ino)| before.get(*path) != Some(ino))
        // The search index and the build's own record are remade whenever a page changes.
        .filter(|(path, _)| !path.starts_with("search/") && *path != ".chunav-output")
        .map(|(path, _)| path.as_str())
        .collect();
    assert_eq!(
        redrawn,
        [
            "en-seats/kanpur/card.png",
            "en-seats/kanpur/index.html",
            "seats/index.html",
            "seats/kanpur/card.png",
            "seats/kanpur/index.html",
        ],
        "only Kanpur's pages and cards and the hub with the tally"
    );
    assert!(
        site.read("public/seats/kanpur/index.html")
            .contains("जीत का अंतर 9,032 वोट रहा।")
    );
    let tally = site.read("public/seats/index.html");
    assert!(
        tally.contains("BJP: 2;") && tally.contains("INC: 1;"),
        "{tally}"
    );
    // Every card published keeps its cache entry, those published again unchanged too.
    let cards = after.keys().filter(|p| p.ends_with("card.png")).count();
    assert_eq!(cache_entries(&site).len(), cards);
    assert_eq!(
        snapshot(&public),
        cold_snapshot(&site),
        "same as a cold build"
    );
}

#[cfg(unix)]
#[test]
fn a_body_edit_rewrites_only_the_search_files_it_changes() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let public = site.root.join("public");
    let before = inodes(&public);
    let page = "content/kanpur/result-2019.md";
    site.write(
        page,
        &format!("{}\n\nअनोखाशब्द पहली बार लिखा गया।\n", site.read(page)),
    );
    site.ok(&["build"]);
    let after = inodes(&public);
    let index: Vec<&String> = after.keys().filter(|p| p.starts_with("search/")).collect();
    let rewritten: Vec<&&String> = index
        .iter()
        .filter(|p| before.get(**p) != after.get(**p))
        .collect();
    assert!(
        !rewritten.is_empty() && rewritten.len() < index.len(),
        "{rewritten:?} of {index:?}"
    );
    assert!(
        rewritten.iter().any(|p| p.starts_with("search/d/")),
        "the article's own file: {rewritten:?}"
    );
    assert_eq!(snapshot(&public), cold_snapshot(&site), "one body edit");
    // The cold build into another folder took the record of public/ away: built again.
    site.ok(&["build"]);
    // An index file changed by hand in public/ is written again, even where the next
    // edit leaves it as it was.
    let kept = index
        .iter()
        .find(|p| !rewritten.contains(p))
        .map(|p| format!("public/{p}"))
        .unwrap();
    let bytes = site.read(&kept);
    site.write(&kept, &bytes.replacen('"', "'", 1));
    site.write(page, &site.read(page).replace("अनोखाशब्द", "दूसराशब्द"));
    site.ok(&["build"]);
    assert_eq!(site.read(&kept), bytes);
    assert_eq!(snapshot(&public), cold_snapshot(&site), "second body edit");
}

#[cfg(unix)]
#[test]
fn a_body_edit_after_an_unchanged_build_rewrites_only_the_search_files_it_changes() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    // Nothing changed: the index is linked as it was, and its prints recorded again.
    site.ok(&["build"]);
    let public = site.root.join("public");
    let before = inodes(&public);
    let page = "content/kanpur/result-2019.md";
    site.write(
        page,
        &format!("{}\n\nअनोखाशब्द पहली बार लिखा गया।\n", site.read(page)),
    );
    site.ok(&["build"]);
    let after = inodes(&public);
    let index: Vec<&String> = after.keys().filter(|p| p.starts_with("search/")).collect();
    let rewritten = index
        .iter()
        .filter(|p| before.get(**p) != after.get(**p))
        .count();
    assert!(
        rewritten > 0 && rewritten * 2 <= index.len(),
        "{rewritten} of {} index files written",
        index.len()
    );
    assert_eq!(snapshot(&public), cold_snapshot(&site));
}

/// A second article that gives one candidate of the Kanpur 2019 result again, with
/// `votes` (the fixture's own article gives 4,68,937).
fn repeat_of_kanpur_2019(votes: u64) -> String {
    format!(
        "+++\ntitle = \"पचौरी के वोट\"\ndate = 2024-06-11\n\n[[results]]\nid = \"ls2019\"\n\
         election = \"लोकसभा 2019\"\nyear = 2019\nconstituency = \"कानपुर\"\nstate = \"उत्तर प्रदेश\"\n\
         complete = false\nsource = {{ text = \"TCPD\" }}\n\n[[results.candidates]]\n\
         name = \"सत्यदेव पचौरी\"\nparty = \"BJP\"\nvotes = {votes}\n+++\n\nएक अनुच्छेद।\n"
    )
}

#[test]
fn an_unchanged_page_is_checked_again_against_a_page_whose_figures_changed() {
    let site = site_with_cards();
    // `a-repeat.md` sorts before kshetravar.md: a disagreement is reported at the
    // fixture's article, which is not edited.
    let repeat = "content/kanpur/a-repeat.md";
    site.write(repeat, &repeat_of_kanpur_2019(468937));
    site.ok(&["build"]);
    site.ok(&["build"]);
    assert!(site.exists(".chunav/cache/summaries"));
    site.write(repeat, &repeat_of_kanpur_2019(468938));
    let warm = site.fails(&["build"]);
    assert!(
        warm.contains("content/kanpur/kshetravar.md")
            && warm.contains("the same figure must agree across the site"),
        "{warm}"
    );
    let out = site.root.join("cold");
    let cold = site.fails(&["build", "--no-cache", "-o", out.to_str().unwrap()]);
    assert_eq!(warm, cold);
    // Put right again: the warm build is the cold one.
    site.write(repeat, &repeat_of_kanpur_2019(468937));
    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), cold_snapshot(&site));
}

/// A data file with one result of Unnao 2024, whose winner is `winner`.
fn unnao(winner: &str) -> String {
    format!(
        "[[results]]\nid = \"ls2024_unnao\"\nelection = \"लोकसभा 2024\"\nyear = 2024\n\
         constituency = \"उन्नाव\"\nstate = \"उत्तर प्रदेश\"\nsource = \"ECI\"\n\n\
         [[results.candidates]]\nname = \"{winner}\"\nparty = \"BJP\"\nvotes = 616133\n\n\
         [[results.candidates]]\nname = \"अन्नू टंडन\"\nparty = \"INC\"\nvotes = 580315\n"
    )
}

#[test]
fn kept_summaries_are_not_used_once_data_or_site_toml_changed() {
    let site = site_with_cards();
    site.write("data/unnao.toml", &unnao("साक्षी महाराज"));
    // The title is worked out from data/: listings show it without rendering the page.
    site.write(
        "content/kanpur/unnao.md",
        "+++\ntitle = \"उन्नाव: {{ results.ls2024_unnao.winner.name }} जीते\"\n\
         date = 2024-06-12\ndata = [\"ls2024_unnao\"]\n+++\n\nएक अनुच्छेद।\n",
    );
    site.ok(&["build"]);
    site.ok(&["build"]);
    site.write("data/unnao.toml", &unnao("स्वामी साक्षी महाराज"));
    site.ok(&["build"]);
    let hub = site.read("public/kanpur/index.html");
    assert!(hub.contains("उन्नाव: स्वामी साक्षी महाराज जीते"), "{hub}");
    assert_eq!(snapshot(&site.root.join("public")), cold_snapshot(&site));
    // site.toml: every summary is made again too.
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &config.replacen("title = \"", "title = \"नया नाम ", 1),
    );
    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), cold_snapshot(&site));
}

#[test]
fn a_damaged_summaries_file_is_not_used() {
    let site = site_with_cards();
    site.write("content/kanpur/a-repeat.md", &repeat_of_kanpur_2019(468937));
    site.ok(&["build"]);
    site.ok(&["build"]);
    let file = site.root.join(".chunav/cache/summaries");
    let bytes = fs::read(&file).unwrap();
    // A title kept in it, changed without its checksum: refused whole.
    let at = bytes
        .windows("पचौरी".len())
        .position(|w| w == "पचौरी".as_bytes())
        .expect("the title is kept");
    let mut bad = bytes.clone();
    bad[at] ^= 0x01;
    fs::write(&file, &bad).unwrap();
    // Every page rendered again (their published files gone), from what it says.
    fs::remove_dir_all(site.root.join("public")).unwrap();
    site.ok(&["build"]);
    let cold = cold_snapshot(&site);
    assert_eq!(snapshot(&site.root.join("public")), cold);
    // Cut short.
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    site.write(
        "content/kanpur/a-repeat.md",
        &repeat_of_kanpur_2019(468937).replace("एक अनुच्छेद", "दूसरा अनुच्छेद"),
    );
    site.ok(&["build"]);
    assert_eq!(snapshot(&site.root.join("public")), cold_snapshot(&site));
}
