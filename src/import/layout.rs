//! The one layout interpreter: tables of cells and the paragraphs between them → a
//! [`Document`].
//!
//! Every importer of a published 绩效目标表 document is a *cell source* feeding this module:
//! the text extracted from a .docx ([`super::seed`]), the .docx itself ([`super::docx`]),
//! and a PDF's tables. A source reports what it saw: paragraphs in reading order and
//! tables as rows of cells, a cell being its text (paragraphs joined by `\n`), the grid
//! columns it spans and whether it continues a vertically merged cell above. This module
//! decides what the rows mean: the table heading `N.{项目名称}绩效目标表`, the unit row,
//! 项目编码 / 项目名称, 预算规模及资金用途, 资金支出计划, 绩效目标, the indicator header and
//! the indicator rows, Part 1 (部门整体绩效目标) before the first table, and the
//! document-wide inference of year, default unit, amount unit and framework.
//!
//! Three layouts exist: the district one (rows padded with empty spacer columns), the
//! municipal one (five grid columns) and the Hebei one (项目编码, 资金支出计划, a sixth
//! column 指标值确定依据 and a narrative Part 1). The layout is recognised from the labels,
//! never from a province name. Labels are paired with the cell that follows them, empty
//! cells between are spacers; indicator columns are found by the grid column of their
//! header cell, so a source may give either padded rows or merged cells.
//!
//! Values are kept verbatim: a cell becomes exactly the string the table shows. The only
//! cells not kept as written are whitespace-only ones, which become empty. Anything that
//! cannot be placed in the model is an error with its place, never dropped.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::check::rules;
use crate::diag::Diagnostic;
use crate::load::amount::fen_places;
use crate::model::{
    AmountUnit, Budget, Document, Level1, Level2, Overview, OverviewItem, Project, Row,
    SpendingPlan, Unit,
};
use crate::span::{FileId, Span, Spanned};
use crate::value::year::{YearMark, years_in};

/// What the user can decide instead of the importer.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The budget year; inferred from the text when absent.
    pub year: Option<i32>,
}

/// An imported document and what the importer wants the user to know (warnings, and
/// notes on what it inferred).
pub struct Imported {
    pub document: Document,
    pub notes: Vec<Diagnostic>,
}

/// A table cell as a source read it.
#[derive(Clone, Debug)]
pub struct Cell {
    /// The text: paragraphs (and line breaks) joined by `\n`, markers removed.
    pub text: String,
    /// Where the cell is, for messages.
    pub span: Span,
    /// Grid columns the cell covers (Word's `w:gridSpan`); 1 when the source cannot tell.
    pub col_span: usize,
    /// The cell continues the vertically merged cell above (Word's `w:vMerge` without
    /// `restart`). Its text is then empty in the source.
    pub continues: bool,
}

impl Cell {
    /// A cell covering one grid column.
    pub fn new(text: impl Into<String>, span: Span) -> Self {
        Cell {
            text: text.into(),
            span,
            col_span: 1,
            continues: false,
        }
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The cell as a value: whitespace-only cells are empty.
    fn value(&self) -> Spanned<String> {
        let text = if self.is_blank() {
            String::new()
        } else {
            self.text.clone()
        };
        Spanned::new(text, self.span)
    }

    /// The cell as a label: whitespace removed (`其中：财政    资金`).
    fn label(&self) -> String {
        label(&self.text)
    }
}

/// A label as compared: all whitespace removed.
pub fn label(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One table row.
#[derive(Clone, Debug, Default)]
pub struct TableRow {
    pub cells: Vec<Cell>,
    /// The row is marked to repeat at the top of every page (Word's `w:tblHeader`).
    pub repeats: bool,
}

impl TableRow {
    pub fn new(cells: Vec<Cell>) -> Self {
        TableRow {
            cells,
            repeats: false,
        }
    }

    fn span(&self) -> Span {
        let first = self.cells.first().map(|c| c.span).unwrap_or_default();
        let last = self.cells.last().map(|c| c.span).unwrap_or(first);
        if last.file == first.file && last.end >= first.start {
            Span::new(first.file, first.start, last.end)
        } else {
            first
        }
    }

    /// The grid column each cell starts at.
    fn starts(&self) -> Vec<usize> {
        let mut col = 0;
        self.cells
            .iter()
            .map(|c| {
                let start = col;
                col += c.col_span.max(1);
                start
            })
            .collect()
    }

    /// Grid columns the row covers.
    fn width(&self) -> usize {
        self.cells.iter().map(|c| c.col_span.max(1)).sum()
    }

    /// The cell covering grid column `col`.
    fn at(&self, col: usize) -> Option<&Cell> {
        let mut start = 0;
        for c in &self.cells {
            let end = start + c.col_span.max(1);
            if (start..end).contains(&col) {
                return Some(c);
            }
            start = end;
        }
        None
    }

    fn first_label(&self) -> String {
        self.cells.first().map(Cell::label).unwrap_or_default()
    }
}

/// A table: rows of cells.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub rows: Vec<TableRow>,
    /// Where the table is (for a table without rows).
    pub span: Span,
}

/// A paragraph outside tables (markers removed; not trimmed).
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
}

/// What a source read, in reading order.
#[derive(Clone, Debug)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// Interprets what a source read. `file` is the id (in the caller's `Sources`) that the
/// spans point into.
pub fn interpret(
    file: FileId,
    blocks: &[Block],
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut cx = Cx {
        file,
        errors: Vec::new(),
        notes: Vec::new(),
        cover: Vec::new(),
    };
    let headings: Vec<(usize, usize, String, Span)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Paragraph(p) => heading(&p.text).map(|(n, name)| (i, n, name, p.span)),
            Block::Table(_) => None,
        })
        .collect();
    if headings.is_empty() {
        return Err(vec![
            Diagnostic::of(&rules::I004, "没有找到任何绩效目标表")
                .at(
                    Span::file_start(file),
                    "文件中没有“N.{项目名称}绩效目标表”形式的表标题",
                )
                .with_help(
                    "导入的文件应是已发布的绩效目标表文档（.docx，或其提取出的文本），每张表以“1.××绩效目标表”形式的标题开头",
                ),
        ]);
    }
    let overview = cx.overview(&blocks[..headings[0].0]);
    let mut tables = Vec::new();
    for (k, (index, number, name, head_span)) in headings.iter().enumerate() {
        let end = headings.get(k + 1).map_or(blocks.len(), |h| h.0);
        if *number != k + 1 {
            cx.notes.push(
                Diagnostic::of(
                    &rules::I101,
                    format!("表号 {number} 不连续，应为 {}", k + 1),
                )
                .at(*head_span, "表号由 jixiao 按顺序生成")
                .with_help("导入后表号按项目顺序重新编号"),
            );
        }
        let rows = cx.body(&blocks[index + 1..end]);
        if let Some(t) = cx.table(*head_span, name, rows) {
            tables.push(t);
        }
    }
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let document = cx.document(tables, overview, options);
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    match document {
        Some(document) => Ok(Imported {
            document,
            notes: cx.notes,
        }),
        None => Err(cx.errors),
    }
}

/// A table heading `N.{name}绩效目标表`: its number and the project name.
pub fn heading(line: &str) -> Option<(usize, String)> {
    if line.starts_with('\t') {
        return None;
    }
    let clean = line.trim();
    let digits = clean.len() - clean.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number: usize = clean[..digits].parse().ok()?;
    let name = clean[digits..]
        .strip_prefix('.')?
        .strip_suffix("绩效目标表")?;
    (!name.is_empty()).then(|| (number, name.to_string()))
}

/// One table as read, before document-wide inference.
struct RawTable {
    unit_line: Spanned<String>,
    amount_label: Spanned<String>,
    project: Project,
}

struct Cx {
    file: FileId,
    errors: Vec<Diagnostic>,
    notes: Vec<Diagnostic>,
    /// Paragraphs before Part 1 and the first table: a cover page.
    cover: Vec<(String, Span)>,
}

const PART_LABELS: &[&str] = &[
    "第一部分",
    "部门整体绩效目标",
    "第二部分",
    "预算项目绩效目标",
];

/// `第一部分`, `部门整体绩效目标`, or both on one line (`第一部分　部门整体绩效目标`).
fn is_part_label(text: &str) -> bool {
    let l = label(text);
    PART_LABELS.contains(&l.as_str())
        || PART_LABELS
            .chunks(2)
            .any(|pair| l == format!("{}{}", pair[0], pair[1]))
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Overall,
    Items,
    Safeguards,
}

/// A 分项绩效目标 being read: title, goal paragraphs, indicator paragraphs and the
/// spans of the goal and indicator.
type ItemDraft = (Spanned<String>, Vec<String>, Vec<String>, Span, Span);

#[derive(Clone, Copy, PartialEq)]
enum ItemPart {
    Title,
    Goal,
    Indicator,
}

impl Cx {
    fn unplaceable(&mut self, span: Span, what: &str) {
        self.errors.push(
            Diagnostic::of(&rules::I001, format!("无法归位的内容：{what}"))
                .at(span, "这段内容不属于表格的任何单元格")
                .with_help("检查这里是否多出或缺少单元格（提取的文本中是制表符），或删除无关文字后重新导入；导入不会丢弃任何内容"),
        );
    }

    /// Part 1 (部门整体绩效目标): the paragraphs before the first table, if any.
    fn overview(&mut self, blocks: &[Block]) -> Option<Overview> {
        let mut section = Section::None;
        let mut overall: Vec<&str> = Vec::new();
        let mut overall_span: Option<Span> = None;
        let mut items: Vec<ItemDraft> = Vec::new();
        let mut part = ItemPart::Title;
        let mut safeguards: Vec<Spanned<String>> = Vec::new();
        let mut any = false;
        for block in blocks {
            let p = match block {
                Block::Paragraph(p) => p,
                Block::Table(t) => {
                    if let Some(c) = t.rows.iter().flat_map(|r| &r.cells).find(|c| !c.is_blank()) {
                        any = true;
                        self.unplaceable(c.span, "第一张绩效目标表的标题之前的表格");
                    }
                    continue;
                }
            };
            let text = &p.text;
            let trimmed = text.trim();
            if trimmed.is_empty() || is_part_label(trimmed) {
                continue;
            }
            let span = p.span;
            let section_label = matches!(
                trimmed,
                "一、总体绩效目标" | "二、分项绩效目标" | "三、工作保障措施"
            );
            if section == Section::None && !section_label {
                // A cover page (title, unit, year): judged once the tables are read.
                self.cover.push((trimmed.to_string(), span));
                continue;
            }
            any = true;
            match trimmed {
                "一、总体绩效目标" => {
                    section = Section::Overall;
                    continue;
                }
                "二、分项绩效目标" => {
                    section = Section::Items;
                    continue;
                }
                "三、工作保障措施" => {
                    section = Section::Safeguards;
                    continue;
                }
                _ => {}
            }
            match section {
                Section::None => {}
                Section::Overall => {
                    overall_span.get_or_insert(span);
                    overall.push(text);
                }
                Section::Items => {
                    if let Some(title) = numbered(text, '、', items.len() + 1) {
                        items.push((
                            Spanned::new(title.to_string(), span),
                            Vec::new(),
                            Vec::new(),
                            span,
                            span,
                        ));
                        part = ItemPart::Title;
                        continue;
                    }
                    let Some(item) = items.last_mut() else {
                        self.unplaceable(span, "分项绩效目标之前的文字");
                        continue;
                    };
                    if let Some(rest) = text.strip_prefix("绩效目标：") {
                        part = ItemPart::Goal;
                        item.3 = span;
                        item.1.push(rest.to_string());
                    } else if let Some(rest) = text.strip_prefix("绩效指标：") {
                        part = ItemPart::Indicator;
                        item.4 = span;
                        item.2.push(rest.to_string());
                    } else {
                        match part {
                            ItemPart::Goal => item.1.push(text.clone()),
                            ItemPart::Indicator => item.2.push(text.clone()),
                            ItemPart::Title => {
                                self.unplaceable(span, "分项标题之后、“绩效目标：”之前的文字")
                            }
                        }
                    }
                }
                Section::Safeguards => {
                    if let Some(rest) = numbered(text, '、', safeguards.len() + 1) {
                        safeguards.push(Spanned::new(rest.to_string(), span));
                    } else if let Some(last) = safeguards.last_mut() {
                        last.value.push('\n');
                        last.value.push_str(text);
                    } else {
                        self.unplaceable(span, "工作保障措施之前的文字");
                    }
                }
            }
        }
        if !any {
            return None;
        }
        let span0 = Span::file_start(self.file);
        Some(Overview {
            overall: Spanned::new(overall.join("\n"), overall_span.unwrap_or(span0)),
            items: items
                .into_iter()
                .map(|(title, goal, indicator, gs, is)| OverviewItem {
                    title,
                    goal: Spanned::new(goal.join("\n"), gs),
                    indicator: Spanned::new(indicator.join("\n"), is),
                })
                .collect(),
            safeguards,
        })
    }

    /// The rows of the tables between a heading and the next one. A table that goes on
    /// after a page break may come as several tables; their rows are read as one.
    /// Non-empty paragraphs there have no place.
    fn body(&mut self, blocks: &[Block]) -> Vec<TableRow> {
        let mut rows = Vec::new();
        for block in blocks {
            match block {
                Block::Table(t) => {
                    rows.extend(t.rows.iter().filter(|r| !r.cells.is_empty()).cloned())
                }
                Block::Paragraph(p) => {
                    let text = p.text.trim();
                    match text.rfind("单位：") {
                        // The unit line written above the table instead of as its first
                        // row: `323101天津市…<tab>单位：元`.
                        Some(at) if rows.is_empty() => {
                            let unit: String = text[..at].trim().replace('\t', "");
                            rows.push(TableRow::new(vec![
                                Cell::new(unit, p.span),
                                Cell::new(text[at..].trim(), p.span),
                            ]));
                        }
                        _ if text.is_empty() => {}
                        _ => self.unplaceable(p.span, &format!("表格之间的文字“{text}”")),
                    }
                }
            }
        }
        rows
    }

    /// Reports non-empty cells from `from` on: they have no place in the model.
    fn spacers(&mut self, row: &TableRow, from: usize) {
        for c in row.cells.iter().skip(from) {
            if !c.is_blank() {
                self.unplaceable(c.span, &format!("多出的单元格“{}”", c.text));
            }
        }
    }

    fn missing(&mut self, span: Span, what: &str) {
        self.errors.push(
            Diagnostic::of(&rules::I002, format!("表格不完整：缺少{what}"))
                .at(span, format!("这张表缺少{what}"))
                .with_help("文件可能被截断或少了单元格；对照原文档补齐后重新导入"),
        );
    }

    fn table(
        &mut self,
        head_span: Span,
        heading_name: &str,
        rows: Vec<TableRow>,
    ) -> Option<RawTable> {
        let errors_before = self.errors.len();
        let Some(h) = rows.iter().position(|r| r.first_label() == "一级指标") else {
            self.missing(head_span, "绩效指标表头（一级指标、二级指标……）");
            return None;
        };
        let mut top = rows;
        let grid = top.split_off(h + 1);
        let header = top.pop()?;
        let Some(unit_row) = top.first() else {
            self.missing(head_span, "单位行");
            return None;
        };
        let (unit_line, amount_label) = self.unit_row(unit_row, head_span)?;

        let mut code = None;
        let mut name = None;
        let mut budget = None;
        let mut purpose = None;
        let mut plan = None;
        let mut goals = None;
        let mut i = 1;
        while i < top.len() {
            let row = &top[i];
            let first = row.first_label();
            match first.as_str() {
                "项目编码" | "项目名称" => {
                    let mut k = 0;
                    while k + 1 < row.cells.len() {
                        match row.cells[k].label().as_str() {
                            "项目编码" => code = Some(row.cells[k + 1].value()),
                            "项目名称" => name = Some(row.cells[k + 1].value()),
                            _ => break,
                        }
                        k += 2;
                    }
                    self.spacers(row, k);
                }
                "预算规模及资金用途" => {
                    // Exact to the 分 in the table's unit (万元 when the unit line is
                    // unreadable, which is reported with the document).
                    let unit =
                        AmountUnit::from_label(amount_label.value.trim_start_matches("单位："))
                            .unwrap_or(AmountUnit::WanYuan);
                    budget = self.budget(row, unit);
                    match top.get(i + 1) {
                        Some(next) if next.cells[0].is_blank() && next.cells.len() >= 2 => {
                            purpose = Some(next.cells[1].value());
                            self.spacers(next, 2);
                            i += 1;
                        }
                        _ => self.missing(row.span(), "资金用途"),
                    }
                }
                label if label.starts_with("资金支出计划") => match top.get(i + 1) {
                    Some(next) if next.cells[0].is_blank() => {
                        plan = Some(self.plan(row, next));
                        i += 1;
                    }
                    _ => self.missing(row.span(), "资金支出计划的数值行"),
                },
                "绩效目标" => {
                    let cell = row
                        .cells
                        .get(1)
                        .map(Cell::value)
                        .unwrap_or_else(|| Spanned::new(String::new(), row.cells[0].span));
                    goals = Some(cell);
                    self.spacers(row, 2);
                }
                _ => {
                    let span = row.span();
                    let text: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
                    self.unplaceable(span, &format!("无法识别的表格行“{}”", text.join(" | ")));
                }
            }
            i += 1;
        }
        let indicators = self.grid(&header, grid, head_span);
        let Some(name) = name else {
            self.missing(head_span, "项目名称");
            return None;
        };
        if name.value != heading_name {
            self.notes.push(
                Diagnostic::of(
                    &rules::I102,
                    format!(
                        "表标题中的项目名称“{heading_name}”与项目名称单元格“{}”不同",
                        name.value
                    ),
                )
                .at(head_span, "表标题由项目名称生成")
                .with_help("导入后表标题按项目名称单元格生成"),
            );
        }
        let Some(goals) = goals else {
            self.missing(head_span, "绩效目标行");
            return None;
        };
        let (goals, goal_numbering) = split_goals(&goals);
        let (Some(budget), Some(purpose), Some(indicators)) = (budget, purpose, indicators) else {
            if self.errors.len() == errors_before {
                self.missing(head_span, "预算规模及资金用途");
            }
            return None;
        };
        if self.errors.len() > errors_before {
            return None;
        }
        Some(RawTable {
            unit_line,
            amount_label,
            project: Project {
                code,
                spending_plan: plan,
                goals,
                goal_numbering,
                indicators,
                span: head_span,
                ..Project::targets(name, budget, purpose, self.file)
            },
        })
    }

    fn unit_row(
        &mut self,
        row: &TableRow,
        head_span: Span,
    ) -> Option<(Spanned<String>, Spanned<String>)> {
        let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_blank()).collect();
        match filled.as_slice() {
            [unit, label] if label.label().starts_with("单位：") => Some((
                Spanned::new(unit.text.trim().to_string(), unit.span),
                Spanned::new(label.label(), label.span),
            )),
            _ => {
                let span = if row.cells.is_empty() {
                    head_span
                } else {
                    row.span()
                };
                self.errors.push(
                    Diagnostic::of(
                        &rules::I002,
                        "表格不完整：标题后应是单位行（单位编码名称、“单位：元”或“单位：万元”）",
                    )
                    .at(span, "这里不是单位行")
                    .with_help("单位行形如“323101天津市滨海新区商务和投资促进局 | 单位：元”"),
                );
                None
            }
        }
    }

    /// An amount exact to the 分 in `unit`: 24.998 万元 is 249,980.00 元.
    fn amount(
        &mut self,
        cell: &Cell,
        what: &str,
        unit: AmountUnit,
    ) -> Option<Option<Spanned<Decimal>>> {
        let text = cell.text.trim();
        if text.is_empty() {
            return Some(None);
        }
        let places = fen_places(unit);
        match Decimal::from_str_exact(text) {
            Ok(v) if v.normalize().scale() <= places && !v.is_sign_negative() => {
                Some(Some(Spanned::new(v, cell.span)))
            }
            _ => {
                self.errors.push(
                    Diagnostic::of(&rules::I003, format!("{what}不是有效的金额：`{text}`"))
                        .at(
                            cell.span,
                            format!(
                                "应为非负数，精确到分（以{}计最多 {places} 位小数）",
                                unit.label()
                            ),
                        )
                        .with_help("金额单元格只写数字，如 416543.39"),
                );
                None
            }
        }
    }

    fn budget(&mut self, row: &TableRow, unit: AmountUnit) -> Option<Budget> {
        let mut total = None;
        let mut fiscal = None;
        let mut other = None;
        let mut used = 1;
        let mut k = 1;
        while k + 1 < row.cells.len() {
            let label = row.cells[k].label();
            let cell = &row.cells[k + 1];
            if label == "预算数" {
                total = Some(self.amount(cell, "预算数", unit)?);
            } else if label.starts_with("其中") {
                fiscal = Some(self.amount(cell, "财政资金", unit)?);
            } else if label == "其他资金" {
                other = Some(self.amount(cell, "其他资金", unit)?);
            } else {
                break;
            }
            k += 2;
            used = k;
        }
        self.spacers(row, used);
        match total {
            Some(Some(total)) => Some(Budget {
                total,
                fiscal: fiscal.flatten(),
                other: other.flatten(),
            }),
            _ => {
                self.missing(row.span(), "预算数");
                None
            }
        }
    }

    fn plan(&mut self, labels: &TableRow, values: &TableRow) -> SpendingPlan {
        let mut plan = SpendingPlan {
            march: None,
            june: None,
            october: None,
            december: None,
        };
        for (k, label) in labels.cells.iter().enumerate().skip(1) {
            let slot = match label.label().as_str() {
                "3月底" => &mut plan.march,
                "6月底" => &mut plan.june,
                "10月底" => &mut plan.october,
                "12月底" => &mut plan.december,
                _ => {
                    if !label.is_blank() {
                        self.unplaceable(
                            label.span,
                            &format!("资金支出计划中未知的列“{}”", label.text),
                        );
                    }
                    continue;
                }
            };
            match values.cells.get(k) {
                Some(v) if !v.is_blank() => *slot = Some(v.value()),
                Some(_) => {}
                None => self.missing(
                    values.span(),
                    &format!("资金支出计划“{}”的数值", label.text),
                ),
            }
        }
        self.spacers(values, labels.cells.len());
        plan
    }

    fn grid(
        &mut self,
        header: &TableRow,
        rows: Vec<TableRow>,
        head_span: Span,
    ) -> Option<Vec<Level1>> {
        let starts = header.starts();
        let col = |name: &str| {
            header
                .cells
                .iter()
                .position(|c| c.label() == name)
                .map(|k| starts[k])
        };
        let (Some(c1), Some(c2), Some(c3), Some(cd), Some(cv)) = (
            col("一级指标"),
            col("二级指标"),
            col("三级指标"),
            col("绩效指标描述"),
            col("指标值"),
        ) else {
            self.missing(
                header.span(),
                "完整的指标表头（一级、二级、三级指标、绩效指标描述、指标值）",
            );
            return None;
        };
        let cb = col("指标值确定依据");
        let known = [Some(c1), Some(c2), Some(c3), Some(cd), Some(cv), cb];
        for (k, c) in header.cells.iter().enumerate() {
            if !known.contains(&Some(starts[k])) && !c.is_blank() {
                self.unplaceable(c.span, &format!("未知的指标列“{}”", c.text));
            }
        }
        let width = header.width();
        let labels = |r: &TableRow| r.cells.iter().map(Cell::label).collect::<Vec<_>>();
        let header_labels = labels(header);
        // A header repeated after a page break is not an indicator row.
        let rows: Vec<TableRow> = rows
            .into_iter()
            .filter(|r| labels(r) != header_labels)
            .collect();
        let rows = resolve_continuations(rows);
        if rows.is_empty() {
            self.missing(head_span, "绩效指标行");
            return None;
        }
        let mut out: Vec<Level1> = Vec::new();
        for row in &rows {
            let row_width = row.width();
            if row_width < width {
                self.errors.push(
                    Diagnostic::of(
                        &rules::I002,
                        if row.cells.len() == row_width && header.cells.len() == width {
                            format!("表格不完整：指标行只有 {row_width} 个单元格，应为 {width} 个")
                        } else {
                            format!(
                                "表格不完整：指标行的 {} 个单元格只占 {row_width} 列，表头占 {width} 列",
                                row.cells.len()
                            )
                        },
                    )
                    .at(row.span(), "这一行缺少单元格")
                    .with_help("文件可能被截断或少了单元格；对照原文档补齐后重新导入"),
                );
                continue;
            }
            for (c, start) in row.cells.iter().zip(row.starts()) {
                let end = start + c.col_span.max(1);
                let placed =
                    start < width && known.iter().flatten().any(|k| (start..end).contains(k));
                if !placed && !c.is_blank() {
                    self.unplaceable(c.span, &format!("指标行中多出的单元格“{}”", c.text));
                }
            }
            let cell = |k: usize| {
                row.at(k)
                    .map(Cell::value)
                    .unwrap_or_else(|| Spanned::new(String::new(), row.span()))
            };
            let level1 = cell(c1);
            let level2 = cell(c2);
            let level3 = cell(c3);
            let description = cell(cd);
            let new_level1 = match out.last() {
                None => true,
                Some(last) => !(level1.value.is_empty() || level1.value == last.level1.value),
            };
            if new_level1 {
                out.push(Level1 {
                    level1: level1.clone(),
                    groups: Vec::new(),
                    span: row.span(),
                });
            }
            let Some(l1) = out.last_mut() else { continue };
            let same_group = l1
                .groups
                .last()
                .is_some_and(|g| g.level2.value == level2.value);
            if !same_group {
                l1.groups.push(Level2 {
                    level2: level2.clone(),
                    rows: Vec::new(),
                    span: row.span(),
                });
            }
            let description = (description.value != level3.value).then_some(description);
            if let Some(g) = l1.groups.last_mut() {
                g.rows.push(Row {
                    level3,
                    description,
                    value: cell(cv),
                    basis: cb.map(cell),
                    direction: None,
                    explanation: None,
                    allow: Vec::new(),
                    actual: None,
                    weight: None,
                    grade: None,
                    score: None,
                    deviation: None,
                    span: row.span(),
                });
            }
        }
        Some(out)
    }

    /// Document-wide inference: default unit, amount unit, year, framework.
    fn document(
        &mut self,
        tables: Vec<RawTable>,
        overview: Option<Overview>,
        options: &ImportOptions,
    ) -> Option<Document> {
        let label = tables.first()?.amount_label.clone();
        let label = &label;
        let unit_text = label.value.trim_start_matches("单位：");
        let Some(amount_unit) = AmountUnit::from_label(unit_text) else {
            self.errors.push(
                Diagnostic::of(&rules::I005, format!("无法识别的金额单位“{}”", label.value))
                    .at(label.span, "只能是“单位：元”或“单位：万元”")
                    .with_help("检查单位行的右侧单元格"),
            );
            return None;
        };
        for t in &tables {
            if t.amount_label.value != label.value {
                self.errors.push(
                    Diagnostic::of(
                        &rules::I005,
                        format!(
                            "各表金额单位不一致：“{}”与第一张表的“{}”",
                            t.amount_label.value, label.value
                        ),
                    )
                    .at(t.amount_label.span, "与第一张表不同")
                    .with_secondary(label.span, "第一张表的单位")
                    .with_help("一个文档只能有一种金额单位；请把不同单位的表分成两个文件导入"),
                );
            }
        }
        // The default unit is the one most tables use (the first on a tie).
        let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (i, t) in tables.iter().enumerate() {
            counts.entry(t.unit_line.value.as_str()).or_insert((0, i)).0 += 1;
        }
        let default_line = counts
            .iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(l, _)| l.to_string())
            .unwrap_or_default();
        let default_span = tables
            .iter()
            .find(|t| t.unit_line.value == default_line)
            .map(|t| t.unit_line.span)
            .unwrap_or_default();
        let default_unit = Unit::from_line(&Spanned::new(default_line.clone(), default_span));
        let year = match options.year {
            Some(y) => y,
            None => match infer_year(&tables) {
                Some((y, why)) => {
                    self.notes.push(
                        Diagnostic::of(&rules::I201, format!("推断预算年度为 {y}（{why}）"))
                            .with_help("不对时用 --year 指定"),
                    );
                    y
                }
                None => {
                    self.errors.push(
                        Diagnostic::of(&rules::I006, "无法推断预算年度")
                            .at(
                                Span::file_start(self.file),
                                "标题、期限和项目编码中都没有年份",
                            )
                            .with_help("用 --year 指定，如 --year 2025"),
                    );
                    return None;
                }
            },
        };
        let title = self.cover_page(&default_unit, year);
        let framework = if tables
            .iter()
            .flat_map(|t| &t.project.indicators)
            .any(|l1| l1.level1.value == "成本指标")
        {
            "2021"
        } else {
            "legacy"
        };
        let span0 = Span::file_start(self.file);
        let projects = tables
            .into_iter()
            .map(|t| {
                let mut p = t.project;
                if t.unit_line.value != default_line {
                    p.unit = Some(Unit::from_line(&t.unit_line));
                }
                p
            })
            .collect();
        Some(Document {
            year: Spanned::new(year, span0),
            amount_unit: Spanned::new(amount_unit, label.span),
            unit: default_unit,
            framework: Spanned::new(framework.to_string(), span0),
            title,
            date: None,
            overview,
            rules: BTreeMap::new(),
            projects,
            project_order: None,
            scoring: None,
            evaluation: None,
            file: self.file,
            rule_spans: BTreeMap::new(),
        })
    }
}

impl Cx {
    /// The cover page before Part 1 and the tables: the document title (kept when it is
    /// not the one jixiao generates), the unit's name and the year. Anything else there
    /// has no place in the model.
    fn cover_page(&mut self, unit: &Unit, year: i32) -> Option<Spanned<String>> {
        let generated = format!("{}{year}年部门预算项目绩效目标表", unit.name.value);
        let mut title = None;
        for (k, (text, span)) in std::mem::take(&mut self.cover).into_iter().enumerate() {
            let known = [
                unit.name.value.clone(),
                unit.line(),
                format!("{year}年"),
                format!("{year}年度"),
            ];
            if k == 0 && text.contains("绩效目标") {
                if label(&text) != label(&generated) {
                    title = Some(Spanned::new(text, span));
                }
            } else if !known.contains(&text) {
                self.unplaceable(span, "表格之前的文字不在“一、总体绩效目标”等小节中");
            }
        }
        title
    }
}

/// Gives every cell that continues a vertically merged cell the text of the cell above
/// it (in the same grid column), so a merged 一级 or 二级 name reads as repeated.
fn resolve_continuations(mut rows: Vec<TableRow>) -> Vec<TableRow> {
    for r in 1..rows.len() {
        let (done, rest) = rows.split_at_mut(r);
        let above = &done[r - 1];
        let row = &mut rest[0];
        let starts = row.starts();
        for (cell, start) in row.cells.iter_mut().zip(starts) {
            if cell.continues
                && let Some(up) = above.at(start)
            {
                cell.text = up.text.clone();
            }
        }
    }
    rows
}

/// `N、rest` (or `N.rest`) with the expected number: the rest.
fn numbered(text: &str, sep: char, expected: usize) -> Option<&str> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || text[..digits].parse::<usize>().ok()? != expected {
        return None;
    }
    text[digits..].strip_prefix(sep)
}

/// The goals of a 绩效目标 cell. When every line carries the number jixiao would generate
/// (`1.`, `2.` …), the numbers are stripped and numbering stays on; otherwise the lines
/// are kept as written and numbering is turned off, so the table prints exactly the cell.
fn split_goals(cell: &Spanned<String>) -> (Vec<Spanned<String>>, bool) {
    if cell.value.is_empty() {
        return (Vec::new(), true);
    }
    let lines: Vec<&str> = cell.value.split('\n').collect();
    let stripped: Option<Vec<&str>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| numbered(l, '.', i + 1))
        .collect();
    match stripped {
        Some(goals) => (
            goals
                .into_iter()
                .map(|g| Spanned::new(g.to_string(), cell.span))
                .collect(),
            true,
        ),
        None => (
            lines
                .into_iter()
                .map(|g| Spanned::new(g.to_string(), cell.span))
                .collect(),
            false,
        ),
    }
}

/// The budget year the tables speak of: years in indicator values (deadlines) count most,
/// then years in project names, then the year digits of project codes
/// (`13020024P…` → 2024). Returns the year and a short Chinese reason.
fn infer_year(tables: &[RawTable]) -> Option<(i32, String)> {
    let mut score: BTreeMap<i32, usize> = BTreeMap::new();
    let mut add = |text: &str, weight: usize| {
        for (y, _) in years_in(text, YearMark::NianOrDot) {
            *score.entry(y).or_default() += weight;
        }
    };
    for t in tables {
        let p = &t.project;
        for (_, _, r) in p.rows() {
            add(&r.value.value, 3);
        }
        add(&p.name.value, 2);
    }
    for t in tables {
        if let Some(code) = &t.project.code {
            let c = code.value.as_bytes();
            if c.len() > 8
                && c[..8].iter().all(u8::is_ascii_digit)
                && c[8].is_ascii_alphabetic()
                && let Ok(y) = code.value[6..8].parse::<i32>()
            {
                *score.entry(2000 + y).or_default() += 1;
            }
        }
    }
    let (year, _) = score
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))?;
    let total: usize = score.values().sum();
    Some((
        *year,
        format!(
            "标题、指标值期限和项目编码中的年份，得分 {}/{total}",
            score[year]
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_recognised() {
        assert_eq!(heading(" 12.材料费绩效目标表"), Some((12, "材料费".into())));
        assert_eq!(heading("\t1.材料费绩效目标表"), None);
        assert_eq!(heading("材料费绩效目标表"), None);
    }

    fn cell(text: &str, col_span: usize, continues: bool) -> Cell {
        Cell {
            text: text.into(),
            span: Span::default(),
            col_span,
            continues,
        }
    }

    #[test]
    fn cells_are_found_by_grid_column() {
        let row = TableRow::new(vec![cell("a", 2, false), cell("b", 1, false)]);
        assert_eq!(row.starts(), vec![0, 2]);
        assert_eq!(row.width(), 3);
        assert_eq!(row.at(1).map(|c| c.text.as_str()), Some("a"));
        assert_eq!(row.at(2).map(|c| c.text.as_str()), Some("b"));
        assert!(row.at(3).is_none());
    }

    #[test]
    fn merged_cells_read_as_repeated() {
        let rows = vec![
            TableRow::new(vec![cell("产出指标", 1, false), cell("数量指标", 2, false)]),
            TableRow::new(vec![cell("", 1, true), cell("", 2, true)]),
            TableRow::new(vec![cell("", 1, false), cell("质量指标", 2, false)]),
        ];
        let rows = resolve_continuations(rows);
        assert_eq!(rows[1].cells[0].text, "产出指标");
        assert_eq!(rows[1].cells[1].text, "数量指标");
        assert_eq!(rows[2].cells[0].text, "");
    }
}
