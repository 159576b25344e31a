//! Printing a comparison: human (aligned, colored on a terminal), json, github (workflow
//! annotations), markdown (a pull request's job summary) and codequality (GitLab's merge
//! request widget). Every format is deterministic.

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::rows::{RowDiff, RowStatus};
use super::{Compared, Comparison, DocumentDiff, ProjectDiff, ProjectStatus};
use crate::check::report::{self as check_report, DocumentFindings};
use crate::diag::{self, Diagnostic, Severity};
use crate::span::{Sources, Span};

/// One line of a project's changes: a sign, what it is about, the old and new text, and
/// what the change means.
pub struct Line {
    /// `+` added, `-` removed, `~` changed.
    pub sign: char,
    pub what: String,
    pub old: String,
    pub new: String,
    pub meaning: String,
    /// Where it is in the new document (for annotations), if it is there.
    pub span: Option<Span>,
}

/// The lines of a project's changes, in order: budget, goals, categories, rows.
pub fn project_lines(p: &ProjectDiff) -> Vec<Line> {
    let mut lines = project_notes(p);
    if p.status == ProjectStatus::Matched {
        lines.extend(p.changed_rows().map(row_line));
    }
    lines
}

/// The change lines of a project that are not about one row: budget, goals, categories.
pub fn project_notes(p: &ProjectDiff) -> Vec<Line> {
    let mut lines = Vec::new();
    if let Some(b) = &p.budget {
        lines.push(Line {
            sign: '~',
            what: "预算数".into(),
            old: b.old.shown(),
            new: b.new.shown(),
            meaning: format!("{}（{}）", b.delta_shown(), b.percent_shown()),
            span: p.new.as_ref().map(|s| s.span),
        });
    }
    if p.purpose_changed {
        lines.push(Line {
            sign: '~',
            what: "资金用途".into(),
            old: String::new(),
            new: String::new(),
            meaning: "文字改变".into(),
            span: p.new.as_ref().map(|s| s.span),
        });
    }
    if p.goals_changed {
        lines.push(Line {
            sign: '~',
            what: "绩效目标".into(),
            old: String::new(),
            new: String::new(),
            meaning: "文字改变".into(),
            span: p.new.as_ref().map(|s| s.span),
        });
    }
    for c in &p.dropped_categories {
        lines.push(Line {
            sign: '-',
            what: c.clone(),
            old: String::new(),
            new: String::new(),
            meaning: "整类指标删除".into(),
            span: p.new.as_ref().map(|s| s.span),
        });
    }
    lines
}

/// The change line of one row.
pub fn row_line(r: &RowDiff) -> Line {
    let shown = r.shown();
    let (sign, meaning) = match r.status {
        RowStatus::Added => ('+', "新增指标".to_string()),
        RowStatus::Removed => ('-', "删除指标".to_string()),
        _ => {
            let mut parts: Vec<String> = r.changes.iter().map(|c| c.label()).collect();
            if let (Some(o), Some(n)) = (&r.old, &r.new) {
                let moved = (&o.level1, &o.level2) != (&n.level1, &n.level2);
                match (o.level3 != n.level3, moved) {
                    (true, true) => parts.push(format!("原为“{}”", o.path())),
                    (true, false) => parts.push(format!("原为“{}”", o.level3)),
                    (false, true) => parts.push(format!("原在“{}/{}”", o.level1, o.level2)),
                    (false, false) => {}
                }
            }
            if r.matched_by.is_some_and(|m| m.is_guess()) {
                parts.push(r.matched_by.map(|m| m.label()).unwrap_or_default());
            }
            ('~', parts.join("；"))
        }
    };
    Line {
        sign,
        what: shown.path(),
        old: r.old.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
        new: r.new.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
        meaning,
        span: r.new.as_ref().map(|s| s.value_span),
    }
}

/// The heading words of a project: its sign, name and how it was matched.
pub fn project_heading(p: &ProjectDiff) -> (char, String, Vec<String>) {
    let mut tags = Vec::new();
    let sign = match p.status {
        ProjectStatus::Added => {
            if let Some(n) = &p.new {
                tags.push(format!("新增项目，预算数 {}", n.budget.shown()));
            }
            '+'
        }
        ProjectStatus::Removed => {
            if let Some(o) = &p.old {
                tags.push(format!("删除项目，预算数 {}", o.budget.shown()));
            }
            '-'
        }
        ProjectStatus::Matched => {
            if let Some(m) = &p.matched_by {
                tags.push(m.label());
            }
            if let (true, Some(o)) = (p.renamed, &p.old) {
                tags.push(format!("改名，原为“{}”", o.name));
            }
            if let (true, Some(o), Some(n)) = (p.recoded, &p.old, &p.new) {
                let code = |c: &Option<String>| c.clone().unwrap_or_else(|| "无".into());
                tags.push(format!(
                    "项目编码改变：{} → {}",
                    code(&o.code),
                    code(&n.code)
                ));
            }
            '~'
        }
    };
    (sign, p.name().to_string(), tags)
}

fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// ANSI styles, or nothing when printing to a file or a pipe.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn sign(&self, sign: char, text: &str) -> String {
        match sign {
            '+' => self.paint("32", text),
            '-' => self.paint("31", text),
            _ => self.paint("33", text),
        }
    }
}

fn side_line(s: &super::DocumentSide) -> String {
    format!(
        "{}（{}年度，{}，{} 个项目）",
        s.label, s.year, s.amount_unit, s.projects
    )
}

fn human_document(out: &mut String, d: &DocumentDiff, style: &Style) {
    out.push_str(&style.paint("1", &format!("比较 {}", d.new.title)));
    out.push('\n');
    out.push_str(&format!(
        "  旧：{}\n  新：{}\n",
        side_line(&d.old),
        side_line(&d.new)
    ));
    if d.budget.delta_yuan.is_zero() {
        out.push_str(&format!("  预算合计 {}，没有变化\n", d.budget.new.shown()));
    } else {
        out.push_str(&format!(
            "  预算合计 {} → {}  {}（{}）\n",
            d.budget.old.shown(),
            d.budget.new.shown(),
            d.budget.delta_shown(),
            d.budget.percent_shown()
        ));
    }
    for p in d.projects.iter().filter(|p| p.is_changed()) {
        out.push('\n');
        let (sign, name, tags) = project_heading(p);
        out.push_str(&style.sign(sign, &format!("{sign} {name}")));
        if !tags.is_empty() {
            out.push_str(&style.paint("2", &format!("  [{}]", tags.join("；"))));
        }
        out.push('\n');
        let lines = project_lines(p);
        let w_what = lines
            .iter()
            .filter(|l| !(l.old.is_empty() && l.new.is_empty()))
            .map(|l| l.what.width())
            .max()
            .unwrap_or(0);
        let w_old = lines.iter().map(|l| l.old.width()).max().unwrap_or(0);
        let w_new = lines.iter().map(|l| l.new.width()).max().unwrap_or(0);
        for l in &lines {
            if l.old.is_empty() && l.new.is_empty() {
                let text = format!("    {} {}  {}", l.sign, l.what, l.meaning);
                out.push_str(&style.sign(l.sign, &text));
                out.push('\n');
                continue;
            }
            let arrow = if l.old.is_empty() || l.new.is_empty() {
                "  "
            } else {
                "→ "
            };
            let text = format!(
                "    {} {}  {} {}{}  {}",
                l.sign,
                pad(&l.what, w_what),
                pad(&l.old, w_old),
                arrow,
                pad(&l.new, w_new),
                l.meaning
            );
            out.push_str(&style.sign(l.sign, text.trim_end()));
            out.push('\n');
        }
    }
    let unchanged = d.summary.unchanged_projects;
    if unchanged > 0 {
        out.push_str(&format!("\n= {unchanged} 个项目没有变化\n"));
    }
    out.push('\n');
}

/// `新增 1 个项目、删除 1 个、改名 1 个、推测匹配 1 个、预算变化 2 个；指标新增 3 行、删除 2 行、改变 5 行`.
pub fn summary_words(c: &Comparison) -> String {
    let mut s = super::Summary::default();
    for d in &c.documents {
        let x = &d.diff.summary;
        s.added += x.added;
        s.removed += x.removed;
        s.renamed += x.renamed;
        s.guessed += x.guessed;
        s.budget_changed += x.budget_changed;
        s.rows_added += x.rows_added;
        s.rows_removed += x.rows_removed;
        s.rows_changed += x.rows_changed;
    }
    let mut words = format!(
        "项目新增 {}、删除 {}、改名 {}、推测匹配 {}、预算变化 {}；指标新增 {} 行、删除 {} 行、改变 {} 行",
        s.added,
        s.removed,
        s.renamed,
        s.guessed,
        s.budget_changed,
        s.rows_added,
        s.rows_removed,
        s.rows_changed
    );
    if !c.added.is_empty() {
        words.push_str(&format!("；新增文档 {}", c.added.join("、")));
    }
    if !c.removed.is_empty() {
        words.push_str(&format!("；删除文档 {}", c.removed.join("、")));
    }
    words
}

fn findings_line(c: &Comparison) -> String {
    let all: Vec<Diagnostic> = c.diagnostics().cloned().collect();
    let (e, w, i) = diag::summary(&all);
    let allowed: usize = c
        .documents
        .iter()
        .map(|d| d.findings.suppressed.len())
        .sum();
    let allowed = if allowed > 0 {
        format!("；已允许 {allowed} 条")
    } else {
        String::new()
    };
    if e + w + i == 0 {
        format!("没有需要审阅的问题{allowed}")
    } else {
        format!("共 {e} 个错误、{w} 个警告、{i} 条提示{allowed}")
    }
}

/// The human report: per document the changed projects with aligned change lines, then
/// the findings rustc-style, then a summary line.
pub fn human(c: &Comparison, sources: &Sources, color: bool) -> String {
    let style = Style { on: color };
    let mut out = String::new();
    for label in &c.added {
        out.push_str(&style.sign('+', &format!("+ 新增文档 {label}")));
        out.push_str("\n\n");
    }
    for label in &c.removed {
        out.push_str(&style.sign('-', &format!("- 删除文档 {label}")));
        out.push_str("\n\n");
    }
    for d in &c.documents {
        human_document(&mut out, &d.diff, &style);
    }
    let all: Vec<Diagnostic> = c.diagnostics().cloned().collect();
    out.push_str(&diag::render_human(&all, sources));
    out.push_str(&summary_words(c));
    out.push('\n');
    out.push_str(&findings_line(c));
    out.push('\n');
    out
}

fn findings_of<'a>(d: &'a Compared, sources: &'a Sources) -> DocumentFindings<'a> {
    DocumentFindings {
        diagnostics: &d.findings.diagnostics,
        suppressed: &d.findings.suppressed,
        sources,
    }
}

/// The JSON report: every document's comparison (all rows, unchanged ones included) with
/// its findings.
pub fn json(c: &Comparison, sources: &Sources) -> String {
    let documents: Vec<Value> = c
        .documents
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(&d.diff).unwrap_or(Value::Null);
            v["diagnostics"] = json!(
                d.findings
                    .diagnostics
                    .iter()
                    .map(|x| check_report::diagnostic_json(x, sources))
                    .collect::<Vec<_>>()
            );
            v["allowed"] = json!(
                d.findings
                    .suppressed
                    .iter()
                    .map(|s| {
                        let mut x = check_report::diagnostic_json(&s.diagnostic, sources);
                        x["reason"] = json!(s.reason);
                        x
                    })
                    .collect::<Vec<_>>()
            );
            v
        })
        .collect();
    let all: Vec<Diagnostic> = c.diagnostics().cloned().collect();
    let (errors, warnings, infos) = diag::summary(&all);
    let report = json!({
        "documents": documents,
        "added_documents": c.added,
        "removed_documents": c.removed,
        "load_errors": c.load_errors.iter().map(|x| check_report::diagnostic_json(x, sources)).collect::<Vec<_>>(),
        "summary": { "errors": errors, "warnings": warnings, "infos": infos },
    });
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

/// GitHub workflow annotations: a notice on each changed line of the new document, and
/// the findings with their severity.
pub fn github(c: &Comparison, sources: &Sources) -> String {
    let mut out = String::new();
    for d in &c.documents {
        for p in d.diff.projects.iter().filter(|p| p.is_changed()) {
            let (_, name, tags) = project_heading(p);
            let mut place = String::new();
            if let Some(span) = p.new.as_ref().map(|s| s.span) {
                place = location(sources, span);
            }
            let mut message = format!("{}：{}", name, tags.join("；"));
            for l in project_lines(p) {
                message.push_str(&format!("\n{} {} {}", l.sign, l.what, change_text(&l)));
            }
            out.push_str(&format!(
                "::notice {place}title={}::{}\n",
                check_report::gh_property(&format!("绩效目标变化：{name}")),
                check_report::gh_data(&message)
            ));
        }
    }
    let findings: Vec<DocumentFindings> = c
        .documents
        .iter()
        .map(|d| findings_of(d, sources))
        .collect();
    out.push_str(&check_report::render(
        check_report::Format::Github,
        &findings,
        false,
    ));
    let load = DocumentFindings {
        diagnostics: &c.load_errors,
        suppressed: &[],
        sources,
    };
    out.push_str(&check_report::render(
        check_report::Format::Github,
        &[load],
        false,
    ));
    out
}

fn location(sources: &Sources, span: Span) -> String {
    let (line, col) = sources.line_col(span);
    format!(
        "file={},line={line},col={col},",
        check_report::gh_property(sources.name(span.file))
    )
}

fn change_text(l: &Line) -> String {
    match (l.old.is_empty(), l.new.is_empty()) {
        (true, true) => l.meaning.clone(),
        (false, true) => format!("{}（{}）", l.old, l.meaning),
        (true, false) => format!("{}（{}）", l.new, l.meaning),
        (false, false) => format!("{} → {}（{}）", l.old, l.new, l.meaning),
    }
}

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('\n', " ")
}

/// The Markdown summary: per document a line for the budget and a table per changed
/// project, then the findings.
pub fn markdown(c: &Comparison, sources: &Sources) -> String {
    let mut out = String::from("## 绩效目标变化\n\n");
    out.push_str(&format!("{}。{}。\n", summary_words(c), findings_line(c)));
    for d in &c.documents {
        let diff = &d.diff;
        out.push_str(&format!("\n### {}\n\n", cell(&diff.new.title)));
        out.push_str(&format!(
            "旧：`{}`（{}年度）→ 新：`{}`（{}年度）。预算合计 {} → {}",
            diff.old.label,
            diff.old.year,
            diff.new.label,
            diff.new.year,
            diff.budget.old.shown(),
            diff.budget.new.shown()
        ));
        if !diff.budget.delta_yuan.is_zero() {
            out.push_str(&format!(
                "，{}（{}）",
                diff.budget.delta_shown(),
                diff.budget.percent_shown()
            ));
        }
        out.push_str("。\n");
        for p in diff.projects.iter().filter(|p| p.is_changed()) {
            let (sign, name, tags) = project_heading(p);
            out.push_str(&format!("\n**{sign} {}**", cell(&name)));
            if !tags.is_empty() {
                out.push_str(&format!("（{}）", cell(&tags.join("；"))));
            }
            out.push('\n');
            let lines = project_lines(p);
            if lines.is_empty() {
                continue;
            }
            out.push_str("\n| | 内容 | 原 | 新 | 含义 |\n|---|---|---|---|---|\n");
            for l in lines {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} |\n",
                    l.sign,
                    cell(&l.what),
                    cell(&l.old),
                    cell(&l.new),
                    cell(&l.meaning)
                ));
            }
        }
    }
    let all: Vec<&Diagnostic> = c.diagnostics().collect();
    if !all.is_empty() {
        out.push_str("\n### 需要审阅的问题\n\n");
        for x in all {
            let place = x
                .location(sources)
                .map(|(f, l, col)| format!("`{f}:{l}:{col}` "))
                .unwrap_or_default();
            out.push_str(&format!(
                "- {place}{}[{}] {}\n",
                x.severity.label_zh(),
                x.code,
                cell(&x.message)
            ));
        }
    }
    out
}

/// A stable 64-bit FNV-1a hash, for fingerprints that do not change between runs.
fn fnv1a(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// GitLab's code quality report: the findings, and each changed project as an info item.
pub fn codequality(c: &Comparison, sources: &Sources) -> String {
    let mut items = Vec::new();
    let mut push = |check: &str, description: String, severity: &str, span: Option<Span>| {
        let (path, line) = match span {
            Some(s) => (sources.name(s.file).to_string(), sources.line_col(s).0),
            None => (String::new(), 1),
        };
        items.push(json!({
            "description": description,
            "check_name": check,
            "fingerprint": fnv1a(&format!("{check}\u{0}{path}\u{0}{description}")),
            "severity": severity,
            "location": { "path": path, "lines": { "begin": line } },
        }));
    };
    for d in &c.documents {
        for p in d.diff.projects.iter().filter(|p| p.is_changed()) {
            let (_, name, tags) = project_heading(p);
            let changes: Vec<String> = project_lines(p)
                .iter()
                .map(|l| format!("{} {}", l.what, change_text(l)))
                .collect();
            let mut description = format!("绩效目标变化：{name}（{}）", tags.join("；"));
            if !changes.is_empty() {
                description.push_str(&format!("：{}", changes.join("；")));
            }
            push(
                "jixiao-diff",
                description,
                "info",
                p.new.as_ref().map(|s| s.span),
            );
        }
    }
    for x in c.diagnostics() {
        let severity = match x.severity {
            Severity::Error => "major",
            Severity::Warning => "minor",
            Severity::Info => "info",
        };
        push(
            &x.code,
            format!("[{}] {}", x.code, x.message),
            severity,
            x.primary.as_ref().map(|l| l.span),
        );
    }
    let mut s = serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default();
    s.push('\n');
    s
}

/// Whether a run should fail: errors, or warnings under `--deny warnings`.
pub fn fails(c: &Comparison, deny_warnings: bool) -> bool {
    let all: Vec<Diagnostic> = c.diagnostics().cloned().collect();
    crate::check::fails(&all, deny_warnings)
}
