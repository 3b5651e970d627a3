//! Rendering: the bytes of one output from the loaded site. `templates` compiles the
//! theme (Tera), `pages` renders content pages and chunav's own pages through it, `feeds`
//! writes sitemap, robots.txt, Atom feeds and JSON-LD by hand, `cards` lays out share
//! cards. Everything reads the site through `context::Shared`; nothing here writes files
//! (that is `build::write`).

pub mod cards;
pub mod context;
pub mod feeds;
pub mod pages;
pub mod templates;

pub use context::Shared;
pub use templates::Renderer;
