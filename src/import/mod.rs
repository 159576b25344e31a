//! Import: turn what an office already has into a document.
//!
//! [`seed`] reads the text extracted from a published .docx (one cell per line, indented
//! by a tab) into the [`crate::model::Document`] model; [`crate::yamlfmt`] then writes it.
//! [`xlsx`] reads a spreadsheet in one of the two documented layouts.

pub mod seed;
pub mod xlsx;

pub use seed::{ImportOptions, Imported, import_text};
