//! `jixiao import FILE.pdf`: jixiao's own PDF of every example imports back to the same
//! document; a scanned PDF and damaged PDFs give a located Chinese error and write nothing;
//! corrupted bytes never panic the reader.

use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::import::pdf::{assemble, extract, layout};
use jixiao::load;
use jixiao::span::Sources;
use jixiao::yamlfmt::{self, SchemaPaths};
use proptest::prelude::*;

#[path = "support/roundtrip.rs"]
mod roundtrip;
#[path = "support/shipped.rs"]
mod shipped;
#[path = "support/tools.rs"]
mod tools;

use roundtrip::first_difference;
use tools::{ROOT, import, ok};

fn scratch(name: &str) -> PathBuf {
    tools::scratch("pdfimp", name)
}

/// `jixiao build PATH --format pdf --out DIR`: the PDF's path.
fn build_pdf(path: &Path, out: &Path) -> PathBuf {
    tools::build_ok(path, "pdf", out, &[])
}

/// A document as the canonical single-file YAML jixiao writes (what "the same document"
/// means: every field and cell, in order). `allow:` entries (a reviewer's reasons for
/// accepting a finding) are not printed in a PDF, so they are left out.
fn canonical(path: &Path) -> String {
    let mut sources = Sources::new();
    let loaded = load::load_path(path, &mut sources);
    let mut doc = loaded
        .document
        .unwrap_or_else(|| panic!("{} loads: {:?}", path.display(), loaded.diagnostics));
    for p in &mut doc.projects {
        p.allow.clear();
        for l1 in &mut p.indicators {
            for g in &mut l1.groups {
                for r in &mut g.rows {
                    r.allow.clear();
                }
            }
        }
    }
    yamlfmt::document_single(&doc, &SchemaPaths::at_depth(0))
}

#[test]
fn every_example_round_trips_through_its_own_pdf() {
    let dir = scratch("examples");
    for example in shipped::examples() {
        let name = example.file_name().unwrap().to_string_lossy().into_owned();
        let pdf = build_pdf(&example, &dir);
        let out = dir.join(format!("imported-{name}"));
        ok(&import(&pdf, &out, &[]), &format!("import {name}"));
        let expected = canonical(&example);
        let got = canonical(&out);
        assert!(
            expected == got,
            "{name}: {}",
            first_difference(&expected, &got)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A PDF whose only page is a picture of a page, as a scanner makes it: poppler rasterises
/// jixiao's own PDF, and the picture is wrapped in a minimal PDF written here.
#[test]
fn a_scanned_pdf_asks_for_ocr_and_writes_nothing() {
    let dir = scratch("scanned");
    let pdf = build_pdf(&Path::new(ROOT).join("tests/fixtures/demo.yaml"), &dir);
    let prefix = dir.join("page");
    let o = Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (poppler-utils) is installed by scripts/test");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pgm = std::fs::read(dir.join("page.pgm")).unwrap();
    let (width, height, pixels) = parse_pgm(&pgm);
    let scanned = dir.join("扫描件.pdf");
    std::fs::write(&scanned, image_pdf(width, height, pixels)).unwrap();
    // The picture is a valid PDF that poppler reads and finds no text in.
    let text = Command::new("pdftotext")
        .arg(&scanned)
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).trim().is_empty());

    let out = dir.join("out");
    let o = import(&scanned, &out, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("错误[I402]"), "{stderr}");
    assert!(
        stderr.contains("扫描件") && stderr.contains("第 1 页"),
        "{stderr}"
    );
    assert!(stderr.contains("文字识别（OCR）"), "{stderr}");
    assert!(stderr.contains("扫描件.pdf"), "{stderr}");
    assert!(!out.exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

fn parse_pgm(data: &[u8]) -> (usize, usize, &[u8]) {
    // P5\n<w> <h>\n<max>\n<bytes>
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, &data[i + 1..i + 1 + w * h])
}

/// A one-page A4 PDF showing a grey image over the whole page.
fn image_pdf(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    let content = b"q 595 0 0 842 0 0 cm /Im0 Do Q".to_vec();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(), content, b"\nendstream".to_vec()].concat(),
        [
            format!("<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n", pixels.len()).into_bytes(),
            pixels.to_vec(),
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}

/// Damaged files: one overwritten with garbage, one cut off in the middle. Each gives a
/// Chinese error naming the file (and, where the pages can still be read, the page and
/// position), and nothing is written.
#[test]
fn damaged_pdfs_give_a_located_error_and_write_nothing() {
    let dir = scratch("damaged");
    let pdf = build_pdf(&Path::new(ROOT).join("tests/fixtures/demo.yaml"), &dir);
    let good = std::fs::read(&pdf).unwrap();

    let mut garbage = good.clone();
    for b in garbage.iter_mut().skip(9) {
        *b = b'x';
    }
    let cut = good[..good.len() / 3].to_vec();
    for (name, bytes) in [("乱码.pdf", garbage), ("截断.pdf", cut)] {
        let input = dir.join(name);
        std::fs::write(&input, &bytes).unwrap();
        let out = dir.join(format!("out-{name}"));
        let o = import(&input, &out, &[]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains("错误[I"), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: the file is named: {stderr}");
        assert!(
            stderr.contains("导入失败：没有写入任何文件"),
            "{name}: {stderr}"
        );
        assert!(!out.exists(), "{name}: nothing written");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn demo_pdf() -> &'static [u8] {
    static PDF: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    PDF.get_or_init(|| {
        let dir = scratch("proptest");
        let pdf = build_pdf(&Path::new(ROOT).join("tests/fixtures/demo.yaml"), &dir);
        std::fs::read(pdf).unwrap()
    })
}

/// Reads bytes the way the importer does, without its safety net against panics.
fn read_unguarded(data: &[u8]) {
    let limits = extract::Limits {
        max_pages: 20,
        ..extract::Limits::default()
    };
    let Ok(pages) = extract::extract(data, &limits) else {
        return;
    };
    let mut laid = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        match layout::layout(p, i + 1) {
            Ok(l) => laid.push(l),
            Err(_) => return,
        }
    }
    let _ = assemble::assemble(laid);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Bytes of a real PDF overwritten at random places, or the file cut short: the reader
    /// returns an error or content, never panics.
    #[test]
    fn corrupted_pdfs_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..40),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut data = demo_pdf().to_vec();
        for (at, byte) in edits {
            let i = at.index(data.len());
            data[i] = byte;
        }
        if truncate {
            data.truncate(cut.index(data.len()));
        }
        read_unguarded(&data);
    }
}
