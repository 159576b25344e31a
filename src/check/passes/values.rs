//! Values: every row's 指标值 is parsed once with [`crate::value::parse`]; each problem in
//! how it is written becomes a V finding (with the canonical spelling as help, and as a fix
//! where it is certain), and what the value means is kept for the later passes.

use std::collections::BTreeMap;
use std::ops::Range;

use rust_decimal::Decimal;

use crate::check::Context;
use crate::check::fix::{inner_span, replace_scalar};
use crate::check::rules::{self, Rule};
use crate::diag::Diagnostic;
use crate::model::Row;
use crate::value::{self, Dimension, ParsedValue, ProblemKind, Relation, Value};

/// How a target compares, whatever its spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// `≥`, 不低于, 以上 …
    AtLeast,
    /// `>`, 大于, 超过 …
    Above,
    /// `≤`, 不高于, 以内 …
    AtMost,
    /// `<`, 少于, 低于 …
    Below,
    /// `=` or none written.
    Exactly,
}

/// A calendar date, month or period written in a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateFact {
    pub year: Option<i32>,
    /// Byte range of the year digits inside the value, when they can be found.
    pub year_range: Option<Range<usize>>,
}

/// What a value means, as far as the checks need it.
#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    /// An amount of money, converted to 元.
    Money {
        cmp: Cmp,
        yuan: Decimal,
    },
    /// Money per something (`元/个`, `万元/年`): a price, not comparable to a budget.
    MoneyRate,
    Percent {
        cmp: Cmp,
        value: Decimal,
    },
    /// A count or measure in another unit, a bare number or a range.
    Quantity,
    Ratio,
    /// A date, deadline or period (`2025年12月底前`, `12月底前`, `2025年1-12月`).
    Date(DateFact),
    /// A period between two dates (`2023年7月-2024年1月`): its first and its last year.
    Period {
        from: DateFact,
        to: DateFact,
    },
    /// A length of time (`≤3个工作日`, `24小时`).
    Duration,
    /// Qualitative text.
    Text,
}

/// One row's value as the checks see it.
#[derive(Clone, Debug, PartialEq)]
pub struct RowValue {
    pub meaning: Meaning,
    /// The value has a problem of its own that makes its kind doubtful (missing unit,
    /// malformed date, …), reported here; category checks stay quiet on it so that one
    /// mistake gives one finding.
    pub malformed: bool,
    /// An impossible calendar date: the parser's message and the byte range in the value.
    pub impossible_date: Option<(String, Option<Range<usize>>)>,
    /// The whole reading, for the checks that need more than the meaning (whether a
    /// comparator was written, the unit as written).
    pub parsed: ParsedValue,
}

/// The rule for a problem kind; `None` for kinds reported elsewhere (an empty value is
/// an empty cell, S206; an impossible date is C305).
fn rule_for(kind: ProblemKind) -> Option<&'static Rule> {
    Some(match kind {
        ProblemKind::Empty | ProblemKind::ImpossibleDate => return None,
        ProblemKind::NonCanonical => &rules::V101,
        ProblemKind::WordComparator => &rules::V102,
        ProblemKind::RedundantComparator => &rules::V103,
        ProblemKind::MissingUnit => &rules::V104,
        ProblemKind::NonStandardUnit => &rules::V105,
        ProblemKind::UnknownUnit => &rules::V106,
        ProblemKind::MalformedDate => &rules::V107,
        ProblemKind::MissingComparator => &rules::V108,
        ProblemKind::InvertedRange => &rules::V109,
        ProblemKind::UnrecognizedQuantity => &rules::V110,
    })
}

/// Problems after which the value's kind cannot be trusted for category checks.
fn makes_kind_doubtful(kind: ProblemKind) -> bool {
    matches!(
        kind,
        ProblemKind::RedundantComparator
            | ProblemKind::MissingUnit
            | ProblemKind::NonStandardUnit
            | ProblemKind::MalformedDate
            | ProblemKind::ImpossibleDate
            | ProblemKind::MissingComparator
            | ProblemKind::InvertedRange
            | ProblemKind::UnrecognizedQuantity
    )
}

/// Parses every row's value and reports the problems in how values are written.
pub fn run(cx: &mut Context) {
    let doc = cx.doc;
    let mut all = Vec::with_capacity(doc.projects.len());
    for project in &doc.projects {
        let mut values = Vec::new();
        for (l1, l2, row) in project.rows() {
            let parsed = value::parse(&row.value.value);
            let category = cx.category(&l1.level1.value, &l2.level2.value);
            let name = format!("{}{}", row.level3.value, row.description_text());
            let skip = super::targets::supersedes(category, &name, &parsed);
            report_problems(cx, row, &parsed, skip);
            values.push(row_value(&parsed));
        }
        all.push(values);
    }
    cx.values = all;
}

/// Reports the problems of one value, except `skip`: the kind a target rule reports
/// with more to say ([`super::targets::supersedes`]).
fn report_problems(cx: &mut Context, row: &Row, parsed: &ParsedValue, skip: Option<ProblemKind>) {
    let mut by_kind: BTreeMap<ProblemKind, Vec<&value::Problem>> = BTreeMap::new();
    for p in parsed.problems.iter().filter(|p| Some(p.kind) != skip) {
        by_kind.entry(p.kind).or_default().push(p);
    }
    for (kind, problems) in by_kind {
        let Some(rule) = rule_for(kind) else {
            continue;
        };
        let first = problems[0];
        let span = match &first.span {
            Some(r) => inner_span(cx.sources, &row.value, r.clone()),
            None => row.value.span,
        };
        let label = if problems.len() > 1 {
            format!("{}（共 {} 处）", first.message, problems.len())
        } else {
            first.message.clone()
        };
        let mut d = Diagnostic::of(
            rule,
            format!("指标值“{}”：{}", row.value.value, rule.summary),
        )
        .at(span, label);
        let fix_text = problems.iter().find_map(|p| p.fix.as_deref());
        if let Some(fix) = fix_text {
            d = d.with_help(format!("写作“{fix}”"));
            if rule.fixable {
                d = d.with_fix(replace_scalar(
                    cx.sources,
                    &row.value,
                    fix,
                    format!("改写为“{fix}”"),
                ));
            }
        }
        cx.push(d);
    }
}

fn cmp(relation: Option<Relation>) -> Cmp {
    match relation {
        Some(Relation::AtLeast) => Cmp::AtLeast,
        Some(Relation::AtMost) => Cmp::AtMost,
        Some(Relation::MoreThan) => Cmp::Above,
        Some(Relation::LessThan) => Cmp::Below,
        Some(Relation::Equal) | None => Cmp::Exactly,
    }
}

/// What a parsed value means; money written without its 元 (`≤775.39万`) is read as the
/// money its repair means, so that it is still compared with the budget.
pub fn row_value(parsed: &ParsedValue) -> RowValue {
    let malformed = parsed.problems.iter().any(|p| makes_kind_doubtful(p.kind));
    let impossible_date = parsed
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::ImpossibleDate)
        .map(|p| (p.message.clone(), p.span.clone()));
    let repaired_money = || {
        parsed
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::MissingUnit)
            .find_map(|p| p.fix.as_deref())
            .map(value::parse)
            .and_then(|v| v.money_in_yuan())
    };
    let meaning = match &parsed.kind {
        Value::Quantity {
            comparator, unit, ..
        } => {
            let c = cmp(comparator.map(|c| c.relation()));
            match (parsed.money_in_yuan().or_else(repaired_money), unit) {
                (Some(yuan), _) => Meaning::Money { cmp: c, yuan },
                (None, Some(u)) if u.dimension == Dimension::UnitPrice => Meaning::MoneyRate,
                (None, Some(u)) if u.dimension == Dimension::Time => Meaning::Duration,
                _ => Meaning::Quantity,
            }
        }
        Value::Percent { comparator, number } => Meaning::Percent {
            cmp: cmp(comparator.map(|c| c.relation())),
            value: *number,
        },
        Value::Ratio { .. } => Meaning::Ratio,
        Value::Range { .. } => Meaning::Quantity,
        Value::Date { year, .. } => {
            let year = year.map(i32::from);
            let year_range = year.and_then(|y| {
                let digits = y.to_string();
                parsed.input.find(&digits).map(|at| at..at + digits.len())
            });
            Meaning::Date(DateFact { year, year_range })
        }
        Value::Period { from, to } => {
            let fact = |year: Option<u16>, last: bool| {
                let year = year.map(i32::from);
                let year_range = year.and_then(|y| {
                    let digits = y.to_string();
                    let at = if last {
                        parsed.input.rfind(&digits)
                    } else {
                        parsed.input.find(&digits)
                    };
                    at.map(|at| at..at + digits.len())
                });
                DateFact { year, year_range }
            };
            Meaning::Period {
                from: fact(from.year, false),
                to: fact(to.year.or(from.year), to.year.is_some()),
            }
        }
        Value::Duration { .. } => Meaning::Duration,
        Value::Text { .. } => Meaning::Text,
    };
    RowValue {
        meaning,
        malformed,
        impossible_date,
        parsed: parsed.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meaning(v: &str) -> Meaning {
        row_value(&value::parse(v)).meaning
    }

    #[test]
    fn reads_real_values() {
        assert_eq!(
            meaning("≤41.66万元"),
            Meaning::Money {
                cmp: Cmp::AtMost,
                yuan: Decimal::from(416_600)
            }
        );
        assert_eq!(
            meaning("≤775.39万"),
            Meaning::Money {
                cmp: Cmp::AtMost,
                yuan: Decimal::from(7_753_900)
            }
        );
        assert!(matches!(
            meaning("≥90%"),
            Meaning::Percent {
                cmp: Cmp::AtLeast,
                ..
            }
        ));
        assert!(
            matches!(meaning("2026年12月31日前"), Meaning::Date(DateFact { year: Some(2026), year_range: Some(ref r) }) if *r == (0..4))
        );
        assert_eq!(meaning("≤3个工作日"), Meaning::Duration);
        assert_eq!(meaning("≥1:4"), Meaning::Ratio);
        assert_eq!(meaning("有效提升"), Meaning::Text);
    }
}
