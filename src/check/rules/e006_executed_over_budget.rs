//! Rule E006 `executed-over-budget`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E006 (`executed-over-budget`).
pub const RULE: Rule = Rule {
    code: "E006",
    name: "executed-over-budget",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "全年执行数超过全年预算数",
    fixable: false,
    doc: r#"## 检查什么

项目的全年执行数 `executed` 大于全年预算数（`full_year_budget`，没有写时为年初预算数）。

## 为什么重要

支出不能超过预算；执行数大于预算通常是填错了单位（元与万元）、填成了累计数，或者年中调整了预算而没有写全年预算数。

## 示例

```yaml
budget:
  total: 100.00
executed: 120.00
```

## 如何修改

核对执行数；预算年中调整过时，写 `full_year_budget: …`（调整后的全年预算数）。"#,
};
