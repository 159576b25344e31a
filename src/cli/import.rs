//! `jixiao import`: a published document (.docx, old Word formats, its extracted text) or
//! a spreadsheet → a document folder (or one YAML file), then a check of what came in.
//!
//! Nothing is written unless the whole import succeeds: the output is built in a
//! temporary folder beside the target, re-loaded and re-written to prove it reads back as
//! the same document, and only then renamed into place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::common::eprint_diagnostics;
use super::{EXIT_INPUT_ERRORS, fail};
use crate::check;
use crate::diag;
use crate::import::{ImportOptions, MAX_INPUT, import_bytes};
use crate::load::{self, DOCUMENT_FILE};
use crate::model::Document;
use crate::pipeline::write_atomic;
use crate::span::Sources;
use crate::yamlfmt::{self, SchemaPaths};

#[derive(clap::Args)]
pub struct ImportArgs {
    /// 已发布的文档（.docx，或 .doc/.wps/.rtf，经 LibreOffice 转换）、从 .docx 提取的文本，或电子表格（.xlsx/.xls/.et）；格式按内容识别
    file: PathBuf,
    /// 输出位置：文件夹（jixiao.yaml 加每个项目一个文件）；以 .yaml 结尾时写成单个文件
    #[arg(long)]
    out: PathBuf,
    /// 预算年度（默认从标题、期限和项目编码推断）
    #[arg(long)]
    year: Option<i32>,
}

pub fn run(args: ImportArgs) -> ExitCode {
    if args.out.exists() && !is_empty_dir(&args.out) {
        return fail(format!(
            "输出位置 {} 已存在且不为空；为免覆盖已有内容，请换一个位置或先删除它",
            args.out.display()
        ));
    }
    let size = match std::fs::metadata(&args.file) {
        Ok(m) if m.is_dir() => {
            return fail(format!(
                "{} 是文件夹；请给出要导入的文件（.docx、.xlsx 等）",
                args.file.display()
            ));
        }
        Ok(m) => m.len(),
        Err(e) => return fail(diag::cannot_read(&args.file, &e)),
    };
    if size > MAX_INPUT {
        return fail(format!(
            "{} 有 {} MB，超过导入上限 {} MB；绩效目标表文档通常只有几百 KB，请确认选对了文件",
            args.file.display(),
            size >> 20,
            MAX_INPUT >> 20
        ));
    }
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => return fail(diag::cannot_read(&args.file, &e)),
    };
    let mut sources = Sources::new();
    let options = ImportOptions { year: args.year };
    let name = load::display_path(&args.file);
    let imported = match import_bytes(&name, &bytes, &mut sources, &options) {
        Ok(i) => i,
        Err(diags) => {
            eprint_diagnostics(&diags, &sources);
            eprintln!("导入失败：没有写入任何文件");
            return ExitCode::from(EXIT_INPUT_ERRORS);
        }
    };
    eprint_diagnostics(&imported.notes, &sources);
    write_imported(&imported.document, &args.out)
}

/// Checks what was imported and prints the counts and the next command: an office sees
/// last year's defects at once.
fn report_findings(out: &Path) {
    let mut sources = Sources::new();
    let loaded = load::load_path(out, &mut sources);
    let mut diags = loaded.diagnostics;
    if let Some(doc) = &loaded.document {
        diags.extend(check::check(doc, &sources).diagnostics);
    }
    let (errors, warnings, infos) = crate::diag::summary(&diags);
    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &diags {
        *codes.entry(d.code.as_str()).or_default() += 1;
    }
    let mut top: Vec<(&str, usize)> = codes.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = top
        .iter()
        .take(5)
        .map(|(c, n)| format!("{c} × {n}"))
        .collect();
    let most = if top.is_empty() {
        String::new()
    } else {
        format!("（最多的：{}）", top.join("、"))
    };
    eprintln!("检查结果：{errors} 个错误，{warnings} 个警告，{infos} 条提示{most}");
    eprintln!(
        "下一步：jixiao check {}",
        shell_word(&out.display().to_string())
    );
}

/// A path as one shell word.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| !c.is_whitespace() && !"'\"$`&|;<>()*?[]{}!#~".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn write_imported(doc: &Document, out: &Path) -> ExitCode {
    let single = load::is_yaml(out);
    let result = if single {
        write_single(doc, out)
    } else {
        write_folder(doc, out)
    };
    match result {
        Ok(()) => {
            eprintln!(
                "已导入 {} 张表（{} 年，金额单位{}）→ {}",
                doc.projects.len(),
                doc.year.value,
                doc.amount_unit.value.label(),
                out.display()
            );
            report_findings(out);
            ExitCode::SUCCESS
        }
        Err(message) => fail(format!("{message}；没有写入任何文件")),
    }
}

fn is_empty_dir(p: &Path) -> bool {
    std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_none())
}

/// Where the `schema/` folder is for an output at `target`: the nearest ancestor that has
/// `schema/jixiao.schema.json`, else the nearest with `.git`, else the target's parent.
/// Returns the schema paths relative to a file directly inside `dir`.
pub fn schema_paths_for(dir: &Path) -> SchemaPaths {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let found = abs
        .ancestors()
        .find(|a| a.join("schema/jixiao.schema.json").is_file())
        .or_else(|| abs.ancestors().find(|a| a.join(".git").exists()));
    let depth = match found {
        Some(root) => abs
            .strip_prefix(root)
            .map(|r| r.components().count())
            .unwrap_or(0),
        None => 0,
    };
    SchemaPaths::at_depth(depth)
}

fn write_single(doc: &Document, out: &Path) -> Result<(), String> {
    let parent = out.parent().unwrap_or(Path::new("."));
    let text = yamlfmt::document_single(doc, &schema_paths_for(parent));
    verify(&text, None)?;
    write_atomic(out, text.as_bytes()).map_err(|e| diag::cannot_write(out, &e))
}

fn write_folder(doc: &Document, out: &Path) -> Result<(), String> {
    let (settings, projects) = yamlfmt::document_folder(doc, &schema_paths_for(out));
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    let tmp = parent.join(format!(".{name}.import-{}", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(&tmp)?;
        std::fs::write(tmp.join(DOCUMENT_FILE), &settings)?;
        for (file, text) in &projects {
            std::fs::write(tmp.join(file), text)?;
        }
        Ok(())
    })();
    let checked = written
        .map_err(|e| {
            format!(
                "无法写入临时文件夹 {}：{}",
                tmp.display(),
                diag::io_reason(&e)
            )
        })
        .and_then(|()| verify(&settings, Some((&tmp, &projects))));
    let moved = checked.and_then(|()| {
        if out.exists() {
            std::fs::remove_dir(out)
                .map_err(|e| format!("无法替换 {}：{}", out.display(), diag::io_reason(&e)))?;
        }
        std::fs::rename(&tmp, out).map_err(|e| diag::cannot_write(out, &e))
    });
    if moved.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    moved
}

/// Loads what is about to be written and writes it again: the bytes must not change, or
/// the YAML would not read back as the imported document.
fn verify(single: &str, folder: Option<(&Path, &[(String, String)])>) -> Result<(), String> {
    let mut sources = Sources::new();
    let loaded = match folder {
        Some((dir, _)) => load::load_path(dir, &mut sources),
        None => load::load_str("导入结果.yaml", single, &mut sources),
    };
    let Some(doc) = loaded.document else {
        let text = crate::diag::render_short(&loaded.diagnostics, &sources);
        return Err(format!("内部错误：导入结果无法重新读取：\n{text}"));
    };
    let same = match folder {
        Some((_, projects)) => {
            let schema = schema_paths_for(Path::new("."));
            let (s2, p2) = yamlfmt::document_folder(&doc, &schema);
            strip_schema(&s2) == strip_schema(single)
                && p2.len() == projects.len()
                && p2
                    .iter()
                    .zip(projects)
                    .all(|(a, b)| a.0 == b.0 && strip_schema(&a.1) == strip_schema(&b.1))
        }
        None => {
            let again = yamlfmt::document_single(&doc, &SchemaPaths::at_depth(0));
            strip_schema(&again) == strip_schema(single)
        }
    };
    if same {
        Ok(())
    } else {
        Err("内部错误：导入结果重新读取后与导入内容不一致".to_string())
    }
}

/// The text without its first line when that is the schema comment.
fn strip_schema(text: &str) -> &str {
    if text.starts_with("# yaml-language-server:") {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    }
}
