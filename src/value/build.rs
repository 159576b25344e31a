//! From the parse tree to a typed [`Value`], with the problems found on the way and, where
//! the parser can tell what was meant, the repaired value whose display is the fix.

use std::ops::Range;
use std::str::FromStr;

use pest::Parser;
use pest::iterators::Pair;
use rust_decimal::Decimal;

use super::grammar::{Rule, ValueParser};
use super::model::{
    Comparator, DatePoint, DateQualifier, DurationQualifier, MonthPeriod, Multiplier, Relation,
    Value,
};
use super::problem::ProblemKind;
use super::units::{self, UnitInfo};

/// A problem as the builder sees it, in offsets of the normalized text.
pub(super) struct Finding {
    pub kind: ProblemKind,
    pub message: String,
    pub span: Option<Range<usize>>,
    /// Whether the canonical spelling of the (repaired) value fixes this problem.
    pub fixable: bool,
}

/// The typed reading of a value.
pub(super) struct Built {
    pub value: Value,
    pub findings: Vec<Finding>,
    /// The value as it was most likely meant, when that differs from what was written.
    pub repaired: Option<Value>,
}

/// The findings collected while building one value.
#[derive(Default)]
struct Notes(Vec<Finding>);

impl Notes {
    fn note(&mut self, kind: ProblemKind, message: String, span: Range<usize>, fixable: bool) {
        self.add(kind, message, Some(span), fixable);
    }

    fn add(
        &mut self,
        kind: ProblemKind,
        message: String,
        span: Option<Range<usize>>,
        fixable: bool,
    ) {
        self.0.push(Finding {
            kind,
            message,
            span,
            fixable,
        });
    }

    fn done(self, value: Value, repaired: Option<Value>) -> Option<Built> {
        Some(Built {
            value,
            findings: self.0,
            repaired,
        })
    }
}

fn span_of(pair: &Pair<'_, Rule>) -> Range<usize> {
    let s = pair.as_span();
    s.start()..s.end()
}

/// A piece of the normalized text: what it says and where it is.
#[derive(Clone, Debug)]
pub(super) struct Piece<'i> {
    pub text: &'i str,
    pub span: Range<usize>,
}

impl<'i> Piece<'i> {
    /// The piece of `text` at `span`.
    pub fn at(text: &'i str, span: Range<usize>) -> Self {
        Piece {
            text: &text[span.clone()],
            span,
        }
    }

    fn of(pair: &Pair<'i, Rule>) -> Self {
        Piece {
            text: pair.as_str(),
            span: span_of(pair),
        }
    }
}

/// Reads `text` (already normalized) with the grammar; `None` when no quantitative form fits.
pub(super) fn build(text: &str) -> Option<Built> {
    // Every quantitative form has a digit; most text has none, and skips the grammar.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut top = ValueParser::parse(Rule::value, text).ok()?;
    let form = top.next()?.into_inner().next()?;
    match form.as_rule() {
        Rule::date_range => build_date_range(form),
        Rule::date => build_date(form),
        Rule::duration => build_duration(form),
        Rule::ratio => build_ratio(form),
        Rule::range => build_range(form),
        Rule::amount => build_amount(form),
        _ => None,
    }
}

fn number(pair: &Pair<'_, Rule>) -> Option<Decimal> {
    decimal(pair.as_str())
}

/// A number as the grammar reads it (`number`, `signed_number`).
pub(super) fn decimal(text: &str) -> Option<Decimal> {
    Decimal::from_str(text).ok()
}

/// The comparators written before and after the number, reconciled into one.
#[derive(Default)]
pub(super) struct Comparators<'i> {
    pub prefix: Option<Piece<'i>>,
    pub suffix: Option<Piece<'i>>,
}

impl Comparators<'_> {
    /// The comparator the value means, noting word spellings and duplicates.
    fn resolve(&self, notes: &mut Notes) -> Option<Comparator> {
        let read = |p: &Piece<'_>| Comparator::from_str_exact(p.text).map(|c| (c, p.span.clone()));
        let prefix = self.prefix.as_ref().and_then(read);
        let suffix = self.suffix.as_ref().and_then(read);
        match (prefix, suffix) {
            (Some((c, span)), Some((s, s_span))) => {
                if !c.is_symbol() {
                    word_comparator(notes, c, span);
                }
                notes.note(
                    ProblemKind::RedundantComparator,
                    format!("比较符重复：已有“{}”，不必再写“{}”", c.as_str(), s.as_str()),
                    s_span,
                    true,
                );
                Some(c)
            }
            (Some((c, span)), None) | (None, Some((c, span))) => {
                if !c.is_symbol() {
                    word_comparator(notes, c, span);
                }
                Some(c)
            }
            (None, None) => None,
        }
    }
}

fn word_comparator(notes: &mut Notes, c: Comparator, span: Range<usize>) {
    let place = if c.is_suffix() { "数字前的" } else { "" };
    notes.note(
        ProblemKind::WordComparator,
        format!(
            "比较词“{}”应写作{place}“{}”",
            c.as_str(),
            c.canonical().as_str()
        ),
        span,
        true,
    );
}

/// The pieces of a `date`, as the grammar splits it.
#[derive(Default)]
pub(super) struct DateParts<'i> {
    pub comparator: Option<Piece<'i>>,
    /// The whole `dotted_date` (`2024.12`) and whether `日期` follows it.
    pub dotted: Option<(Range<usize>, bool)>,
    pub year: Option<&'i str>,
    pub month: Option<Piece<'i>>,
    pub month_word: Option<Piece<'i>>,
    pub day: Option<Piece<'i>>,
    pub day_word: Option<Piece<'i>>,
    /// A `period` (`1-12月`): its two months and the whole period.
    pub period: Option<(&'i str, &'i str, Piece<'i>)>,
    pub qualifier: Option<&'i str>,
}

fn build_date(pair: Pair<'_, Rule>) -> Option<Built> {
    let mut parts = DateParts::default();
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::comparator => parts.comparator = Some(Piece::of(&part)),
            Rule::date_qualifier => parts.qualifier = Some(part.as_str()),
            Rule::dotted_date | Rule::written_date => {
                let whole = span_of(&part);
                let is_dotted = part.as_rule() == Rule::dotted_date;
                let mut has_word = false;
                for piece in part.into_inner() {
                    match piece.as_rule() {
                        Rule::year => parts.year = Some(piece.as_str()),
                        Rule::month => parts.month = Some(Piece::of(&piece)),
                        Rule::day => parts.day = Some(Piece::of(&piece)),
                        Rule::month_word => parts.month_word = Some(Piece::of(&piece)),
                        Rule::day_word => parts.day_word = Some(Piece::of(&piece)),
                        Rule::date_word => has_word = true,
                        Rule::period => {
                            let mut months = piece
                                .clone()
                                .into_inner()
                                .filter(|p| p.as_rule() == Rule::month);
                            let from = months.next()?.as_str();
                            let to = months.next()?.as_str();
                            parts.period = Some((from, to, Piece::of(&piece)));
                        }
                        _ => {}
                    }
                }
                if is_dotted {
                    parts.dotted = Some((whole, has_word));
                }
            }
            _ => {}
        }
    }
    date(parts)
}

/// The typed date from its pieces, with its problems and the deadline it most likely means.
pub(super) fn date(parts: DateParts<'_>) -> Option<Built> {
    let mut notes = Notes::default();
    let mut impossible: Vec<(String, Range<usize>)> = Vec::new();
    let qualifier = parts.qualifier.and_then(DateQualifier::from_str_exact);
    let year = parts.year.and_then(|y| y.parse::<u16>().ok());
    let mut month = None;
    if let Some(m) = &parts.month {
        let n = m.text.parse::<u8>().ok()?;
        if !(1..=12).contains(&n) {
            impossible.push((format!("没有{n}月"), m.span.clone()));
        }
        month = Some(n);
    }
    let day = match &parts.day {
        Some(d) => Some((d.text.parse::<u8>().ok()?, d.span.clone())),
        None => None,
    };
    if let Some(w) = parts.month_word.as_ref().filter(|w| w.text == "月份") {
        notes.note(
            ProblemKind::NonCanonical,
            "日期中的“月份”应写作“月”".to_string(),
            w.span.clone(),
            true,
        );
    }
    if let Some(w) = parts.day_word.as_ref().filter(|w| w.text == "号") {
        notes.note(
            ProblemKind::NonCanonical,
            "日期中的“号”应写作“日”".to_string(),
            w.span.clone(),
            true,
        );
    }
    let mut period = None;
    if let Some((from, to, whole)) = &parts.period {
        let from = from.parse::<u8>().ok()?;
        let to = to.parse::<u8>().ok()?;
        if !(1..=12).contains(&from) || !(1..=12).contains(&to) || from > to {
            impossible.push((format!("月份区间“{from}-{to}月”不成立"), whole.span.clone()));
        }
        if whole.text.ends_with("月份") {
            notes.note(
                ProblemKind::NonCanonical,
                "日期中的“月份”应写作“月”".to_string(),
                whole.span.clone(),
                true,
            );
        }
        period = Some(MonthPeriod { from, to });
    }
    if let (Some((d, span)), Some(m)) = (&day, month) {
        let d = *d;
        if d == 0 || (1..=12).contains(&m) && d > days_in_month(year, m) {
            let y = year.map(|y| format!("{y}年")).unwrap_or_default();
            impossible.push((format!("{y}{m}月没有{d}日"), span.clone()));
        }
    }
    let day = day.map(|(d, _)| d);
    for (message, span) in impossible {
        notes.note(
            ProblemKind::ImpossibleDate,
            format!("日期不存在：{message}"),
            span,
            false,
        );
    }
    let comparator_span = parts.comparator.as_ref().map(|p| p.span.clone());
    let comparator = parts
        .comparator
        .and_then(|p| Comparator::from_str_exact(p.text));
    let written = Value::Date {
        comparator,
        year,
        month,
        day,
        period,
        qualifier,
    };
    // A deadline is written with 前/底前, not with a comparator: `≤2024.12` means
    // "by the end of December 2024".
    let repaired_qualifier = match (comparator.map(Comparator::relation), qualifier) {
        (Some(_), Some(q)) => Some(Some(q)),
        (Some(Relation::AtMost), None) if day.is_none() && period.is_none() => {
            Some(Some(DateQualifier::EndBefore))
        }
        (Some(Relation::AtMost | Relation::LessThan), None) => Some(Some(DateQualifier::Before)),
        (Some(Relation::Equal), None) => Some(None),
        _ => None,
    };
    let mut repaired = None;
    if let Some(q) = repaired_qualifier {
        repaired = Some(Value::Date {
            comparator: None,
            year,
            month,
            day,
            period,
            qualifier: q,
        });
    } else if parts.dotted.is_some() {
        repaired = Some(written.clone());
    }
    if let Some((span, has_word)) = parts.dotted {
        let shown = repaired.as_ref().unwrap_or(&written).to_string();
        let extra = if has_word {
            "，且不必写“日期”二字"
        } else {
            ""
        };
        notes.note(
            ProblemKind::MalformedDate,
            format!("日期应写作“{shown}”的形式{extra}"),
            comparator_span
                .clone()
                .map_or(span.clone(), |c| c.start..span.end),
            true,
        );
    } else if let Some(span) = comparator_span.filter(|_| repaired_qualifier.is_some()) {
        notes.note(
            ProblemKind::MalformedDate,
            "日期前不用比较符，截止时间写作“……前”或“……底前”".to_string(),
            span,
            true,
        );
    }
    notes.done(written, repaired)
}

/// A period between two dates (`2023.07-2024.01`, `2020年1月--2020年11月`).
fn build_date_range(pair: Pair<'_, Rule>) -> Option<Built> {
    let mut notes = Notes::default();
    let whole = span_of(&pair);
    let mut points = Vec::new();
    let mut separators = Vec::new();
    let mut dotted = false;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::range_sep => separators.push(Piece::of(&part)),
            Rule::range_point | Rule::month_point => {
                dotted |= part.as_str().contains('.');
                let mut point = DatePoint {
                    year: None,
                    month: None,
                    day: None,
                };
                for piece in part.into_inner() {
                    let span = span_of(&piece);
                    match piece.as_rule() {
                        Rule::year => point.year = piece.as_str().parse().ok(),
                        Rule::month => {
                            let m: u8 = piece.as_str().parse().ok()?;
                            if !(1..=12).contains(&m) {
                                notes.note(
                                    ProblemKind::ImpossibleDate,
                                    format!("日期不存在：没有{m}月"),
                                    span,
                                    false,
                                );
                            }
                            point.month = Some(m);
                        }
                        Rule::day => {
                            let d: u8 = piece.as_str().parse().ok()?;
                            if let Some(m) = point.month.filter(|m| (1..=12).contains(m))
                                && (d == 0 || d > days_in_month(point.year, m))
                            {
                                let y = point.year.map(|y| format!("{y}年")).unwrap_or_default();
                                notes.note(
                                    ProblemKind::ImpossibleDate,
                                    format!("日期不存在：{y}{m}月没有{d}日"),
                                    span,
                                    false,
                                );
                            }
                            point.day = Some(d);
                        }
                        _ => {}
                    }
                }
                points.push(point);
            }
            _ => {}
        }
    }
    let [from, to] = <[DatePoint; 2]>::try_from(points).ok()?;
    // The second end of `2021年1月-12月` is in the first one's year.
    let to_year = to.year.or(from.year);
    let value = Value::Period { from, to };
    if (to_year, to.month, to.day) < (from.year, from.month, from.day) {
        notes.note(
            ProblemKind::InvertedRange,
            "期间的结束早于开始".to_string(),
            whole.clone(),
            false,
        );
    }
    if dotted {
        let shown = value.to_string();
        notes.note(
            ProblemKind::MalformedDate,
            format!("期间应写作“{shown}”的形式"),
            whole,
            true,
        );
    } else if separators.len() > 1 || separators.iter().any(|s| s.text != "-") {
        let at = separators
            .first()
            .map(|s| s.span.start)
            .unwrap_or(whole.start);
        let end = separators.last().map(|s| s.span.end).unwrap_or(whole.end);
        notes.note(
            ProblemKind::NonCanonical,
            "期间的两端用一个“-”连接".to_string(),
            at..end,
            true,
        );
    }
    notes.done(value, None)
}

/// The days in a month; a year not written allows 29 February (2000 was a leap year).
fn days_in_month(year: Option<u16>, month: u8) -> u8 {
    super::calendar::days_in_month(year.map_or(2000, i32::from), month).unwrap_or(31)
}

/// The pieces of a `duration`, as the grammar splits it.
pub(super) struct DurationParts<'i> {
    pub comparators: Comparators<'i>,
    /// The leading factor of a `product` (`7` of `7*24小时`).
    pub factor: Option<&'i str>,
    pub number: &'i str,
    pub unit: &'i str,
    pub qualifier: Option<&'i str>,
}

fn build_duration(pair: Pair<'_, Rule>) -> Option<Built> {
    let mut comparators = Comparators::default();
    let mut factor = None;
    let mut amount = None;
    let mut unit = None;
    let mut qualifier = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::comparator => comparators.prefix = Some(Piece::of(&part)),
            Rule::suffix_comparator => comparators.suffix = Some(Piece::of(&part)),
            Rule::number => amount = Some(part.as_str()),
            Rule::product => {
                let mut numbers = part.into_inner();
                factor = Some(numbers.next()?.as_str());
                amount = Some(numbers.next()?.as_str());
            }
            Rule::time_unit => unit = Some(part.as_str()),
            Rule::duration_qualifier => qualifier = Some(part.as_str()),
            _ => {}
        }
    }
    duration(DurationParts {
        comparators,
        factor,
        number: amount?,
        unit: unit?,
        qualifier,
    })
}

/// The typed duration from its pieces.
pub(super) fn duration(parts: DurationParts<'_>) -> Option<Built> {
    let factor = match parts.factor {
        Some(f) => Some(decimal(f)?),
        None => None,
    };
    let number = decimal(parts.number)?;
    let unit = units::lookup(parts.unit)?;
    let qualifier = parts.qualifier.and_then(DurationQualifier::from_str_exact);
    // `2024年及以下` is no date (及以下 is no date qualifier) but reads as 2024 years; its
    // canonical spelling `≤2024年` would read as the year 2024. A year followed by 年 is
    // not a duration.
    if parts.unit == "年"
        && factor.is_none()
        && parts.number.len() == 4
        && parts.number.bytes().all(|b| b.is_ascii_digit())
        && (parts.number.starts_with("19") || parts.number.starts_with("20"))
    {
        return None;
    }
    let mut notes = Notes::default();
    let comparator = parts.comparators.resolve(&mut notes);
    // `12月以内` is twelve months, but its spelling with a comparator, `≤12月`, reads as
    // the date 12月: after a one- or two-digit whole number the canonical unit of a
    // duration in months is 个月.
    let mut repaired = None;
    if parts.unit == "月"
        && factor.is_none()
        && parts.number.len() <= 2
        && parts.number.bytes().all(|b| b.is_ascii_digit())
    {
        notes.add(
            ProblemKind::NonStandardUnit,
            "表示时长应写作“个月”：“月”紧跟数字时读作月份".to_string(),
            None,
            true,
        );
        repaired = Some(Value::Duration {
            comparator,
            factor,
            number,
            unit: units::lookup("个月")?,
            qualifier,
        });
    }
    let value = Value::Duration {
        comparator,
        factor,
        number,
        unit,
        qualifier,
    };
    notes.done(value, repaired)
}

fn build_ratio(pair: Pair<'_, Rule>) -> Option<Built> {
    let mut comparator = None;
    let mut numbers = Vec::with_capacity(2);
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::comparator => comparator = Some(Piece::of(&part)),
            Rule::number => numbers.push(part.as_str()),
            _ => {}
        }
    }
    ratio(comparator, numbers.first()?, numbers.get(1)?)
}

/// The typed ratio from its comparator and two numbers.
pub(super) fn ratio(comparator: Option<Piece<'_>>, left: &str, right: &str) -> Option<Built> {
    let left = decimal(left)?;
    let right = decimal(right)?;
    let mut notes = Notes::default();
    let comparators = Comparators {
        prefix: comparator,
        suffix: None,
    };
    let comparator = comparators.resolve(&mut notes);
    let value = Value::Ratio {
        comparator,
        left,
        right,
    };
    notes.done(value, None)
}

fn build_range(pair: Pair<'_, Rule>) -> Option<Built> {
    let mut numbers = Vec::with_capacity(2);
    let mut unit_texts = Vec::with_capacity(2);
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::number => numbers.push(number(&part)?),
            Rule::range_unit | Rule::unit_text => unit_texts.push(part),
            _ => {}
        }
    }
    let (low, high) = (*numbers.first()?, *numbers.get(1)?);
    // The canonical spelling puts the unit last, where a comparator word ending it
    // (`2b以内-6` → `2-6b以内`) would read as the comparator.
    if unit_texts
        .iter()
        .any(|t| ends_in_comparator_word(t.as_str()))
    {
        return None;
    }
    let mut notes = Notes::default();
    let mut unit: Option<UnitInfo> = None;
    for text in &unit_texts {
        let read = match resolve_unit(text.as_str())? {
            UnitReading::Percent { standard } => {
                if !standard {
                    non_standard_percent(&mut notes, span_of(text));
                }
                units::lookup("%")?
            }
            UnitReading::Unit {
                multiplier: None,
                unit: Some(u),
                standard,
            } => {
                if !standard {
                    non_standard_unit(&mut notes, text.as_str(), &u, span_of(text));
                }
                u
            }
            UnitReading::Unit { .. } => return None,
        };
        match &unit {
            Some(u) if *u != read => return None,
            _ => unit = Some(read),
        }
    }
    // The canonical spelling puts the unit after the upper bound: `1月份~3` would print as
    // `1-3月份`, which reads back as the month period `1-3月`. A unit the table does not
    // know that starts with 月 is not read as a range unit.
    if unit
        .as_ref()
        .is_some_and(|u| u.dimension == units::Dimension::Unknown && u.symbol.starts_with('月'))
    {
        return None;
    }
    let mut repaired = None;
    if low >= high {
        // Bounds written the wrong way round are swapped; equal bounds have no fix.
        let swapped = low > high;
        notes.add(
            ProblemKind::InvertedRange,
            format!("区间下限{low}不小于上限{high}"),
            None,
            swapped,
        );
        if swapped {
            repaired = Some(Value::Range {
                low: high,
                high: low,
                unit: unit.clone(),
            });
        }
    }
    notes.done(Value::Range { low, high, unit }, repaired)
}

fn non_standard_percent(notes: &mut Notes, span: Range<usize>) {
    notes.note(
        ProblemKind::NonStandardUnit,
        "“百分比”不是单位，应写作“%”".to_string(),
        span,
        true,
    );
}

fn non_standard_unit(notes: &mut Notes, written: &str, unit: &UnitInfo, span: Range<usize>) {
    notes.note(
        ProblemKind::NonStandardUnit,
        format!("单位“{written}”应写作“{}”", unit.symbol),
        span,
        true,
    );
}

/// What the text after a number means.
enum UnitReading {
    /// `%`, or `百分比` when not standard.
    Percent { standard: bool },
    /// A unit, a multiplier, or both (`万元`, `万` + `票`, a bare `万`).
    Unit {
        multiplier: Option<Multiplier>,
        unit: Option<UnitInfo>,
        standard: bool,
    },
}

/// Longest unit spelling that still reads as a unit rather than words.
const MAX_UNKNOWN_UNIT_CHARS: usize = 3;

/// Reads the text after a number; `None` when it is not a unit at all (words, digits).
fn resolve_unit(text: &str) -> Option<UnitReading> {
    match text {
        "%" => return Some(UnitReading::Percent { standard: true }),
        "百分比" => return Some(UnitReading::Percent { standard: false }),
        _ => {}
    }
    let known = |s: &str| -> Option<(UnitInfo, bool)> {
        if let Some(u) = units::lookup(s) {
            return Some((u, true));
        }
        units::standard_spelling(s)
            .and_then(units::lookup)
            .map(|u| (u, false))
    };
    if let Some((unit, standard)) = known(text) {
        return Some(UnitReading::Unit {
            multiplier: None,
            unit: Some(unit),
            standard,
        });
    }
    let (multiplier, rest) = if let Some(rest) = text.strip_prefix('万') {
        (Some(Multiplier::Wan), rest)
    } else if let Some(rest) = text.strip_prefix('亿') {
        (Some(Multiplier::Yi), rest)
    } else {
        (None, text)
    };
    if multiplier.is_some() {
        if rest.is_empty() {
            return Some(UnitReading::Unit {
                multiplier,
                unit: None,
                standard: true,
            });
        }
        if let Some((unit, standard)) = known(rest) {
            return Some(UnitReading::Unit {
                multiplier,
                unit: Some(unit),
                standard,
            });
        }
    }
    // A comparator word left over (`9以下以下`) is not a unit.
    let plausible = !rest.is_empty()
        && Comparator::from_str_exact(rest).is_none()
        && rest.chars().count() <= MAX_UNKNOWN_UNIT_CHARS
        && rest
            .chars()
            .all(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation());
    plausible.then(|| UnitReading::Unit {
        multiplier,
        unit: Some(UnitInfo::unknown(rest)),
        standard: true,
    })
}

/// The pieces of an `amount`, as the grammar splits it.
pub(super) struct AmountParts<'i> {
    pub comparators: Comparators<'i>,
    pub number: &'i str,
    pub unit: Option<Piece<'i>>,
}

fn build_amount(pair: Pair<'_, Rule>) -> Option<Built> {
    let mut comparators = Comparators::default();
    let mut number = None;
    let mut unit = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::comparator => comparators.prefix = Some(Piece::of(&part)),
            Rule::suffix_comparator => comparators.suffix = Some(Piece::of(&part)),
            Rule::signed_number => number = Some(part.as_str()),
            Rule::unit_text => unit = Some(Piece::of(&part)),
            _ => {}
        }
    }
    amount(AmountParts {
        comparators,
        number: number?,
        unit,
    })
}

/// Whether `text` ends in a comparator word written after a number (`以上`, `及以下`, …).
fn ends_in_comparator_word(text: &str) -> bool {
    ["以上", "以下", "以内"].iter().any(|w| text.ends_with(w))
}

/// Whether a number is spelled like a dotted date: a year, `.`, a one- or two-digit month.
fn looks_dotted(number: &str) -> bool {
    let b = number.as_bytes();
    (b.starts_with(b"19") || b.starts_with(b"20"))
        && b.len() >= 6
        && b.len() <= 7
        && b[4] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
        && b[5..].iter().any(|&c| c != b'0')
}

/// The typed percentage or quantity from its pieces.
pub(super) fn amount(parts: AmountParts<'_>) -> Option<Built> {
    let number = decimal(parts.number)?;
    let unit_text = parts.unit;
    // `unit_text` stops before a comparator word that ends the value, so one that itself
    // ends in such a word (`3及以内以下`, `5个以上以下`) holds a second comparator word,
    // not a unit: printed after the number, it would read back as the comparator.
    if unit_text
        .as_ref()
        .is_some_and(|u| ends_in_comparator_word(u.text))
    {
        return None;
    }
    // A number that looks like a dotted date (`2024.12`), with no unit or only what may
    // follow a date, reached here only because of a comparator word after it
    // (`=2024.12以上`); printed canonically it would read back as the date.
    if looks_dotted(parts.number)
        && unit_text.as_ref().is_none_or(|u| {
            let rest = u.text.strip_prefix("日期").unwrap_or(u.text);
            rest.is_empty() || DateQualifier::from_str_exact(rest).is_some()
        })
    {
        return None;
    }
    // A quantity reaches here only when no date reads the value, but its canonical spelling
    // may: `<2月份以内` would print as `<2月份` and `-0月份` as `0月份` (a date), and
    // `2024年底以上` as `≥2024年底`. Text after a one- or two-digit whole number that starts
    // with 月, or after a year that starts with 年, is not a unit.
    let digits = parts.number.trim_start_matches('-');
    let whole = digits.bytes().all(|b| b.is_ascii_digit());
    if unit_text.as_ref().is_some_and(|u| {
        (u.text.starts_with('月') && whole && digits.len() <= 2)
            || (u.text.starts_with('年')
                && whole
                && digits.len() == 4
                && (digits.starts_with("19") || digits.starts_with("20")))
    }) {
        return None;
    }
    let reading = match &unit_text {
        Some(text) => Some(resolve_unit(text.text)?),
        None => None,
    };
    let mut notes = Notes::default();
    let comparator = parts.comparators.resolve(&mut notes);
    let unit_span = unit_text.as_ref().map(|p| p.span.clone());
    let written_unit = unit_text.as_ref().map_or("", |p| p.text);
    let mut repaired = None;
    let value = match reading {
        Some(UnitReading::Percent { standard }) => {
            if !standard {
                non_standard_percent(&mut notes, unit_span.unwrap_or_default());
            }
            if comparator.is_none() && number > Decimal::ZERO && number < Decimal::ONE_HUNDRED {
                notes.add(
                    ProblemKind::MissingComparator,
                    format!("百分比目标“{number}%”没有比较符，应写明“≥”或“≤”"),
                    None,
                    false,
                );
            }
            Value::Percent { comparator, number }
        }
        Some(UnitReading::Unit {
            multiplier,
            unit,
            standard,
        }) => {
            let span = unit_span.unwrap_or_default();
            match &unit {
                Some(u) if !standard => non_standard_unit(&mut notes, written_unit, u, span),
                Some(u) if u.dimension == units::Dimension::Unknown => notes.note(
                    ProblemKind::UnknownUnit,
                    format!("单位“{}”不在单位表中", u.symbol),
                    span,
                    false,
                ),
                Some(_) => {}
                None => {
                    // A bare 万/亿 is almost always money with 元 left out.
                    let symbol = match multiplier {
                        Some(Multiplier::Yi) => "亿元",
                        _ => "万元",
                    };
                    notes.note(
                        ProblemKind::MissingUnit,
                        format!("缺少单位：若是金额，应写作“{symbol}”"),
                        span,
                        true,
                    );
                    repaired = Some(Value::Quantity {
                        comparator,
                        number,
                        multiplier: None,
                        unit: units::lookup(symbol),
                    });
                }
            }
            Value::Quantity {
                comparator,
                number,
                multiplier,
                unit,
            }
        }
        None => {
            notes.add(
                ProblemKind::MissingUnit,
                "数值缺少单位".to_string(),
                None,
                false,
            );
            Value::Quantity {
                comparator,
                number,
                multiplier: None,
                unit: None,
            }
        }
    };
    notes.done(value, repaired)
}
