//! Rule C314 `cost-kind`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C314 (`cost-kind`).
pub const RULE: Rule = Rule {
    code: "C314",
    name: "cost-kind",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "成本指标的值是日期或时长",
    fixable: false,
    doc: r#"## 检查什么

成本指标行的指标值是日期、期限或时长。

## 为什么重要

成本指标衡量花多少钱；日期放在这里通常是把时效指标错放到了成本指标下。

## 示例

```yaml
- level2: 成本指标
  rows:
    - level3: 项目完成时间
      value: 2025年12月底前
```

应写作：

```yaml
- level2: 成本指标
  rows:
    - level3: 项目成本
      value: ≤416543.39元
```

## 如何修改

写成本金额，或把这一行移到时效指标下。"#,
};
