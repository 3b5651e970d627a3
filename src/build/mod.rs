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
pub mod reuse;
pub mod write;

use crate::diagnostics::{self, Diagnostic, Severity};
use crate::output::{self, Staging};
use crate::render::Renderer;
use crate::site::{LoadOptions, Site};
use cache::CardCache;
use links::LinkRecorder;
use plan::Plan;
use reuse::Reuse;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use write::{Discard, Reusable, SearchEntries, Sink, Writer, Written};

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
        cache: options.cache,
        // Pages taken from the last build need not be held whole (a build that writes).
        summaries: options.cache && options.output.is_some(),
    };
    let mut site = match Site::load(root, load) {
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
    // `check` (no output) lays cards out but never draws them (`Sink::keeps_bytes`), so it
    // neither reads nor prunes the cache of drawn cards.
    let cache = (options.cache && options.output.is_some()).then(|| CardCache::open(root));
    let previous = match (&options.output, options.cache) {
        (Some(out), true) => Reuse::open(root, out),
        _ => None,
    };
    let sink: &dyn Sink = match &staging {
        Some(staging) => staging,
        None => &Discard,
    };
    let search = SearchEntries::default();
    // The entries are saved (for the next build) as soon as the index is built from them.
    let search_record = (options.cache && options.output.is_some()).then_some(root);
    let which = plan.all();
    let reusable = Reusable::new(previous.as_ref(), &plan, &which);
    // Summarised pages that will be rendered are loaded whole first.
    let changed = site.load_whole(&reusable.pages_to_render(&plan, &site.pages));
    if !changed.is_empty() {
        problems.extend(changed);
        if let Some(staging) = staging {
            staging.discard();
        }
        return Outcome::failed(problems);
    }
    renderer.set_charts(site.charts.clone());
    let writer = Writer::new(&site, &renderer, cache.as_ref(), &search)
        .reusing(previous.as_ref())
        .spending_search(search_record);
    let (mut written, ids) = write_all(&site, &writer, &plan, reusable, sink);
    if written.search_prints.is_none() {
        written.search_prints = previous.as_ref().and_then(|p| p.kept_index_prints(&plan));
    }
    drop(previous);
    problems.extend(site.locate_problems(written.problems.clone()));
    let files = written.file_count();
    let failed = stops_build(&problems, options.strict);
    if let Some(staging) = staging {
        if failed {
            staging.discard();
        } else if let Err(e) = {
            // The record describes the folder being replaced: gone before it is.
            reuse::forget(root);
            staging.commit()
        } {
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
        if let Some(out) = &options.output {
            record(root, out, &plan, &written, &ids);
        }
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
/// what was written (with the problems) and the ids of every HTML file.
fn write_all(
    site: &Site,
    writer: &Writer<'_>,
    plan: &Plan,
    reusable: Reusable<'_>,
    sink: &dyn Sink,
) -> (Written, links::Ids) {
    // Everything written passes the recorder, so links are checked against the site
    // exactly as it was written.
    let recorder = LinkRecorder::new(sink);
    let mut written = writer.write_reusing(plan, reusable, &recorder, Some(&recorder));
    let (broken, external, ids) = recorder.check();
    written.problems.extend(broken);
    if site.options().external {
        written.problems.extend(external_links::check(&external));
    }
    (written, ids)
}

/// Records what the build published, for the next build to reuse (see `reuse`).
fn record(root: &Path, out: &Path, plan: &Plan, written: &Written, ids: &links::Ids) {
    let links: HashMap<usize, &[links::BodyLink]> = written
        .links
        .iter()
        .map(|(n, l)| (*n, l.as_slice()))
        .collect();
    let records: Vec<reuse::Record<'_>> = written
        .files
        .iter()
        .map(|(n, files)| reuse::Record {
            path: &plan.outputs[*n].path,
            deps: reuse::deps_print(&plan.outputs[*n].deps),
            files,
            links: links.get(n).copied().unwrap_or(&[]),
            prints: written
                .search_prints
                .as_ref()
                .filter(|(index, _)| index == n)
                .map(|(_, prints)| prints),
        })
        .collect();
    reuse::save(root, out, &records, ids);
}

pub fn stops_build(problems: &[Diagnostic], strict: bool) -> bool {
    problems
        .iter()
        .any(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
}
