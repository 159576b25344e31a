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
