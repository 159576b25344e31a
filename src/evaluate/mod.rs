//! 绩效自评 (self-evaluation): after the year, the same targets with what was actually
//! achieved, the money actually spent, a score by a scoring method, and the reasons for
//! every shortfall.
//!
//! The steps, one file each:
//! 1. [`crate::load::evaluation`] reads a separate 自评 document (`targets: …` plus the
//!    actuals) onto the targets' document, so the targets have one source of truth; a
//!    self-evaluation may also be written in the targets' own file (`actual`, `executed`,
//!    … beside the targets);
//! 2. [`method`] reads the scoring method (data: `scoring/national.yaml` by default);
//! 3. [`compare`] compares each actual with its target as typed values;
//! 4. [`score`] gives every row its weight and score, and the project its execution rate,
//!    total and rating;
//! 5. [`checks`] reports what a self-evaluation lacks or gets wrong (codes E);
//! 6. [`crate::table::evaluation`] lowers the scores to the cells of the
//!    项目支出绩效自评表 that every backend renders;
//! 7. [`format`] writes a separate 自评 document back in canonical form (`jixiao fmt`).

pub mod checks;
pub mod compare;
pub mod format;
pub mod method;
pub mod score;

use crate::check::framework::Framework;
use crate::model::{Document, Project};
pub use crate::model::{EvaluationSource, Separate};
use method::Method;
use score::ProjectScore;

/// Whether a project carries any self-evaluation data.
pub fn has_evaluation_data(p: &Project) -> bool {
    p.executed.is_some()
        || p.achieved.is_some()
        || p.initial_budget.is_some()
        || p.full_year_budget.is_some()
        || p.score.is_some()
        || p.rows().any(|(_, _, r)| {
            r.actual.is_some() || r.grade.is_some() || r.score.is_some() || r.deviation.is_some()
        })
}

/// Whether a document is (or contains) a self-evaluation: a separate 自评 document, or a
/// targets' document with self-evaluation data in any project.
pub fn is_evaluation(doc: &Document) -> bool {
    doc.evaluation
        .as_ref()
        .is_some_and(|e| e.separate.is_some())
        || doc.projects.iter().any(has_evaluation_data)
}

/// Whether only the 自评表 are published (a separate 自评 document), not the targets.
pub fn is_separate(doc: &Document) -> bool {
    doc.evaluation
        .as_ref()
        .is_some_and(|e| e.separate.is_some())
}

/// The name of the scoring method a document uses.
pub fn method_name(doc: &Document) -> &str {
    doc.scoring
        .as_ref()
        .map_or(method::DEFAULT, |s| s.value.trim())
}

/// A whole document scored.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub method: Method,
    /// One per project, in document order.
    pub projects: Vec<ProjectScore>,
}

/// Resolves the document's scoring method.
pub fn resolve_method(doc: &Document) -> Result<Method, method::MethodError> {
    let path = doc
        .evaluation
        .as_ref()
        .map_or("", EvaluationSource::scoring_path);
    Method::resolve(method_name(doc), path)
}

/// Resolves the document's framework, for the categories of its rows.
pub fn resolve_framework(doc: &Document) -> Option<Framework> {
    let path = doc
        .evaluation
        .as_ref()
        .map_or("", |e| e.targets_path.as_str());
    Framework::resolve(&doc.framework.value, path).ok()
}

/// Scores every project of a document with the given method and framework.
pub fn evaluate_with(doc: &Document, framework: Option<&Framework>, method: Method) -> Evaluation {
    let projects = doc
        .projects
        .iter()
        .map(|p| score::score_project(doc, p, framework, &method))
        .collect();
    Evaluation { method, projects }
}

/// Scores every project of a document. A method that cannot be resolved was reported by
/// the check (E011); the national method stands in for it here.
pub fn evaluate(doc: &Document) -> Evaluation {
    let method = resolve_method(doc).unwrap_or_else(|_| Method::national());
    evaluate_with(doc, resolve_framework(doc).as_ref(), method)
}
