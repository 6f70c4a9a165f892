//! 128-bit fingerprints: of search states, and of memory regions (each
//! region's cached, so a state's hash costs little for what did not
//! change). A stored state costs its
//! fingerprint instead of itself; two different states with the same
//! fingerprint would make the search skip one of them (an omission), which
//! for `n` states happens with probability at most n²/2¹²⁹ if the hash is
//! uniform. The hash is fixed (no random keys), so a search is
//! reproducible.

use std::hash::{Hash, Hasher};

/// Multiplies and folds the 128-bit product: every input bit reaches
/// every output bit (the mixing step of wyhash and aHash's fallback).
#[inline]
fn fold(x: u64, y: u64) -> u64 {
    let p = (x as u128).wrapping_mul(y as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

const K: [u64; 4] = [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0, 0x082e_fa98_ec4e_6c89];

/// A hasher with two independently keyed 64-bit lanes.
#[derive(Debug, Clone)]
pub struct Fingerprinter {
    a: u64,
    b: u64,
    len: u64,
}

impl Default for Fingerprinter {
    fn default() -> Self {
        Fingerprinter { a: K[0], b: K[1], len: 0 }
    }
}

impl Fingerprinter {
    #[inline]
    fn word(&mut self, w: u64) {
        self.a = fold(self.a ^ w, K[2]);
        self.b = fold(self.b ^ w.rotate_left(32), K[3]).rotate_left(23);
        self.len += 1;
    }

    /// The 128-bit fingerprint of what was written.
    pub fn finish128(&self) -> u128 {
        let a = fold(self.a ^ self.len, K[1] ^ K[3]);
        let b = fold(self.b ^ a, K[0] ^ K[2]);
        let a = fold(a ^ b.rotate_left(17), K[2]);
        ((a as u128) << 64) | b as u128
    }
}

impl Hasher for Fingerprinter {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length tells "ab" from "ab\0".
            self.word(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.word(i as u64);
    }
    fn write_u16(&mut self, i: u16) {
        self.word(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.word(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.word(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.word(i as u64);
    }
    fn finish(&self) -> u64 {
        self.finish128() as u64
    }
}

/// The fingerprint of a value.
pub fn of(v: &impl Hash) -> u128 {
    let mut h = Fingerprinter::default();
    v.hash(&mut h);
    h.finish128()
}

/// The fingerprint of a block of memory. Memory is mostly zeros past
/// what a program uses (a page mapped for a 24-byte struct, a stdio
/// buffer): the trailing zeros are skipped, the length told apart.
pub fn of_bytes(bytes: &[u8]) -> u128 {
    let mut end = bytes.len();
    // Word by word from the end while the words are zero.
    while end >= 8 && bytes[end - 8..end] == [0; 8] {
        end -= 8;
    }
    while end > 0 && bytes[end - 1] == 0 {
        end -= 1;
    }
    let mut h = Fingerprinter::default();
    h.write_usize(bytes.len());
    h.write(&bytes[..end]);
    h.finish128()
}

/// A fingerprint computed once and kept until forgotten (a search hashes
/// every state it reaches, and most parts are as in the state before).
/// It lies beside what it is of, not in it: every two are equal and it
/// hashes to nothing, so two equal states stay equal whatever their
/// caches hold.
#[derive(Debug, Clone, Default)]
pub struct Memo(std::cell::Cell<u128>);

impl Memo {
    /// The fingerprint, computed by `compute` if not known.
    #[inline]
    pub fn get(&self, compute: impl FnOnce() -> u128) -> u128 {
        let d = self.0.get();
        if d != 0 {
            return d;
        }
        let d = compute() | 1;
        self.0.set(d);
        d
    }

    /// What it was of changed.
    #[inline]
    pub fn forget(&self) {
        self.0.set(0);
    }
}

impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl Eq for Memo {}

impl Hash for Memo {
    fn hash<H: Hasher>(&self, _: &mut H) {}
}

/// A bound on the probability that a search of `states` states with
/// fingerprints skipped any state: n²/2¹²⁹.
pub fn omission_bound(states: u64) -> f64 {
    let n = states as f64;
    n * n / 2f64.powi(129)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearby_values_get_unrelated_fingerprints() {
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..10_000u64 {
            assert!(seen.insert(of(&i)));
            assert!(seen.insert(of(&(i, 1u8))));
            assert!(seen.insert(of(&vec![0u8; i as usize % 97 + 1])) || i >= 97);
        }
    }

    #[test]
    fn trailing_zero_bytes_change_the_fingerprint() {
        let mut a = Fingerprinter::default();
        a.write(b"ab");
        let mut b = Fingerprinter::default();
        b.write(b"ab\0");
        assert_ne!(a.finish128(), b.finish128());
    }
}
