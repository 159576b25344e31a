//! What several subcommands share for printing; finding, loading, checking and writing
//! live in the library ([`crate::pipeline`]).

use crate::diag::{self, Diagnostic};
use crate::span::Sources;

/// Prints diagnostics rustc-style to stderr.
pub fn eprint_diagnostics(diags: &[Diagnostic], sources: &Sources) {
    if !diags.is_empty() {
        eprint!("{}", diag::render_human(diags, sources));
    }
}
