//! What changed between two documents — two years' disclosures, or two git revisions of
//! one — for the people who write them and the people who review them.
//!
//! The steps, one file each:
//! 1. `source` reads each side: a document (or a folder of documents) on disk, or the same
//!    path at a git revision, held in memory and loaded by the same loader as `check`;
//!    documents of two trees are paired by path, then by unit.
//! 2. `matching` pairs the projects: by 项目编码, by name, by name without years, then by
//!    similarity (a guess, reported as one).
//! 3. `rows` pairs the indicator rows of each pair of projects and `value` says what each
//!    change of a 指标值 means (target raised or lowered, deadline later, cap raised, unit
//!    changed, quantitative turned qualitative).
//! 4. `findings` turns what matters to a reviewer into diagnostics (D001–D099) that the new
//!    document's `rules:` and `allow:` configure like the checker's.
//! 5. `report` prints the comparison: human, json, github, markdown, codequality; the
//!    `html` builds the side-by-side page, rendered by the HTML backend's templates.

pub mod findings;
pub mod html;
pub mod matching;
pub mod names;
pub mod report;
pub mod rows;
pub mod source;
pub mod value;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::{AmountUnit, Document, Project};
use crate::span::Span;
use matching::MatchedBy;
use rows::{RowDiff, RowStatus};
use value::Years;

/// One side's document, as the report names it.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentSide {
    /// Where it was read from: a path, or `REV:path`.
    pub label: String,
    pub title: String,
    pub year: i32,
    pub amount_unit: &'static str,
    pub projects: usize,
    /// The sum of the projects' 预算数, in 元.
    pub budget_yuan: Decimal,
}

impl DocumentSide {
    fn new(label: &str, doc: &Document) -> Self {
        let factor = doc.amount_unit.value.yuan_factor();
        DocumentSide {
            label: label.to_string(),
            title: doc.display_title(),
            year: doc.year.value,
            amount_unit: doc.amount_unit.value.label(),
            projects: doc.projects.len(),
            budget_yuan: doc
                .projects
                .iter()
                .map(|p| p.budget.total.value * factor)
                .sum(),
        }
    }
}

/// An amount as written, with its unit and its exact value in 元.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Amount {
    pub amount: Decimal,
    pub unit: &'static str,
    pub yuan: Decimal,
}

impl Amount {
    fn new(amount: Decimal, unit: AmountUnit) -> Self {
        Amount {
            amount,
            unit: unit.label(),
            yuan: amount * unit.yuan_factor(),
        }
    }

    /// `416543.39元`, `0.75万元`: the amount with two decimals (more when 万元 needs them).
    pub fn shown(&self) -> String {
        format!("{}{}", money(self.amount), self.unit)
    }
}

/// An amount with at least two decimals and no trailing zeros beyond them.
pub fn money(n: Decimal) -> String {
    let mut n = n.normalize();
    if n.scale() < 2 {
        n.rescale(2);
    }
    n.to_string()
}

/// The change of a project's 预算数.
#[derive(Clone, Debug, Serialize)]
pub struct BudgetChange {
    pub old: Amount,
    pub new: Amount,
    /// New minus old, in 元, exact.
    pub delta_yuan: Decimal,
    /// The change in percent of the old amount, rounded to two decimals; `None` when the
    /// old amount is zero.
    pub percent: Option<Decimal>,
}

impl BudgetChange {
    fn new(old: Amount, new: Amount) -> Self {
        let delta_yuan = new.yuan - old.yuan;
        let percent = (!old.yuan.is_zero()).then(|| {
            (delta_yuan * Decimal::ONE_HUNDRED / old.yuan)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        });
        BudgetChange {
            old,
            new,
            delta_yuan,
            percent,
        }
    }

    /// The change in the unit both documents use (万元 only when both do), signed.
    pub fn delta_shown(&self) -> String {
        let (n, unit) = if self.old.unit == "万元" && self.new.unit == "万元" {
            (self.delta_yuan / Decimal::from(10_000), "万元")
        } else {
            (self.delta_yuan, "元")
        };
        let sign = if n > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{}{unit}", money(n))
    }

    /// The size of the change without its sign, in the unit of [`Self::delta_shown`].
    pub fn delta_size(&self) -> String {
        self.delta_shown()
            .trim_start_matches(['+', '-'])
            .to_string()
    }

    /// `+20.04%`, or `—` when the old amount was zero.
    pub fn percent_shown(&self) -> String {
        // The sign is the change's, so a change too small to show as a percentage still
        // shows its direction (`+0.00%`).
        match self.percent {
            Some(p) if self.delta_yuan > Decimal::ZERO => format!("+{}%", money(p)),
            Some(p) if self.delta_yuan < Decimal::ZERO => format!("-{}%", money(p.abs())),
            Some(p) => format!("{}%", money(p)),
            None => "—".into(),
        }
    }
}

/// One project as a side shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectSide {
    pub name: String,
    pub code: Option<String>,
    pub budget: Amount,
    /// Where the project starts (its name), for annotations.
    #[serde(skip)]
    pub span: Span,
}

impl ProjectSide {
    fn new(p: &Project, unit: AmountUnit) -> Self {
        ProjectSide {
            name: p.name.value.clone(),
            code: p.code.as_ref().map(|c| c.value.clone()),
            budget: Amount::new(p.budget.total.value, unit),
            span: p.name.span,
        }
    }
}

/// What became of a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Added,
    Removed,
    Matched,
}

/// One project of the comparison.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectDiff {
    pub status: ProjectStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
    pub old: Option<ProjectSide>,
    pub new: Option<ProjectSide>,
    /// The name changed (ignoring years: a name that only changed its year is not renamed).
    pub renamed: bool,
    /// The 项目编码 changed.
    pub recoded: bool,
    /// The 预算数 change of a matched project whose amount changed.
    pub budget: Option<BudgetChange>,
    /// Whether the 资金用途 (purpose) text changed, ignoring years.
    pub purpose_changed: bool,
    /// Whether the 绩效目标 (goals) text changed, ignoring years.
    pub goals_changed: bool,
    /// Every row of both sides, in the new project's order.
    pub rows: Vec<RowDiff>,
    /// Categories the old project had and the new one has not.
    pub dropped_categories: Vec<String>,
}

impl ProjectDiff {
    /// The name shown for the project: the new one, or the old one for a removed project.
    pub fn name(&self) -> &str {
        self.new
            .as_ref()
            .or(self.old.as_ref())
            .map_or("", |s| s.name.as_str())
    }

    /// Whether anything about the project changed.
    pub fn is_changed(&self) -> bool {
        self.status != ProjectStatus::Matched
            || self.renamed
            || self.recoded
            || self.budget.is_some()
            || self.purpose_changed
            || self.goals_changed
            || !self.dropped_categories.is_empty()
            || self.rows.iter().any(|r| r.status != RowStatus::Unchanged)
    }

    /// The rows that are not unchanged.
    pub fn changed_rows(&self) -> impl Iterator<Item = &RowDiff> {
        self.rows
            .iter()
            .filter(|r| r.status != RowStatus::Unchanged)
    }
}

/// Counts for the summary line.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    pub guessed: usize,
    pub budget_changed: usize,
    pub rows_added: usize,
    pub rows_removed: usize,
    pub rows_changed: usize,
    pub unchanged_projects: usize,
}

/// The comparison of two documents.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentDiff {
    pub old: DocumentSide,
    pub new: DocumentSide,
    /// The change of the sum of all 预算数.
    pub budget: BudgetChange,
    pub projects: Vec<ProjectDiff>,
    pub summary: Summary,
}

/// Compares two loaded documents; `old_label` and `new_label` say where they came from.
pub fn compare(old: &Document, old_label: &str, new: &Document, new_label: &str) -> DocumentDiff {
    let years = Years {
        old: old.year.value,
        new: new.year.value,
    };
    let (ou, nu) = (old.amount_unit.value, new.amount_unit.value);
    let pairing = matching::projects(&old.projects, &new.projects);
    let mut projects: Vec<ProjectDiff> = Vec::new();
    let mut matched_new: Vec<Option<ProjectDiff>> = vec![None; new.projects.len()];
    for &(o, n, how) in &pairing.pairs {
        let (a, b) = (&old.projects[o], &new.projects[n]);
        let (sa, sb) = (ProjectSide::new(a, ou), ProjectSide::new(b, nu));
        let budget = (sa.budget.yuan != sb.budget.yuan)
            .then(|| BudgetChange::new(sa.budget.clone(), sb.budget.clone()));
        let goals = |p: &Project| {
            p.goals
                .iter()
                .map(|g| names::without_years(&g.value))
                .collect::<Vec<_>>()
        };
        matched_new[n] = Some(ProjectDiff {
            status: ProjectStatus::Matched,
            matched_by: Some(how),
            renamed: names::without_years(&sa.name) != names::without_years(&sb.name),
            recoded: sa.code.as_deref().map(names::normalize)
                != sb.code.as_deref().map(names::normalize),
            old: Some(sa),
            new: Some(sb),
            budget,
            purpose_changed: names::without_years(&a.purpose.value)
                != names::without_years(&b.purpose.value),
            goals_changed: goals(a) != goals(b),
            rows: rows::compare(a, b, years),
            dropped_categories: rows::dropped_categories(a, b),
        });
    }
    for &n in &pairing.added {
        let b = &new.projects[n];
        matched_new[n] = Some(ProjectDiff {
            status: ProjectStatus::Added,
            matched_by: None,
            old: None,
            new: Some(ProjectSide::new(b, nu)),
            renamed: false,
            recoded: false,
            budget: None,
            purpose_changed: false,
            goals_changed: false,
            rows: whole_rows(b, RowStatus::Added),
            dropped_categories: Vec::new(),
        });
    }
    projects.extend(matched_new.into_iter().flatten());
    for &o in &pairing.removed {
        let a = &old.projects[o];
        projects.push(ProjectDiff {
            status: ProjectStatus::Removed,
            matched_by: None,
            old: Some(ProjectSide::new(a, ou)),
            new: None,
            renamed: false,
            recoded: false,
            budget: None,
            purpose_changed: false,
            goals_changed: false,
            rows: whole_rows(a, RowStatus::Removed),
            dropped_categories: Vec::new(),
        });
    }
    let old_side = DocumentSide::new(old_label, old);
    let new_side = DocumentSide::new(new_label, new);
    let budget = BudgetChange::new(
        Amount::new(old_side.budget_yuan / ou.yuan_factor(), ou),
        Amount::new(new_side.budget_yuan / nu.yuan_factor(), nu),
    );
    let summary = summarize(&projects);
    DocumentDiff {
        old: old_side,
        new: new_side,
        budget,
        projects,
        summary,
    }
}

/// Every row of a project that is only on one side.
fn whole_rows(p: &Project, status: RowStatus) -> Vec<RowDiff> {
    p.rows()
        .map(|(l1, l2, r)| {
            let side = rows::RowSide {
                level1: l1.level1.value.clone(),
                level2: l2.level2.value.clone(),
                level3: r.level3.value.clone(),
                description: r.description.as_ref().map(|d| d.value.clone()),
                value: r.value.value.clone(),
                basis: r.basis.as_ref().map(|b| b.value.clone()),
                value_span: r.value.span,
            };
            let (old, new) = match status {
                RowStatus::Removed => (Some(side), None),
                _ => (None, Some(side)),
            };
            RowDiff {
                status,
                matched_by: None,
                old,
                new,
                changes: Vec::new(),
            }
        })
        .collect()
}

fn summarize(projects: &[ProjectDiff]) -> Summary {
    let mut s = Summary::default();
    for p in projects {
        match p.status {
            ProjectStatus::Added => s.added += 1,
            ProjectStatus::Removed => s.removed += 1,
            ProjectStatus::Matched => {
                s.renamed += usize::from(p.renamed);
                s.guessed += usize::from(p.matched_by.is_some_and(|m| m.is_guess()));
                s.budget_changed += usize::from(p.budget.is_some());
                s.unchanged_projects += usize::from(!p.is_changed());
                for r in &p.rows {
                    match r.status {
                        RowStatus::Added => s.rows_added += 1,
                        RowStatus::Removed => s.rows_removed += 1,
                        RowStatus::Changed => s.rows_changed += 1,
                        RowStatus::Unchanged => {}
                    }
                }
            }
        }
    }
    s
}

/// One compared pair of documents with its configured findings.
pub struct Compared {
    pub diff: DocumentDiff,
    pub findings: crate::check::Report,
}

/// The comparison of two sides: each pair of documents, and the documents only one side
/// has.
#[derive(Default)]
pub struct Comparison {
    pub documents: Vec<Compared>,
    /// Labels of the documents only the new side has.
    pub added: Vec<String>,
    /// Labels of the documents only the old side has.
    pub removed: Vec<String>,
    /// Why a document of either side could not be loaded (the comparison leaves it out).
    pub load_errors: Vec<crate::diag::Diagnostic>,
}

impl Comparison {
    /// Every active finding.
    pub fn diagnostics(&self) -> impl Iterator<Item = &crate::diag::Diagnostic> {
        self.documents
            .iter()
            .flat_map(|c| &c.findings.diagnostics)
            .chain(&self.load_errors)
    }
}

/// Compares the documents of two sides, paired by [`source::pair_documents`].
pub fn compare_sides(old: &[source::SideDocument], new: &[source::SideDocument]) -> Comparison {
    let mut out = Comparison::default();
    for side in old.iter().chain(new) {
        out.load_errors
            .extend(side.loaded.diagnostics.iter().cloned());
    }
    for (o, n) in source::pair_documents(old, new) {
        match (o.map(|o| &old[o]), n.map(|n| &new[n])) {
            (Some(a), Some(b)) => {
                let (Some(da), Some(db)) = (a.document(), b.document()) else {
                    continue;
                };
                let diff = compare(da, &a.label, db, &b.label);
                let findings = findings::findings(&diff, db);
                out.documents.push(Compared { diff, findings });
            }
            (None, Some(b)) => out.added.push(b.label.clone()),
            (Some(a), None) => out.removed.push(a.label.clone()),
            (None, None) => {}
        }
    }
    out
}
