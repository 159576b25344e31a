//! What a change of one 指标值 means: a target raised or lowered, a deadline moved, a cap
//! raised, a unit changed, a quantitative target turned into words.
//!
//! Both values are read with [`crate::value::parse`]; amounts compare exactly after unit
//! scaling (`≤41.66万元` is `≤416600元`), dates relative to each document's budget year
//! (`2025年12月31日前` in 2025 and `2026年12月31日前` in 2026 are the same deadline).

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::value::{self, ParsedValue, Relation, Value};

/// The typed meaning of a change between two values of one indicator row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueChange {
    /// A lower bound or plain target went up (`≥90%` → `≥95%`): stricter.
    TargetRaised,
    /// A lower bound or plain target went down (`≥95%` → `≥90%`): looser.
    TargetLowered,
    /// An upper limit went up (`≤4小时` → `≤8小时`): looser.
    LimitRaised,
    /// An upper limit went down: stricter.
    LimitLowered,
    /// A cost cap (成本指标) went up (`≤41.66万元` → `≤50万元`).
    CostCapRaised,
    /// A cost cap went down.
    CostCapLowered,
    /// A plain value without a direction (a duration without comparator) went up.
    ValueIncreased,
    /// A plain value without a direction went down.
    ValueDecreased,
    /// A deadline moved later within the budget year (`6月底前` → `9月底前`): looser.
    DeadlineLater,
    /// A deadline moved earlier: stricter.
    DeadlineEarlier,
    /// The date moved with the budget year and means the same (`2025年12月31日前` →
    /// `2026年12月31日前` from a 2025 to a 2026 document).
    ShiftedWithYear,
    /// The date kept its year although the budget year changed.
    NotShiftedWithYear,
    /// The comparator changed its meaning (`≥` → `≤`, `≥` → `>`).
    ComparatorChanged { from: String, to: String },
    /// The unit changed to one that does not compare (`个` → `次`).
    UnitChanged { from: String, to: String },
    /// The kind of value changed (a percentage became a count).
    KindChanged { from: String, to: String },
    /// A quantitative target became qualitative text (`≥95%` → `有效提升`).
    QuantitativeToQualitative,
    /// Qualitative text became a quantitative target.
    QualitativeToQuantitative,
    /// Qualitative text was reworded.
    TextChanged,
    /// Written differently, same meaning (`不低于90%` → `≥90%`, `0.75万元` → `7500元`).
    Respelled,
}

impl ValueChange {
    /// The Chinese label shown in reports.
    pub fn label(&self) -> String {
        match self {
            ValueChange::TargetRaised => "目标提高".into(),
            ValueChange::TargetLowered => "目标降低".into(),
            ValueChange::LimitRaised => "上限放宽".into(),
            ValueChange::LimitLowered => "上限收紧".into(),
            ValueChange::CostCapRaised => "成本上限提高".into(),
            ValueChange::CostCapLowered => "成本上限降低".into(),
            ValueChange::ValueIncreased => "数值增大".into(),
            ValueChange::ValueDecreased => "数值减小".into(),
            ValueChange::DeadlineLater => "期限推迟".into(),
            ValueChange::DeadlineEarlier => "期限提前".into(),
            ValueChange::ShiftedWithYear => "日期随年度顺延".into(),
            ValueChange::NotShiftedWithYear => "日期未随年度更新".into(),
            ValueChange::ComparatorChanged { from, to } => format!("比较符改变（{from} → {to}）"),
            ValueChange::UnitChanged { from, to } => format!("单位改变（{from} → {to}）"),
            ValueChange::KindChanged { from, to } => format!("类型改变（{from} → {to}）"),
            ValueChange::QuantitativeToQualitative => "定量改为定性".into(),
            ValueChange::QualitativeToQuantitative => "定性改为定量".into(),
            ValueChange::TextChanged => "文字改变".into(),
            ValueChange::Respelled => "写法改变，含义相同".into(),
        }
    }

    /// Whether the change makes the target easier to meet (a cost cap that follows the
    /// budget is not counted: it is what a bigger budget means).
    pub fn loosens(&self) -> bool {
        matches!(
            self,
            ValueChange::TargetLowered | ValueChange::LimitRaised | ValueChange::DeadlineLater
        )
    }

    /// Whether the meaning is unchanged.
    pub fn is_same_meaning(&self) -> bool {
        matches!(self, ValueChange::Respelled | ValueChange::ShiftedWithYear)
    }
}

/// What the two documents' budget years are, for dates.
#[derive(Clone, Copy, Debug)]
pub struct Years {
    pub old: i32,
    pub new: i32,
}

/// The meaning of changing `old` to `new` in a row; `cost` says whether the row is a 成本
/// indicator. `None` when the values are written the same and mean the same.
pub fn compare(old: &str, new: &str, cost: bool, years: Years) -> Option<ValueChange> {
    let (a, b) = (value::parse(old), value::parse(new));
    let change = compare_parsed(&a, &b, cost, years);
    if old.trim() == new.trim() && change.as_ref().is_none_or(ValueChange::is_same_meaning) {
        return None;
    }
    Some(change.unwrap_or(ValueChange::Respelled))
}

fn compare_parsed(
    a: &ParsedValue,
    b: &ParsedValue,
    cost: bool,
    years: Years,
) -> Option<ValueChange> {
    match (&a.kind, &b.kind) {
        (Value::Text { text: x }, Value::Text { text: y }) => (super::names::normalize(x)
            != super::names::normalize(y))
        .then_some(ValueChange::TextChanged),
        (_, Value::Text { .. }) => Some(ValueChange::QuantitativeToQualitative),
        (Value::Text { .. }, _) => Some(ValueChange::QualitativeToQuantitative),
        (Value::Date { .. }, Value::Date { .. }) => dates(&a.kind, &b.kind, years),
        (Value::Range { .. }, Value::Range { .. }) => ranges(&a.kind, &b.kind),
        _ => bounds(&a.kind, &b.kind, cost),
    }
}

/// Which way a value points: a floor to reach, a ceiling not to pass, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Floor,
    Ceiling,
    Neutral,
}

/// A value reduced to what compares: its kind, its amount in base units, the base, the
/// comparator and its direction.
struct Measure {
    kind: &'static str,
    amount: Decimal,
    base: String,
    symbol: String,
    relation: Option<Relation>,
    direction: Direction,
}

fn measure(v: &Value, cost: bool) -> Option<Measure> {
    let relation = v.comparator().map(|c| c.relation());
    let (amount, scale) = v.on_base_scale()?;
    let (base, symbol) = (scale.base().to_string(), scale.symbol().to_string());
    let money = v.money_in_yuan().is_some();
    let direction = match relation {
        Some(Relation::AtLeast | Relation::MoreThan) => Direction::Floor,
        Some(Relation::AtMost | Relation::LessThan) => Direction::Ceiling,
        _ if cost && money => Direction::Ceiling,
        _ if matches!(v, Value::Duration { .. }) => Direction::Neutral,
        _ => Direction::Floor,
    };
    Some(Measure {
        kind: v.kind_label(),
        amount,
        base,
        symbol,
        relation,
        direction,
    })
}

fn relation_symbol(r: Option<Relation>) -> String {
    r.map_or("无".to_string(), |r| r.symbol().to_string())
}

fn bounds(a: &Value, b: &Value, cost: bool) -> Option<ValueChange> {
    let (Some(x), Some(y)) = (measure(a, cost), measure(b, cost)) else {
        return (a != b).then(|| ValueChange::KindChanged {
            from: a.kind_label().into(),
            to: b.kind_label().into(),
        });
    };
    if x.kind != y.kind {
        return Some(ValueChange::KindChanged {
            from: x.kind.into(),
            to: y.kind.into(),
        });
    }
    if x.base != y.base {
        let shown = |s: &str| {
            if s.is_empty() {
                "无单位".to_string()
            } else {
                s.to_string()
            }
        };
        return Some(ValueChange::UnitChanged {
            from: shown(&x.symbol),
            to: shown(&y.symbol),
        });
    }
    if x.direction != y.direction {
        return Some(ValueChange::ComparatorChanged {
            from: relation_symbol(x.relation),
            to: relation_symbol(y.relation),
        });
    }
    let money_cost = cost && a.money_in_yuan().is_some();
    match (x.amount.cmp(&y.amount), x.direction) {
        (Ordering::Equal, _) if x.relation != y.relation => Some(ValueChange::ComparatorChanged {
            from: relation_symbol(x.relation),
            to: relation_symbol(y.relation),
        }),
        (Ordering::Equal, _) => (a != b).then_some(ValueChange::Respelled),
        (Ordering::Less, Direction::Floor) => Some(ValueChange::TargetRaised),
        (Ordering::Greater, Direction::Floor) => Some(ValueChange::TargetLowered),
        (Ordering::Less, Direction::Ceiling) if money_cost => Some(ValueChange::CostCapRaised),
        (Ordering::Greater, Direction::Ceiling) if money_cost => Some(ValueChange::CostCapLowered),
        (Ordering::Less, Direction::Ceiling) => Some(ValueChange::LimitRaised),
        (Ordering::Greater, Direction::Ceiling) => Some(ValueChange::LimitLowered),
        (Ordering::Less, Direction::Neutral) => Some(ValueChange::ValueIncreased),
        (Ordering::Greater, Direction::Neutral) => Some(ValueChange::ValueDecreased),
    }
}

fn ranges(a: &Value, b: &Value) -> Option<ValueChange> {
    let (
        Value::Range {
            low: l1,
            high: h1,
            unit: u1,
        },
        Value::Range {
            low: l2,
            high: h2,
            unit: u2,
        },
    ) = (a, b)
    else {
        return None;
    };
    let base = |u: &Option<crate::value::UnitInfo>| u.as_ref().map(|u| (u.base.clone(), u.scale));
    if base(u1).map(|b| b.0) != base(u2).map(|b| b.0) {
        let shown = |u: &Option<crate::value::UnitInfo>| {
            u.as_ref()
                .map_or("无单位".to_string(), |u| u.symbol.to_string())
        };
        return Some(ValueChange::UnitChanged {
            from: shown(u1),
            to: shown(u2),
        });
    }
    let scale = |u: &Option<crate::value::UnitInfo>, n: Decimal| match u {
        Some(u) => u.to_base(n).unwrap_or(n),
        None => n,
    };
    let (l1, h1, l2, h2) = (
        scale(u1, *l1),
        scale(u1, *h1),
        scale(u2, *l2),
        scale(u2, *h2),
    );
    match (l1.cmp(&l2), h1.cmp(&h2)) {
        (Ordering::Equal, Ordering::Equal) => (a != b).then_some(ValueChange::Respelled),
        (Ordering::Less | Ordering::Equal, Ordering::Less | Ordering::Equal) => {
            Some(ValueChange::TargetRaised)
        }
        (Ordering::Greater | Ordering::Equal, Ordering::Greater | Ordering::Equal) => {
            Some(ValueChange::TargetLowered)
        }
        _ if h2 - l2 > h1 - l1 => Some(ValueChange::ValueIncreased),
        _ => Some(ValueChange::ValueDecreased),
    }
}

/// A date as (years after the budget year, month, day) of the last day it allows; and
/// whether its year is written.
fn date_key(v: &Value, budget_year: i32) -> Option<((i32, u8, u8), bool)> {
    let (year, month, day) = v.last_day(budget_year)?;
    Some(((year - budget_year, month, day), v.writes_year()))
}

fn dates(a: &Value, b: &Value, years: Years) -> Option<ValueChange> {
    let (Some((ka, written_a)), Some((kb, written_b))) =
        (date_key(a, years.old), date_key(b, years.new))
    else {
        return None;
    };
    let absolute = |k: (i32, u8, u8), y: i32| (k.0 + y, k.1, k.2);
    match ka.cmp(&kb) {
        Ordering::Less => Some(ValueChange::DeadlineLater),
        Ordering::Greater
            if years.old != years.new
                && written_a
                && written_b
                && absolute(ka, years.old) == absolute(kb, years.new) =>
        {
            Some(ValueChange::NotShiftedWithYear)
        }
        Ordering::Greater => Some(ValueChange::DeadlineEarlier),
        Ordering::Equal => {
            let ra = a.comparator().map(|c| c.relation());
            let rb = b.comparator().map(|c| c.relation());
            if ra != rb && ra.is_some() && rb.is_some() {
                Some(ValueChange::ComparatorChanged {
                    from: relation_symbol(ra),
                    to: relation_symbol(rb),
                })
            } else if years.old != years.new && (written_a || written_b) {
                Some(ValueChange::ShiftedWithYear)
            } else {
                (a != b).then_some(ValueChange::Respelled)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAME: Years = Years {
        old: 2025,
        new: 2025,
    };
    const NEXT: Years = Years {
        old: 2025,
        new: 2026,
    };

    fn c(old: &str, new: &str) -> Option<ValueChange> {
        compare(old, new, false, SAME)
    }

    #[test]
    fn targets_raised_and_lowered() {
        assert_eq!(c("≥95%", "≥90%"), Some(ValueChange::TargetLowered));
        assert_eq!(c("≥90%", "≥95%"), Some(ValueChange::TargetRaised));
        assert_eq!(c("100%", "≥95%"), Some(ValueChange::TargetLowered));
        assert_eq!(c("1种", "2种"), Some(ValueChange::TargetRaised));
        assert_eq!(c("≥1:4", "≥1:3"), Some(ValueChange::TargetLowered));
        assert_eq!(c("≥110万票", "≥1200000票"), Some(ValueChange::TargetRaised));
    }

    #[test]
    fn limits_and_cost_caps() {
        assert_eq!(c("≤4小时", "≤1天"), Some(ValueChange::LimitRaised));
        assert_eq!(c("≤30分钟", "≤1小时"), Some(ValueChange::LimitRaised));
        assert_eq!(
            compare("≤41.66万元", "≤50万元", true, SAME),
            Some(ValueChange::CostCapRaised)
        );
        assert_eq!(
            compare("416543.39元", "400000元", true, SAME),
            Some(ValueChange::CostCapLowered)
        );
    }

    #[test]
    fn same_meaning_is_a_respelling_or_nothing() {
        assert_eq!(c("≥90%", "≥90%"), None);
        assert_eq!(c("不低于90%", "≥90%"), Some(ValueChange::Respelled));
        assert_eq!(
            compare("≤0.75万元", "≤7500元", true, SAME),
            Some(ValueChange::Respelled)
        );
    }

    #[test]
    fn deadlines_compare_within_the_budget_year() {
        assert_eq!(
            c("2025年6月底前", "2025年9月30日前"),
            Some(ValueChange::DeadlineLater)
        );
        assert_eq!(
            c("12月底前", "11月底前"),
            Some(ValueChange::DeadlineEarlier)
        );
        assert_eq!(
            compare("2025年12月31日前", "2026年12月31日前", false, NEXT),
            Some(ValueChange::ShiftedWithYear)
        );
        assert_eq!(
            compare("2025年12月31日前", "2025年12月31日前", false, NEXT),
            Some(ValueChange::NotShiftedWithYear)
        );
        assert_eq!(compare("12月底前", "12月底前", false, NEXT), None);
    }

    #[test]
    fn kinds_units_and_words() {
        assert_eq!(
            c("≥95%", "有效提升"),
            Some(ValueChange::QuantitativeToQualitative)
        );
        assert_eq!(
            c("有效提升", "≥95%"),
            Some(ValueChange::QualitativeToQuantitative)
        );
        assert_eq!(c("有效提升", "明显提升"), Some(ValueChange::TextChanged));
        assert_eq!(
            c("≥10个", "≥10次"),
            Some(ValueChange::UnitChanged {
                from: "个".into(),
                to: "次".into()
            })
        );
        assert_eq!(
            c("≥95%", "≥95个"),
            Some(ValueChange::KindChanged {
                from: "百分比".into(),
                to: "数量".into()
            })
        );
        assert_eq!(
            c("≥90%", "≤90%"),
            Some(ValueChange::ComparatorChanged {
                from: "≥".into(),
                to: "≤".into()
            })
        );
    }
}
