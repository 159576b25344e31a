//! The built-in Typst templates, embedded in the binary. A same-named file in the
//! document's `templates/typst/` folder replaces one (see [`super::world::PdfWorld`]).

/// The entry point typst compiles for a document.
pub const MAIN: &str = "main.typ";
/// The entry point of a volume laid out again from every document's data.
pub const VOLUME: &str = "volume.typ";
/// The entry point of a volume made of the documents' kept pages: only its cover,
/// contents, title pages and numbered blank pages.
pub const VOLUME_PAGES: &str = "volume-pages.typ";

/// The built-in templates by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "main.typ",
        include_str!("../../../templates/typst/main.typ"),
    ),
    (
        "style.typ",
        include_str!("../../../templates/typst/style.typ"),
    ),
    (
        "overview.typ",
        include_str!("../../../templates/typst/overview.typ"),
    ),
    (
        "table.typ",
        include_str!("../../../templates/typst/table.typ"),
    ),
    (
        "evaluation.typ",
        include_str!("../../../templates/typst/evaluation.typ"),
    ),
    (
        "volume.typ",
        include_str!("../../../templates/typst/volume.typ"),
    ),
    (
        "volume-pages.typ",
        include_str!("../../../templates/typst/volume-pages.typ"),
    ),
];

/// The text of a built-in template.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
