//! The indicator grid every layout shares: its header row (the column names in
//! [`COLUMNS`]), and its rows, 一级 | 二级 | 三级 | 指标值 …, the budget system's split
//! value columns (运算符 | 指标值 | 度量单位) joined and read with the value grammar.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Cell, Place, Sheet, WorkbookReader, normalize};
use crate::check::rules;
use crate::layout::xlsx::{COLUMNS, Column, split, written};
use crate::model::{Level1, Level2, Row};
use crate::span::{Span, Spanned};

impl WorkbookReader {
    /// The grid of a header row's columns; `None` (with a diagnostic naming the row as
    /// `header`) when a required column is missing.
    pub(super) fn grid_of(
        &mut self,
        sheet: &Sheet,
        r: usize,
        columns: &BTreeMap<Column, usize>,
        header: &str,
    ) -> Option<Grid> {
        let mut need = |column: Column| {
            let col = columns.get(&column).copied();
            if col.is_none() {
                self.push(
                    &rules::X003,
                    format!(
                        "工作表“{}”第 {} 行（{header}）缺少“{}”列",
                        sheet.name,
                        r + 1,
                        written(COLUMNS, column)
                    ),
                    None,
                    "",
                );
            }
            col
        };
        let level1 = need(Column::Level1);
        let level2 = need(Column::Level2);
        let level3 = need(Column::Level3);
        let value = need(Column::Value);
        let opt = |column: Column| columns.get(&column).copied();
        Some(Grid {
            level1: level1?,
            level2: level2?,
            level3: level3?,
            description: opt(Column::Description),
            value: value?,
            basis: opt(Column::Basis),
            comparator: opt(Column::Comparator).or(opt(Column::Nature)),
            nature: opt(Column::Comparator).and(opt(Column::Nature)),
            unit: opt(Column::Unit),
            weight: opt(Column::Weight),
            direction: opt(Column::Direction),
            explanation: opt(Column::Explanation),
        })
    }

    /// Header cells no grid column has, each an error (so that nothing is dropped
    /// unnoticed), except those `also` names.
    pub(super) fn unknown_columns(
        &mut self,
        sheet: &Sheet,
        r: usize,
        unknown: &[(usize, &Cell)],
        also: &[&str],
    ) {
        for &(c, cell) in unknown {
            let name = normalize(&cell.text);
            if also.contains(&name.as_str()) {
                continue;
            }
            if column_of(&cell.text).is_some() {
                self.push(
                    &rules::X003,
                    format!("{}：列“{name}”与左边的一列重复", sheet.addr(r, c)),
                    Some(cell),
                    "同一内容只能有一列（如“权重”和“分值”只留一列）；删除多余的列",
                );
                continue;
            }
            self.push(
                &rules::X003,
                format!("{}：无法识别的列“{name}”", sheet.addr(r, c)),
                Some(cell),
                "删除该列，或改用《电子表格：导出与导入》一章列出的列名",
            );
        }
    }

    /// One indicator row, appended to `indicators`. Empty 一级/二级 cells continue the
    /// row above (merged cells keep their text only in the first cell).
    pub(super) fn grid_row(
        &mut self,
        sheet: &Sheet,
        r: usize,
        grid: &Grid,
        indicators: &mut Vec<Level1>,
        (project, flat): (usize, bool),
    ) {
        let text = |c: Option<usize>| c.and_then(|c| sheet.get(r, c));
        let level1 = match text(Some(grid.level1)) {
            Some(cell) => self.spanned(cell),
            None => match indicators.last() {
                Some(l1) => l1.level1.clone(),
                None => {
                    self.missing(sheet, r, grid.level1, "一级指标");
                    return;
                }
            },
        };
        let level1_changed = indicators
            .last()
            .is_none_or(|l| l.level1.value != level1.value);
        let level2 = match text(Some(grid.level2)) {
            Some(cell) => self.spanned(cell),
            None => match indicators.last().and_then(|l| l.groups.last()) {
                Some(l2) if !level1_changed => l2.level2.clone(),
                _ => {
                    self.missing(sheet, r, grid.level2, "二级指标");
                    return;
                }
            },
        };
        let Some(level3_cell) = text(Some(grid.level3)) else {
            self.missing(sheet, r, grid.level3, "三级指标");
            return;
        };
        let level3 = self.spanned(level3_cell);
        let description = match text(grid.description) {
            Some(cell) if cell.text == level3.value => None,
            Some(cell) => Some(self.spanned(cell)),
            // The table layout shows every description, so an empty cell is an empty one.
            None if !flat && grid.description.is_some() => {
                Some(Spanned::new(String::new(), level3.span))
            }
            None => None,
        };
        let Some(value) = self.split_value(sheet, r, grid, level3.span) else {
            return;
        };
        let basis = text(grid.basis).map(|c| self.spanned(c));
        let Some(weight) = self.weight(sheet, r, grid.weight) else {
            return;
        };
        let direction = match text(grid.direction) {
            Some(cell) if crate::model::DIRECTIONS.contains(&cell.text.trim()) => {
                Some(Spanned::new(cell.text.trim().to_string(), cell.span))
            }
            Some(cell) => {
                self.push(
                    &rules::X006,
                    format!(
                        "{}：指标方向应为“正向”或“反向”，而不是“{}”",
                        sheet.addr(r, grid.direction.unwrap_or(0)),
                        cell.text
                    ),
                    Some(cell),
                    "正向：指标值越大越好；反向：越小越好",
                );
                return;
            }
            None => None,
        };
        let explanation = text(grid.explanation).map(|c| self.spanned(c));
        let row = Row {
            span: level3.span,
            level3,
            description,
            value,
            basis,
            direction,
            explanation,
            allow: Vec::new(),
            actual: None,
            weight,
            grade: None,
            score: None,
            deviation: None,
        };
        if level1_changed {
            indicators.push(Level1 {
                span: level1.span,
                level1,
                groups: Vec::new(),
            });
        }
        let l1_index = indicators.len().saturating_sub(1);
        let Some(l1) = indicators.last_mut() else {
            return;
        };
        match l1.groups.last_mut() {
            Some(l2) if l2.level2.value == level2.value => l2.rows.push(row),
            _ => l1.groups.push(Level2 {
                span: level2.span,
                level2,
                rows: vec![row],
            }),
        }
        let l2 = l1.groups.len() - 1;
        let place = Place::Row(project, l1_index, l2, l1.groups[l2].rows.len() - 1);
        self.places.insert((sheet.name.clone(), r), place);
    }

    /// 指标值 of a grid row. In the budget system's layout the comparator, value and unit
    /// cells are joined (`大于等于` `90` `%`) and read with the value grammar: a
    /// quantity whose only problems are in its spelling (a comparator word, a full-width
    /// symbol) is kept in its canonical spelling (`≥90%`), anything else as joined, for
    /// the checker to report. A 定性 row,
    /// or one with nothing to join, keeps its value cell as written. `None` (with a
    /// diagnostic) when the comparator cell is no comparator.
    fn split_value(
        &mut self,
        sheet: &Sheet,
        r: usize,
        grid: &Grid,
        level3: Span,
    ) -> Option<Spanned<String>> {
        let text = |c: Option<usize>| c.and_then(|c| sheet.get(r, c));
        let value = text(Some(grid.value));
        let span = value.map_or(level3, |c| c.span);
        let written = value.map_or(String::new(), |c| c.text.clone());
        let comparator = text(grid.comparator).map(|c| (c, c.text.trim()));
        let mut unit = text(grid.unit).map_or("", |c| c.text.trim());
        // A value cell that already ends in its unit (`90%` beside `%`) keeps it once.
        if written.trim().ends_with(unit) {
            unit = "";
        }
        let prefix = match comparator {
            None => "",
            Some((_, word)) if word == split::QUALITATIVE || word == split::QUANTITATIVE => "",
            Some((cell, word)) => {
                let is_comparator = matches!(
                    crate::value::parse(&format!("{word}1")).kind,
                    crate::value::Value::Quantity {
                        comparator: Some(_),
                        ..
                    }
                );
                if !is_comparator {
                    self.push(
                        &rules::X003,
                        format!(
                            "{}：无法识别的运算符“{}”",
                            sheet.addr(r, grid.comparator.unwrap_or(0)),
                            cell.text
                        ),
                        Some(cell),
                        "运算符写作 ≥、≤、=、>、<、大于等于、小于等于、等于 等；定性指标写“定性”",
                    );
                    return None;
                }
                word
            }
        };
        let nature = text(grid.nature).map(|c| c.text.trim());
        let qualitative = comparator.is_some_and(|(_, w)| w == split::QUALITATIVE)
            || nature == Some(split::QUALITATIVE);
        // A value cell that already starts with its comparator keeps it once.
        let prefix = if written.trim().starts_with(prefix) {
            ""
        } else {
            prefix
        };
        if prefix.is_empty() && unit.is_empty() {
            return Some(Spanned::new(written, span));
        }
        let joined = format!("{prefix}{}{unit}", written.trim());
        let parsed = crate::value::parse(&joined);
        // The comparator column's words (`大于等于`) and full-width symbols are the
        // system's spelling, not the office's defect.
        let spelling_only = parsed.problems.iter().all(|p| {
            matches!(
                p.kind,
                crate::value::ProblemKind::NonCanonical | crate::value::ProblemKind::WordComparator
            )
        });
        let text = match parsed.canonical() {
            Some(canonical) if !qualitative && spelling_only => canonical.to_string(),
            _ => joined,
        };
        Some(Spanned::new(text, span))
    }

    /// 权重 of a grid row: a number of points (`10`, `12.5`; a trailing `%` or `分` is
    /// dropped). `None` (with a diagnostic) when it is not one.
    fn weight(
        &mut self,
        sheet: &Sheet,
        r: usize,
        col: Option<usize>,
    ) -> Option<Option<Spanned<Decimal>>> {
        let Some((c, cell)) = col.and_then(|c| sheet.get(r, c).map(|cell| (c, cell))) else {
            return Some(None);
        };
        let text = cell.text.trim().trim_end_matches(['%', '分']).trim();
        match Decimal::from_str(text) {
            Ok(w) if !w.is_sign_negative() && w.scale() <= 4 => {
                Some(Some(Spanned::new(w, cell.span)))
            }
            _ => {
                self.push(
                    &rules::X004,
                    format!("{}：权重“{}”不是分值", sheet.addr(r, c), cell.text),
                    Some(cell),
                    "权重写作非负数，如 10 或 12.5",
                );
                None
            }
        }
    }
}

/// Column positions of an indicator grid.
pub(super) struct Grid {
    level1: usize,
    level2: usize,
    level3: usize,
    description: Option<usize>,
    value: usize,
    basis: Option<usize>,
    comparator: Option<usize>,
    /// 指标性质 beside a 运算符 column: 定量 or 定性.
    nature: Option<usize>,
    unit: Option<usize>,
    weight: Option<usize>,
    direction: Option<usize>,
    explanation: Option<usize>,
}

/// The grid column a header cell names, by the one table of names ([`COLUMNS`]).
pub(super) fn column_of(text: &str) -> Option<Column> {
    let key = normalize(text);
    COLUMNS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize(n) == key))
        .map(|(column, _)| *column)
}

/// A header row's grid columns (the first cell naming each wins), and the cells that
/// name none or a column named already.
pub(super) fn grid_columns<'c>(
    cells: &[(usize, &'c Cell)],
) -> (BTreeMap<Column, usize>, Vec<(usize, &'c Cell)>) {
    let mut columns = BTreeMap::new();
    let mut unknown = Vec::new();
    for &(c, cell) in cells {
        match column_of(&cell.text) {
            Some(column) if !columns.contains_key(&column) => {
                columns.insert(column, c);
            }
            _ => unknown.push((c, cell)),
        }
    }
    (columns, unknown)
}

/// Whether a row is a grid header: it names 一级, 三级 and 指标值.
pub(super) fn is_grid_header(columns: &BTreeMap<Column, usize>) -> bool {
    [Column::Level1, Column::Level3, Column::Value]
        .iter()
        .all(|c| columns.contains_key(c))
}
