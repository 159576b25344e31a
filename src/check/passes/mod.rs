//! The passes after loading, one module each, run in this order by [`super::check`].

pub mod consistency;
pub mod structure;
pub mod targets;
pub mod text;
pub mod values;
pub mod wording;

use super::Context;
use super::framework::Category;

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
