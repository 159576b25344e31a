//! The data the templates receive as `/data.json`: the shared table model plus what only
//! the PDF needs (metadata). The book's PDF chapter documents every field.

use serde::Serialize;

use crate::table::DocumentView;

/// Everything a template can read: `json("/data.json")`.
#[derive(Serialize)]
pub struct TemplateData<'a> {
    /// PDF metadata and labels computed by jixiao.
    pub meta: Meta,
    /// The document as published: the same model the text and HTML outputs render.
    pub document: &'a DocumentView,
}

/// PDF metadata and printed labels.
#[derive(Serialize)]
pub struct Meta {
    /// Document title (`/Title`).
    pub title: String,
    /// The publishing unit (`/Author`).
    pub author: String,
    /// `/Keywords`.
    pub keywords: Vec<String>,
    /// The date of the document as `YYYY-MM-DD`, from `date` or `SOURCE_DATE_EPOCH`.
    pub date: Option<String>,
    /// The date as printed on the cover: `2025年3月1日`, or `2025年` without a date.
    pub date_label: String,
    /// The program that made the file, e.g. `jixiao 0.1.0`.
    pub generator: String,
}

impl Meta {
    /// Metadata for a document; `date` is the resolved `(year, month, day)`.
    pub fn new(view: &DocumentView, date: Option<(i32, u8, u8)>) -> Meta {
        Meta {
            title: view.title.clone(),
            author: view.unit_name.clone(),
            keywords: vec![
                if view.tables.is_empty() && view.evaluation.is_some() {
                    "绩效自评表".to_string()
                } else {
                    "绩效目标表".to_string()
                },
                "项目支出".to_string(),
                format!("{}年部门预算", view.year),
                view.unit_name.clone(),
            ],
            date: date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            date_label: match date {
                Some((y, m, d)) => format!("{y}年{m}月{d}日"),
                None => format!("{}年", view.year),
            },
            generator: crate::version::GENERATOR.to_string(),
        }
    }
}
