//! The Word cell source: a .docx (WordprocessingML) read directly.
//!
//! The package is a zip; the main document part is found through `_rels/.rels`, the
//! numbering and style parts through the document's relationships. The body is read in
//! order into paragraphs and tables for [`super::layout`]:
//!
//! - `w:tbl` → a table; `w:gridSpan` gives a cell's grid columns, `w:vMerge` without
//!   `restart` marks the continuation of a vertically merged cell, old-style `w:hMerge`
//!   continuations widen the cell before them, `w:tblHeader` marks a repeated header row;
//!   a nested table's paragraphs become paragraphs of the cell that holds it;
//! - a cell's paragraphs are joined by `\n`, as are `w:br` / `w:cr` line breaks inside a
//!   paragraph (page and column breaks are layout, not text); `w:tab` is a tab;
//! - tracked changes read as accepted: `w:ins` / `w:moveTo` kept, `w:del` / `w:moveFrom`
//!   and rows marked deleted dropped;
//! - fields keep their result text (`w:fldSimple` content; a complex field's runs between
//!   `separate` and `end`), never their instructions;
//! - content controls (`w:sdt`) give their content, custom XML and smart tags their
//!   children; bookmarks, comments, proofing marks and drawings are not text;
//! - a paragraph numbered by Word's list numbering gets the number Word shows
//!   ([`numbering`]), so a heading numbered by Word reads as one with a typed number.
//!
//! A .docx is binary, so spans cannot point into it: like the spreadsheet importer, every
//! paragraph and cell is listed in a text added to [`Sources`] (`第2张表 第3行 第1格：…`),
//! and spans point at its lines. Input is bounded: the zip's entry count, the size of each
//! part read (counted while inflating, so a zip bomb stops at the limit), XML depth and
//! element count.

pub mod numbering;
pub mod properties;
pub mod xml;

use std::io::{Cursor, Read};

use super::layout::{self, Block, Cell, ImportOptions, Imported, Paragraph, Table, TableRow};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::Spanned;
use crate::span::{FileId, Sources, Span};
use numbering::Numbering;
use properties::Settings;
use xml::{Element, XmlError};

/// Bounds on what a .docx may make jixiao read.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Most entries in the zip.
    pub entries: usize,
    /// Most bytes one part may inflate to.
    pub part: u64,
    /// Most bytes all parts read may inflate to together.
    pub total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entries: 10_000,
            part: 64 << 20,
            total: 160 << 20,
        }
    }
}

/// A .docx that cannot be read: the error to show (I301 damaged, I302 too large).
fn damaged(name: &str, why: &str) -> Diagnostic {
    Diagnostic::of(
        &rules::I301,
        format!("{name} 不是可读取的 Word 文档：{why}"),
    )
    .with_help(
        "文件可能已损坏或不是 .docx；用 Word 或 WPS 打开后“另存为 Word 文档（*.docx）”，再重新导入",
    )
}

fn too_large(name: &str, what: &str) -> Diagnostic {
    Diagnostic::of(&rules::I302, format!("{name} 超出导入的大小限制：{what}")).with_help(
        "绩效目标表文档通常只有几百 KB；检查文件是否正确，或删去其中的图片等大块内容后再导入",
    )
}

/// The parts of a package jixiao reads.
struct Package {
    document: String,
    numbering: Option<String>,
    styles: Option<String>,
    /// `docProps/custom.xml`: the settings jixiao's Word writer keeps there.
    custom: Option<String>,
}

struct Zip<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    read: u64,
}

impl Zip<'_> {
    /// An entry's text, or `None` when the package has no such entry.
    fn text(&mut self, name: &str, file: &str) -> Result<Option<String>, Diagnostic> {
        let entry = match self.archive.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(_) => return Err(damaged(file, &format!("其中的 {name} 已损坏"))),
        };
        if entry.encrypted() {
            return Err(damaged(file, &format!("其中的 {name} 已加密")));
        }
        let budget = self
            .limits
            .part
            .min(self.limits.total.saturating_sub(self.read));
        let mut bytes = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| damaged(file, &format!("{name} 解压失败（数据已损坏）")))?;
        if bytes.len() as u64 > budget {
            return Err(too_large(
                file,
                &format!("{name} 解压后超过 {} MB", budget >> 20),
            ));
        }
        self.read += bytes.len() as u64;
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| damaged(file, &format!("{name} 不是 UTF-8 编码的 XML")))
    }
}

/// A relationship target of `type_suffix` in a `.rels` part, resolved against `base`.
fn relationship(rels: &Element, type_suffix: &str, base: &str) -> Option<String> {
    let rel = rels
        .elements()
        .find(|r| r.attr("Type").is_some_and(|t| t.ends_with(type_suffix)))?;
    if rel.attr("TargetMode") == Some("External") {
        return None;
    }
    let target = rel.attr("Target")?;
    Some(match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => {
            let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
            for seg in target.split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            parts.join("/")
        }
    })
}

fn read_package(file: &str, bytes: &[u8], limits: Limits) -> Result<Package, Diagnostic> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| damaged(file, "zip 结构已损坏（文件可能不完整）"))?;
    if archive.len() > limits.entries {
        return Err(too_large(
            file,
            &format!("包含 {} 个条目，上限 {}", archive.len(), limits.entries),
        ));
    }
    let mut zip = Zip {
        archive,
        limits,
        read: 0,
    };
    let parse_rels = |text: Option<String>| text.and_then(|t| xml::parse(&t).ok());
    let root_rels = parse_rels(zip.text("_rels/.rels", file)?);
    let main = root_rels
        .as_ref()
        .and_then(|r| relationship(r, "/officeDocument", ""))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let custom_name = root_rels
        .as_ref()
        .and_then(|r| relationship(r, "/custom-properties", ""))
        .unwrap_or_else(|| "docProps/custom.xml".to_string());
    let Some(document) = zip.text(&main, file)? else {
        let what = if zip.archive.index_for_name("xl/workbook.xml").is_some() {
            "这是 Excel 电子表格（.xlsx），不是 Word 文档"
        } else if zip.archive.index_for_name("ppt/presentation.xml").is_some() {
            "这是 PowerPoint 演示文稿，不是 Word 文档"
        } else {
            "zip 中没有 Word 文档的正文（word/document.xml）"
        };
        return Err(damaged(file, what));
    };
    let (dir, part) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_name = if dir.is_empty() {
        format!("_rels/{part}.rels")
    } else {
        format!("{dir}/_rels/{part}.rels")
    };
    let doc_rels = parse_rels(zip.text(&rels_name, file)?);
    let target = |suffix: &str, default: &str| {
        doc_rels
            .as_ref()
            .and_then(|r| relationship(r, suffix, dir))
            .unwrap_or_else(|| default.to_string())
    };
    let numbering = zip.text(&target("/numbering", "word/numbering.xml"), file)?;
    let styles = zip.text(&target("/styles", "word/styles.xml"), file)?;
    let custom = zip.text(&custom_name, file)?;
    Ok(Package {
        document,
        numbering,
        styles,
        custom,
    })
}

fn parse_part(file: &str, part: &str, text: &str) -> Result<Element, Diagnostic> {
    xml::parse(text).map_err(|e| match e {
        XmlError::Syntax(at) => damaged(
            file,
            &format!("{part} 不是有效的 XML（第 {at} 字节附近有语法错误）"),
        ),
        XmlError::TooLarge(what) => too_large(file, &format!("{part} 的{what}超过上限")),
    })
}

/// Imports a .docx. `name` is the file name shown in messages; the listing of its
/// paragraphs and cells is added to `sources` under that name.
pub fn import_docx(
    name: &str,
    bytes: &[u8],
    sources: &mut Sources,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    import_docx_with(name, bytes, sources, options, Limits::default())
}

/// [`import_docx`] with explicit bounds.
pub fn import_docx_with(
    name: &str,
    bytes: &[u8],
    sources: &mut Sources,
    options: &ImportOptions,
    limits: Limits,
) -> Result<Imported, Vec<Diagnostic>> {
    let package = read_package(name, bytes, limits).map_err(|d| vec![d])?;
    let document = parse_part(name, "word/document.xml", &package.document).map_err(|d| vec![d])?;
    // Numbering and styles only add numbers; a damaged one is not worth refusing the file.
    let numbering = package
        .numbering
        .as_deref()
        .and_then(|t| xml::parse(t).ok());
    let styles = package.styles.as_deref().and_then(|t| xml::parse(t).ok());
    let mut walker = Walker {
        numbering: Numbering::new(numbering.as_ref(), styles.as_ref()),
        fields: Vec::new(),
    };
    let Some(body) = document.child("body") else {
        return Err(vec![damaged(name, "正文（w:body）缺失")]);
    };
    let mut raw = Vec::new();
    walker.blocks(body, &mut raw);
    // jixiao's settings: a damaged custom.xml would lose the rules and allowed findings.
    let properties = match &package.custom {
        Some(text) => {
            properties::read(&parse_part(name, "docProps/custom.xml", text).map_err(|d| vec![d])?)
        }
        None => Vec::new(),
    };
    let (file, blocks, properties) = list(name, raw, properties, sources);
    let (settings, mut errors) = Settings::read(&properties);
    let mut options = options.clone();
    let year_given = options.year.is_some();
    if !year_given {
        options.year = settings.year.as_ref().map(|y| y.value);
    }
    let mut imported = match layout::interpret(file, &blocks, &options) {
        Ok(imported) => imported,
        Err(e) => {
            errors.extend(e);
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    settings.apply(&mut imported.document, year_given)?;
    Ok(imported)
}

/// What the walk of the body found, before listing.
enum RawBlock {
    Paragraph(String),
    Table(Vec<RawRow>),
}

struct RawRow {
    cells: Vec<RawCell>,
    repeats: bool,
}

struct RawCell {
    paragraphs: Vec<String>,
    col_span: usize,
    continues: bool,
}

struct Walker {
    numbering: Numbering,
    /// Complex fields open at this point: `true` once past `separate` (the result).
    fields: Vec<bool>,
}

impl Walker {
    /// Whether text here is shown: outside fields, or in their results.
    fn visible(&self) -> bool {
        self.fields.iter().all(|&r| r)
    }

    /// Block-level content: paragraphs, tables and their wrappers.
    fn blocks(&mut self, e: &Element, out: &mut Vec<RawBlock>) {
        for c in e.elements() {
            match c.name.as_str() {
                "p" => out.push(RawBlock::Paragraph(self.paragraph(c))),
                "tbl" => out.push(RawBlock::Table(self.table(c))),
                "sdt" => {
                    if let Some(content) = c.child("sdtContent") {
                        self.blocks(content, out);
                    }
                }
                "customXml" | "smartTag" | "ins" | "moveTo" | "sdtContent" => self.blocks(c, out),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element) -> String {
        let ppr = p.child("pPr");
        let mut text = self.numbering.next(ppr).unwrap_or_default();
        self.inline(p, &mut text);
        text
    }

    /// Inline content: runs and their wrappers.
    fn inline(&mut self, e: &Element, out: &mut String) {
        for c in e.elements() {
            match c.name.as_str() {
                "r" => self.run(c, out),
                "hyperlink" | "smartTag" | "customXml" | "ins" | "moveTo" | "fldSimple"
                | "sdtContent" | "dir" | "bdo" | "oMath" | "oMathPara" | "e" | "num" | "den"
                | "sub" | "sup" | "deg" | "fName" | "lim" => self.inline(c, out),
                "sdt" => {
                    if let Some(content) = c.child("sdtContent") {
                        self.inline(content, out);
                    }
                }
                "AlternateContent" => {
                    if let Some(choice) = c.child("Choice") {
                        self.inline(choice, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, out: &mut String) {
        for c in r.elements() {
            match c.name.as_str() {
                "t" if self.visible() => out.push_str(&c.text()),
                "t" => {}
                "tab" | "ptab" if self.visible() => out.push('\t'),
                "br" if self.visible() && !matches!(c.attr("type"), Some("page" | "column")) => {
                    out.push('\n');
                }
                "cr" if self.visible() => out.push('\n'),
                "noBreakHyphen" if self.visible() => out.push('-'),
                "sym" if self.visible() => {
                    if let Some(ch) = c
                        .attr("char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|ch| !('\u{f000}'..='\u{f0ff}').contains(ch))
                    {
                        out.push(ch);
                    }
                }
                "fldChar" => match c.attr("fldCharType") {
                    Some("begin") => self.fields.push(false),
                    Some("separate") => {
                        if let Some(last) = self.fields.last_mut() {
                            *last = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "AlternateContent" => {
                    if let Some(choice) = c.child("Choice") {
                        self.run(choice, out);
                    }
                }
                // Math runs (m:r) carry m:t.
                _ => {}
            }
        }
    }

    fn table(&mut self, tbl: &Element) -> Vec<RawRow> {
        let mut rows = Vec::new();
        self.rows(tbl, &mut rows);
        rows
    }

    fn rows(&mut self, e: &Element, rows: &mut Vec<RawRow>) {
        for c in e.elements() {
            match c.name.as_str() {
                "tr" => {
                    let trpr = c.child("trPr");
                    if trpr.is_some_and(|p| p.child("del").is_some()) {
                        continue;
                    }
                    let repeats = trpr.and_then(|p| p.child("tblHeader")).is_some_and(xml::on);
                    let mut cells = Vec::new();
                    self.cells(c, &mut cells);
                    rows.push(RawRow { cells, repeats });
                }
                "sdt" => {
                    if let Some(content) = c.child("sdtContent") {
                        self.rows(content, rows);
                    }
                }
                "customXml" | "ins" | "moveTo" => self.rows(c, rows),
                _ => {}
            }
        }
    }

    fn cells(&mut self, e: &Element, cells: &mut Vec<RawCell>) {
        for c in e.elements() {
            match c.name.as_str() {
                "tc" => {
                    let tcpr = c.child("tcPr");
                    let col_span = tcpr
                        .and_then(|p| p.child_val("gridSpan"))
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000);
                    let continues = tcpr
                        .and_then(|p| p.child("vMerge"))
                        .is_some_and(|v| v.attr("val") != Some("restart"));
                    let h_continues = tcpr
                        .and_then(|p| p.child("hMerge"))
                        .is_some_and(|v| v.attr("val") != Some("restart"));
                    let mut paragraphs = Vec::new();
                    self.cell_paragraphs(c, &mut paragraphs);
                    if h_continues && let Some(prev) = cells.last_mut() {
                        prev.col_span += col_span;
                        continue;
                    }
                    cells.push(RawCell {
                        paragraphs,
                        col_span,
                        continues,
                    });
                }
                "sdt" => {
                    if let Some(content) = c.child("sdtContent") {
                        self.cells(content, cells);
                    }
                }
                "customXml" | "ins" | "moveTo" => self.cells(c, cells),
                _ => {}
            }
        }
    }

    /// A cell's paragraphs, a nested table's included in reading order.
    fn cell_paragraphs(&mut self, e: &Element, out: &mut Vec<String>) {
        let mut blocks = Vec::new();
        self.blocks(e, &mut blocks);
        for b in blocks {
            match b {
                RawBlock::Paragraph(p) => out.push(p),
                RawBlock::Table(rows) => {
                    for cell in rows.into_iter().flat_map(|r| r.cells) {
                        out.extend(cell.paragraphs);
                    }
                }
            }
        }
    }
}

/// Lists paragraphs, cells and jixiao's document properties in a text added to
/// `sources`, and gives each its span there.
fn list(
    name: &str,
    raw: Vec<RawBlock>,
    properties: Vec<(String, String)>,
    sources: &mut Sources,
) -> (FileId, Vec<Block>, Vec<properties::Listed>) {
    let mut listing = String::new();
    let mut spans = Vec::new();
    let mut push = |listing: &mut String, place: String, text: &str| {
        listing.push_str(&place);
        listing.push('：');
        let start = listing.len();
        for ch in text.chars() {
            match ch {
                '\n' => listing.push('⏎'),
                '\t' => listing.push('→'),
                c => listing.push(c),
            }
        }
        spans.push((start, listing.len()));
        listing.push('\n');
    };
    let (mut p, mut t) = (0, 0);
    for b in &raw {
        match b {
            RawBlock::Paragraph(text) => {
                p += 1;
                push(&mut listing, format!("第{p}段"), text);
            }
            RawBlock::Table(rows) => {
                t += 1;
                for (r, row) in rows.iter().enumerate() {
                    for (c, cell) in row.cells.iter().enumerate() {
                        let merged = if cell.continues {
                            "（纵向合并）"
                        } else {
                            ""
                        };
                        push(
                            &mut listing,
                            format!("第{t}张表 第{}行 第{}格{merged}", r + 1, c + 1),
                            &cell.paragraphs.join("\n"),
                        );
                    }
                }
            }
        }
    }
    for (property, value) in &properties {
        push(&mut listing, format!("文档属性“{property}”"), value);
    }
    let file = sources.add(name, listing);
    let mut spans = spans.into_iter().map(|(s, e)| Span::new(file, s, e));
    let mut next = || spans.next().unwrap_or_else(|| Span::file_start(file));
    let blocks = raw
        .into_iter()
        .map(|b| match b {
            RawBlock::Paragraph(text) => Block::Paragraph(Paragraph { text, span: next() }),
            RawBlock::Table(rows) => {
                let rows: Vec<TableRow> = rows
                    .into_iter()
                    .map(|row| TableRow {
                        cells: row
                            .cells
                            .into_iter()
                            .map(|c| Cell {
                                text: c.paragraphs.join("\n"),
                                span: next(),
                                col_span: c.col_span,
                                continues: c.continues,
                            })
                            .collect(),
                        repeats: row.repeats,
                    })
                    .collect();
                let span = rows
                    .first()
                    .and_then(|r| r.cells.first())
                    .map_or(Span::file_start(file), |c| c.span);
                Block::Table(Table { rows, span })
            }
        })
        .collect();
    let properties = properties
        .into_iter()
        .map(|(property, value)| (property, Spanned::new(value, next())))
        .collect();
    (file, blocks, properties)
}

/// The text of a body's paragraphs and tables, one line per paragraph or row (`|`
/// between cells, `/` between a cell's paragraphs, `^` before a merge continuation).
#[cfg(test)]
fn body_text(xml_text: &str) -> Option<String> {
    let doc = xml::parse(xml_text).ok()?;
    let body = doc.child("body")?;
    let mut walker = Walker {
        numbering: Numbering::default(),
        fields: Vec::new(),
    };
    let mut raw = Vec::new();
    walker.blocks(body, &mut raw);
    let mut out = String::new();
    for b in raw {
        match b {
            RawBlock::Paragraph(p) => {
                out.push_str(&p);
                out.push('\n');
            }
            RawBlock::Table(rows) => {
                for row in rows {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .map(|c| {
                            let mark = if c.continues { "^" } else { "" };
                            format!("{mark}{}", c.paragraphs.join("/"))
                        })
                        .collect();
                    out.push_str(&cells.join("|"));
                    out.push('\n');
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn tracked_changes_fields_and_controls() {
        let xml = doc(concat!(
            r#"<w:p><w:r><w:t>保留</w:t></w:r><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"#,
            r#"<w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="X"><w:r><w:t>结果</w:t></w:r></w:fldSimple></w:p>"#,
            r#"<w:sdt><w:sdtPr><w:alias w:val="a"/></w:sdtPr><w:sdtContent><w:p><w:bookmarkStart w:id="0" w:name="b"/><w:r><w:t>控件</w:t></w:r><w:r><w:br/><w:t>换行</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
        ));
        assert_eq!(body_text(&xml).unwrap(), "保留插入\n7结果\n控件\n换行\n");
    }

    #[test]
    fn merged_cells() {
        let xml = doc(concat!(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc>"#,
            r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"<w:tr><w:trPr><w:del w:id="1"/></w:trPr><w:tc><w:p/></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        ));
        assert_eq!(body_text(&xml).unwrap(), "产出指标|a/b\n^|c\n");
    }
}
