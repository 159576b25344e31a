//! What several subcommands share: finding documents, loading them, reporting, writing.

use std::path::{Path, PathBuf};

use crate::diag::{self, Diagnostic, Severity};
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

/// A loaded document with its sources, checked.
pub struct Checked {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    pub root: PathBuf,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Loads a document and, when it loaded, runs the checker over it.
pub fn load_and_check(path: &Path) -> Checked {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    let mut diagnostics = loaded.diagnostics;
    if let Some(doc) = &loaded.document {
        diagnostics.extend(crate::check::check_document(doc, &sources));
    }
    Checked {
        document: loaded.document,
        diagnostics,
        sources,
        root: loaded.root,
    }
}

/// Prints diagnostics rustc-style to stderr.
pub fn eprint_diagnostics(diags: &[Diagnostic], sources: &Sources) {
    if !diags.is_empty() {
        eprint!("{}", diag::render_human(diags, sources));
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
