//! Budget amounts as real tables print them: a unit typed into the cell (`250万`,
//! `10000万元`) or thousands separators (`1,234.50`), read into the document's unit.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::AmountUnit;

/// An amount read past a unit or separators typed into its cell.
pub struct WithUnit {
    /// The amount in the document's unit.
    pub value: Decimal,
    /// What was typed besides the number, for the message (`单位“万”`, `千分位逗号`).
    pub what: String,
}

/// How many decimals an amount in `unit` may have and still be exact to the 分:
/// 2 in 元, 6 in 万元.
pub fn fen_places(unit: AmountUnit) -> u32 {
    match unit {
        AmountUnit::Yuan => 2,
        AmountUnit::WanYuan => 6,
    }
}

/// Reads `text` as an amount with a unit (`万元`, `万`, `元`, `亿元`, `亿`) or thousands
/// separators, converted into `unit`; `None` when it is not such an amount.
pub fn with_unit(text: &str, unit: AmountUnit) -> Option<WithUnit> {
    const SUFFIXES: [(&str, i64); 5] = [
        ("亿元", 100_000_000),
        ("万元", 10_000),
        ("亿", 100_000_000),
        ("万", 10_000),
        ("元", 1),
    ];
    let text = text.trim();
    let (number, suffix) = SUFFIXES
        .iter()
        .find_map(|(s, f)| text.strip_suffix(s).map(|n| (n.trim(), Some((*s, *f)))))
        .unwrap_or((text, None));
    let separators = number.contains([',', '，']);
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '，'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if separators && !well_grouped(number) {
        return None;
    }
    let n = Decimal::from_str(&digits).ok()?;
    let value = match suffix {
        Some((_, factor)) => n * Decimal::from(factor) / unit.yuan_factor(),
        None if separators => n,
        None => return None,
    };
    let what = match (suffix, separators) {
        (Some((s, _)), false) => format!("单位“{s}”"),
        (Some((s, _)), true) => format!("单位“{s}”和千分位逗号"),
        (None, _) => "千分位逗号".to_string(),
    };
    Some(WithUnit {
        value: value.normalize(),
        what,
    })
}

/// Thousands separators every three digits of the integer part: `1,234,567.8`.
fn well_grouped(number: &str) -> bool {
    let int = number.split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split([',', '，']).collect();
    groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && !number
            .split('.')
            .nth(1)
            .is_some_and(|f| f.contains([',', '，']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, unit: AmountUnit) -> Option<String> {
        with_unit(text, unit).map(|w| w.value.to_string())
    }

    #[test]
    fn units_typed_into_budget_cells() {
        use AmountUnit::*;
        assert_eq!(read("250万", WanYuan).as_deref(), Some("250"));
        assert_eq!(read("10000万元", WanYuan).as_deref(), Some("10000"));
        assert_eq!(read("5.8万", WanYuan).as_deref(), Some("5.8"));
        assert_eq!(read("250万", Yuan).as_deref(), Some("2500000"));
        assert_eq!(read("2500元", WanYuan).as_deref(), Some("0.25"));
        assert_eq!(read("1,234.50", Yuan).as_deref(), Some("1234.5"));
        assert_eq!(read("1,2345", Yuan), None);
        assert_eq!(read("约250万", WanYuan), None);
        assert_eq!(read("250", WanYuan), None);
    }
}
