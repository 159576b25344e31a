//! The allowed dependency directions between the library's modules, as the developer
//! chapter (`book/src/dev.md`) draws them, read from the source itself: every
//! `crate::…` path in the non-test code of `src/` (inline `#[cfg(test)]` modules are left
//! out) is an edge from the module the file belongs to.
//!
//! The rule registry (`check::rules`) is its own node: it is the vocabulary of every
//! diagnostic, shared by all stages, and depends on nothing but `diag`. Importing it is
//! not importing the checker.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The registry's node name.
const REGISTRY: &str = "check::rules";

/// For each known module, the modules it may import. A module not listed here (a new
/// one) is held only to [`universal_rules`].
const ALLOWED: &[(&str, &[&str])] = &[
    ("span", &[]),
    ("value", &[]),
    ("version", &[]),
    ("diag", &["span", REGISTRY]),
    (REGISTRY, &["diag"]),
    ("model", &["span", "diag", "value"]),
    ("load", &["span", "diag", REGISTRY, "model"]),
    ("yamlfmt", &["span", "load", "model"]),
    // The self-evaluation pass of `check` is `evaluate`'s (E codes); `evaluate` reads the
    // frameworks and the check context from `check`. Together they are the checking stage.
    (
        "check",
        &[
            "span", "diag", REGISTRY, "model", "load", "value", "evaluate", "yamlfmt",
        ],
    ),
    (
        "evaluate",
        &[
            "span", "diag", REGISTRY, "model", "load", "value", "check", "yamlfmt",
        ],
    ),
    // The 自评表's cells carry the scores `evaluate` computes.
    ("table", &["span", "model", "value", "evaluate"]),
    (
        "render",
        &[
            "span", "diag", REGISTRY, "model", "table", "value", "layout", "version",
        ],
    ),
    ("layout", &[]),
    (
        "import",
        // `render`: the PDF importer falls back to the bundled font for glyph metrics of
        // fonts a PDF does not embed, and its unit tests read PDFs the PDF backend wrote.
        &[
            "span", "diag", REGISTRY, "model", "load", "yamlfmt", "value", "layout", "render",
            "table",
        ],
    ),
    (
        "pipeline",
        &["span", "diag", REGISTRY, "model", "load", "check"],
    ),
    (
        "diff",
        &[
            "span", "diag", REGISTRY, "model", "load", "check", "value", "render", "pipeline",
            "version",
        ],
    ),
    // The language server checks as `jixiao check` does and answers in editor terms.
    (
        "lsp",
        &[
            "span", "diag", REGISTRY, "model", "load", "check", "value", "pipeline",
        ],
    ),
    (
        "batch",
        &[
            "span", "diag", REGISTRY, "model", "load", "check", "table", "render", "pipeline",
            "version",
        ],
    ),
];

/// The `.rs` files below `dir`, each with its text up to its first `#[cfg(test)]` line
/// and without comment lines.
fn source_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(source_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let code: Vec<&str> = text
                .lines()
                .take_while(|l| l.trim() != "#[cfg(test)]")
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            out.push((path, code.join("\n")));
        }
    }
    out
}

/// The node a file belongs to: its first folder or file name below `src/`, with the
/// registry apart from the rest of `check`.
fn node_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").unwrap();
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.len() > 2 && parts[0] == "check" && parts[1] == "rules" {
        return REGISTRY.to_string();
    }
    parts[0].clone()
}

/// The node a path inside the crate names: `check::rules…` is the registry.
fn node_named(first: &str, second: Option<&str>) -> String {
    if first == "check" && second == Some("rules") {
        REGISTRY.to_string()
    } else {
        first.to_string()
    }
}

fn ident(bytes: &[u8], at: usize) -> (String, usize) {
    let mut end = at;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
        end += 1;
    }
    (String::from_utf8_lossy(&bytes[at..end]).into_owned(), end)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

/// The first two segments of each path in a use tree starting at `at` (just after
/// `crate::`), e.g. `{check::{self, rules}, diag}` gives `check`, `check::rules`, `diag`.
fn use_tree(bytes: &[u8], at: usize, prefix: &[String], out: &mut Vec<String>) -> usize {
    let at = skip_space(bytes, at);
    if bytes.get(at) == Some(&b'{') {
        let mut at = at + 1;
        loop {
            at = skip_space(bytes, at);
            match bytes.get(at) {
                Some(b'}') | None => return at + 1,
                Some(b',') => at += 1,
                _ => at = use_tree(bytes, at, prefix, out),
            }
        }
    }
    let (name, end) = ident(bytes, at);
    if name.is_empty() {
        return end + 1;
    }
    let mut path = prefix.to_vec();
    if name != "self" {
        path.push(name);
    }
    if bytes[end..].starts_with(b"::") && path.len() < 2 {
        return use_tree(bytes, end + 2, &path, out);
    }
    if let Some(first) = path.first() {
        out.push(node_named(first, path.get(1).map(String::as_str)));
    }
    end
}

/// Every node a file's code names through `crate::`.
fn imports(text: &str) -> BTreeSet<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        use_tree(bytes, at + "crate::".len(), &[], &mut found);
    }
    found.into_iter().collect()
}

/// Every edge of the library: (from, to) → files.
fn edges() -> BTreeMap<(String, String), Vec<String>> {
    let mut edges: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (path, text) in source_files(Path::new("src")) {
        let from = node_of(&path);
        if from == "lib" || from == "main" {
            continue;
        }
        for to in imports(&text) {
            if to != from {
                edges
                    .entry((from.clone(), to))
                    .or_default()
                    .push(path.display().to_string());
            }
        }
    }
    edges
}

/// What holds for every module, listed or new: nothing below the command line imports
/// it, only the command line runs tree builds, and backends never reach back into the
/// checker or the tree build.
fn universal_rules(from: &str, to: &str) -> Result<(), String> {
    if to == "cli" {
        return Err("only main.rs may use the command line (`cli`)".into());
    }
    if to == "batch" && from != "cli" {
        return Err("only the command line runs tree builds (`batch`)".into());
    }
    if from == "render" && (to == "check" || to == "batch" || to == "import") {
        return Err("backends read the table view, not the checker, importers or batch".into());
    }
    if from == REGISTRY && to != "diag" {
        return Err("the registry is data: it depends on `diag` alone".into());
    }
    Ok(())
}

#[test]
fn modules_depend_only_in_the_allowed_directions() {
    let edges = edges();
    // The reader must see real edges, or this test would pass on anything.
    for known in [
        ("batch", "render"),
        ("cli", "pipeline"),
        ("render", "table"),
    ] {
        assert!(
            edges.contains_key(&(known.0.to_string(), known.1.to_string())),
            "the source scan found no {} → {} edge: {edges:?}",
            known.0,
            known.1
        );
    }
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut wrong = Vec::new();
    for ((from, to), files) in &edges {
        let verdict = universal_rules(from, to).and_then(|()| match allowed.get(from.as_str()) {
            Some(list) if !list.contains(&to.as_str()) => Err(format!(
                "`{from}` may import only {list:?} (tests/architecture.rs, book/src/dev.md)"
            )),
            _ => Ok(()),
        });
        if let Err(why) = verdict {
            wrong.push(format!("{from} → {to} ({}): {why}", files.join(", ")));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The files of `src/` whose code names one of these crates (`name::…` or `use name`),
/// relative to `src/`.
fn users_of(crates: &[&str]) -> Vec<PathBuf> {
    let mut users = Vec::new();
    for (path, text) in source_files(Path::new("src")) {
        let names = crates.iter().any(|krate| {
            [format!("{krate}::"), format!("use {krate}")]
                .iter()
                .any(|p| {
                    text.match_indices(p.as_str()).any(|(at, _)| {
                        !text[..at]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                    })
                })
        });
        if names {
            users.push(path.strip_prefix("src").unwrap().to_path_buf());
        }
    }
    users
}

/// The typst crates (compiler, layout, PDF export) are the PDF backend's: the tree build,
/// the command line and the rest hand it data and get bytes back.
#[test]
fn only_the_pdf_backend_talks_to_typst() {
    let users = users_of(&["typst", "typst_pdf", "typst_layout"]);
    assert!(
        users.iter().any(|p| p.starts_with("render/pdf")),
        "the scan found no typst user at all"
    );
    let wrong: Vec<_> = users
        .iter()
        .filter(|p| !p.starts_with("render/pdf"))
        .collect();
    assert!(
        wrong.is_empty(),
        "typst is used outside src/render/pdf/ (move it there): {wrong:?}"
    );
}

/// Argument parsing is the command line's: no library type derives clap traits.
#[test]
fn only_the_command_line_uses_clap() {
    let users = users_of(&["clap"]);
    assert!(
        users.iter().any(|p| p.starts_with("cli")),
        "the scan found no clap user at all"
    );
    let wrong: Vec<_> = users.iter().filter(|p| !p.starts_with("cli")).collect();
    assert!(wrong.is_empty(), "clap is used outside src/cli/: {wrong:?}");
}

#[test]
fn the_developer_chapter_maps_every_module() {
    let chapter = std::fs::read_to_string("book/src/dev.md").unwrap();
    let mut missing = Vec::new();
    for (node, _) in ALLOWED {
        let path = if *node == REGISTRY {
            "check/rules".to_string()
        } else {
            node.to_string()
        };
        let named = [format!("`src/{path}/`"), format!("`src/{path}.rs`")]
            .iter()
            .any(|p| chapter.contains(p.as_str()));
        if !named {
            missing.push(path);
        }
    }
    assert!(
        missing.is_empty(),
        "book/src/dev.md does not name src/{}",
        missing.join(", src/")
    );
    assert!(
        chapter.contains("加一条规则（五步）"),
        "the five steps of a new rule"
    );
}

#[test]
fn the_scanner_reads_nested_use_trees() {
    let found = imports(
        "use crate::{check::{self, rules::L003}, diag::Diagnostic};\nlet x = crate::render::html::f();",
    );
    let expected: BTreeSet<String> = ["check", REGISTRY, "diag", "render"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, expected);
}
