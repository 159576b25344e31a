//! The text backend: golden output, alignment at every page width, lossless wrapping.

#[path = "support/shipped.rs"]
mod shipped;
use shipped::{root, shipped_documents};
use std::path::Path;

use jixiao::load::load_path;
use jixiao::render::text::{display_width, render_document, wrap};
use jixiao::span::Sources;
use jixiao::table::DocumentView;
use proptest::prelude::*;

fn view(path: &Path) -> DocumentView {
    let mut sources = Sources::new();
    let loaded = load_path(path, &mut sources);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}: {:?}",
        path.display(),
        loaded.diagnostics
    );
    DocumentView::new(&loaded.document.unwrap())
}

#[test]
fn demo_document_matches_the_reviewed_golden_output() {
    let text = render_document(&view(&root().join("tests/fixtures/demo.yaml")), 100);
    insta::assert_snapshot!("demo_100", text);
}

#[test]
fn narrow_page_wraps_inside_columns() {
    let text = render_document(&view(&root().join("tests/fixtures/demo.yaml")), 60);
    insta::assert_snapshot!("demo_60", text);
}

#[test]
fn every_table_line_has_the_page_width() {
    for doc in shipped_documents() {
        let v = view(&doc);
        for width in [60, 80, 100, 140] {
            let text = render_document(&v, width);
            for line in text.lines().filter(|l| l.starts_with(['┌', '│', '├', '└'])) {
                assert_eq!(
                    display_width(line),
                    width,
                    "{} at width {width}: misaligned line\n{line}",
                    doc.display()
                );
            }
        }
    }
}

/// Two processes (each with its own hash seeds and allocation addresses) write the same
/// bytes for every shipped document; rendering twice in one process would share both.
#[test]
fn output_is_deterministic_across_processes() {
    let base = std::env::temp_dir().join(format!("jixiao-text-det-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let docs = shipped_documents();
    let build = |run: &str| -> Vec<(String, Vec<u8>)> {
        let mut outputs = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            let out = base.join(run).join(i.to_string());
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
                .args(["build", "-q", "--format", "text", "--out"])
                .arg(&out)
                .arg(doc)
                .status()
                .expect("run jixiao");
            assert!(status.success(), "{}", doc.display());
            let mut files: Vec<_> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            assert!(!files.is_empty(), "{}: no text output", doc.display());
            for f in files {
                let name = format!("{i}/{}", f.file_name().unwrap().to_string_lossy());
                outputs.push((name, std::fs::read(&f).unwrap()));
            }
        }
        outputs
    };
    let first = build("a");
    let second = build("b");
    assert_eq!(first.len(), second.len());
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between two processes");
    }
    let _ = std::fs::remove_dir_all(&base);
}

proptest! {
    #[test]
    fn wrapping_never_drops_or_reorders_characters(text in "[a-z0-9 ，。“”≥%万元汉字测试\\n]{0,200}", width in 2usize..40) {
        let lines = wrap(&text, width);
        prop_assert_eq!(lines.join("\n").replace('\n', ""), text.replace('\n', ""));
        for line in &lines {
            prop_assert!(display_width(line) <= width);
        }
    }
}
