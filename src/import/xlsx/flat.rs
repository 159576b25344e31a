//! The flat layout: a `项目` sheet with one row per project and an `指标` sheet with one
//! row per indicator, naming its project by 项目编码 or 项目名称.

use std::collections::BTreeMap;

use super::grid::grid_columns;
use super::{
    Cell, Draft, INDICATOR_SHEET, PROJECT_SHEET, Place, Sheet, WorkbookReader, normalize, unnumber,
};
use crate::check::rules;
use crate::layout::xlsx::{label, split};
use crate::model::{AmountUnit, Budget, Project, SpendingPlan, Unit};
use crate::span::Spanned;

impl WorkbookReader {
    /// The flat layout: `项目` and `指标`.
    pub(super) fn flat(&mut self, projects: &Sheet, indicators: &Sheet) -> Vec<Draft> {
        let Some((header_row, columns)) = self.header(projects) else {
            return Vec::new();
        };
        let col = |name: &str| columns.get(name).copied();
        let budget_col = columns
            .iter()
            .find(|(k, _)| k.starts_with(label::TOTAL))
            .map(|(k, c)| (k.clone(), *c));
        let mut missing = Vec::new();
        for need in [label::NAME, "资金用途", label::GOALS] {
            if col(need).is_none() {
                missing.push(need);
            }
        }
        if budget_col.is_none() {
            missing.push(label::TOTAL);
        }
        let known = [
            "序号",
            "单位编码",
            "单位名称",
            "项目编码",
            "项目名称",
            "财政资金",
            "其中：财政资金",
            "其他资金",
            "资金用途",
            "3月底",
            "6月底",
            "10月底",
            "12月底",
            "绩效目标",
        ];
        for (name, &c) in &columns {
            if !known.contains(&name.as_str()) && !name.starts_with(label::TOTAL) {
                let cell = projects.get(header_row, c);
                self.push(
                    &rules::X003,
                    format!("{}：无法识别的列“{name}”", projects.addr(header_row, c)),
                    cell,
                    "删除该列，或改用《电子表格：导出与导入》一章列出的列名",
                );
            }
        }
        for need in missing {
            self.push(
                &rules::X003,
                format!(
                    "工作表“{PROJECT_SHEET}”第 {} 行（表头）缺少“{need}”列",
                    header_row + 1
                ),
                None,
                "表头行应包含 项目名称、预算数、资金用途、绩效目标 等列",
            );
        }
        let (Some(name_col), Some((budget_label, total_col))) = (col(label::NAME), budget_col)
        else {
            return Vec::new();
        };
        let amount_unit = match budget_label.trim_start_matches(label::TOTAL) {
            "（元）" => Some(AmountUnit::Yuan),
            "（万元）" => Some(AmountUnit::WanYuan),
            _ => None,
        }
        .and_then(|u| {
            projects
                .get(header_row, total_col)
                .map(|c| Spanned::new(u, c.span))
        });
        let fiscal_col = col("财政资金").or(col("其中：财政资金"));
        let plan_cols = [col("3月底"), col("6月底"), col("10月底"), col("12月底")];
        let mut drafts = Vec::new();
        for r in header_row + 1..projects.rows.len() {
            if projects.row(r).is_empty() {
                continue;
            }
            let text = |c: Option<usize>| c.and_then(|c| projects.get(r, c));
            let Some(name_cell) = text(Some(name_col)) else {
                self.missing(projects, r, name_col, "项目名称");
                continue;
            };
            let name = self.spanned(name_cell);
            let total = match self.amount(projects, r, total_col) {
                Some(t) => t,
                None => {
                    self.missing(projects, r, total_col, "预算数");
                    continue;
                }
            };
            let fiscal = fiscal_col.and_then(|c| self.amount(projects, r, c));
            let other = col("其他资金").and_then(|c| self.amount(projects, r, c));
            let plan_cells: Vec<Option<Spanned<String>>> =
                plan_cols.iter().map(|c| self.plan_cell(text(*c))).collect();
            let spending_plan = plan_cells.iter().any(Option::is_some).then(|| {
                let mut it = plan_cells.into_iter();
                SpendingPlan {
                    march: it.next().flatten(),
                    june: it.next().flatten(),
                    october: it.next().flatten(),
                    december: it.next().flatten(),
                }
            });
            let goal_lines: Vec<Spanned<String>> = text(col(label::GOALS))
                .map(|cell| {
                    cell.text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| Spanned::new(l.to_string(), cell.span))
                        .collect()
                })
                .unwrap_or_default();
            let (goals, goal_numbering) = unnumber(goal_lines, &[".", "、", "．"], true);
            let purpose = text(col("资金用途"))
                .map(|c| self.spanned(c))
                .unwrap_or_else(|| Spanned::new(String::new(), name_cell.span));
            let unit = text(col("单位名称")).map(|n| Unit {
                code: text(col("单位编码")).map(|c| self.spanned(c)),
                name: self.spanned(n),
            });
            self.places
                .insert((projects.name.clone(), r), Place::Project(drafts.len()));
            drafts.push(Draft {
                project: Project {
                    code: text(col(label::CODE)).map(|c| self.spanned(c)),
                    spending_plan,
                    goals,
                    goal_numbering,
                    ..Project::targets(
                        name,
                        Budget {
                            total,
                            fiscal,
                            other,
                        },
                        purpose,
                        self.file,
                    )
                },
                unit,
                amount_unit: amount_unit.clone(),
            });
        }
        self.flat_indicators(indicators, &mut drafts);
        drafts
    }

    /// The first non-empty row of a sheet as a header: normalized name → column.
    fn header(&mut self, sheet: &Sheet) -> Option<(usize, BTreeMap<String, usize>)> {
        let Some(r) = (0..sheet.rows.len()).find(|&r| !sheet.row(r).is_empty()) else {
            self.push(
                &rules::X003,
                format!("工作表“{}”是空的", sheet.name),
                None,
                "第一行写列名，之后每行一条",
            );
            return None;
        };
        let mut columns = BTreeMap::new();
        for (c, cell) in sheet.row(r) {
            columns.entry(normalize(&cell.text)).or_insert(c);
        }
        Some((r, columns))
    }

    /// The `指标` sheet: each row names its project by 项目编码 or 项目名称.
    fn flat_indicators(&mut self, sheet: &Sheet, drafts: &mut [Draft]) {
        let Some((header_row, columns)) = self.header(sheet) else {
            return;
        };
        let col = |name: &str| columns.get(name).copied();
        let (code_col, name_col) = (col(label::CODE), col(label::NAME));
        let mut ok = true;
        if code_col.is_none() && name_col.is_none() {
            self.push(
                &rules::X003,
                format!(
                    "工作表“{INDICATOR_SHEET}”第 {} 行（表头）缺少“项目名称”或“项目编码”列",
                    header_row + 1
                ),
                None,
                "每条指标用项目名称或项目编码指明所属项目",
            );
            ok = false;
        }
        let (grid_cols, unknown) = grid_columns(&sheet.row(header_row));
        let grid = self.grid_of(sheet, header_row, &grid_cols, "表头");
        self.unknown_columns(
            sheet,
            header_row,
            &unknown,
            &[split::SERIAL, label::CODE, label::NAME],
        );
        let Some(grid) = grid else {
            return;
        };
        if !ok {
            return;
        }
        let mut current: Option<usize> = None;
        for r in header_row + 1..sheet.rows.len() {
            if sheet.row(r).is_empty() {
                continue;
            }
            let by_code = code_col.and_then(|c| sheet.get(r, c).map(|cell| (c, cell)));
            let by_name = name_col.and_then(|c| sheet.get(r, c).map(|cell| (c, cell)));
            let target = match (by_code, by_name) {
                (Some((c, cell)), _) => Some(self.find_project(drafts, sheet, r, c, cell, true)),
                (None, Some((c, cell))) => {
                    Some(self.find_project(drafts, sheet, r, c, cell, false))
                }
                (None, None) => None,
            };
            let index = match target {
                Some(Some(i)) => i,
                Some(None) => continue,
                None => match current {
                    Some(i) => i,
                    None => {
                        let c = name_col.or(code_col).unwrap_or(0);
                        self.missing(sheet, r, c, "项目名称");
                        continue;
                    }
                },
            };
            current = Some(index);
            let indicators = &mut drafts[index].project.indicators;
            let mut taken = std::mem::take(indicators);
            self.grid_row(sheet, r, &grid, &mut taken, (index, true));
            drafts[index].project.indicators = taken;
        }
    }

    fn find_project(
        &mut self,
        drafts: &[Draft],
        sheet: &Sheet,
        r: usize,
        c: usize,
        cell: &Cell,
        by_code: bool,
    ) -> Option<usize> {
        let matches: Vec<usize> = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                let key = if by_code {
                    d.project.code.as_ref().map(|c| c.value.as_str())
                } else {
                    Some(d.project.name.value.as_str())
                };
                key == Some(cell.text.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        let what = if by_code {
            "项目编码"
        } else {
            "项目名称"
        };
        match matches.as_slice() {
            [i] => Some(*i),
            [] => {
                self.push(
                    &rules::X005,
                    format!(
                        "{}：{what}“{}”不在“{PROJECT_SHEET}”工作表中",
                        sheet.addr(r, c),
                        cell.text
                    ),
                    Some(cell),
                    "检查拼写，或先在“项目”工作表中添加该项目",
                );
                None
            }
            _ => {
                self.push(
                    &rules::X005,
                    format!(
                        "{}：{what}“{}”在“{PROJECT_SHEET}”工作表中出现多次，无法确定所属项目",
                        sheet.addr(r, c),
                        cell.text
                    ),
                    Some(cell),
                    "用“项目编码”列区分同名项目",
                );
                None
            }
        }
    }
}
