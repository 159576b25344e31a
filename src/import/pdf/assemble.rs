//! Pages → the document's content in reading order: paragraphs of free text and table rows,
//! with running headers and footers (page numbers), the cover and the table of contents
//! dropped, and tables that continue over a page break joined back (their repeated header
//! row removed).
//!
//! Like the other files of this module, this one uses nothing else from jixiao.

use std::collections::BTreeMap;

use super::layout::{Block, PageLayout, Table, TextLine};

/// A place on a page: 1-based page number and the top-left corner in points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Place {
    pub page: usize,
    pub x: f64,
    pub y: f64,
}

impl Place {
    /// `第 3 页（距左 25 毫米、距顶 80 毫米）`.
    pub fn describe(&self) -> String {
        const MM: f64 = 25.4 / 72.0;
        format!(
            "第 {} 页（距左 {:.0} 毫米、距顶 {:.0} 毫米）",
            self.page,
            self.x * MM,
            self.y * MM
        )
    }
}

/// A cell with its text and place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedCell {
    pub text: String,
    pub place: Place,
}

/// The content, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A paragraph of free text (lines that wrapped joined).
    Paragraph(PlacedCell),
    /// A row of cells: a table row (a merged cell continuing from the row above is an empty
    /// cell), or a line of free text in separate runs (the unit line).
    Row {
        cells: Vec<PlacedCell>,
        /// Index of the table the row belongs to (tables continued over pages count once);
        /// `None` for a line of free text.
        table: Option<usize>,
    },
}

/// Punctuation and labels that make up a page number (`第 3 页 / 共 9 页`, `- 3 -`, `3/9`).
fn is_page_number(text: &str) -> bool {
    let rest: String = text
        .chars()
        .filter(|c| {
            !(c.is_ascii_digit()
                || c.is_whitespace()
                || "第页共/-—–.·|Pp".contains(*c)
                || "page of".contains(*c))
        })
        .collect();
    rest.is_empty() && text.chars().any(|c| c.is_ascii_digit())
}

/// A line's text with digits made alike, for recognising running headers and footers.
fn running_key(line: &TextLine) -> String {
    line.text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn no_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Drops running headers and footers: page numbers near the top or bottom edge, and lines
/// that repeat at the same height on at least half the pages.
fn drop_running(pages: &mut [PageLayout]) {
    let n = pages.len();
    let mut seen: BTreeMap<(String, i64), usize> = BTreeMap::new();
    for page in pages.iter() {
        let mut keys: Vec<(String, i64)> = page
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Line(l) => Some((running_key(l), (l.baseline / 3.0).round() as i64)),
                Block::Table(_) => None,
            })
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    for page in pages.iter_mut() {
        let h = page.height;
        page.blocks.retain(|b| {
            let Block::Line(l) = b else { return true };
            let edge = l.baseline < h * 0.12 || l.baseline > h * 0.88;
            if edge && is_page_number(&l.text()) {
                return false;
            }
            let key = (running_key(l), (l.baseline / 3.0).round() as i64);
            let count = seen.get(&key).copied().unwrap_or(0);
            !(edge && n >= 2 && count >= 2 && count * 2 >= n)
        });
    }
}

/// Lines that start the content when a document has a Part 1.
const CONTENT_START: &[&str] = &["第一部分", "第一部分部门整体绩效目标", "一、总体绩效目标"];

/// Drops the front matter: a table of contents (a page headed `目录`, and the pages after
/// it that hold only lines ending in page numbers) and everything before it, then the pages
/// before the first that holds a table or starts Part 1 (a cover: title, unit, date).
fn drop_front_matter(pages: &mut Vec<PageLayout>) {
    drop_contents(pages);
    let start = pages.iter().position(|p| {
        p.blocks.iter().any(|b| match b {
            Block::Table(_) => true,
            Block::Line(l) => CONTENT_START.contains(&no_ws(&l.text()).as_str()),
        })
    });
    if let Some(start) = start {
        pages.drain(..start);
    }
}

fn drop_contents(pages: &mut Vec<PageLayout>) {
    let toc = pages.iter().position(|p| {
        p.blocks
            .iter()
            .any(|b| matches!(b, Block::Line(l) if no_ws(&l.text()) == "目录"))
    });
    let Some(toc) = toc else { return };
    let mut end = toc + 1;
    while end < pages.len() {
        let p = &pages[end];
        let only_entries = !p.blocks.is_empty()
            && p.blocks.iter().all(|b| match b {
                Block::Line(l) => l.text().trim_end().ends_with(|c: char| c.is_ascii_digit()),
                Block::Table(_) => false,
            });
        if !only_entries {
            break;
        }
        end += 1;
    }
    pages.drain(..end);
}

/// State while joining lines of free text into paragraphs.
struct Para {
    text: String,
    place: Place,
    last: TextLine,
    /// The right edge of the text column on the page of the last line.
    right: f64,
    left: f64,
}

/// Whether `next` continues the paragraph whose last line is `p.last`.
fn continues(p: &Para, next: &TextLine, left: f64, new_page: bool) -> bool {
    let prev = &p.last;
    if (prev.size - next.size).abs() > 0.5 {
        return false;
    }
    if !new_page && next.baseline - prev.baseline > 2.6 * next.size {
        return false;
    }
    let first = next.runs.first().map_or(0.0, |r| r.first_word);
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let space = if latin(prev.text().chars().last()) && latin(next.text().chars().next()) {
        0.25 * next.size
    } else {
        0.0
    };
    let full = prev.x1() + space + first > p.right - 0.1 * next.size;
    if !full {
        return false;
    }
    // A line starting further right than the column's left edge starts a paragraph
    // (first-line indent), unless the lines are centred (a long heading).
    let indented = next.x0() - left > 1.5 * next.size;
    let centred = ((next.x0() - left) - (p.right - next.x1())).abs() < 0.6 * next.size;
    !indented || centred
}

/// The content of all pages in reading order.
pub fn assemble(mut pages: Vec<PageLayout>) -> Vec<Item> {
    drop_running(&mut pages);
    drop_front_matter(&mut pages);
    let mut items: Vec<Item> = Vec::new();
    let mut para: Option<Para> = None;
    let mut table_count = 0usize;
    // The table the last item belongs to, if the last thing on the page was a table.
    let mut open_table: Option<(usize, OpenTable)> = None;
    for page in &pages {
        let page_no = page.number;
        // The text column: left and right edge of the single-run free lines.
        let singles = page.blocks.iter().filter_map(|b| match b {
            Block::Line(l) if l.runs.len() == 1 => Some(l),
            _ => None,
        });
        // The right edge is where most lines end (justified lines; a line with hanging
        // punctuation ends further right), the largest on a tie.
        let mut left = f64::INFINITY;
        let mut ends: BTreeMap<i64, usize> = BTreeMap::new();
        for l in singles {
            left = left.min(l.x0());
            *ends.entry(l.x1().round() as i64).or_default() += 1;
        }
        let right = ends
            .keys()
            .map(|x| {
                let near: usize = ends.range(x - 1..=x + 1).map(|(_, n)| n).sum();
                (near, *x)
            })
            .max()
            .map_or(f64::NEG_INFINITY, |(_, x)| x as f64 + 1.0);
        for (bi, block) in page.blocks.iter().enumerate() {
            match block {
                Block::Line(line) if line.runs.len() == 1 => {
                    open_table = None;
                    let new_page = bi == 0;
                    match &mut para {
                        Some(p) if continues(p, line, left.min(p.left), new_page) => {
                            p.text.push_str(&join_text(&p.text, &line.runs[0].text));
                            p.last = line.clone();
                            p.right = right;
                        }
                        _ => {
                            flush(&mut para, &mut items);
                            para = Some(Para {
                                text: line.runs[0].text.clone(),
                                place: Place {
                                    page: page_no,
                                    x: line.x0(),
                                    y: line.top(),
                                },
                                last: line.clone(),
                                right,
                                left,
                            });
                        }
                    }
                }
                Block::Line(line) => {
                    flush(&mut para, &mut items);
                    open_table = None;
                    items.push(Item::Row {
                        cells: line
                            .runs
                            .iter()
                            .map(|r| PlacedCell {
                                text: r.text.clone(),
                                place: Place {
                                    page: page_no,
                                    x: r.x0,
                                    y: line.top(),
                                },
                            })
                            .collect(),
                        table: None,
                    });
                }
                Block::Table(t) => {
                    flush(&mut para, &mut items);
                    let continued = matches!(&open_table,
                        Some((_, open)) if bi == 0 && open.same_columns(t));
                    let index = if continued {
                        open_table.as_ref().map_or(table_count, |o| o.0)
                    } else {
                        table_count += 1;
                        table_count - 1
                    };
                    let rows = table_rows(t, page_no);
                    let mut skip = 0;
                    if continued
                        && let (Some((_, open)), Some(first)) = (&open_table, rows.first())
                        && open.headers.iter().any(|h| same_texts(h, first))
                    {
                        skip = 1;
                    }
                    let mut open = match open_table.take() {
                        Some((_, o)) if continued => o,
                        _ => OpenTable {
                            x0: t.rect.x0,
                            x1: t.rect.x1,
                            headers: Vec::new(),
                            first_row_of_part: true,
                        },
                    };
                    open.first_row_of_part = true;
                    for row in rows.into_iter().skip(skip) {
                        if open.first_row_of_part
                            || row.first().is_some_and(|c| no_ws(&c.text) == "一级指标")
                        {
                            open.headers.push(row.clone());
                        }
                        open.first_row_of_part = false;
                        items.push(Item::Row {
                            cells: row,
                            table: Some(index),
                        });
                    }
                    // Only a table that ends the page can continue on the next one.
                    if bi + 1 == page.blocks.len() {
                        open_table = Some((index, open));
                    } else {
                        open_table = None;
                    }
                }
            }
        }
    }
    flush(&mut para, &mut items);
    items
}

struct OpenTable {
    x0: f64,
    x1: f64,
    /// Rows a continuation may repeat: the first row of each part, and header rows.
    headers: Vec<Vec<PlacedCell>>,
    first_row_of_part: bool,
}

impl OpenTable {
    fn same_columns(&self, t: &Table) -> bool {
        (self.x0 - t.rect.x0).abs() <= 2.0 && (self.x1 - t.rect.x1).abs() <= 2.0
    }
}

fn same_texts(a: &[PlacedCell], b: &[PlacedCell]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.text == y.text)
}

/// The rows of a table as cells with places (see [`Table::rows`]).
fn table_rows(t: &Table, page: usize) -> Vec<Vec<PlacedCell>> {
    t.rows()
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            row.into_iter()
                .map(|rc| {
                    let cell = &t.cells[rc.cell];
                    PlacedCell {
                        text: if rc.continued {
                            String::new()
                        } else {
                            cell.text.clone()
                        },
                        place: Place {
                            page,
                            x: cell.rect.x0,
                            y: t.ys.get(r).copied().unwrap_or(cell.rect.y0),
                        },
                    }
                })
                .collect()
        })
        .collect()
}

/// What joins a wrapped line to the text before it: nothing, or a space between two Latin
/// words.
fn join_text(before: &str, next: &str) -> String {
    let a = before.chars().last();
    let b = next.chars().next();
    if a.is_some_and(|c| c.is_ascii_alphabetic()) && b.is_some_and(|c| c.is_ascii_alphabetic()) {
        format!(" {next}")
    } else {
        next.to_string()
    }
}

fn flush(para: &mut Option<Para>, items: &mut Vec<Item>) {
    if let Some(p) = para.take() {
        items.push(Item::Paragraph(PlacedCell {
            text: p.text,
            place: p.place,
        }));
    }
}
