//! `jixiao rules`.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct RulesArgs {}

pub fn run(_args: RulesArgs) -> ExitCode {
    super::fail("该命令尚未实现")
}
