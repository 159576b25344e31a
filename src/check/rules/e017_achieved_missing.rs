//! Rule E017 `achieved-missing`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E017 (`achieved-missing`).
pub const RULE: Rule = Rule {
    code: "E017",
    name: "achieved-missing",
    severity: Severity::Warning,
    pass: Pass::Evaluation,
    summary: "项目没有写年度总体目标的实际完成情况",
    fixable: false,
    doc: r#"## 检查什么

自评中的项目没有写 `achieved`（年度总体目标的实际完成情况）。

## 为什么重要

自评表的“年度总体目标”一栏分“预期目标”和“实际完成情况”两列；实际完成情况为空，读者只能从指标行去拼凑项目做成了什么。

## 示例

```yaml
projects:
  - name: 2025年餐饮消费券资金
    executed: 398000.00
    # 缺少 achieved
```

## 如何修改

写 `achieved: …`，对照绩效目标逐条说明实际完成情况（多段用 `|` 块）。"#,
};
