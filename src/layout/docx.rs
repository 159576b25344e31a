//! The Word layout's vocabulary for what the tables do not show: the custom document
//! properties (`docProps/custom.xml`) that [`crate::render::docx`] writes and
//! [`crate::import::docx`] reads back, so that the round trip through a .docx is exact.
//!
//! The settings use the labels of the spreadsheet's 文档信息 sheet
//! ([`super::xlsx::info`]: 预算年度, 金额单位, 单位编码, 单位名称, 指标体系, 文档标题, 发布日期),
//! one text property each; the rules and allowed findings are JSON texts (below). The
//! layout is documented in `book/src/docx.md`.

/// The custom property holding the document's rule overrides: a JSON object, rule code →
/// level word (`{"<code>":"off"}`; the words of `rules:`).
pub const RULES_PROPERTY: &str = "规则";

/// The custom property holding the allowed findings: a JSON array of objects
/// `{"表":1,"行":2,"代码":"<code>","理由":"…"}` ([`allow`] has the keys).
pub const ALLOW_PROPERTY: &str = "允许";

/// Keys of one entry of [`ALLOW_PROPERTY`].
pub mod allow {
    /// The table (project), 1-based in document order.
    pub const TABLE: &str = "表";
    /// The indicator row within the table, 1-based in printed order; absent for an
    /// allow on the project itself.
    pub const ROW: &str = "行";
    /// The rule code.
    pub const CODE: &str = "代码";
    /// The reason shown in reports.
    pub const REASON: &str = "理由";
}
