//! Rule C302 `cost-over-budget`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C302 (`cost-over-budget`).
pub const RULE: Rule = Rule {
    code: "C302",
    name: "cost-over-budget",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "成本指标的金额超过项目预算",
    fixable: false,
    doc: r#"## 检查什么

成本指标（legacy 的“成本指标”，2021 的经济成本等）中的金额上限，换算成文档的金额单位后超过了项目预算数；多行成本金额之和超过预算也算。

## 为什么重要

项目花不了比预算更多的钱；`≤41.66万元` 对预算 416543.39 元就超出了 56.61 元，说明成本是四舍五入后填的。

## 示例

```yaml
budget:
  total: 416543.39   # amount_unit: 元
...
  value: ≤41.66万元
```

应写作：

```yaml
  value: ≤416543.39元
```

## 如何修改

把成本上限改为不超过预算数的精确金额（帮助行给出预算数在该单位下的写法）。"#,
};
