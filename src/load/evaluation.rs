//! A separate 自评 document: a YAML file with `targets:` naming the targets' document
//! (a file or a document folder, relative to the 自评 file) and, per project, what was
//! achieved. Loading it loads the targets and lays the actuals onto them, so the targets
//! are written once.
//!
//! ```yaml
//! targets: ../2025/               # the targets' document
//! date: 2026-03-20
//! projects:
//!   - name: 2025年餐饮消费券资金   # a project of the targets, by name
//!     executed: 398000.00
//!     achieved: 全年发放消费券41.66万元……
//!     rows:
//!       - level3: 消费券发放种类    # a row of that project, by its 三级指标
//!         actual: 1种
//! ```

use std::path::{Path, PathBuf};

use super::convert::{Cx, Fields};
use super::yaml::{self, Node, NodeKind};
use super::{self as load, EntryKind, FileSource, Loaded};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::model::{Document, EvaluationSource, Project, Row, Separate};
use crate::span::{FileId, Sources, Span, Spanned};

/// The key that makes a YAML file a 自评 document.
pub const TARGETS_KEY: &str = "targets";

const KEYS: &[&str] = &["targets", "title", "date", "scoring", "rules", "projects"];
const PROJECT_KEYS: &[&str] = &[
    "name",
    "initial_budget",
    "full_year_budget",
    "executed",
    "execution_weight",
    "achieved",
    "score",
    "rows",
];
const ROW_KEYS: &[&str] = &[
    "level2",
    "level3",
    "actual",
    "weight",
    "grade",
    "score",
    "deviation",
];

/// Whether a YAML text is a 自评 document: a mapping with `targets:` at the top.
pub fn is_evaluation_text(text: &str) -> bool {
    match yaml::parse(0, text) {
        Ok(node) => match &node.kind {
            NodeKind::Map(entries) => entries.iter().any(|(k, _)| k.value == TARGETS_KEY),
            _ => false,
        },
        Err(_) => false,
    }
}

/// The targets' document of the 自评 document at `path`, when it is one whose `targets:`
/// names an existing file or folder that is not itself a 自评 document.
pub fn targets_of(path: &Path) -> Option<PathBuf> {
    if !path.is_file() || !load::is_yaml(path) {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let node = yaml::parse(0, &text).ok()?;
    let NodeKind::Map(entries) = &node.kind else {
        return None;
    };
    let (_, value) = entries.iter().find(|(k, _)| k.value == TARGETS_KEY)?;
    let NodeKind::Scalar { text: written, .. } = &value.kind else {
        return None;
    };
    let targets = path.parent().unwrap_or(Path::new("")).join(written);
    let chained = targets.is_file()
        && std::fs::read_to_string(&targets).is_ok_and(|t| is_evaluation_text(&t));
    (targets.exists() && !chained).then_some(targets)
}

/// Loads the 自评 document already read as `file` from `path`, its targets from `files`
/// (the disk, or the editor's unsaved buffers over it) through `trees` when given.
pub fn load(
    files: &dyn FileSource,
    path: &Path,
    file: FileId,
    sources: &mut Sources,
    trees: Option<&mut yaml::ParseCache>,
) -> Loaded {
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let node = match yaml::parse(file, sources.text(file)) {
        Ok(n) => n,
        Err(d) => return failed(root, vec![d]),
    };
    let (header, mut diags) = read_header(&node, file, sources);
    let Some(header) = header else {
        return failed(root, diags);
    };
    let targets_path = root.join(&header.targets.value);
    if let Some(d) = unusable_targets(files, &targets_path, &header.targets) {
        diags.push(d);
        return failed(root, diags);
    }
    let targets = load::load_from(files, &targets_path, sources, trees);
    diags.extend(targets.diagnostics);
    let Some(mut doc) = targets.document else {
        return failed(root, diags);
    };
    let mut cx = Cx::new(sources);
    if let Some(projects) = header.projects {
        overlay(&mut cx, &mut doc, projects);
    }
    diags.extend(cx.finish());
    // The 自评 results are published on their own date, not the targets'.
    doc.date = header.date.clone();
    if let Some(scoring) = header.scoring {
        doc.scoring = Some(scoring);
    }
    for (code, level) in header.rules {
        doc.rules.insert(code, level);
    }
    doc.rule_spans.extend(header.rule_spans);
    let targets_file = doc
        .evaluation
        .as_ref()
        .map(|e| e.targets_path.clone())
        .unwrap_or_default();
    doc.evaluation = Some(EvaluationSource {
        targets_path: targets_file,
        separate: Some(Separate {
            file,
            path: sources.name(file).to_string(),
            targets: header.targets,
            title: header.title,
            date: header.date,
        }),
    });
    Loaded::new(Some(doc), diags, root)
}

fn failed(root: PathBuf, diagnostics: Vec<Diagnostic>) -> Loaded {
    Loaded::new(None, diagnostics, root)
}

/// Why `targets:` cannot be loaded, if it cannot: missing, or itself a 自评 document.
fn unusable_targets(
    files: &dyn FileSource,
    path: &Path,
    written: &Spanned<String>,
) -> Option<Diagnostic> {
    let shown = load::display_path(path);
    let kind = files.kind(path);
    if kind.is_none() {
        return Some(
            Diagnostic::of(&rules::E016, format!("targets 指向的绩效目标文档不存在：{shown}"))
                .at(written.span, "找不到这个文件或文件夹")
                .with_help("targets 写绩效目标文档（YAML 文件，或含 jixiao.yaml 的文件夹）相对于本文件的路径，如 `targets: ../2025`"),
        );
    }
    let is_self_evaluation = kind == Some(EntryKind::File)
        && files.read(path).is_ok_and(|text| is_evaluation_text(&text));
    is_self_evaluation.then(|| {
        Diagnostic::of(
            &rules::E016,
            format!("targets 指向的 {shown} 本身是自评文档"),
        )
        .at(written.span, "这里应是绩效目标文档")
        .with_help("targets 写绩效目标所在的文档；自评文档不能引用另一个自评文档")
    })
}

/// The 自评 document's own fields, before the targets are loaded.
struct Header<'a> {
    targets: Spanned<String>,
    title: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    scoring: Option<Spanned<String>>,
    rules: std::collections::BTreeMap<String, crate::model::RuleLevel>,
    rule_spans: std::collections::BTreeMap<String, Span>,
    projects: Option<&'a [Node]>,
}

fn read_header<'a>(
    node: &'a Node,
    _file: FileId,
    sources: &Sources,
) -> (Option<Header<'a>>, Vec<Diagnostic>) {
    let mut cx = Cx::new(sources);
    let Some(f) = cx.fields(node, "自评文档", KEYS) else {
        return (None, cx.finish());
    };
    let targets = cx
        .required(&f, "targets", "绩效目标文档")
        .and_then(|n| cx.string(n, "绩效目标文档"));
    let title = cx.opt_string(f.get("title"), "自评文档标题");
    let date = cx.opt_string(f.get("date"), "发布日期");
    let scoring = cx.opt_string(f.get("scoring"), "评分办法");
    let (rules, rule_spans) = cx.rules(f.get("rules"));
    let projects = f.get("projects").map(|n| cx.list(n, "projects"));
    let diags = cx.finish();
    let header = targets.map(|targets| Header {
        targets,
        title,
        date,
        scoring,
        rules,
        rule_spans,
        projects,
    });
    (header, diags)
}

/// Lays every project entry of the 自评 document onto the targets' project of that name.
fn overlay(cx: &mut Cx, doc: &mut Document, entries: &[Node]) {
    let names: Vec<String> = doc.projects.iter().map(|p| p.name.value.clone()).collect();
    let mut seen: Vec<(usize, Span)> = Vec::new();
    for entry in entries {
        let Some(f) = cx.fields(entry, "自评项目", PROJECT_KEYS) else {
            continue;
        };
        let Some(name) = cx
            .required(&f, "name", "项目名称")
            .and_then(|n| cx.string(n, "项目名称"))
        else {
            continue;
        };
        let Some(index) = names.iter().position(|n| *n == name.value) else {
            cx.push(unknown_project(&name, &names));
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(i, _)| *i == index) {
            cx.push(
                Diagnostic::of(
                    &rules::E012,
                    format!("项目“{}”在自评文档中出现了两次", name.value),
                )
                .at(name.span, "重复")
                .with_secondary(*first, "第一次出现在这里")
                .with_help("每个项目只写一次，把两处的内容合并"),
            );
            continue;
        }
        seen.push((index, name.span));
        overlay_project(cx, &mut doc.projects[index], &f);
    }
}

fn unknown_project(name: &Spanned<String>, names: &[String]) -> Diagnostic {
    let d = Diagnostic::of(
        &rules::E012,
        format!("绩效目标文档中没有名为“{}”的项目", name.value),
    )
    .at(name.span, "找不到这个项目");
    let close = names
        .iter()
        .map(|n| (strsim::jaro_winkler(&name.value, n), n))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match close {
        Some((_, n)) => d.with_help(format!("是不是“{n}”？项目名称要与绩效目标文档中的完全一致")),
        None => d.with_help(
            "项目名称要与绩效目标文档中的完全一致；用 `jixiao check` 检查绩效目标文档中的项目名称",
        ),
    }
}

/// Sets a field the targets' file must not also give.
fn set_once<T>(
    cx: &mut Cx,
    slot: &mut Option<Spanned<T>>,
    value: Option<Spanned<T>>,
    (owner, key): (&str, &str),
) {
    let Some(value) = value else { return };
    if let Some(existing) = slot {
        cx.push(
            Diagnostic::of(
                &rules::E014,
                format!("{owner}的 `{key}` 在绩效目标文档和自评文档中都写了"),
            )
            .at(value.span, "自评文档中的值")
            .with_secondary(existing.span, "绩效目标文档中的值")
            .with_help("自评数据只写在一处：删除其中一处"),
        );
        return;
    }
    *slot = Some(value);
}

fn overlay_project(cx: &mut Cx, project: &mut Project, f: &Fields) {
    let owner = format!("项目“{}”", project.name.value);
    let v = cx.opt_amount(f.get("initial_budget"), "年初预算数");
    set_once(
        cx,
        &mut project.initial_budget,
        v,
        (&owner, "initial_budget"),
    );
    let v = cx.opt_amount(f.get("full_year_budget"), "全年预算数");
    set_once(
        cx,
        &mut project.full_year_budget,
        v,
        (&owner, "full_year_budget"),
    );
    let v = cx.opt_amount(f.get("executed"), "全年执行数");
    set_once(cx, &mut project.executed, v, (&owner, "executed"));
    let v = cx.opt_points(f.get("execution_weight"), "预算执行率分值");
    set_once(
        cx,
        &mut project.execution_weight,
        v,
        (&owner, "execution_weight"),
    );
    let v = cx.opt_string(f.get("achieved"), "实际完成情况");
    set_once(cx, &mut project.achieved, v, (&owner, "achieved"));
    let v = cx.opt_points(f.get("score"), "总分");
    set_once(cx, &mut project.score, v, (&owner, "score"));
    let Some(rows) = f.get("rows") else { return };
    let mut seen: Vec<((usize, usize, usize), Span)> = Vec::new();
    for entry in cx.list(rows, "rows") {
        let Some(rf) = cx.fields(entry, "自评指标行", ROW_KEYS) else {
            continue;
        };
        let Some(level3) = cx
            .required(&rf, "level3", "三级指标")
            .and_then(|n| cx.string(n, "三级指标"))
        else {
            continue;
        };
        let level2 = cx.opt_string(rf.get("level2"), "二级指标");
        let Some(at) = find_row(cx, project, &level3, level2.as_ref()) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(p, _)| *p == at) {
            cx.push(
                Diagnostic::of(
                    &rules::E013,
                    format!("指标“{}”在自评文档中出现了两次", level3.value),
                )
                .at(level3.span, "重复")
                .with_secondary(*first, "第一次出现在这里")
                .with_help("每个指标行只写一次"),
            );
            continue;
        }
        seen.push((at, level3.span));
        let owner = format!("指标“{}”", level3.value);
        let row: &mut Row = &mut project.indicators[at.0].groups[at.1].rows[at.2];
        let v = cx.opt_string(rf.get("actual"), "实际完成值");
        set_once(cx, &mut row.actual, v, (&owner, "actual"));
        let v = cx.opt_points(rf.get("weight"), "分值");
        set_once(cx, &mut row.weight, v, (&owner, "weight"));
        let v = cx.opt_string(rf.get("grade"), "完成等级");
        set_once(cx, &mut row.grade, v, (&owner, "grade"));
        let v = cx.opt_points(rf.get("score"), "得分");
        set_once(cx, &mut row.score, v, (&owner, "score"));
        let v = cx.opt_string(rf.get("deviation"), "偏差原因分析及改进措施");
        set_once(cx, &mut row.deviation, v, (&owner, "deviation"));
    }
}

/// The (一级, 二级, row) indices of the one row with this 三级 name (and 二级, if given).
fn find_row(
    cx: &mut Cx,
    project: &Project,
    level3: &Spanned<String>,
    level2: Option<&Spanned<String>>,
) -> Option<(usize, usize, usize)> {
    let mut found = Vec::new();
    for (i, l1) in project.indicators.iter().enumerate() {
        for (j, l2) in l1.groups.iter().enumerate() {
            if level2.is_some_and(|want| want.value != l2.level2.value) {
                continue;
            }
            for (k, r) in l2.rows.iter().enumerate() {
                if r.level3.value == level3.value {
                    found.push((i, j, k));
                }
            }
        }
    }
    match found.as_slice() {
        [one] => Some(*one),
        [] => {
            let names: Vec<&str> = project
                .rows()
                .map(|(_, _, r)| r.level3.value.as_str())
                .collect();
            cx.push(
                Diagnostic::of(
                    &rules::E013,
                    format!(
                        "项目“{}”中没有三级指标“{}”",
                        project.name.value, level3.value
                    ),
                )
                .at(level3.span, "找不到这一行")
                .with_help(format!(
                    "三级指标名称要与绩效目标文档中的完全一致；这个项目的三级指标有：{}",
                    names.join("、")
                )),
            );
            None
        }
        _ => {
            cx.push(
                Diagnostic::of(
                    &rules::E013,
                    format!(
                        "项目“{}”中有 {} 行三级指标都叫“{}”",
                        project.name.value,
                        found.len(),
                        level3.value
                    ),
                )
                .at(level3.span, "不知道是哪一行")
                .with_help("加一行 `level2: …` 写明它所在的二级指标"),
            );
            None
        }
    }
}
