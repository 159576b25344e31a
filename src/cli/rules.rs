//! `jixiao rules`: the rule registry as a table, as JSON, or as the book chapter.

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

pub fn run(args: RulesArgs) -> ExitCode {
    let mut out = String::new();
    if args.markdown {
        out = docs::book_chapter();
    } else if args.json {
        let list: Vec<serde_json::Value> = rules::ALL
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.as_str(),
                    "pass": r.pass,
                    "summary": r.summary,
                    "fixable": r.fixable,
                })
            })
            .collect();
        out = serde_json::to_string_pretty(&list).unwrap_or_default();
        out.push('\n');
    } else {
        out.push_str(&format!(
            "{}{}{}{}说明\n",
            pad("代码", 6),
            pad("级别", 6),
            pad("步骤", 8),
            pad("名称", 28)
        ));
        for r in rules::ALL {
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
        out.push_str("\n用 `jixiao explain 代码` 查看一条规则的详细说明。\n");
    }
    super::check::print_stdout(&out);
    ExitCode::SUCCESS
}
