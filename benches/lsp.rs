//! Editor latency: `jixiao lsp` over real stdio, a keystroke (`didChange`) in one project
//! file of the 41-table Tangshan folder → the `publishDiagnostics` for that file, against
//! checking the same folder in the same run (load + check in this process, and the
//! `jixiao check` command).
//!
//! Run with `cargo bench --bench lsp --profile dev` (the server is the dev-profile
//! binary `cargo run` builds: dependencies optimised, jixiao itself not) or plain
//! `cargo bench --bench lsp` for the optimised build.

#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use lsp_client::{Client, uri};
use serde_json::json;

const KEYSTROKES: usize = 60;

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

struct Stats {
    median: Duration,
    p90: Duration,
    max: Duration,
}

fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort_unstable();
    Stats {
        median: times[times.len() / 2],
        p90: times[times.len() * 9 / 10],
        max: times[times.len() - 1],
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn time_runs(runs: usize, mut f: impl FnMut()) -> Stats {
    f();
    stats(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp-bench");
    let doc = dir.join("tangshan");
    copy_dir(&root.join("examples/tangshan-shangwu-2024"), &doc);
    let files = jixiao::load::project_files(&doc);
    let file = files[0].clone();
    let text = std::fs::read_to_string(&file).unwrap();

    // Baselines: the same folder checked from disk, in this process and as a command.
    let in_process = time_runs(30, || {
        let checked = jixiao::pipeline::load_and_check(&doc);
        assert!(checked.document.is_some(), "example loads");
        std::hint::black_box(checked);
    });
    let command = time_runs(10, || {
        let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["check", "--format", "short"])
            .arg(&doc)
            .output()
            .unwrap();
        assert!(out.status.success());
    });

    let (mut client, _) = Client::start(&dir);
    let u = uri(&file);
    client.open(&file, &text);
    let baseline = client.diagnostics(&u);
    client.drain();

    // A keystroke in a value: alternately delete and retype the `%` of the first
    // percentage value (a finding comes and goes), and a
    // keystroke in text (type and delete a character of the purpose).
    let percent = text
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with("value:") && line.ends_with('%'))
        .map(|(start, line)| start + line.len() - 1)
        .expect("a percentage value");
    let index = jixiao::lsp::position::LineIndex::new(&text);
    let at = index.position(&text, percent);
    let after = index.position(&text, percent + 1);
    let purpose = text.find("purpose: ").unwrap() + "purpose: ".len();
    let p = index.position(&text, purpose);
    let mut value_times = Vec::new();
    let mut text_times = Vec::new();
    for i in 0..KEYSTROKES {
        let version = i as i32 + 2;
        let (change, times) = match i % 4 {
            0 => (
                json!({"range": {"start": at, "end": after}, "text": ""}),
                &mut value_times,
            ),
            1 => (
                json!({"range": {"start": at, "end": at}, "text": "%"}),
                &mut value_times,
            ),
            2 => (
                json!({"range": {"start": p, "end": p}, "text": "新"}),
                &mut text_times,
            ),
            _ => (
                json!({"range": {"start": p, "end": {"line": p.line, "character": p.character + 1}}, "text": ""}),
                &mut text_times,
            ),
        };
        let t = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": u, "version": version}, "contentChanges": [change]}),
        );
        let diags = client.diagnostics(&u);
        times.push(t.elapsed());
        // Without its `%` the value is a finding; with it, the file is as it was.
        assert_eq!(diags != baseline, i % 4 == 0, "keystroke {i}: {diags:?}");
        client.drain();
    }
    let value = stats(value_times);
    let typing = stats(text_times);
    assert!(client.shutdown().success());

    println!(
        "jixiao lsp benchmark: 41-table Tangshan folder ({} project files), {KEYSTROKES} keystrokes in {}",
        files.len(),
        file.file_name().unwrap().to_string_lossy()
    );
    println!(
        "  check, in process (load + check from disk)   median {:>7.2} ms  p90 {:>7.2} ms  max {:>7.2} ms",
        ms(in_process.median),
        ms(in_process.p90),
        ms(in_process.max)
    );
    println!(
        "  `jixiao check` command (new process)         median {:>7.2} ms  p90 {:>7.2} ms  max {:>7.2} ms",
        ms(command.median),
        ms(command.p90),
        ms(command.max)
    );
    println!(
        "  didChange → publishDiagnostics, value edit   median {:>7.2} ms  p90 {:>7.2} ms  max {:>7.2} ms",
        ms(value.median),
        ms(value.p90),
        ms(value.max)
    );
    println!(
        "  didChange → publishDiagnostics, text edit    median {:>7.2} ms  p90 {:>7.2} ms  max {:>7.2} ms",
        ms(typing.median),
        ms(typing.p90),
        ms(typing.max)
    );
}
