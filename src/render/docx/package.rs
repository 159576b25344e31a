//! The .docx package: every part in a fixed order, with fixed zip timestamps and core
//! properties taken from the document's date, so the same input gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::body::FOOTER_REL;
use super::reference::{Reference, StyleMap};
use super::styles::{self, R_NS, StyleId, W_NS};
use super::xml::Xml;

/// What one .docx holds besides its body.
pub struct Package<'a> {
    /// `<w:body>` content, ending with the last `<w:sectPr>`.
    pub body: Xml,
    pub title: &'a str,
    /// The publishing unit (`dc:creator`).
    pub creator: &'a str,
    pub keywords: Vec<String>,
    /// The date of the document, `(year, month, day)`; core properties and zip entries
    /// carry it, at midnight UTC.
    pub date: (i32, u8, u8),
    /// Custom properties (name, value): the document's settings, for `jixiao import`.
    pub custom: Vec<(String, String)>,
    pub styles: &'a StyleMap,
    pub reference: Option<&'a Reference>,
}

const CONTENT_TYPES_NS: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML_CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

impl Package<'_> {
    /// The zipped package.
    pub fn write(&self) -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let (y, m, d) = self.date;
        let stamp = u16::try_from(y)
            .ok()
            .and_then(|y| DateTime::from_date_and_time(y, m, d, 0, 0, 0).ok())
            .unwrap_or(DateTime::DEFAULT);
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(stamp)
            .unix_permissions(0o644);
        for (name, bytes) in self.parts() {
            zip.start_file(name, options)?;
            zip.write_all(&bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    }

    /// Every part by name, `[Content_Types].xml` first.
    fn parts(&self) -> Vec<(&'static str, Vec<u8>)> {
        let theme = self.reference.and_then(|r| r.theme.clone());
        let numbering = self.reference.and_then(|r| r.numbering.clone());
        let mut parts = vec![
            (
                "[Content_Types].xml",
                content_types(theme.is_some(), numbering.is_some()).into_bytes(),
            ),
            ("_rels/.rels", package_rels().into_bytes()),
            ("docProps/core.xml", self.core().into_bytes()),
            ("docProps/app.xml", app().into_bytes()),
            ("docProps/custom.xml", self.custom_xml().into_bytes()),
            ("word/document.xml", self.document().into_bytes()),
            (
                "word/_rels/document.xml.rels",
                document_rels(theme.is_some(), numbering.is_some()).into_bytes(),
            ),
            (
                "word/styles.xml",
                match self.reference {
                    Some(r) => r.styles.clone(),
                    None => styles::styles_xml(),
                }
                .into_bytes(),
            ),
            ("word/settings.xml", settings().into_bytes()),
            ("word/fontTable.xml", styles::font_table_xml().into_bytes()),
            ("word/footer1.xml", self.footer().into_bytes()),
        ];
        if let Some(theme) = theme {
            parts.push(("word/theme/theme1.xml", theme));
        }
        if let Some(numbering) = numbering {
            parts.push(("word/numbering.xml", numbering));
        }
        parts
    }

    fn document(&self) -> String {
        let mut x = Xml::part();
        x.open("w:document", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
        x.open("w:body", &[]);
        x.raw(self.body_markup());
        x.close("w:body");
        x.close("w:document");
        x.finish()
    }

    fn body_markup(&self) -> &str {
        self.body.as_str()
    }

    /// 第 N 页 / 共 M 页, as the PDF prints it.
    fn footer(&self) -> String {
        let mut x = Xml::part();
        x.open("w:ftr", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        x.val("w:pStyle", self.styles.id(StyleId::Footer));
        x.val("w:jc", "center");
        x.close("w:pPr");
        x.raw("<w:r><w:t xml:space=\"preserve\">第 </w:t></w:r>");
        field(&mut x, "PAGE");
        x.raw("<w:r><w:t xml:space=\"preserve\"> 页 / 共 </w:t></w:r>");
        field(&mut x, "NUMPAGES");
        x.raw("<w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r>");
        x.close("w:p");
        x.close("w:ftr");
        x.finish()
    }

    fn core(&self) -> String {
        let (y, m, d) = self.date;
        let when = format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
        let mut x = Xml::part();
        x.open(
            "cp:coreProperties",
            &[
                (
                    "xmlns:cp",
                    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                ),
                ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ],
        );
        x.element("dc:title", &[], self.title);
        x.element("dc:creator", &[], self.creator);
        x.element("cp:keywords", &[], &self.keywords.join("，"));
        x.element("dc:language", &[], "zh-CN");
        x.element("cp:lastModifiedBy", &[], self.creator);
        x.element("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &when);
        x.element("dcterms:modified", &[("xsi:type", "dcterms:W3CDTF")], &when);
        x.close("cp:coreProperties");
        x.finish()
    }

    fn custom_xml(&self) -> String {
        let mut x = Xml::part();
        x.open(
            "Properties",
            &[
                (
                    "xmlns",
                    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
                ),
                (
                    "xmlns:vt",
                    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
                ),
            ],
        );
        for (i, (name, value)) in self.custom.iter().enumerate() {
            let pid = (i + 2).to_string();
            x.open(
                "property",
                &[
                    ("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
                    ("pid", &pid),
                    ("name", name),
                ],
            );
            x.element("vt:lpwstr", &[], value);
            x.close("property");
        }
        x.close("Properties");
        x.finish()
    }
}

/// A complex field (`PAGE`, `NUMPAGES`) with `1` as its last result.
fn field(x: &mut Xml, instruction: &str) {
    x.raw("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>");
    x.open("w:r", &[]);
    x.element(
        "w:instrText",
        &[("xml:space", "preserve")],
        &format!(" {instruction} "),
    );
    x.close("w:r");
    x.raw("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
    x.raw("<w:r><w:t>1</w:t></w:r>");
    x.raw("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

fn content_types(theme: bool, numbering: bool) -> String {
    let mut x = Xml::part();
    x.open("Types", &[("xmlns", CONTENT_TYPES_NS)]);
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let mut over = |part: &str, ct: String| {
        x.empty("Override", &[("PartName", part), ("ContentType", &ct)]);
    };
    over("/word/document.xml", format!("{WML_CT}.document.main+xml"));
    over("/word/styles.xml", format!("{WML_CT}.styles+xml"));
    over("/word/settings.xml", format!("{WML_CT}.settings+xml"));
    over("/word/fontTable.xml", format!("{WML_CT}.fontTable+xml"));
    over("/word/footer1.xml", format!("{WML_CT}.footer+xml"));
    if theme {
        over(
            "/word/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml".into(),
        );
    }
    if numbering {
        over("/word/numbering.xml", format!("{WML_CT}.numbering+xml"));
    }
    over(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml".into(),
    );
    over(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
    );
    over(
        "/docProps/custom.xml",
        "application/vnd.openxmlformats-officedocument.custom-properties+xml".into(),
    );
    x.close("Types");
    x.finish()
}

fn relationships(rels: &[(&str, String, &str)]) -> String {
    let mut x = Xml::part();
    x.open("Relationships", &[("xmlns", RELS_NS)]);
    for (id, kind, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.close("Relationships");
    x.finish()
}

fn package_rels() -> String {
    relationships(&[
        (
            "rId1",
            format!("{OFFICE_REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .into(),
            "docProps/core.xml",
        ),
        (
            "rId3",
            format!("{OFFICE_REL}/extended-properties"),
            "docProps/app.xml",
        ),
        (
            "rId4",
            format!("{OFFICE_REL}/custom-properties"),
            "docProps/custom.xml",
        ),
    ])
}

fn document_rels(theme: bool, numbering: bool) -> String {
    let mut rels = vec![
        ("rIdStyles", format!("{OFFICE_REL}/styles"), "styles.xml"),
        (
            "rIdSettings",
            format!("{OFFICE_REL}/settings"),
            "settings.xml",
        ),
        (
            "rIdFonts",
            format!("{OFFICE_REL}/fontTable"),
            "fontTable.xml",
        ),
        (FOOTER_REL, format!("{OFFICE_REL}/footer"), "footer1.xml"),
    ];
    if theme {
        rels.push((
            "rIdTheme",
            format!("{OFFICE_REL}/theme"),
            "theme/theme1.xml",
        ));
    }
    if numbering {
        rels.push((
            "rIdNumbering",
            format!("{OFFICE_REL}/numbering"),
            "numbering.xml",
        ));
    }
    relationships(&rels)
}

fn app() -> String {
    let mut x = Xml::part();
    x.open(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
    );
    x.element("Application", &[], crate::version::GENERATOR);
    x.close("Properties");
    x.finish()
}

/// Word 2013+ layout (no compatibility mode), Chinese punctuation compression.
fn settings() -> String {
    let mut x = Xml::part();
    x.open("w:settings", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    x.val("w:defaultTabStop", "420");
    x.val("w:characterSpacingControl", "compressPunctuation");
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.empty(
        "w:themeFontLang",
        &[("w:val", "en-US"), ("w:eastAsia", "zh-CN")],
    );
    x.close("w:settings");
    x.finish()
}
