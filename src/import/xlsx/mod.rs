//! Reading spreadsheets into a [`Document`].
//!
//! Three layouts are read (all documented in `book/src/xlsx.md`), one file each:
//! - [`table`]: the table layout `jixiao build --format xlsx` writes: one sheet per project
//!   in the published layout, plus an optional `文档信息` sheet;
//! - [`flat`]: the flat layout: a `项目` sheet with one row per project and an `指标` sheet
//!   with one row per indicator;
//! - [`split`]: the budget system's split columns (预算管理一体化, and `--xlsx-layout
//!   split`): a grid whose value is split into 运算符 | 指标值 | 度量单位 with 权重, 指标方向
//!   and 指标值说明, under project header rows (`项目名称：…`, `预算金额（万元）：…`), many
//!   projects a sheet or one, titles and notes above. A sheet is read so when its grid
//!   header has a column only that layout has ([`SPLIT_ONLY`](crate::layout::xlsx::SPLIT_ONLY)).
//!
//! Every grid (of any layout) is read by one header reader ([`grid::grid_columns`], the
//! names in [`COLUMNS`](crate::layout::xlsx::COLUMNS)) and one row reader
//! ([`WorkbookReader::grid_row`]), both in [`grid`]; the split value columns are joined and
//! read with the value grammar ([`crate::value::parse`]). The `文档信息` sheet, whichever
//! layout the projects are in, is read in [`info`].
//!
//! This file holds what every layout shares: the entry points, reading the workbook
//! (calamine) into [`Sheet`]s of [`Cell`]s, listing the cells into [`Sources`], choosing
//! the layout ([`WorkbookReader::document`]), assembling the [`Document`] from the projects
//! read, and the cell readers (amounts, spending plan, goals, the inferred year). Each
//! layout's file adds its own `impl WorkbookReader` block.
//!
//! A spreadsheet is binary, so spans cannot point into it. Instead every non-empty cell is
//! listed in a text file added to [`Sources`] (`项目!C7: 416543.39`), every value's span
//! points at its line there, and every message names its sheet and cell as well.

mod flat;
mod grid;
mod info;
mod split;
mod table;

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

use calamine::{Data, Reader, Xls, XlsError, Xlsx};
use rust_decimal::Decimal;

use super::ImportOptions;
use crate::check::rules::{self, Rule};
use crate::diag::Diagnostic;
use crate::layout::xlsx::INFO_SHEET;
use crate::load::amount::fen_places;
use crate::load::display_path;
use crate::model::{AmountUnit, Document, Project, Unit};
use crate::span::{FileId, Sources, Span, Spanned};
use crate::value::year::{YearMark, years_in};
use info::Info;
use split::split_header;

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
        fine_amounts: Vec::new(),
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
    /// Amounts with more than two decimals (cell, text, span): whole 分 in 万元, finer
    /// than a 分 in 元, which the document's amount unit decides.
    fine_amounts: Vec<(String, String, Span)>,
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
        // Exact to the 分 in the document's unit: 24.998 万元 is 249,980.00 元, but an
        // amount in 元 has two decimals at most.
        if document_unit(&info, &drafts).is_some_and(|u| u.value == AmountUnit::Yuan) {
            for (addr, text, span) in std::mem::take(&mut self.fine_amounts) {
                let rounded =
                    Decimal::from_str(&text).map_or(text.clone(), |v| v.round_dp(2).to_string());
                self.diags.push(
                    Diagnostic::of(
                        &rules::X004,
                        format!("{addr}：金额“{text}”比 1 分更精细（以元计最多两位小数）"),
                    )
                    .at(span, "此单元格")
                    .with_help(format!("写作 {rounded}；或把金额单位改为万元")),
                );
            }
        }
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
        let amount_unit = document_unit(&info, &drafts);
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

    fn missing(&mut self, sheet: &Sheet, row: usize, col: usize, what: &str) {
        self.push(
            &rules::X006,
            format!("{}：{what}为空", sheet.addr(row, col)),
            None,
            "",
        );
    }

    /// An amount cell: exact decimal text, or a number whose shortest decimal form has at
    /// most six decimals (the 分 in 万元; float noise from formulas, below 10⁻⁹, is
    /// rounded away). Amounts in 元 are held to two decimals once the document's amount
    /// unit is known ([`Self::assemble`]).
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
                "金额写作数字，精确到分（以元计最多两位小数，如 416543.39）；不要带单位或千分位逗号",
            );
            return Some(Spanned::new(Decimal::ZERO, cell.span));
        };
        let finest = fen_places(AmountUnit::WanYuan);
        if value.normalize().scale() > finest {
            let rounded = value.round_dp(finest);
            if cell.number && (value - rounded).abs() < Decimal::new(1, 9) {
                value = rounded;
            } else {
                self.push(
                    &rules::X004,
                    format!("{addr}：金额“{text}”比 1 分更精细（超过六位小数）"),
                    Some(cell),
                    "以万元计的金额最多六位小数，以元计最多两位（精确到分）",
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
        let value = value.normalize();
        if value.scale() > 2 {
            self.fine_amounts
                .push((addr.to_string(), text.to_string(), cell.span));
        }
        let value = if value.scale() < 2 {
            let mut v = value;
            v.rescale(2);
            v
        } else {
            value
        };
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

/// The document's amount unit: the 文档信息 sheet's, else the first table's.
fn document_unit(info: &Info, drafts: &[Draft]) -> Option<Spanned<AmountUnit>> {
    info.amount_unit
        .clone()
        .or_else(|| drafts.iter().find_map(|d| d.amount_unit.clone()))
}
