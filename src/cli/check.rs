//! `jixiao check`: load, run every pass, report in the chosen format, optionally fix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::common;
use super::{EXIT_INPUT_ERRORS, fail};
use crate::check::report::{self, DocumentFindings, Format};
use crate::check::{self, Suppressed};
use crate::diag::{Diagnostic, Fix};
use crate::load;
use crate::span::{FileId, Sources};

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
    format: Format,
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
    document: Option<crate::model::Document>,
    diagnostics: Vec<Diagnostic>,
    suppressed: Vec<Suppressed>,
    sources: Sources,
}

fn run_one(path: &Path) -> Outcome {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    let mut diagnostics = loaded.diagnostics;
    let mut suppressed = Vec::new();
    if let Some(doc) = &loaded.document {
        let report = check::check(doc, &sources);
        diagnostics.extend(report.diagnostics);
        suppressed = report.suppressed;
    }
    Outcome {
        path: load::display_path(path),
        document: loaded.document,
        diagnostics,
        suppressed,
        sources,
    }
}

/// Applies the certain fixes of one run; returns how many were applied.
fn apply_fixes(outcome: &Outcome) -> Result<usize, String> {
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
        common::write_atomic(Path::new(name), text.as_bytes())
            .map_err(|e| format!("无法写入 {name}：{e}"))?;
        applied += n;
    }
    Ok(applied)
}

/// Fixes never cascade far; this bounds the loop if one ever undoes another.
const MAX_FIX_ROUNDS: usize = 5;

/// Runs `jixiao check`.
pub fn run(args: CheckArgs) -> ExitCode {
    let mut documents = Vec::new();
    for path in &args.paths {
        if !path.exists() {
            return fail(format!("路径不存在：{}", path.display()));
        }
        let found = common::find_documents(path);
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
                match apply_fixes(&outcome) {
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
            diagnostics: &o.diagnostics,
            suppressed: &o.suppressed,
            sources: &o.sources,
        })
        .collect();
    let mut out = if args.format == Format::Html {
        let inputs: Vec<crate::render::html::ReportInput> = outcomes
            .iter()
            .map(|o| crate::render::html::ReportInput {
                path: &o.path,
                document: o.document.as_ref(),
                diagnostics: &o.diagnostics,
                sources: &o.sources,
            })
            .collect();
        crate::render::html::render_check_reports(&inputs)
    } else {
        report::render(args.format, &findings, args.show_allowed)
    };
    if args.fix && matches!(args.format, Format::Human | Format::Short) {
        out.push_str(&format!("已自动修复 {fixed} 处\n"));
    }
    print_stdout(&out);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    if outcomes
        .iter()
        .any(|o| check::fails(&o.diagnostics, deny_warnings))
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
