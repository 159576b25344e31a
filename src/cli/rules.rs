//! `jixiao rules`: the rule registry (check rules, then output and import codes) as a
//! table, as JSON, or as the book chapter.

use std::process::ExitCode;

use unicode_width::UnicodeWidthStr;

use crate::check::{docs, rules};

#[derive(clap::Args)]
pub struct RulesArgs {
    /// 输出 Markdown 规则参考（即 book/src/rules.md）
    #[arg(long, conflicts_with = "json")]
    markdown: bool,
    /// 输出 JSON
    #[arg(long)]
    json: bool,
}

/// Pads to a display width (Chinese characters are two columns wide).
fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// One line per rule under a header line.
fn listing(out: &mut String, list: &[&rules::Rule]) {
    out.push_str(&format!(
        "{}{}{}{}说明\n",
        pad("代码", 6),
        pad("级别", 6),
        pad("步骤", 8),
        pad("名称", 28)
    ));
    for r in list {
        let fix = if r.fixable {
            "（可自动修复）"
        } else {
            ""
        };
        out.push_str(&format!(
            "{}{}{}{}{}{fix}\n",
            pad(r.code, 6),
            pad(r.severity.label_zh(), 6),
            pad(r.pass.label_zh(), 8),
            pad(r.name, 28),
            r.summary
        ));
    }
}

/// Runs `jixiao rules`.
pub fn run(args: RulesArgs) -> ExitCode {
    let mut out = String::new();
    if args.markdown {
        out = docs::book_chapter();
    } else if args.json {
        let list: Vec<serde_json::Value> = rules::every()
            .map(|r| {
                serde_json::json!({
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.as_str(),
                    "pass": r.pass,
                    "summary": r.summary,
                    "fixable": r.fixable,
                    "configurable": r.configurable(),
                })
            })
            .collect();
        out = serde_json::to_string_pretty(&list).unwrap_or_default();
        out.push('\n');
    } else {
        listing(&mut out, rules::ALL);
        out.push_str(
            "\n比较：jixiao diff 比较两版文档时报告的代码，可在新版的 rules: 与 allow: 中配置\n\n",
        );
        listing(&mut out, rules::DIFF);
        out.push_str(
            "\n输出与导入：生成输出（build、watch）与导入（import）时报告的代码，级别固定，不能写在 rules: 或 allow: 中\n\n",
        );
        listing(&mut out, rules::OUTPUT_AND_IMPORT);
        out.push_str("\n用 `jixiao explain 代码` 查看任何一个代码的详细说明。\n");
    }
    super::check::print_stdout(&out);
    ExitCode::SUCCESS
}
