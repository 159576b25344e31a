//! jixiao (绩效) compiles yearly project performance-target tables (项目支出绩效目标表)
//! from YAML into PDF, HTML and plain text.
//!
//! The pipeline, one module per stage:
//! 1. [`load`] reads a document (one YAML file, or a folder of them) into the [`model`],
//!    keeping a [`span::Span`] for every field and reporting every loading error at once.
//! 2. [`value`] parses each published 指标值 string with the pest grammar in `grammar/`.
//! 3. [`check`] runs the validation passes and reports [`diag::Diagnostic`]s with stable codes.
//! 4. [`table`] lowers a document into the one table model every backend consumes, and
//!    [`render`] turns it into text, HTML or PDF.
//!
//! Beside the pipeline, [`diff`] compares two loaded documents (two years, or two git
//! revisions) into typed changes and reviewer findings.
//!
//! [`lsp`] runs load and check inside an editor, over its unsaved buffers.

#![allow(clippy::result_large_err)] // diagnostics are data; boxing them buys nothing here

pub mod batch;
pub mod check;
pub mod cli;
pub mod diag;
pub mod diff;
pub mod evaluate;
pub mod import;
pub mod layout;
pub mod load;
pub mod lsp;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod span;
pub mod table;
pub mod value;
pub mod version;
pub mod yamlfmt;
