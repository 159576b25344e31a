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
    /// The table of contents, computed here: typst's `outline` looked up every entry's
    /// page, which cost seconds at 4,000 tables.
    contents: Vec<ContentsEntry<'a>>,
    /// How many numbered pages the contents and the 自评 summary take (see [`paginate`]).
    front: usize,
    /// How many numbered pages the volume has.
    total: usize,
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
    /// Whether it starts a new page of the contents.
    newpage: bool,
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
    /// Its title page, counted from the first document's (that page is 0).
    page: usize,
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
            newpage: false,
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
            newpage: false,
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
                    newpage: false,
                });
            }
            marks.push(PageMark {
                level: h.level,
                text: &h.text,
                y: (h.y * 100.0).round() / 100.0,
                key,
            });
        }
        documents.push(PagesDocument {
            title: &d.view.title,
            unit_name: &d.view.unit_name,
            key,
            page: title_page,
            pages,
        });
        title_page += 1 + part.pages.len();
    }
    let body = title_page;
    let mut data = PagesData {
        meta: setup.meta,
        volume: PagesVolume {
            title: &volume.title,
            table_count: volume.table_count,
            evaluation_count: volume.evaluation_count,
            scores: &volume.scores,
        },
        front: 0,
        total: 0,
        documents,
        contents,
    };
    data.front = paginate(&mut data.contents, volume.scores.len());
    // Every page number is written into the pages, so the layout needs no second pass
    // over thousands of pages. The front matter's length is known from the pagination
    // above, checked against the layout, and laid out again with the measured length if
    // it was off (an overlong 自评 summary). It depends on the data alone, so the same
    // documents give the same bytes.
    let mut tries = 0;
    let (world, frame) = loop {
        data.total = data.front + body;
        let world = world(templates::VOLUME_PAGES, &data, root, options, setup.today)?;
        let frame = compile(&world)?;
        // The cover, the front matter, then each document's title page and kept pages.
        let front = frame.pages().len().checked_sub(1 + body);
        tries += 1;
        match front {
            Some(front) if front == data.front => break (world, frame),
            Some(front) if tries < 4 => data.front = front,
            _ => {
                return Err(format!(
                    "汇编 PDF 模板出错：排出 {} 页，与文档的 {body} 页对不上",
                    frame.pages().len()
                ));
            }
        }
    };

    // Lay each kept page over its blank page: the blank pages are the last ones, each
    // document's after its title page.
    let mut at = 1 + data.front;
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

/// Breaks the contents into pages and returns how many numbered pages the contents and
/// the 自评 summary take. The contents break where jixiao says (`newpage`), after fewer
/// lines than a page holds (44; 41 on the first, below the title), counting a line as 40
/// characters (a Latin letter or digit counts half) beside the page number: so their
/// length is known before they are laid out. The summary's is estimated at 30 rows a
/// page; the layout checks both.
fn paginate(contents: &mut [ContentsEntry], scores: usize) -> usize {
    const FIRST: usize = 38;
    const OTHERS: usize = 41;
    let mut pages = 1;
    let mut used = 0;
    for e in contents.iter_mut() {
        let width: usize = e
            .text
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        let lines = width.div_ceil(2 * 40).max(1);
        let room = if pages == 1 { FIRST } else { OTHERS };
        e.newpage = used > 0 && used + lines > room;
        if e.newpage {
            pages += 1;
            used = 0;
        }
        used += lines;
    }
    let score_pages = if scores == 0 {
        0
    } else {
        (scores + 1).div_ceil(30)
    };
    pages + score_pages
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
    let world = world(templates::VOLUME, &data, root, options, today)?;
    let layout = InProgress::volume();
    let document = compile(&world);
    drop(layout);
    export(&world, &document?, &export_options(today, setup.standards))
}

/// The world of a volume template reading `data` as `/data.json`.
fn world(
    template: &str,
    data: &impl Serialize,
    root: &Path,
    options: &RenderOptions,
    today: Option<Datetime>,
) -> Result<PdfWorld, String> {
    let json = serde_json::to_vec(data).map_err(|e| format!("无法生成汇编数据：{e}"))?;
    Ok(PdfWorld::with_main(
        template,
        json,
        root,
        FontSet::get(&options.font_paths, false),
        today,
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> ContentsEntry<'_> {
        ContentsEntry {
            level: 2,
            text: text.into(),
            key: String::new(),
            page: Some(0),
            newpage: false,
        }
    }

    #[test]
    fn contents_break_before_a_page_would_overflow() {
        let short = "1.材料印刷费绩效目标表";
        // 41 CJK characters: two lines.
        let long = "一".repeat(41);
        let mut contents: Vec<ContentsEntry> = (0..37).map(|_| entry(short)).collect();
        contents.push(entry(&long));
        contents.extend((0..41).map(|_| entry(short)));
        contents.push(entry(short));
        // Page 1: 37 short lines leave one line, too few for the long entry; page 2: the
        // long entry and 39 short ones fill 41 lines; the last two go to page 3.
        assert_eq!(paginate(&mut contents, 0), 3);
        let breaks: Vec<usize> = (0..contents.len())
            .filter(|&i| contents[i].newpage)
            .collect();
        assert_eq!(breaks, vec![37, 77]);
        // A 自评 summary of 31 rows (and its header) takes two more pages.
        assert_eq!(paginate(&mut contents, 31), 5);
    }
}
