//! The build, top to bottom: load → plan → write. `build` and `check` run the same steps;
//! only `build` keeps what is written, in a staging folder swapped in at the end. `serve`
//! reuses the plan and the writer (see `serve::`).
//!
//! - `site::Site::load` reads and checks the sources;
//! - `plan::Plan::new` lists every output with what it depends on (and refuses two
//!   outputs at one path);
//! - `write::Writer` renders outputs into a `Sink`, drawing share cards through the
//!   `cache`; `links` checks every link against what was written.

pub mod cache;
pub mod external_links;
pub mod links;
pub mod plan;
pub mod write;

use crate::diagnostics::{self, Diagnostic, Severity};
use crate::output::{self, Staging};
use crate::render::Renderer;
use crate::site::{LoadOptions, Site};
use cache::CardCache;
use links::LinkRecorder;
use plan::Plan;
use std::path::{Path, PathBuf};
use write::{Discard, SearchEntries, Sink, Writer};

pub struct BuildOptions {
    pub root: PathBuf,
    /// Where the site goes; `None` checks without writing.
    pub output: Option<PathBuf>,
    pub drafts: bool,
    /// Warnings fail the build too.
    pub strict: bool,
    pub base_url: Option<String>,
    pub external: bool,
    /// Keep drawn share cards in `.chunav/cache/` and reuse them (off: draw every card,
    /// and neither read nor write the cache).
    pub cache: bool,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub failed: bool,
}

impl Outcome {
    fn failed(mut diagnostics: Vec<Diagnostic>) -> Outcome {
        diagnostics::sort(&mut diagnostics);
        Outcome {
            diagnostics,
            failed: true,
            ..Outcome::default()
        }
    }
}

pub fn build(options: &BuildOptions) -> Outcome {
    let root = options.root.as_path();
    if let Some(out) = &options.output
        && let Some(reason) = output::refuse_reason(root, out)
    {
        return Outcome::failed(vec![Diagnostic::error(out, reason)]);
    }
    let load = LoadOptions {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
        external: options.external,
    };
    let site = match Site::load(root, load) {
        Ok(site) => site,
        Err(problems) => return Outcome::failed(problems),
    };
    let mut problems = site.problems.clone();
    let renderer = Renderer::new(root, &site.config, site.charts.clone())
        .map_err(|p| problems.extend(p))
        .ok();
    let Some(renderer) = renderer.filter(|_| !stops_build(&problems, options.strict)) else {
        return Outcome::failed(problems);
    };
    // Planned only once the sources are sound: two pages at one URL are already reported.
    let plan = match Plan::new(&site, &renderer) {
        Ok(plan) => plan,
        Err(collisions) => {
            problems.extend(collisions);
            return Outcome::failed(problems);
        }
    };
    let staging = match &options.output {
        Some(out) => match Staging::create(out) {
            Ok(s) => Some(s),
            Err(e) => {
                problems.push(Diagnostic::error(
                    out,
                    format!("cannot create the output folder: {e}"),
                ));
                return Outcome::failed(problems);
            }
        },
        None => None,
    };
    let cache = options.cache.then(|| CardCache::open(root));
    let sink: &dyn Sink = match &staging {
        Some(staging) => staging,
        None => &Discard,
    };
    let (write_problems, files) = write_all(&site, &renderer, &plan, cache.as_ref(), sink);
    problems.extend(site.locate_problems(write_problems));
    let failed = stops_build(&problems, options.strict);
    if let Some(staging) = staging {
        if failed {
            staging.discard();
        } else if let Err(e) = staging.commit() {
            let out = options.output.as_deref().unwrap_or(Path::new("public"));
            problems.push(Diagnostic::error(
                out,
                format!("cannot put the new site in place: {e}"),
            ));
            return Outcome::failed(problems);
        }
    }
    if let Some(cache) = &cache
        && !failed
    {
        cache.prune();
    }
    diagnostics::sort(&mut problems);
    Outcome {
        diagnostics: problems,
        pages: site.pages.len(),
        files: if options.output.is_some() { files } else { 0 },
        failed,
    }
}

/// Writes every output of `plan` and checks every link against what was written; returns
/// the problems and the number of files.
fn write_all(
    site: &Site,
    renderer: &Renderer,
    plan: &Plan,
    cache: Option<&CardCache>,
    sink: &dyn Sink,
) -> (Vec<Diagnostic>, usize) {
    // Everything written passes the recorder, so links are checked against the site
    // exactly as it was written.
    let recorder = LinkRecorder::new(sink);
    let search = SearchEntries::default();
    let writer = Writer::new(site, renderer, cache, &search);
    let written = writer.write(plan, &plan.all(), &recorder, Some(&recorder));
    let files = written.file_count();
    let mut problems = written.problems;
    let (broken, external) = recorder.check();
    problems.extend(broken);
    if site.options().external {
        problems.extend(external_links::check(&external));
    }
    (problems, files)
}

pub fn stops_build(problems: &[Diagnostic], strict: bool) -> bool {
    problems
        .iter()
        .any(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
}
