//! YAML → a tree of spanned nodes, through serde-saphyr.
//!
//! We read YAML into this small tree first (instead of deserializing straight into the
//! model) so that one file reports all its mistakes at once, duplicate keys point at both
//! places, and numbers keep their exact source text (`416543.39` is never a float).

use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned as SaphyrSpanned;

use crate::check::rules;
use crate::diag::Diagnostic;
use crate::span::{FileId, Span, Spanned};

/// A YAML node with the span of its source text.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum NodeKind {
    /// Entries in source order; duplicate keys are kept so the loader can report them.
    Map(Vec<(Spanned<String>, Node)>),
    Seq(Vec<Node>),
    /// A scalar: `text` is the string value for strings and the exact source text for
    /// numbers and booleans; `is_str` tells them apart.
    Scalar {
        text: String,
        is_str: bool,
    },
    Null,
}

impl Node {
    /// A short Chinese name of the node's type, for "wrong type" messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Map(_) => "映射（键: 值）",
            NodeKind::Seq(_) => "列表",
            NodeKind::Scalar { is_str: true, .. } => "文本",
            NodeKind::Scalar { is_str: false, .. } => "数字或布尔值",
            NodeKind::Null => "空值",
        }
    }
}

/// The tree as serde-saphyr hands it to us, before spans are resolved to byte offsets.
enum RawKind {
    Map(Vec<(SaphyrSpanned<String>, SaphyrSpanned<RawKind>)>),
    Seq(Vec<SaphyrSpanned<RawKind>>),
    Str(String),
    Other,
    Null,
}

impl<'de> Deserialize<'de> for RawKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawKind;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("YAML 节点")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawKind, E> {
        Ok(RawKind::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<RawKind, E> {
        Ok(RawKind::Str(v))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawKind, E> {
        Ok(RawKind::Other)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawKind, E> {
        Ok(RawKind::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawKind, E> {
        Ok(RawKind::Other)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawKind, E> {
        Ok(RawKind::Other)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawKind, E> {
        Ok(RawKind::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawKind, E> {
        Ok(RawKind::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawKind, E> {
        Ok(RawKind::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<RawKind, E> {
        Ok(RawKind::Null)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawKind, A::Error> {
        let mut entries = Vec::new();
        while let Some(k) = m.next_key::<SaphyrSpanned<String>>()? {
            let v = m.next_value::<SaphyrSpanned<RawKind>>()?;
            entries.push((k, v));
        }
        Ok(RawKind::Map(entries))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<RawKind, A::Error> {
        let mut items = Vec::new();
        while let Some(x) = s.next_element::<SaphyrSpanned<RawKind>>()? {
            items.push(x);
        }
        Ok(RawKind::Seq(items))
    }
}

/// Node trees of files kept between loads: a file whose text is unchanged is not parsed
/// again (the language server reloads a document on every keystroke in one of its files).
#[derive(Default)]
pub struct ParseCache {
    trees: std::collections::HashMap<FileId, (String, Arc<Result<Node, Diagnostic>>)>,
}

impl ParseCache {
    /// The tree of `text` as file `file`: the earlier one when the file had this text.
    pub fn parse(&mut self, file: FileId, text: &str) -> Arc<Result<Node, Diagnostic>> {
        if let Some((old, tree)) = self.trees.get(&file)
            && old == text
        {
            return Arc::clone(tree);
        }
        let tree = Arc::new(parse(file, text));
        self.trees
            .insert(file, (text.to_string(), Arc::clone(&tree)));
        tree
    }
}

/// Parses one YAML file into a node tree, or a syntax diagnostic.
pub fn parse(file: FileId, text: &str) -> Result<Node, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Node {
            kind: NodeKind::Null,
            span: Span::file_start(file),
        });
    }
    let mut options = serde_saphyr::options::Options::default();
    options.duplicate_keys = serde_saphyr::options::DuplicateKeyPolicy::PassThrough;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<SaphyrSpanned<RawKind>>(text, options) {
        Ok(raw) => Ok(resolve(file, text, raw)),
        Err(err) => {
            let offset = err
                .location()
                .and_then(|l| match l.span().byte_offset() {
                    Some(o) if o > 0 || (l.line() <= 1 && l.column() <= 1) => Some(o as usize),
                    _ => offset_of(text, l.line() as usize, l.column() as usize),
                })
                .unwrap_or(0)
                .min(text.len());
            let end = next_char_boundary(text, offset);
            let (label, help) = library_message(&err).unwrap_or_else(|| {
                (
                    syntax_message(&err.without_snippet().to_string()),
                    "检查缩进（只用空格）、冒号后的空格、括号与引号是否成对".to_string(),
                )
            });
            Err(Diagnostic::of(&rules::L001, "YAML 语法错误")
                .at(Span::new(file, offset, end), label)
                .with_help(help))
        }
    }
}

/// Byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[line_start..];
    let col = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some(line_start + col)
}

/// The parser's refusals that are not syntax errors, in Chinese with the help that fits:
/// a limit of the reader (a "YAML bomb" of nested aliases, an absurdly deep or large
/// file) or a number YAML would read as infinite. `None` for syntax errors.
fn library_message(err: &serde_saphyr::Error) -> Option<(String, String)> {
    use serde_saphyr::Error;
    use serde_saphyr::budget::BudgetBreach;
    let mut err = err;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = err {
        err = error;
    }
    match err {
        Error::Budget { breach, .. } => {
            let what = match breach {
                BudgetBreach::Nodes { nodes } => format!("节点超过 {} 个", nodes.saturating_sub(1)),
                BudgetBreach::Depth { depth } => format!("嵌套达到 {depth} 层"),
                BudgetBreach::Aliases { aliases } => format!("别名（*引用）达到 {aliases} 个"),
                BudgetBreach::AliasAnchorRatio { aliases, anchors } => {
                    format!("{anchors} 个锚点被引用了 {aliases} 次")
                }
                BudgetBreach::Anchors { anchors } => format!("锚点达到 {anchors} 个"),
                BudgetBreach::Documents { documents } => {
                    format!("一个文件里有 {documents} 份 YAML 文档")
                }
                _ => "规模超出上限".to_string(),
            };
            Some((
                format!("文件超出 jixiao 读取 YAML 的上限：{what}"),
                "为防止一个小文件展开成巨量数据（“YAML 炸弹”），jixiao 限制节点数、嵌套深度与别名展开；不要用锚点与别名（&名称、*名称），把内容直接写出来".to_string(),
            ))
        }
        Error::NonFiniteFloat { value, .. } => Some((
            format!("`{value}` 会被 YAML 读作无穷大或非数，不是有效的数值"),
            format!("若这里是文字，请加引号，如 \"{value}\"；若是数值，请写普通的有限数字"),
        )),
        _ => None,
    }
}

/// A serde-saphyr error about a configuration file read straight into Rust types (a
/// custom framework, a scoring method), in Chinese with its line: the reader's limits,
/// serde's `missing field`, `unknown field`, `invalid type` and the syntax errors.
pub fn error_zh(err: &serde_saphyr::Error) -> String {
    let place = err
        .location()
        .map(|l| format!("第 {} 行：", l.line()))
        .unwrap_or_default();
    let what = match library_message(err) {
        Some((message, _)) => message,
        None => {
            let message = err.without_snippet().to_string();
            serde_message(without_position(&message)).unwrap_or_else(|| syntax_message(&message))
        }
    };
    format!("{place}{what}")
}

/// serde's own wording of a value that does not fit the type, in Chinese.
fn serde_message(text: &str) -> Option<String> {
    let names = |list: &str| {
        list.split(", ")
            .map(|n| n.trim_start_matches("one of ").trim_matches('`'))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("、")
    };
    if let Some(rest) = text.strip_prefix("missing field ") {
        return Some(format!("缺少字段 {rest}"));
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        return Some(format!("字段 {rest} 写了两次"));
    }
    for (prefix, what) in [
        ("unknown field ", "未知字段"),
        ("unknown variant ", "未知的取值"),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Some(match rest.split_once(", expected ") {
                Some((name, expected)) => format!("{what} {name}（可用：{}）", names(expected)),
                None => format!("{what} {}", rest.trim_end_matches(", there are no fields")),
            });
        }
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(format!(
            "类型不对：应为{}，这里是{}",
            kind_zh(expected),
            kind_zh(found)
        ));
    }
    // serde-saphyr's own words for a value of the wrong shape.
    for (en, zh) in [
        ("expected string scalar", "类型不对：应为文字"),
        ("expected sequence start", "类型不对：应为列表"),
        ("expected mapping start", "类型不对：应为映射（键: 值）"),
        ("expected scalar", "类型不对：应为单个值，不是列表或映射"),
    ] {
        if text.contains(en) {
            return Some(zh.to_string());
        }
    }
    let scalar = match text.strip_prefix("invalid ") {
        Some("u8" | "u16" | "u32" | "u64" | "usize") => Some("非负整数"),
        Some("i8" | "i16" | "i32" | "i64" | "isize") => Some("整数"),
        Some("floating point") => Some("数字"),
        Some("boolean") => Some("true 或 false"),
        _ => None,
    };
    if let Some(kind) = scalar {
        return Some(format!("类型不对：应为{kind}"));
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ")?;
        let wanted: String = expected
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        return Some(if wanted.is_empty() {
            format!("个数不对：这里有 {found} 个")
        } else {
            format!("个数不对：应为 {wanted} 个，这里有 {found} 个")
        });
    }
    None
}

/// serde's name of a kind of value (`a sequence`, `string "x"`), in Chinese where it is
/// one of the common ones; a type's own name is kept in backquotes.
fn kind_zh(kind: &str) -> String {
    let kind = kind.trim();
    let (head, rest) = kind.split_once(' ').unwrap_or((kind, ""));
    // The value serde quotes after the kind (`string "x"`, `integer 3`), if any.
    let with = |word: &str| {
        if rest.is_empty() {
            word.to_string()
        } else {
            format!("{word} {rest}")
        }
    };
    match head {
        "a" | "an" => kind_zh(rest),
        "sequence" => "列表".into(),
        "map" => "映射（键: 值）".into(),
        "string" | "str" => with("文字"),
        "integer" | "u64" | "i64" => with("整数"),
        "floating" | "f64" => "小数".into(),
        "boolean" => with("真假值"),
        "unit" | "null" => "空值".into(),
        "struct" | "enum" => format!("`{rest}`"),
        _ => format!("`{kind}`"),
    }
}

/// The parser's message without the position it appends or prepends.
fn without_position(message: &str) -> &str {
    let mut text = message.trim();
    for prefix in ["error: ", "error:"] {
        text = text.strip_prefix(prefix).unwrap_or(text);
    }
    if let Some(i) = text.find(" at line ") {
        text = &text[..i];
    }
    if let Some(rest) = text.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        text = rest.1;
    }
    text
}

/// The parser's message without its position (we show that ourselves), in Chinese where
/// we know the wording.
fn syntax_message(message: &str) -> String {
    let text = without_position(message);
    const KNOWN: &[(&str, &str)] = &[
        (
            "illegal placement of ':' indicator",
            "冒号位置不对（可能是缩进错误，或上一行的括号、引号没有闭合）",
        ),
        (
            "mapping values are not allowed",
            "这里不能出现“键: 值”（检查缩进，或给含冒号的文字加引号）",
        ),
        ("did not find expected", "缺少闭合的括号或引号"),
        (
            "found character that cannot start any token",
            "这个字符不能作为 YAML 内容的开头（需要加引号）",
        ),
        ("found a tab", "缩进中有制表符（Tab），YAML 只能用空格缩进"),
        ("invalid indentation", "缩进不正确"),
        ("while scanning a quoted scalar", "引号没有闭合"),
        ("unexpected end", "文件意外结束（括号或引号没有闭合）"),
    ];
    for (en, zh) in KNOWN {
        if text.contains(en) {
            return zh.to_string();
        }
    }
    // A wording we do not know yet: say so in Chinese, with the parser's own words for
    // whoever reports it.
    format!("YAML 无法解析这里（解析器的说明：{text}）")
}

fn next_char_boundary(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map(|c| offset + c.len_utf8())
        .unwrap_or(offset)
}

fn span_of(file: FileId, text: &str, loc: &serde_saphyr::Location) -> Span {
    let sp = loc.span();
    let start = (sp.byte_offset().unwrap_or(0) as usize).min(text.len());
    let end = (start + sp.byte_len().unwrap_or(0) as usize).min(text.len());
    Span::new(file, start, end)
}

fn resolve(file: FileId, text: &str, raw: SaphyrSpanned<RawKind>) -> Node {
    let span = span_of(file, text, &raw.referenced);
    let kind = match raw.value {
        RawKind::Map(entries) => NodeKind::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Spanned::new(k.value, span_of(file, text, &k.referenced));
                    (key, resolve(file, text, v))
                })
                .collect(),
        ),
        RawKind::Seq(items) => {
            NodeKind::Seq(items.into_iter().map(|x| resolve(file, text, x)).collect())
        }
        RawKind::Str(s) => NodeKind::Scalar {
            text: s,
            is_str: true,
        },
        RawKind::Other => NodeKind::Scalar {
            text: text[span.range()].trim().to_string(),
            is_str: false,
        },
        RawKind::Null => NodeKind::Null,
    };
    Node { kind, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Config {
        name: String,
        items: Vec<u32>,
    }

    #[test]
    fn serde_wordings_are_translated() {
        assert_eq!(
            serde_message("invalid type: string \"x\", expected a sequence").as_deref(),
            Some("类型不对：应为列表，这里是文字 \"x\"")
        );
        assert_eq!(
            serde_message("unknown variant `cc`, expected one of `aa`, `bb`").as_deref(),
            Some("未知的取值 `cc`（可用：aa、bb）")
        );
        assert_eq!(
            serde_message("invalid length 1, expected 2 elements").as_deref(),
            Some("个数不对：应为 2 个，这里有 1 个")
        );
        assert_eq!(serde_message("something else"), None);
    }

    #[test]
    fn configuration_errors_are_chinese() {
        for (text, expected) in [
            ("name: x\n", "缺少字段 `items`"),
            (
                "name: x\nitems: []\nnmae: y\n",
                "未知字段 `nmae`（可用：name、items）",
            ),
            ("name: x\nitems: 3\n", "类型不对：应为列表"),
            ("name: [x]\nitems: []\n", "第 1 行：类型不对：应为文字"),
            ("name: x\nitems: [a]\n", "第 2 行：类型不对：应为非负整数"),
            ("name: \"x\nitems: []\n", "缩进不正确"),
        ] {
            let e = serde_saphyr::from_str::<Config>(text).unwrap_err();
            let zh = error_zh(&e);
            assert!(zh.contains(expected), "{text:?}: {zh}");
            for english in ["missing", "unknown", "invalid", "expected"] {
                assert!(!zh.contains(english), "{text:?}: {zh}");
            }
        }
    }
}
