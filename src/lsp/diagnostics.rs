//! jixiao's diagnostics as LSP diagnostics: the same code, message, place and related
//! places as `jixiao check`, the label, help and notes as further lines of the message.

use std::collections::BTreeMap;
use std::path::PathBuf;

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Url,
};

use super::workspace::Checked;
use crate::diag::{Diagnostic, Severity};
use crate::span::Span;

/// The name shown as the diagnostics' source.
pub const SOURCE: &str = "jixiao";

/// The diagnostics of every file of a checked document, files without findings included
/// (with an empty list, which clears what the editor showed before).
pub fn by_file(checked: &Checked) -> BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> {
    let mut out: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> = checked
        .files
        .iter()
        .map(|(_, p)| (p.clone(), Vec::new()))
        .collect();
    for d in &checked.diagnostics {
        let (path, range) = match &d.primary {
            Some(label) => match checked.file_path(label.span.file) {
                Some(p) => (p.to_path_buf(), range(checked, label.span)),
                None => (checked.main_file(), Range::default()),
            },
            None => (checked.main_file(), Range::default()),
        };
        out.entry(path).or_default().push(to_lsp(checked, d, range));
    }
    out
}

/// The range of a span in its file.
pub fn range(checked: &Checked, span: Span) -> Range {
    match checked.lines.get(span.file) {
        Some(index) => index.range(checked.sources.text(span.file), span.start, span.end),
        None => Range::default(),
    }
}

/// One diagnostic, placed at `place`.
pub fn to_lsp(checked: &Checked, d: &Diagnostic, place: Range) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(label) = &d.primary
        && !label.message.is_empty()
        && label.message != d.message
    {
        message.push('\n');
        message.push_str(&label.message);
    }
    for h in &d.help {
        message.push_str(&format!("\n帮助：{h}"));
    }
    for n in &d.notes {
        message.push_str(&format!("\n说明：{n}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|label| {
            let path = checked.file_path(label.span.file)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    Url::from_file_path(path).ok()?,
                    range(checked, label.span),
                ),
                message: label.message.clone(),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: place,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.clone())),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
