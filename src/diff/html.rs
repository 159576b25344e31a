//! The comparison of two documents as one standalone page a reviewer can send around: per
//! changed project its old and new rows side by side with what each change means, and the
//! reviewer's findings first.

use serde::Serialize;

use super::report::{self, project_heading};
use super::rows::{RowDiff, RowStatus};
use super::{Comparison, ProjectStatus};
use crate::diag::{Diagnostic, Severity};
use crate::span::Sources;

#[derive(Serialize)]
struct Page {
    generator: String,
    summary: String,
    findings_total: FindingCounts,
    added: Vec<String>,
    removed: Vec<String>,
    load_errors: Vec<FindingView>,
    documents: Vec<DocumentView>,
}

#[derive(Serialize, Default)]
struct FindingCounts {
    warnings: usize,
    infos: usize,
    errors: usize,
    allowed: usize,
}

#[derive(Serialize)]
struct DocumentView {
    id: String,
    title: String,
    old: String,
    new: String,
    budget: String,
    findings: Vec<FindingView>,
    projects: Vec<ProjectView>,
    unchanged: Vec<String>,
}

#[derive(Serialize)]
struct FindingView {
    severity: Severity,
    severity_label: &'static str,
    code: String,
    message: String,
    location: Option<String>,
    help: Vec<String>,
    /// The id of the project section it is about.
    project: Option<String>,
}

#[derive(Serialize)]
struct ProjectView {
    id: String,
    /// `added`, `removed` or `changed`.
    status: &'static str,
    status_label: &'static str,
    name: String,
    tags: Vec<String>,
    /// Change lines that are not rows: budget, goals, dropped categories.
    notes: Vec<NoteView>,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct NoteView {
    what: String,
    old: String,
    new: String,
    meaning: String,
}

#[derive(Serialize)]
struct RowView {
    /// `added`, `removed`, `changed` or `unchanged`.
    status: &'static str,
    status_label: &'static str,
    level: String,
    old_name: String,
    old_value: String,
    new_name: String,
    new_value: String,
    meaning: String,
    /// Whether the change loosens the target (shown as a warning colour).
    loosens: bool,
}

fn status_words(s: RowStatus) -> (&'static str, &'static str) {
    match s {
        RowStatus::Added => ("added", "新增"),
        RowStatus::Removed => ("removed", "删除"),
        RowStatus::Changed => ("changed", "改变"),
        RowStatus::Unchanged => ("unchanged", "未变"),
    }
}

fn row_view(r: &RowDiff) -> RowView {
    let (status, status_label) = status_words(r.status);
    let line = report_line(r);
    let shown = r.shown();
    RowView {
        status,
        status_label,
        level: format!("{}/{}", shown.level1, shown.level2),
        old_name: r.old.as_ref().map(|s| s.level3.clone()).unwrap_or_default(),
        old_value: r.old.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
        new_name: r.new.as_ref().map(|s| s.level3.clone()).unwrap_or_default(),
        new_value: r.new.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
        meaning: line,
        loosens: r.value_change().is_some_and(|c| c.loosens()),
    }
}

/// The meaning column of a row: what the report's change line says.
fn report_line(r: &RowDiff) -> String {
    match r.status {
        RowStatus::Unchanged => String::new(),
        _ => report::row_line(r).meaning,
    }
}

fn finding_view(d: &Diagnostic, sources: &Sources, project: Option<String>) -> FindingView {
    FindingView {
        severity: d.severity,
        severity_label: d.severity.label_zh(),
        code: d.code.clone(),
        message: d.message.clone(),
        location: d.location(sources).map(|(f, l, c)| format!("{f}:{l}:{c}")),
        help: d.help.clone(),
        project,
    }
}

/// Renders the comparison as one standalone HTML page (the built-in `diff.html` template).
pub fn render(c: &Comparison, sources: &Sources) -> Result<String, Vec<Diagnostic>> {
    let mut counts = FindingCounts::default();
    for d in c.diagnostics() {
        match d.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    counts.allowed = c
        .documents
        .iter()
        .map(|d| d.findings.suppressed.len())
        .sum();
    let documents = c
        .documents
        .iter()
        .enumerate()
        .map(|(i, compared)| {
            let d = &compared.diff;
            let id = format!("doc-{}", i + 1);
            let mut projects = Vec::new();
            let mut unchanged = Vec::new();
            let mut spans = Vec::new();
            for (j, p) in d.projects.iter().enumerate() {
                if !p.is_changed() {
                    unchanged.push(p.name().to_string());
                    continue;
                }
                let pid = format!("{id}-p{}", j + 1);
                if let Some(n) = &p.new {
                    spans.push((n.span, pid.clone()));
                }
                let (_, name, tags) = project_heading(p);
                let (status, status_label) = match p.status {
                    ProjectStatus::Added => ("added", "新增"),
                    ProjectStatus::Removed => ("removed", "删除"),
                    ProjectStatus::Matched => ("changed", "改变"),
                };
                let notes = report::project_notes(p)
                    .into_iter()
                    .map(|l| NoteView {
                        what: l.what,
                        old: l.old,
                        new: l.new,
                        meaning: l.meaning,
                    })
                    .collect();
                projects.push(ProjectView {
                    id: pid,
                    status,
                    status_label,
                    name,
                    tags,
                    notes,
                    rows: p.rows.iter().map(row_view).collect(),
                });
            }
            // A finding belongs to the last project that starts before it in its file.
            let project_of = |d: &Diagnostic| {
                let span = d.primary.as_ref()?.span;
                spans
                    .iter()
                    .filter(|(s, _)| s.file == span.file && s.start <= span.start)
                    .max_by_key(|(s, _)| s.start)
                    .map(|(_, id)| id.clone())
            };
            DocumentView {
                id,
                title: d.new.title.clone(),
                old: format!(
                    "{}（{}年度，{}）",
                    d.old.label, d.old.year, d.old.amount_unit
                ),
                new: format!(
                    "{}（{}年度，{}）",
                    d.new.label, d.new.year, d.new.amount_unit
                ),
                budget: if d.budget.delta_yuan.is_zero() {
                    format!("预算合计 {}，没有变化", d.budget.new.shown())
                } else {
                    format!(
                        "预算合计 {} → {}，{}（{}）",
                        d.budget.old.shown(),
                        d.budget.new.shown(),
                        d.budget.delta_shown(),
                        d.budget.percent_shown()
                    )
                },
                findings: compared
                    .findings
                    .diagnostics
                    .iter()
                    .map(|x| finding_view(x, sources, project_of(x)))
                    .collect(),
                projects,
                unchanged,
            }
        })
        .collect();
    let page = Page {
        generator: crate::version::GENERATOR.to_string(),
        summary: report::summary_words(c),
        findings_total: counts,
        added: c.added.clone(),
        removed: c.removed.clone(),
        load_errors: c
            .load_errors
            .iter()
            .map(|d| finding_view(d, sources, None))
            .collect(),
        documents,
    };
    crate::render::html::render_builtin("diff.html", &page)
}
