//! The consolidated volume (汇编): every document of a tree in one publication, with a
//! cover and a table of contents across all units, in the tree's sorted order.
//!
//! [`Volume`] is plain serializable data, so each backend lays it out its own way: the
//! text layout is here, the PDF one in [`super::pdf::volume`] and the Word one in
//! [`super::docx::volume`]; [`render`] picks the one of a format.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::{Format, RenderOptions, text};
use crate::diag::Diagnostic;
use crate::table::DocumentView;

/// The keywords written into a volume's metadata (PDF and Word).
pub const KEYWORDS: [&str; 3] = ["绩效目标表", "项目支出", "汇编"];

/// All documents of a tree, ready to publish together.
#[derive(Clone, Debug, Serialize)]
pub struct Volume {
    /// The cover title, e.g. `2025年度项目支出绩效目标表汇编`.
    pub title: String,
    /// How many tables all documents hold together.
    pub table_count: usize,
    /// How many 绩效自评表 all documents hold together.
    pub evaluation_count: usize,
    /// The self-evaluation scores of the documents that have one, in volume order.
    pub scores: Vec<VolumeScore>,
    pub documents: Vec<VolumeDocument>,
}

/// One document's self-evaluation in the volume's score summary.
#[derive(Clone, Debug, Serialize)]
pub struct VolumeScore {
    /// The document's 1-based position in the volume.
    pub number: usize,
    pub title: String,
    /// How many projects were scored.
    pub projects: usize,
    /// The average total, two decimals.
    pub average: String,
    /// How many projects reached each rating, best first: `优 3、良 1`.
    pub ratings: String,
}

/// One document in the volume.
#[derive(Clone, Debug, Serialize)]
pub struct VolumeDocument {
    /// The document's path relative to the tree.
    pub id: String,
    /// Its output files by format name, relative to the output folder.
    pub outputs: BTreeMap<String, String>,
    pub view: DocumentView,
}

impl Volume {
    /// Assembles a volume from documents already in publication order.
    pub fn new(documents: Vec<VolumeDocument>) -> Self {
        let title = match years_of(&documents).as_slice() {
            [year] => format!("{year}年度项目支出绩效目标表汇编"),
            _ => "项目支出绩效目标表汇编".to_string(),
        };
        let scores = documents
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let ev = d.view.evaluation.as_ref()?;
                let mut ratings: Vec<(String, usize)> = Vec::new();
                for s in &ev.summary {
                    match ratings.iter_mut().find(|(r, _)| *r == s.rating) {
                        Some((_, n)) => *n += 1,
                        None => ratings.push((s.rating.clone(), 1)),
                    }
                }
                Some(VolumeScore {
                    number: i + 1,
                    title: d.view.title.clone(),
                    projects: ev.summary.len(),
                    average: ev.average.clone(),
                    ratings: ratings
                        .iter()
                        .map(|(r, n)| format!("{r} {n}"))
                        .collect::<Vec<_>>()
                        .join("、"),
                })
            })
            .collect();
        Volume {
            title,
            table_count: documents.iter().map(|d| d.view.tables.len()).sum(),
            evaluation_count: documents
                .iter()
                .filter_map(|d| d.view.evaluation.as_ref())
                .map(|e| e.tables.len())
                .sum(),
            scores,
            documents,
        }
    }
}

/// The budget years of the documents, ascending, each once.
fn years_of(documents: &[VolumeDocument]) -> Vec<i32> {
    let mut years: Vec<i32> = documents.iter().map(|d| d.view.year).collect();
    years.sort_unstable();
    years.dedup();
    years
}

impl Volume {
    /// The budget years of its documents, ascending, each once.
    pub fn years(&self) -> Vec<i32> {
        years_of(&self.documents)
    }
}

/// The volume in a format that has a volume layout (text, PDF, Word). `root` is the tree,
/// whose `templates/` override the built-in templates. The error says what failed, in one
/// line, for the build's summary.
pub fn render(
    volume: &Volume,
    format: Format,
    root: &Path,
    options: &RenderOptions,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Text => Ok(render_text(volume, options.page_width).into_bytes()),
        Format::Pdf => super::pdf::volume::render(volume, root, options),
        Format::Docx => super::docx::volume::render(volume, root),
        Format::Html | Format::Xlsx => Err(format!("格式 {format} 没有汇编版式")),
    }
}

/// A volume's failure in one line: what failed (`汇编 PDF`), then each diagnostic's
/// message and help.
pub(crate) fn summarize(what: &str, diags: Vec<Diagnostic>) -> String {
    let list: Vec<String> = diags
        .into_iter()
        .map(|d| {
            std::iter::once(d.message)
                .chain(d.help)
                .collect::<Vec<_>>()
                .join("；")
        })
        .collect();
    format!("{what}：{}", list.join("；"))
}

/// The volume as plain text: cover, contents, then each document as `jixiao build
/// --format text` prints it.
pub fn render_text(volume: &Volume, page_width: usize) -> String {
    let rule = "═".repeat(page_width.min(100) / 2);
    let mut out = String::new();
    out.push_str(&volume.title);
    out.push('\n');
    out.push_str(&format!(
        "共 {} 份文档、{} 张绩效目标表",
        volume.documents.len(),
        volume.table_count
    ));
    if volume.evaluation_count > 0 {
        out.push_str(&format!("、{} 张绩效自评表", volume.evaluation_count));
    }
    out.push_str("\n\n目录\n\n");
    for (i, doc) in volume.documents.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}（{}）\n",
            i + 1,
            doc.view.title,
            doc.view.unit_name
        ));
        for table in &doc.view.tables {
            out.push_str(&format!("    {}\n", table.heading));
        }
        for table in doc.view.evaluation.iter().flat_map(|e| &e.tables) {
            out.push_str(&format!("    {}\n", table.heading));
        }
    }
    if !volume.scores.is_empty() {
        out.push_str("\n绩效自评得分汇总\n\n");
        for s in &volume.scores {
            out.push_str(&format!(
                "{}. {}：{} 个项目，平均得分 {}（{}）\n",
                s.number, s.title, s.projects, s.average, s.ratings
            ));
        }
    }
    for doc in &volume.documents {
        out.push('\n');
        out.push_str(&rule);
        out.push_str("\n\n");
        out.push_str(&text::render_document(&doc.view, page_width));
    }
    out
}
