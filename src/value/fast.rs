//! A shortcut past the grammar for the spellings most values use: `≥90%`, `≤41.66万元`,
//! `≥5个`, `少于2076万元`, `2026年12月31日前`, `12月底前`, `≤2024.12`, `≤24小时`,
//! `7*24小时响应`, `≥1:4`, `≥95`.
//!
//! The grammar (`grammar/value.pest`) stays the definition of the language. This module
//! only *recognizes* a few shapes by looking at bytes, splits them into the same pieces the
//! grammar would (the same alternative of `value`, the same `comparator`, `number`,
//! `unit_text`, `month`, … with the same spans) and hands the pieces to the same builders
//! in `build` that read the parse tree. Anything it is not sure about — ranges, month
//! periods, `月份`/`号`, comparator words after the number, signs, stray characters —
//! returns `None` and goes through the grammar.
//!
//! Why each shape reaches the same alternative is argued at each branch below: the
//! alternatives of `value` are tried in order (date, duration, ratio, range, amount), so a
//! shape may only be read as a later one when every earlier one fails on it. The
//! `fast_path_equals_grammar_*` tests in `tests/values.rs` and the fuzz target check
//! `parse(s) == parse_with_grammar(s)` for the whole result.

use super::build::{self, AmountParts, Built, Comparators, DateParts, DurationParts, Piece};
use super::model::Comparator;

/// The `time_unit` alternatives, in the grammar's order (PEG takes the first that matches).
const TIME_UNITS: [&str; 12] = [
    "分钟",
    "小时",
    "个工作日",
    "工作日",
    "个自然日",
    "自然日",
    "天",
    "日",
    "周",
    "个月",
    "月",
    "年",
];

/// The `duration_qualifier` alternatives. No earlier one is a prefix of a later one, so
/// with end of input required right after, PEG reads a rest equal to one of them as it.
const DURATION_QUALIFIERS: [&str; 5] = ["内完成", "之内", "内", "响应", "完成"];

/// The endings of every `suffix_comparator` (`及其以上`, `及以上`, `以上`, `及其以下`, `及以下`,
/// `以下`, `以内`).
const SUFFIX_ENDINGS: [&str; 3] = ["以上", "以下", "以内"];

/// The `date_qualifier` alternatives. As with durations, no earlier one is a prefix of a
/// later one, so a rest equal to one of them is read as it.
const DATE_QUALIFIERS: [&str; 14] = [
    "底前完成",
    "底之前",
    "底以前",
    "底前",
    "底到位",
    "底",
    "前完成",
    "前到位",
    "之前",
    "以前",
    "前",
    "完成",
    "到位",
    "全年",
];

/// Reads `text` (already normalized) when it has one of the common shapes, exactly as
/// `build::build` would; `None` when the shape is not one of them (the grammar decides).
pub(super) fn build(text: &str) -> Option<Built> {
    let bytes = text.as_bytes();
    // `comparator?`: where one spelling begins another (`大于`, `大于等于`), the grammar
    // lists the longer first, so the longest the text starts with (if any) is the one
    // PEG takes, in every alternative that has it.
    let (comparator, at) = match comparator_len(text) {
        0 => (None, 0),
        n => (Some(Piece::at(text, 0..n)), n),
    };
    // `number`: ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)?, greedy.
    let int_end = at + digits(&bytes[at..]);
    if int_end == at {
        return None;
    }
    let mut end = int_end;
    let mut fraction = false;
    if bytes.get(end) == Some(&b'.') {
        let n = digits(&bytes[end + 1..]);
        if n == 0 {
            return None;
        }
        end += 1 + n;
        fraction = true;
    }
    let int_len = int_end - at;
    // `year` is ("19" | "20") ~ ASCII_DIGIT{2}; a date needs it to be the whole digit run.
    let year_like =
        int_len == 4 && (bytes[at..].starts_with(b"19") || bytes[at..].starts_with(b"20"));
    // A year followed by `.`, `-` or `/`: `dotted_date` is tried first.
    if year_like && matches!(bytes.get(int_end), Some(b'.' | b'-' | b'/')) {
        return dotted_date(text, comparator, at, int_end);
    }
    let number = &text[at..end];
    let rest = &text[end..];
    // From here on, a `date` can only match when the digit run is a year followed by `年`
    // (`written_date`, first alternative) or one or two digits followed by `月` (`month`
    // in the first or third alternative) or by a `range_sep` (`period`): `dotted_date`
    // needs a year and `.`, `-` or `/` right after it, which was read above. The branches
    // below read those two date shapes as dates and give everything else with `-`, `~`,
    // `至`, `到` or `/` to the grammar.
    if rest.starts_with('年') && year_like {
        return date(text, comparator, Some(&text[at..int_end]), end);
    }
    if rest.starts_with('月') && int_len <= 2 && !fraction {
        return date(text, comparator, None, at);
    }
    // Not a date. `duration`: (product | number) ~ time_unit ~ suffix_comparator? ~
    // duration_qualifier?, end of input.
    if let Some(after) = rest.strip_prefix('*') {
        // `product` is tried before `number`; once it matches, a failing `time_unit` fails
        // the whole duration, and ratio, range and amount do not read `*` either.
        let n = number_len(after.as_bytes())?;
        let second = &after[..n];
        return duration(comparator, Some(number), second, &after[n..]);
    }
    if TIME_UNITS.iter().any(|u| rest.starts_with(u)) {
        // Every time unit starts with a character that no date, after the checks above,
        // can have right after its number. Durations that fail go through the grammar
        // (which may read them as amounts: `1天次`).
        return duration(comparator, None, number, rest);
    }
    // `ratio`: comparator? ~ number ~ ":" ~ number, end of input.
    if let Some(after) = rest.strip_prefix(':') {
        let n = number_len(after.as_bytes())?;
        if n != after.len() {
            return None;
        }
        return build::ratio(comparator, number, after);
    }
    // `range` (no comparator; number ~ range_unit? ~ range_sep ~ …) can only match with a
    // range separator somewhere after the number, and `range_unit` stops at digits: leave
    // both to the grammar. What remains is an `amount`: comparator? ~ signed_number ~
    // unit_text? ~ suffix_comparator?. `unit_text` takes everything up to a
    // `suffix_comparator` that ends the input; with none at the end it takes all the rest.
    if rest.is_empty() {
        return build::amount(AmountParts {
            comparators: Comparators {
                prefix: comparator,
                suffix: None,
            },
            number,
            unit: None,
        });
    }
    if rest.starts_with(|c: char| c.is_ascii() && c != '%')
        || rest.contains(|c: char| c.is_ascii_digit() || matches!(c, '-' | '~' | '至' | '到'))
        || SUFFIX_ENDINGS.iter().any(|s| rest.ends_with(s))
    {
        return None;
    }
    build::amount(AmountParts {
        comparators: Comparators {
            prefix: comparator,
            suffix: None,
        },
        number,
        unit: Some(Piece::at(text, end..text.len())),
    })
}

/// The byte length of the `comparator` `text` starts with, 0 if none.
fn comparator_len(text: &str) -> usize {
    match text.as_bytes().first() {
        Some(b'>' | b'<' | b'=') => 1,
        Some(b) if b.is_ascii() => 0,
        // The grammar lists a word before any word it begins with (`大于等于` before
        // `大于`), so the one PEG takes is the longest that matches.
        _ => Comparator::ALL
            .iter()
            .filter(|c| !c.is_suffix())
            .map(|c| c.as_str())
            .filter(|c| text.starts_with(c))
            .map(str::len)
            .max()
            .unwrap_or(0),
    }
}

/// The number of ASCII digits at the start of `bytes`.
fn digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The length of a `number` at the start of `bytes`, if one is there and is not followed
/// by a `.` the grammar would leave unread.
fn number_len(bytes: &[u8]) -> Option<usize> {
    let int = digits(bytes);
    if int == 0 {
        return None;
    }
    if bytes.get(int) == Some(&b'.') {
        let fraction = digits(&bytes[int + 1..]);
        if fraction == 0 {
            return None;
        }
        return Some(int + 1 + fraction);
    }
    Some(int)
}

/// A duration whose unit starts `rest`: the time unit the grammar picks (the first in its
/// order that matches), then nothing or exactly one qualifier. A `suffix_comparator`
/// (`以内`) goes through the grammar.
fn duration<'i>(
    comparator: Option<Piece<'i>>,
    factor: Option<&'i str>,
    number: &'i str,
    rest: &'i str,
) -> Option<Built> {
    let unit = TIME_UNITS.iter().find(|u| rest.starts_with(*u))?;
    let after = &rest[unit.len()..];
    let qualifier = match after {
        "" => None,
        q => Some(*DURATION_QUALIFIERS.iter().find(|d| **d == q)?),
    };
    build::duration(DurationParts {
        comparators: Comparators {
            prefix: comparator,
            suffix: None,
        },
        factor,
        number,
        unit,
        qualifier,
    })
}

/// A `written_date` without a period: `[YYYY年][M月[D日]]` then nothing or one qualifier,
/// read from byte `at` (the year, or the month when `year` is `None`). `月份`, `号` and
/// anything else go through the grammar.
fn date<'i>(
    text: &'i str,
    comparator: Option<Piece<'i>>,
    year: Option<&'i str>,
    at: usize,
) -> Option<Built> {
    let bytes = text.as_bytes();
    let mut parts = DateParts {
        comparator,
        year,
        ..DateParts::default()
    };
    // After `YYYY` comes `年` (three bytes); a month is optional after it.
    let mut p = if year.is_some() { at + "年".len() } else { at };
    let month_len = digits(&bytes[p..]);
    if month_len > 0 {
        // `month` is ASCII_DIGIT{1,2}; a longer run fails the date.
        if month_len > 2 {
            return None;
        }
        let word = p + month_len;
        // `period` is tried first: a separator after the month makes it one.
        if !text[word..].starts_with('月') || text[word..].starts_with("月份") {
            return None;
        }
        parts.month = Some(Piece::at(text, p..word));
        parts.month_word = Some(Piece::at(text, word..word + "月".len()));
        p = word + "月".len();
        let day_len = digits(&bytes[p..]);
        if day_len > 0 {
            if day_len > 2 {
                return None;
            }
            let word = p + day_len;
            if !text[word..].starts_with('日') {
                return None;
            }
            parts.day = Some(Piece::at(text, p..word));
            parts.day_word = Some(Piece::at(text, word..word + "日".len()));
            p = word + "日".len();
        }
    } else if year.is_none() {
        return None;
    }
    parts.qualifier = match &text[p..] {
        "" => None,
        q => Some(*DATE_QUALIFIERS.iter().find(|d| **d == q)?),
    };
    build::date(parts)
}

/// A `dotted_date`: `YYYY` then `.M`, `-M` or `/M`, optionally the same separator and a
/// day, optionally `日期`, then nothing or one qualifier. `year` is the byte range of the
/// four digits, `sep` the byte after them.
fn dotted_date<'i>(
    text: &'i str,
    comparator: Option<Piece<'i>>,
    at: usize,
    sep: usize,
) -> Option<Built> {
    let bytes = text.as_bytes();
    let separator = bytes[sep];
    // `month` and `day` are ASCII_DIGIT{1,2}, greedy; a longer run leaves a digit that
    // nothing after them reads, and the date fails.
    let month_len = digits(&bytes[sep + 1..]);
    if !(1..=2).contains(&month_len) {
        return None;
    }
    let mut p = sep + 1 + month_len;
    let month = Piece::at(text, sep + 1..p);
    // `dot_tail`'s `!zero_month`: `2025.0` is a number; the grammar reads it.
    if separator == b'.' && month.text.bytes().all(|b| b == b'0') {
        return None;
    }
    let mut day = None;
    if bytes.get(p) == Some(&separator) {
        let day_len = digits(&bytes[p + 1..]);
        if !(1..=2).contains(&day_len) {
            return None;
        }
        day = Some(Piece::at(text, p + 1..p + 1 + day_len));
        p += 1 + day_len;
    }
    let has_word = text[p..].starts_with("日期");
    if has_word {
        p += "日期".len();
    }
    let qualifier = match &text[p..] {
        "" => None,
        q => Some(*DATE_QUALIFIERS.iter().find(|d| **d == q)?),
    };
    build::date(DateParts {
        comparator,
        dotted: Some((at..p, has_word)),
        year: Some(&text[at..sep]),
        month: Some(month),
        day,
        qualifier,
        ..DateParts::default()
    })
}
