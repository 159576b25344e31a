//! `jixiao init DIR`: scaffold a department repository that checks clean, builds as it is,
//! and publishes from GitHub Actions or GitLab CI.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::fail;
use crate::diag;
use crate::pipeline;

/// jixiao's repository, the one setting in `Cargo.toml` (`repository`) that the CI files,
/// the release downloads and the book name.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where the release workflow publishes archives: `{RELEASES}/v{version}/{archive}`.
pub fn releases_url() -> String {
    format!("{REPOSITORY}/releases/download")
}

/// The scaffold: (path in the new repository, template text).
const FILES: &[(&str, &str)] = &[
    (".gitignore", include_str!("../../templates/init/gitignore")),
    ("README.md", include_str!("../../templates/init/README.md")),
    (
        ".github/workflows/jixiao.yml",
        include_str!("../../templates/init/github/jixiao.yml"),
    ),
    (
        ".vscode/settings.json",
        include_str!("../../templates/init/vscode/settings.json"),
    ),
    (
        ".gitlab-ci.yml",
        include_str!("../../templates/init/gitlab-ci.yml"),
    ),
    (
        "ci/install-jixiao.sh",
        include_str!("../../templates/init/ci/install-jixiao.sh"),
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
    /// CI 安装的 jixiao 版本（发布标签，默认与本程序相同）
    #[arg(long, default_value = concat!("v", env!("CARGO_PKG_VERSION")))]
    jixiao_version: String,
    /// CI 不下载发布版本，而用 cargo install 从源码编译（需要 Rust，首次约 15 分钟）
    #[arg(long)]
    from_source: bool,
    /// CI 下载发布版本的地址（默认为 jixiao 仓库的发布页；内网可改为镜像）
    #[arg(long)]
    jixiao_releases: Option<String>,
    /// --from-source 时编译所用的 git 仓库地址（默认为 jixiao 的仓库）
    #[arg(long)]
    jixiao_git: Option<String>,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    force: bool,
    /// 次年春季：为 DIR 中的绩效目标文档（如 2025）生成待填写的自评文档 2025-自评.yaml
    #[arg(long, value_name = "TARGETS")]
    self_evaluation: Option<PathBuf>,
}

/// The values filled into the templates.
pub struct Scaffold {
    pub year: i32,
    pub unit_code: String,
    pub unit_name: String,
    /// The release tag CI installs, such as `v0.1.0`.
    pub jixiao_version: String,
    /// CI compiles from `jixiao_git` instead of downloading from `jixiao_releases`.
    pub from_source: bool,
    pub jixiao_releases: String,
    pub jixiao_git: String,
}

impl Scaffold {
    /// Every file of the scaffold with its final path and content, schemas included.
    pub fn files(&self) -> Vec<(String, String)> {
        let year = self.year.to_string();
        // JSON strings are valid YAML double-quoted scalars: any unit name stays data.
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        // `jixiao diff --rev` reads git: the image with git beside curl (`-scm`), or Rust's
        // (which has both).
        let (install, image, git_image) = if self.from_source {
            ("source", "rust:1.92", "rust:1.92")
        } else {
            (
                "download",
                "buildpack-deps:bookworm-curl",
                "buildpack-deps:bookworm-scm",
            )
        };
        let fill = |text: &str| {
            text.replace("@YEAR@", &year)
                .replace("@NEXT_YEAR@", &(self.year + 1).to_string())
                .replace("@UNIT_NAME_PLAIN@", &self.unit_name)
                .replace("@UNIT_CODE@", &quoted(&self.unit_code))
                .replace("@UNIT_NAME@", &quoted(&self.unit_name))
                .replace("@JIXIAO_VERSION@", &quoted(&self.jixiao_version))
                .replace("@JIXIAO_INSTALL@", install)
                .replace("@JIXIAO_RELEASES@", &quoted(&self.jixiao_releases))
                .replace("@JIXIAO_GIT@", &quoted(&self.jixiao_git))
                .replace("@CI_IMAGE@", image)
                .replace("@CI_GIT_IMAGE@", git_image)
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
    if let Some(targets) = &args.self_evaluation {
        return self_evaluation(&args.dir, targets, args.force);
    }
    let scaffold = Scaffold {
        year: args.year.unwrap_or_else(current_year),
        unit_code: args.unit_code,
        unit_name: args.unit_name,
        jixiao_version: args.jixiao_version,
        from_source: args.from_source,
        jixiao_releases: args.jixiao_releases.unwrap_or_else(releases_url),
        jixiao_git: args
            .jixiao_git
            .unwrap_or_else(|| format!("{REPOSITORY}.git")),
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
        if let Err(e) = pipeline::write_atomic(&target, text.as_bytes()) {
            return fail(diag::cannot_write(&target, &e));
        }
    }
    report(&args.dir, &files, &scaffold);
    ExitCode::SUCCESS
}

/// Writes the 自评 document to fill in for the targets' document `targets` (relative to
/// `dir`): `<targets>-自评.yaml` beside it.
fn self_evaluation(dir: &Path, targets: &Path, force: bool) -> ExitCode {
    let path = dir.join(targets);
    let mut sources = crate::span::Sources::new();
    let loaded = crate::load::load_path(&path, &mut sources);
    let Some(doc) = loaded.document else {
        super::common::eprint_diagnostics(&loaded.diagnostics, &sources);
        return fail(format!(
            "无法读取绩效目标文档 {}；先修正上面的错误",
            path.display()
        ));
    };
    if crate::evaluate::is_separate(&doc) {
        return fail(format!(
            "{} 本身是自评文档；请指定绩效目标文档",
            path.display()
        ));
    }
    let stem = pipeline::output_stem(&path);
    let written = crate::load::display_path(targets);
    let out = path
        .parent()
        .unwrap_or(dir)
        .join(format!("{stem}-自评.yaml"));
    if out.exists() && !force {
        return fail(format!("{} 已存在；用 --force 覆盖", out.display()));
    }
    let relative = Path::new(&written)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(written);
    let mut text = format!(
        "# {}年度项目支出绩效自评：逐项填写全年执行数（executed）、实际完成情况（achieved）和各指标的实际完成值（actual）；\n# 定性指标写完成等级（grade：达成、部分达成、未达成），未完成或大幅超额的写偏差原因（deviation）。\n",
        doc.year.value
    );
    crate::yamlfmt::emit_top(
        &mut text,
        &crate::evaluate::format::skeleton(&doc, &relative),
    );
    if let Err(e) = pipeline::write_atomic(&out, text.as_bytes()) {
        return fail(diag::cannot_write(&out, &e));
    }
    eprintln!("已创建 {}", out.display());
    eprintln!(
        "下一步：填写其中的空白字段，然后 jixiao check {} && jixiao build {}",
        out.display(),
        out.display()
    );
    ExitCode::SUCCESS
}

fn report(dir: &Path, files: &[(String, String)], scaffold: &Scaffold) {
    eprintln!("已在 {} 创建：", dir.display());
    for (path, _) in files {
        eprintln!("  {path}");
    }
    eprintln!(
        "下一步：cd {} && jixiao check . && jixiao build . --out build",
        dir.display()
    );
    eprintln!(
        "年度流程：每年 1 月在年度文件夹中写绩效目标；次年春季用 jixiao init {} --self-evaluation 年度 生成自评文档，填写实际完成情况（见 README.md）",
        dir.display()
    );
    if scaffold.from_source {
        eprintln!(
            "CI 将从 {} 编译 jixiao {}（首次约 15 分钟，之后走缓存）",
            scaffold.jixiao_git, scaffold.jixiao_version
        );
    } else {
        eprintln!(
            "CI 将下载 jixiao {} 并核对 SHA-256（{}）",
            scaffold.jixiao_version, scaffold.jixiao_releases
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

/// The proleptic Gregorian year of a day count since 1970-01-01.
fn civil_year(days: i64) -> i32 {
    crate::value::calendar::civil_from_days(days).0 as i32
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
