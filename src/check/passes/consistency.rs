//! Consistency: budget arithmetic, cost caps against the budget, calendar dates and
//! years, spending plans, and whether each value fits its category.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::targets::is_standard;
use super::values::{Cmp, DateFact, Meaning, RowValue};
use crate::check::Context;
use crate::check::fix::inner_span;
use crate::check::framework::Category;
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::model::{Project, Row};
use crate::span::Spanned;
use crate::value::year::{YearMark, years_in};

/// Runs the consistency checks.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    if let Some(title) = &doc.title {
        title_year(cx, title, "文档标题", &[]);
    }
    for (index, project) in doc.projects.iter().enumerate() {
        let values = cx.values.get(index).cloned().unwrap_or_default();
        budget_sum(cx, project);
        spending_plan(cx, project);
        let rows: Vec<(Option<Category>, &Row, &RowValue)> = project
            .rows()
            .zip(values.iter())
            .map(|((l1, l2, r), v)| (cx.category(&l1.level1.value, &l2.level2.value), r, v))
            .collect();
        costs(cx, project, &rows);
        let qualitative: Vec<bool> = project
            .rows()
            .map(|(l1, l2, _)| {
                cx.framework
                    .as_ref()
                    .and_then(|fw| fw.level2_def(&l1.level1.value, &l2.level2.value))
                    .is_some_and(|d| d.qualitative)
            })
            .collect();
        let mut deadline_years = Vec::new();
        for ((category, row, value), qualitative) in rows.iter().zip(qualitative) {
            dates(cx, row, value, &mut deadline_years);
            if !value.malformed
                && let Some(c) = category
                && !(qualitative && value.meaning == Meaning::Text)
            {
                kind(cx, *c, row, value);
            }
        }
        title_year(cx, &project.name, "项目名称", &deadline_years);
    }
}

/// The budget written for a value in `unit_label`: in that unit when it is exact to the
/// 分 there, otherwise in 元 (`41.654339万元` helps nobody; `416543.39元` does).
fn budget_in(yuan: Decimal, unit_label: &str) -> String {
    let factor = crate::model::AmountUnit::from_label(unit_label)
        .map(|u| u.yuan_factor())
        .unwrap_or(Decimal::ONE);
    if (yuan / factor).normalize().scale() <= 2 {
        money(yuan, unit_label)
    } else {
        money(yuan, "元")
    }
}

fn money(yuan: Decimal, unit_label: &str) -> String {
    let factor = crate::model::AmountUnit::from_label(unit_label)
        .map(|u| u.yuan_factor())
        .unwrap_or(Decimal::ONE);
    format!("{}{unit_label}", (yuan / factor).normalize())
}

fn budget_sum(cx: &mut Context, project: &Project) {
    let Some(b) = project.known_budget() else {
        return;
    };
    if b.fiscal.is_none() && b.other.is_none() {
        return;
    }
    let fiscal = b.fiscal.as_ref().map_or(Decimal::ZERO, |f| f.value);
    let other = b.other.as_ref().map_or(Decimal::ZERO, |o| o.value);
    let sum = fiscal + other;
    if sum == b.total.value {
        return;
    }
    let unit = cx.doc.amount_unit.value.label();
    let mut d = Diagnostic::of(
        &rules::C301,
        format!(
            "财政资金与其他资金之和 {sum:.2}{unit} 不等于预算数 {:.2}{unit}",
            b.total.value
        ),
    )
    .at(b.total.span, format!("预算数 {:.2}", b.total.value));
    if let Some(f) = &b.fiscal {
        d = d.with_secondary(f.span, "财政资金");
    }
    if let Some(o) = &b.other {
        d = d.with_secondary(o.span, "其他资金");
    }
    let diff = (b.total.value - sum).abs();
    cx.push(d.with_help(format!(
        "相差 {diff:.2}{unit}；核对三个金额，使 财政资金 + 其他资金 = 预算数"
    )));
}

fn percent(cell: &str) -> Option<Decimal> {
    let t = cell.trim();
    let n = t
        .strip_suffix('%')
        .or_else(|| t.strip_suffix('％'))
        .unwrap_or(t);
    Decimal::from_str(n.trim())
        .ok()
        .filter(|p| *p >= Decimal::ZERO && *p <= Decimal::ONE_HUNDRED)
}

fn spending_plan(cx: &mut Context, project: &Project) {
    let Some(plan) = &project.spending_plan else {
        return;
    };
    let mut previous: Option<(&str, Decimal, &Spanned<String>)> = None;
    let mut invalid = false;
    for (label, cell) in plan.cells() {
        let Some(cell) = cell.filter(|c| !c.value.trim().is_empty()) else {
            continue;
        };
        let Some(p) = percent(&cell.value) else {
            invalid = true;
            cx.push(
                Diagnostic::of(
                    &rules::C311,
                    format!("资金支出计划 {label} 的“{}”不是有效的百分比", cell.value),
                )
                .at(cell.span, "应为 0% 到 100% 的累计比例")
                .with_help("写作 `25%` 这样的百分比，或留空"),
            );
            continue;
        };
        if let Some((plabel, pp, pcell)) = previous
            && p < pp
        {
            cx.push(
                Diagnostic::of(
                    &rules::C309,
                    format!("资金支出计划 {label} 的累计比例 {p}% 小于 {plabel} 的 {pp}%"),
                )
                .at(cell.span, "累计比例下降")
                .with_secondary(pcell.span, plabel.to_string())
                .with_help("资金支出计划是累计比例，逐月不减；检查是否填成了当期比例"),
            );
        }
        previous = Some((label, p, cell));
    }
    if invalid {
        return;
    }
    // A plan that reached 100% earlier may leave 12月底 blank; one that did not must
    // reach it at 12月底.
    match previous {
        Some((label, p, cell)) if p != Decimal::ONE_HUNDRED => {
            let message = if label == "12月底" {
                format!("资金支出计划 12月底的累计比例为 {p}%，不是 100%")
            } else {
                format!("资金支出计划到 {label} 累计 {p}%，12月底没有达到 100%")
            };
            cx.push(
                Diagnostic::of(&rules::C310, message)
                    .at(cell.span, "年底应累计支出 100%")
                    .with_help("把 12月底写作 100%"),
            )
        }
        _ => {}
    }
}

/// Cost caps of a project, compared with its budget after unit conversion.
fn costs(cx: &mut Context, project: &Project, rows: &[(Option<Category>, &Row, &RowValue)]) {
    if project.known_budget().is_none() {
        return;
    }
    let factor = cx.doc.amount_unit.value.yuan_factor();
    let budget = project.budget.total.value * factor;
    let doc_unit = cx.doc.amount_unit.value.label();
    let caps: Vec<(&Row, Cmp, Decimal)> = rows
        .iter()
        .filter(|(c, r, _)| *c == Some(Category::Cost) && !is_standard(&r.level3.value))
        .filter_map(|(_, r, v)| match &v.meaning {
            Meaning::Money { cmp, yuan } => Some((*r, *cmp, *yuan)),
            _ => None,
        })
        .collect();
    let value_unit = |r: &Row| {
        if r.value.value.contains("万") {
            "万元"
        } else {
            "元"
        }
    };
    let mut reported = false;
    for (row, cmp, yuan) in &caps {
        let unit = value_unit(row);
        if matches!(cmp, Cmp::Below) && *yuan == budget {
            reported = true;
            cx.push(
                Diagnostic::of(
                    &rules::C304,
                    format!(
                        "成本目标“{}”要求少于预算数本身，永远无法达到",
                        row.value.value
                    ),
                )
                .at(row.value.span, "少于预算数")
                .with_secondary(project.budget.total.span, "预算数")
                .with_help(format!("写作“≤{}”", budget_in(budget, unit))),
            );
        } else if matches!(cmp, Cmp::AtMost | Cmp::Below | Cmp::Exactly) && *yuan > budget {
            reported = true;
            cx.push(
                Diagnostic::of(
                    &rules::C302,
                    format!(
                        "成本上限 {} 超过项目预算 {}，多出 {}",
                        money(*yuan, unit),
                        money(budget, doc_unit),
                        money(*yuan - budget, "元")
                    ),
                )
                .at(row.value.span, "超过预算")
                .with_secondary(project.budget.total.span, "预算数")
                .with_help(format!("写作“≤{}”（预算数）", budget_in(budget, unit))),
            );
        }
    }
    if reported {
        return;
    }
    let capped: Vec<&(&Row, Cmp, Decimal)> = caps
        .iter()
        .filter(|(_, c, _)| matches!(c, Cmp::AtMost | Cmp::Exactly))
        .collect();
    let total: Decimal = capped.iter().map(|(_, _, y)| *y).sum();
    if capped.len() > 1 && total > budget {
        let (row, _, _) = capped[capped.len() - 1];
        cx.push(
            Diagnostic::of(
                &rules::C302,
                format!(
                    "{} 行成本金额合计 {} 超过项目预算 {}",
                    capped.len(),
                    money(total, "元"),
                    money(budget, doc_unit)
                ),
            )
            .at(row.value.span, "合计超过预算")
            .with_secondary(project.budget.total.span, "预算数")
            .with_help("核对各项成本，使合计不超过预算数"),
        );
    } else if caps.len() == 1
        && let [(row, Cmp::AtMost | Cmp::Exactly, yuan)] = caps.as_slice()
        && *yuan != budget
    {
        let unit = value_unit(row);
        cx.push(
            Diagnostic::of(
                &rules::C303,
                format!(
                    "唯一的成本金额 {} 与项目预算 {} 不一致",
                    money(*yuan, unit),
                    money(budget, doc_unit)
                ),
            )
            .at(
                row.value.span,
                format!("相差 {}", money(budget - *yuan, "元")),
            )
            .with_secondary(project.budget.total.span, "预算数")
            .with_help(format!(
                "写作“{}{}”；只有部分预算计入这项成本时用 allow 写明理由",
                if row.value.value.starts_with('≤') {
                    "≤"
                } else {
                    ""
                },
                budget_in(budget, unit)
            )),
        );
    }
}

fn dates(cx: &mut Context, row: &Row, value: &RowValue, years: &mut Vec<i32>) {
    if let Some((why, range)) = &value.impossible_date {
        let span = match range {
            Some(r) => inner_span(cx.sources, &row.value, r.clone()),
            None => row.value.span,
        };
        cx.push(
            Diagnostic::of(&rules::C305, format!("日期“{}”不存在", row.value.value))
                .at(span, why.clone())
                .with_help("改为该月的最后一天或真正的日期"),
        );
        return;
    }
    if let Meaning::Period { from, to } = &value.meaning {
        period(cx, row, from, to);
        return;
    }
    let Meaning::Date(DateFact {
        year: Some(year),
        year_range,
    }) = &value.meaning
    else {
        return;
    };
    let year = *year;
    years.push(year);
    let budget_year = cx.doc.year.value;
    let (rule, word) = if year < budget_year {
        (&rules::C306, "早于")
    } else if year > budget_year {
        (&rules::C307, "晚于")
    } else {
        return;
    };
    let span = match year_range {
        Some(r) => inner_span(cx.sources, &row.value, r.clone()),
        None => row.value.span,
    };
    cx.push(
        Diagnostic::of(
            rule,
            format!("时限 {year} 年{word}预算年度 {budget_year} 年"),
        )
        .at(span, format!("{year} 年"))
        .with_secondary(cx.doc.year.span, "预算年度")
        .with_help(format!(
            "改为 {budget_year} 年内的日期，如“{}”",
            row.value
                .value
                .replacen(&year.to_string(), &budget_year.to_string(), 1)
        )),
    );
}

/// C326: a period (`2023年7月-2024年1月`) that ends after the budget year. A period that
/// starts before it is a multi-year project's and stays quiet.
fn period(cx: &mut Context, row: &Row, from: &DateFact, to: &DateFact) {
    let budget_year = cx.doc.year.value;
    let Some(end) = to.year.filter(|y| *y > budget_year) else {
        return;
    };
    let span = match &to.year_range {
        Some(r) => inner_span(cx.sources, &row.value, r.clone()),
        None => row.value.span,
    };
    let mut d = Diagnostic::of(
        &rules::C326,
        format!(
            "期间“{}”延续到 {end} 年，超出预算年度 {budget_year} 年",
            row.value.value.trim()
        ),
    )
    .at(span, format!("{end} 年"))
    .with_secondary(cx.doc.year.span, "预算年度")
    .with_help(format!(
        "本年度的目标写到 {budget_year} 年底为止（如“{budget_year}年12月底前”）；跨年的部分列入下一年度的目标"
    ));
    if from.year.is_some_and(|y| y < budget_year) {
        d = d.with_note("期间也早于预算年度开始：核对是否沿用了别的年度的表格");
    }
    cx.push(d);
}

/// The first `YYYY年` in a text, with its byte range.
fn year_in(text: &str) -> Option<(i32, std::ops::Range<usize>)> {
    years_in(text, YearMark::Nian).into_iter().next()
}

fn title_year(cx: &mut Context, title: &Spanned<String>, what: &str, deadlines: &[i32]) {
    let Some((year, range)) = year_in(&title.value) else {
        return;
    };
    let budget_year = cx.doc.year.value;
    if year == budget_year {
        return;
    }
    let mut d = Diagnostic::of(
        &rules::C308,
        format!("{what}中的年份 {year} 年与预算年度 {budget_year} 年不一致"),
    )
    .at(inner_span(cx.sources, title, range), format!("{year} 年"))
    .with_secondary(cx.doc.year.span, "预算年度")
    .with_help("统一标题年份与预算年度");
    if !deadlines.is_empty() {
        let mut ys: Vec<String> = deadlines.iter().map(|y| format!("{y}")).collect();
        ys.dedup();
        d = d.with_note(format!("本表时限的年份：{}", ys.join("、")));
    }
    cx.push(d);
}

fn kind(cx: &mut Context, category: Category, row: &Row, value: &RowValue) {
    let v = &row.value;
    let name = row.level3.value.trim();
    match (category, &value.meaning) {
        (Category::Timeliness, Meaning::Date(_) | Meaning::Period { .. } | Meaning::Duration) => {}
        (Category::Timeliness, Meaning::Percent { .. }) => cx.push(
            Diagnostic::of(
                &rules::C313,
                format!("时效指标“{name}”的值是百分比“{}”", v.value),
            )
            .at(v.span, "百分比不是时限")
            .with_help(format!(
                "能写出时限时改写为时限，如“{}年12月底前”；惯例写法可用 allow 说明",
                cx.doc.year.value
            )),
        ),
        (Category::Timeliness, _) => cx.push(
            Diagnostic::of(
                &rules::C312,
                format!("时效指标“{name}”的值“{}”不是时限或时长", v.value),
            )
            .at(v.span, "应为日期、期限或时长")
            .with_help(format!(
                "写明截止日期（如“{}年12月31日前”）或时长（如“≤3个工作日”）",
                cx.doc.year.value
            )),
        ),
        (Category::Cost, Meaning::Money { .. } | Meaning::MoneyRate) => {}
        (Category::Cost, Meaning::Date(_) | Meaning::Period { .. } | Meaning::Duration) => cx.push(
            Diagnostic::of(
                &rules::C314,
                format!("成本指标“{name}”的值“{}”是日期或时长", v.value),
            )
            .at(v.span, "成本指标应为金额")
            .with_help("写成本金额，或把这一行移到时效指标下"),
        ),
        (Category::Cost, _) => cx.push(
            Diagnostic::of(
                &rules::C315,
                format!("成本指标“{name}”的值“{}”不是金额", v.value),
            )
            .at(v.span, "应为带“元”或“万元”的金额")
            .with_help("写成本金额，如“≤416543.39元”"),
        ),
        (Category::Satisfaction, meaning) => {
            let text = format!("{name}{}", row.description_text());
            if text.contains("投诉") {
                cx.push(
                    Diagnostic::of(&rules::C317, format!("满意度指标“{name}”是投诉指标"))
                        .at(row.level3.span, "投诉率不是满意度")
                        .with_help(
                            "改写为满意度目标（如“≥90%”），或把投诉指标移到质量或社会效益指标下",
                        ),
                );
                return;
            }
            match meaning {
                Meaning::Percent { cmp, value }
                    if *value >= Decimal::ONE_HUNDRED
                        && matches!(cmp, Cmp::AtLeast | Cmp::Exactly) =>
                {
                    let over = if *value > Decimal::ONE_HUNDRED {
                        "超过"
                    } else {
                        "为"
                    };
                    cx.push(
                        Diagnostic::of(&rules::C318, format!("满意度目标“{}”{over} 100%", v.value))
                            .at(v.span, "100% 的满意度无法可信地达到")
                            .with_help("设定可实现的目标，如“≥95%”"),
                    )
                }
                Meaning::Percent {
                    cmp: Cmp::AtLeast | Cmp::Above,
                    ..
                } => {}
                other => {
                    let (label, help) = match other {
                        Meaning::Percent { value, .. } => {
                            ("缺少“≥”", format!("写作“≥{}%”", value.normalize()))
                        }
                        _ => ("应为“≥x%”", "写作“≥90%”这样的目标".to_string()),
                    };
                    cx.push(
                        Diagnostic::of(
                            &rules::C316,
                            format!("满意度指标“{name}”的值“{}”不是“≥x%”目标", v.value),
                        )
                        .at(v.span, label)
                        .with_help(help),
                    )
                }
            }
        }
        _ => {}
    }
}
