//! Fuzzes the PDF importer's reading of pages: interpreting any bytes as a PDF, rebuilding
//! the tables of every page and putting the pages in reading order must never panic, and
//! every rebuilt cell must lie on its page. The importer's files depend only on hayro, kurbo
//! and flate2, so they are compiled here on their own (no typst).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod pdf {
    #[path = "../../../src/import/pdf/assemble.rs"]
    pub mod assemble;
    #[path = "../../../src/import/pdf/extract.rs"]
    pub mod extract;
    #[path = "../../../src/import/pdf/layout.rs"]
    pub mod layout;
}

use pdf::{assemble, extract, layout};

fuzz_target!(|data: &[u8]| {
    // Small limits keep each run fast; the bounds themselves are what is being tested.
    let limits = extract::Limits {
        max_pages: 20,
        max_decoded_bytes: 16 << 20,
        max_glyphs_per_page: 20_000,
        max_segments_per_page: 20_000,
        ..extract::Limits::default()
    };
    let Ok(pages) = extract::extract(data, &limits) else {
        return;
    };
    let mut laid = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let Ok(l) = layout::layout(page, i + 1) else {
            return;
        };
        for block in &l.blocks {
            if let layout::Block::Table(t) = block {
                for c in &t.cells {
                    assert!(c.rect.x0 <= c.rect.x1 && c.rect.y0 <= c.rect.y1, "{c:?}");
                }
            }
        }
        laid.push(l);
    }
    let _ = assemble::assemble(laid);
});
