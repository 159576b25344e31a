//! Old formats through LibreOffice: `.doc`, `.wps`, `.rtf`, `.odt` become a .docx (and
//! `.et`/`.ods` an .xlsx) with `soffice --headless --convert-to` in a temporary folder,
//! which is removed afterwards. jixiao never edits the user's file.
//!
//! LibreOffice is looked up as `JIXIAO_SOFFICE` (a path), then `soffice` and
//! `libreoffice` on `PATH`, then the usual install locations. The conversion runs with a
//! private user profile (so it works while LibreOffice is open, and in parallel) and a
//! time limit.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::check::rules;
use crate::diag::Diagnostic;

/// How long one conversion may take.
const TIMEOUT: Duration = Duration::from_secs(180);

/// The LibreOffice program, if installed.
pub fn soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("JIXIAO_SOFFICE") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice", "soffice.exe"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    [
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
}

/// The error when LibreOffice is needed but missing: what to install, or how to save the
/// file in a format jixiao reads directly.
pub fn missing(name: &str, kind_label: &str, save_as: &str) -> Diagnostic {
    Diagnostic::of(&rules::I303,
        format!("{name} 是{kind_label}，需要 LibreOffice 转换后才能导入，但本机没有安装 LibreOffice"),
    )
    .with_help(format!(
        "安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer libreoffice-calc；macOS：brew install --cask libreoffice；Windows：从 libreoffice.org 下载），或用 Word / WPS 打开后“另存为”{save_as}再导入"
    ))
}

fn failed(name: &str, why: &str) -> Diagnostic {
    Diagnostic::of(&rules::I304, format!("LibreOffice 无法转换 {name}：{why}"))
        .with_help("文件可能已损坏或设有打开密码；用 Word / WPS 打开，确认能打开后“另存为 Word 文档（*.docx）”再导入")
}

/// A unique scratch folder under the system temp folder.
fn scratch() -> std::io::Result<PathBuf> {
    let base = std::env::temp_dir();
    for k in 0..1000u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = base.join(format!("jixiao-convert-{}-{nanos}-{k}", std::process::id()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("无法创建临时文件夹"))
}

/// Converts `bytes` (named `name` in messages; `ext` tells LibreOffice the input kind) to
/// `target` (`docx` or `xlsx`) and returns the converted file's bytes.
pub fn convert(
    program: &Path,
    name: &str,
    bytes: &[u8],
    ext: &str,
    target: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let dir = scratch().map_err(|e| {
        failed(
            name,
            &format!("无法创建临时文件夹（{}）", crate::diag::io_reason(&e)),
        )
    })?;
    let result = convert_in(&dir, program, name, bytes, ext, target);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn convert_in(
    dir: &Path,
    program: &Path,
    name: &str,
    bytes: &[u8],
    ext: &str,
    target: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let input = dir.join(format!("input.{ext}"));
    std::fs::write(&input, bytes).map_err(|e| {
        failed(
            name,
            &format!("无法写入临时文件（{}）", crate::diag::io_reason(&e)),
        )
    })?;
    let profile = dir.join("profile");
    let profile_url = format!("file://{}", profile.display()).replace('\\', "/");
    let out = dir.join("out");
    let log = std::fs::File::create(dir.join("stderr.txt")).map_err(|e| {
        failed(
            name,
            &format!("无法写入临时文件（{}）", crate::diag::io_reason(&e)),
        )
    })?;
    let mut child = Command::new(program)
        .arg(format!("-env:UserInstallation={profile_url}"))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            target,
        ])
        .arg("--outdir")
        .arg(&out)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| {
            failed(
                name,
                &format!(
                    "无法启动 {}（{}）",
                    program.display(),
                    crate::diag::io_reason(&e)
                ),
            )
        })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(
                    name,
                    &format!("超过 {} 秒仍未完成", TIMEOUT.as_secs()),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(failed(name, &crate::diag::io_reason(&e))),
        }
    };
    let converted = out.join(format!("input.{target}"));
    match std::fs::read(&converted) {
        Ok(bytes) if status.success() && !bytes.is_empty() => Ok(bytes),
        _ => {
            let stderr = std::fs::read_to_string(dir.join("stderr.txt")).unwrap_or_default();
            let why = if stderr.trim().is_empty() {
                "没有生成转换结果".to_string()
            } else {
                format!("没有生成转换结果（LibreOffice 报告：{}）", stderr.trim())
            };
            Err(failed(name, &why))
        }
    }
}
