//! `jixiao import`: every seed imports into a document folder that prints exactly the
//! seed's cells, and a damaged file gives an error with its line and writes nothing.

mod common;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};

use common::{SEEDS, assert_same, from_rendered, from_seed, load, render, seed_text, wide_width};
use tools::import;

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    tools::scratch("import", name)
}

#[test]
fn every_seed_round_trips_through_a_document_folder() {
    let dir = scratch("roundtrip");
    for (seed_file, name, tables) in SEEDS {
        let text = seed_text(seed_file);
        let input = dir.join(seed_file);
        std::fs::write(&input, &text).unwrap();
        let out = dir.join(name);
        let result = import(&input, &out, &[]);
        assert!(
            result.status.success(),
            "{seed_file}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        let projects: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "jixiao.yaml")
            .collect();
        assert_eq!(projects.len(), *tables, "{name}: one file per project");
        assert!(
            projects.iter().any(|n| n.starts_with("01-")),
            "{projects:?}"
        );
        let seed = from_seed(&text);
        let doc = load(&out);
        let rendered = from_rendered(&render(&doc, wide_width(&seed)));
        assert_same(name, &seed, &rendered);
        // The folder form and the published single-file fixture are the same document.
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/published")
            .join(format!("{name}.yaml"));
        assert_eq!(
            render(&doc, 100),
            render(&load(&fixture), 100),
            "{name}: folder and fixture differ"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn year_unit_and_amount_unit_are_inferred_and_year_can_be_overridden() {
    let dir = scratch("infer");
    let input = dir.join("seed.txt");
    std::fs::write(&input, seed_text("002_886ba5cadf99e5de.txt")).unwrap();
    let out = dir.join("doc");
    assert!(import(&input, &out, &[]).status.success());
    let settings = std::fs::read_to_string(out.join("jixiao.yaml")).unwrap();
    assert!(
        settings.starts_with("# yaml-language-server: $schema="),
        "{settings}"
    );
    assert!(settings.contains("year: 2024\n"), "{settings}");
    assert!(settings.contains("amount_unit: 万元\n"), "{settings}");
    assert!(
        settings.contains("  code: \"214001\"\n  name: 唐山市商务局本级\n"),
        "{settings}"
    );
    let out2 = dir.join("doc2");
    assert!(import(&input, &out2, &["--year", "2025"]).status.success());
    let settings = std::fs::read_to_string(out2.join("jixiao.yaml")).unwrap();
    assert!(settings.contains("year: 2025\n"), "{settings}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sub_units_are_kept_per_table() {
    let dir = scratch("subunits");
    let text = seed_text("003_813bddfcf701135a.txt");
    // Give the second table to an affiliated centre.
    let changed = text.replacen(
        "[bookmark: _Toc_4_4_0000000005]2.2025世界智能产业博览会项目资金绩效目标表\n\t322101天津市工业和信息化局财金处",
        "[bookmark: _Toc_4_4_0000000005]2.2025世界智能产业博览会项目资金绩效目标表\n\t322105天津市工业和信息化研究中心",
        1,
    );
    assert_ne!(changed, text);
    let input = dir.join("seed.txt");
    std::fs::write(&input, &changed).unwrap();
    let out = dir.join("doc");
    assert!(import(&input, &out, &[]).status.success());
    let doc = load(&out);
    assert_eq!(doc.unit.code.as_ref().unwrap().value, "322101");
    let unit = doc.projects[1]
        .unit
        .as_ref()
        .expect("table 2 has its own unit");
    assert_eq!(unit.line(), "322105天津市工业和信息化研究中心");
    assert!(
        doc.projects
            .iter()
            .enumerate()
            .all(|(i, p)| (i == 1) == p.unit.is_some())
    );
    let seed = from_seed(&changed);
    assert_same(
        "sub-units",
        &seed,
        &from_rendered(&render(&doc, wide_width(&seed))),
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Imports damaged text and checks the error names the file and line, and nothing is written.
fn assert_rejected(name: &str, text: &str, line: usize, message: &str) {
    let dir = scratch(name);
    let input = dir.join("damaged.txt");
    std::fs::write(&input, text).unwrap();
    let out = dir.join("doc");
    let result = import(&input, &out, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{name}: {stderr}");
    assert!(stderr.contains(message), "{name}: {stderr}");
    assert!(
        stderr.contains(&format!("damaged.txt:{line}:")),
        "{name}: expected line {line}: {stderr}"
    );
    assert!(stderr.contains("没有写入任何文件"), "{name}: {stderr}");
    assert!(!out.exists(), "{name}: output written");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "{name}: temporary files left behind");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_cell_is_reported_at_its_row() {
    let text = seed_text("003_813bddfcf701135a.txt");
    let mut lines: Vec<&str> = text.lines().collect();
    // Table 1, row 保障重点工作数量 (lines 30–34): drop its 指标值 cell.
    assert_eq!(lines[33], "\t≥60个");
    lines.remove(33);
    assert_rejected(
        "missing-cell",
        &lines.join("\n"),
        30,
        "指标行只有 4 个单元格，应为 5 个",
    );
}

#[test]
fn a_truncated_table_is_reported() {
    let text = seed_text("000_eb8e08f4f817b45b.txt");
    let lines: Vec<&str> = text.lines().collect();
    // Cut the file in the middle of table 2's grid, inside the row that starts at line 178.
    assert_eq!(lines[179], "\t活动圆满完成率");
    let truncated = lines[..180].join("\n");
    assert_rejected(
        "truncated",
        &truncated,
        178,
        "指标行只有 3 个单元格，应为 7 个",
    );
    // Cut before the indicator header.
    let truncated = lines[..140].join("\n");
    assert_rejected("no-header", &truncated, 119, "缺少绩效指标表头");
}

#[test]
fn stray_text_and_bad_amounts_are_reported_not_dropped() {
    let text = seed_text("003_813bddfcf701135a.txt");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[9] = "\t2471.00元".into();
    assert_rejected("amount", &lines.join("\n"), 10, "预算数不是有效的金额");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.insert(4, "\t备注\n\t这一行不属于任何单元格".into());
    assert_rejected("stray", &lines.join("\n"), 5, "无法归位的内容");
}

/// An amount is exact when it is whole 分 in the table's unit: `2471.005` 万元 is
/// 24,710,050.00 元 and imports as printed; a seventh decimal in 万元 is refused.
#[test]
fn amounts_are_exact_to_the_fen_in_the_tables_unit() {
    let text = seed_text("003_813bddfcf701135a.txt");
    assert_eq!(text.lines().nth(2), Some("\t单位：万元"));
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[9] = "\t2471.005".into();
    lines[11] = "\t2471.005".into();
    let dir = scratch("fen");
    let input = dir.join("seed.txt");
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = dir.join("doc");
    let result = import(&input, &out, &[]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let doc = load(&out);
    assert_eq!(doc.projects[0].budget.total.value.to_string(), "2471.005");
    let _ = std::fs::remove_dir_all(&dir);
    lines[9] = "\t2471.0000001".into();
    assert_rejected(
        "finer",
        &lines.join("\n"),
        10,
        "应为非负数，精确到分（以万元计最多 6 位小数）",
    );
}

#[test]
fn an_existing_output_is_never_overwritten() {
    let dir = scratch("exists");
    let input = dir.join("seed.txt");
    std::fs::write(&input, seed_text("000_eb8e08f4f817b45b.txt")).unwrap();
    let out = dir.join("doc");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let result = import(&input, &out, &[]);
    assert_eq!(result.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(out.join("keep.txt")).unwrap(),
        "mine"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
