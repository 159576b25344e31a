//! Fonts: the embedded Noto Serif CJK SC subset, `--font-path` folders and system fonts,
//! and the check that every character of the document has a glyph in one of them.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontPath;

use crate::check::rules;
use crate::diag::Diagnostic;
use crate::model::Document;
use crate::span::{Span, Spanned};

/// The regular face of the embedded subset (also the PDF importer's stand-in for fonts a
/// PDF does not embed).
pub const EMBEDDED_REGULAR: &[u8] =
    include_bytes!("../../../fonts/NotoSerifCJKsc-Regular-subset.otf");

/// The subset fonts made by `fonts/subset.sh` (the family "Noto Serif CJK SC" the built-in
/// templates name, so it exists on every machine); parsed once per process.
static EMBEDDED: LazyLock<Vec<Font>> = LazyLock::new(|| {
    let faces: [&'static [u8]; 2] = [
        EMBEDDED_REGULAR,
        include_bytes!("../../../fonts/NotoSerifCJKsc-Bold-subset.otf"),
    ];
    faces
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

/// System fonts, scanned once per process (metadata only; files are read on first use).
static SYSTEM: LazyLock<Vec<(FontPath, FontInfo)>> =
    LazyLock::new(|| typst_kit::fonts::system().collect());

/// Font sets already built in this process, keyed by their `--font-path` list and whether
/// system fonts are in, so a long-running process parses each font file at most once.
static SETS: LazyLock<Mutex<HashMap<SetKey, Arc<FontSet>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// `--font-path` folders and whether system fonts are in.
type SetKey = (Vec<PathBuf>, bool);

/// All fonts one render can use: embedded first, then `--font-path`, then (when asked for)
/// system fonts.
pub struct FontSet {
    book: LazyHash<FontBook>,
    slots: Vec<Slot>,
}

enum Slot {
    Loaded(Font),
    OnDisk {
        path: FontPath,
        font: OnceLock<Option<Font>>,
    },
}

impl FontSet {
    /// The shared font set for these extra font folders. Scanning the system's fonts costs
    /// more than compiling a small document, so it happens only when `system` is set.
    pub fn get(font_paths: &[PathBuf], system: bool) -> Arc<FontSet> {
        let mut sets = SETS.lock().unwrap_or_else(|e| e.into_inner());
        sets.entry((font_paths.to_vec(), system))
            .or_insert_with(|| Arc::new(FontSet::build(font_paths, system)))
            .clone()
    }

    fn build(font_paths: &[PathBuf], system: bool) -> FontSet {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for font in EMBEDDED.iter() {
            book.push(font.info().clone());
            slots.push(Slot::Loaded(font.clone()));
        }
        let scanned = font_paths
            .iter()
            .flat_map(|dir| typst_kit::fonts::scan(dir).collect::<Vec<_>>());
        // Touching `SYSTEM` runs the scan, so only when asked for.
        let system: &[(FontPath, FontInfo)] = if system { &SYSTEM } else { &[] };
        let system = system.iter().map(|(path, info)| {
            let path = FontPath {
                path: path.path.clone(),
                index: path.index,
            };
            (path, info.clone())
        });
        for (path, info) in scanned.chain(system) {
            book.push(info);
            slots.push(Slot::OnDisk {
                path,
                font: OnceLock::new(),
            });
        }
        FontSet {
            book: LazyHash::new(book),
            slots,
        }
    }

    /// Metadata of every font, in index order.
    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// The font at an index of the book, loaded on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        match self.slots.get(index)? {
            Slot::Loaded(font) => Some(font.clone()),
            Slot::OnDisk { path, font } => font
                .get_or_init(|| {
                    let data = std::fs::read(&path.path).ok()?;
                    Font::new(Bytes::new(data), path.index)
                })
                .clone(),
        }
    }

    /// Whether some font has a glyph for the character.
    fn covers(&self, c: char) -> bool {
        (0..self.slots.len()).any(|i| {
            self.book
                .info(i)
                .is_some_and(|info| info.coverage.contains(c as u32))
        })
    }

    /// One `P001` error per character of the document that no font can draw, at its
    /// first occurrence; typst would otherwise print an empty box without a word.
    pub fn check_coverage(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut missing: BTreeMap<char, (Span, usize)> = BTreeMap::new();
        let mut cache: HashMap<char, bool> = HashMap::new();
        for text in document_texts(doc) {
            for c in text.value.chars() {
                if needs_glyph(c) && !*cache.entry(c).or_insert_with(|| self.covers(c)) {
                    missing.entry(c).or_insert((text.span, 0)).1 += 1;
                }
            }
        }
        missing
            .into_iter()
            .map(|(c, (span, count))| {
                let mut d = Diagnostic::of(&rules::P001, format!(
                        "字符“{c}”（U+{:04X}）在可用字体中没有字形，PDF 中会显示为空框",
                        c as u32
                    ),
                )
                .at(span, format!("“{c}”首次出现在这里"))
                .with_help(
                    "改用常用写法，或用 --font-path 指定含有该字符的字体目录（也可安装到系统字体中）",
                );
                if count > 1 {
                    d = d.with_note(format!("该字符在文档中共出现 {count} 次"));
                }
                d
            })
            .collect()
    }
}

/// Characters that are drawn; whitespace, controls and invisible format characters are not.
fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'))
}

/// Every user-written text that reaches the PDF, with its place in the YAML.
fn document_texts(doc: &Document) -> Vec<&Spanned<String>> {
    let mut out: Vec<&Spanned<String>> = Vec::new();
    out.extend(doc.title.as_ref());
    if let Some(separate) = doc.evaluation.as_ref().and_then(|e| e.separate.as_ref()) {
        out.extend(separate.title.as_ref());
    }
    out.extend(doc.unit.code.as_ref());
    out.push(&doc.unit.name);
    if let Some(o) = &doc.overview {
        out.push(&o.overall);
        for item in &o.items {
            out.extend([&item.title, &item.goal, &item.indicator]);
        }
        out.extend(&o.safeguards);
    }
    for p in &doc.projects {
        if let Some(unit) = &p.unit {
            out.extend(unit.code.as_ref());
            out.push(&unit.name);
        }
        out.extend(p.code.as_ref());
        out.extend([&p.name, &p.purpose]);
        if let Some(plan) = &p.spending_plan {
            out.extend(plan.cells().into_iter().filter_map(|(_, v)| v));
        }
        out.extend(&p.goals);
        out.extend(p.achieved.as_ref());
        for l1 in &p.indicators {
            out.push(&l1.level1);
            for l2 in &l1.groups {
                out.push(&l2.level2);
                for row in &l2.rows {
                    out.extend([&row.level3, &row.value]);
                    out.extend(row.description.as_ref());
                    out.extend(row.basis.as_ref());
                    out.extend(
                        [&row.actual, &row.grade, &row.deviation]
                            .into_iter()
                            .flatten(),
                    );
                }
            }
        }
    }
    out
}
