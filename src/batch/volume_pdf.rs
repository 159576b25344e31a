//! The volume as PDF: a thin layer over the PDF backend's world, fonts and templates.
//!
//! Two ways to lay it out:
//! - [`render_pages`] (the default): each document was laid out once for its own PDF, and
//!   its body pages were kept ([`Part`]). `volume-pages.typ` lays out only the cover, the
//!   contents, a title page per document and one blank page with a footer per kept page;
//!   the kept pages are laid over the blank ones and the whole volume is exported once, so
//!   fonts are embedded once and no table is laid out twice.
//! - [`render`]: one typst compile of every table again with `volume.typ`. Used when the
//!   tree overrides the templates (a custom `volume.typ` needs the whole data) or asks for
//!   PDF/UA (the kept pages carry no tags).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use typst::diag::{FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::Point;
use typst::model::Document as _;
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::{Page, PagedDocument};
use typst_pdf::{PdfOptions, Timestamp};

use super::volume::Volume;
use crate::render::RenderOptions;
use crate::render::pdf;
use crate::render::pdf::fonts::FontSet;
use crate::render::pdf::part::Part;
use crate::render::pdf::world::{PdfWorld, file_id};

/// The built-in volume template (the whole volume laid out again).
const VOLUME_TYP: &str = include_str!("../../templates/typst/volume.typ");
/// The built-in page frame of a volume made of kept pages.
const PAGES_TYP: &str = include_str!("../../templates/typst/volume-pages.typ");

/// What `volume-pages.typ` reads from `/data.json`.
#[derive(Serialize)]
struct PagesData<'a> {
    meta: VolumeMeta,
    volume: PagesVolume<'a>,
    documents: Vec<PagesDocument<'a>>,
}

#[derive(Serialize)]
struct PagesVolume<'a> {
    title: &'a str,
    table_count: usize,
    evaluation_count: usize,
    scores: &'a [super::volume::VolumeScore],
}

#[derive(Serialize)]
struct PagesDocument<'a> {
    title: &'a str,
    unit_name: &'a str,
    /// Per kept page, its headings.
    pages: Vec<Vec<PageMark<'a>>>,
}

#[derive(Serialize)]
struct PageMark<'a> {
    level: usize,
    text: &'a str,
    /// Points from the top of the content area, rounded to 1/100 pt.
    y: f64,
    table: bool,
}

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
    text: &'static str,
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
            return Ok(Source::new(id, self.text.to_string()));
        }
        self.inner.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match self.inner.file(id) {
            Err(_) if id == self.main => Ok(Bytes::new(self.text.as_bytes())),
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

/// The documents' kept pages of this process, by document id, with the key of the PDF
/// they were laid out for: a long-running process (`watch`) that rebuilds the volume
/// after one edit lays out only the edited document again. One entry per document, so
/// the store holds what one volume needs.
static KEPT: LazyLock<Mutex<HashMap<String, Kept>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// A document's kept pages and the key of the PDF they were laid out for.
type Kept = (String, Arc<Part>);

/// The kept pages of a document laid out for this key, if any.
pub fn kept_part(id: &str, key: &str) -> Option<Arc<Part>> {
    let kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    kept.get(id)
        .filter(|(k, _)| k == key)
        .map(|(_, p)| p.clone())
}

/// Keeps a document's pages for later volumes of this process.
pub fn keep_part(id: &str, key: &str, part: Part) -> Arc<Part> {
    let part = Arc::new(part);
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    kept.insert(id.to_string(), (key.to_string(), part.clone()));
    part
}

/// What both layouts need: the standards, the date and the cover's metadata.
struct Setup {
    standards: typst_pdf::PdfStandards,
    today: Option<Datetime>,
    meta: VolumeMeta,
}

fn setup(volume: &Volume, options: &RenderOptions) -> Result<Setup, String> {
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
    let mut years: Vec<i32> = volume.documents.iter().map(|d| d.view.year).collect();
    years.dedup();
    Ok(Setup {
        standards,
        today: date.map(|d| d.datetime),
        meta: VolumeMeta {
            title: volume.title.clone(),
            author: String::new(),
            keywords: vec!["绩效目标表".into(), "项目支出".into(), "汇编".into()],
            date_label: match years.as_slice() {
                [year] => format!("{year}年"),
                _ => String::new(),
            },
        },
    })
}

/// Whether the volume can be made of the documents' kept pages: the tree does not
/// override the templates, and no PDF/UA standard asks for tags.
pub fn uses_pages(root: &Path, options: &RenderOptions) -> bool {
    let accessible = options
        .pdf_standard
        .as_deref()
        .is_some_and(|s| s.to_ascii_lowercase().contains("ua"));
    crate::render::pdf::world::override_dir(root).is_none() && !accessible
}

/// The volume made of the documents' kept pages, one [`Part`] per document in volume
/// order: lays out the cover, contents and blank numbered pages, lays each kept page
/// over its blank one and exports the whole once. Same parts, same bytes.
pub fn render_pages(
    volume: &Volume,
    parts: &[Arc<Part>],
    root: &Path,
    options: &RenderOptions,
) -> Result<Vec<u8>, String> {
    if parts.len() != volume.documents.len() {
        return Err("汇编 PDF：部分文档的版面缺失".to_string());
    }
    let setup = setup(volume, options)?;
    let documents = volume
        .documents
        .iter()
        .zip(parts)
        .map(|(d, part)| {
            let mut pages: Vec<Vec<PageMark>> = part.pages.iter().map(|_| Vec::new()).collect();
            for h in &part.headings {
                if let Some(marks) = pages.get_mut(h.page) {
                    marks.push(PageMark {
                        level: h.level,
                        text: &h.text,
                        y: (h.y * 100.0).round() / 100.0,
                        table: h.table,
                    });
                }
            }
            PagesDocument {
                title: &d.view.title,
                unit_name: &d.view.unit_name,
                pages,
            }
        })
        .collect();
    let data = PagesData {
        meta: setup.meta,
        volume: PagesVolume {
            title: &volume.title,
            table_count: volume.table_count,
            evaluation_count: volume.evaluation_count,
            scores: &volume.scores,
        },
        documents,
    };
    let json = serde_json::to_vec(&data).map_err(|e| format!("无法生成汇编数据：{e}"))?;
    let world = VolumeWorld {
        inner: PdfWorld::new(
            json,
            root,
            FontSet::get(&options.font_paths, false),
            setup.today,
        ),
        main: file_id("/volume-pages.typ"),
        text: PAGES_TYP,
    };
    let frame = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| messages("汇编 PDF 模板出错", &errors))?;
    typst::comemo::evict(0);

    // Lay each kept page over its blank page: the blank pages are the last ones, each
    // document's after its title page.
    let kept: usize = parts.iter().map(|p| p.pages.len() + 1).sum();
    let total = frame.pages().len();
    let Some(mut at) = total.checked_sub(kept) else {
        return Err(format!(
            "汇编 PDF 模板出错：排出 {total} 页，少于文档的 {kept} 页"
        ));
    };
    let mut pages: Vec<Page> = frame.pages().to_vec();
    for part in parts {
        at += 1; // the document's title page
        for (origin, content) in &part.pages {
            place(&mut pages[at], *origin, content);
            at += 1;
        }
    }
    let info = frame.info().clone();
    drop(frame);
    let document = PagedDocument::new(pages.into_iter().collect(), info);
    let pdf_options = PdfOptions {
        creator: Smart::Custom(Some(crate::version::GENERATOR.to_string())),
        timestamp: setup.today.map(Timestamp::new_utc),
        standards: setup.standards,
        // The kept pages carry no tags; a tag tree of only the cover and contents would
        // misdescribe the volume.
        tagged: false,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &pdf_options).map_err(|errors| messages("无法生成汇编 PDF", &errors))
}

/// Lays a kept content area over a page at its place.
fn place(page: &mut Page, origin: Point, content: &typst::layout::Frame) {
    page.frame.push_frame(origin, content.clone());
}

/// Compiles the whole volume to PDF again from every document's data. `root` is the tree,
/// whose `templates/typst/` may override templates. The date is the latest document's
/// (else `SOURCE_DATE_EPOCH`, else none; never the clock), so the same documents give the
/// same bytes; `--pdf-standard` applies as it does to each document.
pub fn render(volume: &Volume, root: &Path, options: &RenderOptions) -> Result<Vec<u8>, String> {
    let setup = setup(volume, options)?;
    let today = setup.today;
    let data = VolumeData {
        meta: setup.meta,
        volume,
    };
    let json = serde_json::to_vec(&data).map_err(|e| format!("无法生成汇编数据：{e}"))?;
    let world = VolumeWorld {
        inner: PdfWorld::new(json, root, FontSet::get(&options.font_paths, false), today),
        main: file_id("/volume.typ"),
        text: VOLUME_TYP,
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
        standards: setup.standards,
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
