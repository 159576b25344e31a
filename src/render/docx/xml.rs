//! The one place the Word backend turns text into XML: every element, attribute and
//! character of user text goes through [`Xml`], so nothing a user writes (`<`, `&`, quotes,
//! control characters) can break the markup.

/// An XML document being written, element by element.
#[derive(Default)]
pub struct Xml {
    out: String,
}

impl Xml {
    /// A part starting with the XML declaration every OOXML part carries.
    pub fn part() -> Self {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"),
        }
    }

    /// `<name a="v" …>`.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(name, attrs);
        self.out.push('>');
        self
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// `<name a="v" …/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(name, attrs);
        self.out.push_str("/>");
        self
    }

    /// `<name w:val="v"/>`, the shape of most WordprocessingML properties.
    pub fn val(&mut self, name: &str, value: &str) -> &mut Self {
        self.empty(name, &[("w:val", value)])
    }

    /// `<name>text</name>` with the text escaped.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(name, attrs);
        self.text(text);
        self.close(name)
    }

    /// Escaped character data.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text, false);
        self
    }

    /// Markup written by the backend itself (fixed fragments, never user text).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// The markup written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
    }
}

/// Appends `text` escaped for XML 1.0. Characters XML cannot hold at all (C0 controls other
/// than tab, line feed and carriage return; U+FFFE and U+FFFF) are dropped; the model's text
/// never has them in a meaningful place, and one would make the file unreadable.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `text` escaped for XML character data.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_open_markup() {
        let mut x = Xml::default();
        x.element("w:t", &[("a", "\"<&>\"")], "1<2 & 3>2 \u{1} ok");
        assert_eq!(
            x.finish(),
            "<w:t a=\"&quot;&lt;&amp;&gt;&quot;\">1&lt;2 &amp; 3&gt;2  ok</w:t>"
        );
    }
}
