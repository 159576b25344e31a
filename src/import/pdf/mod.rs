//! Importing a published PDF: the text layer and the table rulings are read back into the
//! document's cells, which then go through the same reading of the layout as the text
//! import.
//!
//! - [`extract`]: the PDF interpreted by `hayro-interpret` into glyphs (with their
//!   Unicode text from ToUnicode maps, CID fonts included), ruling segments and image area.
//! - [`layout`]: one page → tables (grid from the rulings, merged cells, multi-line cells)
//!   and lines of free text.
//! - [`assemble`]: pages → content in reading order: running headers/footers, page
//!   numbers, cover and table of contents dropped; tables continued over pages joined and
//!   their repeated header rows removed.
//! - this file: the content written as the cell text the text importer reads (one cell per
//!   tab-indented line, rows ended by a blank line), imported, and every diagnostic given
//!   the page and position of the cell it is about.
//!
//! Nothing here runs an external program.

pub mod assemble;
pub mod extract;
pub mod layout;

use std::panic::AssertUnwindSafe;

use assemble::{Item, Place};
use extract::{ExtractError, Limits};
use layout::LayoutError;

use super::{ImportOptions, Imported, import_text};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::Sources;

/// The cells of a PDF as the text importer reads them, with the place of every line.
pub struct CellText {
    pub text: String,
    /// For each line written: its byte offset in `text` and where it was on the page.
    pub places: Vec<(usize, Place)>,
}

impl CellText {
    /// The place of the line holding byte `offset`.
    pub fn place_at(&self, offset: usize) -> Option<Place> {
        let i = self.places.partition_point(|(start, _)| *start <= offset);
        i.checked_sub(1).map(|i| self.places[i].1)
    }
}

/// Reads a PDF's tables into cell text. `name` is the file as the user named it.
pub fn read_cells(data: &[u8], limits: &Limits) -> Result<CellText, Diagnostic> {
    // The interpreter is not ours: a panic on a damaged file becomes an error, never a crash.
    let extracted = std::panic::catch_unwind(AssertUnwindSafe(|| extract::extract(data, limits)))
        .unwrap_or(Err(ExtractError::Unreadable));
    let pages = extracted.map_err(extract_error)?;
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 {
        let with_images: Vec<String> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.image_area > 0.0)
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        let what = if with_images.is_empty() {
            "PDF 的各页都没有文字".to_string()
        } else {
            format!(
                "PDF 没有文字层：共 {} 页，只有图像（第 {} 页），是扫描件",
                pages.len(),
                summarize_pages(&with_images)
            )
        };
        return Err(Diagnostic::of(&rules::I402, format!("{what}，无法读出表格"))
            .with_help("扫描件需要先做文字识别（OCR），如用 WPS 或 Adobe Acrobat 的“文字识别”导出带文字层的 PDF，或直接导入原始的 Word 文件"));
    }
    let mut layouts = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let place = |x: f64, y: f64| Place { page: i + 1, x, y };
        match layout::layout(page, i + 1) {
            Ok(l) => layouts.push(l),
            Err(LayoutError::Irregular { x, y }) => {
                return Err(Diagnostic::of(
                    &rules::I403,
                    format!("{}的表格无法重建：文字落在表格线围不成单元格的地方", place(x, y).describe()),
                )
                .with_help("表格线可能残缺或单元格合并得不规则；请导入原始的 Word 文件，或在原文件中补齐表格线后重新导出 PDF"));
            }
            Err(LayoutError::Unmapped { x, y }) => {
                return Err(Diagnostic::of(
                    &rules::I404,
                    format!("{}的文字无法转换为 Unicode：字体没有字符映射（ToUnicode）", place(x, y).describe()),
                )
                .with_help("这样的 PDF 只能看、不能复制出文字；请导入原始的 Word 文件，或重新导出 PDF（导出时嵌入字体）"));
            }
        }
    }
    let items = assemble::assemble(layouts);
    Ok(write_cells(&items))
}

fn summarize_pages(pages: &[String]) -> String {
    if pages.len() > 6 {
        format!("{}…{}", pages[..3].join("、"), pages[pages.len() - 1])
    } else {
        pages.join("、")
    }
}

fn extract_error(e: ExtractError) -> Diagnostic {
    match e {
        ExtractError::Unreadable => {
            Diagnostic::of(&rules::I401, "PDF 文件已损坏或不是 PDF，无法读取")
                .with_help("用 PDF 阅读器打开确认文件完好；下载不完整时重新下载")
        }
        ExtractError::Encrypted => Diagnostic::of(&rules::I401, "PDF 文件已加密，无法读取")
            .with_help("用 PDF 阅读器输入密码后另存为不加密的 PDF，再导入"),
        ExtractError::NoPages => Diagnostic::of(&rules::I401, "PDF 文件中没有任何页面")
            .with_help("确认导入的是已发布的绩效目标表 PDF"),
        ExtractError::TooLarge { bytes, limit } => Diagnostic::of(
            &rules::I405,
            format!(
                "PDF 文件过大：{} MB，超过上限 {} MB",
                bytes >> 20,
                limit >> 20
            ),
        )
        .with_help("绩效目标表的 PDF 通常只有几 MB；请确认文件无误，或分成几个文件导入"),
        ExtractError::TooManyPages { pages, limit } => Diagnostic::of(
            &rules::I405,
            format!("PDF 页数过多：{pages} 页，超过上限 {limit} 页"),
        )
        .with_help("请把文档分成几个文件导入"),
        ExtractError::DecompressionBomb { limit } => Diagnostic::of(
            &rules::I405,
            format!("PDF 中的压缩数据解压后超过 {} MB，不再读取", limit >> 20),
        )
        .with_help("文件可能已损坏或被恶意构造；请用原始文件重新导出 PDF"),
        ExtractError::PageTooComplex { page } => Diagnostic::of(
            &rules::I405,
            format!("PDF 第 {page} 页绘制的内容过多（字形或线条超过上限），不再读取"),
        )
        .with_help("这一页可能是图形而不是表格；请确认导入的文件无误"),
    }
}

const PART_LABELS: &[&str] = &[
    "第一部分",
    "部门整体绩效目标",
    "第二部分",
    "预算项目绩效目标",
];

/// Writes the content in the text importer's format and records where each line came from.
fn write_cells(items: &[Item]) -> CellText {
    let mut out = CellText {
        text: String::new(),
        places: Vec::new(),
    };
    let push = |out: &mut CellText, line: &str, place: Place| {
        out.places.push((out.text.len(), place));
        out.text.push_str(line);
        out.text.push('\n');
    };
    // The last non-empty first cell below an `一级指标` header, per table, to read a
    // continuation label `产出指标（续）` as the merged cell it continues.
    let mut grid: Option<(Option<usize>, String)> = None;
    for item in items {
        match item {
            Item::Paragraph(p) => {
                grid = None;
                // `第一部分　部门整体绩效目标` printed on one line: the labels one per line.
                let words: Vec<&str> = p.text.split_whitespace().collect();
                if words.len() > 1 && words.iter().all(|w| PART_LABELS.contains(w)) {
                    for w in words {
                        push(&mut out, w, p.place);
                    }
                    continue;
                }
                for line in p.text.split('\n') {
                    push(&mut out, line.trim(), p.place);
                }
            }
            Item::Row { cells, table } => {
                if cells.iter().all(|c| c.text.trim().is_empty()) {
                    continue;
                }
                let is_header = cells
                    .first()
                    .is_some_and(|c| c.text.split_whitespace().collect::<String>() == "一级指标");
                for (k, c) in cells.iter().enumerate() {
                    let mut text = c.text.clone();
                    if k == 0 && !is_header && table.is_some() {
                        match &mut grid {
                            Some((t, last)) if t == table => {
                                if let Some(base) = text.strip_suffix("（续）")
                                    && base == last
                                {
                                    text = base.to_string();
                                }
                                if !text.trim().is_empty() {
                                    *last = text.clone();
                                }
                            }
                            _ => {}
                        }
                    }
                    let mut lines = text.split('\n');
                    let first = lines.next().unwrap_or("");
                    push(&mut out, &format!("\t{first}"), c.place);
                    for more in lines.filter(|l| !l.trim().is_empty()) {
                        push(&mut out, more, c.place);
                    }
                }
                if is_header {
                    grid = Some((*table, String::new()));
                }
                // A whitespace-only line ends the row for certain.
                let place = cells.last().map(|c| c.place).unwrap_or_default();
                push(&mut out, " ", place);
            }
        }
    }
    out
}

/// Imports a PDF: `name` is how diagnostics name the file.
pub fn import_pdf(
    name: &str,
    data: &[u8],
    sources: &mut Sources,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let limits = Limits {
        fallback_font: Some(crate::render::pdf::fonts::EMBEDDED_REGULAR),
        ..Limits::default()
    };
    let cells =
        read_cells(data, &limits).map_err(|d| vec![d.with_note(format!("文件：{name}"))])?;
    import_cells(name, &cells, sources, options)
}

/// Imports cell text read from a PDF; every diagnostic about a cell gets a note with the
/// cell's page and position.
pub fn import_cells(
    name: &str,
    cells: &CellText,
    sources: &mut Sources,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let file = sources.add(
        format!("{name}（由 PDF 重建的单元格文本）"),
        cells.text.clone(),
    );
    let locate = |mut d: Diagnostic| {
        if let Some(place) = d
            .primary
            .as_ref()
            .filter(|l| l.span.file == file && l.span.end > 0)
            .and_then(|l| cells.place_at(l.span.start))
        {
            d.notes.push(format!("位于 {name} {}", place.describe()));
        }
        d
    };
    match import_text(file, &cells.text, options) {
        Ok(mut imported) => {
            imported.notes = imported.notes.into_iter().map(locate).collect();
            Ok(imported)
        }
        Err(diags) => Err(diags.into_iter().map(locate).collect()),
    }
}

#[cfg(test)]
mod tests;
