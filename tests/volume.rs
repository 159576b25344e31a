//! The PDF volume (汇编) of a tree build is made of the documents' own laid-out pages:
//! every table of every document in its contents and bookmarks with the right page
//! numbers, fonts embedded once, the same bytes twice, and a rebuild in the same process
//! after one edit lays out only the edited document.

use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::batch::progress::ProgressStyle;
use jixiao::batch::{self, Plan};
use jixiao::load;
use jixiao::render::{Format, RenderOptions};
use jixiao::span::Sources;
use jixiao::table::DocumentView;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("volume")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn plan(tree: &Path, out: &Path) -> Plan {
    Plan {
        path: tree.to_path_buf(),
        out: out.to_path_buf(),
        formats: vec![Format::Pdf],
        options: RenderOptions::default(),
        jobs: 2,
        shard: None,
        merge: Vec::new(),
        progress: ProgressStyle::Quiet,
    }
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(pdf);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} not installed (apt-get install poppler-utils): {e}"));
    assert!(
        o.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{2060}')
        .collect()
}

/// Every table heading of a document (绩效目标表 then 自评表), in order.
fn headings(path: &Path) -> Vec<String> {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    let view = DocumentView::new(&loaded.document.expect("document loads"));
    let mut all: Vec<String> = view.tables.iter().map(|t| t.heading.clone()).collect();
    all.extend(
        view.evaluation
            .iter()
            .flat_map(|e| &e.tables)
            .map(|t| t.heading.clone()),
    );
    all
}

/// Bookmark titles from `pdftohtml -xml`.
fn bookmarks(pdf: &Path) -> Vec<String> {
    poppler("pdftohtml", &["-xml", "-i", "-q", "-stdout"], pdf)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<item "))
        .filter_map(|l| Some(l.split_once('>')?.1.strip_suffix("</item>")?.to_string()))
        .map(|t| t.replace("&quot;", "\"").replace("&amp;", "&"))
        .collect()
}

#[test]
fn the_volume_lists_every_table_of_every_document_at_its_page() {
    let examples = root().join("examples");
    let out = tempdir("examples");
    let summary = batch::build(&plan(&examples, &out)).expect("build");
    assert!(summary.assembled && summary.failed == 0, "{summary:?}");
    let volume = out.join("volume.pdf");

    // pdftotext separates pages with form feeds; page 1 is the unnumbered cover, so the
    // printed page N is the PDF's page N + 1.
    let text = poppler("pdftotext", &["-layout"], &volume);
    let raw: Vec<&str> = text.split('\u{c}').collect();
    let pages: Vec<String> = raw.iter().map(|p| squeeze(p)).collect();
    let documents = jixiao::pipeline::find_documents(&examples);
    let first_title = pages
        .iter()
        .position(|p| p.starts_with("1．"))
        .expect("the first document's title page");
    // Contents entries: text (wrapped lines joined) and the page number after U+2060.
    let mut entries: Vec<(String, usize)> = Vec::new();
    let mut pending = String::new();
    for line in raw[1..first_title].iter().flat_map(|p| p.lines()) {
        match line.trim_end().rsplit_once('\u{2060}') {
            Some((text, number)) if number.chars().all(|c| c.is_ascii_digit()) => {
                pending.push_str(&squeeze(text));
                entries.push((std::mem::take(&mut pending), number.parse().unwrap()));
            }
            // A footer (`第 2 页 / 共 155 页`) ends no entry.
            _ if line.contains("页 / 共") => pending.clear(),
            _ => pending.push_str(&squeeze(line)),
        }
    }
    let marks = bookmarks(&volume);
    let mut tables = 0;
    for doc in &documents {
        for heading in headings(doc) {
            tables += 1;
            let h = squeeze(&heading);
            // The contents entry: the heading and its printed page number.
            let printed = entries
                .iter()
                .find(|(text, _)| *text == h)
                .map(|(_, n)| *n)
                .unwrap_or_else(|| panic!("{heading} missing from the contents"));
            assert!(
                pages[printed].contains(&h),
                "{heading} is not on printed page {printed}"
            );
            assert!(
                pages[printed].contains(&format!("第{printed}页")),
                "page {printed} is not numbered {printed}"
            );
            assert_eq!(
                marks.iter().filter(|m| squeeze(m) == h).count(),
                1,
                "one bookmark for {heading}"
            );
        }
    }
    assert!(tables > 100, "{tables} tables");
    // The Tangshan example's two parts are bookmarks as well.
    assert!(marks.iter().any(|m| m == "第二部分　预算项目绩效目标"));

    // Fonts once: one regular and one bold subset for the whole volume.
    let fonts = poppler("pdffonts", &[], &volume);
    assert_eq!(fonts.lines().skip(2).count(), 2, "{fonts}");

    // The same documents give the same bytes, in another process too.
    let again = tempdir("examples-again");
    let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["build", "--format", "pdf", "-q", "--out"])
        .arg(&again)
        .arg(&examples)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read(&volume).unwrap() == std::fs::read(again.join("volume.pdf")).unwrap(),
        "volume.pdf differs between two builds"
    );

    // In the same process, an edit of one document lays out that document alone.
    let tree = tempdir("tree");
    for unit in ["a", "b", "c"] {
        std::fs::create_dir_all(tree.join(unit)).unwrap();
        std::fs::copy(
            root().join("tests/fixtures/demo.yaml"),
            tree.join(unit).join("2025.yaml"),
        )
        .unwrap();
    }
    let out = tree.with_file_name("tree-out");
    batch::build(&plan(&tree, &out)).expect("first build");
    let before = jixiao::render::pdf::documents_laid_out();
    let edited = tree.join("b/2025.yaml");
    let yaml = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, yaml.replacen("name:", "name: 改", 1)).unwrap();
    let summary = batch::build(&plan(&tree, &out)).expect("rebuild");
    assert_eq!(summary.built, 1, "{summary:?}");
    assert_eq!(jixiao::render::pdf::documents_laid_out() - before, 1);
    let text = poppler("pdftotext", &[], &out.join("volume.pdf"));
    assert!(text.contains("改"), "the volume shows the edit");
}
