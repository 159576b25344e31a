//! Checker speed: load + check of the 41-table published document and of a synthetic
//! 1,000-project document, each against a baseline measured in the same run (loading
//! alone), so the report reads as "checking costs N× loading" on any machine.
//!
//! Run with `cargo bench --bench check`.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::{Duration, Instant};

use jixiao::check;
use jixiao::load::load_str;
use jixiao::span::Sources;

const TANGSHAN: &str = include_str!("../tests/fixtures/published/tangshan-shangwu-2024.yaml");

/// Median time of `f` over enough runs to fill about `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    f();
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_micros(1));
    let runs = (budget.as_nanos() / once.as_nanos()).clamp(5, 200) as usize;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

fn load_only(text: &str) {
    let mut sources = Sources::new();
    let loaded = load_str("doc.yaml", text, &mut sources);
    black_box(loaded.document.expect("document loads"));
}

fn load_and_check(text: &str) -> usize {
    let mut sources = Sources::new();
    let loaded = load_str("doc.yaml", text, &mut sources);
    let doc = loaded.document.expect("document loads");
    black_box(check::check(&doc, &sources).diagnostics.len())
}

fn report(name: &str, text: &str) {
    let findings = load_and_check(text);
    let budget = Duration::from_secs(2);
    let load = median(budget, || load_only(text));
    let full = median(budget, || {
        load_and_check(text);
    });
    let check = full.saturating_sub(load);
    println!(
        "{name:<28} {:>6} KiB  load {:>9.3} ms  load+check {:>9.3} ms  check alone {:>9.3} ms  ratio (load+check)/load {:>5.2}  findings {findings}",
        text.len() / 1024,
        load.as_secs_f64() * 1e3,
        full.as_secs_f64() * 1e3,
        check.as_secs_f64() * 1e3,
        full.as_secs_f64() / load.as_secs_f64(),
    );
}

fn main() {
    println!("jixiao check benchmark (median of runs; baseline = loading the same text)");
    report("41-table Tangshan document", TANGSHAN);
    report(
        "synthetic 1,000 projects",
        &synthetic::document_yaml(1000, 100),
    );
}
