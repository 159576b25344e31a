//! Standalone, accessible HTML through tera templates.
//!
//! Every page is one file: the stylesheet is inlined, nothing is fetched (a Content Security
//! Policy forbids it), and the templates render the shared [`DocumentView`] only, so a cell
//! reads the same here as in the text and PDF outputs. The built-in templates live in
//! `templates/html/` and are embedded in the binary; a same-named file in the document's
//! `templates/html/` folder replaces one, and any other `*.tera` file there is available to
//! `include`. Autoescaping is on for every template, overrides included.

mod report;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use tera::Tera;

use super::{RenderContext, Renderer};
use crate::check::rules::{self, Rule};
use crate::diag::Diagnostic;
use crate::table::{DocumentView, GRID_HEADER};

use report::ReportData;
pub use report::{ReportInput, render_check_report, render_check_reports};

/// The folder, relative to the document's folder, whose templates override the built-in ones.
pub const OVERRIDE_DIR: &str = "templates/html";

/// The index page of a folder build, at the top of the output folder.
pub const INDEX_FILE: &str = "index.html";

/// The built-in templates by name; the file on disk is the name plus `.tera`.
const BUILTIN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../../templates/html/base.html.tera"),
    ),
    (
        "style.css",
        include_str!("../../../templates/html/style.css.tera"),
    ),
    (
        "macros.html",
        include_str!("../../../templates/html/macros.html.tera"),
    ),
    (
        "project.html",
        include_str!("../../../templates/html/project.html.tera"),
    ),
    (
        "document.html",
        include_str!("../../../templates/html/document.html.tera"),
    ),
    (
        "evaluation.html",
        include_str!("../../../templates/html/evaluation.html.tera"),
    ),
    (
        "index.html",
        include_str!("../../../templates/html/index.html.tera"),
    ),
    (
        "report.html",
        include_str!("../../../templates/html/report.html.tera"),
    ),
    (
        "diff.html",
        include_str!("../../../templates/html/diff.html.tera"),
    ),
];

/// The `html` backend: one standalone page per document.
pub struct HtmlRenderer;

impl Renderer for HtmlRenderer {
    fn render(&self, cx: &RenderContext) -> Result<Vec<u8>, Vec<Diagnostic>> {
        render_document(cx.view, Some(cx.root)).map(String::into_bytes)
    }
}

/// The data every page template sees: the view's fields at the top level, plus a few extras.
#[derive(Serialize)]
struct PageData<'a> {
    #[serde(flatten)]
    view: &'a DocumentView,
    /// `jixiao x.y.z`, for the generator meta tag.
    generator: String,
    /// The indicator grid's column titles (the sixth only when a table has 指标值确定依据).
    grid_header: &'static [&'static str],
    /// The heading element of each table: `h2`, or `h3` below a part heading.
    table_heading: &'static str,
    /// Prefixed to the ids inside each table; empty on a document page.
    id_prefix: &'static str,
    /// Findings of the check report; disabled and empty on a published page.
    report: ReportData,
    /// The column titles of the 自评 summary, 项目资金 block and indicator grid.
    evaluation_summary_header: &'static [&'static str],
    evaluation_funds_header: &'static [&'static str],
    evaluation_grid_header: &'static [&'static str],
}

impl<'a> PageData<'a> {
    fn new(view: &'a DocumentView, table_heading: &'static str) -> Self {
        PageData {
            view,
            generator: generator(),
            grid_header: &GRID_HEADER,
            table_heading,
            id_prefix: "",
            report: ReportData::default(),
            evaluation_summary_header: &crate::table::evaluation::SUMMARY_HEADER,
            evaluation_funds_header: &crate::table::evaluation::FUNDS_HEADER,
            evaluation_grid_header: &crate::table::evaluation::GRID_HEADER,
        }
    }
}

fn generator() -> String {
    crate::version::GENERATOR.to_string()
}

/// Renders a built-in page template (such as `diff.html`, the comparison page of
/// [`crate::diff`]) from data that is already a view; it shares the stylesheet and layout
/// of every page. `generator` in the data fills the generator meta tag.
pub fn render_builtin<T: Serialize>(name: &str, data: &T) -> Result<String, Vec<Diagnostic>> {
    let tera = templates(None)?;
    render(&tera, name, data)
}

/// Renders one document as a standalone page; `root` is the document's folder, whose
/// `templates/html/` may override the built-in templates (`None`: built-in only).
pub fn render_document(
    view: &DocumentView,
    root: Option<&Path>,
) -> Result<String, Vec<Diagnostic>> {
    let tera = templates(root)?;
    let heading = if view.overview.is_some() { "h3" } else { "h2" };
    render(&tera, "document.html", &PageData::new(view, heading))
}

/// One document listed on the index page of a folder build.
#[derive(Clone, Debug, Serialize)]
pub struct IndexEntry {
    /// The page's address relative to the index, percent-encoded where needed.
    pub href: String,
    pub title: String,
    /// The default unit line of the document.
    pub unit: String,
    pub year: i32,
    /// How many tables (绩效目标表 and 绩效自评表) the document holds.
    pub tables: usize,
    /// The average self-evaluation score, when the document has a self-evaluation.
    pub score: Option<String>,
}

impl IndexEntry {
    /// The entry for a document whose page is at `relative_path` below the output folder.
    pub fn new(view: &DocumentView, relative_path: &Path) -> Self {
        let href = relative_path
            .components()
            .map(|c| percent_encode(&c.as_os_str().to_string_lossy()))
            .collect::<Vec<_>>()
            .join("/");
        IndexEntry {
            href,
            title: view.title.clone(),
            unit: view.unit_line.clone(),
            year: view.year,
            tables: view.tables.len() + view.evaluation.as_ref().map_or(0, |e| e.tables.len()),
            score: view.evaluation.as_ref().map(|e| e.average.clone()),
        }
    }
}

#[derive(Serialize)]
struct IndexData<'a> {
    generator: String,
    documents: &'a [IndexEntry],
}

/// Renders the index page of a folder build, linking to every document's page in the
/// order given; `root` is the folder built, whose `templates/html/` may override templates.
pub fn render_index(
    entries: &[IndexEntry],
    root: Option<&Path>,
) -> Result<String, Vec<Diagnostic>> {
    if entries.iter().any(|e| e.href == INDEX_FILE) {
        return Err(vec![
            Diagnostic::of(&rules::H003, format!("文档页面与目录页同名：{INDEX_FILE}"))
                .with_help("重命名顶层的 index.yaml 文档，目录页才不会覆盖它"),
        ]);
    }
    let tera = templates(root)?;
    let data = IndexData {
        generator: generator(),
        documents: entries,
    };
    render(&tera, "index.html", &data)
}

/// Escapes a URL path segment: unreserved ASCII and non-ASCII stay (browsers accept UTF-8
/// in links), everything that could end or change the path (`#`, `?`, `%`, spaces, …) is
/// percent-encoded.
fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for c in segment.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') || !c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("%{:02X}", c as u32));
        }
    }
    out
}

/// HTML escaping for text and quoted attributes (tera's default also escapes `/`, which
/// only makes links unreadable).
fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The built-in templates with the document folder's overrides applied.
fn templates(root: Option<&Path>) -> Result<Tera, Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, String> = BUILTIN
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    if let Some(root) = root {
        sources.extend(read_overrides(&root.join(OVERRIDE_DIR))?);
    }
    let mut tera = Tera::default();
    // An empty suffix matches every name: user templates are escaped whatever they are called.
    tera.autoescape_on(vec![""]);
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| vec![template_error(&rules::H001, "HTML 模板有误", &e)])?;
    Ok(tera)
}

/// Every `NAME.tera` file in `dir`, by `NAME`; a missing folder has none.
fn read_overrides(dir: &Path) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(name) = file_name.strip_suffix(".tera") else {
            continue;
        };
        if !path.is_file() {
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => found.push((name.to_string(), text)),
            Err(e) => errors.push(
                Diagnostic::of(
                    &rules::H001,
                    format!(
                        "无法读取 HTML 模板 {}：{}",
                        path.display(),
                        crate::diag::io_reason(&e)
                    ),
                )
                .with_help("模板须为 UTF-8 编码的文本；删除该文件即使用内置模板"),
            ),
        }
    }
    if errors.is_empty() {
        found.sort();
        Ok(found)
    } else {
        Err(errors)
    }
}

fn render<T: Serialize>(tera: &Tera, name: &str, data: &T) -> Result<String, Vec<Diagnostic>> {
    let context = tera::Context::from_serialize(data)
        .map_err(|e| vec![template_error(&rules::H002, "无法生成 HTML 模板数据", &e)])?;
    // A user template is user input: a panic inside tera must not abort the whole build.
    let rendered =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tera.render(name, &context)));
    match rendered {
        // tera drops the template's final newline; a text file ends with one.
        Ok(Ok(html)) if html.ends_with('\n') => Ok(html),
        Ok(Ok(html)) => Ok(html + "\n"),
        Ok(Err(e)) => Err(vec![template_error(&rules::H002, "HTML 模板渲染失败", &e)]),
        Err(_) => Err(vec![
            Diagnostic::of(&rules::H002, format!("HTML 模板 {name} 渲染时出现内部错误"))
                .with_help("检查 templates/html/ 中的自定义模板"),
        ]),
    }
}

/// A diagnostic for a tera error, with tera's whole cause chain (it names the template and
/// the line).
fn template_error(rule: &Rule, what: &str, e: &tera::Error) -> Diagnostic {
    let mut message = format!("{what}：{e}");
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        message.push_str(&format!("；{cause}"));
        source = cause.source();
    }
    Diagnostic::of(rule, message).with_help(format!(
        "检查文档文件夹中 {OVERRIDE_DIR}/ 下的自定义模板；删除该文件即使用内置模板"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_keep_chinese_and_encode_delimiters() {
        assert_eq!(percent_encode("2025年 #1?.html"), "2025年%20%231%3F.html");
    }

    #[test]
    fn the_index_never_replaces_a_document_page() {
        let entry = IndexEntry {
            href: INDEX_FILE.to_string(),
            title: String::new(),
            unit: String::new(),
            year: 2025,
            tables: 0,
            score: None,
        };
        let errors = render_index(&[entry], None).expect_err("clash");
        assert_eq!(errors[0].code, "H003");
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
