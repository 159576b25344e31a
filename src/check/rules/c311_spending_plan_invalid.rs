//! Rule C311 `spending-plan-invalid`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C311 (`spending-plan-invalid`).
pub const RULE: Rule = Rule {
    code: "C311",
    name: "spending-plan-invalid",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "资金支出计划不是有效的百分比",
    fixable: false,
    doc: r#"## 检查什么

资金支出计划的单元格不是 0% 到 100% 之间的百分比。

## 为什么重要

支出计划要逐月比较，只有百分比才能比较。

## 示例

```yaml
spending_plan: {december: 全年}
```

应写作：

```yaml
spending_plan: {december: 100%}
```

## 如何修改

写作 `25%` 这样的百分比，或留空。"#,
};
