//! The canonical form of a separate 自评 document for `jixiao fmt`: its own fields only,
//! in key order, never the targets it refers to.

use crate::model::{Document, Level2, Project, Row};
use crate::span::Span;
use crate::yamlfmt::{self, Yaml};

/// The tree of a separate 自评 document, or `None` when `doc` is not one.
pub fn document_tree(doc: &Document) -> Option<Yaml> {
    let separate = doc.evaluation.as_ref()?.separate.as_ref()?;
    let own = |span: Span| span.file == separate.file;
    let mut m: Vec<(&'static str, Yaml)> = vec![("targets", Yaml::str(&separate.targets.value))];
    if let Some(t) = &separate.title {
        m.push(("title", Yaml::str(&t.value)));
    }
    if let Some(d) = &separate.date {
        m.push(("date", Yaml::str(&d.value)));
    }
    if let Some(s) = doc.scoring.as_ref().filter(|s| own(s.span)) {
        m.push(("scoring", Yaml::str(&s.value)));
    }
    let rules: Vec<(String, Yaml)> = doc
        .rules
        .iter()
        .filter(|(code, _)| doc.rule_spans.get(*code).is_some_and(|s| own(*s)))
        .map(|(code, level)| (code.clone(), Yaml::str(level.name())))
        .collect();
    if !rules.is_empty() {
        m.push(("rules", Yaml::DataMap(rules)));
    }
    let mut projects = Vec::new();
    for p in &doc.projects {
        let mut pm = vec![("name", Yaml::str(&p.name.value))];
        pm.extend(yamlfmt::project_evaluation(p, own));
        let mut rows = Vec::new();
        for (_, l2, r) in p.rows() {
            let fields = yamlfmt::row_evaluation(r, own);
            if fields.is_empty() {
                continue;
            }
            let mut rm = row_key(p, l2, r);
            rm.extend(fields);
            rows.push(Yaml::Map(rm));
        }
        if !rows.is_empty() {
            pm.push(("rows", Yaml::Seq(rows)));
        }
        if pm.len() > 1 {
            projects.push(Yaml::Map(pm));
        }
    }
    if !projects.is_empty() {
        m.push(("projects", Yaml::Seq(projects)));
    }
    Some(Yaml::Map(m))
}

/// A 自评 document to fill in for the targets' document `doc`, which `targets` names
/// relative to where the 自评 document is written: every project with an empty
/// `executed` and `achieved`, every row with an empty `actual` (and `grade` for a
/// qualitative row), ready for the spring after the budget year.
pub fn skeleton(doc: &Document, targets: &str) -> Yaml {
    let empty = || Yaml::Raw(String::new());
    let mut projects = Vec::new();
    for p in &doc.projects {
        let mut rows = Vec::new();
        for (_, l2, r) in p.rows() {
            let mut rm = row_key(p, l2, r);
            rm.push(("actual", empty()));
            if !super::score::is_quantitative(r) {
                rm.push(("grade", empty()));
            }
            rows.push(Yaml::Map(rm));
        }
        projects.push(Yaml::Map(vec![
            ("name", Yaml::str(&p.name.value)),
            ("executed", empty()),
            ("achieved", empty()),
            ("rows", Yaml::Seq(rows)),
        ]));
    }
    Yaml::Map(vec![
        ("targets", Yaml::str(targets)),
        ("date", Yaml::str(&format!("{}-03-31", doc.year.value + 1))),
        ("projects", Yaml::Seq(projects)),
    ])
}

/// How a 自评 document names a row: its 三级指标, with its 二级指标 when the project has
/// two rows of that name.
fn row_key(p: &Project, l2: &Level2, r: &Row) -> Vec<(&'static str, Yaml)> {
    let namesakes = p
        .rows()
        .filter(|(_, _, o)| o.level3.value == r.level3.value)
        .count();
    let mut key = Vec::new();
    if namesakes > 1 {
        key.push(("level2", Yaml::str(&l2.level2.value)));
    }
    key.push(("level3", Yaml::str(&r.level3.value)));
    key
}
