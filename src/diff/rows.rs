//! The indicator rows of two matched projects: paired by their level names, then by the
//! 三级指标 alone (a row moved to another group), then guessed by similarity within the
//! same group; each pair compared cell by cell.

use serde::Serialize;

use super::matching::{self, MatchedBy, Pairing};
use super::names;
use super::value::{self, ValueChange, Years};
use crate::model::{Level1, Level2, Project, Row};
use crate::span::Span;

/// A level name for comparison: normalized, without the `指标` suffix that some documents
/// omit (`社会效益` and `社会效益指标` are one category).
pub fn level_key(name: &str) -> String {
    let n = names::normalize(name);
    n.strip_suffix("指标").map(str::to_string).unwrap_or(n)
}

/// Whether a row belongs to a cost indicator (成本指标, or the 2021 framework's
/// 经济成本指标 under 成本指标).
pub fn is_cost(level1: &str, level2: &str) -> bool {
    level1.contains("成本") || level2.contains("成本")
}

/// One row as a side of the comparison shows it.
#[derive(Clone, Debug, Serialize)]
pub struct RowSide {
    pub level1: String,
    pub level2: String,
    pub level3: String,
    pub description: Option<String>,
    pub value: String,
    pub basis: Option<String>,
    /// The span of the value, for annotations.
    #[serde(skip)]
    pub value_span: Span,
}

impl RowSide {
    fn new(l1: &Level1, l2: &Level2, row: &Row) -> Self {
        RowSide {
            level1: l1.level1.value.clone(),
            level2: l2.level2.value.clone(),
            level3: row.level3.value.clone(),
            description: row.description.as_ref().map(|d| d.value.clone()),
            value: row.value.value.clone(),
            basis: row.basis.as_ref().map(|b| b.value.clone()),
            value_span: row.value.span,
        }
    }

    /// `一级/二级/三级`, the row's path in the grid.
    pub fn path(&self) -> String {
        format!("{}/{}/{}", self.level1, self.level2, self.level3)
    }

    /// Whether the row is a cost indicator.
    pub fn is_cost(&self) -> bool {
        is_cost(&self.level1, &self.level2)
    }
}

/// What became of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// A change of one part of a row other than its value's meaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowChange {
    /// The value changed; what it means.
    Value { change: ValueChange },
    /// The 三级指标 was renamed.
    Renamed,
    /// The row moved to another 一级 or 二级.
    Moved,
    /// The 绩效指标描述 changed.
    Description,
    /// The 指标值确定依据 changed.
    Basis,
}

impl RowChange {
    /// The Chinese label shown in reports.
    pub fn label(&self) -> String {
        match self {
            RowChange::Value { change } => change.label(),
            RowChange::Renamed => "三级指标改名".into(),
            RowChange::Moved => "移到其他指标类别".into(),
            RowChange::Description => "指标描述改变".into(),
            RowChange::Basis => "确定依据改变".into(),
        }
    }
}

/// One row of the comparison.
#[derive(Clone, Debug, Serialize)]
pub struct RowDiff {
    pub status: RowStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
    pub old: Option<RowSide>,
    pub new: Option<RowSide>,
    pub changes: Vec<RowChange>,
}

impl RowDiff {
    /// The value change, if the value's meaning changed.
    pub fn value_change(&self) -> Option<&ValueChange> {
        self.changes.iter().find_map(|c| match c {
            RowChange::Value { change } => Some(change),
            _ => None,
        })
    }

    /// The row as the new document has it, or the old one for a removed row.
    pub fn shown(&self) -> &RowSide {
        self.new
            .as_ref()
            .or(self.old.as_ref())
            .expect("a row has a side")
    }
}

/// Compares the rows of two matched projects, in the new project's order, removed rows
/// after the row that preceded them in the old project.
pub fn compare(old: &Project, new: &Project, years: Years) -> Vec<RowDiff> {
    let a: Vec<RowSide> = old
        .rows()
        .map(|(l1, l2, r)| RowSide::new(l1, l2, r))
        .collect();
    let b: Vec<RowSide> = new
        .rows()
        .map(|(l1, l2, r)| RowSide::new(l1, l2, r))
        .collect();
    let side = |is_new: bool| if is_new { &b } else { &a };
    let full = |i: usize, is_new: bool| {
        let r = &side(is_new)[i];
        Some((
            level_key(&r.level1),
            level_key(&r.level2),
            names::normalize(&r.level3),
        ))
    };
    let level3 = |i: usize, is_new: bool| {
        Some((
            String::new(),
            String::new(),
            names::normalize(&side(is_new)[i].level3),
        ))
    };
    let score = |o: usize, n: usize| {
        let (x, y) = (&a[o], &b[n]);
        if level_key(&x.level1) != level_key(&y.level1)
            || level_key(&x.level2) != level_key(&y.level2)
        {
            return 0;
        }
        names::similarity(&x.level3, &y.level3)
    };
    let Pairing {
        pairs,
        removed,
        added,
    } = matching::pair(
        a.len(),
        b.len(),
        &[(MatchedBy::Name, &full), (MatchedBy::Level3, &level3)],
        &score,
    );
    let mut by_new: Vec<Option<RowDiff>> = vec![None; b.len()];
    for (o, n, how) in pairs {
        by_new[n] = Some(compare_pair(&a[o], &b[n], how, years));
    }
    for n in added {
        by_new[n] = Some(RowDiff {
            status: RowStatus::Added,
            matched_by: None,
            old: None,
            new: Some(b[n].clone()),
            changes: Vec::new(),
        });
    }
    let mut out: Vec<RowDiff> = by_new.into_iter().flatten().collect();
    for o in removed {
        // After the last shown row that came from an old row before this one.
        let old_index = |d: &RowDiff| {
            d.old
                .as_ref()
                .and_then(|s| a.iter().position(|x| x.value_span == s.value_span))
        };
        let at = out
            .iter()
            .rposition(|d| old_index(d).is_some_and(|i| i < o))
            .map_or(0, |i| i + 1);
        out.insert(
            at,
            RowDiff {
                status: RowStatus::Removed,
                matched_by: None,
                old: Some(a[o].clone()),
                new: None,
                changes: Vec::new(),
            },
        );
    }
    out
}

fn compare_pair(x: &RowSide, y: &RowSide, how: MatchedBy, years: Years) -> RowDiff {
    let mut changes = Vec::new();
    if names::normalize(&x.level3) != names::normalize(&y.level3) {
        changes.push(RowChange::Renamed);
    }
    if level_key(&x.level1) != level_key(&y.level1) || level_key(&x.level2) != level_key(&y.level2)
    {
        changes.push(RowChange::Moved);
    }
    if let Some(change) = value::compare(&x.value, &y.value, y.is_cost(), years) {
        changes.push(RowChange::Value { change });
    }
    let text = |s: &Option<String>| s.as_deref().map(names::normalize);
    if text(&x.description) != text(&y.description) {
        changes.push(RowChange::Description);
    }
    if text(&x.basis) != text(&y.basis) {
        changes.push(RowChange::Basis);
    }
    let unchanged = changes.iter().all(|c| match c {
        RowChange::Value { change } => change.is_same_meaning(),
        _ => false,
    });
    RowDiff {
        status: if unchanged {
            RowStatus::Unchanged
        } else {
            RowStatus::Changed
        },
        matched_by: Some(how),
        old: Some(x.clone()),
        new: Some(y.clone()),
        changes,
    }
}

/// The categories (一级, or 二级 under a 一级 that remains) of `old` that `new` no
/// longer has, as `一级` or `一级/二级` with the old names.
pub fn dropped_categories(old: &Project, new: &Project) -> Vec<String> {
    let level1s: Vec<String> = new
        .indicators
        .iter()
        .map(|l| level_key(&l.level1))
        .collect();
    let level2s: Vec<(String, String)> = new
        .indicators
        .iter()
        .flat_map(|l1| {
            l1.groups
                .iter()
                .map(|l2| (level_key(&l1.level1), level_key(&l2.level2)))
        })
        .collect();
    let mut dropped = Vec::new();
    for l1 in &old.indicators {
        let k1 = level_key(&l1.level1);
        if !level1s.contains(&k1) {
            dropped.push(l1.level1.value.clone());
            continue;
        }
        for l2 in &l1.groups {
            if !level2s.contains(&(k1.clone(), level_key(&l2.level2))) {
                dropped.push(format!("{}/{}", l1.level1.value, l2.level2.value));
            }
        }
    }
    dropped.dedup();
    dropped
}
