//! Structure: indicator names against the document's framework, required categories,
//! empty cells and duplicated rows.

use std::collections::{BTreeSet, HashMap};

use crate::check::Context;
use crate::check::fix::replace_scalar;
use crate::check::framework::{Category, FrameworkError, Match};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::model::{Document, Project};
use crate::span::Spanned;

/// The S201 finding for a framework that could not be resolved.
pub fn framework_error(doc: &Document, e: FrameworkError) -> Diagnostic {
    let name = &doc.framework;
    match e {
        FrameworkError::NotFound { looked_at } => {
            let mut d = Diagnostic::of(&rules::S201, format!("指标体系 `{}` 不存在", name.value))
                .at(name.span, "没有这个指标体系")
                .with_help(
                    "内置的指标体系：legacy（成本指标在产出指标下）、2021（成本指标为一级指标）",
                );
            if let Some(p) = looked_at {
                d = d.with_note(format!(
                    "自定义指标体系应放在 {}",
                    crate::load::display_path(&p)
                ));
            }
            d
        }
        FrameworkError::Invalid { path, reason } => Diagnostic::of(
            &rules::S201,
            format!("指标体系文件 {path} 格式不对：{reason}"),
        )
        .at(name.span, "无法读取这个指标体系")
        .with_help("格式见《校验》一章的“自定义指标体系”"),
    }
}

/// Runs the structure checks over every project.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    for project in &doc.projects {
        names(cx, project);
        required_categories(cx, project);
        empty_cells(cx, project);
        duplicate_rows(cx, project);
    }
}

fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_levenshtein(name, c), c))
        .filter(|(score, _)| *score >= 0.4)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn names(cx: &mut Context, project: &Project) {
    let Some(fw) = cx.framework.as_ref() else {
        return;
    };
    let mut found = Vec::new();
    for l1 in &project.indicators {
        let name = l1.level1.value.trim();
        if name.is_empty() {
            continue;
        }
        let resolved = fw.resolve_level1(name);
        if let Some((def, Match::Alias)) = resolved {
            found.push(alias(cx, &l1.level1, "一级指标", &def.name, &fw.name));
        }
        let level1 = resolved.map(|(def, _)| def);
        if level1.is_none() {
            let mut d = Diagnostic::of(
                &rules::S202,
                format!("一级指标“{name}”不属于指标体系 {}", fw.name),
            )
            .at(l1.level1.span, "不是这个体系的一级指标");
            if let Some((parent, _)) = fw.level2_anywhere(name).next() {
                d = d.with_help(format!(
                    "在 {} 体系中“{name}”是“{}”下的二级指标",
                    fw.name, parent.name
                ));
            } else if let Some(s) = closest(name, fw.level1.iter().map(|l| l.name.as_str())) {
                d = d.with_help(format!("是不是想写“{s}”？"));
            }
            found.push(d.with_note(format!(
                "{}的一级指标：{}",
                fw.title,
                fw.level1
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )));
        }
        for group in &l1.groups {
            let l2 = group.level2.value.trim();
            if l2.is_empty() {
                continue;
            }
            if let Some((def, m)) = level1.and_then(|l| fw.resolve_level2(l, l2)) {
                if m == Match::Alias {
                    found.push(alias(cx, &group.level2, "二级指标", &def.name, &fw.name));
                }
                continue;
            }
            if let Some((parent, _)) = fw.level2_anywhere(l2).next() {
                if level1.is_some() {
                    found.push(
                        Diagnostic::of(&rules::S204, format!("二级指标“{l2}”不应放在“{name}”下"))
                            .at(group.level2.span, format!("应在“{}”下", parent.name))
                            .with_help(format!("把这一组移到一级指标“{}”下", parent.name)),
                    );
                }
                continue;
            }
            let mut d = Diagnostic::of(
                &rules::S203,
                format!("二级指标“{l2}”不属于指标体系 {}", fw.name),
            )
            .at(group.level2.span, "不是这个体系的二级指标");
            let under: Vec<&str> = match level1 {
                Some(l) => l.level2.iter().map(|x| x.name.as_str()).collect(),
                None => fw.level2_names(),
            };
            if let Some(s) = closest(l2, under.iter().copied()) {
                d = d.with_help(format!("是不是想写“{s}”？"));
            }
            if let Some(l) = level1 {
                d = d.with_note(format!("“{}”下的二级指标：{}", l.name, under.join("、")));
            }
            found.push(d);
        }
    }
    for d in found {
        cx.push(d);
    }
}

/// S208: a name the framework knows under another spelling, fixed to its own name.
fn alias(
    cx: &Context,
    written: &Spanned<String>,
    what: &str,
    canonical: &str,
    framework: &str,
) -> Diagnostic {
    Diagnostic::of(
        &rules::S208,
        format!(
            "{what}“{}”是“{canonical}”的另一种写法",
            written.value.trim()
        ),
    )
    .at(
        written.span,
        format!("指标体系 {framework} 的名称是“{canonical}”"),
    )
    .with_help(format!("写作“{canonical}”"))
    .with_fix(replace_scalar(
        cx.sources,
        written,
        canonical,
        format!("改写为“{canonical}”"),
    ))
}

fn required_categories(cx: &mut Context, project: &Project) {
    let Some(required) = cx.framework.as_ref().map(|f| f.required.clone()) else {
        return;
    };
    let present: BTreeSet<Category> = project
        .indicators
        .iter()
        .flat_map(|l1| {
            l1.groups
                .iter()
                .filter(|g| !g.rows.is_empty())
                .map(move |g| (l1, g))
        })
        .filter_map(|(l1, g)| cx.category(&l1.level1.value, &g.level2.value))
        .collect();
    let missing: Vec<&str> = required
        .iter()
        .filter(|c| !present.contains(c))
        .map(|c| c.label())
        .collect();
    if missing.is_empty() {
        return;
    }
    cx.push(
        Diagnostic::of(
            &rules::S205,
            format!("项目“{}”缺少{}指标", project.name.value, missing.join("、")),
        )
        .at(project.name.span, format!("缺少{}指标", missing.join("、")))
        .with_help("每个项目应有数量、质量、时效、成本、效益、满意度指标各至少一行")
        .with_note("确实无法设置时，在项目上写 `allow: {S205: \"理由\"}`"),
    );
}

fn empty(cx: &mut Context, field: &Spanned<String>, what: &str) {
    if field.value.trim().is_empty() {
        cx.push(
            Diagnostic::of(&rules::S206, format!("{what}为空"))
                .at(field.span, "这里需要内容")
                .with_help(format!("填写{what}，或删除这一项")),
        );
    }
}

/// S206 for a heading with nothing under it (a project without goals, a level without rows).
fn nothing_under(
    cx: &mut Context,
    heading: &Spanned<String>,
    message: String,
    label: &str,
    help: &str,
) {
    cx.push(
        Diagnostic::of(&rules::S206, message)
            .at(heading.span, label)
            .with_help(help),
    );
}

fn empty_cells(cx: &mut Context, project: &Project) {
    empty(cx, &project.name, "项目名称");
    if !project.unread.purpose {
        empty(cx, &project.purpose, "资金用途");
    }
    if project.goals.is_empty() {
        nothing_under(
            cx,
            &project.name,
            format!("项目“{}”没有绩效目标", project.name.value),
            "这个项目没有绩效目标",
            "在 goals 下至少写一条绩效目标",
        );
    }
    for g in &project.goals {
        empty(cx, g, "绩效目标");
    }
    if project.indicators.is_empty() {
        nothing_under(
            cx,
            &project.name,
            format!("项目“{}”没有绩效指标", project.name.value),
            "这个项目没有绩效指标",
            "在 indicators 下写一级、二级、三级指标",
        );
    }
    for l1 in &project.indicators {
        empty(cx, &l1.level1, "一级指标");
        if l1.groups.is_empty() {
            nothing_under(
                cx,
                &l1.level1,
                format!("一级指标“{}”下没有二级指标", l1.level1.value),
                "没有二级指标",
                "在 groups 下添加二级指标，或删除这个一级指标",
            );
        }
        for g in &l1.groups {
            empty(cx, &g.level2, "二级指标");
            if g.rows.is_empty() {
                nothing_under(
                    cx,
                    &g.level2,
                    format!("二级指标“{}”下没有指标行", g.level2.value),
                    "没有指标行",
                    "在 rows 下添加三级指标，或删除这个二级指标",
                );
            }
            for r in &g.rows {
                empty(cx, &r.level3, "三级指标");
                empty(cx, &r.value, "指标值");
                if let Some(d) = &r.description {
                    empty(cx, d, "绩效指标描述");
                }
            }
        }
    }
}

fn duplicate_rows(cx: &mut Context, project: &Project) {
    let mut seen = HashMap::new();
    let mut found = Vec::new();
    for (_, _, row) in project.rows() {
        let key = (
            row.level3.value.trim(),
            row.description_text().trim(),
            row.value.value.trim(),
        );
        if key.0.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) => found.push(
                Diagnostic::of(&rules::S207, format!("指标行“{}”（{}）重复", key.0, key.2))
                    .at(row.level3.span, "与前面的一行完全相同")
                    .with_secondary(*first, "第一次出现在这里")
                    .with_help("删除重复的行，或改成本该写的指标"),
            ),
            None => {
                seen.insert(key, row.level3.span);
            }
        }
    }
    for d in found {
        cx.push(d);
    }
}
