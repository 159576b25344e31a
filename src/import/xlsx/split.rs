//! The budget system's split-column layout (预算管理一体化, and `--xlsx-layout split`):
//! project header rows (`项目名称：…`, `预算金额（万元）：…`, the label in one cell and the
//! value in the next, or both in one), each followed by its indicator grid, many projects
//! a sheet or one, titles and notes above. A sheet is in this layout when its grid header
//! has a column only this layout has ([`SPLIT_ONLY`]).

use rust_decimal::Decimal;

use super::grid::{Grid, grid_columns, is_grid_header};
use super::{Cell, Draft, Place, Sheet, WorkbookReader, normalize, unnumber};
use crate::check::rules;
use crate::layout::xlsx::{FIELDS, Field, SPLIT_ONLY, label, split};
use crate::model::{AmountUnit, Budget, Project, SpendingPlan, Unit};
use crate::span::Spanned;

impl WorkbookReader {
    /// A sheet in the budget system's layout, from its first grid header `header`: each
    /// project's header rows (`项目名称：…`, `预算金额（万元）：…`) and then its grid, as
    /// many projects as the sheet holds. Rows above the first header that are no project
    /// field are titles and notes (a `单位：万元` among them gives the amount unit); below
    /// it every row is a field row, a repeated grid header or an indicator row of the
    /// project above, and one that is none of these is an error naming its cell.
    pub(super) fn split(&mut self, sheet: &Sheet, header: usize, drafts: &mut Vec<Draft>) {
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
}

/// The first grid header of a sheet in the budget system's layout: one with a column
/// only that layout has. Titles, notes and project header rows may stand above it.
pub(super) fn split_header(sheet: &Sheet) -> Option<usize> {
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
