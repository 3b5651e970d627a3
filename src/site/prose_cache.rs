//! The prose check's findings per content file, kept in `.chunav/cache/prose` so that a
//! build re-reads every file but checks the numbers typed in its prose only when the file,
//! site.toml or data/ changed (the check is most of loading an unchanged site).
//!
//! An entry is keyed by the file's text, the site's inputs (site.toml and data/, which the
//! page's results follow from) and the chunav binary; a damaged file is ignored whole. Only
//! the entries a load used are written back, so the file never grows stale.

use crate::diagnostics::{Diagnostic, Severity};
use crate::fingerprint::{self, Fingerprinter};
use crate::record::{Reader, Writer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const FILE: &str = ".chunav/cache/prose";
const MAGIC: &[u8; 13] = b"chunav-prose1";

pub struct ProseCache {
    path: PathBuf,
    previous: HashMap<u128, Vec<Diagnostic>>,
    used: Mutex<HashMap<u128, Vec<Diagnostic>>>,
}

impl ProseCache {
    pub fn open(root: &Path) -> ProseCache {
        let path = root.join(FILE);
        let previous = std::fs::read(&path)
            .ok()
            .and_then(|bytes| read(&bytes))
            .unwrap_or_default();
        ProseCache {
            path,
            previous,
            used: Mutex::default(),
        }
    }

    /// The key of a file's findings: its text's fingerprint and the site's inputs.
    pub fn key(source: u64, inputs: u64) -> u128 {
        Fingerprinter::new()
            .add(&fingerprint::binary_identity())
            .add(&source)
            .add(&inputs)
            .finish128()
    }

    /// The findings for `key`: kept ones, or `check()`'s, which are then kept.
    pub fn findings(&self, key: u128, check: impl FnOnce() -> Vec<Diagnostic>) -> Vec<Diagnostic> {
        let found = match self.previous.get(&key) {
            Some(kept) => kept.clone(),
            None => check(),
        };
        if let Ok(mut used) = self.used.lock() {
            used.insert(key, found.clone());
        }
        found
    }

    /// Keeps the findings for `key` (of a file not checked again: its summary was used)
    /// in the file for the next build.
    pub fn keep(&self, key: u128) {
        if let Some(kept) = self.previous.get(&key)
            && let Ok(mut used) = self.used.lock()
        {
            used.insert(key, kept.clone());
        }
    }

    /// Writes the entries this load used, when they differ from what was read. Best
    /// effort: a cache that cannot be written only makes the next build slower.
    pub fn save(&self) {
        let Ok(used) = self.used.lock() else {
            return;
        };
        if used.len() == self.previous.len() && used.keys().all(|k| self.previous.contains_key(k)) {
            return;
        }
        let mut w = Writer::new(MAGIC);
        w.u64(used.len() as u64);
        for (key, found) in used.iter() {
            w.u64(*key as u64);
            w.u64((*key >> 64) as u64);
            w.u64(found.len() as u64);
            for d in found {
                write_diagnostic(&mut w, d);
            }
        }
        let _ = crate::record::store(&self.path, &w.finish());
    }
}

/// One finding, as the cache files of `site` keep it.
pub(super) fn write_diagnostic(w: &mut Writer, d: &Diagnostic) {
    w.u8(match d.severity {
        Severity::Warning => 0,
        Severity::Error => 1,
        Severity::Info => 2,
    });
    w.str(&d.file.to_string_lossy());
    w.u64(d.line.map_or(0, |l| l as u64 + 1));
    match &d.field {
        Some(field) => {
            w.u8(1);
            w.str(field);
        }
        None => w.u8(0),
    }
    w.str(&d.message);
}

pub(super) fn read_diagnostic(r: &mut Reader<'_>) -> Option<Diagnostic> {
    let severity = match r.u8()? {
        0 => Severity::Warning,
        1 => Severity::Error,
        2 => Severity::Info,
        _ => return None,
    };
    let file = PathBuf::from(r.str()?);
    let line = r.u64()?.checked_sub(1).map(|l| l as usize);
    let field = match r.u8()? {
        0 => None,
        _ => Some(r.str()?.to_string()),
    };
    Some(Diagnostic {
        severity,
        file,
        line,
        field,
        message: r.str()?.to_string(),
    })
}

fn read(bytes: &[u8]) -> Option<HashMap<u128, Vec<Diagnostic>>> {
    let mut r = Reader::checked(bytes, MAGIC)?;
    let count = r.u64()?;
    let mut all = HashMap::new();
    for _ in 0..count {
        let key = r.u64()? as u128 | (r.u64()? as u128) << 64;
        let mut found = Vec::new();
        for _ in 0..r.u64()? {
            found.push(read_diagnostic(&mut r)?);
        }
        all.insert(key, found);
    }
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_kept_and_read_back_alike() {
        let root = std::env::temp_dir().join(format!("chunav-prose-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let found = vec![
            Diagnostic::warning("content/a.md", "वोट 1,23,456 नहीं, 1,23,457").at_line(7),
            Diagnostic::error("content/a.md", "x"),
        ];
        let cache = ProseCache::open(&root);
        let key = ProseCache::key(1, 2);
        assert_eq!(cache.findings(key, || found.clone()), found);
        cache.save();
        let again = ProseCache::open(&root);
        assert_eq!(again.findings(key, || panic!("checked again")), found);
        let _ = std::fs::remove_dir_all(&root);
    }
}
