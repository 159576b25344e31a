//! How an actual value (实际完成值) compares with its target (年度指标值): the typed
//! values of both, read by the same grammar, brought to one scale and compared in the
//! target's direction.
//!
//! - A target with `≥`/`>` (or no comparator: counts, rates, spans of service such as
//!   `24小时`) is reached from below: an actual at or above it meets it, one below it
//!   reaches `actual / target`.
//! - A target with `≤`/`<` (and, without a comparator, a cost) is a cap: an actual at or
//!   under it meets it, one over it reaches `target / actual`.
//! - A ratio `1:4` is measured by its second term per unit of the first (4).
//! - `=` is met only by the same number; otherwise the smaller over the larger.
//! - A deadline is met by a completion date on or before it; a late one reaches the days
//!   from 1 January of the budget year to the deadline over the days to completion.
//! - A range is met from its lower bound up.
//!
//! Strict `>` and `<` are scored like `≥` and `≤`: the proportion at the bound is 1.

use rust_decimal::Decimal;

use crate::check::framework::Category;
use crate::value::calendar::days_from_civil;
use crate::value::{BaseScale, Relation, Value};

/// The outcome of one comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// The target is met; `beaten_by` is how far the actual is better than the target,
    /// as a fraction of the target, when that can be measured.
    Met { beaten_by: Option<Decimal> },
    /// The target is missed; `reached` is the proportion reached, in [0, 1).
    Short { reached: Decimal },
    /// The two cannot be compared; the reason, in Chinese.
    Incomparable(String),
}

/// Which way is better for a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Higher,
    Lower,
    Exact,
}

fn direction(relation: Option<Relation>, lower_by_default: bool) -> Direction {
    match relation {
        Some(Relation::AtLeast | Relation::MoreThan) => Direction::Higher,
        Some(Relation::AtMost | Relation::LessThan) => Direction::Lower,
        Some(Relation::Equal) => Direction::Exact,
        None if lower_by_default => Direction::Lower,
        None => Direction::Higher,
    }
}

/// A number on a scale shared by target and actual, with what the scale is.
struct Scaled {
    amount: Decimal,
    /// The base unit, or the kind for unit-less values.
    base: String,
    shown: String,
}

fn quantity(v: &Value) -> Option<Scaled> {
    // `7*24小时` means round the clock, not a number of hours an actual could reach.
    if let Value::Duration {
        factor: Some(_), ..
    } = v
    {
        return None;
    }
    let (amount, scale) = v.on_base_scale()?;
    Some(Scaled {
        amount,
        base: scale.base().to_string(),
        shown: match scale {
            BaseScale::Unitless => "无单位".into(),
            BaseScale::Ratio => "比例".into(),
            s => s.symbol().to_string(),
        },
    })
}

/// A day number (days since 1970-01-01) of the last day a date value allows: a period
/// (`2025年3月-2025年10月`) ends on its last day, the deadline it sets.
fn last_day(v: &Value, budget_year: i32) -> Option<i64> {
    let (y, m, d) = v.last_day(budget_year)?;
    days_from_civil(y, m, d)
}

/// Compares an actual with its target. `category` is the row's category in the
/// document's framework; `budget_year` fills in dates written without a year.
pub fn compare(
    target: &Value,
    actual: &Value,
    category: Option<Category>,
    budget_year: i32,
) -> Comparison {
    if let Value::Date { .. } | Value::Period { .. } = target {
        return compare_dates(target, actual, budget_year);
    }
    if let Value::Range { low, high, unit } = target {
        return compare_range(*low, *high, unit.as_ref(), actual);
    }
    let Some(t) = quantity(target) else {
        return Comparison::Incomparable(format!("指标值“{}”无法与实际完成值比较", target));
    };
    let Some(a) = quantity(actual) else {
        return Comparison::Incomparable(kind_mismatch(target, actual));
    };
    if t.base != a.base {
        return Comparison::Incomparable(format!(
            "单位不同：指标值以“{}”计，实际完成值以“{}”计",
            t.shown, a.shown
        ));
    }
    let lower_default = category == Some(Category::Cost);
    let dir = direction(target.comparator().map(|c| c.relation()), lower_default);
    proportion(dir, t.amount, a.amount)
}

/// The comparison of two numbers on one scale in a direction.
fn proportion(dir: Direction, target: Decimal, actual: Decimal) -> Comparison {
    let ratio = |num: Decimal, den: Decimal| -> Decimal {
        if den.is_zero() {
            Decimal::ZERO
        } else {
            (num / den).clamp(Decimal::ZERO, Decimal::ONE)
        }
    };
    let beaten = |by: Decimal| {
        (!target.is_zero() && by > Decimal::ZERO).then(|| (by / target.abs()).normalize())
    };
    match dir {
        Direction::Higher if actual >= target => Comparison::Met {
            beaten_by: beaten(actual - target),
        },
        Direction::Higher => Comparison::Short {
            reached: ratio(actual, target),
        },
        Direction::Lower if actual <= target => Comparison::Met {
            beaten_by: beaten(target - actual),
        },
        Direction::Lower => Comparison::Short {
            reached: ratio(target, actual),
        },
        Direction::Exact if actual == target => Comparison::Met { beaten_by: None },
        Direction::Exact => Comparison::Short {
            reached: ratio(actual.min(target), actual.max(target)),
        },
    }
}

fn compare_dates(target: &Value, actual: &Value, budget_year: i32) -> Comparison {
    let Some(deadline) = last_day(target, budget_year) else {
        return Comparison::Incomparable("指标值中的日期不存在".into());
    };
    let Some(done) = last_day(actual, budget_year) else {
        return Comparison::Incomparable(match actual {
            Value::Date { .. } => "实际完成值中的日期不存在".into(),
            _ => kind_mismatch(target, actual),
        });
    };
    if done <= deadline {
        return Comparison::Met { beaten_by: None };
    }
    let start = days_from_civil(budget_year, 1, 1).unwrap_or(deadline);
    let allowed = Decimal::from((deadline - start + 1).max(0));
    let taken = Decimal::from(done - start + 1);
    Comparison::Short {
        reached: if taken > Decimal::ZERO {
            (allowed / taken).clamp(Decimal::ZERO, Decimal::ONE)
        } else {
            Decimal::ZERO
        },
    }
}

fn compare_range(
    low: Decimal,
    high: Decimal,
    unit: Option<&crate::value::UnitInfo>,
    actual: &Value,
) -> Comparison {
    let range_base = match unit {
        Some(u) if u.dimension == crate::value::Dimension::Percent => "%".to_string(),
        Some(u) => u.base.to_string(),
        None => String::new(),
    };
    let scale = |n: Decimal| match unit {
        Some(u) if u.dimension != crate::value::Dimension::Percent => u.to_base(n),
        _ => Some(n),
    };
    let (Some(a), Some(lo), Some(hi)) = (quantity(actual), scale(low), scale(high)) else {
        return Comparison::Incomparable("实际完成值不是可与区间比较的数".into());
    };
    if a.base != range_base {
        return Comparison::Incomparable(format!(
            "单位不同：指标值是区间（{}），实际完成值以“{}”计",
            if range_base.is_empty() {
                "无单位"
            } else {
                &range_base
            },
            a.shown
        ));
    }
    if a.amount < lo {
        return proportion(Direction::Higher, lo, a.amount);
    }
    Comparison::Met {
        beaten_by: (a.amount > hi && !hi.is_zero()).then(|| ((a.amount - hi) / hi).normalize()),
    }
}

fn kind_mismatch(target: &Value, actual: &Value) -> String {
    format!(
        "类型不同：指标值是{}，实际完成值是{}",
        target.kind_label(),
        actual.kind_label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::parse;

    fn cmp(target: &str, actual: &str, category: Option<Category>) -> Comparison {
        compare(&parse(target).kind, &parse(actual).kind, category, 2025)
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn at_least_targets() {
        assert_eq!(
            cmp("≥90%", "95%", None),
            Comparison::Met {
                beaten_by: Some(d("5") / d("90"))
            }
        );
        assert_eq!(
            cmp("≥90%", "81%", None),
            Comparison::Short { reached: d("0.9") }
        );
        assert_eq!(
            cmp("≥100人", "100人", None),
            Comparison::Met { beaten_by: None }
        );
    }

    #[test]
    fn caps_across_money_units() {
        // 402000 元 under a cap of 416600 元.
        assert_eq!(
            cmp("≤41.66万元", "40.2万元", Some(Category::Cost)),
            Comparison::Met {
                beaten_by: Some(d("14600") / d("416600"))
            }
        );
        // 450000 元 over a cap of 416600 元: 416600 / 450000.
        assert_eq!(
            cmp("≤41.66万元", "450000元", Some(Category::Cost)),
            Comparison::Short {
                reached: d("416600") / d("450000")
            }
        );
        // A cost without a comparator is a cap.
        assert!(matches!(
            cmp("41.66万元", "40万元", Some(Category::Cost)),
            Comparison::Met { .. }
        ));
    }

    #[test]
    fn deadlines() {
        assert_eq!(
            cmp("2025年12月31日前", "2025年11月20日", None),
            Comparison::Met { beaten_by: None }
        );
        // Month-only completion counts as the month's last day.
        assert_eq!(
            cmp("2025年11月15日前", "2025年11月", None),
            Comparison::Short {
                reached: d("319") / d("334")
            }
        );
        assert_eq!(
            cmp("12月底前", "2025年12月31日", None),
            Comparison::Met { beaten_by: None }
        );
    }

    #[test]
    fn incomparable_units_and_kinds() {
        assert!(matches!(
            cmp("≥10个", "12家", None),
            Comparison::Incomparable(m) if m.contains("单位不同")
        ));
        assert!(matches!(
            cmp("≥90%", "已完成", None),
            Comparison::Incomparable(m) if m.contains("类型不同")
        ));
        assert!(matches!(
            cmp("≤4小时", "3小时", None),
            Comparison::Met { .. }
        ));
    }

    #[test]
    fn ratios_grow_with_their_second_term() {
        assert!(matches!(cmp("≥1:4", "1:4.4", None), Comparison::Met { .. }));
        assert_eq!(
            cmp("≥1:4", "1:3", None),
            Comparison::Short { reached: d("0.75") }
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(
            cmp("80-90%", "85%", None),
            Comparison::Met { beaten_by: None }
        );
        assert_eq!(
            cmp("80-90%", "72%", None),
            Comparison::Short { reached: d("0.9") }
        );
    }
}
