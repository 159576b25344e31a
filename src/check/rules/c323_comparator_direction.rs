//! Rule C323 `comparator-direction`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C323 (`comparator-direction`).
pub const RULE: Rule = Rule {
    code: "C323",
    name: "comparator-direction",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "比较符方向与指标类别相反",
    fixable: false,
    doc: r#"## 检查什么

数量指标的产出数量写了上限（`≤10次`），或成本指标的金额写了下限或等号（`≥65万元`、`=65万元`）。
投诉、事故、差错、调整等越少越好的指标不在此列。

## 为什么重要

产出越多越好，数量指标的目标是下限；成本越省越好，成本指标的目标是上限。
方向写反时，完成得越好越“不达标”。

## 示例

```yaml
          - level2: 成本指标
            rows:
              - level3: 项目建设成本
                value: ≥65万元
```

应写作：

```yaml
                value: ≤65万元
```

## 如何修改

按帮助行改写比较符。"#,
};
