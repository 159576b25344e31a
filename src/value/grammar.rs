//! The pest parser generated from `grammar/value.pest`.

use pest_derive::Parser;

/// Reads a normalized 指标值 into a parse tree (see `grammar/value.pest`).
#[derive(Parser)]
#[grammar = "../grammar/value.pest"]
pub(super) struct ValueParser;
