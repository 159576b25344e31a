//! Output formats of `jixiao check`: human (rustc style), short (one line each), json,
//! github (workflow annotations) and sarif (2.1.0, for code-scanning dashboards).
//!
//! Every format is deterministic: findings in source order, no timestamps.

use serde_json::{Value, json};

use super::Suppressed;
use super::rules;
use crate::diag::{self, Diagnostic, Severity};
use crate::span::{Sources, Span};

/// An output format of `jixiao check` (the command line's `--format` names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc style, with source lines and labels (the default).
    Human,
    /// One line per finding.
    Short,
    /// JSON, for scripts.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// The HTML report: every finding beside its cell.
    Html,
}

/// The findings of one document, with the sources their spans point into.
pub struct DocumentFindings<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub suppressed: &'a [Suppressed],
    pub sources: &'a Sources,
}

/// Renders the findings of every document in one format.
pub fn render(format: Format, docs: &[DocumentFindings], show_allowed: bool) -> String {
    match format {
        Format::Human => human(docs, show_allowed),
        Format::Short => short(docs),
        Format::Json => json_report(docs),
        Format::Github => github(docs),
        Format::Sarif => sarif(docs),
        // The HTML report places findings next to their cells, so it needs the loaded
        // models: `jixiao check` renders it through `render::html::render_check_reports`.
        // Without models, the rustc-style text is the faithful fallback.
        Format::Html => human(docs, show_allowed),
    }
}

fn allowed_copy(s: &Suppressed) -> Diagnostic {
    let mut d = s.diagnostic.clone();
    d.notes.push(format!("已允许：{}", s.reason));
    d
}

fn human(docs: &[DocumentFindings], show_allowed: bool) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str(&diag::render_human(doc.diagnostics, doc.sources));
        if show_allowed {
            let allowed: Vec<Diagnostic> = doc.suppressed.iter().map(allowed_copy).collect();
            out.push_str(&diag::render_human(&allowed, doc.sources));
        }
    }
    out.push_str(&summary_line(docs));
    out
}

fn short(docs: &[DocumentFindings]) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str(&diag::render_short(doc.diagnostics, doc.sources));
    }
    out.push_str(&summary_line(docs));
    out
}

/// `共 1 个错误、2 个警告、0 条提示；已允许 1 条` or `没有发现问题`.
pub fn summary_line(docs: &[DocumentFindings]) -> String {
    let all: Vec<Diagnostic> = docs
        .iter()
        .flat_map(|d| d.diagnostics.iter().cloned())
        .collect();
    let (e, w, i) = diag::summary(&all);
    let allowed: usize = docs.iter().map(|d| d.suppressed.len()).sum();
    let allowed = if allowed > 0 {
        format!("；已允许 {allowed} 条")
    } else {
        String::new()
    };
    if e + w + i == 0 {
        format!("没有发现问题{allowed}\n")
    } else {
        format!("共 {e} 个错误、{w} 个警告、{i} 条提示{allowed}\n")
    }
}

/// Start and end `(line, column)`, 1-based, columns in characters.
fn region(sources: &Sources, span: Span) -> ((usize, usize), (usize, usize)) {
    let start = sources.line_col(span);
    let end = sources.line_col(Span::new(span.file, span.end, span.end));
    (start, end)
}

/// One diagnostic as JSON: code, severity, message, place (1-based line and column), help,
/// notes and fix.
pub fn diagnostic_json(d: &Diagnostic, sources: &Sources) -> Value {
    let mut v = json!({
        "code": d.code,
        "severity": d.severity.as_str(),
        "message": d.message,
    });
    if let Some(p) = &d.primary {
        let ((line, column), (end_line, end_column)) = region(sources, p.span);
        v["file"] = json!(sources.name(p.span.file));
        v["line"] = json!(line);
        v["column"] = json!(column);
        v["end_line"] = json!(end_line);
        v["end_column"] = json!(end_column);
        v["label"] = json!(p.message);
    }
    v["help"] = json!(d.help);
    v["notes"] = json!(d.notes);
    v["fix"] = match &d.fix {
        Some(f) => json!({
            "title": f.title,
            "replacement": f.replacement,
            "start": f.span.start,
            "end": f.span.end,
        }),
        None => Value::Null,
    };
    v
}

fn json_report(docs: &[DocumentFindings]) -> String {
    let mut diagnostics = Vec::new();
    let mut allowed = Vec::new();
    for doc in docs {
        diagnostics.extend(
            doc.diagnostics
                .iter()
                .map(|d| diagnostic_json(d, doc.sources)),
        );
        allowed.extend(doc.suppressed.iter().map(|s| {
            let mut v = diagnostic_json(&s.diagnostic, doc.sources);
            v["reason"] = json!(s.reason);
            v
        }));
    }
    let all: Vec<Diagnostic> = docs
        .iter()
        .flat_map(|d| d.diagnostics.iter().cloned())
        .collect();
    let (errors, warnings, infos) = diag::summary(&all);
    let report = json!({
        "diagnostics": diagnostics,
        "allowed": allowed,
        "summary": {
            "errors": errors,
            "warnings": warnings,
            "infos": infos,
            "allowed": allowed.len(),
        },
    });
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

/// Escapes workflow-command data (`%`, CR, LF).
pub fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes workflow-command properties (data escapes plus `:` and `,`).
pub fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(docs: &[DocumentFindings]) -> String {
    let mut out = String::new();
    for doc in docs {
        for d in doc.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = vec![format!(
                "title={}",
                gh_property(&format!("{} {}", d.code, short_summary(&d.code)))
            )];
            if let Some(p) = &d.primary {
                let ((line, col), (end_line, end_col)) = region(doc.sources, p.span);
                props.insert(
                    0,
                    format!("file={}", gh_property(doc.sources.name(p.span.file))),
                );
                props.insert(1, format!("line={line}"));
                props.insert(2, format!("col={col}"));
                props.insert(3, format!("endLine={end_line}"));
                props.insert(4, format!("endColumn={end_col}"));
            }
            let mut message = format!("[{}] {}", d.code, d.message);
            for h in &d.help {
                message.push_str(&format!("\n帮助：{h}"));
            }
            out.push_str(&format!(
                "::{level} {}::{}\n",
                props.join(","),
                gh_data(&message)
            ));
        }
    }
    out
}

fn short_summary(code: &str) -> &'static str {
    rules::lookup(code).map_or("", |r| r.summary)
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn sarif_result(d: &Diagnostic, sources: &Sources, suppression: Option<&str>) -> Value {
    let mut text = d.message.clone();
    for h in &d.help {
        text.push_str(&format!("\n帮助：{h}"));
    }
    let mut v = json!({
        "ruleId": d.code,
        "level": sarif_level(d.severity),
        "message": { "text": text },
    });
    if let Some(index) = rules::ALL.iter().position(|r| r.code == d.code) {
        v["ruleIndex"] = json!(index);
    }
    if let Some(p) = &d.primary {
        let ((line, col), (end_line, end_col)) = region(sources, p.span);
        v["locations"] = json!([{
            "physicalLocation": {
                "artifactLocation": { "uri": sources.name(p.span.file) },
                "region": {
                    "startLine": line,
                    "startColumn": col,
                    "endLine": end_line,
                    "endColumn": end_col,
                    "snippet": { "text": sources.text(p.span.file).get(p.span.range()).unwrap_or("") },
                },
            },
            "message": { "text": p.message },
        }]);
    }
    if let Some(reason) = suppression {
        v["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
    }
    v
}

fn sarif(docs: &[DocumentFindings]) -> String {
    let rules: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.doc, "markdown": r.doc },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for doc in docs {
        results.extend(
            doc.diagnostics
                .iter()
                .map(|d| sarif_result(d, doc.sources, None)),
        );
        results.extend(
            doc.suppressed
                .iter()
                .map(|s| sarif_result(&s.diagnostic, doc.sources, Some(&s.reason))),
        );
    }
    let report = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "jixiao",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}
