//! Years written in running text: `2025年` in a title or a deadline, `2024.12` in a
//! value, `2025` in a project name. One definition for the checker (a title's year against
//! the deadlines), the importers (inferring the budget year) and the diff (a project's
//! name without its year).

use std::ops::Range;

/// What may follow a year's four digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearMark {
    /// Only `年`: `2025年`.
    Nian,
    /// `年`, or `.` and a digit: `2025年`, `2024.12`.
    NianOrDot,
    /// Anything but another digit: `2025年`, `2025世界…`, a year at the end.
    Bare,
}

/// Every four-digit year 2000–2099 in `text` that no other digit precedes and that the
/// mark follows, with the byte range of its digits, in order.
pub fn years_in(text: &str, mark: YearMark) -> Vec<(i32, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.char_indices() {
        let Some(four) = text.get(i..i + 4) else {
            continue;
        };
        if !four.starts_with("20")
            || !four.bytes().all(|b| b.is_ascii_digit())
            || (i > 0 && bytes[i - 1].is_ascii_digit())
        {
            continue;
        }
        let rest = &text[i + 4..];
        let marked = match mark {
            YearMark::Nian => rest.starts_with('年'),
            YearMark::NianOrDot => {
                rest.starts_with('年')
                    || (rest.starts_with('.')
                        && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
            }
            YearMark::Bare => !rest.starts_with(|c: char| c.is_ascii_digit()),
        };
        if marked && let Ok(year) = four.parse() {
            out.push((year, i..i + 4));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str, mark: YearMark) -> Vec<i32> {
        years_in(text, mark).into_iter().map(|(y, _)| y).collect()
    }

    #[test]
    fn years_are_found_where_they_are_marked() {
        assert_eq!(years("≤2024.12", YearMark::NianOrDot), vec![2024]);
        assert!(years("≤2024.12", YearMark::Nian).is_empty());
        assert_eq!(years("2026年12月31日前", YearMark::Nian), vec![2026]);
        assert_eq!(
            years_in("唐山市2024年部门预算", YearMark::Nian),
            vec![(2024, 9..13)]
        );
        assert!(years("12025年", YearMark::Nian).is_empty());
        assert!(years("1999年", YearMark::Nian).is_empty());
        assert!(years("2025", YearMark::NianOrDot).is_empty());
        assert!(years("2025.", YearMark::NianOrDot).is_empty());
        assert_eq!(years("2024年至2025年", YearMark::Nian), vec![2024, 2025]);
        assert_eq!(
            years("2025世界博览会2026", YearMark::Bare),
            vec![2025, 2026]
        );
        assert!(years("编号13020024P", YearMark::Bare).is_empty());
        assert!(years("202512", YearMark::Bare).is_empty());
    }
}
