//! Rule E004 `overshoot-without-reason`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E004 (`overshoot-without-reason`).
pub const RULE: Rule = Rule {
    code: "E004",
    name: "overshoot-without-reason",
    severity: Severity::Warning,
    pass: Pass::Evaluation,
    summary: "大幅超额完成的指标没有写原因",
    fixable: false,
    doc: r#"## 检查什么

实际完成值比指标值好出评分办法中 `overshoot` 规定的比例以上（全国办法为 20%），且没有写 `deviation`。只看“越多越好”的指标和成本上限；时限与日期提前完成不算。

## 为什么重要

大幅超额往往说明年初的指标值定得偏低。办法要求说明原因，并可酌情扣分；不说明的，下一年度的目标也难以定准。

## 示例

```yaml
- level3: 带动消费金额
  value: ≥150万元
  actual: 260万元   # 超出 73%
```

## 如何修改

写 `deviation: …`，说明超额的原因（如政策效果好于预期、指标值偏保守），并说明下一年度如何调整指标值。"#,
};
