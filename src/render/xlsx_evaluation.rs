//! The 自评 sheets of the spreadsheet backend: `自评汇总` (every project's score) and one
//! `自评N` sheet per project in the published 绩效自评表 layout. They are outputs only:
//! `jixiao import` passes over sheets whose name starts with
//! [`crate::layout::xlsx::EVALUATION_SHEET_PREFIX`].

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::xlsx::{Formats, Painter};
use crate::table::evaluation::{
    EvaluationTable, EvaluationView, FUNDS_HEADER, GRID_HEADER, SUMMARY_HEADER,
};

use crate::layout::xlsx::EVALUATION_SHEET_PREFIX as SHEET_PREFIX;

/// Columns A..H of a 自评表 sheet.
const WIDTHS: [f64; 8] = [10.0, 14.0, 18.0, 14.0, 14.0, 10.0, 10.0, 28.0];
const LAST: u16 = 7;
/// Columns A..G of the summary sheet.
const SUMMARY_WIDTHS: [f64; 7] = [6.0, 40.0, 16.0, 16.0, 10.0, 10.0, 8.0];

/// Writes the summary sheet and one sheet per 自评表.
pub fn write_sheets(
    workbook: &mut Workbook,
    view: &EvaluationView,
    f: &Formats,
) -> Result<(), XlsxError> {
    write_summary(workbook, view, f)?;
    for table in &view.tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(format!("{SHEET_PREFIX}{}", table.number))?;
        let mut p = Painter::new(sheet, &WIDTHS, true)?;
        write_table(&mut p, table, f)?;
        p.finish()?;
    }
    Ok(())
}

/// A cell holding points or an amount: a number when the text is one, else the text.
fn number(
    p: &mut Painter,
    (row, col): (u32, u16),
    text: &str,
    f: &Formats,
    format: &Format,
) -> Result<(), XlsxError> {
    match Decimal::from_str_exact(text) {
        Ok(d) if text.chars().filter(char::is_ascii_digit).count() <= 15 => {
            let value: f64 = d.to_string().parse().unwrap_or_default();
            p.sheet.write_number_with_format(row, col, value, format)?;
            Ok(())
        }
        _ => p.merged((row, col, row, col), text, &f.wrap),
    }
}

fn write_summary(
    workbook: &mut Workbook,
    view: &EvaluationView,
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(format!("{SHEET_PREFIX}汇总"))?;
    let mut p = Painter::new(sheet, &SUMMARY_WIDTHS, false)?;
    p.merged((0, 0, 0, 6), "项目支出绩效自评结果汇总", &f.heading)?;
    p.merged((1, 5, 1, 6), &view.amount_unit_label, &f.right)?;
    for (col, h) in SUMMARY_HEADER.iter().enumerate() {
        p.merged((2, col as u16, 2, col as u16), h, &f.label)?;
    }
    let points = f.wrap.clone().set_num_format("0.00");
    let mut row = 3;
    for s in &view.summary {
        number(&mut p, (row, 0), &s.number.to_string(), f, &f.wrap)?;
        p.merged((row, 1, row, 1), &s.name, &f.wrap)?;
        number(&mut p, (row, 2), &s.full_year, f, &f.amount)?;
        number(&mut p, (row, 3), &s.executed, f, &f.amount)?;
        p.merged((row, 4, row, 4), &s.rate, &f.wrap)?;
        number(&mut p, (row, 5), &s.score, f, &points)?;
        p.merged((row, 6, row, 6), &s.rating, &f.label)?;
        row += 1;
    }
    p.merged((row, 0, row, 4), "平均得分", &f.label)?;
    number(&mut p, (row, 5), &view.average, f, &points)?;
    p.merged((row, 6, row, 6), "", &f.wrap)?;
    p.merged(
        (row + 1, 0, row + 1, 6),
        &format!("评分办法：{}", view.method),
        &f.plain,
    )?;
    p.finish()
}

fn write_table(p: &mut Painter, t: &EvaluationTable, f: &Formats) -> Result<(), XlsxError> {
    let points = f.wrap.clone().set_num_format("0.00");
    p.merged((0, 0, 0, LAST), &t.heading, &f.heading)?;
    p.merged((1, 0, 1, 5), &t.unit_line, &f.plain)?;
    p.merged((1, 6, 1, LAST), &t.amount_unit_label, &f.right)?;
    let mut row = 2;
    if let Some(code) = &t.code {
        p.merged((row, 0, row, 1), "项目编码", &f.label)?;
        p.merged((row, 2, row, LAST), code, &f.wrap)?;
        row += 1;
    }
    p.merged((row, 0, row, 1), "项目名称", &f.label)?;
    p.merged((row, 2, row, LAST), &t.name, &f.wrap)?;
    row += 1;
    p.merged((row, 0, row, 1), "主管部门", &f.label)?;
    p.merged((row, 2, row, 4), &t.department, &f.wrap)?;
    p.merged((row, 5, row, 5), "实施单位", &f.label)?;
    p.merged((row, 6, row, LAST), &t.implementer, &f.wrap)?;
    row += 1;

    let funds = t.funds.len() as u32;
    p.merged((row, 0, row + funds, 0), FUNDS_HEADER[0], &f.label)?;
    p.merged((row, 1, row, 1), "", &f.label)?;
    for (i, h) in FUNDS_HEADER[1..].iter().enumerate() {
        let col = 2 + i as u16;
        p.merged((row, col, row, col), h, &f.label)?;
    }
    row += 1;
    for fund in &t.funds {
        p.merged((row, 1, row, 1), &fund.label, &f.label)?;
        number(p, (row, 2), &fund.initial, f, &f.amount)?;
        number(p, (row, 3), &fund.full_year, f, &f.amount)?;
        number(p, (row, 4), &fund.executed, f, &f.amount)?;
        number(p, (row, 5), &fund.weight, f, &points)?;
        p.merged((row, 6, row, 6), &fund.rate, &f.wrap)?;
        number(p, (row, 7), &fund.score, f, &points)?;
        row += 1;
    }

    p.merged((row, 0, row + 1, 1), "年度总体目标", &f.label)?;
    p.merged((row, 2, row, 4), "预期目标", &f.label)?;
    p.merged((row, 5, row, LAST), "实际完成情况", &f.label)?;
    p.merged((row + 1, 2, row + 1, 4), &t.expected.join("\n"), &f.wrap)?;
    p.merged((row + 1, 5, row + 1, LAST), &t.achieved.join("\n"), &f.wrap)?;
    row += 2;

    for (col, h) in GRID_HEADER.iter().enumerate() {
        p.merged((row, col as u16, row, col as u16), h, &f.label)?;
    }
    row += 1;
    for g in &t.groups {
        let n = g.rows.len() as u32;
        p.merged((row, 0, row + n - 1, 0), &g.level1, &f.label)?;
        for r in &g.rows {
            for (i, text) in [&r.level2, &r.level3, &r.value, &r.actual]
                .iter()
                .enumerate()
            {
                let col = 1 + i as u16;
                p.merged((row, col, row, col), text, &f.wrap)?;
            }
            number(p, (row, 5), &r.weight, f, &points)?;
            number(p, (row, 6), &r.score, f, &points)?;
            p.merged((row, 7, row, 7), &r.deviation, &f.wrap)?;
            row += 1;
        }
    }
    p.merged((row, 0, row, 4), "总分", &f.label)?;
    number(p, (row, 5), &t.total_weight, f, &points)?;
    number(p, (row, 6), &t.total_score, f, &points)?;
    p.merged(
        (row, 7, row, 7),
        &format!("自评等级：{}", t.rating),
        &f.label,
    )?;
    Ok(())
}
