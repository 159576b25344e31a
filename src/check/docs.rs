//! The rule reference generated from the registry: `jixiao explain CODE` prints one
//! rule (or output/import code), `jixiao rules --markdown` writes the book chapter
//! `book/src/rules.md`.

use super::rules::{self, Pass, Rule};

/// One rule's documentation as Markdown, with a heading.
pub fn rule_markdown(rule: &Rule, heading: &str) -> String {
    let fix = if rule.fixable {
        "；可用 `jixiao check --fix` 自动修复"
    } else {
        ""
    };
    let doc = rule.doc.replace("\n## ", &format!("\n{heading}# "));
    let doc = doc
        .strip_prefix("## ")
        .map(|d| format!("{heading}# {d}"))
        .unwrap_or(doc);
    let level = if rule.configurable() {
        "默认级别"
    } else {
        "级别"
    };
    let fixed = if rule.configurable() {
        ""
    } else {
        "；不是校验规则，不能在 `rules:` 或 `allow:` 中配置"
    };
    format!(
        "{heading} {code} {summary}\n\n名称 `{name}`，{level}：{severity}（{severity_en}），所属步骤：{pass}{fix}{fixed}。\n\n{doc}\n",
        code = rule.code,
        summary = rule.summary,
        name = rule.name,
        severity = rule.severity.label_zh(),
        severity_en = rule.severity.as_str(),
        pass = rule.pass.label_zh(),
    )
}

/// The whole rule reference chapter.
pub fn book_chapter() -> String {
    let mut out = String::from(
        "<!-- 本文件由 `jixiao rules --markdown > book/src/rules.md` 生成，请勿手工修改。 -->\n\n# 规则参考\n\n",
    );
    out.push_str("每条规则有一个永不复用的代码、一个默认级别（错误、警告、提示）和下面的说明。");
    out.push_str(
        "文档的 `rules:` 可以调整级别，`allow:` 可以就地允许一条问题（见《校验》一章）。\n\n",
    );
    table(&mut out, rules::ALL);
    out.push_str(
        "\n下列代码由 `jixiao diff` 在比较两版文档时报告（见《比较两版文档》一章）。它们指向新版文档，",
    );
    out.push_str("同样可以在新版的 `rules:` 中调整级别、在 `allow:` 中就地允许。\n\n");
    table(&mut out, rules::DIFF);
    out.push_str(
        "\n下列代码不是 `check` 的规则，而是生成输出（`jixiao build`、`jixiao watch`）与导入（`jixiao import`）时报告的问题。",
    );
    out.push_str(
        "它们同样可以用 `jixiao explain 代码` 查看，但级别固定，不能写在 `rules:` 或 `allow:` 中（写了会报告 A501、A502）。\n\n",
    );
    table(&mut out, rules::OUTPUT_AND_IMPORT);
    let mut pass = None::<Pass>;
    for r in rules::every() {
        if pass != Some(r.pass) {
            pass = Some(r.pass);
            out.push_str(&format!("\n## {}\n", r.pass.label_zh()));
        }
        out.push('\n');
        out.push_str(&format!("<a id=\"{}\"></a>\n\n", r.code.to_lowercase()));
        out.push_str(&rule_markdown(r, "###"));
    }
    out
}

/// A summary table of rules, each code linking to its section.
fn table(out: &mut String, list: &[&Rule]) {
    out.push_str("| 代码 | 名称 | 级别 | 步骤 | 说明 |\n|---|---|---|---|---|\n");
    for r in list {
        out.push_str(&format!(
            "| [{code}](#{anchor}) | `{name}` | {sev} | {pass} | {summary}{fix} |\n",
            code = r.code,
            anchor = r.code.to_lowercase(),
            name = r.name,
            sev = r.severity.label_zh(),
            pass = r.pass.label_zh(),
            summary = r.summary,
            fix = if r.fixable {
                "（可自动修复）"
            } else {
                ""
            },
        ));
    }
}
