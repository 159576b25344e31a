//! Backends: each turns the shared [`DocumentView`] into the bytes of one output file.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod text;
mod text_evaluation;
pub mod volume;
pub mod xlsx;
mod xlsx_evaluation;

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
    /// Spreadsheet output: the layout (`--xlsx-layout`).
    pub xlsx_layout: crate::layout::xlsx::XlsxLayout,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            page_width: text::DEFAULT_PAGE_WIDTH,
            font_paths: Vec::new(),
            pdf_standard: None,
            xlsx_layout: Default::default(),
        }
    }
}

/// Everything a backend may read.
pub struct RenderContext<'a> {
    pub view: &'a DocumentView,
    /// The model, for what is not a published cell (see [`crate::table`]: spans for
    /// messages, the settings the xlsx and Word files keep for a faithful import).
    pub document: &'a Document,
    /// The document's folder: a `templates/` folder there overrides built-in templates.
    pub root: &'a Path,
    pub options: &'a RenderOptions,
}

/// A backend: turns a document into the bytes of one output file. Its name and file
/// extension belong to its [`Format`].
pub trait Renderer {
    /// Renders the whole document; diagnostics explain why it could not.
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>>;
}

/// An output format of `jixiao build`. Adding one: a variant here, its arm in each `match`
/// below (the compiler lists them), then the places outside `render/` that match on it
/// (the tree build's volume parts in `batch`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Text,
    Html,
    Pdf,
    Xlsx,
    Docx,
}

impl Format {
    /// Every format, in the order they are built (the default of `--format`).
    pub const ALL: &[Format] = &[
        Format::Text,
        Format::Html,
        Format::Pdf,
        Format::Xlsx,
        Format::Docx,
    ];

    /// The name used with `--format` and in the output manifest.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        }
    }

    /// The output file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        }
    }

    /// The format with this `--format` name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The format's backend.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Text => &text::TextRenderer,
            Format::Html => &html::HtmlRenderer,
            Format::Pdf => &pdf::PdfRenderer,
            Format::Xlsx => &xlsx::XlsxRenderer,
            Format::Docx => &docx::DocxRenderer,
        }
    }

    /// Parses a `--format` list, in the order given; a wrong name is a Chinese message
    /// that lists the known ones.
    pub fn parse_list(names: &[String]) -> Result<Vec<Format>, String> {
        names
            .iter()
            .map(|n| {
                Format::from_name(n).ok_or_else(|| {
                    let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                    format!("未知的输出格式 `{n}`；可用：{}", known.join("、"))
                })
            })
            .collect()
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
