//! Checker speed: load + check of the 41-table published document and of a synthetic
//! 1,000-project document, each against a baseline measured in the same run (loading
//! alone), so the report reads as "checking costs N× loading" on any machine.
//!
//! Run with `cargo bench --bench check`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use jixiao::check;
use jixiao::load::load_str;
use jixiao::span::Sources;

const TANGSHAN: &str = include_str!("../tests/fixtures/published/tangshan-shangwu-2024.yaml");
const PROJECT: &str = include_str!("../tests/rules/C307/pass.yaml");

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

/// 1,000 distinct projects: the one-project fixture with numbered names and goals.
fn synthetic(projects: usize) -> String {
    let (head, project) = PROJECT
        .split_once("projects:\n")
        .expect("fixture has projects");
    let mut out = format!("{head}projects:\n");
    for i in 0..projects {
        out.push_str(
            &project
                .replace(
                    "2025年餐饮消费券资金",
                    &format!("2025年餐饮消费券资金第{i}批"),
                )
                .replace("提升城市烟火气", &format!("提升城市烟火气（第{i}批）"))
                .replace("value: 1种", &format!("value: {}种", i + 1)),
        );
    }
    out
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
    report("synthetic 1,000 projects", &synthetic(1000));
}
