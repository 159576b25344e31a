//! `jixiao explain CODE`: the documentation of one rule, or of any other code the tool
//! prints (output and import codes).

use std::process::ExitCode;

use super::fail;
use crate::check::{docs, rules};

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// 规则或问题代码，如 C302、P004
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
            "没有规则或代码 `{}`；用 `jixiao rules` 查看所有代码",
            args.code
        )),
    }
}
