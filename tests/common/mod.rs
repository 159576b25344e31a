//! Cell extraction shared by the published-fixture test and the import round-trip test.
//!
//! Two independent readers turn a document into the same shape, a [`Cells`]: the Part 1
//! paragraphs and, per table, the heading, the unit line, the cells above the indicator
//! grid and the grid rows. One reads the seed text (the published .docx extraction), the
//! other reads the aligned text `jixiao build --format text` prints. Neither uses the
//! importer, so a test comparing them checks the importer and the renderer together.
//!
//! What is normalised, and why (everything else must be equal character for character):
//! - Cell padding: the text grid pads every cell line with spaces to the column width, so
//!   trailing blanks of a cell line cannot be told from padding and are trimmed on both
//!   sides; a row is as tall as its tallest cell, so trailing empty lines are dropped.
//! - Whitespace-only cells: the extraction writes an empty cell as a lone space.
//! - Spacer columns: the district layout pads rows with empty columns the grid does not
//!   have; header columns without a label are dropped with their cells, and trailing
//!   empty cells of the rows above the grid are dropped.
//! - Amounts: the layout prints an amount with two decimals; a space the extraction shows
//!   before an amount (` 2076.00`) is not part of it.
//! - Fixed labels: the published `其中：财政    资金` is the renderer's `其中：财政资金`;
//!   labels are compared without whitespace.
//! - The merged 一级指标 cell: the grid prints it once per group, the seeds print it blank
//!   or repeat it; a blank 一级 cell takes the name of the row above on both sides.
//! - Part 1: the renderer prints the section labels `第一部分 部门整体绩效目标` on one line
//!   and a document title first; those fixed labels and the title are not cells.
//! - Wrapping (only in [`Cells::squashed`]): at a normal page width long cells wrap at
//!   arbitrary columns, so a space at a break is indistinguishable from padding; the
//!   squashed comparison removes all whitespace. The strict comparison renders wide
//!   enough that nothing wraps.

#![allow(dead_code)] // each test binary uses part of this module

/// Everything a published document shows, as cells in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cells {
    pub part1: Vec<String>,
    pub tables: Vec<TableCells>,
}

/// One 绩效目标表.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableCells {
    pub heading: String,
    pub unit_line: String,
    pub amount_label: String,
    /// The cells above the grid (项目编码, 项目名称, budget, purpose, plan, goals), in order.
    pub top: Vec<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Labels that belong to the layout, compared without whitespace.
const FIXED_LABELS: &[&str] = &[
    "项目编码",
    "项目名称",
    "预算规模及资金用途",
    "预算数",
    "其中：财政资金",
    "其他资金",
    "资金支出计划（%）",
    "绩效目标",
];

/// The labels whose next cell is an amount.
const AMOUNT_LABELS: &[&str] = &["预算数", "其中：财政资金", "其他资金"];

const PART_LABELS: &[&str] = &[
    "第一部分",
    "部门整体绩效目标",
    "第二部分",
    "预算项目绩效目标",
    "第一部分部门整体绩效目标",
    "第二部分预算项目绩效目标",
];

fn no_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A cell's text with padding normalised (see the module documentation).
pub fn norm(cell: &str) -> String {
    let lines: Vec<&str> = cell.split('\n').map(str::trim_end).collect();
    let mut text = lines.join("\n");
    while text.ends_with('\n') {
        text.pop();
    }
    let squeezed = no_ws(&text);
    if FIXED_LABELS.contains(&squeezed.as_str()) {
        return squeezed;
    }
    text
}

fn strip_markers(s: &str) -> String {
    let mut out = String::new();
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

fn is_heading(line: &str) -> bool {
    if line.starts_with('\t') {
        return false;
    }
    let clean = strip_markers(line);
    let clean = clean.trim();
    let digits = clean.len() - clean.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && clean[digits..].starts_with('.') && clean.ends_with("绩效目标表")
}

/// Reads the seed (published extraction) text.
pub fn from_seed(text: &str) -> Cells {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| is_heading(lines[i])).collect();
    let mut cells = Cells::default();
    for line in &lines[..starts.first().copied().unwrap_or(lines.len())] {
        let clean = strip_markers(line);
        if clean.trim().is_empty() || PART_LABELS.contains(&no_ws(&clean).as_str()) {
            continue;
        }
        cells.part1.push(clean.trim_end().to_string());
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        cells
            .tables
            .push(seed_table(lines[start], &lines[start + 1..end]));
    }
    cells
}

/// Rows of cells: a tab starts a cell, a blank line ends a row (or is an empty paragraph
/// inside a cell, see `merge_rows`), a line without a tab continues the last cell.
fn seed_rows(body: &[&str]) -> Vec<(Vec<String>, usize)> {
    let mut rows: Vec<(Vec<String>, usize)> = Vec::new();
    let mut current: Option<Vec<String>> = None;
    let mut blanks = 0;
    for line in body {
        if let Some(rest) = line.strip_prefix('\t') {
            if blanks > 0
                && let Some(row) = current.take()
            {
                rows.push((row, blanks));
            }
            blanks = 0;
            let row = current.get_or_insert_with(Vec::new);
            row.extend(rest.split('\t').map(strip_markers));
        } else if line.is_empty() {
            if current.is_some() {
                blanks += 1;
            }
        } else if line.trim().is_empty() {
            if let Some(row) = current.take() {
                rows.push((row, usize::MAX));
            }
            blanks = 0;
        } else if let Some(cell) = current.as_mut().and_then(|r| r.last_mut()) {
            cell.push_str(&"\n".repeat(blanks + 1));
            cell.push_str(&strip_markers(line));
            blanks = 0;
        } else {
            panic!("seed line outside any cell: {line}");
        }
    }
    if let Some(row) = current {
        rows.push((row, usize::MAX));
    }
    rows
}

/// A grid row split by an empty paragraph at the end of a cell continues in the next
/// blank-separated group; join groups until the row has `width` cells.
fn merge_rows(rows: Vec<(Vec<String>, usize)>, width: usize) -> Vec<Vec<String>> {
    let mut out: Vec<(Vec<String>, usize)> = Vec::new();
    for (row, blanks) in rows {
        if let Some((prev, prev_blanks)) = out.last_mut()
            && prev.len() < width
            && *prev_blanks != usize::MAX
            && prev.len() + row.len() <= width
        {
            if let Some(last) = prev.last_mut() {
                last.push_str(&"\n".repeat(*prev_blanks));
            }
            prev.extend(row);
            *prev_blanks = blanks;
            continue;
        }
        out.push((row, blanks));
    }
    out.into_iter().map(|(r, _)| r).collect()
}

fn seed_table(heading: &str, body: &[&str]) -> TableCells {
    let rows = seed_rows(body);
    let h = rows
        .iter()
        .position(|(r, _)| r.first().is_some_and(|c| c.trim() == "一级指标"))
        .expect("seed table without 一级指标 header");
    let header = rows[h].0.clone();
    let grid = merge_rows(rows[h + 1..].to_vec(), header.len());
    let unit_row: Vec<&String> = rows[0].0.iter().filter(|c| !c.trim().is_empty()).collect();
    assemble(
        strip_markers(heading).trim().to_string(),
        unit_row[0].trim().to_string(),
        unit_row[unit_row.len() - 1].trim().to_string(),
        rows[1..h].iter().map(|(r, _)| r.clone()).collect(),
        header,
        grid,
    )
}

/// Normalises cells and applies the layout rules shared by both readers.
fn assemble(
    heading: String,
    unit_line: String,
    amount_label: String,
    top_rows: Vec<Vec<String>>,
    header: Vec<String>,
    grid: Vec<Vec<String>>,
) -> TableCells {
    let mut top = Vec::new();
    for row in top_rows {
        let mut row: Vec<String> = row.iter().map(|c| norm(c)).collect();
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        // An amount is a number the layout prints with two decimals; the extraction
        // sometimes shows it with a leading space (` 2076.00`), which is not part of it.
        for k in 1..row.len() {
            if AMOUNT_LABELS.contains(&row[k - 1].as_str()) {
                row[k] = row[k].trim().to_string();
            }
        }
        top.extend(row);
    }
    let keep: Vec<usize> = (0..header.len())
        .filter(|&i| !header[i].trim().is_empty())
        .collect();
    let mut rows = Vec::new();
    let mut level1 = String::new();
    for row in grid {
        let mut cells: Vec<String> = keep
            .iter()
            .map(|&i| norm(row.get(i).map(String::as_str).unwrap_or("")))
            .collect();
        if cells[0].is_empty() {
            cells[0] = level1.clone();
        }
        level1 = cells[0].clone();
        rows.push(cells);
    }
    TableCells {
        heading: norm(&heading),
        unit_line: norm(&unit_line),
        amount_label: norm(&amount_label),
        top,
        header: keep.iter().map(|&i| norm(&header[i])).collect(),
        rows,
    }
}

fn is_rule(line: &str) -> bool {
    line.chars().any(|c| "─┼├┤┬┴┌┐└┘".contains(c))
        && line
            .chars()
            .all(|c| c == ' ' || ('\u{2500}'..='\u{257f}').contains(&c))
}

/// Reads the aligned text the renderer prints.
pub fn from_rendered(text: &str) -> Cells {
    let lines: Vec<&str> = text.lines().collect();
    let mut cells = Cells::default();
    // The first table starts after the title and, when present, Part 1.
    let mut i = 1;
    let part2 = lines
        .iter()
        .position(|l| no_ws(l) == "第二部分预算项目绩效目标");
    if let Some(end) = part2 {
        for line in &lines[1..end] {
            if line.trim().is_empty() || PART_LABELS.contains(&no_ws(line).as_str()) {
                continue;
            }
            cells.part1.push(line.trim_end().to_string());
        }
        i = end + 1;
    }
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    while i < lines.len() {
        let top = lines[i..]
            .iter()
            .position(|l| l.starts_with('┌'))
            .map(|p| p + i)
            .expect("table without grid");
        let bottom = lines[top..]
            .iter()
            .position(|l| l.starts_with('└'))
            .map(|p| p + top)
            .expect("grid without bottom rule");
        cells
            .tables
            .push(rendered_table(&lines[i..top], &lines[top..=bottom]));
        i = bottom + 1;
        while i < lines.len() && lines[i].trim().is_empty() {
            i += 1;
        }
    }
    cells
}

fn rendered_table(head: &[&str], grid: &[&str]) -> TableCells {
    // The last line ends with the amount label; the unit line is on it or, when too long
    // for the page, on the lines above it.
    let last = head[head.len() - 1];
    let label_at = last.rfind("单位：").expect("unit line without 单位：");
    let (left, label) = last.split_at(label_at);
    let (heading_lines, unit_line) = if left.trim().is_empty() {
        (&head[..head.len() - 2], head[head.len() - 2].to_string())
    } else {
        (&head[..head.len() - 1], left.to_string())
    };
    let heading: String = heading_lines.concat();
    let mut bands: Vec<Vec<String>> = Vec::new();
    let mut band: Vec<&str> = Vec::new();
    for line in grid {
        if is_rule(line) {
            if !band.is_empty() {
                bands.push(band_cells(&band));
                band.clear();
            }
        } else {
            band.push(line);
        }
    }
    let h = bands
        .iter()
        .position(|b| b.first().is_some_and(|c| c.trim() == "一级指标"))
        .expect("grid without header");
    assemble(
        heading,
        unit_line.trim().to_string(),
        label.trim().to_string(),
        bands[..h].to_vec(),
        bands[h].clone(),
        bands[h + 1..].to_vec(),
    )
}

/// The cells of one grid row: the lines between two rules, split at the borders. Lines
/// the renderer wrapped are joined again: a line was broken by wrapping exactly when the
/// next line's first character would not have fitted after it (the greedy rule of
/// `render::text::wrap`); otherwise the break was a line break in the cell.
fn band_cells(lines: &[&str]) -> Vec<String> {
    use jixiao::render::text::display_width;
    let split: Vec<Vec<&str>> = lines
        .iter()
        .map(|l| {
            let inner = l.trim_start_matches('│').trim_end_matches('│');
            inner.split('│').collect()
        })
        .collect();
    let columns = split[0].len();
    (0..columns)
        .map(|k| {
            let pieces: Vec<&str> = split
                .iter()
                .map(|parts| parts.get(k).copied().unwrap_or(""))
                .collect();
            let width = display_width(pieces[0]);
            let mut text = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                let line = piece.trim_end();
                if i > 0 {
                    let prev = pieces[i - 1].trim_end();
                    let next = line
                        .chars()
                        .next()
                        .map_or(0, |c| display_width(&c.to_string()));
                    let wrapped = next > 0 && display_width(prev) + next > width;
                    if !wrapped {
                        text.push('\n');
                    }
                }
                text.push_str(line);
            }
            text
        })
        .collect()
}

impl Cells {
    /// The same cells with all whitespace removed, for comparing a wrapped rendering.
    /// Part 1 paragraphs wrap at the page width, so they are compared as one text.
    pub fn squashed(&self) -> Cells {
        let sq = |v: &[String]| v.iter().map(|s| no_ws(s)).collect::<Vec<_>>();
        Cells {
            part1: vec![no_ws(&self.part1.concat())],
            tables: self
                .tables
                .iter()
                .map(|t| TableCells {
                    heading: no_ws(&t.heading),
                    unit_line: no_ws(&t.unit_line),
                    amount_label: no_ws(&t.amount_label),
                    top: sq(&t.top),
                    header: sq(&t.header),
                    rows: t.rows.iter().map(|r| sq(r)).collect(),
                })
                .collect(),
        }
    }
}

/// Compares two extractions cell by cell and panics with every difference, located.
pub fn assert_same(name: &str, expected: &Cells, actual: &Cells) {
    let mut diffs = Vec::new();
    let mut cmp = |place: String, e: &str, a: &str| {
        if e != a {
            diffs.push(format!("{place}\n    seed:     {e:?}\n    rendered: {a:?}"));
        }
    };
    cmp(
        "Part 1 paragraph count".into(),
        &expected.part1.len().to_string(),
        &actual.part1.len().to_string(),
    );
    for (i, (e, a)) in expected.part1.iter().zip(&actual.part1).enumerate() {
        cmp(format!("Part 1 paragraph {}", i + 1), e, a);
    }
    cmp(
        "table count".into(),
        &expected.tables.len().to_string(),
        &actual.tables.len().to_string(),
    );
    for (n, (e, a)) in expected.tables.iter().zip(&actual.tables).enumerate() {
        let t = n + 1;
        cmp(format!("table {t} heading"), &e.heading, &a.heading);
        cmp(format!("table {t} unit line"), &e.unit_line, &a.unit_line);
        cmp(
            format!("table {t} amount label"),
            &e.amount_label,
            &a.amount_label,
        );
        cmp(
            format!("table {t} cells above the grid"),
            &e.top.len().to_string(),
            &a.top.len().to_string(),
        );
        for (k, (x, y)) in e.top.iter().zip(&a.top).enumerate() {
            cmp(format!("table {t} cell {} above the grid", k + 1), x, y);
        }
        cmp(
            format!("table {t} header"),
            &e.header.join(" | "),
            &a.header.join(" | "),
        );
        cmp(
            format!("table {t} indicator rows"),
            &e.rows.len().to_string(),
            &a.rows.len().to_string(),
        );
        for (r, (x, y)) in e.rows.iter().zip(&a.rows).enumerate() {
            for (c, (p, q)) in x.iter().zip(y).enumerate() {
                cmp(
                    format!("table {t} indicator row {} column {}", r + 1, c + 1),
                    p,
                    q,
                );
            }
            cmp(
                format!("table {t} indicator row {} width", r + 1),
                &x.len().to_string(),
                &y.len().to_string(),
            );
        }
    }
    if !diffs.is_empty() {
        let shown = diffs.len().min(25);
        panic!(
            "{name}: {} cell(s) differ:\n{}",
            diffs.len(),
            diffs[..shown].join("\n")
        );
    }
}

/// The rendered text of a loaded document at a page width.
pub fn render(doc: &jixiao::model::Document, width: usize) -> String {
    let view = jixiao::table::DocumentView::new(doc);
    jixiao::render::text::render_document(&view, width)
}

/// Loads a document (file or folder), panicking with the diagnostics if it has errors.
pub fn load(path: &std::path::Path) -> jixiao::model::Document {
    let mut sources = jixiao::span::Sources::new();
    let loaded = jixiao::load::load_path(path, &mut sources);
    match loaded.document {
        Some(d) => d,
        None => panic!(
            "{} does not load:\n{}",
            path.display(),
            jixiao::diag::render_short(&loaded.diagnostics, &sources)
        ),
    }
}

/// A page wide enough that no cell or paragraph wraps.
pub fn wide_width(seed: &Cells) -> usize {
    let widest = seed
        .part1
        .iter()
        .chain(
            seed.tables
                .iter()
                .flat_map(|t| t.top.iter().chain(t.rows.iter().flatten())),
        )
        .flat_map(|c| c.split('\n'))
        .map(jixiao::render::text::display_width)
        .max()
        .unwrap_or(0);
    // Room for the widest cell in any column plus labels and borders.
    widest * 2 + 200
}

/// The seed files: (seed file name, fixture name, table count).
pub const SEEDS: &[(&str, &str, usize)] = &[
    (
        "000_eb8e08f4f817b45b.txt",
        "tianjin-binhai-shangwu-2026",
        10,
    ),
    ("002_886ba5cadf99e5de.txt", "tangshan-shangwu-2024", 41),
    ("003_813bddfcf701135a.txt", "tianjin-gongxin-2025", 15),
];

/// Where the seeds live: `JIXIAO_SEEDS`, else `tests/fixtures/seeds` in the repository,
/// else the shared folder of the team machine.
pub fn seeds_dir() -> std::path::PathBuf {
    if let Ok(dir) = std::env::var("JIXIAO_SEEDS") {
        return dir.into();
    }
    let local = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    if local.is_dir() {
        return local;
    }
    "/work/shared/seeds".into()
}

/// The text of a seed file.
pub fn seed_text(file: &str) -> String {
    let path = seeds_dir().join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
