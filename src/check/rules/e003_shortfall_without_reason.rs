//! Rule E003 `shortfall-without-reason`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E003 (`shortfall-without-reason`).
pub const RULE: Rule = Rule {
    code: "E003",
    name: "shortfall-without-reason",
    severity: Severity::Warning,
    pass: Pass::Evaluation,
    summary: "未完成的指标没有写偏差原因",
    fixable: false,
    doc: r#"## 检查什么

实际完成值没有达到指标值的定量指标，或完成等级为“部分达成”“未达成”的定性指标，没有写 `deviation`（偏差原因分析及改进措施）。

## 为什么重要

《项目支出绩效评价管理办法》要求对未完成的指标逐项分析偏差原因并提出改进措施；自评表中这一栏留空，是审核中最常见的退回理由。

## 示例

```yaml
- level3: 企业满意度
  value: ≥90%
  actual: 85%
```

## 如何修改

写 `deviation: …`，说明未完成的原因和下一步的改进措施。"#,
};
