//! A small stable 128-bit hash for cache keys and shard assignment.
//!
//! Not cryptographic: it only has to be identical on every machine and in every release
//! (std's hashers promise neither), and fast enough to hash the fonts and a tree's
//! sources. `build.rs` includes this file to compute the tool fingerprint, so it may only
//! use `std`.

use std::path::Path;

const PRIME: u64 = 0x0000_0100_0000_01b3;
const SEED_A: u64 = 0xcbf2_9ce4_8422_2325;
const SEED_B: u64 = 0x6c62_272e_07bb_0142;

/// Two FNV-1a lanes over 8-byte words; the length is mixed in so `ab`+`c` ≠ `a`+`bc`.
#[derive(Clone, Debug)]
pub struct Fingerprint {
    a: u64,
    b: u64,
}

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint {
            a: SEED_A,
            b: SEED_B,
        }
    }
}

impl Fingerprint {
    /// An empty fingerprint.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds a byte string, prefixed by its length.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.word(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.word(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.word(u64::from_le_bytes(w));
        }
        self
    }

    /// Feeds a string.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// Feeds a file's relative name and content; a missing file feeds a marker instead.
    pub fn file(&mut self, name: &str, path: &Path) -> &mut Self {
        self.str(name);
        match std::fs::read(path) {
            Ok(bytes) => self.bytes(&bytes),
            Err(_) => self.str("\u{0}missing"),
        }
    }

    fn word(&mut self, w: u64) {
        self.a = (self.a ^ w).wrapping_mul(PRIME);
        self.b = (self.b ^ w.rotate_left(29)).wrapping_mul(PRIME);
        self.b ^= self.a >> 31;
    }

    /// The 64-bit value, for shard assignment.
    pub fn value(&self) -> u64 {
        self.a ^ self.b.rotate_left(17)
    }

    /// The 32-hex-digit value, for cache keys.
    pub fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.a, self.b)
    }
}
