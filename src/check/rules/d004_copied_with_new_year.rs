//! Rule D004 `copied-with-new-year`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of D004 (`copied-with-new-year`).
pub const RULE: Rule = Rule {
    code: "D004",
    name: "copied-with-new-year",
    severity: Severity::Warning,
    pass: Pass::Diff,
    summary: "指标与上一年度完全相同，只改了年份",
    fixable: false,
    doc: r#"## 检查什么

新年度文档中的项目与上一年度的同一项目相比，所有指标行的名称和指标值都没有变化（日期只随年度顺延）。

`jixiao diff` 比较两版文档时报告这条规则（见《比较两版文档》一章）；它指向新版文档，可以像校验规则一样在新版的 `rules:` 中调整级别、在 `allow:` 中就地允许。

## 为什么重要

绩效目标应按当年的预算和任务测定；逐年照抄说明目标没有重新论证，评审时会被要求说明。

## 示例

```yaml
# 2025 年：2025年12月31日前、≥95%、≤10万元
# 2026 年：2026年12月31日前、≥95%、≤10万元
```

应写作：

```yaml
# 2026 年：按今年的任务量与预算重新测定，如 ≥98%、≤12万元
```

## 如何修改

按新年度的预算和任务重新测定指标值；确属延续性项目、目标不变的，在项目的 `allow:` 中写明理由。"#,
};
