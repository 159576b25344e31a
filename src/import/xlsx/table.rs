//! The table layout `jixiao build --format xlsx` writes: one sheet per project in the
//! published layout (heading, unit line, project rows, budget, spending plan, goals), its
//! indicator grid read by [`super::grid`].

use super::grid::{Grid, column_of, grid_columns};
use super::{Cell, Draft, Place, Sheet, WorkbookReader, normalize, unnumber};
use crate::check::rules;
use crate::layout::xlsx::{Column, label};
use crate::model::{AmountUnit, Budget, Project, SpendingPlan, Unit};
use crate::span::Spanned;

impl WorkbookReader {
    /// One sheet of the table layout.
    pub(super) fn table(&mut self, sheet: &Sheet, index: usize) -> Option<Draft> {
        let errors_before = self.diags.len();
        let mut unit_line: Option<Spanned<String>> = None;
        let mut amount_unit = None;
        let mut code = None;
        let mut name = None;
        let mut budget = None;
        let mut purpose = None;
        let mut plan = None;
        let mut goals: Option<Vec<Spanned<String>>> = None;
        let mut grid: Option<Grid> = None;
        let mut indicators = Vec::new();
        let mut r = 0;
        while r < sheet.rows.len() {
            let cells = sheet.row(r);
            let Some(&(c0, first)) = cells.first() else {
                r += 1;
                continue;
            };
            if let Some(grid) = &grid {
                self.grid_row(sheet, r, grid, &mut indicators, (index, false));
                r += 1;
                continue;
            }
            let key = normalize(&first.text);
            let rest = &cells[1..];
            let unit_cell = cells
                .iter()
                .find(|(_, c)| normalize(&c.text).starts_with(label::UNIT_PREFIX))
                .filter(|_| name.is_none() && code.is_none());
            if let Some(&(c, unit_cell)) = unit_cell {
                let text = normalize(&unit_cell.text);
                match AmountUnit::from_label(&text[label::UNIT_PREFIX.len()..]) {
                    Some(u) => amount_unit = Some(Spanned::new(u, unit_cell.span)),
                    None => self.push(
                        &rules::X006,
                        format!("{}：单位应为“单位：元”或“单位：万元”", sheet.addr(r, c)),
                        Some(unit_cell),
                        "",
                    ),
                }
                if c != c0 {
                    unit_line = Some(self.spanned(first));
                }
            } else if name.is_none() && code.is_none() && key.ends_with("绩效目标表") {
                // The heading is generated from the name.
            } else if key == label::CODE {
                code = rest.first().map(|(_, c)| self.spanned(c));
            } else if key == label::NAME {
                self.places
                    .insert((sheet.name.clone(), r), Place::Project(index));
                match rest.first() {
                    Some((_, c)) => name = Some(self.spanned(c)),
                    None => self.missing(sheet, r, c0 + 1, "项目名称"),
                }
            } else if key == label::BUDGET {
                budget = Some(self.budget_row(sheet, r, first));
                purpose = Some(
                    sheet
                        .row(r + 1)
                        .iter()
                        .find(|(c, _)| *c > c0)
                        .map(|(_, c)| self.spanned(c))
                        .unwrap_or_else(|| Spanned::new(String::new(), first.span)),
                );
                r += 1;
            } else if key == normalize(label::PLAN) || key == "资金支出计划" {
                plan = Some(self.plan_rows(sheet, r, rest));
                r += 1;
            } else if key == label::GOALS {
                goals = Some(rest.iter().map(|(_, c)| self.spanned(c)).collect());
            } else if column_of(&first.text) == Some(Column::Level1) {
                grid = Some(self.grid_of(sheet, r, &grid_columns(&cells).0, "指标表头")?);
            } else if let Some(goals) = &mut goals {
                goals.extend(cells.iter().map(|(_, c)| self.spanned(c)));
            } else {
                self.push(
                    &rules::X003,
                    format!("{}：无法识别的行“{}”", sheet.addr(r, c0), first.text),
                    Some(first),
                    "表格布局见《电子表格：导出与导入》一章",
                );
            }
            r += 1;
        }
        let missing_row = |what: &str| format!("工作表“{}”缺少“{what}”行", sheet.name);
        let Some(name) = name else {
            self.push(&rules::X003, missing_row(label::NAME), None, "");
            return None;
        };
        let Some(budget) = budget.flatten() else {
            if self.diags.len() == errors_before {
                self.push(&rules::X003, missing_row(label::BUDGET), None, "");
            }
            return None;
        };
        if grid.is_none() {
            self.push(
                &rules::X003,
                missing_row("一级指标"),
                None,
                "指标表头行以“一级指标”开头",
            );
            return None;
        }
        let (goals, goal_numbering) = unnumber(goals.unwrap_or_default(), &["."], false);
        let unit = unit_line.as_ref().map(Unit::from_line);
        Some(Draft {
            project: Project {
                code,
                spending_plan: plan,
                goals,
                goal_numbering,
                indicators,
                ..Project::targets(
                    name,
                    budget,
                    purpose.unwrap_or_else(|| Spanned::new(String::new(), self.whole())),
                    self.file,
                )
            },
            unit,
            amount_unit,
        })
    }

    /// `预算规模及资金用途 | 预算数 | x | 其中：财政资金 | y | 其他资金 | z`. Each amount is
    /// the non-empty cell between its label and the next, so spacer columns do not matter.
    fn budget_row(&mut self, sheet: &Sheet, r: usize, first: &Cell) -> Option<Budget> {
        let cells = sheet.row(r);
        let labels = [label::TOTAL, "财政资金", label::OTHER];
        let label_cols: Vec<Option<usize>> = labels
            .iter()
            .map(|want| {
                cells
                    .iter()
                    .find(|(_, c)| normalize(&c.text).ends_with(want))
                    .map(|(col, _)| *col)
            })
            .collect();
        let value_col = |i: usize| -> Option<usize> {
            let col = label_cols[i]?;
            let next = label_cols
                .iter()
                .flatten()
                .copied()
                .filter(|&c| c > col)
                .min()
                .unwrap_or(usize::MAX);
            cells.iter().map(|(c, _)| *c).find(|&c| c > col && c < next)
        };
        let Some(total_label) = label_cols[0] else {
            self.push(
                &rules::X003,
                format!("{}：预算行缺少“预算数”", sheet.addr(r, 0)),
                Some(first),
                "",
            );
            return None;
        };
        let Some(total) = value_col(0).and_then(|c| self.amount(sheet, r, c)) else {
            self.missing(sheet, r, total_label + 1, "预算数");
            return None;
        };
        let fiscal = value_col(1).and_then(|c| self.amount(sheet, r, c));
        let other = value_col(2).and_then(|c| self.amount(sheet, r, c));
        Some(Budget {
            total,
            fiscal,
            other,
        })
    }

    /// The label row (3月底 …) and the value row below it.
    fn plan_rows(&mut self, sheet: &Sheet, r: usize, labels: &[(usize, &Cell)]) -> SpendingPlan {
        let mut plan = SpendingPlan {
            march: None,
            june: None,
            october: None,
            december: None,
        };
        for &(c, cell) in labels {
            let value = self.plan_cell(sheet.get(r + 1, c));
            match normalize(&cell.text).as_str() {
                "3月底" => plan.march = value,
                "6月底" => plan.june = value,
                "10月底" => plan.october = value,
                "12月底" => plan.december = value,
                _ => self.push(
                    &rules::X003,
                    format!(
                        "{}：无法识别的资金支出计划列“{}”",
                        sheet.addr(r, c),
                        cell.text
                    ),
                    Some(cell),
                    "列名为 3月底、6月底、10月底、12月底",
                ),
            }
        }
        plan
    }
}
