//! `jixiao parse-value`.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ParseValueArgs {}

pub fn run(_args: ParseValueArgs) -> ExitCode {
    super::fail("该命令尚未实现")
}
