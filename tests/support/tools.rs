//! The programs the tests run and read with: jixiao itself (the binary and its renderers),
//! LibreOffice (`soffice`) and poppler (`pdftotext`, `pdfinfo`, …), and the reading-order
//! check of the cells in a PDF's text. One copy for the PDF, Word and import tests.
//!
//! Every tool is the real one: `scripts/test` installs LibreOffice, poppler-utils and
//! python-docx where they are missing.

#![allow(dead_code)] // each test binary uses part of this module

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jixiao::diag::Diagnostic;
use jixiao::model::Document;
use jixiao::render::{RenderContext, RenderOptions, Renderer};
use jixiao::span::Sources;
use jixiao::table::DocumentView;

/// The repository root.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fresh, empty scratch folder `jixiao-{test}-{pid}-{name}` in the temporary folder.
pub fn scratch(test: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-{test}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Runs the jixiao binary. `SOURCE_DATE_EPOCH` is removed so that the document's own
/// date decides every timestamp.
pub fn jixiao<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run jixiao")
}

/// Asserts that a run succeeded; its standard error (where jixiao reports).
pub fn ok(o: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{what} failed: {stderr}");
    stderr
}

/// `jixiao build PATH --format FORMAT --out OUT` plus extra arguments.
pub fn build(path: &Path, format: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&OsStr> = vec![OsStr::new("build"), path.as_os_str()];
    args.extend([
        OsStr::new("--format"),
        OsStr::new(format),
        OsStr::new("--out"),
    ]);
    args.push(out.as_os_str());
    args.extend(extra.iter().map(OsStr::new));
    jixiao(args)
}

/// [`build`] that must succeed: the file written for a one-document `path`.
pub fn build_ok(path: &Path, format: &str, out: &Path, extra: &[&str]) -> PathBuf {
    ok(
        &build(path, format, out, extra),
        &format!("build {}", path.display()),
    );
    let stem = path.file_stem().unwrap().to_string_lossy();
    out.join(format!("{stem}.{format}"))
}

/// `jixiao import INPUT --out OUT` plus extra arguments.
pub fn import(input: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![OsStr::new("import"), input.as_os_str(), OsStr::new("--out")];
    args.push(out.as_os_str());
    args.extend(extra.iter().map(OsStr::new));
    jixiao(args)
}

/// The table view of a document that loads.
pub fn load_view(path: &Path) -> DocumentView {
    let mut sources = Sources::new();
    let loaded = jixiao::load::load_path(path, &mut sources);
    DocumentView::new(&loaded.document.expect("document loads"))
}

/// A document rendered by one backend through the library, without the checker (so that
/// documents with check errors, such as the published fixtures, can be written too).
pub fn render(
    renderer: &dyn Renderer,
    doc: &Document,
    root: &Path,
    options: &RenderOptions,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let view = DocumentView::new(doc);
    let cx = RenderContext {
        view: &view,
        document: doc,
        root,
        options,
    };
    renderer.render(&cx)
}

/// A document through the spreadsheet writer in `layout`.
pub fn render_xlsx(doc: &Document, layout: jixiao::layout::xlsx::XlsxLayout) -> Vec<u8> {
    let options = RenderOptions {
        xlsx_layout: layout,
        ..RenderOptions::default()
    };
    render(
        &jixiao::render::xlsx::XlsxRenderer,
        doc,
        Path::new("."),
        &options,
    )
    .expect("xlsx renders")
}

/// Whether LibreOffice is installed.
pub fn soffice_installed() -> bool {
    Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// LibreOffice converts `files` to `to` (`pdf`, `doc`, `docx:MS Word 2007 XML`) in `out`;
/// returns the converted files. A private profile lets tests run side by side; fontconfig
/// is given the bundled Noto Serif CJK SC as 宋体 and 黑体 (the fonts jixiao's .docx names),
/// as on an office machine where they are installed.
pub fn libreoffice(files: &[PathBuf], to: &str, out: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(out).unwrap();
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
            out.join("lo-profile").display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(out)
        .args(files)
        .env("FONTCONFIG_FILE", &conf)
        .output()
        .unwrap_or_else(|e| {
            panic!("soffice (libreoffice-writer-nogui) is installed by scripts/test: {e}")
        });
    assert!(
        o.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let ext = to.split(':').next().unwrap();
    files
        .iter()
        .map(|f| {
            let converted = out.join(f.file_stem().unwrap()).with_extension(ext);
            assert!(
                converted.is_file(),
                "LibreOffice did not convert {}: {}{}",
                f.display(),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            converted
        })
        .collect()
}

/// Runs a poppler tool on a PDF; `pdftotext` writes to standard output.
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let o = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} not installed (apt-get install poppler-utils): {e}"));
    assert!(
        o.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// A text without any whitespace.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The cells of a view in reading order: Part 1, then per table the heading, unit line,
/// the cells above the grid with their labels, the header and the rows. Vertically merged
/// cells (一级指标 and the labels spanning two rows) may be drawn after the rows they span,
/// so they are returned apart, to be checked for presence only.
pub fn cells_in_order(view: &DocumentView) -> (Vec<String>, Vec<String>) {
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

/// Every cell of the view occurs in the PDF's text, in order. `pdftotext -raw` keeps the
/// order text is drawn in, cell by cell (`-layout` interleaves the lines of cells that
/// wrap side by side). A paragraph may go on over a page break: the footer between
/// (`第 N 页 / 共 M 页`) is not part of it.
pub fn assert_cells_in_order(view: &DocumentView, pdf: &Path) {
    let text = poppler("pdftotext", &["-raw"], pdf);
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
        assert!(
            raw.contains(&squeeze(cell)),
            "{}: merged cell {cell:?} missing",
            pdf.display()
        );
    }
}
