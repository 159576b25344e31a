//! Unit tests on real PDFs: jixiao's own renderer (typst) makes them from YAML, the
//! importer reads them back.

use super::extract::{ExtractError, Limits, extract};
use super::layout::{Block, layout};
use super::*;
use crate::load;
use crate::render::pdf::PdfRenderer;
use crate::render::{RenderContext, RenderOptions, Renderer};
use crate::table::DocumentView;

const DEMO: &str = include_str!("../../../tests/fixtures/demo.yaml");

fn pdf_of(yaml: &str) -> Vec<u8> {
    let mut sources = Sources::new();
    let loaded = load::load_str("t.yaml", yaml, &mut sources);
    let doc = loaded.document.expect("test document loads");
    let view = DocumentView::new(&doc);
    let options = RenderOptions::default();
    let root = std::env::temp_dir();
    let cx = RenderContext {
        view: &view,
        document: &doc,
        root: &root,
        options: &options,
    };
    PdfRenderer.render(&cx).expect("renders")
}

fn text_of(yaml: &str) -> String {
    let mut sources = Sources::new();
    let doc = load::load_str("t.yaml", yaml, &mut sources)
        .document
        .expect("loads");
    crate::render::text::render_document(&DocumentView::new(&doc), 200)
}

fn imported_text(pdf: &[u8]) -> Result<String, Vec<Diagnostic>> {
    let mut sources = Sources::new();
    let options = ImportOptions { year: Some(2025) };
    let imported = import_pdf("t.pdf", pdf, &mut sources, &options)?;
    Ok(crate::render::text::render_document(
        &DocumentView::new(&imported.document),
        200,
    ))
}

fn codes(diags: &[Diagnostic]) -> Vec<&str> {
    diags.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn glyphs_rulings_and_merged_cells_of_a_table() {
    let pdf = pdf_of(DEMO);
    let pages = extract(&pdf, &Limits::default()).expect("extracts");
    assert_eq!(pages.len(), 1);
    let page = &pages[0];
    assert!(
        page.glyphs.iter().all(|g| g.text.is_some()),
        "ToUnicode maps"
    );
    assert!(
        page.glyphs
            .iter()
            .any(|g| g.text.as_deref() == Some("“") || g.text.as_deref() == Some("，")),
        "Chinese punctuation"
    );
    let laid = layout(page, 1).expect("lays out");
    let tables: Vec<_> = laid
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    // The info table and the indicator table touch: one grid.
    assert_eq!(tables.len(), 1, "{:#?}", laid.blocks);
    let t = tables[0];
    let cell = |text: &str| {
        t.cells
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no cell {text:?} in {:#?}", t.cells))
    };
    // 一级指标 merged over its rows; the budget label over the amounts and the purpose.
    assert_eq!(cell("产出指标").rows, 3);
    assert_eq!(cell("效益指标").rows, 2);
    assert_eq!(cell("满意度指标").rows, 1);
    assert_eq!(cell("预算规模及资金用途").rows, 2);
    assert!(
        cell("项目名称").cols < cell("2025年“购滨城·促消费”消费券资金（高质量发展专项资金）").cols
    );
    // A cell of several lines is one paragraph again.
    cell(
        "按照区委区政府工作部署，区商促局牵头发放2026年“购滨城促消费”餐饮消费券约41.66万元，活跃滨城消费市场，提升城市“烟火气”。",
    );
    // The unit line is free text in two runs.
    assert!(laid.blocks.iter().any(|b| matches!(b, Block::Line(l)
        if l.runs.len() == 2 && l.runs[1].text == "单位：元")));
}

#[test]
fn a_pdf_imports_back_to_the_same_document() {
    let pdf = pdf_of(DEMO);
    assert_eq!(imported_text(&pdf).expect("imports"), text_of(DEMO));
}

/// A document whose indicator grid runs over several pages: the repeated header is dropped
/// and the `（续）` label read as the merged cell it continues.
#[test]
fn tables_continued_over_pages_are_joined() {
    let mut yaml = String::from(
        "year: 2025\namount_unit: 万元\nunit:\n  name: 测试单位\nframework: legacy\nprojects:\n",
    );
    for p in 0..2 {
        yaml.push_str(&format!(
            "  - name: 项目{p}\n    budget:\n      total: 12.50\n    purpose: 用途\n    goals:\n      - 目标一\n      - 目标二\n    indicators:\n      - level1: 产出指标\n        groups:\n          - level2: 数量指标\n            rows:\n"
        ));
        for i in 0..70 {
            yaml.push_str(&format!(
                "              - level3: 第{i}项工作的完成数量，写得长一些以便换行显示在单元格中\n                value: ≥{i}个\n"
            ));
        }
        yaml.push_str("      - level1: 满意度指标\n        groups:\n          - level2: 服务对象满意度指标\n            rows:\n              - level3: 满意度\n                value: ≥90%\n");
    }
    let pdf = pdf_of(&yaml);
    let pages = extract(&pdf, &Limits::default()).unwrap();
    assert!(pages.len() >= 5, "{} pages", pages.len());
    assert_eq!(imported_text(&pdf).expect("imports"), text_of(&yaml));
}

#[test]
fn garbage_and_empty_files_are_unreadable() {
    for bytes in [&b""[..], b"%PDF-1.7\n garbage", b"not a pdf at all"] {
        let e = read_cells(bytes, &Limits::default()).err().expect("error");
        assert_eq!(e.code, rules::I401.code, "{bytes:?}");
    }
}

#[test]
fn limits_are_enforced() {
    let pdf = pdf_of(DEMO);
    let small = Limits {
        max_file_bytes: 1000,
        ..Limits::default()
    };
    assert!(matches!(
        extract(&pdf, &small),
        Err(ExtractError::TooLarge { .. })
    ));
    let glyphs = Limits {
        max_glyphs_per_page: 10,
        ..Limits::default()
    };
    assert_eq!(
        extract(&pdf, &glyphs).err(),
        Some(ExtractError::PageTooComplex { page: 1 })
    );
    let bomb = Limits {
        max_decoded_bytes: 1000,
        ..Limits::default()
    };
    assert!(matches!(
        extract(&pdf, &bomb),
        Err(ExtractError::DecompressionBomb { .. })
    ));
    let e = read_cells(&pdf, &glyphs).err().unwrap();
    assert_eq!(e.code, rules::I405.code);
    assert!(e.message.contains("第 1 页"), "{}", e.message);
}

#[test]
fn errors_about_cells_name_the_page_and_position() {
    // Damage the rebuilt cells (the grid header loses a label): the text importer's error
    // is given the PDF page and position of the cell.
    let pdf = pdf_of(DEMO);
    let mut cells = read_cells(&pdf, &Limits::default()).unwrap();
    assert!(cells.text.contains("\t一级指标\n"), "{}", cells.text);
    cells.text = cells.text.replace("\t一级指标\n", "\t一级\n");
    let mut sources = Sources::new();
    let diags = import_cells("t.pdf", &cells, &mut sources, &ImportOptions::default())
        .err()
        .expect("fails");
    assert!(codes(&diags).contains(&rules::I002.code), "{diags:?}");
    assert!(
        diags.iter().any(|d| d
            .notes
            .iter()
            .any(|n| n.starts_with("位于 t.pdf 第 1 页（距左"))),
        "{diags:?}"
    );
}

/// `JIXIAO_PDF=file.pdf cargo test --lib pdf::tests::dump -- --ignored --nocapture` prints
/// what the importer sees in a PDF (for investigating a file that does not import).
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("JIXIAO_PDF").expect("JIXIAO_PDF");
    let data = std::fs::read(path).unwrap();
    let pages = extract(&data, &Limits::default()).unwrap();
    for (i, p) in pages.iter().enumerate() {
        println!(
            "== page {} segments {} glyphs {}",
            i + 1,
            p.segments.len(),
            p.glyphs.len()
        );
        if std::env::var("JIXIAO_PDF_RAW").is_ok() {
            for s in &p.segments {
                println!("  {s:?}");
            }
        }
        if let Ok(needle) = std::env::var("JIXIAO_PDF_GLYPHS") {
            let all: String = p
                .glyphs
                .iter()
                .map(|g| g.text.clone().unwrap_or_default())
                .collect();
            if let Some(at) = all.find(&needle) {
                let start = all[..at].chars().count();
                for g in p
                    .glyphs
                    .iter()
                    .skip(start.saturating_sub(3))
                    .take(needle.chars().count() + 6)
                {
                    println!(
                        "  glyph {:?} x0={:.2} x1={:.2} base={:.2} size={:.2}",
                        g.text, g.x0, g.x1, g.baseline, g.size
                    );
                }
            }
        }
        let l = layout(p, i + 1).unwrap();
        for b in &l.blocks {
            match b {
                Block::Line(line) => println!(
                    "LINE y={:.1} size={:.1} {:?}",
                    line.baseline,
                    line.size,
                    line.runs
                        .iter()
                        .map(|r| (r.x0 as i64, r.x1 as i64, &r.text))
                        .collect::<Vec<_>>()
                ),
                Block::Table(t) => {
                    println!(
                        "TABLE {:?} xs={:?}",
                        t.rect,
                        t.xs.iter().map(|x| *x as i64).collect::<Vec<_>>()
                    );
                    for row in t.rows() {
                        let cells: Vec<String> = row
                            .iter()
                            .map(|rc| {
                                if rc.continued {
                                    "^".into()
                                } else {
                                    format!("{:?}", t.cells[rc.cell].text)
                                }
                            })
                            .collect();
                        println!("  | {}", cells.join(" | "));
                    }
                }
            }
        }
    }
    let cells = read_cells(&data, &Limits::default()).unwrap();
    println!("==== cell text\n{}", cells.text);
}
