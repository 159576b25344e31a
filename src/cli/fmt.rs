//! `jixiao fmt`.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct FmtArgs {}

pub fn run(_args: FmtArgs) -> ExitCode {
    super::fail("该命令尚未实现")
}
