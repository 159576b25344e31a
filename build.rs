//! Build facts for `jixiao --version` and the Creator field of the PDFs: the commit jixiao
//! was built from and that commit's date, which is the date of the embedded templates,
//! frameworks and fonts. Outside a git checkout (a crate tarball) `JIXIAO_COMMIT` and
//! `JIXIAO_COMMIT_DATE` may be given; otherwise both read `unknown`.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn main() {
    let commit = std::env::var("JIXIAO_COMMIT")
        .ok()
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    let date = std::env::var("JIXIAO_COMMIT_DATE")
        .ok()
        .or_else(|| git(&["log", "-1", "--format=%cs"]))
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=JIXIAO_COMMIT={commit}");
    println!("cargo:rustc-env=JIXIAO_COMMIT_DATE={date}");
    println!("cargo:rerun-if-env-changed=JIXIAO_COMMIT");
    println!("cargo:rerun-if-env-changed=JIXIAO_COMMIT_DATE");
    println!("cargo:rerun-if-changed=build.rs");
    // Rebuild when HEAD moves: HEAD itself (a checkout), the branch it names (a commit).
    if let Some(git_dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo:rerun-if-changed={git_dir}/HEAD");
    }
    if let (Some(common), Some(branch)) = (
        git(&["rev-parse", "--git-common-dir"]),
        git(&["symbolic-ref", "-q", "HEAD"]),
    ) {
        let loose = Path::new(&common).join(&branch);
        if loose.exists() {
            println!("cargo:rerun-if-changed={}", loose.display());
        }
        println!("cargo:rerun-if-changed={common}/packed-refs");
    }
}
