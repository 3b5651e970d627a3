//! The site builder end to end: fixture sites built by the real binary, asserting on the
//! HTML a reader gets.

mod common;

use common::Site;

#[test]
fn builds_with_embedded_theme_when_site_has_no_templates() {
    let site = Site::fixture("basic");
    assert!(!site.exists("templates"));
    let run = site.ok(&["build"]);
    assert!(run.stdout.contains("built"), "{}", run.stdout);
    let home = site.read("public/index.html");
    assert!(home.contains("<html lang=\"hi\">"));
    assert!(
        home.contains("href=\"./kanpur/result-2024/\""),
        "home links to the article: {home}"
    );
    assert!(home.contains("./style.css"));
    let article = site.read("public/kanpur/result-2024/index.html");
    assert!(article.contains("<h1>कानपुर 2024 का नतीजा</h1>"));
    assert!(article.contains("href=\"../../style.css\""));
    assert!(article.contains("5 जून 2024"));
    assert!(site.exists("public/404.html"));
    assert!(
        site.exists("public/style.css"),
        "theme's static files are copied"
    );
    assert_eq!(
        site.read("public/extra.css"),
        "body { color: #123; }\n",
        "site static files are copied"
    );
}

#[test]
fn devanagari_heading_ids_keep_the_virama_and_duplicates_get_suffixes() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let article = site.read("public/kanpur/result-2024/index.html");
    assert!(
        article.contains(r#"<h2 id="विधानसभा-क्षेत्रवार-वोट">"#),
        "{article}"
    );
    assert!(!article.contains("कषेतरवार"));
    assert!(article.contains(r#"<h2 id="नतीजा">"#));
    assert!(article.contains(r#"<h2 id="नतीजा-1">"#));
}

#[test]
fn internal_links_are_relative_and_keep_anchors() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let article = site.read("public/kanpur/result-2024/index.html");
    assert!(
        article.contains(r#"href="../../kanpur/result-2019/#intro""#),
        "{article}"
    );
    assert!(
        site.read("public/kanpur/result-2019/index.html")
            .contains(r#"id="intro""#)
    );
}

#[test]
fn section_hub_lists_its_articles_newest_first() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let hub = site.read("public/kanpur/index.html");
    let order: Vec<usize> = ["result-2024/", "mayor-2023/", "result-2019/"]
        .iter()
        .map(|slug| {
            hub.find(&format!("href=\"../kanpur/{slug}\""))
                .unwrap_or_else(|| panic!("{slug} missing: {hub}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "not newest first: {order:?}"
    );
    assert!(
        hub.contains("कानपुर सीट पर हमारे सारे लेख।"),
        "the hub's own text is shown"
    );
}

#[test]
fn a_new_article_leaves_the_older_pages_of_a_listing_as_they_were() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::fixture("basic");
    let toml = site.read("site.toml");
    site.write("site.toml", &format!("articles_per_page = 2\n{toml}"));
    let mayor = site.read("content/kanpur/mayor-2023.md");
    let dated = |title: &str, date: &str| {
        mayor.replacen("महापौर चुनाव 2023", title, 1).replacen(
            "date = 2023-05-14",
            &format!("date = {date}"),
            1,
        )
    };
    site.write("content/kanpur/old.md", &dated("पुराना लेख", "2017-01-10"));
    site.ok(&["build"]);
    let inode = |rel: &str| std::fs::metadata(site.root.join(rel)).unwrap().ino();
    let cards = |html: &str| html.matches("<li class=\"card\"").count();
    // Four articles, two a page: the two newest on the section's page, the two oldest at
    // page/2/.
    let older = "public/kanpur/page/2/index.html";
    let before = site.read(older);
    assert_eq!(cards(&before), 2);
    assert!(before.contains("पुराना लेख") && before.contains("कानपुर 2019 का नतीजा"));
    let (page_before, own_before) = (inode(older), site.read("public/kanpur/index.html"));

    // A new report: the section's page takes it, page/2/ is the same file as before (the
    // build kept it, it was not rendered or written again).
    site.write("content/kanpur/new.md", &dated("नई रिपोर्ट", "2024-07-15"));
    site.ok(&["build"]);
    let own = site.read("public/kanpur/index.html");
    assert_ne!(own, own_before);
    assert_eq!(cards(&own), 3);
    assert!(own.contains("नई रिपोर्ट"));
    assert_eq!(site.read(older), before);
    assert_eq!(inode(older), page_before, "page/2/ was written again");

    // Another: a page fills, so the section's page gives its two oldest to page/3/, and
    // page/2/ keeps its articles (its row of page numbers now counts three pages).
    site.write(
        "content/kanpur/newer.md",
        &dated("और नई रिपोर्ट", "2024-07-16"),
    );
    site.ok(&["build"]);
    let after = site.read(older);
    assert!(after.contains("पुराना लेख") && after.contains("कानपुर 2019 का नतीजा"));
    assert_eq!(cards(&after), 2);
    assert!(after.contains("पन्ना 3 / 3"), "{after}");
    let middle = site.read("public/kanpur/page/3/index.html");
    assert_eq!(cards(&middle), 2);
    assert!(middle.contains("महापौर चुनाव 2023") && middle.contains("कानपुर 2024 का नतीजा"));
    assert_eq!(cards(&site.read("public/kanpur/index.html")), 2);
}

#[test]
fn a_long_listing_is_cut_into_pages_that_link_to_each_other() {
    let site = Site::fixture("basic");
    let toml = site.read("site.toml");
    site.write("site.toml", &format!("articles_per_page = 2\n{toml}"));
    site.ok(&["build"]);
    let cards = |html: &str| html.matches("<li class=\"card\"").count();
    // Three articles, two a page: the listing's own page keeps up to three (a page of the
    // older ones is only ever full), so there is one page and no page row.
    let first = site.read("public/kanpur/index.html");
    assert_eq!(cards(&first), 3, "{first}");
    assert!(!first.contains("class=\"pager\""), "{first}");
    assert!(!site.exists("public/kanpur/page/2/index.html"));

    // One a page: the newest on the section's own page, with its text.
    site.write("site.toml", &format!("articles_per_page = 1\n{toml}"));
    site.ok(&["build"]);
    let first = site.read("public/kanpur/index.html");
    assert_eq!(cards(&first), 1, "{first}");
    assert!(first.contains("href=\"../kanpur/result-2024/\""));
    assert!(!first.contains("href=\"../kanpur/result-2019/\""));
    assert!(first.contains("कानपुर सीट पर हमारे सारे लेख।"));
    assert!(first.contains("पन्ना 1 / 3"), "{first}");
    // The reader's next page is the newer of the two older ones: page/3/, since older
    // pages are numbered from the oldest (page/2/) and keep their articles as new ones come.
    assert!(
        first.contains("<a rel=\"next\" href=\"../kanpur/page/3/\">अगला →</a>"),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""));
    let second = site.read("public/kanpur/page/3/index.html");
    assert_eq!(cards(&second), 1);
    assert!(
        second.contains("href=\"../../../kanpur/mayor-2023/\""),
        "{second}"
    );
    assert!(
        second.contains("<title>कानपुर लोकसभा · पन्ना 2 ·"),
        "{second}"
    );
    assert!(second.contains("<a rel=\"prev\" href=\"../../../kanpur/\">← पिछला</a>"));
    assert!(second.contains("<a rel=\"next\" href=\"../../../kanpur/page/2/\">अगला →</a>"));
    assert!(second.contains("<span aria-current=\"page\">2</span>"));
    assert!(
        !second.contains("कानपुर सीट पर हमारे सारे लेख।"),
        "the text is on the first page"
    );
    // The oldest at page/2/, which says which page it is and leads back.
    let oldest = site.read("public/kanpur/page/2/index.html");
    assert_eq!(cards(&oldest), 1);
    assert!(
        oldest.contains("href=\"../../../kanpur/result-2019/\""),
        "{oldest}"
    );
    assert!(
        oldest.contains("<title>कानपुर लोकसभा · पन्ना 3 ·"),
        "{oldest}"
    );
    assert!(oldest.contains("<a rel=\"prev\" href=\"../../../kanpur/page/3/\">← पिछला</a>"));
    assert!(!oldest.contains("rel=\"next\""));
    assert!(!site.exists("public/kanpur/page/4/index.html"));
    // A term with one article shows no page row.
    let tag = site.read("public/tags/कानपुर/index.html");
    assert!(!tag.contains("class=\"pager\""), "{tag}");
    assert!(!site.exists("public/tags/कानपुर/page/2/index.html"));

    // 0: every article on one page.
    site.write("site.toml", &format!("articles_per_page = 0\n{toml}"));
    site.ok(&["build"]);
    assert_eq!(cards(&site.read("public/kanpur/index.html")), 3);
    assert!(!site.exists("public/kanpur/page"));

    // A section's own number wins over site.toml's, for that section only.
    site.write("site.toml", &format!("articles_per_page = 1\n{toml}"));
    let hub = site.read("content/kanpur/_index.md");
    site.write(
        "content/kanpur/_index.md",
        &hub.replacen("+++\n", "+++\narticles_per_page = 3\n", 1),
    );
    let older = site.read("content/kanpur/result-2019.md");
    site.write(
        "content/kanpur/result-2019.md",
        &older.replacen("+++\n", "+++\ntags = [\"कानपुर\"]\n", 1),
    );
    site.ok(&["build"]);
    assert_eq!(cards(&site.read("public/kanpur/index.html")), 3);
    assert!(!site.exists("public/kanpur/page/2/index.html"));
    // The tag's two articles follow site.toml: one a page.
    assert_eq!(cards(&site.read("public/tags/कानपुर/index.html")), 1);
    assert!(site.exists("public/tags/कानपुर/page/2/index.html"));

    // On an article it lists nothing: an error naming the field and the line.
    let article = site.read("content/kanpur/result-2024.md");
    site.write(
        "content/kanpur/result-2024.md",
        &article.replacen("+++\n", "+++\narticles_per_page = 5\n", 1),
    );
    let err = site.fails(&["build"]);
    assert!(err.contains("result-2024.md:2"), "{err}");
    assert!(
        err.contains("`articles_per_page`") && err.contains("_index.md"),
        "{err}"
    );
}

#[test]
fn a_page_of_its_own_at_a_listing_page_address_is_an_error_naming_both() {
    let site = Site::fixture("basic");
    let toml = site.read("site.toml");
    site.write("site.toml", &format!("articles_per_page = 2\n{toml}"));
    site.write(
        "content/kanpur/page/2.md",
        "+++\ntitle = \"दूसरा पन्ना\"\ndate = 2024-06-01\n+++\nपाठ\n",
    );
    let err = site.fails(&["build"]);
    assert!(err.contains("kanpur/page/2/"), "{err}");
    assert!(err.contains("2.md"), "{err}");
    assert!(!site.exists("public/kanpur/page"), "nothing half-written");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    assert!(!site.exists("public/kanpur/unfinished/index.html"));
    assert!(!site.read("public/kanpur/index.html").contains("अधूरा लेख"));
    site.ok(&["build", "--drafts"]);
    assert!(site.exists("public/kanpur/unfinished/index.html"));
    assert!(site.read("public/kanpur/index.html").contains("अधूरा लेख"));
}

#[test]
fn a_site_template_overrides_the_builtin_one_file_by_file() {
    let site = Site::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">{{ page.title }}</p>{{ page.content | safe }}{% endblock content %}",
    );
    site.ok(&["build"]);
    let article = site.read("public/kanpur/result-2024/index.html");
    assert!(
        article.contains("<p class=\"custom\">कानपुर 2024 का नतीजा</p>"),
        "{article}"
    );
    assert!(
        article.contains("<a class=\"skip-link\""),
        "base.html still comes from the theme"
    );
}

#[test]
fn slug_in_front_matter_sets_the_url() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/mayor-2023.md",
        "+++\ntitle = \"महापौर\"\ndate = 2023-05-14\nslug = \"Mayor Poll 2023\"\n+++\nx\n",
    );
    site.ok(&["build"]);
    assert!(site.exists("public/kanpur/mayor-poll-2023/index.html"));
    assert!(!site.exists("public/kanpur/mayor-2023/index.html"));
}

#[test]
fn check_writes_nothing() {
    let site = Site::fixture("basic");
    let run = site.ok(&["check"]);
    assert!(run.stdout.contains("no errors"), "{}", run.stdout);
    assert!(!site.exists("public"));
}

#[test]
fn init_then_build_gives_a_working_site() {
    let site = Site::empty("init");
    let run = site.run_inside(&["init", "mysite"]);
    assert!(
        run.ok && run.stdout.contains("cd mysite") && run.stdout.contains("chunav serve"),
        "{}",
        run.stdout
    );
    let built = Site {
        root: site.root.join("mysite"),
    };
    assert!(!built.exists("templates"));
    // What a desk pushes: the site, what git leaves out, the two workflows, a README.
    let ignored = built.read(".gitignore");
    assert!(ignored.contains("/public/") && ignored.contains("/.chunav/"));
    let action = format!(
        "uses: {}@v{}",
        env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/"),
        env!("CARGO_PKG_VERSION")
    );
    let pages = built.read(".github/workflows/pages.yml");
    assert!(pages.contains(&action), "{pages}");
    assert!(pages.contains("actions/deploy-pages") && pages.contains("branches: [main]"));
    let check = built.read(".github/workflows/check.yml");
    assert!(check.contains(&action) && check.contains("pull_request:"));
    assert!(check.contains("build: \"false\""), "{check}");
    assert!(built.read("README.md").contains("chunav serve"));
    assert!(
        built
            .read("site.toml")
            .contains("base_url = \"https://example.github.io/mysite/\"")
    );
    // It passes the check its own workflows run, and builds with the address Pages gives.
    built.ok(&["check", "--strict"]);
    built.ok(&[
        "build",
        "--strict",
        "--base-url",
        "https://desk.github.io/mysite/",
    ]);
    let home = built.read("public/index.html");
    assert!(home.contains("कानपुर 2024"), "{home}");
    let article = built.read("public/kanpur-2024/index.html");
    assert!(
        article.contains("20,968"),
        "the sample's margin is worked out"
    );
    assert!(
        built
            .read("public/sitemap.xml")
            .contains("https://desk.github.io/mysite/kanpur-2024/")
    );
    std::mem::forget(built);
    let again = site.run_inside(&["init", "mysite"]).stderr;
    assert!(
        again.contains(
            // .chunav holds the share cards the build above drew.
            "error: mysite: this folder is not empty (it holds .chunav, .github, .gitignore and "
        ),
        "{again}"
    );
}

#[test]
fn init_refuses_a_file_and_accepts_a_fresh_clone() {
    let site = Site::empty("init-file");
    site.write("notes.txt", "mine");
    let err = site.run_inside(&["init", "notes.txt"]);
    assert!(!err.ok);
    let err = err.stderr;
    assert!(
        err.contains("error: notes.txt: this is a file, not a folder"),
        "{err}"
    );
    assert_eq!(site.read("notes.txt"), "mine");
    // `git clone` of an empty repository, then `chunav init .` inside it.
    site.write("clone/.git/HEAD", "ref: refs/heads/main\n");
    let clone = Site {
        root: site.root.join("clone"),
    };
    let run = clone.run_inside(&["init", "."]);
    assert!(
        run.ok && run.stdout.contains("created a site in this folder"),
        "{}",
        run.stdout
    );
    assert!(clone.exists(".github/workflows/pages.yml"));
    std::mem::forget(clone);
}

#[test]
fn new_writes_a_skeleton_and_never_overwrites() {
    let site = Site::fixture("basic");
    let run = site.ok(&["new", "content/kanpur/result-2029.md"]);
    assert!(run.stdout.contains("created"));
    let text = site.read("content/kanpur/result-2029.md");
    assert!(text.starts_with("+++\ntitle = \"result 2029\""), "{text}");
    assert!(
        text.contains("# [[results]]"),
        "the data block is commented"
    );
    site.ok(&["check", "--drafts"]);
    site.write("content/kanpur/result-2029.md", "mine");
    let err = site.fails(&["new", "content/kanpur/result-2029.md"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(site.read("content/kanpur/result-2029.md"), "mine");
    let err = site.fails(&["new", "../outside.md"]);
    assert!(err.contains("inside the site"), "{err}");
}

/// Each broken site fails with the exact message, and an existing public/ is untouched.
#[test]
fn bad_sites_report_file_line_and_leave_public_alone() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "content/kanpur/result-2019.md",
            "+++\ntitle = \"x\"\ndate = 2019-05-23\ntagz = [\"a\"]\n+++\n",
            "error: content/kanpur/result-2019.md:4: tagz: unknown key `tagz`; did you mean `tags`?",
        ),
        (
            "content/kanpur/result-2019.md",
            "title = \"x\"\n",
            "error: content/kanpur/result-2019.md:1: no front matter: a content file starts with a `+++` line",
        ),
        (
            "content/kanpur/result-2019.md",
            "+++\ntitle = \"x\"\n",
            "error: content/kanpur/result-2019.md:1: the front matter opened by `+++` on line 1 is never closed",
        ),
        (
            "content/kanpur/result-2019.md",
            "+++\ntitle = \"x\"\n+++\n",
            "error: content/kanpur/result-2019.md:2: date: an article needs a `date`",
        ),
        (
            "content/kanpur/result-2019.md",
            "+++\ntitle = \"x\"\ndate = 2019-05-23\n+++\n\ntext\n\n[a](@/kanpur/missing.md)\n",
            "error: content/kanpur/result-2019.md:8: link to @/kanpur/missing.md: there is no content/kanpur/missing.md",
        ),
        (
            "content/kanpur/result-2019.md",
            "+++\ntitle = \"x\"\ndate = 2019-05-23\n+++\n\nline\n\n{{ no_such_thing }}\n",
            "error: content/kanpur/result-2019.md:8: in an expression:",
        ),
        (
            "content/kanpur/other.md",
            "+++\ntitle = \"x\"\ndate = 2019-05-23\nslug = \"result-2019\"\n+++\n",
            "error: content/kanpur/result-2019.md: this page's URL /kanpur/result-2019/ is already taken by content/kanpur/other.md",
        ),
        (
            "site.toml",
            "title = \"x\"\nbase_ulr = \"https://a.b/\"\n",
            "error: site.toml:2: base_ulr: unknown key `base_ulr`; did you mean `base_url`?",
        ),
        (
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}",
            "error: templates/page.html:4: Found `{` but expected }}",
        ),
    ];
    for (file, text, expected) in cases {
        let site = Site::fixture("basic");
        site.ok(&["build"]);
        let before = site.read("public/kanpur/result-2019/index.html");
        site.write(file, text);
        let stderr = site.fails(&["build"]);
        assert!(
            stderr.contains(expected),
            "for {file}:\nexpected {expected}\ngot {stderr}"
        );
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert_eq!(
            site.read("public/kanpur/result-2019/index.html"),
            before,
            "public/ changed after a failed build"
        );
        let check = site.fails(&["check"]);
        assert!(check.contains(expected), "check reports the same: {check}");
    }
}

#[test]
fn every_problem_of_a_build_is_reported_together() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/result-2019.md",
        "+++\ntitle = \"x\"\ndate = 2019-05-23\ntagz = 1\n+++\n",
    );
    site.write("content/kanpur/mayor-2023.md", "no front matter\n");
    let stderr = site.fails(&["build"]);
    assert!(stderr.contains("result-2019.md:4"), "{stderr}");
    assert!(stderr.contains("mayor-2023.md:1"), "{stderr}");
    assert!(stderr.contains("2 error(s)"), "{stderr}");
}

#[test]
fn refuses_output_folders_it_must_not_replace() {
    let site = Site::fixture("basic");
    site.write("mine/keep.txt", "precious");
    let err = site.fails(&["build", "-o", site.root.join("mine").to_str().unwrap()]);
    assert!(err.contains("was not made by chunav"), "{err}");
    assert_eq!(site.read("mine/keep.txt"), "precious");
    let err = site.fails(&["build", "-o", site.root.to_str().unwrap()]);
    assert!(err.contains("site root"), "{err}");
    let err = site.fails(&[
        "build",
        "-o",
        site.root.join("content/out").to_str().unwrap(),
    ]);
    assert!(err.contains("inside content/"), "{err}");
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let site = Site::fixture("basic");
    site.ok(&["build"]);
    let first = site.read("public/kanpur/index.html") + &site.read("public/index.html");
    site.ok(&["build"]);
    let second = site.read("public/kanpur/index.html") + &site.read("public/index.html");
    assert_eq!(first, second);
}

#[test]
fn broken_internal_links_and_anchors_are_errors_with_lines() {
    let site = Site::fixture("basic");
    site.write(
        "content/kanpur/result-2019.md",
        "+++\ntitle = \"x\"\ndate = 2019-05-23\n+++\n## Intro {#intro}\n[a](../result-2024/#नतीजा-1)\n\n[b](../result-2024/#no-such-heading)\n\n![map](../../images/map.png)\n\n[c](/kanpur/)\n\n[ok](https://eci.gov.in/)\n",
    );
    let err = site.fails(&["check"]);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(
        lines,
        [
            "error: content/kanpur/result-2019.md:8: link ../result-2024/#no-such-heading: kanpur/result-2024/index.html has no element with id \"no-such-heading\"",
            "error: content/kanpur/result-2019.md:10: link ../../images/map.png: there is no such page or file in the site (looked for images/map.png)",
            "error: content/kanpur/result-2019.md:12: link /kanpur/: a path from the domain root breaks when the site is published under a subpath (https://USER.github.io/REPO/); link to the file instead, e.g. @/kanpur/result-2024.md",
        ]
    );
}
