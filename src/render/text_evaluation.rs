//! The 项目支出绩效自评表 as aligned plain text, on the text backend's grid engine: the
//! score summary, then one table per project (项目资金, 年度总体目标, the indicator grid
//! with 实际完成值, 分值, 得分 and 偏差原因, and the 总分 row).

use super::text::{Grid, borders_from, display_width, fit_widths, max_line_width, push_wrapped};
use crate::table::evaluation::{
    EvaluationTable, EvaluationView, FUNDS_HEADER, GRID_HEADER, SUMMARY_HEADER,
};

/// The self-evaluation part; `after_targets` when the 目标表 come before it.
pub fn render(view: &EvaluationView, width: usize, after_targets: bool) -> String {
    let mut out = String::new();
    if after_targets {
        push_wrapped(&mut out, &view.title, width);
        out.push('\n');
    }
    out.push_str(&summary(view, width));
    out.push('\n');
    for table in &view.tables {
        out.push_str(&render_table(table, width));
        out.push('\n');
    }
    out
}

/// The summary of every project's score, and the method it was scored by.
fn summary(view: &EvaluationView, width: usize) -> String {
    let mut out = String::from("项目支出绩效自评结果汇总\n");
    let label = display_width(&view.amount_unit_label);
    out.push_str(&" ".repeat(width.saturating_sub(label)));
    out.push_str(&view.amount_unit_label);
    out.push('\n');
    let inner = width - 1;
    let mut natural: Vec<usize> = SUMMARY_HEADER.iter().map(|h| display_width(h)).collect();
    for r in &view.summary {
        let number = r.number.to_string();
        let cells = [
            number.as_str(),
            &r.name,
            &r.full_year,
            &r.executed,
            &r.rate,
            &r.score,
            &r.rating,
        ];
        for (n, c) in natural.iter_mut().zip(cells) {
            *n = (*n).max(max_line_width(c));
        }
    }
    let widths = fit(&natural, inner.saturating_sub(natural.len()), &[1]);
    let mut borders = borders_from(0, &widths);
    if let Some(last) = borders.last_mut() {
        *last = inner;
    }
    let mut grid = Grid {
        width: inner,
        rows: Vec::new(),
    };
    grid.row(&borders, &SUMMARY_HEADER);
    for r in &view.summary {
        let number = r.number.to_string();
        grid.row(
            &borders,
            &[
                &number,
                &r.name,
                &r.full_year,
                &r.executed,
                &r.rate,
                &r.score,
                &r.rating,
            ],
        );
    }
    grid.row(&[0, borders[5], inner], &["平均得分", &view.average]);
    out.push_str(&grid.render());
    push_wrapped(&mut out, &format!("评分办法：{}", view.method), width);
    out
}

/// One 绩效自评表: heading, unit line and the ruled table.
pub fn render_table(table: &EvaluationTable, width: usize) -> String {
    let mut out = String::new();
    push_wrapped(&mut out, &table.heading, width);
    let left = display_width(&table.unit_line);
    let right = display_width(&table.amount_unit_label);
    if left + 2 + right <= width {
        out.push_str(&table.unit_line);
        out.push_str(&" ".repeat(width - left - right));
    } else {
        push_wrapped(&mut out, &table.unit_line, width);
        out.push_str(&" ".repeat(width.saturating_sub(right)));
    }
    out.push_str(&table.amount_unit_label);
    out.push('\n');
    out.push_str(&layout(table, width - 1).render());
    out
}

fn layout(t: &EvaluationTable, width: usize) -> Grid {
    let mut grid = Grid {
        width,
        rows: Vec::new(),
    };
    let mut natural: Vec<usize> = GRID_HEADER.iter().map(|h| display_width(h)).collect();
    for g in &t.groups {
        natural[0] = natural[0].max(max_line_width(&g.level1));
        for r in &g.rows {
            for (i, c) in r.cells().iter().enumerate() {
                natural[i + 1] = natural[i + 1].max(max_line_width(c));
            }
        }
    }
    for n in &mut natural[5..7] {
        *n = (*n).min(6);
    }
    let widths = fit(&natural, width.saturating_sub(natural.len()), &[2, 7]);
    let mut columns = borders_from(0, &widths);
    if let Some(last) = columns.last_mut() {
        *last = width;
    }
    let label = columns[1].clamp(14, 18);
    let pair = [0, label, width];

    if let Some(code) = &t.code {
        grid.row(&pair, &["项目编码", code]);
    }
    grid.row(&pair, &["项目名称", &t.name]);
    let mut people = vec![0];
    people.extend(fitted(
        label,
        width,
        &[&t.department, "实施单位", &t.implementer],
        &[0, 2],
    ));
    grid.row(
        &people,
        &["主管部门", &t.department, "实施单位", &t.implementer],
    );

    let mut funds = vec![0];
    funds.extend(fitted(
        label,
        width,
        &FUNDS_HEADER[1..],
        &[0, 1, 2, 3, 4, 5],
    ));
    grid.row(&funds, &FUNDS_HEADER);
    for f in &t.funds {
        grid.row(
            &funds,
            &[
                &f.label,
                &f.initial,
                &f.full_year,
                &f.executed,
                &f.weight,
                &f.rate,
                &f.score,
            ],
        );
    }

    let half = label + (width - label) / 2;
    let goals = [0, label, half, width];
    grid.row_merged(&goals, &["年度总体目标", "预期目标", "实际完成情况"], &[0]);
    grid.row(
        &goals,
        &["", &t.expected.join("\n"), &t.achieved.join("\n")],
    );

    grid.row(&columns, &GRID_HEADER);
    for g in &t.groups {
        for (i, r) in g.rows.iter().enumerate() {
            let level1 = if i == 0 { g.level1.as_str() } else { "" };
            let merged: &[usize] = if i + 1 < g.rows.len() { &[0] } else { &[] };
            let [level2, level3, value, actual, weight, score, deviation] = r.cells();
            grid.row_merged(
                &columns,
                &[
                    level1, level2, level3, value, actual, weight, score, deviation,
                ],
                merged,
            );
        }
    }
    let rating = format!("自评等级：{}", t.rating);
    grid.row(
        &[0, columns[5], columns[6], columns[7], width],
        &["总分", &t.total_weight, &t.total_score, &rating],
    );
    grid
}

/// Column widths as the text backend fits them, except on a page too narrow for every
/// column's minimum, where the room is shared out evenly instead.
fn fit(natural: &[usize], available: usize, spare_to: &[usize]) -> Vec<usize> {
    const MIN: usize = 8;
    if natural.len() * MIN <= available {
        return fit_widths(natural, available, spare_to);
    }
    let n = natural.len().max(1);
    (0..natural.len())
        .map(|i| (available / n + usize::from(i < available % n)).max(2))
        .collect()
}

/// Border positions for cells laid between `x0` and `x1` by their contents' widths.
fn fitted(x0: usize, x1: usize, cells: &[&str], spare_to: &[usize]) -> Vec<usize> {
    let natural: Vec<usize> = cells.iter().map(|c| max_line_width(c)).collect();
    let available = (x1 - x0).saturating_sub(cells.len());
    let mut borders = borders_from(x0, &fit(&natural, available, spare_to));
    if let Some(last) = borders.last_mut() {
        *last = x1;
    }
    borders
}
