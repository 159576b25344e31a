//! The text cell source: the text extracted from a published .docx, as in the seeds.
//!
//! The format: a table starts at its heading line `N.{项目名称}绩效目标表` (often after a
//! `[bookmark: …]` marker); every table cell is a line indented by a tab, a blank line ends
//! a table row, and a cell that holds several paragraphs continues on lines without a tab
//! (an empty paragraph at the end of a cell shows as a blank line inside the row). Some
//! lines carry several cells separated by tabs. Merged cells show once; the continuation
//! of a vertically merged cell shows as an empty cell.
//!
//! This module only recovers the tables' rows and cells and the paragraphs around them;
//! [`super::layout`] interprets them, as it does for every other source. The text loses
//! where a row ends when a cell ends in an empty paragraph (both are blank lines), so rows
//! are re-joined until they have the width of their part of the table: the indicator
//! header's width for indicator rows, and for the rows above it seven cells when the first
//! row is padded with spacer columns (the district layout), else two.

use super::layout::{self, Block, Cell, ImportOptions, Imported, Paragraph, Table, TableRow};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::{FileId, Span};

/// One line of the input with its byte offset.
#[derive(Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

/// Cells between two blank lines.
#[derive(Debug)]
struct RawRow {
    cells: Vec<Cell>,
    /// Blank lines that followed the row (a blank line may be an empty paragraph).
    blanks_after: usize,
    /// The row was ended by a whitespace-only line or the end of the table: a real break.
    hard_end: bool,
}

/// Imports the text of a published document. `file` is the text's id in the caller's
/// `Sources`, so diagnostics point at its lines.
pub fn import_text(
    file: FileId,
    text: &str,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let (blocks, errors) = read_blocks(file, text);
    match layout::interpret(file, &blocks, options) {
        Ok(imported) if errors.is_empty() => Ok(imported),
        Ok(_) => Err(errors),
        Err(mut more) => {
            let mut all = errors;
            all.append(&mut more);
            Err(all)
        }
    }
}

/// The paragraphs and tables of the text, and the lines that belong to neither.
fn read_blocks(file: FileId, text: &str) -> (Vec<Block>, Vec<Diagnostic>) {
    let lines = split_lines(text);
    let line_span = |l: &Line| Span::new(file, l.start, l.start + l.text.len());
    let paragraph = |l: &Line| {
        Block::Paragraph(Paragraph {
            text: strip_markers(l.text),
            span: line_span(l),
        })
    };
    let headings: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| layout::heading(&strip_markers(l.text)).is_some())
        .map(|(i, _)| i)
        .collect();
    let mut errors = Vec::new();
    let first = headings.first().copied().unwrap_or(lines.len());
    let mut blocks: Vec<Block> = lines[..first].iter().map(paragraph).collect();
    for (k, &h) in headings.iter().enumerate() {
        let end = headings.get(k + 1).copied().unwrap_or(lines.len());
        blocks.push(paragraph(&lines[h]));
        let rows = tokenise(file, &lines[h + 1..end], &mut errors);
        let span = line_span(&lines[h]);
        blocks.push(Block::Table(Table {
            rows: shape(rows),
            span,
        }));
    }
    (blocks, errors)
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        out.push(Line {
            start,
            text: raw.strip_suffix('\r').unwrap_or(raw),
        });
        start += raw.len() + 1;
    }
    if text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Removes `[bookmark: …]` markers the extraction leaves before headings and in cells.
pub fn strip_markers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn unplaceable(span: Span, what: &str) -> Diagnostic {
    Diagnostic::of(&rules::I001, format!("无法归位的内容：{what}"))
        .at(span, "这段内容不属于表格的任何单元格")
        .with_help("检查这一行是否多出或缺少制表符，或删除无关文字后重新导入；导入不会丢弃任何内容")
}

/// Splits a table body into rows of cells.
fn tokenise(file: FileId, body: &[Line], errors: &mut Vec<Diagnostic>) -> Vec<RawRow> {
    let mut rows = Vec::new();
    let mut current: Option<RawRow> = None;
    let mut pending = 0;
    for line in body {
        let text = line.text;
        if let Some(rest) = text.strip_prefix('\t') {
            if pending > 0
                && let Some(mut row) = current.take()
            {
                row.blanks_after = pending;
                rows.push(row);
            }
            pending = 0;
            let row = current.get_or_insert_with(|| RawRow {
                cells: Vec::new(),
                blanks_after: 0,
                hard_end: false,
            });
            let mut offset = line.start + 1;
            for piece in rest.split('\t') {
                row.cells.push(Cell::new(
                    strip_markers(piece),
                    Span::new(file, offset, offset + piece.len()),
                ));
                offset += piece.len() + 1;
            }
        } else if text.is_empty() {
            if current.is_some() {
                pending += 1;
            }
        } else if text.trim().is_empty() {
            if let Some(mut row) = current.take() {
                row.blanks_after = pending;
                row.hard_end = true;
                rows.push(row);
            }
            pending = 0;
        } else {
            let cell = current.as_mut().and_then(|r| r.cells.last_mut());
            match cell {
                Some(cell) if pending < 2 => {
                    cell.text.push_str(&"\n".repeat(pending + 1));
                    cell.text.push_str(&strip_markers(text));
                    cell.span.end = line.start + text.len();
                    pending = 0;
                }
                _ => {
                    let span = Span::new(file, line.start, line.start + text.len());
                    errors.push(unplaceable(
                        span,
                        "表格中不以制表符开头、也不接在单元格后面的文字",
                    ));
                    pending = 0;
                }
            }
        }
    }
    if let Some(mut row) = current {
        row.blanks_after = pending;
        row.hard_end = true;
        rows.push(row);
    }
    rows
}

/// The table's rows: rows above the indicator header joined to the top width, rows
/// below it to the header's width.
fn shape(rows: Vec<RawRow>) -> Vec<TableRow> {
    let is_header = |r: &RawRow| {
        r.cells
            .first()
            .is_some_and(|c| layout::label(&c.text) == "一级指标")
    };
    let Some(h) = rows.iter().position(is_header) else {
        return rows.into_iter().map(|r| TableRow::new(r.cells)).collect();
    };
    let mut rows = rows;
    let grid = rows.split_off(h + 1);
    let header = rows.pop();
    let top_width = if rows.first().is_some_and(|r| r.cells.len() >= 7) {
        7
    } else {
        2
    };
    let width = header.as_ref().map_or(0, |r| r.cells.len());
    let mut out: Vec<TableRow> = merge(rows, top_width)
        .into_iter()
        .map(|r| TableRow::new(r.cells))
        .collect();
    out.extend(header.map(|r| TableRow::new(r.cells)));
    out.extend(
        merge(grid, width)
            .into_iter()
            .map(|r| TableRow::new(r.cells)),
    );
    out
}

/// Joins rows that a blank line (an empty paragraph at the end of a cell) split in two,
/// until each has `width` cells.
fn merge(rows: Vec<RawRow>, width: usize) -> Vec<RawRow> {
    let mut out: Vec<RawRow> = Vec::new();
    for row in rows {
        if let Some(prev) = out.last_mut()
            && prev.cells.len() < width
            && !prev.hard_end
            && prev.cells.len() + row.cells.len() <= width
        {
            if let Some(last) = prev.cells.last_mut() {
                last.text.push_str(&"\n".repeat(prev.blanks_after));
            }
            prev.cells.extend(row.cells);
            prev.blanks_after = row.blanks_after;
            prev.hard_end = row.hard_end;
            continue;
        }
        out.push(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_removed() {
        assert_eq!(
            strip_markers("[bookmark: _Toc_1]1.a绩效目标表"),
            "1.a绩效目标表"
        );
        assert_eq!(strip_markers("[bookmark: a][bookmark: _GoBack]x"), "x");
    }

    #[test]
    fn headings_after_markers_are_recognised() {
        let (blocks, errors) = read_blocks(0, " [bookmark: x]12.材料费绩效目标表\n\t一级指标\n");
        assert!(errors.is_empty());
        assert!(matches!(&blocks[0], Block::Paragraph(p) if p.text == " 12.材料费绩效目标表"));
        assert!(matches!(&blocks[1], Block::Table(t) if t.rows.len() == 1));
    }
}
