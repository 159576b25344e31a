//! Text: typed goal numbering, whitespace and full/half-width hygiene, duplicate titles,
//! goals and indicator sets copied from another project.

use std::collections::HashMap;

use crate::check::Context;
use crate::check::fix::{inner_span, replace_scalar};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::{Span, Spanned};

/// Runs the text checks.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    for project in &doc.projects {
        if project.goal_numbering {
            for goal in &project.goals {
                typed_numbering(cx, goal);
            }
        }
        // Values are left out: the value parser reports their blanks and widths (V101)
        // with the canonical spelling.
        for (field, what) in super::text_cells(project)
            .into_iter()
            .filter(|(_, what)| *what != super::VALUE)
        {
            whitespace(cx, field, what);
            width(cx, field, what);
        }
    }
    duplicate_titles(cx);
    copied_goals(cx);
    copied_indicators(cx);
}

/// The byte length of a typed number at the start of a goal (`1.`, `1.1.`, `1、`,
/// `（1）`, `一、`), including the blanks after it.
pub fn typed_numbering(cx: &mut Context, goal: &Spanned<String>) {
    let Some(len) = numbering_prefix(&goal.value) else {
        return;
    };
    let number = goal.value[..len].trim_end();
    let rest = &goal.value[len..];
    let d = Diagnostic::of(&rules::T401, format!("绩效目标自带编号“{number}”"))
        .at(inner_span(cx.sources, goal, 0..len), "编号会自动生成");
    // Several numbered goals typed into one item need splitting, which is the author's
    // call; only a single numbered goal has a certain fix.
    let d = if has_next_number(number, rest) {
        d.with_help("这一项里写了多条编号的目标：把每条目标分别写成 goals 下的一项，不写编号")
    } else {
        d.with_help(format!("删除“{number}”，只写目标本身"))
            .with_fix(replace_scalar(
                cx.sources,
                goal,
                rest,
                format!("删除手写编号“{number}”"),
            ))
    };
    cx.push(d.with_note("要逐字还原已发布文档时，可在项目上设 `goal_numbering: false`"));
}

/// Whether `rest` holds the number after `number` (`2.` after `1.`, `（二）` after `（一）`).
fn has_next_number(number: &str, rest: &str) -> bool {
    const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let first = |s: &str| -> Option<(usize, usize)> {
        if let Some(i) = CN.iter().position(|c| s.contains(c)) {
            let at = s.find(CN[i])?;
            return Some((at, at + CN[i].len()));
        }
        let at = s.find(|c: char| c.is_ascii_digit())?;
        let end = s[at..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(s.len(), |e| at + e);
        Some((at, end))
    };
    let Some((at, end)) = first(number) else {
        return false;
    };
    let digits = &number[at..end];
    let next = match CN.iter().position(|c| *c == digits) {
        Some(i) if i + 1 < CN.len() => CN[i + 1].to_string(),
        Some(_) => return false,
        None => match digits.parse::<u32>() {
            Ok(n) => (n + 1).to_string(),
            Err(_) => return false,
        },
    };
    // The same punctuation around the next number: `1.` → `2.`, `（一）` → `（二）`.
    let marker = format!("{}{next}{}", &number[..at], &number[end..]);
    let marker = marker.trim_end();
    rest.contains(marker) || (marker.ends_with('.') && rest.contains(&marker.replace('.', "．")))
}

/// Detects a typed number at the start of a text; returns its byte length with the
/// blanks that follow it.
pub fn numbering_prefix(s: &str) -> Option<usize> {
    let is_cn_digit = |c: char| "一二三四五六七八九十".contains(c);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|x| x.1);
    let mut i = 0;
    let mut end = None;
    match at(0)? {
        '(' | '（' => {
            let mut j = 1;
            while at(j).is_some_and(|c| c.is_ascii_digit() || is_cn_digit(c)) {
                j += 1;
            }
            if j > 1 && matches!(at(j), Some(')' | '）')) {
                end = Some(j + 1);
            }
        }
        c if is_cn_digit(c) => {
            while at(i).is_some_and(is_cn_digit) {
                i += 1;
            }
            if matches!(at(i), Some('、' | '.' | '．')) {
                end = Some(i + 1);
            }
        }
        c if c.is_ascii_digit() => loop {
            let start = i;
            while at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if i == start {
                break;
            }
            match at(i) {
                Some('、' | ')' | '）') => {
                    end = Some(i + 1);
                    break;
                }
                Some('.' | '．') => {
                    i += 1;
                    // `1.5万元` is a number, not a numbering: a separator followed by a
                    // digit only continues a numbering like `1.1.`.
                    if !at(i).is_some_and(|c| c.is_ascii_digit()) {
                        end = Some(i);
                        break;
                    }
                }
                _ => break,
            }
        },
        _ => {}
    }
    let mut end = end?;
    while at(end).is_some_and(|c| c.is_whitespace()) {
        end += 1;
    }
    // A numbering alone is not a goal with a number: leave it to the empty-cell check.
    let byte = chars.get(end).map(|x| x.0)?;
    Some(byte)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}'
}

fn whitespace(cx: &mut Context, field: &Spanned<String>, what: &str) {
    let v = &field.value;
    // Block scalars end with a newline by design; only blanks count.
    let body = v.trim_end_matches('\n');
    let lead = body.len() - body.trim_start_matches(is_blank).len();
    let trail = body.len() - body.trim_end_matches(is_blank).len();
    if (lead > 0 || trail > 0) && !body.trim_matches(is_blank).is_empty() {
        let trimmed = body.trim_matches(is_blank);
        let range = if lead > 0 {
            0..lead
        } else {
            body.len() - trail..body.len()
        };
        let fix = if body.len() == v.len() {
            replace_scalar(cx.sources, field, trimmed, "删除首尾空白")
        } else {
            None
        };
        cx.push(
            Diagnostic::of(&rules::T402, format!("{what}的首尾有多余空白"))
                .at(inner_span(cx.sources, field, range), "多余的空白")
                .with_help(format!("写作“{trimmed}”"))
                .with_fix(fix),
        );
        return;
    }
    let chars: Vec<(usize, char)> = v.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if is_blank(chars[i].1) {
            let start = i;
            while i < chars.len() && is_blank(chars[i].1) {
                i += 1;
            }
            let before = start.checked_sub(1).map(|k| chars[k].1);
            let after = chars.get(i).map(|x| x.1);
            // Joint issuers are set apart by one space in official titles
            // (`河北省财政厅 河北省商务厅`); that space is typography, not a stray blank.
            let between_issuers =
                i - start == 1 && before.is_some_and(|c| "厅局部委办院府署会".contains(c));
            if before.is_some_and(is_cjk) && after.is_some_and(is_cjk) && !between_issuers {
                let from = chars[start].0;
                let to = chars.get(i).map_or(v.len(), |x| x.0);
                cx.push(
                    Diagnostic::of(&rules::T402, format!("{what}的汉字之间有空白"))
                        .at(inner_span(cx.sources, field, from..to), "多余的空白")
                        .with_help("删除汉字之间的空格；中文不用空格分词"),
                );
                return;
            }
        } else {
            i += 1;
        }
    }
}

fn width(cx: &mut Context, field: &Spanned<String>, what: &str) {
    let v = &field.value;
    let chars: Vec<(usize, char)> = v.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let fullwidth_alnum = matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
        let halfwidth_punct = matches!(c, ',' | ';' | ':' | '(' | ')')
            && (k.checked_sub(1).is_some_and(|p| is_cjk(chars[p].1))
                || chars.get(k + 1).is_some_and(|n| is_cjk(n.1)));
        if !(fullwidth_alnum || halfwidth_punct) {
            continue;
        }
        let (label, help) = if fullwidth_alnum {
            let half = char::from_u32(c as u32 - 0xfee0).unwrap_or(c);
            ("全角字母或数字", format!("写作半角“{half}”"))
        } else {
            let full = match c {
                ',' => '，',
                ';' => '；',
                ':' => '：',
                '(' => '（',
                _ => '）',
            };
            ("中文里的半角标点", format!("写作全角“{full}”"))
        };
        let span: Span = inner_span(cx.sources, field, at..at + c.len_utf8());
        cx.push(
            Diagnostic::of(&rules::T403, format!("{what}中有{label}“{c}”"))
                .at(span, label)
                .with_help(help),
        );
        return;
    }
}

fn duplicate_titles(cx: &mut Context) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    let mut found = Vec::new();
    for p in &cx.doc.projects {
        let name = p.name.value.trim();
        if name.is_empty() {
            continue;
        }
        match seen.get(name) {
            Some(first) => found.push(
                Diagnostic::of(&rules::T404, format!("项目名称“{name}”重复"))
                    .at(p.name.span, "同名的第二个项目")
                    .with_secondary(*first, "第一次出现在这里")
                    .with_help("给项目起不同的名称，或合并为一个项目"),
            ),
            None => {
                seen.insert(name, p.name.span);
            }
        }
    }
    for d in found {
        cx.push(d);
    }
}

/// Goals shorter than this are stock phrases, not copies.
const MIN_COPIED_GOAL_CHARS: usize = 12;

fn copied_goals(cx: &mut Context) {
    let mut seen: HashMap<String, (usize, Span, &str)> = HashMap::new();
    let mut found = Vec::new();
    for (i, p) in cx.doc.projects.iter().enumerate() {
        for g in &p.goals {
            let body = g.value.trim();
            let body = numbering_prefix(body).map_or(body, |n| &body[n..]).trim();
            if body.chars().count() < MIN_COPIED_GOAL_CHARS {
                continue;
            }
            match seen.get(body) {
                Some((j, first, name)) if *j != i => found.push(
                    Diagnostic::of(&rules::T405, format!("绩效目标与项目“{name}”的完全相同"))
                        .at(g.span, "与另一个项目的目标逐字相同")
                        .with_secondary(*first, "另一个项目的目标")
                        .with_help("按本项目的用途改写目标"),
                ),
                Some(_) => {}
                None => {
                    seen.insert(body.to_string(), (i, g.span, &p.name.value));
                }
            }
        }
    }
    for d in found {
        cx.push(d);
    }
}

fn copied_indicators(cx: &mut Context) {
    type Sig<'a> = Vec<(&'a str, &'a str, &'a str)>;
    let mut seen: HashMap<Sig, (Span, &str)> = HashMap::new();
    let mut found = Vec::new();
    for p in &cx.doc.projects {
        let sig: Sig = p
            .rows()
            .map(|(_, _, r)| {
                (
                    r.level3.value.trim(),
                    r.description_text().trim(),
                    r.value.value.trim(),
                )
            })
            .collect();
        // Two or three stock rows are often shared by design; whole tables are not.
        if sig.len() < 4 {
            continue;
        }
        let span = p.indicators.first().map_or(p.name.span, |l| l.level1.span);
        match seen.get(&sig) {
            Some((first, name)) => found.push(
                Diagnostic::of(
                    &rules::T406,
                    format!("全部 {} 行指标与项目“{name}”的完全相同", sig.len()),
                )
                .at(span, "这张表的指标与另一个项目一字不差")
                .with_secondary(*first, "另一个项目的指标")
                .with_help("按本项目的实际内容改写指标"),
            ),
            None => {
                seen.insert(sig, (span, &p.name.value));
            }
        }
    }
    for d in found {
        cx.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::numbering_prefix;

    #[test]
    fn numbering() {
        assert_eq!(numbering_prefix("1.按照"), Some(2));
        assert_eq!(numbering_prefix("1.1.按照"), Some(4));
        assert_eq!(numbering_prefix("1、按照"), Some("1、".len()));
        assert_eq!(numbering_prefix("（1）按照"), Some("（1）".len()));
        assert_eq!(numbering_prefix("一、按照"), Some("一、".len()));
        assert_eq!(numbering_prefix("1. 按照"), Some(3));
        assert_eq!(numbering_prefix("1.5万元用于"), None);
        assert_eq!(numbering_prefix("2025年发放"), None);
        assert_eq!(numbering_prefix("按照"), None);
        assert_eq!(numbering_prefix("1."), None);
    }

    #[test]
    fn several_numbered_goals_in_one_item() {
        use super::has_next_number;
        assert!(has_next_number("1.", "按照要求；2.按时提交"));
        assert!(has_next_number("（一）", "通过兑现。（二）加强管理"));
        assert!(has_next_number("1、", "按需购买2、保障安全"));
        assert!(!has_next_number("1.", "按照要求，发放2025年消费券"));
        assert!(!has_next_number("1.1.", "按照要求"));
    }
}
