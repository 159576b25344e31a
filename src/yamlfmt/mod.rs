//! The canonical YAML form of a document, written by `jixiao import` and `jixiao fmt`.
//!
//! Keys come in model order (the key lists of `load::convert`), strings are quoted only
//! when YAML would otherwise read them as something else (a number, a boolean, null, a
//! comment, a mapping) or when they hold characters a plain scalar cannot carry, multi-line
//! text is written as a `|` block, and amounts are written exactly as their decimal
//! (`484400.00` keeps its scale). The output depends only on the model, so writing a
//! document that was read from canonical YAML gives back the same bytes.

pub mod comments;

use crate::model::{Allow, Budget, Document, Level1, Level2, Overview, Project, Row, Unit};

/// The schema a written file points editors at, relative to that file.
#[derive(Clone, Debug)]
pub struct SchemaPaths {
    /// For a whole document or a folder's `jixiao.yaml`.
    pub document: String,
    /// For one project file of a document folder.
    pub project: String,
}

impl SchemaPaths {
    /// Paths for a file `depth` folders below the directory that holds `schema/`.
    pub fn at_depth(depth: usize) -> Self {
        let up = "../".repeat(depth);
        SchemaPaths {
            document: format!("{up}schema/jixiao.schema.json"),
            project: format!("{up}schema/project.schema.json"),
        }
    }
}

/// The first line of every written file, for the YAML language server.
pub fn schema_line(path: &str) -> String {
    format!("# yaml-language-server: $schema={path}\n")
}

/// A YAML value tree, in the order it is written.
#[derive(Clone, Debug)]
pub enum Yaml {
    /// Text, quoted or blocked as needed.
    Str(String),
    /// A number or boolean written verbatim.
    Raw(String),
    Map(Vec<(&'static str, Yaml)>),
    /// A mapping whose keys are data (rule codes).
    DataMap(Vec<(String, Yaml)>),
    Seq(Vec<Yaml>),
}

impl Yaml {
    pub fn str(s: &str) -> Yaml {
        Yaml::Str(s.to_string())
    }
}

/// The whole document as one file.
pub fn document_single(doc: &Document, schema: &SchemaPaths) -> String {
    let mut out = schema_line(&schema.document);
    emit_top(&mut out, &document_tree(doc, true));
    out
}

/// The document as a folder: `jixiao.yaml` and one `(file name, text)` per project, named
/// so that sorted order is published order.
pub fn document_folder(doc: &Document, schema: &SchemaPaths) -> (String, Vec<(String, String)>) {
    let mut settings = schema_line(&schema.document);
    emit_top(&mut settings, &document_tree(doc, false));
    let width = doc.projects.len().to_string().len().max(2);
    let projects = doc
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut text = schema_line(&schema.project);
            emit_top(&mut text, &project_tree(p));
            (project_file_name(i + 1, width, &p.name.value), text)
        })
        .collect();
    (settings, projects)
}

/// A readable file name for a project: `01-材料印刷费.yaml`. Characters that are unsafe
/// in file names on common systems are replaced and long names are shortened.
pub fn project_file_name(number: usize, width: usize, name: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut clean = String::new();
    for c in name.chars() {
        let c = match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() || c.is_whitespace() => '-',
            c => c,
        };
        if !(c == '-' && clean.ends_with('-')) {
            clean.push(c);
        }
    }
    let clean: String = clean
        .trim_matches(['-', '.'])
        .chars()
        .take(MAX_CHARS)
        .collect();
    if clean.is_empty() {
        format!("{number:0width$}.yaml")
    } else {
        format!("{number:0width$}-{clean}.yaml")
    }
}

/// The tree of a document; projects are included for the single-file form.
pub fn document_tree(doc: &Document, with_projects: bool) -> Yaml {
    let mut m: Vec<(&'static str, Yaml)> = vec![
        ("year", Yaml::Raw(doc.year.value.to_string())),
        ("amount_unit", Yaml::str(doc.amount_unit.value.label())),
        ("unit", unit_tree(&doc.unit)),
        ("framework", Yaml::str(&doc.framework.value)),
    ];
    if let Some(t) = &doc.title {
        m.push(("title", Yaml::str(&t.value)));
    }
    if let Some(d) = &doc.date {
        m.push(("date", Yaml::str(&d.value)));
    }
    if let Some(o) = &doc.overview {
        m.push(("overview", overview_tree(o)));
    }
    if !doc.rules.is_empty() {
        let rules = doc
            .rules
            .iter()
            .map(|(code, level)| (code.clone(), Yaml::str(level.name())))
            .collect();
        m.push(("rules", Yaml::DataMap(rules)));
    }
    if let Some(s) = &doc.scoring {
        m.push(("scoring", Yaml::str(&s.value)));
    }
    if with_projects {
        m.push((
            "projects",
            Yaml::Seq(doc.projects.iter().map(project_tree).collect()),
        ));
    }
    if let Some(order) = &doc.project_order {
        m.push((
            "project_order",
            Yaml::Seq(order.iter().map(|s| Yaml::str(&s.value)).collect()),
        ));
    }
    Yaml::Map(m)
}

fn unit_tree(u: &Unit) -> Yaml {
    let mut m = Vec::new();
    if let Some(c) = &u.code {
        m.push(("code", Yaml::str(&c.value)));
    }
    m.push(("name", Yaml::str(&u.name.value)));
    Yaml::Map(m)
}

fn overview_tree(o: &Overview) -> Yaml {
    Yaml::Map(vec![
        ("overall", Yaml::str(&o.overall.value)),
        (
            "items",
            Yaml::Seq(
                o.items
                    .iter()
                    .map(|i| {
                        Yaml::Map(vec![
                            ("title", Yaml::str(&i.title.value)),
                            ("goal", Yaml::str(&i.goal.value)),
                            ("indicator", Yaml::str(&i.indicator.value)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "safeguards",
            Yaml::Seq(o.safeguards.iter().map(|s| Yaml::str(&s.value)).collect()),
        ),
    ])
}

fn allow_tree(allow: &[Allow]) -> Yaml {
    Yaml::DataMap(
        allow
            .iter()
            .map(|a| (a.code.value.clone(), Yaml::str(&a.reason.value)))
            .collect(),
    )
}

fn budget_tree(b: &Budget) -> Yaml {
    let mut m = vec![("total", Yaml::Raw(b.total.value.to_string()))];
    if let Some(f) = &b.fiscal {
        m.push(("fiscal", Yaml::Raw(f.value.to_string())));
    }
    if let Some(o) = &b.other {
        m.push(("other", Yaml::Raw(o.value.to_string())));
    }
    Yaml::Map(m)
}

/// The tree of one project (an item of `projects`, or a whole project file).
pub fn project_tree(p: &Project) -> Yaml {
    let mut m = Vec::new();
    if let Some(u) = &p.unit {
        m.push(("unit", unit_tree(u)));
    }
    if let Some(c) = &p.code {
        m.push(("code", Yaml::str(&c.value)));
    }
    m.push(("name", Yaml::str(&p.name.value)));
    m.push(("budget", budget_tree(&p.budget)));
    m.push(("purpose", Yaml::str(&p.purpose.value)));
    if let Some(plan) = &p.spending_plan {
        let mut pm = Vec::new();
        for (key, v) in [
            ("march", &plan.march),
            ("june", &plan.june),
            ("october", &plan.october),
            ("december", &plan.december),
        ] {
            if let Some(v) = v {
                pm.push((key, Yaml::str(&v.value)));
            }
        }
        m.push(("spending_plan", Yaml::Map(pm)));
    }
    m.push((
        "goals",
        Yaml::Seq(p.goals.iter().map(|g| Yaml::str(&g.value)).collect()),
    ));
    if !p.goal_numbering {
        m.push(("goal_numbering", Yaml::Raw("false".into())));
    }
    m.push((
        "indicators",
        Yaml::Seq(p.indicators.iter().map(level1_tree).collect()),
    ));
    if !p.allow.is_empty() {
        m.push(("allow", allow_tree(&p.allow)));
    }
    m.extend(project_evaluation(p, |_| true));
    Yaml::Map(m)
}

/// The self-evaluation fields of a project that `keep` accepts (by their span), in key order.
pub fn project_evaluation(
    p: &Project,
    keep: impl Fn(crate::span::Span) -> bool,
) -> Vec<(&'static str, Yaml)> {
    let mut m = Vec::new();
    for (key, v) in [
        ("initial_budget", &p.initial_budget),
        ("full_year_budget", &p.full_year_budget),
        ("executed", &p.executed),
        ("execution_weight", &p.execution_weight),
    ] {
        if let Some(v) = v.as_ref().filter(|v| keep(v.span)) {
            m.push((key, Yaml::Raw(v.value.to_string())));
        }
    }
    if let Some(a) = p.achieved.as_ref().filter(|v| keep(v.span)) {
        m.push(("achieved", Yaml::str(&a.value)));
    }
    if let Some(s) = p.score.as_ref().filter(|v| keep(v.span)) {
        m.push(("score", Yaml::Raw(s.value.to_string())));
    }
    m
}

/// The self-evaluation fields of a row that `keep` accepts (by their span), in key order.
pub fn row_evaluation(
    r: &Row,
    keep: impl Fn(crate::span::Span) -> bool,
) -> Vec<(&'static str, Yaml)> {
    let mut m = Vec::new();
    if let Some(a) = r.actual.as_ref().filter(|v| keep(v.span)) {
        m.push(("actual", Yaml::str(&a.value)));
    }
    if let Some(w) = r.weight.as_ref().filter(|v| keep(v.span)) {
        m.push(("weight", Yaml::Raw(w.value.to_string())));
    }
    if let Some(g) = r.grade.as_ref().filter(|v| keep(v.span)) {
        m.push(("grade", Yaml::str(&g.value)));
    }
    if let Some(s) = r.score.as_ref().filter(|v| keep(v.span)) {
        m.push(("score", Yaml::Raw(s.value.to_string())));
    }
    if let Some(d) = r.deviation.as_ref().filter(|v| keep(v.span)) {
        m.push(("deviation", Yaml::str(&d.value)));
    }
    m
}

fn level1_tree(l1: &Level1) -> Yaml {
    Yaml::Map(vec![
        ("level1", Yaml::str(&l1.level1.value)),
        (
            "groups",
            Yaml::Seq(l1.groups.iter().map(level2_tree).collect()),
        ),
    ])
}

fn level2_tree(l2: &Level2) -> Yaml {
    Yaml::Map(vec![
        ("level2", Yaml::str(&l2.level2.value)),
        ("rows", Yaml::Seq(l2.rows.iter().map(row_tree).collect())),
    ])
}

fn row_tree(r: &Row) -> Yaml {
    let mut m = vec![("level3", Yaml::str(&r.level3.value))];
    if let Some(d) = &r.description {
        m.push(("description", Yaml::str(&d.value)));
    }
    m.push(("value", Yaml::str(&r.value.value)));
    if let Some(b) = &r.basis {
        m.push(("basis", Yaml::str(&b.value)));
    }
    if let Some(d) = &r.direction {
        m.push(("direction", Yaml::str(&d.value)));
    }
    if let Some(e) = &r.explanation {
        m.push(("explanation", Yaml::str(&e.value)));
    }
    if !r.allow.is_empty() {
        m.push(("allow", allow_tree(&r.allow)));
    }
    m.extend(row_evaluation(r, |_| true));
    Yaml::Map(m)
}

/// Writes a top-level value (a mapping) at column 0.
pub fn emit_top(out: &mut String, value: &Yaml) {
    match value {
        Yaml::Map(entries) => emit_entries(out, entries.iter().map(|(k, v)| (*k, v)), 0, false),
        Yaml::DataMap(entries) => {
            emit_entries(out, entries.iter().map(|(k, v)| (k.as_str(), v)), 0, false)
        }
        other => {
            emit_after(out, other, 0);
        }
    }
}

/// Writes mapping entries at `indent`; when `inline_first`, the first key continues a
/// `- ` already written.
fn emit_entries<'a>(
    out: &mut String,
    entries: impl Iterator<Item = (&'a str, &'a Yaml)>,
    indent: usize,
    inline_first: bool,
) {
    for (i, (key, value)) in entries.enumerate() {
        if !(inline_first && i == 0) {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&key_text(key));
        out.push(':');
        emit_after(out, value, indent);
    }
}

/// A mapping key: plain when safe, quoted otherwise.
fn key_text(key: &str) -> String {
    if needs_quotes(key) {
        double_quoted(key)
    } else {
        key.to_string()
    }
}

/// Writes a value after `key:` or `-` (the cursor is right after the indicator) whose
/// owner sits at `indent`.
fn emit_after(out: &mut String, value: &Yaml, indent: usize) {
    match value {
        Yaml::Raw(s) => {
            // An empty value is a field left to fill in: `actual:`.
            if !s.is_empty() {
                out.push(' ');
                out.push_str(s);
            }
            out.push('\n');
        }
        Yaml::Str(s) => emit_str(out, s, indent),
        Yaml::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Yaml::DataMap(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Yaml::Seq(items) if items.is_empty() => out.push_str(" []\n"),
        Yaml::Map(entries) => {
            out.push('\n');
            emit_entries(out, entries.iter().map(|(k, v)| (*k, v)), indent + 2, false);
        }
        Yaml::DataMap(entries) => {
            out.push('\n');
            emit_entries(
                out,
                entries.iter().map(|(k, v)| (k.as_str(), v)),
                indent + 2,
                false,
            );
        }
        Yaml::Seq(items) => {
            out.push('\n');
            emit_seq(out, items, indent + 2);
        }
    }
}

fn emit_seq(out: &mut String, items: &[Yaml], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match item {
            Yaml::Map(entries) if !entries.is_empty() => {
                out.push(' ');
                emit_entries(out, entries.iter().map(|(k, v)| (*k, v)), indent + 2, true);
            }
            Yaml::DataMap(entries) if !entries.is_empty() => {
                out.push(' ');
                emit_entries(
                    out,
                    entries.iter().map(|(k, v)| (k.as_str(), v)),
                    indent + 2,
                    true,
                );
            }
            other => emit_after(out, other, indent),
        }
    }
}

/// Writes a string value: plain, double-quoted, or as a `|` block indented under its owner.
fn emit_str(out: &mut String, s: &str, indent: usize) {
    if let Some(header) = block_header(s) {
        out.push(' ');
        out.push_str(header);
        out.push('\n');
        let body = s.strip_suffix('\n').unwrap_or(s);
        for line in body.split('\n') {
            if !line.is_empty() {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str(line);
            }
            out.push('\n');
        }
        return;
    }
    out.push(' ');
    out.push_str(&scalar(s));
    out.push('\n');
}

/// A single-line string as written: plain when YAML reads it back as the same string,
/// double-quoted otherwise.
pub fn scalar(s: &str) -> String {
    if needs_quotes(s) {
        double_quoted(s)
    } else {
        s.to_string()
    }
}

/// The block header (`|`, `|-` or `|+`) for multi-line text that a literal block carries
/// exactly, or `None` when the text must be quoted instead (a line with leading or
/// trailing blanks, tabs or control characters, or no line break at all).
fn block_header(s: &str) -> Option<&'static str> {
    if !s.contains('\n') || s.trim_matches('\n').is_empty() {
        return None;
    }
    if s.starts_with('\n') || s.starts_with(' ') {
        return None;
    }
    let body = s.trim_end_matches('\n');
    for line in body.split('\n') {
        if line.ends_with([' ', '\u{3000}'])
            || line.chars().any(|c| c.is_control() || is_special_space(c))
            || (!line.is_empty() && line.trim().is_empty())
        {
            return None;
        }
    }
    let trailing = s.len() - body.len();
    Some(match trailing {
        0 => "|-",
        1 => "|",
        _ => "|+",
    })
}

/// Characters YAML treats as line breaks or byte-order marks, which must be escaped.
fn is_special_space(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Would a plain scalar of this text read back as something other than this string?
pub fn needs_quotes(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return true;
    };
    if s.starts_with([' ', '\t']) || s.ends_with([' ', '\t', '\u{3000}']) {
        return true;
    }
    if s.chars().any(|c| c.is_control() || is_special_space(c)) {
        return true;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return true;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) {
        return true;
    }
    // Anything that could resolve to a number, date or sexagesimal value in YAML 1.1 or
    // 1.2 (323101, 2024.12, 1:4, 0x1F, 1e5, 2024-12-31, .inf) is quoted.
    let body = s.trim_start_matches(['+', '-']);
    let starts_numeric = body
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.');
    starts_numeric
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:+- ".contains(c))
}

/// A double-quoted YAML string with escapes.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || is_special_space(c) => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_every_string() {
        for s in [
            "≥90%",
            "100%",
            "1:4",
            "2024.12",
            "323101",
            "",
            " a",
            "a ",
            "a: b",
            "a #b",
            "#x",
            "true",
            "null",
            "~",
            "-",
            "0.50",
            "1e5",
            "13020024P00706610007L",
            "≤2024.12",
            "- 列表",
            "“引号”",
            "a\tb",
            "末尾：",
        ] {
            let text = format!("k: {}\n", scalar(s));
            let v: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(v["k"], s, "{text}");
        }
        assert_eq!(scalar("≥90%"), "≥90%");
        assert_eq!(scalar("323101"), "\"323101\"");
    }

    #[test]
    fn blocks_keep_line_breaks() {
        for s in [
            "a\nb",
            "a\nb\n",
            "a\n\nb\n\n",
            "第一段\n\n第二段",
            "a \nb",
            " a\nb",
        ] {
            let mut text = String::from("k:");
            emit_str(&mut text, s, 0);
            let v: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(v["k"], s, "{text}");
        }
    }

    /// Reads `key: <written>` back with the loader's own YAML reader.
    fn read_back(doc: &str) -> Vec<String> {
        let root = crate::load::yaml::parse(0, doc).unwrap_or_else(|e| panic!("{doc}: {e:?}"));
        let crate::load::yaml::NodeKind::Map(entries) = root.kind else {
            panic!("{doc}: not a mapping");
        };
        let mut out = Vec::new();
        for (_, v) in entries {
            match v.kind {
                crate::load::yaml::NodeKind::Scalar { text, .. } => out.push(text),
                crate::load::yaml::NodeKind::Seq(items) => {
                    for item in items {
                        match item.kind {
                            crate::load::yaml::NodeKind::Scalar { text, .. } => out.push(text),
                            other => panic!("{doc}: item {other:?}"),
                        }
                    }
                }
                other => panic!("{doc}: value {other:?}"),
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any text, written as a value or a list item, reads back as exactly that text.
        #[test]
        fn any_string_reads_back_unchanged(
            s in "[ a-z0-9.:#\\-\\[\\]{}'\"%@!&*|>?,~\n\t\u{3000}≥≤万元年月日中文“”：]{0,12}"
        ) {
            let tree = Yaml::Map(vec![
                ("a", Yaml::Str(s.clone())),
                ("b", Yaml::Seq(vec![Yaml::Str(s.clone()), Yaml::Str("x".into())])),
            ]);
            let mut doc = String::new();
            emit_top(&mut doc, &tree);
            let back = read_back(&doc);
            proptest::prop_assert_eq!(&back[0], &s, "{}", doc);
            proptest::prop_assert_eq!(&back[1], &s, "{}", doc);
        }
    }

    #[test]
    fn file_names_are_readable_and_safe() {
        assert_eq!(project_file_name(1, 2, "材料印刷费"), "01-材料印刷费.yaml");
        assert_eq!(project_file_name(12, 2, "a/b: c"), "12-a-b-c.yaml");
        assert_eq!(project_file_name(3, 2, "///"), "03.yaml");
    }
}
