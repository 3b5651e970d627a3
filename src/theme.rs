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
        "partials/result_box.html",
        include_str!("../templates/partials/result_box.html"),
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
        "fonts/noto-sans-devanagari-700.woff2",
        include_bytes!("../static/fonts/noto-sans-devanagari-700.woff2"),
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
