//! A quick hasher for the maps the checks fill and ask millions of times a build (names,
//! skeletons, words of a sentence). The standard map's SipHash guards against keys chosen to
//! collide, which matters for a server, not for a build of the site's own files; here it was
//! 7 % of a cold build's instructions. This is the multiply-rotate hash rustc uses for its
//! own maps (FxHash), kept here rather than pulled in as a crate for twenty lines.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the quick hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with the quick hasher.
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_meet_and_different_ones_are_told_apart() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, w) in ["कानपुर", "कानपुरी", "kanpur", "", "a", "ab"]
            .iter()
            .enumerate()
        {
            map.insert(w.to_string(), i);
        }
        assert_eq!(map.len(), 6);
        assert_eq!(map.get("कानपुरी"), Some(&1));
        assert_eq!(map.get(""), Some(&3));
        assert_eq!(map.get("abc"), None);
    }
}
