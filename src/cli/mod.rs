//! The `jixiao` command line: one file per subcommand, Chinese help text.
//!
//! Exit codes (documented in the book): 0 success (warnings allowed), 1 the input has
//! errors (or warnings under `--deny warnings`), 2 usage error or internal failure.

mod build;
mod check;
pub(crate) mod common;
mod diff;
mod explain;
mod fmt;
mod help;
mod import;
mod init;
mod lsp;
mod parse_value;
mod rules;
mod schema;
mod watch;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Exit code: the input has errors.
pub const EXIT_INPUT_ERRORS: u8 = 1;
/// Exit code: usage error or internal failure.
pub const EXIT_FAILURE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "jixiao",
    version = crate::version::VERSION,
    long_version = crate::version::LONG_VERSION,
    about = "绩效目标表编译器：把 YAML 写成的项目支出绩效目标表校验并生成 PDF、HTML 和文本",
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 校验并生成文本、HTML、PDF 等输出
    Build(build::BuildArgs),
    /// 只校验，报告问题
    Check(check::CheckArgs),
    /// 比较两版文档（两个年度，或 git 的两个版本）：项目、预算与指标的变化
    Diff(diff::DiffArgs),
    /// 创建一个新的单位仓库：示例文档与 GitHub、GitLab 的 CI 配置
    Init(init::InitArgs),
    /// 监视文件，保存后立即重新生成
    Watch(watch::WatchArgs),
    /// 把已发布的文档（Word、PDF、电子表格，或从 Word 提取的文本）导入为 YAML
    Import(import::ImportArgs),
    /// 解析指标值并以 JSON 显示其结构
    ParseValue(parse_value::ParseValueArgs),
    /// 按统一格式重排 YAML 文件
    Fmt(fmt::FmtArgs),
    /// 输出文档的 JSON Schema
    Schema(schema::SchemaArgs),
    /// 列出所有校验规则
    Rules(rules::RulesArgs),
    /// 解释一条校验规则
    Explain(explain::ExplainArgs),
    /// 语言服务器（LSP）：在编辑器中边写边校验、快速修复、悬停说明与补全
    Lsp(lsp::LspArgs),
}

/// The command tree as users see it: every heading, flag and note in Chinese. A new
/// subcommand in [`Command`] is localized here with the rest; it needs nothing of its own.
pub fn command() -> clap::Command {
    help::localize(Cli::command())
}

/// Parses the command line and runs the subcommand.
pub fn run() -> ExitCode {
    let parsed = command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_failure(&e),
    };
    match cli.command {
        Command::Build(a) => build::run(a),
        Command::Check(a) => check::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Init(a) => init::run(a),
        Command::Watch(a) => watch::run(a),
        Command::Import(a) => import::run(a),
        Command::ParseValue(a) => parse_value::run(a),
        Command::Fmt(a) => fmt::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Lsp(a) => lsp::run(a),
    }
}

/// Help and version go to stdout (exit 0); help shown for a missing subcommand and every
/// usage error go to stderr in Chinese (exit 2).
fn usage_failure(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(EXIT_FAILURE)
        }
        _ => {
            eprint!("{}", help::usage_error(e));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Prints a failure that is not about the user's document (usage, I/O) and returns exit 2.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("错误：{message}");
    ExitCode::from(EXIT_FAILURE)
}
