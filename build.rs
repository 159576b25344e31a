//! Build facts, computed when jixiao is compiled:
//!
//! - for `jixiao --version` and the Creator field of the PDFs: the commit jixiao was built
//!   from and that commit's date, which is the date of the embedded templates, frameworks
//!   and fonts. Outside a git checkout (a crate tarball) `JIXIAO_COMMIT` and
//!   `JIXIAO_COMMIT_DATE` may be given; otherwise both read `unknown`;
//! - for the output cache: the tool fingerprint, a hash of the version and of every file
//!   the binary is made from (the source, the embedded templates, fonts, frameworks,
//!   grammar and schema, and the locked dependency versions), so that no command has to
//!   read the executable at run time. It reaches the code as `JIXIAO_TOOL_FINGERPRINT`
//!   (see `batch::cache::TOOL_FINGERPRINT`).

use std::path::{Path, PathBuf};
use std::process::Command;

#[allow(dead_code)]
#[path = "src/batch/fingerprint.rs"]
mod fingerprint;

/// What the binary is made from, relative to the package root.
const INPUTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "build.rs",
    "src",
    "templates",
    "fonts",
    "frameworks",
    "grammar",
    "schema",
];

fn main() {
    commit();
    tool_fingerprint();
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn commit() {
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

fn tool_fingerprint() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut fp = fingerprint::Fingerprint::new();
    fp.str(env!("CARGO_PKG_VERSION"));
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        let mut files = Vec::new();
        collect(&root.join(input), &mut files);
        files.sort();
        for path in files {
            let name = path.strip_prefix(&root).unwrap_or(&path);
            fp.file(&name.to_string_lossy().replace('\\', "/"), &path);
        }
    }
    println!(
        "cargo:rustc-env=JIXIAO_TOOL_FINGERPRINT={}",
        &fp.hex()[..16]
    );
}

/// Every file at or below `path`.
fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            collect(&entry.path(), out);
        }
    }
}
