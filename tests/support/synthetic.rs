//! The synthetic documents of the tests and benchmarks, in one place (included with
//! `#[path = "support/synthetic.rs"] mod synthetic;`, so each user takes what it needs):
//!
//! - [`document_yaml`]: a disclosure of any size, with a Part 1 narrative and `tables`
//!   projects whose rows vary so that groups, page breaks and wrapping all occur;
//! - [`write_jurisdiction`]: a jurisdiction of many folder-form documents made from the
//!   real projects (and so the real rows and values) of a few source documents.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jixiao::diag::Severity;
use jixiao::load::{self, DOCUMENT_FILE};
use jixiao::model::{Allow, Document, Project, RuleLevel};
use jixiao::pipeline;
use jixiao::span::Sources;

/// YAML of a document with `tables` projects; every `long_every`-th project has a
/// 一级指标 group too tall for one page.
pub fn document_yaml(tables: usize, long_every: usize) -> String {
    let mut y = String::from(
        "year: 2025\namount_unit: 万元\nunit:\n  code: \"214001\"\n  name: 唐山市商务局\n\
         framework: legacy\ndate: 2025-02-15\n\
         overview:\n  overall: |\n    商务工作的总体要求是：坚持稳中求进，推动消费持续恢复。\n    主要目标：全市社会消费品零售总额增长8%左右。\n\
         \x20 items:\n    - title: 建设数据平台，统筹区域发展。\n      goal: 统筹推进区域合作。\n      indicator: 建立可视化数据平台。\n\
         \x20 safeguards:\n    - 加强组织领导。\n    - 强化资金管理。\nprojects:\n",
    );
    for i in 1..=tables {
        let long = long_every > 0 && i % long_every == 0;
        let rows = if long { 45 } else { 2 + i % 4 };
        let _ = write!(
            y,
            "  - name: 第{i}号“专项”资金项目\n    code: 13020024P{i:012}L\n    budget:\n      total: {i}.50\n      fiscal: {i}.50\n\
             \x20   purpose: 用于第{i}号项目的日常运转与专项工作，保障各项任务按期完成。\n\
             \x20   spending_plan:\n      march: 25%\n      june: 50%\n      october: 80%\n      december: 100%\n\
             \x20   goals:\n      - 完成第{i}号项目年度工作任务。\n      - 提升服务质量与群众满意度。\n\
             \x20   indicators:\n      - level1: 产出指标\n        groups:\n          - level2: 数量指标\n            rows:\n"
        );
        for r in 1..=rows {
            let _ = write!(
                y,
                "              - level3: 第{i}项任务指标{r}\n                value: ≥{r}项\n                basis: 根据第{i}号项目工作计划确定\n"
            );
        }
        y.push_str(
            "          - level2: 时效指标\n            rows:\n              - level3: 完成时间\n                value: 2025年12月底前\n\
             \x20         - level2: 成本指标\n            rows:\n              - level3: 项目成本\n                value: ≤1万元\n\
             \x20     - level1: 效益指标\n        groups:\n          - level2: 社会效益指标\n            rows:\n              - level3: 服务保障水平\n                value: 有效提升\n\
             \x20     - level1: 满意度指标\n        groups:\n          - level2: 服务对象满意度指标\n            rows:\n              - level3: 服务对象满意度\n                value: ≥95%\n",
        );
    }
    y
}

/// Writes `documents` documents of `tables` projects each under `dir`, grouped into
/// district folders of 20, and returns the document folders in sorted order. Document `i`
/// takes its settings and projects from source `i mod sources.len()`.
pub fn write_jurisdiction(
    dir: &Path,
    sources: &[PathBuf],
    documents: usize,
    tables: usize,
) -> Result<Vec<PathBuf>, String> {
    let mut loaded = Vec::new();
    for path in sources {
        let mut files = Sources::new();
        let doc = load::load_path(path, &mut files)
            .document
            .filter(|d| !d.projects.is_empty())
            .ok_or_else(|| format!("{} 无法作为样本读取", path.display()))?;
        loaded.push(doc);
    }
    if loaded.is_empty() {
        return Err("没有样本文档".into());
    }
    let mut written = Vec::new();
    for i in 0..documents {
        let source = &loaded[i % loaded.len()];
        let folder = dir.join(format!("d{:02}/u{:03}", i / 20 + 1, i + 1));
        write(&folder.join(DOCUMENT_FILE), &settings(source, i, &[]))?;
        for j in 0..tables {
            let project = &source.projects[(i * tables + j) % source.projects.len()];
            let text = project_yaml(project, &format!("（{}-{}）", i + 1, j + 1));
            write(&folder.join(format!("p{:03}.yaml", j + 1)), &text)?;
        }
        // Published documents carry real defects; the jurisdiction must build, so each
        // rule that finds an error is lowered to a warning, as a bureau would do while
        // it fixes last year's tables.
        let errors = error_codes(&folder);
        if !errors.is_empty() {
            write(&folder.join(DOCUMENT_FILE), &settings(source, i, &errors))?;
            let left = error_codes(&folder);
            if !left.is_empty() {
                return Err(format!(
                    "{} 仍有错误：{}",
                    folder.display(),
                    left.join("、")
                ));
            }
        }
        written.push(folder);
    }
    Ok(written)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    pipeline::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("无法写入 {}：{e}", path.display()))
}

/// Quotes a string as a JSON string, which YAML reads as a double-quoted scalar.
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The codes of the errors a document has, sorted and unique.
fn error_codes(folder: &Path) -> Vec<String> {
    let checked = pipeline::load_and_check(folder);
    let mut codes: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.clone())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

fn settings(doc: &Document, i: usize, lowered: &[String]) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "year: {}", doc.year.value);
    let _ = writeln!(y, "amount_unit: {}", doc.amount_unit.value.label());
    let _ = writeln!(
        y,
        "unit:\n  code: {}\n  name: {}",
        q(&format!("{:06}", 100_001 + i)),
        q(&format!("第{}预算单位", i + 1))
    );
    let _ = writeln!(y, "framework: {}", q(&doc.framework.value));
    let mut rules: BTreeMap<&str, &str> = doc
        .rules
        .iter()
        .map(|(code, level)| (code.as_str(), level.name()))
        .collect();
    for code in lowered {
        rules.insert(code, RuleLevel::Warning.name());
    }
    if !rules.is_empty() {
        y.push_str("rules:\n");
        for (code, level) in rules {
            let _ = writeln!(y, "  {}: {level}", q(code));
        }
    }
    y
}

fn allow(y: &mut String, indent: &str, allows: &[Allow]) {
    if allows.is_empty() {
        return;
    }
    let _ = writeln!(y, "{indent}allow:");
    for a in allows {
        let _ = writeln!(y, "{indent}  {}: {}", q(&a.code.value), q(&a.reason.value));
    }
}

/// One project file; `suffix` keeps names and goals unique across the jurisdiction.
fn project_yaml(p: &Project, suffix: &str) -> String {
    let mut y = String::new();
    if let Some(code) = &p.code {
        let _ = writeln!(y, "code: {}", q(&code.value));
    }
    let _ = writeln!(y, "name: {}", q(&format!("{}{suffix}", p.name.value)));
    let _ = writeln!(y, "budget:\n  total: {}", p.budget.total.value);
    if let Some(f) = &p.budget.fiscal {
        let _ = writeln!(y, "  fiscal: {}", f.value);
    }
    if let Some(o) = &p.budget.other {
        let _ = writeln!(y, "  other: {}", o.value);
    }
    let _ = writeln!(y, "purpose: {}", q(&p.purpose.value));
    if let Some(plan) = &p.spending_plan {
        y.push_str("spending_plan:\n");
        for (key, cell) in [
            ("march", &plan.march),
            ("june", &plan.june),
            ("october", &plan.october),
            ("december", &plan.december),
        ] {
            if let Some(v) = cell {
                let _ = writeln!(y, "  {key}: {}", q(&v.value));
            }
        }
    }
    y.push_str("goals:\n");
    for g in &p.goals {
        let _ = writeln!(y, "  - {}", q(&format!("{}{suffix}", g.value)));
    }
    if !p.goal_numbering {
        y.push_str("goal_numbering: false\n");
    }
    y.push_str("indicators:\n");
    for l1 in &p.indicators {
        let _ = writeln!(y, "  - level1: {}\n    groups:", q(&l1.level1.value));
        for l2 in &l1.groups {
            let _ = writeln!(y, "      - level2: {}\n        rows:", q(&l2.level2.value));
            for r in &l2.rows {
                let _ = writeln!(y, "          - level3: {}", q(&r.level3.value));
                if let Some(d) = &r.description {
                    let _ = writeln!(y, "            description: {}", q(&d.value));
                }
                let _ = writeln!(y, "            value: {}", q(&r.value.value));
                if let Some(b) = &r.basis {
                    let _ = writeln!(y, "            basis: {}", q(&b.value));
                }
                allow(&mut y, "            ", &r.allow);
            }
        }
    }
    allow(&mut y, "", &p.allow);
    y
}
