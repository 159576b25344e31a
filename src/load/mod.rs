//! Loading: a document file or folder → [`Document`], with every loading error at once.
//!
//! A document is either one YAML file holding everything, or a folder with `jixiao.yaml`
//! (the document's settings) and one YAML file per project, read in sorted order or in the
//! order given by `project_order`. Both forms give the same [`Document`].

pub(crate) mod amount;
pub(crate) mod convert;
pub mod evaluation;
pub mod files;
pub mod memory;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::check::rules;
use crate::diag::{self, Diagnostic};
use crate::model::Document;
use crate::span::Sources;

pub use convert::{DOCUMENT_KEYS, PROJECT_KEYS};
pub use files::{Disk, EntryKind, FileSource, Overlay};

/// The settings file that marks a folder as a document.
pub const DOCUMENT_FILE: &str = "jixiao.yaml";

/// The result of loading: the document if it could be built, and all loading diagnostics.
pub struct Loaded {
    /// The document, when it loaded without errors (warnings allowed): what may be
    /// rendered, formatted or written back.
    pub document: Option<Document>,
    /// The document as far as it could be read past its loading errors: broken fields
    /// are placeholders marked in [`crate::model::Project::unread`], unreadable rows and
    /// projects are left out. Only for checking the rest; `None` when `document` is set
    /// or when not even the document's settings could be read.
    pub recovered: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// The folder that holds the document (for template overrides and outputs).
    pub root: PathBuf,
}

impl Loaded {
    pub(crate) fn new(
        document: Option<Document>,
        diagnostics: Vec<Diagnostic>,
        root: PathBuf,
    ) -> Self {
        let failed = diagnostics
            .iter()
            .any(|d| d.severity == crate::diag::Severity::Error);
        let (document, recovered) = if failed {
            (None, document)
        } else {
            (document, None)
        };
        Loaded {
            document,
            recovered,
            diagnostics,
            root,
        }
    }

    /// The document to check: the complete one, or what was recovered past errors, so
    /// that one broken field does not hide every other finding.
    pub fn checkable(&self) -> Option<&Document> {
        self.document.as_ref().or(self.recovered.as_ref())
    }
}

/// Loads a document from a YAML file or a document folder.
pub fn load_path(path: &Path, sources: &mut Sources) -> Loaded {
    load_path_from(&Disk, path, sources)
}

/// Loads a document from a YAML file or a document folder of `files` (the disk, or
/// unsaved editor buffers over it).
pub fn load_path_from(files: &dyn FileSource, path: &Path, sources: &mut Sources) -> Loaded {
    load_from(files, path, sources, None)
}

/// [`load_path_from`] reusing the node trees of files unchanged since an earlier load
/// with the same cache (the files are added to `sources` in the same order each time).
pub fn load_path_cached(
    files: &dyn FileSource,
    path: &Path,
    sources: &mut Sources,
    trees: &mut yaml::ParseCache,
) -> Loaded {
    load_from(files, path, sources, Some(trees))
}

/// Loads from `files`, with the cache of node trees when the caller keeps one.
pub(crate) fn load_from(
    files: &dyn FileSource,
    path: &Path,
    sources: &mut Sources,
    trees: Option<&mut yaml::ParseCache>,
) -> Loaded {
    let mut loaded = if files.kind(path) == Some(EntryKind::Dir) {
        load_folder(files, path, sources, trees)
    } else {
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        match read(files, path, sources) {
            Ok(file) if evaluation::is_evaluation_text(sources.text(file)) => {
                return evaluation::load(files, path, file, sources, trees);
            }
            Ok(file) => {
                let (document, diagnostics) = convert::document(file, sources, Vec::new(), trees);
                Loaded::new(document, diagnostics, root)
            }
            Err(d) => Loaded::new(None, vec![d], root),
        }
    };
    mark_targets(&mut loaded, sources);
    loaded
}

/// A targets document (not a separate 自评 document) is its own 自评 source: its actuals
/// sit beside its targets. Every loader marks it the same way.
pub(crate) fn mark_targets(loaded: &mut Loaded, sources: &Sources) {
    for doc in loaded
        .document
        .iter_mut()
        .chain(loaded.recovered.iter_mut())
    {
        doc.evaluation = Some(crate::model::EvaluationSource {
            targets_path: sources.name(doc.file).to_string(),
            separate: None,
        });
    }
}

/// Loads a document from YAML text held in memory (tests, benchmarks, `fmt`).
pub fn load_str(name: &str, text: &str, sources: &mut Sources) -> Loaded {
    let file = sources.add(name, text);
    let (document, diagnostics) = convert::document(file, sources, Vec::new(), None);
    Loaded::new(document, diagnostics, PathBuf::new())
}

fn read(files: &dyn FileSource, path: &Path, sources: &mut Sources) -> Result<usize, Diagnostic> {
    match files.read(path) {
        Ok(text) => Ok(sources.add(display_path(path), text)),
        Err(e) => Err(Diagnostic::of(
            &rules::L009,
            format!(
                "无法读取文件 {}：{}",
                display_path(path),
                diag::io_reason(&e)
            ),
        )
        .with_help("检查路径是否正确、文件是否为 UTF-8 编码的文本")),
    }
}

/// A path as shown in diagnostics: relative, with forward slashes.
pub fn display_path(path: &Path) -> String {
    let p = path.strip_prefix("./").unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

/// Is this a YAML file name?
pub fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml") | Some("yml")
    )
}

/// The project files of a document folder, in sorted order: every YAML file below it
/// except `jixiao.yaml` and hidden files (`.gitlab-ci.yml`), skipping hidden folders,
/// `templates/`, `build/` and nested document folders.
pub fn project_files(dir: &Path) -> Vec<PathBuf> {
    project_files_from(&Disk, dir)
}

/// [`project_files`] of a folder of `files`.
pub fn project_files_from(files: &dyn FileSource, dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect_project_files(files, dir, 1, &mut found);
    found
}

/// Walks one folder in file-name order, depth first.
fn collect_project_files(files: &dyn FileSource, dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(mut entries) = files.entries(dir) else {
        return;
    };
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in entries {
        let path = dir.join(&name);
        let name = name.to_string_lossy();
        match kind {
            EntryKind::Dir => {
                let skipped = name.starts_with('.')
                    || name == "templates"
                    || name == "build"
                    || files.kind(&path.join(DOCUMENT_FILE)).is_some();
                if !skipped {
                    collect_project_files(files, &path, depth + 1, out);
                }
            }
            EntryKind::File => {
                if is_yaml(&path)
                    && !name.starts_with('.')
                    && !(depth == 1 && name == DOCUMENT_FILE)
                {
                    out.push(path);
                }
            }
        }
    }
}

fn load_folder(
    files: &dyn FileSource,
    dir: &Path,
    sources: &mut Sources,
    trees: Option<&mut yaml::ParseCache>,
) -> Loaded {
    let root = dir.to_path_buf();
    let settings = dir.join(DOCUMENT_FILE);
    if files.kind(&settings).is_none() {
        return Loaded::new(
            None,
            vec![
                Diagnostic::of(
                    &rules::L009,
                    format!("文件夹 {} 中没有 {DOCUMENT_FILE}", display_path(dir)),
                )
                .with_help(format!(
                    "文档文件夹需要一个 {DOCUMENT_FILE}（年度、金额单位、单位、指标体系），每个项目一个 YAML 文件"
                )),
            ],
            root,
        );
    }
    let mut diagnostics = Vec::new();
    let settings_file = match read(files, &settings, sources) {
        Ok(f) => f,
        Err(d) => return Loaded::new(None, vec![d], root),
    };
    let mut project_sources = Vec::new();
    for path in project_files_from(files, dir) {
        match read(files, &path, sources) {
            Ok(file) => {
                let rel = path
                    .strip_prefix(dir)
                    .map(display_path)
                    .unwrap_or_else(|_| display_path(&path));
                project_sources.push((rel, file));
            }
            Err(d) => diagnostics.push(d),
        }
    }
    let (document, more) = convert::document(settings_file, sources, project_sources, trees);
    diagnostics.extend(more);
    Loaded::new(document, diagnostics, root)
}
