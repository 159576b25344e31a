//! `jixiao lsp`: the language server for editors, over stdin and stdout.

use std::process::ExitCode;

use super::fail;

#[derive(clap::Args)]
#[command(
    after_help = "由编辑器启动，不必手动运行：在编辑器的语言服务器设置中把命令写为 `jixiao lsp`，对 YAML 文件启用。\nVS Code、Neovim、Helix、Emacs 等的配置见用户手册《在编辑器中编写》。"
)]
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
