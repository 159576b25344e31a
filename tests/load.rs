//! Loading: every kind of loading error is reported with its code, message, exact
//! location and help, all at once; amounts stay exact; both document layouts agree.

use std::path::Path;
use std::process::Command;

use jixiao::load::{load_path, load_str};
use jixiao::span::Sources;
use jixiao::table::DocumentView;

/// A valid single-file document; tests replace parts of it.
const VALID: &str = "\
year: 2025
amount_unit: 元
unit:
  code: \"323101\"
  name: 天津市滨海新区商务和投资促进局
projects:
  - name: 消费券资金
    budget:
      total: 416543.39
      fiscal: 416543.39
    purpose: 发放消费券
    goals:
      - 活跃消费市场
    indicators:
      - level1: 产出指标
        groups:
          - level2: 数量指标
            rows:
              - level3: 消费券发放种类
                value: 1种
";

/// (code, line, column, message, help lines) of each diagnostic.
fn diagnostics(yaml: &str) -> Vec<(String, usize, usize, String, Vec<String>)> {
    let mut sources = Sources::new();
    let loaded = load_str("doc.yaml", yaml, &mut sources);
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            let (_, line, col) = d
                .location(&sources)
                .expect("every loading error has a place");
            (d.code.clone(), line, col, d.message.clone(), d.help.clone())
        })
        .collect()
}

fn one(yaml: &str) -> (String, usize, usize, String, Vec<String>) {
    let mut all = diagnostics(yaml);
    assert_eq!(
        all.len(),
        1,
        "expected exactly one diagnostic, got {all:#?}"
    );
    all.remove(0)
}

#[test]
fn valid_document_loads_without_diagnostics() {
    assert!(diagnostics(VALID).is_empty());
}

#[test]
fn unknown_key_suggests_the_closest_field() {
    let (code, line, col, message, help) = one(&VALID.replace(
        "  - name: 消费券资金",
        "  - name: 消费券资金\n    purpse: x",
    ));
    assert_eq!((code.as_str(), line, col), ("L002", 8, 5));
    assert_eq!(message, "项目中有未知字段 `purpse`");
    assert_eq!(help, ["是不是想写 `purpose`？"]);
}

#[test]
fn chinese_key_is_mapped_to_its_english_name() {
    let (code, _, _, _, help) = one(&VALID.replace(
        "                value: 1种",
        "                指标值: 1种\n                value: 1种",
    ));
    assert_eq!(code, "L002");
    assert_eq!(help, ["是不是想写 `value`？"]);
}

#[test]
fn wrong_type_names_expected_and_found() {
    let (code, line, col, message, _) = one(&VALID.replace(
        "    goals:\n      - 活跃消费市场",
        "    goals: 活跃消费市场",
    ));
    assert_eq!((code.as_str(), line, col), ("L003", 12, 12));
    assert_eq!(message, "绩效目标的类型不对：应为列表");
}

#[test]
fn missing_field_points_at_the_mapping() {
    let (code, line, col, message, help) = one(&VALID.replace("                value: 1种\n", ""));
    assert_eq!((code.as_str(), line, col), ("L004", 19, 17));
    assert_eq!(message, "指标行缺少必填字段 `value`（指标值）");
    assert_eq!(help, ["添加一行 `value: …`"]);
}

#[test]
fn duplicate_key_points_at_both_places() {
    let mut sources = Sources::new();
    let yaml = VALID.replace(
        "    purpose: 发放消费券",
        "    purpose: 发放消费券\n    purpose: 又一次",
    );
    let loaded = load_str("doc.yaml", &yaml, &mut sources);
    assert_eq!(loaded.diagnostics.len(), 1);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.code, "L005");
    assert_eq!(d.location(&sources).map(|l| (l.1, l.2)), Some((12, 5)));
    let first = d.secondary[0].span;
    assert_eq!(sources.line_col(first), (11, 5));
}

#[test]
fn malformed_amount_explains_units() {
    let (code, line, col, message, help) =
        one(&VALID.replace("total: 416543.39", "total: 约41.66万"));
    assert_eq!((code.as_str(), line, col), ("L006", 9, 14));
    assert_eq!(message, "预算数不是有效的金额：`约41.66万`");
    assert!(help[0].contains("单位由 amount_unit 决定"));
}

#[test]
fn amount_with_a_unit_is_read_with_a_warning_and_a_fix() {
    let yaml = VALID
        .replace("amount_unit: 元", "amount_unit: 万元")
        .replace("total: 416543.39", "total: 250万")
        .replace("fiscal: 416543.39", "fiscal: 2500000元");
    let mut sources = Sources::new();
    let loaded = load_str("doc.yaml", &yaml, &mut sources);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["L012", "L012"]);
    let fixes: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.fix.as_ref().unwrap().replacement.as_str())
        .collect();
    assert_eq!(fixes, ["250", "250"]);
    // Warnings only: the document is complete and may be built.
    let doc = loaded.document.expect("a document with warnings loads");
    assert_eq!(doc.projects[0].budget.total.value.to_string(), "250");
}

#[test]
fn negative_amount_is_rejected() {
    let (code, line, col, message, _) = one(&VALID.replace("fiscal: 416543.39", "fiscal: -5"));
    assert_eq!((code.as_str(), line, col), ("L007", 10, 15));
    assert_eq!(message, "财政资金为负数：-5");
}

#[test]
fn amounts_finer_than_a_fen_are_rejected_with_the_rounded_suggestion() {
    let (code, line, col, message, help) =
        one(&VALID.replace("total: 416543.39", "total: 416543.391"));
    assert_eq!((code.as_str(), line, col), ("L008", 9, 14));
    assert_eq!(
        message,
        "预算数比 1 分更精细：416543.391（以元计最多 2 位小数）"
    );
    assert_eq!(help, ["写作 416543.39"]);
    // In 万元, six decimals are still exact to the 分; seven are not.
    let wan = VALID.replace("amount_unit: 元", "amount_unit: 万元");
    assert!(diagnostics(&wan.replace("416543.39", "24.998")).is_empty());
    assert!(diagnostics(&wan.replace("416543.39", "41.654339")).is_empty());
    let (code, _, _, _, help) = one(&wan
        .replace("total: 416543.39", "total: 41.6543391")
        .replace("fiscal: 416543.39", "fiscal: 41.654339"));
    assert_eq!(code, "L008");
    assert_eq!(help, ["写作 41.654339"]);
}

#[test]
fn a_broken_field_does_not_hide_the_rest_of_the_document() {
    let yaml = VALID.replace("total: 416543.39", "total:");
    let mut sources = Sources::new();
    let loaded = load_str("doc.yaml", &yaml, &mut sources);
    assert_eq!(loaded.diagnostics[0].code, "L006");
    // Nothing may be written, but the rest can be checked: the budget is marked unread.
    assert!(loaded.document.is_none());
    let recovered = loaded.checkable().expect("recovered document");
    let project = &recovered.projects[0];
    assert!(project.unread.budget);
    assert!(project.known_budget().is_none());
    assert_eq!(project.rows().count(), 1);
}

#[test]
fn yaml_syntax_error_has_a_location() {
    let (code, line, _, message, _) =
        one(&VALID.replace("    purpose: 发放消费券", "    purpose: [发放消费券"));
    assert_eq!(code, "L001");
    assert!(line >= 11, "syntax error reported at line {line}");
    assert_eq!(message, "YAML 语法错误");
}

#[test]
fn all_errors_of_a_file_are_reported_at_once() {
    let yaml = VALID
        .replace("  - name: 消费券资金", "  - nmae: 消费券资金")
        .replace("total: 416543.39", "total: 1.001")
        .replace("                value: 1种\n", "");
    let codes: Vec<String> = diagnostics(&yaml).into_iter().map(|d| d.0).collect();
    // The misspelt `nmae` is one mistake: L002 suggests `name`, no separate L004 for it.
    assert_eq!(codes, ["L002", "L008", "L004"]);
}

#[test]
fn amounts_are_exact_decimals_with_their_scale() {
    let yaml = VALID
        .replace("total: 416543.39", "total: 484400.00")
        .replace("fiscal: 416543.39", "fiscal: 0.1");
    let mut sources = Sources::new();
    let doc = load_str("doc.yaml", &yaml, &mut sources).document.unwrap();
    let budget = &doc.projects[0].budget;
    assert_eq!(budget.total.value.to_string(), "484400.00");
    assert_eq!(budget.fiscal.as_ref().unwrap().value.to_string(), "0.1");
    let view = DocumentView::new(&doc);
    assert_eq!(view.tables[0].budget_fiscal, "0.10");
    let mut sources = Sources::new();
    let doc = load_str("doc.yaml", VALID, &mut sources).document.unwrap();
    assert_eq!(doc.projects[0].budget.total.value.to_string(), "416543.39");
}

#[test]
fn folder_form_gives_the_same_document_as_one_file() {
    let dir = tempdir("folder_form");
    let (head, projects) = VALID.split_once("projects:\n").unwrap();
    std::fs::write(dir.join("jixiao.yaml"), head).unwrap();
    let project: String = projects
        .lines()
        .map(|l| {
            l.strip_prefix("    ")
                .unwrap_or(l.trim_start_matches("  - "))
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.join("a.yaml"), &project).unwrap();
    std::fs::write(
        dir.join("b.yaml"),
        project.replace("消费券资金", "第二个项目"),
    )
    .unwrap();
    let single = format!("{VALID}{}", projects.replace("消费券资金", "第二个项目"));

    let mut sources = Sources::new();
    let from_folder = load_path(&dir, &mut sources);
    assert!(
        from_folder.diagnostics.is_empty(),
        "{:?}",
        from_folder.diagnostics
    );
    let mut sources = Sources::new();
    let from_file = load_str("doc.yaml", &single, &mut sources);
    let json = |d: &jixiao::model::Document| serde_json::to_string(&DocumentView::new(d)).unwrap();
    assert_eq!(
        json(from_folder.document.as_ref().unwrap()),
        json(from_file.document.as_ref().unwrap())
    );

    // An explicit order wins over file names.
    std::fs::write(
        dir.join("jixiao.yaml"),
        format!("{head}project_order: [b.yaml, a.yaml]\n"),
    )
    .unwrap();
    let mut sources = Sources::new();
    let doc = load_path(&dir, &mut sources).document.unwrap();
    assert_eq!(doc.projects[0].name.value, "第二个项目");

    // A project file missing from the order is an error, not silently skipped.
    std::fs::write(
        dir.join("jixiao.yaml"),
        format!("{head}project_order: [b.yaml]\n"),
    )
    .unwrap();
    let mut sources = Sources::new();
    let loaded = load_path(&dir, &mut sources);
    assert_eq!(loaded.diagnostics[0].code, "L011");
    assert!(loaded.document.is_none());
}

#[test]
fn build_reports_errors_in_chinese_and_writes_nothing() {
    let dir = tempdir("build_errors");
    let doc = dir.join("bad.yaml");
    std::fs::write(
        &doc,
        VALID.replace("  - name: 消费券资金", "  - nmae: 消费券资金"),
    )
    .unwrap();
    let out = dir.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["build", "--format", "text", "--out"])
        .arg(&out)
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("错误[L002]: 项目中有未知字段 `nmae`"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.yaml:7:5"), "{stderr}");
    assert!(stderr.contains("帮助：是不是想写 `name`？"), "{stderr}");
    assert!(
        !out.exists(),
        "nothing may be written for a document with errors"
    );
}

#[test]
fn build_usage_errors_exit_with_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["build", "does-not-exist.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("路径不存在"));
}

#[test]
fn schema_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(root.join("schema").join(name)).unwrap();
    assert_eq!(
        read("jixiao.schema.json"),
        jixiao::model::document_schema(),
        "regenerate with: cargo run -- schema > schema/jixiao.schema.json"
    );
    assert_eq!(
        read("project.schema.json"),
        jixiao::model::project_schema(),
        "regenerate with: cargo run -- schema --project > schema/project.schema.json"
    );
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The loader's key lists (which keys a document and a project may have, in the order
/// yamlfmt writes them) are the schema's: a field added to the model and not to the
/// loader, or the other way round, fails here.
#[test]
fn the_loaders_key_lists_are_the_schemas() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/jixiao.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys = |props: &serde_json::Value| -> std::collections::BTreeSet<String> {
        props
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect()
    };
    let listed = |list: &[&str]| list.iter().map(|k| k.to_string()).collect();
    assert_eq!(
        keys(&schema["properties"]),
        listed(jixiao::load::DOCUMENT_KEYS)
    );
    assert_eq!(
        keys(&schema["$defs"]["Project"]["properties"]),
        listed(jixiao::load::PROJECT_KEYS)
    );
}
