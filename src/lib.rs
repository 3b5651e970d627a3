//! chunav: a static site generator for election explainers.
//!
//! The pipeline, one module per stage (docs/architecture.md draws it):
//! `config` (site.toml) → `content` (discover + front matter) → `election` (check + derive)
//! → `site` (the loaded site and its listings) → `build::plan` (every output with what it
//! depends on) → `render` (Tera templates, Markdown via `markdown`, charts via
//! `chart_kinds`/`chart`, share cards via `share_card`, feeds) → `build::write` (one writer
//! into a sink: staging folder via `output`, memory for `serve`, nothing for `check`).
//! `build` runs the stages in order; `serve` re-plans after an edit and writes only what
//! changed; `cli` is the command line on top.
//! `import` turns official result files into data files and re-checks them against their
//! sources on every build (`import::provenance`).

pub mod build;
pub mod chart;
pub mod chart_function;
pub mod chart_kinds;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod election;
pub mod escape;
pub mod fast_hash;
pub mod filters;
pub mod fingerprint;
pub mod i18n;
pub mod import;
pub mod markdown;
pub mod numfmt;
pub mod output;
pub mod pagination;
pub mod record;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod share_card;
pub mod site;
pub mod slug;
pub mod tally_function;
pub mod taxonomy;
pub mod theme;
pub mod toml_errors;
