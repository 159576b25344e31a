//! The rule registry: one file per rule, each with a stable code, a default severity,
//! a one-line summary and its user documentation. Codes are never reused: a retired
//! rule keeps its number out of circulation.
//!
//! Code ranges follow the passes: L loading, V values, S structure, C consistency,
//! T text, A configuration.
//!
//! The registry also documents the codes printed outside `check`, so that every code the
//! tool prints can be explained: P (PDF), H (HTML) and R (xlsx) when writing outputs, X
//! (spreadsheets) and I (published text) when importing. They are listed in
//! [`OUTPUT_AND_IMPORT`], not in [`ALL`]: they have no check fixtures, and a document's
//! `rules:` and `allow:` cannot name them (A501/A502 say so).

use crate::diag::Severity;

/// The pass that produces a rule's findings, in the order the passes run; the last two
/// are not passes of `check` but the stages that report the other codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pass {
    Loading,
    Values,
    Structure,
    Consistency,
    Text,
    Config,
    /// Writing outputs (`jixiao build`, `jixiao watch`): PDF, HTML and xlsx backends.
    Output,
    /// Reading a published document's text or a spreadsheet (`jixiao import`).
    Import,
}

impl Pass {
    /// The Chinese name shown in `jixiao rules` and in the book.
    pub fn label_zh(self) -> &'static str {
        match self {
            Pass::Loading => "读取",
            Pass::Values => "指标值",
            Pass::Structure => "结构",
            Pass::Consistency => "一致性",
            Pass::Text => "文字",
            Pass::Config => "配置",
            Pass::Output => "输出",
            Pass::Import => "导入",
        }
    }

    /// Whether `check` runs this pass, so that its rules can be configured in a
    /// document's `rules:` and `allow:`.
    pub fn is_check(self) -> bool {
        !matches!(self, Pass::Output | Pass::Import)
    }
}

/// One rule of the registry.
#[derive(Debug, serde::Serialize)]
pub struct Rule {
    /// Stable code such as `C302`.
    pub code: &'static str,
    /// Short English name, kebab-case, for people who prefer names to numbers.
    pub name: &'static str,
    /// Severity unless the document's `rules:` says otherwise.
    pub severity: Severity,
    pub pass: Pass,
    /// One-line Chinese summary.
    pub summary: &'static str,
    /// Whether `jixiao check --fix` can fix its findings.
    pub fixable: bool,
    /// Markdown documentation in Chinese: what, why, example, fix.
    pub doc: &'static str,
}

impl Rule {
    /// Whether a document's `rules:` and `allow:` may name this code: only the rules
    /// `check` reports.
    pub fn configurable(&self) -> bool {
        self.pass.is_check()
    }
}

/// The rule or output/import code with this code, if any: whatever the tool prints,
/// `jixiao explain` can explain.
pub fn lookup(code: &str) -> Option<&'static Rule> {
    every().find(|r| r.code == code)
}

/// The `check` rule with this code, if any: what `rules:` and `allow:` may name.
pub fn lookup_check(code: &str) -> Option<&'static Rule> {
    lookup(code).filter(|r| r.configurable())
}

/// Every registered code: the check rules, then the output and import codes.
pub fn every() -> impl Iterator<Item = &'static Rule> {
    ALL.iter().chain(OUTPUT_AND_IMPORT).copied()
}

mod a501_unknown_rule_code;
mod a502_unknown_allow_code;
mod a503_unused_allow;
mod c301_budget_sum;
mod c302_cost_over_budget;
mod c303_cost_differs_from_budget;
mod c304_unreachable_cost;
mod c305_impossible_date;
mod c306_deadline_before_year;
mod c307_deadline_after_year;
mod c308_title_year_mismatch;
mod c309_spending_plan_decreasing;
mod c310_spending_plan_incomplete;
mod c311_spending_plan_invalid;
mod c312_timeliness_kind;
mod c313_timeliness_rate;
mod c314_cost_kind;
mod c315_cost_not_money;
mod c316_satisfaction_kind;
mod c317_complaint_rate;
mod c318_satisfaction_100;
mod h001_html_template_invalid;
mod h002_html_render_failed;
mod h003_index_page_collision;
mod i001_unplaceable_content;
mod i002_incomplete_table;
mod i003_invalid_amount_cell;
mod i004_no_tables;
mod i005_amount_unit;
mod i006_unknown_year;
mod i101_table_number_gap;
mod i102_heading_name_mismatch;
mod i201_inferred_year;
mod l001_yaml_syntax;
mod l002_unknown_key;
mod l003_wrong_type;
mod l004_missing_field;
mod l005_duplicate_key;
mod l006_invalid_amount;
mod l007_negative_amount;
mod l008_amount_precision;
mod l009_unreadable_file;
mod l011_project_order;
mod p001_missing_glyph;
mod p002_pdf_template_error;
mod p003_pdf_standard;
mod p004_pdf_date;
mod r201_xlsx_write_failed;
mod s201_unknown_framework;
mod s202_unknown_level1;
mod s203_unknown_level2;
mod s204_misplaced_level2;
mod s205_missing_category;
mod s206_empty_cell;
mod s207_duplicate_row;
mod t401_typed_goal_numbering;
mod t402_whitespace;
mod t403_width_hygiene;
mod t404_duplicate_title;
mod t405_copied_goals;
mod t406_copied_indicators;
mod v101_non_canonical_value;
mod v102_word_comparator;
mod v103_redundant_comparator;
mod v104_missing_unit;
mod v105_non_standard_unit;
mod v106_unknown_unit;
mod v107_malformed_date;
mod v108_missing_comparator;
mod v109_inverted_range;
mod v110_unrecognized_quantity;
mod x001_unreadable_workbook;
mod x002_missing_sheet;
mod x003_unrecognized_layout;
mod x004_invalid_cell_amount;
mod x005_unknown_project_reference;
mod x006_missing_or_invalid_setting;
mod x007_inconsistent_amount_unit;

pub use a501_unknown_rule_code::RULE as A501;
pub use a502_unknown_allow_code::RULE as A502;
pub use a503_unused_allow::RULE as A503;
pub use c301_budget_sum::RULE as C301;
pub use c302_cost_over_budget::RULE as C302;
pub use c303_cost_differs_from_budget::RULE as C303;
pub use c304_unreachable_cost::RULE as C304;
pub use c305_impossible_date::RULE as C305;
pub use c306_deadline_before_year::RULE as C306;
pub use c307_deadline_after_year::RULE as C307;
pub use c308_title_year_mismatch::RULE as C308;
pub use c309_spending_plan_decreasing::RULE as C309;
pub use c310_spending_plan_incomplete::RULE as C310;
pub use c311_spending_plan_invalid::RULE as C311;
pub use c312_timeliness_kind::RULE as C312;
pub use c313_timeliness_rate::RULE as C313;
pub use c314_cost_kind::RULE as C314;
pub use c315_cost_not_money::RULE as C315;
pub use c316_satisfaction_kind::RULE as C316;
pub use c317_complaint_rate::RULE as C317;
pub use c318_satisfaction_100::RULE as C318;
pub use h001_html_template_invalid::RULE as H001;
pub use h002_html_render_failed::RULE as H002;
pub use h003_index_page_collision::RULE as H003;
pub use i001_unplaceable_content::RULE as I001;
pub use i002_incomplete_table::RULE as I002;
pub use i003_invalid_amount_cell::RULE as I003;
pub use i004_no_tables::RULE as I004;
pub use i005_amount_unit::RULE as I005;
pub use i006_unknown_year::RULE as I006;
pub use i101_table_number_gap::RULE as I101;
pub use i102_heading_name_mismatch::RULE as I102;
pub use i201_inferred_year::RULE as I201;
pub use l001_yaml_syntax::RULE as L001;
pub use l002_unknown_key::RULE as L002;
pub use l003_wrong_type::RULE as L003;
pub use l004_missing_field::RULE as L004;
pub use l005_duplicate_key::RULE as L005;
pub use l006_invalid_amount::RULE as L006;
pub use l007_negative_amount::RULE as L007;
pub use l008_amount_precision::RULE as L008;
pub use l009_unreadable_file::RULE as L009;
pub use l011_project_order::RULE as L011;
pub use p001_missing_glyph::RULE as P001;
pub use p002_pdf_template_error::RULE as P002;
pub use p003_pdf_standard::RULE as P003;
pub use p004_pdf_date::RULE as P004;
pub use r201_xlsx_write_failed::RULE as R201;
pub use s201_unknown_framework::RULE as S201;
pub use s202_unknown_level1::RULE as S202;
pub use s203_unknown_level2::RULE as S203;
pub use s204_misplaced_level2::RULE as S204;
pub use s205_missing_category::RULE as S205;
pub use s206_empty_cell::RULE as S206;
pub use s207_duplicate_row::RULE as S207;
pub use t401_typed_goal_numbering::RULE as T401;
pub use t402_whitespace::RULE as T402;
pub use t403_width_hygiene::RULE as T403;
pub use t404_duplicate_title::RULE as T404;
pub use t405_copied_goals::RULE as T405;
pub use t406_copied_indicators::RULE as T406;
pub use v101_non_canonical_value::RULE as V101;
pub use v102_word_comparator::RULE as V102;
pub use v103_redundant_comparator::RULE as V103;
pub use v104_missing_unit::RULE as V104;
pub use v105_non_standard_unit::RULE as V105;
pub use v106_unknown_unit::RULE as V106;
pub use v107_malformed_date::RULE as V107;
pub use v108_missing_comparator::RULE as V108;
pub use v109_inverted_range::RULE as V109;
pub use v110_unrecognized_quantity::RULE as V110;
pub use x001_unreadable_workbook::RULE as X001;
pub use x002_missing_sheet::RULE as X002;
pub use x003_unrecognized_layout::RULE as X003;
pub use x004_invalid_cell_amount::RULE as X004;
pub use x005_unknown_project_reference::RULE as X005;
pub use x006_missing_or_invalid_setting::RULE as X006;
pub use x007_inconsistent_amount_unit::RULE as X007;

/// Every `check` rule, in registry order: the rules a document's `rules:` and `allow:`
/// may name, each with fixtures in `tests/rules/<CODE>/`.
pub const ALL: &[&Rule] = &[
    &L001, &L002, &L003, &L004, &L005, &L006, &L007, &L008, &L009, &L011, &V101, &V102, &V103,
    &V104, &V105, &V106, &V107, &V108, &V109, &V110, &S201, &S202, &S203, &S204, &S205, &S206,
    &S207, &C301, &C302, &C303, &C304, &C305, &C306, &C307, &C308, &C309, &C310, &C311, &C312,
    &C313, &C314, &C315, &C316, &C317, &C318, &T401, &T402, &T403, &T404, &T405, &T406, &A501,
    &A502, &A503,
];

/// The codes printed outside `check`, in registry order: writing outputs (P PDF, H HTML,
/// R xlsx), then importing (X spreadsheets, I published text). Their severities are fixed.
pub const OUTPUT_AND_IMPORT: &[&Rule] = &[
    &P001, &P002, &P003, &P004, &H001, &H002, &H003, &R201, &X001, &X002, &X003, &X004, &X005,
    &X006, &X007, &I001, &I002, &I003, &I004, &I005, &I006, &I101, &I102, &I201,
];
