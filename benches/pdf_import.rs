//! PDF import benchmark: the 41-table published document (唐山市商务局 2024) imported from its
//! PDF and from its text, in the same run, each in a fresh child process so that time and
//! peak memory (VmHWM) are the import's own.
//!
//! The PDF is jixiao's own rendering of `tests/fixtures/published/tangshan-shangwu-2024.yaml`
//! (the verbatim conversion of the published document), made once before the runs; the text
//! is the same document's .docx extraction `tests/fixtures/seeds/002_886ba5cadf99e5de.txt`.
//! Whether both imports give the same document is reported (not asserted: see the note it
//! prints).
//!
//! Run: `cargo bench --bench pdf_import` (release) or
//! `cargo bench --profile dev --bench pdf_import` (dependencies optimised, jixiao not).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use jixiao::import::pdf::{self, extract, layout};
use jixiao::import::{ImportOptions, import_text};
use jixiao::load;
use jixiao::render::pdf::PdfRenderer;
use jixiao::render::{RenderContext, RenderOptions, Renderer};
use jixiao::span::Sources;
use jixiao::table::DocumentView;
use jixiao::yamlfmt::{self, SchemaPaths};

const FIXTURE: &str = "tests/fixtures/published/tangshan-shangwu-2024.yaml";
const SEED: &str = "tests/fixtures/seeds/002_886ba5cadf99e5de.txt";
const RUNS: usize = 3;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1], &args[i + 2]);
        return;
    }
    let pdf_path =
        std::env::temp_dir().join(format!("jixiao-bench-import-{}.pdf", std::process::id()));
    let made = Instant::now();
    std::fs::write(&pdf_path, render_fixture()).expect("write PDF");
    let render_ms = made.elapsed().as_secs_f64() * 1000.0;
    let pdf_bytes = std::fs::metadata(&pdf_path).map(|m| m.len()).unwrap_or(0);
    let exe = std::env::current_exe().expect("own path");
    let mut results = Vec::new();
    for case in ["text", "pdf", "stages"] {
        let mut best: Option<(f64, Sample)> = None;
        let runs = if case == "stages" { 1 } else { RUNS };
        for _ in 0..runs {
            let started = Instant::now();
            let out = Command::new(&exe)
                .args(["--child", case, pdf_path.to_str().unwrap()])
                .output()
                .expect("run child");
            let wall = started.elapsed().as_secs_f64() * 1000.0;
            assert!(
                out.status.success(),
                "{case} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let sample = Sample::parse(&String::from_utf8_lossy(&out.stdout));
            if best.as_ref().is_none_or(|(w, _)| wall < *w) {
                best = Some((wall, sample));
            }
        }
        results.push((case, best.expect("a run")));
    }
    let _ = std::fs::remove_file(&pdf_path);
    let same = results[0].1.1.yaml_hash == results[1].1.1.yaml_hash
        && results[1].1.1.yaml_hash == results[2].1.1.yaml_hash;
    let profile = if cfg!(debug_assertions) {
        "dev (dependencies at opt-level 3, jixiao at opt-level 0)"
    } else {
        "release"
    };
    println!("PDF import benchmark — profile: {profile}");
    println!(
        "document: {FIXTURE} ({} tables); PDF {:.0} KB, {} pages, rendered by jixiao in {render_ms:.0} ms (not counted)",
        results[1].1.1.tables,
        pdf_bytes as f64 / 1024.0,
        results[2].1.1.pages
    );
    println!(
        "{:>6} {:>9} {:>9} {:>10}",
        "input", "wall ms", "in-proc", "peak MB"
    );
    for (case, (wall, s)) in &results[..2] {
        println!(
            "{:>6} {:>9.1} {:>9.1} {:>10.1}",
            case, wall, s.total_ms, s.peak_rss_mb
        );
    }
    let stages = &results[2].1.1;
    println!(
        "PDF stages (one run): interpret pages {:.1} ms, rebuild tables {:.1} ms, {} pages",
        stages.extract_ms, stages.layout_ms, stages.pages
    );
    let (text, pdf) = (&results[0].1, &results[1].1);
    println!(
        "PDF vs text: {:.1}× the wall time, {:+.1} MB peak memory; same document: {}",
        pdf.0 / text.0,
        pdf.1.peak_rss_mb - text.1.peak_rss_mb,
        if same { "yes" } else { "NO" }
    );
    if !same {
        println!(
            "(the text keeps what the .docx had and a PDF cannot show, e.g. trailing spaces and empty paragraphs; the round trips are checked exactly in tests/pdf_import.rs and tests/pdf_libreoffice.rs)"
        );
    }
}

/// jixiao's PDF of the 41-table document.
fn render_fixture() -> Vec<u8> {
    let mut sources = Sources::new();
    let loaded = load::load_path(&root().join(FIXTURE), &mut sources);
    let doc = loaded.document.expect("fixture loads");
    let view = DocumentView::new(&doc);
    let options = RenderOptions::default();
    let tmp = std::env::temp_dir();
    let cx = RenderContext {
        view: &view,
        document: &doc,
        root: &tmp,
        options: &options,
    };
    PdfRenderer.render(&cx).expect("renders")
}

fn child(case: &str, pdf_path: &str) {
    let started = Instant::now();
    let options = ImportOptions::default();
    let mut sources = Sources::new();
    let (mut extract_ms, mut layout_ms, mut pages) = (0.0, 0.0, 0);
    let imported = match case {
        "text" => {
            let text = std::fs::read_to_string(root().join(SEED)).expect("seed");
            let file = sources.add(SEED, text.clone());
            import_text(file, &text, &options)
        }
        "stages" => {
            // Where the PDF import's time goes: interpreting the pages, rebuilding tables.
            let data = std::fs::read(Path::new(pdf_path)).expect("pdf");
            let t0 = Instant::now();
            let content = extract::extract(&data, &extract::Limits::default()).expect("extract");
            let t1 = Instant::now();
            for (i, p) in content.iter().enumerate() {
                layout::layout(p, i + 1).expect("layout");
            }
            let t2 = Instant::now();
            pages = content.len();
            extract_ms = (t1 - t0).as_secs_f64() * 1000.0;
            layout_ms = (t2 - t1).as_secs_f64() * 1000.0;
            drop(content);
            pdf::import_pdf(pdf_path, &data, &mut sources, &options)
        }
        _ => {
            let data = std::fs::read(Path::new(pdf_path)).expect("pdf");
            pdf::import_pdf(pdf_path, &data, &mut sources, &options)
        }
    };
    let imported = imported.unwrap_or_else(|d| panic!("{case} import fails: {d:?}"));
    let yaml = yamlfmt::document_single(&imported.document, &SchemaPaths::at_depth(0));
    let total = started.elapsed().as_secs_f64() * 1000.0;
    println!("tables={}", imported.document.projects.len());
    println!("pages={pages}");
    println!("extract_ms={extract_ms}");
    println!("layout_ms={layout_ms}");
    println!("total_ms={total}");
    println!("yaml_hash={}", fnv(yaml.as_bytes()));
    println!("peak_rss_mb={}", peak_rss_kb() as f64 / 1024.0);
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
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

#[derive(Debug, Default)]
struct Sample {
    tables: usize,
    pages: usize,
    extract_ms: f64,
    layout_ms: f64,
    total_ms: f64,
    peak_rss_mb: f64,
    yaml_hash: u64,
}

impl Sample {
    fn parse(stdout: &str) -> Sample {
        let mut s = Sample::default();
        for line in stdout.lines() {
            let Some((k, v)) = line.split_once('=') else {
                continue;
            };
            let f: f64 = v.parse().unwrap_or(0.0);
            match k {
                "tables" => s.tables = f as usize,
                "pages" => s.pages = f as usize,
                "extract_ms" => s.extract_ms = f,
                "layout_ms" => s.layout_ms = f,
                "total_ms" => s.total_ms = f,
                "peak_rss_mb" => s.peak_rss_mb = f,
                "yaml_hash" => s.yaml_hash = v.parse().unwrap_or(0),
                _ => {}
            }
        }
        s
    }
}
