//! The index page of a tree build: one row per document with links to its outputs and to
//! the consolidated volume.

use super::volume::Volume;

/// Format names in link order, with the label shown for each.
const LINKS: &[(&str, &str)] = &[("pdf", "PDF"), ("html", "网页"), ("text", "文本")];

/// The index page for a volume; `volume_files` are the volume outputs written beside it.
pub fn render_html(volume: &Volume, volume_files: &[(String, String)]) -> String {
    let mut rows = String::new();
    for (i, doc) in volume.documents.iter().enumerate() {
        let links: Vec<String> = LINKS
            .iter()
            .filter_map(|(format, label)| {
                let path = doc.outputs.get(*format)?;
                Some(format!("<a href=\"{}\">{label}</a>", escape(path)))
            })
            .collect();
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
            i + 1,
            escape(&doc.view.unit_name),
            escape(&doc.view.title),
            doc.view.tables.len(),
            links.join(" ")
        ));
    }
    let volume_links: Vec<String> = volume_files
        .iter()
        .map(|(path, label)| format!("<a href=\"{}\">{}</a>", escape(path), escape(label)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<style>\n\
body {{ font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif; margin: 2em auto; max-width: 60em; padding: 0 1em; }}\n\
table {{ border-collapse: collapse; width: 100%; }}\n\
th, td {{ border: 1px solid #888; padding: .3em .5em; text-align: left; }}\n\
td.n {{ text-align: right; }}\n\
</style>\n</head>\n<body>\n<h1>{title}</h1>\n\
<p>共 {docs} 份文档、{tables} 张绩效目标表。{volume}</p>\n\
<table>\n<thead><tr><th>序号</th><th>单位</th><th>文档</th><th>表数</th><th>下载</th></tr></thead>\n\
<tbody>\n{rows}</tbody>\n</table>\n</body>\n</html>\n",
        title = escape(&volume.title),
        docs = volume.documents.len(),
        tables = volume.table_count,
        volume = if volume_links.is_empty() {
            String::new()
        } else {
            format!("汇编：{}", volume_links.join(" "))
        },
    )
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
