//! Code actions: every certain fix `jixiao check --fix` would make, one finding at a time
//! or all of a file at once, and "allow this finding" (an `allow:` entry in the row or
//! project the finding is in, with a reason for the author to write).

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, TextEdit, Url, WorkspaceEdit};

use super::diagnostics;
use super::workspace::Checked;
use crate::check::rules;
use crate::diag::{Diagnostic, Fix};
use crate::model::{Allow, Project, Row};
use crate::span::{FileId, Span};

/// The reason written into a new `allow:` entry, for the author to replace.
pub const REASON_PLACEHOLDER: &str = "…";

/// The actions for the findings of `file` overlapping the byte range `start..end`.
/// `only` filters by kind as the client asked (`quickfix`, `source.fixAll`).
pub fn actions(
    checked: &Checked,
    uri: &Url,
    file: FileId,
    start: usize,
    end: usize,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeAction> {
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|list| {
            list.iter().any(|k| {
                kind.as_str() == k.as_str()
                    || kind.as_str().starts_with(&format!("{}.", k.as_str()))
            })
        })
    };
    let mut out = Vec::new();
    let in_file = |d: &&Diagnostic| d.primary.as_ref().is_some_and(|l| l.span.file == file);
    if wanted(&CodeActionKind::QUICKFIX) {
        for d in checked.diagnostics.iter().filter(in_file) {
            let Some(label) = &d.primary else { continue };
            if label.span.start > end || start > label.span.end {
                continue;
            }
            let lsp_diag = diagnostics::to_lsp(checked, d, diagnostics::range(checked, label.span));
            if let Some(fix) = &d.fix {
                out.push(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diag.clone()]),
                    edit: Some(edit(checked, uri, &[fix])),
                    is_preferred: Some(true),
                    ..Default::default()
                });
            }
            if let Some((title, insert)) = allow_insertion(checked, d) {
                let fix = Fix {
                    span: insert.0,
                    replacement: insert.1,
                    title: title.clone(),
                };
                out.push(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diag]),
                    edit: Some(edit(checked, uri, &[&fix])),
                    ..Default::default()
                });
            }
        }
    }
    if wanted(&CodeActionKind::SOURCE_FIX_ALL) {
        let fixes: Vec<&Fix> = checked
            .diagnostics
            .iter()
            .filter(in_file)
            .filter_map(|d| d.fix.as_ref())
            .collect();
        let len = checked.sources.text(file).len();
        let fixes = crate::check::fix::selected(len, &fixes);
        if !fixes.is_empty() {
            out.push(CodeAction {
                title: format!("修复本文件中所有能确定的问题（{} 处）", fixes.len()),
                kind: Some(CodeActionKind::SOURCE_FIX_ALL),
                edit: Some(edit(checked, uri, &fixes)),
                ..Default::default()
            });
        }
    }
    out
}

fn edit(checked: &Checked, uri: &Url, fixes: &[&Fix]) -> WorkspaceEdit {
    let edits = fixes
        .iter()
        .map(|f| TextEdit {
            range: diagnostics::range(checked, f.span),
            new_text: f.replacement.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// Where "allow this finding" writes, as (title, (empty span, text to insert)): into the
/// `allow:` of the row the finding is in, or else of its project, creating the `allow:`
/// after the row's (project's) last line when there is none. `None` for findings that
/// cannot be allowed in place (loading errors, configuration findings, findings outside
/// any project) and for rows written in flow style.
fn allow_insertion(checked: &Checked, d: &Diagnostic) -> Option<(String, (Span, String))> {
    let rule = rules::lookup_check(&d.code)?;
    if rule.pass == rules::Pass::Loading || rule.pass == rules::Pass::Config {
        return None;
    }
    let doc = checked.document.as_ref()?;
    let span = d.primary.as_ref()?.span;
    let text = checked.sources.text(span.file);
    let project = doc
        .projects
        .iter()
        .filter(|p| p.span.file == span.file && p.span.start <= span.start)
        .max_by_key(|p| p.span.start)?;
    let project_end = project_spans(project).map(|s| s.end).max()?;
    if span.start > project_end {
        return None;
    }
    let code = &d.code;
    match row_of(project, span) {
        Some(row) => {
            let end = row_spans(row).map(|s| s.end).max()?;
            let insert = insertion(text, &row.allow, row.span.start, end, code)?;
            Some((
                format!("在本行的 allow 中允许 {code}（请写明理由）"),
                (Span::new(span.file, insert.0, insert.0), insert.1),
            ))
        }
        None => {
            let insert = insertion(text, &project.allow, project.span.start, project_end, code)?;
            Some((
                format!("在本项目的 allow 中允许 {code}（请写明理由）"),
                (Span::new(span.file, insert.0, insert.0), insert.1),
            ))
        }
    }
}

/// The row whose allow scope holds `span`: the row starting last before it, unless a
/// 一级 or 二级 name starts in between (as the checker scopes `allow:`).
fn row_of(project: &Project, span: Span) -> Option<&Row> {
    let starts = project.indicators.iter().flat_map(|l1| {
        std::iter::once((l1.level1.span.start, None)).chain(l1.groups.iter().flat_map(|g| {
            std::iter::once((g.level2.span.start, None))
                .chain(g.rows.iter().map(|r| (r.span.start, Some(r))))
        }))
    });
    starts
        .filter(|(start, _)| *start <= span.start)
        .max_by_key(|(start, _)| *start)?
        .1
}

/// The places of a row's fields in its targets file (a 自评 document's `actual:` and the
/// like are in another file, so they are left out).
fn row_spans(r: &Row) -> impl Iterator<Item = Span> + '_ {
    [
        Some(r.level3.span),
        r.description.as_ref().map(|d| d.span),
        Some(r.value.span),
        r.basis.as_ref().map(|b| b.span),
        r.direction.as_ref().map(|d| d.span),
        r.explanation.as_ref().map(|e| e.span),
    ]
    .into_iter()
    .flatten()
    .chain(allow_spans(&r.allow))
}

fn allow_spans(allow: &[Allow]) -> impl Iterator<Item = Span> + '_ {
    allow.iter().flat_map(|a| [a.code.span, a.reason.span])
}

fn project_spans(p: &Project) -> impl Iterator<Item = Span> + '_ {
    let unit = p
        .unit
        .iter()
        .flat_map(|u| [u.code.as_ref().map(|c| c.span), Some(u.name.span)])
        .flatten();
    let budget = [
        Some(p.budget.total.span),
        p.budget.fiscal.as_ref().map(|f| f.span),
        p.budget.other.as_ref().map(|o| o.span),
    ]
    .into_iter()
    .flatten();
    let plan = p.spending_plan.iter().flat_map(|plan| {
        plan.cells()
            .into_iter()
            .filter_map(|(_, c)| c.map(|c| c.span))
    });
    let indicators =
        p.indicators.iter().flat_map(|l1| {
            std::iter::once(l1.level1.span).chain(l1.groups.iter().flat_map(|g| {
                std::iter::once(g.level2.span).chain(g.rows.iter().flat_map(row_spans))
            }))
        });
    [
        Some(p.name.span),
        p.code.as_ref().map(|c| c.span),
        Some(p.purpose.span),
    ]
    .into_iter()
    .flatten()
    .chain(unit)
    .chain(budget)
    .chain(plan)
    .chain(p.goals.iter().map(|g| g.span))
    .chain(indicators)
    .chain(allow_spans(&p.allow))
}

/// The text to insert for a new allowed `code`: before the first entry of an existing
/// `allow:` (flow or block style), or a new `allow:` on the line after `last_end`,
/// indented like the mapping that starts at `owner_start`.
fn insertion(
    text: &str,
    allow: &[Allow],
    owner_start: usize,
    last_end: usize,
    code: &str,
) -> Option<(usize, String)> {
    let entry = format!("{code}: \"{REASON_PLACEHOLDER}\"");
    if let Some(first) = allow.iter().min_by_key(|a| a.code.span.start) {
        let key = first.code.span.start;
        let before = &text[line_start(text, key)..key];
        let flow = before.trim_end().ends_with(['{', ',']);
        if flow {
            return Some((key, format!("{entry}, ")));
        }
        if before.chars().all(|c| c == ' ') {
            return Some((key, format!("{entry}\n{before}")));
        }
        return None;
    }
    let prefix = &text[line_start(text, owner_start)..owner_start];
    if !prefix.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    let indent = " ".repeat(prefix.chars().count());
    let block = format!("{indent}allow:\n{indent}  {entry}\n");
    let last_end = last_end.min(text.len());
    if text[..last_end].ends_with('\n') {
        return Some((last_end, block));
    }
    match text[last_end..].find('\n') {
        Some(i) => Some((last_end + i + 1, block)),
        None => Some((text.len(), format!("\n{block}"))),
    }
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Spanned;

    fn allow_at(text: &str, key: &str) -> Allow {
        let start = text.find(key).unwrap();
        Allow {
            code: Spanned::new(key.to_string(), Span::new(0, start, start + key.len())),
            reason: Spanned::new(String::new(), Span::new(0, start, start)),
        }
    }

    #[test]
    fn new_allow_goes_after_the_last_line() {
        let text = "  - level3: a\n    value: ≥95\n  - level3: b\n";
        let owner = text.find("level3").unwrap();
        let end = text.find("≥95").unwrap() + "≥95".len();
        let (at, insert) = insertion(text, &[], owner, end, "V104").unwrap();
        let mut out = text.to_string();
        out.insert_str(at, &insert);
        assert_eq!(
            out,
            "  - level3: a\n    value: ≥95\n    allow:\n      V104: \"…\"\n  - level3: b\n"
        );
    }

    #[test]
    fn entries_join_an_existing_allow() {
        let block = "allow:\n  T405: 理由\n";
        let (at, insert) = insertion(block, &[allow_at(block, "T405")], 0, 0, "C302").unwrap();
        let mut out = block.to_string();
        out.insert_str(at, &insert);
        assert_eq!(out, "allow:\n  C302: \"…\"\n  T405: 理由\n");
        let flow = "allow: {T405: 理由}\n";
        let (at, insert) = insertion(flow, &[allow_at(flow, "T405")], 0, 0, "C302").unwrap();
        let mut out = flow.to_string();
        out.insert_str(at, &insert);
        assert_eq!(out, "allow: {C302: \"…\", T405: 理由}\n");
    }
}
