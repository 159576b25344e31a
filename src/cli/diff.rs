//! `jixiao diff OLD NEW` and `jixiao diff --rev A..B [PATH]`: read both sides, compare
//! them (library: [`crate::diff`]) and print the report in the chosen format.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use super::check::{Deny, print_stdout};
use super::common;
use super::{EXIT_INPUT_ERRORS, fail};
use crate::diag;
use crate::diff::report;
use crate::diff::source::{self, SideDocument};
use crate::span::Sources;

/// The `--format` of `jixiao diff` (the report functions of [`crate::diff::report`]);
/// the help texts are the ones users read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// 对齐的文字报告（默认；在终端中带颜色）
    Human,
    /// JSON，供脚本使用
    Json,
    /// GitHub Actions 工作流注释
    Github,
    /// Markdown，用于拉取请求的摘要（$GITHUB_STEP_SUMMARY）
    Markdown,
    /// GitLab 代码质量报告（合并请求中的标注）
    Codequality,
    /// 左右对照的 HTML 页面
    Html,
}

#[derive(clap::Args)]
#[command(
    after_help = "示例：\n  jixiao diff 2025 2026                 比较两个年度的文档文件夹\n  jixiao diff --rev main..HEAD .         比较 git 中两个版本的全部文档（不改动工作区）\n  jixiao diff --rev origin/main...HEAD . 与分叉点比较（拉取请求改了什么）"
)]
pub struct DiffArgs {
    /// 旧版与新版：文档文件（.yaml）、文档文件夹（含 jixiao.yaml），或包含多个文档的文件夹；用 --rev 时只写一个路径（默认 .）
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// 比较 git 的两个版本：A..B（B 省略时为工作区），A...B 表示从两者的分叉点到 B
    #[arg(long, value_name = "A..B")]
    rev: Option<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// 把警告也视为失败（退出码 1）
    #[arg(long, value_enum)]
    deny: Option<Deny>,
}

/// The two revisions of `--rev`: `A..B`, `A...B` (from the merge base), `A..` or `A`
/// (against the work tree).
fn revisions(spec: &str) -> Result<(String, Option<String>), String> {
    let (a, b, merge_base) = if let Some((a, b)) = spec.split_once("...") {
        (a, b, true)
    } else if let Some((a, b)) = spec.split_once("..") {
        (a, b, false)
    } else {
        (spec, "", false)
    };
    if a.is_empty() {
        return Err(format!(
            "--rev {spec}：缺少旧版本，写作 A..B（如 main..HEAD）"
        ));
    }
    let b = (!b.is_empty()).then(|| b.to_string());
    if merge_base {
        let new = b.clone().unwrap_or_else(|| "HEAD".to_string());
        return Ok((source::merge_base(a, &new)?, Some(new)));
    }
    Ok((a.to_string(), b))
}

fn load_sides(
    args: &DiffArgs,
    sources: &mut Sources,
) -> Result<(Vec<SideDocument>, Vec<SideDocument>), String> {
    match &args.rev {
        Some(spec) => {
            let path = match args.paths.as_slice() {
                [] => PathBuf::from("."),
                [p] => p.clone(),
                _ => return Err("用 --rev 时只写一个路径：jixiao diff --rev A..B PATH".into()),
            };
            let (old_rev, new_rev) = revisions(spec)?;
            let old = source::from_git(&old_rev, &path, &format!("{old_rev}:"), sources)?;
            let new = match new_rev {
                Some(rev) => source::from_git(&rev, &path, "", sources)?,
                None => source::from_disk(&path, sources)?,
            };
            Ok((old, new))
        }
        None => match args.paths.as_slice() {
            [old, new] => Ok((
                source::from_disk(old, sources)?,
                source::from_disk(new, sources)?,
            )),
            _ => Err("需要两个路径：jixiao diff OLD NEW（或 jixiao diff --rev A..B PATH）".into()),
        },
    }
}

/// Whether to color the human report: stdout is a terminal and `NO_COLOR` is not set.
fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs `jixiao diff`.
pub fn run(args: DiffArgs) -> ExitCode {
    let mut sources = Sources::new();
    let (old, new) = match load_sides(&args, &mut sources) {
        Ok(sides) => sides,
        Err(e) => return fail(e),
    };
    let comparison = crate::diff::compare_sides(&old, &new);
    if !comparison.load_errors.is_empty() && args.format != Format::Human {
        // Machine formats carry the loading errors; people also see them on stderr.
        common::eprint_diagnostics(&comparison.load_errors, &sources);
    }
    let out = match args.format {
        Format::Human => report::human(&comparison, &sources, color()),
        Format::Json => report::json(&comparison, &sources),
        Format::Github => report::github(&comparison, &sources),
        Format::Markdown => report::markdown(&comparison, &sources),
        Format::Codequality => report::codequality(&comparison, &sources),
        Format::Html => match crate::diff::html::render(&comparison, &sources) {
            Ok(html) => html,
            Err(errors) => {
                eprint!("{}", diag::render_human(&errors, &sources));
                return ExitCode::from(super::EXIT_FAILURE);
            }
        },
    };
    print_stdout(&out);
    if report::fails(&comparison, args.deny == Some(Deny::Warnings)) {
        ExitCode::from(EXIT_INPUT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
