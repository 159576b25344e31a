//! `word/styles.xml` and `word/fontTable.xml`: the paragraph and table styles the body
//! names, with fonts by name (宋体 for text and tables, 黑体 for headings, no font files).
//!
//! Every look lives in a style, not in the body, so that a province's reference document
//! (`templates/docx/reference.docx`, see [`super::reference`]) restyles the whole file: its
//! styles replace these, and only the styles it lacks are taken from here.

use super::reference::StyleMap;
use super::xml::Xml;

/// The WordprocessingML main namespace (transitional, as Word writes it).
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace of part references (`r:id`).
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The body text font: 宋体, known to Windows as SimSun.
pub const SONG: &str = "宋体";
/// The heading font: 黑体 (SimHei).
pub const HEI: &str = "黑体";
/// The font jixiao's PDF embeds, named as the fallback where 宋体 and 黑体 are missing.
pub const FALLBACK: &str = "Noto Serif CJK SC";

/// The styles the body refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleId {
    Normal,
    Heading1,
    Heading2,
    Heading3,
    CoverTitle,
    CoverLine,
    BodyText,
    TableText,
    UnitLine,
    Separator,
    Footer,
    Table,
}

impl StyleId {
    /// The `w:styleId` (Word's built-in ids where Word has the style).
    pub fn id(self) -> &'static str {
        match self {
            StyleId::Normal => "Normal",
            StyleId::Heading1 => "Heading1",
            StyleId::Heading2 => "Heading2",
            StyleId::Heading3 => "Heading3",
            StyleId::CoverTitle => "Title",
            StyleId::CoverLine => "jixiaoCoverLine",
            StyleId::BodyText => "jixiaoBodyText",
            StyleId::TableText => "jixiaoTableText",
            StyleId::UnitLine => "jixiaoUnitLine",
            StyleId::Separator => "jixiaoTableSeparator",
            StyleId::Footer => "Footer",
            StyleId::Table => "TableGrid",
        }
    }
}

/// The heading style of an outline level (1-based; deeper levels use heading 3).
pub fn heading(level: u8) -> StyleId {
    match level {
        0 | 1 => StyleId::Heading1,
        2 => StyleId::Heading2,
        _ => StyleId::Heading3,
    }
}

/// `w:rFonts` naming one font for every script, with the East Asian one explicit.
fn fonts(x: &mut Xml, name: &str) {
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", name),
            ("w:eastAsia", name),
            ("w:hAnsi", name),
            ("w:cs", name),
            ("w:hint", "eastAsia"),
        ],
    );
}

fn size(x: &mut Xml, half_points: u32) {
    let s = half_points.to_string();
    x.val("w:sz", &s);
    x.val("w:szCs", &s);
}

struct Para {
    id: StyleId,
    name: &'static str,
    based_on: Option<StyleId>,
    next: Option<StyleId>,
    /// `<w:pPr>` content.
    ppr: fn(&mut Xml),
    /// `<w:rPr>` content.
    rpr: fn(&mut Xml),
}

/// The paragraph styles, in the order they are written.
fn paragraph_styles() -> Vec<Para> {
    fn heading_ppr(x: &mut Xml, level: u8, center: bool, before: u32, after: u32) {
        x.empty("w:keepNext", &[]);
        x.empty("w:keepLines", &[]);
        x.empty(
            "w:spacing",
            &[
                ("w:before", &before.to_string()),
                ("w:after", &after.to_string()),
                ("w:line", "240"),
                ("w:lineRule", "auto"),
            ],
        );
        x.val("w:jc", if center { "center" } else { "left" });
        x.val("w:outlineLvl", &(level - 1).to_string());
    }
    fn heading_rpr(x: &mut Xml, half_points: u32) {
        fonts(x, HEI);
        x.empty("w:b", &[]);
        x.empty("w:bCs", &[]);
        x.val("w:kern", "44");
        size(x, half_points);
    }
    vec![
        Para {
            id: StyleId::Normal,
            name: "Normal",
            based_on: None,
            next: None,
            ppr: |x| {
                x.empty("w:widowControl", &[("w:val", "0")]);
                x.empty(
                    "w:spacing",
                    &[("w:after", "0"), ("w:line", "300"), ("w:lineRule", "auto")],
                );
                x.val("w:jc", "both");
            },
            rpr: |x| {
                fonts(x, SONG);
                x.val("w:kern", "2");
                size(x, 21);
                x.empty(
                    "w:lang",
                    &[
                        ("w:val", "en-US"),
                        ("w:eastAsia", "zh-CN"),
                        ("w:bidi", "ar-SA"),
                    ],
                );
            },
        },
        Para {
            id: StyleId::Heading1,
            name: "heading 1",
            based_on: Some(StyleId::Normal),
            next: Some(StyleId::Normal),
            ppr: |x| heading_ppr(x, 1, true, 240, 240),
            rpr: |x| heading_rpr(x, 32),
        },
        Para {
            id: StyleId::Heading2,
            name: "heading 2",
            based_on: Some(StyleId::Normal),
            next: Some(StyleId::Normal),
            ppr: |x| heading_ppr(x, 2, false, 240, 180),
            rpr: |x| heading_rpr(x, 24),
        },
        Para {
            id: StyleId::Heading3,
            name: "heading 3",
            based_on: Some(StyleId::Normal),
            next: Some(StyleId::Normal),
            ppr: |x| heading_ppr(x, 3, false, 200, 120),
            rpr: |x| heading_rpr(x, 24),
        },
        Para {
            id: StyleId::CoverTitle,
            name: "Title",
            based_on: Some(StyleId::Normal),
            next: Some(StyleId::Normal),
            ppr: |x| {
                x.empty("w:spacing", &[("w:after", "0")]);
                x.val("w:jc", "center");
            },
            rpr: |x| {
                fonts(x, HEI);
                x.empty("w:b", &[]);
                x.empty("w:bCs", &[]);
                size(x, 44);
            },
        },
        Para {
            id: StyleId::CoverLine,
            name: "封面文字",
            based_on: Some(StyleId::Normal),
            next: None,
            ppr: |x| {
                x.val("w:jc", "center");
            },
            rpr: |x| size(x, 32),
        },
        Para {
            id: StyleId::BodyText,
            name: "正文（首行缩进）",
            based_on: Some(StyleId::Normal),
            next: None,
            ppr: |x| {
                x.empty("w:spacing", &[("w:after", "120")]);
                x.empty(
                    "w:ind",
                    &[("w:firstLineChars", "200"), ("w:firstLine", "420")],
                );
            },
            rpr: |_| {},
        },
        Para {
            id: StyleId::TableText,
            name: "表格文字",
            based_on: Some(StyleId::Normal),
            next: None,
            ppr: |x| {
                x.empty(
                    "w:spacing",
                    &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
                );
                x.val("w:jc", "center");
            },
            rpr: |x| size(x, 20),
        },
        Para {
            id: StyleId::UnitLine,
            name: "单位行",
            based_on: Some(StyleId::Normal),
            next: None,
            ppr: |x| {
                x.empty(
                    "w:spacing",
                    &[("w:after", "60"), ("w:line", "240"), ("w:lineRule", "auto")],
                );
                x.val("w:jc", "left");
            },
            rpr: |x| size(x, 20),
        },
        Para {
            id: StyleId::Separator,
            name: "表间分隔",
            based_on: Some(StyleId::Normal),
            next: None,
            ppr: |x| {
                x.empty(
                    "w:spacing",
                    &[
                        ("w:before", "0"),
                        ("w:after", "0"),
                        ("w:line", "20"),
                        ("w:lineRule", "exact"),
                    ],
                );
            },
            rpr: |x| size(x, 2),
        },
        Para {
            id: StyleId::Footer,
            name: "footer",
            based_on: Some(StyleId::Normal),
            next: None,
            ppr: |x| {
                x.val("w:jc", "center");
            },
            rpr: |x| size(x, 18),
        },
    ]
}

/// The built-in character and table styles: id, name, element.
const OTHER_STYLES: &[(&str, &str, &str)] = &[
    (
        "DefaultParagraphFont",
        "Default Paragraph Font",
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    ),
    (
        "TableNormal",
        "Normal Table",
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    ),
    (
        "TableGrid",
        "Table Grid",
        "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders></w:tblPr></w:style>",
    ),
];

/// Every built-in style as (name, id), for matching a reference document's styles.
pub fn builtin_names() -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = paragraph_styles()
        .iter()
        .map(|p| (p.name, p.id.id()))
        .collect();
    out.extend(OTHER_STYLES.iter().map(|(id, name, _)| (*name, *id)));
    out
}

/// Each built-in style by id, as the `<w:style>` element; `map` gives the ids the styles
/// they are based on have (a reference document's own, when it has them).
pub fn builtin_styles(map: &StyleMap) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for p in paragraph_styles() {
        let mut x = Xml::default();
        let mut attrs = vec![("w:type", "paragraph")];
        if p.id == StyleId::Normal {
            attrs.push(("w:default", "1"));
        }
        attrs.push(("w:styleId", p.id.id()));
        x.open("w:style", &attrs);
        x.val("w:name", p.name);
        if let Some(base) = p.based_on {
            x.val("w:basedOn", map.id(base));
        }
        if let Some(next) = p.next {
            x.val("w:next", map.id(next));
        }
        x.empty("w:qFormat", &[]);
        x.open("w:pPr", &[]);
        (p.ppr)(&mut x);
        x.close("w:pPr");
        x.open("w:rPr", &[]);
        (p.rpr)(&mut x);
        x.close("w:rPr");
        x.close("w:style");
        out.push((p.id.id(), x.finish()));
    }
    out.extend(
        OTHER_STYLES
            .iter()
            .map(|(id, _, xml)| (*id, (*xml).to_string())),
    );
    out
}

/// The built-in `word/styles.xml`.
pub fn styles_xml() -> String {
    let mut x = Xml::part();
    x.open("w:styles", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]).open("w:rPr", &[]);
    fonts(&mut x, SONG);
    size(&mut x, 21);
    x.empty(
        "w:lang",
        &[
            ("w:val", "en-US"),
            ("w:eastAsia", "zh-CN"),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.close("w:rPr").close("w:rPrDefault");
    x.raw("<w:pPrDefault/>");
    x.close("w:docDefaults");
    for (_, style) in builtin_styles(&StyleMap::builtin()) {
        x.raw(&style);
    }
    x.close("w:styles");
    x.finish()
}

/// `word/fontTable.xml`: 宋体 and 黑体 by their Chinese and Windows names, each with the
/// bundled Noto Serif CJK SC as the alternative where they are not installed.
pub fn font_table_xml() -> String {
    let mut x = Xml::part();
    x.open("w:fonts", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
    for (name, windows, panose) in [
        (SONG, "SimSun", "02010600030101010101"),
        (HEI, "SimHei", "02010609060101010101"),
    ] {
        x.open("w:font", &[("w:name", name)]);
        x.val("w:altName", &format!("{windows},{FALLBACK}"));
        x.val("w:panose1", panose);
        x.val("w:charset", "86");
        x.val("w:family", "auto");
        x.val("w:pitch", "variable");
        x.close("w:font");
    }
    x.open("w:font", &[("w:name", FALLBACK)]);
    x.val("w:charset", "86");
    x.val("w:family", "roman");
    x.val("w:pitch", "variable");
    x.close("w:font");
    x.close("w:fonts");
    x.finish()
}
