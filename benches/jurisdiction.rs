//! A synthetic jurisdiction (default 200 documents × 20 tables = 4,000 tables, built from
//! the real projects of the shipped documents) built the way a finance bureau's CI builds
//! it. Reports wall time and peak memory for check, text+HTML and PDF with 1 and 2 worker
//! threads and the speed-up, the cost of a no-change rebuild, and verifies that a 4-way
//! sharded-and-merged build is byte-identical to a single build.
//!
//! Each measurement runs in a fresh child process (this binary with `--child`), so peak
//! memory (`VmHWM`) belongs to that measurement alone.
//!
//! `cargo bench --bench jurisdiction`; `JIXIAO_BENCH_DOCS` / `JIXIAO_BENCH_TABLES` change
//! the size, `JIXIAO_BENCH_STAGES=check,text+html` limits the stages.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use jixiao::batch::progress::ProgressStyle;
use jixiao::batch::shard::Shard;
use jixiao::batch::{self, Plan};
use jixiao::render::{Format, RenderOptions};

/// Stages: name and the formats they build (empty: check only).
const STAGES: &[(&str, &[&str])] = &[
    ("check", &[]),
    ("text+html", &["text", "html"]),
    ("pdf", &["pdf"]),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1..]);
        return;
    }
    parent();
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The shipped documents whose projects the jurisdiction is made of.
fn sources(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in ["examples", "tests/fixtures/published"] {
        if root.join(dir).is_dir() {
            found.extend(jixiao::pipeline::find_documents(&root.join(dir)));
        }
    }
    if found.is_empty() {
        found.push(root.join("tests/fixtures/demo.yaml"));
    }
    found
}

/// The formats a stage builds, among those this build of jixiao has.
fn formats_of(stage: &str) -> Vec<Format> {
    STAGES
        .iter()
        .find(|(name, _)| *name == stage)
        .map(|(_, formats)| {
            formats
                .iter()
                .filter_map(|f| Format::from_name(f))
                .collect()
        })
        .unwrap_or_default()
}

fn plan(tree: &Path, out: &Path, formats: Vec<Format>, jobs: usize) -> Plan {
    Plan {
        path: tree.to_path_buf(),
        out: out.to_path_buf(),
        formats,
        options: RenderOptions::default(),
        jobs,
        shard: None,
        merge: Vec::new(),
        progress: ProgressStyle::Quiet,
    }
}

/// One measured build: `--child STAGE JOBS TREE OUT [SHARD|merge DIR…]`.
fn child(args: &[String]) {
    let [stage, jobs, tree, out, rest @ ..] = args else {
        eprintln!("usage: --child STAGE JOBS TREE OUT [I/N | merge DIR…]");
        std::process::exit(2);
    };
    let mut p = plan(
        Path::new(tree),
        Path::new(out),
        formats_of(stage),
        jobs.parse().unwrap_or(1),
    );
    match rest {
        [shard] => p.shard = Shard::parse(shard).ok(),
        [merge, dirs @ ..] if merge == "merge" => {
            p.merge = dirs.iter().map(PathBuf::from).collect()
        }
        _ => {}
    }
    let started = Instant::now();
    let result = batch::build(&p);
    let wall = started.elapsed().as_secs_f64();
    match result {
        Ok(s) => println!(
            "{wall:.3} {} {} {} {} {:.3}",
            peak_kib(),
            s.built,
            s.reused,
            s.failed,
            cpu_seconds()
        ),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

/// User plus system CPU time of this process, from `/proc/self/stat` (in clock ticks of
/// 1/100 s, the Linux default).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses and may hold spaces.
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// Peak resident memory of this process in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[derive(Default)]
struct Run {
    wall: f64,
    cpu: f64,
    peak_mib: f64,
    built: usize,
    reused: usize,
    failed: usize,
}

fn run(args: &[&str]) -> Run {
    let exe = std::env::current_exe().expect("own path");
    let output = Command::new(exe)
        .arg("--child")
        .args(args)
        .output()
        .expect("child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let f: Vec<&str> = stdout.split_whitespace().collect();
    if !output.status.success() || f.len() != 6 {
        panic!(
            "child {args:?} failed: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Run {
        wall: f[0].parse().unwrap_or(0.0),
        peak_mib: f[1].parse::<f64>().unwrap_or(0.0) / 1024.0,
        built: f[2].parse().unwrap_or(0),
        reused: f[3].parse().unwrap_or(0),
        failed: f[4].parse().unwrap_or(0),
        cpu: f[5].parse().unwrap_or(0.0),
    }
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

fn parent() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("jurisdiction");
    let _ = std::fs::remove_dir_all(&work);
    let docs = env_usize("JIXIAO_BENCH_DOCS", 200);
    let tables = env_usize("JIXIAO_BENCH_TABLES", 20);
    let sources = sources(&root);
    let tree = work.join("tree");
    let started = Instant::now();
    synthetic::write_jurisdiction(&tree, &sources, docs, tables).expect("jurisdiction written");
    println!(
        "# jixiao jurisdiction benchmark\n\n{docs} documents × {tables} tables = {} tables from {} source document(s); generated in {:.2} s\n",
        docs * tables,
        sources.len(),
        started.elapsed().as_secs_f64()
    );
    let wanted: Vec<String> = std::env::var("JIXIAO_BENCH_STAGES")
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_else(|_| STAGES.iter().map(|(s, _)| s.to_string()).collect());
    let available = |stage: &str| stage == "check" || !formats_of(stage).is_empty();

    println!(
        "| stage | threads | wall (s) | CPU (s) | peak memory (MiB) | documents built | failed |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut speedups = Vec::new();
    // The 2-thread PDF build and its edit, for the ratios below.
    let mut pdf_runs: Option<(Run, Run)> = None;
    for (stage, _) in STAGES {
        if !wanted.iter().any(|w| w == stage) {
            continue;
        }
        if !available(stage) {
            println!("| {stage} | – | skipped: no such format in this build | | | | |");
            continue;
        }
        let mut walls = Vec::new();
        for jobs in [1, 2] {
            let out = work.join(format!("{stage}-{jobs}"));
            let r = run(&[stage, &jobs.to_string(), path(&tree), path(&out)]);
            println!(
                "| {} | {jobs} | {:.2} | {:.2} | {:.0} | {} | {} |",
                label(stage),
                r.wall,
                r.cpu,
                r.peak_mib,
                r.built,
                r.failed
            );
            walls.push(r.wall);
            if *stage == "pdf" && jobs == 2 {
                pdf_runs = Some((r, Run::default()));
            }
        }
        speedups.push((stage.to_string(), walls[0] / walls[1].max(1e-9)));
        let out = work.join(format!("{stage}-2"));
        let again = run(&[stage, "2", path(&tree), path(&out)]);
        println!(
            "| {stage}, nothing changed | 2 | {:.2} | {:.2} | {:.0} | {} (reused {}) | {} |",
            again.wall, again.cpu, again.peak_mib, again.built, again.reused, again.failed
        );
        if *stage != "check" {
            // One project file edited (a comment added): its document is rendered again,
            // and the index and volume are laid out again from every document.
            let (file, original) = first_project(&tree);
            std::fs::write(&file, [original.as_slice(), b"# edited\n"].concat())
                .expect("project edited");
            let edited = run(&[stage, "2", path(&tree), path(&out)]);
            std::fs::write(&file, &original).expect("project restored");
            let restored = run(&[stage, "2", path(&tree), path(&out)]);
            println!(
                "| {stage}, one project edited | 2 | {:.2} | {:.2} | {:.0} | {} (reused {}) | {} |",
                edited.wall,
                edited.cpu,
                edited.peak_mib,
                edited.built,
                edited.reused,
                edited.failed
            );
            assert_eq!(
                restored.built, 1,
                "restoring the edit rebuilds its document"
            );
            if let Some(runs) = pdf_runs.as_mut().filter(|_| *stage == "pdf") {
                runs.1 = edited;
            }
        }
    }
    if let Some((with_volume, edited)) = &pdf_runs {
        volume_ratios(&tree, &work, with_volume, edited);
    }
    println!();
    for (stage, s) in &speedups {
        println!("speed-up {stage}: {s:.2}× with 2 threads over 1");
    }

    // Sharded (4) and merged against the single 2-thread build, for the costliest stage built.
    let Some(stage) = STAGES
        .iter()
        .rev()
        .map(|(s, _)| *s)
        .find(|s| *s != "check" && wanted.iter().any(|w| w == s) && available(s))
    else {
        return;
    };
    let single = work.join(format!("{stage}-2"));
    let mut shard_dirs = Vec::new();
    let mut shard_walls = Vec::new();
    for i in 1..=4 {
        let out = work.join(format!("{stage}-shard{i}"));
        let r = run(&[stage, "1", path(&tree), path(&out), &format!("{i}/4")]);
        shard_walls.push(r.wall);
        shard_dirs.push(out);
    }
    let merged = work.join(format!("{stage}-merged"));
    let mut args = vec![stage, "1", path(&tree), path(&merged), "merge"];
    args.extend(shard_dirs.iter().map(|d| path(d)));
    let m = run(&args);
    let (a, b) = (files(&single), files(&merged));
    let identical = a == b;
    println!(
        "\nsharded {stage}: 4 shards of {:.2}–{:.2} s (1 thread each), merge {:.2} s; merged output {} ({} files)",
        shard_walls.iter().cloned().fold(f64::INFINITY, f64::min),
        shard_walls.iter().cloned().fold(0.0, f64::max),
        m.wall,
        if identical {
            "byte-identical to the single build"
        } else {
            "DIFFERS from the single build"
        },
        a.len()
    );
    if !identical {
        std::process::exit(1);
    }
}

/// The volume's cost against baselines measured now: the same PDF build without a volume
/// (one shard of one: every document, no index or volume), and the volume laid out again
/// from every table as before issue 21 (forced by an empty `templates/typst/` in the tree,
/// which also lets system fonts join each document's font set).
fn volume_ratios(tree: &Path, work: &Path, with_volume: &Run, edited: &Run) {
    let alone = run(&["pdf", "2", path(tree), path(&work.join("pdf-alone")), "1/1"]);
    let templates = tree.join("templates/typst");
    std::fs::create_dir_all(&templates).expect("templates folder");
    let relaid = run(&["pdf", "2", path(tree), path(&work.join("pdf-relaid"))]);
    let _ = std::fs::remove_dir_all(tree.join("templates"));
    println!(
        "| pdf, documents alone (no volume) | 2 | {:.2} | {:.2} | {:.0} | {} | {} |",
        alone.wall, alone.cpu, alone.peak_mib, alone.built, alone.failed
    );
    println!(
        "| pdf, volume laid out again (before #21) | 2 | {:.2} | {:.2} | {:.0} | {} | {} |",
        relaid.wall, relaid.cpu, relaid.peak_mib, relaid.built, relaid.failed
    );
    println!("\n## The volume against its baselines (2 threads)\n");
    println!("| measure | value | baseline | ratio | target |");
    println!("|---|---|---|---|---|");
    let ratio = |a: f64, b: f64| a / b.max(1e-9);
    println!(
        "| volume's added wall time | {:.2} s | documents alone {:.2} s | +{:.0}% | ≤ +15% |",
        with_volume.wall - alone.wall,
        alone.wall,
        100.0 * (ratio(with_volume.wall, alone.wall) - 1.0)
    );
    println!(
        "| volume's added CPU time | {:.2} s | documents alone {:.2} s | +{:.0}% | |",
        with_volume.cpu - alone.cpu,
        alone.cpu,
        100.0 * (ratio(with_volume.cpu, alone.cpu) - 1.0)
    );
    println!(
        "| PDF stage with the volume | {:.2} s | volume laid out again {:.2} s | {:.2}× | < 10 s |",
        with_volume.wall,
        relaid.wall,
        ratio(with_volume.wall, relaid.wall)
    );
    println!(
        "| peak memory | {:.0} MiB | documents alone {:.0} MiB; laid out again {:.0} MiB | {:.2}× / {:.2}× | < 1024 MiB |",
        with_volume.peak_mib,
        alone.peak_mib,
        relaid.peak_mib,
        ratio(with_volume.peak_mib, alone.peak_mib),
        ratio(with_volume.peak_mib, relaid.peak_mib)
    );
    println!(
        "| one project edited (new process) | {:.2} s | full build {:.2} s | {:.2}× | < 2 s |",
        edited.wall,
        with_volume.wall,
        ratio(edited.wall, with_volume.wall)
    );
}

/// The first project file of the tree and its bytes.
fn first_project(tree: &Path) -> (PathBuf, Vec<u8>) {
    let file = walkdir::WalkDir::new(tree)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "yaml")
                && p.file_name().is_some_and(|n| n != "jixiao.yaml")
        })
        .expect("the tree has a project file");
    let bytes = std::fs::read(&file).expect("project readable");
    (file, bytes)
}

/// A stage's name with the formats it really built when some are missing from this build.
fn label(stage: &str) -> String {
    let built = formats_of(stage)
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join("+");
    if stage == "check" || built == stage {
        stage.to_string()
    } else {
        format!("{stage} (only {built})")
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temporary path")
}
