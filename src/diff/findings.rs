//! The changes that matter to a reviewer, as diagnostics with stable codes (D001–D099):
//! a target lowered while the budget grew, a quantitative target turned qualitative, an
//! indicator category dropped, the same targets copied with a new year, and a project
//! matched only by a guess. They point into the new document, whose `rules:` and `allow:`
//! configure them like the checker's rules.

use super::rows::RowStatus;
use super::value::ValueChange;
use super::{DocumentDiff, ProjectDiff, ProjectStatus};
use crate::check::{self, Report, rules};
use crate::diag::Diagnostic;
use crate::model::Document;

/// The findings of one comparison, configured by the new document.
pub fn findings(diff: &DocumentDiff, new: &Document) -> Report {
    let mut found = Vec::new();
    for p in &diff.projects {
        if p.status != ProjectStatus::Matched {
            continue;
        }
        lowered_while_budget_grew(p, &mut found);
        turned_qualitative(p, &mut found);
        dropped_categories(p, &mut found);
        copied_with_new_year(p, diff, &mut found);
        guessed(p, &mut found);
    }
    check::configure_findings(new, found)
}

fn lowered_while_budget_grew(p: &ProjectDiff, out: &mut Vec<Diagnostic>) {
    let Some(budget) = p
        .budget
        .as_ref()
        .filter(|b| b.delta_yuan.is_sign_positive())
    else {
        return;
    };
    for r in p.changed_rows() {
        let (Some(change), Some(old), Some(new)) = (r.value_change(), &r.old, &r.new) else {
            continue;
        };
        if !change.loosens() {
            continue;
        }
        out.push(
            Diagnostic::of(
                &rules::D001,
                format!(
                    "项目“{}”预算增加 {}（{}），指标“{}”却{}：{} → {}",
                    p.name(),
                    budget.delta_size(),
                    budget.percent_shown(),
                    new.level3,
                    change.label(),
                    old.value,
                    new.value
                ),
            )
            .at(new.value_span, format!("原为“{}”", old.value))
            .with_help("预算增加时目标一般不应降低：恢复或提高目标值；确需调整的，在该行的 allow 中写明理由"),
        );
    }
}

fn turned_qualitative(p: &ProjectDiff, out: &mut Vec<Diagnostic>) {
    for r in p.changed_rows() {
        let (Some(ValueChange::QuantitativeToQualitative), Some(old), Some(new)) =
            (r.value_change(), &r.old, &r.new)
        else {
            continue;
        };
        out.push(
            Diagnostic::of(
                &rules::D002,
                format!(
                    "指标“{}”由定量目标“{}”改为定性的“{}”",
                    new.level3, old.value, new.value
                ),
            )
            .at(new.value_span, "定性目标难以评价是否达成")
            .with_help(format!(
                "写成带比较符和单位的数值（原为“{}”）；确实只能定性描述的，在该行的 allow 中写明理由",
                old.value
            )),
        );
    }
}

fn dropped_categories(p: &ProjectDiff, out: &mut Vec<Diagnostic>) {
    let Some(new) = &p.new else { return };
    for category in &p.dropped_categories {
        let rows = p
            .rows
            .iter()
            .filter(|r| {
                r.status == RowStatus::Removed
                    && r.old.as_ref().is_some_and(|o| {
                        category == &o.level1 || category == &format!("{}/{}", o.level1, o.level2)
                    })
            })
            .count();
        out.push(
            Diagnostic::of(
                &rules::D003,
                format!(
                    "项目“{}”不再有“{category}”类指标（上一版有 {rows} 行）",
                    p.name()
                ),
            )
            .at(new.span, "这个项目少了一类指标")
            .with_help("补上这一类指标；确实不再适用的，在项目的 allow 中写明理由"),
        );
    }
}

fn copied_with_new_year(p: &ProjectDiff, diff: &DocumentDiff, out: &mut Vec<Diagnostic>) {
    let Some(new) = &p.new else { return };
    if diff.new.year <= diff.old.year
        || p.rows.is_empty()
        || p.rows.iter().any(|r| r.status != RowStatus::Unchanged)
    {
        return;
    }
    out.push(
        Diagnostic::of(
            &rules::D004,
            format!(
                "项目“{}”的 {} 行指标与 {} 年度完全相同，只改了年份",
                p.name(),
                p.rows.len(),
                diff.old.year
            ),
        )
        .at(new.span, format!("指标照搬自 {} 年度", diff.old.year))
        .with_help(format!(
            "按 {} 年度的预算和任务重新测定指标值；确属延续性项目、目标不变的，在项目的 allow 中写明理由",
            diff.new.year
        )),
    );
}

fn guessed(p: &ProjectDiff, out: &mut Vec<Diagnostic>) {
    let (Some(how), Some(old), Some(new)) = (p.matched_by, &p.old, &p.new) else {
        return;
    };
    if !how.is_guess() {
        return;
    }
    out.push(
        Diagnostic::of(
            &rules::D005,
            format!(
                "项目“{}”推测为上一版的“{}”（{}）",
                new.name,
                old.name,
                how.label()
            ),
        )
        .at(new.span, "按名称与指标的相似度推测")
        .with_help("同一个项目请保持相同的项目编码（code），匹配就是确定的；不是同一个项目时，把它们当作一删一增来读"),
    );
}
