//! The spreadsheet backend: one worksheet per table in the published layout (merged cells
//! as offices draw them), or with `--xlsx-layout split` every project on one sheet in the
//! budget system's split columns (运算符 | 指标值 | 度量单位 | 权重 | 指标方向 | 指标值说明);
//! plus a trailing `文档信息` sheet holding what the tables do not show, so that
//! `jixiao import` gives the same document back.
//!
//! The layout is documented in `book/src/xlsx.md`; its sheet and row labels are
//! [`crate::layout::xlsx`], which `crate::import::xlsx` reads back with.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::{RenderContext, Renderer};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::layout::xlsx::{
    COLUMNS, Column, FIELDS, Field, INFO_SHEET, XlsxLayout, info, label, split, written,
};
use crate::model::{Allow, AmountUnit, Document, Project, Row};
use crate::table::{Table, format_amount};
use crate::value::{self, Value};

/// Columns A..G: the budget row needs seven cells, so every sheet is seven columns wide.
const LAST_COL: u16 = 6;

/// `jixiao build --format xlsx`.
pub struct XlsxRenderer;

impl Renderer for XlsxRenderer {
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>> {
        write_workbook(cx).map_err(|e| {
            vec![Diagnostic::of(
                &rules::R201,
                format!("无法生成电子表格：{e}"),
            )]
        })
    }
}

pub(crate) struct Formats {
    pub(crate) heading: Format,
    pub(crate) plain: Format,
    pub(crate) wrap: Format,
    pub(crate) label: Format,
    pub(crate) amount: Format,
    pub(crate) right: Format,
}

impl Formats {
    pub(crate) fn new() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            heading: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            plain: Format::new(),
            wrap: cell.clone().set_text_wrap(),
            label: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            amount: cell.clone().set_num_format("0.00"),
            right: Format::new().set_align(FormatAlign::Right),
        }
    }
}

fn write_workbook(cx: &RenderContext) -> Result<Vec<u8>, XlsxError> {
    let doc = cx.document;
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // A fixed creation date derived from the document keeps two builds byte-identical.
    workbook.set_properties(
        &DocProperties::new()
            .set_title(cx.view.title.as_str())
            .set_creation_datetime(&creation_date(doc)),
    );
    let mut allows = Vec::new();
    let targets = if cx.view.tables.is_empty() {
        &[][..]
    } else {
        &doc.projects[..]
    };
    match cx.options.xlsx_layout {
        XlsxLayout::Table => {
            for (table, project) in cx.view.tables.iter().zip(targets) {
                let sheet = workbook.add_worksheet();
                let name = table.number.to_string();
                sheet.set_name(&name)?;
                for (cell, allow) in write_table(sheet, table, project, &formats)? {
                    allows.push((format!("{name}!{cell}"), allow));
                }
            }
        }
        XlsxLayout::Split if !cx.view.tables.is_empty() => {
            let sheet = workbook.add_worksheet();
            sheet.set_name(split::SHEET)?;
            let tables = cx.view.tables.iter().zip(targets);
            for (cell, allow) in write_split(sheet, cx, tables, &formats)? {
                allows.push((format!("{}!{cell}", split::SHEET), allow));
            }
        }
        XlsxLayout::Split => {}
    }
    if let Some(evaluation) = &cx.view.evaluation {
        super::xlsx_evaluation::write_sheets(&mut workbook, evaluation, &formats)?;
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(INFO_SHEET)?;
    write_info(sheet, doc, &allows, &formats)?;
    workbook.save_to_buffer()
}

/// The document's date when it parses, else 1 January of the budget year.
pub(crate) fn creation_date(doc: &Document) -> ExcelDateTime {
    let parsed = doc.date.as_ref().and_then(|d| {
        let mut parts = d.value.split('-').map(|p| p.parse::<u32>().ok());
        let (y, m, day) = (parts.next()??, parts.next()??, parts.next()??);
        ExcelDateTime::from_ymd(u16::try_from(y).ok()?, m as u8, day as u8).ok()
    });
    parsed
        .or_else(|| {
            let year = u16::try_from(doc.year.value.clamp(1900, 9999)).ok()?;
            ExcelDateTime::from_ymd(year, 1, 1).ok()
        })
        .unwrap_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"))
}

/// Column widths A..G in Excel's character units.
const COL_WIDTHS: [f64; 7] = [12.0, 16.0, 20.0, 24.0, 16.0, 20.0, 16.0];

/// Excel does not grow merged rows to fit wrapped text, so each sheet estimates the lines
/// every row needs (a Chinese character is two units wide) and sets its height.
pub(crate) struct Painter<'a> {
    pub(crate) sheet: &'a mut Worksheet,
    pub(crate) lines: BTreeMap<u32, usize>,
    /// The column widths, for estimating how many lines a cell needs.
    pub(crate) widths: &'a [f64],
}

impl<'a> Painter<'a> {
    /// Sets up a sheet with these column widths, printed one page wide (landscape for the
    /// wide tables), and paints on it.
    pub(crate) fn new(
        sheet: &'a mut Worksheet,
        widths: &'a [f64],
        landscape: bool,
    ) -> Result<Self, XlsxError> {
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, *width)?;
        }
        if landscape {
            sheet.set_landscape();
        }
        sheet.set_print_fit_to_pages(1, 0);
        Ok(Painter {
            sheet,
            lines: BTreeMap::new(),
            widths,
        })
    }

    /// Writes `text` over a rectangle, merging only when it is more than one cell.
    pub(crate) fn merged(
        &mut self,
        (r0, c0, r1, c1): (u32, u16, u32, u16),
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        if r0 == r1 && c0 == c1 {
            self.sheet.write_string_with_format(r0, c0, text, format)?;
        } else {
            self.sheet.merge_range(r0, c0, r1, c1, text, format)?;
        }
        let width: f64 = self.widths[c0 as usize..=c1 as usize].iter().sum();
        let lines: usize = text
            .split('\n')
            .map(|p| ((p.width() as f64 / (width - 1.0)).ceil() as usize).max(1))
            .sum();
        let rows = (r1 - r0 + 1) as usize;
        for r in r0..=r1 {
            let need = lines.div_ceil(rows);
            let entry = self.lines.entry(r).or_insert(1);
            *entry = (*entry).max(need);
        }
        Ok(())
    }

    /// An amount as a number with two decimals when an f64 holds it exactly (15
    /// significant digits), otherwise as its exact text; an absent amount stays empty.
    pub(crate) fn amount(
        &mut self,
        (row, col): (u32, u16),
        amount: Option<&Decimal>,
        formats: &Formats,
    ) -> Result<(), XlsxError> {
        let Some(amount) = amount else {
            self.sheet.write_blank(row, col, &formats.wrap)?;
            return Ok(());
        };
        let text = format_amount(amount);
        let digits = text.chars().filter(char::is_ascii_digit).count();
        match text.parse::<f64>() {
            // An exact amount finer than two decimals (24.998 万元) shows all its decimals:
            // the two-decimal format would print 25.00.
            Ok(number) if digits <= 15 => match text.split_once('.') {
                Some((_, decimals)) if decimals.len() > 2 => {
                    let format = formats
                        .amount
                        .clone()
                        .set_num_format(format!("0.{}", "0".repeat(decimals.len())));
                    self.sheet
                        .write_number_with_format(row, col, number, &format)?;
                }
                _ => {
                    self.sheet
                        .write_number_with_format(row, col, number, &formats.amount)?;
                }
            },
            _ => self.merged((row, col, row, col), &text, &formats.wrap)?,
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> Result<(), XlsxError> {
        for (row, lines) in self.lines {
            if lines > 1 {
                self.sheet.set_row_height(row, 15.0 * lines as f64)?;
            }
        }
        Ok(())
    }
}

/// Writes one table; returns the allowed rules with the cell each applies to.
fn write_table<'a>(
    sheet: &mut Worksheet,
    table: &Table,
    project: &'a Project,
    f: &Formats,
) -> Result<Vec<(String, &'a Allow)>, XlsxError> {
    let mut allows = Vec::new();
    let mut p = Painter::new(sheet, &COL_WIDTHS, true)?;
    let mut row = 0;
    p.merged((0, 0, 0, LAST_COL), &table.heading, &f.heading)?;
    row += 1;
    p.merged((row, 0, row, 4), &table.unit_line, &f.plain)?;
    p.merged((row, 5, row, LAST_COL), &table.amount_unit_label, &f.right)?;
    row += 1;
    if let Some(code) = &table.code {
        p.merged((row, 0, row, 0), label::CODE, &f.label)?;
        p.merged((row, 1, row, LAST_COL), code, &f.wrap)?;
        row += 1;
    }
    p.merged((row, 0, row, 0), label::NAME, &f.label)?;
    allows.extend(project.allow.iter().map(|a| (cell_ref(row, 1), a)));
    p.merged((row, 1, row, LAST_COL), &table.name, &f.wrap)?;
    row += 1;

    p.merged((row, 0, row + 1, 0), label::BUDGET, &f.label)?;
    let budget = &project.budget;
    p.merged((row, 1, row, 1), label::TOTAL, &f.label)?;
    p.amount((row, 2), Some(&budget.total.value), f)?;
    p.merged((row, 3, row, 3), label::FISCAL, &f.label)?;
    p.amount((row, 4), budget.fiscal.as_ref().map(|a| &a.value), f)?;
    p.merged((row, 5, row, 5), label::OTHER, &f.label)?;
    p.amount((row, 6), budget.other.as_ref().map(|a| &a.value), f)?;
    p.merged((row + 1, 1, row + 1, LAST_COL), &table.purpose, &f.wrap)?;
    row += 2;

    if let Some(plan) = &table.spending_plan {
        p.merged((row, 0, row + 1, 0), label::PLAN, &f.label)?;
        for (i, cell) in plan.iter().enumerate() {
            let col = 1 + i as u16;
            p.merged((row, col, row, col), &cell.label, &f.label)?;
            p.merged((row + 1, col, row + 1, col), &cell.value, &f.wrap)?;
        }
        p.merged((row, 5, row + 1, LAST_COL), "", &f.wrap)?;
        row += 2;
    }

    let goal_rows = table.goals.len().max(1) as u32;
    p.merged((row, 0, row + goal_rows - 1, 0), label::GOALS, &f.label)?;
    if table.goals.is_empty() {
        p.merged((row, 1, row, LAST_COL), "", &f.wrap)?;
    }
    for (i, goal) in table.goals.iter().enumerate() {
        let r = row + i as u32;
        p.merged((r, 1, r, LAST_COL), goal, &f.wrap)?;
    }
    row += goal_rows;

    let header = table.header();
    let last = header.len() as u16 - 1;
    for (col, text) in header.iter().enumerate() {
        let col = col as u16;
        let end = if col == last { LAST_COL } else { col };
        p.merged((row, col, row, end), text, &f.label)?;
    }
    row += 1;
    let mut model_rows = project.rows().map(|(_, _, r)| r);
    for group in &table.groups {
        let n = group.rows.len() as u32;
        p.merged((row, 0, row + n - 1, 0), &group.level1, &f.label)?;
        for r in &group.rows {
            let mut cells = vec![r.level2.as_str(), &r.level3, &r.description, &r.value];
            if table.has_basis {
                cells.push(&r.basis);
            }
            if let Some(model_row) = model_rows.next() {
                allows.extend(model_row.allow.iter().map(|a| (cell_ref(row, 2), a)));
            }
            for (i, text) in cells.iter().enumerate() {
                let col = 1 + i as u16;
                let end = if col == last { LAST_COL } else { col };
                p.merged((row, col, row, end), text, &f.wrap)?;
            }
            row += 1;
        }
    }
    p.finish()?;
    Ok(allows)
}

/// The grid columns of the split layout, in order (指标值确定依据 only when a row has one).
const SPLIT_GRID: [Column; 11] = [
    Column::Level1,
    Column::Level2,
    Column::Level3,
    Column::Description,
    Column::Comparator,
    Column::Value,
    Column::Unit,
    Column::Weight,
    Column::Direction,
    Column::Explanation,
    Column::Basis,
];

/// Column widths of the split layout's grid, in Excel's character units.
static SPLIT_WIDTHS: [f64; 11] = [
    12.0, 16.0, 20.0, 24.0, 10.0, 12.0, 10.0, 8.0, 10.0, 24.0, 20.0,
];

/// Writes every project on one sheet in the budget system's layout: a title and the unit
/// line, then for each project its header rows (a label and its value, as the importer
/// reads them: [`FIELDS`]), its grid header ([`COLUMNS`]) and its rows, a blank row
/// between projects. Returns the allowed rules with the cell each applies to.
fn write_split<'a>(
    sheet: &mut Worksheet,
    cx: &RenderContext,
    tables: impl Iterator<Item = (&'a Table, &'a Project)>,
    f: &Formats,
) -> Result<Vec<(String, &'a Allow)>, XlsxError> {
    let doc = cx.document;
    let has_basis = cx.view.tables.iter().any(|t| t.has_basis);
    let columns = if has_basis { 11 } else { 10 };
    let last = columns as u16 - 1;
    let mut p = Painter::new(sheet, &SPLIT_WIDTHS[..columns], true)?;
    let mut allows = Vec::new();
    p.merged((0, 0, 0, last), &cx.view.title, &f.heading)?;
    p.merged(
        (1, 0, 1, last),
        &format!("{}{}", label::UNIT_PREFIX, doc.amount_unit.value.label()),
        &f.right,
    )?;
    let mut row = 3;
    let name = |field: Field| written(FIELDS, field);
    let amount_label = |field: Field| {
        let unit = match doc.amount_unit.value {
            AmountUnit::Yuan => "（元）",
            AmountUnit::WanYuan => "（万元）",
        };
        format!("{}{unit}", name(field))
    };
    for (table, project) in tables {
        let line = |p: &mut Painter, row: &mut u32, field: Field, text: &str| {
            p.merged((*row, 0, *row, 0), name(field), &f.label)?;
            p.merged((*row, 1, *row, last), text, &f.wrap)?;
            *row += 1;
            Ok::<(), XlsxError>(())
        };
        // The name first: a unit above any project name is the whole sheet's.
        allows.extend(project.allow.iter().map(|a| (cell_ref(row, 1), a)));
        line(&mut p, &mut row, Field::Name, &project.name.value)?;
        if let Some(code) = &project.code {
            line(&mut p, &mut row, Field::Code, &code.value)?;
        }
        if let Some(unit) = &project.unit {
            if let Some(code) = &unit.code {
                line(&mut p, &mut row, Field::UnitCode, &code.value)?;
            }
            line(&mut p, &mut row, Field::UnitName, &unit.name.value)?;
        }
        let budget = &project.budget;
        let amounts = [
            (Field::Total, Some(&budget.total)),
            (Field::Fiscal, budget.fiscal.as_ref()),
            (Field::Other, budget.other.as_ref()),
        ];
        for (i, (field, amount)) in amounts.into_iter().enumerate() {
            let col = 2 * i as u16;
            p.merged((row, col, row, col), &amount_label(field), &f.label)?;
            p.amount((row, col + 1), amount.map(|a| &a.value), f)?;
        }
        row += 1;
        line(&mut p, &mut row, Field::Purpose, &project.purpose.value)?;
        if let Some(plan) = &table.spending_plan {
            for (i, cell) in plan.iter().enumerate() {
                let col = 2 * i as u16;
                p.merged((row, col, row, col), &cell.label, &f.label)?;
                p.merged((row, col + 1, row, col + 1), &cell.value, &f.wrap)?;
            }
            row += 1;
        }
        line(&mut p, &mut row, Field::Goals, &table.goals.join("\n"))?;
        for (col, column) in SPLIT_GRID[..columns].iter().enumerate() {
            let col = col as u16;
            p.merged((row, col, row, col), written(COLUMNS, *column), &f.label)?;
        }
        row += 1;
        for l1 in &project.indicators {
            let l1_rows: usize = l1.groups.iter().map(|g| g.rows.len()).sum();
            if l1_rows == 0 {
                continue;
            }
            p.merged(
                (row, 0, row + l1_rows as u32 - 1, 0),
                &l1.level1.value,
                &f.label,
            )?;
            for l2 in &l1.groups {
                let n = l2.rows.len() as u32;
                if n == 0 {
                    continue;
                }
                p.merged((row, 1, row + n - 1, 1), &l2.level2.value, &f.wrap)?;
                for r in &l2.rows {
                    allows.extend(r.allow.iter().map(|a| (cell_ref(row, 2), a)));
                    split_row(&mut p, row, r, has_basis, f)?;
                    row += 1;
                }
            }
        }
        row += 1;
    }
    p.finish()?;
    Ok(allows)
}

/// The cells of one indicator row from 三级指标 on.
fn split_row(
    p: &mut Painter,
    row: u32,
    r: &Row,
    has_basis: bool,
    f: &Formats,
) -> Result<(), XlsxError> {
    let (comparator, number, unit) = split_value(&r.value.value);
    fn text(s: &Option<crate::span::Spanned<String>>) -> &str {
        s.as_ref().map_or("", |s| s.value.as_str())
    }
    let mut cells = vec![
        (2, r.level3.value.as_str()),
        (3, r.description_text()),
        (4, comparator),
        (5, number),
        (6, unit),
        (8, text(&r.direction)),
        (9, text(&r.explanation)),
    ];
    if has_basis {
        cells.push((10, text(&r.basis)));
    }
    for (col, text) in cells {
        p.merged((row, col, row, col), text, &f.wrap)?;
    }
    match &r.weight {
        // A weight an f64 shows exactly as written is a number, any other stays its text.
        Some(w) if w.value.normalize().to_string() == w.value.to_string() => {
            let number: f64 = w.value.to_string().parse().unwrap_or_default();
            p.sheet.write_number_with_format(row, 7, number, &f.wrap)?;
        }
        Some(w) => p.merged((row, 7, row, 7), &w.value.to_string(), &f.wrap)?,
        None => p.merged((row, 7, row, 7), "", &f.wrap)?,
    }
    Ok(())
}

/// 指标值 in the split columns: (运算符, 指标值, 度量单位). A quantity or percentage in its
/// canonical spelling splits when its parts join back to exactly what is written; a
/// qualitative value is `定性` with the text; anything else stays whole in 指标值, which
/// the importer keeps as written.
fn split_value(written: &str) -> (&'static str, &str, &str) {
    let parsed = value::parse(written);
    let parts = match &parsed.kind {
        Value::Text { .. } => return (split::QUALITATIVE, written, ""),
        _ if !parsed.is_canonical() => None,
        Value::Quantity { comparator, .. } | Value::Percent { comparator, .. } => {
            let symbol = comparator.map_or("", |c| c.canonical().as_str());
            let rest = written.strip_prefix(symbol).unwrap_or(written);
            let digits = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let (number, unit) = rest.split_at(digits);
            (!number.is_empty()).then_some((symbol, number, unit))
        }
        _ => None,
    };
    parts.unwrap_or(("", written, ""))
}

/// `C7` for 0-based row 6, column 2 (A–Z only: sheets are at most eleven columns wide).
fn cell_ref(row: u32, col: u16) -> String {
    format!("{}{}", char::from(b'A' + col as u8), row + 1)
}

fn write_info(
    sheet: &mut Worksheet,
    doc: &Document,
    allows: &[(String, &Allow)],
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 16.0)?;
    for col in 1..=3 {
        sheet.set_column_width(col, 40.0)?;
    }
    let mut rows: Vec<Vec<String>> = vec![
        vec![info::YEAR.into(), doc.year.value.to_string()],
        vec![
            info::AMOUNT_UNIT.into(),
            doc.amount_unit.value.label().into(),
        ],
    ];
    if let Some(code) = &doc.unit.code {
        rows.push(vec![info::UNIT_CODE.into(), code.value.clone()]);
    }
    rows.push(vec![info::UNIT_NAME.into(), doc.unit.name.value.clone()]);
    rows.push(vec![info::FRAMEWORK.into(), doc.framework.value.clone()]);
    if let Some(title) = &doc.title {
        rows.push(vec![info::TITLE.into(), title.value.clone()]);
    }
    if let Some(date) = &doc.date {
        rows.push(vec![info::DATE.into(), date.value.clone()]);
    }
    if let Some(overview) = &doc.overview {
        rows.push(vec![info::OVERALL.into(), overview.overall.value.clone()]);
        for item in &overview.items {
            rows.push(vec![
                info::ITEM.into(),
                item.title.value.clone(),
                item.goal.value.clone(),
                item.indicator.value.clone(),
            ]);
        }
        for s in &overview.safeguards {
            rows.push(vec![info::SAFEGUARD.into(), s.value.clone()]);
        }
    }
    for (code, level) in &doc.rules {
        rows.push(vec![info::RULE.into(), code.clone(), level.name().into()]);
    }
    for (cell, allow) in allows {
        rows.push(vec![
            info::ALLOW.into(),
            cell.clone(),
            allow.code.value.clone(),
            allow.reason.value.clone(),
        ]);
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            let format = if c == 0 { &f.label } else { &f.wrap };
            sheet.write_string_with_format(r as u32, c as u16, text, format)?;
        }
    }
    Ok(())
}
