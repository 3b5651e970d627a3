//! The default theme, embedded in the binary: the repository's templates/ and static/.
//! A site's own files of the same name win, file by file.

pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("section.html", include_str!("../templates/section.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("404.html", include_str!("../templates/404.html")),
    ("taxonomy.html", include_str!("../templates/taxonomy.html")),
    ("term.html", include_str!("../templates/term.html")),
    ("search.html", include_str!("../templates/search.html")),
    (
        "partials/article_card.html",
        include_str!("../templates/partials/article_card.html"),
    ),
    (
        "partials/pager.html",
        include_str!("../templates/partials/pager.html"),
    ),
    (
        "partials/result_box.html",
        include_str!("../templates/partials/result_box.html"),
    ),
    (
        "partials/section_intro.html",
        include_str!("../templates/partials/section_intro.html"),
    ),
    (
        "partials/tally.html",
        include_str!("../templates/partials/tally.html"),
    ),
    (
        "partials/toc.html",
        include_str!("../templates/partials/toc.html"),
    ),
];

pub const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../static/style.css")),
    ("favicon.svg", include_bytes!("../static/favicon.svg")),
    ("favicon.ico", include_bytes!("../static/favicon.ico")),
    (
        "fonts/noto-sans-devanagari-400.woff2",
        include_bytes!("../static/fonts/noto-sans-devanagari-400.woff2"),
    ),
    (
        "fonts/noto-sans-400.woff2",
        include_bytes!("../static/fonts/noto-sans-400.woff2"),
    ),
    (
        "fonts/noto-sans-700.woff2",
        include_bytes!("../static/fonts/noto-sans-700.woff2"),
    ),
    ("fonts/OFL.txt", include_bytes!("../static/fonts/OFL.txt")),
    ("search.js", include_bytes!("../static/search.js")),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Every file of the repository's theme folder, as a path relative to it.
    fn files_under(dir: &str) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    /// A theme file left out of the lists works in this repository (whose own templates/
    /// and static/ are read) but is missing from every other site.
    #[test]
    fn every_theme_file_is_built_in() {
        for file in files_under("templates") {
            assert!(
                TEMPLATES.iter().any(|(name, _)| *name == file),
                "templates/{file} is not in theme::TEMPLATES"
            );
        }
        for file in files_under("static") {
            assert!(
                STATIC.iter().any(|(name, _)| *name == file),
                "static/{file} is not in theme::STATIC"
            );
        }
    }
}
