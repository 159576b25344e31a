//! `jixiao fmt`: rewrites document files in the canonical form of [`crate::yamlfmt`].
//!
//! A file is rewritten only when it loads without errors and the formatted files load
//! back as the same document. Comments are kept: a comment on its own line moves with the
//! key or list item below it, a comment after a value stays on that key's line; a comment
//! that cannot be placed makes `fmt` leave the whole document untouched. Formatting twice
//! changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::common::eprint_diagnostics;
use super::import::schema_paths_for;
use super::{EXIT_INPUT_ERRORS, fail};
use crate::load;
use crate::model::Document;
use crate::pipeline::{find_documents, write_atomic};
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
                        eprintln!("错误：{}", crate::diag::cannot_write(path, &e));
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
    let mut files = formatted_files(&doc, &sources, doc_path)?;
    verify(doc_path, &files)?;
    for (path, old, new) in &mut files {
        match yamlfmt::comments::carry(old, new) {
            Ok(with_comments) => *new = with_comments,
            Err(line) => {
                return Err(format!(
                    "未重排 {}：第 {} 行的注释无法在重排后放回原处；为免丢失，这个文档的文件都没有改动。\n  提示：把注释移到它所说明的字段上一行，或删除注释后再运行",
                    load::display_path(path),
                    line
                ));
            }
        }
    }
    Ok(Plan { files })
}

/// The formatted text of every file of a loaded document.
fn formatted_files(
    doc: &Document,
    sources: &Sources,
    doc_path: &Path,
) -> Result<Vec<(PathBuf, String, String)>, String> {
    let text_of = |file: FileId| sources.text(file).to_string();
    // A separate 自评 document keeps only its own fields; its targets are another document.
    if let (Some(tree), Some(separate)) = (
        crate::evaluate::format::document_tree(doc),
        doc.evaluation.as_ref().and_then(|e| e.separate.as_ref()),
    ) {
        let old = text_of(separate.file);
        let mut new = schema_line(&old).unwrap_or_default();
        yamlfmt::emit_top(&mut new, &tree);
        return Ok(vec![(doc_path.to_path_buf(), old, new)]);
    }
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

/// Loads the formatted files (in a scratch copy of the document) and formats them again:
/// the same bytes mean the same document, because every field of the model is written.
fn verify(doc_path: &Path, files: &[(PathBuf, String, String)]) -> Result<(), String> {
    let scratch = std::env::temp_dir().join(format!("jixiao-fmt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let result = (|| {
        if !doc_path.is_dir() && crate::load::evaluation::is_evaluation_text(&files[0].2) {
            // Read in place of the original, so `targets:` resolves as it does there.
            let mut sources = Sources::new();
            let file = sources.add(load::display_path(doc_path), files[0].2.clone());
            let loaded = crate::load::evaluation::load(
                &crate::load::Disk,
                doc_path,
                file,
                &mut sources,
                None,
            );
            let Some(doc) = loaded.document else {
                return Err(crate::diag::render_short(&loaded.diagnostics, &sources));
            };
            let again = formatted_files(&doc, &sources, doc_path)?;
            return if again.len() == 1 && strip_first(&again[0].2) == strip_first(&files[0].2) {
                Ok(())
            } else {
                Err("重排后的文件重新读取后与原文档不一致".to_string())
            };
        }
        let target = if doc_path.is_dir() {
            for (path, _, new) in files {
                let rel = path.strip_prefix(doc_path).unwrap_or(path);
                let dest = scratch.join(rel);
                if let Some(parent) = dest.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| crate::diag::io_reason(&e))?;
                }
                std::fs::write(&dest, new).map_err(|e| crate::diag::io_reason(&e))?;
            }
            scratch.clone()
        } else {
            std::fs::create_dir_all(&scratch).map_err(|e| crate::diag::io_reason(&e))?;
            let dest = scratch.join("document.yaml");
            std::fs::write(&dest, &files[0].2).map_err(|e| crate::diag::io_reason(&e))?;
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
