//! Comments survive `jixiao fmt`: the formatted text is the model written anew, and the
//! comments of the old text are put back beside the keys and items they were written
//! at. A comment on its own line moves with the key or list item below it, a comment
//! after a value stays on that key's line; one that cannot be placed is an error (the
//! caller then leaves the file alone).

use std::collections::BTreeMap;

use crate::load::yaml;

/// The formatted text `new` with the comments of `old` put back (`new` itself when `old`
/// has none), or the line of a comment that cannot be placed.
pub fn carry(old: &str, new: &str) -> Result<String, usize> {
    let found = comments(old);
    if found.is_empty() {
        return Ok(new.to_string());
    }
    carry_comments(old, &found, new)
}

/// A comment in a YAML file (other than the schema line).
struct Comment {
    /// 1-based line.
    line: usize,
    /// Byte offset of the `#`.
    offset: usize,
    /// The comment from `#` to the end of the line.
    text: String,
    /// Written after a value on the same line, not on a line of its own.
    trailing: bool,
}

/// The comments of a file: each `#` at the start of a line or after a blank that is not
/// inside any scalar.
fn comments(text: &str) -> Vec<Comment> {
    let mut inside: Vec<(usize, usize)> = Vec::new();
    if let Ok(root) = yaml::parse(0, text) {
        collect_spans(&root, &mut inside);
    }
    let skip = if text.starts_with("# yaml-language-server:") {
        text.find('\n').map_or(text.len(), |i| i + 1)
    } else {
        0
    };
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = skip;
    while i < bytes.len() {
        let starts = i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n');
        if bytes[i] == b'#' && starts && !inside.iter().any(|&(s, e)| s <= i && i < e) {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
            out.push(Comment {
                line: text[..i].matches('\n').count() + 1,
                offset: i,
                text: text[i..end].trim_end().to_string(),
                trailing: !text[line_start..i].trim().is_empty(),
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Where each key and sequence item of a file starts: (byte offset, path).
fn anchors(node: &yaml::Node, path: &mut Vec<String>, out: &mut Vec<(usize, Vec<String>)>) {
    match &node.kind {
        yaml::NodeKind::Map(entries) => {
            for (k, v) in entries {
                path.push(k.value.clone());
                out.push((k.span.start, path.clone()));
                anchors(v, path, out);
                path.pop();
            }
        }
        yaml::NodeKind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(format!("[{i}]"));
                out.push((item.span.start, path.clone()));
                anchors(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Puts the comments of `old` into the formatted `new`: the header comments before the
/// first key stay at the top, a comment on its own line goes above the key or item that
/// followed it, indented like that line; a comment after a value stays at the end of that
/// key's line. Fails with the line of a comment that cannot be placed (or of the first
/// comment when the result would not be the same YAML).
fn carry_comments(old: &str, found: &[Comment], new: &str) -> Result<String, usize> {
    let first_line = found.first().map_or(1, |c| c.line);
    let old_root = yaml::parse(0, old).map_err(|_| first_line)?;
    let new_root = yaml::parse(0, new).map_err(|_| first_line)?;
    let mut old_anchors = Vec::new();
    anchors(&old_root, &mut Vec::new(), &mut old_anchors);
    old_anchors.sort_by_key(|(offset, path)| (*offset, path.len()));
    let mut new_anchors = Vec::new();
    anchors(&new_root, &mut Vec::new(), &mut new_anchors);
    let line_of = |text: &str, offset: usize| text[..offset].matches('\n').count();
    let new_line: std::collections::HashMap<&Vec<String>, usize> = new_anchors
        .iter()
        .map(|(offset, path)| (path, line_of(new, *offset)))
        .collect();
    let lines: Vec<&str> = new.lines().collect();
    let mut above: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut after: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut at_end: Vec<String> = Vec::new();
    // Comments before the first key are the file's header: they stay at the top.
    let first_anchor = old_anchors.first().map_or(usize::MAX, |(o, _)| *o);
    let top = usize::from(new.starts_with("# yaml-language-server:"));
    for c in found {
        if !c.trailing && c.offset < first_anchor {
            above.entry(top).or_default().push(c.text.clone());
            continue;
        }
        let target = if c.trailing {
            // The key or item that starts on the comment's line.
            let line = line_of(old, c.offset);
            old_anchors
                .iter()
                .filter(|(o, _)| line_of(old, *o) == line)
                .find_map(|(_, p)| new_line.get(p).copied())
        } else {
            old_anchors
                .iter()
                .filter(|(o, _)| *o > c.offset)
                .find_map(|(_, p)| new_line.get(p).copied())
        };
        match (target, c.trailing) {
            (Some(line), true) => after.entry(line).or_default().push(c.text.clone()),
            (Some(line), false) => above.entry(line).or_default().push(c.text.clone()),
            (None, true) => return Err(c.line),
            (None, false) => at_end.push(c.text.clone()),
        }
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(block) = above.get(&i) {
            let indent = line.len() - line.trim_start().len();
            for c in block {
                out.push_str(&" ".repeat(indent));
                out.push_str(c);
                out.push('\n');
            }
        }
        out.push_str(line);
        if let Some(tail) = after.get(&i) {
            for c in tail {
                out.push(' ');
                out.push_str(c);
            }
        }
        out.push('\n');
    }
    for c in at_end {
        out.push_str(&c);
        out.push('\n');
    }
    // The comments must all be there, and the data must be exactly the formatted data.
    let result = yaml::parse(0, &out).map_err(|_| first_line)?;
    if comments(&out).len() == found.len() && same_tree(&result, &new_root) {
        Ok(out)
    } else {
        Err(first_line)
    }
}

/// Two node trees hold the same data (spans aside).
fn same_tree(a: &yaml::Node, b: &yaml::Node) -> bool {
    use yaml::NodeKind::*;
    match (&a.kind, &b.kind) {
        (Map(x), Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka.value == kb.value && same_tree(va, vb))
        }
        (Seq(x), Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_tree(p, q)),
        (
            Scalar {
                text: t1,
                is_str: s1,
            },
            Scalar {
                text: t2,
                is_str: s2,
            },
        ) => t1 == t2 && s1 == s2,
        (Null, Null) => true,
        _ => false,
    }
}

fn collect_spans(node: &yaml::Node, out: &mut Vec<(usize, usize)>) {
    match &node.kind {
        yaml::NodeKind::Map(entries) => {
            for (k, v) in entries {
                out.push((k.span.start, k.span.end));
                collect_spans(v, out);
            }
        }
        yaml::NodeKind::Seq(items) => items.iter().for_each(|x| collect_spans(x, out)),
        yaml::NodeKind::Scalar { .. } => out.push((node.span.start, node.span.end)),
        yaml::NodeKind::Null => {}
    }
}
