//! Stable fingerprints: what the plan compares to find stale outputs, and what the card
//! cache is keyed by. SipHash-1-3 with fixed keys, so the same input gives the same
//! fingerprint in every run, on every machine of one architecture and with every Rust
//! release (std's `DefaultHasher` promises none of that).

use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::{Hash, Hasher};

/// Feeds values in; `finish` gives 64 bits (enough to tell versions of one output apart),
/// `finish128` 128 (for cache entries shared by every output).
#[derive(Debug, Clone, Default)]
pub struct Fingerprinter(SipHasher13);

impl Fingerprinter {
    pub fn new() -> Fingerprinter {
        Fingerprinter(SipHasher13::new_with_keys(0x6368_756e_6176, 0x7369_7465))
    }

    pub fn add(&mut self, value: &(impl Hash + ?Sized)) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    pub fn add_bytes(&mut self, bytes: &[u8]) -> &mut Self {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        self.0.write_usize(bytes.len());
        self.0.write(bytes);
        self
    }

    /// Feeds bytes with no length before them: a run of calls hashes as one call with
    /// all their bytes, so a long input can be fed as it comes.
    pub fn stream(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write(bytes);
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }

    pub fn finish128(&self) -> u128 {
        self.0.finish128().as_u128()
    }
}

/// The fingerprint of one value.
pub fn of(value: &(impl Hash + ?Sized)) -> u64 {
    Fingerprinter::new().add(value).finish()
}

/// The fingerprint of a value through its `Debug` form, for types that hold floats and so
/// cannot be `Hash` (checked results). Equal values print equally. The form is fed to the
/// hasher as it is printed, never held whole (a site's data/ prints to megabytes); the
/// fingerprint is that of the printed string, `of(&format!("{value:?}"))`.
pub fn of_debug(value: &impl std::fmt::Debug) -> u64 {
    use std::fmt::Write;
    struct Feed(SipHasher13);
    impl Write for Feed {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut feed = Feed(Fingerprinter::new().0);
    // Printing into a hasher cannot fail; a `Debug` impl that reports an error only
    // shortens what is hashed.
    let _ = write!(feed, "{value:?}");
    // What `str`'s `Hash` adds after the bytes, so that the two ways agree.
    feed.0.write_u8(0xff);
    feed.0.finish()
}

/// Which chunav binary runs: its version and its executable's size, time and inode, so
/// that what one binary recorded is never reused by another (whose pages may differ).
pub fn binary_identity() -> u64 {
    static IDENTITY: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *IDENTITY.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .and_then(|m| Ok((m.len(), m.modified()?, inode(&m))));
        let mut f = Fingerprinter::new();
        f.add(env!("CARGO_PKG_VERSION"));
        match exe {
            Ok(stamp) => f.add(&stamp),
            // Unknown binary: a fresh value each run, so that nothing is ever reused.
            Err(_) => f.add(&std::time::SystemTime::now()),
        };
        f.finish()
    })
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_tell_inputs_apart() {
        assert_eq!(of("कानपुर"), of("कानपुर"));
        assert_ne!(of("कानपुर"), of("कानपुर "));
        let mut a = Fingerprinter::new();
        a.add_bytes(b"ab").add_bytes(b"c");
        let mut b = Fingerprinter::new();
        b.add_bytes(b"a").add_bytes(b"bc");
        assert_ne!(a.finish128(), b.finish128());
    }

    #[test]
    fn a_debug_fingerprint_is_that_of_the_printed_form() {
        let value = (vec![1.5_f64, -0.0, 1e21], "कानपुर", Some(("a", 7_u8)));
        assert_eq!(of_debug(&value), of(&format!("{value:?}")));
        assert_ne!(
            of_debug(&value),
            of_debug(&(vec![1.5_f64, 0.0, 1e21], "कानपुर"))
        );
        let long: Vec<String> = (0..5000).map(|n| format!("segment {n}")).collect();
        assert_eq!(of_debug(&long), of(&format!("{long:?}")));
    }
}
