//! Word output, checked with real tools: LibreOffice converts every .docx to PDF and every
//! cell is found in order in poppler's text of it; python-docx re-opens each file and reads
//! its headings and tables; the package is read back for the layout the issue asks for
//! (merges, repeating header, rows that do not split, column widths, heading styles, the
//! PAGE field, fonts by name, A4); two builds are byte-identical; a reference document
//! restyles the file; a broken one is a W001 with no output; the volume is one .docx.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jixiao::load;
use jixiao::render::docx::DocxRenderer;
use jixiao::render::{RenderContext, RenderOptions, Renderer};
use jixiao::span::Sources;
use jixiao::table::DocumentView;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn examples() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    assert!(found.len() >= 3, "examples missing");
    found
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-docx-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `jixiao build PATH --format docx --out DIR` plus extra arguments.
fn build(path: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .arg("build")
        .arg(path)
        .args(["--format", "docx", "-q", "--out"])
        .arg(out)
        .args(extra)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run jixiao")
}

fn build_ok(path: &Path, out: &Path) -> PathBuf {
    let o = build(path, out, &[]);
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stem = path.file_stem().unwrap().to_string_lossy();
    out.join(format!("{stem}.docx"))
}

fn load_view(path: &Path) -> DocumentView {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    DocumentView::new(&loaded.document.expect("document loads"))
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

/// LibreOffice converts `files` to PDF in `out`. A private profile lets tests run side
/// by side; fontconfig is given the bundled Noto Serif CJK SC as 宋体 and 黑体, as on an
/// office machine where the .docx names fonts that are installed.
fn libreoffice_pdf(files: &[PathBuf], out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    let profile = out.join("lo-profile");
    let conf = out.join("fonts.conf");
    let alias = |name: &str| {
        format!(
            "<alias binding=\"same\"><family>{name}</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>"
        )
    };
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{ROOT}/fonts</dir><cachedir>{}</cachedir>{}{}{}{}</fontconfig>\n",
            out.join("fc-cache").display(),
            alias("宋体"),
            alias("SimSun"),
            alias("黑体"),
            alias("SimHei"),
        ),
    )
    .unwrap();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .env("FONTCONFIG_FILE", &conf)
        .output()
        .unwrap_or_else(|e| {
            panic!("soffice not installed (apt-get install libreoffice-writer-nogui): {e}")
        });
    assert!(
        o.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    for f in files {
        let pdf = out.join(f.file_stem().unwrap()).with_extension("pdf");
        assert!(
            pdf.is_file(),
            "LibreOffice did not convert {}: {}{}",
            f.display(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let o = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext not installed (apt-get install poppler-utils): {e}"));
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The cells of a view in reading order; vertically merged cells (一级指标 and the labels
/// spanning two rows) are checked for presence only.
fn cells_in_order(view: &DocumentView) -> (Vec<String>, Vec<String>) {
    let mut ordered = Vec::new();
    let mut merged = Vec::new();
    if let Some(o) = &view.overview {
        ordered.extend(o.overall.iter().cloned());
        for item in &o.items {
            ordered.push(item.heading.clone());
            ordered.extend(item.goal.iter().cloned());
            ordered.extend(item.indicator.iter().cloned());
        }
        ordered.extend(o.safeguards.iter().cloned());
    }
    for t in &view.tables {
        ordered.extend([
            t.heading.clone(),
            t.unit_line.clone(),
            t.amount_unit_label.clone(),
        ]);
        if let Some(code) = &t.code {
            ordered.extend(["项目编码".into(), code.clone()]);
        }
        ordered.extend([
            "项目名称".into(),
            t.name.clone(),
            "预算数".into(),
            t.budget_total.clone(),
            "其中：财政资金".into(),
            t.budget_fiscal.clone(),
            "其他资金".into(),
            t.budget_other.clone(),
            t.purpose.clone(),
        ]);
        merged.push("预算规模及资金用途".to_string());
        if let Some(plan) = &t.spending_plan {
            merged.push("资金支出计划（%）".to_string());
            ordered.extend(plan.iter().map(|c| c.label.clone()));
            ordered.extend(plan.iter().map(|c| c.value.clone()));
        }
        ordered.push("绩效目标".into());
        ordered.extend(t.goals.iter().cloned());
        ordered.extend(t.header().iter().map(|h| h.to_string()));
        for g in &t.groups {
            merged.push(g.level1.clone());
            for r in &g.rows {
                ordered.extend([
                    r.level2.clone(),
                    r.level3.clone(),
                    r.description.clone(),
                    r.value.clone(),
                ]);
                if t.has_basis {
                    ordered.push(r.basis.clone());
                }
            }
        }
    }
    ordered.retain(|c| !c.is_empty());
    (ordered, merged)
}

/// Every cell occurs in LibreOffice's rendering, in order (`pdftotext -raw` keeps the
/// order text is drawn in, cell by cell).
fn assert_cells_in_order(view: &DocumentView, pdf: &Path) {
    // A paragraph may go on over a page break: the footer between is not part of it.
    let text = pdftotext(pdf, &["-raw"]);
    let body: Vec<&str> = text
        .lines()
        .filter(|l| !(l.starts_with("第 ") && l.contains(" 页 / 共 ")))
        .collect();
    let raw = squeeze(&body.join("\n"));
    let (ordered, merged) = cells_in_order(view);
    let mut at = 0;
    for cell in &ordered {
        let cell = squeeze(cell);
        match raw[at..].find(&cell) {
            Some(i) => at += i + cell.len(),
            None => panic!(
                "{}: cell {cell:?} missing or out of order after {:?}",
                pdf.display(),
                &raw[raw.floor_char_boundary(at.saturating_sub(120))..at]
            ),
        }
    }
    for cell in &merged {
        assert!(raw.contains(&squeeze(cell)), "merged cell {cell:?} missing");
    }
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
    libreoffice_pdf(&files, &out.join("pdf"));
    for (view, docx) in &docs {
        let pdf = out
            .join("pdf")
            .join(docx.file_stem().unwrap())
            .with_extension("pdf");
        assert_cells_in_order(view, &pdf);
        // Page numbers from the footer's PAGE and NUMPAGES fields: the last page says so.
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        let layout = squeeze(&pdftotext(&pdf, &["-layout"]));
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
    let view = DocumentView::new(&doc);
    let options = RenderOptions::default();
    let cx = RenderContext {
        view: &view,
        document: &doc,
        root: &out,
        options: &options,
    };
    let bytes = DocxRenderer.render(&cx).unwrap();
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
    libreoffice_pdf(&[styled], &out.join("pdf"));
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
