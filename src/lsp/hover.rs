//! Hover: a rule code explains itself (as `jixiao explain`), a value (or a 自评 `actual:`)
//! shows how jixiao reads it (as `jixiao parse-value`), a 一级 or 二级 name shows its place
//! in the document's framework, and says so when it is an alias.

use crate::check::framework::{Category, Framework};
use crate::check::{docs, rules};
use crate::load::yaml;
use crate::span::Span;
use crate::value::{self, Value};

use super::syntax::{self, Target};

/// Markdown for what is at `offset` of a YAML file, with the span it is about.
pub fn hover(text: &str, offset: usize, framework: Option<&Framework>) -> Option<(String, Span)> {
    let root = yaml::parse(0, text).ok()?;
    let place = syntax::locate(&root, offset)?;
    match place.target {
        Target::Key(key) => {
            let under_codes = place.parent_key() == Some("allow") || place.path == ["rules"];
            under_codes.then_some(())?;
            let rule = rules::lookup(key.value.trim())?;
            Some((docs::rule_markdown(rule, "#"), key.span))
        }
        Target::Value { text, span } => {
            let key = place.parent_key()?;
            let in_plan = place.path.contains(&"spending_plan");
            match key {
                "value" | "actual" => Some((value_markdown(text), span)),
                _ if in_plan => Some((value_markdown(text), span)),
                "level1" => Some((level1_markdown(text, framework?), span)),
                "level2" => Some((level2_markdown(text, framework?), span)),
                _ => None,
            }
        }
    }
}

/// How a 指标值 reads: its kind and parts in words, then the `parse-value` JSON.
pub fn value_markdown(input: &str) -> String {
    let parsed = value::parse(input);
    let mut lines = vec![format!("**指标值** `{input}`"), String::new()];
    let mut item = |label: &str, v: String| lines.push(format!("- {label}：{v}"));
    item("类型", parsed.kind.kind_label().to_string());
    if let Some(c) = parsed.kind.comparator() {
        item(
            "比较符",
            format!("{}（{}）", c.as_str(), relation_zh(c.relation().symbol())),
        );
    }
    match &parsed.kind {
        Value::Quantity {
            number, multiplier, ..
        } => {
            item("数值", number.to_string());
            if let Some(m) = multiplier {
                item("倍数", format!("{}（×{}）", m.as_str(), m.factor()));
            }
        }
        Value::Percent { number, .. } => item("数值", format!("{number}%")),
        Value::Ratio { left, right, .. } => item("比例", format!("{left}:{right}")),
        Value::Range { low, high, .. } => item("范围", format!("{low} 至 {high}")),
        Value::Date { qualifier, .. } => {
            // The date alone, as written canonically, without comparator or qualifier.
            let mut date = parsed.kind.clone();
            if let Value::Date {
                comparator,
                qualifier,
                ..
            } = &mut date
            {
                (*comparator, *qualifier) = (None, None);
            }
            item("日期", date.to_string());
            if let Some(q) = qualifier {
                let meaning = if q.is_deadline() {
                    "期限"
                } else {
                    "完成时间"
                };
                item("限定", format!("{}（{meaning}）", q.as_str()));
            }
        }
        Value::Period { from, to } => item("期间", format!("{from} 至 {to}")),
        Value::Duration {
            factor,
            number,
            qualifier,
            ..
        } => {
            match factor {
                Some(f) => item("时长", format!("{f}×{number}")),
                None => item("时长", number.to_string()),
            }
            if let Some(q) = qualifier {
                item("限定", q.as_str().to_string());
            }
        }
        Value::Text { .. } => {}
    }
    if let Some(u) = parsed.kind.unit() {
        let base = if u.base != u.symbol && u.scale != 1 {
            format!("，1{} = {}{}", u.symbol, u.scale, u.base)
        } else {
            String::new()
        };
        item(
            "单位",
            format!("{}（{}{base}）", u.symbol, dimension_label(u.dimension)),
        );
    }
    match parsed.canonical() {
        Some(c) if c == input => item("规范写法", format!("`{c}`（已是规范写法）")),
        Some(c) => item("规范写法", format!("`{c}`")),
        None => {}
    }
    for p in &parsed.problems {
        lines.push(format!("- 问题：{}", p.message));
    }
    let json = serde_json::to_string_pretty(&parsed).unwrap_or_default();
    lines.push(String::new());
    lines.push(format!(
        "`jixiao parse-value` 的结果：\n\n```json\n{json}\n```"
    ));
    lines.join("\n")
}

fn relation_zh(symbol: &str) -> &'static str {
    match symbol {
        "≥" => "不低于",
        "≤" => "不高于",
        ">" => "高于",
        "<" => "低于",
        _ => "等于",
    }
}

pub fn dimension_label(d: value::Dimension) -> &'static str {
    use value::Dimension::*;
    match d {
        Money => "金额",
        UnitPrice => "单价",
        Count => "计数",
        Percent => "百分比",
        Time => "时间",
        Area => "面积",
        Length => "长度",
        Weight => "重量",
        Energy => "能量",
        Rate => "比率",
        Unknown => "单位表中没有的单位",
    }
}

/// What values of a category look like, for the hover of a 二级 name.
pub fn category_zh(c: Category) -> &'static str {
    match c {
        Category::Quantity => "数量：带比较符和单位的数量，如 `≥8000人`",
        Category::Quality => "质量：合格率、准确率等，通常是百分比，如 `≥95%`",
        Category::Timeliness => "时效：完成期限或时长，如 `2025年12月31日前`、`≤3个工作日`",
        Category::Cost => "成本：金额上限，不超过预算，如 `≤41.66万元`",
        Category::Benefit => "效益：可以是定性文字（如 `有效提升`），也可以是数值",
        Category::Satisfaction => "满意度：`≥x%` 形式的满意度目标，如 `≥90%`",
    }
}

fn framework_line(fw: &Framework) -> String {
    format!("指标体系 `{}`：{}", fw.name, fw.title)
}

/// The line that says a name is written another way than the framework's, if it is.
fn alias_line(written: &str, name: &str, aliases: &[String]) -> Option<String> {
    if written.trim() == name {
        return None;
    }
    let declared = aliases.iter().any(|a| a == written.trim());
    let how = if declared { "别名" } else { "写法" };
    Some(format!(
        "`{}` 是 `{name}` 的{how}；规范名称是 `{name}`（`jixiao check --fix` 改为规范名称）",
        written.trim()
    ))
}

/// The other names a framework entry accepts, as a line.
fn aliases_line(aliases: &[String]) -> Option<String> {
    (!aliases.is_empty()).then(|| format!("别名：{}", aliases.join("、")))
}

fn level1_markdown(name: &str, fw: &Framework) -> String {
    let mut out = Vec::new();
    match fw.level1(name) {
        Some(l1) => {
            out.push(format!(
                "**一级指标 {}**（{}）",
                l1.name,
                framework_line(fw)
            ));
            out.push(String::new());
            if let Some(line) = alias_line(name, &l1.name, &l1.aliases) {
                out.push(line);
                out.push(String::new());
            }
            if let Some(line) = aliases_line(&l1.aliases) {
                out.push(line);
                out.push(String::new());
            }
            out.push("可用的二级指标：".into());
            out.push(String::new());
            for l2 in &l1.level2 {
                out.push(format!("- {}（类别：{}）", l2.name, l2.category.label()));
            }
        }
        None => {
            out.push(format!("**{name}** 不是{}中的一级指标", framework_line(fw)));
            out.push(String::new());
            out.push("可用的一级指标：".into());
            out.push(String::new());
            for l1 in &fw.level1 {
                out.push(format!("- {}", l1.name));
            }
        }
    }
    out.join("\n")
}

fn level2_markdown(name: &str, fw: &Framework) -> String {
    let mut out = Vec::new();
    let places: Vec<_> = fw.level2_anywhere(name).collect();
    if places.is_empty() {
        out.push(format!("**{name}** 不是{}中的二级指标", framework_line(fw)));
        out.push(String::new());
        for l1 in &fw.level1 {
            let names: Vec<&str> = l1.level2.iter().map(|l2| l2.name.as_str()).collect();
            out.push(format!("- {}：{}", l1.name, names.join("、")));
        }
        return out.join("\n");
    }
    out.push(format!("**二级指标 {name}**（{}）", framework_line(fw)));
    out.push(String::new());
    for (l1, l2) in places {
        if let Some(line) = alias_line(name, &l2.name, &l2.aliases) {
            out.push(format!("- {line}"));
        }
        out.push(format!("- 属于一级指标：{}", l1.name));
        out.push(format!("- 类别：{}", category_zh(l2.category)));
        if l2.qualitative {
            out.push("- 目标可以是定性文字".into());
        }
        if let Some(line) = aliases_line(&l2.aliases) {
            out.push(format!("- {line}"));
        }
    }
    if !fw.required.is_empty() {
        let required: Vec<&str> = fw.required.iter().map(|c| c.label()).collect();
        out.push(format!(
            "- 每个项目至少要有一行的类别：{}",
            required.join("、")
        ));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_hover_names_the_parts() {
        let md = value_markdown("≤41.66万");
        assert!(md.contains("类型：数量"), "{md}");
        assert!(md.contains("比较符：≤（不高于）"), "{md}");
        assert!(md.contains("`≤41.66万元`"), "{md}");
        assert!(md.contains("\"kind\": \"quantity\""), "{md}");
    }

    #[test]
    fn names_written_as_aliases_say_so() {
        let fw = Framework::resolve("2021", "doc.yaml")
            .ok()
            .expect("built-in framework");
        let md = level1_markdown("效果指标", &fw);
        assert!(md.starts_with("**一级指标 效益指标**"), "{md}");
        assert!(md.contains("`效果指标` 是 `效益指标` 的别名"), "{md}");
        let md = level2_markdown("时效性指标", &fw);
        assert!(md.contains("`时效性指标` 是 `时效指标` 的别名"), "{md}");
        assert!(md.contains("类别：时效"), "{md}");
        let md = level2_markdown("时效指标", &fw);
        assert!(!md.contains("的别名"), "{md}");
        assert!(md.contains("别名：时效性指标"), "{md}");
    }

    #[test]
    fn a_deadline_shows_the_date_and_its_qualifier_apart() {
        let md = value_markdown("2025年12月31日前");
        assert!(md.contains("- 日期：2025年12月31日\n"), "{md}");
        assert!(md.contains("- 限定：前（期限）"), "{md}");
    }

    #[test]
    fn a_period_shows_both_ends() {
        let md = value_markdown("2023年7月-2024年1月");
        assert!(md.contains("类型：期间"), "{md}");
        assert!(md.contains("期间：2023年7月 至 2024年1月"), "{md}");
    }
}
