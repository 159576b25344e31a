//! Backends: each turns the shared [`DocumentView`] into the bytes of one output file.

pub mod html;
pub mod pdf;
pub mod text;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::model::Document;
use crate::table::DocumentView;

/// Options that reach every backend; each uses the ones it understands.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Text output: the page width in terminal columns.
    pub page_width: usize,
    /// PDF output: extra font folders.
    pub font_paths: Vec<PathBuf>,
    /// PDF output: a PDF standard such as `a-2b`.
    pub pdf_standard: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            page_width: text::DEFAULT_PAGE_WIDTH,
            font_paths: Vec::new(),
            pdf_standard: None,
        }
    }
}

/// Everything a backend may read.
pub struct RenderContext<'a> {
    pub view: &'a DocumentView,
    pub document: &'a Document,
    /// The document's folder: a `templates/` folder there overrides built-in templates.
    pub root: &'a Path,
    pub options: &'a RenderOptions,
}

/// One output format.
pub trait Renderer {
    /// The format name used with `--format`.
    fn name(&self) -> &'static str;
    /// The output file extension.
    fn extension(&self) -> &'static str;
    /// Renders the whole document; diagnostics explain why it could not.
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>>;
}

/// The formats `jixiao build` knows, in the order they are built.
pub const FORMATS: &[&str] = &["text", "html", "pdf", "xlsx"];

/// The backend for a format name.
pub fn renderer(format: &str) -> Option<Box<dyn Renderer>> {
    match format {
        "text" => Some(Box::new(text::TextRenderer)),
        "html" => Some(Box::new(html::HtmlRenderer)),
        "pdf" => Some(Box::new(pdf::PdfRenderer)),
        "xlsx" => Some(Box::new(xlsx::XlsxRenderer)),
        _ => None,
    }
}
