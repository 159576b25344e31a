//! Spreadsheets: every shipped document goes to xlsx and comes back unchanged; the flat
//! budget-system layout reads; every kind of bad workbook gives a Chinese error naming its
//! sheet and cell.

#[path = "support/roundtrip.rs"]
mod roundtrip;
#[path = "support/shipped.rs"]
mod shipped;
#[path = "support/tools.rs"]
mod tools;
use roundtrip::{allows, assert_same_document, load_clean as load, rich, view_json};
use shipped::{root, shipped_documents};
use std::path::Path;

use jixiao::diag::Diagnostic;
use jixiao::import::ImportOptions;
use jixiao::import::xlsx::read_xlsx_bytes;
use jixiao::layout::xlsx::XlsxLayout;
use jixiao::load::load_str;
use jixiao::model::Document;
use jixiao::span::Sources;
use jixiao::table::DocumentView;
use rust_xlsxwriter::{Format, Workbook};

fn render(doc: &Document) -> Vec<u8> {
    tools::render_xlsx(doc, XlsxLayout::Table)
}

fn read(bytes: &[u8]) -> Result<Document, Vec<Diagnostic>> {
    read_xlsx_bytes(
        "test.xlsx",
        bytes,
        &mut Sources::new(),
        &ImportOptions::default(),
    )
}

fn assert_round_trip(name: &str, doc: &Document) {
    let back = read(&render(doc)).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
    assert_same_document(name, doc, &back);
}

#[test]
fn every_shipped_document_round_trips() {
    let docs = shipped_documents();
    for path in &docs {
        let doc = load(path);
        // A 自评 document's workbook holds only its 自评 sheets, which are outputs: there are
        // no targets in it to read back.
        if jixiao::evaluate::is_separate(&doc) {
            continue;
        }
        assert_round_trip(&path.display().to_string(), &doc);
    }
}

/// The 自评 sheets of a workbook are passed over on import: a targets' document with a
/// self-evaluation written beside it reads back as its targets.
#[test]
fn self_evaluation_sheets_are_outputs_that_import_passes_over() {
    let with_actuals = std::fs::read_to_string("tests/rules/E001/pass.yaml").unwrap();
    let mut sources = Sources::new();
    let doc = load_str("e.yaml", &with_actuals, &mut sources)
        .document
        .unwrap();
    assert!(DocumentView::new(&doc).evaluation.is_some());
    let bytes = render(&doc);
    let back = read(&bytes).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(back.projects.len(), 1);
    assert!(DocumentView::new(&back).evaluation.is_none());
    assert_eq!(
        serde_json::to_string(&DocumentView::new(&back).tables).unwrap(),
        serde_json::to_string(&DocumentView::new(&doc).tables).unwrap()
    );
}

#[test]
fn settings_part_one_and_sub_units_round_trip() {
    let doc = rich();
    assert_round_trip("rich", &doc);
    let back = read(&render(&doc)).unwrap();
    let overview = back.overview.as_ref().expect("Part 1 comes back");
    assert_eq!(overview.overall.value, "第一段。\n第二段。\n");
    assert_eq!(overview.items[0].indicator.value, "指标一");
    assert_eq!(overview.safeguards[0].value, "加强组织领导");
    assert!(
        back.projects[0].unit.is_none(),
        "the default unit is not repeated"
    );
    assert_eq!(allows(&back).len(), 3);
    let sub = back.projects[1]
        .unit
        .as_ref()
        .expect("the sub-unit comes back");
    assert_eq!(sub.code.as_ref().unwrap().value, "214002");
    assert_eq!(sub.name.value, "唐山市商务事务中心");
    assert_eq!(back.projects[1].goals[1].value, "目标乙");
    assert!(back.projects[1].goal_numbering);
    // `1.1.…` written verbatim reads back as a numbered `1.…`: the same printed cell.
    assert!(back.projects[0].goal_numbering);
    assert_eq!(back.projects[0].goals[0].value, "1.商务成绩高度凝练");
    assert_eq!(
        back.projects[1].budget.total.value.to_string(),
        "98765432109876.54"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let doc = rich();
    let first = render(&doc);
    // A creation date taken from the clock would differ after a second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(first, render(&doc));
}

/// A flat workbook as budget systems export it; `rows` of `(sheet, cells)`.
fn workbook(sheets: &[(&str, Vec<Vec<Cell>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let percent = Format::new().set_num_format("0%");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::T("") => {}
                    Cell::T(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    Cell::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Cell::P(n) => {
                        ws.write_number_with_format(r, c, *n, &percent).unwrap();
                    }
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[derive(Clone)]
enum Cell {
    T(&'static str),
    N(f64),
    P(f64),
}
use Cell::{N, P, T};

fn project_header() -> Vec<Cell> {
    [
        "单位编码",
        "单位名称",
        "项目编码",
        "项目名称",
        "预算数（元）",
        "财政资金",
        "其他资金",
        "资金用途",
        "3月底",
        "6月底",
        "10月底",
        "12月底",
        "绩效目标",
    ]
    .into_iter()
    .map(T)
    .collect()
}

fn project_rows() -> Vec<Vec<Cell>> {
    vec![
        project_header(),
        vec![
            T("323101"),
            T("天津市滨海新区商务和投资促进局"),
            T("P001"),
            T("消费券资金"),
            N(416543.39),
            N(416543.39),
            T(""),
            T("发放消费券。"),
            T(""),
            P(0.3),
            T("60%"),
            P(1.0),
            T("1.发放消费券\n2.活跃市场"),
        ],
        vec![
            N(323101.0),
            T("天津市滨海新区商务和投资促进局"),
            T("P002"),
            T("展会补贴"),
            T("1200.5"),
            T("1000"),
            N(200.5),
            T("补贴参展企业。"),
            T(""),
            T(""),
            T(""),
            T(""),
            T("组织企业参展"),
        ],
    ]
}

fn indicator_header() -> Vec<Cell> {
    [
        "项目名称",
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
        "指标值确定依据",
    ]
    .into_iter()
    .map(T)
    .collect()
}

fn indicator_rows() -> Vec<Vec<Cell>> {
    let row = |cells: [&'static str; 7]| cells.into_iter().map(T).collect::<Vec<_>>();
    vec![
        indicator_header(),
        row([
            "消费券资金",
            "产出指标",
            "数量指标",
            "发放种类",
            "",
            "1种",
            "",
        ]),
        // Merged 一级/二级 cells keep their text only in the first row.
        row(["", "", "", "发放批次", "发放批次数", "≥3批", "历史数据"]),
        row(["", "", "质量指标", "合规率", "", "100%", ""]),
        row([
            "展会补贴",
            "满意度指标",
            "服务对象满意度指标",
            "满意度",
            "",
            "≥90%",
            "",
        ]),
        row([
            "消费券资金",
            "满意度指标",
            "服务对象满意度指标",
            "满意度",
            "",
            "≥90%",
            "",
        ]),
    ]
}

#[test]
fn flat_layout_reads() {
    let bytes = workbook(&[
        ("项目", project_rows()),
        ("指标", indicator_rows()),
        ("文档信息", vec![vec![T("预算年度"), T("2025")]]),
    ]);
    let doc = read(&bytes).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(doc.year.value, 2025);
    let options = ImportOptions { year: Some(2026) };
    let overridden = read_xlsx_bytes("t.xlsx", &bytes, &mut Sources::new(), &options).unwrap();
    assert_eq!(overridden.year.value, 2026, "--year wins over the workbook");
    assert_eq!(doc.amount_unit.value.label(), "元");
    assert_eq!(doc.unit.line(), "323101天津市滨海新区商务和投资促进局");
    assert_eq!(doc.framework.value, "legacy");
    let view = DocumentView::new(&doc);
    let t1 = &view.tables[0];
    assert_eq!(t1.code.as_deref(), Some("P001"));
    assert_eq!(
        (
            t1.budget_total.as_str(),
            t1.budget_fiscal.as_str(),
            t1.budget_other.as_str()
        ),
        ("416543.39", "416543.39", "")
    );
    let plan: Vec<&str> = t1
        .spending_plan
        .as_ref()
        .unwrap()
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(plan, ["", "30%", "60%", "100%"]);
    assert_eq!(t1.goals, ["1.发放消费券", "2.活跃市场"]);
    assert!(t1.has_basis);
    assert_eq!(t1.groups.len(), 2);
    let rows: Vec<(&str, &str, &str)> = t1.groups[0]
        .rows
        .iter()
        .map(|r| (r.level2.as_str(), r.level3.as_str(), r.description.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("数量指标", "发放种类", "发放种类"),
            ("数量指标", "发放批次", "发放批次数"),
            ("质量指标", "合规率", "合规率"),
        ]
    );
    assert_eq!(t1.groups[1].level1, "满意度指标");
    let t2 = &view.tables[1];
    assert_eq!(
        (
            t2.budget_total.as_str(),
            t2.budget_fiscal.as_str(),
            t2.budget_other.as_str()
        ),
        ("1200.50", "1000.00", "200.50")
    );
    assert!(t2.spending_plan.is_none());
    assert_eq!(t2.goals, ["1.组织企业参展"]);
    assert!(
        doc.projects[1].unit.is_none(),
        "numeric unit code matches the default"
    );
}

fn errors(bytes: &[u8]) -> Vec<String> {
    match read(bytes) {
        Ok(_) => panic!("expected errors"),
        Err(diags) => diags
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect(),
    }
}

#[test]
fn missing_sheet() {
    let bytes = workbook(&[("项目", project_rows())]);
    assert_eq!(
        errors(&bytes),
        ["X002 工作簿有“项目”工作表，但缺少“指标”工作表"]
    );
}

#[test]
fn missing_column() {
    let mut rows = indicator_rows();
    for row in &mut rows {
        row.remove(5);
    }
    let bytes = workbook(&[("项目", project_rows()), ("指标", rows)]);
    assert_eq!(
        errors(&bytes),
        ["X003 工作表“指标”第 1 行（表头）缺少“指标值”列"]
    );
}

#[test]
fn cell_that_is_not_an_amount() {
    let mut rows = project_rows();
    rows[2][4] = T("约1200元");
    rows[1][6] = T("0.125");
    let bytes = workbook(&[("项目", rows), ("指标", indicator_rows())]);
    assert_eq!(
        errors(&bytes),
        [
            "X004 项目!E3：“约1200元”不是金额",
            "X004 项目!G2：金额“0.125”比 1 分更精细（以元计最多两位小数）",
        ]
    );
}

#[test]
fn indicator_row_naming_an_unknown_project() {
    let mut rows = indicator_rows();
    rows[4][0] = T("展会补助");
    let bytes = workbook(&[("项目", project_rows()), ("指标", rows)]);
    assert_eq!(
        errors(&bytes),
        ["X005 指标!A5：项目名称“展会补助”不在“项目”工作表中"]
    );
    // The human rendering quotes the cell from the workbook's cell listing.
    let mut sources = Sources::new();
    let options = ImportOptions::default();
    let diags = read_xlsx_bytes("预算.xlsx", &bytes, &mut sources, &options).unwrap_err();
    let human = jixiao::diag::render_human(&diags, &sources);
    assert!(human.contains("预算.xlsx:"), "{human}");
    assert!(human.contains("指标!A5: 展会补助"), "{human}");
}

#[test]
fn damaged_table_sheet() {
    let doc = load(&root().join("tests/fixtures/demo.yaml"));
    let mut bytes = render(&doc);
    assert!(!errors(&bytes[..bytes.len() / 2]).is_empty());
    bytes.truncate(10);
    let errs = errors(&bytes);
    assert!(
        errs[0].starts_with("X001 test.xlsx 不是可读取的 xlsx 电子表格"),
        "{errs:?}"
    );
}

#[test]
fn table_layout_errors_name_sheet_and_cell() {
    let sheet = |budget: Cell| {
        vec![
            vec![T("1.测试项目绩效目标表")],
            vec![
                T("323101天津市某局"),
                T(""),
                T(""),
                T(""),
                T(""),
                T("单位：元"),
            ],
            vec![T("项目名称"), T("测试项目")],
            vec![
                T("预算规模及资金用途"),
                T("预算数"),
                budget,
                T("其中：财政资金"),
                T(""),
                T("其他资金"),
            ],
            vec![T(""), T("用途")],
            vec![T("绩效目标"), T("2025年底前完成")],
            vec![
                T("一级指标"),
                T("二级指标"),
                T("三级指标"),
                T("绩效指标描述"),
                T("指标值"),
            ],
            vec![T("产出指标"), T("数量指标"), T("场次"), T(""), T("≥3场")],
            vec![T(""), T(""), T(""), T("说明"), T("≥3场")],
        ]
    };
    let bytes = workbook(&[("1", sheet(T("十万")))]);
    assert_eq!(
        errors(&bytes),
        ["X004 1!C4：“十万”不是金额", "X006 1!C9：三级指标为空"]
    );
    // Without a 文档信息 sheet, the settings come from the table itself.
    let mut good = sheet(N(100000.0));
    good.pop();
    let doc = read(&workbook(&[("1", good)])).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(doc.year.value, 2025);
    assert_eq!(doc.unit.line(), "323101天津市某局");
    assert_eq!(DocumentView::new(&doc).tables[0].budget_total, "100000.00");
    assert_eq!(
        DocumentView::new(&doc).tables[0].groups[0].rows[0].description,
        "",
        "an empty description cell in the table layout stays empty"
    );
}

#[test]
fn table_layout_with_spacer_columns() {
    // The district layout: empty spacer columns, a lone space for an empty amount, the
    // financial label with spaces inside, a hand-typed plan label with ASCII brackets.
    let sheet = vec![
        vec![T("1.消费券绩效目标表")],
        vec![
            T("323101天津市某局"),
            T(""),
            T(""),
            T(""),
            T(""),
            T(""),
            T("单位：元"),
        ],
        vec![T("项目名称"), T("消费券"), T(""), T(""), T(""), T("")],
        vec![
            T("预算规模及资金用途"),
            T("预算数"),
            T(""),
            N(416543.39),
            T("其中：财政    资金"),
            T("416543.39"),
            T("其他资金"),
            T(" "),
        ],
        vec![T(""), T(""), T("发放消费券。")],
        vec![
            T("资金支出计划(%)"),
            T("3月底"),
            T("6月底"),
            T("10月底"),
            T("12月底"),
        ],
        vec![T(""), T(""), T(""), T(""), P(1.0)],
        vec![T("绩效目标"), T("1.发放消费券")],
        vec![
            T("一级指标"),
            T("二级指标"),
            T("三级指标"),
            T("绩效指标描述"),
            T(""),
            T("指标值"),
            T(""),
        ],
        vec![
            T("产出指标"),
            T("数量指标"),
            T("发放种类"),
            T("发放种类"),
            T(""),
            T("1种"),
        ],
        vec![
            T(""),
            T("质量指标"),
            T("核销率"),
            T("餐饮消费券核销率"),
            T(""),
            T("≥60%"),
        ],
    ];
    let info = vec![vec![T("预算年度"), N(2025.0)]];
    let doc =
        read(&workbook(&[("1", sheet), ("文档信息", info)])).unwrap_or_else(|d| panic!("{d:#?}"));
    let view = DocumentView::new(&doc);
    let t = &view.tables[0];
    assert_eq!(
        (
            t.budget_total.as_str(),
            t.budget_fiscal.as_str(),
            t.budget_other.as_str()
        ),
        ("416543.39", "416543.39", "")
    );
    assert_eq!(t.purpose, "发放消费券。");
    assert_eq!(t.spending_plan.as_ref().unwrap()[3].value, "100%");
    assert_eq!(t.goals, ["1.发放消费券"]);
    assert!(!t.has_basis);
    let rows: Vec<(&str, &str, &str)> = t.groups[0]
        .rows
        .iter()
        .map(|r| (r.level2.as_str(), r.description.as_str(), r.value.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("数量指标", "发放种类", "1种"),
            ("质量指标", "餐饮消费券核销率", "≥60%")
        ]
    );
}

#[test]
fn import_command_writes_a_folder_or_nothing() {
    let dir = std::env::temp_dir().join(format!("jixiao-xlsx-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let import = |file: &Path, out: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .arg("import")
            .arg(file)
            .arg("--out")
            .arg(out)
            .output()
            .unwrap()
    };

    let mut rows = indicator_rows();
    rows[4][0] = T("展会补助");
    let bad = dir.join("坏.xlsx");
    std::fs::write(&bad, workbook(&[("项目", project_rows()), ("指标", rows)])).unwrap();
    let out = import(&bad, &dir.join("坏"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("指标!A5"), "{stderr}");
    assert!(!dir.join("坏").exists(), "nothing is written on error");

    let doc = load(&root().join("tests/fixtures/demo.yaml"));
    let good = dir.join("demo.xlsx");
    std::fs::write(&good, render(&doc)).unwrap();
    let out = import(&good, &dir.join("demo"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = load(&dir.join("demo"));
    assert_eq!(view_json(&doc), view_json(&back));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn allowed_rule_naming_no_row() {
    let bytes = workbook(&[
        ("项目", project_rows()),
        ("指标", indicator_rows()),
        (
            "文档信息",
            vec![
                vec![T("预算年度"), T("2025")],
                vec![T("允许"), T("指标!C3"), T("V101"), T("原文如此")],
                vec![T("允许"), T("指标!C99"), T("V101"), T("原文如此")],
            ],
        ),
    ]);
    assert_eq!(
        errors(&bytes),
        ["X003 文档信息!B3：允许规则所在的单元格“指标!C99”不是项目名称或三级指标所在的行"]
    );
    let mut info = vec![vec![T("预算年度"), T("2025")]];
    info.push(vec![T("允许"), T("指标!C3"), T("V101"), T("原文如此")]);
    info.push(vec![
        T("允许"),
        T("项目!D3"),
        T("S205"),
        T("只有满意度指标"),
    ]);
    let bytes = workbook(&[
        ("项目", project_rows()),
        ("指标", indicator_rows()),
        ("文档信息", info),
    ]);
    let doc = read(&bytes).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(allows(&doc), ["0.1 V101 原文如此", "1 S205 只有满意度指标"]);
}
