//! Validation passes, in order: loading (done by [`crate::load`], codes L) → values (V) →
//! structure (S) → consistency (C) → text (T), then the document's configuration
//! (severity overrides from `rules:`, in-place `allow:` with reasons; codes A).
//!
//! Every finding names a rule of the [`rules`] registry; [`report`] writes findings in
//! the output formats, [`fix`] applies the certain fixes to the YAML source.

pub mod docs;
pub mod fix;
pub mod framework;
mod passes;
pub mod report;
pub mod rules;

use crate::diag::{Diagnostic, Severity};
use crate::model::{Allow, Document};
use crate::span::{Sources, Span};
use framework::Framework;
use rules::Rule;

/// A finding suppressed by an `allow:` entry, kept so reports can show the reason.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    /// The written reason from the `allow:` entry.
    pub reason: String,
    /// Where the `allow:` entry is.
    pub allow_span: Span,
}

/// The outcome of checking one document.
#[derive(Debug, Default)]
pub struct Report {
    /// Active findings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings allowed in place, in source order.
    pub suppressed: Vec<Suppressed>,
}

/// Runs every pass over a loaded document and returns its active findings, in source order.
pub fn check_document(doc: &Document, sources: &Sources) -> Vec<Diagnostic> {
    check(doc, sources).diagnostics
}

/// Runs every pass and applies the document's configuration.
pub fn check(doc: &Document, sources: &Sources) -> Report {
    let mut cx = Context::new(doc, sources);
    passes::values::run(&mut cx);
    passes::structure::run(&mut cx);
    passes::consistency::run(&mut cx);
    passes::targets::run(&mut cx);
    passes::text::run(&mut cx);
    passes::wording::run(&mut cx);
    crate::evaluate::checks::run(&mut cx);
    configure(doc, cx.findings)
}

/// What the passes share: the document, its sources, its framework, parsed values and
/// the findings so far.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub sources: &'a Sources,
    /// `None` when the framework could not be resolved (reported as S201).
    pub framework: Option<Framework>,
    /// Parsed values of every row, per project, in [`crate::model::Project::rows`] order.
    pub values: Vec<Vec<passes::values::RowValue>>,
    findings: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    fn new(doc: &'a Document, sources: &'a Sources) -> Self {
        let mut findings = Vec::new();
        let framework = match Framework::resolve(&doc.framework.value, sources.name(doc.file)) {
            Ok(fw) => Some(fw),
            Err(e) => {
                findings.push(passes::structure::framework_error(doc, e));
                None
            }
        };
        Context {
            doc,
            sources,
            framework,
            values: Vec::new(),
            findings,
        }
    }

    /// Records a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.findings.push(d);
    }
}

/// One `allow:` entry and the span it covers.
struct AllowScope<'a> {
    allow: &'a Allow,
    scope: Span,
    used: bool,
}

fn contains(scope: Span, span: Span) -> bool {
    scope.file == span.file && scope.start <= span.start && span.start < scope.end
}

/// The scope of every `allow:` entry. Mapping nodes only carry their start, so a project
/// reaches to the next project in its file (or the file's end), and a row to the next
/// indicator node (row, 二级 or 一级) of its project.
fn allow_scopes(doc: &Document) -> Vec<AllowScope<'_>> {
    let mut scopes = Vec::new();
    for (i, p) in doc.projects.iter().enumerate() {
        let end = doc.projects[i + 1..]
            .iter()
            .find(|q| q.span.file == p.span.file && q.span.start > p.span.start)
            .map_or(usize::MAX, |q| q.span.start);
        let project_scope = Span::new(p.span.file, p.span.start, end);
        scopes.extend(p.allow.iter().map(|a| AllowScope {
            allow: a,
            scope: project_scope,
            used: false,
        }));
        let mut starts: Vec<usize> = p
            .indicators
            .iter()
            .flat_map(|l1| {
                std::iter::once(l1.level1.span.start).chain(l1.groups.iter().flat_map(|g| {
                    std::iter::once(g.level2.span.start).chain(g.rows.iter().map(|r| r.span.start))
                }))
            })
            .collect();
        starts.sort_unstable();
        for (_, _, row) in p.rows() {
            let row_end = starts
                .iter()
                .copied()
                .find(|s| *s > row.span.start)
                .unwrap_or(end);
            scopes.extend(row.allow.iter().map(|a| AllowScope {
                allow: a,
                scope: Span::new(row.span.file, row.span.start, row_end),
                used: false,
            }));
        }
    }
    scopes
}

/// Applies allows (innermost scope wins), then severity overrides, then reports
/// configuration mistakes, and sorts everything into source order.
fn configure(doc: &Document, findings: Vec<Diagnostic>) -> Report {
    let mut scopes = allow_scopes(doc);
    let mut report = suppress(&mut scopes, findings);
    configuration_mistakes(doc, &scopes, &mut report);
    apply_levels(doc, &mut report);
    report
}

/// Applies a document's `allow:` entries and `rules:` levels to findings about it that
/// `check` does not produce (the D codes of `jixiao diff`); the result is in source order.
/// Mistakes in the configuration itself are `check`'s to report.
pub fn configure_findings(doc: &Document, findings: Vec<Diagnostic>) -> Report {
    let mut scopes = allow_scopes(doc);
    let mut report = suppress(&mut scopes, findings);
    apply_levels(doc, &mut report);
    report
}

/// Moves the findings an `allow:` entry covers (innermost scope wins) into `suppressed`.
fn suppress(scopes: &mut [AllowScope], findings: Vec<Diagnostic>) -> Report {
    let mut report = Report::default();
    for d in findings {
        let place = d.primary.as_ref().map(|l| l.span);
        let chosen = place.and_then(|span| {
            scopes
                .iter_mut()
                .filter(|s| s.allow.code.value == d.code && contains(s.scope, span))
                .min_by_key(|s| s.scope.end - s.scope.start)
        });
        if let Some(s) = chosen {
            s.used = true;
            report.suppressed.push(Suppressed {
                reason: s.allow.reason.value.clone(),
                allow_span: s.allow.code.span,
                diagnostic: d,
            });
            continue;
        }
        report.diagnostics.push(d);
    }
    report
}

/// Codes in `rules:` and `allow:` that name no configurable rule, and allows that allowed
/// nothing (except those for the comparison's codes, which `check` never produces).
fn configuration_mistakes(doc: &Document, scopes: &[AllowScope], report: &mut Report) {
    // Only `check` rules can be configured: an output or import code in `rules:` or
    // `allow:` would change nothing, so it is reported like an unknown code.
    for (code, span) in &doc.rule_spans {
        if rules::lookup_check(code).is_none() {
            report
                .diagnostics
                .push(unknown_code(&rules::A501, code, *span, "rules"));
        }
    }
    for s in scopes {
        let code = &s.allow.code;
        if rules::lookup_check(code).is_none() {
            report
                .diagnostics
                .push(unknown_code(&rules::A502, code, code.span, "allow"));
        } else if !s.used && rules::lookup(code).is_some_and(|r| r.pass.is_check()) {
            report.diagnostics.push(
                Diagnostic::of(
                    &rules::A503,
                    format!("allow 中的 {} 没有允许任何问题", code.value),
                )
                .at(code.span, "这里没有这条规则的问题")
                .with_help("删除这条 allow；问题已改正时不再需要它"),
            );
        }
    }
}

/// Applies the `rules:` levels (`off` drops a finding) and sorts into source order.
fn apply_levels(doc: &Document, report: &mut Report) {
    report.diagnostics = std::mem::take(&mut report.diagnostics)
        .into_iter()
        .filter_map(|mut d| {
            if let Some(level) = doc.rules.get(&d.code) {
                d.severity = level.severity()?;
            }
            Some(d)
        })
        .collect();
    report.diagnostics.sort_by(source_order);
    report
        .suppressed
        .sort_by(|a, b| source_order(&a.diagnostic, &b.diagnostic));
}

fn unknown_code(rule: &Rule, code: &str, span: Span, key: &str) -> Diagnostic {
    if let Some(other) = rules::lookup(code) {
        return Diagnostic::of(
            rule,
            format!(
                "{key} 中的 `{code}` 是{}时报告的代码，不是校验规则",
                other.pass.label_zh()
            ),
        )
        .at(span, "不能在这里配置")
        .with_help(format!(
            "{key} 只能写 `jixiao check` 的规则；{code}（{}）的级别是固定的，删除这一行，用 `jixiao explain {code}` 查看如何处理",
            other.summary
        ));
    }
    let mut d = Diagnostic::of(rule, format!("{key} 中的规则代码 `{code}` 不存在"))
        .at(span, "没有这条规则");
    let codes: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
    match codes
        .iter()
        .map(|c| (strsim::levenshtein(&code.to_uppercase(), c), *c))
        .filter(|(dist, _)| *dist <= 1)
        .min()
    {
        Some((_, c)) => d = d.with_help(format!("是不是想写 `{c}`？")),
        None => d = d.with_help("用 `jixiao rules` 查看所有规则代码"),
    }
    d
}

/// Source order: file, position, then code for findings at the same place.
pub fn source_order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    let key = |d: &Diagnostic| {
        d.primary
            .as_ref()
            .map(|l| (l.span.file, l.span.start, l.span.end))
    };
    key(a).cmp(&key(b)).then_with(|| a.code.cmp(&b.code))
}

/// Whether a run should fail: errors, or warnings under `--deny warnings`.
pub fn fails(diags: &[Diagnostic], deny_warnings: bool) -> bool {
    diags.iter().any(|d| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    })
}
