//! The spreadsheet layout's vocabulary: the sheet and row labels that
//! [`crate::render::xlsx`] writes and [`crate::import::xlsx`] reads back, in one place so
//! the two never drift apart. The layout itself is documented in `book/src/xlsx.md`.

/// The name of the sheet that holds the document's settings.
pub const INFO_SHEET: &str = "文档信息";

/// The self-evaluation sheets (`自评汇总`, `自评1`, …) start with this: outputs only, which
/// importing passes over.
pub const EVALUATION_SHEET_PREFIX: &str = "自评";

/// Labels of the 文档信息 sheet, in the order they are written.
pub mod info {
    /// 预算年度.
    pub const YEAR: &str = "预算年度";
    /// 金额单位.
    pub const AMOUNT_UNIT: &str = "金额单位";
    /// 单位编码 of the default unit.
    pub const UNIT_CODE: &str = "单位编码";
    /// 单位名称 of the default unit.
    pub const UNIT_NAME: &str = "单位名称";
    /// 指标体系.
    pub const FRAMEWORK: &str = "指标体系";
    /// 文档标题.
    pub const TITLE: &str = "文档标题";
    /// 发布日期.
    pub const DATE: &str = "发布日期";
    /// 总体绩效目标 (Part 1).
    pub const OVERALL: &str = "总体绩效目标";
    /// One 分项绩效目标 per row: title, goal, indicator.
    pub const ITEM: &str = "分项绩效目标";
    /// One 工作保障措施 per row.
    pub const SAFEGUARD: &str = "工作保障措施";
    /// One rule override per row: code, level.
    pub const RULE: &str = "规则";
    /// One allowed rule per row: the cell it applies to (the 项目名称 cell for a
    /// project, the 三级指标 cell for a row, as `1!C14`), code, reason.
    pub const ALLOW: &str = "允许";
}

/// Labels of the per-table sheets, in column A.
pub mod label {
    /// 项目编码 row.
    pub const CODE: &str = "项目编码";
    /// 项目名称 row.
    pub const NAME: &str = "项目名称";
    /// First of the two budget rows.
    pub const BUDGET: &str = "预算规模及资金用途";
    /// 预算数 label inside the budget row.
    pub const TOTAL: &str = "预算数";
    /// 财政资金 label inside the budget row.
    pub const FISCAL: &str = "其中：财政资金";
    /// 其他资金 label inside the budget row.
    pub const OTHER: &str = "其他资金";
    /// First of the two spending-plan rows.
    pub const PLAN: &str = "资金支出计划（%）";
    /// First goal row.
    pub const GOALS: &str = "绩效目标";
    /// The amount-unit cell on the unit line starts with this.
    pub const UNIT_PREFIX: &str = "单位：";
}

/// Which spreadsheet layout `jixiao build --format xlsx` writes (`--xlsx-layout`, whose
/// help is in `cli/build.rs`): one sheet per project in the published layout (the
/// default), or the budget system's split columns with every project on one sheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum XlsxLayout {
    /// One sheet per project, as published.
    #[default]
    Table,
    /// The budget system's split columns: every project on one sheet, one block each.
    Split,
}

/// A column of an indicator grid: the table layout's, the flat `指标` sheet's and the
/// budget system's split columns (运算符 | 指标值 | 度量单位 | 权重 | 指标方向 | 指标值说明).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Level1,
    Level2,
    Level3,
    Description,
    Comparator,
    /// 指标性质: the comparator when there is no 运算符 column (`≥`, `定性`); beside one,
    /// 定量 or 定性.
    Nature,
    Value,
    Unit,
    Weight,
    Direction,
    Explanation,
    Basis,
}

/// Every header name of each grid column, the one jixiao writes first. Headers are
/// compared without spaces and with ASCII brackets made full-width.
pub const COLUMNS: &[(Column, &[&str])] = &[
    (Column::Level1, &["一级指标"]),
    (Column::Level2, &["二级指标"]),
    (Column::Level3, &["三级指标", "三级指标名称"]),
    (Column::Description, &["绩效指标描述", "指标内容"]),
    (
        Column::Comparator,
        &["运算符", "运算符号", "比较符号", "指标符号", "符号"],
    ),
    (Column::Nature, &["指标性质"]),
    (
        Column::Value,
        &["指标值", "目标值", "年度指标值", "指标值（目标值）"],
    ),
    (Column::Unit, &["度量单位", "计量单位", "单位"]),
    (
        Column::Weight,
        &["权重", "分值", "权重（%）", "权重（分）", "指标权重"],
    ),
    (Column::Direction, &["指标方向", "方向"]),
    (
        Column::Explanation,
        &["指标值说明", "指标解释", "指标说明", "指标值设定依据及说明"],
    ),
    (Column::Basis, &["指标值确定依据"]),
];

/// The columns only the budget system's layout has: a grid header with any of them is
/// read in that layout.
pub const SPLIT_ONLY: [Column; 6] = [
    Column::Comparator,
    Column::Nature,
    Column::Unit,
    Column::Weight,
    Column::Direction,
    Column::Explanation,
];

/// The budget system's layout: its sheet, and the words of its comparator column.
pub mod split {
    /// The sheet `--xlsx-layout split` writes every project on.
    pub const SHEET: &str = "绩效目标";
    /// The comparator cell of a qualitative row.
    pub const QUALITATIVE: &str = "定性";
    /// The comparator cell some systems write for a quantitative row with its operator
    /// elsewhere (nothing to join).
    pub const QUANTITATIVE: &str = "定量";
    /// The header cell of a numbering column, which is passed over.
    pub const SERIAL: &str = "序号";
    /// A row of one cell starting with one of these is a note, passed over anywhere.
    pub const NOTE_PREFIXES: [&str; 4] = ["注：", "说明：", "备注：", "填报说明："];
}

/// A project field in the header rows above a block of the budget system's layout
/// (`项目名称：…`, or the label in one cell and the value in the next).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Code,
    Name,
    UnitCode,
    UnitName,
    Total,
    Fiscal,
    Other,
    Purpose,
    March,
    June,
    October,
    December,
    Goals,
}

/// Every label of each project field, the one jixiao writes first. An amount's label may
/// carry its unit: `预算数（万元）`.
pub const FIELDS: &[(Field, &[&str])] = &[
    (Field::Code, &["项目编码", "项目代码"]),
    (Field::Name, &["项目名称"]),
    (Field::UnitCode, &["单位编码", "单位代码"]),
    (
        Field::UnitName,
        &["单位名称", "预算单位", "编制单位", "实施单位"],
    ),
    (
        Field::Total,
        &[
            "预算数",
            "预算金额",
            "资金总额",
            "年度资金总额",
            "项目资金",
            "预算资金",
        ],
    ),
    (Field::Fiscal, &["财政资金", "其中：财政资金", "财政拨款"]),
    (Field::Other, &["其他资金"]),
    (Field::Purpose, &["资金用途", "项目概况"]),
    (Field::March, &["3月底"]),
    (Field::June, &["6月底"]),
    (Field::October, &["10月底"]),
    (Field::December, &["12月底"]),
    (
        Field::Goals,
        &["绩效目标", "年度绩效目标", "年度目标", "总体目标"],
    ),
];

/// The first (written) name of a column or field in one of the tables above.
pub fn written<K: PartialEq + Copy>(
    table: &[(K, &'static [&'static str])],
    key: K,
) -> &'static str {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, names)| names[0])
}
