//! Validation passes: schema/loading → values → structure → consistency → text.

use crate::diag::Diagnostic;
use crate::model::Document;
use crate::span::Sources;

/// Runs every pass over a loaded document and returns its findings, in source order.
pub fn check_document(_doc: &Document, _sources: &Sources) -> Vec<Diagnostic> {
    Vec::new()
}
