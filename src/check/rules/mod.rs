//! The rule registry: one file per rule, each with a stable code, a default severity,
//! a one-line summary and its user documentation. Codes are never reused: a retired
//! rule keeps its number out of circulation.
//!
//! Code ranges follow the passes: L loading, V values, S structure, C consistency,
//! T text, A configuration.

use crate::diag::Severity;

/// The pass that produces a rule's findings, in the order the passes run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pass {
    Loading,
    Values,
    Structure,
    Consistency,
    Text,
    Config,
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
        }
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

/// The rule with this code, if any.
pub fn lookup(code: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.code == code)
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

/// Every rule, in registry order.
pub const ALL: &[&Rule] = &[
    &L001, &L002, &L003, &L004, &L005, &L006, &L007, &L008, &L009, &L011, &V101, &V102, &V103,
    &V104, &V105, &V106, &V107, &V108, &V109, &V110, &S201, &S202, &S203, &S204, &S205, &S206,
    &S207, &C301, &C302, &C303, &C304, &C305, &C306, &C307, &C308, &C309, &C310, &C311, &C312,
    &C313, &C314, &C315, &C316, &C317, &C318, &T401, &T402, &T403, &T404, &T405, &T406, &A501,
    &A502, &A503,
];
