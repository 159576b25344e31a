//! `word/document.xml`: the published layout as WordprocessingML, drawn from the shared
//! [`DocumentView`] exactly as the PDF template draws it (`templates/typst/table.typ`):
//! the same rows, merges, column widths and alignment, so a table reads the same in Word.
//!
//! Each table is two Word tables touching each other, as in the PDF: the project block
//! (项目编码 … 绩效目标) and the indicator grid, whose header row repeats on every page.
//! Word repeats only the rows at the top of a table, hence the split; a one-point
//! separator paragraph keeps Word from fusing the two. The book's Word chapter describes
//! the layout for readers of the files (and `jixiao import`).

use super::reference::StyleMap;
use super::styles::{self, StyleId};
use super::xml::Xml;
use crate::table::{DocumentView, OverviewView, Table};

/// A4 portrait in twentieths of a point, and the PDF's margins (2.2 cm, 2.4 cm).
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_X: u32 = 1247;
pub const MARGIN_Y: u32 = 1361;
/// The width tables and the unit line's right tab stop use.
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN_X;

/// Twips in a centimetre.
const TWIPS_PER_CM: f64 = 1440.0 / 2.54;

/// The relationship id of the footer part (see `package.rs`).
pub const FOOTER_REL: &str = "rIdFooter1";

/// A cell's paragraph alignment, as the PDF aligns it.
#[derive(Clone, Copy, PartialEq)]
enum Align {
    Center,
    Left,
    Right,
}

impl Align {
    fn name(self) -> &'static str {
        match self {
            Align::Center => "center",
            Align::Left => "left",
            Align::Right => "right",
        }
    }
}

/// How a cell takes part in a vertical merge.
#[derive(Clone, Copy, PartialEq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

/// One table cell: its grid columns, merge, alignment and paragraphs.
struct Cell<'a> {
    span: usize,
    vmerge: VMerge,
    align: Align,
    bold: bool,
    paragraphs: Vec<&'a str>,
    /// A cell of the unit row: no rules but the one below it, no inset on the outer side.
    unit_line: bool,
}

impl<'a> Cell<'a> {
    fn new(span: usize, text: &'a str) -> Self {
        Cell {
            span,
            vmerge: VMerge::None,
            align: Align::Center,
            bold: false,
            paragraphs: vec![text],
            unit_line: false,
        }
    }

    /// One side of the unit row above the table.
    fn unit(span: usize, text: &'a str, align: Align) -> Self {
        Cell {
            align,
            unit_line: true,
            ..Cell::new(span, text)
        }
    }

    fn left(mut self) -> Self {
        self.align = Align::Left;
        self
    }

    fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    fn restart(mut self) -> Self {
        self.vmerge = VMerge::Restart;
        self
    }

    fn merged_below(span: usize) -> Self {
        Cell {
            span,
            vmerge: VMerge::Continue,
            align: Align::Center,
            bold: false,
            paragraphs: vec![""],
            unit_line: false,
        }
    }
}

/// One table row and how it breaks across pages.
struct Row<'a> {
    cells: Vec<Cell<'a>>,
    /// Repeated at the top of every page (the indicator header).
    header: bool,
    /// May break across pages (资金用途 and 绩效目标 may be longer than a page).
    breakable: bool,
    /// Kept on the page of the next row.
    keep_next: bool,
}

/// Column widths in twips that add up to `total`: fixed widths in centimetres, the rest
/// shared by fractions (typst's `1fr`), as the PDF template's `columns` say.
fn columns(total: u32, spec: &[Width]) -> Vec<u32> {
    let fixed: u32 = spec
        .iter()
        .map(|w| match w {
            Width::Cm(cm) => (cm * TWIPS_PER_CM).round() as u32,
            Width::Fr(_) => 0,
        })
        .sum();
    let frs: f64 = spec
        .iter()
        .map(|w| match w {
            Width::Fr(f) => *f,
            Width::Cm(_) => 0.0,
        })
        .sum();
    let rest = total.saturating_sub(fixed) as f64;
    let mut widths: Vec<u32> = spec
        .iter()
        .map(|w| match w {
            Width::Cm(cm) => (cm * TWIPS_PER_CM).round() as u32,
            Width::Fr(f) => (rest * f / frs).floor() as u32,
        })
        .collect();
    // Rounding leftovers go to the last fractional column, so the table is exactly `total`.
    let sum: u32 = widths.iter().sum();
    if let Some(i) = spec.iter().rposition(|w| matches!(w, Width::Fr(_))) {
        widths[i] += total.saturating_sub(sum);
    }
    widths
}

#[derive(Clone, Copy)]
enum Width {
    Cm(f64),
    Fr(f64),
}

/// The project block: 3.1 cm of labels, then 12 equal columns so that the six budget cells
/// and the four plan cells all line up (`info-table` in `table.typ`).
fn info_columns() -> Vec<u32> {
    let mut spec = vec![Width::Cm(3.1)];
    spec.extend([Width::Fr(1.0); 12]);
    columns(TEXT_WIDTH, &spec)
}

/// The indicator grid (`indicator-table` in `table.typ`).
fn grid_columns(has_basis: bool) -> Vec<u32> {
    use Width::{Cm, Fr};
    if has_basis {
        columns(
            TEXT_WIDTH,
            &[Cm(2.1), Cm(2.5), Fr(1.2), Fr(1.2), Cm(2.0), Fr(1.0)],
        )
    } else {
        columns(TEXT_WIDTH, &[Cm(2.1), Cm(2.7), Fr(1.0), Fr(1.3), Cm(2.4)])
    }
}

/// Heading levels and where a table's heading goes in the outline.
#[derive(Clone, Copy)]
pub struct Levels {
    /// The outline level of the Part 1 / Part 2 titles (1 in a document).
    pub part: u8,
    /// The level of each table's heading.
    pub table: u8,
}

/// Writes paragraphs and tables into a `<w:body>` being built.
pub struct Body<'a> {
    x: Xml,
    map: &'a StyleMap,
    bookmark: u32,
}

impl<'a> Body<'a> {
    pub fn new(map: &'a StyleMap) -> Self {
        Body {
            x: Xml::default(),
            map,
            bookmark: 0,
        }
    }

    pub fn finish(self) -> Xml {
        self.x
    }

    /// A paragraph of the given style; `text` may hold line breaks.
    pub fn para(&mut self, style: StyleId, text: &str) {
        self.paragraph(style, &ParaProps::default(), text);
    }

    fn paragraph(&mut self, style: StyleId, p: &ParaProps, text: &str) {
        self.x.open("w:p", &[]);
        self.ppr(style, p);
        if let Some(name) = p.bookmark.as_deref() {
            let id = self.bookmark.to_string();
            self.bookmark += 1;
            self.x
                .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", name)]);
            runs(&mut self.x, text, &p.run);
            self.x.empty("w:bookmarkEnd", &[("w:id", &id)]);
        } else {
            runs(&mut self.x, text, &p.run);
        }
        self.x.close("w:p");
    }

    fn ppr(&mut self, style: StyleId, p: &ParaProps) {
        let x = &mut self.x;
        x.open("w:pPr", &[]);
        x.val("w:pStyle", self.map.id(style));
        if p.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if p.page_break_before {
            x.empty("w:pageBreakBefore", &[]);
        }
        if let Some(before) = p.space_before {
            x.empty("w:spacing", &[("w:before", &before.to_string())]);
        }
        if let Some(align) = p.align {
            x.val("w:jc", align.name());
        }
        if let Some(sect) = p.section.as_deref() {
            x.raw(sect);
        }
        x.close("w:pPr");
    }

    /// A heading that starts a new page when asked.
    pub fn heading_text(&mut self, level: u8, text: &str, page_break: bool) {
        self.heading(
            level,
            text,
            ParaProps {
                page_break_before: page_break,
                keep_next: true,
                ..ParaProps::default()
            },
        );
    }

    /// A centred line of the given size in half-points (a unit's name under its title).
    pub fn centered(&mut self, text: &str, size: u32) {
        self.paragraph(
            StyleId::CoverLine,
            &ParaProps {
                keep_next: true,
                run: RunProps {
                    bold: false,
                    size: Some(size),
                },
                ..ParaProps::default()
            },
            text,
        );
    }

    /// A heading of the given outline level (1-based), optionally with a bookmark.
    fn heading(&mut self, level: u8, text: &str, props: ParaProps) {
        self.paragraph(styles::heading(level), &props, text);
    }

    /// The cover of a booklet: title, unit and date, alone on the first page, in a section
    /// of its own without page numbers.
    pub fn cover(&mut self, title: &str, lines: &[&str], date_label: &str) {
        self.paragraph(
            StyleId::CoverTitle,
            &ParaProps {
                space_before: Some(3118), // 5.5 cm, as in main.typ
                ..ParaProps::default()
            },
            title,
        );
        for (i, line) in lines.iter().enumerate() {
            self.paragraph(
                StyleId::CoverLine,
                &ParaProps {
                    space_before: Some(if i == 0 { 600 } else { 120 }),
                    ..ParaProps::default()
                },
                line,
            );
        }
        self.paragraph(
            StyleId::CoverLine,
            &ParaProps {
                // The unit and date sit low on the page (`v(1fr)` in the template).
                space_before: Some(if lines.is_empty() { 7400 } else { 6200 }),
                section: Some(cover_section()),
                ..ParaProps::default()
            },
            date_label,
        );
    }

    /// Part 1 (部门整体绩效目标), its sections numbered 一、二、三 as they occur.
    pub fn overview(&mut self, o: &OverviewView, levels: Levels, page_break: bool) {
        self.heading(
            levels.part,
            "第一部分　部门整体绩效目标",
            ParaProps {
                page_break_before: page_break,
                ..ParaProps::default()
            },
        );
        let numerals = ["一", "二", "三"];
        let mut n = 0;
        let mut section = |body: &mut Body, title: &str| {
            body.heading(
                levels.part + 1,
                &format!("{}、{title}", numerals[n]),
                ParaProps::default(),
            );
            n += 1;
        };
        section(self, "总体绩效目标");
        for p in &o.overall {
            self.para(StyleId::BodyText, p);
        }
        if !o.items.is_empty() {
            section(self, "分项绩效目标");
            for item in &o.items {
                self.paragraph(
                    StyleId::BodyText,
                    &ParaProps {
                        run: RunProps {
                            bold: true,
                            ..RunProps::default()
                        },
                        keep_next: true,
                        ..ParaProps::default()
                    },
                    &item.heading,
                );
                for p in item.goal.iter().chain(&item.indicator) {
                    self.para(StyleId::BodyText, p);
                }
            }
        }
        if !o.safeguards.is_empty() {
            section(self, "工作保障措施");
            for p in &o.safeguards {
                self.para(StyleId::BodyText, p);
            }
        }
        self.heading(
            levels.part,
            "第二部分　预算项目绩效目标",
            ParaProps {
                page_break_before: true,
                keep_next: true,
                ..ParaProps::default()
            },
        );
    }

    /// One 绩效目标表: heading, unit line, project block, indicator grid.
    pub fn table(&mut self, t: &Table, level: u8, page_break: bool) {
        self.heading(
            level,
            &t.heading,
            ParaProps {
                page_break_before: page_break,
                keep_next: true,
                align: Some(Align::Center),
                bookmark: Some(bookmark_name(t)),
                run: RunProps {
                    bold: false,
                    size: Some(30), // 15 pt, as table.typ prints table headings
                },
                ..ParaProps::default()
            },
        );
        self.grid(&info_columns(), &info_rows(t));
        self.paragraph(
            StyleId::Separator,
            &ParaProps {
                keep_next: true,
                ..ParaProps::default()
            },
            "",
        );
        self.grid(&grid_columns(t.has_basis), &indicator_rows(t));
    }

    /// A Word table with fixed column widths and the PDF's thin rules.
    fn grid(&mut self, widths: &[u32], rows: &[Row]) {
        let x = &mut self.x;
        let map = self.map;
        let total: u32 = widths.iter().sum();
        x.open("w:tbl", &[]);
        x.open("w:tblPr", &[]);
        x.val("w:tblStyle", map.id(StyleId::Table));
        x.empty("w:tblW", &[("w:w", &total.to_string()), ("w:type", "dxa")]);
        x.val("w:jc", "center");
        x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
        x.open("w:tblBorders", &[]);
        for side in [
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ] {
            x.empty(
                side,
                &[
                    ("w:val", "single"),
                    ("w:sz", "4"),
                    ("w:space", "0"),
                    ("w:color", "000000"),
                ],
            );
        }
        x.close("w:tblBorders");
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        x.open("w:tblCellMar", &[]);
        x.empty("w:top", &[("w:w", "57"), ("w:type", "dxa")]);
        x.empty("w:left", &[("w:w", "80"), ("w:type", "dxa")]);
        x.empty("w:bottom", &[("w:w", "57"), ("w:type", "dxa")]);
        x.empty("w:right", &[("w:w", "80"), ("w:type", "dxa")]);
        x.close("w:tblCellMar");
        x.empty(
            "w:tblLook",
            &[
                ("w:val", "0000"),
                ("w:firstRow", "0"),
                ("w:lastRow", "0"),
                ("w:firstColumn", "0"),
                ("w:lastColumn", "0"),
                ("w:noHBand", "1"),
                ("w:noVBand", "1"),
            ],
        );
        x.close("w:tblPr");
        x.open("w:tblGrid", &[]);
        for w in widths {
            x.empty("w:gridCol", &[("w:w", &w.to_string())]);
        }
        x.close("w:tblGrid");
        for row in rows {
            x.open("w:tr", &[]);
            x.open("w:trPr", &[]);
            if !row.breakable {
                x.empty("w:cantSplit", &[]);
            }
            if row.header {
                x.empty("w:tblHeader", &[]);
            }
            x.close("w:trPr");
            let mut col = 0;
            for cell in &row.cells {
                let width: u32 = widths[col..col + cell.span].iter().sum();
                col += cell.span;
                x.open("w:tc", &[]);
                x.open("w:tcPr", &[]);
                x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
                if cell.span > 1 {
                    x.val("w:gridSpan", &cell.span.to_string());
                }
                match cell.vmerge {
                    VMerge::None => {}
                    VMerge::Restart => {
                        x.val("w:vMerge", "restart");
                    }
                    VMerge::Continue => {
                        x.empty("w:vMerge", &[]);
                    }
                }
                if cell.unit_line {
                    x.open("w:tcBorders", &[]);
                    for side in ["w:top", "w:left", "w:right"] {
                        x.empty(side, &[("w:val", "nil")]);
                    }
                    x.close("w:tcBorders");
                    // The text lines up with the table's outer edges, as the PDF's unit line.
                    let side = if cell.align == Align::Left {
                        "w:left"
                    } else {
                        "w:right"
                    };
                    x.open("w:tcMar", &[]);
                    x.empty(side, &[("w:w", "0"), ("w:type", "dxa")]);
                    x.close("w:tcMar");
                    x.val("w:vAlign", "bottom");
                } else {
                    x.val("w:vAlign", "center");
                }
                x.close("w:tcPr");
                let run = RunProps {
                    bold: cell.bold,
                    size: None,
                };
                for text in &cell.paragraphs {
                    x.open("w:p", &[]);
                    x.open("w:pPr", &[]);
                    let style = if cell.unit_line {
                        StyleId::UnitLine
                    } else {
                        StyleId::TableText
                    };
                    x.val("w:pStyle", map.id(style));
                    if row.keep_next {
                        x.empty("w:keepNext", &[]);
                    }
                    x.val("w:jc", cell.align.name());
                    x.close("w:pPr");
                    runs(x, text, &run);
                    x.close("w:p");
                }
                x.close("w:tc");
            }
            x.close("w:tr");
        }
        x.close("w:tbl");
    }
}

/// The bookmark on a table's heading (`table_3`): Word names start with a letter and hold
/// letters, digits and underscores.
pub fn bookmark_name(t: &Table) -> String {
    format!("table_{}", t.number)
}

/// The rows of the project block, as `info-table` draws them.
fn info_rows(t: &Table) -> Vec<Row<'_>> {
    let row = |cells, breakable| Row {
        cells,
        header: false,
        breakable,
        keep_next: true,
    };
    // The unit line is the table's first row, without rules, as published Word files
    // have it: it stays with the table, and an importer reads it as the unit row.
    let mut rows = vec![
        row(
            vec![
                Cell::unit(8, &t.unit_line, Align::Left),
                Cell::unit(5, &t.amount_unit_label, Align::Right),
            ],
            false,
        ),
        row(
            match &t.code {
                Some(code) => vec![
                    Cell::new(1, "项目编码"),
                    Cell::new(5, code),
                    Cell::new(2, "项目名称"),
                    Cell::new(5, &t.name),
                ],
                None => vec![Cell::new(1, "项目名称"), Cell::new(12, &t.name)],
            },
            false,
        ),
        row(
            vec![
                Cell::new(1, "预算规模及资金用途").restart(),
                Cell::new(2, "预算数"),
                Cell::new(2, &t.budget_total),
                Cell::new(2, "其中：财政资金"),
                Cell::new(2, &t.budget_fiscal),
                Cell::new(2, "其他资金"),
                Cell::new(2, &t.budget_other),
            ],
            false,
        ),
        row(
            vec![Cell::merged_below(1), Cell::new(12, &t.purpose).left()],
            true,
        ),
    ];
    if let Some(plan) = &t.spending_plan {
        let mut labels = vec![Cell::new(1, "资金支出计划（%）").restart()];
        labels.extend(plan.iter().map(|c| Cell::new(3, &c.label)));
        rows.push(row(labels, false));
        let mut values = vec![Cell::merged_below(1)];
        values.extend(plan.iter().map(|c| Cell::new(3, &c.value)));
        rows.push(row(values, false));
    }
    let mut goals = Cell::new(12, "").left();
    goals.paragraphs = if t.goals.is_empty() {
        vec![""]
    } else {
        t.goals.iter().map(String::as_str).collect()
    };
    rows.push(row(vec![Cell::new(1, "绩效目标"), goals], true));
    rows
}

/// The indicator grid: a repeating header, then one row per indicator with its 一级指标
/// merged down over the group. A group's rows keep together on one page where they fit,
/// so the merged cell is not left on a page its rows have moved off.
fn indicator_rows(t: &Table) -> Vec<Row<'_>> {
    let mut rows = vec![Row {
        cells: t.header().iter().map(|h| Cell::new(1, h).bold()).collect(),
        header: true,
        breakable: false,
        keep_next: true,
    }];
    for g in &t.groups {
        for (i, r) in g.rows.iter().enumerate() {
            let mut cells = vec![if i == 0 {
                let mut c = Cell::new(1, &g.level1);
                if g.rows.len() > 1 {
                    c = c.restart();
                }
                c
            } else {
                Cell::merged_below(1)
            }];
            cells.push(Cell::new(1, &r.level2));
            cells.push(Cell::new(1, &r.level3));
            cells.push(Cell::new(1, &r.description).left());
            cells.push(Cell::new(1, &r.value));
            if t.has_basis {
                cells.push(Cell::new(1, &r.basis).left());
            }
            rows.push(Row {
                cells,
                header: false,
                breakable: false,
                keep_next: i + 1 < g.rows.len(),
            });
        }
    }
    rows
}

#[derive(Default)]
struct RunProps {
    bold: bool,
    /// Half-points, when the style's size does not apply.
    size: Option<u32>,
}

#[derive(Default)]
struct ParaProps {
    keep_next: bool,
    page_break_before: bool,
    /// Twips above the paragraph.
    space_before: Option<u32>,
    align: Option<Align>,
    bookmark: Option<String>,
    /// A `<w:sectPr>` ending a section at this paragraph.
    section: Option<String>,
    run: RunProps,
}

/// Runs for `text`: line breaks become `<w:br/>`, tabs `<w:tab/>`.
fn runs(x: &mut Xml, text: &str, props: &RunProps) {
    if text.is_empty() {
        return;
    }
    x.open("w:r", &[]);
    if props.bold || props.size.is_some() {
        x.open("w:rPr", &[]);
        if props.bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if let Some(size) = props.size {
            let size = size.to_string();
            x.val("w:sz", &size);
            x.val("w:szCs", &size);
        }
        x.close("w:rPr");
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.empty("w:br", &[]);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                x.empty("w:tab", &[]);
            }
            if !part.is_empty() {
                x.element("w:t", &[("xml:space", "preserve")], part);
            }
        }
    }
    x.close("w:r");
}

/// Page size and margins; the footer holds the page number.
fn page_setup(x: &mut Xml) {
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &PAGE_WIDTH.to_string()),
            ("w:h", &PAGE_HEIGHT.to_string()),
        ],
    );
    let mx = MARGIN_X.to_string();
    let my = MARGIN_Y.to_string();
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &my),
            ("w:right", &mx),
            ("w:bottom", &my),
            ("w:left", &mx),
            ("w:header", "851"),
            ("w:footer", "737"),
            ("w:gutter", "0"),
        ],
    );
}

/// The cover's section: no footer, so the cover carries no page number.
fn cover_section() -> String {
    let mut x = Xml::default();
    x.open("w:sectPr", &[]);
    x.val("w:type", "nextPage");
    page_setup(&mut x);
    x.empty("w:cols", &[("w:space", "425")]);
    x.empty("w:docGrid", &[("w:linePitch", "312")]);
    x.close("w:sectPr");
    x.finish()
}

/// The body's last section: the footer with page numbers. A cover counts as page 1
/// without printing it, so that 共 M 页 (`NUMPAGES`) is right in every word processor
/// (LibreOffice does not compute `SECTIONPAGES`).
pub fn main_section(x: &mut Xml, after_cover: bool) {
    x.open("w:sectPr", &[]);
    x.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", FOOTER_REL)],
    );
    if after_cover {
        x.val("w:type", "nextPage");
    }
    page_setup(x);
    x.empty("w:cols", &[("w:space", "425")]);
    x.empty("w:docGrid", &[("w:linePitch", "312")]);
    x.close("w:sectPr");
}

/// The body of one document: Part 1, then every table, each from a new page. Unlike the
/// PDF there is no cover: a finance bureau binds the departments' Word files into its own
/// volume, and published Word files begin with their content (the volume has a cover).
pub fn document(view: &DocumentView, map: &StyleMap) -> Xml {
    let mut body = Body::new(map);
    let levels = Levels {
        part: 1,
        table: if view.overview.is_some() { 2 } else { 1 },
    };
    if let Some(o) = &view.overview {
        body.overview(o, levels, false);
    }
    for (i, t) in view.tables.iter().enumerate() {
        // The Part 2 title shares its page with the first table.
        body.table(t, levels.table, i > 0);
    }
    let mut x = body.finish();
    main_section(&mut x, false);
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_text_width() {
        assert_eq!(info_columns().iter().sum::<u32>(), TEXT_WIDTH);
        assert_eq!(grid_columns(true).iter().sum::<u32>(), TEXT_WIDTH);
        assert_eq!(grid_columns(false).iter().sum::<u32>(), TEXT_WIDTH);
        assert_eq!(info_columns()[0], 1757);
    }
}
