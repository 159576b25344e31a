//! Rule C310 `spending-plan-incomplete`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C310 (`spending-plan-incomplete`).
pub const RULE: Rule = Rule {
    code: "C310",
    name: "spending-plan-incomplete",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "资金支出计划 12月底不是 100%",
    fixable: false,
    doc: r#"## 检查什么

资金支出计划填写了，但 12月底的累计比例不是 100%。

## 为什么重要

年度预算应在年底全部支出；12月底不足 100% 表示计划不完整或填错。

## 示例

```yaml
spending_plan: {june: 50%, december: 90%}
```

应写作：

```yaml
spending_plan: {june: 50%, december: 100%}
```

## 如何修改

把 12月底改为 100%。"#,
};
