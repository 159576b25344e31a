//! Completion from the line being typed (which is rarely valid YAML yet): 一级 and 二级
//! names from the document's framework (their aliases shown as such), units, comparators
//! and canonical dates for a `value:` (or a 自评 `actual:`), rule codes under `allow:`
//! and `rules:`.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, TextEdit};

use super::position::LineIndex;
use crate::check::framework::Framework;
use crate::check::rules;
use crate::value::units;

use super::hover::category_zh;

/// What the completion knows about the document.
pub struct Context<'a> {
    pub framework: Option<&'a Framework>,
    /// The budget year, for date suggestions.
    pub year: Option<i32>,
}

/// The comparators, canonical symbols only, with their meaning.
const COMPARATORS: &[(&str, &str)] = &[
    ("≥", "不低于（大于或等于）"),
    ("≤", "不高于（小于或等于）"),
    (">", "高于"),
    ("<", "低于"),
    ("=", "等于"),
];

/// Completions at `offset` of `text`.
pub fn complete(text: &str, offset: usize, cx: &Context) -> Vec<CompletionItem> {
    let offset = floor_boundary(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let indent = line.len() - line.trim_start_matches([' ', '-']).len();
    let body = &line[indent..];
    let index = LineIndex::new(text);
    let edit = |from: usize, new_text: String| {
        Some(CompletionTextEdit::Edit(TextEdit {
            range: index.range(text, from, offset),
            new_text,
        }))
    };
    let Some((key, rest)) = body.split_once(':') else {
        return match enclosing_key(text, line_start, indent).as_deref() {
            Some("allow") | Some("rules") => codes(body, offset - body.len(), &edit),
            _ => Vec::new(),
        };
    };
    let space = if rest.is_empty() { " " } else { "" };
    let typed = rest.trim_start();
    let from = offset - typed.len();
    match key.trim() {
        "level1" => {
            let Some(fw) = cx.framework else {
                return Vec::new();
            };
            let mut out = Vec::new();
            for l1 in &fw.level1 {
                let children: Vec<&str> = l1.level2.iter().map(|l2| l2.name.as_str()).collect();
                out.push(item(
                    &l1.name,
                    CompletionItemKind::ENUM_MEMBER,
                    format!("一级指标：{}", children.join("、")),
                    out.len(),
                    edit(from, format!("{space}{}", l1.name)),
                ));
            }
            out.extend(alias_items(
                fw.level1.iter().map(|l1| (&l1.name, &l1.aliases)),
                500,
                &|name| edit(from, format!("{space}{name}")),
            ));
            out
        }
        "level2" => {
            let Some(fw) = cx.framework else {
                return Vec::new();
            };
            let parent = enclosing_level1(text, line_start, indent);
            let parent = parent.as_deref().and_then(|p| fw.level1(p));
            let mut out = Vec::new();
            for l1 in &fw.level1 {
                let under = parent.is_none_or(|p| std::ptr::eq(p, l1));
                for l2 in &l1.level2 {
                    let rank = if under { 0 } else { 100 };
                    out.push(item(
                        &l2.name,
                        CompletionItemKind::ENUM_MEMBER,
                        format!("{} 下的二级指标；{}", l1.name, category_zh(l2.category)),
                        rank + out.len(),
                        edit(from, format!("{space}{}", l2.name)),
                    ));
                }
            }
            let level2 = fw
                .level1
                .iter()
                .filter(|l1| parent.is_none_or(|p| std::ptr::eq(p, *l1)))
                .flat_map(|l1| l1.level2.iter().map(|l2| (&l2.name, &l2.aliases)));
            out.extend(alias_items(level2, 500, &|name| {
                edit(from, format!("{space}{name}"))
            }));
            out
        }
        "value" | "actual" => value_items(typed, from, space, cx, &edit),
        _ => Vec::new(),
    }
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

fn item(
    label: &str,
    kind: CompletionItemKind,
    detail: String,
    rank: usize,
    text_edit: Option<CompletionTextEdit>,
) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail),
        sort_text: Some(format!("{rank:04}")),
        filter_text: Some(label.to_string()),
        text_edit,
        ..Default::default()
    }
}

/// The aliases of framework names, shown as aliases: choosing one writes the canonical
/// name (what `jixiao check --fix` would change the alias to).
fn alias_items<'a>(
    names: impl Iterator<Item = (&'a String, &'a Vec<String>)>,
    rank: usize,
    edit: &dyn Fn(&str) -> Option<CompletionTextEdit>,
) -> Vec<CompletionItem> {
    let mut out = Vec::new();
    for (name, aliases) in names {
        for alias in aliases {
            let mut it = item(
                alias,
                CompletionItemKind::REFERENCE,
                format!("别名，写入规范名称 {name}"),
                rank + out.len(),
                edit(name),
            );
            it.label_details = Some(lsp_types::CompletionItemLabelDetails {
                detail: None,
                description: Some(format!("→ {name}")),
            });
            out.push(it);
        }
    }
    out
}

/// Units after a number, comparators before it, canonical dates for the whole value.
fn value_items(
    typed: &str,
    from: usize,
    space: &str,
    cx: &Context,
    edit: &dyn Fn(usize, String) -> Option<CompletionTextEdit>,
) -> Vec<CompletionItem> {
    let mut out = Vec::new();
    if typed.is_empty() {
        for (i, (symbol, meaning)) in COMPARATORS.iter().enumerate() {
            out.push(item(
                symbol,
                CompletionItemKind::OPERATOR,
                format!("比较符：{meaning}"),
                i,
                edit(from, format!("{space}{symbol}")),
            ));
        }
    }
    let after_comparator = typed.trim_start_matches(['≥', '≤', '>', '<', '=']);
    let digits = after_comparator.len()
        - after_comparator
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    if digits > 0 {
        let unit_from = from + (typed.len() - after_comparator.len()) + digits;
        for (i, symbol) in units::SYMBOLS.iter().enumerate() {
            let Some(info) = units::lookup(symbol) else {
                continue;
            };
            out.push(item(
                symbol,
                CompletionItemKind::UNIT,
                format!("单位（{}）", super::hover::dimension_label(info.dimension)),
                10 + i,
                edit(unit_from, (*symbol).to_string()),
            ));
        }
    }
    if typed.is_empty() || typed.starts_with(|c: char| c.is_ascii_digit()) {
        for (i, date) in date_forms(cx.year).into_iter().enumerate() {
            out.push(item(
                &date,
                CompletionItemKind::VALUE,
                "日期或期限（规范写法）".into(),
                200 + i,
                edit(from, format!("{space}{date}")),
            ));
        }
    }
    out
}

/// The canonical spellings of the dates and deadlines tables use most, in `year`.
pub fn date_forms(year: Option<i32>) -> Vec<String> {
    let y = year.unwrap_or(2025);
    vec![
        format!("{y}年12月31日前"),
        format!("{y}年12月底前"),
        format!("{y}年6月30日前"),
        format!("{y}年6月底前"),
        format!("{y}年12月31日"),
        format!("{y}年1-12月"),
    ]
}

/// Rule codes as keys under `allow:` or `rules:`.
fn codes(
    typed: &str,
    from: usize,
    edit: &dyn Fn(usize, String) -> Option<CompletionTextEdit>,
) -> Vec<CompletionItem> {
    if typed.contains(' ') {
        return Vec::new();
    }
    rules::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| {
            item(
                r.code,
                CompletionItemKind::CONSTANT,
                format!("{}（{}）", r.summary, r.severity.label_zh()),
                i,
                edit(from, format!("{}: ", r.code)),
            )
        })
        .collect()
}

/// The key of the nearest line above `line_start` indented less than `indent`.
fn enclosing_key(text: &str, line_start: usize, indent: usize) -> Option<String> {
    text[..line_start].lines().rev().find_map(|l| {
        let trimmed = l.trim_start_matches([' ', '-']);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let depth = l.len() - trimmed.len();
        (depth < indent).then(|| trimmed.split(':').next().unwrap_or("").trim().to_string())
    })
}

/// The 一级 name of the group a `level2:` line is in: the nearest `level1:` line above it
/// indented less.
fn enclosing_level1(text: &str, line_start: usize, indent: usize) -> Option<String> {
    text[..line_start].lines().rev().find_map(|l| {
        let trimmed = l.trim_start_matches([' ', '-']);
        let depth = l.len() - trimmed.len();
        let name = trimmed.strip_prefix("level1:")?;
        (depth < indent).then(|| name.trim().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value;

    #[test]
    fn suggested_dates_are_canonical() {
        for d in date_forms(Some(2026)) {
            assert!(value::parse(&d).is_canonical(), "{d}");
        }
    }

    #[test]
    fn units_follow_the_number() {
        let text = "            value: ≥41.66万";
        let cx = Context {
            framework: None,
            year: None,
        };
        let items = complete(text, text.len(), &cx);
        let wan = items
            .iter()
            .find(|i| i.label == "万元")
            .expect("万元 offered");
        let Some(CompletionTextEdit::Edit(e)) = &wan.text_edit else {
            panic!("edit")
        };
        // Replaces the 万 typed after the number (UTF-16 columns).
        assert_eq!(e.range.start.character, 25);
        assert_eq!(e.range.end.character, 26);
    }

    #[test]
    fn aliases_are_offered_as_aliases_and_write_the_canonical_name() {
        let fw = Framework::resolve("2021", "doc.yaml")
            .ok()
            .expect("built-in framework");
        let cx = Context {
            framework: Some(&fw),
            year: None,
        };
        let text = "      - level1: 产出指标\n        groups:\n          - level2: ";
        let items = complete(text, text.len(), &cx);
        let alias = items
            .iter()
            .find(|i| i.label == "时效性指标")
            .expect("the alias of 时效指标 offered");
        assert_eq!(alias.detail.as_deref(), Some("别名，写入规范名称 时效指标"));
        let Some(CompletionTextEdit::Edit(e)) = &alias.text_edit else {
            panic!("edit")
        };
        assert_eq!(e.new_text, "时效指标");
        // Under 产出指标 only its own 二级 aliases; the canonical names come first.
        assert!(!items.iter().any(|i| i.label == "生态环境效益指标"));
        let rank = |label: &str| {
            items
                .iter()
                .find(|i| i.label == label)
                .and_then(|i| i.sort_text.clone())
                .unwrap()
        };
        assert!(rank("时效指标") < rank("时效性指标"));
        let text = "  - level1: ";
        let items = complete(text, text.len(), &cx);
        let alias = items.iter().find(|i| i.label == "效果指标").unwrap();
        let Some(CompletionTextEdit::Edit(e)) = &alias.text_edit else {
            panic!("edit")
        };
        assert_eq!(e.new_text, "效益指标");
    }
}
