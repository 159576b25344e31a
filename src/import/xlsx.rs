//! Reading spreadsheets into a [`Document`].
//!
//! Two layouts are read (both documented in `book/src/xlsx.md`):
//! - the table layout `jixiao build --format xlsx` writes: one sheet per project in the
//!   published layout, plus an optional `文档信息` sheet;
//! - the flat layout budget systems export: a `项目` sheet with one row per project and an
//!   `指标` sheet with one row per indicator.
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
use crate::layout::xlsx::{INFO_SHEET, info, label};
use crate::load::display_path;
use crate::model::{
    Allow, AmountUnit, Budget, Document, Level1, Level2, Overview, OverviewItem, Project, Row,
    RuleLevel, SpendingPlan, Unit,
};
use crate::span::{FileId, Sources, Span, Spanned};

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
            format!("无法读取文件 {name}：{e}"),
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
            (Some(_), None) | (None, Some(_)) => {
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
            (None, None) => {
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
                    if let Some(draft) = self.table(sheet, drafts.len()) {
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
                    let level = value(2).and_then(|c| match c.text.trim() {
                        "error" => Some(RuleLevel::Error),
                        "warning" => Some(RuleLevel::Warning),
                        "info" => Some(RuleLevel::Info),
                        "off" => Some(RuleLevel::Off),
                        _ => None,
                    });
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
        let text = cell.text.trim();
        let parsed = Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text));
        let addr = sheet.addr(row, col);
        let Ok(mut value) = parsed else {
            self.push(
                &rules::X004,
                format!("{addr}：“{}”不是金额", cell.text),
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
                    format!("{addr}：金额“{}”超过两位小数", cell.text),
                    Some(cell),
                    "金额以文档金额单位计，最多两位小数",
                );
            }
        }
        if value.is_sign_negative() && !value.is_zero() {
            self.push(
                &rules::X004,
                format!("{addr}：金额“{}”为负数", cell.text),
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
            } else if key == "一级指标" {
                grid = Some(self.grid_header(sheet, r, &cells)?);
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
        let unit = unit_line.map(split_unit_line);
        Some(Draft {
            project: Project {
                unit: None,
                code,
                span: name.span,
                name,
                budget,
                purpose: purpose.unwrap_or_else(|| Spanned::new(String::new(), self.whole())),
                spending_plan: plan,
                goals,
                goal_numbering,
                indicators,
                allow: Vec::new(),
                initial_budget: None,
                full_year_budget: None,
                executed: None,
                execution_weight: None,
                achieved: None,
                score: None,
                file: self.file,
                unread: Default::default(),
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

    /// Maps the indicator header cells to columns; `None` (with a diagnostic) when a
    /// required column is missing.
    fn grid_header(&mut self, sheet: &Sheet, r: usize, cells: &[(usize, &Cell)]) -> Option<Grid> {
        let mut columns: BTreeMap<String, usize> = BTreeMap::new();
        for &(c, cell) in cells {
            columns.entry(normalize(&cell.text)).or_insert(c);
        }
        let mut need = |name: &str| {
            let col = columns.get(name).copied();
            if col.is_none() {
                self.push(
                    &rules::X003,
                    format!(
                        "工作表“{}”第 {} 行（指标表头）缺少“{name}”列",
                        sheet.name,
                        r + 1
                    ),
                    None,
                    "",
                );
            }
            col
        };
        let level1 = need("一级指标");
        let level2 = need("二级指标");
        let level3 = need("三级指标");
        let value = need("指标值");
        Some(Grid {
            level1: level1?,
            level2: level2?,
            level3: level3?,
            description: columns.get("绩效指标描述").copied(),
            value: value?,
            basis: columns.get("指标值确定依据").copied(),
        })
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
        let value = text(Some(grid.value))
            .map(|c| self.spanned(c))
            .unwrap_or_else(|| Spanned::new(String::new(), level3.span));
        let basis = text(grid.basis).map(|c| self.spanned(c));
        let row = Row {
            span: level3.span,
            level3,
            description,
            value,
            basis,
            direction: None,
            explanation: None,
            allow: Vec::new(),
            actual: None,
            weight: None,
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
            let unit = text(col("单位名称")).map(|n| Unit {
                code: text(col("单位编码")).map(|c| self.spanned(c)),
                name: self.spanned(n),
            });
            self.places
                .insert((projects.name.clone(), r), Place::Project(drafts.len()));
            drafts.push(Draft {
                project: Project {
                    unit: None,
                    code: text(col(label::CODE)).map(|c| self.spanned(c)),
                    span: name.span,
                    name,
                    budget: Budget {
                        total,
                        fiscal,
                        other,
                    },
                    purpose: text(col("资金用途"))
                        .map(|c| self.spanned(c))
                        .unwrap_or_else(|| Spanned::new(String::new(), name_cell.span)),
                    spending_plan,
                    goals,
                    goal_numbering,
                    indicators: Vec::new(),
                    allow: Vec::new(),
                    initial_budget: None,
                    full_year_budget: None,
                    executed: None,
                    execution_weight: None,
                    achieved: None,
                    score: None,
                    file: self.file,
                    unread: Default::default(),
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
        for need in ["一级指标", "二级指标", "三级指标", "指标值"] {
            if col(need).is_none() {
                self.push(
                    &rules::X003,
                    format!(
                        "工作表“{INDICATOR_SHEET}”第 {} 行（表头）缺少“{need}”列",
                        header_row + 1
                    ),
                    None,
                    "",
                );
                ok = false;
            }
        }
        let known = [
            "序号",
            "项目编码",
            "项目名称",
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标值",
            "指标值确定依据",
        ];
        for (name, &c) in &columns {
            if !known.contains(&name.as_str()) {
                self.push(
                    &rules::X003,
                    format!("{}：无法识别的列“{name}”", sheet.addr(header_row, c)),
                    sheet.get(header_row, c),
                    "删除该列，或改用《电子表格：导出与导入》一章列出的列名",
                );
            }
        }
        let (Some(level1), Some(level2), Some(level3), Some(value)) = (
            col("一级指标"),
            col("二级指标"),
            col("三级指标"),
            col("指标值"),
        ) else {
            return;
        };
        if !ok {
            return;
        }
        let grid = Grid {
            level1,
            level2,
            level3,
            description: col("绩效指标描述"),
            value,
            basis: col("指标值确定依据"),
        };
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

/// `323101天津市…` → code `323101`, name `天津市…`: the code is the leading ASCII
/// letters and digits.
fn split_unit_line(line: Spanned<String>) -> Unit {
    let split = line
        .value
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(line.value.len());
    let (code, name) = line.value.split_at(split);
    Unit {
        code: (!code.is_empty()).then(|| Spanned::new(code.to_string(), line.span)),
        name: Spanned::new(name.to_string(), line.span),
    }
}

/// The budget year as the most frequent `20xx年` in the workbook (titles, deadlines);
/// the later year wins a tie.
fn infer_year(sheets: &[Sheet]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for cell in sheets
        .iter()
        .flat_map(|s| s.rows.iter().flatten().flatten())
    {
        let chars: Vec<char> = cell.text.chars().collect();
        for w in chars.windows(5) {
            if w[0] == '2' && w[1] == '0' && w[4] == '年' {
                let digits: String = w[..4].iter().collect();
                if let Ok(y) = digits.parse::<i32>()
                    && w[2].is_ascii_digit()
                    && w[3].is_ascii_digit()
                {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, count)| (count, year))
        .map(|(year, _)| year)
}
