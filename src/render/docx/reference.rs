//! A province's reference document, as pandoc's `--reference-doc`: a .docx in the
//! document folder's (or tree's) `templates/docx/reference.docx` whose `word/styles.xml`
//! replaces jixiao's styles. Styles are matched by their name (`heading 1`, `Normal`,
//! `表格文字`…), since Word localizes style ids (a Chinese Word names heading 1 `1`); the
//! styles the reference lacks are added from jixiao's, so every paragraph keeps a style.
//! The reference's theme and numbering parts come along, since its styles may use them.
//!
//! The file comes from the user: it is read with bounds (size of the file and of each
//! part), and anything wrong with it is a W001 diagnostic naming the file, never a panic
//! or a damaged output.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::styles::{self, StyleId};
use crate::check::rules;
use crate::diag::Diagnostic;

/// Where a document folder or tree keeps its reference document.
pub const OVERRIDE_PATH: &str = "templates/docx/reference.docx";

/// Bounds on what is read from a reference document.
const MAX_FILE: u64 = 50 * 1024 * 1024;
const MAX_PART: u64 = 16 * 1024 * 1024;

/// The parts taken from a reference document.
#[derive(Clone, Debug)]
pub struct Reference {
    /// Its `word/styles.xml`, with the styles it lacks added.
    pub styles: String,
    /// Its `word/theme/theme1.xml`, when it has one.
    pub theme: Option<Vec<u8>>,
    /// Its `word/numbering.xml`, when it has one.
    pub numbering: Option<Vec<u8>>,
}

/// The style ids the body writes, by jixiao's style: the reference's own ids where it has
/// the style, jixiao's otherwise.
#[derive(Clone, Debug)]
pub struct StyleMap {
    ids: BTreeMap<&'static str, String>,
}

impl StyleMap {
    /// jixiao's own ids.
    pub fn builtin() -> Self {
        StyleMap {
            ids: BTreeMap::new(),
        }
    }

    pub fn id(&self, style: StyleId) -> &str {
        self.ids
            .get(style.id())
            .map(String::as_str)
            .unwrap_or(style.id())
    }
}

/// The reference document in `root`'s `templates/docx/`, if there is one.
pub fn find(root: &Path) -> Option<PathBuf> {
    let path = root.join(OVERRIDE_PATH);
    path.is_file().then_some(path)
}

/// Reads the reference document at `path`.
pub fn load(path: &Path) -> Result<(Reference, StyleMap), Vec<Diagnostic>> {
    let fail = |what: String| {
        vec![
            Diagnostic::of(
                &rules::W001,
                format!("参考文档 {} 无法使用：{what}", path.display()),
            )
            .with_help(
                "参考文档须是 Word 保存的 .docx（“Word 文档”格式，不是“严格 Open XML”）；删除 templates/docx/reference.docx 即使用内置样式",
            ),
        ]
    };
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("无法读取：{}", crate::diag::io_reason(&e))))?
        .len();
    if size > MAX_FILE {
        return Err(fail(format!(
            "文件有 {} MB，超过上限 {} MB",
            size / 1024 / 1024,
            MAX_FILE / 1024 / 1024
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| fail(format!("无法读取：{}", crate::diag::io_reason(&e))))?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("不是 .docx（zip）文件：{}", zip_reason(&e))))?;
    let styles = read_part(&mut zip, "word/styles.xml")
        .map_err(fail)?
        .ok_or_else(|| fail("缺少样式部件 word/styles.xml".into()))?;
    let styles =
        String::from_utf8(styles).map_err(|_| fail("word/styles.xml 不是 UTF-8 编码".into()))?;
    let theme = read_part(&mut zip, "word/theme/theme1.xml").map_err(fail)?;
    let numbering = read_part(&mut zip, "word/numbering.xml").map_err(fail)?;
    let (styles, map) = merge(&styles).map_err(|e| fail(format!("word/styles.xml：{e}")))?;
    Ok((
        Reference {
            styles,
            theme,
            numbering,
        },
        map,
    ))
}

/// Why a zip package could not be opened or read, in Chinese (the zip crate words it in
/// English).
fn zip_reason(e: &zip::result::ZipError) -> String {
    use zip::result::ZipError;
    match e {
        ZipError::Io(e) => crate::diag::io_reason(e),
        ZipError::InvalidArchive(_) => "压缩包已损坏".to_string(),
        ZipError::UnsupportedArchive(_) => "压缩包使用了不支持的格式（如加密）".to_string(),
        ZipError::FileNotFound => "缺少所需的部件".to_string(),
        _ => "压缩包无法读取".to_string(),
    }
}

/// One part's bytes, bounded; `None` when the package has no such part.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("无法读取 {name}：{}", zip_reason(&e))),
    };
    if file.size() > MAX_PART {
        return Err(format!(
            "{name} 解压后有 {} MB，超过上限 {} MB",
            file.size() / 1024 / 1024,
            MAX_PART / 1024 / 1024
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("无法解压 {name}：{}", crate::diag::io_reason(&e)))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(format!(
            "{name} 解压后超过上限 {} MB",
            MAX_PART / 1024 / 1024
        ));
    }
    Ok(Some(bytes))
}

/// A style the reference defines.
struct Found {
    id: String,
    name: String,
    default_paragraph: bool,
}

/// The reference's styles with jixiao's missing ones added, and the id map.
fn merge(text: &str) -> Result<(String, StyleMap), String> {
    let found = scan(text)?;
    let mut map = StyleMap::builtin();
    let by_name: BTreeMap<String, &Found> =
        found.iter().map(|f| (f.name.to_lowercase(), f)).collect();
    let ids: std::collections::BTreeSet<&str> = found.iter().map(|f| f.id.as_str()).collect();
    let has_default = found.iter().any(|f| f.default_paragraph);
    let mut missing = Vec::new();
    for (name, id) in styles::builtin_names() {
        match by_name.get(&name.to_lowercase()) {
            Some(f) => {
                map.ids.insert(id, f.id.clone());
            }
            None if ids.contains(id) => {
                // Same id, another name: the reference's style wins.
            }
            None => missing.push(id),
        }
    }
    let mut added = String::new();
    for (id, xml) in styles::builtin_styles(&map) {
        if !missing.contains(&id) {
            continue;
        }
        let xml = if has_default {
            xml.replacen(" w:default=\"1\"", "", 1)
        } else {
            xml
        };
        added.push_str(&xml);
    }
    let end = text
        .rfind("</w:styles>")
        .ok_or("没有找到结尾的 </w:styles>")?;
    let mut merged = String::with_capacity(text.len() + added.len());
    merged.push_str(&text[..end]);
    merged.push_str(&added);
    merged.push_str(&text[end..]);
    Ok((merged, map))
}

/// Checks that `text` is a well-formed transitional styles part and lists its styles.
fn scan(text: &str) -> Result<Vec<Found>, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut found = Vec::new();
    let mut root = true;
    let mut current: Option<usize> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|_| format!("XML 有误（第 {} 字节附近）", reader.error_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e) if root => {
                root = false;
                if e.name().0 != "w:styles" {
                    return Err(format!("根元素是 <{}>，应为 <w:styles>", e.name().0));
                }
                if attribute(&e, "xmlns:w").as_deref() != Some(styles::W_NS) {
                    return Err(
                        "不是 Word 文档格式的样式（命名空间不同，可能是“严格 Open XML”格式）"
                            .into(),
                    );
                }
            }
            Event::Start(e) if e.name().0 == "w:style" => {
                current = push_style(&mut found, &e);
            }
            Event::Empty(e) if e.name().0 == "w:style" => {
                push_style(&mut found, &e);
            }
            Event::Empty(e) if e.name().0 == "w:name" => {
                if let (Some(i), Some(name)) = (current, attribute(&e, "w:val")) {
                    found[i].name = name;
                }
            }
            Event::End(e) if e.name().0 == "w:style" => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    if root {
        return Err("是空文件".into());
    }
    Ok(found)
}

fn push_style(found: &mut Vec<Found>, e: &BytesStart) -> Option<usize> {
    let id = attribute(e, "w:styleId")?;
    let default_paragraph = attribute(e, "w:type").as_deref() == Some("paragraph")
        && matches!(
            attribute(e, "w:default").as_deref(),
            Some("1" | "true" | "on")
        );
    found.push(Found {
        id,
        name: String::new(),
        default_paragraph,
    });
    Some(found.len() - 1)
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.normalized_value(XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_ids_are_followed_and_missing_styles_added() {
        let text = format!(
            "<?xml version=\"1.0\"?><w:styles xmlns:w=\"{}\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style></w:styles>",
            styles::W_NS
        );
        let (merged, map) = merge(&text).unwrap();
        assert_eq!(map.id(StyleId::Heading1), "1");
        assert_eq!(map.id(StyleId::Normal), "a");
        assert_eq!(map.id(StyleId::TableText), "jixiaoTableText");
        assert!(merged.contains("w:styleId=\"jixiaoTableText\""));
        assert!(merged.contains("<w:basedOn w:val=\"a\"/>"));
        assert!(!merged.contains("w:styleId=\"Heading1\""));
        assert_eq!(merged.matches("w:default=\"1\" w:styleId").count(), 1);
        scan(&merged).unwrap();
    }

    #[test]
    fn broken_styles_are_reported() {
        assert!(scan("<w:styles><w:style></w:styles>").is_err());
        assert!(scan("<styles/>").is_err());
        assert!(scan("").is_err());
    }
}
