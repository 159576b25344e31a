//! `jixiao import FILE.pdf` on PDFs made by another producer: the shared seeds as Word
//! documents in the published layout (seed text → `jixiao import` → `--format docx`),
//! exported to PDF by LibreOffice and imported back — every cell equals the text import's.

use std::path::{Path, PathBuf};

use jixiao::load;
use jixiao::span::Sources;
use jixiao::yamlfmt::{self, SchemaPaths};

#[path = "support/roundtrip.rs"]
mod roundtrip;
#[path = "support/tools.rs"]
mod tools;

use roundtrip::first_difference;
use tools::{ROOT, import, jixiao, libreoffice, ok};

fn scratch(name: &str) -> PathBuf {
    tools::scratch("pdflo", name)
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

/// The codes `jixiao check` reports as errors for a document.
fn error_codes(path: &Path) -> Vec<String> {
    let o = jixiao(["check", path.to_str().unwrap(), "--format", "short"]);
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
            &import(&seeds.join(name), &text_import, &[]),
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
        let file = tools::build_ok(&word, "docx", &out, &[]);
        assert!(file.is_file(), "{}", file.display());
        docx.push(file);
    }
    let pdfs = dir.join("pdf");
    std::fs::create_dir_all(&pdfs).unwrap();
    libreoffice(&docx, "pdf", &pdfs);
    for name in &names {
        let stem = name.trim_end_matches(".txt");
        let pdf = pdfs.join(format!("word-{stem}.pdf"));
        let imported = dir.join(format!("pdf-{stem}"));
        ok(
            &import(&pdf, &imported, &[]),
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
