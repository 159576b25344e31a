//! `jixiao build`: check, then render every requested format.

use std::path::PathBuf;
use std::process::ExitCode;

use super::common::{self, Checked};
use super::{EXIT_INPUT_ERRORS, fail};
use crate::render::{self, RenderContext, RenderOptions};
use crate::table::DocumentView;

#[derive(clap::Args)]
pub struct BuildArgs {
    /// 文档文件（.yaml）、文档文件夹（含 jixiao.yaml），或包含多个文档的文件夹
    path: PathBuf,
    /// 输出格式，逗号分隔（默认全部）
    #[arg(long, value_delimiter = ',')]
    format: Vec<String>,
    /// 输出目录
    #[arg(long, default_value = "build")]
    out: PathBuf,
    /// 文本输出的页宽（终端列数）
    #[arg(long, default_value_t = render::text::DEFAULT_PAGE_WIDTH)]
    page_width: usize,
    /// 额外的字体目录（PDF）
    #[arg(long)]
    font_path: Vec<PathBuf>,
    /// PDF 标准，如 a-2b、ua-1
    #[arg(long)]
    pdf_standard: Option<String>,
}

pub fn run(args: BuildArgs) -> ExitCode {
    let formats: Vec<String> = if args.format.is_empty() {
        render::FORMATS.iter().map(|s| s.to_string()).collect()
    } else {
        args.format.clone()
    };
    let mut renderers = Vec::new();
    for f in &formats {
        match render::renderer(f) {
            Some(r) => renderers.push(r),
            None => {
                return fail(format!(
                    "未知的输出格式 `{f}`；可用：{}",
                    render::FORMATS.join("、")
                ));
            }
        }
    }
    if !args.path.exists() {
        return fail(format!("路径不存在：{}", args.path.display()));
    }
    let options = RenderOptions {
        page_width: args.page_width,
        font_paths: args.font_path.clone(),
        pdf_standard: args.pdf_standard.clone(),
    };
    let documents = common::find_documents(&args.path);
    if documents.is_empty() {
        return fail(format!("{} 下没有找到文档", args.path.display()));
    }
    let base = if documents.len() == 1 && documents[0] == args.path {
        None
    } else {
        Some(args.path.clone())
    };
    let mut failed = false;
    let mut index = Vec::new();
    for doc_path in &documents {
        let checked = common::load_and_check(doc_path);
        common::eprint_diagnostics(&checked.diagnostics, &checked.sources);
        if checked.has_errors() {
            eprintln!("{}：有错误，未生成输出", doc_path.display());
            failed = true;
            continue;
        }
        let rel_dir = base
            .as_ref()
            .and_then(|b| doc_path.parent()?.strip_prefix(b).ok())
            .map(PathBuf::from)
            .unwrap_or_default();
        let stem = common::output_stem(doc_path);
        match build_one(
            &checked,
            &renderers,
            &options,
            &args.out.join(&rel_dir),
            &stem,
        ) {
            Err(message) => {
                eprintln!("{}：{message}", doc_path.display());
                failed = true;
            }
            Ok(()) => {
                if let (Some(_), Some(doc)) = (&base, &checked.document)
                    && formats.iter().any(|f| f == "html")
                {
                    let page = rel_dir.join(format!("{stem}.html"));
                    index.push(render::html::IndexEntry::new(
                        &DocumentView::new(doc),
                        &page,
                    ));
                }
            }
        }
    }
    if let Some(base) = &base
        && !index.is_empty()
        && let Err(message) = write_index(&index, base, &args.out)
    {
        eprintln!("{message}");
        failed = true;
    }
    if failed {
        ExitCode::from(EXIT_INPUT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `<out>/index.html`, linking to the HTML page of every document built.
fn write_index(
    entries: &[render::html::IndexEntry],
    root: &std::path::Path,
    out: &std::path::Path,
) -> Result<(), String> {
    let html = render::html::render_index(entries, Some(root)).map_err(|diags| {
        common::eprint_diagnostics(&diags, &crate::span::Sources::new());
        "目录页 index.html 输出失败".to_string()
    })?;
    let path = out.join("index.html");
    common::write_atomic(&path, html.as_bytes())
        .map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    eprintln!("已生成 {}", path.display());
    Ok(())
}

fn build_one(
    checked: &Checked,
    renderers: &[Box<dyn render::Renderer>],
    options: &RenderOptions,
    out_dir: &std::path::Path,
    stem: &str,
) -> Result<(), String> {
    let Some(document) = &checked.document else {
        return Err("文档未能读取".into());
    };
    let view = DocumentView::new(document);
    let cx = RenderContext {
        view: &view,
        document,
        root: &checked.root,
        options,
    };
    for r in renderers {
        let started = std::time::Instant::now();
        match r.render(&cx) {
            Ok(bytes) => {
                let path = out_dir.join(format!("{stem}.{}", r.extension()));
                common::write_atomic(&path, &bytes)
                    .map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
                eprintln!(
                    "已生成 {}（{} 毫秒）",
                    path.display(),
                    started.elapsed().as_millis()
                );
            }
            Err(diags) => {
                common::eprint_diagnostics(&diags, &checked.sources);
                return Err(format!("{} 输出失败", r.name()));
            }
        }
    }
    Ok(())
}
