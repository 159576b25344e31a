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
fn comments_move_with_their_keys() {
    let dir = scratch("comments");
    let file = dir.join("doc.yaml");
    let text = format!(
        "# 去年的版本，2025 年改写\n{}# 文件末尾的说明\n",
        MESSY
            .replace("year: 2025", "year: 2025 # 待财政确认")
            .replace("framework: legacy", "  # 沿用旧指标体系\nframework: legacy")
    );
    std::fs::write(&file, &text).unwrap();
    let before = render(&load(&file), 100);
    let out = fmt(&file, false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(
        first.contains("\n# 去年的版本，2025 年改写\nyear: 2025 # 待财政确认\n"),
        "{first}"
    );
    assert!(
        first.contains("\n# 沿用旧指标体系\nframework: legacy\n"),
        "{first}"
    );
    assert!(first.ends_with("\n# 文件末尾的说明\n"), "{first}");
    assert_eq!(render(&load(&file), 100), before);
    assert!(
        fmt(&file, true).status.success(),
        "idempotent with comments"
    );
    // A `#` inside a string is not a comment.
    assert!(first.contains("- \"措施 #1\""), "{first}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_comment_that_cannot_be_placed_leaves_the_document_untouched() {
    let dir = scratch("orphan");
    let file = dir.join("doc.yaml");
    // `other:` with no value is dropped by the formatter, so its comment has no home.
    let text = MESSY
        .replace("other: 0.00}", "}")
        .replace("amount_unit: 元", "amount_unit: 元\ntitle: # 标题待定\n");
    std::fs::write(&file, &text).unwrap();
    let out = fmt(&file, false);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("注释无法在重排后放回原处"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
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

#[test]
fn examples_load_and_are_canonical() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for (name, tables) in [
        ("tianjin-binhai-shangwu-2026", 10),
        ("tangshan-shangwu-2024", 41),
        ("tianjin-gongxin-2025", 15),
    ] {
        let doc = load(&examples.join(name));
        assert_eq!(doc.projects.len(), tables, "{name}");
        assert!(
            examples.join(name).join("CHANGES.md").is_file(),
            "{name}: CHANGES.md"
        );
    }
    let out = fmt(&examples, true);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
