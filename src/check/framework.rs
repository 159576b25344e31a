//! Indicator frameworks are data: which 二级 names belong under which 一级, the category
//! of each 二级, and the categories every project must have.
//!
//! `legacy` and `2021` ship inside the binary (`frameworks/*.yaml`). A document may name
//! another framework, looked up as `frameworks/<name>.yaml` in the folder that holds the
//! document (the folder itself for the folder form, the file's folder for a single file);
//! a file there also overrides a built-in framework of the same name.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The category of a 二级指标, which decides what its values must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Category {
    #[serde(rename = "数量")]
    Quantity,
    #[serde(rename = "质量")]
    Quality,
    #[serde(rename = "时效")]
    Timeliness,
    #[serde(rename = "成本")]
    Cost,
    #[serde(rename = "效益")]
    Benefit,
    #[serde(rename = "满意度")]
    Satisfaction,
}

impl Category {
    /// The Chinese name used in framework files and messages.
    pub fn label(self) -> &'static str {
        match self {
            Category::Quantity => "数量",
            Category::Quality => "质量",
            Category::Timeliness => "时效",
            Category::Cost => "成本",
            Category::Benefit => "效益",
            Category::Satisfaction => "满意度",
        }
    }
}

/// A framework file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub name: String,
    pub title: String,
    pub level1: Vec<Level1Def>,
    /// Categories every project needs at least one row of.
    #[serde(default)]
    pub required: Vec<Category>,
}

/// A 一级指标 of a framework.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level1Def {
    pub name: String,
    pub level2: Vec<Level2Def>,
}

/// A 二级指标 of a framework.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level2Def {
    pub name: String,
    pub category: Category,
}

/// The frameworks compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    ("legacy", include_str!("../../frameworks/legacy.yaml")),
    ("2021", include_str!("../../frameworks/2021.yaml")),
];

/// Why a framework could not be resolved.
pub enum FrameworkError {
    /// No built-in and no file with this name.
    NotFound { looked_at: Option<PathBuf> },
    /// The file exists but is not a valid framework.
    Invalid { path: String, reason: String },
}

impl Framework {
    /// Parses a framework file.
    pub fn parse(text: &str) -> Result<Framework, String> {
        let fw: Framework = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
        if fw.level1.is_empty() {
            return Err("没有任何一级指标".into());
        }
        Ok(fw)
    }

    /// Finds the framework called `name` for a document whose main file is `doc_file`
    /// (a path as shown in diagnostics, relative to the working folder).
    pub fn resolve(name: &str, doc_file: &str) -> Result<Framework, FrameworkError> {
        let custom = custom_path(name, doc_file);
        if let Some(path) = custom.as_ref().filter(|p| p.is_file()) {
            let shown = crate::load::display_path(path);
            let text = std::fs::read_to_string(path).map_err(|e| FrameworkError::Invalid {
                path: shown.clone(),
                reason: e.to_string(),
            })?;
            return Framework::parse(&text).map_err(|reason| FrameworkError::Invalid {
                path: shown,
                reason,
            });
        }
        match BUILTIN.iter().find(|(n, _)| *n == name) {
            Some((n, text)) => Framework::parse(text).map_err(|reason| FrameworkError::Invalid {
                path: format!("<内置 {n}>"),
                reason,
            }),
            None => Err(FrameworkError::NotFound { looked_at: custom }),
        }
    }

    /// The 一级 with this name.
    pub fn level1(&self, name: &str) -> Option<&Level1Def> {
        self.level1.iter().find(|l| l.name == name)
    }

    /// Every (一级, 二级) pair with this 二级 name.
    pub fn level2_anywhere(&self, name: &str) -> impl Iterator<Item = (&Level1Def, &Level2Def)> {
        self.level1.iter().flat_map(move |l1| {
            l1.level2
                .iter()
                .filter(move |l2| l2.name == name)
                .map(move |l2| (l1, l2))
        })
    }

    /// The category of a 二级 written under a 一级, if the pair belongs to the framework.
    pub fn category(&self, level1: &str, level2: &str) -> Option<Category> {
        self.level1(level1)?
            .level2
            .iter()
            .find(|l2| l2.name == level2)
            .map(|l2| l2.category)
    }

    /// The category of a 二级 name wherever it is placed (for misplaced groups).
    pub fn category_of_level2(&self, level2: &str) -> Option<Category> {
        self.level2_anywhere(level2)
            .next()
            .map(|(_, l2)| l2.category)
    }

    /// All 二级 names, for suggestions.
    pub fn level2_names(&self) -> Vec<&str> {
        self.level1
            .iter()
            .flat_map(|l1| l1.level2.iter().map(|l2| l2.name.as_str()))
            .collect()
    }
}

/// Where a custom framework of a document would live.
fn custom_path(name: &str, doc_file: &str) -> Option<PathBuf> {
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    // `jixiao.yaml` of a folder document and a single-file document both sit in the
    // folder that holds the document's own `frameworks/`.
    let dir = Path::new(doc_file).parent().unwrap_or(Path::new(""));
    Some(dir.join("frameworks").join(format!("{name}.yaml")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse() {
        for (name, text) in BUILTIN {
            let fw = Framework::parse(text).expect("built-in framework parses");
            assert_eq!(&fw.name, name);
        }
    }

    #[test]
    fn legacy_puts_cost_under_output() {
        let fw = Framework::parse(BUILTIN[0].1).unwrap();
        assert_eq!(fw.category("产出指标", "成本指标"), Some(Category::Cost));
        assert_eq!(fw.category("效益指标", "成本指标"), None);
    }
}
