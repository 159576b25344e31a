//! What "the same document" means for a round trip through an output format and
//! `jixiao import`: the same table view (every printed cell, in order), the same settings
//! the view does not show (year, units, framework, title, date, rules), the same allowed
//! findings in the same places and the same exact amounts. Shared by the xlsx and docx
//! round-trip tests, with the rich document both must carry.

#![allow(dead_code)] // each test binary uses part of this module

use std::path::Path;

use jixiao::load::{load_path, load_str};
use jixiao::model::Document;
use jixiao::span::Sources;
use jixiao::table::DocumentView;

/// Loads a document that must load without any diagnostic.
pub fn load_clean(path: &Path) -> Document {
    let mut sources = Sources::new();
    let loaded = load_path(path, &mut sources);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}: {:?}",
        path.display(),
        loaded.diagnostics
    );
    loaded.document.unwrap()
}

pub fn view_json(doc: &Document) -> String {
    serde_json::to_string_pretty(&DocumentView::new(doc)).unwrap()
}

/// What the view does not show but an output format keeps for import.
pub fn settings(doc: &Document) -> String {
    format!(
        "{} {:?} {:?} {} {:?} {:?} {:?}",
        doc.year.value,
        doc.amount_unit.value,
        doc.unit.code.as_ref().map(|c| &c.value),
        doc.unit.name.value,
        doc.framework.value,
        doc.title.as_ref().map(|t| &t.value),
        doc.date.as_ref().map(|d| &d.value),
    ) + &format!("{:?}", doc.rules)
}

/// Every allowed rule with the project and row it belongs to.
pub fn allows(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in doc.projects.iter().enumerate() {
        for a in &p.allow {
            out.push(format!("{i} {} {}", a.code.value, a.reason.value));
        }
        for (j, (_, _, row)) in p.rows().enumerate() {
            for a in &row.allow {
                out.push(format!("{i}.{j} {} {}", a.code.value, a.reason.value));
            }
        }
    }
    out
}

/// The first line where two texts differ, for a readable failure.
pub fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  expected {x}\n  got      {y}", i + 1);
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        a.lines().count(),
        b.lines().count()
    )
}

/// Panics with the first difference unless `back` is the same document as `doc`.
pub fn assert_same_document(name: &str, doc: &Document, back: &Document) {
    let (a, b) = (view_json(doc), view_json(back));
    assert!(
        a == b,
        "{name}: view differs at {}",
        first_difference(&a, &b)
    );
    assert_eq!(settings(doc), settings(back), "{name}: settings differ");
    assert_eq!(allows(doc), allows(back), "{name}: allowed rules differ");
    assert_eq!(doc.projects.len(), back.projects.len());
    for (a, b) in doc.projects.iter().zip(&back.projects) {
        assert_eq!(a.budget.total.value, b.budget.total.value);
        assert_eq!(
            a.budget.fiscal.as_ref().map(|x| x.value),
            b.budget.fiscal.as_ref().map(|x| x.value)
        );
        assert_eq!(
            a.budget.other.as_ref().map(|x| x.value),
            b.budget.other.as_ref().map(|x| x.value)
        );
    }
}

/// Everything the table layout and the settings must carry: Part 1, title, date,
/// rules, 万元, the 2021 framework, a sub-unit, project codes, the basis column, verbatim
/// goal numbering, an empty other-funds cell, amounts beyond f64's exact range, project
/// and row allows.
pub const RICH: &str = r#"
year: 2024
amount_unit: 万元
unit:
  code: "214001"
  name: 唐山市商务局本级
framework: "2021"
title: 唐山市商务局2024年部门预算绩效目标表
date: 2024-02-01
overview:
  overall: |
    第一段。
    第二段。
  items:
    - title: 建设数据平台
      goal: 目标一
      indicator: 指标一
  safeguards:
    - 加强组织领导
rules:
  V101: warning
projects:
  - code: 13020024P00706610007L
    name: 材料印刷费
    budget:
      total: 0.75
      fiscal: 0.75
    purpose: 印制会议材料。
    spending_plan:
      december: 100%
    goals:
      - 1.1.商务成绩高度凝练
    goal_numbering: false
    allow:
      S205: 只有产出和成本指标
    indicators:
      - level1: 产出指标
        groups:
          - level2: 数量指标
            rows:
              - level3: 印刷数量
                description: 印刷数量
                value: ">880份"
                basis: 根据人数确定
              - level3: 印刷种类
                value: 5种
                allow:
                  V101: 原文如此
                  C313: 惯例
      - level1: 成本指标
        groups:
          - level2: 经济成本指标
            rows:
              - level3: 年初预算
                value: ≤0.75万元
  - unit:
      code: "214002"
      name: 唐山市商务事务中心
    name: 大额项目
    budget:
      total: 98765432109876.54
      fiscal: 98765432109876.00
      other: 0.54
    purpose: "用途：第一行\n第二行"
    goals:
      - 目标甲
      - 目标乙
    indicators:
      - level1: 满意度指标
        groups:
          - level2: 服务对象满意度指标
            rows:
              - level3: 满意度
                value: ≥90%
"#;

/// [`RICH`], loaded.
pub fn rich() -> Document {
    let mut sources = Sources::new();
    let loaded = load_str("rich.yaml", RICH, &mut sources);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.document.unwrap()
}
