//! Import: turn what an office already has into a document.
//!
//! One layout interpreter, several cell sources: [`layout`] turns tables of cells and the
//! paragraphs between them into the [`crate::model::Document`] model; [`seed`] reads the
//! text extracted from a published .docx (one cell per line, indented by a tab) and
//! [`docx`] the Word file itself into such tables. [`xlsx`] reads a spreadsheet (.xlsx
//! or .xls) in one of the documented layouts. [`detect`] decides by content which of them
//! a file is for, [`pdf`] rebuilds the tables of a published PDF from its text layer and
//! rulings, and [`convert`] turns old formats (.doc, .wps, .et, .rtf, .odt) into
//! new ones with LibreOffice. [`crate::yamlfmt`] then writes the document.

pub mod convert;
pub mod detect;
pub mod docx;
pub mod layout;
pub mod pdf;
pub mod seed;
pub mod xlsx;

pub use layout::{ImportOptions, Imported};
pub use seed::import_text;

use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::Sources;
use detect::Kind;

/// The most bytes an input file may have.
pub const MAX_INPUT: u64 = 256 << 20;

/// The error for a password-protected file.
pub fn encrypted(name: &str) -> Diagnostic {
    Diagnostic::of(&rules::I305, format!("{name} 设有打开密码，无法导入"))
        .with_help("用 Word / WPS / Excel 输入密码打开后，在“文件 → 信息 → 保护文档”中删除密码并保存（或另存为一份没有密码的副本），再导入")
}

fn unsupported(name: &str, what: &str, help: &str) -> Diagnostic {
    Diagnostic::of(&rules::I306, format!("无法导入 {name}：{what}")).with_help(help.to_string())
}

/// Imports a file of any supported kind; `name` is the file name shown in messages (its
/// extension only words the messages, the content decides). Everything the importer
/// read is added to `sources` so that messages can point at it.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    sources: &mut Sources,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let kind = detect::detect(bytes);
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    // The extension says one thing and the content another: say so.
    let disguised = |label: &str| {
        if ext.is_empty() {
            String::new()
        } else {
            format!("（扩展名是 .{ext}，但内容是{label}）")
        }
    };
    let spreadsheet = |document| Imported {
        document,
        notes: Vec::new(),
    };
    match kind {
        Kind::Text => {
            let text = String::from_utf8_lossy(bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
            let file = sources.add(name, text.clone());
            seed::import_text(file, &text, options)
        }
        Kind::Docx => docx::import_docx(name, bytes, sources, options),
        Kind::Xlsx => xlsx::read_xlsx_bytes(name, bytes, sources, options).map(spreadsheet),
        Kind::Xls => match xlsx::read_xlsx_bytes(name, bytes, sources, options) {
            Ok(doc) => Ok(spreadsheet(doc)),
            // WPS 表格 (.et) files calamine cannot open go through LibreOffice.
            Err(diags) if diags.iter().all(|d| d.code == rules::X001.code) => match convert::soffice() {
                Some(program) => {
                    let converted = convert::convert(&program, name, bytes, "et", "xlsx")
                        .map_err(|d| vec![d])?;
                    xlsx::read_xlsx_bytes(name, &converted, sources, options).map(spreadsheet)
                }
                None => Err(diags),
            },
            Err(diags) => Err(diags),
        },
        Kind::Doc | Kind::Rtf | Kind::Odt => {
            let input_ext = match kind {
                Kind::Rtf => "rtf",
                Kind::Odt => "odt",
                _ if ext == "wps" => "wps",
                _ => "doc",
            };
            let Some(program) = convert::soffice() else {
                return Err(vec![convert::missing(
                    name,
                    kind.label(),
                    "“Word 文档（*.docx）”",
                )]);
            };
            let converted =
                convert::convert(&program, name, bytes, input_ext, "docx").map_err(|d| vec![d])?;
            docx::import_docx(name, &converted, sources, options)
        }
        Kind::Ods => {
            let Some(program) = convert::soffice() else {
                return Err(vec![convert::missing(
                    name,
                    kind.label(),
                    "“Excel 工作簿（*.xlsx）”",
                )]);
            };
            let converted =
                convert::convert(&program, name, bytes, "ods", "xlsx").map_err(|d| vec![d])?;
            xlsx::read_xlsx_bytes(name, &converted, sources, options).map(spreadsheet)
        }
        Kind::Encrypted => Err(vec![encrypted(name)]),
        Kind::Pdf => pdf::import_pdf(name, bytes, sources, options).map_err(|diags| {
            if ext == "pdf" {
                return diags;
            }
            let disguise = disguised("PDF 文件");
            diags
                .into_iter()
                .map(|d| d.with_note(format!("按内容当作 PDF 导入{disguise}")))
                .collect()
        }),
        Kind::Empty => Err(vec![unsupported(
            name,
            "文件是空的",
            "确认选对了文件；文件可能在复制或下载时中断",
        )]),
        Kind::OtherZip => Err(vec![unsupported(
            name,
            &format!(
                "这是一个 zip 压缩文件，但不是 Word 文档或 Excel 工作簿{}",
                disguised("zip 压缩文件")
            ),
            "如果是压缩包，请先解压，再导入其中的 .docx 或 .xlsx 文件",
        )]),
        Kind::BrokenZip => Err(vec![
            Diagnostic::of(&rules::I301, format!("{name} 已损坏：zip 结构无法读取（文件可能不完整）"))
                .with_help("文件可能在复制或下载时中断；重新获取原文件，或用 Word / WPS / Excel 打开修复后另存，再导入"),
        ]),
        Kind::OtherOle => Err(vec![unsupported(
            name,
            "这是 Office 文件，但不是 Word 文档或 Excel 工作簿（可能是 PowerPoint 等）",
            "导入已发布的绩效目标表文档（.docx/.doc/.wps）或预算系统导出的电子表格（.xlsx/.xls/.et）",
        )]),
        Kind::Unknown => Err(vec![unsupported(
            name,
            "无法识别文件格式（不是 Word、Excel、PDF，也不是 UTF-8 编码的文本）",
            "可导入的格式：.docx、.doc、.wps、.xlsx、.xls、.et，以及从 .docx 提取的 UTF-8 文本；文本文件若是 GBK 编码，请另存为 UTF-8",
        )]),
    }
}
