//! The three published documents, converted verbatim into `tests/fixtures/published/`,
//! print exactly the cells of the original: every heading, unit line, amount, purpose,
//! goal, spending-plan value and indicator cell (指标值确定依据 included), and the Part 1
//! paragraphs, in the same order. See `common/mod.rs` for what is normalised and why.

mod common;

use std::path::Path;

use common::{SEEDS, assert_same, from_rendered, from_seed, load, render, seed_text, wide_width};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published")
        .join(format!("{name}.yaml"))
}

#[test]
fn fixtures_print_every_seed_cell_verbatim() {
    for (seed_file, name, tables) in SEEDS {
        let seed = from_seed(&seed_text(seed_file));
        assert_eq!(
            seed.tables.len(),
            *tables,
            "{seed_file}: tables in the seed"
        );
        let doc = load(&fixture(name));
        assert_eq!(
            doc.projects.len(),
            *tables,
            "{name}: projects in the fixture"
        );
        // Wide enough that nothing wraps: every cell must match exactly (padding aside).
        let rendered = from_rendered(&render(&doc, wide_width(&seed)));
        assert_same(name, &seed, &rendered);
    }
}

#[test]
fn wrapped_text_keeps_every_character() {
    for (seed_file, name, _) in SEEDS {
        let seed = from_seed(&seed_text(seed_file)).squashed();
        let doc = load(&fixture(name));
        for width in [jixiao::render::text::DEFAULT_PAGE_WIDTH, 60] {
            let rendered = from_rendered(&render(&doc, width)).squashed();
            assert_same(&format!("{name} at width {width}"), &seed, &rendered);
        }
    }
}

#[test]
fn hebei_part1_and_basis_column_are_present() {
    let doc = load(&fixture("tangshan-shangwu-2024"));
    let overview = doc.overview.as_ref().expect("Part 1");
    assert_eq!(overview.items.len(), 15);
    assert_eq!(overview.safeguards.len(), 10);
    assert!(
        doc.projects
            .iter()
            .all(|p| p.spending_plan.is_some() && p.code.is_some())
    );
    assert!(
        doc.projects
            .iter()
            .all(|p| p.rows().all(|(_, _, r)| r.basis.is_some()))
    );
}
