//! Spreadsheets in the layout `jixiao build --format xlsx` writes (see
//! [`crate::render::xlsx`]): one sheet per table, laid out like the published table, a
//! `文档` sheet with the settings, and an optional `第一部分` sheet.
//!
//! Each table sheet is turned into the published-document text format (one cell per line
//! after a tab, a blank line after each row) and read by the same importer as the seeds,
//! so both inputs follow one set of rules; each line remembers the sheet row it came from,
//! and diagnostics name that row.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::diag::Diagnostic;
use crate::model::{Allow, AmountUnit, Document, RuleLevel, Unit};
use crate::render::xlsx::{OVERVIEW_SHEET, SETTINGS_SHEET};
use crate::span::{FileId, Span, Spanned};

/// A workbook turned into the text format, with where each line came from.
pub struct Converted {
    /// The tables (and Part 1) in the published-document text format.
    pub text: String,
    /// For each line of `text`: the sheet and the 1-based sheet row.
    pub origins: Vec<(String, u32)>,
    /// The `文档` sheet: (key, value, extra) rows.
    pub settings: Vec<[String; 3]>,
}

/// Reads a workbook. Errors are Chinese messages about the file as a whole.
pub fn convert(bytes: &[u8]) -> Result<Converted, String> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("不是有效的 xlsx 文件：{e}"))?;
    let mut out = Converted {
        text: String::new(),
        origins: Vec::new(),
        settings: Vec::new(),
    };
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("无法读取工作表“{name}”：{e}"))?;
        let grid = grid(&range);
        if name == SETTINGS_SHEET {
            for row in &grid {
                let cell = |k: usize| row.get(k).cloned().unwrap_or_default();
                if !cell(0).is_empty() {
                    out.settings.push([cell(0), cell(1), cell(2)]);
                }
            }
            continue;
        }
        if name == OVERVIEW_SHEET {
            for (r, row) in grid.iter().enumerate() {
                if let Some(text) = row.first().filter(|t| !t.is_empty()) {
                    out.push_line(text, &name, r);
                }
            }
            continue;
        }
        for (r, row) in grid.iter().enumerate() {
            if r == 0 {
                // The heading is a line of its own, like in the published text.
                out.push_line(row.first().map_or("", String::as_str), &name, r);
                continue;
            }
            if row.iter().all(|c| c.is_empty()) {
                continue;
            }
            for cell in row {
                let mut lines = cell.split('\n');
                out.push_line(&format!("\t{}", lines.next().unwrap_or("")), &name, r);
                for more in lines {
                    out.push_line(more, &name, r);
                }
            }
            out.push_line("", &name, r);
        }
        out.push_line("", &name, grid.len());
    }
    Ok(out)
}

impl Converted {
    fn push_line(&mut self, text: &str, sheet: &str, row: usize) {
        self.text.push_str(text);
        self.text.push('\n');
        self.origins.push((sheet.to_string(), row as u32 + 1));
    }

    /// Adds to each diagnostic a note naming the sheet row of its primary label.
    pub fn locate(&self, diags: &mut [Diagnostic], sources: &crate::span::Sources) {
        for d in diags {
            let Some(label) = &d.primary else { continue };
            let (line, _) = sources.line_col(label.span);
            if let Some((sheet, row)) = self.origins.get(line.saturating_sub(1)) {
                d.notes.push(format!("位于工作表“{sheet}”第 {row} 行"));
            }
        }
    }
}

/// The sheet as rows of text cells from A1, whatever the used range.
fn grid(range: &calamine::Range<Data>) -> Vec<Vec<String>> {
    let (Some((r0, c0)), Some((r1, c1))) = (range.start(), range.end()) else {
        return Vec::new();
    };
    (0..=r1)
        .map(|r| {
            (0..=c1)
                .map(|c| {
                    if r < r0 || c < c0 {
                        return String::new();
                    }
                    match range.get_value((r, c)) {
                        None | Some(Data::Empty) => String::new(),
                        Some(Data::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Applies the `文档` sheet to an imported document: year (unless given on the command
/// line), default unit, framework, title, date, rules and allowed rules.
pub fn apply_settings(
    doc: &mut Document,
    settings: &[[String; 3]],
    year_given: bool,
    file: FileId,
) -> Vec<Diagnostic> {
    let at = Span::file_start(file);
    let mut diags = Vec::new();
    let mut bad = |what: String| {
        diags.push(
            Diagnostic::error("I007", what)
                .at(at, "“文档”工作表")
                .with_help("按 jixiao build --format xlsx 写出的格式填写“文档”工作表"),
        );
    };
    let value = |key: &str| settings.iter().find(|r| r[0] == key).map(|r| r[1].clone());
    if !year_given && let Some(y) = value("预算年度") {
        match y.trim().parse::<i32>() {
            Ok(y) => doc.year.value = y,
            Err(_) => bad(format!("预算年度“{y}”不是年份")),
        }
    }
    if let Some(u) = value("金额单位")
        && AmountUnit::from_label(u.trim()) != Some(doc.amount_unit.value)
    {
        bad(format!(
            "“文档”工作表的金额单位“{u}”与表格中的“{}”不一致",
            doc.amount_unit.value.label()
        ));
    }
    if let Some(name) = value("单位名称") {
        let code = value("单位编码").filter(|c| !c.is_empty());
        let unit = Unit {
            code: code.map(|c| Spanned::new(c, at)),
            name: Spanned::new(name, at),
        };
        let line = unit.line();
        let inferred = doc.unit.clone();
        for p in &mut doc.projects {
            let table_unit = p.unit.clone().unwrap_or_else(|| inferred.clone());
            p.unit = (table_unit.line() != line).then_some(table_unit);
        }
        doc.unit = unit;
    }
    if let Some(f) = value("指标体系") {
        doc.framework.value = f;
    }
    doc.title = value("文档标题").map(|t| Spanned::new(t, at));
    doc.date = value("发布日期").map(|d| Spanned::new(d, at));
    let mut rules = BTreeMap::new();
    for [key, code, level] in settings {
        if key == "规则" {
            let level = match level.as_str() {
                "error" => RuleLevel::Error,
                "warning" => RuleLevel::Warning,
                "info" => RuleLevel::Info,
                "off" => RuleLevel::Off,
                other => {
                    bad(format!("规则 {code} 的级别“{other}”无效"));
                    continue;
                }
            };
            rules.insert(code.clone(), level);
        } else if let Some(place) = key.strip_prefix("允许 表") {
            let allow = Allow {
                code: Spanned::new(code.clone(), at),
                reason: Spanned::new(level.clone(), at),
            };
            let (table, row) = match place.split_once(" 指标") {
                Some((t, r)) => (t.parse::<usize>().ok(), r.parse::<usize>().ok()),
                None => (place.parse::<usize>().ok(), None),
            };
            let Some(p) = table
                .and_then(|t| t.checked_sub(1))
                .and_then(|t| doc.projects.get_mut(t))
            else {
                bad(format!("“{key}”：没有这张表"));
                continue;
            };
            match row {
                None => p.allow.push(allow),
                Some(k) => {
                    let target = p
                        .indicators
                        .iter_mut()
                        .flat_map(|l1| l1.groups.iter_mut())
                        .flat_map(|g| g.rows.iter_mut())
                        .nth(k.saturating_sub(1));
                    match target {
                        Some(r) if k > 0 => r.allow.push(allow),
                        _ => bad(format!("“{key}”：这张表没有这一行指标")),
                    }
                }
            }
        }
    }
    doc.rules = rules;
    diags
}
