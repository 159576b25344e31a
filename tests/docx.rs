//! Word output, checked with real tools: LibreOffice converts every .docx to PDF and every
//! cell is found in order in poppler's text of it; python-docx re-opens each file and reads
//! its headings and tables; the package is read back for the layout the issue asks for
//! (merges, repeating header, rows that do not split, column widths, heading styles, the
//! PAGE field, fonts by name, A4); two builds are byte-identical; a reference document
//! restyles the file; a broken one is a W001 with no output; the volume is one .docx;
//! every shipped document written to .docx imports back (`jixiao import`) as the same
//! document, settings, rules and allowed findings included; damaged settings are a located
//! Chinese error.

#[path = "support/roundtrip.rs"]
mod roundtrip;
#[path = "support/shipped.rs"]
mod shipped;
#[path = "support/synthetic.rs"]
mod synthetic;
#[path = "support/tools.rs"]
mod tools;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jixiao::load;
use jixiao::render::RenderOptions;
use jixiao::render::docx::DocxRenderer;
use jixiao::span::Sources;

use shipped::examples;
use tools::{ROOT, assert_cells_in_order, libreoffice, load_view, poppler, squeeze};

fn scratch(name: &str) -> PathBuf {
    tools::scratch("docx", name)
}

/// `jixiao build PATH --format docx --out DIR` plus extra arguments.
fn build(path: &Path, out: &Path, extra: &[&str]) -> Output {
    tools::build(path, "docx", out, extra)
}

fn build_ok(path: &Path, out: &Path) -> PathBuf {
    tools::build_ok(path, "docx", out, &[])
}

fn import(file: &Path, out: &Path) -> Output {
    tools::import(file, out, &[])
}

/// The parts of a .docx in package order, with their text.
fn parts(docx: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (f.name().unwrap().to_string(), text)
        })
        .collect()
}

fn part(parts: &[(String, String)], name: &str) -> String {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("part {name} missing"))
        .1
        .clone()
}

/// python-docx's reading of a .docx: the text of each heading paragraph with its style
/// name, and each table's rows of cell texts.
fn python_docx(docx: &Path) -> serde_json::Value {
    let script = r#"
import json, sys
import docx
d = docx.Document(sys.argv[1])
heads = [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith("Heading")]
tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
sec = d.sections[-1]
print(json.dumps({"headings": heads, "tables": tables,
    "page": [sec.page_width.cm, sec.page_height.cm],
    "title": d.core_properties.title, "created": d.core_properties.created.isoformat()}))
"#;
    let o = Command::new("python3")
        .args(["-c", script])
        .arg(docx)
        .output()
        .expect("python3");
    assert!(
        o.status.success(),
        "python-docx could not open {} (pip install python-docx): {}",
        docx.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Every example builds to .docx; LibreOffice renders every cell in order; python-docx
/// reads back the headings as Word heading styles and two Word tables per 绩效目标表.
#[test]
fn examples_render_in_libreoffice_with_every_cell_and_reopen_in_python_docx() {
    let out = scratch("examples");
    let mut docs = Vec::new();
    for dir in examples() {
        // One output folder each: a build removes what an earlier build there wrote.
        let name = dir.file_name().unwrap();
        docs.push((load_view(&dir), build_ok(&dir, &out.join(name))));
    }
    let files: Vec<PathBuf> = docs.iter().map(|(_, f)| f.clone()).collect();
    libreoffice(&files, "pdf", &out.join("pdf"));
    for (view, docx) in &docs {
        let pdf = out
            .join("pdf")
            .join(docx.file_stem().unwrap())
            .with_extension("pdf");
        assert_cells_in_order(view, &pdf);
        // Page numbers from the footer's PAGE and NUMPAGES fields: the last page says so.
        let info = poppler("pdfinfo", &[], &pdf);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        let layout = squeeze(&poppler("pdftotext", &["-layout"], &pdf));
        let last = format!("第{pages}页/共{pages}页");
        assert!(
            layout.contains(&last),
            "{last} missing in {}",
            pdf.display()
        );

        let read = python_docx(docx);
        let headings: Vec<&str> = read["headings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h[1].as_str().unwrap())
            .collect();
        for t in &view.tables {
            assert!(
                headings.contains(&t.heading.as_str()),
                "{:?} is not a heading",
                t.heading
            );
        }
        let tables = read["tables"].as_array().unwrap();
        assert_eq!(tables.len(), 2 * view.tables.len());
        let grid = &tables[1][0];
        let header: Vec<&str> = grid
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(header, view.tables[0].header());
        let page = &read["page"];
        assert!((page[0].as_f64().unwrap() - 21.0).abs() < 0.01, "{page}");
        assert!((page[1].as_f64().unwrap() - 29.7).abs() < 0.01, "{page}");
        assert_eq!(read["title"].as_str(), Some(view.title.as_str()));
    }
}

/// The package itself: what Word needs to lay the tables out as the PDF does.
#[test]
fn tables_are_word_tables_with_the_published_merges_and_page_behaviour() {
    let out = scratch("structure");
    let dir = &examples()[0]; // tangshan: 项目编码, 资金支出计划, 指标值确定依据, Part 1
    let view = load_view(dir);
    let docx = build_ok(dir, &out);
    let parts = parts(&docx);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    assert!(
        !names.iter().any(|n| n.starts_with("word/fonts/")),
        "fonts must not be embedded: {names:?}"
    );
    let doc = part(&parts, "word/document.xml");
    let n = view.tables.len();
    assert_eq!(doc.matches("<w:tbl>").count(), 2 * n);
    assert_eq!(
        doc.matches("<w:tblHeader/>").count(),
        n,
        "one repeating header per grid"
    );
    // 一级指标 spanning its rows, 预算规模及资金用途 and 资金支出计划 spanning two rows.
    let spans: usize = view
        .tables
        .iter()
        .map(|t| {
            t.groups.iter().filter(|g| g.rows.len() > 1).count()
                + 1
                + usize::from(t.spending_plan.is_some())
        })
        .sum();
    assert_eq!(doc.matches("<w:vMerge w:val=\"restart\"/>").count(), spans);
    assert!(doc.contains("<w:gridSpan w:val=\"12\"/>"));
    // Every row but 资金用途 and 绩效目标 stays on one page.
    let rows = doc.matches("<w:tr>").count();
    assert_eq!(doc.matches("<w:cantSplit/>").count(), rows - 2 * n);
    // Column widths as in the PDF: 3.1 cm of labels; the grid is 2.1 cm, 2.5 cm, …
    assert!(doc.contains("<w:gridCol w:w=\"1757\"/>"));
    assert!(doc.contains("<w:gridCol w:w=\"1191\"/><w:gridCol w:w=\"1417\"/>"));
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(doc.contains("<w:pStyle w:val=\"Heading2\"/>"));
    assert!(doc.contains("第一部分　部门整体绩效目标"));
    let footer = part(&parts, "word/footer1.xml");
    assert!(footer.contains(" PAGE "), "{footer}");
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("w:eastAsia=\"宋体\""));
    assert!(styles.contains("w:eastAsia=\"黑体\""));
    assert!(styles.contains("<w:name w:val=\"heading 1\"/>"));
    let fonts = part(&parts, "word/fontTable.xml");
    assert!(fonts.contains("SimSun,Noto Serif CJK SC"), "{fonts}");
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">"));
}

#[test]
fn two_builds_are_byte_identical_with_fixed_timestamps() {
    let out = scratch("repro");
    let dir = &examples()[1];
    let a = std::fs::read(build_ok(dir, &out.join("a"))).unwrap();
    let b = std::fs::read(build_ok(dir, &out.join("b"))).unwrap();
    assert!(a == b, "two builds differ");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
    let first = zip.by_index(0).unwrap().last_modified().unwrap();
    for i in 0..zip.len() {
        assert_eq!(zip.by_index(i).unwrap().last_modified(), Some(first));
    }
    // The date of the document, else 1 January of its year.
    let view = load_view(dir);
    let year = view.year as u16;
    assert!(first.year() == year || view.date.is_some(), "{first:?}");
}

/// User text with XML specials stays text: the file opens and shows it unchanged.
#[test]
fn user_text_is_never_markup() {
    let out = scratch("escape");
    let yaml = synthetic::document_yaml(2, 0);
    let mut sources = Sources::new();
    let doc = load::load_str("s.yaml", &yaml, &mut sources)
        .document
        .unwrap();
    let mut doc = doc;
    doc.projects[0].name.value = "<w:t>&amp; \"引号\" 'x' </w:p>]]>".into();
    let bytes = tools::render(&DocxRenderer, &doc, &out, &RenderOptions::default()).unwrap();
    let docx = out.join("escape.docx");
    std::fs::write(&docx, bytes).unwrap();
    let read = python_docx(&docx);
    let heading = format!("1.{}绩效目标表", doc.projects[0].name.value);
    assert!(
        read["headings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h[1].as_str() == Some(heading.as_str())),
        "{read}"
    );
}

/// Copies a document folder so a test can add `templates/` to it.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Writes a .docx holding only the given parts.
fn write_zip(path: &Path, parts: &[(&str, &str)]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// A reference document as a Chinese Word saves it (localized style ids, its own fonts)
/// restyles the output; the styles it lacks come from jixiao's.
#[test]
fn reference_document_styles_are_used() {
    let out = scratch("reference");
    let dir = out.join("doc");
    copy_dir(&examples()[2], &dir);
    let plain = build_ok(&dir, &out.join("plain"));
    let styles = part(&parts(&plain), "word/styles.xml")
        .replace("w:styleId=\"Heading1\"", "w:styleId=\"1\"")
        .replace("w:styleId=\"Normal\"", "w:styleId=\"a\"")
        .replace("<w:basedOn w:val=\"Normal\"/>", "<w:basedOn w:val=\"a\"/>")
        .replace("w:eastAsia=\"黑体\"", "w:eastAsia=\"方正小标宋简体\"");
    // Drop 表格文字: jixiao adds it back.
    let start = styles
        .find("<w:style w:type=\"paragraph\" w:styleId=\"jixiaoTableText\"")
        .unwrap();
    let end = start + styles[start..].find("</w:style>").unwrap() + "</w:style>".len();
    let styles = format!("{}{}", &styles[..start], &styles[end..]);
    std::fs::create_dir_all(dir.join("templates/docx")).unwrap();
    write_zip(
        &dir.join("templates/docx/reference.docx"),
        &[("word/styles.xml", &styles)],
    );
    let styled = build_ok(&dir, &out.join("styled"));
    let parts = parts(&styled);
    let doc = part(&parts, "word/document.xml");
    assert!(
        doc.contains("<w:pStyle w:val=\"1\"/>"),
        "headings use the reference's id"
    );
    assert!(!doc.contains("<w:pStyle w:val=\"Heading1\"/>"));
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("方正小标宋简体"));
    assert!(styles.contains("w:styleId=\"jixiaoTableText\""));
    assert!(styles.contains("<w:basedOn w:val=\"a\"/>"));
    libreoffice(&[styled], "pdf", &out.join("pdf"));
}

/// A reference document that is not a .docx is a W001 naming it; nothing is written.
#[test]
fn broken_reference_document_is_w001_and_writes_nothing() {
    let out = scratch("broken-reference");
    let dir = out.join("doc");
    copy_dir(&examples()[2], &dir);
    std::fs::create_dir_all(dir.join("templates/docx")).unwrap();
    std::fs::write(dir.join("templates/docx/reference.docx"), "不是 zip").unwrap();
    let o = build(&dir, &out.join("build"), &[]);
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("W001"), "{stderr}");
    assert!(stderr.contains("reference.docx"), "{stderr}");
    assert!(!out.join("build/doc.docx").exists());

    let bad_xml = out.join("doc/templates/docx/reference.docx");
    write_zip(
        &bad_xml,
        &[("word/styles.xml", "<w:styles><w:style></w:styles>")],
    );
    let o = build(&dir, &out.join("build"), &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("W001") && stderr.contains("styles.xml"),
        "{stderr}"
    );
}

/// A tree builds one volume.docx with every document's tables, in order.
#[test]
fn the_volume_is_one_docx() {
    let out = scratch("volume");
    let o = build(&Path::new(ROOT).join("examples"), &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let volume = out.join("volume.docx");
    let read = python_docx(&volume);
    let headings: Vec<String> = read["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h[1].as_str().unwrap().to_string())
        .collect();
    let mut at = 0;
    for dir in examples() {
        for t in load_view(&dir).tables {
            let i = headings[at..]
                .iter()
                .position(|h| *h == t.heading)
                .unwrap_or_else(|| panic!("{:?} missing from the volume", t.heading));
            at += i + 1;
        }
    }
}

/// Every example → `jixiao build --format docx` → `jixiao import` of that .docx: the same
/// document (view, settings, rules, allowed findings, amounts), and the same YAML files,
/// byte for byte but for the schema comment's relative path.
#[test]
fn every_example_round_trips_through_its_own_docx() {
    use jixiao::yamlfmt::{SchemaPaths, document_single};
    let out = scratch("round-trip");
    for dir in examples() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let docx = build_ok(&dir, &out.join(&name));
        let back_dir = out.join(format!("imported-{name}"));
        let o = import(&docx, &back_dir);
        assert!(
            o.status.success(),
            "{name}: import failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let doc = roundtrip::load_clean(&dir);
        let back = roundtrip::load_clean(&back_dir);
        roundtrip::assert_same_document(&name, &doc, &back);
        let (a, b) = (
            document_single(&doc, &SchemaPaths::at_depth(0)),
            document_single(&back, &SchemaPaths::at_depth(0)),
        );
        assert!(
            a == b,
            "{name}: YAML differs at {}",
            roundtrip::first_difference(&a, &b)
        );
        let schema_line = |t: &str| !t.starts_with("# yaml-language-server:");
        let yaml_files = |d: &Path| -> Vec<(String, String)> {
            let mut files: Vec<(String, String)> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                .map(|p| {
                    let text = std::fs::read_to_string(&p).unwrap();
                    let kept: Vec<&str> = text.lines().filter(|l| schema_line(l)).collect();
                    (
                        p.file_name().unwrap().to_string_lossy().into(),
                        kept.join("\n"),
                    )
                })
                .collect();
            files.sort();
            files
        };
        assert_eq!(
            yaml_files(&dir),
            yaml_files(&back_dir),
            "{name}: files differ"
        );
    }
}

/// A document written by the Word writer, imported from its bytes.
fn docx_round_trip(doc: &jixiao::model::Document, root: &Path) -> jixiao::model::Document {
    let bytes = tools::render(&DocxRenderer, doc, root, &RenderOptions::default())
        .expect("the Word writer renders");
    let mut sources = Sources::new();
    jixiao::import::import_bytes("round-trip.docx", &bytes, &mut sources, &Default::default())
        .unwrap_or_else(|d| panic!("{}", jixiao::diag::render_short(&d, &sources)))
        .document
}

/// Every document the repository ships (the demo, the published fixtures with their
/// check errors, the examples) comes back the same through the Word writer and importer.
#[test]
fn every_shipped_document_round_trips_through_the_word_writer() {
    for path in shipped::shipped_documents() {
        let doc = roundtrip::load_clean(&path);
        // A separate 自评 document has no targets' tables to write.
        if jixiao::evaluate::is_separate(&doc) {
            continue;
        }
        let root = if path.is_dir() {
            path.clone()
        } else {
            path.parent().unwrap().to_path_buf()
        };
        let back = docx_round_trip(&doc, &root);
        roundtrip::assert_same_document(&path.display().to_string(), &doc, &back);
    }
}

/// Title, date, rules, 万元, the 2021 framework, a sub-unit, Part 1, project and row
/// allows: everything the custom properties and the tables must carry.
#[test]
fn settings_part_one_sub_units_and_allows_round_trip() {
    let doc = roundtrip::rich();
    let back = docx_round_trip(&doc, Path::new(ROOT));
    roundtrip::assert_same_document("rich", &doc, &back);
    assert_eq!(
        back.title.as_ref().unwrap().value,
        "唐山市商务局2024年部门预算绩效目标表"
    );
    assert_eq!(back.date.as_ref().unwrap().value, "2024-02-01");
    assert_eq!(back.framework.value, "2021");
    assert_eq!(roundtrip::allows(&back).len(), 3);
    assert!(
        back.projects[0].unit.is_none(),
        "the default unit is not repeated"
    );
    let sub = back.projects[1]
        .unit
        .as_ref()
        .expect("the sub-unit comes back");
    assert_eq!(sub.code.as_ref().unwrap().value, "214002");
    assert_eq!(sub.name.value, "唐山市商务事务中心");
    // The two spellings that print alike come back in the canonical one (book: docx.md).
    assert!(back.projects[0].goal_numbering);
    assert_eq!(back.projects[0].goals[0].value, "1.商务成绩高度凝练");
    let (_, _, first_row) = back.projects[0].rows().next().unwrap();
    assert!(first_row.description.is_none());
}

/// The .docx of an example with one custom property replaced (or added), written to `to`.
fn with_property(docx: &Path, to: &Path, name: &str, value: &str) {
    let mut parts = parts(docx);
    let custom = parts
        .iter_mut()
        .find(|(n, _)| n == "docProps/custom.xml")
        .expect("custom.xml");
    let property = format!(
        "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"99\" name=\"{name}\"><vt:lpwstr>{}</vt:lpwstr></property>",
        value
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    );
    // Drop the property of that name, then put the new one first.
    let mut text = custom.1.clone();
    if let Some(at) = text.find(&format!("name=\"{name}\"")) {
        let start = text[..at].rfind("<property ").unwrap();
        let end = at + text[at..].find("</property>").unwrap() + "</property>".len();
        text.replace_range(start..end, "");
    }
    let head = text
        .find("<property ")
        .unwrap_or(text.find("</Properties>").unwrap());
    text.insert_str(head, &property);
    custom.1 = text;
    let borrowed: Vec<(&str, &str)> = parts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    write_zip(to, &borrowed);
}

/// A custom property edited by hand into something jixiao cannot read is a Chinese error
/// naming the property and where it is wrong, with a hint; nothing is written. Properties
/// of other programs are passed over.
#[test]
fn damaged_settings_are_located_errors_and_foreign_properties_are_ignored() {
    let out = scratch("properties");
    let dir = examples()
        .into_iter()
        .find(|d| d.ends_with("tianjin-gongxin-2025"))
        .unwrap();
    let docx = build_ok(&dir, &out.join("build"));
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "规则",
            r#"{"C302":off}"#,
            "I307",
            "“规则”不是有效的 JSON：第 1 行第 9 列附近有语法错误",
        ),
        (
            "规则",
            r#"{"C302":"关闭"}"#,
            "I307",
            "C302 的级别 \"关闭\" 无效",
        ),
        ("规则", r#"{"C302":"off""#, "I307", "JSON 不完整"),
        (
            "允许",
            r#"[{"表":5,"行":99,"代码":"C313","理由":"惯例"}]"#,
            "I307",
            "第 1 项指向第 5 张表的第 99 个指标行，该表只有",
        ),
        (
            "允许",
            r#"[{"表":16,"代码":"C313","理由":"惯例"}]"#,
            "I307",
            "指向第 16 张表，文档只有 15 张表",
        ),
        (
            "允许",
            r#"[{"表":1,"代码":"C313"}]"#,
            "I307",
            "第 1 项缺少“理由”",
        ),
        (
            "允许",
            r#"[{"表":1,"格":2,"代码":"C313","理由":"x"}]"#,
            "I307",
            "无法识别的键“格”",
        ),
        ("预算年度", "明年", "I307", "应为四位数年份，而不是“明年”"),
        (
            "金额单位",
            "元",
            "I005",
            "“金额单位”是元，表格的单位行却是万元",
        ),
    ];
    for (k, (name, value, code, message)) in cases.iter().enumerate() {
        let file = out.join(format!("case{k}.docx"));
        with_property(&docx, &file, name, value);
        let target = out.join(format!("case{k}"));
        let o = import(&file, &target);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{name}={value}: {stderr}");
        assert!(
            stderr.contains(&format!("错误[{code}]")),
            "{name}={value}: {stderr}"
        );
        assert!(stderr.contains(message), "{name}={value}: {stderr}");
        assert!(stderr.contains("帮助"), "{name}={value}: {stderr}");
        assert!(
            stderr.contains(&format!("文档属性“{name}”")),
            "listing line shown: {stderr}"
        );
        assert!(!target.exists(), "{name}={value}: nothing may be written");
    }
    // WPS and Word add properties of their own; a value of jixiao's given by --year wins.
    let file = out.join("foreign.docx");
    with_property(&docx, &file, "KSOProductBuildVer", "2052-12.1.0.16120");
    let target = out.join("foreign");
    let o = import(&file, &target);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    roundtrip::assert_same_document(
        "foreign properties",
        &roundtrip::load_clean(&dir),
        &roundtrip::load_clean(&target),
    );
}

/// LibreOffice keeps the custom properties when it saves a .docx again: every example
/// re-saved by LibreOffice still imports as the same document.
#[test]
fn a_libreoffice_resave_keeps_the_settings() {
    let out = scratch("resave");
    let mut built = Vec::new();
    for dir in examples() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        built.push((dir.clone(), build_ok(&dir, &out.join(&name))));
    }
    let files: Vec<PathBuf> = built.iter().map(|(_, f)| f.clone()).collect();
    let resaved = out.join("resaved");
    libreoffice(&files, "docx:MS Word 2007 XML", &resaved);
    for (dir, docx) in &built {
        let file = resaved.join(docx.file_name().unwrap());
        assert_ne!(std::fs::read(&file).unwrap(), std::fs::read(docx).unwrap());
        let target = out.join(format!(
            "imported-{}",
            dir.file_name().unwrap().to_string_lossy()
        ));
        let o = import(&file, &target);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        roundtrip::assert_same_document(
            &file.display().to_string(),
            &roundtrip::load_clean(dir),
            &roundtrip::load_clean(&target),
        );
    }
}
