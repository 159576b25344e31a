//! The checks of a self-evaluation (codes E): what a 自评表 lacks or gets wrong. They run
//! only on a document that holds a self-evaluation, so a January targets' document is
//! never asked for actuals.

use rust_decimal::Decimal;

use super::score::{Outcome, ProjectScore, round2};
use super::score::{format_points, format_rate};
use super::{evaluate_with, is_evaluation, method::Method, resolve_method};
use crate::check::{Context, rules};
use crate::diag::Diagnostic;
use crate::model::{Project, Row};
use crate::value::{self, Value};

/// Runs the self-evaluation checks over the document of `cx`.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    if !is_evaluation(doc) {
        return;
    }
    let method = match resolve_method(doc) {
        Ok(m) => m,
        Err(e) => {
            let name = super::method_name(doc);
            let span = doc
                .scoring
                .as_ref()
                .map_or_else(|| crate::span::Span::file_start(doc.file), |s| s.span);
            cx.push(
                Diagnostic::of(&rules::E011, e.message(name))
                    .at(span, "评分办法")
                    .with_help(format!(
                        "内置的评分办法：{}；自定义的办法放在文档旁的 scoring/{name}.yaml（格式见 `jixiao explain E011`）",
                        super::method::BUILTIN
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join("、")
                    )),
            );
            return;
        }
    };
    let evaluation = evaluate_with(doc, cx.framework.as_ref(), method);
    let method = &evaluation.method;
    let mut found = Vec::new();
    for (project, score) in doc.projects.iter().zip(&evaluation.projects) {
        check_project(project, score, method, &mut found);
    }
    for d in found {
        cx.push(d);
    }
}

fn check_project(
    p: &Project,
    s: &ProjectScore,
    method: &Method,
    out: &mut Vec<crate::diag::Diagnostic>,
) {
    let name = &p.name.value;
    match (&p.executed, s.executed) {
        (None, _) => out.push(
            Diagnostic::of(&rules::E010, format!("项目“{name}”没有全年执行数"))
                .at(p.name.span, "缺少 executed")
                .with_help("在项目中写 `executed: …`（全年实际支出，以文档金额单位计）；预算执行率按 全年执行数 ÷ 全年预算数 计分"),
        ),
        (Some(written), Some(executed)) if executed > s.full_year => out.push(
            Diagnostic::of(
                &rules::E006,
                format!(
                    "全年执行数 {} 超过全年预算数 {}",
                    executed,
                    s.full_year
                ),
            )
            .at(written.span, "执行数超过预算")
            .with_help("核对执行数；预算年中调整过时，写 `full_year_budget: …`（全年预算数）"),
        ),
        _ => {}
    }
    if p.achieved.is_none() {
        out.push(
            Diagnostic::of(
                &rules::E017,
                format!("项目“{name}”没有写年度总体目标的实际完成情况"),
            )
            .at(p.name.span, "缺少 achieved")
            .with_help("写 `achieved: …`，对照绩效目标逐条说明实际完成情况"),
        );
    }
    for (g, weight, given) in &s.overfull_groups {
        let group = &method.weights[*g];
        let what = group.level1.first().map_or("这一组指标", String::as_str);
        out.push(
            Diagnostic::of(
                &rules::E005,
                format!(
                    "{what}各行写的分值合计 {}，超过评分办法给它的 {} 分",
                    format_points(*given),
                    format_points(*weight)
                ),
            )
            .at(p.name.span, "分值超出")
            .with_help("减少各行的 weight，或去掉 weight 让评分办法平均分配"),
        );
    }
    // A row outside every group is reported as E015; the sum is off for that reason.
    let outside = s.rows.iter().any(|r| r.group.is_none());
    if s.overfull_groups.is_empty() && !outside && s.total_weight != Decimal::ONE_HUNDRED {
        out.push(
            Diagnostic::of(
                &rules::E005,
                format!(
                    "项目“{name}”的分值合计 {}，不是 100",
                    format_points(s.total_weight)
                ),
            )
            .at(p.name.span, "分值合计不是 100")
            .with_help(format!(
                "预算执行率 {} 分加各行分值应为 100；缺少某类指标时该类的分值会落空，可在行上写 weight 重新分配",
                format_points(s.execution_weight)
            )),
        );
    }
    if let Some(written) = &p.score
        && round2(written.value) != s.total
    {
        out.push(
            Diagnostic::of(
                &rules::E007,
                format!(
                    "手填的总分 {} 与按评分办法算出的 {} 不符",
                    format_points(written.value),
                    format_points(s.total)
                ),
            )
            .at(written.span, "与计算结果不符")
            .with_help(format!(
                "改为 `score: {}`，或删除 score 让 jixiao 计算",
                format_points(s.total)
            )),
        );
    }
    for ((_, _, row), rs) in p.rows().zip(&s.rows) {
        check_row(row, rs, method, out);
    }
}

fn check_row(
    row: &Row,
    rs: &super::score::RowScore,
    method: &Method,
    out: &mut Vec<crate::diag::Diagnostic>,
) {
    let level3 = &row.level3.value;
    if rs.group.is_none() {
        out.push(
            Diagnostic::of(&rules::E015, format!("指标“{level3}”不属于评分办法中的任何一级指标"))
                .at(row.level3.span, "无法确定分值")
                .with_help("评分办法按二级指标的类别或一级指标名称分配分值；改用指标体系中的名称，或在行上写 weight"),
        );
    }
    let deviation = row
        .deviation
        .as_ref()
        .is_some_and(|d| !d.value.trim().is_empty());
    match &rs.outcome {
        Outcome::NoActual => out.push(
            Diagnostic::of(&rules::E001, format!("指标“{level3}”没有实际完成值"))
                .at(row.level3.span, "缺少 actual")
                .with_help(format!(
                    "写 `actual: …`，与指标值“{}”同样书写（同一单位）",
                    row.value.value
                )),
        ),
        Outcome::Incomparable(reason) => {
            let span = row.actual.as_ref().map_or(row.level3.span, |a| a.span);
            out.push(
                Diagnostic::of(&rules::E002, format!("指标“{level3}”的实际完成值无法与指标值比较：{reason}"))
                    .at(span, "无法比较")
                    .with_help(format!(
                        "按指标值“{}”的写法与单位写实际完成值；确实无法量化时写 `grade: 达成`（部分达成、未达成）按定性指标评分",
                        row.value.value
                    )),
            );
        }
        Outcome::NoGrade => out.push(
            Diagnostic::of(&rules::E008, format!("定性指标“{level3}”没有完成等级"))
                .at(row.level3.span, "缺少 grade")
                .with_help(format!(
                    "写 `grade: …`，可选：{}",
                    method.grade_names().join("、")
                )),
        ),
        Outcome::UnknownGrade(g) => {
            let span = row.grade.as_ref().map_or(row.level3.span, |g| g.span);
            out.push(
                Diagnostic::of(&rules::E009, format!("完成等级“{g}”不在评分办法中"))
                    .at(span, "未知的等级")
                    .with_help(format!("可选：{}", method.grade_names().join("、"))),
            );
        }
        Outcome::Short { reached } if !deviation => out.push(
            Diagnostic::of(
                &rules::E003,
                format!(
                    "指标“{level3}”未完成（完成 {}），没有写偏差原因",
                    format_rate(*reached)
                ),
            )
            .at(
                row.actual.as_ref().map_or(row.level3.span, |a| a.span),
                "未达到指标值",
            )
            .with_help("写 `deviation: …`，分析未完成的原因并提出改进措施"),
        ),
        Outcome::Graded { grade, .. }
            if !deviation
                && method
                    .grades
                    .first()
                    .is_some_and(|best| &best.name != grade) =>
        {
            out.push(
                Diagnostic::of(
                    &rules::E003,
                    format!("指标“{level3}”{grade}，没有写偏差原因"),
                )
                .at(
                    row.grade.as_ref().map_or(row.level3.span, |g| g.span),
                    "未完全达成",
                )
                .with_help("写 `deviation: …`，分析未完成的原因并提出改进措施"),
            );
        }
        Outcome::Met {
            beaten_by: Some(by),
        } if !deviation
            && *by * Decimal::ONE_HUNDRED > method.overshoot.0
            && overshoot_matters(row, rs) =>
        {
            out.push(
                Diagnostic::of(
                    &rules::E004,
                    format!(
                        "指标“{level3}”超额完成 {}，没有写偏差原因",
                        format_rate(*by)
                    ),
                )
                .at(
                    row.actual.as_ref().map_or(row.level3.span, |a| a.span),
                    "大幅超过指标值",
                )
                .with_help(format!(
                    "超过指标值 {}% 以上时，说明原因（指标值是否定得偏低）：写 `deviation: …`",
                    format_points(method.overshoot.0)
                )),
            );
        }
        _ => {}
    }
    check_written_score(row, rs, method, out);
}

/// An overshoot needs a reason where beating the target means it was set too low:
/// rates and counts reached from below, and costs under their cap; not durations and
/// deadlines, where sooner is simply better.
fn overshoot_matters(row: &Row, rs: &super::score::RowScore) -> bool {
    let target = value::parse(&row.value.value);
    match target.kind {
        Value::Duration { .. } | Value::Date { .. } => false,
        _ => {
            let lower = target
                .kind
                .comparator()
                .map(|c| c.relation())
                .is_some_and(|r| {
                    matches!(
                        r,
                        crate::value::Relation::AtMost | crate::value::Relation::LessThan
                    )
                });
            !lower || rs.category == Some(crate::check::framework::Category::Cost)
        }
    }
}

fn check_written_score(
    row: &Row,
    rs: &super::score::RowScore,
    method: &Method,
    out: &mut Vec<crate::diag::Diagnostic>,
) {
    let Some(written) = &row.score else { return };
    let level3 = &row.level3.value;
    match &rs.outcome {
        Outcome::Graded { grade, .. } => {
            let Some(g) = method.grade(grade) else { return };
            let low = round2(rs.weight * g.min.0 / Decimal::ONE_HUNDRED);
            let high = round2(rs.weight * g.max.0 / Decimal::ONE_HUNDRED);
            if written.value < low || written.value > high {
                out.push(
                    Diagnostic::of(
                        &rules::E007,
                        format!(
                            "指标“{level3}”{grade}，得分应在 {}–{} 之间，手填的是 {}",
                            format_points(low),
                            format_points(high),
                            format_points(written.value)
                        ),
                    )
                    .at(written.span, "不在等级的分值区间内")
                    .with_help(format!(
                        "{grade}得分值的 {}%–{}%（分值 {}）；改写得分或完成等级",
                        format_points(g.min.0),
                        format_points(g.max.0),
                        format_points(rs.weight)
                    )),
                );
            }
        }
        Outcome::Met { .. } | Outcome::Short { .. }
            if round2(written.value) != round2(rs.score) =>
        {
            out.push(
                Diagnostic::of(
                    &rules::E007,
                    format!(
                        "指标“{level3}”手填的得分 {} 与按评分办法算出的 {} 不符",
                        format_points(written.value),
                        format_points(rs.score)
                    ),
                )
                .at(written.span, "与计算结果不符")
                .with_help(format!(
                    "定量指标的得分由实际完成值算出：改为 `score: {}`，或删除 score",
                    format_points(rs.score)
                )),
            );
        }
        _ => {}
    }
}
