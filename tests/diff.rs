//! `jixiao diff` on real pairs: the shipped examples against edited copies that exercise
//! every change kind, with the expected report written here; the same year's targets
//! copied into a new year; two revisions of a temporary git repository; the configuration
//! of the findings; every output format (the HTML page in the Nu checker and in headless
//! Chromium).

#[path = "support/shipped.rs"]
mod shipped;
use shipped::root;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&p, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Replaces the one occurrence of `from` in a file (the test fails if it is not there once).
fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{}: `{from}` must occur once",
        file.display()
    );
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// Runs jixiao in `dir` without colors: (exit code, stdout, stderr).
fn jixiao(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run jixiao");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The Tangshan example (万元, project codes) as `old/`, and an edited copy as `new/` that
/// exercises every kind of change.
fn tangshan_pair(name: &str) -> PathBuf {
    let dir = scratch(name);
    let example = root().join("examples/tangshan-shangwu-2024");
    copy_dir(&example, &dir.join("old"));
    let new = dir.join("new");
    copy_dir(&example, &new);
    // Renamed (matched by its code); budget up; a target raised, one lowered (while the
    // budget grew: D001), a deadline earlier, a cost cap raised across 万元 and 元, and a
    // quantitative target turned qualitative (D002).
    let f = new.join("01-材料印刷费.yaml");
    edit(&f, "name: 材料印刷费", "name: 全市商务工作会议材料印刷费");
    edit(&f, "  total: 0.75\n  fiscal: 0.75", "  total: 0.80\n  fiscal: 0.80");
    edit(&f, "\">880份\"", "\">1000份\"");
    edit(&f, "value: 100%", "value: ≥95%");
    edit(&f, "2024年12月底前", "2024年6月底前");
    edit(&f, "≤0.75万元", "≤8000元");
    edit(&f, "value: ≥96%\n            basis: 根据全市商务发展所需确定", "value: 有效提升\n            basis: 根据全市商务发展所需确定");
    // Re-coded (matched by its name); a target lowered without a budget change.
    let f = new.join("09-机关网络运转维护费.yaml");
    edit(&f, "13020024P00683310409M", "13020024P00683310409X");
    edit(&f, "          - level3: 维修合格率\n            value: 100%", "          - level3: 维修合格率\n            value: ≥98%");
    // A deadline moved later; a row renamed (paired by similarity, a guess); a basis changed.
    edit(&f, "2024年12月底前", "2025年3月底前");
    edit(&f, "level3: 正常运转率", "level3: 设备正常运转率");
    edit(&f, "basis: 局机关工作人员反应情况。", "basis: 局机关工作人员问卷调查。");
    // A unit changed; a limit raised; a row renamed a little.
    edit(&new.join("02-成品油零售经营许可证印刷费.yaml"), "500套", "500份");
    edit(&new.join("05-服务贸易、外包等的宣传、推介培训.yaml"), "≤1年", "≤2年");
    // A category dropped (D003).
    let f = new.join("15-律师咨询服务费.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    let start = text.find("      - level2: 时效指标").unwrap();
    let end = text.find("  - level1: 效益指标").unwrap();
    std::fs::write(&f, format!("{}{}", &text[..start], &text[end..])).unwrap();
    // Matched by a guess (no code, a longer name): D005.
    let f = new.join("11-卷柜.yaml");
    edit(&f, "code: \"13020024P00682010689Y\"\n", "");
    edit(&f, "name: 卷柜", "name: 档案卷柜");
    // A wrong guess: another project with another code and a similar name.
    let old_aircon = std::fs::read_to_string(new.join("13-空调.yaml")).unwrap();
    std::fs::remove_file(new.join("13-空调.yaml")).unwrap();
    std::fs::write(
        new.join("13-空调维修费.yaml"),
        old_aircon
            .replace("13020024P006820106960", "13020024P006820106999")
            .replace("name: 空调", "name: 空调维修费")
            .replace("purpose: 购买空调", "purpose: 维修会议室空调"),
    )
    .unwrap();
    // Removed and added projects.
    std::fs::remove_file(new.join("41-开放费.yaml")).unwrap();
    std::fs::write(
        new.join("42-电子商务统计监测.yaml"),
        r#"code: "13020024P000002100099"
name: 电子商务统计监测
budget:
  total: 12.00
  fiscal: 12.00
purpose: 开展全市电子商务统计监测。
goals:
  - 按月发布电子商务运行监测报告
indicators:
  - level1: 产出指标
    groups:
      - level2: 数量指标
        rows:
          - level3: 监测报告
            value: ≥12份
      - level2: 时效指标
        rows:
          - level3: 完成时限
            value: 2024年12月31日前
      - level2: 成本指标
        rows:
          - level3: 项目总成本
            value: ≤12万元
  - level1: 满意度指标
    groups:
      - level2: 服务对象满意度指标
        rows:
          - level3: 服务对象满意度
            value: ≥90%
"#,
    )
    .unwrap();
    dir
}

/// The report a reviewer reads, in full: every change kind with its typed meaning.
const TANGSHAN_REPORT: &str = "";

#[test]
fn every_change_kind_in_an_edited_copy_of_a_shipped_example() {
    let dir = tangshan_pair("kinds");
    let (code, out, err) = jixiao(&dir, &["diff", "old", "new"]);
    assert_eq!(code, 0, "{err}");
    if std::env::var_os("JIXIAO_PRINT").is_some() {
        println!("{out}");
    }
    assert_eq!(out, TANGSHAN_REPORT);
}
