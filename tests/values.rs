//! The indicator value grammar, read as a specification: every distinct 指标值 in the three
//! seed documents with the kind it must parse to, the malformed forms with the problem and
//! fix they must produce, exact money, and property tests (total parser, round trips).

use jixiao::value::{
    self, Comparator, DateQualifier, Dimension, DurationQualifier, Multiplier, ProblemKind,
    Relation, Value,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Every distinct value in the 指标值 column of the three seeds (427 cells, 162 distinct),
/// extracted from /work/shared/seeds, with the kind it must parse to.
const SEED_VALUES: &[(&str, &str)] = &[
    ("0次", "quantity"),
    ("100%", "percent"),
    ("12月", "date"),
    ("19206.01平方米", "quantity"),
    ("1个", "quantity"),
    ("1天", "duration"),
    ("1套", "quantity"),
    ("1年", "duration"),
    ("1次", "quantity"),
    ("1种", "quantity"),
    ("2024年12月31日", "date"),
    ("2024年12月31日以前", "date"),
    ("2024年12月底前", "date"),
    ("2024年6月31日", "date"),
    ("2025年12月", "date"),
    ("2025年12月底前", "date"),
    ("2025年9月底前", "date"),
    ("2025年底前", "date"),
    ("2026年12月31日前", "date"),
    ("24小时", "duration"),
    ("2次", "quantity"),
    ("50000元", "quantity"),
    ("500套", "quantity"),
    ("80人", "quantity"),
    ("90%", "percent"),
    ("<100%", "percent"),
    ("<1年", "duration"),
    ("<2024.12", "date"),
    ("<2024.12日期", "date"),
    (">880份", "quantity"),
    ("≤0.15万元", "quantity"),
    ("≤0.75万元", "quantity"),
    ("≤1.12万", "quantity"),
    ("≤1.2万元", "quantity"),
    ("≤1.34万元", "quantity"),
    ("≤1.5万元", "quantity"),
    ("≤100%", "percent"),
    ("≤101400元", "quantity"),
    ("≤10元/千瓦时", "quantity"),
    ("≤120.68万元", "quantity"),
    ("≤122万元", "quantity"),
    ("≤14万元", "quantity"),
    ("≤15.9万元", "quantity"),
    ("≤155万元", "quantity"),
    ("≤15种", "quantity"),
    ("≤176万元", "quantity"),
    ("≤1800万元", "quantity"),
    ("≤190万", "quantity"),
    ("≤1万元", "quantity"),
    ("≤1年", "duration"),
    ("≤2.5万元", "quantity"),
    ("≤200万元", "quantity"),
    ("≤2024.12", "date"),
    ("≤2024.12日期", "date"),
    ("≤21.5万元", "quantity"),
    ("≤225万元", "quantity"),
    ("≤23.03万元", "quantity"),
    ("≤2471万元", "quantity"),
    ("≤24小时", "duration"),
    ("≤2元/千瓦时", "quantity"),
    ("≤2小时", "duration"),
    ("≤30.96万元", "quantity"),
    ("≤30万元", "quantity"),
    ("≤40.5万", "quantity"),
    ("≤41.66万元", "quantity"),
    ("≤4500平方米", "quantity"),
    ("≤48.44万元", "quantity"),
    ("≤4次", "quantity"),
    ("≤5000元", "quantity"),
    ("≤500万元", "quantity"),
    ("≤53.05万元", "quantity"),
    ("≤5万元", "quantity"),
    ("≤62.33万元", "quantity"),
    ("≤6998万元", "quantity"),
    ("≤7.64元/个", "quantity"),
    ("≤7000万元/年", "quantity"),
    ("≤775.39万", "quantity"),
    ("≤78.01万元", "quantity"),
    ("≤8项", "quantity"),
    ("≤9.5万元", "quantity"),
    ("≥10%", "percent"),
    ("≥100%", "percent"),
    ("≥1000个", "quantity"),
    ("≥100人", "quantity"),
    ("≥10次", "quantity"),
    ("≥110万票", "quantity"),
    ("≥12次", "quantity"),
    ("≥150万元", "quantity"),
    ("≥1:4", "ratio"),
    ("≥1场", "quantity"),
    ("≥1批", "quantity"),
    ("≥1次", "quantity"),
    ("≥20个", "quantity"),
    ("≥20家", "quantity"),
    ("≥2亿美元", "quantity"),
    ("≥30人", "quantity"),
    ("≥30份", "quantity"),
    ("≥30家", "quantity"),
    ("≥360平米", "quantity"),
    ("≥3个", "quantity"),
    ("≥3场", "quantity"),
    ("≥4项", "quantity"),
    ("≥5%", "percent"),
    ("≥5000辆", "quantity"),
    ("≥50个", "quantity"),
    ("≥5个", "quantity"),
    ("≥60%", "percent"),
    ("≥600个", "quantity"),
    ("≥60个", "quantity"),
    ("≥80%", "percent"),
    ("≥8000人", "quantity"),
    ("≥80个", "quantity"),
    ("≥85%", "percent"),
    ("≥90%", "percent"),
    ("≥95%", "percent"),
    ("≥96%", "percent"),
    ("≥99%", "percent"),
    ("使商务领域法律法规政策得到宣传", "text"),
    ("促进产业发展", "text"),
    ("促进推广应用", "text"),
    ("保证基地考核材料顺利提交", "text"),
    ("保障工作正常开展", "text"),
    ("保障工作顺利开展", "text"),
    ("保障应急物资储备安全", "text"),
    ("信息系统安全性得到有效提高", "text"),
    ("减少", "text"),
    ("助力我市经济社会高质量发展", "text"),
    ("及时拨付", "text"),
    ("增长", "text"),
    ("壮大", "text"),
    ("完成会议议题", "text"),
    ("少于2076万元", "quantity"),
    ("我市省级以上开发区发展现状、优势得到宣传", "text"),
    ("持续保障", "text"),
    ("按照补贴标准降低新能源汽车购车成本", "text"),
    ("推动", "text"),
    ("提升", "text"),
    ("提高", "text"),
    ("提高安全性保障", "text"),
    ("效果显著", "text"),
    ("显著增强", "text"),
    ("显著提升", "text"),
    ("有力推动", "text"),
    ("有所提升", "text"),
    ("有所改善", "text"),
    ("有效促进", "text"),
    ("有效推动", "text"),
    ("有效提升", "text"),
    ("有效提振", "text"),
    ("有效落实", "text"),
    ("有效解决", "text"),
    ("有效降低", "text"),
    ("有限的频率能够满足更多的需求", "text"),
    ("根据市联席办指示赴指定地点信访值班", "text"),
    ("消费品市场运行平稳", "text"),
    ("经济持续向好发展", "text"),
    ("综试区发展情况", "text"),
    ("肉类和蔬菜市场未发生重大波动", "text"),
    (
        "设备严格根据保密要求购置，符合保密要求，全部达成预期指标，持续提高保密管理水平",
        "text",
    ),
    ("通过精心组织、使用专业设备，无考试事故", "text"),
    ("顺利开展", "text"),
    ("顺利成功举办", "text"),
];

/// Forms listed in DOMAIN.md that the seeds do not contain.
const DOMAIN_VALUES: &[(&str, &str)] = &[
    ("≥95", "quantity"),
    ("≥95百分比", "percent"),
    ("11月份之前", "date"),
    ("2025年1-12月", "date"),
    ("2025年2月前", "date"),
    ("2025年7月前完成", "date"),
    ("≤3工作日", "duration"),
    ("5个工作日内", "duration"),
    ("12个月内完成", "duration"),
    ("7*24小时响应", "duration"),
    ("≤30分钟", "duration"),
    ("≤4小时", "duration"),
    ("≥3页/件", "quantity"),
    ("满意", "text"),
    ("可扩展性强", "text"),
];

/// Forms from other provinces' published tables (issue 13): word comparators, look-alikes,
/// ASCII digraphs, split cells joined with blanks, periods and whole-year dates.
const PROVINCE_VALUES: &[(&str, &str, Option<Relation>)] = &[
    ("大于等于90%", "percent", Some(Relation::AtLeast)),
    ("大于或等于95%", "percent", Some(Relation::AtLeast)),
    ("小于等于5万元", "quantity", Some(Relation::AtMost)),
    ("小于或等于3个工作日", "duration", Some(Relation::AtMost)),
    ("等于100%", "percent", Some(Relation::Equal)),
    ("不低于95%", "percent", Some(Relation::AtLeast)),
    ("不少于10次", "quantity", Some(Relation::AtLeast)),
    ("90%以上", "percent", Some(Relation::AtLeast)),
    ("5%以下", "percent", Some(Relation::AtMost)),
    ("15%及其以下", "percent", Some(Relation::AtMost)),
    ("3%及以下", "percent", Some(Relation::AtMost)),
    ("30天以内", "duration", Some(Relation::AtMost)),
    ("≧95%", "percent", Some(Relation::AtLeast)),
    ("≦5%", "percent", Some(Relation::AtMost)),
    (">=90%", "percent", Some(Relation::AtLeast)),
    ("<=20万元", "quantity", Some(Relation::AtMost)),
    ("≥ 90 %", "percent", Some(Relation::AtLeast)),
    ("大于等于 90 %", "percent", Some(Relation::AtLeast)),
    ("2023.07-2024.01", "period", None),
    ("2020年1月--2020年11月", "period", None),
    ("2021年1月-12月", "period", None),
    ("2020.1.1-2020.12.31", "period", None),
    ("2023年4月-2024年2月", "period", None),
    ("2021年全年", "date", None),
    ("12月底到位", "date", None),
];

#[test]
fn other_provinces_forms_parse_into_typed_values() {
    let mut wrong = Vec::new();
    for &(input, kind, relation) in PROVINCE_VALUES {
        let parsed = value::parse(input);
        let got = parsed.kind.comparator().map(|c| c.relation());
        if parsed.kind.kind_name() != kind || got != relation {
            wrong.push(format!(
                "{input}: expected {kind} {relation:?}, got {} {got:?}",
                parsed.kind.kind_name()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A period's canonical spelling reads back as the same period.
    for input in [
        "2023.07-2024.01",
        "2020年1月--2020年11月",
        "2020.1.1-2020.12.31",
    ] {
        let parsed = value::parse(input);
        let canonical = parsed.canonical().unwrap();
        assert_eq!(value::parse(canonical).kind, parsed.kind, "{input}");
        assert!(value::parse(canonical).problems.is_empty(), "{canonical}");
    }
    assert_eq!(
        value::parse("2023.07-2024.01").canonical(),
        Some("2023年7月-2024年1月")
    );
}

#[test]
fn fast_path_equals_grammar_on_other_provinces_forms() {
    let checked = check_fast_equals_grammar(PROVINCE_VALUES.iter().map(|(v, _, _)| *v));
    assert_eq!(checked, PROVINCE_VALUES.len());
}

#[test]
fn every_seed_value_parses_to_its_expected_kind() {
    let mut wrong = Vec::new();
    for &(input, kind) in SEED_VALUES.iter().chain(DOMAIN_VALUES) {
        let parsed = value::parse(input);
        if parsed.kind.kind_name() != kind {
            wrong.push(format!(
                "{input}: expected {kind}, got {}",
                parsed.kind.kind_name()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_seed_table_covers_every_kind() {
    for kind in ["quantity", "percent", "ratio", "date", "duration", "text"] {
        assert!(
            SEED_VALUES.iter().any(|&(_, k)| k == kind),
            "no seed value of kind {kind}"
        );
    }
}

/// Nothing quantitative falls through: a value with a digit or a comparator is never text.
#[test]
fn no_seed_value_that_looks_quantitative_is_text() {
    for &(input, _) in SEED_VALUES.iter().chain(DOMAIN_VALUES) {
        let parsed = value::parse(input);
        let looks_quantitative =
            input.chars().any(|c| c.is_ascii_digit()) || input.starts_with(['≥', '≤', '>', '<']);
        if looks_quantitative {
            assert!(parsed.is_quantitative(), "{input} came back as text");
        } else {
            assert!(!parsed.is_quantitative(), "{input} should be text");
        }
    }
}

#[test]
fn seed_values_without_problems_are_canonical_and_round_trip() {
    for &(input, _) in SEED_VALUES {
        let parsed = value::parse(input);
        if parsed.problems.is_empty() && parsed.is_quantitative() {
            assert_eq!(parsed.canonical(), Some(input), "{input}");
            assert!(parsed.is_canonical());
            assert_eq!(parsed.kind.to_string(), input);
        }
    }
}

/// The seed values that are written wrongly, each with the problem and fix it must get.
#[test]
fn malformed_seed_values_get_their_problem_and_fix() {
    let cases: &[(&str, ProblemKind, Option<&str>)] = &[
        ("≤775.39万", ProblemKind::MissingUnit, Some("≤775.39万元")),
        ("≤1.12万", ProblemKind::MissingUnit, Some("≤1.12万元")),
        ("≤190万", ProblemKind::MissingUnit, Some("≤190万元")),
        ("≤40.5万", ProblemKind::MissingUnit, Some("≤40.5万元")),
        ("≥360平米", ProblemKind::NonStandardUnit, Some("≥360平方米")),
        (
            "≤2024.12",
            ProblemKind::MalformedDate,
            Some("2024年12月底前"),
        ),
        (
            "≤2024.12日期",
            ProblemKind::MalformedDate,
            Some("2024年12月底前"),
        ),
        ("<2024.12", ProblemKind::MalformedDate, Some("2024年12月前")),
        (
            "<2024.12日期",
            ProblemKind::MalformedDate,
            Some("2024年12月前"),
        ),
        ("2024年6月31日", ProblemKind::ImpossibleDate, None),
        (
            "少于2076万元",
            ProblemKind::WordComparator,
            Some("<2076万元"),
        ),
        ("90%", ProblemKind::MissingComparator, None),
        (" 2025年12月", ProblemKind::NonCanonical, Some("2025年12月")),
    ];
    for &(input, kind, fix) in cases {
        let parsed = value::parse(input);
        let problem = parsed
            .problems
            .iter()
            .find(|p| p.kind == kind)
            .unwrap_or_else(|| panic!("{input}: no {kind:?} in {:?}", parsed.problems));
        assert_eq!(problem.fix.as_deref(), fix, "{input}");
        assert!(!problem.message.is_empty());
        if let Some(fix) = fix {
            assert_eq!(parsed.canonical(), Some(fix), "{input}");
            let again = value::parse(fix);
            assert!(
                again.is_canonical(),
                "{fix} is not canonical: {:?}",
                again.problems
            );
        }
    }
}

#[test]
fn problem_spans_point_into_the_original_value() {
    let parsed = value::parse("≤775.39万");
    let span = parsed.problems[0].span.clone().unwrap();
    assert_eq!(&parsed.input[span], "万");

    let parsed = value::parse("≥95百分比");
    let span = parsed.problems[0].span.clone().unwrap();
    assert_eq!(&parsed.input[span], "百分比");

    let parsed = value::parse("＞＝９０％");
    let spans: Vec<&str> = parsed
        .problems
        .iter()
        .map(|p| &parsed.input[p.span.clone().unwrap()])
        .collect();
    assert_eq!(spans, ["＞＝", "９０", "％"]);
    assert_eq!(parsed.canonical(), Some("≥90%"));

    let parsed = value::parse("２０２４年６月３１日");
    let impossible = parsed
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::ImpossibleDate)
        .unwrap();
    assert_eq!(&parsed.input[impossible.span.clone().unwrap()], "３１");
}

#[test]
fn numbers_that_only_look_like_dotted_dates_are_numbers() {
    // A dotted month is never 0: these are numbers (found by the round-trip property).
    for (input, kind) in [
        ("2025.0", "quantity"),
        ("1900.0-1901.0", "range"),
        ("19.5年", "duration"),
        ("≤19.0年", "duration"),
        ("2024.12", "date"),
        ("2023.07-2024.01", "period"),
    ] {
        let parsed = value::parse(input);
        assert_eq!(parsed.kind.kind_name(), kind, "{input}: {parsed:?}");
        assert_eq!(parsed, value::parse_with_grammar(input), "{input}");
    }
}

#[test]
fn a_date_or_period_ends_on_the_last_day_it_allows() {
    let last = |v: &str, year| value::parse(v).kind.last_day(year);
    assert_eq!(last("2025年12月底前", 2025), Some((2025, 12, 31)));
    assert_eq!(last("2月底前", 2024), Some((2024, 2, 29)));
    assert_eq!(last("2月底前", 2025), Some((2025, 2, 28)));
    assert_eq!(last("2025年3月-10月", 2025), Some((2025, 10, 31)));
    assert_eq!(last("2023年7月-2024年1月", 2023), Some((2024, 1, 31)));
    assert_eq!(last("2025年6月30日前", 2025), Some((2025, 6, 30)));
    assert_eq!(last("≥90%", 2025), None);
    assert!(value::parse("2025年12月底前").kind.writes_year());
    assert!(!value::parse("12月底前").kind.writes_year());
}

#[test]
fn money_compares_exactly_across_yuan_and_wan_yuan() {
    let cap = value::parse("≤41.66万元");
    assert_eq!(cap.money_in_yuan(), Some(dec("416600")));
    let budget = dec("416543.39");
    assert_eq!(cap.money_in_yuan().unwrap() - budget, dec("56.61"));
    assert_eq!(
        cap.kind.comparator().map(Comparator::relation),
        Some(Relation::AtMost)
    );

    assert_eq!(value::parse("≤5000元").money_in_yuan(), Some(dec("5000")));
    assert_eq!(
        value::parse("≥1亿元").money_in_yuan(),
        Some(dec("100000000"))
    );
    assert_eq!(value::parse("≤0.15万元").money_in_yuan(), Some(dec("1500")));
    // Not 元: a foreign currency, a bare 万, a unit price, a count.
    assert_eq!(value::parse("≥2亿美元").money_in_yuan(), None);
    assert_eq!(value::parse("≤775.39万").money_in_yuan(), None);
    assert_eq!(value::parse("≤7.64元/个").money_in_yuan(), None);
    assert_eq!(value::parse("≥110万票").money_in_yuan(), None);
}

#[test]
fn units_know_their_dimension_and_scale() {
    let unit_of = |s: &str| match value::parse(s).kind {
        Value::Quantity { unit: Some(u), .. } => u,
        other => panic!("{s}: {other:?}"),
    };
    assert_eq!(unit_of("≥2亿美元").dimension, Dimension::Money);
    assert_eq!(unit_of("≥2亿美元").base, "美元");
    assert_eq!(unit_of("≤7.64元/个").dimension, Dimension::UnitPrice);
    assert_eq!(unit_of("≤2元/千瓦时").dimension, Dimension::UnitPrice);
    let per_year = unit_of("≤7000万元/年");
    assert_eq!(
        (per_year.dimension, per_year.scale),
        (Dimension::UnitPrice, 10_000)
    );
    assert_eq!(per_year.base, "元/年");
    assert_eq!(unit_of("≥3页/件").dimension, Dimension::Rate);
    assert_eq!(unit_of("19206.01平方米").dimension, Dimension::Area);
    assert_eq!(unit_of("≥5000辆").dimension, Dimension::Count);
    assert!(unit_of("≤41.66万元").commensurable(&unit_of("≤5000元")));
    assert!(!unit_of("≥2亿美元").commensurable(&unit_of("≤5000元")));
}

#[test]
fn quantities_keep_their_multiplier_apart_from_scaled_units() {
    match value::parse("≥110万票").kind {
        Value::Quantity {
            multiplier, unit, ..
        } => {
            assert_eq!(multiplier, Some(Multiplier::Wan));
            assert_eq!(unit.unwrap().symbol, "票");
        }
        other => panic!("{other:?}"),
    }
    match value::parse("≤41.66万元").kind {
        Value::Quantity {
            multiplier,
            unit,
            number,
            ..
        } => {
            assert_eq!(multiplier, None);
            assert_eq!(unit.unwrap().symbol, "万元");
            assert_eq!(number, dec("41.66"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn dates_read_into_their_parts() {
    let date = |s: &str| match value::parse(s).kind {
        Value::Date {
            year,
            month,
            day,
            qualifier,
            period,
            ..
        } => (year, month, day, qualifier, period.map(|p| (p.from, p.to))),
        other => panic!("{s}: {other:?}"),
    };
    assert_eq!(
        date("2026年12月31日前"),
        (
            Some(2026),
            Some(12),
            Some(31),
            Some(DateQualifier::Before),
            None
        )
    );
    assert_eq!(
        date("2024年12月底前"),
        (
            Some(2024),
            Some(12),
            None,
            Some(DateQualifier::EndBefore),
            None
        )
    );
    assert_eq!(
        date("2025年底前"),
        (Some(2025), None, None, Some(DateQualifier::EndBefore), None)
    );
    assert_eq!(
        date("12月底前"),
        (None, Some(12), None, Some(DateQualifier::EndBefore), None)
    );
    assert_eq!(
        date("11月份之前"),
        (None, Some(11), None, Some(DateQualifier::BeforeZhi), None)
    );
    assert_eq!(date("2024年12月31日以前").3, Some(DateQualifier::BeforeYi));
    assert_eq!(date("2025年7月前完成").3, Some(DateQualifier::BeforeDone));
    assert_eq!(
        date("2025年1-12月"),
        (Some(2025), None, None, None, Some((1, 12)))
    );
    assert_eq!(date("2024年2月29日").2, Some(29));
    assert!(value::parse("2024年2月29日").problems.is_empty());
    assert!(value::parse("2023年2月29日").has(ProblemKind::ImpossibleDate));
    assert!(value::parse("2024年13月").has(ProblemKind::ImpossibleDate));
    assert!(value::parse("2025年12-1月").has(ProblemKind::ImpossibleDate));
}

#[test]
fn durations_read_into_their_parts() {
    let duration = |s: &str| match value::parse(s).kind {
        Value::Duration {
            comparator,
            factor,
            number,
            unit,
            qualifier,
        } => (
            comparator.map(Comparator::relation),
            factor,
            number,
            unit.symbol.into_owned(),
            qualifier,
        ),
        other => panic!("{s}: {other:?}"),
    };
    assert_eq!(
        duration("7*24小时响应"),
        (
            None,
            Some(dec("7")),
            dec("24"),
            "小时".into(),
            Some(DurationQualifier::Response)
        )
    );
    assert_eq!(
        duration("5个工作日内"),
        (
            None,
            None,
            dec("5"),
            "个工作日".into(),
            Some(DurationQualifier::Within)
        )
    );
    assert_eq!(
        duration("12个月内完成"),
        (
            None,
            None,
            dec("12"),
            "个月".into(),
            Some(DurationQualifier::WithinDone)
        )
    );
    assert_eq!(duration("≤30分钟").0, Some(Relation::AtMost));
    assert_eq!(duration("<1年").0, Some(Relation::LessThan));
    assert_eq!(duration("30分钟以内").0, Some(Relation::AtMost));
}

#[test]
fn comparators_mean_what_they_say() {
    let relation = |s: &str| value::parse(s).kind.comparator().map(Comparator::relation);
    assert_eq!(relation("≥90%"), Some(Relation::AtLeast));
    assert_eq!(relation("不少于10次"), Some(Relation::AtLeast));
    assert_eq!(relation("不低于90%"), Some(Relation::AtLeast));
    assert_eq!(relation("90%以上"), Some(Relation::AtLeast));
    assert_eq!(relation("不高于5万元"), Some(Relation::AtMost));
    assert_eq!(relation("不超过5万元"), Some(Relation::AtMost));
    assert_eq!(relation("10%以下"), Some(Relation::AtMost));
    assert_eq!(relation("大于3个"), Some(Relation::MoreThan));
    assert_eq!(relation("小于3个"), Some(Relation::LessThan));
    assert_eq!(relation("少于2076万元"), Some(Relation::LessThan));
    assert_eq!(relation("=100%"), Some(Relation::Equal));
    assert!(Relation::AtMost.holds(dec("416543.39"), dec("416600")));
    assert!(!Relation::LessThan.holds(dec("416600"), dec("416600")));
    for c in Comparator::ALL {
        assert_eq!(Comparator::from_str_exact(c.as_str()), Some(c));
        assert_eq!(c.canonical().relation(), c.relation());
    }
}

#[test]
fn non_canonical_spellings_are_fixed() {
    let cases = [
        ("＞＝９０％", "≥90%"),
        (">=90%", "≥90%"),
        ("<= 5万元", "≤5万元"),
        ("≥ 90 %", "≥90%"),
        ("90%以上", "≥90%"),
        ("≥90%以上", "≥90%"),
        ("50,000元", "50000元"),
        ("80%-90%", "80-90%"),
        ("2024-12-31", "2024年12月31日"),
        ("2024年12月31号", "2024年12月31日"),
        ("≤2024年12月", "2024年12月底前"),
        ("≥1：4", "≥1:4"),
        ("7×24小时响应", "7*24小时响应"),
        ("≥007个", "≥7个"),
        ("90-80%", "80-90%"),
    ];
    for (input, fixed) in cases {
        let parsed = value::parse(input);
        assert_eq!(parsed.canonical(), Some(fixed), "{input}");
        assert!(!parsed.problems.is_empty(), "{input}");
        assert!(
            parsed
                .problems
                .iter()
                .any(|p| p.fix.as_deref() == Some(fixed)),
            "{input}"
        );
        assert!(value::parse(fixed).is_canonical(), "{fixed}");
    }
}

#[test]
fn text_is_only_text_when_it_really_is() {
    let empty = value::parse("  ");
    assert!(empty.has(ProblemKind::Empty));
    let text = value::parse("有效提升");
    assert_eq!(text.canonical(), None);
    assert!(text.problems.is_empty());
    for odd in ["完成3项任务", "≥", "第2024号文件规定"] {
        let parsed = value::parse(odd);
        assert!(!parsed.is_quantitative(), "{odd}");
        assert!(parsed.has(ProblemKind::UnrecognizedQuantity), "{odd}");
    }
}

#[test]
fn json_output_has_kind_parts_canonical_and_problems() {
    let json = serde_json::to_value(value::parse("≤775.39万")).unwrap();
    assert_eq!(json["input"], "≤775.39万");
    assert_eq!(json["kind"], "quantity");
    assert_eq!(json["number"], "775.39");
    assert_eq!(json["multiplier"], "wan");
    assert_eq!(json["comparator"]["relation"], "at_most");
    assert_eq!(json["canonical"], "≤775.39万元");
    assert_eq!(json["problems"][0]["kind"], "missing_unit");
    assert_eq!(json["problems"][0]["fix"], "≤775.39万元");
}

/// Inputs the fuzzer found whose canonical spelling read back as something else.
#[test]
fn fuzzer_findings_have_stable_canonical_spellings() {
    // A second comparator word after the number (`3及以内以下`) was read as the unit
    // `及以内`, printed as `≤3及以内`, which read back as `≤3及`: now it is text.
    // A range with an unknown unit starting with 月 (`0月份~0 00`) printed as `0-0月份`,
    // which read back as a month period: now it is text too. So are quantities whose
    // canonical spelling reads as a date: `=2024.12以上` printed as `=2024.12`,
    // `<2月份以内` as `<2月份`, `-0月份` as `0月份`, `2024年底以上` as `≥2024年底`,
    // and the duration `2024年及以下` as `≤2024年`.
    for input in [
        "3及以内以下",
        "5个以上以下",
        "3万及以内以下",
        "9以下以下",
        "0月份~0 00",
        "1月份-3月份",
        "=2024.12以上",
        "2024.12以上",
        "2024.1前以下",
        "-0月份",
        "<2月份以内",
        "12月底以上",
        "2024年底以上",
        "2024年及以下",
        "≥2020年以内",
        "2b以内-6",
        "2个以上-6个",
    ] {
        let parsed = value::parse(input);
        assert!(!parsed.is_quantitative(), "{input}");
        assert!(parsed.has(ProblemKind::UnrecognizedQuantity), "{input}");
    }
    // `1月以内` is a duration of one month; printed as `≤1月` it read back as the date
    // 1月 (fix `1月底前`). A duration in 月 after a short whole number is now spelled 个月.
    for (input, fixed) in [
        ("1月以内", "≤1个月"),
        ("≤12月内", "≤12个月内"),
        ("12月以内完成", "≤12个月完成"),
    ] {
        let parsed = value::parse(input);
        assert_eq!(parsed.kind.kind_name(), "duration", "{input}");
        assert_eq!(parsed.canonical(), Some(fixed), "{input}");
        assert!(parsed.has(ProblemKind::NonStandardUnit), "{input}");
        assert!(value::parse(fixed).is_canonical(), "{fixed}");
    }
    // A range whose low bound looks like a year and month (`2024.12~3`) printed as
    // `2024.12-3`, which read back as the date 2024年12月3日.
    for input in ["0\u{c}2024.12\n~3", "2024~12", "2024.12-3"] {
        let parsed = value::parse(input);
        let canonical = parsed.canonical().unwrap();
        assert_eq!(
            value::parse(canonical).canonical(),
            Some(canonical),
            "{input:?}"
        );
        assert_eq!(
            value::parse(canonical).kind.kind_name(),
            "range",
            "{input:?}"
        );
    }
}

/// The fuzzer found `≤02024.02`: read as the number 2024.02 with no unit, its canonical
/// spelling `≤2024.02` read back as a date. Leading zeros are now folded away before the
/// grammar reads the value, like full-width digits, so the value is read as it will be
/// printed.
#[test]
fn leading_zeros_are_folded_before_reading() {
    for (input, canonical, kind) in [
        ("≤02024.02", "2024年2月底前", "date"),
        ("02024年", "2024年", "date"),
        ("001月", "1月", "date"),
        ("≤0 2024.02", "2024年2月底前", "date"),
        ("≥0,090%", "≥90%", "percent"),
        ("≥007个", "≥7个", "quantity"),
        ("2024年01月05日前", "2024年1月5日前", "date"),
    ] {
        let parsed = value::parse(input);
        assert_eq!(parsed.canonical(), Some(canonical), "{input}");
        assert_eq!(parsed.kind.kind_name(), kind, "{input}");
        let again = value::parse(canonical);
        assert_eq!(again.canonical(), Some(canonical), "{input}");
        assert_eq!(again.kind.kind_name(), kind, "{input}");
        assert!(
            parsed
                .problems
                .iter()
                .any(|p| p.kind == ProblemKind::NonCanonical
                    && p.message == "数字不应有前导零"
                    && p.span
                        .as_ref()
                        .is_some_and(|s| input[s.clone()].chars().all(|c| c == '0'))),
            "{input}: {:?}",
            parsed.problems
        );
    }
    // Zeros that are not leading stay: in numbers, fractions and dotted months.
    for input in ["0个", "0%", "≥0.5%", "100个", "1.05万元", "≥10.0%"] {
        assert!(value::parse(input).is_canonical(), "{input}");
    }
    assert_eq!(value::parse("≤2024.05").canonical(), Some("2024年5月底前"));
}

// ---- the fast path equals the grammar ---------------------------------------------------
//
// `value::parse` reads the commonest shapes without the grammar (src/value/fast.rs). For
// every input it must return exactly what the grammar alone returns: the whole
// `ParsedValue` (kind and parts, canonical spelling, problems with messages, fixes, spans).

/// Compares `parse` with `parse_with_grammar` on every input; returns how many it checked.
fn check_fast_equals_grammar<'a>(inputs: impl IntoIterator<Item = &'a str>) -> usize {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for input in inputs {
        let fast = value::parse(input);
        let slow = value::parse_with_grammar(input);
        if fast != slow {
            wrong.push(format!(
                "{input:?}\n  fast:    {fast:?}\n  grammar: {slow:?}"
            ));
        }
        checked += 1;
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked} inputs differ:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
    checked
}

/// Every string in a YAML document, roughly: each line, its part after `key: ` or `- `,
/// without quotes. Enough to catch every 指标值 and much more.
fn yaml_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        out.push(line.to_string());
        let item = line.strip_prefix("- ").unwrap_or(line);
        let scalar = item.split_once(": ").map_or(item, |(_, v)| v).trim();
        let unquoted = scalar
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| scalar.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(scalar);
        out.push(unquoted.to_string());
    }
    out
}

#[test]
fn fast_path_equals_grammar_on_published_examples_and_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<String> = Vec::new();
    let mut values = 0;
    for dir in [
        "tests/fixtures/published",
        "examples",
        "tests/fixtures/wild",
    ] {
        for entry in walkdir::WalkDir::new(root.join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                values += text
                    .lines()
                    .filter(|l| l.trim().starts_with("value:"))
                    .count();
                inputs.extend(yaml_strings(&text));
            }
        }
    }
    // The seed extractions: one cell per line.
    for entry in std::fs::read_dir(root.join("tests/fixtures/seeds")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        inputs.extend(text.lines().map(|l| l.trim().to_string()));
    }
    inputs.extend(
        SEED_VALUES
            .iter()
            .chain(DOMAIN_VALUES)
            .map(|(v, _)| v.to_string()),
    );
    inputs.sort();
    inputs.dedup();
    assert!(values > 800, "only {values} indicator values found");
    let checked = check_fast_equals_grammar(inputs.iter().map(String::as_str));
    assert!(checked > 2000, "only {checked} distinct strings");
}

/// Comparator spellings written before the number, including words and foldable forms.
fn prefixes() -> Vec<String> {
    let mut out = vec![String::new()];
    out.extend(
        Comparator::ALL
            .iter()
            .filter(|c| !c.is_suffix())
            .map(|c| c.as_str().to_string()),
    );
    out.extend([">=", "<=", "＞", "≧", "≥≥", "-"].map(String::from));
    out
}

/// Numbers, including ones that look like years, months and days, and malformed ones.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "5",
    "9",
    "12",
    "13",
    "19",
    "20",
    "31",
    "90",
    "100",
    "123",
    "1999",
    "2024",
    "2100",
    "20245",
    "1.5",
    "41.66",
    "12.5",
    "2024.12",
    "2024.1",
    "1990.5",
    "090",
    "00",
    "0.0",
    "1.",
    ".5",
    "1.2.3",
    "９０",
    "1,000",
    "99999999999999999999999999999",
];

/// Everything that may follow a number: every unit of the table alone and after 万/亿,
/// non-standard and unknown spellings, compounds, and words that are not units.
fn unit_texts() -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for symbol in value::units::SYMBOLS {
        out.push(symbol.to_string());
        out.push(format!("万{symbol}"));
        out.push(format!("亿{symbol}"));
    }
    out.extend(
        [
            "万",
            "亿",
            "%",
            "％",
            "百分比",
            "平米",
            "㎡",
            "平方",
            "公斤",
            "度",
            "KM",
            "km",
            "钟头",
            "元/个",
            "万元/年",
            "元/千瓦时",
            "页/件",
            "个/年",
            "元/%",
            "%/个",
            "元/",
            "/个",
            "立方",
            "吨公里",
            "abc",
            "人民币元",
            "个个",
            "月份",
            "日期",
            "个 ",
            " 个",
            "*",
            "*24小时",
            ":",
            ":4",
            "-",
            "-90%",
            "~10个",
            "至10个",
            "到10个",
            "%-90%",
            "个-10个",
            "以上",
            "以下",
            "以内",
            "及以上",
            "%以上",
            "个以下",
            "万元以内",
            "年内",
            "月内",
            "年底前",
            "月底前",
            "年12月",
            "年12月31日",
            "月31日",
            "月份之前",
            "年1-12月",
            ".12",
            ".12日期",
            "-12-31",
            "/12",
            "年5",
            "个2",
            "2",
            "元2",
        ]
        .map(String::from),
    );
    out
}

#[test]
fn fast_path_equals_grammar_on_comparators_numbers_and_every_unit() {
    let units = unit_texts();
    let mut inputs = Vec::new();
    for prefix in prefixes() {
        for number in NUMBERS {
            for unit in &units {
                inputs.push(format!("{prefix}{number}{unit}"));
            }
        }
    }
    let checked = check_fast_equals_grammar(inputs.iter().map(String::as_str));
    assert!(checked > 100_000);
}

#[test]
fn fast_path_equals_grammar_on_suffix_words_and_qualifiers() {
    let mut suffixes: Vec<String> = vec![String::new()];
    suffixes.extend(
        Comparator::ALL
            .iter()
            .filter(|c| c.is_suffix())
            .map(|c| c.as_str().to_string()),
    );
    suffixes.extend(
        DurationQualifier::ALL
            .iter()
            .map(|q| q.as_str().to_string()),
    );
    suffixes.extend(DateQualifier::ALL.iter().map(|q| q.as_str().to_string()));
    suffixes.extend(
        [
            "以内完成",
            "以上以上",
            "以下以下",
            "内内",
            "前前",
            "响",
            "x",
        ]
        .map(String::from),
    );
    let mut units: Vec<String> = [
        "",
        "%",
        "个",
        "万元",
        "万",
        "次",
        "天次",
        "平方米",
        "元/个",
        "秒",
        "季度",
        "分",
    ]
    .map(String::from)
    .to_vec();
    // Every time unit of the grammar, and the words around them.
    units.extend(
        [
            "分钟",
            "小时",
            "个工作日",
            "工作日",
            "个自然日",
            "自然日",
            "天",
            "日",
            "周",
            "个月",
            "月",
            "年",
            "个工作",
            "自然",
            "月份",
            "年年",
        ]
        .map(String::from),
    );
    let mut inputs = Vec::new();
    for prefix in ["", "≥", "≤", "<", "=", "少于", "不超过"] {
        for number in NUMBERS
            .iter()
            .chain(&["7*24", "7*24.5", "2*", "1.5*2", "24*7*1"])
        {
            for unit in &units {
                for suffix in &suffixes {
                    inputs.push(format!("{prefix}{number}{unit}{suffix}"));
                }
            }
        }
    }
    let checked = check_fast_equals_grammar(inputs.iter().map(String::as_str));
    assert!(checked > 50_000);
}

#[test]
fn fast_path_equals_grammar_on_dates() {
    let years = [
        "", "2024年", "2023年", "1999年", "2000年", "2100年", "24年", "20245年",
    ];
    let months = [
        "",
        "1月",
        "2月",
        "6月",
        "9月",
        "12月",
        "13月",
        "0月",
        "01月",
        "123月",
        "12月份",
        "2-3月",
        "1-12月",
        "12-1月",
        "1~12月",
        "1至12月",
        "1-12月份",
        "12",
        "月",
    ];
    let days = [
        "", "1日", "29日", "30日", "31日", "32日", "0日", "05日", "123日", "5号", "3",
    ];
    let mut qualifiers: Vec<&str> = vec!["", "内", "内完成", "以内", "以前完成", "份", "x"];
    qualifiers.extend(DateQualifier::ALL.iter().map(|q| q.as_str()));
    let mut inputs = Vec::new();
    for prefix in ["", "≥", "≤", "<", ">", "=", "不超过", "少于"] {
        for year in years {
            for month in months {
                for day in days {
                    for qualifier in &qualifiers {
                        inputs.push(format!("{prefix}{year}{month}{day}{qualifier}"));
                    }
                }
            }
        }
        for dotted in [
            "2024.12",
            "2024-12-31",
            "2024/12",
            "2024.12.31",
            "2024.1",
            "2024.13",
            "2023.2.29",
            "1999-1",
            "2100.12",
            "2024.12-3",
            "2024~12",
        ] {
            for word in ["", "日期"] {
                for qualifier in &qualifiers {
                    inputs.push(format!("{prefix}{dotted}{word}{qualifier}"));
                }
            }
        }
    }
    let checked = check_fast_equals_grammar(inputs.iter().map(String::as_str));
    assert!(checked > 50_000);
}

#[test]
fn fast_path_equals_grammar_on_ratios_and_ranges() {
    let mut inputs = Vec::new();
    for prefix in ["", "≥", "≤", "少于", "="] {
        for body in [
            "1:4", "1:4.5", "1:", ":4", "1:4:5", "2024:1", "1.5:2", "1:4个", "80-90", "80~90",
            "5至10", "5到10", "90-80", "80-80", "80%-90", "2024-12", "1-12", "0.5-1.5",
        ] {
            for unit in [
                "",
                "%",
                "个",
                "万元",
                "万",
                "天",
                "月",
                "年",
                "百分比",
                "平米",
                "立方",
            ] {
                inputs.push(format!("{prefix}{body}{unit}"));
            }
        }
    }
    check_fast_equals_grammar(inputs.iter().map(String::as_str));
}

// ---- properties ------------------------------------------------------------------------

/// `2024.12`: a year, a dot and a month 1–12 (two decimals at most).
fn looks_like_dotted_month(n: Decimal) -> bool {
    let s = n.to_string();
    let Some((year, month)) = s.split_once('.') else {
        return false;
    };
    (1900..2100).contains(&year.parse::<u32>().unwrap_or(0))
        && month.len() <= 2
        && (1..=12).contains(&month.parse::<u32>().unwrap_or(0))
}

fn number() -> impl Strategy<Value = Decimal> {
    (0u32..100_000, 0u32..3).prop_map(|(m, scale)| Decimal::new(i64::from(m), scale))
}

fn symbol_comparator() -> impl Strategy<Value = Option<Comparator>> {
    prop::option::of(prop::sample::select(vec![
        Comparator::Ge,
        Comparator::Le,
        Comparator::Gt,
        Comparator::Lt,
        Comparator::Eq,
    ]))
}

fn known_unit(symbols: &'static [&'static str]) -> impl Strategy<Value = value::UnitInfo> {
    prop::sample::select(symbols).prop_map(|s| value::units::lookup(s).unwrap())
}

const COUNT_UNITS: &[&str] = &["个", "次", "人", "项", "家", "场", "辆", "票", "平方米"];
const MONEY_UNITS: &[&str] = &[
    "元",
    "万元",
    "亿元",
    "亿美元",
    "元/个",
    "万元/年",
    "元/千瓦时",
];
const TIME_UNITS: &[&str] = &[
    "分钟",
    "小时",
    "天",
    "工作日",
    "个工作日",
    "个月",
    "年",
    "周",
];

/// Values whose canonical spelling is unambiguous (no problems, no repair).
fn canonical_value() -> impl Strategy<Value = Value> {
    let money = (symbol_comparator(), number(), known_unit(MONEY_UNITS)).prop_map(|(c, n, u)| {
        Value::Quantity {
            comparator: c,
            number: n,
            multiplier: None,
            unit: Some(u),
        }
    });
    let count = (
        symbol_comparator(),
        number(),
        prop::option::of(prop::sample::select(vec![Multiplier::Wan, Multiplier::Yi])),
        known_unit(COUNT_UNITS),
    )
        .prop_map(|(c, n, m, u)| Value::Quantity {
            comparator: c,
            number: n,
            multiplier: m,
            unit: Some(u),
        });
    let percent = (symbol_comparator(), number()).prop_map(|(c, n)| Value::Percent {
        // A bare percentage between 0 and 100 is flagged, so give those a comparator.
        comparator: c.or(Some(Comparator::Ge)),
        number: n,
    });
    let ratio = (symbol_comparator(), number(), number()).prop_map(|(c, l, r)| Value::Ratio {
        comparator: c,
        left: l,
        right: r,
    });
    let range = (
        number(),
        1u32..1000,
        prop::option::of(known_unit(&["%", "个", "人", "天", "万元"])),
    )
        .prop_map(|(low, gap, unit)| Value::Range {
            low,
            high: low + Decimal::from(gap),
            unit,
        })
        // `2023.7-2024.1` is the period budget tables mean by it, not a range of numbers.
        .prop_filter("reads as a dotted period", |v| {
            let Value::Range {
                low,
                high,
                unit: None,
            } = v
            else {
                return true;
            };
            !(looks_like_dotted_month(*low) && looks_like_dotted_month(*high))
        });
    let date = (
        prop::option::of(2000u16..2100),
        1u8..=12,
        prop::option::of(1u8..=28),
        prop::option::of(prop::sample::select(DateQualifier::ALL.to_vec())),
        prop::option::of(prop::sample::select(vec![Comparator::Ge, Comparator::Gt])),
    )
        .prop_map(|(year, month, day, qualifier, comparator)| Value::Date {
            comparator: comparator.filter(|_| qualifier.is_none()),
            year,
            month: Some(month),
            day,
            period: None,
            qualifier,
        });
    let year_end = (
        2000u16..2100,
        prop::sample::select(DateQualifier::ALL.to_vec()),
    )
        .prop_map(|(year, qualifier)| Value::Date {
            comparator: None,
            year: Some(year),
            month: None,
            day: None,
            period: None,
            qualifier: Some(qualifier),
        });
    let period = (2000u16..2100, 1u8..=12, 0u8..12).prop_map(|(year, from, len)| Value::Date {
        comparator: None,
        year: Some(year),
        month: None,
        day: None,
        period: Some(value::MonthPeriod {
            from,
            to: (from + len).min(12),
        }),
        qualifier: None,
    });
    let duration = (
        symbol_comparator(),
        prop::option::of(1u32..10),
        (1u32..1000, 0u32..2),
        known_unit(TIME_UNITS),
        prop::option::of(prop::sample::select(DurationQualifier::ALL.to_vec())),
    )
        .prop_map(|(c, factor, (m, s), unit, q)| Value::Duration {
            comparator: c,
            factor: factor.map(Decimal::from),
            number: Decimal::new(i64::from(m), s),
            unit,
            qualifier: q,
        });
    prop_oneof![
        money, count, percent, ratio, range, date, year_end, period, duration
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The parser is total: any string gives a value, and its canonical form is stable.
    #[test]
    fn parse_never_panics_and_canonical_is_a_fixed_point(s in "\\PC{0,24}") {
        let parsed = value::parse(&s);
        if let Some(canonical) = parsed.canonical() {
            let again = value::parse(canonical);
            prop_assert_eq!(again.canonical(), Some(canonical));
        }
        for p in &parsed.problems {
            if let Some(span) = &p.span {
                prop_assert!(s.get(span.clone()).is_some(), "bad span {:?} in {:?}", span, s);
            }
        }
    }

    /// Strings made of the characters values are written with exercise the grammar deeply.
    #[test]
    fn parse_never_panics_on_value_alphabet(s in "[0-9０-９.,:：%％≥≤<>=＞＜ 万亿元个年月日底前之以内上下至\\-~*×小时天分钟工作不少于超过百分比平米/]{0,16}") {
        let parsed = value::parse(&s);
        if let Some(canonical) = parsed.canonical() {
            let again = value::parse(canonical);
            prop_assert_eq!(again.canonical(), Some(canonical));
        }
    }

    /// The fast path gives what the grammar gives, on arbitrary text.
    #[test]
    fn fast_path_equals_grammar_on_any_text(s in "\\PC{0,24}") {
        prop_assert_eq!(value::parse(&s), value::parse_with_grammar(&s), "{:?}", s);
    }

    /// … on strings of the characters values are written with …
    #[test]
    fn fast_path_equals_grammar_on_value_alphabet(s in "[0-9０-９.,:：%％≥≤<>=＞＜ 万亿元个年月日号底前之以内上下至\\-~*×小时天分钟工作不少于超过百分比平米/期完成响应份]{0,16}") {
        prop_assert_eq!(value::parse(&s), value::parse_with_grammar(&s), "{:?}", s);
    }

    /// … on value-shaped strings: comparator, number, unit or date words, qualifier …
    #[test]
    fn fast_path_equals_grammar_on_value_shapes(s in "(≥|≤|<|>|=|不少于|少于|)([0-9]{1,5})(\\.[0-9]{1,3})?(\\*[0-9]{1,3})?(%|万元|万|亿|元|个|人次|天次|平方米|元/个|年|月|日|号|天|小时|个月|个工作日|分钟|年[0-9]{1,2}月|年[0-9]{1,2}月[0-9]{1,2}日|月[0-9]{1,2}日|:[0-9]{1,3}|-[0-9]{1,3}|)(前|底前|之前|完成|内|内完成|响应|以上|以下|以内|)") {
        prop_assert_eq!(value::parse(&s), value::parse_with_grammar(&s), "{:?}", s);
    }

    /// … and on canonical values.
    #[test]
    fn fast_path_equals_grammar_on_canonical_values(v in canonical_value()) {
        let s = v.to_string();
        prop_assert_eq!(value::parse(&s), value::parse_with_grammar(&s), "{:?}", s);
    }

    /// display(parse(s)) == s for canonical values, and the parse gives back the value.
    #[test]
    fn canonical_values_round_trip(v in canonical_value()) {
        let s = v.to_string();
        let parsed = value::parse(&s);
        prop_assert_eq!(&parsed.kind, &v, "{}", s);
        prop_assert_eq!(parsed.canonical(), Some(s.as_str()));
        prop_assert!(parsed.problems.is_empty(), "{}: {:?}", s, parsed.problems);
        prop_assert_eq!(parsed.kind.to_string(), s);
    }
}
