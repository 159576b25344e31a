//! Throughput of the indicator value parser on one core.
//!
//! Parses a mix of short values in the proportions real documents use, and reports values
//! per second next to a baseline measured in the same run: `str::parse::<Decimal>` over the
//! numbers alone, the least work any value parser must do. `value::parse` takes the fast
//! path for the common shapes; `value::parse_with_grammar` sends every value through the
//! pest grammar, for comparison (both give the same result for every input). Run with
//! `cargo bench --bench values`.

use std::hint::black_box;
use std::str::FromStr;
use std::time::{Duration, Instant};

use jixiao::value;
use rust_decimal::Decimal;

/// Short values in roughly the mix of the seeds: mostly percentages, then text, counts,
/// money, dates and durations, with a few malformed ones.
const VALUES: &[&str] = &[
    "100%",
    "≥90%",
    "≥95%",
    "≥96%",
    "≥85%",
    "≥80%",
    "≥60%",
    "90%",
    "<100%",
    "≤100%",
    "有效提升",
    "保障工作正常开展",
    "显著提升",
    "有所提升",
    "持续保障",
    "顺利开展",
    "1个",
    "≥5个",
    "≥1000个",
    "≥3场",
    "≥20家",
    "≤8项",
    ">880份",
    "≥110万票",
    "19206.01平方米",
    "≤41.66万元",
    "≤0.75万元",
    "≤2471万元",
    "≤5000元",
    "≥150万元",
    "≤7.64元/个",
    "≤7000万元/年",
    "≥2亿美元",
    "≤775.39万",
    "2026年12月31日前",
    "2024年12月31日",
    "2024年12月底前",
    "2025年底前",
    "12月底前",
    "≤2024.12",
    "≤2024.12日期",
    "2024年6月31日",
    "≤24小时",
    "1年",
    "5个工作日内",
    "7*24小时响应",
    "≥1:4",
    "少于2076万元",
    "≥95百分比",
];

/// How long each measurement runs.
const BUDGET: Duration = Duration::from_secs(2);

/// Runs `f` over `inputs` repeatedly for about `BUDGET`; returns items per second.
fn throughput<T>(inputs: &[T], mut f: impl FnMut(&T)) -> f64 {
    // Warm up caches and the allocator.
    for x in inputs {
        f(x);
    }
    let start = Instant::now();
    let mut done = 0u64;
    while start.elapsed() < BUDGET {
        for _ in 0..100 {
            for x in inputs {
                f(x);
            }
        }
        done += 100 * inputs.len() as u64;
    }
    done as f64 / start.elapsed().as_secs_f64()
}

/// The leading number of a value (`≤41.66万元` → `41.66`), for the baseline.
fn leading_number(v: &str) -> Option<&str> {
    let start = v.find(|c: char| c.is_ascii_digit())?;
    let rest = &v[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

fn main() {
    let numbers: Vec<&str> = VALUES.iter().filter_map(|v| leading_number(v)).collect();
    let baseline = throughput(&numbers, |n| {
        black_box(Decimal::from_str(black_box(n)).ok());
    });
    let parsed = throughput(VALUES, |v| {
        black_box(value::parse(black_box(v)));
    });
    let grammar = throughput(VALUES, |v| {
        black_box(value::parse_with_grammar(black_box(v)));
    });
    let json = throughput(VALUES, |v| {
        black_box(
            serde_json::to_string(&value::parse(black_box(v)))
                .map(|s| s.len())
                .ok(),
        );
    });
    let avg_bytes = VALUES.iter().map(|v| v.len()).sum::<usize>() as f64 / VALUES.len() as f64;
    println!(
        "indicator value parser, one core, {} distinct values, {avg_bytes:.1} bytes on average",
        VALUES.len()
    );
    println!(
        "  baseline  Decimal::from_str on the numbers alone : {:>12.0} /s",
        baseline
    );
    println!(
        "  value::parse (fast path, typed value, problems): {:>12.0} /s",
        parsed
    );
    println!(
        "  value::parse_with_grammar (every value by pest): {:>12.0} /s",
        grammar
    );
    println!(
        "  value::parse + JSON (what parse-value prints)   : {:>12.0} /s",
        json
    );
    println!(
        "  ratio parse / baseline                          : {:>12.3}",
        parsed / baseline
    );
    println!(
        "  ratio parse_with_grammar / baseline             : {:>12.3}",
        grammar / baseline
    );
    println!(
        "  speed-up of the fast path over the grammar      : {:>12.2}x",
        parsed / grammar
    );
    println!(
        "  time per value                                  : {:>12.0} ns",
        1e9 / parsed
    );
}
