//! `jixiao lsp`: the language server for editors, over stdin and stdout.

use std::process::ExitCode;

use super::fail;

#[derive(clap::Args)]
pub struct LspArgs {
    /// 与编辑器通过标准输入输出通信（默认且唯一的方式；为兼容常见编辑器配置而接受此选项）
    #[arg(long)]
    stdio: bool,
}

/// Runs `jixiao lsp` until the editor says `exit`.
pub fn run(args: LspArgs) -> ExitCode {
    let _ = args.stdio;
    match crate::lsp::run_stdio() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}
