//! `jixiao import FILE.pdf` on PDFs made by another producer: the shared seeds as Word
//! documents in the published layout (seed text → `jixiao import` → `--format docx`),
//! exported to PDF by LibreOffice and imported back — every cell equals the text import's.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jixiao::load;
use jixiao::span::Sources;
use jixiao::yamlfmt::{self, SchemaPaths};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-pdflo-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run jixiao")
}

fn ok(o: Output, what: &str) -> String {
    assert!(
        o.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A document's cells with the trailing line breaks of each cell removed: an empty
/// paragraph at the end of a Word cell (`印刷费用年初预算` followed by an empty line) prints
/// nothing, so no PDF can show it. Everything else must be equal.
fn without_trailing_breaks(path: &Path) -> String {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    let mut doc = loaded
        .document
        .unwrap_or_else(|| panic!("{} loads: {:?}", path.display(), loaded.diagnostics));
    let trim = |s: &mut jixiao::span::Spanned<String>| {
        while s.value.ends_with('\n') {
            s.value.pop();
        }
    };
    for p in &mut doc.projects {
        trim(&mut p.name);
        trim(&mut p.purpose);
        p.goals.iter_mut().for_each(trim);
        if let Some(plan) = &mut p.spending_plan {
            for c in [
                &mut plan.march,
                &mut plan.june,
                &mut plan.october,
                &mut plan.december,
            ] {
                c.iter_mut().for_each(trim);
            }
        }
        for l1 in &mut p.indicators {
            trim(&mut l1.level1);
            for g in &mut l1.groups {
                trim(&mut g.level2);
                for r in &mut g.rows {
                    trim(&mut r.level3);
                    r.description.iter_mut().for_each(trim);
                    trim(&mut r.value);
                    r.basis.iter_mut().for_each(trim);
                    // A description equal to the indicator name is omitted on import.
                    if r.description
                        .as_ref()
                        .is_some_and(|d| d.value == r.level3.value)
                    {
                        r.description = None;
                    }
                }
            }
        }
    }
    yamlfmt::document_single(&doc, &SchemaPaths::at_depth(0))
}

fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  expected {x}\n  imported {y}", i + 1);
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        a.lines().count(),
        b.lines().count()
    )
}

/// The codes `jixiao check` reports as errors for a document.
fn error_codes(path: &Path) -> Vec<String> {
    let o = jixiao(&["check", path.to_str().unwrap(), "--format", "short"]);
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    let mut codes: Vec<String> = text
        .match_indices("错误[")
        .filter_map(|(i, _)| {
            let rest = &text[i + "错误[".len()..];
            rest.split_once(']').map(|(code, _)| code.to_string())
        })
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// LibreOffice converts `.docx` files to PDF in `out`. A private profile lets tests run
/// side by side; fontconfig gets the bundled Noto Serif CJK SC as 宋体 and 黑体 (the fonts the
/// .docx names), as on an office machine that has them.
fn libreoffice_pdf(files: &[PathBuf], out: &Path) {
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
            panic!("soffice (libreoffice-writer-nogui) is installed by scripts/test: {e}")
        });
    assert!(
        o.status.success(),
        "LibreOffice: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The shared seeds as Word documents in the published layout (seed text → `jixiao import`
/// → `--format docx`), exported to PDF by LibreOffice and imported: every cell equals the
/// text import's, in order.
#[test]
fn libreoffice_pdfs_of_the_seeds_import_to_the_text_import() {
    let dir = scratch("libreoffice");
    let seeds = Path::new(ROOT).join("tests/fixtures/seeds");
    let mut names: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 3);
    let mut docx = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".txt");
        let text_import = dir.join(format!("text-{stem}"));
        ok(
            jixiao(&[
                "import",
                seeds.join(name).to_str().unwrap(),
                "--out",
                text_import.to_str().unwrap(),
            ]),
            &format!("text import of {name}"),
        );
        // The published documents have errors; a copy downgrades them so that the Word
        // file can be written (the rules are not part of the printed document).
        let word = dir.join(format!("word-{stem}"));
        std::fs::create_dir_all(&word).unwrap();
        for e in std::fs::read_dir(&text_import).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), word.join(e.file_name())).unwrap();
        }
        let codes = error_codes(&text_import);
        if !codes.is_empty() {
            let mut settings = std::fs::read_to_string(word.join("jixiao.yaml")).unwrap();
            settings.push_str("rules:\n");
            for c in codes {
                settings.push_str(&format!("  {c}: warning\n"));
            }
            std::fs::write(word.join("jixiao.yaml"), settings).unwrap();
        }
        let out = dir.join(format!("docx-{stem}"));
        ok(
            jixiao(&[
                "build",
                word.to_str().unwrap(),
                "--format",
                "docx",
                "--out",
                out.to_str().unwrap(),
            ]),
            &format!("docx of {name}"),
        );
        let file = out.join(format!("word-{stem}.docx"));
        assert!(file.is_file(), "{}", file.display());
        docx.push(file);
    }
    let pdfs = dir.join("pdf");
    std::fs::create_dir_all(&pdfs).unwrap();
    libreoffice_pdf(&docx, &pdfs);
    for name in &names {
        let stem = name.trim_end_matches(".txt");
        let pdf = pdfs.join(format!("word-{stem}.pdf"));
        let imported = dir.join(format!("pdf-{stem}"));
        ok(
            jixiao(&[
                "import",
                pdf.to_str().unwrap(),
                "--out",
                imported.to_str().unwrap(),
            ]),
            &format!("PDF import of {name}"),
        );
        let expected = without_trailing_breaks(&dir.join(format!("text-{stem}")));
        let got = without_trailing_breaks(&imported);
        assert!(
            expected == got,
            "{name}: {}",
            first_difference(&expected, &got)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
