//! The passes after loading, one module each, run in this order by [`super::check`].

pub mod consistency;
pub mod structure;
pub mod targets;
pub mod text;
pub mod values;
pub mod wording;

use super::Context;
use super::framework::Category;
use crate::model::Project;
use crate::span::Spanned;

/// The label of the 指标值 cells in [`text_cells`].
pub(super) const VALUE: &str = "指标值";
/// The label of the 指标值确定依据 cells in [`text_cells`].
pub(super) const BASIS: &str = "指标值确定依据";

/// Every user-written text cell of a project, in reading order, with its column's name.
pub(super) fn text_cells(p: &Project) -> Vec<(&Spanned<String>, &'static str)> {
    let mut out = vec![(&p.name, "项目名称"), (&p.purpose, "资金用途")];
    out.extend(p.goals.iter().map(|g| (g, "绩效目标")));
    for l1 in &p.indicators {
        out.push((&l1.level1, "一级指标"));
        for g in &l1.groups {
            out.push((&g.level2, "二级指标"));
            for r in &g.rows {
                out.push((&r.level3, "三级指标"));
                if let Some(d) = &r.description {
                    out.push((d, "绩效指标描述"));
                }
                out.push((&r.value, VALUE));
                if let Some(b) = &r.basis {
                    out.push((b, BASIS));
                }
            }
        }
    }
    out
}

impl Context<'_> {
    /// The category of a group: from the framework when the pair belongs to it (or the
    /// 二级 name belongs anywhere), otherwise guessed from the name so that value checks
    /// still run on documents with a misspelled 二级.
    pub fn category(&self, level1: &str, level2: &str) -> Option<Category> {
        if let Some(fw) = &self.framework
            && let Some(c) = fw
                .category(level1, level2)
                .or_else(|| fw.category_of_level2(level2))
        {
            return Some(c);
        }
        category_from_name(level2).or_else(|| category_from_name(level1))
    }
}

fn category_from_name(name: &str) -> Option<Category> {
    [
        ("时效", Category::Timeliness),
        ("成本", Category::Cost),
        ("满意", Category::Satisfaction),
        ("数量", Category::Quantity),
        ("质量", Category::Quality),
        ("效益", Category::Benefit),
        ("影响", Category::Benefit),
    ]
    .into_iter()
    .find(|(k, _)| name.contains(k))
    .map(|(_, c)| c)
}
