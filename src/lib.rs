//! chunav: a static site generator for election explainers.
//!
//! The pipeline, one module per stage:
//! `config` (site.toml) → `content` (discover + front matter) → `election` (check + derive)
//! → `markdown` (body → HTML, charts spliced in) → `render` (Tera) → `output` (staging + swap).
//! `site` runs the stages in order; `cli` is the command line on top.

pub mod diagnostics;
pub mod election;
pub mod numfmt;
