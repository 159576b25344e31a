//! `jixiao fmt`: rewrites document files in the canonical form of [`crate::yamlfmt`].
//!
//! A file is rewritten only when it loads without errors, holds no comment the formatter
//! would lose, and the formatted files load back as the same document. Formatting twice
//! changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::common::{eprint_diagnostics, find_documents, write_atomic};
use super::import::schema_paths_for;
use super::{EXIT_INPUT_ERRORS, fail};
use crate::load::{self, yaml};
use crate::model::Document;
use crate::span::{FileId, Sources};
use crate::yamlfmt::{self, Yaml};

#[derive(clap::Args)]
pub struct FmtArgs {
    /// 文档文件、文档文件夹，或包含多个文档的文件夹
    path: PathBuf,
    /// 只检查：列出需要重排的文件，有则以退出码 1 结束，不改动任何文件
    #[arg(long)]
    check: bool,
}

/// What formatting one document would do.
struct Plan {
    /// (path, current text, formatted text) for every file of the document.
    files: Vec<(PathBuf, String, String)>,
}

pub fn run(args: FmtArgs) -> ExitCode {
    if !args.path.exists() {
        return fail(format!("路径不存在：{}", args.path.display()));
    }
    let documents = find_documents(&args.path);
    if documents.is_empty() {
        return fail(format!("{} 下没有找到文档", args.path.display()));
    }
    let mut failed = false;
    let mut changed = 0;
    for doc_path in &documents {
        match plan(doc_path) {
            Ok(plan) => {
                for (path, old, new) in &plan.files {
                    if old == new {
                        continue;
                    }
                    changed += 1;
                    if args.check {
                        println!("需要重排：{}", load::display_path(path));
                    } else if let Err(e) = write_atomic(path, new.as_bytes()) {
                        eprintln!("错误：无法写入 {}：{e}", path.display());
                        failed = true;
                    } else {
                        println!("已重排：{}", load::display_path(path));
                    }
                }
            }
            Err(message) => {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    if failed || (args.check && changed > 0) {
        ExitCode::from(EXIT_INPUT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Formats one document in memory and proves the result is the same document.
fn plan(doc_path: &Path) -> Result<Plan, String> {
    let mut sources = Sources::new();
    let loaded = load::load_path(doc_path, &mut sources);
    let Some(doc) = loaded.document else {
        eprint_diagnostics(&loaded.diagnostics, &sources);
        return Err(format!(
            "未重排 {}：文档有错误，请先修正",
            load::display_path(doc_path)
        ));
    };
    let files = formatted_files(&doc, &sources, doc_path)?;
    for (path, old, _) in &files {
        if let Some(line) = comment_line(old) {
            return Err(format!(
                "未重排 {}：第 {line} 行有注释，jixiao fmt 无法保证注释留在原处；为免丢失，这个文档的文件都没有改动。\n  提示：把注释内容移到字段中（如项目的 allow 理由），或删除注释后再运行",
                load::display_path(path)
            ));
        }
    }
    verify(doc_path, &files)?;
    Ok(Plan { files })
}

/// The formatted text of every file of a loaded document.
fn formatted_files(
    doc: &Document,
    sources: &Sources,
    doc_path: &Path,
) -> Result<Vec<(PathBuf, String, String)>, String> {
    let text_of = |file: FileId| sources.text(file).to_string();
    if !doc_path.is_dir() {
        let old = text_of(doc.file);
        let schema = schema_line(&old).unwrap_or_else(|| {
            let dir = doc_path.parent().unwrap_or(Path::new("."));
            yamlfmt::schema_line(&schema_paths_for(dir).document)
        });
        let mut new = schema;
        yamlfmt::emit_top(&mut new, &yamlfmt::document_tree(doc, true));
        return Ok(vec![(doc_path.to_path_buf(), old, new)]);
    }
    let defaults = schema_paths_for(doc_path);
    let mut out = Vec::new();
    let settings_old = text_of(doc.file);
    let mut settings =
        schema_line(&settings_old).unwrap_or_else(|| yamlfmt::schema_line(&defaults.document));
    let mut tree = yamlfmt::document_tree(doc, false);
    // Projects may also be written in `jixiao.yaml` itself; they stay there, first.
    let inline: Vec<Yaml> = doc
        .projects
        .iter()
        .filter(|p| p.file == doc.file)
        .map(yamlfmt::project_tree)
        .collect();
    if let (Yaml::Map(entries), false) = (&mut tree, inline.is_empty()) {
        let at = entries
            .iter()
            .position(|(k, _)| *k == "project_order")
            .unwrap_or(entries.len());
        entries.insert(at, ("projects", Yaml::Seq(inline)));
    }
    yamlfmt::emit_top(&mut settings, &tree);
    out.push((doc_path.join(load::DOCUMENT_FILE), settings_old, settings));
    // Each project file holds one project; files are listed in the order they were read.
    let mut by_file: BTreeMap<FileId, &crate::model::Project> = BTreeMap::new();
    for p in doc.projects.iter().filter(|p| p.file != doc.file) {
        by_file.insert(p.file, p);
    }
    for (file, project) in by_file {
        let old = text_of(file);
        let mut new = schema_line(&old).unwrap_or_else(|| yamlfmt::schema_line(&defaults.project));
        yamlfmt::emit_top(&mut new, &yamlfmt::project_tree(project));
        out.push((PathBuf::from(sources.name(file)), old, new));
    }
    Ok(out)
}

/// The file's own schema line, kept as the user wrote it.
fn schema_line(text: &str) -> Option<String> {
    let first = text.lines().next()?;
    first
        .starts_with("# yaml-language-server:")
        .then(|| format!("{first}\n"))
}

/// The 1-based line of the first comment other than the schema line: a `#` at the start
/// of a line or after a blank that is not inside any scalar.
fn comment_line(text: &str) -> Option<usize> {
    let mut inside: Vec<(usize, usize)> = Vec::new();
    if let Ok(root) = yaml::parse(0, text) {
        collect_spans(&root, &mut inside);
    }
    let skip = if text.starts_with("# yaml-language-server:") {
        text.find('\n').map_or(text.len(), |i| i + 1)
    } else {
        0
    };
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate().skip(skip) {
        if b != b'#' {
            continue;
        }
        let starts = i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n');
        if starts && !inside.iter().any(|&(s, e)| s <= i && i < e) {
            return Some(text[..i].matches('\n').count() + 1);
        }
    }
    None
}

fn collect_spans(node: &yaml::Node, out: &mut Vec<(usize, usize)>) {
    match &node.kind {
        yaml::NodeKind::Map(entries) => {
            for (k, v) in entries {
                out.push((k.span.start, k.span.end));
                collect_spans(v, out);
            }
        }
        yaml::NodeKind::Seq(items) => items.iter().for_each(|x| collect_spans(x, out)),
        yaml::NodeKind::Scalar { .. } => out.push((node.span.start, node.span.end)),
        yaml::NodeKind::Null => {}
    }
}

/// Loads the formatted files (in a scratch copy of the document) and formats them again:
/// the same bytes mean the same document, because every field of the model is written.
fn verify(doc_path: &Path, files: &[(PathBuf, String, String)]) -> Result<(), String> {
    let scratch = std::env::temp_dir().join(format!("jixiao-fmt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let result = (|| {
        let target = if doc_path.is_dir() {
            for (path, _, new) in files {
                let rel = path.strip_prefix(doc_path).unwrap_or(path);
                let dest = scratch.join(rel);
                if let Some(parent) = dest.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                std::fs::write(&dest, new).map_err(|e| e.to_string())?;
            }
            scratch.clone()
        } else {
            std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
            let dest = scratch.join("document.yaml");
            std::fs::write(&dest, &files[0].2).map_err(|e| e.to_string())?;
            dest
        };
        let mut sources = Sources::new();
        let loaded = load::load_path(&target, &mut sources);
        let Some(doc) = loaded.document else {
            return Err(crate::diag::render_short(&loaded.diagnostics, &sources));
        };
        let again = formatted_files(&doc, &sources, &target)?;
        let same = again.len() == files.len()
            && again
                .iter()
                .zip(files)
                .all(|(a, b)| strip_first(&a.2) == strip_first(&b.2));
        if same {
            Ok(())
        } else {
            Err("重排后的文件重新读取后与原文档不一致".to_string())
        }
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result.map_err(|e| {
        format!(
            "未重排 {}：内部检查失败（{e}），没有改动任何文件；请报告这个问题",
            load::display_path(doc_path)
        )
    })
}

/// The text after its schema line (the line depends on where the file is).
fn strip_first(text: &str) -> &str {
    if text.starts_with("# yaml-language-server:") {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    }
}
