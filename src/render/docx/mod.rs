//! Word output (`--format docx`): the published layout as WordprocessingML, for the
//! offices that hand in or publish Word files.
//!
//! The steps of one render:
//! 1. the reference document, when the folder has `templates/docx/reference.docx`
//!    ([`reference`]): its styles replace the built-in ones ([`styles`]);
//! 2. the body from the shared [`DocumentView`] ([`body`]): cover, Part 1, and every table
//!    as real Word tables with the PDF's merges, widths and page-break behaviour;
//! 3. the package ([`package`]): fixed part order, zip timestamps and core properties from
//!    the document's date, the document's settings as custom properties for `jixiao import`.
//!
//! All XML is written through [`xml::Xml`], which escapes every piece of user text.

pub mod body;
pub mod package;
pub mod reference;
pub mod styles;
pub mod volume;
pub mod xml;

use std::path::Path;

use super::{RenderContext, Renderer};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::layout::docx::allow;
use crate::layout::xlsx::info;
use crate::model::Document;
use crate::render::pdf::data::Meta;
use package::Package;
use reference::{Reference, StyleMap};

/// The custom properties holding the rules and the allowed findings (the vocabulary
/// lives in [`crate::layout::docx`], shared with the importer).
pub use crate::layout::docx::{ALLOW_PROPERTY, RULES_PROPERTY};

/// The `docx` format.
pub struct DocxRenderer;

impl Renderer for DocxRenderer {
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let (reference, map) = load_reference(cx.root)?;
        let date = crate::render::pdf::latest_date(cx.view.date.iter().map(String::as_str))?
            .map(|d| d.ymd);
        let meta = Meta::new(cx.view, date);
        let package = Package {
            body: body::document(cx.view, &map),
            title: &cx.view.title,
            creator: &cx.view.unit_name,
            keywords: meta.keywords.clone(),
            date: date.unwrap_or((cx.view.year, 1, 1)),
            custom: settings(cx.document),
            styles: &map,
            reference: reference.as_ref(),
        };
        package.write().map_err(write_failed)
    }
}

/// The folder's reference document and the style ids it gives, or the built-in styles.
pub fn load_reference(root: &Path) -> Result<(Option<Reference>, StyleMap), Vec<Diagnostic>> {
    match reference::find(root) {
        Some(path) => {
            let (reference, map) = reference::load(&path)?;
            Ok((Some(reference), map))
        }
        None => Ok((None, StyleMap::builtin())),
    }
}

fn write_failed(e: zip::result::ZipError) -> Vec<Diagnostic> {
    vec![
        Diagnostic::of(&rules::W002, format!("无法生成 Word 文件：{e}"))
            .with_help("这是 jixiao 的内部错误；请附上文档报告问题"),
    ]
}

/// What the tables do not show, as `(name, value)` custom properties: the same labels as
/// the spreadsheet's 文档信息 sheet, so `jixiao import` rebuilds the same document.
fn settings(doc: &Document) -> Vec<(String, String)> {
    let mut out = vec![
        (info::YEAR.to_string(), doc.year.value.to_string()),
        (
            info::AMOUNT_UNIT.to_string(),
            doc.amount_unit.value.label().to_string(),
        ),
    ];
    if let Some(code) = &doc.unit.code {
        out.push((info::UNIT_CODE.into(), code.value.clone()));
    }
    out.push((info::UNIT_NAME.into(), doc.unit.name.value.clone()));
    out.push((info::FRAMEWORK.into(), doc.framework.value.clone()));
    if let Some(title) = &doc.title {
        out.push((info::TITLE.into(), title.value.clone()));
    }
    if let Some(date) = &doc.date {
        out.push((info::DATE.into(), date.value.clone()));
    }
    if !doc.rules.is_empty() {
        let rules: serde_json::Map<String, serde_json::Value> = doc
            .rules
            .iter()
            .map(|(code, level)| (code.clone(), level.name().into()))
            .collect();
        out.push((
            RULES_PROPERTY.into(),
            serde_json::Value::from(rules).to_string(),
        ));
    }
    let entry = |table: usize, row: Option<usize>, a: &crate::model::Allow| {
        let mut e = serde_json::Map::new();
        e.insert(allow::TABLE.into(), table.into());
        if let Some(row) = row {
            e.insert(allow::ROW.into(), row.into());
        }
        e.insert(allow::CODE.into(), a.code.value.clone().into());
        e.insert(allow::REASON.into(), a.reason.value.clone().into());
        serde_json::Value::from(e)
    };
    let mut allows = Vec::new();
    for (t, project) in doc.projects.iter().enumerate() {
        allows.extend(project.allow.iter().map(|a| entry(t + 1, None, a)));
        for (r, (_, _, row)) in project.rows().enumerate() {
            allows.extend(row.allow.iter().map(|a| entry(t + 1, Some(r + 1), a)));
        }
    }
    if !allows.is_empty() {
        out.push((
            ALLOW_PROPERTY.into(),
            serde_json::Value::from(allows).to_string(),
        ));
    }
    out
}
