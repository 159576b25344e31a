//! The rule registry as a specification: every rule has a failing fixture whose
//! diagnostics are written beside it (`tests/rules/<CODE>/expected.txt`) and a passing
//! fixture that is clean. Also: the book's rule reference is current, allows and severity
//! overrides work, `--fix` changes nothing but the fixed scalars, and a new user's four
//! classic mistakes each give one diagnostic on the right line.
//!
//! Regenerate the expected files after an intended change with
//! `JIXIAO_BLESS=1 cargo test --test rules`.

use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::check::{self, docs, rules};
use jixiao::diag::Diagnostic;
use jixiao::span::Sources;

/// Loads and checks a fixture file or folder: (active findings, allowed findings).
fn run(path: &Path) -> (Vec<Diagnostic>, Vec<check::Suppressed>, Sources) {
    let checked = jixiao::pipeline::load_and_check(path);
    (checked.diagnostics, checked.suppressed, checked.sources)
}

/// The readable form of findings stored in `expected.txt`.
fn describe(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diags {
        let place = match d.location(sources) {
            Some((_, line, col)) => format!("{line}:{col}"),
            None => "-".to_string(),
        };
        out.push_str(&format!(
            "{place} {}[{}] {}\n",
            d.severity.as_str(),
            d.code,
            d.message
        ));
        if let Some(p) = &d.primary {
            let text = sources.text(p.span.file).get(p.span.range()).unwrap_or("");
            out.push_str(&format!("  ^ `{text}` {}\n", p.message));
        }
        for h in &d.help {
            out.push_str(&format!("  = 帮助：{h}\n"));
        }
        if let Some(f) = &d.fix {
            out.push_str(&format!("  = 修复：{} → `{}`\n", f.title, f.replacement));
        }
    }
    out
}

fn fixture(dir: &Path, name: &str) -> PathBuf {
    let folder = dir.join(name);
    if folder.is_dir() {
        folder
    } else {
        dir.join(format!("{name}.yaml"))
    }
}

#[test]
fn every_rule_has_fixtures_with_expected_diagnostics() {
    let root = Path::new("tests/rules");
    let bless = std::env::var_os("JIXIAO_BLESS").is_some();
    let mut failures = Vec::new();
    for rule in rules::ALL {
        let dir = root.join(rule.code);
        let (fail_diags, _, fail_sources) = run(&fixture(&dir, "fail"));
        if !fail_diags.iter().any(|d| d.code == rule.code) {
            failures.push(format!("{}: fail fixture does not report it", rule.code));
        }
        let expected_path = dir.join("expected.txt");
        let actual = describe(&fail_diags, &fail_sources);
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
        } else {
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if expected != actual {
                failures.push(format!(
                    "{}: diagnostics differ from expected.txt\n--- expected\n{expected}--- actual\n{actual}",
                    rule.code
                ));
            }
        }
        let (pass_diags, _, pass_sources) = run(&fixture(&dir, "pass"));
        if !pass_diags.is_empty() {
            failures.push(format!(
                "{}: pass fixture is not clean:\n{}",
                rule.code,
                describe(&pass_diags, &pass_sources)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixture_folders_belong_to_rules() {
    for entry in std::fs::read_dir("tests/rules").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            rules::lookup_check(&name).is_some(),
            "tests/rules/{name} names no check rule"
        );
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut codes: Vec<&str> = rules::every().map(|r| r.code).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n, "a code is registered twice");
    // Check rules: configurable, with fixtures (every_rule_has_fixtures_…).
    for r in rules::ALL {
        assert!(
            r.code.len() == 4 && "LVSCTEA".contains(&r.code[..1]) && r.configurable(),
            "{}",
            r.code
        );
        for section in ["## 检查什么", "## 为什么重要", "## 示例", "## 如何修改"] {
            assert!(r.doc.contains(section), "{} lacks {section}", r.code);
        }
    }
    // The comparison's codes: configurable in the new document, tested by `tests/diff.rs`.
    for r in rules::DIFF {
        assert!(
            r.code.len() == 4 && r.code.starts_with('D') && r.configurable() && !r.fixable,
            "{}",
            r.code
        );
        for section in ["## 检查什么", "## 为什么重要", "## 示例", "## 如何修改"] {
            assert!(r.doc.contains(section), "{} lacks {section}", r.code);
        }
    }
    // Output and import codes: not produced by `check`, so no fixtures and not
    // configurable; their example is the message the tool prints.
    for r in rules::OUTPUT_AND_IMPORT {
        assert!(
            r.code.len() == 4 && "PHRWXI".contains(&r.code[..1]) && !r.configurable(),
            "{}",
            r.code
        );
        assert!(!r.fixable, "{}", r.code);
        for section in ["## 什么时候出现", "## 为什么", "## 示例", "## 如何处理"] {
            assert!(r.doc.contains(section), "{} lacks {section}", r.code);
        }
        assert!(
            r.doc.contains(&format!("[{}]", r.code)),
            "{}: the example shows no message with the code",
            r.code
        );
    }
}

/// Every `"X123"` literal in the non-test source of `src/`: the codes the tool can print.
/// Inline test modules (from the first `#[cfg(test)]` line on) are left out.
fn code_literals_in_src() -> std::collections::BTreeMap<String, Vec<String>> {
    let mut found: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (path, text) in source_files(Path::new("src")) {
        for (i, line) in text.lines().enumerate() {
            let bytes = line.as_bytes();
            for start in 0..bytes.len().saturating_sub(5) {
                let w = &bytes[start..start + 6];
                if w[0] == b'"'
                    && w[1].is_ascii_uppercase()
                    && w[2..5].iter().all(u8::is_ascii_digit)
                    && w[5] == b'"'
                {
                    let code = String::from_utf8_lossy(&w[1..5]).into_owned();
                    found
                        .entry(code)
                        .or_default()
                        .push(format!("{}:{}", path.display(), i + 1));
                }
            }
        }
    }
    found
}

/// The `.rs` files under `dir` with their text up to the first `#[cfg(test)]` line.
fn source_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(source_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let end = text
                .lines()
                .scan(0, |offset, line| {
                    let at = *offset;
                    *offset += line.len() + 1;
                    Some((at, line))
                })
                .find(|(_, line)| line.trim() == "#[cfg(test)]")
                .map_or(text.len(), |(at, _)| at);
            out.push((path, text[..end].to_string()));
        }
    }
    out
}

/// Whatever code the tool prints, `jixiao explain` can explain: diagnostics are made only
/// with `Diagnostic::of(&rules::CODE, …)`, so a code without a registry entry (and so
/// without documentation) does not compile; this keeps anyone from writing a code as a
/// string literal instead. And the reverse: every registered code is still used somewhere
/// in `src/` outside the registry, as `rules::CODE` (comments do not count).
#[test]
fn codes_are_written_only_in_the_registry_and_every_registered_code_is_used() {
    let literals = code_literals_in_src();
    // The scanner works: the registry's own entries are literals.
    assert!(
        literals
            .get("P001")
            .is_some_and(|places| places.iter().any(|p| p.contains("check/rules/p001"))),
        "{literals:?}"
    );
    let outside: Vec<String> = literals
        .iter()
        .flat_map(|(code, places)| places.iter().map(move |p| (code, p)))
        .filter(|(_, place)| !place.starts_with("src/check/rules/"))
        .map(|(code, place)| format!("{code} ({place})"))
        .collect();
    assert!(
        outside.is_empty(),
        "diagnostic codes written as string literals outside the registry (use `Diagnostic::of(&rules::CODE, …)`): {}",
        outside.join("; ")
    );

    let registry = Path::new("src/check/rules");
    let code_text: Vec<String> = source_files(Path::new("src"))
        .into_iter()
        .filter(|(path, _)| !path.starts_with(registry))
        .map(|(_, text)| {
            text.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let used = |code: &str| {
        code_text.iter().any(|text| {
            text.match_indices(code).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + code.len()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !word(before) && !word(after)
            })
        })
    };
    let unused: Vec<&str> = rules::every()
        .map(|r| r.code)
        .filter(|code| !used(code))
        .collect();
    assert!(
        unused.is_empty(),
        "registered codes nothing in src/ reports: {unused:?}"
    );
}

/// Output and import codes can be explained but not configured: `rules:` and `allow:`
/// refuse them like unknown codes (A501, A502), saying what they are.
#[test]
fn output_codes_are_explained_but_not_configurable() {
    let (code, out) = jixiao(&["explain", "p004"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("# P004 ") && out.contains("不能在 `rules:` 或 `allow:` 中配置"),
        "{out}"
    );
    let (_, out) = jixiao(&["rules"]);
    assert!(out.contains("I201") && out.contains("输出与导入"), "{out}");

    let doc = base().replace(
        "framework: legacy\n",
        "framework: legacy\nrules:\n  P004: off\n",
    );
    let (d, _) = check_text(&doc);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "A501");
    assert!(
        d[0].message.contains("P004") && d[0].message.contains("输出"),
        "{}",
        d[0].message
    );

    let doc = base().replace(
        "                value: 1种\n",
        "                value: 1种\n                allow:\n                  P001: 生僻字\n",
    );
    let (d, allowed) = check_text(&doc);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "A502");
    assert!(allowed.is_empty());
}

#[test]
fn book_rule_reference_is_current() {
    let current = std::fs::read_to_string("book/src/rules.md").unwrap_or_default();
    assert!(
        current == docs::book_chapter(),
        "book/src/rules.md is out of date: run `cargo run -- rules --markdown > book/src/rules.md`"
    );
}

fn check_text(yaml: &str) -> (Vec<Diagnostic>, Vec<check::Suppressed>) {
    let mut sources = Sources::new();
    let loaded = jixiao::load::load_str("doc.yaml", yaml, &mut sources);
    let doc = loaded.document.expect("document loads");
    let report = check::check(&doc, &sources);
    (report.diagnostics, report.suppressed)
}

fn base() -> String {
    std::fs::read_to_string("tests/rules/C307/pass.yaml").unwrap()
}

#[test]
fn severity_override_and_off() {
    let doc = base().replace("2025年12月31日前", "2026年12月31日前");
    let (d, _) = check_text(&doc.replace(
        "framework: legacy\n",
        "framework: legacy\nrules:\n  C307: error\n",
    ));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].severity, jixiao::diag::Severity::Error);
    let (d, _) = check_text(&doc.replace(
        "framework: legacy\n",
        "framework: legacy\nrules:\n  C307: off\n",
    ));
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn row_allow_suppresses_only_its_row_and_keeps_the_reason() {
    let doc = base()
        .replace("2025年12月31日前", "2026年12月31日前")
        .replace(
            "                value: 2026年12月31日前\n",
            "                value: 2026年12月31日前\n                allow:\n                  C307: 跨年发放至春节\n",
        );
    let (d, allowed) = check_text(&doc);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0].reason, "跨年发放至春节");
    assert_eq!(allowed[0].diagnostic.code, "C307");
    // The same allow on another row of the project allows nothing there.
    let doc = base()
        .replace("2025年12月31日前", "2026年12月31日前")
        .replace(
            "                value: 1种\n",
            "                value: 1种\n                allow:\n                  C307: 跨年发放至春节\n",
        );
    let (d, allowed) = check_text(&doc);
    let codes: Vec<&str> = d.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"C307") && codes.contains(&"A503"));
    assert!(allowed.is_empty());
}

fn jixiao(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .expect("run jixiao");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-rules-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `jixiao check --format short` on a text and returns the finding lines.
fn short_findings(name: &str, yaml: &str) -> (i32, Vec<String>) {
    let dir = temp_dir(name);
    let path = dir.join("doc.yaml");
    std::fs::write(&path, yaml).unwrap();
    let (code, out) = jixiao(&["check", "--format", "short", path.to_str().unwrap()]);
    let lines = out
        .lines()
        .filter(|l| l.contains('['))
        .map(|l| l.replace(&format!("{}:", path.display()), ""))
        .collect();
    (code, lines)
}

#[test]
fn new_user_mistakes_give_one_diagnostic_on_the_right_line() {
    let cases = [
        (
            "key-typo",
            "    purpose:",
            "    purpse:",
            "12:5: 错误[L002]",
        ),
        (
            "level2",
            "- level2: 质量指标",
            "- level2: 质量指示",
            "25:21: 错误[S203]",
        ),
        (
            "cost",
            "value: ≤416543.39元",
            "value: ≤42万元",
            "36:24: 错误[C302]",
        ),
        (
            "date",
            "2025年12月31日前",
            "2025年2月30日前",
            "32:31: 错误[C305]",
        ),
    ];
    for (name, from, to, expected) in cases {
        let yaml = base().replacen(from, to, 1);
        let (code, lines) = short_findings(name, &yaml);
        assert_eq!(lines.len(), 1, "{name}: {lines:?}");
        assert!(lines[0].starts_with(expected), "{name}: {lines:?}");
        assert_eq!(code, 1, "{name}: errors exit with 1");
    }
}

#[test]
fn exit_codes() {
    assert_eq!(jixiao(&["check", "tests/rules/C307/pass.yaml"]).0, 0);
    // Warnings alone pass, unless denied.
    assert_eq!(jixiao(&["check", "tests/rules/C307/fail.yaml"]).0, 0);
    assert_eq!(
        jixiao(&["check", "--deny", "warnings", "tests/rules/C307/fail.yaml"]).0,
        1
    );
    assert_eq!(jixiao(&["check", "tests/rules/C302/fail.yaml"]).0, 1);
    assert_eq!(jixiao(&["check", "no/such/file.yaml"]).0, 2);
    assert_eq!(
        jixiao(&["check", "--format", "xml", "tests/rules/C302/fail.yaml"]).0,
        2
    );
    assert_eq!(jixiao(&["explain", "C302"]).0, 0);
    assert_eq!(jixiao(&["explain", "Z999"]).0, 2);
}

#[test]
fn machine_formats() {
    let (_, json) = jixiao(&["check", "--format", "json", "tests/rules/A503/pass.yaml"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["allowed"], 1);
    assert_eq!(v["allowed"][0]["code"], "C307");
    assert_eq!(
        v["allowed"][0]["reason"],
        "消费券跨年发放至春节，经区政府批准"
    );

    let (_, sarif) = jixiao(&["check", "--format", "sarif", "tests/rules/C302/fail.yaml"]);
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "C302");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        36
    );

    let (_, gh) = jixiao(&["check", "--format", "github", "tests/rules/C302/fail.yaml"]);
    assert!(
        gh.starts_with("::error file=tests/rules/C302/fail.yaml,line=36,col=24,"),
        "{gh}"
    );
}

#[test]
fn fix_rewrites_only_the_fixed_scalars() {
    let dir = temp_dir("fix");
    let path = dir.join("doc.yaml");
    let original = base()
        .replace(
            "year: 2025\n",
            "# 2025 年预算 —— 注释必须保留\nyear: 2025\n",
        )
        .replace(
            "      - 发放餐饮消费券，",
            "      # 目标注释\n      - 1.1.发放餐饮消费券，",
        )
        .replace("value: ≥90%", "value: ≥ 90%   # 满意度注释")
        .replace("value: 100%", "value: \"  100%\"");
    std::fs::write(&path, &original).unwrap();
    let (code, out) = jixiao(&["check", "--fix", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("已自动修复 3 处"), "{out}");
    let fixed = std::fs::read_to_string(&path).unwrap();
    let expected = original
        .replace("- 1.1.发放餐饮消费券，", "- 发放餐饮消费券，")
        .replace("value: ≥ 90%   # 满意度注释", "value: ≥90%   # 满意度注释")
        .replace("value: \"  100%\"", "value: \"100%\"");
    assert_eq!(fixed, expected);
    // Fixed means clean: a second run changes nothing.
    let (code, out) = jixiao(&["check", "--fix", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("已自动修复 0 处"), "{out}");
}

#[test]
fn custom_framework_file_next_to_the_document() {
    let dir = temp_dir("framework");
    std::fs::create_dir_all(dir.join("frameworks")).unwrap();
    std::fs::write(
        dir.join("frameworks/hebei.yaml"),
        std::fs::read_to_string("frameworks/legacy.yaml")
            .unwrap()
            .replace("name: legacy", "name: hebei")
            .replace(
                "{ name: 质量指标, category: 质量 }",
                "{ name: 质量指标, category: 质量 }\n      - { name: 进度指标, category: 时效 }",
            ),
    )
    .unwrap();
    let yaml = base()
        .replace("framework: legacy", "framework: hebei")
        .replace("- level2: 时效指标", "- level2: 进度指标");
    std::fs::write(dir.join("doc.yaml"), &yaml).unwrap();
    let (code, out) = jixiao(&["check", dir.join("doc.yaml").to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // The same document with the built-in framework does not know 进度指标.
    std::fs::write(
        dir.join("doc.yaml"),
        yaml.replace("framework: hebei", "framework: legacy"),
    )
    .unwrap();
    let (code, out) = jixiao(&["check", dir.join("doc.yaml").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("S203"), "{out}");
}

/// The published documents keep their real mistakes; the findings are written beside
/// them in `tests/findings/<name>.txt` (each one read and judged in book/src/findings.md).
#[test]
fn published_fixtures_report_their_real_mistakes() {
    let bless = std::env::var_os("JIXIAO_BLESS").is_some();
    let mut failures = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/published")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        let (diags, _, sources) = run(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let golden = Path::new("tests/findings").join(format!("{stem}.txt"));
        let actual = describe(&diags, &sources);
        if bless {
            std::fs::create_dir_all("tests/findings").unwrap();
            std::fs::write(&golden, &actual).unwrap();
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != actual {
            failures.push(format!("{stem}: findings differ from {}", golden.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The corrected examples are clean: no errors and no warnings.
#[test]
fn examples_are_clean() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("examples")
        .expect("the examples folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    // Three documents and their 自评 files: a walk that finds nothing must not pass.
    assert!(paths.len() >= 6, "only {} examples: {paths:?}", paths.len());
    for path in paths {
        let (diags, _, sources) = run(&path);
        let serious: Vec<Diagnostic> = diags
            .into_iter()
            .filter(|d| d.severity != jixiao::diag::Severity::Info)
            .collect();
        assert!(
            serious.is_empty(),
            "{}:\n{}",
            path.display(),
            describe(&serious, &sources)
        );
    }
}

/// Published tables from other provinces and years (`tests/fixtures/wild/`, each with its
/// source), kept with their defects: the findings are written beside them in
/// `tests/fixtures/wild/findings/<name>.txt`, and the per-rule counts in the review
/// (book/src/wild.md, where each finding is judged) must match them.
#[test]
fn wild_corpus_findings_are_reviewed() {
    let bless = std::env::var_os("JIXIAO_BLESS").is_some();
    let dir = Path::new("tests/fixtures/wild");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    entries.sort();
    assert!(entries.len() >= 5, "only {} wild documents", entries.len());
    let mut failures = Vec::new();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# 来源："),
            "{}: the first line names the source",
            path.display()
        );
        let (diags, _, sources) = run(&path);
        for d in &diags {
            *counts.entry(d.code.clone()).or_default() += 1;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let golden = dir.join("findings").join(format!("{stem}.txt"));
        let actual = describe(&diags, &sources);
        if bless {
            std::fs::create_dir_all(dir.join("findings")).unwrap();
            std::fs::write(&golden, &actual).unwrap();
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != actual {
            failures.push(format!(
                "{stem}: findings differ from {}\n--- actual\n{actual}",
                golden.display()
            ));
        }
    }
    // The review's table: `| [CODE](rules.md#code) | 级别 | 条数 | 误报 | 判断 |`.
    let review = std::fs::read_to_string("book/src/wild.md").unwrap();
    let reviewed: std::collections::BTreeMap<String, usize> = review
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('[')?.split(']').next()?;
            Some((code.to_string(), cells.get(3)?.parse().ok()?))
        })
        .collect();
    if reviewed != counts {
        failures.push(format!(
            "book/src/wild.md counts {reviewed:?} differ from the corpus {counts:?}"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
