//! The library's one entry for "find, load, check, write": what `jixiao check`, `jixiao
//! build` (through [`crate::batch`]), `jixiao watch`, the benchmarks and the tests all do
//! with a path before a backend or a report takes over.
//!
//! - [`find_documents`] turns a path into the documents under it, in sorted order;
//! - [`load_and_check`] reads one document ([`crate::load`]) and runs every pass
//!   ([`crate::check`]) over it, handing on a [`Checked`];
//! - [`write_atomic`] writes an output so that no reader ever sees half of it.
//!
//! Nothing here prints: the command line ([`crate::cli`]) decides how findings are shown.

use std::path::{Path, PathBuf};

use crate::check::{self, Suppressed};
use crate::diag::{Diagnostic, Severity};
use crate::load::{self, DOCUMENT_FILE};
use crate::model::Document;
use crate::span::Sources;

/// The documents under a path: the path itself if it is a document file or folder,
/// otherwise every document folder (with `jixiao.yaml`) and single-file document below it,
/// in sorted order.
pub fn find_documents(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() || path.join(DOCUMENT_FILE).exists() {
        return vec![path.to_path_buf()];
    }
    let mut docs = Vec::new();
    let mut walker = walkdir::WalkDir::new(path).sort_by_file_name().into_iter();
    while let Some(Ok(entry)) = walker.next() {
        let p = entry.path();
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && name.starts_with('.') {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() {
            if name == "templates" || name == "build" {
                walker.skip_current_dir();
            } else if p.join(DOCUMENT_FILE).exists() {
                docs.push(p.to_path_buf());
                walker.skip_current_dir();
            }
        } else if load::is_yaml(p) && name != DOCUMENT_FILE {
            docs.push(p.to_path_buf());
        }
    }
    docs
}

/// The output file stem of a document: the file stem or the folder name.
pub fn output_stem(doc_path: &Path) -> String {
    let name = if doc_path.is_dir() {
        doc_path.file_name()
    } else {
        doc_path.file_stem()
    };
    name.map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string())
}

/// A loaded document with its sources, checked: what the stages after checking (backends,
/// reports, fixes) start from.
pub struct Checked {
    /// The model, when it loaded without loading errors (check findings may still be
    /// errors); `None` when a field was broken, though the rest was checked.
    pub document: Option<Document>,
    /// The document as far as it was read past its loading errors (what was checked
    /// when `document` is `None`); never rendered.
    pub recovered: Option<Document>,
    /// Loading findings, then the active findings of every pass, in that order.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings allowed in place by the document's `allow:` entries.
    pub suppressed: Vec<Suppressed>,
    /// The text of every file read; every span points into it.
    pub sources: Sources,
    /// The document's folder (a `templates/` folder there overrides built-in templates).
    pub root: PathBuf,
}

impl Checked {
    /// The document that was checked: the complete one, or the one recovered past errors.
    pub fn checkable(&self) -> Option<&Document> {
        self.document.as_ref().or(self.recovered.as_ref())
    }

    /// Whether any finding is an error (so nothing may be rendered).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Loads a document and runs the checker over it, also past loading errors: a broken
/// field is reported and the rest is still checked ([`load::Loaded::checkable`]). Then
/// `document` is `None`, so nothing is rendered or written while errors remain.
pub fn load_and_check(path: &Path) -> Checked {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    check_loaded(loaded, sources)
}

/// What [`load_and_check`] does once the document is loaded: the language server loads
/// from the editor's unsaved buffers and goes on here, so that it reports exactly what
/// `jixiao check` reports.
pub fn check_loaded(mut loaded: load::Loaded, sources: Sources) -> Checked {
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let mut suppressed = Vec::new();
    if let Some(doc) = loaded.checkable() {
        let report = check::check(doc, &sources);
        diagnostics.extend(report.diagnostics);
        suppressed = report.suppressed;
    }
    Checked {
        document: loaded.document,
        recovered: loaded.recovered,
        diagnostics,
        suppressed,
        sources,
        root: loaded.root,
    }
}

/// Writes a file atomically: a temporary file in the same folder, then a rename, so a
/// reader never sees a half-written output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
