//! The card cache: drawn share cards kept in the site's `.chunav/cache/cards/`, so that a
//! build draws only the cards whose content changed.
//!
//! An entry is named by a fingerprint of exactly what makes the card's bytes: its SVG
//! (headline, dateline, chart, site name, layout), the bundled faces, the rasteriser's and
//! encoder's code, and chunav's version. Each entry carries its length and a checksum of
//! its bytes; one that does not match (cut short by a full disk, edited, corrupted) is
//! drawn again and replaced, never published. After a successful build, entries no card
//! of the site still uses are pruned: the cards a build drew or looked up, and those it
//! published again unchanged from the last build (named in `cards.index`, which says which
//! entry each card was drawn from). The cache is a help, never a requirement: a cache that cannot be
//! read or written is ignored.

use crate::fingerprint::Fingerprinter;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where, under the site root, chunav keeps what it can make again.
pub const CACHE_DIR: &str = ".chunav/cache";
const CARDS: &str = "cards";
/// Beside the entries: `entry<TAB>card path` per card of the last successful build.
const INDEX: &str = "cards.index";
const EXTENSION: &str = "card";
/// Starts every entry; the digit changes if the layout of entries ever does.
const MAGIC: &[u8; 12] = b"chunav-card1";
const HEADER: usize = MAGIC.len() + 8 + 16;

pub struct CardCache {
    dir: PathBuf,
    /// Card path → the entry it was drawn from, as the last successful build left them.
    previous: HashMap<String, String>,
    /// The same for this build: the entries of no card are pruned.
    used: Mutex<BTreeMap<String, String>>,
}

impl CardCache {
    /// The cache of the site at `root` (created when first written).
    pub fn open(root: &Path) -> CardCache {
        let index = fs::read_to_string(root.join(CACHE_DIR).join(INDEX)).unwrap_or_default();
        let previous = index
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(entry, card)| (card.to_string(), entry.to_string()))
            .collect();
        CardCache {
            dir: root.join(CACHE_DIR).join(CARDS),
            previous,
            used: Mutex::default(),
        }
    }

    /// The card at `card` (its path in the site) drawn from `svg`: the cached bytes when a
    /// sound entry exists, otherwise `draw(svg)`, which is then stored.
    pub fn png(
        &self,
        card: &str,
        svg: &str,
        draw: impl FnOnce(&str) -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, String> {
        let name = entry_name(svg);
        if let Ok(mut used) = self.used.lock() {
            used.insert(card.to_string(), name.clone());
        }
        let path = self.dir.join(&name);
        if let Some(bytes) = fs::read(&path).ok().and_then(|entry| payload(&entry)) {
            return Ok(bytes);
        }
        let png = draw(svg)?;
        // Best effort: a build whose cache cannot be written is only slower next time.
        let _ = self.store(&path, &png);
        Ok(png)
    }

    /// Writes an entry beside its final name and renames it into place, so that a reader
    /// never meets half of it (the checksum catches what a crash leaves anyway).
    fn store(&self, path: &Path, png: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let temporary = path.with_extension(format!(
            "tmp-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let mut file = fs::File::create(&temporary)?;
        file.write_all(MAGIC)?;
        file.write_all(&(png.len() as u64).to_le_bytes())?;
        file.write_all(&checksum(png).to_le_bytes())?;
        file.write_all(png)?;
        drop(file);
        fs::rename(&temporary, path)
    }

    /// The card at `card` was published again as the last build made it: its entry is
    /// still the site's.
    pub fn keep(&self, card: &str) {
        if let (Some(entry), Ok(mut used)) = (self.previous.get(card), self.used.lock()) {
            used.insert(card.to_string(), entry.clone());
        }
    }

    /// Removes the entries of no card of this build, and leftovers of interrupted writes;
    /// records which entry each card was drawn from, for the next build's `keep`.
    pub fn prune(&self) {
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        let mut index = String::new();
        for (card, entry) in &used {
            index.push_str(&format!("{entry}\t{card}\n"));
        }
        // Best effort, as every write of the cache: without it, the next build prunes the
        // entries of the cards it publishes unchanged, and draws them when they change.
        let _ = crate::record::store(&self.dir.with_file_name(INDEX), index.as_bytes());
        let kept: std::collections::HashSet<&String> = used.values().collect();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().to_string();
            if !kept.contains(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// `<32 hex digits>.card`, from everything that decides the card's bytes.
fn entry_name(svg: &str) -> String {
    let key = Fingerprinter::new()
        .add(env!("CARGO_PKG_VERSION"))
        .add(&crate::share_card::drawing_fingerprint())
        .add_bytes(svg.as_bytes())
        .finish128();
    format!("{key:032x}.{EXTENSION}")
}

fn checksum(bytes: &[u8]) -> u128 {
    Fingerprinter::new().add_bytes(bytes).finish128()
}

/// The PNG inside an entry, or `None` if the entry is not whole and sound.
fn payload(entry: &[u8]) -> Option<Vec<u8>> {
    let rest = entry.strip_prefix(MAGIC.as_slice())?;
    let length = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?);
    let sum = u128::from_le_bytes(rest.get(8..24)?.try_into().ok()?);
    let png = &entry[HEADER..];
    (png.len() as u64 == length && checksum(png) == sum).then(|| png.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(label: &str) -> (PathBuf, CardCache) {
        let root =
            std::env::temp_dir().join(format!("chunav-cache-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let cache = CardCache::open(&root);
        (root, cache)
    }

    fn only_entry(root: &Path) -> PathBuf {
        let dir = root.join(CACHE_DIR).join(CARDS);
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(entries.len(), 1, "{entries:?}");
        entries.pop().unwrap()
    }

    #[test]
    fn a_stored_card_is_reused_and_a_damaged_one_drawn_again() {
        let (root, cache) = cache("reuse");
        let drawn = std::cell::Cell::new(0);
        let draw = |_: &str| {
            drawn.set(drawn.get() + 1);
            Ok(b"\x89PNG card bytes".to_vec())
        };
        assert_eq!(
            cache.png("a/card.png", "<svg/>", draw).unwrap(),
            b"\x89PNG card bytes"
        );
        assert_eq!(
            cache.png("a/card.png", "<svg/>", draw).unwrap(),
            b"\x89PNG card bytes"
        );
        assert_eq!(drawn.get(), 1, "the second card came from the cache");

        let entry = only_entry(&root);
        let whole = fs::read(&entry).unwrap();
        // Cut short, as by a full disk.
        fs::write(&entry, &whole[..whole.len() - 3]).unwrap();
        assert_eq!(
            cache.png("a/card.png", "<svg/>", draw).unwrap(),
            b"\x89PNG card bytes"
        );
        assert_eq!(drawn.get(), 2);
        // One byte flipped in the image.
        let mut flipped = fs::read(&entry).unwrap();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        fs::write(&entry, &flipped).unwrap();
        assert_eq!(
            cache.png("a/card.png", "<svg/>", draw).unwrap(),
            b"\x89PNG card bytes"
        );
        assert_eq!(drawn.get(), 3);
        assert_eq!(fs::read(&entry).unwrap(), whole, "the entry was replaced");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn prune_keeps_only_what_the_build_used() {
        let (root, cache) = cache("prune");
        cache
            .png("old/card.png", "<svg>old</svg>", |_| Ok(b"old".to_vec()))
            .unwrap();
        let fresh = CardCache::open(&root);
        fresh
            .png("new/card.png", "<svg>new</svg>", |_| Ok(b"new".to_vec()))
            .unwrap();
        fresh.prune();
        let entry = only_entry(&root);
        assert_eq!(payload(&fs::read(entry).unwrap()).unwrap(), b"new");
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn the_entry_of_a_card_published_again_unchanged_is_kept() {
        let (root, cache) = cache("keep");
        cache
            .png("a/card.png", "<svg>a</svg>", |_| Ok(b"a".to_vec()))
            .unwrap();
        cache
            .png("b/card.png", "<svg>b</svg>", |_| Ok(b"b".to_vec()))
            .unwrap();
        cache.prune();
        // The next build publishes a's card unchanged without looking it up, redraws b's,
        // and no longer makes c's.
        let next = CardCache::open(&root);
        next.keep("a/card.png");
        next.keep("c/card.png");
        next.png("b/card.png", "<svg>b2</svg>", |_| Ok(b"b2".to_vec()))
            .unwrap();
        next.prune();
        let dir = root.join(CACHE_DIR).join(CARDS);
        let mut kept: Vec<Vec<u8>> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| payload(&fs::read(e.unwrap().path()).unwrap()).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, [b"a".to_vec(), b"b2".to_vec()]);
        // A third build still knows a's entry.
        let third = CardCache::open(&root);
        let drawn = std::cell::Cell::new(false);
        third
            .png("a/card.png", "<svg>a</svg>", |_| {
                drawn.set(true);
                Ok(b"a".to_vec())
            })
            .unwrap();
        assert!(!drawn.get());
        let _ = fs::remove_dir_all(&root);
    }
}
