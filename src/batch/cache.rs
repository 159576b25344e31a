//! The output cache: a manifest in the output folder records, for every document and
//! format, the key its output was built from and the hash of the bytes written.
//!
//! A key covers everything an output depends on: the document's source files, its
//! `templates/` overrides, the render options, the fonts (PDF only) and the jixiao build
//! itself ([`TOOL_FINGERPRINT`], which covers the built-in templates and fonts). An output is reused
//! only when its key matches and the file on disk still has the recorded hash.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fingerprint::Fingerprint;
use crate::load::{self, DOCUMENT_FILE};
use crate::render::{Format, RenderOptions};

/// Where the manifest lives, relative to the output folder.
pub const MANIFEST_PATH: &str = ".jixiao/manifest.json";

/// Every output a build produced, by document id.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// The tool fingerprint the outputs were made with.
    pub tool: String,
    pub documents: BTreeMap<String, Entry>,
    /// The consolidated volume's outputs (tree builds only).
    #[serde(default)]
    pub volume: Entry,
}

/// One document's outputs, by format name.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub outputs: BTreeMap<String, Output>,
    /// The warnings its last check printed, shown again when the document is reused
    /// without being checked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub messages: String,
}

/// One output file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Output {
    /// Path relative to the output folder, with forward slashes.
    pub path: String,
    /// The key the file was built from.
    pub key: String,
    /// The hash of the bytes written.
    pub hash: String,
}

impl Manifest {
    /// Reads the manifest of an output folder; a missing or unreadable one is empty.
    pub fn read(out: &Path) -> Manifest {
        std::fs::read(out.join(MANIFEST_PATH))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.outside().is_none())
            .unwrap_or_default()
    }

    /// An output path that would leave the output folder, if any (a damaged or forged
    /// manifest must not make a build write or delete files elsewhere).
    fn outside(&self) -> Option<&Output> {
        self.documents
            .values()
            .chain(std::iter::once(&self.volume))
            .flat_map(|e| e.outputs.values())
            .find(|o| !is_inside(&o.path))
    }

    /// Reads a manifest that must exist (a shard's output when merging); every output
    /// path in it must stay inside the folder.
    pub fn read_required(out: &Path) -> Result<Manifest, String> {
        let path = out.join(MANIFEST_PATH);
        let bytes = std::fs::read(&path).map_err(|_| {
            format!(
                "{} 不是 jixiao 的输出目录（缺少 {MANIFEST_PATH}）",
                out.display()
            )
        })?;
        let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "无法读取 {}：不是有效的构建记录（第 {} 行有误）；请重新运行该分片的构建",
                path.display(),
                e.line()
            )
        })?;
        match manifest.outside() {
            Some(o) => Err(format!("{} 中的输出路径无效：{}", path.display(), o.path)),
            None => Ok(manifest),
        }
    }

    /// The manifest as written: pretty JSON with a trailing newline, keys in sorted order.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text.into_bytes()
    }

    /// The recorded output when it is still valid for `key`: the key matches and the file
    /// under `out` still holds the bytes that were written.
    pub fn reusable(&self, out: &Path, id: &str, format: Format, key: &str) -> Option<Output> {
        let output = self.documents.get(id)?.outputs.get(format.name())?;
        if output.key != key {
            return None;
        }
        let bytes = std::fs::read(out.join(&output.path)).ok()?;
        (Fingerprint::new().bytes(&bytes).hex() == output.hash).then(|| output.clone())
    }
}

/// Whether a recorded output path is relative and stays inside the output folder.
pub fn is_inside(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// The hash recorded for output bytes.
pub fn output_hash(bytes: &[u8]) -> String {
    Fingerprint::new().bytes(bytes).hex()
}

/// The fingerprint of this jixiao build: its version and a hash, computed when jixiao was
/// compiled (`build.rs`), of every file the binary is made from (source, embedded
/// templates, fonts and frameworks, locked dependencies). A rebuilt binary with changed
/// templates or fonts invalidates every output; no command reads the executable.
pub const TOOL_FINGERPRINT: &str = concat!(
    "jixiao ",
    env!("CARGO_PKG_VERSION"),
    " ",
    env!("JIXIAO_TOOL_FINGERPRINT")
);

/// [`TOOL_FINGERPRINT`], as recorded in the manifest.
pub fn tool_fingerprint() -> &'static str {
    TOOL_FINGERPRINT
}

/// The files a document is made of, named relative to the document: its YAML files and
/// its `templates/` folder.
pub fn source_files(doc_path: &Path) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    if doc_path.is_dir() {
        files.push((DOCUMENT_FILE.to_string(), doc_path.join(DOCUMENT_FILE)));
        for p in load::project_files(doc_path) {
            files.push((relative(doc_path, &p), p));
        }
    } else {
        let name = doc_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((name, doc_path.to_path_buf()));
    }
    let root = if doc_path.is_dir() {
        doc_path.to_path_buf()
    } else {
        doc_path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    files.extend(folder_files(&root.join("templates"), "templates/"));
    files.extend(folder_files(&root.join("scoring"), "scoring/"));
    // A 自评 document is made of its targets' document too.
    if let Some(targets) = crate::load::evaluation::targets_of(doc_path) {
        files.extend(
            source_files(&targets)
                .into_iter()
                .map(|(name, path)| (format!("targets/{name}"), path)),
        );
    }
    files
}

/// Every file below a folder, sorted, named with a prefix and forward slashes.
pub fn folder_files(dir: &Path, prefix: &str) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                format!("{prefix}{}", relative(dir, e.path())),
                e.path().to_path_buf(),
            )
        })
        .collect()
}

fn relative(base: &Path, path: &Path) -> String {
    load::display_path(path.strip_prefix(base).unwrap_or(path))
}

/// The hash of a document's source files (the part of its key that authors change).
pub fn sources_hash(doc_path: &Path) -> String {
    let mut fp = Fingerprint::new();
    for (name, path) in source_files(doc_path) {
        fp.file(&name, &path);
    }
    fp.hex()
}

/// The hash of the extra font folders, computed once per build and only for PDF.
pub fn fonts_hash(options: &RenderOptions) -> String {
    let mut fp = Fingerprint::new();
    for (i, dir) in options.font_paths.iter().enumerate() {
        for (name, path) in folder_files(dir, &format!("{i}/")) {
            fp.file(&name, &path);
        }
    }
    fp.hex()
}

/// The key of one output: what it is built from, and how.
pub fn output_key(
    id: &str,
    sources: &str,
    format: Format,
    options: &RenderOptions,
    fonts: &str,
) -> String {
    let mut fp = Fingerprint::new();
    fp.str(tool_fingerprint())
        .str(id)
        .str(sources)
        .str(format.name())
        .str(&format!("{options:?}"));
    if format == Format::Pdf {
        // The PDF's date when its document gives none.
        fp.str(fonts)
            .str(&std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default());
    } else if format == Format::Docx {
        // The Word file's date (core properties, zip entries) when its document gives none.
        fp.str(&std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default());
    }
    fp.hex()
}
