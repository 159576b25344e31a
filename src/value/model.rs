//! The typed value model: what a parsed 指标值 means, independent of how it was spelled.

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::units::UnitInfo;

/// One indicator value, read into its parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// A number with an optional comparator, multiplier and unit: `≤41.66万元`, `≥110万票`, `1种`.
    Quantity {
        comparator: Option<Comparator>,
        number: Decimal,
        multiplier: Option<Multiplier>,
        unit: Option<UnitInfo>,
    },
    /// A percentage: `≥90%`, `100%`.
    Percent {
        comparator: Option<Comparator>,
        number: Decimal,
    },
    /// A ratio: `≥1:4`.
    Ratio {
        comparator: Option<Comparator>,
        left: Decimal,
        right: Decimal,
    },
    /// A closed range of numbers: `80-90%`, `5-10个`.
    Range {
        low: Decimal,
        high: Decimal,
        unit: Option<UnitInfo>,
    },
    /// A date, deadline or period: `2026年12月31日前`, `12月底前`, `2025年1-12月`.
    Date {
        comparator: Option<Comparator>,
        year: Option<u16>,
        month: Option<u8>,
        day: Option<u8>,
        period: Option<MonthPeriod>,
        qualifier: Option<DateQualifier>,
    },
    /// A span between two dates: `2023年7月-2024年1月`, `2020年1月1日-2020年12月31日`,
    /// `2021年1月-12月` (a month range inside one year is a [`Value::Date`] with a period).
    Period { from: DatePoint, to: DatePoint },
    /// A length of time: `≤4小时`, `5个工作日内`, `7*24小时响应`.
    Duration {
        comparator: Option<Comparator>,
        /// The leading factor of a product form: the 7 of `7*24小时` (round the clock).
        factor: Option<Decimal>,
        number: Decimal,
        unit: UnitInfo,
        qualifier: Option<DurationQualifier>,
    },
    /// Qualitative text: `有效提升`, `满意`.
    Text { text: String },
}

/// One end of a [`Value::Period`]: a year, month and day, each as far as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DatePoint {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A span of months inside one year: the `1-12月` of `2025年1-12月`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonthPeriod {
    pub from: u8,
    pub to: u8,
}

/// The multiplier written before a unit that is not itself a scaled unit: the 万 of `110万票`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Multiplier {
    /// 万 = 10⁴.
    Wan,
    /// 亿 = 10⁸.
    Yi,
}

impl Multiplier {
    /// The character as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Multiplier::Wan => "万",
            Multiplier::Yi => "亿",
        }
    }

    /// The exact factor.
    pub fn factor(self) -> Decimal {
        match self {
            Multiplier::Wan => Decimal::from(10_000),
            Multiplier::Yi => Decimal::from(100_000_000),
        }
    }
}

/// What a comparator means mathematically, whatever its spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// ≥
    AtLeast,
    /// ≤
    AtMost,
    /// >
    MoreThan,
    /// <
    LessThan,
    /// =
    Equal,
}

impl Relation {
    /// The canonical symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::AtLeast => "≥",
            Relation::AtMost => "≤",
            Relation::MoreThan => ">",
            Relation::LessThan => "<",
            Relation::Equal => "=",
        }
    }

    /// Whether `actual` satisfies `actual <relation> target`.
    pub fn holds(self, actual: Decimal, target: Decimal) -> bool {
        match self {
            Relation::AtLeast => actual >= target,
            Relation::AtMost => actual <= target,
            Relation::MoreThan => actual > target,
            Relation::LessThan => actual < target,
            Relation::Equal => actual == target,
        }
    }
}

/// A comparator as written: a symbol, a Chinese word before the number, or a word after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparator {
    /// `≥`
    Ge,
    /// `≤`
    Le,
    /// `>`
    Gt,
    /// `<`
    Lt,
    /// `=`
    Eq,
    /// 不少于
    NotFewerThan,
    /// 不低于
    NotLowerThan,
    /// 不小于
    NotSmallerThan,
    /// 不高于
    NotHigherThan,
    /// 不超过
    NotExceeding,
    /// 不大于
    NotGreaterThan,
    /// 少于
    FewerThan,
    /// 低于
    LowerThan,
    /// 小于
    SmallerThan,
    /// 高于
    HigherThan,
    /// 超过
    Exceeding,
    /// 大于
    GreaterThan,
    /// 大于等于
    GreaterOrEqual,
    /// 大于或等于
    GreaterOrEqualOr,
    /// 小于等于
    LessOrEqual,
    /// 小于或等于
    LessOrEqualOr,
    /// 等于
    EqualWord,
    /// 至少
    AtLeastWord,
    /// 最多
    AtMostWord,
    /// 达到
    Reaching,
    /// 以上 after the number
    AndAbove,
    /// 及以上 after the number
    AndAboveInclusive,
    /// 以下 after the number
    AndBelow,
    /// 及以下 after the number
    AndBelowInclusive,
    /// 以内 after the number
    Within,
    /// 及其以上 after the number
    AndAboveQi,
    /// 及其以下 after the number
    AndBelowQi,
}

impl Comparator {
    /// Every comparator, symbols first.
    pub const ALL: [Comparator; 32] = [
        Comparator::Ge,
        Comparator::Le,
        Comparator::Gt,
        Comparator::Lt,
        Comparator::Eq,
        Comparator::NotFewerThan,
        Comparator::NotLowerThan,
        Comparator::NotSmallerThan,
        Comparator::NotHigherThan,
        Comparator::NotExceeding,
        Comparator::NotGreaterThan,
        Comparator::FewerThan,
        Comparator::LowerThan,
        Comparator::SmallerThan,
        Comparator::HigherThan,
        Comparator::Exceeding,
        Comparator::GreaterThan,
        Comparator::GreaterOrEqual,
        Comparator::GreaterOrEqualOr,
        Comparator::LessOrEqual,
        Comparator::LessOrEqualOr,
        Comparator::EqualWord,
        Comparator::AtLeastWord,
        Comparator::AtMostWord,
        Comparator::Reaching,
        Comparator::AndAbove,
        Comparator::AndAboveInclusive,
        Comparator::AndBelow,
        Comparator::AndBelowInclusive,
        Comparator::Within,
        Comparator::AndAboveQi,
        Comparator::AndBelowQi,
    ];

    /// The spelling as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Le => "≤",
            Comparator::Gt => ">",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
            Comparator::NotFewerThan => "不少于",
            Comparator::NotLowerThan => "不低于",
            Comparator::NotSmallerThan => "不小于",
            Comparator::NotHigherThan => "不高于",
            Comparator::NotExceeding => "不超过",
            Comparator::NotGreaterThan => "不大于",
            Comparator::FewerThan => "少于",
            Comparator::LowerThan => "低于",
            Comparator::SmallerThan => "小于",
            Comparator::HigherThan => "高于",
            Comparator::Exceeding => "超过",
            Comparator::GreaterThan => "大于",
            Comparator::GreaterOrEqual => "大于等于",
            Comparator::GreaterOrEqualOr => "大于或等于",
            Comparator::LessOrEqual => "小于等于",
            Comparator::LessOrEqualOr => "小于或等于",
            Comparator::EqualWord => "等于",
            Comparator::AtLeastWord => "至少",
            Comparator::AtMostWord => "最多",
            Comparator::Reaching => "达到",
            Comparator::AndAbove => "以上",
            Comparator::AndAboveInclusive => "及以上",
            Comparator::AndBelow => "以下",
            Comparator::AndBelowInclusive => "及以下",
            Comparator::Within => "以内",
            Comparator::AndAboveQi => "及其以上",
            Comparator::AndBelowQi => "及其以下",
        }
    }

    /// Reads a comparator from its exact spelling.
    pub fn from_str_exact(s: &str) -> Option<Comparator> {
        Comparator::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The mathematical meaning. 以上/以下/以内 include the bound, as in common usage.
    pub fn relation(self) -> Relation {
        use Comparator::*;
        match self {
            Ge | NotFewerThan | NotLowerThan | NotSmallerThan | AtLeastWord | Reaching
            | AndAbove | AndAboveInclusive | GreaterOrEqual | GreaterOrEqualOr | AndAboveQi => {
                Relation::AtLeast
            }
            Le | NotHigherThan | NotExceeding | NotGreaterThan | AtMostWord | AndBelow
            | AndBelowInclusive | Within | LessOrEqual | LessOrEqualOr | AndBelowQi => {
                Relation::AtMost
            }
            Gt | HigherThan | Exceeding | GreaterThan => Relation::MoreThan,
            Lt | FewerThan | LowerThan | SmallerThan => Relation::LessThan,
            Eq | EqualWord => Relation::Equal,
        }
    }

    /// Whether the word is written after the number (`90%以上`).
    pub fn is_suffix(self) -> bool {
        matches!(
            self,
            Comparator::AndAbove
                | Comparator::AndAboveInclusive
                | Comparator::AndBelow
                | Comparator::AndBelowInclusive
                | Comparator::Within
                | Comparator::AndAboveQi
                | Comparator::AndBelowQi
        )
    }

    /// Whether this is already the canonical symbol of its relation.
    pub fn is_symbol(self) -> bool {
        matches!(
            self,
            Comparator::Ge | Comparator::Le | Comparator::Gt | Comparator::Lt | Comparator::Eq
        )
    }

    /// The canonical symbol for this comparator's meaning.
    pub fn canonical(self) -> Comparator {
        match self.relation() {
            Relation::AtLeast => Comparator::Ge,
            Relation::AtMost => Comparator::Le,
            Relation::MoreThan => Comparator::Gt,
            Relation::LessThan => Comparator::Lt,
            Relation::Equal => Comparator::Eq,
        }
    }
}

impl Serialize for Comparator {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Comparator", 2)?;
        s.serialize_field("written", self.as_str())?;
        s.serialize_field("relation", &self.relation())?;
        s.end()
    }
}

/// The word after a date that makes it a deadline or an end-of-period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateQualifier {
    /// 前: before the date.
    Before,
    /// 之前
    BeforeZhi,
    /// 以前
    BeforeYi,
    /// 前完成: done before the date.
    BeforeDone,
    /// 底: at the end of the month or year.
    End,
    /// 底前: by the end of the month or year.
    EndBefore,
    /// 底之前
    EndBeforeZhi,
    /// 底以前
    EndBeforeYi,
    /// 底前完成
    EndBeforeDone,
    /// 完成: done at the date.
    Done,
    /// 到位: in place by the date (`12月底到位`).
    Arrive,
    /// 底到位
    EndArrive,
    /// 前到位
    BeforeArrive,
    /// 全年: the whole year (`2021年全年`).
    WholeYear,
}

impl DateQualifier {
    /// Every qualifier.
    pub const ALL: [DateQualifier; 14] = [
        DateQualifier::Before,
        DateQualifier::BeforeZhi,
        DateQualifier::BeforeYi,
        DateQualifier::BeforeDone,
        DateQualifier::End,
        DateQualifier::EndBefore,
        DateQualifier::EndBeforeZhi,
        DateQualifier::EndBeforeYi,
        DateQualifier::EndBeforeDone,
        DateQualifier::Done,
        DateQualifier::Arrive,
        DateQualifier::EndArrive,
        DateQualifier::BeforeArrive,
        DateQualifier::WholeYear,
    ];

    /// The spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DateQualifier::Before => "前",
            DateQualifier::BeforeZhi => "之前",
            DateQualifier::BeforeYi => "以前",
            DateQualifier::BeforeDone => "前完成",
            DateQualifier::End => "底",
            DateQualifier::EndBefore => "底前",
            DateQualifier::EndBeforeZhi => "底之前",
            DateQualifier::EndBeforeYi => "底以前",
            DateQualifier::EndBeforeDone => "底前完成",
            DateQualifier::Done => "完成",
            DateQualifier::Arrive => "到位",
            DateQualifier::EndArrive => "底到位",
            DateQualifier::BeforeArrive => "前到位",
            DateQualifier::WholeYear => "全年",
        }
    }

    /// Reads a qualifier from its exact spelling.
    pub fn from_str_exact(s: &str) -> Option<DateQualifier> {
        DateQualifier::ALL.into_iter().find(|q| q.as_str() == s)
    }

    /// Whether the date is a deadline (the target must be met by then).
    pub fn is_deadline(self) -> bool {
        !matches!(self, DateQualifier::Done | DateQualifier::WholeYear)
    }
}

/// The word after a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationQualifier {
    /// 内: within.
    Within,
    /// 之内
    WithinZhi,
    /// 内完成: done within.
    WithinDone,
    /// 响应: respond within (`7*24小时响应`).
    Response,
    /// 完成: done in.
    Done,
}

impl DurationQualifier {
    /// Every qualifier.
    pub const ALL: [DurationQualifier; 5] = [
        DurationQualifier::Within,
        DurationQualifier::WithinZhi,
        DurationQualifier::WithinDone,
        DurationQualifier::Response,
        DurationQualifier::Done,
    ];

    /// The spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DurationQualifier::Within => "内",
            DurationQualifier::WithinZhi => "之内",
            DurationQualifier::WithinDone => "内完成",
            DurationQualifier::Response => "响应",
            DurationQualifier::Done => "完成",
        }
    }

    /// Reads a qualifier from its exact spelling.
    pub fn from_str_exact(s: &str) -> Option<DurationQualifier> {
        DurationQualifier::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

/// The scale of [`Value::on_base_scale`]: two numbers compare when their scales are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseScale<'a> {
    /// A unit's base (`元` for `万元`, `小时` for `天`).
    Unit(&'a UnitInfo),
    /// A bare number.
    Unitless,
    Percent,
    Ratio,
}

impl BaseScale<'_> {
    /// What the scale is measured in (`元`, `%`), equal for comparable values.
    pub fn base(&self) -> &str {
        match self {
            BaseScale::Unit(u) => &u.base,
            BaseScale::Unitless => "",
            BaseScale::Percent => "%",
            BaseScale::Ratio => ":",
        }
    }

    /// How the value spells it (`万元`, `%`).
    pub fn symbol(&self) -> &str {
        match self {
            BaseScale::Unit(u) => &u.symbol,
            BaseScale::Unitless => "",
            BaseScale::Percent => "%",
            BaseScale::Ratio => ":",
        }
    }
}

impl Value {
    /// The comparator, for the kinds that carry one.
    pub fn comparator(&self) -> Option<Comparator> {
        match self {
            Value::Quantity { comparator, .. }
            | Value::Percent { comparator, .. }
            | Value::Ratio { comparator, .. }
            | Value::Date { comparator, .. }
            | Value::Duration { comparator, .. } => *comparator,
            Value::Range { .. } | Value::Period { .. } | Value::Text { .. } => None,
        }
    }

    /// The unit, for the kinds that carry one (a percentage's is `%`, implicitly: `None`).
    pub fn unit(&self) -> Option<&UnitInfo> {
        match self {
            Value::Quantity { unit, .. } | Value::Range { unit, .. } => unit.as_ref(),
            Value::Duration { unit, .. } => Some(unit),
            _ => None,
        }
    }

    /// The kind in words, for messages: `数量`, `百分比`, `日期`….
    pub fn kind_label(&self) -> &'static str {
        match self {
            Value::Quantity { .. } => "数量",
            Value::Percent { .. } => "百分比",
            Value::Ratio { .. } => "比例",
            Value::Range { .. } => "区间",
            Value::Date { .. } => "日期",
            Value::Period { .. } => "期间",
            Value::Duration { .. } => "时长",
            Value::Text { .. } => "文字",
        }
    }

    /// The last calendar day a date or period allows, as (year, month, day): the deadline
    /// it sets. `2025年12月底前` is 2025-12-31, `2月底` in 2024 is 2024-02-29, `2025年3月-10月`
    /// is 2025-10-31, `年底` is the 31st of December. A year not written is `budget_year`.
    /// `None` for other kinds and for a day that does not exist (`2月30日`).
    pub fn last_day(&self, budget_year: i32) -> Option<(i32, u8, u8)> {
        let (year, month, day) = match self {
            Value::Period { to, .. } => (to.year, to.month, to.day),
            Value::Date {
                year,
                month,
                day,
                period,
                ..
            } => (*year, period.map(|p| p.to).or(*month), *day),
            _ => return None,
        };
        let year = year.map_or(budget_year, i32::from);
        let month = month.unwrap_or(12);
        let last = super::calendar::days_in_month(year, month)?;
        let day = day.unwrap_or(last);
        (1..=last).contains(&day).then_some((year, month, day))
    }

    /// Whether a date or period writes its (last) year: `2025年12月底前` does, `12月底前`
    /// does not.
    pub fn writes_year(&self) -> bool {
        match self {
            Value::Period { to, .. } => to.year.is_some(),
            Value::Date { year, .. } => year.is_some(),
            _ => false,
        }
    }

    /// The value as one number on its base scale, for comparing two values: `5万元` is
    /// 50000 on the 元 scale, `≥90%` is 90 on the percent scale, `1:4` is 4 (the second
    /// term per unit of the first: what grows when the ratio improves), `7*24小时` is 168
    /// on the hour scale. `None` for kinds without one number, and on overflow.
    pub fn on_base_scale(&self) -> Option<(Decimal, BaseScale<'_>)> {
        match self {
            Value::Quantity {
                number,
                multiplier,
                unit,
                ..
            } => {
                let n = match multiplier {
                    Some(m) => number.checked_mul(m.factor())?,
                    None => *number,
                };
                match unit {
                    Some(u) => Some((u.to_base(n)?, BaseScale::Unit(u))),
                    None => Some((n, BaseScale::Unitless)),
                }
            }
            Value::Percent { number, .. } => Some((*number, BaseScale::Percent)),
            Value::Ratio { left, right, .. } => Some((right.checked_div(*left)?, BaseScale::Ratio)),
            Value::Duration {
                factor,
                number,
                unit,
                ..
            } => {
                let n = match factor {
                    Some(f) => number.checked_mul(*f)?,
                    None => *number,
                };
                Some((unit.to_base(n)?, BaseScale::Unit(unit)))
            }
            _ => None,
        }
    }

    /// The snake_case name of the kind, as in the JSON output.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Quantity { .. } => "quantity",
            Value::Percent { .. } => "percent",
            Value::Ratio { .. } => "ratio",
            Value::Range { .. } => "range",
            Value::Date { .. } => "date",
            Value::Period { .. } => "period",
            Value::Duration { .. } => "duration",
            Value::Text { .. } => "text",
        }
    }

    /// Whether the value is anything but qualitative text.
    pub fn is_quantitative(&self) -> bool {
        !matches!(self, Value::Text { .. })
    }
}
