//! Values: every row's 指标值 is read once here; later passes use what it means.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::check::Context;

/// How a target compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// `≥`, 不低于, 不少于, 以上.
    AtLeast,
    /// `>`, 大于, 超过.
    Above,
    /// `≤`, 不高于, 不超过, 以内, 以下.
    AtMost,
    /// `<`, 少于, 小于, 低于.
    Below,
    /// `=` or none written.
    Exactly,
}

/// A calendar date or month written in a value, with its byte range in the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateFact {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
    pub range: Range<usize>,
}

/// What a value means, as far as the checks need it.
#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    /// An amount of money, converted to 元.
    Money { cmp: Cmp, yuan: Decimal },
    /// Money per something (`元/个`, `万元/年`): a price, not comparable to a budget.
    MoneyRate,
    Percent { cmp: Cmp, value: Decimal },
    /// A count or measure in some other unit, or a bare number.
    Quantity { cmp: Cmp },
    Ratio,
    /// A date or deadline (`2025年12月底前`, `≤2024.12`, `12月底前`).
    Date { dates: Vec<DateFact> },
    /// A duration (`≤3个工作日`, `24小时`, `1年`).
    Duration,
    /// Qualitative text.
    Text,
}

/// One row's value as the checks see it.
#[derive(Clone, Debug, PartialEq)]
pub struct RowValue {
    pub meaning: Meaning,
    /// The value has a problem of its own (reported by this pass), so checks of its
    /// kind against the category stay quiet instead of reporting the same thing twice.
    pub malformed: bool,
}

/// Reads every row's value.
pub fn run(cx: &mut Context) {
    cx.values = cx
        .doc
        .projects
        .iter()
        .map(|p| {
            p.rows()
                .map(|(_, _, r)| RowValue {
                    meaning: meaning(r.value.value.trim()),
                    malformed: false,
                })
                .collect()
        })
        .collect();
}

const COMPARATOR_WORDS: &[(&str, Cmp)] = &[
    ("≥", Cmp::AtLeast),
    (">=", Cmp::AtLeast),
    ("≤", Cmp::AtMost),
    ("<=", Cmp::AtMost),
    (">", Cmp::Above),
    ("<", Cmp::Below),
    ("＞", Cmp::Above),
    ("＜", Cmp::Below),
    ("=", Cmp::Exactly),
    ("不低于", Cmp::AtLeast),
    ("不少于", Cmp::AtLeast),
    ("不高于", Cmp::AtMost),
    ("不超过", Cmp::AtMost),
    ("少于", Cmp::Below),
    ("小于", Cmp::Below),
    ("低于", Cmp::Below),
    ("大于", Cmp::Above),
    ("超过", Cmp::Above),
];

const DURATION_UNITS: &[&str] = &[
    "个工作日",
    "工作日",
    "分钟",
    "小时",
    "个月",
    "天",
    "日",
    "周",
    "月",
    "年",
];

/// Reads the meaning of one value.
pub fn meaning(v: &str) -> Meaning {
    let dates = dates(v);
    if !dates.is_empty() {
        return Meaning::Date { dates };
    }
    let (cmp, rest) = comparator(v);
    if rest.contains([':', '：']) && rest.split([':', '：']).all(|p| is_number(p.trim())) {
        return Meaning::Ratio;
    }
    let num_len = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let Ok(number) = Decimal::from_str(&rest[..num_len]) else {
        return Meaning::Text;
    };
    let unit = rest[num_len..].trim();
    let unit = unit
        .trim_end_matches("以上")
        .trim_end_matches("以下")
        .trim_end_matches("以内")
        .trim_end_matches("之内")
        .trim_end_matches('内');
    let cmp = match cmp {
        Cmp::Exactly if rest[num_len..].trim().ends_with("以上") => Cmp::AtLeast,
        Cmp::Exactly if rest[num_len..].trim().ends_with("以内") => Cmp::AtMost,
        Cmp::Exactly if rest[num_len..].trim().ends_with("以下") => Cmp::AtMost,
        c => c,
    };
    if unit == "%" || unit == "％" || unit == "百分比" {
        return Meaning::Percent { cmp, value: number };
    }
    if unit.contains('/') && unit.contains('元') {
        return Meaning::MoneyRate;
    }
    let scale = match unit {
        "元" => Some(Decimal::ONE),
        "万元" | "万" => Some(Decimal::from(10_000)),
        "亿元" | "亿" => Some(Decimal::from(100_000_000)),
        _ => None,
    };
    if let Some(scale) = scale {
        return Meaning::Money {
            cmp,
            yuan: number * scale,
        };
    }
    if DURATION_UNITS.iter().any(|u| unit.starts_with(u)) || unit.starts_with("*24小时") {
        return Meaning::Duration;
    }
    Meaning::Quantity { cmp }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && Decimal::from_str(s).is_ok()
}

fn comparator(v: &str) -> (Cmp, &str) {
    for (word, cmp) in COMPARATOR_WORDS {
        if let Some(rest) = v.strip_prefix(word) {
            return (*cmp, rest.trim_start());
        }
    }
    (Cmp::Exactly, v)
}

/// Digits at byte `i` of `s`: their value and the byte just after them.
fn digits(s: &str, i: usize) -> Option<(u32, usize)> {
    let len = s[i..].bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 4 {
        return None;
    }
    Some((s[i..i + len].parse().ok()?, i + len))
}

/// Every `YYYY年M月[D日]`, `M月[D日]` and `YYYY.M` in a value.
fn dates(v: &str) -> Vec<DateFact> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if !v.is_char_boundary(i) || !v.as_bytes()[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if i > 0 && v.as_bytes()[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let Some((n, after)) = digits(v, i) else {
            i += 1;
            continue;
        };
        let start = i;
        if after - start == 4 && v[after..].starts_with('年') {
            let m_at = after + '年'.len_utf8();
            if let Some((month, m_end)) = digits(v, m_at)
                && v[m_end..].starts_with('月')
            {
                let (day, end) = day_after(v, m_end + '月'.len_utf8());
                out.push(DateFact {
                    year: Some(n as i32),
                    month,
                    day,
                    range: start..end,
                });
                i = end;
                continue;
            }
        }
        if after - start == 4
            && v[after..].starts_with('.')
            && let Some((month, m_end)) = digits(v, after + 1)
            && m_end - after - 1 <= 2
        {
            out.push(DateFact {
                year: Some(n as i32),
                month,
                day: None,
                range: start..m_end,
            });
            i = m_end;
            continue;
        }
        if after - start <= 2 && v[after..].starts_with('月') && !v[..start].ends_with('个') {
            let (day, end) = day_after(v, after + '月'.len_utf8());
            // `1-12月` is a period; `12个月` is a duration.
            if !v[..start].ends_with(['-', '－', '至', '~']) {
                out.push(DateFact {
                    year: None,
                    month: n,
                    day,
                    range: start..end,
                });
            }
            i = end;
            continue;
        }
        i = after;
    }
    out
}

fn day_after(v: &str, at: usize) -> (Option<u32>, usize) {
    match digits(v, at) {
        Some((d, end)) if v[end..].starts_with(['日', '号']) => (Some(d), end + '日'.len_utf8()),
        _ => (None, at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_real_values() {
        assert!(matches!(meaning("≤41.66万元"), Meaning::Money { cmp: Cmp::AtMost, yuan } if yuan == Decimal::from(416600)));
        assert!(matches!(meaning("≥90%"), Meaning::Percent { cmp: Cmp::AtLeast, .. }));
        assert!(matches!(meaning("2026年12月31日前"), Meaning::Date { ref dates } if dates[0].year == Some(2026) && dates[0].day == Some(31)));
        assert!(matches!(meaning("≤2024.12"), Meaning::Date { .. }));
        assert!(matches!(meaning("12月底前"), Meaning::Date { ref dates } if dates[0].year.is_none()));
        assert_eq!(meaning("≤3个工作日"), Meaning::Duration);
        assert_eq!(meaning("12个月内完成"), Meaning::Duration);
        assert_eq!(meaning("≥1:4"), Meaning::Ratio);
        assert_eq!(meaning("有效提升"), Meaning::Text);
        assert_eq!(meaning("1种"), Meaning::Quantity { cmp: Cmp::Exactly });
        assert_eq!(meaning("≤10元/个"), Meaning::MoneyRate);
    }
}
