//! The unit table: every unit real 指标值 use, with its dimension and exact scale.
//!
//! Two values compare exactly when their units share a base: `41.66万元` is
//! 41.66 × 10⁴ 元. Units of different bases (元 and 美元, 个 and 人) never compare.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

/// What a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// An amount of money (元, 万元, 亿美元).
    Money,
    /// Money per something (元/个, 元/千瓦时, 万元/年).
    UnitPrice,
    /// A count of things, with its classifier (个, 次, 人, 项).
    Count,
    /// A percentage (%).
    Percent,
    /// A length of time (小时, 天, 工作日, 月, 年).
    Time,
    /// An area (平方米).
    Area,
    /// A length (米, 公里).
    Length,
    /// A weight (克, 吨).
    Weight,
    /// Energy (千瓦时).
    Energy,
    /// Something per something else, not money (页/件).
    Rate,
    /// Not in the table.
    Unknown,
}

/// A unit: its canonical symbol, its dimension and its exact scale to a base unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct UnitInfo {
    /// The canonical spelling (`万元`, `平方米`, `元/千瓦时`).
    pub symbol: Cow<'static, str>,
    /// What it measures.
    pub dimension: Dimension,
    /// The unit amounts of this unit convert to (`元` for `万元`).
    pub base: Cow<'static, str>,
    /// How many base units one of this unit is (10000 for `万元`).
    pub scale: u64,
}

impl UnitInfo {
    const fn known(
        symbol: &'static str,
        dimension: Dimension,
        base: &'static str,
        scale: u64,
    ) -> Self {
        UnitInfo {
            symbol: Cow::Borrowed(symbol),
            dimension,
            base: Cow::Borrowed(base),
            scale,
        }
    }

    /// A unit the table does not know; it compares only with itself.
    pub fn unknown(symbol: &str) -> Self {
        UnitInfo {
            symbol: Cow::Owned(symbol.to_string()),
            dimension: Dimension::Unknown,
            base: Cow::Owned(symbol.to_string()),
            scale: 1,
        }
    }

    /// Whether amounts in this unit and in `other` can be compared after scaling.
    pub fn commensurable(&self, other: &UnitInfo) -> bool {
        self.base == other.base
    }

    /// Converts `amount` of this unit into base units, exactly (`None` on overflow).
    pub fn to_base(&self, amount: Decimal) -> Option<Decimal> {
        amount.checked_mul(Decimal::from(self.scale))
    }

    /// Whether this is money in Chinese yuan (base 元).
    pub fn is_yuan(&self) -> bool {
        self.dimension == Dimension::Money && self.base == "元"
    }
}

/// Looks up a unit by its canonical spelling, including compound units `X/Y` whose
/// halves are both known (`元/千瓦时`, `万元/年`, `页/件`).
pub fn lookup(symbol: &str) -> Option<UnitInfo> {
    if let Some(unit) = lookup_simple(symbol) {
        return Some(unit);
    }
    let (numerator, denominator) = symbol.split_once('/')?;
    let top = lookup_simple(numerator)?;
    // A denominator of several units joined by `·` (`元/人·月`) counts as one.
    if denominator.contains('·') {
        let parts: Option<Vec<UnitInfo>> = denominator.split('·').map(lookup_simple).collect();
        if parts.is_none_or(|p| p.len() < 2) {
            return None;
        }
    }
    let bottom = match denominator.contains('·') {
        true => UnitInfo::unknown(denominator),
        false => lookup_simple(denominator)?,
    };
    if top.dimension == Dimension::Percent || bottom.dimension == Dimension::Percent {
        return None;
    }
    let dimension = if top.dimension == Dimension::Money {
        Dimension::UnitPrice
    } else {
        Dimension::Rate
    };
    Some(UnitInfo {
        symbol: Cow::Owned(symbol.to_string()),
        dimension,
        base: Cow::Owned(format!("{}/{}", top.base, bottom.symbol)),
        scale: top.scale,
    })
}

/// The canonical spelling of a unit written in a non-standard way (`平米` → `平方米`).
pub fn standard_spelling(written: &str) -> Option<&'static str> {
    Some(match written {
        "平米" | "㎡" | "平方" => "平方米",
        "百分比" => "%",
        "公斤" => "千克",
        "度" => "千瓦时",
        "KM" | "km" => "公里",
        "钟头" => "小时",
        _ => return None,
    })
}

/// Declares the unit table once: [`SYMBOLS`] lists it, `lookup_simple` reads it.
macro_rules! unit_table {
    ($($symbol:literal => $dimension:ident, $base:literal, $scale:literal;)*) => {
        /// The canonical spelling of every unit in the table (not the compounds `X/Y`).
        pub const SYMBOLS: &[&str] = &[$($symbol),*];

        fn lookup_simple(symbol: &str) -> Option<UnitInfo> {
            use Dimension::*;
            Some(match symbol {
                $($symbol => UnitInfo::known($symbol, $dimension, $base, $scale),)*
                _ => return None,
            })
        }
    };
}

unit_table! {
    "元" => Money, "元", 1;
    "千元" => Money, "元", 1_000;
    "万元" => Money, "元", 10_000;
    "亿元" => Money, "元", 100_000_000;
    "美元" => Money, "美元", 1;
    "万美元" => Money, "美元", 10_000;
    "亿美元" => Money, "美元", 100_000_000;
    "%" => Percent, "%", 1;
    "秒" => Time, "秒", 1;
    "分钟" => Time, "秒", 60;
    "小时" => Time, "秒", 3_600;
    "天" => Time, "秒", 86_400;
    "日" => Time, "秒", 86_400;
    "自然日" => Time, "秒", 86_400;
    "个自然日" => Time, "秒", 86_400;
    "周" => Time, "秒", 604_800;
    "工作日" => Time, "工作日", 1;
    "个工作日" => Time, "工作日", 1;
    "月" => Time, "月", 1;
    "个月" => Time, "月", 1;
    "季度" => Time, "月", 3;
    "年" => Time, "月", 12;
    "平方米" => Area, "平方米", 1;
    "公顷" => Area, "平方米", 10_000;
    "平方公里" => Area, "平方米", 1_000_000;
    "亩" => Area, "亩", 1;
    "米" => Length, "米", 1;
    "厘米" => Length, "厘米", 1;
    "毫米" => Length, "毫米", 1;
    "公里" => Length, "米", 1_000;
    "千米" => Length, "米", 1_000;
    "克" => Weight, "克", 1;
    "千克" => Weight, "克", 1_000;
    "吨" => Weight, "克", 1_000_000;
    "千瓦时" => Energy, "千瓦时", 1;
    "万千瓦时" => Energy, "千瓦时", 10_000;
    "个" => Count, "个", 1;
    "次" => Count, "次", 1;
    "人" => Count, "人", 1;
    "人次" => Count, "人次", 1;
    "户" => Count, "户", 1;
    "户次" => Count, "户次", 1;
    "份" => Count, "份", 1;
    "场" => Count, "场", 1;
    "场次" => Count, "场次", 1;
    "项" => Count, "项", 1;
    "篇" => Count, "篇", 1;
    "类" => Count, "类", 1;
    "家" => Count, "家", 1;
    "家次" => Count, "家次", 1;
    "套" => Count, "套", 1;
    "种" => Count, "种", 1;
    "台" => Count, "台", 1;
    "处" => Count, "处", 1;
    "期" => Count, "期", 1;
    "件" => Count, "件", 1;
    "辆" => Count, "辆", 1;
    "条" => Count, "条", 1;
    "批" => Count, "批", 1;
    "批次" => Count, "批次", 1;
    "案" => Count, "案", 1;
    "起" => Count, "起", 1;
    "株" => Count, "株", 1;
    "票" => Count, "票", 1;
    "页" => Count, "页", 1;
    "本" => Count, "本", 1;
    "册" => Count, "册", 1;
    "张" => Count, "张", 1;
    "座" => Count, "座", 1;
    "所" => Count, "所", 1;
    "名" => Count, "名", 1;
    "位" => Count, "位", 1;
    "部" => Count, "部", 1;
    "间" => Count, "间", 1;
    "栋" => Count, "栋", 1;
    "块" => Count, "块", 1;
    "支" => Count, "支", 1;
    "轮" => Count, "轮", 1;
    "天次" => Count, "天次", 1;
    "课时" => Count, "课时", 1;
    "分" => Count, "分", 1;
    "学时" => Count, "学时", 1;
}
