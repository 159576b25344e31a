//! Whole-tree builds: find every document under a folder, check and render them in
//! parallel, reuse unchanged outputs, and publish the tree's index page and consolidated
//! volume (汇编).
//!
//! The steps of [`build`]:
//! 1. discovery — [`crate::cli`]'s sorted walk finds the documents; [`shard`] keeps this
//!    job's share of them;
//! 2. merging — with `--merge`, the shards' outputs and manifests are copied in first, so
//!    the next step finds every document already built;
//! 3. the parallel pass — each document is loaded, checked and rendered on a rayon pool,
//!    unless the [`cache`] manifest shows its output is current;
//! 4. assembly — the [`index`] page and the [`volume`] are written from the documents'
//!    views in sorted order, so sharded-and-merged and single builds give the same bytes.

pub mod cache;
pub mod fingerprint;
pub mod index;
pub mod progress;
pub mod shard;
pub mod synthetic;
pub mod volume;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::common;
pub use crate::cli::common::find_documents;
use crate::diag;
use crate::load;
use crate::render::{self, RenderContext, RenderOptions};
use crate::table::DocumentView;

use cache::{Entry, Manifest, Output};
use progress::{Progress, ProgressStyle};
use shard::Shard;
use volume::{Volume, VolumeDocument};

/// The index page written at the top of a tree build.
pub const INDEX_FILE: &str = "index.html";
/// The consolidated volume's file stem (`volume.txt`, `volume.pdf`).
pub const VOLUME_STEM: &str = "volume";

/// What to build and where.
#[derive(Clone, Debug)]
pub struct Plan {
    /// A document file or folder, or a folder of documents.
    pub path: PathBuf,
    pub out: PathBuf,
    /// Format names, in build order.
    pub formats: Vec<String>,
    pub options: RenderOptions,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Build only this shard's documents, and no index or volume.
    pub shard: Option<Shard>,
    /// Shard output folders to merge: their outputs are taken as built, nothing is
    /// rendered, and a document missing from every shard is an error.
    pub merge: Vec<PathBuf>,
    pub progress: ProgressStyle,
}

/// What a build did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents found under the path.
    pub documents: usize,
    /// Documents with at least one output rendered this time.
    pub built: usize,
    /// Documents whose outputs were all current and reused.
    pub reused: usize,
    /// Documents with errors (nothing written for them).
    pub failed: usize,
    /// Documents left to other shards.
    pub other_shards: usize,
    /// Whether the index page and volume were written.
    pub assembled: bool,
}

/// One document's result from the parallel pass.
struct Done {
    id: String,
    entry: Option<Entry>,
    view: Option<DocumentView>,
    rendered: bool,
}

/// Builds every document under `plan.path`. `Err` is a usage or I/O failure; documents
/// with errors are counted in [`Summary::failed`] and reported on stderr.
pub fn build(plan: &Plan) -> Result<Summary, String> {
    for f in &plan.formats {
        if render::renderer(f).is_none() {
            return Err(format!(
                "未知的输出格式 `{f}`；可用：{}",
                render::FORMATS.join("、")
            ));
        }
    }
    if !plan.path.exists() {
        return Err(format!("路径不存在：{}", plan.path.display()));
    }
    let documents = common::find_documents(&plan.path);
    if documents.is_empty() {
        return Err(format!("{} 下没有找到文档", plan.path.display()));
    }
    let tree = !(documents.len() == 1 && documents[0] == plan.path);
    let on_disk = Manifest::read(&plan.out);
    let mut previous = on_disk.clone();
    for dir in &plan.merge {
        take_shard(dir, &plan.out, &mut previous)?;
    }
    let selected: Vec<(String, &PathBuf)> = documents
        .iter()
        .map(|d| (document_id(&plan.path, d, tree), d))
        .filter(|(id, _)| plan.shard.is_none_or(|s| s.contains(id)))
        .collect();

    let fonts = if plan.formats.iter().any(|f| f == "pdf") {
        cache::fonts_hash(&plan.options)
    } else {
        String::new()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.jobs)
        .build()
        .map_err(|e| format!("无法启动工作线程：{e}"))?;
    let progress = Progress::new(plan.progress, selected.len());
    let job = Job {
        plan,
        tree,
        previous: &previous,
        fonts: &fonts,
        progress: &progress,
    };
    let results: Vec<Done> = pool.install(|| {
        selected
            .par_iter()
            .map(|(id, path)| job.document(id, path))
            .collect()
    });

    let mut summary = Summary {
        documents: documents.len(),
        other_shards: documents.len() - selected.len(),
        ..Summary::default()
    };
    let mut manifest = Manifest {
        tool: cache::tool_fingerprint().to_string(),
        ..Manifest::default()
    };
    for done in &results {
        match &done.entry {
            Some(entry) => {
                if done.rendered {
                    summary.built += 1;
                } else {
                    summary.reused += 1;
                }
                manifest.documents.insert(done.id.clone(), entry.clone());
            }
            None => {
                summary.failed += 1;
                // Keep the last good outputs of a document being edited (`watch`), but
                // never publish an index or volume that would silently miss it.
                if let Some(old) = previous.documents.get(&done.id) {
                    manifest.documents.insert(done.id.clone(), old.clone());
                }
            }
        }
    }

    if tree && plan.shard.is_none() && summary.failed == 0 {
        let docs = results
            .into_iter()
            .filter_map(|d| {
                Some(VolumeDocument {
                    outputs: d
                        .entry?
                        .outputs
                        .into_iter()
                        .map(|(f, o)| (f, o.path))
                        .collect(),
                    view: d.view?,
                    id: d.id,
                })
            })
            .collect();
        manifest.volume = assemble(plan, &Volume::new(docs), &previous)?;
        summary.assembled = true;
    }

    remove_stale(&plan.out, &previous, &manifest, summary.assembled);
    // A shard always leaves a manifest, even an empty one, so `--merge` can tell an empty
    // shard from a missing one; a lone failing document leaves nothing at all.
    let nothing = manifest.documents.is_empty() && on_disk.documents.is_empty();
    let exists = plan.out.join(cache::MANIFEST_PATH).exists();
    if (manifest != on_disk || !exists) && (!nothing || plan.shard.is_some()) {
        let path = plan.out.join(cache::MANIFEST_PATH);
        common::write_atomic(&path, &manifest.to_bytes())
            .map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    }
    Ok(summary)
}

/// The id of a document: its path relative to the tree, or its file name when the path is
/// the document itself.
fn document_id(base: &Path, doc: &Path, tree: bool) -> String {
    if tree {
        load::display_path(doc.strip_prefix(base).unwrap_or(doc))
    } else {
        doc.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| common::output_stem(doc))
    }
}

/// Copies one shard's outputs into `out` and records them as built there.
fn take_shard(dir: &Path, out: &Path, previous: &mut Manifest) -> Result<(), String> {
    let shard = Manifest::read_required(dir)?;
    for (id, entry) in shard.documents {
        for output in entry.outputs.values() {
            let from = dir.join(&output.path);
            let bytes =
                std::fs::read(&from).map_err(|e| format!("无法读取 {}：{e}", from.display()))?;
            let to = out.join(&output.path);
            if std::fs::read(&to).ok().as_deref() != Some(&bytes[..]) {
                common::write_atomic(&to, &bytes)
                    .map_err(|e| format!("无法写入 {}：{e}", to.display()))?;
            }
        }
        previous.documents.insert(id, entry);
    }
    Ok(())
}

/// Everything the per-document step reads.
struct Job<'a> {
    plan: &'a Plan,
    tree: bool,
    previous: &'a Manifest,
    fonts: &'a str,
    progress: &'a Progress,
}

impl Job<'_> {
    /// Loads, checks and renders one document (or reuses its outputs), then reports it.
    fn document(&self, id: &str, path: &Path) -> Done {
        let started = Instant::now();
        let mut messages = String::new();
        let (done, status) = self.document_inner(id, path, &mut messages);
        let changed = !matches!(&status, Ok(formats) if formats.is_empty());
        let status = match status {
            Ok(formats) if formats.is_empty() => "未变，沿用上次的输出".to_string(),
            Ok(formats) => format!(
                "已生成 {}（{} 毫秒）",
                formats.join("、"),
                started.elapsed().as_millis()
            ),
            Err(e) => {
                messages.push_str(&format!("{id}：{e}\n"));
                "失败".to_string()
            }
        };
        self.progress.finish_one(id, &status, &messages, changed);
        done
    }

    fn document_inner(
        &self,
        id: &str,
        path: &Path,
        messages: &mut String,
    ) -> (Done, Result<Vec<String>, String>) {
        let failed = |e: String| {
            (
                Done {
                    id: id.to_string(),
                    entry: None,
                    view: None,
                    rendered: false,
                },
                Err(e),
            )
        };
        let checked = common::load_and_check(path);
        if !checked.diagnostics.is_empty() {
            messages.push_str(&diag::render_human(&checked.diagnostics, &checked.sources));
        }
        let document = match (&checked.document, checked.has_errors()) {
            (Some(doc), false) => doc,
            _ => return failed("有错误，未生成输出".into()),
        };
        let view = DocumentView::new(document);
        let cx = RenderContext {
            view: &view,
            document,
            root: &checked.root,
            options: &self.plan.options,
        };
        let sources = cache::sources_hash(path);
        let stem = output_stem(id, path, self.tree);
        let mut entry = Entry::default();
        let mut rendered = Vec::new();
        for format in &self.plan.formats {
            let key = cache::output_key(id, &sources, format, &self.plan.options, self.fonts);
            if let Some(output) = self.previous.reusable(&self.plan.out, id, format, &key) {
                entry.outputs.insert(format.clone(), output);
                continue;
            }
            if !self.plan.merge.is_empty() {
                return failed(format!(
                    "各分片的输出中没有它的最新 {format} 结果；请重新运行分片构建"
                ));
            }
            let Some(renderer) = render::renderer(format) else {
                return failed(format!("未知的输出格式 `{format}`"));
            };
            let bytes = match renderer.render(&cx) {
                Ok(bytes) => bytes,
                Err(diags) => {
                    messages.push_str(&diag::render_human(&diags, &checked.sources));
                    return failed(format!("{} 输出失败", renderer.name()));
                }
            };
            let rel = format!("{stem}.{}", renderer.extension());
            let target = self.plan.out.join(&rel);
            if let Err(e) = common::write_atomic(&target, &bytes) {
                return failed(format!("无法写入 {}：{e}", target.display()));
            }
            entry.outputs.insert(
                format.clone(),
                Output {
                    path: rel,
                    key,
                    hash: cache::output_hash(&bytes),
                },
            );
            rendered.push(format.clone());
        }
        let done = Done {
            id: id.to_string(),
            entry: Some(entry),
            view: Some(view),
            rendered: !rendered.is_empty(),
        };
        (done, Ok(rendered))
    }
}

/// The output path of a document without extension, relative to the output folder:
/// its folder within the tree plus its stem.
fn output_stem(id: &str, path: &Path, tree: bool) -> String {
    let stem = common::output_stem(path);
    match id.rsplit_once('/') {
        Some((dir, _)) if tree => format!("{dir}/{stem}"),
        _ => stem,
    }
}

/// Writes the volume in every format that has a volume layout, and the index page; returns
/// the volume's manifest entry.
fn assemble(plan: &Plan, volume: &Volume, previous: &Manifest) -> Result<Entry, String> {
    let mut entry = Entry::default();
    let mut files = Vec::new();
    let content = fingerprint::hex_of(&serde_json::to_string(volume).unwrap_or_default());
    for format in &plan.formats {
        let Some((extension, label)) = volume_format(format) else {
            continue;
        };
        let rel = format!("{VOLUME_STEM}.{extension}");
        let key = cache::output_key(&rel, &content, format, &plan.options, "");
        let reused = previous
            .volume
            .outputs
            .get(format)
            .filter(|o| o.key == key && o.path == rel)
            .filter(|o| {
                std::fs::read(plan.out.join(&o.path))
                    .is_ok_and(|b| cache::output_hash(&b) == o.hash)
            })
            .cloned();
        let output = match reused {
            Some(output) => output,
            None => {
                let bytes = render_volume(format, volume, &plan.options)?;
                write(&plan.out.join(&rel), &bytes)?;
                Output {
                    path: rel.clone(),
                    key,
                    hash: cache::output_hash(&bytes),
                }
            }
        };
        entry.outputs.insert(format.clone(), output);
        files.push((rel, label.to_string()));
    }
    write(
        &plan.out.join(INDEX_FILE),
        index::render_html(volume, &files).as_bytes(),
    )?;
    Ok(entry)
}

/// The formats with a volume layout: file extension and the label on the index page.
fn volume_format(format: &str) -> Option<(&'static str, &'static str)> {
    match format {
        "text" => Some(("txt", "文本")),
        _ => None,
    }
}

fn render_volume(
    format: &str,
    volume: &Volume,
    options: &RenderOptions,
) -> Result<Vec<u8>, String> {
    match format {
        "text" => Ok(volume::render_text(volume, options.page_width).into_bytes()),
        _ => Err(format!("格式 {format} 没有汇编版式")),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    common::write_atomic(path, bytes).map_err(|e| format!("无法写入 {}：{e}", path.display()))
}

/// Removes outputs the previous build wrote that this one no longer produces (deleted
/// documents, dropped formats, other shards), and a stale index and volume when this build
/// does not assemble them.
fn remove_stale(out: &Path, previous: &Manifest, current: &Manifest, assembled: bool) {
    let keep: std::collections::BTreeSet<&str> = current
        .documents
        .values()
        .chain(std::iter::once(&current.volume))
        .flat_map(|e| e.outputs.values().map(|o| o.path.as_str()))
        .collect();
    for entry in previous
        .documents
        .values()
        .chain(std::iter::once(&previous.volume))
    {
        for output in entry.outputs.values() {
            if !keep.contains(output.path.as_str()) {
                let _ = std::fs::remove_file(out.join(&output.path));
            }
        }
    }
    if !assembled && !previous.volume.outputs.is_empty() {
        let _ = std::fs::remove_file(out.join(INDEX_FILE));
    }
}
