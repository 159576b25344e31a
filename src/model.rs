//! The document model: one unit's yearly disclosure of project performance targets.
//!
//! Every field a user writes is a [`Spanned`] value so that later stages can point at it.
//! The JSON Schema (`jixiao schema`) is derived from these types; the Chinese `title`
//! and the doc comment of each field become the editor's completion and hover text.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;

use crate::diag::Severity;
use crate::span::{FileId, Span, Spanned};

/// The JSON Schema of a whole document (single-file form, or `jixiao.yaml`).
pub fn document_schema() -> String {
    schema_json(schemars::schema_for!(Document))
}

/// The JSON Schema of one project file (folder form).
pub fn project_schema() -> String {
    schema_json(schemars::schema_for!(Project))
}

fn schema_json(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The unit amounts are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
#[schemars(description = "金额单位：元 或 万元。")]
pub enum AmountUnit {
    #[schemars(rename = "元")]
    Yuan,
    #[schemars(rename = "万元")]
    WanYuan,
}

impl AmountUnit {
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::Yuan => "元",
            AmountUnit::WanYuan => "万元",
        }
    }

    /// How many 元 one unit is.
    pub fn yuan_factor(self) -> Decimal {
        match self {
            AmountUnit::Yuan => Decimal::ONE,
            AmountUnit::WanYuan => Decimal::from(10_000),
        }
    }

    pub fn from_label(s: &str) -> Option<Self> {
        match s {
            "元" => Some(AmountUnit::Yuan),
            "万元" => Some(AmountUnit::WanYuan),
            _ => None,
        }
    }
}

/// A budget unit (预算单位): its code and name, printed on the unit line of each table.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "预算单位",
    deny_unknown_fields,
    description = "预算单位：单位编码与名称，印在每张表的单位行。"
)]
pub struct Unit {
    /// 单位编码，如 323101；可省略。
    #[schemars(title = "单位编码")]
    pub code: Option<Spanned<String>>,
    /// 单位名称，如 天津市滨海新区商务和投资促进局。
    #[schemars(title = "单位名称")]
    pub name: Spanned<String>,
}

impl Unit {
    /// The unit line as published: code directly followed by the name.
    pub fn line(&self) -> String {
        let code = self.code.as_ref().map(|c| c.value.as_str()).unwrap_or("");
        format!("{code}{}", self.name.value)
    }

    /// The unit a published unit line names, the inverse of [`Unit::line`]:
    /// `323101天津市…` → code `323101`, name `天津市…`. The code is the leading ASCII
    /// letters and digits; both parts keep the line's span.
    pub fn from_line(line: &Spanned<String>) -> Unit {
        let split = line
            .value
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(line.value.len());
        let (code, name) = line.value.split_at(split);
        Unit {
            code: (!code.is_empty()).then(|| Spanned::new(code.to_string(), line.span)),
            name: Spanned::new(name.to_string(), line.span),
        }
    }
}

/// A rule code allowed in place, with the written reason shown in reports.
#[derive(Clone, Debug)]
pub struct Allow {
    pub code: Spanned<String>,
    pub reason: Spanned<String>,
}

/// One yearly disclosure (部门预算项目绩效目标表).
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "绩效目标文档",
    deny_unknown_fields,
    description = "一个单位一个年度的项目支出绩效目标表文档（单文件形式，或文件夹形式中的 jixiao.yaml）。"
)]
pub struct Document {
    /// 预算年度，如 2025。
    #[schemars(title = "预算年度", range(min = 2000, max = 2100))]
    pub year: Spanned<i32>,
    /// 金额单位：“元”或“万元”。表中所有金额都以此为单位。
    #[schemars(title = "金额单位")]
    pub amount_unit: Spanned<AmountUnit>,
    /// 默认预算单位；项目可单独指定 unit 覆盖。
    #[schemars(title = "预算单位")]
    pub unit: Unit,
    /// 指标体系名称：legacy（成本指标在产出指标下）或 2021（成本指标为一级指标）。
    #[schemars(title = "指标体系", with = "Option<String>")]
    pub framework: Spanned<String>,
    /// 文档标题，用于封面、目录与 PDF 元数据；省略时由单位名称与年度生成。
    #[schemars(title = "文档标题")]
    pub title: Option<Spanned<String>>,
    /// 发布日期（YYYY-MM-DD），写入 PDF 元数据；省略时使用 SOURCE_DATE_EPOCH 或不写日期。
    #[schemars(title = "发布日期")]
    pub date: Option<Spanned<String>>,
    /// 第一部分：部门整体绩效目标（可省略）。
    #[schemars(title = "部门整体绩效目标")]
    pub overview: Option<Overview>,
    /// 规则严重程度调整：规则代码 → error / warning / info / off。
    #[schemars(title = "规则配置", with = "Option<BTreeMap<String, RuleLevel>>")]
    pub rules: BTreeMap<String, RuleLevel>,
    /// 项目列表（单文件形式）。文件夹形式中每个项目一个 YAML 文件。
    #[schemars(title = "项目", with = "Option<Vec<Project>>")]
    pub projects: Vec<Project>,
    /// 文件夹形式中项目文件的顺序（可省略，默认按文件名排序）。
    #[schemars(title = "项目顺序")]
    pub project_order: Option<Vec<Spanned<String>>>,
    /// 绩效自评的评分办法：national（财预〔2020〕10号，默认），或 scoring/ 文件夹中的评分文件名。
    #[schemars(title = "评分办法")]
    pub scoring: Option<Spanned<String>>,
    /// Where the document was read from, for its self-evaluation (scoring files, and the
    /// separate 自评 document when there is one); set by the loader.
    #[schemars(skip)]
    pub evaluation: Option<EvaluationSource>,
    #[schemars(skip)]
    pub file: FileId,
    #[schemars(skip)]
    pub rule_spans: BTreeMap<String, Span>,
}

/// A severity override from the document's `rules:` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
#[schemars(
    rename_all = "lowercase",
    description = "规则级别：error、warning、info 或 off（关闭）。"
)]
pub enum RuleLevel {
    Error,
    Warning,
    Info,
    Off,
}

impl RuleLevel {
    /// Every level, in the order the schema and messages list them.
    pub const ALL: [RuleLevel; 4] = [
        RuleLevel::Error,
        RuleLevel::Warning,
        RuleLevel::Info,
        RuleLevel::Off,
    ];

    /// The word written in `rules:` (and in the spreadsheet's 规则 rows): the severity's
    /// name, or `off`.
    pub fn name(self) -> &'static str {
        self.severity().map_or("off", Severity::as_str)
    }

    /// The level a `rules:` word names.
    pub fn from_name(name: &str) -> Option<RuleLevel> {
        RuleLevel::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The severity findings get at this level; `None` when the rule is off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Error => Some(Severity::Error),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Off => None,
        }
    }
}

impl Document {
    /// The title used on the cover, in the outline and in PDF metadata.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(t) => t.value.clone(),
            None => format!(
                "{}{}年部门预算项目绩效目标表",
                self.unit.name.value, self.year.value
            ),
        }
    }
}

/// Part 1 of some disclosures: the department's overall performance targets.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "部门整体绩效目标",
    deny_unknown_fields,
    description = "第一部分：部门整体绩效目标（总体绩效目标、分项绩效目标、工作保障措施）。"
)]
pub struct Overview {
    /// 一、总体绩效目标：正文，每行一段。
    #[schemars(title = "总体绩效目标")]
    pub overall: Spanned<String>,
    /// 二、分项绩效目标：编号自动生成。
    #[schemars(title = "分项绩效目标", with = "Option<Vec<OverviewItem>>")]
    pub items: Vec<OverviewItem>,
    /// 三、工作保障措施：每条一项，编号自动生成。
    #[schemars(title = "工作保障措施", with = "Option<Vec<String>>")]
    pub safeguards: Vec<Spanned<String>>,
}

/// One numbered 分项绩效目标.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "分项绩效目标",
    deny_unknown_fields,
    description = "一项分项绩效目标：标题、绩效目标、绩效指标。"
)]
pub struct OverviewItem {
    /// 分项标题（不含编号）。
    #[schemars(title = "标题")]
    pub title: Spanned<String>,
    /// 绩效目标：正文，每行一段。
    #[schemars(title = "绩效目标")]
    pub goal: Spanned<String>,
    /// 绩效指标：正文，每行一段。
    #[schemars(title = "绩效指标")]
    pub indicator: Spanned<String>,
}

/// One project expenditure and its performance-target table.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "项目",
    deny_unknown_fields,
    description = "一个项目支出及其绩效目标表。"
)]
pub struct Project {
    /// 本表的预算单位（下属单位）；省略时使用文档的 unit。
    #[schemars(title = "预算单位")]
    pub unit: Option<Unit>,
    /// 项目编码，如 13020024P00706610007L（可省略）。
    #[schemars(title = "项目编码")]
    pub code: Option<Spanned<String>>,
    /// 项目名称；表标题为“序号.{项目名称}绩效目标表”。
    #[schemars(title = "项目名称")]
    pub name: Spanned<String>,
    /// 预算规模：预算数、财政资金、其他资金，以文档金额单位计，精确到分。
    #[schemars(title = "预算规模")]
    pub budget: Budget,
    /// 资金用途。
    #[schemars(title = "资金用途")]
    pub purpose: Spanned<String>,
    /// 资金支出计划（%），累计百分比，可留空。
    #[schemars(title = "资金支出计划")]
    pub spending_plan: Option<SpendingPlan>,
    /// 绩效目标，每条一项；编号（1. 2. …）自动生成，不要自己写。
    #[schemars(title = "绩效目标")]
    pub goals: Vec<Spanned<String>>,
    /// 是否为绩效目标自动编号（默认 true）；仅在忠实还原已发布文档时设为 false。
    #[schemars(title = "绩效目标自动编号", with = "Option<bool>")]
    pub goal_numbering: bool,
    /// 绩效指标：一级指标 → 二级指标 → 三级指标行。
    #[schemars(title = "绩效指标")]
    pub indicators: Vec<Level1>,
    /// 就地允许的规则：规则代码 → 书面理由。
    #[schemars(title = "允许的规则", with = "Option<BTreeMap<String, String>>")]
    pub allow: Vec<Allow>,
    /// 自评：年初预算数（省略时等于预算数 budget.total）。
    #[schemars(title = "年初预算数", with = "Option<AmountSchema>")]
    pub initial_budget: Option<Spanned<Decimal>>,
    /// 自评：全年预算数（调整后；省略时等于年初预算数）。
    #[schemars(title = "全年预算数", with = "Option<AmountSchema>")]
    pub full_year_budget: Option<Spanned<Decimal>>,
    /// 自评：全年执行数（实际支出）。
    #[schemars(title = "全年执行数", with = "Option<AmountSchema>")]
    pub executed: Option<Spanned<Decimal>>,
    /// 自评：预算执行率的分值（省略时按评分办法，默认 10 分）。
    #[schemars(title = "预算执行率分值", with = "Option<f64>")]
    pub execution_weight: Option<Spanned<Decimal>>,
    /// 自评：年度总体目标的实际完成情况，每行一段。
    #[schemars(title = "实际完成情况")]
    pub achieved: Option<Spanned<String>>,
    /// 自评：手工填写的总分；与按评分办法算出的总分不符时报告 E007。
    #[schemars(title = "总分（手填）", with = "Option<f64>")]
    pub score: Option<Spanned<Decimal>>,
    #[schemars(skip)]
    pub file: FileId,
    #[schemars(skip)]
    pub span: Span,
    /// Fields that could not be read: reported while loading, replaced by placeholders so
    /// that the rest of the project is still checked.
    #[schemars(skip)]
    pub unread: Unread,
}

/// The fields of a project that failed to load (a missing `budget`, an invalid amount):
/// the rules that need one skip the project instead of reading its placeholder. A
/// document with any of them set has loading errors and is never rendered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unread {
    /// `budget` is missing or one of its amounts is invalid; the placeholder is zero.
    pub budget: bool,
    /// `purpose` is missing or not text; the placeholder is empty.
    pub purpose: bool,
}

impl Project {
    /// A project as an importer first reads it: its targets' required fields, everything
    /// else empty (no code, plan, goals, indicators, allowed findings or self-evaluation);
    /// the importer fills in the rest with struct update syntax.
    pub fn targets(
        name: Spanned<String>,
        budget: Budget,
        purpose: Spanned<String>,
        file: FileId,
    ) -> Project {
        Project {
            unit: None,
            code: None,
            span: name.span,
            name,
            budget,
            purpose,
            spending_plan: None,
            goals: Vec::new(),
            goal_numbering: true,
            indicators: Vec::new(),
            allow: Vec::new(),
            initial_budget: None,
            full_year_budget: None,
            executed: None,
            execution_weight: None,
            achieved: None,
            score: None,
            file,
            unread: Unread::default(),
        }
    }

    /// The budget, unless it failed to load.
    pub fn known_budget(&self) -> Option<&Budget> {
        (!self.unread.budget).then_some(&self.budget)
    }

    /// The unit this table belongs to.
    pub fn unit<'a>(&'a self, doc: &'a Document) -> &'a Unit {
        self.unit.as_ref().unwrap_or(&doc.unit)
    }

    /// All indicator rows in published order, with their 一级 and 二级 names.
    pub fn rows(&self) -> impl Iterator<Item = (&Level1, &Level2, &Row)> {
        self.indicators.iter().flat_map(|l1| {
            l1.groups
                .iter()
                .flat_map(move |l2| l2.rows.iter().map(move |r| (l1, l2, r)))
        })
    }
}

/// 预算规模: amounts in the document's amount unit, exact decimals.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "预算规模",
    deny_unknown_fields,
    description = "预算规模：以文档金额单位计的精确金额。"
)]
pub struct Budget {
    /// 预算数。
    #[schemars(title = "预算数", with = "AmountSchema")]
    pub total: Spanned<Decimal>,
    /// 其中：财政资金。
    #[schemars(title = "财政资金", with = "Option<AmountSchema>")]
    pub fiscal: Option<Spanned<Decimal>>,
    /// 其他资金（可省略，省略时表中留空）。
    #[schemars(title = "其他资金", with = "Option<AmountSchema>")]
    pub other: Option<Spanned<Decimal>>,
}

/// An amount as written in YAML: a non-negative number exact to the 分.
#[derive(JsonSchema)]
#[schemars(
    title = "金额",
    description = "非负数，精确到分：以元计最多两位小数，以万元计最多六位小数，如 416543.39"
)]
#[allow(dead_code)]
struct AmountSchema(f64);

/// 资金支出计划: cumulative percentages at the end of March, June, October, December.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "资金支出计划（%）",
    deny_unknown_fields,
    description = "资金支出计划：3月底、6月底、10月底、12月底的累计支出百分比。"
)]
pub struct SpendingPlan {
    /// 3月底累计支出比例，如 25%；可留空。
    #[schemars(title = "3月底")]
    pub march: Option<Spanned<String>>,
    /// 6月底累计支出比例。
    #[schemars(title = "6月底")]
    pub june: Option<Spanned<String>>,
    /// 10月底累计支出比例。
    #[schemars(title = "10月底")]
    pub october: Option<Spanned<String>>,
    /// 12月底累计支出比例，应为 100%。
    #[schemars(title = "12月底")]
    pub december: Option<Spanned<String>>,
}

impl SpendingPlan {
    /// The four cells in published order with their column labels.
    pub fn cells(&self) -> [(&'static str, Option<&Spanned<String>>); 4] {
        [
            ("3月底", self.march.as_ref()),
            ("6月底", self.june.as_ref()),
            ("10月底", self.october.as_ref()),
            ("12月底", self.december.as_ref()),
        ]
    }
}

/// A 一级指标 and its 二级 groups.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "一级指标",
    deny_unknown_fields,
    description = "一个一级指标及其下的二级指标组。"
)]
pub struct Level1 {
    /// 一级指标名称，如 产出指标。
    #[schemars(title = "一级指标")]
    pub level1: Spanned<String>,
    /// 该一级指标下的二级指标。
    #[schemars(title = "二级指标组")]
    pub groups: Vec<Level2>,
    #[schemars(skip)]
    pub span: Span,
}

/// A 二级指标 and its rows.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "二级指标",
    deny_unknown_fields,
    description = "一个二级指标及其三级指标行。"
)]
pub struct Level2 {
    /// 二级指标名称，如 数量指标。
    #[schemars(title = "二级指标")]
    pub level2: Spanned<String>,
    /// 三级指标行。
    #[schemars(title = "三级指标行")]
    pub rows: Vec<Row>,
    #[schemars(skip)]
    pub span: Span,
}

/// One indicator row.
#[derive(Clone, Debug, JsonSchema)]
#[schemars(
    title = "三级指标",
    deny_unknown_fields,
    description = "一行三级指标：名称、描述、指标值、确定依据。"
)]
pub struct Row {
    /// 三级指标名称。
    #[schemars(title = "三级指标")]
    pub level3: Spanned<String>,
    /// 绩效指标描述；省略时与三级指标相同。
    #[schemars(title = "绩效指标描述")]
    pub description: Option<Spanned<String>>,
    /// 指标值，照发布原文书写，如 ≥90%、≤41.66万元、2026年12月31日前。
    #[schemars(title = "指标值")]
    pub value: Spanned<String>,
    /// 指标值确定依据（可省略；任一行填写时表格显示该列）。
    #[schemars(title = "指标值确定依据")]
    pub basis: Option<Spanned<String>>,
    /// 指标方向：正向（越大越好）或 反向（越小越好），如预算管理一体化系统导出所填（可省略）。
    #[schemars(title = "指标方向", with = "Option<DirectionSchema>")]
    pub direction: Option<Spanned<String>>,
    /// 指标值说明：指标值的含义、口径或计算方法，如预算管理一体化系统导出所填（可省略）。
    #[schemars(title = "指标值说明")]
    pub explanation: Option<Spanned<String>>,
    /// 就地允许的规则：规则代码 → 书面理由。
    #[schemars(title = "允许的规则", with = "Option<BTreeMap<String, String>>")]
    pub allow: Vec<Allow>,
    /// 自评：实际完成值，与指标值同样书写，如 95%、40.2万元、2025年11月20日；定性指标写实际情况。
    #[schemars(title = "实际完成值")]
    pub actual: Option<Spanned<String>>,
    /// 分值（权重）；省略时按评分办法在同一一级指标的各行间平均分配。
    #[schemars(title = "分值", with = "Option<f64>")]
    pub weight: Option<Spanned<Decimal>>,
    /// 自评：定性指标的完成等级：达成、部分达成 或 未达成。
    #[schemars(title = "完成等级", with = "Option<GradeSchema>")]
    pub grade: Option<Spanned<String>>,
    /// 自评：手工填写的得分；与算出的得分不符时报告 E007。
    #[schemars(title = "得分（手填）", with = "Option<f64>")]
    pub score: Option<Spanned<Decimal>>,
    /// 自评：偏差原因分析及改进措施（未完成或大幅超额完成时必填）。
    #[schemars(title = "偏差原因分析及改进措施")]
    pub deviation: Option<Spanned<String>>,
    #[schemars(skip)]
    pub span: Span,
}

/// The spellings of 指标方向.
pub const DIRECTIONS: [&str; 2] = ["正向", "反向"];

/// An indicator's direction as written in YAML.
#[derive(JsonSchema)]
#[schemars(title = "指标方向", description = "正向 或 反向")]
#[allow(dead_code)]
enum DirectionSchema {
    #[schemars(rename = "正向")]
    Positive,
    #[schemars(rename = "反向")]
    Negative,
}

/// A qualitative row's grade as written in YAML.
#[derive(JsonSchema)]
#[schemars(title = "完成等级", description = "达成、部分达成 或 未达成")]
#[allow(dead_code)]
enum GradeSchema {
    #[schemars(rename = "达成")]
    Achieved,
    #[schemars(rename = "部分达成")]
    Partly,
    #[schemars(rename = "未达成")]
    NotAchieved,
}

impl Row {
    /// 绩效指标描述 as published: the written description, or the 三级 name.
    pub fn description_text(&self) -> &str {
        match &self.description {
            Some(d) => &d.value,
            None => &self.level3.value,
        }
    }
}

/// Where a document came from, as far as its self-evaluation needs to know.
#[derive(Clone, Debug)]
pub struct EvaluationSource {
    /// The targets' main file as shown in diagnostics: its folder holds `frameworks/`.
    pub targets_path: String,
    /// The separate 自评 document, when the self-evaluation is one.
    pub separate: Option<Separate>,
}

/// A separate 自评 document that refers to the targets' document.
#[derive(Clone, Debug)]
pub struct Separate {
    pub file: FileId,
    /// The 自评 document's path as shown: its folder holds `scoring/`.
    pub path: String,
    /// `targets:` as written.
    pub targets: Spanned<String>,
    /// `title:` of the 自评 document.
    pub title: Option<Spanned<String>>,
    /// `date:` of the 自评 document (publication date of the 自评 results).
    pub date: Option<Spanned<String>>,
}

impl EvaluationSource {
    /// The file whose folder holds the document's `scoring/`.
    pub fn scoring_path(&self) -> &str {
        match &self.separate {
            Some(s) => &s.path,
            None => &self.targets_path,
        }
    }
}
