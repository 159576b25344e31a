//! Diagnostics are data: a code, a severity, a message, labelled spans and help lines.
//! Rendering them (rustc style, short, JSON, …) is separate from producing them.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel};
use codespan_reporting::term;
use serde::Serialize;

use crate::check::rules::Rule;
use crate::span::{Sources, Span};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The Chinese word shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Why reading or writing a file failed, in Chinese: the standard library words its
/// errors in English ("No space left on device (os error 28)"), and every message that
/// passes one on to a user says it with this.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "文件不存在".into(),
        ErrorKind::PermissionDenied => "没有权限".into(),
        ErrorKind::InvalidData => "不是 UTF-8 编码的文本".into(),
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件".into(),
        ErrorKind::NotADirectory => "路径中有一段不是文件夹".into(),
        ErrorKind::DirectoryNotEmpty => "文件夹不为空".into(),
        ErrorKind::AlreadyExists => "已经存在".into(),
        ErrorKind::StorageFull => "磁盘空间不足".into(),
        ErrorKind::QuotaExceeded => "超出了磁盘配额".into(),
        ErrorKind::ReadOnlyFilesystem => "所在的磁盘是只读的".into(),
        ErrorKind::FileTooLarge => "文件过大".into(),
        ErrorKind::CrossesDevices => "不能跨磁盘移动".into(),
        ErrorKind::InvalidFilename => "文件名无效或过长".into(),
        ErrorKind::BrokenPipe => "输出已被关闭".into(),
        ErrorKind::UnexpectedEof => "文件意外结束".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("系统错误（错误码 {code}）"),
            None => "系统错误".into(),
        },
    }
}

/// `无法读取 <path>：<why>`, the reason in Chinese.
pub fn cannot_read(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("无法读取 {}：{}", path.display(), io_reason(e))
}

/// `无法写入 <path>：<why>`, the reason in Chinese.
pub fn cannot_write(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("无法写入 {}：{}", path.display(), io_reason(e))
}

/// A span with a short text shown under it.
#[derive(Clone, Debug, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding about the user's input.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    /// Stable rule code such as `L001` or `V101`, from the registry entry the diagnostic
    /// was made with ([`Diagnostic::of`]).
    pub code: String,
    pub severity: Severity,
    /// A message that stands alone, in Chinese.
    pub message: String,
    /// The place the finding is about; absent for findings about the run itself.
    pub primary: Option<Label>,
    /// Other places that explain the finding (the first definition of a duplicate key, …).
    pub secondary: Vec<Label>,
    /// Help lines: what to write instead.
    pub help: Vec<String>,
    /// Notes: context such as the written reason of an allowed finding.
    pub notes: Vec<String>,
    /// A certain fix `jixiao check --fix` may apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A replacement of one span of YAML source text, already written as YAML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    /// The new source text for the span (quoted when YAML needs it).
    pub replacement: String,
    /// What the fix does, in Chinese.
    pub title: String,
}

impl Diagnostic {
    /// A finding of a registered rule (`Diagnostic::of(&rules::L003, "…")`), with the
    /// rule's default severity: a code's name and severity live only in its registry entry
    /// (`src/check/rules/`). A document's `rules:` may change the severity afterwards.
    pub fn of(rule: &Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            code: rule.code.to_string(),
            severity: rule.severity,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
            fix: None,
        }
    }

    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            message: label.into(),
        });
        self
    }

    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: label.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// `file:line:column` of the primary span, if any.
    pub fn location(&self, sources: &Sources) -> Option<(String, usize, usize)> {
        let label = self.primary.as_ref()?;
        let (line, col) = sources.line_col(label.span);
        Some((sources.name(label.span.file).to_string(), line, col))
    }

    fn to_codespan(&self) -> CsDiagnostic<usize> {
        let severity = match self.severity {
            Severity::Error => codespan_reporting::diagnostic::Severity::Error,
            Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
            Severity::Info => codespan_reporting::diagnostic::Severity::Note,
        };
        let mut labels = Vec::new();
        if let Some(p) = &self.primary {
            labels.push(CsLabel::primary(p.span.file, p.span.range()).with_message(&p.message));
        }
        for s in &self.secondary {
            labels.push(CsLabel::secondary(s.span.file, s.span.range()).with_message(&s.message));
        }
        let mut notes: Vec<String> = self.help.iter().map(|h| format!("帮助：{h}")).collect();
        notes.extend(self.notes.iter().map(|n| format!("说明：{n}")));
        CsDiagnostic::new(severity)
            .with_code(&self.code)
            .with_message(&self.message)
            .with_labels(labels)
            .with_notes(notes)
    }
}

/// Renders diagnostics rustc-style (source line, label under the span, help lines).
pub fn render_human(diags: &[Diagnostic], sources: &Sources) -> String {
    let config = term::Config::default();
    let mut out = String::new();
    for d in diags {
        match term::emit_into_string(&config, sources.files(), &d.to_codespan()) {
            Ok(text) => out.push_str(&localize_severity(&text)),
            // Only a span outside its file fails here, which the loader never produces.
            Err(_) => {
                out.push_str(&render_short_one(d, sources));
                out.push('\n');
            }
        }
    }
    out
}

/// codespan-reporting prints the severity in English; our users read Chinese.
fn localize_severity(text: &str) -> String {
    for (en, zh) in [
        ("error[", "错误["),
        ("warning[", "警告["),
        ("note[", "提示["),
    ] {
        if let Some(rest) = text.strip_prefix(en) {
            return format!("{zh}{rest}");
        }
    }
    text.to_string()
}

/// One line per diagnostic: `file:line:col: 错误[CODE] message`.
pub fn render_short(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&render_short_one(d, sources));
        out.push('\n');
    }
    out
}

fn render_short_one(d: &Diagnostic, sources: &Sources) -> String {
    let place = match d.location(sources) {
        Some((file, line, col)) => format!("{file}:{line}:{col}: "),
        None => String::new(),
    };
    format!("{place}{}[{}] {}", d.severity.label_zh(), d.code, d.message)
}

/// Counts of findings by severity, for the closing summary line.
pub fn summary(diags: &[Diagnostic]) -> (usize, usize, usize) {
    let count = |s| diags.iter().filter(|d| d.severity == s).count();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}
