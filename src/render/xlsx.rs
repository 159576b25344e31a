//! Spreadsheets: one sheet per 绩效目标表, laid out like the published table with merged
//! cells, plus a `文档` sheet with the settings a table does not show and, when the
//! document has one, a `第一部分` sheet with the Part 1 narrative.
//!
//! The layout (documented in the book, read back by [`crate::import::xlsx`]) uses seven
//! columns A–G:
//! - row 1: the heading `N.{项目名称}绩效目标表` (A:G merged);
//! - row 2: the unit line (A:F merged) and `单位：元` (G);
//! - `项目编码` (when present) and `项目名称`: label in A, value in B:G merged;
//! - `预算规模及资金用途` in A over two rows; 预算数 / 其中：财政资金 / 其他资金 with their
//!   amounts in B–G; the 资金用途 in B:G of the next row;
//! - `资金支出计划（%）` (when present): labels 3月底 … 12月底 in B–E, values below;
//! - `绩效目标`: label in A, the numbered goals (one per line) in B:G;
//! - the indicator grid: 一级指标 (merged down over its rows), 二级, 三级, 描述, 指标值,
//!   and 指标值确定依据 when the table has it; the last column spans to G.
//!
//! Every cell is text, amounts included (`484400.00`), so nothing passes through a binary
//! float. The workbook's creation time is fixed, so the same document gives the same bytes.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{RenderContext, Renderer};
use crate::diag::Diagnostic;
use crate::model::{Document, RuleLevel};
use crate::table::{DocumentView, Table};

/// Name of the sheet with the document's settings.
pub const SETTINGS_SHEET: &str = "文档";
/// Name of the Part 1 sheet.
pub const OVERVIEW_SHEET: &str = "第一部分";
/// Columns of a table sheet.
const COLUMNS: u16 = 7;

/// The spreadsheet backend.
pub struct XlsxRenderer;

impl Renderer for XlsxRenderer {
    fn name(&self) -> &'static str {
        "xlsx"
    }

    fn extension(&self) -> &'static str {
        "xlsx"
    }

    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>> {
        workbook(cx.document, cx.view)
            .map_err(|e| vec![Diagnostic::error("R301", format!("无法生成电子表格：{e}"))])
    }
}

/// The sheet name of table `number`.
pub fn table_sheet(number: usize) -> String {
    format!("表{number}")
}

/// Writes the whole workbook.
pub fn workbook(doc: &Document, view: &DocumentView) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&view.title)
            .set_creation_datetime(&epoch),
    );
    let styles = Styles::new();
    settings_sheet(book.add_worksheet(), doc, &styles)?;
    if let Some(o) = &view.overview {
        let sheet = book.add_worksheet();
        sheet.set_name(OVERVIEW_SHEET)?;
        sheet.set_column_width(0, 120)?;
        let mut row = 0;
        let mut line = |sheet: &mut Worksheet, text: &str| -> Result<(), XlsxError> {
            sheet.write_string_with_format(row, 0, text, &styles.text)?;
            row += 1;
            Ok(())
        };
        line(sheet, "一、总体绩效目标")?;
        for p in &o.overall {
            line(sheet, p)?;
        }
        line(sheet, "二、分项绩效目标")?;
        for item in &o.items {
            line(sheet, &item.heading)?;
            for p in item.goal.iter().chain(&item.indicator) {
                line(sheet, p)?;
            }
        }
        line(sheet, "三、工作保障措施")?;
        for s in &o.safeguards {
            line(sheet, s)?;
        }
    }
    for table in &view.tables {
        table_sheet_rows(book.add_worksheet(), table, &styles)?;
    }
    book.save_to_buffer()
}

struct Styles {
    heading: Format,
    cell: Format,
    label: Format,
    text: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = Format::new()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Styles {
            heading: Format::new().set_bold().set_align(FormatAlign::Center),
            label: cell.clone().set_align(FormatAlign::Center),
            cell,
            text: Format::new().set_text_wrap(),
        }
    }
}

fn settings_sheet(sheet: &mut Worksheet, doc: &Document, s: &Styles) -> Result<(), XlsxError> {
    sheet.set_name(SETTINGS_SHEET)?;
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 50)?;
    let mut rows: Vec<[String; 3]> = vec![
        ["预算年度".into(), doc.year.value.to_string(), String::new()],
        [
            "金额单位".into(),
            doc.amount_unit.value.label().into(),
            String::new(),
        ],
        [
            "单位编码".into(),
            doc.unit
                .code
                .as_ref()
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            String::new(),
        ],
        [
            "单位名称".into(),
            doc.unit.name.value.clone(),
            String::new(),
        ],
        [
            "指标体系".into(),
            doc.framework.value.clone(),
            String::new(),
        ],
    ];
    if let Some(t) = &doc.title {
        rows.push(["文档标题".into(), t.value.clone(), String::new()]);
    }
    if let Some(d) = &doc.date {
        rows.push(["发布日期".into(), d.value.clone(), String::new()]);
    }
    for (code, level) in &doc.rules {
        let level = match level {
            RuleLevel::Error => "error",
            RuleLevel::Warning => "warning",
            RuleLevel::Info => "info",
            RuleLevel::Off => "off",
        };
        rows.push(["规则".into(), code.clone(), level.into()]);
    }
    for (i, p) in doc.projects.iter().enumerate() {
        for a in &p.allow {
            rows.push([
                format!("允许 表{}", i + 1),
                a.code.value.clone(),
                a.reason.value.clone(),
            ]);
        }
        for (k, (_, _, r)) in p.rows().enumerate() {
            for a in &r.allow {
                rows.push([
                    format!("允许 表{} 指标{}", i + 1, k + 1),
                    a.code.value.clone(),
                    a.reason.value.clone(),
                ]);
            }
        }
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string_with_format(r as u32, c as u16, text, &s.text)?;
            }
        }
    }
    Ok(())
}

/// Writes `text` over columns `first..=last` of `row` (merged when wider than one cell).
fn span(
    sheet: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last {
        sheet.write_string_with_format(row, first, text, format)?;
    } else {
        sheet.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

fn table_sheet_rows(sheet: &mut Worksheet, t: &Table, s: &Styles) -> Result<(), XlsxError> {
    sheet.set_name(table_sheet(t.number))?;
    for (col, width) in [12, 14, 20, 24, 16, 16, 16].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    let last = COLUMNS - 1;
    span(sheet, 0, 0, last, &t.heading, &s.heading)?;
    span(sheet, 1, 0, last - 1, &t.unit_line, &s.text)?;
    sheet.write_string_with_format(1, last, &t.amount_unit_label, &s.text)?;
    let mut row = 2;
    if let Some(code) = &t.code {
        sheet.write_string_with_format(row, 0, "项目编码", &s.label)?;
        span(sheet, row, 1, last, code, &s.cell)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, "项目名称", &s.label)?;
    span(sheet, row, 1, last, &t.name, &s.cell)?;
    row += 1;
    sheet.merge_range(row, 0, row + 1, 0, "预算规模及资金用途", &s.label)?;
    let budget = [
        ("预算数", &t.budget_total),
        ("其中：财政资金", &t.budget_fiscal),
        ("其他资金", &t.budget_other),
    ];
    for (k, (label, amount)) in budget.iter().enumerate() {
        let col = 1 + 2 * k as u16;
        sheet.write_string_with_format(row, col, *label, &s.label)?;
        sheet.write_string_with_format(row, col + 1, amount.as_str(), &s.cell)?;
    }
    span(sheet, row + 1, 1, last, &t.purpose, &s.cell)?;
    row += 2;
    if let Some(plan) = &t.spending_plan {
        sheet.merge_range(row, 0, row + 1, 0, "资金支出计划（%）", &s.label)?;
        for (k, cell) in plan.iter().enumerate() {
            let col = 1 + k as u16;
            sheet.write_string_with_format(row, col, &cell.label, &s.label)?;
            sheet.write_string_with_format(row + 1, col, &cell.value, &s.cell)?;
        }
        row += 2;
    }
    sheet.write_string_with_format(row, 0, "绩效目标", &s.label)?;
    span(sheet, row, 1, last, &t.goals.join("\n"), &s.cell)?;
    row += 1;
    let header = t.header();
    let last_col = header.len() as u16 - 1;
    for (k, h) in header.iter().enumerate() {
        let col = k as u16;
        let end = if col == last_col { last } else { col };
        span(sheet, row, col, end, h, &s.label)?;
    }
    row += 1;
    for group in &t.groups {
        let first = row;
        for r in &group.rows {
            let cells = [&r.level2, &r.level3, &r.description, &r.value, &r.basis];
            for (k, text) in cells.iter().take(header.len() - 1).enumerate() {
                let col = 1 + k as u16;
                let end = if col == last_col { last } else { col };
                span(sheet, row, col, end, text, &s.cell)?;
            }
            row += 1;
        }
        if row - first > 1 {
            sheet.merge_range(first, 0, row - 1, 0, &group.level1, &s.label)?;
        } else {
            sheet.write_string_with_format(first, 0, &group.level1, &s.label)?;
        }
    }
    Ok(())
}
