//! Rule C309 `spending-plan-decreasing`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C309 (`spending-plan-decreasing`).
pub const RULE: Rule = Rule {
    code: "C309",
    name: "spending-plan-decreasing",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "资金支出计划的累计比例下降",
    fixable: false,
    doc: r#"## 检查什么

资金支出计划是累计百分比，后一个月份的比例小于前一个。

## 为什么重要

累计支出只增不减；下降说明把当期比例当成了累计比例，或填错了列。

## 示例

```yaml
spending_plan: {march: 30%, june: 20%, october: 80%, december: 100%}
```

应写作：

```yaml
spending_plan: {march: 20%, june: 30%, october: 80%, december: 100%}
```

## 如何修改

改为逐月不减的累计比例。"#,
};
