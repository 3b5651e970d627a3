//! What a build needs of an unchanged content file when it will not render its page,
//! kept in `.chunav/cache/summaries`: the title and description as rendered, the
//! fingerprint of its checked results, what the site-wide steps read of them
//! (`election::ResultDigest`) and every problem its checks found. A warm build then keeps
//! only that of the file (a summarised page: no body, no checked results) and loads it
//! whole again only if one of its outputs must be rendered (`Site::load_whole`).
//!
//! An entry is keyed like the prose check's: the file's text, the site's inputs (site.toml
//! and data/, which its results follow from) and the chunav binary. Files whose checks
//! read anything else are never summarised: a `[generate]` section, a page whose results
//! name the files they were imported from (the provenance check reads them).
//!
//! The file also keeps the findings of the cross-page figure check (`election::
//! check_site`), keyed by every page's path and results fingerprint and data/: that check
//! reads every candidate of the site, which summarised pages no longer hold, so when its
//! key is new the site loads every page whole and runs it (`Site::assemble`).
//!
//! A damaged file is ignored whole (`record::Reader::checked`). Only the entries a load
//! used are written back.

use super::prose_cache::{read_diagnostic, write_diagnostic};
use crate::diagnostics::Diagnostic;
use crate::election::ResultDigest;
use crate::fingerprint::{self, Fingerprinter};
use crate::record::{Reader, Writer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const FILE: &str = ".chunav/cache/summaries";
const MAGIC: &[u8; 17] = b"chunav-summaries1";

/// One content file, as a build that does not render its page needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    pub description: String,
    /// `PageFacts::results` of its checked results.
    pub results: u64,
    pub digests: Arc<[ResultDigest]>,
    /// What checking the file found (its results, prose, tags, title and description).
    pub problems: Vec<Diagnostic>,
}

pub struct SummaryCache {
    path: PathBuf,
    previous: HashMap<u128, Summary>,
    site_check: Option<(u64, Vec<Diagnostic>)>,
    used: Mutex<Vec<u128>>,
    fresh: Mutex<HashMap<u128, Summary>>,
    site_check_fresh: Mutex<Option<(u64, Vec<Diagnostic>)>>,
}

impl SummaryCache {
    pub fn open(root: &Path) -> SummaryCache {
        let path = root.join(FILE);
        let (previous, site_check) = std::fs::read(&path)
            .ok()
            .and_then(|bytes| read(&bytes))
            .unwrap_or_default();
        SummaryCache {
            path,
            previous,
            site_check,
            used: Mutex::default(),
            fresh: Mutex::default(),
            site_check_fresh: Mutex::default(),
        }
    }

    /// The key of a file's summary: its text's fingerprint and the site's inputs.
    pub fn key(source: u64, inputs: u64) -> u128 {
        Fingerprinter::new()
            .add(&fingerprint::binary_identity())
            .add(&"summary")
            .add(&source)
            .add(&inputs)
            .finish128()
    }

    /// The kept summary for `key`, which is then kept for the next build too.
    pub fn get(&self, key: u128) -> Option<Summary> {
        let found = self.previous.get(&key)?.clone();
        if let Ok(mut used) = self.used.lock() {
            used.push(key);
        }
        Some(found)
    }

    /// Keeps a file's summary for the next build.
    pub fn put(&self, key: u128, summary: Summary) {
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key, summary);
        }
    }

    /// The cross-page check's findings when it ran on the same inputs (`key`).
    pub fn site_check(&self, key: u64) -> Option<Vec<Diagnostic>> {
        let fresh = self.site_check_fresh.lock().ok()?;
        match (&*fresh, &self.site_check) {
            (Some((k, found)), _) | (None, Some((k, found))) if *k == key => Some(found.clone()),
            _ => None,
        }
    }

    pub fn put_site_check(&self, key: u64, found: &[Diagnostic]) {
        if let Ok(mut fresh) = self.site_check_fresh.lock() {
            *fresh = Some((key, found.to_vec()));
        }
    }

    /// Writes the summaries this load used or made, when they differ from what was read.
    /// Best effort: a cache that cannot be written only makes the next build slower.
    pub fn save(self) {
        let (Ok(used), Ok(fresh), Ok(site_check_fresh)) = (
            self.used.into_inner(),
            self.fresh.into_inner(),
            self.site_check_fresh.into_inner(),
        ) else {
            return;
        };
        let site_check = site_check_fresh.or(self.site_check.clone());
        if fresh.is_empty() && used.len() == self.previous.len() && site_check == self.site_check {
            return;
        }
        let mut previous = self.previous;
        let mut all: Vec<(u128, Summary)> = used
            .into_iter()
            .filter_map(|key| previous.remove(&key).map(|s| (key, s)))
            .collect();
        all.extend(fresh);
        let mut w = Writer::new(MAGIC);
        w.u64(all.len() as u64);
        for (key, s) in &all {
            w.u64(*key as u64);
            w.u64((*key >> 64) as u64);
            w.str(&s.title);
            w.str(&s.description);
            w.u64(s.results);
            w.u64(s.digests.len() as u64);
            for d in s.digests.iter() {
                d.write(&mut w);
            }
            write_diagnostics(&mut w, &s.problems);
        }
        match &site_check {
            Some((key, found)) => {
                w.u8(1);
                w.u64(*key);
                write_diagnostics(&mut w, found);
            }
            None => w.u8(0),
        }
        let _ = crate::record::store(&self.path, &w.finish());
    }
}

fn write_diagnostics(w: &mut Writer, list: &[Diagnostic]) {
    w.u64(list.len() as u64);
    for d in list {
        write_diagnostic(w, d);
    }
}

fn read_diagnostics(r: &mut Reader<'_>) -> Option<Vec<Diagnostic>> {
    (0..r.u64()?).map(|_| read_diagnostic(r)).collect()
}

type Kept = (HashMap<u128, Summary>, Option<(u64, Vec<Diagnostic>)>);

fn read(bytes: &[u8]) -> Option<Kept> {
    let mut r = Reader::checked(bytes, MAGIC)?;
    let mut all = HashMap::new();
    for _ in 0..r.u64()? {
        let key = r.u64()? as u128 | (r.u64()? as u128) << 64;
        let title = r.str()?.to_string();
        let description = r.str()?.to_string();
        let results = r.u64()?;
        let digests: Vec<ResultDigest> = (0..r.u64()?)
            .map(|_| ResultDigest::read(&mut r))
            .collect::<Option<_>>()?;
        let problems = read_diagnostics(&mut r)?;
        all.insert(
            key,
            Summary {
                title,
                description,
                results,
                digests: digests.into(),
                problems,
            },
        );
    }
    let site_check = match r.u8()? {
        0 => None,
        1 => Some((r.u64()?, read_diagnostics(&mut r)?)),
        _ => return None,
    };
    Some((all, site_check))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> Summary {
        Summary {
            title: "कानपुर".into(),
            description: "d".into(),
            results: 7,
            digests: Vec::new().into(),
            problems: vec![Diagnostic::warning("content/a.md", "x").at_line(3)],
        }
    }

    #[test]
    fn summaries_are_kept_and_a_damaged_file_is_refused() {
        let root = std::env::temp_dir().join(format!("chunav-summaries-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let cache = SummaryCache::open(&root);
        assert_eq!(cache.get(1), None);
        cache.put(1, summary());
        cache.put_site_check(9, &[Diagnostic::error("content/b.md", "y")]);
        cache.save();
        let cache = SummaryCache::open(&root);
        assert_eq!(cache.get(1), Some(summary()));
        assert_eq!(cache.site_check(9).map(|f| f.len()), Some(1));
        assert_eq!(cache.site_check(8), None);
        let file = root.join(FILE);
        let mut bytes = std::fs::read(&file).expect("written");
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x20;
        std::fs::write(&file, &bytes).expect("damaged");
        let cache = SummaryCache::open(&root);
        assert_eq!(cache.get(1), None);
        assert_eq!(cache.site_check(9), None);
        let _ = std::fs::remove_dir_all(&root);
    }
}
