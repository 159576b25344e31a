//! Aligned plain-text tables drawn with box-drawing characters.
//!
//! Widths are display widths (a CJK character takes two columns), long cells wrap inside
//! their column, and the 一级指标 cell is merged vertically over its rows. The layout is a
//! small grid engine: every row is a list of cells between border positions, and the rule
//! between two rows is derived from the borders above and below it.

use unicode_width::UnicodeWidthChar;

use super::{RenderContext, Renderer};
use crate::diag::Diagnostic;
use crate::table::{DocumentView, Table};

/// The default page width in terminal columns.
pub const DEFAULT_PAGE_WIDTH: usize = 100;
/// The narrowest page the layout supports.
pub const MIN_PAGE_WIDTH: usize = 60;

pub struct TextRenderer;

impl Renderer for TextRenderer {
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>> {
        Ok(render_document(cx.view, cx.options.page_width).into_bytes())
    }
}

/// Renders a whole document as text, `page_width` columns wide.
pub fn render_document(view: &DocumentView, page_width: usize) -> String {
    let width = page_width.max(MIN_PAGE_WIDTH);
    let mut out = String::new();
    push_wrapped(&mut out, &view.title, width);
    out.push('\n');
    if let Some(overview) = &view.overview {
        out.push_str("第一部分 部门整体绩效目标\n\n一、总体绩效目标\n");
        for p in &overview.overall {
            push_wrapped(&mut out, p, width);
            out.push('\n');
        }
        out.push_str("二、分项绩效目标\n");
        for item in &overview.items {
            push_wrapped(&mut out, &item.heading, width);
            out.push('\n');
            for p in item.goal.iter().chain(&item.indicator) {
                push_wrapped(&mut out, p, width);
                out.push('\n');
            }
        }
        out.push_str("三、工作保障措施\n");
        for s in &overview.safeguards {
            push_wrapped(&mut out, s, width);
            out.push('\n');
        }
        out.push_str("第二部分 预算项目绩效目标\n\n");
    }
    for table in &view.tables {
        out.push_str(&render_table(table, width));
        out.push('\n');
    }
    if let Some(evaluation) = &view.evaluation {
        out.push_str(&super::text_evaluation::render(
            evaluation,
            width,
            !view.tables.is_empty(),
        ));
    }
    out
}

/// Renders one 绩效目标表: heading, unit line and the ruled table.
pub fn render_table(table: &Table, page_width: usize) -> String {
    let mut out = String::new();
    push_wrapped(&mut out, &table.heading, page_width);
    let left = display_width(&table.unit_line);
    let right = display_width(&table.amount_unit_label);
    if left + 2 + right <= page_width {
        out.push_str(&table.unit_line);
        out.push_str(&" ".repeat(page_width - left - right));
        out.push_str(&table.amount_unit_label);
        out.push('\n');
    } else {
        push_wrapped(&mut out, &table.unit_line, page_width);
        out.push_str(&" ".repeat(page_width.saturating_sub(right)));
        out.push_str(&table.amount_unit_label);
        out.push('\n');
    }
    out.push_str(&layout(table, page_width - 1).render());
    out
}

pub(crate) fn push_wrapped(out: &mut String, text: &str, width: usize) {
    for line in wrap(text, width) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// Display width of a string in terminal columns.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Wraps text into lines of at most `width` columns. Explicit line breaks are kept;
/// characters are never dropped, so concatenating the lines of one paragraph gives it back.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = char_width(c);
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// One cell of a grid row, between border positions `x0` and `x1`.
pub(crate) struct Cell {
    x0: usize,
    x1: usize,
    text: String,
    /// The cell continues into the next row (vertical merge): no rule below it.
    merge_down: bool,
}

pub(crate) struct Grid {
    pub(crate) width: usize,
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub(crate) fn row(&mut self, borders: &[usize], texts: &[&str]) {
        self.row_merged(borders, texts, &[]);
    }

    /// Adds a row whose cells lie between consecutive `borders`; cells whose index is in
    /// `merged` continue into the next row.
    pub(crate) fn row_merged(&mut self, borders: &[usize], texts: &[&str], merged: &[usize]) {
        let cells = borders
            .windows(2)
            .zip(texts)
            .enumerate()
            .map(|(i, (b, t))| Cell {
                x0: b[0],
                x1: b[1],
                text: t.to_string(),
                merge_down: merged.contains(&i),
            })
            .collect();
        self.rows.push(cells);
    }

    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        let mut above: Option<&Vec<Cell>> = None;
        for row in &self.rows {
            out.push_str(&self.rule(above, Some(row)));
            let wrapped: Vec<Vec<String>> =
                row.iter().map(|c| wrap(&c.text, c.x1 - c.x0 - 1)).collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for i in 0..height {
                out.push('│');
                for (cell, lines) in row.iter().zip(&wrapped) {
                    let line = lines.get(i).map(String::as_str).unwrap_or("");
                    out.push_str(line);
                    let pad = (cell.x1 - cell.x0 - 1).saturating_sub(display_width(line));
                    out.push_str(&" ".repeat(pad));
                    out.push('│');
                }
                out.push('\n');
            }
            above = Some(row);
        }
        out.push_str(&self.rule(above, None));
        out
    }

    /// The rule line between two rows (either may be absent at the top or bottom).
    fn rule(&self, above: Option<&Vec<Cell>>, below: Option<&Vec<Cell>>) -> String {
        let borders = |row: Option<&Vec<Cell>>| {
            let mut b = vec![false; self.width + 1];
            for c in row.into_iter().flatten() {
                b[c.x0] = true;
                b[c.x1] = true;
            }
            b
        };
        let up = borders(above);
        let down = borders(below);
        // A horizontal segment x..x+1 is drawn unless a merged cell continues over it.
        let drawn: Vec<bool> = (0..self.width)
            .map(|x| {
                !above
                    .into_iter()
                    .flatten()
                    .any(|c| c.merge_down && c.x0 <= x && x < c.x1)
            })
            .collect();
        let mut line = String::new();
        for x in 0..=self.width {
            let left = x > 0 && drawn[x - 1];
            let right = x < self.width && drawn[x];
            line.push(box_char(up[x], down[x], left, right));
        }
        line.push('\n');
        line
    }
}

fn box_char(up: bool, down: bool, left: bool, right: bool) -> char {
    match (up, down, left, right) {
        (false, true, false, true) => '┌',
        (false, true, true, false) => '┐',
        (true, false, false, true) => '└',
        (true, false, true, false) => '┘',
        (true, true, false, true) => '├',
        (true, true, true, false) => '┤',
        (false, true, true, true) => '┬',
        (true, false, true, true) => '┴',
        (true, true, true, true) => '┼',
        (true, _, false, false) | (_, true, false, false) => '│',
        (false, false, true, _) | (false, false, _, true) => '─',
        (false, false, false, false) => ' ',
    }
}

/// Border positions for cells of the given content widths, starting at `x0`.
pub(crate) fn borders_from(x0: usize, widths: &[usize]) -> Vec<usize> {
    let mut borders = vec![x0];
    for w in widths {
        borders.push(borders.last().copied().unwrap_or(x0) + w + 1);
    }
    borders
}

/// Border positions for cells laid between `x0` and `x1` by their contents' widths.
pub(crate) fn fitted_borders(
    x0: usize,
    x1: usize,
    cells: &[&str],
    spare_to: &[usize],
) -> Vec<usize> {
    let natural: Vec<usize> = cells.iter().map(|c| max_line_width(c)).collect();
    let available = (x1 - x0).saturating_sub(cells.len());
    let mut borders = borders_from(x0, &fit_widths(&natural, available, spare_to));
    if let Some(last) = borders.last_mut() {
        *last = x1;
    }
    borders
}

/// Column widths: each column gets its natural width when the page allows (spare room
/// goes to the columns in `spare_to`), otherwise the widest columns shrink first
/// (max-min fair share), never below a minimum that keeps a few characters per line.
pub(crate) fn fit_widths(natural: &[usize], available: usize, spare_to: &[usize]) -> Vec<usize> {
    const MIN: usize = 8;
    let natural: Vec<usize> = natural.iter().map(|&n| n.max(MIN)).collect();
    let total: usize = natural.iter().sum();
    if total <= available {
        let mut widths = natural.clone();
        let spare = available - total;
        let targets: Vec<usize> = spare_to
            .iter()
            .copied()
            .filter(|&i| i < widths.len())
            .collect();
        for (k, &i) in targets.iter().enumerate() {
            widths[i] += spare / targets.len() + usize::from(k < spare % targets.len());
        }
        return widths;
    }
    let fits = |cap: usize| natural.iter().map(|&n| n.min(cap)).sum::<usize>() <= available;
    let mut lo = MIN;
    let mut hi = natural.iter().copied().max().unwrap_or(MIN);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths: Vec<usize> = natural.iter().map(|&n| n.min(lo)).collect();
    let mut spare = available.saturating_sub(widths.iter().sum());
    for (w, &n) in widths.iter_mut().zip(&natural) {
        if spare == 0 {
            break;
        }
        if *w < n {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

pub(crate) fn max_line_width(text: &str) -> usize {
    text.split('\n').map(display_width).max().unwrap_or(0)
}

/// Lays out one table on a grid `width` columns between its outer borders.
fn layout(table: &Table, width: usize) -> Grid {
    let mut grid = Grid {
        width,
        rows: Vec::new(),
    };
    let header = table.header();
    let columns = header.len();
    let mut natural: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for group in &table.groups {
        natural[0] = natural[0].max(max_line_width(&group.level1));
        for r in &group.rows {
            let cells = [&r.level2, &r.level3, &r.description, &r.value, &r.basis];
            for (i, c) in cells.iter().enumerate().take(columns - 1) {
                natural[i + 1] = natural[i + 1].max(max_line_width(c));
            }
        }
    }
    // Spare room goes to the text-heavy columns: 三级, 描述, 依据.
    let widths = fit_widths(&natural, width.saturating_sub(columns), &[2, 3, 5]);
    let mut grid_borders = borders_from(0, &widths);
    if let Some(last) = grid_borders.last_mut() {
        *last = width;
    }

    let label = grid_borders[1].clamp(10, 20);
    let pair = [0, label, width];
    if let Some(code) = &table.code {
        grid.row(&pair, &["项目编码", code]);
    }
    grid.row(&pair, &["项目名称", &table.name]);
    let budget_cells = [
        "预算数",
        table.budget_total.as_str(),
        "其中：财政资金",
        table.budget_fiscal.as_str(),
        "其他资金",
        table.budget_other.as_str(),
    ];
    let mut budget = vec![0];
    budget.extend(fitted_borders(
        label,
        width,
        &budget_cells,
        &[0, 1, 2, 3, 4, 5],
    ));
    let mut budget_row = vec!["预算规模及资金用途"];
    budget_row.extend(budget_cells);
    grid.row_merged(&budget, &budget_row, &[0]);
    grid.row(&pair, &["", &table.purpose]);
    if let Some(plan) = &table.spending_plan {
        let labels: Vec<&str> = plan.iter().map(|c| c.label.as_str()).collect();
        let values: Vec<&str> = plan.iter().map(|c| c.value.as_str()).collect();
        let mut borders = vec![0];
        borders.extend(fitted_borders(
            label,
            width,
            &vec!["12月底"; plan.len()],
            &[0, 1, 2, 3],
        ));
        grid.row_merged(
            &borders,
            &[&["资金支出计划（%）"], &labels[..]].concat(),
            &[0],
        );
        grid.row(&borders, &[&[""], &values[..]].concat());
    }
    grid.row(&pair, &["绩效目标", &table.goals.join("\n")]);
    grid.row(&grid_borders, header);
    for group in &table.groups {
        for (i, r) in group.rows.iter().enumerate() {
            let level1 = if i == 0 { group.level1.as_str() } else { "" };
            let cells = [
                level1,
                &r.level2,
                &r.level3,
                &r.description,
                &r.value,
                &r.basis,
            ];
            let merged: &[usize] = if i + 1 < group.rows.len() { &[0] } else { &[] };
            grid.row_merged(&grid_borders, &cells[..columns], merged);
        }
    }
    grid
}
