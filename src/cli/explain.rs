//! `jixiao explain CODE`: one rule's documentation.

use std::process::ExitCode;

use super::fail;
use crate::check::{docs, rules};

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// 规则代码，如 C302
    code: String,
}

/// Runs `jixiao explain`.
pub fn run(args: ExplainArgs) -> ExitCode {
    let code = args.code.trim().to_uppercase();
    match rules::lookup(&code) {
        Some(rule) => {
            super::check::print_stdout(&docs::rule_markdown(rule, "#"));
            ExitCode::SUCCESS
        }
        None => fail(format!(
            "没有规则 `{}`；用 `jixiao rules` 查看所有规则",
            args.code
        )),
    }
}
