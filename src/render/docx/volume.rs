//! The volume as one Word file: a thin layer over the Word backend's body, styles and
//! package. It is laid out as `volume.typ` lays out the PDF: a cover, then each document
//! under its numbered title, its tables drawn exactly as in the document's own .docx.

use std::path::Path;

use super::body::{self, Body, Levels};
use super::load_reference;
use super::package::Package;
use crate::render::volume::{self, Volume};
use crate::table::DocumentView;

/// Writes the volume's .docx. `root` is the tree, whose `templates/docx/reference.docx`
/// styles it; the date is the latest document's, as for the PDF volume.
pub fn render(volume: &Volume, root: &Path) -> Result<Vec<u8>, String> {
    let summarize = |diags| volume::summarize("汇编 Word 文件", diags);
    let (reference, map) = load_reference(root).map_err(summarize)?;
    let date = crate::render::pdf::latest_date(
        volume
            .documents
            .iter()
            .filter_map(|d| d.view.date.as_deref()),
    )
    .map_err(summarize)?
    .map(|d| d.ymd);
    let years = volume.years();
    let date_label = match (date, years.as_slice()) {
        (Some((y, m, d)), _) => format!("{y}年{m}月{d}日"),
        (None, [year]) => format!("{year}年"),
        _ => String::new(),
    };
    let mut b = Body::new(&map);
    let count = format!(
        "共 {} 份文档、{} 张绩效目标表",
        volume.documents.len(),
        volume.table_count
    );
    b.cover(&volume.title, &[&count], &date_label);
    for (i, entry) in volume.documents.iter().enumerate() {
        volume_document(&mut b, i, &entry.view);
    }
    let mut markup = b.finish();
    body::main_section(&mut markup, true);
    let package = Package {
        body: markup,
        title: &volume.title,
        creator: "",
        keywords: volume::KEYWORDS.map(String::from).to_vec(),
        date: date.unwrap_or((years.first().copied().unwrap_or(2000), 1, 1)),
        custom: Vec::new(),
        styles: &map,
        reference: reference.as_ref(),
    };
    package
        .write()
        .map_err(|e| format!("无法生成汇编 Word 文件：{e}"))
}

/// One document of the volume: its numbered title and unit, Part 1, its tables.
fn volume_document(b: &mut Body, i: usize, view: &DocumentView) {
    b.heading_text(1, &format!("{}．{}", i + 1, view.title), i > 0);
    b.centered(&view.unit_name, 24);
    let levels = Levels {
        part: 2,
        table: if view.overview.is_some() { 3 } else { 2 },
    };
    if let Some(o) = &view.overview {
        b.overview(o, levels, false);
    }
    for (j, t) in view.tables.iter().enumerate() {
        b.table(t, levels.table, j > 0);
    }
}
