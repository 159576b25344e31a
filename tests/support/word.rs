//! A .docx in the published layout, written from a document, for the Word import tests.
//!
//! Written the way Word writes such a file, not the way the importer reads it: one table
//! per project on a 12-column grid, labels and values in cells of different widths
//! (`w:gridSpan`), the 一级 / 二级 names and the 预算规模及资金用途 / 资金支出计划 labels
//! merged vertically (`w:vMerge`), headings and Part 1 items numbered by Word's list
//! numbering (numbering.xml) instead of typed numbers, and — when `Features` ask for
//! them — bookmarks, a complex field, tracked changes, a content control, line breaks
//! inside a cell and a table that continues after a page break with a repeated header.

#![allow(dead_code)]

use std::io::Write;

use jixiao::model::{Document, Project};

/// Word features to sprinkle over the file; the content stays the same.
#[derive(Clone, Copy, Debug, Default)]
pub struct Features {
    /// Bookmarks, a complex field, tracked changes and a content control.
    pub markup: bool,
    /// Tables longer than five indicator rows continue in a second table after a page
    /// break, with the header row repeated.
    pub split_tables: bool,
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A run of text (xml:space preserved).
fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

fn para(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

/// A paragraph numbered by list `num_id` at level 0.
fn numbered(num_id: u32, text: &str, bookmark: Option<u32>) -> String {
    let (start, end) = match bookmark {
        Some(id) => (
            format!(r#"<w:bookmarkStart w:id="{id}" w:name="_Toc_{id}"/>"#),
            format!(r#"<w:bookmarkEnd w:id="{id}"/>"#),
        ),
        None => (String::new(), String::new()),
    };
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{start}{}{end}</w:p>"#,
        run(text)
    )
}

/// Paragraphs of a multi-line text.
fn paras(text: &str) -> String {
    text.split('\n').map(para).collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Merge {
    None,
    Restart,
    Continue,
}

fn cell(span: u32, merge: Merge, content: &str) -> String {
    let mut pr = String::new();
    if span > 1 {
        pr.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match merge {
        Merge::None => {}
        Merge::Restart => pr.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Merge::Continue => pr.push_str("<w:vMerge/>"),
    }
    let content = if content.is_empty() {
        "<w:p/>"
    } else {
        content
    };
    format!("<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>")
}

fn text_cell(span: u32, text: &str) -> String {
    cell(span, Merge::None, &paras(text))
}

fn row(cells: &[String], header: bool) -> String {
    let pr = if header {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        ""
    };
    format!("<w:tr>{pr}{}</w:tr>", cells.concat())
}

const GRID: u32 = 12;

fn table(rows: &[String]) -> String {
    let cols: String = (0..GRID)
        .map(|_| r#"<w:gridCol w:w="700"/>"#.to_string())
        .collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

fn amount(a: Option<&jixiao::span::Spanned<rust_decimal::Decimal>>) -> String {
    a.map(|a| a.value.to_string()).unwrap_or_default()
}

/// The spans of the indicator columns on the 12-column grid.
fn grid_spans(basis: bool) -> Vec<u32> {
    if basis {
        vec![2, 2, 2, 2, 2, 2]
    } else {
        vec![2, 2, 3, 3, 2]
    }
}

fn project_table(doc: &Document, p: &Project, k: usize, f: Features) -> String {
    let basis = p.rows().any(|(_, _, r)| r.basis.is_some());
    let mut top = Vec::new();
    top.push(row(
        &[
            text_cell(10, &p.unit(doc).line()),
            text_cell(2, &format!("单位：{}", doc.amount_unit.value.label())),
        ],
        false,
    ));
    let name_cell = if f.markup {
        // The name as the result of a field: only the result is text.
        cell(
            0,
            Merge::None,
            &format!(
                r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY 项目 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
                run(&p.name.value)
            ),
        )
    } else {
        String::new()
    };
    let name_cell = |span: u32| {
        if f.markup {
            name_cell.replacen(
                "<w:tcPr>",
                &format!(r#"<w:tcPr><w:gridSpan w:val="{span}"/>"#),
                1,
            )
        } else {
            text_cell(span, &p.name.value)
        }
    };
    match &p.code {
        Some(code) => top.push(row(
            &[
                text_cell(2, "项目编码"),
                text_cell(3, &code.value),
                text_cell(2, "项目名称"),
                name_cell(5),
            ],
            false,
        )),
        None => top.push(row(&[text_cell(2, "项目名称"), name_cell(10)], false)),
    }
    let b = &p.budget;
    top.push(row(
        &[
            cell(2, Merge::Restart, &para("预算规模及资金用途")),
            text_cell(2, "预算数"),
            text_cell(2, &b.total.value.to_string()),
            text_cell(2, "其中：财政资金"),
            text_cell(2, &amount(b.fiscal.as_ref())),
            text_cell(1, "其他资金"),
            text_cell(1, &amount(b.other.as_ref())),
        ],
        false,
    ));
    let purpose = if f.markup {
        // Tracked changes: an insertion is kept, a deletion dropped.
        let text = &p.purpose.value;
        let split = text
            .char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        format!(
            r#"<w:p>{}<w:del w:id="90" w:author="审核"><w:r><w:delText>（已删除的旧文字）</w:delText></w:r></w:del><w:ins w:id="91" w:author="审核">{}</w:ins></w:p>"#,
            run(&text[..split]),
            run(&text[split..])
        )
    } else {
        paras(&p.purpose.value)
    };
    top.push(row(
        &[
            cell(2, Merge::Continue, ""),
            cell(10, Merge::None, &purpose),
        ],
        false,
    ));
    if let Some(plan) = &p.spending_plan {
        let mut labels = vec![cell(2, Merge::Restart, &para("资金支出计划（%）"))];
        let mut values = vec![cell(2, Merge::Continue, "")];
        for ((label, v), span) in plan.cells().into_iter().zip([3, 2, 3, 2]) {
            labels.push(text_cell(span, label));
            values.push(text_cell(span, v.map_or("", |v| v.value.as_str())));
        }
        top.push(row(&labels, false));
        top.push(row(&values, false));
    }
    let goals: Vec<String> = p
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            if p.goal_numbering {
                format!("{}.{}", i + 1, g.value)
            } else {
                g.value.clone()
            }
        })
        .collect();
    let goals_content = if k % 2 == 1 && goals.len() > 1 {
        // Line breaks instead of paragraphs.
        let runs: Vec<String> = goals.iter().map(|g| run(g)).collect();
        format!("<w:p>{}</w:p>", runs.join("<w:r><w:br/></w:r>"))
    } else {
        goals.iter().map(|g| para(g)).collect()
    };
    let goals_content = if f.markup {
        format!(
            r#"<w:sdt><w:sdtPr><w:alias w:val="绩效目标"/><w:tag w:val="goals"/></w:sdtPr><w:sdtContent>{goals_content}</w:sdtContent></w:sdt>"#
        )
    } else {
        goals_content
    };
    top.push(row(
        &[
            text_cell(2, "绩效目标"),
            cell(10, Merge::None, &goals_content),
        ],
        false,
    ));
    let spans = grid_spans(basis);
    let mut labels = vec!["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"];
    if basis {
        labels.push("指标值确定依据");
    }
    let header = row(
        &labels
            .iter()
            .zip(&spans)
            .map(|(l, s)| text_cell(*s, l))
            .collect::<Vec<_>>(),
        true,
    );
    top.push(header.clone());
    let mut tables = Vec::new();
    let mut rows = top;
    let mut n = 0;
    for l1 in &p.indicators {
        let mut first1 = true;
        for l2 in &l1.groups {
            let mut first2 = true;
            for r in &l2.rows {
                if f.split_tables && n == 4 && p.rows().count() > 5 {
                    // Page break: the table goes on in a new one with the header repeated;
                    // merged cells cannot cross tables, so names are written again.
                    tables.push(table(&rows));
                    rows = vec![header.clone()];
                    first1 = true;
                    first2 = true;
                }
                n += 1;
                let m = |first: bool| {
                    if first {
                        Merge::Restart
                    } else {
                        Merge::Continue
                    }
                };
                let c1 = cell(
                    spans[0],
                    m(first1),
                    &if first1 {
                        para(&l1.level1.value)
                    } else {
                        String::new()
                    },
                );
                let c2 = cell(
                    spans[1],
                    m(first2),
                    &if first2 {
                        para(&l2.level2.value)
                    } else {
                        String::new()
                    },
                );
                let mut cells = vec![
                    c1,
                    c2,
                    text_cell(spans[2], &r.level3.value),
                    text_cell(spans[3], r.description_text()),
                    text_cell(spans[4], &r.value.value),
                ];
                if basis {
                    cells.push(text_cell(
                        spans[5],
                        r.basis.as_ref().map_or("", |b| b.value.as_str()),
                    ));
                }
                rows.push(row(&cells, false));
                first1 = false;
                first2 = false;
            }
        }
    }
    tables.push(table(&rows));
    tables.join(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#)
}

/// The body of the document.
fn body(doc: &Document, f: Features) -> String {
    let mut out = String::new();
    if let Some(o) = &doc.overview {
        out.push_str(&para("第一部分"));
        out.push_str(&para("部门整体绩效目标"));
        out.push_str(&numbered(4, "总体绩效目标", None));
        out.push_str(&paras(&o.overall.value));
        out.push_str(&numbered(4, "分项绩效目标", None));
        for item in &o.items {
            out.push_str(&numbered(2, &item.title.value, None));
            let goal = format!("绩效目标：{}", item.goal.value);
            out.push_str(&paras(&goal));
            let ind = format!("绩效指标：{}", item.indicator.value);
            out.push_str(&paras(&ind));
        }
        out.push_str(&numbered(4, "工作保障措施", None));
        for s in &o.safeguards {
            out.push_str(&numbered(3, &s.value, None));
        }
        out.push_str(&para("第二部分"));
        out.push_str(&para("预算项目绩效目标"));
    }
    for (k, p) in doc.projects.iter().enumerate() {
        let bookmark = f.markup.then_some(k as u32 + 1);
        out.push_str(&numbered(
            1,
            &format!("{}绩效目标表", p.name.value),
            bookmark,
        ));
        out.push_str(&project_table(doc, p, k, f));
        out.push_str("<w:p/>");
    }
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn numbering() -> String {
    let list = |id: u32, fmt: &str, text: &str| {
        format!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>"#
        )
    };
    let num = |id: u32| format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{id}"/></w:num>"#);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">{}{}{}{}{}{}{}{}</w:numbering>"#,
        list(1, "decimal", "%1."),
        list(2, "decimal", "%1、"),
        list(3, "decimal", "%1、"),
        list(4, "chineseCounting", "%1、"),
        num(1),
        num(2),
        num(3),
        num(4)
    )
}

/// The .docx bytes for `doc`.
pub fn docx(doc: &Document, f: Features) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>"#,
        body(doc, f)
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#
    );
    let parts: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string(),
        ),
        (
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string(),
        ),
        ("word/document.xml", document),
        ("word/numbering.xml", numbering()),
        ("word/styles.xml", styles),
    ];
    zip_parts(
        &parts
            .iter()
            .map(|(n, t)| (*n, t.as_bytes()))
            .collect::<Vec<_>>(),
    )
}

/// A zip of `(name, bytes)` entries, deflated.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            w.start_file(*name, options).expect("zip entry");
            w.write_all(bytes).expect("zip write");
        }
        w.finish().expect("zip finish");
    }
    out.into_inner()
}
