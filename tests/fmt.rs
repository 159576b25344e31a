//! `jixiao fmt`: canonical files stay as they are, messy files become canonical and load
//! as the same document, formatting is idempotent, and comments are never lost.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{load, render};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-fmt-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn fmt(path: &Path, check: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.arg("fmt").arg(path);
    if check {
        cmd.arg("--check");
    }
    cmd.output().expect("run jixiao")
}

fn published(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published")
        .join(name)
}

const MESSY: &str = r#"projects:
  - {name: "测试项目", budget: {total: "1200.50", fiscal: 1200.50, other: 0.00}, purpose: '用途：第一段', goals: ["目标一", "目标二"], goal_numbering: true,
     indicators: [{level1: 产出指标, groups: [{level2: 数量指标, rows: [{value: "≥1个", level3: 数量, description: 数量说明}]},
       {level2: 时效指标, rows: [{level3: 完成时间, value: "2025.12"}, {level3: "代码", value: '323101'}]}]}],
     spending_plan: {december: "100%", march: ""}}
framework: legacy
unit: {name: 某单位, code: '001'}
amount_unit: 元
year: 2025
overview: {overall: "第一段\n第二段\n", items: [], safeguards: ["措施 #1", "- 以短横开头"]}
"#;

#[test]
fn canonical_files_are_left_alone() {
    for name in [
        "tianjin-binhai-shangwu-2026.yaml",
        "tangshan-shangwu-2024.yaml",
        "tianjin-gongxin-2025.yaml",
    ] {
        let out = fmt(&published(name), true);
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn messy_files_become_canonical_and_stay_the_same_document() {
    let dir = scratch("messy");
    let file = dir.join("doc.yaml");
    std::fs::write(&file, MESSY).unwrap();
    let before = render(&load(&file), 100);
    let check = fmt(&file, true);
    assert_eq!(check.status.code(), Some(1), "--check reports the file");
    assert!(String::from_utf8_lossy(&check.stdout).contains("doc.yaml"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        MESSY,
        "--check writes nothing"
    );
    let out = fmt(&file, false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(
        first.starts_with("# yaml-language-server: $schema="),
        "{first}"
    );
    assert!(
        first.contains("\nyear: 2025\namount_unit: 元\nunit:\n  code: \"001\"\n"),
        "{first}"
    );
    assert!(first.contains("      total: 1200.50\n"), "{first}");
    assert!(first.contains("value: \"2025.12\""), "{first}");
    assert!(first.contains("value: \"323101\""), "{first}");
    assert!(
        first.contains("  overall: |\n    第一段\n    第二段\n"),
        "{first}"
    );
    assert_eq!(
        render(&load(&file), 100),
        before,
        "formatting changed the document"
    );
    // Idempotent: a second run changes nothing.
    assert!(fmt(&file, true).status.success());
    assert!(fmt(&file, false).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn document_folders_are_formatted_file_by_file() {
    let dir = scratch("folder");
    let doc = dir.join("doc");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(
        doc.join("jixiao.yaml"),
        "{year: 2025, amount_unit: 万元, unit: {name: 某单位}}\n",
    )
    .unwrap();
    std::fs::write(
        doc.join("01-a.yaml"),
        "{name: 甲, budget: {total: 1.00}, purpose: 用途, goals: [目标], indicators: []}\n",
    )
    .unwrap();
    let before = render(&load(&doc), 100);
    assert!(fmt(&dir, false).status.success());
    let project = std::fs::read_to_string(doc.join("01-a.yaml")).unwrap();
    assert!(project.starts_with("# yaml-language-server: $schema="));
    assert!(project.contains("project.schema.json"), "{project}");
    assert!(
        project.contains("\nname: 甲\nbudget:\n  total: 1.00\n"),
        "{project}"
    );
    assert_eq!(render(&load(&doc), 100), before);
    assert!(fmt(&dir, true).status.success(), "idempotent");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn comments_are_never_lost() {
    let dir = scratch("comments");
    for (name, text) in [
        ("line.yaml", format!("# 去年的版本\n{MESSY}")),
        (
            "trailing.yaml",
            MESSY.replace("year: 2025", "year: 2025 # 待确认"),
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, &text).unwrap();
        let out = fmt(&file, false);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("有注释"), "{name}: {stderr}");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            text,
            "{name} changed"
        );
    }
    // A `#` inside a string is not a comment.
    let file = dir.join("hash.yaml");
    std::fs::write(&file, MESSY).unwrap();
    assert!(fmt(&file, false).status.success());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("- \"措施 #1\"")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn documents_with_errors_are_not_touched() {
    let dir = scratch("errors");
    let file = dir.join("bad.yaml");
    let text = MESSY.replace("year: 2025", "year: 二〇二五");
    std::fs::write(&file, &text).unwrap();
    let out = fmt(&file, false);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let _ = std::fs::remove_dir_all(&dir);
}
