//! 绩效自评 scoring as a specification: every expected score below is worked out by hand
//! in the comment beside it (weights, proportions, rounding), never read from the output.

use std::path::{Path, PathBuf};

use jixiao::check::check_document;
use jixiao::evaluate;
use jixiao::evaluate::score::{Outcome, ProjectScore};
use jixiao::load::{load_path, load_str};
use jixiao::model::Document;
use jixiao::span::Sources;
use jixiao::table::evaluation::EvaluationView;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// A one-project document (amounts in 元) with the given rows under each 一级.
fn document(extra: &str, project_extra: &str, rows: &str) -> String {
    format!(
        r#"year: 2025
amount_unit: 元
unit:
  code: "323101"
  name: 测试单位
framework: legacy
{extra}projects:
  - name: 测试项目
    budget:
      total: 100000.00
      fiscal: 100000.00
    purpose: 测试。
    goals:
      - 完成测试。
{project_extra}    indicators:
{rows}"#
    )
}

/// The rows of the worked example: four 产出 rows, two 效益 rows, one 满意度 row.
const ROWS: &str = r#"      - level1: 产出指标
        groups:
          - level2: 数量指标
            rows:
              - level3: 培训人数
                value: ≥100人
                actual: 100人
          - level2: 质量指标
            rows:
              - level3: 合格率
                value: ≥90%
                actual: 81%
                deviation: 部分学员未参加考核。
          - level2: 时效指标
            rows:
              - level3: 完成时间
                value: 2025年12月31日前
                actual: 2025年11月20日
          - level2: 成本指标
            rows:
              - level3: 培训成本
                value: ≤10万元
                actual: 9.5万元
      - level1: 效益指标
        groups:
          - level2: 经济效益指标
            rows:
              - level3: 带动消费
                value: ≥150万元
                actual: 260万元
                deviation: 活动效果好于预期，下一年度提高指标值。
          - level2: 社会效益指标
            rows:
              - level3: 社会影响
                value: 有效提升
                actual: 媒体报道增加
                grade: 部分达成
                deviation: 宣传覆盖面不够。
      - level1: 满意度指标
        groups:
          - level2: 服务对象满意度指标
            rows:
              - level3: 学员满意度
                value: ≥90%
"#;

fn loaded(text: &str) -> (Document, Sources) {
    let mut sources = Sources::new();
    let loaded = load_str("test.yaml", text, &mut sources);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    (loaded.document.unwrap(), sources)
}

fn score_of(text: &str) -> ProjectScore {
    let (doc, _) = loaded(text);
    evaluate::evaluate(&doc).projects.remove(0)
}

fn scores(s: &ProjectScore) -> Vec<Decimal> {
    s.rows.iter().map(|r| r.score).collect()
}

fn weights(s: &ProjectScore) -> Vec<Decimal> {
    s.rows.iter().map(|r| r.weight).collect()
}

#[test]
fn worked_example_by_the_national_method() {
    let s = score_of(&document("", "    executed: 95000.00\n", ROWS));
    // Execution: 95000 / 100000 = 95% of 10 points = 9.5.
    assert_eq!(s.execution_rate, Some(d("0.95")));
    assert_eq!(s.execution_score, d("9.5"));
    // 产出 50 over 4 rows = 12.5 each; 效益 30 over 2 = 15; 满意度 10 over 1.
    assert_eq!(
        weights(&s),
        [
            d("12.5"),
            d("12.5"),
            d("12.5"),
            d("12.5"),
            d("15"),
            d("15"),
            d("10")
        ]
    );
    assert_eq!(
        scores(&s),
        [
            d("12.5"),  // 100人 meets ≥100人
            d("11.25"), // 81% of ≥90%: 81/90 = 0.9, × 12.5 = 11.25 (partial completion)
            d("12.5"),  // 11月20日 before the 12月31日 deadline
            d("12.5"),  // 9.5万元 under the 10万元 cap
            d("15"),    // 260万元 over ≥150万元: an overshoot scores in full
            d("10.5"),  // 部分达成: the grade's default 70% of 15 = 10.5
            d("0"),     // 学员满意度 has no actual: nothing
        ]
    );
    assert!(
        matches!(s.rows[4].outcome, Outcome::Met { beaten_by: Some(b) } if b == d("110") / d("150"))
    );
    assert_eq!(s.rows[6].outcome, Outcome::NoActual);
    // 9.5 + 12.5 + 11.25 + 12.5 + 12.5 + 15 + 10.5 + 0 = 83.75: 良 (80 ≤ 83.75 < 90).
    assert_eq!(s.total_weight, d("100"));
    assert_eq!(s.total, d("83.75"));
    assert_eq!(s.rating, "良");
}

#[test]
fn the_checks_name_what_the_worked_example_lacks() {
    let (doc, sources) = loaded(&document("", "    executed: 95000.00\n", ROWS));
    let codes: Vec<String> = check_document(&doc, &sources)
        .into_iter()
        .map(|d| d.code)
        .filter(|c| c.starts_with('E'))
        .collect();
    // No actual for 学员满意度 (E001); no 实际完成情况 (E017). The shortfall, the
    // overshoot and the 部分达成 all give a reason, so no E003/E004.
    assert_eq!(codes, ["E017", "E001"]);
}

#[test]
fn weights_spread_evenly_and_the_last_row_takes_the_remainder() {
    let rows = r#"      - level1: 产出指标
        groups:
          - level2: 数量指标
            rows:
              - level3: 甲
                value: ≥1个
                actual: 1个
              - level3: 乙
                value: ≥1个
                actual: 1个
              - level3: 丙
                value: ≥3个
                actual: 2个
      - level1: 效益指标
        groups:
          - level2: 社会效益指标
            rows:
              - level3: 丁
                value: 有效提升
                grade: 达成
                weight: 20
              - level3: 戊
                value: 有效提升
                grade: 未达成
                score: 5
      - level1: 满意度指标
        groups:
          - level2: 服务对象满意度指标
            rows:
              - level3: 己
                value: ≥90%
                actual: 95%
"#;
    let s = score_of(&document("", "    executed: 100000.00\n", rows));
    // 50 / 3 = 16.666…: 16.67, 16.67 and 50 − 33.34 = 16.66. 效益: 丁 says 20, so 戊 gets
    // the 30 − 20 = 10 left.
    assert_eq!(
        weights(&s),
        [
            d("16.67"),
            d("16.67"),
            d("16.66"),
            d("20"),
            d("10"),
            d("10")
        ]
    );
    assert_eq!(
        scores(&s),
        [
            d("16.67"),
            d("16.67"),
            d("11.11"), // 2 of 3: 16.66 × 2/3 = 11.1066… → 11.11
            d("20"),    // 达成: default 100% of 20
            d("5"),     // 未达成 with a written score of 5 (range 0–60% of 10 = 0–6)
            d("10"),
        ]
    );
    // 10 + 16.67 + 16.67 + 11.11 + 20 + 5 + 10 = 89.45: 良.
    assert_eq!(s.total, d("89.45"));
    assert_eq!(s.rating, "良");
}

#[test]
fn late_deadlines_and_exceeded_caps_score_in_proportion() {
    let rows = r#"      - level1: 产出指标
        groups:
          - level2: 时效指标
            rows:
              - level3: 完成时间
                value: 2025年6月30日前
                actual: 2025年7月31日
                deviation: 招标延期。
          - level2: 成本指标
            rows:
              - level3: 成本
                value: ≤10万元
                actual: 12万元
                deviation: 材料涨价。
      - level1: 效益指标
        groups:
          - level2: 社会效益指标
            rows:
              - level3: 影响
                value: 有效提升
                grade: 达成
      - level1: 满意度指标
        groups:
          - level2: 服务对象满意度指标
            rows:
              - level3: 满意度
                value: ≥90%
                actual: 90%
"#;
    let s = score_of(&document("", "    executed: 100000.00\n", rows));
    assert_eq!(weights(&s), [d("25"), d("25"), d("30"), d("10")]);
    // Deadline: 1 Jan–30 Jun is 181 days, 1 Jan–31 Jul is 212: 25 × 181/212 = 21.344… → 21.34.
    // Cap: 10万元 over an actual 12万元: 25 × 10/12 = 20.833… → 20.83.
    assert_eq!(scores(&s), [d("21.34"), d("20.83"), d("30"), d("10")]);
    // 10 + 21.34 + 20.83 + 30 + 10 = 92.17: 优.
    assert_eq!(s.total, d("92.17"));
    assert_eq!(s.rating, "优");
}

#[test]
fn an_incomparable_actual_scores_nothing_and_is_reported() {
    let rows = ROWS.replace("actual: 100人", "actual: 100家");
    let (doc, sources) = loaded(&document("", "    executed: 95000.00\n", &rows));
    let s = evaluate::evaluate(&doc).projects.remove(0);
    assert!(matches!(&s.rows[0].outcome, Outcome::Incomparable(m) if m.contains("单位不同")));
    assert_eq!(s.rows[0].score, Decimal::ZERO);
    assert!(
        check_document(&doc, &sources)
            .iter()
            .any(|d| d.code == "E002")
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-evaluate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PROVINCE: &str = r#"name: province
title: 某省项目支出绩效自评办法
execution: 20
weights:
  - { categories: [数量, 质量, 时效, 成本], weight: 40 }
  - { categories: [效益], weight: 30 }
  - { categories: [满意度], weight: 10 }
grades:
  - { name: 达成, min: 90, max: 100, default: 95 }
  - { name: 部分达成, min: 70, max: 90, default: 80 }
  - { name: 未达成, min: 0, max: 70, default: 50 }
overshoot: 50
ratings:
  - { name: 优, min: 85 }
  - { name: 良, min: 75 }
  - { name: 中, min: 60 }
  - { name: 差, min: 0 }
"#;

#[test]
fn a_custom_scoring_file_changes_weights_grades_and_ratings() {
    let dir = temp_dir("custom");
    std::fs::create_dir_all(dir.join("scoring")).unwrap();
    std::fs::write(dir.join("scoring/province.yaml"), PROVINCE).unwrap();
    let path = dir.join("doc.yaml");
    std::fs::write(
        &path,
        document("scoring: province\n", "    executed: 95000.00\n", ROWS),
    )
    .unwrap();
    let mut sources = Sources::new();
    let loaded = load_path(&path, &mut sources);
    let doc = loaded.document.expect("loads");
    let e = evaluate::evaluate(&doc);
    assert_eq!(e.method.title, "某省项目支出绩效自评办法");
    let s = &e.projects[0];
    // Execution 20 × 95% = 19. 产出 40 over 4 = 10 each; 效益 30 over 2 = 15; 满意度 10.
    assert_eq!(s.execution_score, d("19"));
    assert_eq!(
        weights(s),
        [
            d("10"),
            d("10"),
            d("10"),
            d("10"),
            d("15"),
            d("15"),
            d("10")
        ]
    );
    assert_eq!(
        scores(s),
        [
            d("10"),
            d("9"), // 81/90 × 10
            d("10"),
            d("10"),
            d("15"),
            d("12"), // 部分达成: this method's default 80% of 15
            d("0"),
        ]
    );
    // 19 + 10 + 9 + 10 + 10 + 15 + 12 + 0 = 85: 优 under this method (≥ 85), 良 under
    // the national one.
    assert_eq!(s.total, d("85"));
    assert_eq!(s.rating, "优");
    // Without its scoring file the document cannot be scored: E011, and nothing else.
    std::fs::remove_file(dir.join("scoring/province.yaml")).unwrap();
    let mut sources = Sources::new();
    let loaded = load_path(&path, &mut sources);
    let doc = loaded.document.unwrap();
    let codes: Vec<String> = check_document(&doc, &sources)
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["E011"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_separate_self_evaluation_document_scores_like_the_same_file() {
    let dir = temp_dir("separate");
    let targets: String = document("", "", ROWS)
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("actual:") || t.starts_with("grade:") || t.starts_with("deviation:"))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("2025.yaml"), targets).unwrap();
    let evaluation = r#"targets: 2025.yaml
date: "2026-03-20"
projects:
  - name: 测试项目
    executed: 95000.00
    achieved: 完成了测试。
    rows:
      - level3: 培训人数
        actual: 100人
      - level3: 合格率
        actual: 81%
        deviation: 部分学员未参加考核。
      - level3: 完成时间
        actual: 2025年11月20日
      - level3: 培训成本
        actual: 9.5万元
      - level3: 带动消费
        actual: 260万元
        deviation: 活动效果好于预期，下一年度提高指标值。
      - level3: 社会影响
        actual: 媒体报道增加
        grade: 部分达成
        deviation: 宣传覆盖面不够。
      - level3: 学员满意度
        actual: 92%
"#;
    let path = dir.join("2025-自评.yaml");
    std::fs::write(&path, evaluation).unwrap();
    let mut sources = Sources::new();
    let loaded = load_path(&path, &mut sources);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let doc = loaded.document.unwrap();
    assert!(evaluate::is_separate(&doc));
    assert_eq!(
        doc.date.as_ref().map(|d| d.value.as_str()),
        Some("2026-03-20")
    );
    assert!(check_document(&doc, &sources).is_empty());
    let e = evaluate::evaluate(&doc);
    // As the worked example, with 学员满意度 92% ≥ 90% now scoring its 10: 83.75 + 10.
    assert_eq!(e.projects[0].total, d("93.75"));
    let view = jixiao::table::DocumentView::new(&doc);
    assert!(
        view.tables.is_empty(),
        "a 自评 document publishes no 目标表"
    );
    let ev: &EvaluationView = view.evaluation.as_ref().unwrap();
    assert_eq!(ev.title, "测试单位2025年度项目支出绩效自评表");
    assert_eq!(ev.tables[0].total_score, "93.75");
    assert_eq!(ev.tables[0].rating, "优");
    assert_eq!(ev.summary[0].rate, "95.00%");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_targets_document_without_actuals_is_not_a_self_evaluation() {
    let targets: String = document("", "", ROWS)
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("actual:") || t.starts_with("grade:") || t.starts_with("deviation:"))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let (doc, sources) = loaded(&targets);
    assert!(!evaluate::is_evaluation(&doc));
    assert!(jixiao::table::DocumentView::new(&doc).evaluation.is_none());
    assert!(
        !check_document(&doc, &sources)
            .iter()
            .any(|d| d.code.starts_with('E'))
    );
}

#[test]
fn shipped_self_evaluations_render_in_every_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = temp_dir("shipped");
    let mut found = 0;
    for entry in std::fs::read_dir(root.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with("-自评.yaml") {
            continue;
        }
        found += 1;
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["build", "-q", "--out"])
            .arg(&out)
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "{}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap();
        assert!(text.contains("项目支出绩效自评结果汇总") && text.contains("自评等级："));
        let pdf = std::fs::read(out.join(format!("{stem}.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let html = std::fs::read_to_string(out.join(format!("{stem}.html"))).unwrap();
        assert!(html.contains("偏差原因分析及改进措施"));
        let xlsx = std::fs::read(out.join(format!("{stem}.xlsx"))).unwrap();
        assert!(xlsx.starts_with(b"PK"));
    }
    assert_eq!(found, 3, "one self-evaluation per shipped example");
    let _ = std::fs::remove_dir_all(&out);
}

/// The yearly cycle in one repository: `init` in January, `init --self-evaluation` the next
/// spring, the blanks filled in, then one tree build publishes the targets, the 自评表 and
/// a volume with the scores.
#[test]
fn the_yearly_cycle_from_init_to_published_scores() {
    let dir = temp_dir("cycle");
    let repo = dir.join("repo");
    let jixiao = env!("CARGO_BIN_EXE_jixiao");
    let run = |args: &[&str]| {
        std::process::Command::new(jixiao)
            .args(args)
            .current_dir(&repo)
            .output()
            .unwrap()
    };
    std::fs::create_dir_all(&repo).unwrap();
    assert!(run(&["init", ".", "--year", "2025"]).status.success());
    assert!(
        std::fs::read_to_string(repo.join("README.md"))
            .unwrap()
            .contains("--self-evaluation 2025")
    );
    let made = run(&["init", ".", "--self-evaluation", "2025"]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let path = repo.join("2025-自评.yaml");
    // Unfilled, the draft says what is missing.
    let draft = run(&["check", "--format", "short", "2025-自评.yaml"]);
    let report = String::from_utf8_lossy(&draft.stdout).into_owned();
    assert_eq!(draft.status.code(), Some(1));
    assert!(
        report.contains("[E010]") && report.contains("[E001]") && report.contains("[E008]"),
        "{report}"
    );
    // Fill in the blanks, in the order the skeleton lists the rows.
    let mut actuals = [
        "210人",
        "96%",
        "2025年12月20日",
        "2400元/人",
        "独居老人照护覆盖率提高",
        "93%",
    ]
    .into_iter();
    let filled: String = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|line| match line.trim() {
            "executed:" => line.replace("executed:", "executed: 480000.00"),
            "achieved:" => {
                line.replace("achieved:", "achieved: 为212名高龄老年人提供居家养老服务。")
            }
            "actual:" => line.replace("actual:", &format!("actual: {}", actuals.next().unwrap())),
            "grade:" => line.replace("grade:", "grade: 达成"),
            _ => line.to_string(),
        })
        .map(|l| l + "\n")
        .collect();
    std::fs::write(&path, filled).unwrap();
    let checked = run(&["check", "."]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let built = run(&["build", "-q", ".", "--out", "build"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let text = std::fs::read_to_string(repo.join("build/2025-自评.txt")).unwrap();
    // Execution 480000 / 500000 = 96% of 10 = 9.6; every row met: 90. Total 99.6, 优.
    assert!(
        text.contains("99.6") && text.contains("自评等级：优"),
        "{text}"
    );
    let volume = std::fs::read_to_string(repo.join("build/volume.txt")).unwrap();
    assert!(
        volume.contains("绩效自评得分汇总") && volume.contains("平均得分 99.60"),
        "{volume}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_target_set_too_low_may_be_marked_down() {
    let rows = ROWS.replace(
        "                actual: 260万元\n",
        "                actual: 260万元\n                score: 12\n",
    );
    let (doc, sources) = loaded(&document("", "    executed: 95000.00\n", &rows));
    let s = evaluate::evaluate(&doc).projects.remove(0);
    // 260万元 beats ≥150万元 by 73% (> 20%): the written 12 of 15 stands, so the worked
    // example's 83.75 becomes 83.75 − 15 + 12 = 80.75, still 良.
    assert_eq!(s.rows[4].score, d("12"));
    assert_eq!(s.total, d("80.75"));
    assert!(
        !check_document(&doc, &sources)
            .iter()
            .any(|d| d.code == "E007")
    );
    // A mark-down where the target was not beaten by that much is a wrong score: E007.
    let rows = ROWS.replace(
        "                actual: 100人\n",
        "                actual: 100人\n                score: 12\n",
    );
    let (doc, sources) = loaded(&document("", "    executed: 95000.00\n", &rows));
    assert_eq!(
        evaluate::evaluate(&doc).projects[0].rows[0].score,
        d("12.5")
    );
    assert!(
        check_document(&doc, &sources)
            .iter()
            .any(|d| d.code == "E007")
    );
}
