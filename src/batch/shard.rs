//! Splitting a tree across CI jobs: `--shard I/N`.
//!
//! A document belongs to shard `hash(id) mod N`, where `id` is its path relative to the
//! tree. Hashing (rather than dealing the sorted list round-robin) keeps every document in
//! the same shard when others are added or removed, so each CI job's cache stays useful.

use super::fingerprint::Fingerprint;

/// One shard of `count`, numbered from 1 as users write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Parses `I/N` with 1 ≤ I ≤ N; the error is a user-facing Chinese message.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("分片应写作 I/N（1 ≤ I ≤ N），例如 2/4；而不是 `{text}`");
        let (i, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let index: u32 = i.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the document with this tree-relative id belongs to this shard.
    pub fn contains(&self, id: &str) -> bool {
        shard_of(id, self.count) == self.index
    }
}

/// The 1-based shard of a document id among `count` shards.
pub fn shard_of(id: &str, count: u32) -> u32 {
    let h = Fingerprint::new().str(id).value();
    (h % u64::from(count.max(1))) as u32 + 1
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}
