//! `jixiao init DIR`: scaffold a department repository that checks clean, builds as it is,
//! and publishes from GitHub Actions or GitLab CI.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::common;
use super::fail;

/// The default source of jixiao in generated CI files: a placeholder the user must replace
/// (or pass with `--jixiao-git`), since CI compiles jixiao from its repository.
pub const PLACEHOLDER_GIT: &str = "https://example.invalid/请改成-jixiao-的仓库地址.git";

/// The scaffold: (path in the new repository, template text).
const FILES: &[(&str, &str)] = &[
    (".gitignore", include_str!("../../templates/init/gitignore")),
    (
        ".github/workflows/jixiao.yml",
        include_str!("../../templates/init/github/jixiao.yml"),
    ),
    (
        ".gitlab-ci.yml",
        include_str!("../../templates/init/gitlab-ci.yml"),
    ),
    (
        "@YEAR@/jixiao.yaml",
        include_str!("../../templates/init/doc/jixiao.yaml"),
    ),
    (
        "@YEAR@/example.yaml",
        include_str!("../../templates/init/doc/example.yaml"),
    ),
];

#[derive(clap::Args)]
pub struct InitArgs {
    /// 新仓库的目录（不存在时创建）
    dir: PathBuf,
    /// 预算年度（默认今年）
    #[arg(long)]
    year: Option<i32>,
    /// 单位编码
    #[arg(long, default_value = "000000")]
    unit_code: String,
    /// 单位名称
    #[arg(long, default_value = "示例单位")]
    unit_name: String,
    /// CI 安装 jixiao 所用的 git 仓库地址
    #[arg(long)]
    jixiao_git: Option<String>,
    /// CI 安装的 jixiao 版本标签
    #[arg(long, default_value = concat!("v", env!("CARGO_PKG_VERSION")))]
    jixiao_tag: String,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    force: bool,
}

/// The values filled into the templates.
pub struct Scaffold {
    pub year: i32,
    pub unit_code: String,
    pub unit_name: String,
    pub jixiao_git: String,
    pub jixiao_tag: String,
}

impl Scaffold {
    /// Every file of the scaffold with its final path and content, schemas included.
    pub fn files(&self) -> Vec<(String, String)> {
        let year = self.year.to_string();
        // JSON strings are valid YAML double-quoted scalars: any unit name stays data.
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let fill = |text: &str| {
            text.replace("@YEAR@", &year)
                .replace("@UNIT_CODE@", &quoted(&self.unit_code))
                .replace("@UNIT_NAME@", &quoted(&self.unit_name))
                .replace("@JIXIAO_GIT@", &quoted(&self.jixiao_git))
                .replace("@JIXIAO_TAG@", &quoted(&self.jixiao_tag))
        };
        let mut files: Vec<(String, String)> = FILES
            .iter()
            .map(|(path, text)| (path.replace("@YEAR@", &year), fill(text)))
            .collect();
        files.push((
            "schema/jixiao.schema.json".into(),
            crate::model::document_schema(),
        ));
        files.push((
            "schema/project.schema.json".into(),
            crate::model::project_schema(),
        ));
        files
    }
}

/// Runs `jixiao init`.
pub fn run(args: InitArgs) -> ExitCode {
    let scaffold = Scaffold {
        year: args.year.unwrap_or_else(current_year),
        unit_code: args.unit_code,
        unit_name: args.unit_name,
        jixiao_git: args
            .jixiao_git
            .clone()
            .unwrap_or_else(|| PLACEHOLDER_GIT.to_string()),
        jixiao_tag: args.jixiao_tag,
    };
    let files = scaffold.files();
    if !args.force {
        let existing: Vec<&str> = files
            .iter()
            .filter(|(p, _)| args.dir.join(p).exists())
            .map(|(p, _)| p.as_str())
            .collect();
        if !existing.is_empty() {
            return fail(format!(
                "{} 中已有这些文件：{}；用 --force 覆盖",
                args.dir.display(),
                existing.join("、")
            ));
        }
    }
    for (path, text) in &files {
        let target = args.dir.join(path);
        if let Err(e) = common::write_atomic(&target, text.as_bytes()) {
            return fail(format!("无法写入 {}：{e}", target.display()));
        }
    }
    report(&args.dir, &files, args.jixiao_git.is_none());
    ExitCode::SUCCESS
}

fn report(dir: &Path, files: &[(String, String)], placeholder: bool) {
    eprintln!("已在 {} 创建：", dir.display());
    for (path, _) in files {
        eprintln!("  {path}");
    }
    eprintln!(
        "下一步：cd {} && jixiao check . && jixiao build . --out build",
        dir.display()
    );
    if placeholder {
        eprintln!(
            "注意：CI 文件中的 JIXIAO_GIT 是占位符；请改成你们使用的 jixiao 仓库地址（或用 --jixiao-git 重新生成）"
        );
    }
}

/// This year in UTC, from the system clock.
fn current_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    civil_year(days)
}

/// The proleptic Gregorian year of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_year(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::civil_year;

    #[test]
    fn civil_year_handles_year_ends_and_leap_days() {
        assert_eq!(civil_year(0), 1970);
        assert_eq!(civil_year(364), 1970);
        assert_eq!(civil_year(365), 1971);
        assert_eq!(civil_year(20_453), 2025); // 2025-12-31
        assert_eq!(civil_year(20_454), 2026); // 2026-01-01
        assert_eq!(civil_year(11_016), 2000); // 2000-02-29
    }
}
