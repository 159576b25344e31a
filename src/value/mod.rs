//! Indicator values (指标值): every string a published table writes in its value column,
//! read into a typed [`Value`] with the [`Problem`]s in how it is written.
//!
//! The stages, one file each:
//! 1. `normalize` folds full-width characters, spaces and `>=` into the canonical
//!    characters and remembers where each change was;
//! 2. `grammar` (pest, `grammar/value.pest`) reads the folded text into a parse tree;
//!    `fast` splits the commonest shapes (`≥90%`, `≤41.66万元`, `2026年12月31日前`) into
//!    the same pieces without it, and leaves everything else to the grammar;
//! 3. `build` turns the pieces into a typed [`Value`] using the [`units`] table, and notes
//!    problems (missing unit, malformed or impossible date, …) with a repaired reading;
//! 4. `display` prints a value in its one canonical spelling, which is also the fix.
//!
//! [`parse`] is total: any string gives a [`ParsedValue`], text when nothing else fits.

mod build;
pub mod calendar;
mod display;
mod fast;
mod grammar;
mod model;
mod normalize;
mod problem;
pub mod units;
pub mod year;

use rust_decimal::Decimal;
use serde::Serialize;

pub use calendar::days_in_month;
pub use model::{
    BaseScale, Comparator, DatePoint, DateQualifier, DurationQualifier, MonthPeriod, Multiplier,
    Relation, Value,
};
pub use problem::{Problem, ProblemKind};
pub use units::{Dimension, UnitInfo};

/// A value as written, what it means, and what is off with how it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParsedValue {
    /// The value exactly as written.
    pub input: String,
    /// What the value means, as written (before any repair).
    #[serde(flatten)]
    pub kind: Value,
    /// The canonical spelling (the suggested fix when it differs from the input).
    canonical: Option<String>,
    /// What is off with how the value is written; empty for a canonical value.
    pub problems: Vec<Problem>,
}

impl ParsedValue {
    /// The canonical spelling: equal to the input for a canonical value, otherwise the
    /// suggested replacement. `None` for qualitative text.
    pub fn canonical(&self) -> Option<&str> {
        self.canonical.as_deref()
    }

    /// Whether the value is anything but qualitative text.
    pub fn is_quantitative(&self) -> bool {
        self.kind.is_quantitative()
    }

    /// Whether the value is written exactly in its canonical spelling with no problems.
    pub fn is_canonical(&self) -> bool {
        self.problems.is_empty() && self.canonical.as_deref() == Some(self.input.as_str())
    }

    /// Whether any problem is of `kind`.
    pub fn has(&self, kind: ProblemKind) -> bool {
        self.problems.iter().any(|p| p.kind == kind)
    }

    /// The exact amount in 元 of a money value in 元/万元/亿元 (`≤41.66万元` → 416600).
    pub fn money_in_yuan(&self) -> Option<Decimal> {
        self.kind.money_in_yuan()
    }
}

impl Value {
    /// The exact amount in 元 of a money quantity in 元/万元/亿元; `None` for anything
    /// else, including money without its 元 (`775.39万`) and foreign currencies.
    pub fn money_in_yuan(&self) -> Option<Decimal> {
        match self {
            Value::Quantity {
                number,
                multiplier,
                unit: Some(unit),
                ..
            } if unit.is_yuan() => {
                let n = match multiplier {
                    Some(m) => number.checked_mul(m.factor())?,
                    None => *number,
                };
                unit.to_base(n)
            }
            _ => None,
        }
    }
}

/// Reads one 指标值. Never panics; anything that is not quantitative comes back as text.
pub fn parse(input: &str) -> ParsedValue {
    parse_using(input, true)
}

/// [`parse`] without the fast path: every value goes through the grammar. The result is
/// the same for every input (tests and the fuzz target check this); it is here only so
/// they can compare.
#[doc(hidden)]
pub fn parse_with_grammar(input: &str) -> ParsedValue {
    parse_using(input, false)
}

fn parse_using(input: &str, fast: bool) -> ParsedValue {
    let folded = normalize::normalize(input);
    let text: &str = &folded.text;
    if text.is_empty() {
        return ParsedValue {
            input: input.to_string(),
            kind: Value::Text {
                text: String::new(),
            },
            canonical: None,
            problems: vec![Problem {
                kind: ProblemKind::Empty,
                message: "指标值为空".to_string(),
                fix: None,
                span: None,
            }],
        };
    }
    let built = match fast.then(|| fast::build(text)).flatten() {
        Some(built) => Some(built),
        None => build::build(text),
    };
    let Some(built) = built else {
        let mut problems = Vec::new();
        let looks_quantitative =
            text.bytes().any(|b| b.is_ascii_digit()) || text.starts_with(['≥', '≤', '>', '<', '=']);
        if looks_quantitative {
            problems.push(Problem {
                kind: ProblemKind::UnrecognizedQuantity,
                message: "看似数值，但不是可识别的数量、百分比、比例、日期或时长写法".to_string(),
                fix: None,
                span: None,
            });
        }
        return ParsedValue {
            input: input.to_string(),
            kind: Value::Text {
                text: input.trim().to_string(),
            },
            canonical: None,
            problems,
        };
    };
    let canonical = built.repaired.as_ref().unwrap_or(&built.value).to_string();
    let differs = canonical != input;
    let fix = |fixable: bool| (fixable && differs).then(|| canonical.clone());
    let mut problems: Vec<Problem> = folded
        .changes
        .iter()
        .map(|(message, span)| Problem {
            kind: ProblemKind::NonCanonical,
            message: (*message).to_string(),
            fix: fix(true),
            span: Some(span.clone()),
        })
        .collect();
    problems.extend(built.findings.into_iter().map(|f| Problem {
        kind: f.kind,
        message: f.message,
        fix: fix(f.fixable),
        span: f.span.map(|s| folded.original_range(s)),
    }));
    if differs && !problems.iter().any(|p| p.fix.is_some()) {
        problems.push(Problem {
            kind: ProblemKind::NonCanonical,
            message: format!("应写作“{canonical}”"),
            fix: Some(canonical.clone()),
            span: None,
        });
    }
    problems.sort_by_key(|p| (p.span.as_ref().map_or(usize::MAX, |s| s.start), p.kind));
    ParsedValue {
        input: input.to_string(),
        kind: built.value,
        canonical: Some(canonical),
        problems,
    }
}
