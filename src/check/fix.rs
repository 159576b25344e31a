//! Fixes: replacing exactly one YAML scalar's source text, keeping everything else.
//!
//! A fix is only offered when it is certain (the canonical spelling of a value, removing
//! typed goal numbering, trimming blanks) and when the scalar is written on one line,
//! plain or quoted; block scalars (`|`, `>`) and multi-line scalars are left to the author.

use crate::diag::Fix;
use crate::span::{Sources, Span, Spanned};
use crate::yamlfmt;

/// How a scalar is written in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// Block scalars, multi-line scalars, or text that does not match the value.
    Other,
}

/// The style of a scalar, judged from its source text and its value.
pub fn style(sources: &Sources, field: &Spanned<String>) -> Style {
    let Some(raw) = sources.text(field.span.file).get(field.span.range()) else {
        return Style::Other;
    };
    if raw.contains('\n') {
        return Style::Other;
    }
    if raw == field.value {
        return Style::Plain;
    }
    if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        let inner = &raw[1..raw.len() - 1];
        if inner == field.value {
            return Style::DoubleQuoted;
        }
    }
    if raw.len() >= 2 && raw.starts_with('\'') && raw.ends_with('\'') {
        let inner = &raw[1..raw.len() - 1];
        if inner == field.value {
            return Style::SingleQuoted;
        }
    }
    Style::Other
}

/// The span of `range` (byte offsets into the value) inside the source, when the scalar
/// is written verbatim on one line; otherwise the whole scalar.
pub fn inner_span(
    sources: &Sources,
    field: &Spanned<String>,
    range: std::ops::Range<usize>,
) -> Span {
    let offset = match style(sources, field) {
        Style::Plain => 0,
        Style::SingleQuoted | Style::DoubleQuoted => 1,
        Style::Other => return field.span,
    };
    if range.start > range.end || range.end > field.value.len() {
        return field.span;
    }
    let start = field.span.start + offset + range.start;
    let end = field.span.start + offset + range.end;
    Span::new(field.span.file, start, end)
}

/// A fix that replaces the scalar `field` with `new_value`, or `None` when the scalar's
/// source form cannot be rewritten safely.
pub fn replace_scalar(
    sources: &Sources,
    field: &Spanned<String>,
    new_value: &str,
    title: impl Into<String>,
) -> Option<Fix> {
    if new_value.contains('\n') || new_value == field.value {
        return None;
    }
    let flow = in_flow_context(sources, field.span);
    let replacement = match style(sources, field) {
        Style::Plain if is_plain_safe(new_value, flow) => new_value.to_string(),
        Style::Plain | Style::DoubleQuoted => yamlfmt::double_quoted(new_value),
        Style::SingleQuoted => format!("'{}'", new_value.replace('\'', "''")),
        Style::Other => return None,
    };
    Some(Fix {
        span: field.span,
        replacement,
        title: title.into(),
    })
}

/// Whether the scalar sits inside a `{…}` or `[…]` on its line, where `,[]{}` end it.
fn in_flow_context(sources: &Sources, span: Span) -> bool {
    let text = sources.text(span.file);
    let line_start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    text[line_start..span.start.min(text.len())]
        .chars()
        .any(|c| c == '{' || c == '[')
}

/// Whether `s` reads back as the same string when written as a plain scalar: what
/// [`crate::yamlfmt`] writes unquoted, and inside `{…}` or `[…]` nothing that ends a flow
/// scalar.
fn is_plain_safe(s: &str, flow: bool) -> bool {
    !(yamlfmt::needs_quotes(s) || (flow && s.contains([',', '[', ']', '{', '}'])))
}

/// The fixes one round of `--fix` applies to a text of `len` bytes: in source order,
/// skipping any that overlaps an earlier one or reaches past the end (the re-check
/// reports what is left).
pub fn selected<'a>(len: usize, fixes: &[&'a Fix]) -> Vec<&'a Fix> {
    let mut sorted: Vec<&Fix> = fixes.to_vec();
    sorted.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out: Vec<&Fix> = Vec::new();
    for f in sorted {
        let after = out.last().map_or(0, |prev| prev.span.end);
        if f.span.start >= after && f.span.end <= len {
            out.push(f);
        }
    }
    out
}

/// Applies the [`selected`] fixes to one file's text. Returns the new text and how many
/// applied.
pub fn apply(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let chosen = selected(text.len(), fixes);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for f in &chosen {
        out.push_str(&text[pos..f.span.start]);
        out.push_str(&f.replacement);
        pos = f.span.end;
    }
    out.push_str(&text[pos..]);
    (out, chosen.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_safety() {
        assert!(is_plain_safe("≥90%", false));
        assert!(is_plain_safe("按照部署发放消费券", false));
        assert!(!is_plain_safe("100", false));
        assert!(!is_plain_safe("- x", false));
        assert!(!is_plain_safe("a: b", false));
        assert!(!is_plain_safe("a,b", true));
        assert!(
            !is_plain_safe("1:4", false),
            "YAML 1.1 reads it as a number"
        );
        assert!(!is_plain_safe("a\u{2028}b", false), "a line separator");
    }

    #[test]
    fn apply_keeps_the_rest() {
        let text = "a: 1 # c\nb: x\n";
        let fix = Fix {
            span: Span::new(0, 3, 4),
            replacement: "2".into(),
            title: String::new(),
        };
        assert_eq!(apply(text, &[&fix]), ("a: 2 # c\nb: x\n".to_string(), 1));
    }
}
