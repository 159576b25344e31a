//! `jixiao schema`: the JSON Schema of a document, for editors.

use std::process::ExitCode;

use crate::model::{Document, Project};

#[derive(clap::Args)]
pub struct SchemaArgs {
    /// 输出项目文件（文件夹形式中的单个项目）的 Schema，而不是整个文档
    #[arg(long)]
    project: bool,
}

/// The schema of a whole document (single-file form or `jixiao.yaml`).
pub fn document_schema() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// The schema of one project file (folder form).
pub fn project_schema() -> String {
    let schema = schemars::schema_for!(Project);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

pub fn run(args: SchemaArgs) -> ExitCode {
    if args.project {
        println!("{}", project_schema());
    } else {
        println!("{}", document_schema());
    }
    ExitCode::SUCCESS
}
