//! One page's glyphs and rulings → tables of cells and lines of free text.
//!
//! Tables are found from their rulings: horizontal and vertical lines that touch form one
//! table; the distinct y of its horizontal lines and x of its vertical lines form a grid,
//! and two neighbouring grid cells belong to the same (merged) cell when no ruling
//! separates them. Glyphs go to the cell their centre lies in; a cell's glyphs form lines,
//! and lines join into paragraphs unless a line ends short of the cell's right edge (then
//! the next line starts a new paragraph: a line break the author typed). Glyphs outside
//! every table form lines of free text, split where a wide gap separates two runs (the
//! unit line: unit on the left, `单位：元` on the right).
//!
//! Like `extract.rs`, this file uses nothing else from jixiao.

use super::extract::{Glyph, PageContent, Segment};

/// Two rulings this close (points) are the same line; a gap this small does not break one.
const TOL: f64 = 1.5;

/// A rectangle on the page, top-left origin.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// One cell of a rebuilt table: its text and where it sits in the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Paragraphs joined by `\n`; wrapped lines joined without a break.
    pub text: String,
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    pub rect: Rect,
}

/// A table as drawn on one page.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column boundaries (x) and row boundaries (y) of the grid.
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Every cell, ordered by row then column of its top-left grid cell.
    pub cells: Vec<Cell>,
    pub rect: Rect,
}

impl Table {
    /// The rows as the table shows them: for each grid row, the cells that start in it, and
    /// an empty placeholder where a cell from a row above continues (as a vertically merged
    /// cell reads in a word processor). Each entry: (text, first grid column, columns).
    pub fn rows(&self) -> Vec<Vec<RowCell>> {
        let nr = self.ys.len().saturating_sub(1);
        let mut out: Vec<Vec<RowCell>> = vec![Vec::new(); nr];
        for (i, c) in self.cells.iter().enumerate() {
            for r in c.row..c.row + c.rows {
                if let Some(row) = out.get_mut(r) {
                    row.push(RowCell {
                        cell: i,
                        continued: r != c.row,
                        col: c.col,
                        cols: c.cols,
                    });
                }
            }
        }
        for row in &mut out {
            row.sort_by_key(|c| c.col);
        }
        out
    }
}

/// A cell as one grid row shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowCell {
    /// Index into [`Table::cells`].
    pub cell: usize,
    /// The cell started in a row above (a merged cell's continuation).
    pub continued: bool,
    pub col: usize,
    pub cols: usize,
}

/// A line of text outside every table, in runs separated by wide gaps.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub runs: Vec<Run>,
    pub baseline: f64,
    pub size: f64,
}

impl TextLine {
    pub fn x0(&self) -> f64 {
        self.runs.first().map_or(0.0, |r| r.x0)
    }

    pub fn x1(&self) -> f64 {
        self.runs.last().map_or(0.0, |r| r.x1)
    }

    pub fn top(&self) -> f64 {
        self.baseline - 0.85 * self.size
    }

    /// All runs joined by a space.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.runs.iter().map(|r| r.text.as_str()).collect();
        parts.join(" ")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Width of the first glyph, to tell whether the previous line was full.
    pub first_word: f64,
}

/// What a page shows, top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Line(TextLine),
    Table(Table),
}

impl Block {
    pub fn top(&self) -> f64 {
        match self {
            Block::Line(l) => l.top(),
            Block::Table(t) => t.rect.y0,
        }
    }
}

/// Why a page cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub enum LayoutError {
    /// The rulings do not form rectangular cells around text.
    Irregular { x: f64, y: f64 },
    /// A glyph has no Unicode text (the font lacks a ToUnicode map).
    Unmapped { x: f64, y: f64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct PageLayout {
    /// 1-based page number in the file.
    pub number: usize,
    pub width: f64,
    pub height: f64,
    pub blocks: Vec<Block>,
}

/// Rebuilds a page.
pub fn layout(page: &PageContent, number: usize) -> Result<PageLayout, LayoutError> {
    let lines = merge_segments(&page.segments);
    let mut tables = Vec::new();
    for component in components(&lines) {
        if let Some(t) = grid(&component)? {
            tables.push(t);
        }
    }
    // Glyphs into cells, the rest into free text.
    let mut cell_glyphs: Vec<Vec<Vec<&Glyph>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); t.cells.len()])
        .collect();
    let mut free: Vec<&Glyph> = Vec::new();
    for g in &page.glyphs {
        let (cx, cy) = (g.center_x(), g.center_y());
        if cx < -1.0 || cy < -1.0 || cx > page.width + 1.0 || cy > page.height + 1.0 {
            continue; // outside the page: not shown
        }
        let text = match &g.text {
            Some(t) => t,
            None => return Err(LayoutError::Unmapped { x: cx, y: cy }),
        };
        if text.chars().all(char::is_control) {
            continue;
        }
        let mut placed = false;
        for (ti, t) in tables.iter().enumerate() {
            match cell_at(t, cx, cy) {
                Inside::Cell(ci) => {
                    cell_glyphs[ti][ci].push(g);
                    placed = true;
                    break;
                }
                Inside::Gap => return Err(LayoutError::Irregular { x: cx, y: cy }),
                Inside::Outside => {}
            }
        }
        if !placed {
            free.push(g);
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    for (ti, mut t) in tables.into_iter().enumerate() {
        let groups = &cell_glyphs[ti];
        let inset = table_inset(&t, groups);
        let leading = table_leading(groups);
        for (ci, glyphs) in groups.iter().enumerate() {
            let cell = &mut t.cells[ci];
            cell.text = cell_text(glyphs, cell.rect, inset, leading, page.gap_spaces);
        }
        same_text_same_breaks(&mut t);
        blocks.push(Block::Table(t));
    }
    for line in text_lines(&free, page.gap_spaces) {
        blocks.push(Block::Line(line));
    }
    blocks.sort_by(|a, b| a.top().total_cmp(&b.top()));
    Ok(PageLayout {
        number,
        width: page.width,
        height: page.height,
        blocks,
    })
}

/// A line break the author typed where the line was full anyway cannot be told from a
/// wrap. When two cells of a row hold the same text (a description repeating the
/// indicator name) and a wider cell shows a break the narrower one lacks, the break is
/// the author's: both get it.
fn same_text_same_breaks(t: &mut Table) {
    let flat = |s: &str| s.replace('\n', "");
    for i in 0..t.cells.len() {
        for j in 0..t.cells.len() {
            let (a, b) = (&t.cells[i], &t.cells[j]);
            if i == j || a.row != b.row || a.text == b.text || a.text.is_empty() {
                continue;
            }
            let more_breaks = b.text.matches('\n').count() > a.text.matches('\n').count();
            if more_breaks && flat(&a.text) == flat(&b.text) {
                t.cells[i].text = t.cells[j].text.clone();
            }
        }
    }
}

/// Collinear pieces of the same ruling joined into one line.
fn merge_segments(segments: &[Segment]) -> Vec<Segment> {
    let mut out = Vec::new();
    for horizontal in [true, false] {
        let mut segs: Vec<Segment> = segments
            .iter()
            .filter(|s| s.horizontal == horizontal && s.to - s.from > 0.5)
            .copied()
            .collect();
        segs.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
        // Cluster by position, then merge overlapping pieces within a cluster.
        let mut i = 0;
        while i < segs.len() {
            let mut j = i + 1;
            while j < segs.len() && segs[j].at - segs[j - 1].at <= 0.8 {
                j += 1;
            }
            let mut cluster: Vec<Segment> = segs[i..j].to_vec();
            let at = cluster.iter().map(|s| s.at).sum::<f64>() / cluster.len() as f64;
            cluster.sort_by(|a, b| a.from.total_cmp(&b.from));
            let mut cur: Option<Segment> = None;
            for s in cluster {
                match &mut cur {
                    Some(c) if s.from <= c.to + TOL => c.to = c.to.max(s.to),
                    _ => {
                        if let Some(c) = cur.take() {
                            out.push(c);
                        }
                        cur = Some(Segment { at, ..s });
                    }
                }
            }
            if let Some(c) = cur {
                out.push(c);
            }
            i = j;
        }
    }
    out
}

fn touches(h: &Segment, v: &Segment) -> bool {
    v.at >= h.from - TOL * 2.0
        && v.at <= h.to + TOL * 2.0
        && h.at >= v.from - TOL * 2.0
        && h.at <= v.to + TOL * 2.0
}

/// Groups of rulings that touch each other (one group per table).
fn components(lines: &[Segment]) -> Vec<Vec<Segment>> {
    let n = lines.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let hs: Vec<usize> = (0..n).filter(|&i| lines[i].horizontal).collect();
    let vs: Vec<usize> = (0..n).filter(|&i| !lines[i].horizontal).collect();
    for &h in &hs {
        for &v in &vs {
            if touches(&lines[h], &lines[v]) {
                let (a, b) = (find(&mut parent, h), find(&mut parent, v));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Segment>> = Default::default();
    for (i, line) in lines.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(*line);
    }
    groups.into_values().collect()
}

/// Distinct positions, clustered.
fn boundaries(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<Vec<f64>> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some(c) if v - c[c.len() - 1] <= TOL => c.push(v),
            _ => out.push(vec![v]),
        }
    }
    out.into_iter()
        .map(|c| c.iter().sum::<f64>() / c.len() as f64)
        .collect()
}

/// The grid and cells of one group of rulings; `None` when it is no table (a lone line,
/// an underline, a box around nothing).
fn grid(lines: &[Segment]) -> Result<Option<Table>, LayoutError> {
    let hs: Vec<&Segment> = lines.iter().filter(|s| s.horizontal).collect();
    let vs: Vec<&Segment> = lines.iter().filter(|s| !s.horizontal).collect();
    if hs.len() < 2 || vs.len() < 2 {
        return Ok(None);
    }
    let ys = boundaries(hs.iter().map(|s| s.at).collect());
    let xs = boundaries(vs.iter().map(|s| s.at).collect());
    if ys.len() < 2 || xs.len() < 2 {
        return Ok(None);
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let has_v = |k: usize, r: usize| {
        let mid = (ys[r] + ys[r + 1]) / 2.0;
        vs.iter()
            .any(|s| (s.at - xs[k]).abs() <= TOL && s.from <= mid && s.to >= mid)
    };
    let has_h = |k: usize, c: usize| {
        let mid = (xs[c] + xs[c + 1]) / 2.0;
        hs.iter()
            .any(|s| (s.at - ys[k]).abs() <= TOL && s.from <= mid && s.to >= mid)
    };
    let idx = |r: usize, c: usize| r * nc + c;
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let union = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    };
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && !has_v(c + 1, r) {
                union(&mut parent, idx(r, c), idx(r, c + 1));
            }
            if r + 1 < nr && !has_h(r + 1, c) {
                union(&mut parent, idx(r, c), idx(r + 1, c));
            }
        }
    }
    // Each group's extent in the grid.
    let mut extent: std::collections::BTreeMap<usize, (usize, usize, usize, usize, usize)> =
        Default::default();
    for r in 0..nr {
        for c in 0..nc {
            let root = find(&mut parent, idx(r, c));
            let e = extent.entry(root).or_insert((r, c, r, c, 0));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
            e.4 += 1;
        }
    }
    let mut cells = Vec::new();
    for (r0, c0, r1, c1, count) in extent.into_values() {
        let rect = Rect {
            x0: xs[c0],
            y0: ys[r0],
            x1: xs[c1 + 1],
            y1: ys[r1 + 1],
        };
        if count != (r1 - r0 + 1) * (c1 - c0 + 1) {
            // Not a rectangle: borders missing around it. Where the shape is open to the
            // outside this is empty space beside a narrower part of the table; the glyph
            // assignment below reports it if text falls into it.
            cells.push(Cell {
                text: String::new(),
                row: r0,
                col: c0,
                rows: 0,
                cols: 0,
                rect,
            });
            continue;
        }
        cells.push(Cell {
            text: String::new(),
            row: r0,
            col: c0,
            rows: r1 - r0 + 1,
            cols: c1 - c0 + 1,
            rect,
        });
    }
    cells.sort_by_key(|c| (c.row, c.col));
    let rect = Rect {
        x0: xs[0],
        y0: ys[0],
        x1: xs[nc],
        y1: ys[nr],
    };
    Ok(Some(Table {
        xs,
        ys,
        cells,
        rect,
    }))
}

enum Inside {
    Cell(usize),
    /// Within the table's outline but in no rectangular cell: the rulings are broken.
    Gap,
    Outside,
}

/// Which cell of `t` the point is in.
fn cell_at(t: &Table, x: f64, y: f64) -> Inside {
    if x < t.rect.x0 || x > t.rect.x1 || y < t.rect.y0 || y > t.rect.y1 {
        return Inside::Outside;
    }
    let found = t.cells.iter().position(|c| {
        c.rows > 0 && x >= c.rect.x0 && x <= c.rect.x1 && y >= c.rect.y0 && y <= c.rect.y1
    });
    match found {
        Some(i) => Inside::Cell(i),
        None => Inside::Gap,
    }
}

/// The padding between a cell's border and its text: the left gap most cells share
/// (left-aligned cells all start at it; centred ones vary), the smaller one on a tie.
fn table_inset(t: &Table, groups: &[Vec<&Glyph>]) -> f64 {
    let mut counts: std::collections::BTreeMap<i64, usize> = Default::default();
    for (c, glyphs) in t.cells.iter().zip(groups) {
        let gap = glyphs
            .iter()
            .map(|g| g.x0 - c.rect.x0)
            .fold(f64::INFINITY, f64::min);
        if (0.0..=20.0).contains(&gap) {
            *counts.entry((gap * 2.0).round() as i64).or_default() += 1;
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(4.0, |(k, _)| *k as f64 / 2.0)
}

/// Glyphs grouped into lines (by baseline), each sorted left to right, lines top to bottom.
fn group_lines<'a>(glyphs: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line)
                if (g.baseline - line[0].baseline).abs() <= 0.3 * g.size.max(line[0].size) =>
            {
                line.push(g)
            }
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // A glyph drawn twice at the same place (fill then stroke, or fake bold) once.
        line.dedup_by(|b, a| a.text == b.text && (a.x0 - b.x0).abs() < 0.2 * a.size);
    }
    lines
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Text of one line's glyphs; with `gap_spaces` (the PDF draws no space glyphs), a gap
/// wider than a third of the font size is a space.
fn line_string(line: &[&Glyph], gap_spaces: bool) -> String {
    let mut s = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in line {
        let text = g.text.as_deref().unwrap_or("");
        if let Some(p) = prev {
            let gap = g.x0 - p.x1;
            let p_space = p.text.as_deref().is_some_and(|t| t.trim().is_empty());
            if gap_spaces && gap > 0.3 * g.size.max(p.size) && !p_space && !text.trim().is_empty() {
                s.push(' ');
            }
        }
        s.push_str(text);
        prev = Some(g);
    }
    s
}

const OPENING: &str = "（([{【《“‘〈「『〔";
const CLOSING: &str = "）)]}】》”’〉」』〕，。、；：！？,.;:!?%％…·";

fn first_char(g: &Glyph) -> Option<char> {
    g.text.as_deref().and_then(|t| t.chars().next())
}

/// The width the next line's first word needs: when the previous line had room for it,
/// the author broke the line; otherwise the line wrapped. A word is what a line may not
/// be broken inside: Latin letters and digits together, an opening bracket with what
/// follows, closing punctuation with what precedes (`（%）` is one word).
fn first_word_width(line: &[&Glyph]) -> f64 {
    let Some(first) = line.first() else {
        return 0.0;
    };
    let mut end = first.x1;
    for w in line.windows(2) {
        let (a, b) = (first_char(w[0]), first_char(w[1]));
        let (Some(a), Some(b)) = (a, b) else { break };
        if b.is_whitespace() {
            break;
        }
        let latin = |c: char| !is_cjk(c) && !c.is_whitespace();
        let glued = OPENING.contains(a)
            || CLOSING.contains(b)
            || (latin(a) && latin(b))
            || (CLOSING.contains(a) && latin(b));
        if !glued {
            break;
        }
        end = end.max(w[1].x1);
    }
    end - first.x0
}

/// Joins lines into text: a wrapped line continues the paragraph, a line that ended with
/// room to spare for the next line's first word ends it, and so does a gap between lines
/// wider than the cell's line spacing (paragraph spacing). The decisions use the lines
/// without spaces at their ends; the text keeps the spaces that were drawn.
fn join_lines(raw: &[Vec<&Glyph>], right: f64, leading: f64, gap_spaces: bool) -> String {
    let lines: Vec<(Vec<&Glyph>, &Vec<&Glyph>)> = raw
        .iter()
        .map(|l| (trim_spaces(l.clone()), l))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    let mut out = String::new();
    for (i, (line, raw_line)) in lines.iter().enumerate() {
        let text = line_string(raw_line, gap_spaces);
        if i > 0 {
            let prev = &lines[i - 1].0;
            let last = prev.last().copied();
            let size = line[0].size;
            let prev_end = last.map_or(0.0, |g| g.x1);
            let latin_break = last.and_then(first_char).is_some_and(|c| !is_cjk(c))
                && first_char(line[0]).is_some_and(|c| !is_cjk(c));
            let space = if latin_break { 0.25 * size } else { 0.0 };
            let full = prev_end + space + first_word_width(line) > right - 0.1 * size;
            let gap = line[0].baseline - prev[0].baseline;
            let spaced = leading.is_finite() && gap > leading + 0.2 * size;
            if full && !spaced {
                // Between two Latin words the wrap took a space (not inside a number,
                // which only an overlong line breaks), unless the space was drawn.
                let a = out.chars().last();
                let b = text.chars().next();
                if a.is_some_and(|c| c.is_ascii_alphabetic())
                    && b.is_some_and(|c| c.is_ascii_alphabetic())
                {
                    out.push(' ');
                }
            } else {
                out.push('\n');
            }
        }
        out.push_str(&text);
    }
    if out.trim().is_empty() {
        return String::new();
    }
    out
}

/// The smallest distance between the baselines of two lines in one cell: the line
/// spacing; paragraphs set further apart are separate paragraphs.
fn table_leading(groups: &[Vec<&Glyph>]) -> f64 {
    let mut best = f64::INFINITY;
    for glyphs in groups {
        let lines = group_lines(glyphs);
        for w in lines.windows(2) {
            let d = w[1][0].baseline - w[0][0].baseline;
            if d > 0.5 * w[1][0].size {
                best = best.min(d);
            }
        }
    }
    best
}

fn cell_text(glyphs: &[&Glyph], rect: Rect, inset: f64, leading: f64, gap_spaces: bool) -> String {
    join_lines(&group_lines(glyphs), rect.x1 - inset, leading, gap_spaces)
}

fn trim_spaces(mut line: Vec<&Glyph>) -> Vec<&Glyph> {
    let blank = |g: &&Glyph| g.text.as_deref().is_none_or(|t| t.trim().is_empty());
    while line.last().is_some_and(blank) {
        line.pop();
    }
    let lead = line.iter().take_while(|g| blank(g)).count();
    line.drain(..lead);
    line
}

/// Free text as lines, each split into runs at gaps wider than two characters.
fn text_lines(glyphs: &[&Glyph], gap_spaces: bool) -> Vec<TextLine> {
    let mut out = Vec::new();
    for line in group_lines(glyphs) {
        let line = trim_spaces(line);
        if line.is_empty() {
            continue;
        }
        let size = line.iter().map(|g| g.size).fold(0.0, f64::max);
        let mut runs: Vec<Vec<&Glyph>> = Vec::new();
        for g in line.iter().copied() {
            match runs.last_mut() {
                Some(run) if g.x0 - run[run.len() - 1].x1 <= 2.0 * size => run.push(g),
                _ => runs.push(vec![g]),
            }
        }
        let runs: Vec<Run> = runs
            .into_iter()
            .map(trim_spaces)
            .filter(|r| !r.is_empty())
            .map(|r| Run {
                text: line_string(&r, gap_spaces),
                x0: r[0].x0,
                x1: r[r.len() - 1].x1,
                first_word: first_word_width(&r),
            })
            .collect();
        if runs.is_empty() {
            continue;
        }
        out.push(TextLine {
            baseline: line[0].baseline,
            size,
            runs,
        });
    }
    out
}
