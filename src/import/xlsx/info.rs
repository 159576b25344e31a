//! The `文档信息` sheet: the document's settings (year, amount unit, unit, framework,
//! title, date, overview, rule levels) beside the projects of any layout, and its 允许
//! rows, attached to the project or indicator row their cell address names.

use std::collections::BTreeMap;

use super::{Draft, Place, Sheet, WorkbookReader, normalize};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::layout::xlsx::info;
use crate::model::{Allow, AmountUnit, Overview, OverviewItem, RuleLevel};
use crate::span::{Span, Spanned};

/// The document settings read from the 文档信息 sheet.
#[derive(Default)]
pub(super) struct Info {
    pub(super) year: Option<Spanned<i32>>,
    pub(super) amount_unit: Option<Spanned<AmountUnit>>,
    pub(super) unit_code: Option<Spanned<String>>,
    pub(super) unit_name: Option<Spanned<String>>,
    pub(super) framework: Option<Spanned<String>>,
    pub(super) title: Option<Spanned<String>>,
    pub(super) date: Option<Spanned<String>>,
    pub(super) overview: Option<Overview>,
    pub(super) rules: BTreeMap<String, RuleLevel>,
    pub(super) rule_spans: BTreeMap<String, Span>,
    /// (cell address as written, where that is written, its span, the allowed rule).
    pub(super) allows: Vec<(String, String, Span, Allow)>,
}

impl WorkbookReader {
    pub(super) fn info(&mut self, sheet: &Sheet) -> Info {
        let mut out = Info::default();
        let mut overview_seen = false;
        let mut overall = None;
        let mut items = Vec::new();
        let mut safeguards = Vec::new();
        for r in 0..sheet.rows.len() {
            let cells = sheet.row(r);
            let Some(&(c0, key)) = cells.first() else {
                continue;
            };
            let value = |i: usize| sheet.get(r, c0 + i);
            let text = |i: usize| value(i).map(|c| Spanned::new(c.text.clone(), c.span));
            match normalize(&key.text).as_str() {
                info::YEAR => match value(1) {
                    Some(cell) => match cell.text.trim().parse::<i32>() {
                        Ok(y) if (2000..=2100).contains(&y) => {
                            out.year = Some(Spanned::new(y, cell.span));
                        }
                        _ => self.push(
                            &rules::X006,
                            format!("{}：预算年度应为四位数年份，而不是“{}”", sheet.addr(r, c0 + 1), cell.text),
                            Some(cell),
                            "",
                        ),
                    },
                    None => self.missing(sheet, r, c0 + 1, "预算年度"),
                },
                info::AMOUNT_UNIT => match value(1) {
                    Some(cell) => match AmountUnit::from_label(cell.text.trim()) {
                        Some(u) => out.amount_unit = Some(Spanned::new(u, cell.span)),
                        None => self.push(
                            &rules::X006,
                            format!("{}：金额单位应为“元”或“万元”，而不是“{}”", sheet.addr(r, c0 + 1), cell.text),
                            Some(cell),
                            "",
                        ),
                    },
                    None => self.missing(sheet, r, c0 + 1, "金额单位"),
                },
                info::UNIT_CODE => out.unit_code = text(1),
                info::UNIT_NAME => match text(1) {
                    Some(t) => out.unit_name = Some(t),
                    None => self.missing(sheet, r, c0 + 1, "单位名称"),
                },
                info::FRAMEWORK => out.framework = text(1),
                info::TITLE => out.title = text(1),
                info::DATE => out.date = text(1),
                info::OVERALL => {
                    overview_seen = true;
                    overall = text(1);
                }
                info::ITEM => {
                    overview_seen = true;
                    let or_empty = |t: Option<Spanned<String>>| {
                        t.unwrap_or_else(|| Spanned::new(String::new(), key.span))
                    };
                    items.push(OverviewItem {
                        title: or_empty(text(1)),
                        goal: or_empty(text(2)),
                        indicator: or_empty(text(3)),
                    });
                }
                info::SAFEGUARD => {
                    overview_seen = true;
                    if let Some(t) = text(1) {
                        safeguards.push(t);
                    }
                }
                info::RULE => {
                    let level = value(2).and_then(|c| RuleLevel::from_name(c.text.trim()));
                    match (value(1), level) {
                        (Some(code), Some(level)) => {
                            out.rules.insert(code.text.clone(), level);
                            out.rule_spans.insert(code.text.clone(), code.span);
                        }
                        _ => self.push(
                            &rules::X006,
                            format!(
                                "{}：规则一行应依次写规则代码和级别（error、warning、info 或 off）",
                                sheet.addr(r, c0)
                            ),
                            Some(key),
                            "",
                        ),
                    }
                }
                info::ALLOW => match (value(1), text(2), text(3)) {
                    (Some(at), Some(code), Some(reason)) => out.allows.push((
                        at.text.trim().to_string(),
                        sheet.addr(r, c0 + 1),
                        at.span,
                        Allow { code, reason },
                    )),
                    _ => self.push(
                        &rules::X006,
                        format!(
                            "{}：允许一行应依次写单元格（如 1!C14）、规则代码和理由",
                            sheet.addr(r, c0)
                        ),
                        Some(key),
                        "",
                    ),
                },
                _ => self.push(
                    &rules::X003,
                    format!("{}：无法识别的文档信息“{}”", sheet.addr(r, c0), key.text),
                    Some(key),
                    "可用的项目：预算年度、金额单位、单位编码、单位名称、指标体系、文档标题、发布日期、总体绩效目标、分项绩效目标、工作保障措施、规则",
                ),
            }
        }
        if overview_seen {
            out.overview = Some(Overview {
                overall: overall.unwrap_or_else(|| Spanned::new(String::new(), self.whole())),
                items,
                safeguards,
            });
        }
        out
    }

    /// Attaches each 允许 row to the project or indicator row its cell address names.
    pub(super) fn place_allows(
        &mut self,
        allows: Vec<(String, String, Span, Allow)>,
        drafts: &mut [Draft],
    ) {
        for (at, addr, span, allow) in allows {
            let place = at.rsplit_once('!').and_then(|(sheet, cell)| {
                let row: usize = cell
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .ok()?;
                self.places
                    .get(&(sheet.trim_matches('\'').to_string(), row.checked_sub(1)?))
            });
            let target = match place.copied() {
                Some(Place::Project(p)) => drafts.get_mut(p).map(|d| &mut d.project.allow),
                Some(Place::Row(p, l1, l2, r)) => drafts
                    .get_mut(p)
                    .and_then(|d| d.project.indicators.get_mut(l1))
                    .and_then(|l| l.groups.get_mut(l2))
                    .and_then(|g| g.rows.get_mut(r))
                    .map(|row| &mut row.allow),
                None => None,
            };
            match target {
                Some(list) => list.push(allow),
                None => self.diags.push(
                    Diagnostic::of(
                        &rules::X003,
                        format!("{addr}：允许规则所在的单元格“{at}”不是项目名称或三级指标所在的行"),
                    )
                    .at(span, "此单元格")
                    .with_help("写作“工作表!单元格”，如 1!C14"),
                ),
            }
        }
    }
}
