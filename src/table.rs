//! The one table model every backend consumes: a document lowered to the cells it
//! publishes, in published order. Every backend (text, HTML, PDF, xlsx, Word) draws its
//! tables from this, so a cell can never differ between formats.
//!
//! Three backends also read the model ([`crate::render::RenderContext::document`]) for
//! what is not a published cell: the PDF backend the spans of characters without a glyph
//! (to point at their YAML line) and the document date with its span; the xlsx and Word
//! backends the settings they keep so that an import gives back the same document (year,
//! units, framework, `rules:`, `allow:`).

use serde::Serialize;

use crate::evaluate;
use evaluation::EvaluationView;

pub mod evaluation;
use crate::model::{Document, Project};

/// A whole disclosure, ready to render.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentView {
    pub title: String,
    pub year: i32,
    /// The default unit line (`323101天津市…`), used on the cover and in metadata.
    pub unit_line: String,
    pub unit_name: String,
    /// `元` or `万元`.
    pub amount_unit: String,
    /// Publication date `YYYY-MM-DD`, when the document gives one.
    pub date: Option<String>,
    pub overview: Option<OverviewView>,
    /// The 绩效目标表; empty for a separate 自评 document, which publishes only its 自评表.
    pub tables: Vec<Table>,
    /// The 绩效自评表 and their summary, when the document holds a self-evaluation.
    pub evaluation: Option<EvaluationView>,
}

/// Part 1: 部门整体绩效目标.
#[derive(Clone, Debug, Serialize)]
pub struct OverviewView {
    /// 一、总体绩效目标, one entry per paragraph.
    pub overall: Vec<String>,
    /// 二、分项绩效目标.
    pub items: Vec<OverviewItemView>,
    /// 三、工作保障措施, each already numbered (`1、…`).
    pub safeguards: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OverviewItemView {
    /// Numbered title, e.g. `1、建设数据平台，统筹区域发展。`.
    pub heading: String,
    /// 绩效目标 paragraphs; the first is prefixed with `绩效目标：`.
    pub goal: Vec<String>,
    /// 绩效指标 paragraphs; the first is prefixed with `绩效指标：`.
    pub indicator: Vec<String>,
}

/// One project's 绩效目标表.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// 1-based position in the document.
    pub number: usize,
    /// `N.{项目名称}绩效目标表`.
    pub heading: String,
    /// A stable anchor for links and bookmarks: `table-N`.
    pub anchor: String,
    /// Unit code and name, e.g. `323101天津市滨海新区商务和投资促进局`.
    pub unit_line: String,
    /// `单位：元` or `单位：万元`.
    pub amount_unit_label: String,
    pub code: Option<String>,
    pub name: String,
    /// Amounts printed with two decimals; an absent amount is an empty string.
    pub budget_total: String,
    pub budget_fiscal: String,
    pub budget_other: String,
    pub purpose: String,
    /// 资金支出计划 cells (3月底, 6月底, 10月底, 12月底) when the project has a plan.
    pub spending_plan: Option<Vec<PlanCell>>,
    /// Goals as printed, numbered unless the project turns numbering off.
    pub goals: Vec<String>,
    /// Whether the 指标值确定依据 column is shown.
    pub has_basis: bool,
    /// Indicator rows grouped by their (vertically merged) 一级指标.
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanCell {
    pub label: String,
    pub value: String,
}

/// Consecutive rows under one 一级指标: the cell merged vertically over them.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    pub level1: String,
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TableRow {
    pub level2: String,
    pub level3: String,
    pub description: String,
    pub value: String,
    pub basis: String,
}

/// The fixed header of the indicator grid.
pub const GRID_HEADER: [&str; 6] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "绩效指标描述",
    "指标值",
    "指标值确定依据",
];

impl DocumentView {
    pub fn new(doc: &Document) -> Self {
        let evaluation = evaluate::is_evaluation(doc)
            .then(|| EvaluationView::new(doc, &evaluate::evaluate(doc)));
        if evaluate::is_separate(doc) {
            return DocumentView {
                title: evaluation::title(doc),
                overview: None,
                tables: Vec::new(),
                evaluation,
                ..DocumentView::targets(doc)
            };
        }
        DocumentView {
            evaluation,
            ..DocumentView::targets(doc)
        }
    }

    /// The view of the targets alone.
    fn targets(doc: &Document) -> Self {
        DocumentView {
            title: doc.display_title(),
            year: doc.year.value,
            unit_line: doc.unit.line(),
            unit_name: doc.unit.name.value.clone(),
            amount_unit: doc.amount_unit.value.label().to_string(),
            date: doc.date.as_ref().map(|d| d.value.clone()),
            overview: doc.overview.as_ref().map(|o| OverviewView {
                overall: paragraphs(&o.overall.value),
                items: o
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| OverviewItemView {
                        heading: format!("{}、{}", i + 1, item.title.value),
                        goal: labelled("绩效目标：", &item.goal.value),
                        indicator: labelled("绩效指标：", &item.indicator.value),
                    })
                    .collect(),
                safeguards: o
                    .safeguards
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{}、{}", i + 1, s.value))
                    .collect(),
            }),
            tables: doc
                .projects
                .iter()
                .enumerate()
                .map(|(i, p)| Table::new(doc, p, i + 1))
                .collect(),
            evaluation: None,
        }
    }
}

/// Splits text into paragraphs at line breaks, dropping a trailing empty line.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.trim_end_matches('\n')
        .split('\n')
        .map(str::to_string)
        .collect()
}

fn labelled(label: &str, text: &str) -> Vec<String> {
    let mut out = paragraphs(text);
    if let Some(first) = out.first_mut() {
        first.insert_str(0, label);
    }
    out
}

/// An amount as printed in the tables: always two decimals.
/// An amount as published: two decimals, or as many as it needs to stay exact
/// (`24.998` 万元 is printed `24.998`, never rounded to `25.00`).
pub fn format_amount(value: &rust_decimal::Decimal) -> String {
    let exact = value.normalize();
    if exact.scale() > 2 {
        exact.to_string()
    } else {
        format!("{:.2}", value)
    }
}

impl Table {
    pub fn new(doc: &Document, p: &Project, number: usize) -> Self {
        let mut groups: Vec<Group> = Vec::new();
        for (l1, l2, row) in p.rows() {
            let table_row = TableRow {
                level2: l2.level2.value.clone(),
                level3: row.level3.value.clone(),
                description: row.description_text().to_string(),
                value: row.value.value.clone(),
                basis: row
                    .basis
                    .as_ref()
                    .map(|b| b.value.clone())
                    .unwrap_or_default(),
            };
            match groups.last_mut() {
                Some(g) if g.level1 == l1.level1.value => g.rows.push(table_row),
                _ => groups.push(Group {
                    level1: l1.level1.value.clone(),
                    rows: vec![table_row],
                }),
            }
        }
        let amount = |a: &Option<crate::span::Spanned<rust_decimal::Decimal>>| {
            a.as_ref()
                .map(|v| format_amount(&v.value))
                .unwrap_or_default()
        };
        Table {
            number,
            heading: format!("{number}.{}绩效目标表", p.name.value),
            anchor: format!("table-{number}"),
            unit_line: p.unit(doc).line(),
            amount_unit_label: format!("单位：{}", doc.amount_unit.value.label()),
            code: p.code.as_ref().map(|c| c.value.clone()),
            name: p.name.value.clone(),
            budget_total: format_amount(&p.budget.total.value),
            budget_fiscal: amount(&p.budget.fiscal),
            budget_other: amount(&p.budget.other),
            purpose: p.purpose.value.clone(),
            spending_plan: p.spending_plan.as_ref().map(|plan| {
                plan.cells()
                    .iter()
                    .map(|(label, v)| PlanCell {
                        label: label.to_string(),
                        value: v.map(|v| v.value.clone()).unwrap_or_default(),
                    })
                    .collect()
            }),
            goals: p
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
            has_basis: p.rows().any(|(_, _, r)| r.basis.is_some()),
            groups,
        }
    }

    /// The grid header cells shown for this table.
    pub fn header(&self) -> &'static [&'static str] {
        if self.has_basis {
            &GRID_HEADER
        } else {
            &GRID_HEADER[..5]
        }
    }
}
