//! `jixiao import FILE.docx`: a Word file in the published layout imports as the same
//! document as the text extracted from it; LibreOffice's re-save and old formats import
//! the same; damaged and unsupported files are refused with a Chinese error and nothing
//! is written.

mod common;
#[path = "support/tools.rs"]
mod tools;
#[path = "support/word.rs"]
mod word;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{SEEDS, load, seed_text};
use tools::{ok, soffice_installed};
use word::{Features, docx, zip_parts};

fn scratch(name: &str) -> PathBuf {
    tools::scratch("docximp", name)
}

fn import(input: &Path, out: &Path) -> Output {
    tools::import(input, out, &[])
}

/// Converts one file with LibreOffice into `outdir`; returns the converted file.
fn libreoffice(input: &Path, to: &str, outdir: &Path) -> PathBuf {
    tools::libreoffice(&[input.to_path_buf()], to, outdir).remove(0)
}

/// Every file of an imported folder, by name.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn assert_same_folders(what: &str, a: &Path, b: &Path) {
    let (fa, fb) = (files(a), files(b));
    assert_eq!(
        fa.iter().map(|f| &f.0).collect::<Vec<_>>(),
        fb.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "{what}: file names"
    );
    for ((name, ta), (_, tb)) in fa.iter().zip(&fb) {
        if ta != tb {
            let line = ta
                .lines()
                .zip(tb.lines())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            panic!(
                "{what}: {name} differs at line {}:\n  text: {:?}\n  docx: {:?}",
                line + 1,
                ta.lines().nth(line),
                tb.lines().nth(line)
            );
        }
    }
}

/// Imports the seed text, writes a .docx of the result, returns (text import, .docx).
fn seed_docx(dir: &Path, seed_file: &str, name: &str, f: Features) -> (PathBuf, PathBuf) {
    let input = dir.join(seed_file);
    std::fs::write(&input, seed_text(seed_file)).unwrap();
    let from_text = dir.join(format!("{name}-text"));
    ok(&import(&input, &from_text), seed_file);
    let doc = load(&from_text);
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, docx(&doc, f)).unwrap();
    (from_text, file)
}

/// The .docx `jixiao build --format docx` writes for a document (through the renderer, as
/// `build` refuses to write documents with check errors and the seeds have some).
fn built_docx(doc: &jixiao::model::Document, root: &Path) -> Vec<u8> {
    tools::render(
        &jixiao::render::docx::DocxRenderer,
        doc,
        root,
        &Default::default(),
    )
    .expect("the Word writer renders the document")
}

/// The Word writer's output (`--format docx`, the published layout with real merged
/// cells) of each seed's text import imports as the same document again.
#[test]
fn every_seed_written_by_the_word_writer_imports_as_its_text_does() {
    let dir = scratch("writer");
    for (seed_file, name, _) in SEEDS {
        let input = dir.join(seed_file);
        std::fs::write(&input, seed_text(seed_file)).unwrap();
        let from_text = dir.join(format!("{name}-text"));
        ok(&import(&input, &from_text), seed_file);
        let file = dir.join(format!("{name}.docx"));
        std::fs::write(&file, built_docx(&load(&from_text), &from_text)).unwrap();
        let from_docx = dir.join(format!("{name}-docx"));
        ok(&import(&file, &from_docx), name);
        assert_same_folders(&format!("{name} (Word writer)"), &from_text, &from_docx);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_seed_as_a_docx_imports_as_its_text_does() {
    let dir = scratch("seeds");
    for features in [
        Features::default(),
        Features {
            markup: true,
            split_tables: true,
        },
    ] {
        for (seed_file, name, tables) in SEEDS {
            let (from_text, file) = seed_docx(&dir, seed_file, name, features);
            let from_docx = dir.join(format!("{name}-docx"));
            let stderr = ok(&import(&file, &from_docx), name);
            assert!(
                stderr.contains(&format!("已导入 {tables} 张表")),
                "{stderr}"
            );
            assert!(stderr.contains("下一步：jixiao check"), "{stderr}");
            assert_same_folders(&format!("{name} {features:?}"), &from_text, &from_docx);
            let _ = std::fs::remove_dir_all(&from_docx);
            let _ = std::fs::remove_dir_all(&from_text);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_docx_saved_by_libreoffice_and_an_old_doc_import_the_same() {
    if !soffice_installed() {
        eprintln!("LibreOffice (soffice) is not installed: skipped; scripts/test installs it");
        return;
    }
    let dir = scratch("libreoffice");
    let (seed_file, name, _) = SEEDS[2];
    let (from_text, file) = seed_docx(&dir, seed_file, name, Features::default());
    let resaved_dir = dir.join("resaved");
    std::fs::create_dir_all(&resaved_dir).unwrap();
    let resaved = libreoffice(&file, "docx:MS Word 2007 XML", &resaved_dir);
    assert_ne!(
        std::fs::read(&resaved).unwrap(),
        std::fs::read(&file).unwrap()
    );
    let out = dir.join("from-resaved");
    ok(&import(&resaved, &out), "re-saved .docx");
    assert_same_folders("LibreOffice re-save", &from_text, &out);
    // Word 97-2003: converted back through LibreOffice on import.
    let doc = libreoffice(&file, "doc", &resaved_dir);
    let out = dir.join("from-doc");
    ok(&import(&doc, &out), ".doc");
    assert_same_folders(".doc", &from_text, &out);
    // Named .wps (WPS 文字 writes the same OLE2 format): the content decides.
    let wps = dir.join("单位.wps");
    std::fs::copy(&doc, &wps).unwrap();
    let out = dir.join("from-wps");
    ok(&import(&wps, &out), ".wps");
    assert_same_folders(".wps", &from_text, &out);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Imports a bad file: exit 1, the code and a Chinese hint, nothing written.
fn assert_refused(dir: &Path, file: &str, bytes: &[u8], code: &str, message: &str) {
    let input = dir.join(file);
    std::fs::write(&input, bytes).unwrap();
    let out = dir.join(format!("out-{code}"));
    let result = import(&input, &out);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{file}: {stderr}");
    assert!(stderr.contains(&format!("[{code}]")), "{file}: {stderr}");
    assert!(stderr.contains(message), "{file}: {stderr}");
    assert!(stderr.contains("帮助"), "{file}: no hint: {stderr}");
    assert!(stderr.contains("没有写入任何文件"), "{file}: {stderr}");
    assert!(!out.exists(), "{file}: output written");
    assert!(
        !stderr.is_ascii() && !stderr.contains("error:") && !stderr.contains("Error"),
        "{file}: {stderr}"
    );
}

/// A minimal OLE2 compound file with the given stream names (one 512-byte FAT sector,
/// one directory sector), as Office writes a password-protected file's envelope.
fn ole2(streams: &[&str]) -> Vec<u8> {
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header[0x18..0x1A].copy_from_slice(&0x3Eu16.to_le_bytes());
    header[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
    header[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
    header[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
    header[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
    header[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes()); // FAT sectors
    header[0x30..0x34].copy_from_slice(&1u32.to_le_bytes()); // first directory sector
    header[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
    header[0x3C..0x40].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    header[0x44..0x48].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    for k in 0..109 {
        let v: u32 = if k == 0 { 0 } else { 0xFFFF_FFFF };
        header[0x4C + 4 * k..0x50 + 4 * k].copy_from_slice(&v.to_le_bytes());
    }
    let mut fat = vec![0xFFu8; 512];
    fat[..4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
    fat[4..8].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    let mut dir = vec![0u8; 512];
    let names: Vec<&str> = std::iter::once("Root Entry")
        .chain(streams.iter().copied())
        .collect();
    for (i, name) in names.iter().enumerate().take(4) {
        let e = &mut dir[i * 128..(i + 1) * 128];
        let units: Vec<u16> = name.encode_utf16().chain([0]).collect();
        for (k, u) in units.iter().enumerate() {
            e[2 * k..2 * k + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[0x40..0x42].copy_from_slice(&((units.len() * 2) as u16).to_le_bytes());
        e[0x42] = if i == 0 { 5 } else { 2 };
        e[0x74..0x78].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    }
    [header, fat, dir].concat()
}

#[test]
fn damaged_and_unsupported_files_are_refused_and_nothing_is_written() {
    let dir = scratch("refused");
    let (_, good) = seed_docx(&dir, SEEDS[0].0, SEEDS[0].1, Features::default());
    let good = std::fs::read(good).unwrap();
    // A PDF renamed .docx.
    assert_refused(
        &dir,
        "目标表.docx",
        b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
        "I401",
        "扩展名是 .docx，但内容是PDF 文件",
    );
    // A zip that is not Word.
    let other = zip_parts(&[("readme.txt", b"hello".as_slice())]);
    assert_refused(
        &dir,
        "压缩包.docx",
        &other,
        "I306",
        "不是 Word 文档或 Excel 工作簿",
    );
    // An empty file.
    assert_refused(&dir, "空.docx", b"", "I306", "文件是空的");
    // A password-protected file.
    let encrypted = ole2(&["EncryptionInfo", "EncryptedPackage"]);
    assert_refused(&dir, "加密.docx", &encrypted, "I305", "设有打开密码");
    // A truncated .docx (the zip's directory is at its end).
    assert_refused(
        &dir,
        "截断.docx",
        &good[..good.len() / 2],
        "I301",
        "zip 结构已损坏",
    );
    // A Word package whose body is not XML.
    let broken = zip_parts(&[("word/document.xml", b"<w:document><w:body><w:p>".as_slice())]);
    assert_refused(&dir, "坏.docx", &broken, "I301", "不是有效的 XML");
    // A zip bomb: 80 MB of spaces deflate to a few hundred KB; reading stops at the limit.
    let bomb = vec![b' '; 80 << 20];
    let bomb = zip_parts(&[("word/document.xml", bomb.as_slice())]);
    assert!(bomb.len() < 1 << 20);
    assert_refused(&dir, "炸弹.docx", &bomb, "I302", "超出导入的大小限制");
    // An image named .docx.
    assert_refused(
        &dir,
        "图.docx",
        &[0x89, b'P', b'N', b'G', 0, 0, 0xFF],
        "I306",
        "无法识别文件格式",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn old_formats_without_libreoffice_name_what_to_install() {
    let dir = scratch("no-soffice");
    let doc = ole2(&["WordDocument", "1Table"]);
    let input = dir.join("旧.doc");
    std::fs::write(&input, &doc).unwrap();
    let out = dir.join("out");
    let result = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args([
            "import",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .env("JIXIAO_SOFFICE", dir.join("没有这个程序"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("[I303]"), "{stderr}");
    assert!(stderr.contains("安装 LibreOffice"), "{stderr}");
    assert!(stderr.contains("另存为"), "{stderr}");
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes the .docx of a published fixture to `$JIXIAO_SAMPLE_DOCX` (the book's walk-through
/// uses it): `JIXIAO_SAMPLE_DOCX=/tmp/x.docx cargo test --test docx_import sample -- --ignored`.
#[test]
#[ignore]
fn sample() {
    let Ok(path) = std::env::var("JIXIAO_SAMPLE_DOCX") else {
        return;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published/tianjin-gongxin-2025.yaml");
    std::fs::write(
        path,
        docx(
            &load(&fixture),
            Features {
                markup: true,
                split_tables: true,
            },
        ),
    )
    .unwrap();
}
