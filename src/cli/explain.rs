//! `jixiao explain`.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ExplainArgs {}

pub fn run(_args: ExplainArgs) -> ExitCode {
    super::fail("该命令尚未实现")
}
