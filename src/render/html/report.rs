//! The check report: the document's tables with every finding shown beside the cell it is
//! about, and the full list of findings with their source lines.
//!
//! A finding is placed by its primary span: of all the model's spanned fields that contain
//! it, the smallest wins (a value's span beats its row's, a row's beats its project's).
//! Findings outside every project (the title, the year, Part 1) appear in the list only.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{render, templates};
use crate::diag::{self, Diagnostic, Severity};
use crate::model::{Allow, Document};
use crate::span::{Sources, Span};
use crate::table::{DocumentView, GRID_HEADER, Table};

/// What the templates see as `report`.
#[derive(Default, Serialize)]
pub(super) struct ReportData {
    /// False on a published page: no findings column, nothing flagged.
    enabled: bool,
    findings: Vec<Finding>,
    /// Findings by row id (`table-1-name`, `table-1-2-3`, or `table-1` for the whole table).
    rows: BTreeMap<String, Vec<FindingRef>>,
    /// The most severe finding by cell key (`table-1-2-3-value`, …).
    cells: BTreeMap<String, Severity>,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// One finding in the full list.
#[derive(Serialize)]
struct Finding {
    /// The element id of the list entry, `finding-N`.
    anchor: String,
    severity: Severity,
    severity_label: &'static str,
    code: String,
    message: String,
    /// The text under the primary span.
    label: Option<String>,
    /// `file:line:column` of the primary span.
    location: Option<String>,
    /// The id of the table row the finding is shown beside.
    cell: Option<String>,
    snippet: Option<Snippet>,
    secondary: Vec<SecondaryLabel>,
    help: Vec<String>,
    notes: Vec<String>,
}

/// The short form shown beside a cell.
#[derive(Clone, Serialize)]
struct FindingRef {
    anchor: String,
    severity: Severity,
    severity_label: &'static str,
    code: String,
    message: String,
}

/// The source line of a span, split around the span.
#[derive(Serialize)]
struct Snippet {
    line: usize,
    before: String,
    marked: String,
    after: String,
}

#[derive(Serialize)]
struct SecondaryLabel {
    location: String,
    message: String,
}

/// One checked document for a report of several: its findings and, when it loaded, its model.
pub struct ReportInput<'a> {
    /// The document's path as the user named it; the heading when it did not load.
    pub path: &'a str,
    /// The model, when the document loaded; without it only the list of findings is shown.
    pub document: Option<&'a Document>,
    pub diagnostics: &'a [Diagnostic],
    pub sources: &'a Sources,
}

/// Renders the check report of one document: the page lists every finding (code, message,
/// place, source line, help) and shows the tables with each finding beside the cell its
/// primary span points at. `view` must be `DocumentView::new(document)`.
pub fn render_check_report(
    view: &DocumentView,
    document: &Document,
    diags: &[Diagnostic],
    sources: &Sources,
) -> String {
    let path = sources.name(document.file).to_string();
    let entry = report_document(1, 1, path, Some((view, document)), diags, sources);
    render_report(vec![entry], diags, sources)
}

/// Renders one report page for several checked documents (`jixiao check --format html` on a
/// folder): a section per document, in the order given, each like [`render_check_report`].
pub fn render_check_reports(inputs: &[ReportInput]) -> String {
    let views: Vec<Option<DocumentView>> = inputs
        .iter()
        .map(|i| i.document.map(DocumentView::new))
        .collect();
    let entries = inputs
        .iter()
        .zip(&views)
        .enumerate()
        .map(|(n, (input, view))| {
            let loaded = view.as_ref().zip(input.document);
            report_document(
                n + 1,
                inputs.len(),
                input.path.to_string(),
                loaded,
                input.diagnostics,
                input.sources,
            )
        })
        .collect();
    let all: Vec<Diagnostic> = inputs
        .iter()
        .flat_map(|i| i.diagnostics.iter().cloned())
        .collect();
    render_report(
        entries,
        &all,
        inputs.first().map_or(&Sources::new(), |i| i.sources),
    )
}

/// The data of the report page.
#[derive(Serialize)]
struct ReportPage<'a> {
    generator: String,
    grid_header: &'static [&'static str],
    table_heading: &'static str,
    documents: Vec<ReportDocument<'a>>,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// One document's section of the report.
#[derive(Serialize)]
struct ReportDocument<'a> {
    /// The section's element id, `doc-N`.
    id: String,
    /// Prefixed to every id inside the section so that several documents never clash:
    /// empty for a one-document report, `doc-N-` otherwise.
    id_prefix: String,
    path: String,
    view: Option<&'a DocumentView>,
    report: ReportData,
}

fn report_document<'a>(
    number: usize,
    count: usize,
    path: String,
    loaded: Option<(&'a DocumentView, &'a Document)>,
    diags: &[Diagnostic],
    sources: &Sources,
) -> ReportDocument<'a> {
    let id_prefix = if count == 1 {
        String::new()
    } else {
        format!("doc-{number}-")
    };
    ReportDocument {
        id: format!("doc-{number}"),
        report: report_data(&id_prefix, loaded, diags, sources),
        id_prefix,
        path,
        view: loaded.map(|(view, _)| view),
    }
}

fn render_report(documents: Vec<ReportDocument>, all: &[Diagnostic], sources: &Sources) -> String {
    let (errors, warnings, infos) = diag::summary(all);
    let page = ReportPage {
        generator: super::generator(),
        grid_header: &GRID_HEADER,
        table_heading: "h4",
        documents,
        errors,
        warnings,
        infos,
    };
    // The report uses the built-in templates only; they are covered by tests, so this
    // fallback is a last resort that still shows the findings and why the page failed.
    match templates(None).and_then(|tera| render(&tera, "report.html", &page)) {
        Ok(html) => html,
        Err(errors) => {
            let mut text = diag::render_short(&errors, sources);
            text.push_str(&diag::render_short(all, sources));
            format!(
                "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>检查报告</title>\n</head>\n<body>\n<pre>{}</pre>\n</body>\n</html>\n",
                super::escape_html(&text)
            )
        }
    }
}

fn report_data(
    prefix: &str,
    loaded: Option<(&DocumentView, &Document)>,
    diags: &[Diagnostic],
    sources: &Sources,
) -> ReportData {
    let places = loaded.map(|(view, document)| Places::new(prefix, view, document));
    let (errors, warnings, infos) = diag::summary(diags);
    let mut data = ReportData {
        enabled: true,
        errors,
        warnings,
        infos,
        ..ReportData::default()
    };
    for (i, d) in diags.iter().enumerate() {
        let anchor = format!("{prefix}finding-{}", i + 1);
        let place = d
            .primary
            .as_ref()
            .zip(places.as_ref())
            .and_then(|(p, places)| places.locate(p.span));
        if let Some(place) = &place {
            data.rows
                .entry(place.row.clone())
                .or_default()
                .push(FindingRef {
                    anchor: anchor.clone(),
                    severity: d.severity,
                    severity_label: d.severity.label_zh(),
                    code: d.code.clone(),
                    message: d.message.clone(),
                });
            let worst = data.cells.entry(place.cell.clone()).or_insert(d.severity);
            *worst = (*worst).max(d.severity);
        }
        data.findings.push(Finding {
            anchor,
            severity: d.severity,
            severity_label: d.severity.label_zh(),
            code: d.code.clone(),
            message: d.message.clone(),
            label: d
                .primary
                .as_ref()
                .map(|p| p.message.clone())
                .filter(|m| !m.is_empty()),
            location: d.primary.as_ref().map(|p| location(sources, p.span)),
            cell: place.map(|p| p.row),
            snippet: d.primary.as_ref().and_then(|p| snippet(sources, p.span)),
            secondary: d
                .secondary
                .iter()
                .map(|s| SecondaryLabel {
                    location: location(sources, s.span),
                    message: s.message.clone(),
                })
                .collect(),
            help: d.help.clone(),
            notes: d.notes.clone(),
        });
    }
    data
}

fn location(sources: &Sources, span: Span) -> String {
    let (line, column) = sources.line_col(span);
    format!("{}:{line}:{column}", sources.name(span.file))
}

/// The line holding the start of `span`, with the span's part of it marked.
fn snippet(sources: &Sources, span: Span) -> Option<Snippet> {
    let text = sources.text(span.file);
    let start = span.start;
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text
        .get(start..)?
        .find('\n')
        .map_or(text.len(), |i| start + i);
    let mark_end = span.end.clamp(start, line_end);
    Some(Snippet {
        line: sources.line_col(span).0,
        before: text.get(line_start..start)?.to_string(),
        marked: text.get(start..mark_end)?.to_string(),
        after: text
            .get(mark_end..line_end)?
            .trim_end_matches('\r')
            .to_string(),
    })
}

/// Where in the rendered tables a finding is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    /// The id of the row (or of the whole table) the finding is listed beside.
    row: String,
    /// The key of the cell that is flagged.
    cell: String,
}

/// Every spanned field of every project, with the place it is rendered at.
struct Places {
    candidates: Vec<(Span, Place)>,
}

impl Places {
    fn new(prefix: &str, view: &DocumentView, document: &Document) -> Self {
        let mut places = Places {
            candidates: Vec::new(),
        };
        for (project, table) in document.projects.iter().zip(&view.tables) {
            places.add_project(project, &format!("{prefix}{}", table.anchor), table);
        }
        places
    }

    fn add(&mut self, span: Span, row: &str, cell: &str) {
        self.candidates.push((
            span,
            Place {
                row: row.to_string(),
                cell: cell.to_string(),
            },
        ));
    }

    fn add_allows(&mut self, allows: &[Allow], row: &str) {
        for a in allows {
            self.add(a.code.span, row, row);
            self.add(a.reason.span, row, row);
        }
    }

    /// Adds a YAML mapping node (a project, a group, a row). The loader gives a mapping only
    /// its start, so the node reaches to the end of the last field added since `from`: a
    /// finding on a key inside it, rather than on a value, still lands on the node.
    fn add_node(&mut self, from: usize, node: Span, row: &str, cell: &str) {
        let end = self.candidates[from..]
            .iter()
            .filter(|(s, _)| s.file == node.file)
            .map(|(s, _)| s.end)
            .fold(node.end, usize::max);
        self.add(Span::new(node.file, node.start, end), row, cell);
    }

    fn add_project(&mut self, p: &crate::model::Project, a: &str, t: &Table) {
        let from = self.candidates.len();
        if let Some(unit) = &p.unit {
            let cell = format!("{a}-unit");
            self.add(unit.name.span, a, &cell);
            if let Some(code) = &unit.code {
                self.add(code.span, a, &cell);
            }
        }
        self.add_allows(&p.allow, a);
        let mut field = |span: Span, key: &str| {
            let key = format!("{a}-{key}");
            self.add(span, &key, &key);
        };
        if let Some(code) = &p.code {
            field(code.span, "code");
        }
        field(p.name.span, "name");
        field(p.budget.total.span, "total");
        if let Some(fiscal) = &p.budget.fiscal {
            field(fiscal.span, "fiscal");
        }
        if let Some(other) = &p.budget.other {
            field(other.span, "other");
        }
        field(p.purpose.span, "purpose");
        if let Some(plan) = &p.spending_plan {
            for (k, (_, cell)) in plan.cells().iter().enumerate() {
                if let Some(cell) = cell {
                    field(cell.span, &format!("plan-{}", k + 1));
                }
            }
        }
        let goals = format!("{a}-goals");
        for (j, goal) in p.goals.iter().enumerate() {
            self.add(goal.span, &goals, &format!("{a}-goal-{}", j + 1));
        }
        self.add_rows(p, a, t);
        self.add_node(from, p.span, a, a);
    }

    /// Indicator rows: the view groups consecutive rows by 一级指标, so the n-th row of
    /// the project is the n-th row of the view, and its row id follows the view's groups.
    fn add_rows(&mut self, p: &crate::model::Project, a: &str, t: &Table) {
        let ids: Vec<(String, String)> = t
            .groups
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| {
                (0..g.rows.len()).map(move |ri| {
                    let group = format!("{a}-{}", gi + 1);
                    (format!("{group}-{}", ri + 1), group)
                })
            })
            .collect();
        let mut n = 0;
        for l1 in &p.indicators {
            let first_of_l1 = n;
            let l1_from = self.candidates.len();
            for l2 in &l1.groups {
                let first_of_l2 = n;
                let l2_from = self.candidates.len();
                for row in &l2.rows {
                    let Some((id, _)) = ids.get(n) else {
                        return;
                    };
                    let row_from = self.candidates.len();
                    self.add(row.level3.span, id, &format!("{id}-level3"));
                    if let Some(d) = &row.description {
                        self.add(d.span, id, &format!("{id}-description"));
                    }
                    self.add(row.value.span, id, &format!("{id}-value"));
                    if let Some(b) = &row.basis {
                        self.add(b.span, id, &format!("{id}-basis"));
                    }
                    self.add_allows(&row.allow, id);
                    self.add_node(row_from, row.span, id, id);
                    n += 1;
                }
                if let Some((id, _)) = ids.get(first_of_l2).filter(|_| n > first_of_l2) {
                    let cell = format!("{id}-level2");
                    self.add(l2.level2.span, id, &cell);
                    self.add_node(l2_from, l2.span, id, &cell);
                }
            }
            if let Some((id, group)) = ids.get(first_of_l1).filter(|_| n > first_of_l1) {
                let cell = format!("{group}-level1");
                self.add(l1.level1.span, id, &cell);
                self.add_node(l1_from, l1.span, id, &cell);
            }
        }
    }

    /// The place of the smallest field containing `span`.
    fn locate(&self, span: Span) -> Option<Place> {
        self.candidates
            .iter()
            .filter(|(s, _)| s.file == span.file && s.start <= span.start && span.end <= s.end)
            .min_by_key(|(s, _)| s.end - s.start)
            .map(|(_, place)| place.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    const DOC: &str = "year: 2025\namount_unit: 元\nunit:\n  name: 测试局\nframework: legacy\nprojects:\n  - name: 甲项目\n    budget:\n      total: 100\n    purpose: 用途\n    goals:\n      - 目标一\n    indicators:\n      - level1: 产出指标\n        groups:\n          - level2: 数量指标\n            rows:\n              - level3: 数量\n                value: 1个\n              - level3: 质量\n                value: 100%\n      - level1: 满意度指标\n        groups:\n          - level2: 服务对象满意度指标\n            rows:\n              - level3: 满意度\n                value: ≥90%\n";

    fn loaded() -> (Document, Sources) {
        let mut sources = Sources::new();
        let loaded = load_str("doc.yaml", DOC, &mut sources);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        (loaded.document.expect("document"), sources)
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle");
        Span::new(0, start, start + needle.len())
    }

    #[test]
    fn a_value_maps_to_its_row_and_cell() {
        let (doc, _) = loaded();
        let view = DocumentView::new(&doc);
        let places = Places::new("", &view, &doc);
        let place = places.locate(span_of(DOC, "≥90%")).expect("placed");
        assert_eq!(place.row, "table-1-2-1");
        assert_eq!(place.cell, "table-1-2-1-value");
        let place = places.locate(span_of(DOC, "100%")).expect("placed");
        assert_eq!(place.cell, "table-1-1-2-value");
        let level1 = span_of(DOC, "level1: 满意度指标");
        let level1 = Span::new(0, level1.start + "level1: ".len(), level1.end);
        let place = places.locate(level1).expect("placed");
        assert_eq!(place.cell, "table-1-2-level1");
        let place = places.locate(span_of(DOC, "目标一")).expect("placed");
        assert_eq!(
            (place.row.as_str(), place.cell.as_str()),
            ("table-1-goals", "table-1-goal-1")
        );
        assert_eq!(places.locate(span_of(DOC, "2025")), None);
    }

    #[test]
    fn snippet_marks_the_span_on_its_line() {
        let (_, sources) = loaded();
        let s = snippet(&sources, span_of(DOC, "1个")).expect("snippet");
        assert_eq!(
            (s.before.as_str(), s.marked.as_str(), s.after.as_str()),
            ("                value: ", "1个", "")
        );
        assert_eq!(s.line, 19);
    }
}
