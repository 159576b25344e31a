//! Reading spreadsheets into a [`Document`].
//!
//! Three layouts are read (all documented in `book/src/xlsx.md`):
//! - the table layout `jixiao build --format xlsx` writes: one sheet per project in the
//!   published layout, plus an optional `文档信息` sheet;
//! - the flat layout: a `项目` sheet with one row per project and an `指标` sheet with
//!   one row per indicator;
//! - the budget system's split columns (预算管理一体化, and `--xlsx-layout split`): a grid
//!   whose value is split into 运算符 | 指标值 | 度量单位 with 权重, 指标方向 and 指标值说明,
//!   under project header rows (`项目名称：…`, `预算金额（万元）：…`), many projects a sheet
//!   or one, titles and notes above. A sheet is read so when its grid header has a column
//!   only that layout has ([`SPLIT_ONLY`]).
//!
//! Every grid (of any layout) is read by one header reader ([`grid_columns`], the names in
//! [`COLUMNS`]) and one row reader ([`WorkbookReader::grid_row`]); the split value columns
//! are joined and read with the value grammar ([`crate::value::parse`]).
//!
//! A spreadsheet is binary, so spans cannot point into it. Instead every non-empty cell is
//! listed in a text file added to [`Sources`] (`项目!C7: 416543.39`), every value's span
//! points at its line there, and every message names its sheet and cell as well.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

use calamine::{Data, Reader, Xls, XlsError, Xlsx};
use rust_decimal::Decimal;

use super::ImportOptions;
use crate::check::rules::{self, Rule};
use crate::diag::Diagnostic;
use crate::layout::xlsx::{
    COLUMNS, Column, FIELDS, Field, INFO_SHEET, SPLIT_ONLY, info, label, split, written,
};
use crate::load::display_path;
use crate::model::{
    Allow, AmountUnit, Budget, Document, Level1, Level2, Overview, OverviewItem, Project, Row,
    RuleLevel, SpendingPlan, Unit,
};
use crate::span::{FileId, Sources, Span, Spanned};
use crate::value::year::{YearMark, years_in};

/// The project sheet of the flat layout.
pub const PROJECT_SHEET: &str = "项目";
/// The indicator sheet of the flat layout.
pub const INDICATOR_SHEET: &str = "指标";

/// Reads a spreadsheet file in either documented layout; `options.year` overrides the
/// budget year of the 文档信息 sheet or the inferred one.
pub fn read_xlsx(
    path: &Path,
    sources: &mut Sources,
    options: &ImportOptions,
) -> Result<Document, Vec<Diagnostic>> {
    let name = display_path(path);
    match std::fs::read(path) {
        Ok(bytes) => read_xlsx_bytes(&name, &bytes, sources, options),
        Err(e) => Err(vec![Diagnostic::of(
            &rules::X001,
            format!("无法读取文件 {name}：{}", crate::diag::io_reason(&e)),
        )]),
    }
}

/// Reads spreadsheet bytes; `name` is the file name shown in messages.
pub fn read_xlsx_bytes(
    name: &str,
    bytes: &[u8],
    sources: &mut Sources,
    options: &ImportOptions,
) -> Result<Document, Vec<Diagnostic>> {
    let mut sheets = if bytes.starts_with(&super::detect::OLE_SIGNATURE) {
        match Xls::new(Cursor::new(bytes)) {
            Ok(wb) => read_sheets(name, wb)?,
            Err(XlsError::Password) => return Err(vec![super::encrypted(name)]),
            Err(_) => return Err(vec![unreadable(name, "xls")]),
        }
    } else {
        match Xlsx::new(Cursor::new(bytes)) {
            Ok(wb) => read_sheets(name, wb)?,
            Err(_) => return Err(vec![unreadable(name, "xlsx")]),
        }
    };
    let file = list_cells(name, &mut sheets, sources);
    let mut reader = WorkbookReader {
        file,
        diags: Vec::new(),
        places: BTreeMap::new(),
        year: options.year,
    };
    let document = reader.document(&sheets);
    match document {
        Some(doc) if reader.diags.is_empty() => Ok(doc),
        _ => Err(reader.diags),
    }
}

/// The workbook cannot be opened (the decoder's own message is English, so it is not shown).
fn unreadable(name: &str, kind: &str) -> Diagnostic {
    Diagnostic::of(
        &rules::X001,
        format!("{name} 不是可读取的 {kind} 电子表格：文件结构已损坏"),
    )
    .with_help("用 Excel 或 WPS 另存为“Excel 工作簿（*.xlsx）”后再导入")
}

/// Every worksheet of a workbook as a dense grid.
fn read_sheets<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    name: &str,
    mut workbook: R,
) -> Result<Vec<Sheet>, Vec<Diagnostic>> {
    let mut sheets = Vec::new();
    for sheet_name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet_name).map_err(|_| {
            vec![
                Diagnostic::of(
                    &rules::X001,
                    format!("{name} 的工作表“{sheet_name}”无法读取：内容已损坏"),
                )
                .with_help("用 Excel 或 WPS 打开并另存为“Excel 工作簿（*.xlsx）”后再导入"),
            ]
        })?;
        sheets.push(Sheet::new(sheet_name, &range));
    }
    Ok(sheets)
}

/// One non-empty cell: its text, whether Excel stored it as a number, and its listing span.
struct Cell {
    text: String,
    number: bool,
    span: Span,
}

/// A worksheet as a dense grid from A1.
struct Sheet {
    name: String,
    rows: Vec<Vec<Option<Cell>>>,
}

impl Sheet {
    fn new(name: String, range: &calamine::Range<Data>) -> Self {
        let mut rows: Vec<Vec<Option<Cell>>> = Vec::new();
        for (r, c, data) in range.used_cells() {
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            let (row, col) = (start_row as usize + r, start_col as usize + c);
            let Some((text, number)) = cell_text(data) else {
                continue;
            };
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            if rows[row].len() <= col {
                rows[row].resize_with(col + 1, || None);
            }
            rows[row][col] = Some(Cell {
                text,
                number,
                span: Span::default(),
            });
        }
        Sheet { name, rows }
    }

    fn get(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row)?.get(col)?.as_ref()
    }

    /// The non-empty cells of a row with their columns.
    fn row(&self, row: usize) -> Vec<(usize, &Cell)> {
        self.rows
            .get(row)
            .map(|cells| {
                cells
                    .iter()
                    .enumerate()
                    .filter_map(|(c, cell)| cell.as_ref().map(|cell| (c, cell)))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.iter().all(Option::is_none))
    }

    /// `项目!C7`.
    fn addr(&self, row: usize, col: usize) -> String {
        format!("{}!{}", self.name, cell_ref(row, col))
    }
}

/// `C7` for row 6, column 2 (both 0-based).
fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// A cell's text; numbers in their shortest exact decimal form (never rounded through
/// a format), blank text as no cell.
fn cell_text(data: &Data) -> Option<(String, bool)> {
    let (text, number) = match data {
        Data::Empty => return None,
        Data::String(s) => (s.clone(), false),
        Data::Int(i) => (i.to_string(), true),
        Data::Float(f) => (f.to_string(), true),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), false),
        Data::DateTime(d) => (d.as_f64().to_string(), true),
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), false),
        Data::Error(e) => (format!("#{e}"), false),
    };
    // Published tables often hold a lone space in an empty cell.
    if text.trim().is_empty() {
        None
    } else {
        Some((text, number))
    }
}

/// Adds the listing of every non-empty cell to `sources` and points each cell's span at it.
fn list_cells(name: &str, sheets: &mut [Sheet], sources: &mut Sources) -> FileId {
    let mut listing = String::new();
    let mut ranges = Vec::new();
    for sheet in sheets.iter() {
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Some(cell) = cell {
                    listing.push_str(&sheet.addr(r, c));
                    listing.push_str(": ");
                    let start = listing.len();
                    listing.push_str(&cell.text);
                    ranges.push((start, listing.len()));
                    listing.push('\n');
                }
            }
        }
    }
    let file = sources.add(name, listing);
    let mut ranges = ranges.into_iter();
    for sheet in sheets.iter_mut() {
        for cell in sheet.rows.iter_mut().flatten().flatten() {
            if let Some((start, end)) = ranges.next() {
                cell.span = Span::new(file, start, end);
            }
        }
    }
    file
}

/// Labels compared without spaces and with ASCII brackets made full-width, as offices type
/// them both ways (`其中：财政    资金`, `资金支出计划(%)`).
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            other => other,
        })
        .collect()
}

/// The document settings read from the 文档信息 sheet.
#[derive(Default)]
struct Info {
    year: Option<Spanned<i32>>,
    amount_unit: Option<Spanned<AmountUnit>>,
    unit_code: Option<Spanned<String>>,
    unit_name: Option<Spanned<String>>,
    framework: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    overview: Option<Overview>,
    rules: BTreeMap<String, RuleLevel>,
    rule_spans: BTreeMap<String, Span>,
    /// (cell address as written, where that is written, its span, the allowed rule).
    allows: Vec<(String, String, Span, Allow)>,
}

/// A project read from either layout, with what its table says about the document.
struct Draft {
    project: Project,
    unit: Option<Unit>,
    amount_unit: Option<Spanned<AmountUnit>>,
}

struct WorkbookReader {
    file: FileId,
    diags: Vec<Diagnostic>,
    /// What each sheet row became, for the 允许 rows of 文档信息: (sheet, 0-based row).
    places: BTreeMap<(String, usize), Place>,
    /// The year given on the command line, which wins over the workbook.
    year: Option<i32>,
}

/// A project (by index), or an indicator row (project, 一级, 二级, row indices).
#[derive(Clone, Copy)]
enum Place {
    Project(usize),
    Row(usize, usize, usize, usize),
}

impl WorkbookReader {
    fn spanned(&self, cell: &Cell) -> Spanned<String> {
        Spanned::new(cell.text.clone(), cell.span)
    }

    fn whole(&self) -> Span {
        Span::file_start(self.file)
    }

    fn error(&mut self, rule: &Rule, message: String, cell: Option<&Cell>) -> Diagnostic {
        let d = Diagnostic::of(rule, message);
        match cell {
            Some(cell) => d.at(cell.span, "此单元格"),
            None => d,
        }
    }

    fn push(&mut self, rule: &Rule, message: String, cell: Option<&Cell>, help: &str) {
        let mut d = self.error(rule, message, cell);
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.diags.push(d);
    }

    fn document(&mut self, sheets: &[Sheet]) -> Option<Document> {
        let find = |name: &str| sheets.iter().find(|s| s.name == name);
        let mut info = match find(INFO_SHEET) {
            Some(sheet) => self.info(sheet),
            None => Info::default(),
        };
        let drafts = match (find(PROJECT_SHEET), find(INDICATOR_SHEET)) {
            (Some(projects), Some(indicators)) => self.flat(projects, indicators),
            // A lone `项目` sheet in the budget system's layout is just that sheet's name.
            (Some(lone), None) | (None, Some(lone)) if split_header(lone).is_none() => {
                let (have, missing) = if find(PROJECT_SHEET).is_some() {
                    (PROJECT_SHEET, INDICATOR_SHEET)
                } else {
                    (INDICATOR_SHEET, PROJECT_SHEET)
                };
                self.push(
                    &rules::X002,
                    format!("工作簿有“{have}”工作表，但缺少“{missing}”工作表"),
                    None,
                    "逐项目一行的布局需要“项目”和“指标”两个工作表",
                );
                return None;
            }
            _ => {
                let tables: Vec<&Sheet> = sheets
                    .iter()
                    .filter(|s| s.name != INFO_SHEET && !s.is_empty())
                    // The 自评 sheets are outputs of a self-evaluation, not targets.
                    .filter(|s| {
                        !s.name
                            .starts_with(crate::layout::xlsx::EVALUATION_SHEET_PREFIX)
                    })
                    .collect();
                if tables.is_empty() {
                    self.push(
                        &rules::X002,
                        "工作簿中没有项目表：既没有“项目”和“指标”工作表，也没有每个项目一张的表格工作表".into(),
                        None,
                        "见《电子表格：导出与导入》一章中的两种布局",
                    );
                    return None;
                }
                let mut drafts = Vec::new();
                for sheet in tables {
                    if let Some(header) = split_header(sheet) {
                        self.split(sheet, header, &mut drafts);
                    } else if let Some(draft) = self.table(sheet, drafts.len()) {
                        drafts.push(draft);
                    }
                }
                drafts
            }
        };
        if !self.diags.is_empty() {
            return None;
        }
        let mut drafts = drafts;
        let allows = std::mem::take(&mut info.allows);
        self.place_allows(allows, &mut drafts);
        if !self.diags.is_empty() {
            return None;
        }
        self.assemble(info, drafts, sheets)
    }

    /// Builds the document from the settings and the projects, inferring what the
    /// 文档信息 sheet does not give.
    fn assemble(&mut self, info: Info, drafts: Vec<Draft>, sheets: &[Sheet]) -> Option<Document> {
        let whole = self.whole();
        let amount_unit = match info.amount_unit {
            Some(unit) => Some(unit),
            None => drafts.iter().find_map(|d| d.amount_unit.clone()),
        };
        for d in &drafts {
            if let (Some(a), Some(b)) = (&amount_unit, &d.amount_unit)
                && a.value != b.value
            {
                self.diags.push(
                    Diagnostic::of(
                        &rules::X007,
                        format!(
                            "项目“{}”的金额单位是{}，与文档的金额单位{}不一致",
                            d.project.name.value,
                            b.value.label(),
                            a.value.label()
                        ),
                    )
                    .at(b.span, "此单元格")
                    .with_help("一份文档中所有表格的金额单位必须相同"),
                );
            }
        }
        let Some(amount_unit) = amount_unit else {
            self.push(
                &rules::X006,
                "无法确定金额单位（元或万元）".into(),
                None,
                "在“文档信息”工作表中填写“金额单位”一行，或在表格的单位行写“单位：元”/“单位：万元”",
            );
            return None;
        };
        let year = match (self.year, info.year) {
            (Some(year), _) => Spanned::new(year, whole),
            (None, Some(year)) => year,
            (None, None) => match infer_year(sheets) {
                Some(year) => Spanned::new(year, whole),
                None => {
                    self.push(
                        &rules::X006,
                        "无法确定预算年度".into(),
                        None,
                        "在“文档信息”工作表中填写“预算年度”一行，如 2025",
                    );
                    return None;
                }
            },
        };
        let unit = match (info.unit_name, drafts.iter().find_map(|d| d.unit.clone())) {
            (Some(name), _) => Unit {
                code: info.unit_code,
                name,
            },
            (None, Some(unit)) => unit,
            (None, None) => {
                self.push(
                    &rules::X006,
                    "无法确定预算单位".into(),
                    None,
                    "在“文档信息”工作表中填写“单位名称”（和“单位编码”）",
                );
                return None;
            }
        };
        let framework = info.framework.unwrap_or_else(|| {
            let cost_first = drafts
                .iter()
                .flat_map(|d| &d.project.indicators)
                .any(|l1| l1.level1.value == "成本指标");
            let name = if cost_first { "2021" } else { "legacy" };
            Spanned::new(name.to_string(), whole)
        });
        let projects = drafts
            .into_iter()
            .map(|d| {
                let mut project = d.project;
                project.unit = d.unit.filter(|u| u.line() != unit.line());
                project
            })
            .collect();
        Some(Document {
            year,
            amount_unit,
            unit,
            framework,
            title: info.title,
            date: info.date,
            overview: info.overview,
            rules: info.rules,
            projects,
            project_order: None,
            scoring: None,
            evaluation: None,
            file: self.file,
            rule_spans: info.rule_spans,
        })
    }

    fn info(&mut self, sheet: &Sheet) -> Info {
        let mut out = Info::default();
        let mut overview_seen = false;
        let mut overall = None;
        let mut items = Vec::new();
        let mut safeguards = Vec::new();
        for r in 0..sheet.rows.len() {
            let cells = sheet.row(r);
            let Some(&(c0, key)) = cells.first() else {
                continue;
            };
            let value = |i: usize| sheet.get(r, c0 + i);
            let text = |i: usize| value(i).map(|c| Spanned::new(c.text.clone(), c.span));
            match normalize(&key.text).as_str() {
                info::YEAR => match value(1) {
                    Some(cell) => match cell.text.trim().parse::<i32>() {
                        Ok(y) if (2000..=2100).contains(&y) => {
                            out.year = Some(Spanned::new(y, cell.span));
                        }
                        _ => self.push(
                            &rules::X006,
                            format!("{}：预算年度应为四位数年份，而不是“{}”", sheet.addr(r, c0 + 1), cell.text),
                            Some(cell),
                            "",
                        ),
                    },
                    None => self.missing(sheet, r, c0 + 1, "预算年度"),
                },
                info::AMOUNT_UNIT => match value(1) {
                    Some(cell) => match AmountUnit::from_label(cell.text.trim()) {
                        Some(u) => out.amount_unit = Some(Spanned::new(u, cell.span)),
                        None => self.push(
                            &rules::X006,
                            format!("{}：金额单位应为“元”或“万元”，而不是“{}”", sheet.addr(r, c0 + 1), cell.text),
                            Some(cell),
                            "",
                        ),
                    },
                    None => self.missing(sheet, r, c0 + 1, "金额单位"),
                },
                info::UNIT_CODE => out.unit_code = text(1),
                info::UNIT_NAME => match text(1) {
                    Some(t) => out.unit_name = Some(t),
                    None => self.missing(sheet, r, c0 + 1, "单位名称"),
                },
                info::FRAMEWORK => out.framework = text(1),
                info::TITLE => out.title = text(1),
                info::DATE => out.date = text(1),
                info::OVERALL => {
                    overview_seen = true;
                    overall = text(1);
                }
                info::ITEM => {
                    overview_seen = true;
                    let or_empty = |t: Option<Spanned<String>>| {
                        t.unwrap_or_else(|| Spanned::new(String::new(), key.span))
                    };
                    items.push(OverviewItem {
                        title: or_empty(text(1)),
                        goal: or_empty(text(2)),
                        indicator: or_empty(text(3)),
                    });
                }
                info::SAFEGUARD => {
                    overview_seen = true;
                    if let Some(t) = text(1) {
                        safeguards.push(t);
                    }
                }
                info::RULE => {
                    let level = value(2).and_then(|c| RuleLevel::from_name(c.text.trim()));
                    match (value(1), level) {
                        (Some(code), Some(level)) => {
                            out.rules.insert(code.text.clone(), level);
                            out.rule_spans.insert(code.text.clone(), code.span);
                        }
                        _ => self.push(
                            &rules::X006,
                            format!(
                                "{}：规则一行应依次写规则代码和级别（error、warning、info 或 off）",
                                sheet.addr(r, c0)
                            ),
                            Some(key),
                            "",
                        ),
                    }
                }
                info::ALLOW => match (value(1), text(2), text(3)) {
                    (Some(at), Some(code), Some(reason)) => out.allows.push((
                        at.text.trim().to_string(),
                        sheet.addr(r, c0 + 1),
                        at.span,
                        Allow { code, reason },
                    )),
                    _ => self.push(
                        &rules::X006,
                        format!(
                            "{}：允许一行应依次写单元格（如 1!C14）、规则代码和理由",
                            sheet.addr(r, c0)
                        ),
                        Some(key),
                        "",
                    ),
                },
                _ => self.push(
                    &rules::X003,
                    format!("{}：无法识别的文档信息“{}”", sheet.addr(r, c0), key.text),
                    Some(key),
                    "可用的项目：预算年度、金额单位、单位编码、单位名称、指标体系、文档标题、发布日期、总体绩效目标、分项绩效目标、工作保障措施、规则",
                ),
            }
        }
        if overview_seen {
            out.overview = Some(Overview {
                overall: overall.unwrap_or_else(|| Spanned::new(String::new(), self.whole())),
                items,
                safeguards,
            });
        }
        out
    }

    /// Attaches each 允许 row to the project or indicator row its cell address names.
    fn place_allows(&mut self, allows: Vec<(String, String, Span, Allow)>, drafts: &mut [Draft]) {
        for (at, addr, span, allow) in allows {
            let place = at.rsplit_once('!').and_then(|(sheet, cell)| {
                let row: usize = cell
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .ok()?;
                self.places
                    .get(&(sheet.trim_matches('\'').to_string(), row.checked_sub(1)?))
            });
            let target = match place.copied() {
                Some(Place::Project(p)) => drafts.get_mut(p).map(|d| &mut d.project.allow),
                Some(Place::Row(p, l1, l2, r)) => drafts
                    .get_mut(p)
                    .and_then(|d| d.project.indicators.get_mut(l1))
                    .and_then(|l| l.groups.get_mut(l2))
                    .and_then(|g| g.rows.get_mut(r))
                    .map(|row| &mut row.allow),
                None => None,
            };
            match target {
                Some(list) => list.push(allow),
                None => self.diags.push(
                    Diagnostic::of(
                        &rules::X003,
                        format!("{addr}：允许规则所在的单元格“{at}”不是项目名称或三级指标所在的行"),
                    )
                    .at(span, "此单元格")
                    .with_help("写作“工作表!单元格”，如 1!C14"),
                ),
            }
        }
    }

    fn missing(&mut self, sheet: &Sheet, row: usize, col: usize, what: &str) {
        self.push(
            &rules::X006,
            format!("{}：{what}为空", sheet.addr(row, col)),
            None,
            "",
        );
    }

    /// An amount cell: exact decimal text, or a number whose shortest decimal form has at
    /// most two decimals (float noise from formulas, below 10⁻⁶, is rounded away).
    fn amount(&mut self, sheet: &Sheet, row: usize, col: usize) -> Option<Spanned<Decimal>> {
        let cell = sheet.get(row, col)?;
        self.amount_text(&sheet.addr(row, col), cell, cell.text.trim())
    }

    /// An amount written as `text` in `cell` (all of it, or what follows its label).
    fn amount_text(&mut self, addr: &str, cell: &Cell, text: &str) -> Option<Spanned<Decimal>> {
        let parsed = Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text));
        let Ok(mut value) = parsed else {
            self.push(
                &rules::X004,
                format!("{addr}：“{text}”不是金额"),
                Some(cell),
                "金额写作数字，最多两位小数，如 416543.39；不要带单位或千分位逗号",
            );
            return Some(Spanned::new(Decimal::ZERO, cell.span));
        };
        if value.scale() > 2 {
            let rounded = value.round_dp(2);
            if cell.number && (value - rounded).abs() < Decimal::new(1, 6) {
                value = rounded;
            } else {
                self.push(
                    &rules::X004,
                    format!("{addr}：金额“{text}”超过两位小数"),
                    Some(cell),
                    "金额以文档金额单位计，最多两位小数",
                );
            }
        }
        if value.is_sign_negative() && !value.is_zero() {
            self.push(
                &rules::X004,
                format!("{addr}：金额“{text}”为负数"),
                Some(cell),
                "",
            );
        }
        value.rescale(2);
        Some(Spanned::new(value, cell.span))
    }

    /// A spending-plan cell: text as written; a number is a percentage (a fraction when it
    /// is at most 1, as Excel stores `100%`).
    fn plan_cell(&self, cell: Option<&Cell>) -> Option<Spanned<String>> {
        let cell = cell?;
        if !cell.number {
            return Some(self.spanned(cell));
        }
        let text = match Decimal::from_str(&cell.text) {
            Ok(d) if d <= Decimal::ONE => format!("{}%", (d * Decimal::from(100)).normalize()),
            Ok(d) => format!("{}%", d.normalize()),
            Err(_) => cell.text.clone(),
        };
        Some(Spanned::new(text, cell.span))
    }

    /// One sheet of the table layout.
    fn table(&mut self, sheet: &Sheet, index: usize) -> Option<Draft> {
        let errors_before = self.diags.len();
        let mut unit_line: Option<Spanned<String>> = None;
        let mut amount_unit = None;
        let mut code = None;
        let mut name = None;
        let mut budget = None;
        let mut purpose = None;
        let mut plan = None;
        let mut goals: Option<Vec<Spanned<String>>> = None;
        let mut grid: Option<Grid> = None;
        let mut indicators = Vec::new();
        let mut r = 0;
        while r < sheet.rows.len() {
            let cells = sheet.row(r);
            let Some(&(c0, first)) = cells.first() else {
                r += 1;
                continue;
            };
            if let Some(grid) = &grid {
                self.grid_row(sheet, r, grid, &mut indicators, (index, false));
                r += 1;
                continue;
            }
            let key = normalize(&first.text);
            let rest = &cells[1..];
            let unit_cell = cells
                .iter()
                .find(|(_, c)| normalize(&c.text).starts_with(label::UNIT_PREFIX))
                .filter(|_| name.is_none() && code.is_none());
            if let Some(&(c, unit_cell)) = unit_cell {
                let text = normalize(&unit_cell.text);
                match AmountUnit::from_label(&text[label::UNIT_PREFIX.len()..]) {
                    Some(u) => amount_unit = Some(Spanned::new(u, unit_cell.span)),
                    None => self.push(
                        &rules::X006,
                        format!("{}：单位应为“单位：元”或“单位：万元”", sheet.addr(r, c)),
                        Some(unit_cell),
                        "",
                    ),
                }
                if c != c0 {
                    unit_line = Some(self.spanned(first));
                }
            } else if name.is_none() && code.is_none() && key.ends_with("绩效目标表") {
                // The heading is generated from the name.
            } else if key == label::CODE {
                code = rest.first().map(|(_, c)| self.spanned(c));
            } else if key == label::NAME {
                self.places
                    .insert((sheet.name.clone(), r), Place::Project(index));
                match rest.first() {
                    Some((_, c)) => name = Some(self.spanned(c)),
                    None => self.missing(sheet, r, c0 + 1, "项目名称"),
                }
            } else if key == label::BUDGET {
                budget = Some(self.budget_row(sheet, r, first));
                purpose = Some(
                    sheet
                        .row(r + 1)
                        .iter()
                        .find(|(c, _)| *c > c0)
                        .map(|(_, c)| self.spanned(c))
                        .unwrap_or_else(|| Spanned::new(String::new(), first.span)),
                );
                r += 1;
            } else if key == normalize(label::PLAN) || key == "资金支出计划" {
                plan = Some(self.plan_rows(sheet, r, rest));
                r += 1;
            } else if key == label::GOALS {
                goals = Some(rest.iter().map(|(_, c)| self.spanned(c)).collect());
            } else if column_of(&first.text) == Some(Column::Level1) {
                grid = Some(self.grid_of(sheet, r, &grid_columns(&cells).0, "指标表头")?);
            } else if let Some(goals) = &mut goals {
                goals.extend(cells.iter().map(|(_, c)| self.spanned(c)));
            } else {
                self.push(
                    &rules::X003,
                    format!("{}：无法识别的行“{}”", sheet.addr(r, c0), first.text),
                    Some(first),
                    "表格布局见《电子表格：导出与导入》一章",
                );
            }
            r += 1;
        }
        let missing_row = |what: &str| format!("工作表“{}”缺少“{what}”行", sheet.name);
        let Some(name) = name else {
            self.push(&rules::X003, missing_row(label::NAME), None, "");
            return None;
        };
        let Some(budget) = budget.flatten() else {
            if self.diags.len() == errors_before {
                self.push(&rules::X003, missing_row(label::BUDGET), None, "");
            }
            return None;
        };
        if grid.is_none() {
            self.push(
                &rules::X003,
                missing_row("一级指标"),
                None,
                "指标表头行以“一级指标”开头",
            );
            return None;
        }
        let (goals, goal_numbering) = unnumber(goals.unwrap_or_default(), &["."], false);
        let unit = unit_line.as_ref().map(Unit::from_line);
        Some(Draft {
            project: Project {
                code,
                spending_plan: plan,
                goals,
                goal_numbering,
                indicators,
                ..Project::targets(
                    name,
                    budget,
                    purpose.unwrap_or_else(|| Spanned::new(String::new(), self.whole())),
                    self.file,
                )
            },
            unit,
            amount_unit,
        })
    }

    /// `预算规模及资金用途 | 预算数 | x | 其中：财政资金 | y | 其他资金 | z`. Each amount is
    /// the non-empty cell between its label and the next, so spacer columns do not matter.
    fn budget_row(&mut self, sheet: &Sheet, r: usize, first: &Cell) -> Option<Budget> {
        let cells = sheet.row(r);
        let labels = [label::TOTAL, "财政资金", label::OTHER];
        let label_cols: Vec<Option<usize>> = labels
            .iter()
            .map(|want| {
                cells
                    .iter()
                    .find(|(_, c)| normalize(&c.text).ends_with(want))
                    .map(|(col, _)| *col)
            })
            .collect();
        let value_col = |i: usize| -> Option<usize> {
            let col = label_cols[i]?;
            let next = label_cols
                .iter()
                .flatten()
                .copied()
                .filter(|&c| c > col)
                .min()
                .unwrap_or(usize::MAX);
            cells.iter().map(|(c, _)| *c).find(|&c| c > col && c < next)
        };
        let Some(total_label) = label_cols[0] else {
            self.push(
                &rules::X003,
                format!("{}：预算行缺少“预算数”", sheet.addr(r, 0)),
                Some(first),
                "",
            );
            return None;
        };
        let Some(total) = value_col(0).and_then(|c| self.amount(sheet, r, c)) else {
            self.missing(sheet, r, total_label + 1, "预算数");
            return None;
        };
        let fiscal = value_col(1).and_then(|c| self.amount(sheet, r, c));
        let other = value_col(2).and_then(|c| self.amount(sheet, r, c));
        Some(Budget {
            total,
            fiscal,
            other,
        })
    }

    /// The label row (3月底 …) and the value row below it.
    fn plan_rows(&mut self, sheet: &Sheet, r: usize, labels: &[(usize, &Cell)]) -> SpendingPlan {
        let mut plan = SpendingPlan {
            march: None,
            june: None,
            october: None,
            december: None,
        };
        for &(c, cell) in labels {
            let value = self.plan_cell(sheet.get(r + 1, c));
            match normalize(&cell.text).as_str() {
                "3月底" => plan.march = value,
                "6月底" => plan.june = value,
                "10月底" => plan.october = value,
                "12月底" => plan.december = value,
                _ => self.push(
                    &rules::X003,
                    format!(
                        "{}：无法识别的资金支出计划列“{}”",
                        sheet.addr(r, c),
                        cell.text
                    ),
                    Some(cell),
                    "列名为 3月底、6月底、10月底、12月底",
                ),
            }
        }
        plan
    }

    /// The grid of a header row's columns; `None` (with a diagnostic naming the row as
    /// `header`) when a required column is missing.
    fn grid_of(
        &mut self,
        sheet: &Sheet,
        r: usize,
        columns: &BTreeMap<Column, usize>,
        header: &str,
    ) -> Option<Grid> {
        let mut need = |column: Column| {
            let col = columns.get(&column).copied();
            if col.is_none() {
                self.push(
                    &rules::X003,
                    format!(
                        "工作表“{}”第 {} 行（{header}）缺少“{}”列",
                        sheet.name,
                        r + 1,
                        written(COLUMNS, column)
                    ),
                    None,
                    "",
                );
            }
            col
        };
        let level1 = need(Column::Level1);
        let level2 = need(Column::Level2);
        let level3 = need(Column::Level3);
        let value = need(Column::Value);
        let opt = |column: Column| columns.get(&column).copied();
        Some(Grid {
            level1: level1?,
            level2: level2?,
            level3: level3?,
            description: opt(Column::Description),
            value: value?,
            basis: opt(Column::Basis),
            comparator: opt(Column::Comparator).or(opt(Column::Nature)),
            nature: opt(Column::Comparator).and(opt(Column::Nature)),
            unit: opt(Column::Unit),
            weight: opt(Column::Weight),
            direction: opt(Column::Direction),
            explanation: opt(Column::Explanation),
        })
    }

    /// Header cells no grid column has, each an error (so that nothing is dropped
    /// unnoticed), except those `also` names.
    fn unknown_columns(
        &mut self,
        sheet: &Sheet,
        r: usize,
        unknown: &[(usize, &Cell)],
        also: &[&str],
    ) {
        for &(c, cell) in unknown {
            let name = normalize(&cell.text);
            if also.contains(&name.as_str()) {
                continue;
            }
            if column_of(&cell.text).is_some() {
                self.push(
                    &rules::X003,
                    format!("{}：列“{name}”与左边的一列重复", sheet.addr(r, c)),
                    Some(cell),
                    "同一内容只能有一列（如“权重”和“分值”只留一列）；删除多余的列",
                );
                continue;
            }
            self.push(
                &rules::X003,
                format!("{}：无法识别的列“{name}”", sheet.addr(r, c)),
                Some(cell),
                "删除该列，或改用《电子表格：导出与导入》一章列出的列名",
            );
        }
    }

    /// One indicator row, appended to `indicators`. Empty 一级/二级 cells continue the
    /// row above (merged cells keep their text only in the first cell).
    fn grid_row(
        &mut self,
        sheet: &Sheet,
        r: usize,
        grid: &Grid,
        indicators: &mut Vec<Level1>,
        (project, flat): (usize, bool),
    ) {
        let text = |c: Option<usize>| c.and_then(|c| sheet.get(r, c));
        let level1 = match text(Some(grid.level1)) {
            Some(cell) => self.spanned(cell),
            None => match indicators.last() {
                Some(l1) => l1.level1.clone(),
                None => {
                    self.missing(sheet, r, grid.level1, "一级指标");
                    return;
                }
            },
        };
        let level1_changed = indicators
            .last()
            .is_none_or(|l| l.level1.value != level1.value);
        let level2 = match text(Some(grid.level2)) {
            Some(cell) => self.spanned(cell),
            None => match indicators.last().and_then(|l| l.groups.last()) {
                Some(l2) if !level1_changed => l2.level2.clone(),
                _ => {
                    self.missing(sheet, r, grid.level2, "二级指标");
                    return;
                }
            },
        };
        let Some(level3_cell) = text(Some(grid.level3)) else {
            self.missing(sheet, r, grid.level3, "三级指标");
            return;
        };
        let level3 = self.spanned(level3_cell);
        let description = match text(grid.description) {
            Some(cell) if cell.text == level3.value => None,
            Some(cell) => Some(self.spanned(cell)),
            // The table layout shows every description, so an empty cell is an empty one.
            None if !flat && grid.description.is_some() => {
                Some(Spanned::new(String::new(), level3.span))
            }
            None => None,
        };
        let Some(value) = self.split_value(sheet, r, grid, level3.span) else {
            return;
        };
        let basis = text(grid.basis).map(|c| self.spanned(c));
        let Some(weight) = self.weight(sheet, r, grid.weight) else {
            return;
        };
        let direction = match text(grid.direction) {
            Some(cell) if crate::model::DIRECTIONS.contains(&cell.text.trim()) => {
                Some(Spanned::new(cell.text.trim().to_string(), cell.span))
            }
            Some(cell) => {
                self.push(
                    &rules::X006,
                    format!(
                        "{}：指标方向应为“正向”或“反向”，而不是“{}”",
                        sheet.addr(r, grid.direction.unwrap_or(0)),
                        cell.text
                    ),
                    Some(cell),
                    "正向：指标值越大越好；反向：越小越好",
                );
                return;
            }
            None => None,
        };
        let explanation = text(grid.explanation).map(|c| self.spanned(c));
        let row = Row {
            span: level3.span,
            level3,
            description,
            value,
            basis,
            direction,
            explanation,
            allow: Vec::new(),
            actual: None,
            weight,
            grade: None,
            score: None,
            deviation: None,
        };
        if level1_changed {
            indicators.push(Level1 {
                span: level1.span,
                level1,
                groups: Vec::new(),
            });
        }
        let l1_index = indicators.len().saturating_sub(1);
        let Some(l1) = indicators.last_mut() else {
            return;
        };
        match l1.groups.last_mut() {
            Some(l2) if l2.level2.value == level2.value => l2.rows.push(row),
            _ => l1.groups.push(Level2 {
                span: level2.span,
                level2,
                rows: vec![row],
            }),
        }
        let l2 = l1.groups.len() - 1;
        let place = Place::Row(project, l1_index, l2, l1.groups[l2].rows.len() - 1);
        self.places.insert((sheet.name.clone(), r), place);
    }

    /// 指标值 of a grid row. In the budget system's layout the comparator, value and unit
    /// cells are joined (`大于等于` `90` `%`) and read with the value grammar: a
    /// quantity whose only problems are in its spelling (a comparator word, a full-width
    /// symbol) is kept in its canonical spelling (`≥90%`), anything else as joined, for
    /// the checker to report. A 定性 row,
    /// or one with nothing to join, keeps its value cell as written. `None` (with a
    /// diagnostic) when the comparator cell is no comparator.
    fn split_value(
        &mut self,
        sheet: &Sheet,
        r: usize,
        grid: &Grid,
        level3: Span,
    ) -> Option<Spanned<String>> {
        let text = |c: Option<usize>| c.and_then(|c| sheet.get(r, c));
        let value = text(Some(grid.value));
        let span = value.map_or(level3, |c| c.span);
        let written = value.map_or(String::new(), |c| c.text.clone());
        let comparator = text(grid.comparator).map(|c| (c, c.text.trim()));
        let mut unit = text(grid.unit).map_or("", |c| c.text.trim());
        // A value cell that already ends in its unit (`90%` beside `%`) keeps it once.
        if written.trim().ends_with(unit) {
            unit = "";
        }
        let prefix = match comparator {
            None => "",
            Some((_, word)) if word == split::QUALITATIVE || word == split::QUANTITATIVE => "",
            Some((cell, word)) => {
                let is_comparator = matches!(
                    crate::value::parse(&format!("{word}1")).kind,
                    crate::value::Value::Quantity {
                        comparator: Some(_),
                        ..
                    }
                );
                if !is_comparator {
                    self.push(
                        &rules::X003,
                        format!(
                            "{}：无法识别的运算符“{}”",
                            sheet.addr(r, grid.comparator.unwrap_or(0)),
                            cell.text
                        ),
                        Some(cell),
                        "运算符写作 ≥、≤、=、>、<、大于等于、小于等于、等于 等；定性指标写“定性”",
                    );
                    return None;
                }
                word
            }
        };
        let nature = text(grid.nature).map(|c| c.text.trim());
        let qualitative = comparator.is_some_and(|(_, w)| w == split::QUALITATIVE)
            || nature == Some(split::QUALITATIVE);
        // A value cell that already starts with its comparator keeps it once.
        let prefix = if written.trim().starts_with(prefix) {
            ""
        } else {
            prefix
        };
        if prefix.is_empty() && unit.is_empty() {
            return Some(Spanned::new(written, span));
        }
        let joined = format!("{prefix}{}{unit}", written.trim());
        let parsed = crate::value::parse(&joined);
        // The comparator column's words (`大于等于`) and full-width symbols are the
        // system's spelling, not the office's defect.
        let spelling_only = parsed.problems.iter().all(|p| {
            matches!(
                p.kind,
                crate::value::ProblemKind::NonCanonical | crate::value::ProblemKind::WordComparator
            )
        });
        let text = match parsed.canonical() {
            Some(canonical) if !qualitative && spelling_only => canonical.to_string(),
            _ => joined,
        };
        Some(Spanned::new(text, span))
    }

    /// 权重 of a grid row: a number of points (`10`, `12.5`; a trailing `%` or `分` is
    /// dropped). `None` (with a diagnostic) when it is not one.
    fn weight(
        &mut self,
        sheet: &Sheet,
        r: usize,
        col: Option<usize>,
    ) -> Option<Option<Spanned<Decimal>>> {
        let Some((c, cell)) = col.and_then(|c| sheet.get(r, c).map(|cell| (c, cell))) else {
            return Some(None);
        };
        let text = cell.text.trim().trim_end_matches(['%', '分']).trim();
        match Decimal::from_str(text) {
            Ok(w) if !w.is_sign_negative() && w.scale() <= 4 => {
                Some(Some(Spanned::new(w, cell.span)))
            }
            _ => {
                self.push(
                    &rules::X004,
                    format!("{}：权重“{}”不是分值", sheet.addr(r, c), cell.text),
                    Some(cell),
                    "权重写作非负数，如 10 或 12.5",
                );
                None
            }
        }
    }

    /// A sheet in the budget system's layout, from its first grid header `header`: each
    /// project's header rows (`项目名称：…`, `预算金额（万元）：…`) and then its grid, as
    /// many projects as the sheet holds. Rows above the first header that are no project
    /// field are titles and notes (a `单位：万元` among them gives the amount unit); below
    /// it every row is a field row, a repeated grid header or an indicator row of the
    /// project above, and one that is none of these is an error naming its cell.
    fn split(&mut self, sheet: &Sheet, header: usize, drafts: &mut Vec<Draft>) {
        // What the title area says for every project: the amount unit and the unit.
        let mut sheet_unit = Pending::default();
        let mut named = false;
        let mut unfinished = false;
        let mut pending: Option<Pending> = None;
        let mut current: Option<usize> = None;
        let mut grid: Option<Grid> = None;
        for r in 0..sheet.rows.len() {
            let cells = sheet.row(r);
            let Some(&(c0, first)) = cells.first() else {
                continue;
            };
            let note = normalize(&first.text);
            if cells.len() == 1 && split::NOTE_PREFIXES.iter().any(|n| note.starts_with(n)) {
                continue;
            }
            let (columns, unknown) = grid_columns(&cells);
            if is_grid_header(&columns) {
                self.unknown_columns(sheet, r, &unknown, &[split::SERIAL]);
                grid = self.grid_of(sheet, r, &columns, "指标表头");
                if let Some(p) = pending.take() {
                    current = self.finish(sheet, p, &sheet_unit, drafts);
                    unfinished = current.is_none();
                }
                continue;
            }
            if let Some((fields, other)) = field_cells(&cells) {
                if current.is_some() && pending.is_none() {
                    current = None;
                }
                for f in fields {
                    let unit_field = matches!(f.field, Field::UnitCode | Field::UnitName);
                    if unit_field && !named {
                        self.field(sheet, r, f, &mut sheet_unit, drafts.len());
                        continue;
                    }
                    named |= f.field == Field::Name;
                    let p = pending.get_or_insert_with(|| Pending {
                        row: r,
                        ..Pending::default()
                    });
                    if f.field == Field::Name && p.name.is_some() {
                        let done = std::mem::replace(
                            p,
                            Pending {
                                row: r,
                                ..Pending::default()
                            },
                        );
                        self.finish(sheet, done, &sheet_unit, drafts);
                    }
                    self.field(sheet, r, f, p, drafts.len());
                }
                for (c, cell) in other {
                    self.push(
                        &rules::X003,
                        format!("{}：无法识别的项目信息“{}”", sheet.addr(r, c), cell.text),
                        Some(cell),
                        "项目信息写作“项目名称：…”，或标签与内容各占一格",
                    );
                }
                continue;
            }
            if r < header {
                // A title or a note; `单位：万元` gives the amount unit.
                for (_, cell) in &cells {
                    let text = normalize(&cell.text);
                    let unit = text
                        .strip_prefix(label::UNIT_PREFIX)
                        .or_else(|| text.strip_prefix("金额单位："))
                        .and_then(AmountUnit::from_label);
                    if let Some(u) = unit {
                        sheet_unit.amount_unit = Some(Spanned::new(u, cell.span));
                    }
                }
                continue;
            }
            if let Some(p) = pending.take() {
                current = self.finish(sheet, p, &sheet_unit, drafts);
                unfinished = current.is_none();
            }
            let (Some(index), Some(grid)) = (current, &grid) else {
                // The rows of a project whose header rows are in error are not reported again.
                if current.is_none() && !unfinished {
                    self.push(
                        &rules::X003,
                        format!(
                            "{}：这一行指标不属于任何项目：上方没有“项目名称”行",
                            sheet.addr(r, c0)
                        ),
                        Some(first),
                        "在每个项目的指标之前写一行“项目名称：…”（和“预算数”），或删除这一行",
                    );
                }
                continue;
            };
            let mut taken = std::mem::take(&mut drafts[index].project.indicators);
            self.grid_row(sheet, r, grid, &mut taken, (index, false));
            drafts[index].project.indicators = taken;
        }
        if let Some(p) = pending.take() {
            self.finish(sheet, p, &sheet_unit, drafts);
        }
    }

    /// Records one project field of a header row; `index` is the project's (the next
    /// draft's) index.
    fn field(&mut self, sheet: &Sheet, r: usize, f: FieldCell, p: &mut Pending, index: usize) {
        let may_be_empty = matches!(
            f.field,
            Field::Purpose
                | Field::Goals
                | Field::March
                | Field::June
                | Field::October
                | Field::December
        );
        if f.text.trim().is_empty() && !may_be_empty {
            // A label with nothing after it: as if the field were absent.
            return;
        }
        let value = Spanned::new(f.text.clone(), f.cell.span);
        let addr = sheet.addr(r, f.col);
        let amount = |reader: &mut Self, p: &mut Pending| {
            let mut text = f.text.trim();
            let mut unit = f.unit;
            for u in [AmountUnit::WanYuan, AmountUnit::Yuan] {
                if let Some(rest) = text.strip_suffix(u.label()) {
                    text = rest.trim();
                    unit = unit.or(Some(u));
                    break;
                }
            }
            if let Some(u) = unit {
                p.amount_unit = Some(Spanned::new(u, f.cell.span));
            }
            reader.amount_text(&addr, f.cell, text)
        };
        match f.field {
            Field::Name => {
                self.places
                    .insert((sheet.name.clone(), r), Place::Project(index));
                p.name = Some(value);
            }
            Field::Code => p.code = Some(value),
            Field::UnitCode => p.unit_code = Some(value),
            Field::UnitName => p.unit_name = Some(value),
            Field::Total => p.total = amount(self, p),
            Field::Fiscal => p.fiscal = amount(self, p),
            Field::Other => p.other = amount(self, p),
            Field::Purpose => p.purpose = Some(value),
            Field::March | Field::June | Field::October | Field::December => {
                p.plan_seen = true;
                let i = [Field::March, Field::June, Field::October, Field::December]
                    .iter()
                    .position(|x| *x == f.field)
                    .unwrap_or(0);
                let is_value = !f.text.is_empty() && field_of(&f.cell.text).is_none();
                p.plan[i] = if is_value && f.cell.text == f.text {
                    self.plan_cell(Some(f.cell))
                } else {
                    (!f.text.is_empty()).then_some(value)
                };
            }
            Field::Goals => {
                // Lines as written (a published goal may end in a space); blank ones go.
                let lines = f
                    .text
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| Spanned::new(l.to_string(), f.cell.span));
                p.goals.get_or_insert_with(Vec::new).extend(lines);
            }
        }
    }

    /// The draft of a project whose header rows are read; its index, or `None` (with a
    /// diagnostic) when it has no name or no budget.
    fn finish(
        &mut self,
        sheet: &Sheet,
        p: Pending,
        sheet_unit: &Pending,
        drafts: &mut Vec<Draft>,
    ) -> Option<usize> {
        let Some(name) = p.name else {
            self.push(
                &rules::X003,
                format!(
                    "工作表“{}”第 {} 行起的项目信息缺少“项目名称”",
                    sheet.name,
                    p.row + 1
                ),
                None,
                "每个项目的信息行中写一行“项目名称：…”",
            );
            return None;
        };
        let Some(total) = p.total else {
            self.push(
                &rules::X006,
                format!("工作表“{}”中项目“{}”缺少预算数", sheet.name, name.value),
                None,
                "在项目信息行中写“预算数（万元）：…”或“资金总额：…”",
            );
            return None;
        };
        let [march, june, october, december] = p.plan;
        let budget = Budget {
            total,
            fiscal: p.fiscal,
            other: p.other,
        };
        let purpose = p
            .purpose
            .unwrap_or_else(|| Spanned::new(String::new(), self.whole()));
        let (goals, goal_numbering) = unnumber(p.goals.unwrap_or_default(), &["."], false);
        let unit = match p.unit_name {
            Some(name) => Some(Unit {
                code: p.unit_code,
                name,
            }),
            None => sheet_unit.unit_name.clone().map(|name| Unit {
                code: sheet_unit.unit_code.clone(),
                name,
            }),
        };
        drafts.push(Draft {
            project: Project {
                code: p.code,
                spending_plan: p.plan_seen.then_some(SpendingPlan {
                    march,
                    june,
                    october,
                    december,
                }),
                goals,
                goal_numbering,
                ..Project::targets(name, budget, purpose, self.file)
            },
            unit,
            amount_unit: p.amount_unit.or_else(|| sheet_unit.amount_unit.clone()),
        });
        Some(drafts.len() - 1)
    }

    /// The flat layout: `项目` and `指标`.
    fn flat(&mut self, projects: &Sheet, indicators: &Sheet) -> Vec<Draft> {
        let Some((header_row, columns)) = self.header(projects) else {
            return Vec::new();
        };
        let col = |name: &str| columns.get(name).copied();
        let budget_col = columns
            .iter()
            .find(|(k, _)| k.starts_with(label::TOTAL))
            .map(|(k, c)| (k.clone(), *c));
        let mut missing = Vec::new();
        for need in [label::NAME, "资金用途", label::GOALS] {
            if col(need).is_none() {
                missing.push(need);
            }
        }
        if budget_col.is_none() {
            missing.push(label::TOTAL);
        }
        let known = [
            "序号",
            "单位编码",
            "单位名称",
            "项目编码",
            "项目名称",
            "财政资金",
            "其中：财政资金",
            "其他资金",
            "资金用途",
            "3月底",
            "6月底",
            "10月底",
            "12月底",
            "绩效目标",
        ];
        for (name, &c) in &columns {
            if !known.contains(&name.as_str()) && !name.starts_with(label::TOTAL) {
                let cell = projects.get(header_row, c);
                self.push(
                    &rules::X003,
                    format!("{}：无法识别的列“{name}”", projects.addr(header_row, c)),
                    cell,
                    "删除该列，或改用《电子表格：导出与导入》一章列出的列名",
                );
            }
        }
        for need in missing {
            self.push(
                &rules::X003,
                format!(
                    "工作表“{PROJECT_SHEET}”第 {} 行（表头）缺少“{need}”列",
                    header_row + 1
                ),
                None,
                "表头行应包含 项目名称、预算数、资金用途、绩效目标 等列",
            );
        }
        let (Some(name_col), Some((budget_label, total_col))) = (col(label::NAME), budget_col)
        else {
            return Vec::new();
        };
        let amount_unit = match budget_label.trim_start_matches(label::TOTAL) {
            "（元）" => Some(AmountUnit::Yuan),
            "（万元）" => Some(AmountUnit::WanYuan),
            _ => None,
        }
        .and_then(|u| {
            projects
                .get(header_row, total_col)
                .map(|c| Spanned::new(u, c.span))
        });
        let fiscal_col = col("财政资金").or(col("其中：财政资金"));
        let plan_cols = [col("3月底"), col("6月底"), col("10月底"), col("12月底")];
        let mut drafts = Vec::new();
        for r in header_row + 1..projects.rows.len() {
            if projects.row(r).is_empty() {
                continue;
            }
            let text = |c: Option<usize>| c.and_then(|c| projects.get(r, c));
            let Some(name_cell) = text(Some(name_col)) else {
                self.missing(projects, r, name_col, "项目名称");
                continue;
            };
            let name = self.spanned(name_cell);
            let total = match self.amount(projects, r, total_col) {
                Some(t) => t,
                None => {
                    self.missing(projects, r, total_col, "预算数");
                    continue;
                }
            };
            let fiscal = fiscal_col.and_then(|c| self.amount(projects, r, c));
            let other = col("其他资金").and_then(|c| self.amount(projects, r, c));
            let plan_cells: Vec<Option<Spanned<String>>> =
                plan_cols.iter().map(|c| self.plan_cell(text(*c))).collect();
            let spending_plan = plan_cells.iter().any(Option::is_some).then(|| {
                let mut it = plan_cells.into_iter();
                SpendingPlan {
                    march: it.next().flatten(),
                    june: it.next().flatten(),
                    october: it.next().flatten(),
                    december: it.next().flatten(),
                }
            });
            let goal_lines: Vec<Spanned<String>> = text(col(label::GOALS))
                .map(|cell| {
                    cell.text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| Spanned::new(l.to_string(), cell.span))
                        .collect()
                })
                .unwrap_or_default();
            let (goals, goal_numbering) = unnumber(goal_lines, &[".", "、", "．"], true);
            let purpose = text(col("资金用途"))
                .map(|c| self.spanned(c))
                .unwrap_or_else(|| Spanned::new(String::new(), name_cell.span));
            let unit = text(col("单位名称")).map(|n| Unit {
                code: text(col("单位编码")).map(|c| self.spanned(c)),
                name: self.spanned(n),
            });
            self.places
                .insert((projects.name.clone(), r), Place::Project(drafts.len()));
            drafts.push(Draft {
                project: Project {
                    code: text(col(label::CODE)).map(|c| self.spanned(c)),
                    spending_plan,
                    goals,
                    goal_numbering,
                    ..Project::targets(
                        name,
                        Budget {
                            total,
                            fiscal,
                            other,
                        },
                        purpose,
                        self.file,
                    )
                },
                unit,
                amount_unit: amount_unit.clone(),
            });
        }
        self.flat_indicators(indicators, &mut drafts);
        drafts
    }

    /// The first non-empty row of a sheet as a header: normalized name → column.
    fn header(&mut self, sheet: &Sheet) -> Option<(usize, BTreeMap<String, usize>)> {
        let Some(r) = (0..sheet.rows.len()).find(|&r| !sheet.row(r).is_empty()) else {
            self.push(
                &rules::X003,
                format!("工作表“{}”是空的", sheet.name),
                None,
                "第一行写列名，之后每行一条",
            );
            return None;
        };
        let mut columns = BTreeMap::new();
        for (c, cell) in sheet.row(r) {
            columns.entry(normalize(&cell.text)).or_insert(c);
        }
        Some((r, columns))
    }

    /// The `指标` sheet: each row names its project by 项目编码 or 项目名称.
    fn flat_indicators(&mut self, sheet: &Sheet, drafts: &mut [Draft]) {
        let Some((header_row, columns)) = self.header(sheet) else {
            return;
        };
        let col = |name: &str| columns.get(name).copied();
        let (code_col, name_col) = (col(label::CODE), col(label::NAME));
        let mut ok = true;
        if code_col.is_none() && name_col.is_none() {
            self.push(
                &rules::X003,
                format!(
                    "工作表“{INDICATOR_SHEET}”第 {} 行（表头）缺少“项目名称”或“项目编码”列",
                    header_row + 1
                ),
                None,
                "每条指标用项目名称或项目编码指明所属项目",
            );
            ok = false;
        }
        let (grid_cols, unknown) = grid_columns(&sheet.row(header_row));
        let grid = self.grid_of(sheet, header_row, &grid_cols, "表头");
        self.unknown_columns(
            sheet,
            header_row,
            &unknown,
            &[split::SERIAL, label::CODE, label::NAME],
        );
        let Some(grid) = grid else {
            return;
        };
        if !ok {
            return;
        }
        let mut current: Option<usize> = None;
        for r in header_row + 1..sheet.rows.len() {
            if sheet.row(r).is_empty() {
                continue;
            }
            let by_code = code_col.and_then(|c| sheet.get(r, c).map(|cell| (c, cell)));
            let by_name = name_col.and_then(|c| sheet.get(r, c).map(|cell| (c, cell)));
            let target = match (by_code, by_name) {
                (Some((c, cell)), _) => Some(self.find_project(drafts, sheet, r, c, cell, true)),
                (None, Some((c, cell))) => {
                    Some(self.find_project(drafts, sheet, r, c, cell, false))
                }
                (None, None) => None,
            };
            let index = match target {
                Some(Some(i)) => i,
                Some(None) => continue,
                None => match current {
                    Some(i) => i,
                    None => {
                        let c = name_col.or(code_col).unwrap_or(0);
                        self.missing(sheet, r, c, "项目名称");
                        continue;
                    }
                },
            };
            current = Some(index);
            let indicators = &mut drafts[index].project.indicators;
            let mut taken = std::mem::take(indicators);
            self.grid_row(sheet, r, &grid, &mut taken, (index, true));
            drafts[index].project.indicators = taken;
        }
    }

    fn find_project(
        &mut self,
        drafts: &[Draft],
        sheet: &Sheet,
        r: usize,
        c: usize,
        cell: &Cell,
        by_code: bool,
    ) -> Option<usize> {
        let matches: Vec<usize> = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                let key = if by_code {
                    d.project.code.as_ref().map(|c| c.value.as_str())
                } else {
                    Some(d.project.name.value.as_str())
                };
                key == Some(cell.text.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        let what = if by_code {
            "项目编码"
        } else {
            "项目名称"
        };
        match matches.as_slice() {
            [i] => Some(*i),
            [] => {
                self.push(
                    &rules::X005,
                    format!(
                        "{}：{what}“{}”不在“{PROJECT_SHEET}”工作表中",
                        sheet.addr(r, c),
                        cell.text
                    ),
                    Some(cell),
                    "检查拼写，或先在“项目”工作表中添加该项目",
                );
                None
            }
            _ => {
                self.push(
                    &rules::X005,
                    format!(
                        "{}：{what}“{}”在“{PROJECT_SHEET}”工作表中出现多次，无法确定所属项目",
                        sheet.addr(r, c),
                        cell.text
                    ),
                    Some(cell),
                    "用“项目编码”列区分同名项目",
                );
                None
            }
        }
    }
}

/// Column positions of an indicator grid.
struct Grid {
    level1: usize,
    level2: usize,
    level3: usize,
    description: Option<usize>,
    value: usize,
    basis: Option<usize>,
    comparator: Option<usize>,
    /// 指标性质 beside a 运算符 column: 定量 or 定性.
    nature: Option<usize>,
    unit: Option<usize>,
    weight: Option<usize>,
    direction: Option<usize>,
    explanation: Option<usize>,
}

/// The grid column a header cell names, by the one table of names ([`COLUMNS`]).
fn column_of(text: &str) -> Option<Column> {
    let key = normalize(text);
    COLUMNS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize(n) == key))
        .map(|(column, _)| *column)
}

/// A header row's grid columns (the first cell naming each wins), and the cells that
/// name none or a column named already.
fn grid_columns<'c>(
    cells: &[(usize, &'c Cell)],
) -> (BTreeMap<Column, usize>, Vec<(usize, &'c Cell)>) {
    let mut columns = BTreeMap::new();
    let mut unknown = Vec::new();
    for &(c, cell) in cells {
        match column_of(&cell.text) {
            Some(column) if !columns.contains_key(&column) => {
                columns.insert(column, c);
            }
            _ => unknown.push((c, cell)),
        }
    }
    (columns, unknown)
}

/// Whether a row is a grid header: it names 一级, 三级 and 指标值.
fn is_grid_header(columns: &BTreeMap<Column, usize>) -> bool {
    [Column::Level1, Column::Level3, Column::Value]
        .iter()
        .all(|c| columns.contains_key(c))
}

/// The first grid header of a sheet in the budget system's layout: one with a column
/// only that layout has. Titles, notes and project header rows may stand above it.
fn split_header(sheet: &Sheet) -> Option<usize> {
    (0..sheet.rows.len()).find(|&r| {
        let (columns, _) = grid_columns(&sheet.row(r));
        is_grid_header(&columns) && SPLIT_ONLY.iter().any(|c| columns.contains_key(c))
    })
}

/// The project field a label names, with the amount unit an amount's label carries
/// (`预算数（万元）`), by the one table of labels ([`FIELDS`]).
fn field_of(text: &str) -> Option<(Field, Option<AmountUnit>)> {
    let key = normalize(text);
    FIELDS.iter().find_map(|(field, names)| {
        names.iter().find_map(|n| {
            let rest = key.strip_prefix(normalize(n).as_str())?;
            let unit = match rest {
                "" => None,
                "（元）" => Some(AmountUnit::Yuan),
                "（万元）" => Some(AmountUnit::WanYuan),
                _ => return None,
            };
            let is_amount = matches!(field, Field::Total | Field::Fiscal | Field::Other);
            (unit.is_none() || is_amount).then_some((*field, unit))
        })
    })
}

/// `项目名称：消费券资金` → the field and the text after the colon (trimmed).
fn field_in_cell(text: &str) -> Option<(Field, Option<AmountUnit>, &str)> {
    text.char_indices()
        .filter(|&(_, ch)| ch == '：' || ch == ':')
        .find_map(|(i, ch)| {
            let (field, unit) = field_of(&text[..i])?;
            Some((field, unit, text[i + ch.len_utf8()..].trim()))
        })
}

/// One project field of a header row: the cell holding its value (or its label, when the
/// value is written after a colon) and the value's text.
struct FieldCell<'c> {
    field: Field,
    unit: Option<AmountUnit>,
    col: usize,
    cell: &'c Cell,
    text: String,
}

/// The project fields of a header row, `label：value` in one cell or the label in one
/// cell and the value in the next; `None` unless the row starts with a label. The cells
/// that are neither come second.
#[allow(clippy::type_complexity)]
fn field_cells<'c>(
    cells: &[(usize, &'c Cell)],
) -> Option<(Vec<FieldCell<'c>>, Vec<(usize, &'c Cell)>)> {
    let is_label =
        |cell: &Cell| field_of(&cell.text).is_some() || field_in_cell(&cell.text).is_some();
    if !is_label(cells.first()?.1) {
        return None;
    }
    let mut fields = Vec::new();
    let mut other = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let (c, cell) = cells[i];
        i += 1;
        if let Some((field, unit)) = field_of(&cell.text) {
            let value = cells.get(i).filter(|(_, next)| !is_label(next));
            let (col, value_cell, text) = match value {
                Some(&(vc, next)) => {
                    i += 1;
                    (vc, next, next.text.clone())
                }
                None => (c, cell, String::new()),
            };
            fields.push(FieldCell {
                field,
                unit,
                col,
                cell: value_cell,
                text,
            });
        } else if let Some((field, unit, text)) = field_in_cell(&cell.text) {
            fields.push(FieldCell {
                field,
                unit,
                col: c,
                cell,
                text: text.to_string(),
            });
        } else {
            other.push((c, cell));
        }
    }
    Some((fields, other))
}

/// The project being read in the budget system's layout: the fields of its header rows.
#[derive(Default)]
struct Pending {
    /// The first header row, for a message about the project as a whole.
    row: usize,
    code: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    unit_code: Option<Spanned<String>>,
    unit_name: Option<Spanned<String>>,
    total: Option<Spanned<Decimal>>,
    fiscal: Option<Spanned<Decimal>>,
    other: Option<Spanned<Decimal>>,
    purpose: Option<Spanned<String>>,
    plan: [Option<Spanned<String>>; 4],
    plan_seen: bool,
    goals: Option<Vec<Spanned<String>>>,
    amount_unit: Option<Spanned<AmountUnit>>,
}

/// Goals numbered `1.` `2.` … in order lose their numbers (jixiao generates them).
/// Goals without any number are numbered by jixiao when `number_bare` (budget systems
/// export them bare) and kept verbatim otherwise (a published table showed them so);
/// anything else is kept verbatim with numbering off.
fn unnumber(
    goals: Vec<Spanned<String>>,
    separators: &[&str],
    number_bare: bool,
) -> (Vec<Spanned<String>>, bool) {
    let stripped: Option<Vec<Spanned<String>>> = goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let number = (i + 1).to_string();
            let rest = g.value.strip_prefix(&number)?;
            separators.iter().find_map(|sep| {
                rest.strip_prefix(sep)
                    .map(|text| Spanned::new(text.to_string(), g.span))
            })
        })
        .collect();
    match stripped {
        Some(s) if !s.is_empty() => (s, true),
        _ if goals.is_empty() => (goals, true),
        _ if number_bare
            && !goals
                .iter()
                .any(|g| starts_with_number(&g.value, separators)) =>
        {
            (goals, true)
        }
        _ => (goals, false),
    }
}

/// `1.…` or `2、…`, but not `2025年…`.
fn starts_with_number(text: &str, separators: &[&str]) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len() && separators.iter().any(|sep| rest.starts_with(sep))
}

/// The budget year as the most frequent `20xx年` in the workbook (titles, deadlines);
/// the later year wins a tie.
fn infer_year(sheets: &[Sheet]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for cell in sheets
        .iter()
        .flat_map(|s| s.rows.iter().flatten().flatten())
    {
        for (y, _) in years_in(&cell.text, YearMark::Nian) {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, count)| (count, year))
        .map(|(year, _)| year)
}
