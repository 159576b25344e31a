//! The canonical spelling of a typed value: one spelling per value, symbols for
//! comparators (always before the number), half-width digits, no spaces.

use std::fmt::{self, Display, Formatter};

use super::model::{Comparator, DatePoint, Value};

fn point(f: &mut Formatter<'_>, p: &DatePoint) -> fmt::Result {
    if let Some(y) = p.year {
        write!(f, "{y}年")?;
    }
    if let Some(m) = p.month {
        write!(f, "{m}月")?;
    }
    if let Some(d) = p.day {
        write!(f, "{d}日")?;
    }
    Ok(())
}

/// A point of a period as written: `2023年7月`, `2020年1月1日`.
impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        point(f, self)
    }
}

fn comparator(f: &mut Formatter<'_>, c: &Option<Comparator>) -> fmt::Result {
    match c {
        Some(c) => f.write_str(c.canonical().as_str()),
        None => Ok(()),
    }
}

impl Display for Value {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Value::Quantity {
                comparator: c,
                number,
                multiplier,
                unit,
            } => {
                comparator(f, c)?;
                write!(f, "{number}")?;
                if let Some(m) = multiplier {
                    f.write_str(m.as_str())?;
                }
                if let Some(u) = unit {
                    f.write_str(&u.symbol)?;
                }
                Ok(())
            }
            Value::Percent {
                comparator: c,
                number,
            } => {
                comparator(f, c)?;
                write!(f, "{number}%")
            }
            Value::Ratio {
                comparator: c,
                left,
                right,
            } => {
                comparator(f, c)?;
                write!(f, "{left}:{right}")
            }
            Value::Range { low, high, unit } => {
                write!(f, "{low}-{high}")?;
                if let Some(u) = unit {
                    f.write_str(&u.symbol)?;
                }
                Ok(())
            }
            Value::Date {
                comparator: c,
                year,
                month,
                day,
                period,
                qualifier,
            } => {
                comparator(f, c)?;
                if let Some(y) = year {
                    write!(f, "{y}年")?;
                }
                if let Some(p) = period {
                    write!(f, "{}-{}月", p.from, p.to)?;
                } else if let Some(m) = month {
                    write!(f, "{m}月")?;
                    if let Some(d) = day {
                        write!(f, "{d}日")?;
                    }
                }
                if let Some(q) = qualifier {
                    f.write_str(q.as_str())?;
                }
                Ok(())
            }
            Value::Period { from, to } => {
                point(f, from)?;
                f.write_str("-")?;
                point(f, to)
            }
            Value::Duration {
                comparator: c,
                factor,
                number,
                unit,
                qualifier,
            } => {
                comparator(f, c)?;
                if let Some(x) = factor {
                    write!(f, "{x}*")?;
                }
                write!(f, "{number}{}", unit.symbol)?;
                if let Some(q) = qualifier {
                    f.write_str(q.as_str())?;
                }
                Ok(())
            }
            Value::Text { text } => f.write_str(text),
        }
    }
}
