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
    let bottom = lookup_simple(denominator)?;
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

fn lookup_simple(symbol: &str) -> Option<UnitInfo> {
    use Dimension::*;
    let count = |s: &'static str| UnitInfo::known(s, Count, s, 1);
    Some(match symbol {
        "元" => UnitInfo::known("元", Money, "元", 1),
        "千元" => UnitInfo::known("千元", Money, "元", 1_000),
        "万元" => UnitInfo::known("万元", Money, "元", 10_000),
        "亿元" => UnitInfo::known("亿元", Money, "元", 100_000_000),
        "美元" => UnitInfo::known("美元", Money, "美元", 1),
        "万美元" => UnitInfo::known("万美元", Money, "美元", 10_000),
        "亿美元" => UnitInfo::known("亿美元", Money, "美元", 100_000_000),
        "%" => UnitInfo::known("%", Percent, "%", 1),
        "秒" => UnitInfo::known("秒", Time, "秒", 1),
        "分钟" => UnitInfo::known("分钟", Time, "秒", 60),
        "小时" => UnitInfo::known("小时", Time, "秒", 3_600),
        "天" => UnitInfo::known("天", Time, "秒", 86_400),
        "日" => UnitInfo::known("日", Time, "秒", 86_400),
        "自然日" => UnitInfo::known("自然日", Time, "秒", 86_400),
        "个自然日" => UnitInfo::known("个自然日", Time, "秒", 86_400),
        "周" => UnitInfo::known("周", Time, "秒", 604_800),
        "工作日" => UnitInfo::known("工作日", Time, "工作日", 1),
        "个工作日" => UnitInfo::known("个工作日", Time, "工作日", 1),
        "月" => UnitInfo::known("月", Time, "月", 1),
        "个月" => UnitInfo::known("个月", Time, "月", 1),
        "季度" => UnitInfo::known("季度", Time, "月", 3),
        "年" => UnitInfo::known("年", Time, "月", 12),
        "平方米" => UnitInfo::known("平方米", Area, "平方米", 1),
        "公顷" => UnitInfo::known("公顷", Area, "平方米", 10_000),
        "平方公里" => UnitInfo::known("平方公里", Area, "平方米", 1_000_000),
        "亩" => UnitInfo::known("亩", Area, "亩", 1),
        "米" => UnitInfo::known("米", Length, "米", 1),
        "公里" => UnitInfo::known("公里", Length, "米", 1_000),
        "千米" => UnitInfo::known("千米", Length, "米", 1_000),
        "克" => UnitInfo::known("克", Weight, "克", 1),
        "千克" => UnitInfo::known("千克", Weight, "克", 1_000),
        "吨" => UnitInfo::known("吨", Weight, "克", 1_000_000),
        "千瓦时" => UnitInfo::known("千瓦时", Energy, "千瓦时", 1),
        "万千瓦时" => UnitInfo::known("万千瓦时", Energy, "千瓦时", 10_000),
        "个" => count("个"),
        "次" => count("次"),
        "人" => count("人"),
        "人次" => count("人次"),
        "户" => count("户"),
        "户次" => count("户次"),
        "份" => count("份"),
        "场" => count("场"),
        "场次" => count("场次"),
        "项" => count("项"),
        "篇" => count("篇"),
        "类" => count("类"),
        "家" => count("家"),
        "家次" => count("家次"),
        "套" => count("套"),
        "种" => count("种"),
        "台" => count("台"),
        "处" => count("处"),
        "期" => count("期"),
        "件" => count("件"),
        "辆" => count("辆"),
        "条" => count("条"),
        "批" => count("批"),
        "批次" => count("批次"),
        "案" => count("案"),
        "票" => count("票"),
        "页" => count("页"),
        "本" => count("本"),
        "册" => count("册"),
        "张" => count("张"),
        "座" => count("座"),
        "所" => count("所"),
        "名" => count("名"),
        "位" => count("位"),
        "部" => count("部"),
        "间" => count("间"),
        "栋" => count("栋"),
        "块" => count("块"),
        "支" => count("支"),
        "轮" => count("轮"),
        "天次" => count("天次"),
        "课时" => count("课时"),
        "分" => count("分"),
        "学时" => count("学时"),
        _ => return None,
    })
}
