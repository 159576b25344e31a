//! PDF benchmark: builds a 1-table baseline, a 41-table document and a 1,000-table document,
//! each in a fresh child process, and reports wall time, peak memory (VmHWM) and the share
//! of time spent outside typst's own compile and export.
//!
//! Run: `cargo bench --bench pdf` (release) or `cargo bench --profile dev --bench pdf`
//! (dependencies optimised, jixiao itself not). The 41-table case is the published
//! 唐山市商务局 2024 document from the test fixtures (a synthetic one if it is missing).

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use jixiao::load;
use jixiao::render::pdf::PdfRenderer;
use jixiao::render::{RenderContext, RenderOptions};
use jixiao::span::Sources;
use jixiao::table::DocumentView;

/// The real 41-table document (唐山市商务局 2024, converted by the importer).
const EXAMPLE_41: &str = "tests/fixtures/published/tangshan-shangwu-2024.yaml";

/// One measured build, as printed by the child process.
#[derive(Debug, Default)]
struct Sample {
    tables: usize,
    pages_bytes: usize,
    load_ms: f64,
    prepare_ms: f64,
    compile_ms: f64,
    export_ms: f64,
    write_ms: f64,
    total_ms: f64,
    peak_rss_mb: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1]);
        return;
    }
    // `--yaml N` prints the synthetic N-table document, to reproduce a case with the CLI.
    if let Some(i) = args.iter().position(|a| a == "--yaml") {
        let n = args[i + 1].parse().expect("table count");
        print!("{}", synthetic::document_yaml(n, 100));
        return;
    }
    // `cargo bench` passes `--bench`; anything else is a filter we do not need.
    let cases = ["1", "41", "1000"];
    let exe = std::env::current_exe().expect("own path");
    let mut results = Vec::new();
    for case in cases {
        let started = Instant::now();
        let out = Command::new(&exe)
            .args(["--child", case])
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("run child");
        let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "case {case} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let sample = parse(&stdout);
        results.push((case, wall_ms, sample));
    }
    report(&results);
}

/// Builds one document in this process and prints the sample as `key=value` lines.
fn child(case: &str) {
    let started = Instant::now();
    let (yaml_source, root) = source(case);
    let mut sources = Sources::new();
    let loaded = match &yaml_source {
        Source::Text(text) => load::load_str("bench.yaml", text, &mut sources),
        Source::Path(path) => load::load_path(path, &mut sources),
    };
    let doc = loaded.document.expect("benchmark document loads");
    let view = DocumentView::new(&doc);
    let loaded_at = Instant::now();
    let options = RenderOptions::default();
    let cx = RenderContext {
        view: &view,
        document: &doc,
        root: &root,
        options: &options,
    };
    let (bytes, t) = PdfRenderer.render_timed(&cx).expect("render");
    let rendered_at = Instant::now();
    let out = std::env::temp_dir().join(format!("jixiao-bench-{case}.pdf"));
    std::fs::write(&out, &bytes).expect("write");
    let done = Instant::now();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!("tables={}", view.tables.len());
    println!("bytes={}", bytes.len());
    println!("load_ms={}", ms(loaded_at - started));
    println!("prepare_ms={}", ms(t.prepare));
    println!("compile_ms={}", ms(t.compile));
    println!("export_ms={}", ms(t.export));
    println!("write_ms={}", ms(done - rendered_at));
    println!("total_ms={}", ms(done - started));
    println!("peak_rss_mb={}", peak_rss_kb() as f64 / 1024.0);
}

enum Source {
    Text(String),
    Path(PathBuf),
}

fn source(case: &str) -> (Source, PathBuf) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match case {
        "41" if root.join(EXAMPLE_41).exists() => {
            let path = root.join(EXAMPLE_41);
            (Source::Path(path), std::env::temp_dir())
        }
        _ => {
            let n: usize = case.parse().expect("table count");
            // Seeds average 6–8 rows per table; one table in a hundred has a group
            // taller than a page.
            // A root without `templates/typst` (the crate's own folder has one).
            (
                Source::Text(synthetic::document_yaml(n, 100)),
                std::env::temp_dir(),
            )
        }
    }
}

/// Peak resident memory of this process (VmHWM), in KiB.
fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn parse(stdout: &str) -> Sample {
    let mut s = Sample::default();
    for line in stdout.lines() {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let f: f64 = v.parse().unwrap_or(0.0);
        match k {
            "tables" => s.tables = f as usize,
            "bytes" => s.pages_bytes = f as usize,
            "load_ms" => s.load_ms = f,
            "prepare_ms" => s.prepare_ms = f,
            "compile_ms" => s.compile_ms = f,
            "export_ms" => s.export_ms = f,
            "write_ms" => s.write_ms = f,
            "total_ms" => s.total_ms = f,
            "peak_rss_mb" => s.peak_rss_mb = f,
            _ => {}
        }
    }
    s
}

fn report(results: &[(&str, f64, Sample)]) {
    let profile = if cfg!(debug_assertions) {
        "dev (deps opt-level 3, jixiao unoptimised)"
    } else {
        "release"
    };
    println!("PDF benchmark — profile: {profile}");
    println!(
        "example 41: {}",
        if Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(EXAMPLE_41)
            .exists()
        {
            EXAMPLE_41
        } else {
            "synthetic (fixture missing)"
        }
    );
    println!(
        "{:>6} {:>9} {:>9} {:>8} {:>9} {:>8} {:>8} {:>9} {:>9} {:>9}",
        "tables",
        "wall ms",
        "in-proc",
        "load",
        "prepare",
        "compile",
        "export",
        "outside",
        "peak MiB",
        "x base"
    );
    let base = results[0].1;
    let mut ok = true;
    for (_, wall, s) in results {
        let typst = s.compile_ms + s.export_ms;
        let outside = (wall - typst) / wall;
        println!(
            "{:>6} {:>9.0} {:>9.0} {:>8.1} {:>9.1} {:>8.0} {:>8.0} {:>8.1}% {:>9.0} {:>8.1}x",
            s.tables,
            wall,
            s.total_ms,
            s.load_ms,
            s.prepare_ms,
            s.compile_ms,
            s.export_ms,
            outside * 100.0,
            s.peak_rss_mb,
            wall / base
        );
        if s.tables >= 41 && outside >= 0.10 {
            ok = false;
        }
        if s.tables >= 1000 && s.peak_rss_mb >= 1024.0 {
            ok = false;
        }
    }
    println!(
        "\"outside\" = (child wall time − typst compile − typst export) / child wall time: process start, \
         YAML loading, font parsing, glyph check, JSON, writing."
    );
    println!(
        "targets (41 and 1,000 tables: outside < 10%; 1,000 tables: peak < 1 GiB): {}",
        if ok { "met" } else { "NOT MET" }
    );
}
