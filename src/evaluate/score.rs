//! Scoring one project by a [`Method`]: the weight of every row, the outcome of every
//! row against its target, the budget execution rate, the total and its rating.
//!
//! Every number is an exact decimal. Weights spread over several rows and every score are
//! rounded to two decimals (half away from zero) as they are printed, and the total is
//! the sum of the printed scores, so a reader can add the table up by hand.

use rust_decimal::{Decimal, RoundingStrategy};

use super::compare::{Comparison, compare};
use super::method::Method;
use crate::check::framework::{Category, Framework};
use crate::model::{Document, Project, Row};
use crate::value::{self, Value};

/// The score of one project.
#[derive(Clone, Debug)]
pub struct ProjectScore {
    /// 年初预算数: `initial_budget`, else the targets' 预算数.
    pub initial: Decimal,
    /// 全年预算数: `full_year_budget`, else the 年初预算数.
    pub full_year: Decimal,
    /// 全年执行数, when given.
    pub executed: Option<Decimal>,
    /// The weight of the execution rate.
    pub execution_weight: Decimal,
    /// executed / full_year, when both are known and the budget is not zero.
    pub execution_rate: Option<Decimal>,
    pub execution_score: Decimal,
    /// One per row, in [`Project::rows`] order.
    pub rows: Vec<RowScore>,
    /// The execution weight plus every row's weight.
    pub total_weight: Decimal,
    /// The execution score plus every row's score.
    pub total: Decimal,
    /// The rating of the total (优, 良, 中, 差 by the national method).
    pub rating: String,
    /// Weight groups whose rows were given more weight than the group has:
    /// (group index, the group's weight, the weights given).
    pub overfull_groups: Vec<(usize, Decimal, Decimal)>,
}

/// The score of one indicator row.
#[derive(Clone, Debug)]
pub struct RowScore {
    /// The method's weight group the row belongs to, if any.
    pub group: Option<usize>,
    /// The row's category in the document's framework, if known.
    pub category: Option<Category>,
    pub weight: Decimal,
    pub outcome: Outcome,
    /// The score as printed.
    pub score: Decimal,
}

/// How a row was scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A quantitative target met; `beaten_by` as in [`Comparison::Met`].
    Met { beaten_by: Option<Decimal> },
    /// A quantitative target missed, scored in proportion.
    Short { reached: Decimal },
    /// Scored by the author's grade: the row's `score` when written, else the grade's
    /// default share of the weight.
    Graded { grade: String, default: Decimal },
    /// A quantitative row without an actual: no score.
    NoActual,
    /// An actual that cannot be compared with the target (and no grade to fall back
    /// on): no score.
    Incomparable(String),
    /// A qualitative row without a grade: no score.
    NoGrade,
    /// A grade the method does not know: no score.
    UnknownGrade(String),
}

/// Rounds to two decimals, half away from zero, as scores are printed.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Scores one project of `doc`.
pub fn score_project(
    doc: &Document,
    project: &Project,
    framework: Option<&Framework>,
    method: &Method,
) -> ProjectScore {
    let placed: Vec<(Option<usize>, Option<Category>, &Row)> = project
        .rows()
        .map(|(l1, l2, row)| {
            let category = framework.and_then(|f| {
                f.category(&l1.level1.value, &l2.level2.value)
                    .or_else(|| f.category_of_level2(&l2.level2.value))
            });
            (method.group_of(category, &l1.level1.value), category, row)
        })
        .collect();
    let (weights, overfull_groups) = row_weights(&placed, method);

    let rows: Vec<RowScore> = placed
        .iter()
        .zip(weights)
        .map(|((group, category, row), weight)| {
            let outcome = outcome(doc, row, *category, method);
            let score = row_score(&outcome, weight, row, method);
            RowScore {
                group: *group,
                category: *category,
                weight,
                outcome,
                score,
            }
        })
        .collect();

    let initial = project
        .initial_budget
        .as_ref()
        .map_or(project.budget.total.value, |a| a.value);
    let full_year = project
        .full_year_budget
        .as_ref()
        .map_or(initial, |a| a.value);
    let executed = project.executed.as_ref().map(|a| a.value);
    let execution_weight = project
        .execution_weight
        .as_ref()
        .map_or(method.execution.0, |w| w.value);
    let execution_rate = executed
        .filter(|_| !full_year.is_zero())
        .map(|e| e / full_year);
    let execution_score = match execution_rate {
        Some(rate) => round2(execution_weight * rate.min(Decimal::ONE)),
        // Nothing budgeted and nothing spent executes the whole (empty) budget.
        None if executed.is_some_and(|e| e.is_zero()) => execution_weight,
        None => Decimal::ZERO,
    };
    let total_weight = execution_weight + rows.iter().map(|r| r.weight).sum::<Decimal>();
    let total = execution_score + rows.iter().map(|r| r.score).sum::<Decimal>();
    ProjectScore {
        initial,
        full_year,
        executed,
        execution_weight,
        execution_rate,
        execution_score,
        rows,
        total_weight,
        total,
        rating: method.rating(total).to_string(),
        overfull_groups,
    }
}

/// Every row's weight: its own `weight`, else an even share of what its group has left,
/// rounded to two decimals with the last row of the group taking the remainder so the
/// group adds up exactly. Rows outside every group weigh what they say, or nothing.
fn row_weights(
    placed: &[(Option<usize>, Option<Category>, &Row)],
    method: &Method,
) -> (Vec<Decimal>, Vec<(usize, Decimal, Decimal)>) {
    let mut weights: Vec<Decimal> = placed
        .iter()
        .map(|(_, _, r)| r.weight.as_ref().map_or(Decimal::ZERO, |w| w.value))
        .collect();
    let mut overfull = Vec::new();
    for (g, group) in method.weights.iter().enumerate() {
        let members: Vec<usize> = (0..placed.len())
            .filter(|&i| placed[i].0 == Some(g))
            .collect();
        let given: Decimal = members
            .iter()
            .filter_map(|&i| placed[i].2.weight.as_ref().map(|w| w.value))
            .sum();
        let free: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| placed[i].2.weight.is_none())
            .collect();
        if given > group.weight.0 {
            overfull.push((g, group.weight.0, given));
            continue;
        }
        if free.is_empty() {
            continue;
        }
        let left = group.weight.0 - given;
        let share = round2(left / Decimal::from(free.len()));
        let mut spread = Decimal::ZERO;
        for (k, &i) in free.iter().enumerate() {
            weights[i] = if k + 1 == free.len() {
                left - spread
            } else {
                share
            };
            spread += share;
        }
    }
    (weights, overfull)
}

/// Scores one row against its target, or by its grade.
fn outcome(doc: &Document, row: &Row, category: Option<Category>, method: &Method) -> Outcome {
    let target = value::parse(&row.value.value);
    let graded = || {
        row.grade
            .as_ref()
            .map(|g| match method.grade(g.value.trim()) {
                None => Outcome::UnknownGrade(g.value.trim().to_string()),
                Some(grade) => Outcome::Graded {
                    grade: grade.name.clone(),
                    default: grade.default.0,
                },
            })
    };
    if !target.is_quantitative() {
        return graded().unwrap_or(Outcome::NoGrade);
    }
    let Some(actual) = &row.actual else {
        return graded().unwrap_or(Outcome::NoActual);
    };
    let actual = value::parse(&actual.value);
    match compare(&target.kind, &actual.kind, category, doc.year.value) {
        Comparison::Met { beaten_by } => Outcome::Met { beaten_by },
        Comparison::Short { reached } => Outcome::Short { reached },
        Comparison::Incomparable(reason) => graded().unwrap_or(Outcome::Incomparable(reason)),
    }
}

/// A row's printed score. A graded row with a written `score` keeps it (the check reports
/// one outside its grade's range); otherwise the grade's default share of the weight. A
/// target beaten by more than the method's overshoot may be marked down: a written score
/// below the full weight is kept.
fn row_score(outcome: &Outcome, weight: Decimal, row: &Row, method: &Method) -> Decimal {
    match outcome {
        Outcome::Met { beaten_by } => match &row.score {
            Some(s) if marked_down(*beaten_by, s.value, weight, method) => s.value,
            _ => weight,
        },
        Outcome::Short { reached } => round2(weight * reached),
        Outcome::Graded { default, .. } => match &row.score {
            Some(s) => s.value,
            None => round2(weight * default / Decimal::ONE_HUNDRED),
        },
        _ => Decimal::ZERO,
    }
}

/// Whether a written score marks down a target set too low: the actual beats the target
/// by more than the method's overshoot and the score is below the weight.
pub fn marked_down(
    beaten_by: Option<Decimal>,
    written: Decimal,
    weight: Decimal,
    method: &Method,
) -> bool {
    beaten_by.is_some_and(|by| by * Decimal::ONE_HUNDRED > method.overshoot.0) && written < weight
}

/// Whether the target of a row is quantitative.
pub fn is_quantitative(row: &Row) -> bool {
    value::parse(&row.value.value).is_quantitative()
}

/// The typed value of a row's actual, when it has one.
pub fn actual_value(row: &Row) -> Option<Value> {
    row.actual.as_ref().map(|a| value::parse(&a.value).kind)
}

/// Points as printed: exact, at most two decimals, no trailing zeros (`10`, `16.67`, `8.5`).
pub fn format_points(d: Decimal) -> String {
    round2(d).normalize().to_string()
}

/// A rate as a percentage with two decimals (`96.37%`).
pub fn format_rate(rate: Decimal) -> String {
    format!("{:.2}%", round2(rate * Decimal::ONE_HUNDRED))
}
