//! The 项目支出绩效自评表 as cells, beside [`crate::table`]'s 绩效目标表: every backend
//! renders these strings, so a score reads the same in text, HTML, PDF and xlsx.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{format_amount, paragraphs};
use crate::evaluate::score::{Outcome, ProjectScore, format_points, format_rate, round2};
use crate::evaluate::{Evaluation, is_separate};
use crate::model::{Document, Project};

/// The self-evaluation part of a document.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationView {
    /// The part's heading, e.g. `2025年度项目支出绩效自评表`.
    pub title: String,
    /// The scoring method's title, printed under the summary.
    pub method: String,
    /// `单位：元` or `单位：万元`, printed above the summary.
    pub amount_unit_label: String,
    /// The summary of every project's score, in document order.
    pub summary: Vec<SummaryRow>,
    /// The average of the totals, two decimals.
    pub average: String,
    pub tables: Vec<EvaluationTable>,
}

/// One line of the summary: a project, its money and its score.
#[derive(Clone, Debug, Serialize)]
pub struct SummaryRow {
    pub number: usize,
    pub name: String,
    /// The anchor of its 自评表.
    pub anchor: String,
    pub full_year: String,
    pub executed: String,
    pub rate: String,
    pub score: String,
    pub rating: String,
}

/// One project's 绩效自评表.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationTable {
    /// 1-based position in the document.
    pub number: usize,
    /// `N.{项目名称}绩效自评表`.
    pub heading: String,
    /// A stable anchor for links and bookmarks: `self-N`.
    pub anchor: String,
    pub unit_line: String,
    /// `单位：元` or `单位：万元`.
    pub amount_unit_label: String,
    pub code: Option<String>,
    pub name: String,
    /// 主管部门: the document's unit.
    pub department: String,
    /// 实施单位: the table's unit.
    pub implementer: String,
    /// 项目资金: 年度资金总额 first (with 分值, 执行率, 得分), then its parts.
    pub funds: Vec<FundRow>,
    /// 年度总体目标 — 预期目标: the numbered goals.
    pub expected: Vec<String>,
    /// 年度总体目标 — 实际完成情况, one entry per paragraph.
    pub achieved: Vec<String>,
    pub groups: Vec<EvaluationGroup>,
    /// 总分 row: the weights' sum, the total and its rating.
    pub total_weight: String,
    pub total_score: String,
    pub rating: String,
}

/// A row of the 项目资金 block; the parts leave 分值, 执行率 and 得分 empty.
#[derive(Clone, Debug, Serialize)]
pub struct FundRow {
    pub label: String,
    pub initial: String,
    pub full_year: String,
    pub executed: String,
    pub weight: String,
    pub rate: String,
    pub score: String,
}

/// Consecutive rows under one 一级指标.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationGroup {
    pub level1: String,
    pub rows: Vec<EvaluationRow>,
}

/// One indicator row of the 自评表.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationRow {
    pub level2: String,
    pub level3: String,
    /// 年度指标值.
    pub value: String,
    /// 实际完成值 (for a qualitative row: what was done, and its grade).
    pub actual: String,
    /// 分值.
    pub weight: String,
    /// 得分.
    pub score: String,
    /// 偏差原因分析及改进措施.
    pub deviation: String,
}

impl EvaluationRow {
    /// The row's cells in the grid's order after 一级指标 ([`GRID_HEADER`] from 二级指标).
    pub fn cells(&self) -> [&str; 7] {
        [
            &self.level2,
            &self.level3,
            &self.value,
            &self.actual,
            &self.weight,
            &self.score,
            &self.deviation,
        ]
    }
}

/// The column titles of the 自评 indicator grid.
pub const GRID_HEADER: [&str; 8] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
];

/// The column titles of the 项目资金 block.
pub const FUNDS_HEADER: [&str; 7] = [
    "项目资金",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
];

/// The column titles of the summary.
pub const SUMMARY_HEADER: [&str; 7] = [
    "序号",
    "项目名称",
    "全年预算数",
    "全年执行数",
    "执行率",
    "总分",
    "等级",
];

impl EvaluationView {
    pub fn new(doc: &Document, evaluation: &Evaluation) -> Self {
        let tables: Vec<EvaluationTable> = doc
            .projects
            .iter()
            .zip(&evaluation.projects)
            .enumerate()
            .map(|(i, (p, s))| EvaluationTable::new(doc, p, s, i + 1))
            .collect();
        let summary = tables
            .iter()
            .zip(&evaluation.projects)
            .map(|(t, s)| SummaryRow {
                number: t.number,
                name: t.name.clone(),
                anchor: t.anchor.clone(),
                full_year: format_amount(&s.full_year),
                executed: s.executed.as_ref().map(format_amount).unwrap_or_default(),
                rate: s.execution_rate.map(format_rate).unwrap_or_default(),
                score: format_points(s.total),
                rating: s.rating.clone(),
            })
            .collect();
        let count = Decimal::from(evaluation.projects.len().max(1));
        let sum: Decimal = evaluation.projects.iter().map(|s| s.total).sum();
        EvaluationView {
            title: title(doc),
            method: evaluation.method.title.clone(),
            amount_unit_label: format!("单位：{}", doc.amount_unit.value.label()),
            summary,
            average: format!("{:.2}", round2(sum / count)),
            tables,
        }
    }
}

/// The heading of the self-evaluation: the 自评 document's title, or one made from the
/// unit and year.
pub fn title(doc: &Document) -> String {
    let written = doc
        .evaluation
        .as_ref()
        .and_then(|e| e.separate.as_ref())
        .and_then(|s| s.title.as_ref());
    match written {
        Some(t) => t.value.clone(),
        None if is_separate(doc) => format!(
            "{}{}年度项目支出绩效自评表",
            doc.unit.name.value, doc.year.value
        ),
        None => format!("{}年度项目支出绩效自评表", doc.year.value),
    }
}

impl EvaluationTable {
    fn new(doc: &Document, p: &Project, s: &ProjectScore, number: usize) -> Self {
        let mut groups: Vec<EvaluationGroup> = Vec::new();
        for ((l1, l2, row), rs) in p.rows().zip(&s.rows) {
            let mut actual = row
                .actual
                .as_ref()
                .map(|a| a.value.clone())
                .unwrap_or_default();
            if let Outcome::Graded { grade, .. } = &rs.outcome {
                if actual.is_empty() {
                    actual = grade.clone();
                } else {
                    actual = format!("{actual}（{grade}）");
                }
            }
            let cells = EvaluationRow {
                level2: l2.level2.value.clone(),
                level3: row.level3.value.clone(),
                value: row.value.value.clone(),
                actual,
                weight: format_points(rs.weight),
                score: format_points(rs.score),
                deviation: row
                    .deviation
                    .as_ref()
                    .map(|d| d.value.clone())
                    .unwrap_or_default(),
            };
            match groups.last_mut() {
                Some(g) if g.level1 == l1.level1.value => g.rows.push(cells),
                _ => groups.push(EvaluationGroup {
                    level1: l1.level1.value.clone(),
                    rows: vec![cells],
                }),
            }
        }
        let amount = |a: Option<&Decimal>| a.map(format_amount).unwrap_or_default();
        let unchanged = p.full_year_budget.is_none();
        let part = |label: &str, value: Option<&Decimal>| FundRow {
            label: label.to_string(),
            initial: amount(value),
            full_year: if unchanged {
                amount(value)
            } else {
                String::new()
            },
            executed: String::new(),
            weight: String::new(),
            rate: String::new(),
            score: String::new(),
        };
        let mut funds = vec![FundRow {
            label: "年度资金总额".into(),
            initial: format_amount(&s.initial),
            full_year: format_amount(&s.full_year),
            executed: amount(s.executed.as_ref()),
            weight: format_points(s.execution_weight),
            rate: s.execution_rate.map(format_rate).unwrap_or_default(),
            score: format_points(s.execution_score),
        }];
        // The parts are the targets' split of the budget; they are printed only when the
        // 年初预算数 is that budget.
        if p.initial_budget.is_none() {
            funds.push(part(
                "其中：财政拨款",
                p.budget.fiscal.as_ref().map(|a| &a.value),
            ));
            funds.push(part("其他资金", p.budget.other.as_ref().map(|a| &a.value)));
        }
        let unit = p.unit(doc);
        EvaluationTable {
            number,
            heading: format!("{number}.{}绩效自评表", p.name.value),
            anchor: format!("self-{number}"),
            unit_line: unit.line(),
            amount_unit_label: format!("单位：{}", doc.amount_unit.value.label()),
            code: p.code.as_ref().map(|c| c.value.clone()),
            name: p.name.value.clone(),
            department: doc.unit.name.value.clone(),
            implementer: unit.name.value.clone(),
            funds,
            expected: p
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    if p.goal_numbering {
                        format!("{}.{}", i + 1, g.value)
                    } else {
                        g.value.clone()
                    }
                })
                .collect(),
            achieved: p
                .achieved
                .as_ref()
                .map(|a| paragraphs(&a.value))
                .unwrap_or_default(),
            groups,
            total_weight: format_points(s.total_weight),
            total_score: format_points(s.total),
            rating: s.rating.clone(),
        }
    }
}
