//! Rule C304 `unreachable-cost`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C304 (`unreachable-cost`).
pub const RULE: Rule = Rule {
    code: "C304",
    name: "unreachable-cost",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "成本目标永远无法达到",
    fixable: false,
    doc: r#"## 检查什么

成本指标要求“少于”（或 `<`）预算数本身：项目按预算执行就必然不满足。

## 为什么重要

这种写法是把“不超过”误写成了“少于”，目标在字面上无法完成。

## 示例

```yaml
  value: 少于416543.39元
```

应写作：

```yaml
  value: ≤416543.39元
```

## 如何修改

改用 `≤`（不高于）。"#,
};
