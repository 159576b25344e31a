//! The first step of parsing: fold the many ways to type the same characters (full-width
//! digits, `％`, `>=`, spaces, thousands separators, leading zeros) into the one the
//! grammar reads, noting each change as a non-canonical spelling with its place in the
//! original value.

use std::borrow::Cow;
use std::ops::Range;

/// A value after folding, with a way back to byte offsets in the original.
pub struct Normalized<'a> {
    /// The folded text the grammar reads.
    pub text: Cow<'a, str>,
    /// For each byte of `text` (and one past its end), the byte offset in the original;
    /// `None` when nothing changed and offsets are the same.
    map: Option<Vec<usize>>,
    /// What was folded: a Chinese description and where it was in the original.
    pub changes: Vec<(&'static str, Range<usize>)>,
}

impl Normalized<'_> {
    /// Maps a byte range of the folded text back to the original value.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        match &self.map {
            None => range,
            Some(map) => {
                let start = map[range.start.min(map.len() - 1)];
                let end = if range.end > range.start {
                    // The end of the last folded byte's original character.
                    let last = map[(range.end - 1).min(map.len() - 1)];
                    map[range.end.min(map.len() - 1)].max(last + 1)
                } else {
                    start
                };
                start..end
            }
        }
    }
}

/// The canonical character for one that is typed differently, with the reason.
fn fold_char(c: char) -> Option<(char, &'static str)> {
    Some(match c {
        '０'..='９' => (
            char::from(b'0' + (c as u32 - '０' as u32) as u8),
            "全角数字应写作半角数字",
        ),
        '％' => ('%', "全角“％”应写作“%”"),
        '．' => ('.', "全角小数点应写作“.”"),
        '：' => (':', "全角冒号应写作“:”"),
        '／' => ('/', "全角斜杠应写作“/”"),
        '＊' | '×' => ('*', "乘号应写作“*”"),
        '－' | '—' | '–' | '―' | '‐' => ('-', "连接号应写作“-”"),
        '～' | '〜' => ('~', "全角波浪号应写作“~”"),
        '＞' => ('>', "全角“＞”应写作“>”"),
        '＜' => ('<', "全角“＜”应写作“<”"),
        '＝' => ('=', "全角“＝”应写作“=”"),
        '≧' | '⩾' => ('≥', "比较符应写作“≥”"),
        '≦' | '⩽' => ('≤', "比较符应写作“≤”"),
        _ => return None,
    })
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether a `0` is a leading zero: it starts a number (no digit or decimal point before
/// it) and another digit follows. `090` and `2024年01月` read as `90` and `2024年1月`, so
/// the canonical spelling of what is read never turns into a different value when read
/// again (`≤02024.02` is the date `≤2024.02`, not the number 2024.02).
fn is_leading_zero(prev: Option<char>, c: char, next: Option<char>) -> bool {
    c == '0' && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.') && next.is_some_and(is_digit)
}

/// Whether the folding step would leave `input` unchanged (the common, fast case).
fn is_plain(input: &str) -> bool {
    let mut prev = '\0';
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace()
            || fold_char(c).is_some()
            || (c == '=' && matches!(prev, '>' | '<'))
            || (matches!(c, ',' | '，') && prev.is_ascii_digit())
            || is_leading_zero(Some(prev), c, chars.peek().copied())
        {
            return false;
        }
        prev = c;
    }
    true
}

/// Folds `input` into the form the grammar reads.
pub fn normalize(input: &str) -> Normalized<'_> {
    if is_plain(input) {
        return Normalized {
            text: Cow::Borrowed(input),
            map: None,
            changes: Vec::new(),
        };
    }
    let mut text = String::with_capacity(input.len());
    let mut map = Vec::with_capacity(input.len() + 1);
    let mut changes: Vec<(&'static str, Range<usize>)> = Vec::new();
    let mut note = |reason: &'static str, range: Range<usize>| match changes.last_mut() {
        Some((last, r)) if *last == reason && r.end == range.start => r.end = range.end,
        _ => changes.push((reason, range)),
    };
    // Where in the input the last `0` pushed to `text` was.
    let mut zero = 0..0;
    let mut chars = input.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        let push = |text: &mut String, map: &mut Vec<usize>, out: char| {
            for _ in 0..out.len_utf8() {
                map.push(at);
            }
            text.push(out);
        };
        if c.is_whitespace() {
            note("值中不应有空格", at..end);
            continue;
        }
        if matches!(c, ',' | '，')
            && text.ends_with(|p: char| p.is_ascii_digit())
            && next.is_some_and(is_digit)
        {
            note("数字中不应使用千位分隔符", at..end);
            continue;
        }
        let (out, reason) = match fold_char(c) {
            Some((out, reason)) => (out, Some(reason)),
            None => (c, None),
        };
        // A `0` at the end of `text` that starts a number is a leading zero once another
        // digit follows it (possibly after a space or a thousands separator): drop it.
        if out.is_ascii_digit() && text.ends_with('0') {
            let before = text[..text.len() - 1].chars().next_back();
            if is_leading_zero(before, '0', Some(out)) {
                text.pop();
                map.pop();
                note("数字不应有前导零", zero.clone());
            }
        }
        if out == '0' {
            zero = at..end;
        }
        if matches!(out, '>' | '<') && matches!(next, Some('=' | '＝')) {
            let (_, eq) = chars.next().unwrap_or((end, '='));
            let (symbol, reason) = if out == '>' {
                ('≥', "“>=”应写作“≥”")
            } else {
                ('≤', "“<=”应写作“≤”")
            };
            push(&mut text, &mut map, symbol);
            note(reason, at..end + eq.len_utf8());
            continue;
        }
        push(&mut text, &mut map, out);
        if let Some(reason) = reason {
            note(reason, at..end);
        }
    }
    map.push(input.len());
    Normalized {
        text: Cow::Owned(text),
        map: Some(map),
        changes,
    }
}
