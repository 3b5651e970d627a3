//! `chunav serve`: builds the site into memory, serves it on 127.0.0.1, rebuilds what a
//! change affects and tells open pages to reload once the new pages are in place.
//!
//! What a change affects is not guessed: the site is planned again and the new plan is
//! compared with the last published one (`Plan::diff`). Outputs whose dependencies
//! changed are rendered through the build's own writer; outputs the new plan no longer
//! has (a deleted static file, the term page of a constituency no article names any
//! more) stop being served.
//!
//! One `Live` value owns the served files, the last build's errors and the open event
//! streams; the watcher thread updates it, the HTTP threads read it.

pub mod http;
mod watch;

use crate::build::cache::CardCache;
use crate::build::plan::{Job, Plan};
use crate::build::write::{SearchEntries, Sink, Writer};
use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::render::pages::base_path;
use crate::site::{LoadOptions, Reload, Site};
use http::Target;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use watch::Change;

pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    pub bind: String,
    pub drafts: bool,
    pub open: bool,
    pub base_url: Option<String>,
}

const SCRIPT: &str = include_str!("reload.js");
const WORKERS: usize = 4;
/// How long the watcher waits for a burst of writes (an editor's save) to settle.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// What a rebuild put live: how many outputs it rendered, how many files they wrote.
struct Published {
    outputs: usize,
    files: usize,
}

/// What open pages are told.
#[derive(Debug, Clone)]
enum Event {
    Reload,
    Css,
    Errors(Vec<String>),
}

type Files = HashMap<String, Arc<[u8]>>;

/// The served site and everyone watching it.
struct Live {
    /// Changed in place by each rebuild (the few files it wrote), read per request.
    files: RwLock<Files>,
    errors: RwLock<Vec<String>>,
    clients: Mutex<Vec<Sender<Event>>>,
    base: String,
}

/// Rendered files collected in memory, to be swapped in only if the rebuild succeeded.
#[derive(Default)]
struct Memory(Mutex<Files>);

impl Sink for Memory {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .insert(rel.to_string(), Arc::from(bytes));
        Ok(())
    }
}

impl Memory {
    fn into_files(self) -> Files {
        self.0.into_inner().unwrap_or_default()
    }
}

impl Live {
    fn broadcast(&self, event: Event) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(event.clone()).is_ok());
        }
    }

    fn set_errors(&self, errors: Vec<String>) {
        if let Ok(mut e) = self.errors.write() {
            *e = errors.clone();
        }
        self.broadcast(Event::Errors(errors));
    }

    /// A successful rebuild: `stale` files gone, new `files` in place, errors cleared,
    /// pages told.
    fn publish(&self, files: Files, stale: &[String], event: Event) {
        if let Ok(mut current) = self.files.write() {
            for rel in stale {
                current.remove(rel);
            }
            current.extend(files);
        }
        if let Ok(mut e) = self.errors.write() {
            e.clear();
        }
        self.broadcast(event);
    }
}

/// What the watcher owns between rebuilds: the site as last loaded, the plan whose
/// outputs are being served, the files each of them wrote, the search entries the
/// index is rewritten from, and the templates as last compiled (kept while only
/// content/ and static/ change).
struct Session {
    site: Site,
    plan: Plan,
    /// What changed since `plan` was served, when the plan can follow in part (the
    /// edits of a failed rebuild are kept for the next); `None`: the site may differ from
    /// the plan anywhere, so the next rebuild plans it whole.
    behind: Option<Behind>,
    /// What the last rebuild planned again, `None` if it planned the site.
    revised: Option<Revised>,
    renderer: Option<Renderer>,
    files_of: HashMap<String, BTreeSet<String>>,
    search: SearchEntries,
    cards: CardCache,
}

/// What the site has that the served plan does not, when that is only some pages.
#[derive(Debug, Default)]
struct Behind {
    /// Pages whose own outputs may have changed.
    pages: Vec<usize>,
    /// What listings show of some of them changed too (`Reload::Listings`).
    listings: bool,
}

impl Behind {
    fn add(&mut self, pages: Vec<usize>, listings: bool) {
        self.pages.extend(pages);
        self.pages.sort_unstable();
        self.pages.dedup();
        self.listings |= listings;
    }
}

/// What a rebuild planned again, when not the whole site.
#[derive(Debug, Clone, Copy)]
struct Revised {
    pages: usize,
    /// Also the listings, term pages, feeds and the rest that is no page's.
    listings: bool,
}

pub fn run(options: ServeOptions) -> Result<(), Diagnostic> {
    let root = options.root.clone();
    let load = LoadOptions {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
        external: false,
        cache: true,
        // serve renders every page: no page is kept as a summary.
        summaries: false,
    };
    let site = Site::load(&root, load).map_err(|p| first_problem(p, &root))?;
    let live = Arc::new(Live {
        files: RwLock::new(Files::new()),
        errors: RwLock::new(Vec::new()),
        clients: Mutex::new(Vec::new()),
        base: base_path(&site.config.base_url),
    });
    let mut session = Session {
        cards: CardCache::open(&root),
        site,
        plan: Plan::default(),
        behind: None,
        revised: None,
        renderer: None,
        files_of: HashMap::new(),
        search: SearchEntries::default(),
    };
    rebuild(&mut session, &live);

    let address = format!("{}:{}", options.bind, options.port);
    let server = tiny_http::Server::http(&address).map_err(|e| listen_error(&options, &*e))?;
    let server = Arc::new(server);
    let url = match server.server_addr().to_ip() {
        Some(addr) => format!("http://{addr}{}", live.base),
        None => format!("http://{address}{}", live.base),
    };
    if !is_loopback(&options.bind) {
        complain(&format!(
            "warning: serving on {} makes your unpublished site reachable from other machines; \
             the default, 127.0.0.1, keeps it on this one",
            options.bind
        ));
    }
    say(&format!(
        "serving {} at {url} (Ctrl+C stops)",
        crate::diagnostics::path_for_people(&root)
    ));

    let (changes_tx, changes_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(changes_tx)
        .map_err(|e| Diagnostic::error(&root, format!("cannot watch the site's files: {e}")))?;
    // Events name paths the way they were watched: watch the canonical root, so that they
    // can be matched against it.
    watch_site(
        &root.canonicalize().unwrap_or_else(|_| root.clone()),
        &mut watcher,
    );
    {
        let live = live.clone();
        let root = root.clone();
        std::thread::spawn(move || watch_loop(&root, session, &live, changes_rx, watcher));
    }
    if options.open {
        open_browser(&url);
    }
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = server.clone();
            let live = live.clone();
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &live);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    Ok(())
}

/// A line for the terminal. Unlike `println!`, a closed stdout (a piped log that went
/// away) does not take the server down.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn complain(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Why the server could not start, and what to do: a port in use is the usual case.
fn listen_error(options: &ServeOptions, e: &(dyn std::error::Error + 'static)) -> Diagnostic {
    let address = format!("{}:{}", options.bind, options.port);
    let in_use = e
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::AddrInUse);
    let message = if in_use {
        format!(
            "port {} is already in use (another `chunav serve`?); stop that server or choose \
             another port: `chunav serve --port {}` (--port 0 takes any free one)",
            options.port,
            options.port.saturating_add(1)
        )
    } else {
        format!("cannot listen on {address}: {e}")
    };
    // Not a problem of any file: no path in front of the message.
    Diagnostic::error(".", message)
}

fn first_problem(mut problems: Vec<Diagnostic>, root: &Path) -> Diagnostic {
    if problems.is_empty() {
        Diagnostic::error(root, "cannot load the site")
    } else {
        problems.swap_remove(0)
    }
}

fn is_loopback(bind: &str) -> bool {
    bind == "localhost"
        || bind
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn watch_site(root: &Path, watcher: &mut dyn notify::Watcher) {
    use notify::RecursiveMode;
    // The root only for site.toml (and folders appearing); not recursively, since a
    // project folder may hold target/ or node_modules/ with countless files.
    let _ = watcher.watch(root, RecursiveMode::NonRecursive);
    for dir in watch::WATCHED_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            let _ = watcher.watch(&path, RecursiveMode::Recursive);
        }
    }
}

/// Waits for the first change that matters, then for the burst it belongs to (an
/// editor's save is several writes) to go quiet for `DEBOUNCE`.
fn next_batch(events: &Receiver<notify::Result<notify::Event>>) -> Option<Vec<PathBuf>> {
    // Reads are events too (inotify reports opens): ignoring them keeps our own reading
    // of the files from triggering another rebuild.
    let relevant = |e: notify::Result<notify::Event>| match e {
        Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => e.paths,
        _ => Vec::new(),
    };
    let mut paths = Vec::new();
    while paths.is_empty() {
        paths = relevant(events.recv().ok()?);
    }
    loop {
        match events.recv_timeout(DEBOUNCE) {
            Ok(e) => paths.extend(relevant(e)),
            Err(mpsc::RecvTimeoutError::Timeout) => return Some(paths),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Some(paths),
        }
    }
}

fn watch_loop(
    root: &Path,
    mut session: Session,
    live: &Live,
    events: Receiver<notify::Result<notify::Event>>,
    mut watcher: notify::RecommendedWatcher,
) {
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    while let Some(paths) = next_batch(&events) {
        let mut content = Vec::new();
        let mut assets = false;
        let mut everything = false;
        for path in paths {
            match watch::classify(&root_abs, &path) {
                Some(Change::Content(rel)) if !content.contains(&rel) => content.push(rel),
                Some(Change::Asset { .. }) => assets = true,
                Some(Change::Everything) => everything = true,
                Some(Change::Folder) => {
                    watch_site(&root_abs, &mut watcher);
                    everything = true;
                }
                _ => {}
            }
        }
        let started = Instant::now();
        let site = &mut session.site;
        if everything {
            // templates/, site.toml or data/: the templates are compiled again.
            session.renderer = None;
            session.behind = None;
            if let Err(problems) = site.reload_all() {
                live.set_errors(problems.iter().map(ToString::to_string).collect());
                continue;
            }
        } else {
            let reload = match content.is_empty() {
                true => Reload::Unchanged,
                false => site.reload_content(&content),
            };
            if assets {
                site.reload_assets();
            }
            match reload {
                Reload::Unchanged if !assets => continue,
                Reload::Pages(pages) if !assets => {
                    if let Some(behind) = &mut session.behind {
                        behind.add(pages, false);
                    }
                }
                Reload::Listings(pages) if !assets => {
                    if let Some(behind) = &mut session.behind {
                        behind.add(pages, true);
                    }
                }
                _ => session.behind = None,
            }
        }
        if let Some(Published { outputs, files }) = rebuild(&mut session, live) {
            // What was planned again: the edited pages alone, or the whole site.
            let planned = match session.revised {
                Some(Revised { pages: 1, listings }) => format!("1 page{}", listings_too(listings)),
                Some(Revised { pages, listings }) => {
                    format!("{pages} pages{}", listings_too(listings))
                }
                None => "the site".to_string(),
            };
            say(&format!(
                "rebuilt in {} ms ({outputs} of {} outputs, {files} files; planned {planned})",
                started.elapsed().as_millis(),
                session.plan.outputs.len()
            ));
        }
    }
}

fn listings_too(listings: bool) -> &'static str {
    match listings {
        true => " and the listings",
        false => "",
    }
}

/// Plans the site again and renders what changed since the served plan; on success the
/// new files go live (and files of outputs that are gone are dropped) and pages reload,
/// on failure the last good files stay and pages show the errors. Returns how many
/// outputs were rendered and how many files written, `None` when nothing was published.
fn rebuild(session: &mut Session, live: &Live) -> Option<Published> {
    let site = &session.site;
    let mut problems = Vec::new();
    let renderer = match session.renderer.take() {
        Some(renderer) => {
            renderer.set_charts(site.charts.clone());
            Some(renderer)
        }
        None => Renderer::new(&site.root, &site.config, site.charts.clone())
            .map_err(|p| problems.extend(p))
            .ok(),
    };
    let published = rebuild_with(session, live, renderer.as_ref(), problems);
    session.renderer = renderer;
    published
}

/// `rebuild` with the templates compiled (`None`: they are not; `problems` say why).
/// Publishes, or leaves the last good files and `session.behind` saying what the site
/// has that they do not.
fn rebuild_with(
    session: &mut Session,
    live: &Live,
    renderer: Option<&Renderer>,
    problems: Vec<Diagnostic>,
) -> Option<Published> {
    let behind = session.behind.take();
    let plan = &session.plan;
    let site = &session.site;
    let part = match (renderer, &behind) {
        (Some(renderer), Some(b)) if b.listings => plan
            .relist(site, renderer, &b.pages)
            .map(|relist| (renderer, Part::Listings(relist))),
        (Some(renderer), Some(b)) => plan
            .revise(site, renderer, &b.pages)
            .map(|revised| (renderer, Part::Pages(revised))),
        _ => None,
    };
    session.revised = None;
    let published = match (part, &behind) {
        (Some((renderer, part)), Some(behind)) => {
            session.revised = Some(Revised {
                pages: behind.pages.len(),
                listings: behind.listings,
            });
            // The served site had no error, and only these pages changed since: their
            // problems are all that can be new (and are printed again).
            let mut own = session.site.problems_of(&behind.pages);
            own.extend(problems);
            revise(session, live, renderer, part, own)
        }
        _ => {
            let mut all = session.site.problems.clone();
            all.extend(problems);
            replan(session, live, renderer, all)
        }
    };
    session.behind = match published {
        Some(_) => Some(Behind::default()),
        // The edits of a rebuild in part that failed wait for the next one.
        None => behind.filter(|_| session.revised.is_some()),
    };
    published
}

/// A plan brought up to date in part.
enum Part {
    /// The edited pages' outputs and the search index (`Plan::revise`).
    Pages(Vec<(usize, crate::build::plan::Output)>),
    /// Those, the pages that list them, and every output that is no page's
    /// (`Plan::relist`).
    Listings(crate::build::plan::Relist),
}

/// The edited pages' outputs (and the search index, and with listings every output
/// that is no page's) planned again in place: an edit that changed no page's place in
/// the site (`Reload::Pages`, `Reload::Listings`) costs what it affects, not the site.
fn revise(
    session: &mut Session,
    live: &Live,
    renderer: &Renderer,
    part: Part,
    problems: Vec<Diagnostic>,
) -> Option<Published> {
    if show_problems(&problems, live) {
        return None;
    }
    match part {
        Part::Pages(revised) => {
            let (replaced, changed) = session.plan.apply(revised);
            let diff = crate::build::plan::Diff {
                changed,
                gone: Vec::new(),
            };
            let published = publish(session, live, renderer, &diff, true);
            if published.is_none() {
                // Not served: the plan says what is.
                session.plan.apply(replaced.into_iter().rev().collect());
            }
            published
        }
        Part::Listings(relist) => {
            let (undo, diff) = session.plan.apply_relist(relist);
            // The same articles: only what listings show of some changed.
            let published = publish(session, live, renderer, &diff, true);
            if published.is_none() {
                session.plan.apply_relist(undo);
            }
            published
        }
    }
}

/// The whole site planned again and compared with the served plan.
fn replan(
    session: &mut Session,
    live: &Live,
    renderer: Option<&Renderer>,
    mut problems: Vec<Diagnostic>,
) -> Option<Published> {
    let site = &session.site;
    let plan = match renderer {
        Some(renderer) if !problems.iter().any(Diagnostic::is_error) => Plan::new(site, renderer)
            .map_err(|p| problems.extend(p))
            .ok(),
        _ => None,
    };
    if show_problems(&problems, live) {
        return None;
    }
    let (Some(renderer), Some(plan)) = (renderer, plan) else {
        return None;
    };
    let diff = session.plan.diff(&plan);
    let served = std::mem::replace(&mut session.plan, plan);
    let published = publish(session, live, renderer, &diff, false);
    if published.is_none() {
        session.plan = served;
    }
    published
}

/// Renders the outputs `diff` names from `session.plan` and puts them live (dropping the
/// files of gone outputs); `None` when nothing was published. `bodies_only`: the site has
/// the served articles, only bodies were edited (no article leaves the search index).
fn publish(
    session: &mut Session,
    live: &Live,
    renderer: &Renderer,
    diff: &crate::build::plan::Diff,
    bodies_only: bool,
) -> Option<Published> {
    let site = &session.site;
    let plan = &session.plan;
    let showing_errors = live.errors.read().is_ok_and(|e| !e.is_empty());
    if diff.is_empty() && !showing_errors {
        return None;
    }
    let memory = Memory::default();
    let mut writer = Writer::new(site, renderer, Some(&session.cards), &session.search);
    if bodies_only {
        writer = writer.same_articles();
    }
    let written = writer.write(plan, &diff.changed, &memory, None);
    if show_problems(&site.locate_problems(written.problems), live) {
        return None;
    }
    let mut stale: Vec<String> = Vec::new();
    for path in &diff.gone {
        stale.extend(session.files_of.remove(path).unwrap_or_default());
    }
    let mut partial: HashMap<usize, Vec<String>> = written.partial.into_iter().collect();
    for (n, files) in written.files {
        let path = &plan.outputs[n].path;
        if let Some(gone) = partial.remove(&n) {
            // Written in part (the search index): the files it names changed, `gone`
            // are those it no longer makes; the rest stay as served.
            let kept = session.files_of.entry(path.clone()).or_default();
            for rel in &gone {
                kept.remove(rel);
            }
            kept.extend(files);
            stale.extend(gone);
            continue;
        }
        // What an output named before and no longer names is stale.
        let named: BTreeSet<String> = files.into_iter().collect();
        if let Some(before) = session.files_of.get(path) {
            stale.extend(before.difference(&named).cloned());
        }
        session.files_of.insert(path.clone(), named);
    }
    let files = memory.into_files();
    let file_count = files.len();
    stale.retain(|rel| !files.contains_key(rel));
    let event = if only_stylesheets(plan, &diff.changed) && diff.gone.is_empty() {
        Event::Css
    } else {
        Event::Reload
    };
    live.publish(files, &stale, event);
    session.search.published();
    Some(Published {
        outputs: diff.changed.len(),
        files: file_count,
    })
}

/// Prints warnings; prints errors and shows them on open pages. True if there were errors.
fn show_problems(problems: &[Diagnostic], live: &Live) -> bool {
    for d in problems.iter().filter(|d| !d.is_error()) {
        complain(&d.to_string());
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        return false;
    }
    for e in &errors {
        complain(e);
    }
    live.set_errors(errors);
    true
}

/// Only copied stylesheets changed: pages can swap their CSS without reloading.
fn only_stylesheets(plan: &Plan, changed: &[usize]) -> bool {
    let paths: HashSet<&str> = changed
        .iter()
        .map(|&n| &plan.outputs[n])
        .filter(|o| matches!(o.job, Job::Copy(_) | Job::ThemeFile(_)))
        .map(|o| o.path.as_str())
        .collect();
    !changed.is_empty() && paths.len() == changed.len() && paths.iter().all(|p| p.ends_with(".css"))
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        complain(&format!("could not start a browser; open {url} yourself"));
    }
}

fn handle(request: tiny_http::Request, live: &Live) {
    let url = request.url().to_string();
    let Some(head_only) = http::head_only(request.method().as_str()) else {
        let reply = http::Reply::new(
            405,
            "text/plain; charset=utf-8",
            b"method not allowed: this preview answers GET and HEAD only\n".to_vec(),
        )
        .with_header("Allow", http::ALLOW);
        return send_reply(request, &reply, false);
    };
    // The site lives under its base path, as it will when published: `/` leads there.
    if live.base != "/" && url.split(['?', '#']).next() == Some("/") {
        let reply = http::Reply::new(302, "text/plain; charset=utf-8", Vec::new())
            .with_header("Location", &live.base);
        return send_reply(request, &reply, head_only);
    }
    if url == http::EVENTS && !head_only {
        stream_events(request, live);
        return;
    }
    if url == http::SCRIPT {
        let reply = http::Reply::new(
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.as_bytes().to_vec(),
        );
        return send_reply(request, &reply, head_only);
    }
    // The one file asked for is taken out (an `Arc`) and the lock let go before the
    // reply is made: a rebuild waits for no request.
    let (target, bytes, not_found) = match live.files.read() {
        Ok(files) => {
            let target = http::resolve(&url, &live.base, &files);
            let bytes = match &target {
                Target::File(rel) => files.get(rel).cloned(),
                _ => None,
            };
            (target, bytes, files.get("404.html").cloned())
        }
        Err(_) => (Target::NotFound, None, None),
    };
    let reply = match target {
        Target::File(rel) => {
            let bytes = bytes.unwrap_or_else(|| Arc::from(&b""[..]));
            let mime = http::mime_type(&rel);
            let body = if rel.ends_with(".html") {
                http::inject_reload(&bytes)
            } else {
                bytes.to_vec()
            };
            http::Reply::new(200, mime, body)
        }
        Target::Redirect(to) => http::Reply::new(301, "text/plain; charset=utf-8", Vec::new())
            .with_header("Location", &to),
        Target::Forbidden => {
            http::Reply::new(403, "text/plain; charset=utf-8", b"forbidden\n".to_vec())
        }
        Target::NotFound => match not_found {
            Some(page) => {
                http::Reply::new(404, "text/html; charset=utf-8", http::inject_reload(&page))
            }
            None => http::Reply::new(404, "text/html; charset=utf-8", not_built_page()),
        },
    };
    send_reply(request, &reply, head_only);
}

/// Writes `reply` on the request's connection in one write. tiny_http keeps reading the
/// connection's next request once the writer is dropped, and closes it after a request
/// that asked for `Connection: close` (or an HTTP/1.0 one without keep-alive).
fn send_reply(request: tiny_http::Request, reply: &http::Reply, head_only: bool) {
    let close = wants_close(&request);
    let mut out = request.into_writer();
    let _ = out
        .write_all(&reply.encode(head_only, close))
        .and_then(|()| out.flush());
}

fn wants_close(request: &tiny_http::Request) -> bool {
    let connection = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Connection"))
        .map(|h| h.value.as_str().to_ascii_lowercase());
    let old = request.http_version() == &tiny_http::HTTPVersion(1, 0);
    match connection {
        Some(v) if v.contains("close") => true,
        Some(v) => old && !v.contains("keep-alive"),
        None => old,
    }
}

/// Shown while no build has succeeded yet, so the error overlay has a page to sit on.
fn not_built_page() -> Vec<u8> {
    http::inject_reload(
        b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>chunav</title></head>\
          <body><p>The site has not built yet.</p></body></html>",
    )
}

/// Server-sent events. tiny_http's chunked writer would hold events back in its buffer,
/// so the response is written by hand on the raw connection and flushed per event.
fn stream_events(request: tiny_http::Request, live: &Live) {
    let (tx, rx) = mpsc::channel();
    let current = live.errors.read().map(|e| e.clone()).unwrap_or_default();
    if let Ok(mut clients) = live.clients.lock() {
        clients.push(tx);
    }
    std::thread::spawn(move || {
        let mut out = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
        let first = if current.is_empty() {
            Event::Errors(Vec::new())
        } else {
            Event::Errors(current)
        };
        if out.write_all(head.as_bytes()).is_err() || send(&mut out, &first).is_err() {
            return;
        }
        loop {
            let event = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(event) => send(&mut out, &event),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    out.write_all(b": keep-alive\n\n").and_then(|_| out.flush())
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if event.is_err() {
                return;
            }
        }
    });
}

fn send(out: &mut dyn Write, event: &Event) -> std::io::Result<()> {
    let text = match event {
        Event::Reload => "event: reload\ndata: {}\n\n".to_string(),
        Event::Css => "event: css\ndata: {}\n\n".to_string(),
        Event::Errors(errors) if errors.is_empty() => "event: ok\ndata: {}\n\n".to_string(),
        Event::Errors(errors) => {
            let list: Vec<String> = errors
                .iter()
                .map(|e| crate::escape::json_string(e))
                .collect();
            format!("event: errors\ndata: [{}]\n\n", list.join(","))
        }
    };
    out.write_all(text.as_bytes())?;
    out.flush()
}
