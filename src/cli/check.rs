//! `jixiao check`: load, run every pass, report in the chosen format, optionally fix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{EXIT_INPUT_ERRORS, fail};
use crate::check;
use crate::check::report::{self, DocumentFindings, Format};
use crate::diag::Fix;
use crate::load;
use crate::pipeline::{self, Checked};
use crate::span::FileId;

/// The `--format` of `jixiao check`; the help texts are the ones users read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// 带源码行与标注的详细格式（默认）
    Human,
    /// 每个问题一行
    Short,
    /// JSON，供脚本使用
    Json,
    /// GitHub Actions 工作流注释
    Github,
    /// SARIF 2.1.0，供代码扫描平台使用
    Sarif,
    /// HTML 报告：每个问题显示在它所在的单元格旁
    Html,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Human => Format::Human,
            ReportFormat::Short => Format::Short,
            ReportFormat::Json => Format::Json,
            ReportFormat::Github => Format::Github,
            ReportFormat::Sarif => Format::Sarif,
            ReportFormat::Html => Format::Html,
        }
    }
}

/// What `--deny` can turn into errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// 警告也视为失败（退出码 1）
    Warnings,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// 文档文件（.yaml）、文档文件夹（含 jixiao.yaml），或包含多个文档的文件夹
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human")]
    format: ReportFormat,
    /// 把警告也视为失败
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// 自动修复能确定的问题（指标值的规范写法、手写的目标编号、首尾空白），然后重新校验
    #[arg(long)]
    fix: bool,
    /// 在详细格式中也显示已允许（allow）的问题及其理由
    #[arg(long)]
    show_allowed: bool,
}

/// One document's outcome.
struct Outcome {
    path: String,
    checked: Checked,
}

fn run_one(path: &Path) -> Outcome {
    Outcome {
        path: load::display_path(path),
        checked: pipeline::load_and_check(path),
    }
}

/// Applies the certain fixes of one run; returns how many were applied.
fn apply_fixes(outcome: &Checked) -> Result<usize, String> {
    let mut by_file: BTreeMap<FileId, Vec<&Fix>> = BTreeMap::new();
    for d in &outcome.diagnostics {
        if let Some(f) = &d.fix {
            by_file.entry(f.span.file).or_default().push(f);
        }
    }
    let mut applied = 0;
    for (file, fixes) in by_file {
        let (text, n) = check::fix::apply(outcome.sources.text(file), &fixes);
        if n == 0 {
            continue;
        }
        let name = outcome.sources.name(file);
        pipeline::write_atomic(Path::new(name), text.as_bytes())
            .map_err(|e| crate::diag::cannot_write(Path::new(name), &e))?;
        applied += n;
    }
    Ok(applied)
}

/// Fixes never cascade far; this bounds the loop if one ever undoes another.
const MAX_FIX_ROUNDS: usize = 5;

/// Runs `jixiao check`.
pub fn run(args: CheckArgs) -> ExitCode {
    let format = Format::from(args.format);
    let mut documents = Vec::new();
    for path in &args.paths {
        if !path.exists() {
            return fail(format!("路径不存在：{}", path.display()));
        }
        let found = pipeline::find_documents(path);
        if found.is_empty() {
            return fail(format!("{} 下没有找到文档", path.display()));
        }
        documents.extend(found);
    }
    let mut outcomes = Vec::new();
    let mut fixed = 0;
    for doc in &documents {
        let mut outcome = run_one(doc);
        if args.fix {
            for _ in 0..MAX_FIX_ROUNDS {
                match apply_fixes(&outcome.checked) {
                    Ok(0) => break,
                    Ok(n) => {
                        fixed += n;
                        outcome = run_one(doc);
                    }
                    Err(e) => return fail(e),
                }
            }
        }
        outcomes.push(outcome);
    }
    let findings: Vec<DocumentFindings> = outcomes
        .iter()
        .map(|o| DocumentFindings {
            diagnostics: &o.checked.diagnostics,
            suppressed: &o.checked.suppressed,
            sources: &o.checked.sources,
        })
        .collect();
    let mut out = if format == Format::Html {
        let inputs: Vec<crate::render::html::ReportInput> = outcomes
            .iter()
            .map(|o| crate::render::html::ReportInput {
                path: &o.path,
                document: o.checked.document.as_ref(),
                diagnostics: &o.checked.diagnostics,
                sources: &o.checked.sources,
            })
            .collect();
        crate::render::html::render_check_reports(&inputs)
    } else {
        report::render(format, &findings, args.show_allowed)
    };
    if args.fix && matches!(format, Format::Human | Format::Short) {
        out.push_str(&format!("已自动修复 {fixed} 处\n"));
    }
    print_stdout(&out);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    if outcomes
        .iter()
        .any(|o| check::fails(&o.checked.diagnostics, deny_warnings))
    {
        ExitCode::from(EXIT_INPUT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes to stdout, ignoring a closed pipe (`jixiao rules | head` is not a failure).
pub(super) fn print_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}
