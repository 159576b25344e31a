//! Documents whose files are held in memory (read from a git revision, say), loaded by the
//! same conversion as files on disk, with the same rules for which files belong to a
//! folder document and which documents a tree holds.

use std::collections::{BTreeMap, BTreeSet};

use super::{DOCUMENT_FILE, Loaded, convert};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::Sources;

/// A tree of files in memory: `/`-separated paths relative to its root → text, or the
/// reason a file could not be read as text.
pub type Tree = BTreeMap<String, Result<String, String>>;

/// The folders of `tree` that hold a `jixiao.yaml` (the root is `""`).
fn document_folders(tree: &Tree) -> BTreeSet<String> {
    tree.keys()
        .filter_map(|p| {
            if p == DOCUMENT_FILE {
                Some(String::new())
            } else {
                p.strip_suffix(&format!("/{DOCUMENT_FILE}"))
                    .map(str::to_string)
            }
        })
        .collect()
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// Whether a folder name is never walked into (hidden folders, `templates/`, `build/`).
fn skipped_folder(name: &str) -> bool {
    name.starts_with('.') || name == "templates" || name == "build"
}

/// The project files of the folder document at `dir` ("" for the root), in sorted order:
/// the rule of [`super::project_files`] — every YAML file below it except its own
/// `jixiao.yaml` and hidden files, skipping hidden folders, `templates/`, `build/` and
/// nested document folders.
pub fn project_paths(tree: &Tree, dir: &str) -> Vec<String> {
    let folders = document_folders(tree);
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    tree.keys()
        .filter_map(|p| p.strip_prefix(&prefix).map(|rel| (p, rel)))
        .filter(|(_, rel)| {
            let parts: Vec<&str> = rel.split('/').collect();
            let (file, folders_in) = parts.split_last().expect("split gives one part");
            if !is_yaml(file) || file.starts_with('.') || *rel == DOCUMENT_FILE {
                return false;
            }
            (0..folders_in.len()).all(|i| {
                let sub = format!("{prefix}{}", folders_in[..=i].join("/"));
                !skipped_folder(folders_in[i]) && !folders.contains(&sub)
            })
        })
        .map(|(p, _)| p.clone())
        .collect()
}

/// The documents in `tree`, in sorted order, by the rule of `find_documents` on disk: the
/// root itself if it holds `jixiao.yaml`, otherwise every folder with `jixiao.yaml` that is
/// not inside another, and every other YAML file that is not inside one, skipping hidden
/// entries, `templates/` and `build/`. Folders are returned as their path, files as theirs.
pub fn find_documents(tree: &Tree) -> Vec<String> {
    let folders = document_folders(tree);
    if folders.contains("") {
        return vec![String::new()];
    }
    let inside = |path: &str| {
        let parts: Vec<&str> = path.split('/').collect();
        (1..parts.len()).find_map(|i| {
            let dir = parts[..i].join("/");
            if skipped_folder(parts[i - 1]) {
                Some(None)
            } else if folders.contains(&dir) {
                Some(Some(dir))
            } else {
                None
            }
        })
    };
    let mut docs = BTreeSet::new();
    for path in tree.keys() {
        let name = path.rsplit('/').next().unwrap_or(path);
        match inside(path) {
            Some(Some(dir)) => {
                docs.insert(dir);
            }
            Some(None) => {}
            None if is_yaml(name) && !name.starts_with('.') && name != DOCUMENT_FILE => {
                docs.insert(path.clone());
            }
            None => {}
        }
    }
    docs.into_iter().collect()
}

/// Loads the document at `doc` in `tree` (a file path, or a folder path; "" for the root
/// folder). Files are shown as `shown_prefix` + their path in the tree.
pub fn load(tree: &Tree, doc: &str, shown_prefix: &str, sources: &mut Sources) -> Loaded {
    let mut loaded = load_unmarked(tree, doc, shown_prefix, sources);
    super::mark_targets(&mut loaded, sources);
    loaded
}

fn load_unmarked(tree: &Tree, doc: &str, shown_prefix: &str, sources: &mut Sources) -> Loaded {
    let shown = |p: &str| format!("{shown_prefix}{p}");
    let root = std::path::PathBuf::from(shown(doc));
    let read = |path: &str, sources: &mut Sources| match tree.get(path) {
        Some(Ok(text)) => Ok(sources.add(shown(path), text.clone())),
        Some(Err(reason)) => Err(Diagnostic::of(
            &rules::L009,
            format!("无法读取文件 {}：{reason}", shown(path)),
        )
        .with_help("检查文件是否为 UTF-8 编码的文本")),
        None => Err(Diagnostic::of(
            &rules::L009,
            format!("无法读取文件 {}：文件不存在", shown(path)),
        )
        .with_help("检查路径是否正确")),
    };
    let failed = |d: Diagnostic| Loaded::new(None, vec![d], root.clone());
    if tree.contains_key(doc) {
        let file = match read(doc, sources) {
            Ok(f) => f,
            Err(d) => return failed(d),
        };
        let (document, diagnostics) = convert::document(file, sources, Vec::new(), None);
        return Loaded::new(document, diagnostics, root);
    }
    let settings = if doc.is_empty() {
        DOCUMENT_FILE.to_string()
    } else {
        format!("{doc}/{DOCUMENT_FILE}")
    };
    if !tree.contains_key(&settings) {
        return failed(
            Diagnostic::of(
                &rules::L009,
                format!("文件夹 {} 中没有 {DOCUMENT_FILE}", shown(doc)),
            )
            .with_help(format!(
                "文档文件夹需要一个 {DOCUMENT_FILE}（年度、金额单位、单位、指标体系），每个项目一个 YAML 文件"
            )),
        );
    }
    let settings_file = match read(&settings, sources) {
        Ok(f) => f,
        Err(d) => return failed(d),
    };
    let mut diagnostics = Vec::new();
    let mut project_sources = Vec::new();
    let prefix_len = if doc.is_empty() { 0 } else { doc.len() + 1 };
    for path in project_paths(tree, doc) {
        match read(&path, sources) {
            Ok(file) => project_sources.push((path[prefix_len..].to_string(), file)),
            Err(d) => diagnostics.push(d),
        }
    }
    let (document, more) = convert::document(settings_file, sources, project_sources, None);
    diagnostics.extend(more);
    Loaded::new(document, diagnostics, root)
}

/// Reads a folder on disk into a [`Tree`] (every file below it, `/`-separated paths).
pub fn read_tree(dir: &std::path::Path) -> Tree {
    let mut tree = Tree::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(entry.path()).map_err(|e| crate::diag::io_reason(&e));
        tree.insert(rel, text);
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn tree(paths: &[&str]) -> Tree {
        paths
            .iter()
            .map(|p| (p.to_string(), Ok(String::new())))
            .collect()
    }

    #[test]
    fn project_files_follow_the_disk_rule() {
        let t = tree(&[
            "jixiao.yaml",
            "a.yaml",
            "sub/b.yml",
            ".hidden.yaml",
            ".git/x.yaml",
            "templates/t.yaml",
            "build/o.yaml",
            "nested/jixiao.yaml",
            "nested/c.yaml",
            "notes.md",
        ]);
        assert_eq!(project_paths(&t, ""), vec!["a.yaml", "sub/b.yml"]);
        assert_eq!(project_paths(&t, "nested"), vec!["nested/c.yaml"]);
    }

    #[test]
    fn documents_of_a_tree_follow_the_disk_rule() {
        let t = tree(&[
            "2025/jixiao.yaml",
            "2025/a.yaml",
            "2025/deeper/jixiao.yaml",
            "single.yaml",
            "group/other.yml",
            ".github/workflows/ci.yml",
            "build/x.yaml",
            "README.md",
        ]);
        assert_eq!(
            find_documents(&t),
            vec!["2025", "group/other.yml", "single.yaml"]
        );
        assert_eq!(find_documents(&tree(&["jixiao.yaml", "a.yaml"])), vec![""]);
    }

    #[test]
    fn shipped_examples_load_the_same_from_memory_as_from_disk() {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        // The document folders; the examples' separate 自评 documents are files beside them.
        let dirs: Vec<_> = std::fs::read_dir(&examples)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        assert!(
            dirs.len() >= 3,
            "no example folders in {}",
            examples.display()
        );
        for dir in dirs {
            let mut disk_sources = Sources::new();
            let disk = super::super::load_path(&dir, &mut disk_sources);
            let tree = read_tree(&dir);
            let mut memory_sources = Sources::new();
            let memory = load(&tree, "", "", &mut memory_sources);
            // The 自评 source names the file as each loader shows it; all else is equal.
            let unnamed = |doc: &Option<crate::model::Document>| {
                doc.clone().map(|mut d| {
                    assert!(d.evaluation.take().is_some());
                    d
                })
            };
            let (disk_doc, memory_doc) = (unnamed(&disk.document), unnamed(&memory.document));
            assert!(
                format!("{disk_doc:?}") == format!("{memory_doc:?}"),
                "{}: the two loads differ",
                dir.display()
            );
            assert!(memory.document.is_some() && memory.diagnostics.is_empty());
            let files = super::super::project_files(&dir);
            assert_eq!(files.len(), project_paths(&tree, "").len());
        }
    }
}
