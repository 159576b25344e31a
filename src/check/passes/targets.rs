//! Targets: what reviewers catch in how a target is set, beyond the budget and the
//! calendar — a quantity with no comparator, a value that does not fit its 二级 category,
//! a malformed compound unit, a percentage on an indicator that is not a rate, a
//! comparator pointing the wrong way, a rate target above 100%, and an Excel serial
//! number where a date belongs.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::values::{Cmp, Meaning, RowValue};
use crate::check::Context;
use crate::check::fix::replace_scalar;
use crate::check::framework::Category;
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::model::Row;
use crate::value::calendar::civil_from_days;
use crate::value::{Dimension, ParsedValue, ProblemKind, Relation, Value};

/// One row as the target checks see it.
struct Target<'a> {
    row: &'a Row,
    value: &'a RowValue,
    category: Option<Category>,
    /// The 三级 name and its description, where the kind of indicator shows.
    name: String,
}

impl Target<'_> {
    fn named(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.name.contains(w))
    }

    /// The comparator as written, if any.
    fn written_comparator(&self) -> Option<Relation> {
        self.value.parsed.kind.comparator().map(|c| c.relation())
    }

    /// The canonical spelling of the value, or the value as written.
    fn canonical(&self) -> &str {
        self.value
            .parsed
            .canonical()
            .unwrap_or(&self.row.value.value)
    }
}

/// Runs the target checks.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    for (index, project) in doc.projects.iter().enumerate() {
        let values = cx.values.get(index).cloned().unwrap_or_default();
        for ((l1, l2, row), value) in project.rows().zip(values.iter()) {
            let target = Target {
                row,
                value,
                category: cx.category(&l1.level1.value, &l2.level2.value),
                name: format!("{}{}", row.level3.value, row.description_text()),
            };
            if let Some(serial) = serial_date(target.category, &target.name, &value.parsed.kind) {
                excel_date(cx, &target, serial);
                continue;
            }
            compound_unit(cx, &target);
            satisfaction_without_percent(cx, &target);
            if value.malformed {
                continue;
            }
            missing_comparator(cx, &target);
            category_mismatch(cx, &target);
            percent_on_non_rate(cx, &target);
            direction(cx, &target);
            rate_over_100(cx, &target);
        }
    }
}

/// Names of indicators whose target is a ceiling even under 数量指标: fewer is better.
const FEWER_IS_BETTER: &[&str] = &[
    "投诉",
    "事故",
    "差错",
    "违规",
    "违法",
    "违纪",
    "故障",
    "不合格",
    "失误",
    "超标",
    "调整",
    "损失",
    "延误",
    "逾期",
    "上访",
    "纠纷",
    "误差",
    "偏差",
    "结余",
    "闲置",
    "发生",
];

/// Whether a cost row states a per-unit standard (`补助标准`, `人均`, `每生每年`) rather
/// than an amount to spend: a fixed standard needs no comparator and is not the budget.
pub fn is_standard(level3: &str) -> bool {
    ["标准", "单价", "人均", "亩均", "每"]
        .iter()
        .any(|w| level3.contains(w))
}

/// Names of rates that may exceed 100% (growth, increase).
const GROWTH: &[&str] = &["增长", "增幅", "增加", "提高", "提升", "同比", "环比", "倍"];

/// C319: a count or an amount targeted with no comparator where direction matters.
fn missing_comparator(cx: &mut Context, t: &Target) {
    let Value::Quantity {
        comparator: None,
        unit: Some(unit),
        ..
    } = &t.value.parsed.kind
    else {
        return;
    };
    let (symbol, why) = match (t.category, unit.dimension) {
        (Some(Category::Cost), Dimension::Money) if !is_standard(&t.row.level3.value) => {
            ("≤", "成本金额是上限")
        }
        (Some(Category::Benefit), d)
            if !matches!(d, Dimension::Time | Dimension::Percent | Dimension::Unknown) =>
        {
            ("≥", "效益目标是下限")
        }
        _ => return,
    };
    let v = &t.row.value;
    cx.push(
        Diagnostic::of(
            &rules::C319,
            format!("指标值“{}”没有比较符", v.value.trim()),
        )
        .at(v.span, format!("{why}，应写明比较符"))
        .with_help(format!("写作“{symbol}{}”", t.canonical())),
    );
}

/// C320: a value whose kind does not fit its 二级 category (beyond 时效 and 成本, which
/// C312–C315 check).
fn category_mismatch(cx: &mut Context, t: &Target) {
    let v = &t.row.value;
    let (what, belongs) = match (t.category, &t.value.meaning) {
        (Some(Category::Quantity | Category::Quality), Meaning::Money { .. })
        | (Some(Category::Quantity | Category::Quality), Meaning::MoneyRate) => {
            ("金额", "成本指标")
        }
        (Some(Category::Quantity | Category::Quality), Meaning::Date(_)) => ("日期", "时效指标"),
        (Some(Category::Quality), Meaning::Quantity) => {
            let counted = matches!(
                &t.value.parsed.kind,
                Value::Quantity { unit: Some(u), number, .. }
                    if u.dimension == Dimension::Count && !number.is_zero()
            );
            if !counted || t.named(FEWER_IS_BETTER) {
                return;
            }
            ("数量", "数量指标")
        }
        _ => return,
    };
    let category = t.category.map_or("", |c| c.label());
    cx.push(
        Diagnostic::of(
            &rules::C320,
            format!(
                "{category}指标“{}”的值“{}”是{what}",
                t.row.level3.value.trim(),
                v.value.trim()
            ),
        )
        .at(v.span, format!("{what}通常属于{belongs}"))
        .with_help(format!("把这一行移到{belongs}下，或改写为{category}目标")),
    );
}

/// What is wrong with a compound unit as written (the grammar reads none of these), and
/// the unit to write: `≤28.40/株` has no numerator, `≤620万/月` no 元, `元/人*月` joins its
/// denominator with `*`.
fn compound_text_defect(text: &str, category: Option<Category>) -> Option<(&'static str, String)> {
    let rest = text.trim().trim_start_matches(['≥', '≤', '>', '<', '=']);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if rest.len() == text.trim().len() {
        return None;
    }
    if let Some(bottom) = rest.strip_prefix('/') {
        let top = if category == Some(Category::Cost) {
            "元"
        } else {
            "（分子）"
        };
        return Some(("单位只有分母，缺少分子", format!("{top}/{bottom}")));
    }
    for scaled in ["万", "亿"] {
        if let Some(bottom) = rest.strip_prefix(scaled).and_then(|r| r.strip_prefix('/')) {
            return Some(("金额缺少“元”", format!("{scaled}元/{bottom}")));
        }
    }
    let (top, bottom) = rest.split_once('/')?;
    if bottom.contains(['*', '×']) {
        let parts: Vec<&str> = bottom.split(['*', '×']).collect();
        return Some((
            "复合单位的分母用“·”连接",
            format!("{top}/{}", parts.join("·")),
        ));
    }
    None
}

/// Who an indicator counts when its name ends in them (`培训学员`, `受益群众数`).
const PEOPLE: &[&str] = &[
    "人员", "学员", "学生", "群众", "职工", "教师", "患者", "农户", "老人", "儿童", "干部",
];

/// Whether a 三级 name counts people: `……人数`, `……人次`, or people at its end.
fn counts_people(level3: &str) -> bool {
    let name = level3.trim();
    let name = name
        .strip_suffix("数量")
        .or_else(|| name.strip_suffix('数'))
        .unwrap_or(name);
    // `村组干部230人`: a count of people written into the name.
    let counted = name
        .strip_suffix('人')
        .is_some_and(|n| n.ends_with(|c: char| c.is_ascii_digit()));
    counted
        || level3.contains("人数")
        || level3.contains("人次")
        || PEOPLE.iter().any(|p| name.ends_with(p))
}

/// What is wrong with a value's unit, and the unit to write.
fn compound_defect(t: &Target) -> Option<(&'static str, String)> {
    match &t.value.parsed.kind {
        Value::Text { .. } => compound_text_defect(&t.row.value.value, t.category),
        Value::Quantity { unit: Some(u), .. }
            if u.symbol == "个" && counts_people(&t.row.level3.value) =>
        {
            Some(("人数的单位是“人”", "人".to_string()))
        }
        _ => None,
    }
}

/// The value problem a target rule reports better, so that one mistake gives one finding:
/// an Excel serial number is C325, not a missing unit; a broken compound unit is C321,
/// not an unrecognised quantity; a satisfaction without `%` is C316 with its fix.
pub fn supersedes(
    category: Option<Category>,
    name: &str,
    parsed: &ParsedValue,
) -> Option<ProblemKind> {
    if serial_date(category, name, &parsed.kind).is_some() {
        return Some(ProblemKind::MissingUnit);
    }
    if matches!(parsed.kind, Value::Text { .. })
        && compound_text_defect(&parsed.input, category).is_some()
    {
        return Some(ProblemKind::UnrecognizedQuantity);
    }
    if bare_satisfaction(category, &parsed.kind).is_some() {
        return Some(ProblemKind::MissingUnit);
    }
    None
}

/// A satisfaction target written as a bare number (`≥95`, `95`): the percentage it means.
fn bare_satisfaction(category: Option<Category>, kind: &Value) -> Option<Decimal> {
    match kind {
        Value::Quantity {
            number,
            multiplier: None,
            unit: None,
            ..
        } if category == Some(Category::Satisfaction)
            && *number > Decimal::ZERO
            && *number <= Decimal::ONE_HUNDRED =>
        {
            Some(*number)
        }
        _ => None,
    }
}

/// C316 for a satisfaction written without `%`: the fix is certain.
fn satisfaction_without_percent(cx: &mut Context, t: &Target) {
    let Some(number) = bare_satisfaction(t.category, &t.value.parsed.kind) else {
        return;
    };
    let v = &t.row.value;
    let fixed = format!("≥{}%", number.normalize());
    cx.push(
        Diagnostic::of(
            &rules::C316,
            format!(
                "满意度指标“{}”的值“{}”不是“≥x%”目标",
                t.row.level3.value.trim(),
                v.value.trim()
            ),
        )
        .at(v.span, "缺少“%”")
        .with_help(format!("写作“{fixed}”"))
        .with_fix(replace_scalar(
            cx.sources,
            v,
            &fixed,
            format!("改写为“{fixed}”"),
        )),
    );
}

/// C321: a compound unit with a part missing (`≤28.40/株`, `≤620万/月`), joined with `*`
/// (`元/人*月`), or people counted in `个`.
fn compound_unit(cx: &mut Context, t: &Target) {
    let Some((why, unit)) = compound_defect(t) else {
        return;
    };
    let v = &t.row.value;
    cx.push(
        Diagnostic::of(
            &rules::C321,
            format!("指标值“{}”的单位写法有误", v.value.trim()),
        )
        .at(v.span, why)
        .with_help(format!("单位写作“{unit}”")),
    );
}

/// C322: a percentage on an indicator whose name says nothing of a rate.
fn percent_on_non_rate(cx: &mut Context, t: &Target) {
    let Meaning::Percent { cmp, value } = &t.value.meaning else {
        return;
    };
    // `合规性 100%` is the conventional way to say "fully": only a partial share of a
    // quality needs a rate to be measured against.
    let fully = *cmp == Cmp::Exactly && *value == Decimal::ONE_HUNDRED && t.named(&["性"]);
    if fully
        || t.category == Some(Category::Satisfaction)
        || t.named(&[
            "率", "比", "度", "百分", "占", "幅", "增", "降", "减", "提高", "提升", "覆盖", "进度",
            "份额", "程度", "水平", "指数", "系数", "%", "％",
        ])
    {
        return;
    }
    let v = &t.row.value;
    cx.push(
        Diagnostic::of(
            &rules::C322,
            format!(
                "指标“{}”不是比率，值却是百分比“{}”",
                t.row.level3.value.trim(),
                v.value.trim()
            ),
        )
        .at(v.span, "百分比需要一个比率指标")
        .with_help("把指标名改为比率（如“……完成率”“……覆盖率”），或写出数量、金额"),
    );
}

/// C323: a ceiling on an output quantity, a floor (or an exact amount) on a cost.
fn direction(cx: &mut Context, t: &Target) {
    let v = &t.row.value;
    let written = t.written_comparator();
    let (message, label, help) = match (t.category, &t.value.meaning) {
        (Some(Category::Quantity), Meaning::Quantity)
            if matches!(written, Some(Relation::AtMost | Relation::LessThan))
                && !t.named(FEWER_IS_BETTER) =>
        {
            (
                format!("产出数量“{}”设的是上限", v.value.trim()),
                "数量指标通常是下限",
                format!(
                    "写作“≥{}”或不写比较符（固定数量）",
                    t.canonical().trim_start_matches(['≤', '<'])
                ),
            )
        }
        (Some(Category::Cost), Meaning::Money { cmp, .. })
            if (matches!(cmp, Cmp::AtLeast | Cmp::Above) || written == Some(Relation::Equal))
                && !is_standard(&t.row.level3.value) =>
        {
            (
                format!("成本指标“{}”不是上限", v.value.trim()),
                "成本指标应为上限",
                format!(
                    "写作“≤{}”",
                    t.canonical().trim_start_matches(['≥', '>', '='])
                ),
            )
        }
        _ => return,
    };
    cx.push(
        Diagnostic::of(&rules::C323, message)
            .at(v.span, label)
            .with_help(help),
    );
}

/// C324: a rate targeted at `≥100%` (a rate cannot exceed 100%) or above 100%.
fn rate_over_100(cx: &mut Context, t: &Target) {
    let Meaning::Percent { cmp, value } = &t.value.meaning else {
        return;
    };
    if t.category == Some(Category::Satisfaction) || t.named(GROWTH) {
        return;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let v = &t.row.value;
    let d = if *value == hundred && matches!(cmp, Cmp::AtLeast | Cmp::Above) {
        Diagnostic::of(
            &rules::C324,
            format!("比率目标“{}”超出 100%", v.value.trim()),
        )
        .at(v.span, "比率不会超过 100%")
        .with_help("写作“100%”")
        .with_fix(replace_scalar(cx.sources, v, "100%", "改写为“100%”"))
    } else if *value > hundred && !matches!(cmp, Cmp::AtMost | Cmp::Below) {
        Diagnostic::of(
            &rules::C324,
            format!("比率目标“{}”超出 100%", v.value.trim()),
        )
        .at(v.span, "比率不会超过 100%")
        .with_help("比率目标最高为“100%”；要表达增长，改用增长率指标")
    } else {
        return;
    };
    cx.push(d);
}

/// The date an Excel serial number stands for, when a date belongs in the row and its
/// value is a bare whole number in the range of 2000–2099 serials.
fn serial_date(category: Option<Category>, name: &str, kind: &Value) -> Option<(i32, u32, u32)> {
    let Value::Quantity {
        number,
        multiplier: None,
        unit: None,
        ..
    } = kind
    else {
        return None;
    };
    let wants_date = category == Some(Category::Timeliness)
        || ["时间", "日期", "时限", "期限", "截止"]
            .iter()
            .any(|w| name.contains(w));
    if !wants_date || !number.fract().is_zero() {
        return None;
    }
    let serial = number.to_i64()?;
    // 36526 is 2000-01-01 and 73050 is 2099-12-31 in Excel's 1900 date system.
    if !(36526..=73050).contains(&serial) {
        return None;
    }
    let (year, month, day) = civil_from_days(serial - 25569);
    Some((year as i32, u32::from(month), u32::from(day)))
}

/// C325: an Excel serial number where a date belongs (`44561` is 2021年12月31日).
fn excel_date(cx: &mut Context, t: &Target, (year, month, day): (i32, u32, u32)) {
    let v = &t.row.value;
    let before = matches!(
        t.written_comparator(),
        Some(Relation::AtMost | Relation::LessThan)
    );
    let date = format!("{year}年{month}月{day}日{}", if before { "前" } else { "" });
    cx.push(
        Diagnostic::of(
            &rules::C325,
            format!("指标值“{}”是电子表格的日期序号", v.value.trim()),
        )
        .at(v.span, format!("电子表格中的 {} 即 {date}", v.value.trim()))
        .with_help(format!("写作“{date}”"))
        .with_fix(replace_scalar(
            cx.sources,
            v,
            &date,
            format!("改写为“{date}”"),
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::value::calendar::civil_from_days;

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(civil_from_days(44561 - 25569), (2021, 12, 31));
        assert_eq!(civil_from_days(36526 - 25569), (2000, 1, 1));
        assert_eq!(civil_from_days(45292 - 25569), (2024, 1, 1));
    }
}
