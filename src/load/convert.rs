//! Node tree → model, collecting every mistake instead of stopping at the first.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::amount;
use super::yaml::{self, Node, NodeKind};
use crate::check::rules;
use crate::diag::Diagnostic;
use crate::model::*;
use crate::span::{FileId, Sources, Span, Spanned};

pub const DOCUMENT_KEYS: &[&str] = &[
    "year",
    "amount_unit",
    "unit",
    "framework",
    "title",
    "date",
    "overview",
    "rules",
    "scoring",
    "projects",
    "project_order",
];
pub const PROJECT_KEYS: &[&str] = &[
    "unit",
    "code",
    "name",
    "budget",
    "purpose",
    "spending_plan",
    "goals",
    "goal_numbering",
    "indicators",
    "allow",
    "initial_budget",
    "full_year_budget",
    "executed",
    "execution_weight",
    "achieved",
    "score",
];
const UNIT_KEYS: &[&str] = &["code", "name"];
const BUDGET_KEYS: &[&str] = &["total", "fiscal", "other"];
const PLAN_KEYS: &[&str] = &["march", "june", "october", "december"];
const LEVEL1_KEYS: &[&str] = &["level1", "groups"];
const LEVEL2_KEYS: &[&str] = &["level2", "rows"];
const ROW_KEYS: &[&str] = &[
    "level3",
    "description",
    "value",
    "basis",
    "direction",
    "explanation",
    "allow",
    "actual",
    "weight",
    "grade",
    "score",
    "deviation",
];
const OVERVIEW_KEYS: &[&str] = &["overall", "items", "safeguards"];
/// Marks a mapping whose keys are data (rule codes), not field names.
const ANY_KEY: &[&str] = &["*"];
const OVERVIEW_ITEM_KEYS: &[&str] = &["title", "goal", "indicator"];

/// Chinese names people type out of habit, and the key they mean.
const CHINESE_KEYS: &[(&str, &str)] = &[
    ("预算年度", "year"),
    ("年度", "year"),
    ("金额单位", "amount_unit"),
    ("单位", "unit"),
    ("指标体系", "framework"),
    ("项目", "projects"),
    ("项目编码", "code"),
    ("项目名称", "name"),
    ("名称", "name"),
    ("预算", "budget"),
    ("预算规模", "budget"),
    ("预算数", "total"),
    ("财政资金", "fiscal"),
    ("其他资金", "other"),
    ("资金用途", "purpose"),
    ("资金支出计划", "spending_plan"),
    ("绩效目标", "goals"),
    ("绩效指标", "indicators"),
    ("一级指标", "level1"),
    ("二级指标", "level2"),
    ("三级指标", "level3"),
    ("绩效指标描述", "description"),
    ("指标值", "value"),
    ("指标值确定依据", "basis"),
    ("指标方向", "direction"),
    ("指标值说明", "explanation"),
    ("指标解释", "explanation"),
    ("实际完成值", "actual"),
    ("分值", "weight"),
    ("权重", "weight"),
    ("得分", "score"),
    ("偏差原因", "deviation"),
    ("偏差原因分析及改进措施", "deviation"),
    ("全年执行数", "executed"),
    ("执行数", "executed"),
    ("年初预算数", "initial_budget"),
    ("全年预算数", "full_year_budget"),
    ("实际完成情况", "achieved"),
];

/// The fields of one YAML mapping, checked against the keys it may hold.
pub(crate) struct Fields<'a> {
    entries: &'a [(Spanned<String>, Node)],
    span: Span,
    what: &'static str,
    known: &'static [&'static str],
}

impl<'a> Fields<'a> {
    pub(crate) fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(_, v)| v)
    }

    fn key_span(&self, key: &str) -> Option<Span> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(k, _)| k.span)
    }
}

/// The loading context: the sources and every diagnostic so far.
pub(crate) struct Cx<'s> {
    sources: &'s Sources,
    diags: Vec<Diagnostic>,
    /// The document's amount unit once read: it decides how exact an amount may be and
    /// what a unit typed into a budget cell means.
    amount_unit: Option<AmountUnit>,
    /// Trees of files unchanged since an earlier load, when the caller keeps them.
    trees: Option<&'s mut yaml::ParseCache>,
}

impl<'s> Cx<'s> {
    pub(crate) fn new(sources: &'s Sources) -> Self {
        Cx {
            sources,
            diags: Vec::new(),
            amount_unit: None,
            trees: None,
        }
    }

    /// The diagnostics collected.
    pub(crate) fn finish(self) -> Vec<Diagnostic> {
        self.diags
    }

    /// The node tree of a file, from the cache when its text is unchanged.
    fn parse(&mut self, file: FileId) -> std::sync::Arc<Result<Node, Diagnostic>> {
        let text = self.sources.text(file);
        match self.trees.as_deref_mut() {
            Some(cache) => cache.parse(file, text),
            None => std::sync::Arc::new(yaml::parse(file, text)),
        }
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str, help: &str) {
        self.push(
            Diagnostic::of(&rules::L003, format!("{what}的类型不对：应为{expected}"))
                .at(node.span, format!("这里是{}", node.type_name()))
                .with_help(help.to_string()),
        );
    }

    /// Checks that `node` is a mapping with only `known` keys and no duplicates.
    pub(crate) fn fields<'a>(
        &mut self,
        node: &'a Node,
        what: &'static str,
        known: &'static [&'static str],
    ) -> Option<Fields<'a>> {
        let entries = match &node.kind {
            NodeKind::Map(entries) => entries.as_slice(),
            NodeKind::Null => &[],
            _ => {
                let example = known.first().copied().unwrap_or("key");
                self.wrong_type(
                    node,
                    what,
                    "映射（键: 值）",
                    &format!("按“{example}: …”的形式逐行书写各字段"),
                );
                return None;
            }
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            if let Some((first, _)) = entries[..i].iter().find(|(k, _)| k.value == key.value) {
                self.push(
                    Diagnostic::of(&rules::L005, format!("{what}中字段 `{}` 重复", key.value))
                        .at(key.span, "重复的字段")
                        .with_secondary(first.span, "第一次出现在这里")
                        .with_help("删除其中一个；YAML 中同一映射的字段只能出现一次"),
                );
            } else if known != ANY_KEY && !known.contains(&key.value.as_str()) {
                let mut d =
                    Diagnostic::of(&rules::L002, format!("{what}中有未知字段 `{}`", key.value))
                        .at(key.span, "未知字段");
                match suggest(&key.value, known) {
                    Some(s) => d = d.with_help(format!("是不是想写 `{s}`？")),
                    None => {
                        d = d.with_help(format!("{what}可用的字段：{}", known.join("、")));
                    }
                }
                self.push(d);
            }
        }
        Some(Fields {
            entries,
            span: node.span,
            what,
            known,
        })
    }

    pub(crate) fn required<'a>(
        &mut self,
        f: &Fields<'a>,
        key: &str,
        title: &str,
    ) -> Option<&'a Node> {
        let node = f.get(key);
        // A misspelt key already reported as L002 with this key as its suggestion is
        // the same mistake: one diagnostic is clearer than two.
        let misspelt = f.entries.iter().any(|(k, _)| {
            !f.known.contains(&k.value.as_str())
                && suggest(&k.value, f.known).as_deref() == Some(key)
        });
        if node.is_none() && !misspelt {
            self.push(
                Diagnostic::of(
                    &rules::L004,
                    format!("{}缺少必填字段 `{key}`（{title}）", f.what),
                )
                .at(f.span, format!("这个{}缺少 `{key}`", f.what))
                .with_help(format!("添加一行 `{key}: …`")),
            );
        }
        node
    }

    /// A text field. A blank value reads as empty text (the checker reports empty cells).
    pub(crate) fn string(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match &node.kind {
            NodeKind::Scalar { text, .. } => Some(Spanned::new(text.clone(), node.span)),
            NodeKind::Null => Some(Spanned::new(String::new(), node.span)),
            _ => {
                self.wrong_type(
                    node,
                    what,
                    "文本",
                    "把内容写在冒号后面；多段文字可用 `|` 块",
                );
                None
            }
        }
    }

    pub(crate) fn opt_string(
        &mut self,
        node: Option<&Node>,
        what: &str,
    ) -> Option<Spanned<String>> {
        match node {
            None => None,
            Some(n) if matches!(n.kind, NodeKind::Null) => None,
            Some(n) => self.string(n, what),
        }
    }

    pub(crate) fn list<'a>(&mut self, node: &'a Node, what: &str) -> &'a [Node] {
        match &node.kind {
            NodeKind::Seq(items) => items,
            NodeKind::Null => &[],
            _ => {
                self.wrong_type(node, what, "列表", "每一项单独一行，以“- ”开头");
                &[]
            }
        }
    }

    fn amount(&mut self, node: &Node, what: &str) -> Option<Spanned<Decimal>> {
        let text = match &node.kind {
            NodeKind::Scalar { text, .. } => text.trim().to_string(),
            NodeKind::Null => {
                self.push(
                    Diagnostic::of(&rules::L006, format!("{what}为空"))
                        .at(node.span, "这里需要一个金额")
                        .with_help("写一个数字，如 416543.39；没有这项资金时删除该字段"),
                );
                return None;
            }
            _ => {
                self.wrong_type(node, what, "数字", "写一个数字，如 416543.39");
                return None;
            }
        };
        let help =
            "金额只写数字（如 416543.39），单位由 amount_unit 决定，不写“元”“万元”或千分位逗号";
        let value = match Decimal::from_str_exact(&text) {
            Ok(value) => value,
            Err(_) => match self.amount_unit.and_then(|u| amount::with_unit(&text, u)) {
                Some(read) => {
                    self.unit_in_amount(node, what, &text, &read);
                    read.value
                }
                None => {
                    self.push(
                        Diagnostic::of(&rules::L006, format!("{what}不是有效的金额：`{text}`"))
                            .at(node.span, "无法读作金额")
                            .with_help(help),
                    );
                    return None;
                }
            },
        };
        if value.is_sign_negative() && !value.is_zero() {
            self.push(
                Diagnostic::of(&rules::L007, format!("{what}为负数：{text}"))
                    .at(node.span, "金额不能为负")
                    .with_help("预算金额应为零或正数"),
            );
            return None;
        }
        // Exact to the 分 is exact enough: 24.998 万元 is 249980.00 元.
        let unit = self.amount_unit.unwrap_or(AmountUnit::WanYuan);
        let places = amount::fen_places(unit);
        if value.normalize().scale() > places {
            self.push(
                Diagnostic::of(
                    &rules::L008,
                    format!(
                        "{what}比 1 分更精细：{text}（以{}计最多 {places} 位小数）",
                        unit.label()
                    ),
                )
                .at(
                    node.span,
                    format!("以{}计的金额最多 {places} 位小数", unit.label()),
                )
                .with_help(format!("写作 {}", value.round_dp(places))),
            );
            return None;
        }
        Some(Spanned::new(value, node.span))
    }

    /// An optional amount; a blank value counts as absent.
    pub(crate) fn opt_amount(
        &mut self,
        node: Option<&Node>,
        what: &str,
    ) -> Option<Spanned<Decimal>> {
        node.filter(|n| !matches!(n.kind, NodeKind::Null))
            .and_then(|n| self.amount(n, what))
    }

    /// An optional 分值 or 得分: a non-negative number with at most four decimals.
    pub(crate) fn opt_points(
        &mut self,
        node: Option<&Node>,
        what: &str,
    ) -> Option<Spanned<Decimal>> {
        let node = node.filter(|n| !matches!(n.kind, NodeKind::Null))?;
        let text = match &node.kind {
            NodeKind::Scalar { text, .. } => text.trim().to_string(),
            _ => {
                self.wrong_type(node, what, "数字", "写一个数字，如 12.5");
                return None;
            }
        };
        match Decimal::from_str_exact(&text) {
            Ok(v) if !v.is_sign_negative() && v.scale() <= 4 => Some(Spanned::new(v, node.span)),
            _ => {
                self.push(
                    Diagnostic::of(&rules::L003, format!("{what}不是有效的分值：`{text}`"))
                        .at(node.span, "应为非负数，最多四位小数")
                        .with_help("分值、得分只写数字，如 10 或 12.5，不写“分”"),
                );
                None
            }
        }
    }

    /// L012: an amount written with a unit or thousands separators, read as what it says.
    fn unit_in_amount(&mut self, node: &Node, what: &str, text: &str, read: &amount::WithUnit) {
        let number = read.value.normalize().to_string();
        let unit = self.amount_unit.map_or("", |u| u.label());
        let mut d = Diagnostic::of(
            &rules::L012,
            format!("{what}“{text}”写了{}，读作 {number}（{unit}）", read.what),
        )
        .at(
            node.span,
            format!("金额只写数字，单位是 amount_unit（{unit}）"),
        )
        .with_help(format!("写作 {number}"));
        d.fix = Some(crate::diag::Fix {
            span: node.span,
            replacement: number,
            title: format!("改写为 {}", read.value.normalize()),
        });
        self.push(d);
    }

    fn unit(&mut self, node: &Node) -> Option<Unit> {
        let f = self.fields(node, "预算单位", UNIT_KEYS)?;
        let code = self.opt_string(f.get("code"), "单位编码");
        let name = self.required(&f, "name", "单位名称");
        let name = name.and_then(|n| self.string(n, "单位名称"))?;
        Some(Unit { code, name })
    }

    fn allow(&mut self, node: Option<&Node>) -> Vec<Allow> {
        let Some(node) = node else { return Vec::new() };
        // Every key is a rule code, so only duplicates are checked here; the checker
        // validates the codes against the rule registry.
        let Some(f) = self.fields(node, "允许的规则", ANY_KEY) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, value) in f.entries {
            if let Some(reason) = self.string(value, "允许理由") {
                if reason.value.trim().is_empty() {
                    self.push(
                        Diagnostic::of(
                            &rules::L003,
                            format!("允许规则 {} 时必须写明理由", key.value),
                        )
                        .at(key.span, "缺少理由")
                        .with_help(format!("写作 `{}: \"理由……\"`", key.value)),
                    );
                }
                out.push(Allow {
                    code: key.clone(),
                    reason,
                });
            }
        }
        out
    }
}

/// Did-you-mean: the closest known key, if it is close enough.
fn suggest(key: &str, known: &[&str]) -> Option<String> {
    if let Some((_, k)) = CHINESE_KEYS.iter().find(|(zh, _)| *zh == key)
        && known.contains(k)
    {
        return Some((*k).to_string());
    }
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(key, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}

/// Builds the document from its settings file and (folder form) its project files.
pub fn document(
    file: FileId,
    sources: &Sources,
    project_files: Vec<(String, FileId)>,
    trees: Option<&mut yaml::ParseCache>,
) -> (Option<Document>, Vec<Diagnostic>) {
    let mut cx = Cx {
        sources,
        diags: Vec::new(),
        amount_unit: None,
        trees,
    };
    let root = cx.parse(file);
    let root = match &*root {
        Ok(n) => n,
        Err(d) => {
            let mut diags = vec![d.clone()];
            // Still read the project files so that all their mistakes show in one run.
            for (_, pf) in &project_files {
                match &*cx.parse(*pf) {
                    Ok(n) => {
                        cx.project(n, *pf);
                    }
                    Err(d) => diags.push(d.clone()),
                }
            }
            diags.extend(cx.diags);
            return (None, diags);
        }
    };
    let doc = cx.document_body(root, file, project_files);
    (doc, cx.diags)
}

impl<'s> Cx<'s> {
    fn document_body(
        &mut self,
        root: &Node,
        file: FileId,
        project_files: Vec<(String, FileId)>,
    ) -> Option<Document> {
        let f = self.fields(root, "文档", DOCUMENT_KEYS)?;
        let year = self
            .required(&f, "year", "预算年度")
            .and_then(|n| self.year(n));
        let amount_unit = self
            .required(&f, "amount_unit", "金额单位")
            .and_then(|n| self.amount_unit(n));
        self.amount_unit = amount_unit.as_ref().map(|u| u.value);
        let unit = self
            .required(&f, "unit", "预算单位")
            .and_then(|n| self.unit(n));
        let framework = match f.get("framework") {
            Some(n) => self.string(n, "指标体系"),
            None => Some(Spanned::new("legacy".to_string(), Span::file_start(file))),
        };
        let title = self.opt_string(f.get("title"), "文档标题");
        let date = self.opt_string(f.get("date"), "发布日期");
        let overview = match f.get("overview") {
            Some(n) if !matches!(n.kind, NodeKind::Null) => self.overview(n),
            _ => None,
        };
        let (rules, rule_spans) = self.rules(f.get("rules"));
        let mut projects = Vec::new();
        if let Some(n) = f.get("projects") {
            for p in self.list(n, "projects") {
                if let Some(p) = self.project(p, file) {
                    projects.push(p);
                }
            }
        }
        let project_order = f.get("project_order").map(|n| {
            self.list(n, "project_order")
                .iter()
                .filter_map(|x| self.string(x, "项目文件名"))
                .collect::<Vec<_>>()
        });
        let scoring = self.opt_string(f.get("scoring"), "评分办法");
        let ordered = self.order_files(project_files, project_order.as_deref(), &f);
        for (_, pf) in ordered {
            match &*self.parse(pf) {
                Ok(n) => {
                    if let Some(p) = self.project(n, pf) {
                        projects.push(p);
                    }
                }
                Err(d) => self.push(d.clone()),
            }
        }
        Some(Document {
            year: year?,
            amount_unit: amount_unit?,
            unit: unit?,
            framework: framework?,
            title,
            date,
            overview,
            rules,
            projects,
            project_order,
            scoring,
            evaluation: None,
            file,
            rule_spans,
        })
    }

    fn order_files(
        &mut self,
        files: Vec<(String, FileId)>,
        order: Option<&[Spanned<String>]>,
        f: &Fields,
    ) -> Vec<(String, FileId)> {
        let Some(order) = order else { return files };
        let mut out = Vec::new();
        for name in order {
            let found = files.iter().find(|(rel, _)| {
                rel == &name.value || rel.rsplit('/').next() == Some(name.value.as_str())
            });
            match found {
                Some(x) if !out.contains(x) => out.push(x.clone()),
                Some(_) => self.push(
                    Diagnostic::of(
                        &rules::L011,
                        format!("project_order 中 `{}` 出现了两次", name.value),
                    )
                    .at(name.span, "重复")
                    .with_help("每个项目文件只列一次"),
                ),
                None => self.push(
                    Diagnostic::of(
                        &rules::L011,
                        format!("project_order 中的文件 `{}` 不存在", name.value),
                    )
                    .at(name.span, "找不到这个文件")
                    .with_help(format!(
                        "可用的项目文件：{}",
                        files
                            .iter()
                            .map(|(r, _)| r.as_str())
                            .collect::<Vec<_>>()
                            .join("、")
                    )),
                ),
            }
        }
        for x in &files {
            if !out.contains(x) {
                let span = f.key_span("project_order").unwrap_or(f.span);
                self.push(
                    Diagnostic::of(
                        &rules::L011,
                        format!("项目文件 `{}` 没有列入 project_order", x.0),
                    )
                    .at(span, "顺序表不完整")
                    .with_help(format!("把 `{}` 加入 project_order，或删除该文件", x.0)),
                );
            }
        }
        out
    }

    fn year(&mut self, node: &Node) -> Option<Spanned<i32>> {
        let parsed = match &node.kind {
            NodeKind::Scalar { text, .. } => i32::from_str(text.trim()).ok(),
            _ => None,
        };
        match parsed {
            Some(y) if (2000..=2100).contains(&y) => Some(Spanned::new(y, node.span)),
            _ => {
                self.push(
                    Diagnostic::of(&rules::L003, "预算年度应为四位数年份")
                        .at(node.span, "不是有效的年份")
                        .with_help("写作 `year: 2025`"),
                );
                None
            }
        }
    }

    fn amount_unit(&mut self, node: &Node) -> Option<Spanned<AmountUnit>> {
        let text = self.string(node, "金额单位")?;
        match AmountUnit::from_label(text.value.trim()) {
            Some(u) => Some(Spanned::new(u, node.span)),
            None => {
                self.push(
                    Diagnostic::of(&rules::L003, format!("金额单位 `{}` 无效", text.value))
                        .at(node.span, "只能是“元”或“万元”")
                        .with_help("写作 `amount_unit: 元` 或 `amount_unit: 万元`"),
                );
                None
            }
        }
    }

    pub(crate) fn rules(
        &mut self,
        node: Option<&Node>,
    ) -> (BTreeMap<String, RuleLevel>, BTreeMap<String, Span>) {
        let mut rules = BTreeMap::new();
        let mut spans = BTreeMap::new();
        let Some(node) = node else {
            return (rules, spans);
        };
        let NodeKind::Map(entries) = &node.kind else {
            self.wrong_type(
                node,
                "规则配置 rules",
                "映射（规则代码: 级别）",
                "写作 `rules: {T401: warning}`",
            );
            return (rules, spans);
        };
        for (key, value) in entries {
            let Some(level) = self.string(value, "规则级别") else {
                continue;
            };
            let level = match RuleLevel::from_name(level.value.trim()) {
                Some(level) => level,
                None => {
                    let other = level.value.trim();
                    self.push(
                        Diagnostic::of(&rules::L003, format!("规则级别 `{other}` 无效"))
                            .at(value.span, "应为 error、warning、info 或 off")
                            .with_help(format!("写作 `{}: warning`", key.value)),
                    );
                    continue;
                }
            };
            rules.insert(key.value.clone(), level);
            spans.insert(key.value.clone(), key.span);
        }
        (rules, spans)
    }

    fn overview(&mut self, node: &Node) -> Option<Overview> {
        let f = self.fields(node, "部门整体绩效目标", OVERVIEW_KEYS)?;
        let overall = self
            .required(&f, "overall", "总体绩效目标")
            .and_then(|n| self.string(n, "总体绩效目标"));
        let mut items = Vec::new();
        if let Some(n) = f.get("items") {
            for item in self.list(n, "分项绩效目标") {
                let Some(g) = self.fields(item, "分项绩效目标", OVERVIEW_ITEM_KEYS) else {
                    continue;
                };
                let title = self
                    .required(&g, "title", "标题")
                    .and_then(|n| self.string(n, "标题"));
                let goal = self
                    .required(&g, "goal", "绩效目标")
                    .and_then(|n| self.string(n, "绩效目标"));
                let indicator = self
                    .required(&g, "indicator", "绩效指标")
                    .and_then(|n| self.string(n, "绩效指标"));
                if let (Some(title), Some(goal), Some(indicator)) = (title, goal, indicator) {
                    items.push(OverviewItem {
                        title,
                        goal,
                        indicator,
                    });
                }
            }
        }
        let mut safeguards = Vec::new();
        if let Some(n) = f.get("safeguards") {
            for s in self.list(n, "工作保障措施") {
                safeguards.extend(self.string(s, "工作保障措施"));
            }
        }
        Some(Overview {
            overall: overall?,
            items,
            safeguards,
        })
    }

    fn project(&mut self, node: &Node, file: FileId) -> Option<Project> {
        let f = self.fields(node, "项目", PROJECT_KEYS)?;
        let unit = match f.get("unit") {
            Some(n) if !matches!(n.kind, NodeKind::Null) => self.unit(n),
            _ => None,
        };
        let code = self.opt_string(f.get("code"), "项目编码");
        let name = self
            .required(&f, "name", "项目名称")
            .and_then(|n| self.string(n, "项目名称"));
        let budget = self
            .required(&f, "budget", "预算规模")
            .and_then(|n| self.budget(n));
        let purpose = self
            .required(&f, "purpose", "资金用途")
            .and_then(|n| self.string(n, "资金用途"));
        // A broken budget or purpose is reported above; placeholders keep the rest of the
        // project checkable, and `unread` tells the rules that need them to skip it.
        let unread = Unread {
            budget: budget.is_none(),
            purpose: purpose.is_none(),
        };
        let budget = budget.unwrap_or_else(|| {
            let zero = Spanned::new(Decimal::ZERO, node.span);
            Budget {
                total: zero,
                fiscal: None,
                other: None,
            }
        });
        let purpose = purpose.unwrap_or_else(|| Spanned::new(String::new(), node.span));
        let spending_plan = match f.get("spending_plan") {
            Some(n) if !matches!(n.kind, NodeKind::Null) => self.spending_plan(n),
            _ => None,
        };
        let mut goals = Vec::new();
        if let Some(n) = self.required(&f, "goals", "绩效目标") {
            for g in self.list(n, "绩效目标") {
                goals.extend(self.string(g, "绩效目标"));
            }
        }
        let goal_numbering = match f.get("goal_numbering") {
            None => true,
            Some(n) => match &n.kind {
                NodeKind::Scalar { text, .. } if text == "true" => true,
                NodeKind::Scalar { text, .. } if text == "false" => false,
                _ => {
                    self.wrong_type(
                        n,
                        "goal_numbering",
                        "true 或 false",
                        "写作 `goal_numbering: false`",
                    );
                    true
                }
            },
        };
        let mut indicators = Vec::new();
        if let Some(n) = self.required(&f, "indicators", "绩效指标") {
            for l1 in self.list(n, "绩效指标") {
                indicators.extend(self.level1(l1));
            }
        }
        let allow = self.allow(f.get("allow"));
        let initial_budget = self.opt_amount(f.get("initial_budget"), "年初预算数");
        let full_year_budget = self.opt_amount(f.get("full_year_budget"), "全年预算数");
        let executed = self.opt_amount(f.get("executed"), "全年执行数");
        let execution_weight = self.opt_points(f.get("execution_weight"), "预算执行率分值");
        let achieved = self.opt_string(f.get("achieved"), "实际完成情况");
        let score = self.opt_points(f.get("score"), "总分");
        Some(Project {
            unit,
            code,
            name: name?,
            budget,
            purpose,
            spending_plan,
            goals,
            goal_numbering,
            indicators,
            allow,
            initial_budget,
            full_year_budget,
            executed,
            execution_weight,
            achieved,
            score,
            file,
            span: node.span,
            unread,
        })
    }

    fn budget(&mut self, node: &Node) -> Option<Budget> {
        let f = self.fields(node, "预算规模", BUDGET_KEYS)?;
        let total = self
            .required(&f, "total", "预算数")
            .and_then(|n| self.amount(n, "预算数"));
        // Read every amount before giving up, so all their mistakes are reported.
        let fiscal = f.get("fiscal").map(|n| self.amount(n, "财政资金"));
        let other = f
            .get("other")
            .filter(|n| !matches!(n.kind, NodeKind::Null))
            .map(|n| self.amount(n, "其他资金"));
        let (Some(fiscal), Some(other)) = (
            fiscal.map_or(Some(None), |a| a.map(Some)),
            other.map_or(Some(None), |a| a.map(Some)),
        ) else {
            return None;
        };
        Some(Budget {
            total: total?,
            fiscal,
            other,
        })
    }

    fn spending_plan(&mut self, node: &Node) -> Option<SpendingPlan> {
        let f = self.fields(node, "资金支出计划", PLAN_KEYS)?;
        Some(SpendingPlan {
            march: self.opt_string(f.get("march"), "3月底"),
            june: self.opt_string(f.get("june"), "6月底"),
            october: self.opt_string(f.get("october"), "10月底"),
            december: self.opt_string(f.get("december"), "12月底"),
        })
    }

    fn level1(&mut self, node: &Node) -> Option<Level1> {
        let f = self.fields(node, "一级指标", LEVEL1_KEYS)?;
        let level1 = self
            .required(&f, "level1", "一级指标")
            .and_then(|n| self.string(n, "一级指标"));
        let mut groups = Vec::new();
        if let Some(n) = self.required(&f, "groups", "二级指标组") {
            for g in self.list(n, "二级指标组") {
                groups.extend(self.level2(g));
            }
        }
        Some(Level1 {
            level1: level1?,
            groups,
            span: node.span,
        })
    }

    fn level2(&mut self, node: &Node) -> Option<Level2> {
        let f = self.fields(node, "二级指标", LEVEL2_KEYS)?;
        let level2 = self
            .required(&f, "level2", "二级指标")
            .and_then(|n| self.string(n, "二级指标"));
        let mut rows = Vec::new();
        if let Some(n) = self.required(&f, "rows", "三级指标行") {
            for r in self.list(n, "三级指标行") {
                rows.extend(self.row(r));
            }
        }
        Some(Level2 {
            level2: level2?,
            rows,
            span: node.span,
        })
    }

    fn row(&mut self, node: &Node) -> Option<Row> {
        let f = self.fields(node, "指标行", ROW_KEYS)?;
        let level3 = self
            .required(&f, "level3", "三级指标")
            .and_then(|n| self.string(n, "三级指标"));
        let description = self.opt_string(f.get("description"), "绩效指标描述");
        let value = self
            .required(&f, "value", "指标值")
            .and_then(|n| self.string(n, "指标值"));
        let basis = self.opt_string(f.get("basis"), "指标值确定依据");
        let direction = self.opt_string(f.get("direction"), "指标方向");
        if let Some(d) = direction
            .as_ref()
            .filter(|d| !DIRECTIONS.contains(&d.value.as_str()))
        {
            self.push(
                Diagnostic::of(
                    &rules::L003,
                    format!("指标方向不是“正向”或“反向”：`{}`", d.value),
                )
                .at(d.span, "应为 正向 或 反向")
                .with_help("正向：指标值越大越好；反向：越小越好；不清楚时删除 direction"),
            );
        }
        let explanation = self.opt_string(f.get("explanation"), "指标值说明");
        let allow = self.allow(f.get("allow"));
        let actual = self.opt_string(f.get("actual"), "实际完成值");
        let weight = self.opt_points(f.get("weight"), "分值");
        let grade = self.opt_string(f.get("grade"), "完成等级");
        let score = self.opt_points(f.get("score"), "得分");
        let deviation = self.opt_string(f.get("deviation"), "偏差原因分析及改进措施");
        Some(Row {
            level3: level3?,
            description,
            value: value?,
            basis,
            direction,
            explanation,
            allow,
            actual,
            weight,
            grade,
            score,
            deviation,
            span: node.span,
        })
    }
}
