//! PDF output, checked with poppler (`pdftotext`, `pdffonts`, `pdfinfo`, `pdftohtml`):
//! every cell in order, only embedded fonts, one bookmark per table, byte-identical
//! rebuilds, user text that stays text, missing glyphs reported, template overrides.

#[path = "support/synthetic.rs"]
mod synthetic;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jixiao::load;
use jixiao::render::RenderOptions;
use jixiao::render::pdf::PdfRenderer;
use jixiao::span::Sources;
use jixiao::table::DocumentView;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/demo.yaml");
const PUBLISHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/published");

use tools::{assert_cells_in_order, load_view, poppler, squeeze};

fn scratch(name: &str) -> PathBuf {
    tools::scratch("pdf", name)
}

/// `jixiao build PATH --format pdf --out DIR` plus extra arguments.
fn build(path: &Path, out: &Path, extra: &[&str]) -> Output {
    tools::build(path, "pdf", out, extra)
}

fn build_ok(path: &Path, out: &Path, extra: &[&str]) -> PathBuf {
    tools::build_ok(path, "pdf", out, extra)
}

/// Renders YAML text through the library (no checker), as the benchmark does.
fn render_yaml(yaml: &str, root: &Path, options: &RenderOptions) -> Result<Vec<u8>, String> {
    let mut sources = Sources::new();
    let loaded = load::load_str("synthetic.yaml", yaml, &mut sources);
    let doc = loaded
        .document
        .ok_or_else(|| format!("{:?}", loaded.diagnostics))?;
    tools::render(&PdfRenderer, &doc, root, options)
        .map_err(|d| jixiao::diag::render_short(&d, &sources))
}

/// Bookmark titles from `pdftohtml -xml`, which prints the PDF outline.
fn bookmarks(pdf: &Path) -> Vec<String> {
    let xml = poppler("pdftohtml", &["-xml", "-i", "-q", "-stdout"], pdf);
    xml.lines()
        .filter_map(|l| l.trim().strip_prefix("<item "))
        .filter_map(|l| Some(l.split_once('>')?.1.strip_suffix("</item>")?.to_string()))
        .map(|t| {
            t.replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect()
}

/// `pdffonts` lists only embedded fonts, all of them the shipped Noto Serif CJK SC.
fn assert_fonts_embedded(pdf: &Path) {
    let fonts = poppler("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed");
    for row in rows {
        // Columns: name type encoding emb sub uni object ID; the name has no spaces.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
        assert!(row.contains("NotoSerifCJKsc"), "unexpected font: {row}");
    }
}

#[test]
fn demo_has_every_cell_in_order_with_embedded_fonts() {
    let out = scratch("demo");
    let pdf = build_ok(Path::new(DEMO), &out, &[]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert_cells_in_order(&load_view(Path::new(DEMO)), &pdf);

    assert_fonts_embedded(&pdf);

    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("天津市滨海新区商务和投资促进局2025年部门预算项目绩效目标表"),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("Author:") && l.contains("天津市滨海新区商务和投资促进局")),
        "{info}"
    );
    assert!(info.contains("绩效目标表"), "keywords missing: {info}");
    let text = squeeze(&poppler("pdftotext", &["-layout"], &pdf));
    assert!(text.contains("第1页/共1页"), "page numbers missing: {text}");
}

/// The three real published documents: every cell in order, embedded fonts only, one
/// bookmark per table.
#[test]
fn published_documents_have_every_cell_and_one_bookmark_per_table() {
    let out = scratch("published");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(PUBLISHED)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "published fixtures missing");
    for path in paths {
        let view = load_view(&path);
        let mut sources = Sources::new();
        let doc = load::load_path(&path, &mut sources).document.unwrap();
        let root = path.parent().unwrap();
        let options = RenderOptions::default();
        let bytes = tools::render(&PdfRenderer, &doc, root, &options).unwrap_or_else(|d| {
            panic!(
                "{}: {}",
                path.display(),
                jixiao::diag::render_short(&d, &sources)
            )
        });
        let pdf = out.join(path.file_name().unwrap()).with_extension("pdf");
        std::fs::write(&pdf, bytes).unwrap();
        assert_cells_in_order(&view, &pdf);
        assert_fonts_embedded(&pdf);
        let marks = bookmarks(&pdf);
        for t in &view.tables {
            let n = marks.iter().filter(|m| **m == t.heading).count();
            assert_eq!(n, 1, "{}: bookmark {:?}", path.display(), t.heading);
        }
    }
}

#[test]
fn two_builds_are_byte_identical_and_use_source_date_epoch() {
    let out = scratch("repro");
    let a = std::fs::read(build_ok(Path::new(DEMO), &out.join("a"), &[])).unwrap();
    let b = std::fs::read(build_ok(Path::new(DEMO), &out.join("b"), &[])).unwrap();
    assert!(a == b, "two builds differ");

    let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["build", DEMO, "--format", "pdf", "--out"])
        .arg(out.join("c"))
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .output()
        .unwrap();
    assert!(o.status.success());
    let info = poppler("pdfinfo", &["-isodates"], &out.join("c/demo.pdf"));
    assert!(info.contains("2025-01-01T00:00:00"), "{info}");
}

#[test]
fn synthetic_document_has_one_bookmark_per_table_and_all_cells() {
    let out = scratch("synthetic");
    let yaml = synthetic::document_yaml(12, 5);
    let bytes = render_yaml(&yaml, &out, &RenderOptions::default()).unwrap();
    let pdf = out.join("synthetic.pdf");
    std::fs::write(&pdf, &bytes).unwrap();

    let mut sources = Sources::new();
    let doc = load::load_str("s.yaml", &yaml, &mut sources)
        .document
        .unwrap();
    let view = DocumentView::new(&doc);
    assert_cells_in_order(&view, &pdf);

    let marks = bookmarks(&pdf);
    for t in &view.tables {
        assert_eq!(
            marks.iter().filter(|m| **m == t.heading).count(),
            1,
            "bookmark {:?} in {marks:?}",
            t.heading
        );
    }
    assert!(
        marks.iter().any(|m| m.contains("部门整体绩效目标")),
        "{marks:?}"
    );
    let table_marks = marks.iter().filter(|m| m.ends_with("绩效目标表")).count();
    assert_eq!(table_marks, view.tables.len());

    // A 45-row group does not fit one page: it is split with a 续 mark, never cut off.
    let text = squeeze(&poppler("pdftotext", &["-raw"], &pdf));
    assert!(text.contains("产出指标（续）"), "no continuation mark");
    assert!(text.contains("第5项任务指标45"));
    assert!(text.contains("目录"));
}

#[test]
fn user_text_is_never_typst_markup() {
    let out = scratch("escape");
    let yaml = std::fs::read_to_string(DEMO).unwrap().replace(
        "name: 2025年“购滨城·促消费”消费券资金（高质量发展专项资金）",
        "name: '#read(\"/etc/passwd\") $x$ *粗* @ref <l> `r` \\ #{1+1}'",
    );
    let doc = out.join("escape.yaml");
    std::fs::write(&doc, yaml).unwrap();
    let pdf = build_ok(&doc, &out, &[]);
    let text = poppler("pdftotext", &["-raw"], &pdf);
    assert!(
        squeeze(&text).contains(&squeeze(
            r#"#read("/etc/passwd") $x$ *粗* @ref <l> `r` \ #{1+1}"#
        )),
        "{text}"
    );
    assert!(!text.contains("root:"), "the template read /etc/passwd");
}

#[test]
fn a_character_without_glyph_is_reported_at_its_yaml_line() {
    let out = scratch("glyph");
    // U+10FFFD is a private-use character no font is expected to draw.
    let yaml = std::fs::read_to_string(DEMO)
        .unwrap()
        .replace("value: 1种", "value: 1种\u{10FFFD}");
    let line = 1 + yaml.lines().position(|l| l.contains('\u{10FFFD}')).unwrap();
    let doc = out.join("glyph.yaml");
    std::fs::write(&doc, yaml).unwrap();
    let o = build(&doc, &out, &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("P001") && err.contains("U+10FFFD"), "{err}");
    assert!(
        err.contains(&format!("glyph.yaml:{line}:")),
        "no YAML location: {err}"
    );
    assert!(
        !out.join("glyph.pdf").exists(),
        "half-finished output written"
    );
}

#[test]
fn template_override_replaces_the_builtin_file() {
    let out = scratch("override");
    let dir = out.join("doc");
    std::fs::create_dir_all(dir.join("templates/typst")).unwrap();
    std::fs::copy(DEMO, dir.join("demo.yaml")).unwrap();
    let table = jixiao::render::pdf::templates::builtin("table.typ").unwrap();
    let changed = table.replace(
        "block(sticky: true, below: 0.5em, grid(",
        "[本表由省级模板生成]\n  block(sticky: true, below: 0.5em, grid(",
    );
    assert_ne!(table, changed);
    std::fs::write(dir.join("templates/typst/table.typ"), changed).unwrap();
    let pdf = build_ok(&dir.join("demo.yaml"), &out.join("pdf"), &[]);
    let text = squeeze(&poppler("pdftotext", &[], &pdf));
    assert!(text.contains("本表由省级模板生成"), "{text}");

    // A broken override is a diagnostic naming the template, not a crash.
    std::fs::write(
        dir.join("templates/typst/table.typ"),
        "#let project-table(t, level: 1) = {",
    )
    .unwrap();
    let o = build(&dir.join("demo.yaml"), &out.join("bad"), &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("P002") && err.contains("table.typ"), "{err}");
}

#[test]
fn pdf_a_2b_and_ua_1() {
    let out = scratch("standards");
    // PDF/A needs a date; the demo has none, so it comes from SOURCE_DATE_EPOCH.
    let o = build(
        Path::new(DEMO),
        &out.join("nodate"),
        &["--pdf-standard", "a-2b"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("P004"));
    for standard in ["a-2b", "ua-1"] {
        let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args([
                "build",
                DEMO,
                "--format",
                "pdf",
                "--pdf-standard",
                standard,
                "--out",
            ])
            .arg(out.join(standard))
            .env("SOURCE_DATE_EPOCH", "1735689600")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let pdf = out.join(standard).join("demo.pdf");
        let bytes = std::fs::read(&pdf).unwrap();
        let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        match standard {
            "a-2b" => assert!(
                has("<pdfaid:part>2</pdfaid:part>")
                    && has("<pdfaid:conformance>B</pdfaid:conformance>")
            ),
            _ => assert!(has("<pdfuaid:part>1</pdfuaid:part>")),
        }
    }
    let o = build(
        Path::new(DEMO),
        &out.join("bad"),
        &["--pdf-standard", "a-9z"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("P003"));
}

#[test]
fn the_volume_follows_the_pdf_standard_and_date_of_its_documents() {
    let out = scratch("volume_standards");
    let tree = out.join("tree");
    for unit in ["a", "b"] {
        std::fs::create_dir_all(tree.join(unit)).unwrap();
        std::fs::copy(DEMO, tree.join(unit).join("2025.yaml")).unwrap();
    }
    for standard in ["a-2b", "ua-1"] {
        let target = out.join(standard);
        let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["build", "--format", "pdf", "--pdf-standard", standard, "-q"])
            .arg(&tree)
            .arg("--out")
            .arg(&target)
            .env("SOURCE_DATE_EPOCH", "1735689600")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let volume = target.join("volume.pdf");
        let bytes = std::fs::read(&volume).unwrap();
        let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        match standard {
            "a-2b" => assert!(
                has("<pdfaid:part>2</pdfaid:part>"),
                "volume is not PDF/A-2b"
            ),
            _ => assert!(
                has("<pdfuaid:part>1</pdfuaid:part>"),
                "volume is not PDF/UA-1"
            ),
        }
        // SOURCE_DATE_EPOCH 1735689600 is 2025-01-01 00:00:00 UTC.
        let info = poppler("pdfinfo", &["-isodates"], &volume);
        assert!(
            info.lines()
                .any(|l| l.starts_with("CreationDate:") && l.contains("2025-01-01")),
            "{info}"
        );
    }
    // Without any date, PDF/A cannot be made: the documents fail first, and no volume
    // is written.
    let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["build", "--format", "pdf", "--pdf-standard", "a-2b", "-q"])
        .arg(&tree)
        .arg("--out")
        .arg(out.join("nodate"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(!out.join("nodate/volume.pdf").exists());
}
