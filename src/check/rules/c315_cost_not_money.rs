//! Rule C315 `cost-not-money`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C315 (`cost-not-money`).
pub const RULE: Rule = Rule {
    code: "C315",
    name: "cost-not-money",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "成本指标的值不是金额",
    fixable: false,
    doc: r#"## 检查什么

成本指标行的指标值不是金额（例如百分比、数量或文字）。

## 为什么重要

成本指标应当可以与预算对照；不是金额的成本目标无法核对。

## 示例

```yaml
- level3: 成本控制
  value: 有效控制
```

应写作：

```yaml
- level3: 项目总成本
  value: ≤416543.39元
```

## 如何修改

写成本金额（带“元”或“万元”）。"#,
};
