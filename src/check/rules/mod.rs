//! The rule registry: one file per rule, each with a stable code, a default severity,
//! a one-line summary and its user documentation. Codes are never reused: a retired
//! rule keeps its number out of circulation.
//!
//! Code ranges follow the passes: L loading, V values, S structure, C consistency,
//! T text, E self-evaluation (自评), A configuration.
//!
//! The registry also documents the codes printed outside `check`, so that every code the
//! tool prints can be explained: P (PDF), H (HTML), R (xlsx) and W (Word) when writing outputs, X
//! (spreadsheets) and I (published text) when importing. They are listed in
//! [`OUTPUT_AND_IMPORT`], not in [`ALL`]: they have no check fixtures, and a document's
//! `rules:` and `allow:` cannot name them (A501/A502 say so).
//!
//! The D codes are the findings of `jixiao diff` about a new version of a document,
//! listed in [`DIFF`]: configurable in that document like check rules.

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
    /// The checks of a self-evaluation (自评), and reading a separate 自评 document.
    Evaluation,
    Config,
    /// Writing outputs (`jixiao build`, `jixiao watch`): PDF, HTML and xlsx backends.
    Output,
    /// Reading a published document's text or a spreadsheet (`jixiao import`).
    Import,
    /// Comparing two versions of a document (`jixiao diff`).
    Diff,
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
            Pass::Evaluation => "自评",
            Pass::Config => "配置",
            Pass::Output => "输出",
            Pass::Import => "导入",
            Pass::Diff => "比较",
        }
    }

    /// Whether `check` runs this pass, so that its rules can be configured in a
    /// document's `rules:` and `allow:`.
    pub fn is_check(self) -> bool {
        !matches!(self, Pass::Output | Pass::Import | Pass::Diff)
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
    /// Whether a document's `rules:` and `allow:` may name this code: the rules `check`
    /// reports, and the findings of `jixiao diff` (configured by the new document).
    pub fn configurable(&self) -> bool {
        self.pass.is_check() || self.pass == Pass::Diff
    }
}

/// The rule or output/import code with this code, if any: whatever the tool prints,
/// `jixiao explain` can explain.
pub fn lookup(code: &str) -> Option<&'static Rule> {
    every().find(|r| r.code == code)
}

/// The configurable rule with this code, if any: what `rules:` and `allow:` may name.
pub fn lookup_check(code: &str) -> Option<&'static Rule> {
    lookup(code).filter(|r| r.configurable())
}

/// Every registered code: the check rules, the comparison's, then the output and import
/// codes.
pub fn every() -> impl Iterator<Item = &'static Rule> {
    ALL.iter().chain(DIFF).chain(OUTPUT_AND_IMPORT).copied()
}

/// Declares the registry once: each line `file_name => CODE` makes the module (the file
/// `src/check/rules/file_name.rs`, whose `RULE` holds the entry), the constant
/// `rules::CODE` that diagnostics are made from ([`crate::diag::Diagnostic::of`]), and the
/// code's place in [`ALL`], [`DIFF`] or [`OUTPUT_AND_IMPORT`] (registry order, as the book
/// lists them).
macro_rules! registry {
    (
        check: [$($check_mod:ident => $check_code:ident,)*],
        diff: [$($diff_mod:ident => $diff_code:ident,)*],
        output_and_import: [$($out_mod:ident => $out_code:ident,)*],
    ) => {
        $(mod $check_mod; pub use $check_mod::RULE as $check_code;)*
        $(mod $diff_mod; pub use $diff_mod::RULE as $diff_code;)*
        $(mod $out_mod; pub use $out_mod::RULE as $out_code;)*

        /// Every `check` rule, in registry order: the rules a document's `rules:` and
        /// `allow:` may name, each with fixtures in `tests/rules/<CODE>/`.
        pub const ALL: &[&Rule] = &[$(&$check_code),*];

        /// The findings of `jixiao diff` (D001–D099), in registry order: configurable in
        /// the new document's `rules:` and `allow:`, tested by the comparison's own tests
        /// (`tests/diff.rs`) rather than check fixtures.
        pub const DIFF: &[&Rule] = &[$(&$diff_code),*];

        /// The codes printed outside `check`, in registry order: writing outputs (P PDF,
        /// H HTML, R xlsx), then importing (X spreadsheets, I published text). Their
        /// severities are fixed.
        pub const OUTPUT_AND_IMPORT: &[&Rule] = &[$(&$out_code),*];
    };
}

// Add a rule: one line here (in its range's place), one file beside this one.
registry! {
    check: [
        l001_yaml_syntax => L001,
        l002_unknown_key => L002,
        l003_wrong_type => L003,
        l004_missing_field => L004,
        l005_duplicate_key => L005,
        l006_invalid_amount => L006,
        l007_negative_amount => L007,
        l008_amount_precision => L008,
        l009_unreadable_file => L009,
        l011_project_order => L011,
        l012_amount_with_unit => L012,
        v101_non_canonical_value => V101,
        v102_word_comparator => V102,
        v103_redundant_comparator => V103,
        v104_missing_unit => V104,
        v105_non_standard_unit => V105,
        v106_unknown_unit => V106,
        v107_malformed_date => V107,
        v108_missing_comparator => V108,
        v109_inverted_range => V109,
        v110_unrecognized_quantity => V110,
        s201_unknown_framework => S201,
        s202_unknown_level1 => S202,
        s203_unknown_level2 => S203,
        s204_misplaced_level2 => S204,
        s205_missing_category => S205,
        s206_empty_cell => S206,
        s207_duplicate_row => S207,
        s208_category_alias => S208,
        c301_budget_sum => C301,
        c302_cost_over_budget => C302,
        c303_cost_differs_from_budget => C303,
        c304_unreachable_cost => C304,
        c305_impossible_date => C305,
        c306_deadline_before_year => C306,
        c307_deadline_after_year => C307,
        c308_title_year_mismatch => C308,
        c309_spending_plan_decreasing => C309,
        c310_spending_plan_incomplete => C310,
        c311_spending_plan_invalid => C311,
        c312_timeliness_kind => C312,
        c313_timeliness_rate => C313,
        c314_cost_kind => C314,
        c315_cost_not_money => C315,
        c316_satisfaction_kind => C316,
        c317_complaint_rate => C317,
        c318_satisfaction_100 => C318,
        c319_quantity_without_comparator => C319,
        c320_category_value_mismatch => C320,
        c321_malformed_compound_unit => C321,
        c322_percent_on_non_rate => C322,
        c323_comparator_direction => C323,
        c324_rate_over_100 => C324,
        c325_excel_serial_date => C325,
        c326_period_past_year => C326,
        t401_typed_goal_numbering => T401,
        t402_whitespace => T402,
        t403_width_hygiene => T403,
        t404_duplicate_title => T404,
        t405_copied_goals => T405,
        t406_copied_indicators => T406,
        t407_template_leftover => T407,
        t408_result_as_target => T408,
        e001_actual_missing => E001,
        e002_actual_incomparable => E002,
        e003_shortfall_without_reason => E003,
        e004_overshoot_without_reason => E004,
        e005_weights_not_100 => E005,
        e006_executed_over_budget => E006,
        e007_score_mismatch => E007,
        e008_grade_missing => E008,
        e009_unknown_grade => E009,
        e010_executed_missing => E010,
        e011_scoring_unresolved => E011,
        e012_unknown_project => E012,
        e013_unknown_row => E013,
        e014_evaluated_twice => E014,
        e015_row_outside_method => E015,
        e016_targets_unusable => E016,
        e017_achieved_missing => E017,
        a501_unknown_rule_code => A501,
        a502_unknown_allow_code => A502,
        a503_unused_allow => A503,
    ],
    diff: [
        d001_target_lowered_budget_grew => D001,
        d002_turned_qualitative => D002,
        d003_category_dropped => D003,
        d004_copied_with_new_year => D004,
        d005_guessed_match => D005,
    ],
    output_and_import: [
        p001_missing_glyph => P001,
        p002_pdf_template_error => P002,
        p003_pdf_standard => P003,
        p004_pdf_date => P004,
        h001_html_template_invalid => H001,
        h002_html_render_failed => H002,
        h003_index_page_collision => H003,
        r201_xlsx_write_failed => R201,
        w001_docx_reference_invalid => W001,
        w002_docx_write_failed => W002,
        x001_unreadable_workbook => X001,
        x002_missing_sheet => X002,
        x003_unrecognized_layout => X003,
        x004_invalid_cell_amount => X004,
        x005_unknown_project_reference => X005,
        x006_missing_or_invalid_setting => X006,
        x007_inconsistent_amount_unit => X007,
        i001_unplaceable_content => I001,
        i002_incomplete_table => I002,
        i003_invalid_amount_cell => I003,
        i004_no_tables => I004,
        i005_amount_unit => I005,
        i006_unknown_year => I006,
        i101_table_number_gap => I101,
        i102_heading_name_mismatch => I102,
        i201_inferred_year => I201,
        i301_unreadable_docx => I301,
        i302_input_too_large => I302,
        i303_libreoffice_missing => I303,
        i304_conversion_failed => I304,
        i305_encrypted_file => I305,
        i306_unsupported_format => I306,
        i307_docx_properties => I307,
        i401_pdf_unreadable => I401,
        i402_pdf_no_text_layer => I402,
        i403_pdf_irregular_table => I403,
        i404_pdf_unmapped_glyph => I404,
        i405_pdf_over_limit => I405,
    ],
}
