//! Whole-tree builds: find every document under a folder, check and render them in
//! parallel, reuse unchanged outputs, and publish the tree's index page and consolidated
//! volume (汇编).
//!
//! The steps of [`build`]:
//! 1. discovery — [`crate::pipeline`]'s sorted walk finds the documents; [`shard`] keeps this
//!    job's share of them;
//! 2. merging — with `--merge`, the shards' outputs and manifests are copied in first, so
//!    the next step finds every document already built;
//! 3. the parallel pass — each document is loaded and checked on a rayon pool, then
//!    rendered on one of `--jobs` threads, one document at a time per thread (see
//!    `in_flight`), unless the [`cache`] manifest shows its output is current;
//! 4. assembly — the [`render::volume`] and the HTML backend's index page are written from the
//!    documents' views in sorted order, so sharded-and-merged and single builds give the
//!    same bytes.

pub mod cache;
pub mod fingerprint;
mod kept;
pub mod progress;
pub mod shard;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::diag;
use crate::load;
use crate::pipeline::{self, Checked};
use crate::render::pdf::part::Part;
use crate::render::volume::{Volume, VolumeDocument};
use crate::render::{self, Format, RenderContext, RenderOptions};
use crate::table::DocumentView;

use cache::{Entry, Manifest, Output};
use progress::{Progress, ProgressStyle};
use shard::Shard;

/// The index page written at the top of a tree build.
pub const INDEX_FILE: &str = "index.html";
/// The consolidated volume's file stem (`volume.txt`, `volume.pdf`).
pub const VOLUME_STEM: &str = "volume";

/// The stack of each worker thread.
const WORKER_STACK: usize = 256 << 20;

/// What to build and where.
#[derive(Clone, Debug)]
pub struct Plan {
    /// A document file or folder, or a folder of documents.
    pub path: PathBuf,
    pub out: PathBuf,
    /// The formats to build, in build order.
    pub formats: Vec<Format>,
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
    /// Documents loaded and checked this time: those not reused, and all of them when the
    /// volume had to be laid out again.
    pub checked: usize,
    /// Documents with errors (nothing written for them).
    pub failed: usize,
    /// Documents left to other shards.
    pub other_shards: usize,
    /// Whether the index page and volume were written.
    pub assembled: bool,
}

/// A document that loaded and checked without errors, ready to render.
struct Ready {
    id: String,
    checked: Checked,
    view: DocumentView,
    /// The output path without extension, relative to the output folder.
    stem: String,
    /// The hash of the document's source files.
    sources: String,
    /// Diagnostics (warnings) to print with the document's result.
    messages: String,
    /// Its outputs that are current, by format, as the survey found them.
    reusable: BTreeMap<Format, Output>,
    started: Instant,
    /// Its laid-out PDF pages, kept for the volume.
    part: Option<Arc<Part>>,
}

/// One document's result from the render pass: its outputs, or none when it failed.
struct Done {
    id: String,
    entry: Option<Entry>,
    rendered: bool,
    /// Its laid-out pages, when the volume is made of them.
    part: Option<Arc<Part>>,
}

/// A selected document before it is loaded: where its outputs go, the hash of its
/// sources, and those of its outputs that are current (checked once, here).
struct Candidate<'p> {
    id: String,
    path: &'p Path,
    stem: String,
    sources: String,
    reusable: BTreeMap<Format, Output>,
}

/// Builds every document under `plan.path`. `Err` is a usage or I/O failure; documents
/// with errors are counted in [`Summary::failed`] and reported on stderr.
///
/// Two passes: first every document is loaded and checked (cheap) on a rayon pool; then
/// the documents are rendered on `--jobs` threads of their own. The PDF volume is then
/// made of their kept pages; a volume laid out anew (custom templates, PDF/UA) is laid
/// out on the pool beside them, from the views the first pass produced, so its one long
/// compile overlaps the documents.
pub fn build(plan: &Plan) -> Result<Summary, String> {
    if !plan.path.exists() {
        return Err(format!("路径不存在：{}", plan.path.display()));
    }
    let documents = pipeline::find_documents(&plan.path);
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

    let fonts = if plan.formats.contains(&Format::Pdf) {
        cache::fonts_hash(&plan.options)
    } else {
        String::new()
    };
    let pool = worker_pool(plan.jobs)?;
    let progress = Progress::new(plan.progress, selected.len());
    let assemble = tree && plan.shard.is_none();
    let mut job = Job {
        plan,
        tree,
        previous: &previous,
        fonts: &fonts,
        progress: &progress,
        parts: false,
    };

    // Which documents still have every output current, from their sources' hashes alone.
    let candidates: Vec<Candidate> = pool.install(|| {
        selected
            .par_iter()
            .map(|(id, path)| job.survey(id, path))
            .collect()
    });
    let volume_content = assemble.then(|| volume_content(plan, &candidates, &fonts));
    let current_volume = volume_content
        .as_deref()
        .and_then(|content| current_volume(plan, content, &previous));
    // A document whose outputs are all current is neither loaded nor checked again, unless
    // the volume has to be laid out anew from every document's tables.
    let skip_current = !assemble || current_volume.is_some();
    let mut results = Vec::with_capacity(candidates.len());
    let mut pending = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        match job.current(&candidate) {
            Some(entry) if skip_current => {
                job.reuse(&candidate.id, &entry);
                results.push(Done {
                    id: candidate.id,
                    entry: Some(entry),
                    rendered: false,
                    part: None,
                });
            }
            _ => pending.push(candidate),
        }
    }

    let prepared: Vec<Result<Ready, String>> =
        pool.install(|| pending.par_iter().map(|c| job.prepare(c)).collect());
    let volume =
        (assemble && current_volume.is_none() && prepared.iter().all(Result::is_ok)).then(|| {
            Volume::new(
                prepared
                    .iter()
                    .flatten()
                    .map(|r| VolumeDocument {
                        id: r.id.clone(),
                        outputs: plan
                            .formats
                            .iter()
                            .map(|f| {
                                (
                                    f.name().to_string(),
                                    format!("{}.{}", r.stem, f.extension()),
                                )
                            })
                            .collect(),
                        view: r.view.clone(),
                    })
                    .collect(),
            )
        });
    // The PDF volume is made of the documents' own laid-out pages (kept as they are
    // rendered), so it is assembled after them; otherwise (custom templates, PDF/UA) it
    // is laid out anew beside the documents.
    job.parts = volume.is_some()
        && plan.formats.contains(&Format::Pdf)
        && render::pdf::volume::uses_pages(&plan.path, &plan.options);
    let job = job;
    let render_all = |prepared: Vec<Result<Ready, String>>| {
        // `--jobs 0` (the default) is one thread per CPU, as the pool resolved it.
        in_flight(pool.current_num_threads(), prepared, |r| match r {
            Ok(ready) => job.render(ready),
            Err(id) => Done {
                id,
                entry: None,
                rendered: false,
                part: None,
            },
        })
    };
    let (rendered, laid_out) = if job.parts {
        let rendered = render_all(prepared)?;
        let parts: Vec<Arc<Part>> = rendered.iter().filter_map(|d| d.part.clone()).collect();
        let laid_out = match (&volume, &volume_content) {
            (Some(v), Some(content)) => {
                Some(pool.install(|| lay_out_volume(plan, v, content, &previous, Some(&parts))))
            }
            _ => None,
        };
        (rendered, laid_out)
    } else {
        std::thread::scope(|s| {
            let volume = s.spawn(|| match (&volume, &volume_content) {
                (Some(v), Some(content)) => {
                    Some(pool.install(|| lay_out_volume(plan, v, content, &previous, None)))
                }
                _ => None,
            });
            let rendered = render_all(prepared);
            let laid_out = volume
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            rendered.map(|r| (r, laid_out))
        })?
    };
    results.extend(rendered);
    let laid_out = laid_out.or(current_volume.map(Ok));

    let mut summary = Summary {
        documents: documents.len(),
        checked: pending.len(),
        other_shards: documents.len() - selected.len(),
        ..Summary::default()
    };
    let mut manifest = Manifest {
        tool: cache::tool_fingerprint().to_string(),
        ..Manifest::default()
    };
    for done in results {
        match done.entry {
            Some(entry) => {
                if done.rendered {
                    summary.built += 1;
                } else {
                    summary.reused += 1;
                }
                manifest.documents.insert(done.id, entry);
            }
            None => {
                summary.failed += 1;
                // Keep the last good outputs of a document being edited (`watch`), but
                // never publish an index or volume that would silently miss it.
                if let Some(old) = previous.documents.get(&done.id) {
                    manifest.documents.insert(done.id, old.clone());
                }
            }
        }
    }

    let mut volume_error = None;
    if let Some(laid_out) = laid_out
        && summary.failed == 0
    {
        match laid_out.and_then(|outputs| publish(plan, outputs)) {
            Ok(entry) => {
                manifest.volume = entry;
                summary.assembled = true;
            }
            Err(e) => volume_error = Some(e),
        }
    }

    remove_stale(&plan.out, &previous, &manifest, summary.assembled);
    // A shard always leaves a manifest, even an empty one, so `--merge` can tell an empty
    // shard from a missing one; a lone failing document leaves nothing at all.
    let nothing = manifest.documents.is_empty() && on_disk.documents.is_empty();
    let exists = plan.out.join(cache::MANIFEST_PATH).exists();
    if (manifest != on_disk || !exists) && (!nothing || plan.shard.is_some()) {
        let path = plan.out.join(cache::MANIFEST_PATH);
        pipeline::write_atomic(&path, &manifest.to_bytes())
            .map_err(|e| diag::cannot_write(&path, &e))?;
    }
    match volume_error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// The id of a document: its path relative to the tree, or its file name when the path is
/// the document itself.
fn document_id(base: &Path, doc: &Path, tree: bool) -> String {
    if tree {
        load::display_path(doc.strip_prefix(base).unwrap_or(doc))
    } else {
        doc.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| pipeline::output_stem(doc))
    }
}

/// Copies one shard's outputs into `out` and records them as built there.
fn take_shard(dir: &Path, out: &Path, previous: &mut Manifest) -> Result<(), String> {
    let shard = Manifest::read_required(dir)?;
    for (id, entry) in shard.documents {
        for output in entry.outputs.values() {
            let from = dir.join(&output.path);
            let bytes = std::fs::read(&from).map_err(|e| diag::cannot_read(&from, &e))?;
            write(&out.join(&output.path), &bytes)?;
        }
        previous.documents.insert(id, entry);
    }
    Ok(())
}

/// Everything the per-document steps read.
struct Job<'a> {
    plan: &'a Plan,
    tree: bool,
    previous: &'a Manifest,
    fonts: &'a str,
    progress: &'a Progress,
    /// Whether each document's PDF pages are kept for the volume.
    parts: bool,
}

impl Job<'_> {
    /// Hashes one document's sources and finds which of its outputs are current.
    fn survey<'p>(&self, id: &str, path: &'p Path) -> Candidate<'p> {
        let sources = cache::sources_hash(path);
        let reusable = self
            .plan
            .formats
            .iter()
            .filter_map(|format| {
                let key = cache::output_key(id, &sources, *format, &self.plan.options, self.fonts);
                let output = self.previous.reusable(&self.plan.out, id, *format, &key)?;
                Some((*format, output))
            })
            .collect();
        Candidate {
            id: id.to_string(),
            path,
            stem: output_stem(id, path, self.tree),
            sources,
            reusable,
        }
    }

    /// The document's manifest entry when every one of its outputs is current.
    fn current(&self, candidate: &Candidate) -> Option<Entry> {
        let old = self.previous.documents.get(&candidate.id)?;
        (candidate.reusable.len() == self.plan.formats.len()).then(|| Entry {
            outputs: candidate
                .reusable
                .iter()
                .map(|(f, o)| (f.name().to_string(), o.clone()))
                .collect(),
            messages: old.messages.clone(),
        })
    }

    /// Reports a document reused without loading it, with the warnings of its last check.
    fn reuse(&self, id: &str, entry: &Entry) {
        self.progress
            .finish_one(id, "未变，沿用上次的输出", &entry.messages, false);
    }

    /// Loads and checks one document; a document with errors is reported at once and
    /// comes back as its id.
    fn prepare(&self, candidate: &Candidate) -> Result<Ready, String> {
        let started = Instant::now();
        let id = candidate.id.as_str();
        let checked = pipeline::load_and_check(candidate.path);
        let mut messages = String::new();
        if !checked.diagnostics.is_empty() {
            messages.push_str(&diag::render_human(&checked.diagnostics, &checked.sources));
        }
        let view = match (&checked.document, checked.has_errors()) {
            (Some(doc), false) => DocumentView::new(doc),
            _ => {
                messages.push_str(&format!("{id}：有错误，未生成输出\n"));
                self.progress.finish_one(id, "失败", &messages, true);
                return Err(id.to_string());
            }
        };
        Ok(Ready {
            id: id.to_string(),
            view,
            stem: candidate.stem.clone(),
            sources: candidate.sources.clone(),
            reusable: candidate.reusable.clone(),
            checked,
            messages,
            started,
            part: None,
        })
    }

    /// Renders one document in every format (or reuses its outputs), then reports it.
    fn render(&self, mut ready: Ready) -> Done {
        let outcome = self.render_formats(&mut ready);
        let id = ready.id;
        let (status, changed) = match &outcome {
            Ok((_, formats)) if formats.is_empty() => ("未变，沿用上次的输出".to_string(), false),
            Ok((_, formats)) => (
                format!(
                    "已生成 {}（{} 毫秒）",
                    formats
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join("、"),
                    ready.started.elapsed().as_millis()
                ),
                true,
            ),
            Err(e) => {
                ready.messages.push_str(&format!("{id}：{e}\n"));
                ("失败".to_string(), true)
            }
        };
        self.progress
            .finish_one(&id, &status, &ready.messages, changed);
        match outcome {
            Ok((entry, formats)) => Done {
                id,
                entry: Some(entry),
                rendered: !formats.is_empty(),
                part: ready.part.take(),
            },
            Err(_) => Done {
                id,
                entry: None,
                rendered: false,
                part: None,
            },
        }
    }

    /// The document's outputs and the formats rendered this time.
    fn render_formats(&self, ready: &mut Ready) -> Result<(Entry, Vec<Format>), String> {
        let Some(document) = &ready.checked.document else {
            return Err("文档未能读取".into());
        };
        let cx = RenderContext {
            view: &ready.view,
            document,
            root: &ready.checked.root,
            options: &self.plan.options,
        };
        let id = ready.id.as_str();
        let mut entry = Entry::default();
        let mut rendered = Vec::new();
        for format in &self.plan.formats {
            let key =
                cache::output_key(id, &ready.sources, *format, &self.plan.options, self.fonts);
            if *format == Format::Pdf && self.parts {
                let reused = ready.reusable.remove(format);
                let kept = kept::kept_part(id, &key);
                if let (Some(output), Some(part)) = (&reused, &kept) {
                    entry
                        .outputs
                        .insert(format.name().to_string(), output.clone());
                    ready.part = Some(part.clone());
                    continue;
                }
                if reused.is_none() && !self.plan.merge.is_empty() {
                    return Err(format!(
                        "各分片的输出中没有它的最新 {format} 结果；请重新运行分片构建"
                    ));
                }
                // Laid out once: its PDF (unless current) and its pages for the volume.
                let (bytes, part) = render::pdf::PdfRenderer
                    .render_with_part(&cx, reused.is_none())
                    .map_err(|diags| {
                        ready
                            .messages
                            .push_str(&diag::render_human(&diags, &ready.checked.sources));
                        format!("{format} 输出失败")
                    })?;
                ready.part = Some(kept::keep_part(id, &key, part));
                match (reused, bytes) {
                    (Some(output), _) => {
                        entry.outputs.insert(format.name().to_string(), output);
                    }
                    (None, Some(bytes)) => {
                        entry.outputs.insert(
                            format.name().to_string(),
                            self.write(ready, &key, *format, &bytes)?,
                        );
                        rendered.push(*format);
                    }
                    (None, None) => unreachable!("exported when not current"),
                }
                continue;
            }
            if let Some(output) = ready.reusable.remove(format) {
                entry.outputs.insert(format.name().to_string(), output);
                continue;
            }
            if !self.plan.merge.is_empty() {
                return Err(format!(
                    "各分片的输出中没有它的最新 {format} 结果；请重新运行分片构建"
                ));
            }
            let bytes = format.renderer().render(&cx).map_err(|diags| {
                ready
                    .messages
                    .push_str(&diag::render_human(&diags, &ready.checked.sources));
                format!("{format} 输出失败")
            })?;
            entry.outputs.insert(
                format.name().to_string(),
                self.write(ready, &key, *format, &bytes)?,
            );
            rendered.push(*format);
        }
        entry.messages = ready.messages.clone();
        Ok((entry, rendered))
    }

    /// Writes one rendered output and returns its record.
    fn write(
        &self,
        ready: &Ready,
        key: &str,
        format: Format,
        bytes: &[u8],
    ) -> Result<Output, String> {
        let rel = format!("{}.{}", ready.stem, format.extension());
        let target = self.plan.out.join(&rel);
        pipeline::write_atomic(&target, bytes).map_err(|e| diag::cannot_write(&target, &e))?;
        Ok(Output {
            path: rel,
            key: key.to_string(),
            hash: cache::output_hash(bytes),
        })
    }
}

/// The output path of a document without extension, relative to the output folder:
/// its folder within the tree plus its stem.
fn output_stem(id: &str, path: &Path, tree: bool) -> String {
    let stem = pipeline::output_stem(path);
    match id.rsplit_once('/') {
        Some((dir, _)) if tree => format!("{dir}/{stem}"),
        _ => stem,
    }
}

/// One volume output: where it goes, its record, and its bytes when they are new.
struct VolumeOutput {
    format: Format,
    output: Output,
    bytes: Option<Vec<u8>>,
}

/// What the volume and the index page are made from, known without loading a document:
/// every document's id, output stem and sources, the formats, the tree's `templates/` and
/// the fonts. The tool and the options enter each output's key.
fn volume_content(plan: &Plan, candidates: &[Candidate], fonts: &str) -> String {
    let mut fp = fingerprint::Fingerprint::new();
    let names: Vec<&str> = plan.formats.iter().map(|f| f.name()).collect();
    fp.str(&names.join(",")).str(fonts);
    fp.str(&load::display_path(&plan.path));
    for (name, path) in cache::folder_files(&plan.path.join("templates"), "templates/") {
        fp.file(&name, &path);
    }
    for c in candidates {
        fp.str(&c.id).str(&c.stem).str(&c.sources);
    }
    fp.hex()
}

/// The parts assembled from the whole tree, by format: the volume in each format that has
/// a volume layout, and the index page with HTML.
fn volume_parts(plan: &Plan) -> impl Iterator<Item = (Format, String)> {
    plan.formats.iter().filter_map(|&format| {
        let path = match format {
            Format::Text | Format::Pdf | Format::Docx => {
                format!("{VOLUME_STEM}.{}", format.extension())
            }
            Format::Html => INDEX_FILE.to_string(),
            Format::Xlsx => return None,
        };
        Some((format, path))
    })
}

/// The key of one assembled part.
fn volume_key(plan: &Plan, content: &str, format: Format, path: &str) -> String {
    cache::output_key(path, content, format, &plan.options, "")
}

/// The recorded part when it is current: same key, same path, same bytes on disk.
fn current_part(
    plan: &Plan,
    previous: &Manifest,
    format: Format,
    key: &str,
    path: &str,
) -> Option<Output> {
    previous
        .volume
        .outputs
        .get(format.name())
        .filter(|o| o.key == key && o.path == path)
        .filter(|o| {
            std::fs::read(plan.out.join(&o.path)).is_ok_and(|b| cache::output_hash(&b) == o.hash)
        })
        .cloned()
}

/// Every assembled part as recorded, when all are current.
fn current_volume(plan: &Plan, content: &str, previous: &Manifest) -> Option<Vec<VolumeOutput>> {
    volume_parts(plan)
        .map(|(format, path)| {
            let key = volume_key(plan, content, format, &path);
            Some(VolumeOutput {
                format,
                output: current_part(plan, previous, format, &key, &path)?,
                bytes: None,
            })
        })
        .collect()
}

/// Lays out the volume in every format that has a volume layout, and the index page;
/// nothing is written yet, since a document may still fail.
fn lay_out_volume(
    plan: &Plan,
    volume: &Volume,
    content: &str,
    previous: &Manifest,
    parts: Option<&[Arc<Part>]>,
) -> Result<Vec<VolumeOutput>, String> {
    let mut outputs = Vec::new();
    for (format, path) in volume_parts(plan) {
        let key = volume_key(plan, content, format, &path);
        let (output, bytes) = match current_part(plan, previous, format, &key, &path) {
            Some(output) => (output, None),
            None => {
                let bytes = match (format, parts) {
                    (Format::Pdf, Some(parts)) => {
                        render::pdf::volume::render_pages(volume, parts, &plan.path, &plan.options)?
                    }
                    _ => render_volume(plan, format, volume)?,
                };
                let output = Output {
                    path,
                    key,
                    hash: cache::output_hash(&bytes),
                };
                (output, Some(bytes))
            }
        };
        outputs.push(VolumeOutput {
            format,
            output,
            bytes,
        });
    }
    Ok(outputs)
}

/// Maps `items` in order on `jobs` threads, each with its own one-worker rayon pool.
///
/// Documents are not spread over one shared pool with `par_iter`: typst lays a
/// document's pages out with its own `par_iter`, and a worker waiting for those pages
/// steals the next document, so a worker's stack piles up half-laid-out documents
/// (measured: 1.1 GiB for 200 documents on 2 threads, growing with their number) and the
/// workers wait on each other's nested documents. Here each thread lays out one document
/// at a time, its typst parallelism confined to its own pool.
fn in_flight<T: Send, R: Send>(
    jobs: usize,
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync,
) -> Result<Vec<R>, String> {
    let count = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let done = std::sync::Mutex::new(Vec::with_capacity(count));
    let next = || queue.lock().unwrap_or_else(|e| e.into_inner()).next();
    let started: Vec<Result<(), String>> = std::thread::scope(|s| {
        let threads: Vec<_> = (0..jobs.clamp(1, count.max(1)))
            .map(|_| {
                s.spawn(|| {
                    let pool = worker_pool(1)?;
                    while let Some((i, item)) = next() {
                        let r = pool.install(|| f(item));
                        done.lock().unwrap_or_else(|e| e.into_inner()).push((i, r));
                    }
                    Ok(())
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    if done.len() < count {
        // Only when no thread could start its pool.
        started.into_iter().collect::<Result<Vec<()>, String>>()?;
    }
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}

/// A rayon pool of `threads` workers with stacks deep enough for typst.
fn worker_pool(threads: usize) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        // typst lays out a long volume with deep recursion; rayon's default worker stack
        // (2 MiB) overflows on a few thousand tables. Only touched pages are committed.
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| format!("无法启动工作线程：{e}"))
}

/// Writes the assembled parts that are new; returns the volume's manifest entry.
fn publish(plan: &Plan, outputs: Vec<VolumeOutput>) -> Result<Entry, String> {
    let mut entry = Entry::default();
    for v in outputs {
        if let Some(bytes) = &v.bytes {
            write(&plan.out.join(&v.output.path), bytes)?;
        }
        entry.outputs.insert(v.format.name().to_string(), v.output);
    }
    Ok(entry)
}

/// One assembled part's bytes: the volume in text or PDF (the tree's `templates/`
/// override the PDF templates), or the index page (the HTML backend's own template).
fn render_volume(plan: &Plan, format: Format, volume: &Volume) -> Result<Vec<u8>, String> {
    match format {
        Format::Html => {
            let entries: Vec<render::html::IndexEntry> = volume
                .documents
                .iter()
                .filter_map(|d| {
                    let page = d.outputs.get(Format::Html.name())?;
                    Some(render::html::IndexEntry::new(&d.view, Path::new(page)))
                })
                .collect();
            render::html::render_index(&entries, Some(&plan.path))
                .map(String::into_bytes)
                .map_err(|diags| {
                    render::volume::summarize(&format!("索引页 {INDEX_FILE} 输出失败"), diags)
                })
        }
        _ => render::volume::render(volume, format, &plan.path, &plan.options),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    pipeline::write_atomic(path, bytes).map_err(|e| diag::cannot_write(path, &e))
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
