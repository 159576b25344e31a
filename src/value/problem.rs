//! What is off with a value: each finding has a kind the checker maps to a rule code,
//! a Chinese message, and (when the value was understood) the canonical replacement.

use std::ops::Range;

use serde::Serialize;

/// One thing wrong with how a value is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What kind of problem this is.
    pub kind: ProblemKind,
    /// A message in Chinese that stands on its own.
    pub message: String,
    /// The whole value written canonically, when the parser knows what was meant.
    pub fix: Option<String>,
    /// The byte range inside the original value the problem is about.
    pub span: Option<Range<usize>>,
}

/// The kinds of problems, each with a stable meaning the checker can give a rule code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The value is empty or only whitespace.
    Empty,
    /// Understood, but not in its canonical spelling: full-width digits or `％`, `>=`
    /// instead of `≥`, spaces, thousands separators, `月份` for `月`, a comparator word
    /// after the number (`90%以上`), leading zeros. The fix is the canonical spelling.
    NonCanonical,
    /// A Chinese comparator word where the symbol is standard: `少于2076万元` → `<2076万元`.
    WordComparator,
    /// The comparator is written twice (`≥90%以上`).
    RedundantComparator,
    /// A number with no unit: `≤775.39万` (fix `≤775.39万元`), `≥95`.
    MissingUnit,
    /// A unit spelled in a non-standard way: `≥95百分比` → `≥95%`, `平米` → `平方米`.
    NonStandardUnit,
    /// A unit the unit table does not know; the value is read as a count of it.
    UnknownUnit,
    /// A date not written as `YYYY年M月D日`: `≤2024.12`, `≤2024.12日期`, `≤2024年12月`.
    /// The fix is the deadline it most likely means (`2024年12月底前`).
    MalformedDate,
    /// A date that does not exist in the calendar: `2024年6月31日`, `13月`.
    ImpossibleDate,
    /// A percentage target strictly between 0% and 100% with no comparator (`90%`):
    /// it reads as "exactly", which is rarely meant. No fix: the direction is unknown.
    MissingComparator,
    /// A range whose low end is not below its high end (`90-80%`).
    InvertedRange,
    /// Text with digits that no quantitative form reads (`完成3项任务`); kept as text.
    UnrecognizedQuantity,
}
