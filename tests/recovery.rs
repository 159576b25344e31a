//! Loading recovers past a broken field: a document with a blank budget, an exact
//! 3-decimal 万元 amount and ten indicator defects reports all of them in one
//! `jixiao check` run, and `jixiao build` still writes nothing.

use std::path::Path;
use std::process::Command;

const FIXTURE: &str = "tests/fixtures/recovery/many-defects.yaml";

fn jixiao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn one_check_run_reports_the_blank_budget_and_every_indicator_defect() {
    let output = jixiao(&["check", "--format", "short", FIXTURE]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let at = |line: usize, code: &str| {
        let needle = format!("many-defects.yaml:{line}:");
        stdout
            .lines()
            .any(|l| l.contains(&needle) && l.contains(&format!("[{code}]")))
    };
    let expected = [
        (11, "L006"), // the blank budget
        (14, "T408"), // a result written as the goal
        (16, "S208"), // 产出指标(40-50)分
        (18, "S208"), // 数量指标(或建筑规模指标)
        (21, "C323"), // a ceiling on an output quantity
        (23, "C322"), // a percentage on a count
        (26, "T407"), // （≥**%） left from the template
        (27, "C324"), // a rate ≥100%
        (31, "C325"), // an Excel serial number as the deadline
        (37, "C321"), // a unit with no numerator
        (43, "C319"), // a benefit with no comparator
        (49, "V108"), // a satisfaction percentage with no comparator
        (77, "C323"), // a floor on a cost
    ];
    let missing: Vec<String> = expected
        .iter()
        .filter(|(line, code)| !at(*line, code))
        .map(|(line, code)| format!("{code} at line {line}"))
        .collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{stdout}");
    // The budget is unknown: nothing compares the first project's cost with it, and
    // the 3-decimal 万元 amount (249980.00 元, exact to the 分) is no error.
    assert!(!stdout.contains("[L008]"), "{stdout}");
    let budget_findings: Vec<&str> = stdout
        .lines()
        .filter(|l| {
            ["[C301]", "[C302]", "[C303]", "[C304]"]
                .iter()
                .any(|c| l.contains(c))
        })
        .collect();
    assert!(budget_findings.is_empty(), "{budget_findings:?}");
}

#[test]
fn the_exact_amount_is_compared_to_the_fen() {
    let output = jixiao(&["check", "--format", "short", FIXTURE]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    // ≥25万元 against a budget of 24.998 万元: no over-budget finding (it is a floor,
    // C323), and no rounding of the budget to 25.00 anywhere.
    assert!(!stdout.contains("25.00"), "{stdout}");
}

#[test]
fn build_writes_nothing_while_errors_remain() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("recovery-build");
    let _ = std::fs::remove_dir_all(&out);
    let output = jixiao(&[
        "build",
        "--format",
        "text",
        "--out",
        out.to_str().unwrap(),
        FIXTURE,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("错误[L006]"), "{stderr}");
    assert!(
        stderr.contains("[T407]"),
        "later findings are reported too: {stderr}"
    );
    assert!(
        !out.exists(),
        "nothing may be written for a document with errors"
    );
}
