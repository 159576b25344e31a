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
    /// Other names published documents use for it (`产出`): accepted with a warning
    /// (S208) and a fix to `name`.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub level2: Vec<Level2Def>,
}

/// A 二级指标 of a framework.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level2Def {
    pub name: String,
    pub category: Category,
    /// Other names for it (`服务对象满意度`, `社会公众或服务对象满意度指标`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether its targets may be qualitative text (社会成本 and 生态环境成本 of the 2021
    /// framework): then a cost row need not be an amount of money.
    #[serde(default)]
    pub qualitative: bool,
}

/// How a written indicator name relates to the framework's name for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Written exactly as the framework names it.
    Exact,
    /// A declared alias, or the name with an annotation or score around it
    /// (`产出指标(40-50)分`, `数量指标（必填）`).
    Alias,
}

/// The name as compared with aliases: full-width brackets folded, blanks removed.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect()
}

/// The name without the annotations and scores printed around it in published tables:
/// `(必填)`, `(选填)`, `(40-50)分`, `(30分)`, `30分`, a trailing `*`.
pub fn undecorated(name: &str) -> String {
    let mut s = fold(name);
    loop {
        let before = s.len();
        s = s.trim_end_matches(['*', '※', ':', '：']).to_string();
        if let Some(rest) = s.strip_suffix('分') {
            let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit() || ".-~".contains(c));
            if digits.len() < rest.len() || rest.ends_with(')') {
                s = digits.to_string();
            }
        }
        if s.ends_with(')')
            && let Some(open) = s.rfind('(')
        {
            let inner = &s[open + 1..s.len() - 1];
            let is_note = inner.is_empty()
                || ["必填", "选填", "必选", "可选", "分", "权重", "%"]
                    .iter()
                    .any(|w| inner.contains(w))
                || inner
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".-~".contains(c));
            if is_note && open > 0 {
                s.truncate(open);
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Whether `written` names `name` (with its `aliases`), and how.
fn matches(written: &str, name: &str, aliases: &[String]) -> Option<Match> {
    if written == name {
        return Some(Match::Exact);
    }
    let folded = fold(written);
    let bare = undecorated(written);
    // Names without the 指标 suffix (`社会效益`, `服务对象满意度`) are common enough to
    // need no alias of their own.
    let suffixed = format!("{bare}指标");
    let hit = |candidate: &str| {
        let c = fold(candidate);
        c == folded || c == bare || c == suffixed
    };
    (hit(name) || aliases.iter().any(|a| hit(a))).then_some(Match::Alias)
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
        let fw: Framework =
            serde_saphyr::from_str(text).map_err(|e| crate::load::yaml::error_zh(&e))?;
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
                reason: crate::diag::io_reason(&e),
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

    /// The 一级 this name means: its exact name first, then an alias or a decorated
    /// form of it.
    pub fn resolve_level1(&self, name: &str) -> Option<(&Level1Def, Match)> {
        let name = name.trim();
        self.level1
            .iter()
            .find(|l| l.name == name)
            .map(|l| (l, Match::Exact))
            .or_else(|| {
                self.level1
                    .iter()
                    .find_map(|l| matches(name, &l.name, &l.aliases).map(|m| (l, m)))
            })
    }

    /// The 一级 with this name (or an alias of it).
    pub fn level1(&self, name: &str) -> Option<&Level1Def> {
        self.resolve_level1(name).map(|(l, _)| l)
    }

    /// The 二级 of `level1` this name means, exact names first.
    pub fn resolve_level2<'a>(
        &self,
        level1: &'a Level1Def,
        name: &str,
    ) -> Option<(&'a Level2Def, Match)> {
        let name = name.trim();
        level1
            .level2
            .iter()
            .find(|l| l.name == name)
            .map(|l| (l, Match::Exact))
            .or_else(|| {
                level1
                    .level2
                    .iter()
                    .find_map(|l| matches(name, &l.name, &l.aliases).map(|m| (l, m)))
            })
    }

    /// Every (一级, 二级) pair whose 二级 this name means.
    pub fn level2_anywhere<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (&'a Level1Def, &'a Level2Def)> {
        self.level1
            .iter()
            .filter_map(move |l1| self.resolve_level2(l1, name).map(|(l2, _)| (l1, l2)))
    }

    /// The 二级 written under a 一级, if the pair belongs to the framework.
    pub fn level2_def(&self, level1: &str, level2: &str) -> Option<&Level2Def> {
        let l1 = self.level1(level1)?;
        self.resolve_level2(l1, level2).map(|(l2, _)| l2)
    }

    /// The category of a 二级 written under a 一级, if the pair belongs to the framework.
    pub fn category(&self, level1: &str, level2: &str) -> Option<Category> {
        self.level2_def(level1, level2).map(|l2| l2.category)
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
    fn aliases_and_decorations_resolve_to_the_canonical_name() {
        let fw = Framework::parse(BUILTIN[0].1).unwrap();
        for (written, level1) in [
            ("产出指标(40-50)分", "产出指标"),
            ("产出指标（50分）", "产出指标"),
            ("效益指标(必填)", "效益指标"),
            ("满意度", "满意度指标"),
        ] {
            let (l1, m) = fw.resolve_level1(written).expect(written);
            assert_eq!((l1.name.as_str(), m), (level1, Match::Alias), "{written}");
        }
        assert_eq!(fw.resolve_level1("产出指标").unwrap().1, Match::Exact);
        assert!(fw.resolve_level1("过程指标").is_none());
        assert_eq!(
            fw.category("满意度指标", "社会公众或服务对象满意度指标"),
            Some(Category::Satisfaction)
        );
        assert_eq!(
            fw.category("产出指标", "数量指标（或建筑规模指标）"),
            Some(Category::Quantity)
        );
        assert_eq!(fw.category("效益指标", "社会效益"), Some(Category::Benefit));
        assert_eq!(undecorated("数量指标（必填）"), "数量指标");
        assert_eq!(undecorated("质量指标"), "质量指标");
    }

    #[test]
    fn legacy_puts_cost_under_output() {
        let fw = Framework::parse(BUILTIN[0].1).unwrap();
        assert_eq!(fw.category("产出指标", "成本指标"), Some(Category::Cost));
        assert_eq!(fw.category("效益指标", "成本指标"), None);
    }
}
