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

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use typst::foundations::Datetime;
use typst::layout::Point;
use typst::model::Document as _;
use typst_layout::{Page, PagedDocument};

use super::fonts::FontSet;
use super::part::Part;
use super::templates;
use super::world::PdfWorld;
use super::{InProgress, export_options, latest_date, parse_standards, require_date};
use crate::render::RenderOptions;
use crate::render::volume::{self, Volume, VolumeScore};

/// What `volume-pages.typ` reads from `/data.json`.
#[derive(Serialize)]
struct PagesData<'a> {
    meta: VolumeMeta,
    volume: PagesVolume<'a>,
    documents: Vec<PagesDocument<'a>>,
    /// The table of contents, computed here so that the template looks up two page
    /// numbers instead of one per entry (typst's `outline` cost seconds at 4,000 tables).
    contents: Vec<ContentsEntry<'a>>,
}

/// One line of the volume's contents: a document (level 1) or a table (level 2).
#[derive(Serialize)]
struct ContentsEntry<'a> {
    level: usize,
    text: std::borrow::Cow<'a, str>,
    /// The label of the heading it links to.
    key: String,
    /// Pages after the first document's title page (that page is 0); `None` for the
    /// self-evaluation summary before the documents.
    page: Option<usize>,
}

#[derive(Serialize)]
struct PagesVolume<'a> {
    title: &'a str,
    table_count: usize,
    evaluation_count: usize,
    scores: &'a [VolumeScore],
}

#[derive(Serialize)]
struct PagesDocument<'a> {
    title: &'a str,
    unit_name: &'a str,
    /// The label of its title heading.
    key: String,
    /// Per kept page, its headings.
    pages: Vec<Vec<PageMark<'a>>>,
}

#[derive(Serialize)]
struct PageMark<'a> {
    level: usize,
    text: &'a str,
    /// Points from the top of the content area, rounded to 1/100 pt.
    y: f64,
    /// The label of a heading the contents list (a table's), else none.
    key: Option<String>,
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

/// What both layouts need: the standards, the date and the cover's metadata.
struct Setup {
    standards: typst_pdf::PdfStandards,
    today: Option<Datetime>,
    meta: VolumeMeta,
}

fn setup(volume: &Volume, options: &RenderOptions) -> Result<Setup, String> {
    let summarize = |diags| volume::summarize("汇编 PDF", diags);
    let (standards, archival) =
        parse_standards(options.pdf_standard.as_deref()).map_err(summarize)?;
    let date = latest_date(
        volume
            .documents
            .iter()
            .filter_map(|d| d.view.date.as_deref()),
    )
    .map_err(summarize)?;
    require_date(archival, date, "没有一份文档写了日期").map_err(summarize)?;
    Ok(Setup {
        standards,
        today: date.map(|d| d.datetime),
        meta: VolumeMeta {
            title: volume.title.clone(),
            author: String::new(),
            keywords: volume::KEYWORDS.map(String::from).to_vec(),
            date_label: match volume.years().as_slice() {
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
    super::world::override_dir(root).is_none() && !accessible
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
    let mut contents = Vec::new();
    if !volume.scores.is_empty() {
        contents.push(ContentsEntry {
            level: 1,
            text: "绩效自评得分汇总".into(),
            key: "volume-scores".to_string(),
            page: None,
        });
    }
    // The page of each document's title page, counted from the first one's.
    let mut title_page = 0;
    let mut documents = Vec::with_capacity(parts.len());
    for (i, (d, part)) in volume.documents.iter().zip(parts).enumerate() {
        let key = format!("volume-{}", i + 1);
        contents.push(ContentsEntry {
            level: 1,
            text: format!("{}．{}", i + 1, d.view.title).into(),
            key: key.clone(),
            page: Some(title_page),
        });
        let mut pages: Vec<Vec<PageMark>> = part.pages.iter().map(|_| Vec::new()).collect();
        for (j, h) in part.headings.iter().enumerate() {
            let Some(marks) = pages.get_mut(h.page) else {
                continue;
            };
            let key = h.table.then(|| format!("volume-{}-{}", i + 1, j + 1));
            if let Some(key) = &key {
                contents.push(ContentsEntry {
                    level: 2,
                    text: h.text.as_str().into(),
                    key: key.clone(),
                    page: Some(title_page + 1 + h.page),
                });
            }
            marks.push(PageMark {
                level: h.level,
                text: &h.text,
                y: (h.y * 100.0).round() / 100.0,
                key,
            });
        }
        title_page += 1 + part.pages.len();
        documents.push(PagesDocument {
            title: &d.view.title,
            unit_name: &d.view.unit_name,
            key,
            pages,
        });
    }
    let data = PagesData {
        meta: setup.meta,
        volume: PagesVolume {
            title: &volume.title,
            table_count: volume.table_count,
            evaluation_count: volume.evaluation_count,
            scores: &volume.scores,
        },
        documents,
        contents,
    };
    let json = serde_json::to_vec(&data).map_err(|e| format!("无法生成汇编数据：{e}"))?;
    let world = PdfWorld::with_main(
        templates::VOLUME_PAGES,
        json,
        root,
        FontSet::get(&options.font_paths, false),
        setup.today,
    );
    let frame = compile(&world)?;

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
    let pdf_options = typst_pdf::PdfOptions {
        // The kept pages carry no tags; a tag tree of only the cover and contents would
        // misdescribe the volume.
        tagged: false,
        ..export_options(setup.today, setup.standards)
    };
    export(&world, &document, &pdf_options)
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
    let world = PdfWorld::with_main(
        templates::VOLUME,
        json,
        root,
        FontSet::get(&options.font_paths, false),
        today,
    );
    let layout = InProgress::volume();
    let document = compile(&world);
    drop(layout);
    export(&world, &document?, &export_options(today, setup.standards))
}

/// Lays the volume out. As for a document, the memoized layouts are freed afterwards: they
/// are no use to the export, and the volume's are the largest of the build (documents laid
/// out meanwhile lose theirs too, once).
fn compile(world: &PdfWorld) -> Result<PagedDocument, String> {
    let compiled = typst::compile::<PagedDocument>(world).output;
    typst::comemo::evict(0);
    compiled.map_err(|errors| volume::summarize("汇编 PDF", super::template_errors(world, &errors)))
}

/// Writes the laid-out volume.
fn export(
    world: &PdfWorld,
    document: &PagedDocument,
    options: &typst_pdf::PdfOptions,
) -> Result<Vec<u8>, String> {
    typst_pdf::pdf(document, options)
        .map_err(|errors| volume::summarize("汇编 PDF", super::export_errors(world, &errors)))
}
