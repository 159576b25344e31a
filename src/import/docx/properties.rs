//! The settings a .docx written by jixiao keeps beside its tables: the custom document
//! properties (`docProps/custom.xml`, see [`crate::layout::docx`]). Read back, they make
//! the round trip exact: year, amount unit, the unit's code and name, framework, title and
//! date as they were, the `rules:` overrides and every `allow:` in its place.
//!
//! Properties of other names (WPS and Word add their own) are passed over. A property of
//! jixiao's that cannot be read is an I307 error pointing at its value in the listing,
//! never silently dropped: the rules and allowed findings are a reviewer's decisions.

use std::collections::BTreeMap;

use super::xml::Element;
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::layout::docx::{ALLOW_PROPERTY, RULES_PROPERTY, allow as key};
use crate::layout::xlsx::info;
use crate::model::{Allow, AmountUnit, Document, RuleLevel, Unit};
use crate::span::{Span, Spanned};

/// The property names jixiao reads, in the order the listing shows them.
pub const NAMES: &[&str] = &[
    info::YEAR,
    info::AMOUNT_UNIT,
    info::UNIT_CODE,
    info::UNIT_NAME,
    info::FRAMEWORK,
    info::TITLE,
    info::DATE,
    RULES_PROPERTY,
    ALLOW_PROPERTY,
];

/// jixiao's properties in `custom.xml`, as (name, text), first of each name only.
pub fn read(custom: &Element) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in custom.elements().filter(|e| e.name == "property") {
        let Some(name) = p.attr("name") else { continue };
        if !NAMES.contains(&name) || out.iter().any(|(n, _)| n == name) {
            continue;
        }
        // The value is the one typed child (vt:lpwstr, vt:lpstr, vt:i4, …).
        let value = p.elements().next().map(Element::text).unwrap_or_default();
        out.push((name.to_string(), value));
    }
    out
}

/// The span of bytes `from..to` of a property's value, in the listing (where a line
/// break is shown as `⏎` and a tab as `→`, three bytes each instead of one).
fn within(value: &Spanned<String>, from: usize, to: usize) -> Span {
    let shift = |b: usize| {
        let b = value.value.floor_char_boundary(b.min(value.value.len()));
        b + 2 * value.value[..b].matches(['\n', '\t']).count()
    };
    let start = value.span.start + shift(from);
    let end = (value.span.start + shift(to)).max(start);
    Span::new(value.span.file, start, end)
}

/// Where the custom properties are edited.
const PLACE: &str =
    "Word：“文件 → 信息 → 属性 → 高级属性 → 自定义”；WPS：“文件 → 文档属性 → 自定义”";

/// How to fix a property, ending every I307 help.
fn fix() -> String {
    format!("在自定义属性中改正或删除该属性后重新导入（{PLACE}）")
}

/// A property as listed: its name and its value with the value's place in the listing.
pub type Listed = (String, Spanned<String>);

/// Rule overrides and where each is written.
type Rules = (BTreeMap<String, RuleLevel>, BTreeMap<String, Span>);

/// The settings read from the properties, validated, not yet applied.
#[derive(Default)]
pub struct Settings {
    pub year: Option<Spanned<i32>>,
    amount_unit: Option<Spanned<AmountUnit>>,
    unit_code: Option<Spanned<String>>,
    unit_name: Option<Spanned<String>>,
    framework: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    rules: Option<Rules>,
    allows: Vec<Placed>,
}

/// One entry of 允许: table, row (None: the project) and the allow.
struct Placed {
    number: usize,
    table: usize,
    row: Option<usize>,
    allow: Allow,
}

fn error(message: String, at: Span, label: &str, help: String) -> Diagnostic {
    Diagnostic::of(&rules::I307, message)
        .at(at, label)
        .with_help(help)
}

/// A JSON property's value, or the located syntax error.
fn json(name: &str, value: &Spanned<String>, shape: &str) -> Result<serde_json::Value, Diagnostic> {
    serde_json::from_str(&value.value).map_err(|e| {
        let (line, column) = (e.line().max(1), e.column().max(1));
        let offset: usize = value
            .value
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum::<usize>()
            + column
            - 1;
        let what = if e.is_eof() {
            "JSON 不完整（在结尾处中断，可能少了引号或括号）".to_string()
        } else {
            format!("第 {line} 行第 {column} 列附近有语法错误")
        };
        // serde_json's column is that of the character it stopped at; at the end there is
        // none, so the last one is shown.
        let offset = offset.min(value.value.len().saturating_sub(1));
        error(
            format!("Word 文档属性“{name}”不是有效的 JSON：{what}"),
            within(value, offset, offset + 1),
            "此处",
            format!("应为 JSON，如 {shape}；{}", fix()),
        )
    })
}

impl Settings {
    /// Validates the listed properties; every problem is one I307 error.
    pub fn read(properties: &[Listed]) -> (Settings, Vec<Diagnostic>) {
        let mut s = Settings::default();
        let mut errors = Vec::new();
        for (name, value) in properties {
            let text = || Some(Spanned::new(value.value.clone(), value.span));
            match name.as_str() {
                info::YEAR => match value.value.trim().parse::<i32>() {
                    Ok(y) if (2000..=2100).contains(&y) => {
                        s.year = Some(Spanned::new(y, value.span));
                    }
                    _ => errors.push(error(
                        format!(
                            "Word 文档属性“预算年度”应为四位数年份，而不是“{}”",
                            value.value
                        ),
                        value.span,
                        "此处",
                        format!("如 2025；{}", fix()),
                    )),
                },
                info::AMOUNT_UNIT => match AmountUnit::from_label(value.value.trim()) {
                    Some(u) => s.amount_unit = Some(Spanned::new(u, value.span)),
                    None => errors.push(error(
                        format!(
                            "Word 文档属性“金额单位”应为“元”或“万元”，而不是“{}”",
                            value.value
                        ),
                        value.span,
                        "此处",
                        format!("与表格单位行的“单位：…”相同；{}", fix()),
                    )),
                },
                info::UNIT_CODE => s.unit_code = text(),
                info::UNIT_NAME => s.unit_name = text(),
                info::FRAMEWORK => s.framework = text(),
                info::TITLE => s.title = text(),
                info::DATE => s.date = text(),
                RULES_PROPERTY => match s.rules_of(value) {
                    Ok(rules) => s.rules = Some(rules),
                    Err(e) => errors.push(e),
                },
                ALLOW_PROPERTY => match s.allows_of(value) {
                    Ok(allows) => s.allows = allows,
                    Err(e) => errors.push(e),
                },
                _ => {}
            }
        }
        (s, errors)
    }

    fn rules_of(&self, value: &Spanned<String>) -> Result<Rules, Diagnostic> {
        let shape = format!(
            r#"{{"{}":"off"}}（规则代码 → error、warning、info 或 off）"#,
            rules::C302.code
        );
        let parsed = json(RULES_PROPERTY, value, &shape)?;
        let serde_json::Value::Object(map) = parsed else {
            return Err(error(
                "Word 文档属性“规则”应为 JSON 对象（规则代码 → 级别）".into(),
                value.span,
                "此处",
                format!("应为 JSON 对象，如 {shape}；{}", fix()),
            ));
        };
        let mut levels = BTreeMap::new();
        let mut spans = BTreeMap::new();
        for (code, level) in map {
            let at = value
                .value
                .find(&format!("\"{code}\""))
                .map_or(value.span, |i| within(value, i, i + code.len() + 2));
            let Some(level) = level.as_str().and_then(RuleLevel::from_name) else {
                return Err(error(
                    format!("Word 文档属性“规则”中 {code} 的级别 {level} 无效"),
                    at,
                    "应为 error、warning、info 或 off",
                    format!("写作 {{\"{code}\":\"warning\"}}；{}", fix()),
                ));
            };
            levels.insert(code.clone(), level);
            spans.insert(code, at);
        }
        Ok((levels, spans))
    }

    fn allows_of(&self, value: &Spanned<String>) -> Result<Vec<Placed>, Diagnostic> {
        let shape = format!(
            r#"[{{"表":5,"行":3,"代码":"{}","理由":"…"}}]（“行”是该表的第几个指标行，省略时指整个项目）"#,
            rules::C313.code
        );
        let parsed = json(ALLOW_PROPERTY, value, &shape)?;
        let bad = |k: usize, what: String| {
            error(
                format!("Word 文档属性“允许”的第 {k} 项{what}"),
                value.span,
                "此属性",
                format!("每项形如 {shape}；{}", fix()),
            )
        };
        let serde_json::Value::Array(entries) = parsed else {
            return Err(error(
                "Word 文档属性“允许”应为 JSON 数组".into(),
                value.span,
                "此处",
                format!("应为 JSON 数组，如 {shape}；{}", fix()),
            ));
        };
        let mut out = Vec::new();
        for (i, entry) in entries.into_iter().enumerate() {
            let k = i + 1;
            let serde_json::Value::Object(map) = entry else {
                return Err(bad(k, "不是 JSON 对象".into()));
            };
            if let Some(unknown) = map.keys().find(|name| {
                ![key::TABLE, key::ROW, key::CODE, key::REASON].contains(&name.as_str())
            }) {
                return Err(bad(k, format!("有无法识别的键“{unknown}”")));
            }
            let number = |name: &str| match map.get(name) {
                None => Ok(None),
                Some(v) => v
                    .as_u64()
                    .filter(|&n| n >= 1)
                    .and_then(|n| usize::try_from(n).ok())
                    .map(Some)
                    .ok_or_else(|| bad(k, format!("的“{name}”应为从 1 起的整数，而不是 {v}"))),
            };
            let text = |name: &str| match map.get(name) {
                Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
                Some(v) => Err(bad(k, format!("的“{name}”应为非空的文字，而不是 {v}"))),
                None => Err(bad(k, format!("缺少“{name}”"))),
            };
            let table =
                number(key::TABLE)?.ok_or_else(|| bad(k, format!("缺少“{}”", key::TABLE)))?;
            let row = number(key::ROW)?;
            let span = value.span;
            out.push(Placed {
                number: k,
                table,
                row,
                allow: Allow {
                    code: Spanned::new(text(key::CODE)?, span),
                    reason: Spanned::new(text(key::REASON)?, span),
                },
            });
        }
        Ok(out)
    }

    /// Puts the settings into the document the tables gave. `year_given`: the user chose
    /// the year (`--year`), which the property does not override.
    pub fn apply(self, doc: &mut Document, year_given: bool) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        if let Some(year) = self.year
            && !year_given
        {
            doc.year = year;
        }
        if let Some(unit) = self.amount_unit {
            if unit.value != doc.amount_unit.value {
                errors.push(
                    Diagnostic::of(
                        &rules::I005,
                        format!(
                            "Word 文档属性“金额单位”是{}，表格的单位行却是{}",
                            unit.value.label(),
                            doc.amount_unit.value.label()
                        ),
                    )
                    .at(unit.span, "文档属性")
                    .with_secondary(doc.amount_unit.span, "表格的单位")
                    .with_help(format!(
                        "金额按表格单位行上的“单位：…”读取；单位行没错时，把该属性改成{}或删除它（{PLACE}）",
                        doc.amount_unit.value.label()
                    )),
                );
            } else {
                doc.amount_unit = unit;
            }
        }
        if self.unit_name.is_some() || self.unit_code.is_some() {
            let old = doc.unit.clone();
            let unit = Unit {
                code: self.unit_code.or_else(|| {
                    // Only the code was kept: the name stays as the tables give it.
                    self.unit_name.is_none().then(|| old.code.clone()).flatten()
                }),
                name: self.unit_name.unwrap_or(old.name.clone()),
            };
            // Each table's unit line as printed: its own unit, else the inferred default.
            for p in &mut doc.projects {
                let printed = p.unit.take().unwrap_or_else(|| old.clone());
                p.unit = (printed.line() != unit.line()).then_some(printed);
            }
            doc.unit = unit;
        }
        if let Some(f) = self.framework {
            doc.framework = f;
        }
        if let Some(t) = self.title {
            doc.title = Some(t);
        }
        if let Some(d) = self.date {
            doc.date = Some(d);
        }
        if let Some((levels, spans)) = self.rules {
            doc.rules = levels;
            doc.rule_spans = spans;
        }
        let tables = doc.projects.len();
        for placed in self.allows {
            let span = placed.allow.code.span;
            let Some(project) = doc.projects.get_mut(placed.table - 1) else {
                errors.push(error(
                    format!(
                        "Word 文档属性“允许”的第 {} 项指向第 {} 张表，文档只有 {tables} 张表",
                        placed.number, placed.table
                    ),
                    span,
                    "此属性",
                    format!("“表”是从 1 起的表号；{}", fix()),
                ));
                continue;
            };
            let Some(r) = placed.row else {
                project.allow.push(placed.allow);
                continue;
            };
            let count = project.rows().count();
            let row = project
                .indicators
                .iter_mut()
                .flat_map(|l1| l1.groups.iter_mut())
                .flat_map(|g| g.rows.iter_mut())
                .nth(r - 1);
            match row {
                Some(row) => row.allow.push(placed.allow),
                None => errors.push(error(
                    format!(
                        "Word 文档属性“允许”的第 {} 项指向第 {} 张表的第 {r} 个指标行，该表只有 {count} 个指标行",
                        placed.number, placed.table
                    ),
                    span,
                    "此属性",
                    format!("“行”是该表从 1 起的第几个指标行（不含表头），省略时指整个项目；{}", fix()),
                )),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
