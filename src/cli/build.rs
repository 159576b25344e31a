//! `jixiao build`: check, then render every requested format — one document, or a whole
//! tree in parallel with its index page and consolidated volume (see [`crate::batch`]).

use std::path::PathBuf;
use std::process::ExitCode;

use super::{EXIT_INPUT_ERRORS, fail};
use crate::batch::{self, Plan, progress::ProgressStyle, shard::Shard};
use crate::layout::xlsx::XlsxLayout;
use crate::render::{self, Format, RenderOptions};

/// What to build and where: shared by `jixiao build` and `jixiao watch`.
#[derive(clap::Args)]
pub struct OutputArgs {
    /// 文档文件（.yaml）、文档文件夹（含 jixiao.yaml），或包含多个文档的文件夹
    pub path: PathBuf,
    /// 输出格式，逗号分隔（默认全部）
    #[arg(long, value_delimiter = ',')]
    pub format: Vec<String>,
    /// 输出目录
    #[arg(long, default_value = "build")]
    pub out: PathBuf,
    /// 文本输出的页宽（终端列数）
    #[arg(long, default_value_t = render::text::DEFAULT_PAGE_WIDTH)]
    pub page_width: usize,
    /// 额外的字体目录（PDF）
    #[arg(long)]
    pub font_path: Vec<PathBuf>,
    /// PDF 标准，如 a-2b、ua-1
    #[arg(long)]
    pub pdf_standard: Option<String>,
    /// 电子表格的版式：table（每个项目一张工作表，默认）或 split（预算管理一体化系统的分列版式）
    #[arg(long, value_enum, default_value = "table")]
    pub xlsx_layout: XlsxLayoutArg,
}

/// The `--xlsx-layout` of `jixiao build` (the library's [`XlsxLayout`]); the help texts
/// are the ones users read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum XlsxLayoutArg {
    /// 每个项目一张工作表，与公开发布的版式一致（默认）
    Table,
    /// 预算管理一体化系统的分列版式：所有项目在一张工作表上，每个项目一段
    Split,
}

impl From<XlsxLayoutArg> for XlsxLayout {
    fn from(arg: XlsxLayoutArg) -> XlsxLayout {
        match arg {
            XlsxLayoutArg::Table => XlsxLayout::Table,
            XlsxLayoutArg::Split => XlsxLayout::Split,
        }
    }
}

impl OutputArgs {
    /// The build plan for these outputs; the caller chooses parallelism and progress.
    /// `Err` names an unknown format.
    pub fn plan(
        self,
        jobs: usize,
        shard: Option<Shard>,
        merge: Vec<PathBuf>,
        progress: ProgressStyle,
    ) -> Result<Plan, String> {
        Ok(Plan {
            formats: if self.format.is_empty() {
                Format::ALL.to_vec()
            } else {
                Format::parse_list(&self.format)?
            },
            options: RenderOptions {
                page_width: self.page_width,
                font_paths: self.font_path,
                pdf_standard: self.pdf_standard,
                xlsx_layout: self.xlsx_layout.into(),
            },
            path: self.path,
            out: self.out,
            jobs,
            shard,
            merge,
            progress,
        })
    }
}

#[derive(clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    output: OutputArgs,
    /// 并行的工作线程数（默认每个 CPU 核一个）
    #[arg(long, short = 'j', default_value_t = 0)]
    jobs: usize,
    /// 只构建第 I 个分片（共 N 个），如 2/4；不生成索引页和汇编
    #[arg(long, value_name = "I/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// 合并各分片的输出目录，生成完整的输出、索引页和汇编（不重新生成文档）
    #[arg(long, value_name = "DIR", num_args = 1..)]
    merge: Vec<PathBuf>,
    /// 不显示进度，只显示问题
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// Runs `jixiao build`.
pub fn run(args: BuildArgs) -> ExitCode {
    if args.shard.is_some() && !args.merge.is_empty() {
        return fail("--shard 与 --merge 不能同时使用");
    }
    let progress = if args.quiet {
        ProgressStyle::Quiet
    } else {
        ProgressStyle::detect()
    };
    let plan = match args
        .output
        .plan(args.jobs, args.shard, args.merge, progress)
    {
        Ok(plan) => plan,
        Err(message) => return fail(message),
    };
    match batch::build(&plan) {
        Err(message) => fail(message),
        Ok(summary) => {
            if !args.quiet {
                eprintln!("{}", summary_line(&summary, &plan));
            }
            if summary.failed > 0 {
                ExitCode::from(EXIT_INPUT_ERRORS)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// The closing line: what was built, reused, failed, and where it went.
fn summary_line(s: &batch::Summary, plan: &Plan) -> String {
    let mut parts = vec![format!("{} 份文档", s.documents)];
    if s.other_shards > 0 {
        parts.push(format!("{} 份属于其他分片", s.other_shards));
    }
    parts.push(format!("新生成 {}", s.built));
    parts.push(format!("沿用 {}", s.reused));
    if s.failed > 0 {
        parts.push(format!("{} 份有错误", s.failed));
    }
    let mut line = format!(
        "构建完成：{}；输出在 {}",
        parts.join("，"),
        plan.out.display()
    );
    if s.assembled {
        line.push_str(&format!("（索引页 {}）", batch::INDEX_FILE));
    } else if s.failed > 0 && s.documents > 1 && plan.shard.is_none() {
        line.push_str("；有文档出错，未生成索引页和汇编");
    }
    line
}
