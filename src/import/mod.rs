//! Import: turn what an office already has into a document.
//!
//! [`seed`] reads the text extracted from a published .docx (one cell per line, indented
//! by a tab) into the [`crate::model::Document`] model; [`xlsx`] turns a spreadsheet in the
//! layout `jixiao build --format xlsx` writes into that text first. [`crate::yamlfmt`]
//! then writes the document.

pub mod seed;
pub mod xlsx;

pub use seed::{ImportOptions, Imported, import_text};
