//! The volume as PDF: a thin layer over the PDF backend's world, fonts and templates. The
//! `volume.typ` template lays out the cover and contents and reuses `table.typ` for every
//! table, so a table looks the same in its own PDF and in the volume.

use std::path::Path;

use serde::Serialize;
use typst::diag::{FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::volume::Volume;
use crate::render::RenderOptions;
use crate::render::pdf;
use crate::render::pdf::fonts::FontSet;
use crate::render::pdf::world::{PdfWorld, file_id};

/// The built-in volume template.
const VOLUME_TYP: &str = include_str!("../../templates/typst/volume.typ");

/// What `volume.typ` reads from `/data.json`.
#[derive(Serialize)]
struct VolumeData<'a> {
    meta: VolumeMeta,
    volume: &'a Volume,
}

#[derive(Serialize)]
struct VolumeMeta {
    title: String,
    author: String,
    keywords: Vec<String>,
    date_label: String,
}

/// The PDF backend's world with `volume.typ` as its main file (a same-named file in the
/// tree's `templates/typst/` still wins).
struct VolumeWorld {
    inner: PdfWorld,
    main: FileId,
}

impl World for VolumeWorld {
    fn library(&self) -> &LazyHash<Library> {
        self.inner.library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.inner.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main && self.inner.file(id).is_err() {
            return Ok(Source::new(id, VOLUME_TYP.to_string()));
        }
        self.inner.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match self.inner.file(id) {
            Err(_) if id == self.main => Ok(Bytes::new(VOLUME_TYP.as_bytes())),
            other => other,
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.inner.font(index)
    }

    fn today(&self, offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.inner.today(offset)
    }
}

/// Compiles the volume to PDF. `root` is the tree, whose `templates/typst/` may override
/// templates. The date is the latest document's (else `SOURCE_DATE_EPOCH`, else none;
/// never the clock), so the same documents give the same bytes; `--pdf-standard` applies
/// as it does to each document.
pub fn render(volume: &Volume, root: &Path, options: &RenderOptions) -> Result<Vec<u8>, String> {
    let summarize = |diags: Vec<crate::diag::Diagnostic>| {
        let list: Vec<String> = diags.into_iter().map(|d| d.message).collect();
        format!("汇编 PDF：{}", list.join("；"))
    };
    let (standards, archival) =
        pdf::parse_standards(options.pdf_standard.as_deref()).map_err(summarize)?;
    let date = pdf::latest_date(
        volume
            .documents
            .iter()
            .filter_map(|d| d.view.date.as_deref()),
    )
    .map_err(summarize)?;
    if archival && date.is_none() {
        return Err(
            "汇编 PDF：PDF/A 文件必须带有日期，而没有一份文档写了日期；在文档中写 date: 2025-03-01，或设置环境变量 SOURCE_DATE_EPOCH"
                .to_string(),
        );
    }
    let today = date.map(|d| d.datetime);
    let mut years: Vec<i32> = volume.documents.iter().map(|d| d.view.year).collect();
    years.dedup();
    let data = VolumeData {
        meta: VolumeMeta {
            title: volume.title.clone(),
            author: String::new(),
            keywords: vec!["绩效目标表".into(), "项目支出".into(), "汇编".into()],
            date_label: match years.as_slice() {
                [year] => format!("{year}年"),
                _ => String::new(),
            },
        },
        volume,
    };
    let json = serde_json::to_vec(&data).map_err(|e| format!("无法生成汇编数据：{e}"))?;
    let world = VolumeWorld {
        inner: PdfWorld::new(json, root, FontSet::get(&options.font_paths, false), today),
        main: file_id("/volume.typ"),
    };
    let layout = pdf::InProgress::volume();
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| messages("汇编 PDF 模板出错", &errors))?;
    drop(layout);
    // As for a document: the memoized layouts are no use to the export, and the volume's
    // are the largest of the build. Documents laid out meanwhile lose theirs too, once.
    typst::comemo::evict(0);
    let pdf_options = PdfOptions {
        creator: Smart::Custom(Some(crate::version::GENERATOR.to_string())),
        timestamp: today.map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &pdf_options)
        .map_err(|errors| messages("无法生成汇编 PDF", &errors))?;
    Ok(bytes)
}

fn messages(what: &str, errors: &[SourceDiagnostic]) -> String {
    let list: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    format!("{what}：{}", list.join("；"))
}
