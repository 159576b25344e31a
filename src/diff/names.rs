//! Comparing names: the same project or row written with another year, other spacing or a
//! few words changed.

use std::collections::BTreeMap;

use crate::value::year::{YearMark, years_in};

/// A name with whitespace removed and full-width ASCII folded, for exact comparison.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The normalized name without the years in it: `2026年“购滨城·促消费”消费券资金` and
/// `2025年“购滨城·促消费”消费券资金` are the same project of two years. A year is four
/// digits from 2000 to 2099 that are not part of a longer number
/// ([`YearMark::Bare`]), with the `年` after it.
pub fn without_years(name: &str) -> String {
    let text = normalize(name);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (_, range) in years_in(&text, YearMark::Bare) {
        out.push_str(&text[at..range.start]);
        at = range.end;
        if text[at..].starts_with('年') {
            at += '年'.len_utf8();
        }
    }
    out.push_str(&text[at..]);
    out
}

/// How alike two names are, from 0 to 100: the Dice coefficient of their character
/// bigrams (Chinese names share words, not letters in order), on the names without years.
pub fn similarity(a: &str, b: &str) -> u32 {
    let a = without_years(a);
    let b = without_years(b);
    if a == b {
        return 100;
    }
    let grams = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        let mut counts: BTreeMap<(char, char), u32> = BTreeMap::new();
        if chars.len() == 1 {
            *counts.entry((chars[0], '\0')).or_default() += 1;
        }
        for w in chars.windows(2) {
            *counts.entry((w[0], w[1])).or_default() += 1;
        }
        counts
    };
    let (ga, gb) = (grams(&a), grams(&b));
    let total: u32 = ga.values().sum::<u32>() + gb.values().sum::<u32>();
    if total == 0 {
        return 0;
    }
    let shared: u32 = ga
        .iter()
        .map(|(g, n)| (*n).min(gb.get(g).copied().unwrap_or(0)))
        .sum();
    shared * 200 / total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_removed_only_where_they_are_years() {
        assert_eq!(
            without_years("2026年“购滨城·促消费”消费券资金"),
            "“购滨城·促消费”消费券资金"
        );
        assert_eq!(
            without_years("2025世界智能产业博览会"),
            "世界智能产业博览会"
        );
        assert_eq!(without_years("编号13020024P"), "编号13020024P");
        assert_eq!(without_years("1999年项目"), "1999年项目");
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        assert_eq!(similarity("机关网络运转维护费", "机关网络运转维护费"), 100);
        assert_eq!(similarity("2025年项目", "2026年项目"), 100);
        let s = similarity("机关网络运转维护费", "机关网络运行维护费");
        assert_eq!(s, similarity("机关网络运行维护费", "机关网络运转维护费"));
        assert!((50..100).contains(&s), "{s}");
        assert_eq!(similarity("空调", "桌椅"), 0);
    }
}
