//! `jixiao schema`: the JSON Schema of a document, for editors.

use std::process::ExitCode;

use crate::model::{document_schema, project_schema};

#[derive(clap::Args)]
pub struct SchemaArgs {
    /// 输出项目文件（文件夹形式中的单个项目）的 Schema，而不是整个文档
    #[arg(long)]
    project: bool,
}

pub fn run(args: SchemaArgs) -> ExitCode {
    if args.project {
        print!("{}", project_schema());
    } else {
        print!("{}", document_schema());
    }
    ExitCode::SUCCESS
}
