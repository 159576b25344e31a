//! A small, bounded XML tree for the parts of a Word package.
//!
//! quick-xml reads the events; this module keeps elements by their local name (the
//! `w:` prefix dropped: WordprocessingML has one meaning per local name in the places
//! jixiao reads), their attributes by local name, and the text between them. Depth and
//! element count are bounded so that a hostile file cannot exhaust memory or the stack.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// The deepest element nesting accepted (Word documents nest a few dozen levels).
pub const MAX_DEPTH: usize = 256;
/// The most elements accepted in one part.
pub const MAX_ELEMENTS: usize = 4_000_000;

#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// An attribute by local name (`w:val` → `val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// `w:val` of the child element `name`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// The text directly inside this element.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for n in &self.children {
            if let Node::Text(t) = n {
                out.push_str(t);
            }
        }
        out
    }
}

/// Why a part could not be read.
#[derive(Debug)]
pub enum XmlError {
    /// Not well-formed XML, near this byte offset (the parser's own message is English
    /// and is not shown).
    Syntax(u64),
    /// Nesting deeper than [`MAX_DEPTH`] or more than [`MAX_ELEMENTS`] elements.
    TooLarge(&'static str),
}

/// Whether an OOXML on/off property is on: absent `val`, or `true`/`1`/`on`.
pub fn on(e: &Element) -> bool {
    !matches!(e.attr("val"), Some("false" | "0" | "off" | "none"))
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

fn element(start: &BytesStart) -> Result<Element, XmlError> {
    let name = local(start.name().as_ref()).to_string();
    let mut attrs = Vec::new();
    for a in start.attributes().with_checks(false) {
        let a = a.map_err(|_| XmlError::Syntax(0))?;
        let key = local(a.key.as_ref()).to_string();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|_| XmlError::Syntax(0))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// Parses a whole part into its root element.
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut count = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|_| XmlError::Syntax(reader.error_position()))?;
        match event {
            Event::Start(s) => {
                count += 1;
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError::TooLarge("嵌套层数"));
                }
                if count > MAX_ELEMENTS {
                    return Err(XmlError::TooLarge("元素个数"));
                }
                stack.push(element(&s)?);
            }
            Event::Empty(s) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(XmlError::TooLarge("元素个数"));
                }
                let e = element(&s)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(e));
                }
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| XmlError::Syntax(reader.buffer_position()))?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Element(done)),
                    None => {
                        return Err(XmlError::Syntax(reader.buffer_position()));
                    }
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    push_text(top, &t.xml10_content());
                }
            }
            Event::CData(t) => {
                let s = t.into_inner().into_owned();
                if let Some(top) = stack.last_mut() {
                    push_text(top, &s);
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match r.xml10_content().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => {
                            return Err(XmlError::Syntax(reader.buffer_position()));
                        }
                    },
                    Err(_) => {
                        return Err(XmlError::Syntax(reader.buffer_position()));
                    }
                };
                if let Some(top) = stack.last_mut() {
                    push_text(top, &c);
                }
            }
            Event::DocType(_) => {
                // Entity declarations are how "billion laughs" files start; Word never
                // writes a DTD.
                return Err(XmlError::Syntax(reader.buffer_position()));
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(XmlError::Syntax(reader.buffer_position()));
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or(XmlError::Syntax(0))
}

fn push_text(e: &mut Element, s: &str) {
    if let Some(Node::Text(t)) = e.children.last_mut() {
        t.push_str(s);
    } else {
        e.children.push(Node::Text(s.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_text_and_references() {
        let root = parse(
            r#"<?xml version="1.0"?><w:p xmlns:w="x"><w:r><w:t xml:space="preserve"> a&amp;b&#x4E00;</w:t></w:r><w:tab/></w:p>"#,
        )
        .unwrap();
        assert_eq!(root.name, "p");
        let t = root.child("r").unwrap().child("t").unwrap();
        assert_eq!(t.text(), " a&b一");
        assert_eq!(t.attr("space"), Some("preserve"));
        assert!(root.child("tab").is_some());
    }

    #[test]
    fn bad_and_hostile_xml_is_refused() {
        assert!(matches!(parse("<a><b></a>"), Err(XmlError::Syntax(..))));
        assert!(matches!(parse("<a>"), Err(XmlError::Syntax(..))));
        assert!(matches!(
            parse("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"),
            Err(XmlError::Syntax(..))
        ));
        let deep = "<a>".repeat(MAX_DEPTH + 2) + &"</a>".repeat(MAX_DEPTH + 2);
        assert!(matches!(parse(&deep), Err(XmlError::TooLarge(_))));
    }
}
