//! The documents the repository ships, for tests that run over all of them.

#![allow(dead_code)] // each test binary uses part of this module

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every document the repository ships: the demo, the published fixtures, the examples.
pub fn shipped_documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("tests/fixtures/demo.yaml")];
    for dir in ["tests/fixtures/published", "examples"] {
        let entries = std::fs::read_dir(root().join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        found.sort();
        // A test over every shipped document must not pass by finding none.
        assert!(found.len() >= 3, "{dir}: only {found:?}");
        docs.extend(found);
    }
    docs
}

/// The example document folders (`examples/*/` with a `jixiao.yaml`), sorted.
pub fn examples() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("jixiao.yaml").is_file())
        .collect();
    found.sort();
    assert!(found.len() >= 3, "examples missing");
    found
}
