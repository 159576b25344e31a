//! The budget system's split-column spreadsheets (预算管理一体化): the .xlsx and .xls
//! fixtures import to the expected document, a row that belongs to no project is a
//! located Chinese error that writes nothing, and `--xlsx-layout split` round trips.

#[path = "support/roundtrip.rs"]
mod roundtrip;
#[path = "support/shipped.rs"]
mod shipped;
#[path = "support/tools.rs"]
mod tools;

use std::path::PathBuf;

use jixiao::diag::Diagnostic;
use jixiao::import::ImportOptions;
use jixiao::import::xlsx::read_xlsx_bytes;
use jixiao::layout::xlsx::XlsxLayout;
use jixiao::load::load_str;
use jixiao::model::Document;
use jixiao::span::Sources;
use jixiao::yamlfmt::{SchemaPaths, document_single};
use roundtrip::{assert_same_document, first_difference, load_clean, rich};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
use shipped::{root, shipped_documents};

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/xlsx").join(name)
}

fn read(name: &str, bytes: &[u8]) -> Result<Document, Vec<Diagnostic>> {
    read_xlsx_bytes(name, bytes, &mut Sources::new(), &ImportOptions::default())
}

fn errors(bytes: &[u8]) -> Vec<String> {
    match read("test.xlsx", bytes) {
        Ok(_) => panic!("expected errors"),
        Err(diags) => diags
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect(),
    }
}

fn yaml(doc: &Document) -> String {
    document_single(doc, &SchemaPaths::at_depth(0))
}

/// The weight, direction and explanation of every row: what the table view does not show.
fn row_extras(doc: &Document) -> Vec<String> {
    doc.projects
        .iter()
        .flat_map(|p| p.rows())
        .map(|(_, _, r)| {
            format!(
                "{:?} {:?} {:?}",
                r.weight.as_ref().map(|w| w.value.to_string()),
                r.direction.as_ref().map(|d| &d.value),
                r.explanation.as_ref().map(|e| &e.value)
            )
        })
        .collect()
}

fn render_split(doc: &Document) -> Vec<u8> {
    tools::render_xlsx(doc, XlsxLayout::Split)
}

/// A cell of a generated sheet: text, a number, or text merged over a rectangle.
enum Cell {
    T(&'static str),
    N(f64),
    M(u16, &'static str),
}
use Cell::{M, N, T};

/// A sheet as a budget system exports it, one `Vec` per row (an empty row is blank).
fn budget_sheet(wb: &mut Workbook, name: &str, rows: &[Vec<Cell>]) {
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0u16;
        for cell in row {
            let r = r as u32;
            match cell {
                T("") => {}
                T(t) => {
                    ws.write_string(r, c, *t).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                M(width, t) => {
                    ws.merge_range(r, c, r, c + width - 1, t, &title).unwrap();
                    c += width - 1;
                }
            }
            c += 1;
        }
    }
}

fn header() -> Vec<Cell> {
    [
        "序号",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "计量单位",
        "权重（%）",
        "指标方向",
        "指标值说明",
    ]
    .into_iter()
    .map(T)
    .collect()
}

/// The fixture's one sheet: a title and a unit note above the header, three projects with
/// their name and budget in merged header rows (the second with the header repeated, the
/// third without), 一级指标 written once per group as merged cells leave them, the
/// comparators as the systems write them (symbols, full-width, words, 定性).
fn budget_system_rows() -> Vec<Vec<Cell>> {
    vec![
        vec![M(
            10,
            "天津市滨海新区商务和投资促进局2025年项目支出绩效目标表",
        )],
        vec![
            M(5, "单位编码：323101"),
            M(5, "单位名称：天津市滨海新区商务和投资促进局"),
        ],
        vec![
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T("单位：万元"),
        ],
        vec![M(10, "项目名称：消费券资金")],
        vec![
            M(5, "项目编码：12010025P0001"),
            M(5, "预算金额（万元）：41.65"),
        ],
        vec![M(10, "年度绩效目标：发放消费券，活跃消费市场。")],
        header(),
        vec![
            N(1.0),
            T("产出指标"),
            T("数量指标"),
            T("发放消费券数量"),
            T("≥"),
            N(5000.0),
            T("张"),
            N(20.0),
            T("正向"),
            T("全年发放的消费券张数"),
        ],
        vec![
            N(2.0),
            T(""),
            T("质量指标"),
            T("核销率"),
            T("大于等于"),
            N(90.0),
            T("%"),
            N(20.0),
            T("正向"),
            T("已核销张数÷发放张数"),
        ],
        vec![
            N(3.0),
            T(""),
            T("时效指标"),
            T("发放完成时间"),
            T("≤"),
            T("2025年12月31日"),
            T(""),
            N(10.0),
            T("反向"),
        ],
        vec![
            N(4.0),
            T(""),
            T("成本指标"),
            T("消费券资金"),
            T("小于等于"),
            N(41.65),
            T("万元"),
            N(10.0),
            T("反向"),
            T("不超过预算"),
        ],
        vec![
            N(5.0),
            T("效益指标"),
            T("社会效益指标"),
            T("市场活跃度"),
            T("定性"),
            T("有效提升"),
            T(""),
            N(20.0),
            T("正向"),
        ],
        vec![
            N(6.0),
            T("满意度指标"),
            T("服务对象满意度指标"),
            T("群众满意度"),
            T("＞"),
            N(85.0),
            T("%"),
            N(20.0),
            T("正向"),
            T("抽样调查"),
        ],
        vec![],
        vec![M(10, "项目名称：展会补助")],
        vec![
            M(5, "项目编码：12010025P0002"),
            M(5, "资金总额（万元）：12.5"),
        ],
        vec![M(10, "年度绩效目标：支持企业参加展会。")],
        header(),
        vec![
            N(1.0),
            T("产出指标"),
            T("数量指标"),
            T("补助企业数"),
            T("="),
            N(25.0),
            T("家"),
            N(50.0),
            T("正向"),
        ],
        vec![
            N(2.0),
            T("效益指标"),
            T("经济效益指标"),
            T("意向成交额"),
            T("≥"),
            N(3000.0),
            T("万元"),
            N(30.0),
            T("正向"),
        ],
        vec![
            N(3.0),
            T("满意度指标"),
            T("服务对象满意度指标"),
            T("参展企业满意度"),
            T("≥"),
            N(95.0),
            T("%"),
            N(20.0),
            T("正向"),
        ],
        vec![],
        vec![M(10, "项目名称：商务数据平台运维")],
        vec![
            M(5, "项目编码：12010025P0003"),
            M(5, "预算金额（万元）：8.8"),
        ],
        vec![
            N(1.0),
            T("产出指标"),
            T("时效指标"),
            T("故障响应时间"),
            T("≤"),
            N(4.0),
            T("小时"),
            N(60.0),
            T("反向"),
            T("接到报修至到场"),
        ],
        vec![
            N(2.0),
            T("满意度指标"),
            T("服务对象满意度指标"),
            T("使用人员满意度"),
            T("≥"),
            N(90.0),
            T("%"),
            N(40.0),
            T("正向"),
        ],
        vec![],
        vec![M(10, "注：本表由预算管理一体化系统导出。")],
    ]
}

/// Writes `tests/fixtures/xlsx/budget-system.xlsx` and what it imports to,
/// `budget-system.yaml` (run once with `--ignored`, then read the YAML through; the .xls
/// beside them is LibreOffice's conversion of the .xlsx, see the README there).
#[test]
#[ignore]
fn write_budget_system_fixture() {
    let mut wb = Workbook::new();
    // A fixed creation date: the same bytes every time.
    let created = ExcelDateTime::from_ymd(2025, 1, 15).unwrap();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    budget_sheet(&mut wb, "项目支出绩效目标表", &budget_system_rows());
    let bytes = wb.save_to_buffer().unwrap();
    std::fs::write(fixture("budget-system.xlsx"), &bytes).unwrap();
    let doc = read("budget-system.xlsx", &bytes).unwrap_or_else(|d| panic!("{d:#?}"));
    std::fs::write(fixture("budget-system.yaml"), yaml(&doc)).unwrap();
}

/// The .xlsx and the .xls give the same document, the one in `budget-system.yaml`.
#[test]
fn budget_system_exports_import_to_the_expected_document() {
    let expected = std::fs::read_to_string(fixture("budget-system.yaml")).unwrap();
    for name in ["budget-system.xlsx", "budget-system.xls"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let doc = read(name, &bytes).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
        let got = yaml(&doc);
        assert!(
            got == expected,
            "{name}: differs at {}\n{got}",
            first_difference(&expected, &got)
        );
        // The imported YAML loads cleanly: the fields are in the schema and the loader.
        let mut sources = Sources::new();
        let loaded = load_str("budget-system.yaml", &got, &mut sources);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let back = loaded.document.unwrap();
        assert_eq!(row_extras(&back), row_extras(&doc));
        assert_eq!(yaml(&back), got);
    }
}

/// What the split columns become, spelled out.
#[test]
fn split_columns_join_into_typed_values() {
    let bytes = std::fs::read(fixture("budget-system.xlsx")).unwrap();
    let doc = read("budget-system.xlsx", &bytes).unwrap();
    assert_eq!(doc.year.value, 2025);
    assert_eq!(doc.amount_unit.value.label(), "万元");
    assert_eq!(doc.unit.name.value, "天津市滨海新区商务和投资促进局");
    assert_eq!(doc.unit.code.as_ref().unwrap().value, "323101");
    let names: Vec<&str> = doc.projects.iter().map(|p| p.name.value.as_str()).collect();
    assert_eq!(names, ["消费券资金", "展会补助", "商务数据平台运维"]);
    assert_eq!(doc.projects[1].budget.total.value.to_string(), "12.50");
    let values: Vec<&str> = doc.projects[0]
        .rows()
        .map(|(_, _, r)| r.value.value.as_str())
        .collect();
    assert_eq!(
        values,
        // 大于等于 and ＞ are read by the value grammar into their symbols; 定性 keeps the text.
        [
            "≥5000张",
            "≥90%",
            "≤2025年12月31日",
            "≤41.65万元",
            "有效提升",
            ">85%"
        ]
    );
    let first = doc.projects[0].rows().next().unwrap().2;
    assert_eq!(first.weight.as_ref().unwrap().value.to_string(), "20");
    assert_eq!(first.direction.as_ref().unwrap().value, "正向");
    assert_eq!(
        first.explanation.as_ref().unwrap().value,
        "全年发放的消费券张数"
    );
    let third = doc.projects[2].rows().next().unwrap().2;
    assert_eq!(third.value.value, "≤4小时");
    assert_eq!(third.direction.as_ref().unwrap().value, "反向");
}

/// An indicator row above any 项目名称 row, an unknown comparator and a bad direction:
/// each a Chinese error naming its sheet and cell.
#[test]
fn a_row_that_cannot_be_placed_is_located() {
    let mut wb = Workbook::new();
    let mut rows = budget_system_rows();
    // The first project's name row becomes a note: its rows then belong to no project.
    rows[3] = vec![M(10, "说明：以下为项目一")];
    rows[5] = vec![];
    rows[4] = vec![];
    rows[14 + 4][4] = T("约");
    rows[14 + 5][8] = T("双向");
    budget_sheet(&mut wb, "绩效", &rows);
    let bytes = wb.save_to_buffer().unwrap();
    let errs = errors(&bytes);
    assert_eq!(
        errs[0],
        "X003 绩效!A8：这一行指标不属于任何项目：上方没有“项目名称”行"
    );
    assert_eq!(errs.len(), 6 + 2, "{errs:#?}");
    assert!(
        errs.contains(&"X003 绩效!E19：无法识别的运算符“约”".to_string()),
        "{errs:#?}"
    );
    assert!(
        errs.contains(&"X006 绩效!I20：指标方向应为“正向”或“反向”，而不是“双向”".to_string()),
        "{errs:#?}"
    );
    // `jixiao import` writes nothing.
    let dir = tools::scratch("xlsx-split", "unplaced");
    let file = dir.join("导出.xlsx");
    std::fs::write(&file, &bytes).unwrap();
    let out = dir.join("out");
    let o = tools::import(&file, &out, &[]);
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("绩效!A8"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

/// `--xlsx-layout split` writes the budget system's layout, and importing it gives the
/// same document back: every shipped document, the rich one, and the fixture's own.
#[test]
fn the_split_writer_round_trips() {
    for path in shipped_documents() {
        let doc = load_clean(&path);
        if jixiao::evaluate::is_separate(&doc) {
            continue;
        }
        let name = path.display().to_string();
        let back =
            read("split.xlsx", &render_split(&doc)).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
        assert_same_document(&name, &doc, &back);
        assert_eq!(row_extras(&doc), row_extras(&back), "{name}");
    }
    let doc = rich();
    let back = read("split.xlsx", &render_split(&doc)).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_same_document("rich", &doc, &back);
    let bytes = std::fs::read(fixture("budget-system.xlsx")).unwrap();
    let doc = read("budget-system.xlsx", &bytes).unwrap();
    let back = read("split.xlsx", &render_split(&doc)).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_same_document("budget-system", &doc, &back);
    let (a, b) = (yaml(&doc), yaml(&back));
    assert!(a == b, "YAML differs at {}", first_difference(&a, &b));
}

/// The written sheet is the budget system's layout: one sheet of projects with the split
/// header, read back by the same header names.
#[test]
fn the_split_sheet_has_the_budget_system_columns() {
    let doc = rich();
    let bytes = render_split(&doc);
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    assert_eq!(wb.sheet_names(), ["绩效目标", "文档信息"]);
    let range = wb.worksheet_range("绩效目标").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let header = rows
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "一级指标"))
        .unwrap();
    assert_eq!(
        header[..10],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "运算符",
            "指标值",
            "度量单位",
            "权重",
            "指标方向",
            "指标值说明"
        ]
    );
    let cost = rows
        .iter()
        .find(|r| r.get(2).is_some_and(|c| c == "年初预算"))
        .unwrap();
    assert_eq!(cost[4..7], ["≤", "0.75", "万元"]);
}

/// A weight, a direction and an explanation survive `jixiao fmt`'s writer and the loader.
#[test]
fn new_row_fields_load_and_format() {
    let text = roundtrip::RICH.replace(
        "                value: ≥90%\n",
        "                value: ≥90%\n                direction: 正向\n                explanation: 抽样调查\n                weight: 12.5\n",
    );
    let mut sources = Sources::new();
    let loaded = load_str("r.yaml", &text, &mut sources);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let doc = loaded.document.unwrap();
    let out = yaml(&doc);
    assert!(out.contains("direction: 正向\n"), "{out}");
    assert!(out.contains("explanation: 抽样调查\n"), "{out}");
    let back = read("split.xlsx", &render_split(&doc)).unwrap();
    assert_eq!(row_extras(&back), row_extras(&doc));
    let bad = text.replace("direction: 正向", "direction: 向上");
    let loaded = load_str("r.yaml", &bad, &mut Sources::new());
    let codes: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    assert_eq!(codes, ["L003"], "{:?}", loaded.diagnostics);
}

/// One project a sheet, labels and values in cells of their own, no title, and a sheet
/// named 项目 (which alone is no flat layout): each sheet is read the same way.
#[test]
fn one_project_a_sheet_with_labels_in_cells() {
    let mut wb = Workbook::new();
    let sheet = |name: &'static str, total: f64, rows: Vec<Vec<Cell>>| {
        let mut all = vec![
            vec![T("项目名称"), T(name), T("预算数（元）"), N(total)],
            vec![T("资金用途"), T("日常运转。")],
        ];
        all.push(
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "运算符",
                "指标值",
                "度量单位",
                "分值",
                "方向",
            ]
            .into_iter()
            .map(T)
            .collect(),
        );
        all.extend(rows);
        all
    };
    let first = sheet(
        "办公设备购置",
        52000.0,
        vec![
            vec![
                T("产出指标"),
                T("数量指标"),
                T("购置台数"),
                T("等于"),
                N(12.0),
                T("台"),
                N(50.0),
                T("正向"),
            ],
            vec![
                T(""),
                T("成本指标"),
                T("单价"),
                T("≤"),
                N(4300.0),
                T("元/台"),
                N(50.0),
                T("反向"),
            ],
        ],
    );
    let second = sheet(
        "培训费",
        8000.5,
        vec![vec![
            T("满意度指标"),
            T("服务对象满意度指标"),
            T("学员满意度"),
            T("≥"),
            N(90.0),
            T("%"),
            N(100.0),
            T("正向"),
        ]],
    );
    budget_sheet(&mut wb, "项目", &first);
    budget_sheet(&mut wb, "培训", &second);
    let bytes = wb.save_to_buffer().unwrap();
    let options = ImportOptions { year: Some(2025) };
    let mut sources = Sources::new();
    // No unit anywhere: the importer says so rather than guessing.
    let errs = read_xlsx_bytes("x.xlsx", &bytes, &mut sources, &options).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].message, "无法确定预算单位");
    let mut first = first;
    first.insert(0, vec![T("单位名称"), T("某某区财政局")]);
    let mut wb = Workbook::new();
    budget_sheet(&mut wb, "项目", &first);
    budget_sheet(&mut wb, "培训", &second);
    let bytes = wb.save_to_buffer().unwrap();
    let doc = read_xlsx_bytes("x.xlsx", &bytes, &mut sources, &options)
        .unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(doc.unit.name.value, "某某区财政局");
    assert_eq!(doc.amount_unit.value.label(), "元");
    let rows: Vec<String> = doc
        .projects
        .iter()
        .flat_map(|p| {
            p.rows().map(move |(_, _, r)| {
                format!("{} {} {}", p.name.value, r.level3.value, r.value.value)
            })
        })
        .collect();
    assert_eq!(
        rows,
        [
            "办公设备购置 购置台数 =12台",
            "办公设备购置 单价 ≤4300元/台",
            "培训费 学员满意度 ≥90%",
        ]
    );
    assert_eq!(doc.projects[1].budget.total.value.to_string(), "8000.50");
    assert_eq!(row_extras(&doc)[1], r#"Some("50") Some("反向") None"#);
}

/// 指标性质 beside a 运算符 column is 定量/定性; a value cell that already holds its unit
/// or comparator keeps them once; a column named twice is an error.
#[test]
fn nature_beside_an_operator_column_and_cells_that_repeat_the_split() {
    let rows = |header: Vec<&'static str>| {
        vec![
            vec![T("单位名称：某某区财政局")],
            vec![T("项目名称：培训费"), T("预算数（元）：8000")],
            header.into_iter().map(T).collect(),
            vec![
                T("产出指标"),
                T("数量指标"),
                T("培训人次"),
                T("定量"),
                T("≥"),
                T("300人次"),
                T("人次"),
            ],
            vec![
                T(""),
                T("质量指标"),
                T("合格率"),
                T("定量"),
                T("≥"),
                T("≥95"),
                T("%"),
            ],
            vec![
                T("效益指标"),
                T("社会效益指标"),
                T("业务能力"),
                T("定性"),
                T(""),
                T("明显提升"),
                T(""),
            ],
        ]
    };
    let header = vec![
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "运算符",
        "指标值",
        "计量单位",
    ];
    let mut wb = Workbook::new();
    budget_sheet(&mut wb, "表", &rows(header.clone()));
    let options = ImportOptions { year: Some(2025) };
    let bytes = wb.save_to_buffer().unwrap();
    let doc = read_xlsx_bytes("x.xlsx", &bytes, &mut Sources::new(), &options)
        .unwrap_or_else(|d| panic!("{d:#?}"));
    let values: Vec<&str> = doc.projects[0]
        .rows()
        .map(|(_, _, r)| r.value.value.as_str())
        .collect();
    assert_eq!(values, ["≥300人次", "≥95%", "明显提升"]);
    let mut twice = header;
    twice.push("单位");
    let mut wb = Workbook::new();
    budget_sheet(&mut wb, "表", &rows(twice));
    let errs = errors(&wb.save_to_buffer().unwrap());
    assert_eq!(errs, ["X003 表!H3：列“单位”与左边的一列重复"]);
}

/// An amount is exact when it is whole 分 in the document's unit: 24.998 万元 is
/// 249,980.00 元 and imports as written; a seventh decimal in 万元, or a third in 元, is a
/// located error.
#[test]
fn amounts_are_exact_to_the_fen_in_their_unit() {
    let with_budget = |unit_note: &'static str, budget: &'static str| {
        let mut rows = budget_system_rows();
        rows[2][9] = T(unit_note);
        rows[4] = vec![M(5, "项目编码：12010025P0001"), M(5, budget)];
        let mut wb = Workbook::new();
        budget_sheet(&mut wb, "绩效", &rows);
        wb.save_to_buffer().unwrap()
    };
    let doc = read(
        "t.xlsx",
        &with_budget("单位：万元", "预算金额（万元）：24.998"),
    )
    .expect("24.998 万元 imports");
    assert_eq!(doc.projects[0].budget.total.value.to_string(), "24.998");
    // Written back, the amount shows all its decimals (not 25.00) and imports the same.
    for layout in [XlsxLayout::Table, XlsxLayout::Split] {
        let written = tools::render_xlsx(&doc, layout);
        let mut styles = String::new();
        std::io::Read::read_to_string(
            &mut zip::ZipArchive::new(std::io::Cursor::new(&written))
                .unwrap()
                .by_name("xl/styles.xml")
                .unwrap(),
            &mut styles,
        )
        .unwrap();
        assert!(styles.contains("formatCode=\"0.000\""), "{styles}");
        let again = read("t.xlsx", &written).expect("the written file imports");
        assert_eq!(again.projects[0].budget.total.value.to_string(), "24.998");
    }
    let doc = read(
        "t.xlsx",
        &with_budget("单位：万元", "预算金额（万元）：41.654339"),
    )
    .expect("six decimals in 万元 import");
    assert_eq!(doc.projects[0].budget.total.value.to_string(), "41.654339");

    let errs = errors(&with_budget("单位：万元", "预算金额（万元）：41.6543391"));
    assert!(
        errs.iter()
            .any(|e| e.starts_with("X004 ") && e.contains("比 1 分更精细（超过六位小数）")),
        "{errs:#?}"
    );
    // In 元 (every project's budget label in 元 too), two decimals at most.
    let mut rows = budget_system_rows();
    rows[2][9] = T("单位：元");
    for row in rows.iter_mut() {
        for cell in row.iter_mut() {
            if let M(w, t) = cell {
                *cell = match *t {
                    "预算金额（万元）：41.65" => M(*w, "预算金额（元）：416543.391"),
                    "资金总额（万元）：12.5" => M(*w, "资金总额（元）：125000"),
                    _ => M(*w, t),
                };
            }
        }
    }
    let mut wb = Workbook::new();
    budget_sheet(&mut wb, "绩效", &rows);
    let errs = errors(&wb.save_to_buffer().unwrap());
    assert!(
        errs.iter().any(|e| e.starts_with("X004 绩效!")
            && e.ends_with("：金额“416543.391”比 1 分更精细（以元计最多两位小数）")),
        "{errs:#?}"
    );
}
