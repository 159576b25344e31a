//! Wording: what a template or last year's report left behind — placeholders never filled
//! in (`**`, `★`, `XX`, `某某`, `（≥**%）`) and results written where a target belongs
//! (`已完成`, `已实现……`).

use std::ops::Range;

use crate::check::Context;
use crate::check::fix::{inner_span, replace_scalar};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::Spanned;

/// Runs the wording checks.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    for project in &doc.projects {
        // A template's placeholders sit in the text cells and values, not in the basis.
        for (field, what) in super::text_cells(project)
            .into_iter()
            .filter(|(_, what)| *what != super::BASIS)
        {
            leftover(cx, field, what);
        }
        for goal in &project.goals {
            result_as_target(cx, goal, "绩效目标");
        }
        for (_, _, row) in project.rows() {
            result_as_target(cx, &row.value, "指标值");
        }
    }
}

/// A placeholder in `text`: its byte range, and the range a certain fix removes (a
/// bracketed placeholder `（≥**%）`, a `★` marker), if any.
struct Placeholder {
    range: Range<usize>,
    shown: String,
    removable: Option<Range<usize>>,
}

fn placeholders(text: &str) -> Vec<Placeholder> {
    let mut found: Vec<Placeholder> = Vec::new();
    let mut add = |range: Range<usize>, removable: Option<Range<usize>>| {
        if found
            .iter()
            .any(|p| p.range.start <= range.start && range.end <= p.range.end)
        {
            return;
        }
        found.push(Placeholder {
            shown: text[range.clone()].to_string(),
            range,
            removable,
        });
    };
    // Bracketed placeholders first: the whole group is the leftover.
    for (open, close) in [('（', '）'), ('(', ')')] {
        let mut from = 0;
        while let Some(at) = text[from..].find(open).map(|i| from + i) {
            let inner_start = at + open.len_utf8();
            let Some(len) = text[inner_start..].find(close) else {
                break;
            };
            let inner = &text[inner_start..inner_start + len];
            let end = inner_start + len + close.len_utf8();
            if is_placeholder_run(inner) {
                add(at..end, Some(at..end));
            }
            from = end;
        }
    }
    for marker in ["**", "＊＊", "××", "某某", "ＸＸ"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(marker).map(|i| from + i) {
            let mut end = at + marker.len();
            let repeat = marker.chars().next().unwrap_or('*');
            while text[end..].starts_with(repeat) {
                end += repeat.len_utf8();
            }
            add(at..end, None);
            from = end;
        }
    }
    for marker in ['★', '☆'] {
        for (at, c) in text.match_indices(marker) {
            let end = at + c.len();
            add(at..end, Some(at..end));
        }
    }
    // `XX` / `xx` as a word of its own, not inside a Latin word (`XXL`).
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'X' || bytes[i] == b'x' {
            let start = i;
            while i < bytes.len() && (bytes[i] == b'X' || bytes[i] == b'x') {
                i += 1;
            }
            let letter_before = start > 0 && bytes[start - 1].is_ascii_alphabetic();
            let letter_after = i < bytes.len() && bytes[i].is_ascii_alphabetic();
            if i - start >= 2 && !letter_before && !letter_after {
                add(start..i, None);
            }
        } else {
            i += 1;
        }
    }
    found.sort_by_key(|p| p.range.start);
    found
}

/// Whether bracket contents are a placeholder: a short hint around `**` or `XX`
/// (`≥**%`, `≤**万元`, `≤**元/株`).
fn is_placeholder_run(inner: &str) -> bool {
    let marked = ["**", "＊＊", "XX", "xx", "××"]
        .iter()
        .any(|m| inner.contains(m));
    marked && inner.chars().count() <= 12
}

/// T407: a template placeholder left in a cell.
fn leftover(cx: &mut Context, field: &Spanned<String>, what: &str) {
    let found = placeholders(&field.value);
    let Some(first) = found.first() else {
        return;
    };
    let shown: Vec<&str> = found.iter().map(|p| p.shown.as_str()).collect();
    let mut d = Diagnostic::of(
        &rules::T407,
        format!("{what}中有模板占位符“{}”", shown.join("”“")),
    )
    .at(
        inner_span(cx.sources, field, first.range.clone()),
        "模板中未填写的占位符",
    );
    if found.iter().all(|p| p.removable.is_some()) {
        let mut kept = String::new();
        let mut at = 0;
        for p in &found {
            if let Some(r) = &p.removable {
                kept.push_str(&field.value[at..r.start]);
                at = r.end;
            }
        }
        kept.push_str(&field.value[at..]);
        let kept = kept.trim().to_string();
        if !kept.is_empty() {
            d = d
                .with_help(format!("删除占位符，写作“{kept}”"))
                .with_fix(replace_scalar(
                    cx.sources,
                    field,
                    &kept,
                    "删除模板占位符".to_string(),
                ));
        }
    } else {
        d = d.with_help("把占位符换成真实的内容（数量、名称、单位）");
    }
    cx.push(d);
}

/// Words that report what was done rather than set what is to be done.
const DONE: &[&str] = &[
    "已完成",
    "已实现",
    "已达到",
    "已达成",
    "已全部",
    "均已",
    "已按时",
    "已建成",
    "已发放",
    "已落实",
    "已经完成",
    "已顺利",
];

/// Verb forms of a finished accomplishment at the end of a clause: `完成了`, `实现了`.
const DONE_SUFFIX: &[&str] = &[
    "完成了",
    "实现了",
    "达到了",
    "取得了",
    "解决了",
    "改善了",
    "提高了",
    "提升了",
];

/// T408: a result written where a target belongs.
fn result_as_target(cx: &mut Context, field: &Spanned<String>, what: &str) {
    let text = &field.value;
    let hit = DONE
        .iter()
        .chain(DONE_SUFFIX)
        .filter_map(|w| text.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at);
    let Some((at, word)) = hit else {
        return;
    };
    cx.push(
        Diagnostic::of(
            &rules::T408,
            format!("{what}写的是完成情况（“{word}”），不是目标"),
        )
        .at(
            inner_span(cx.sources, field, at..at + word.len()),
            "目标表写预期要达到的目标",
        )
        .with_help("改写为本年度要达到的目标（如“完成……”“……≥95%”）；完成情况写在绩效自评表中"),
    );
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    fn shown(text: &str) -> Vec<String> {
        placeholders(text).into_iter().map(|p| p.shown).collect()
    }

    #[test]
    fn finds_template_placeholders() {
        assert_eq!(shown("培训合格率（≥**%）"), ["（≥**%）"]);
        assert_eq!(shown("成本（≤**万元）"), ["（≤**万元）"]);
        assert_eq!(shown("★资金拨付及时率"), ["★"]);
        assert_eq!(shown("XX项目"), ["XX"]);
        assert_eq!(shown("某某单位"), ["某某"]);
        assert_eq!(shown("≥**%"), ["**"]);
        assert!(shown("XXL号服装").is_empty());
        assert!(shown("资金拨付及时率（%）").is_empty());
    }
}
