//! `jixiao import`.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ImportArgs {}

pub fn run(_args: ImportArgs) -> ExitCode {
    super::fail("该命令尚未实现")
}
