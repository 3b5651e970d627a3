//! Reusing the previous build's files: a warm build renders only the outputs whose
//! dependencies changed and hard-links every other file from the site already published.
//!
//! After a successful build, `.chunav/cache/outputs` records, for each output, the
//! fingerprint of its `Deps`, the files it wrote with their size, modification time and
//! inode in the published folder, the ids of each HTML file and the links of each page (what
//! the link check needs without rendering the page again), and for the search index what
//! each of its files is made of (`search::Prints`), so that an index made again after an
//! edit writes only the files that differ and links the others. The next build links a file
//! from the published folder into its staging folder only when the output's `Deps` are
//! equal and the file is the very one written then (same inode, size and time): a file
//! edited, replaced or deleted in the published folder is rendered again. A hard link
//! never sees its bytes change: the staging folder is fresh, every path in it is written
//! once, and the published folder is only ever replaced whole.
//!
//! `.chunav/cache/search` keeps each article's search entry with its prepared words (the
//! folded words the index is made of), so that the search index can be rebuilt after one
//! article changed without rendering or folding the others; it is read only when the index
//! must be rebuilt.
//!
//! Both files carry a checksum and the identity of the chunav binary that wrote them (its
//! version and its executable's size and time): anything else is ignored, never trusted.

use super::cache::CACHE_DIR;
use super::plan::{Deps, Job, Output, Plan};
use crate::fingerprint;
use crate::markdown::BodyLink;
use crate::record::{FileReader, Reader, Writer};
use crate::search::{Entry, Index, PageText, Prepared, Prints};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

const OUTPUTS: &str = "outputs";
const SEARCH: &str = "search";
const OUTPUTS_MAGIC: &[u8; 15] = b"chunav-outputs2";
const SEARCH_MAGIC: &[u8; 14] = b"chunav-search2";

/// What the previous build wrote for one output.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    deps: u64,
    pub files: Vec<Kept>,
    /// A page's links, as the link check needs them.
    pub links: Vec<BodyLink>,
    /// The search index's: what each of its files is made of.
    prints: Option<Prints>,
}

/// One file of the published site.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    pub rel: String,
    stamp: Stamp,
    /// The ids of an HTML file (for links with `#anchor`).
    pub ids: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: u64,
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos() as u64;
        Some(Stamp {
            len: meta.len(),
            modified,
            inode: inode(&meta),
        })
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// The previous build of one output folder.
pub struct Reuse {
    /// The published folder the files are linked from.
    dir: PathBuf,
    outputs: HashMap<String, Previous>,
    search_file: PathBuf,
}

/// The fingerprint of an output's dependencies, as recorded.
pub fn deps_print(deps: &Deps) -> u64 {
    fingerprint::of(deps)
}

impl Reuse {
    /// The record of the last build of `out` from the site at `root`, if there is a sound
    /// one made by this very binary.
    pub fn open(root: &Path, out: &Path) -> Option<Reuse> {
        let bytes = fs::read(root.join(CACHE_DIR).join(OUTPUTS)).ok()?;
        let mut r = Reader::checked(&bytes, OUTPUTS_MAGIC)?;
        if r.u64()? != fingerprint::binary_identity() || r.str()? != out_key(out) {
            return None;
        }
        let count = r.u64()? as usize;
        let mut outputs = HashMap::with_capacity(count);
        for _ in 0..count {
            let path = r.str()?.to_string();
            let deps = r.u64()?;
            let mut files = Vec::new();
            for _ in 0..r.u64()? {
                let rel = r.str()?.to_string();
                let stamp = Stamp {
                    len: r.u64()?,
                    modified: r.u64()?,
                    inode: r.u64()?,
                };
                let ids = match r.u8()? {
                    0 => None,
                    _ => Some(r.strings()?),
                };
                files.push(Kept { rel, stamp, ids });
            }
            let mut links = Vec::new();
            for _ in 0..r.u64()? {
                let line = r.u64()? as usize;
                links.push(BodyLink {
                    url: r.str()?.to_string(),
                    line,
                });
            }
            let prints = match r.u8()? {
                0 => None,
                _ => Some(read_prints(&mut r)?),
            };
            outputs.insert(
                path,
                Previous {
                    deps,
                    files,
                    links,
                    prints,
                },
            );
        }
        Some(Reuse {
            dir: out.to_path_buf(),
            outputs,
            search_file: root.join(CACHE_DIR).join(SEARCH),
        })
    }

    /// What the last build wrote for `output`, if its dependencies are unchanged and every
    /// file it wrote is still there, untouched.
    pub fn unchanged(&self, output: &Output) -> Option<&Previous> {
        let previous = self.outputs.get(&output.path)?;
        (previous.deps == deps_print(&output.deps) && self.untouched(previous)).then_some(previous)
    }

    /// The search index (`output`) as the last build published it, whatever its inputs
    /// now: its files, if every one is still there untouched, and what each is made of.
    pub fn published_index(&self, output: &Output) -> Option<(&Previous, Prints)> {
        let previous = self.outputs.get(&output.path)?;
        let prints = previous.prints.clone()?;
        self.untouched(previous).then_some((previous, prints))
    }

    /// The search index of `plan` (its place there) and what each of its files is made of,
    /// when the last build published it and this one takes it as it is: a build that
    /// links the index must record its prints again, or the next build, finding none,
    /// writes every index file instead of the few an edit changed.
    pub fn kept_index_prints(&self, plan: &Plan) -> Option<(usize, Prints)> {
        let n = plan
            .outputs
            .iter()
            .position(|o| matches!(o.job, Job::SearchIndex))?;
        let output = &plan.outputs[n];
        self.unchanged(output)?;
        self.published_index(output).map(|(_, prints)| (n, prints))
    }

    /// Every file `previous` wrote is still the very file written then.
    fn untouched(&self, previous: &Previous) -> bool {
        !previous.files.is_empty()
            && previous
                .files
                .iter()
                .all(|f| Stamp::of(&self.dir.join(&f.rel)) == Some(f.stamp))
    }

    /// The published file at `rel`.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// The search entries kept by the last build that rebuilt the index, by page path,
    /// each with the fingerprint of its page's `Deps`.
    pub fn search_entries(&self) -> HashMap<String, (u64, Entry)> {
        read_entries(&self.search_file).unwrap_or_default()
    }
}

/// What one output wrote, to record.
pub struct Record<'a> {
    pub path: &'a str,
    pub deps: u64,
    pub files: &'a [String],
    pub links: &'a [BodyLink],
    /// The search index's files, what each is made of.
    pub prints: Option<&'a Prints>,
}

/// Records what a build published in `out` (call once the site is in place). Best effort:
/// a record that cannot be written only makes the next build slower.
pub fn save(root: &Path, out: &Path, records: &[Record<'_>], ids: &super::links::Ids) {
    let mut w = Writer::new(OUTPUTS_MAGIC);
    w.u64(fingerprint::binary_identity());
    w.str(&out_key(out));
    w.u64(records.len() as u64);
    // Every published file is stamped (a `stat` each): on all cores.
    let stamps: Vec<Vec<(&String, Stamp)>> = {
        use rayon::prelude::*;
        records
            .par_iter()
            .map(|record| {
                record
                    .files
                    .iter()
                    .filter_map(|rel| Stamp::of(&out.join(rel)).map(|s| (rel, s)))
                    .collect()
            })
            .collect()
    };
    for (record, stamped) in records.iter().zip(stamps) {
        w.str(record.path);
        w.u64(record.deps);
        // A file that cannot be stamped makes the output unusable next time.
        let files: &[(&String, Stamp)] = if stamped.len() == record.files.len() {
            &stamped
        } else {
            &[]
        };
        w.u64(files.len() as u64);
        for (rel, stamp) in files {
            w.str(rel);
            w.u64(stamp.len);
            w.u64(stamp.modified);
            w.u64(stamp.inode);
            match ids.get(rel.as_str()) {
                Some(ids) => {
                    let mut sorted: Vec<&String> = ids.iter().collect();
                    sorted.sort();
                    w.u8(1);
                    w.u64(sorted.len() as u64);
                    for id in sorted {
                        w.str(id);
                    }
                }
                None => w.u8(0),
            }
        }
        w.u64(record.links.len() as u64);
        for link in record.links {
            w.u64(link.line as u64);
            w.str(&link.url);
        }
        match record.prints {
            Some(prints) => {
                w.u8(1);
                write_prints(&mut w, prints);
            }
            None => w.u8(0),
        }
    }
    let _ = crate::record::store(&root.join(CACHE_DIR).join(OUTPUTS), &w.finish());
}

/// Keeps the search entries of the articles of `plan` with their prepared words (as
/// `index` has them), each with the fingerprint of its page's `Deps` (an entry is reused
/// only for a page with the same). Best effort, like `save`; safe before the build is put
/// in place, since an entry is only ever taken for a page made from the very inputs it was
/// made from.
pub fn save_search(root: &Path, plan: &Plan, index: &Index) {
    let page_deps: HashMap<&str, u64> = plan
        .outputs
        .iter()
        .filter_map(|o| match o.job {
            Job::Page(_) => Some((
                o.path.strip_suffix("index.html").unwrap_or(&o.path),
                deps_print(&o.deps),
            )),
            _ => None,
        })
        .collect();
    let kept: Vec<(u64, &Entry, &Prepared)> = index
        .entries()
        .filter_map(|(e, p)| page_deps.get(e.path.as_str()).map(|d| (*d, e, p)))
        .collect();
    write_search(root, &kept);
}

fn write_search(root: &Path, entries: &[(u64, &Entry, &Prepared)]) {
    let path = root.join(CACHE_DIR).join(SEARCH);
    // Written as it goes (a large site's entries are tens of megabytes), beside the
    // record and renamed into place.
    let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
    let _ = fs::create_dir_all(root.join(CACHE_DIR));
    let Ok(mut w) = Writer::to_file(SEARCH_MAGIC, &temporary) else {
        return;
    };
    w.u64(fingerprint::binary_identity());
    w.u64(entries.len() as u64);
    for (deps, e, prepared) in entries {
        w.u64(*deps);
        for field in [&e.path, &e.title, &e.description, &e.lang, &e.date] {
            w.str(field);
        }
        w.strings(&e.tags);
        w.strings(&e.text.headings);
        w.str(&e.text.body);
        w.str(&e.text.beside);
        write_prepared(&mut w, prepared);
    }
    match w.finish_file() {
        Ok(()) => {
            let _ = fs::rename(&temporary, &path);
        }
        Err(_) => {
            let _ = fs::remove_file(&temporary);
        }
    }
}

/// An article's prepared words: the words in one string (a folded word has no line
/// break), then their fields, then their snippet places.
fn write_prepared(w: &mut Writer, prepared: &Prepared) {
    w.u64(prepared.synonyms);
    w.str(prepared.text());
    let fields: Vec<u8> = prepared.iter().map(|(_, f, _)| f).collect();
    w.bytes(&fields);
    let places: Vec<u8> = prepared
        .iter()
        .flat_map(|(_, _, p)| p.to_le_bytes())
        .collect();
    w.bytes(&places);
}

fn read_prepared(r: &mut FileReader) -> Option<Prepared> {
    let synonyms = r.u64()?;
    let words = r.string()?;
    let fields = r.bytes()?;
    let places = r.bytes()?;
    if places.len() % 4 != 0 {
        return None;
    }
    let places = places
        .chunks_exact(4)
        .map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]]));
    Prepared::from_parts(synonyms, words, &fields, places)
}

fn write_prints(w: &mut Writer, prints: &Prints) {
    for list in [&prints.shards, &prints.firsts, &prints.docs] {
        let bytes: Vec<u8> = list.iter().flat_map(|p| p.to_le_bytes()).collect();
        w.bytes(&bytes);
    }
    w.bytes(&prints.meta);
}

fn read_prints(r: &mut Reader<'_>) -> Option<Prints> {
    let mut list = || -> Option<Vec<u64>> {
        let bytes = r.bytes()?;
        (bytes.len() % 8 == 0).then(|| {
            bytes
                .chunks_exact(8)
                .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
                .collect()
        })
    };
    let (shards, firsts, docs) = (list()?, list()?, list()?);
    let meta = r.bytes()?.to_vec();
    Some(Prints {
        shards,
        firsts,
        docs,
        meta,
    })
}

/// Removes the record of the last build (before its folder is replaced, and for
/// `--no-cache`), so that it is never read against another folder.
pub fn forget(root: &Path) {
    let _ = fs::remove_file(root.join(CACHE_DIR).join(OUTPUTS));
}

/// The kept entries, read from the file as it goes: a large site's are hundreds of
/// megabytes, not to be held twice (as bytes and as entries). None unless the whole file
/// reads and its checksum holds.
fn read_entries(path: &Path) -> Option<HashMap<String, (u64, Entry)>> {
    let mut r = FileReader::open(path, SEARCH_MAGIC)?;
    if r.u64()? != fingerprint::binary_identity() {
        return None;
    }
    let count = r.u64()? as usize;
    let mut entries = HashMap::with_capacity(count);
    for _ in 0..count {
        let deps = r.u64()?;
        let mut field = || r.string();
        let (path, title, description, lang, date) =
            (field()?, field()?, field()?, field()?, field()?);
        let tags = r.strings()?;
        let headings = r.strings()?;
        let body = r.string()?;
        let beside = r.string()?;
        let prepared = read_prepared(&mut r)?;
        let entry = Entry {
            title,
            description,
            path: path.clone(),
            lang,
            date,
            tags,
            text: PageText {
                headings,
                body,
                beside,
            },
            prepared: Some(prepared),
        };
        entries.insert(path, (deps, entry));
    }
    r.finish().then_some(entries)
}

fn out_key(out: &Path) -> String {
    std::path::absolute(out)
        .unwrap_or_else(|_| out.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_entries_round_trip_and_damage_is_refused() {
        let entry = Entry {
            title: "कानपुर".into(),
            description: "d".into(),
            path: "kanpur/a/".into(),
            lang: "hi".into(),
            date: "2024-06-04".into(),
            tags: vec!["x".into(), "य".into()],
            text: PageText {
                headings: vec!["h".into()],
                body: "पाठ".into(),
                beside: "नतीजा".into(),
            },
            prepared: None,
        };
        let dir = std::env::temp_dir().join(format!("chunav-reuse-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let prepared = crate::search::prepare(&entry, &crate::search::Synonyms::default());
        assert!(prepared.len() > 3);
        write_search(&dir, &[(7, &entry, &prepared)]);
        let path = dir.join(CACHE_DIR).join(SEARCH);
        let bytes = fs::read(&path).unwrap();
        let back = read_entries(&path).unwrap();
        let (deps, got) = &back["kanpur/a/"];
        assert_eq!(*deps, 7);
        assert_eq!(got.title, entry.title);
        assert_eq!(got.tags, entry.tags);
        assert_eq!(got.text, entry.text);
        assert_eq!(got.prepared.as_ref(), Some(&prepared));
        let mut bad = bytes.clone();
        bad[20] ^= 1;
        fs::write(&path, &bad).unwrap();
        assert!(read_entries(&path).is_none());
        fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(read_entries(&path).is_none());
        let _ = fs::remove_dir_all(&dir);
    }
}
