//! `jixiao watch PATH`: build, then rebuild whatever changed each time a file is saved.
//!
//! Changes are found by polling modification times, which works the same on every
//! platform, editor and network drive. The process stays alive between builds, so fonts
//! and the typst compiler stay loaded; the output cache makes each rebuild touch only the
//! documents whose files changed, and typst's memo cache is trimmed after every build so a
//! long session does not grow without bound.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime};

use super::build::OutputArgs;
use super::fail;
use crate::batch::{self, progress::ProgressStyle};

#[derive(clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    output: OutputArgs,
    /// 检查文件变化的间隔（毫秒）
    #[arg(long, default_value_t = 200)]
    interval: u64,
}

/// Runs `jixiao watch` until interrupted.
pub fn run(args: WatchArgs) -> ExitCode {
    let plan = match args
        .output
        .plan(0, None, Vec::new(), ProgressStyle::Changes)
    {
        Ok(plan) => plan,
        Err(message) => return fail(message),
    };
    let interval = Duration::from_millis(args.interval.max(20));
    let mut seen = snapshot(&plan.path, &plan.out);
    let mut first = true;
    loop {
        let started = Instant::now();
        match batch::build(&plan) {
            Ok(s) => eprintln!(
                "[{}] 新生成 {}，沿用 {}，有错误 {}（{} 毫秒）；等待文件变化……",
                clock(),
                s.built,
                s.reused,
                s.failed,
                started.elapsed().as_millis()
            ),
            // A usage error at the start (unknown format, no such path) will not fix
            // itself by waiting; later ones (a file being renamed) may.
            Err(message) if first => return fail(message),
            Err(message) => eprintln!("错误：{message}"),
        }
        first = false;
        crate::render::pdf::trim_memo();
        seen = wait_for_change(&plan.path, &plan.out, seen, interval);
    }
}

/// Modification time and length of every file a build reads.
type Snapshot = BTreeMap<PathBuf, (SystemTime, u64)>;

fn snapshot(path: &Path, out: &Path) -> Snapshot {
    let out = std::fs::canonicalize(out).ok();
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_out = out.is_some() && std::fs::canonicalize(e.path()).ok() == out;
            !(hidden || is_out || (e.file_type().is_dir() && e.file_name() == "build"))
        })
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.path().to_path_buf(), (meta.modified().ok()?, meta.len())))
        })
        .collect()
}

/// Polls until the files differ from `seen`, then until they stop changing (an editor
/// may save in several writes), and returns the settled snapshot.
fn wait_for_change(path: &Path, out: &Path, seen: Snapshot, interval: Duration) -> Snapshot {
    let mut current = seen.clone();
    while current == seen {
        std::thread::sleep(interval);
        current = snapshot(path, out);
    }
    loop {
        std::thread::sleep(interval / 2);
        let next = snapshot(path, out);
        if next == current {
            return next;
        }
        current = next;
    }
}

/// The wall-clock time of day (UTC) for log lines.
fn clock() -> String {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}
