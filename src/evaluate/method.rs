//! The scoring method is data: a YAML file giving the weight of the budget execution rate
//! and of each group of indicators, the score ranges of the qualitative grades, the
//! overshoot that needs a reason, and the total's ratings.
//!
//! `national` (财预〔2020〕10号) ships inside the binary (`scoring/national.yaml`). A
//! document may name another method with `scoring: NAME`, looked up as
//! `scoring/NAME.yaml` in the folder that holds the document; a file there also replaces
//! the built-in method of the same name.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::check::framework::Category;

/// The method used when a document names none.
pub const DEFAULT: &str = "national";

/// The methods compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[("national", include_str!("../../scoring/national.yaml"))];

/// A scoring file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub name: String,
    /// The method's title, printed under each 自评表 (`评分办法：…`).
    pub title: String,
    /// The weight of the budget execution rate (预算执行率).
    pub execution: Points,
    /// The weight of each group of indicator rows.
    pub weights: Vec<WeightGroup>,
    /// The qualitative grades, best first.
    pub grades: Vec<Grade>,
    /// How far (in percent of the target) an actual may beat its target before the row
    /// needs a reason.
    pub overshoot: Points,
    /// The ratings of the total, best first.
    pub ratings: Vec<Rating>,
}

/// Rows that share one weight: those whose 二级 has one of `categories`, or, when the
/// category is unknown, whose 一级 is one of `level1`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightGroup {
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub level1: Vec<String>,
    pub weight: Points,
}

/// A qualitative grade and its share of the row's weight, in percent.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub name: String,
    pub min: Points,
    pub max: Points,
    /// The share used when the row gives no `score`.
    pub default: Points,
}

/// A rating of the total: reached at `min` points.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub name: String,
    pub min: Points,
}

/// A number of points read exactly from YAML (`10`, `12.5`), never through a binary float
/// approximation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Points(pub Decimal);

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Points;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("一个非负数")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Points, E> {
                Ok(Points(Decimal::from(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Points, E> {
                if v < 0 {
                    return Err(E::custom(format!("分值不能为负：{v}")));
                }
                Ok(Points(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Points, E> {
                // The shortest decimal that reads back as this float is what was written.
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Points, E> {
                match Decimal::from_str_exact(v.trim()) {
                    Ok(d) if !d.is_sign_negative() => Ok(Points(d.normalize())),
                    _ => Err(E::custom(format!("不是有效的分值：{v}"))),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Why a method could not be resolved.
#[derive(Debug)]
pub enum MethodError {
    /// No built-in and no file with this name.
    NotFound { looked_at: Option<PathBuf> },
    /// The file exists but is not a valid scoring file.
    Invalid { path: String, reason: String },
}

impl MethodError {
    /// The message shown to the user.
    pub fn message(&self, name: &str) -> String {
        match self {
            MethodError::NotFound {
                looked_at: Some(path),
            } => format!(
                "找不到评分办法 `{name}`：没有内置的同名办法，也没有文件 {}",
                crate::load::display_path(path)
            ),
            MethodError::NotFound { looked_at: None } => {
                format!("评分办法名称 `{name}` 无效")
            }
            MethodError::Invalid { path, reason } => {
                format!("评分文件 {path} 无效：{reason}")
            }
        }
    }
}

impl Method {
    /// Parses a scoring file and checks that its parts fit together.
    pub fn parse(text: &str) -> Result<Method, String> {
        let method: Method =
            serde_saphyr::from_str(text).map_err(|e| crate::load::yaml::error_zh(&e))?;
        let hundred = Decimal::ONE_HUNDRED;
        if method.weights.is_empty() {
            return Err("weights 中没有任何指标组".into());
        }
        if method.grades.is_empty() {
            return Err("grades 中没有任何完成等级".into());
        }
        for g in &method.grades {
            if !(g.min.0 <= g.default.0 && g.default.0 <= g.max.0 && g.max.0 <= hundred) {
                return Err(format!(
                    "完成等级“{}”的区间无效：应满足 0 ≤ min ≤ default ≤ max ≤ 100",
                    g.name
                ));
            }
        }
        if method.ratings.is_empty() {
            return Err("ratings 中没有任何等级".into());
        }
        if method.ratings.windows(2).any(|w| w[0].min.0 <= w[1].min.0) {
            return Err("ratings 应从高到低排列，min 依次减小".into());
        }
        Ok(method)
    }

    /// Finds the method called `name` for a document whose main file is `doc_file` (a
    /// path as shown in diagnostics, relative to the working folder).
    pub fn resolve(name: &str, doc_file: &str) -> Result<Method, MethodError> {
        let custom = custom_path(name, doc_file);
        if let Some(path) = custom.as_ref().filter(|p| p.is_file()) {
            let shown = crate::load::display_path(path);
            let text = std::fs::read_to_string(path).map_err(|e| MethodError::Invalid {
                path: shown.clone(),
                reason: crate::diag::io_reason(&e),
            })?;
            return Method::parse(&text).map_err(|reason| MethodError::Invalid {
                path: shown,
                reason,
            });
        }
        match BUILTIN.iter().find(|(n, _)| *n == name) {
            Some((n, text)) => Method::parse(text).map_err(|reason| MethodError::Invalid {
                path: format!("<内置 {n}>"),
                reason,
            }),
            None => Err(MethodError::NotFound { looked_at: custom }),
        }
    }

    /// The built-in national method.
    pub fn national() -> Method {
        Method::parse(BUILTIN[0].1).expect("the built-in scoring method parses")
    }

    /// The grade with this name.
    pub fn grade(&self, name: &str) -> Option<&Grade> {
        self.grades.iter().find(|g| g.name == name)
    }

    /// The names of the grades, for messages.
    pub fn grade_names(&self) -> Vec<&str> {
        self.grades.iter().map(|g| g.name.as_str()).collect()
    }

    /// The rating a total reaches.
    pub fn rating(&self, total: Decimal) -> &str {
        self.ratings
            .iter()
            .find(|r| total >= r.min.0)
            .or(self.ratings.last())
            .map_or("", |r| r.name.as_str())
    }

    /// The weight group of a row: by its 二级's category when known, else by its 一级.
    pub fn group_of(&self, category: Option<Category>, level1: &str) -> Option<usize> {
        if let Some(c) = category
            && let Some(i) = self.weights.iter().position(|g| g.categories.contains(&c))
        {
            return Some(i);
        }
        self.weights
            .iter()
            .position(|g| g.level1.iter().any(|n| n == level1))
    }
}

/// Where a custom method of a document would live.
fn custom_path(name: &str, doc_file: &str) -> Option<PathBuf> {
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let dir = Path::new(doc_file).parent().unwrap_or(Path::new(""));
    Some(dir.join("scoring").join(format!("{name}.yaml")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_parses_with_exact_weights() {
        let m = Method::national();
        assert_eq!(m.execution.0, Decimal::from(10));
        let total: Decimal = m.weights.iter().map(|g| g.weight.0).sum::<Decimal>() + m.execution.0;
        assert_eq!(total, Decimal::ONE_HUNDRED);
        assert_eq!(m.rating(Decimal::from(90)), "优");
        assert_eq!(m.rating(Decimal::new(8999, 2)), "良");
        assert_eq!(m.rating(Decimal::from(60)), "中");
        assert_eq!(m.rating(Decimal::new(5999, 2)), "差");
    }

    #[test]
    fn decimal_points_read_exactly() {
        let m = Method::parse(&BUILTIN[0].1.replace("execution: 10", "execution: 12.35")).unwrap();
        assert_eq!(m.execution.0, Decimal::new(1235, 2));
    }

    #[test]
    fn bad_ranges_are_refused() {
        let bad = BUILTIN[0].1.replace(
            "min: 80, max: 100, default: 100",
            "min: 80, max: 100, default: 50",
        );
        assert!(Method::parse(&bad).unwrap_err().contains("达成"));
    }
}
