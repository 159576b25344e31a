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

/// Two processes (each with its own hash seeds and allocation addresses) render every
/// shipped document to the same text; rendering twice in one process would share both.
/// The test runs itself as the child: with `JIXIAO_TEXT_OUT` set, it writes each
/// document's text there and stops.
#[test]
fn output_is_deterministic_across_processes() {
    let docs = shipped_documents();
    if let Some(dir) = std::env::var_os("JIXIAO_TEXT_OUT") {
        for (i, doc) in docs.iter().enumerate() {
            let text = render_document(&view(doc), 100);
            std::fs::write(Path::new(&dir).join(format!("{i}.txt")), text).unwrap();
        }
        return;
    }
    let base = std::env::temp_dir().join(format!("jixiao-text-det-{}", std::process::id()));
    let run = |name: &str| -> Vec<Vec<u8>> {
        let dir = base.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "output_is_deterministic_across_processes",
                "--quiet",
            ])
            .env("JIXIAO_TEXT_OUT", &dir)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run the test binary");
        assert!(status.success());
        (0..docs.len())
            .map(|i| std::fs::read(dir.join(format!("{i}.txt"))).expect("the child's text"))
            .collect()
    };
    let (first, second) = (run("a"), run("b"));
    for (doc, (a, b)) in docs.iter().zip(first.iter().zip(&second)) {
        assert!(!a.is_empty(), "{}", doc.display());
        assert!(a == b, "{} differs between two processes", doc.display());
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
