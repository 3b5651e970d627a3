//! chunav: a static site generator for election explainers.
//!
//! The pipeline, one module per stage:
//! `config` (site.toml) → `content` (discover + front matter) → `election` (check + derive)
//! → `markdown` (body → HTML, charts spliced in) → `render` (Tera) → `output` (staging + swap).
//! `site` runs the stages in order; `cli` is the command line on top. `share_card` draws an
//! article's `og:image` PNG from its title and main chart (not yet called by `site`).
//! `import` turns official result files into data files and re-checks them against their
//! sources on every build (`import::provenance`).

pub mod chart;
pub mod chart_function;
pub mod chart_kinds;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod election;
pub mod external_links;
pub mod filters;
pub mod i18n;
pub mod import;
pub mod links;
pub mod markdown;
pub mod numfmt;
pub mod output;
pub mod page_render;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod share_card;
pub mod site;
pub mod site_index;
pub mod slug;
pub mod taxonomy;
pub mod theme;
pub mod toml_errors;
