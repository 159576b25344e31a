//! The editor's open files and the documents they belong to, each checked through the
//! same load and check as `jixiao check`, reading unsaved buffers over the disk.
//!
//! A change marks only its own document for checking again; the others keep their last
//! result.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_types::TextDocumentContentChangeEvent;

use super::position::LineIndex;
use crate::check::framework::Framework;
use crate::diag::Diagnostic;
use crate::load::yaml::ParseCache;
use crate::load::{self, DOCUMENT_FILE, Disk, EntryKind, FileSource, Overlay};
use crate::model::Document;
use crate::pipeline;
use crate::span::{FileId, Sources};

/// One document's last check.
pub struct Checked {
    /// The document: its folder, or its file for the single-file form.
    pub path: PathBuf,
    pub sources: Sources,
    /// The model as checked: complete, or as far as it was read past loading errors.
    pub document: Option<Document>,
    /// Loading and checking findings, as `jixiao check` reports them.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file of the document that could be read, with its path.
    pub files: Vec<(FileId, PathBuf)>,
    /// Line starts of every file, by [`FileId`].
    pub lines: Vec<LineIndex>,
    /// The document's indicator framework, when it resolved.
    pub framework: Option<Framework>,
    /// The budget year, when the document says it.
    pub year: Option<i32>,
    /// Whether the document is a folder (else a single file).
    pub is_folder: bool,
}

impl Checked {
    /// The file id of a path of this document.
    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .find(|(_, p)| p == path)
            .map(|(id, _)| *id)
    }

    /// The path of a file of this document.
    pub fn file_path(&self, file: FileId) -> Option<&Path> {
        self.files
            .iter()
            .find(|(id, _)| *id == file)
            .map(|(_, p)| p.as_path())
    }

    /// The file findings without a place are shown on: `jixiao.yaml`, or the document file.
    pub fn main_file(&self) -> PathBuf {
        if self.is_folder {
            self.path.join(DOCUMENT_FILE)
        } else {
            self.path.clone()
        }
    }
}

/// Open buffers and checked documents.
#[derive(Default)]
pub struct Workspace {
    /// Texts of the files open in the editor, by absolute path.
    buffers: BTreeMap<PathBuf, String>,
    /// Editor versions of the open files.
    versions: BTreeMap<PathBuf, i32>,
    /// The document each open file belongs to; absent for YAML that is not jixiao's.
    owners: BTreeMap<PathBuf, PathBuf>,
    /// The last check of every document that has an open file.
    documents: BTreeMap<PathBuf, Checked>,
    /// Documents whose files changed since their last check.
    dirty: BTreeSet<PathBuf>,
    /// Files edited since the last check (their diagnostics are always published).
    touched: BTreeSet<PathBuf>,
    /// Parsed files of each document, so a keystroke parses only the file it is in.
    trees: BTreeMap<PathBuf, ParseCache>,
}

impl Workspace {
    /// A file was opened with this text.
    pub fn open(&mut self, path: PathBuf, text: String, version: i32) {
        self.buffers.insert(path.clone(), text);
        self.versions.insert(path.clone(), version);
        self.touch(path);
    }

    /// An open file changed: full texts or ranges (UTF-16 positions) replaced in order.
    pub fn change(
        &mut self,
        path: PathBuf,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
    ) {
        let Some(text) = self.buffers.get_mut(&path) else {
            return;
        };
        for change in changes {
            match change.range {
                None => *text = change.text,
                Some(range) => {
                    let index = LineIndex::new(text);
                    let start = index.offset(text, range.start);
                    let end = index.offset(text, range.end).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        self.versions.insert(path.clone(), version);
        // Editing a file does not move it to another document; only a file outside any
        // document may become a single-file document by what is typed.
        match self.owners.get(&path) {
            Some(owner) => {
                self.dirty.insert(owner.clone());
                self.touched.insert(path);
            }
            None => self.touch(path),
        }
    }

    /// A file was saved: other files of its document may have changed on disk too.
    pub fn save(&mut self, path: PathBuf) {
        self.touch(path);
    }

    /// A file was closed: its document is read from disk again, or forgotten when none
    /// of its files is open any more. Returns the files whose diagnostics to clear.
    pub fn close(&mut self, path: &Path) -> Vec<PathBuf> {
        self.buffers.remove(path);
        self.versions.remove(path);
        let Some(owner) = self.owners.remove(path) else {
            return Vec::new();
        };
        if self.owners.values().any(|o| *o == owner) {
            self.dirty.insert(owner);
            return Vec::new();
        }
        self.dirty.remove(&owner);
        self.trees.remove(&owner);
        self.documents
            .remove(&owner)
            .map(|c| c.files.into_iter().map(|(_, p)| p).collect())
            .unwrap_or_default()
    }

    fn touch(&mut self, path: PathBuf) {
        let files = Overlay::new(&Disk, &self.buffers);
        match document_of(&files, &path, self.buffers.get(&path).map(String::as_str)) {
            Some(doc) => {
                if let Some(old) = self.owners.insert(path.clone(), doc.clone()) {
                    self.dirty.insert(old);
                }
                self.dirty.insert(doc);
                self.touched.insert(path);
            }
            None => {
                if let Some(old) = self.owners.remove(&path) {
                    self.dirty.insert(old);
                }
            }
        }
    }

    /// Checks every document that changed; returns them with the files edited since.
    pub fn flush(&mut self) -> (Vec<&Checked>, BTreeSet<PathBuf>) {
        let dirty = std::mem::take(&mut self.dirty);
        let touched = std::mem::take(&mut self.touched);
        for doc in &dirty {
            if !self.owners.values().any(|o| o == doc) {
                self.documents.remove(doc);
                self.trees.remove(doc);
                continue;
            }
            let files = Overlay::new(&Disk, &self.buffers);
            let trees = self.trees.entry(doc.clone()).or_default();
            let checked = check_document(&files, doc, trees);
            self.documents.insert(doc.clone(), checked);
        }
        let checked = dirty.iter().filter_map(|d| self.documents.get(d)).collect();
        (checked, touched)
    }

    /// Whether a check is pending.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty()
    }

    /// The last check of the document a file belongs to.
    pub fn checked_for(&self, path: &Path) -> Option<&Checked> {
        self.documents.get(self.owners.get(path)?)
    }

    /// The editor's version of an open file.
    pub fn version(&self, path: &Path) -> Option<i32> {
        self.versions.get(path).copied()
    }

    /// The current text of a file: the editor's buffer, or what was read from disk.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.buffers.get(path).map(String::as_str)
    }
}

/// Loads and checks one document from `files`, as `jixiao check` does from the disk
/// (the same [`pipeline::check_loaded`], so recovery past broken fields and the 自评
/// checks included), parsing only the files whose text is not in `trees` yet.
pub fn check_document(files: &dyn FileSource, path: &Path, trees: &mut ParseCache) -> Checked {
    let mut sources = Sources::new();
    let is_folder = files.kind(path) == Some(EntryKind::Dir);
    let loaded = load::load_path_cached(files, path, &mut sources, trees);
    let run = pipeline::check_loaded(loaded, sources);
    let document = run.document.or(run.recovered);
    let sources = run.sources;
    let framework = document
        .as_ref()
        .and_then(|doc| Framework::resolve(&doc.framework.value, sources.name(doc.file)).ok());
    let mut file_list = Vec::new();
    let mut lines = Vec::new();
    while sources.files().get(file_list.len()).is_ok() {
        let id = file_list.len();
        file_list.push((id, PathBuf::from(sources.name(id))));
        lines.push(LineIndex::new(sources.text(id)));
    }
    let year = document.as_ref().map(|d| d.year.value);
    Checked {
        path: path.to_path_buf(),
        sources,
        document,
        diagnostics: run.diagnostics,
        files: file_list,
        lines,
        framework,
        year,
        is_folder,
    }
}

/// The document a YAML file belongs to: the nearest folder above it with `jixiao.yaml`
/// when the file is that `jixiao.yaml` or one of the folder's project files; otherwise
/// the file itself when it reads as a single-file document. `None` for any other YAML
/// (CI configuration, templates, outputs, files in hidden folders of a document).
pub fn document_of(files: &dyn FileSource, path: &Path, text: Option<&str>) -> Option<PathBuf> {
    if !load::is_yaml(path) {
        return None;
    }
    for dir in path.ancestors().skip(1) {
        let settings = dir.join(DOCUMENT_FILE);
        if files.kind(&settings) == Some(EntryKind::File) {
            let member = path == settings
                || load::project_files_from(files, dir)
                    .iter()
                    .any(|p| p == path);
            return member.then(|| dir.to_path_buf());
        }
    }
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let text = match text {
        Some(t) => t.to_string(),
        None => files.read(path).ok()?,
    };
    (!hidden && looks_like_document(&text)).then(|| path.to_path_buf())
}

/// Whether a YAML file outside any document folder is a single-file document: it has a
/// top-level `projects:` or `targets:` (a 自评 document) or names jixiao's schema.
fn looks_like_document(text: &str) -> bool {
    text.lines().any(|l| {
        l.starts_with("projects:")
            || l.starts_with(&format!("{}:", load::evaluation::TARGETS_KEY))
            || (l.starts_with('#') && l.contains("jixiao.schema.json"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_are_checked() {
        assert!(looks_like_document("year: 2025\nprojects:\n  - name: x\n"));
        assert!(looks_like_document(
            "# yaml-language-server: $schema=../schema/jixiao.schema.json\n"
        ));
        assert!(looks_like_document("targets: ../2025\ndate: 2026-03-20\n"));
        assert!(!looks_like_document("on: push\njobs:\n  projects: 1\n"));
    }
}
