//! Rule C324 `rate-over-100`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C324 (`rate-over-100`).
pub const RULE: Rule = Rule {
    code: "C324",
    name: "rate-over-100",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "比率目标超过 100%",
    fixable: true,
    doc: r#"## 检查什么

比率指标的目标是 `≥100%`、`>100%` 或超过 100%。满意度另见 C318；
增长率、提高幅度等可以超过 100% 的指标不在此列。

## 为什么重要

合格率、完成率、覆盖率最高就是 100%：`≥100%` 的意思只能是 `100%`，
而超过 100% 的完成率说明分母定错了。

## 示例

```yaml
              - level3: 资金拨付率
                value: ≥100%
```

应写作：

```yaml
              - level3: 资金拨付率
                value: 100%
```

## 如何修改

`≥100%` 写作 `100%`（`jixiao check --fix` 会改写）；超过 100% 的目标改为 100% 以内，
或改用增长率指标。"#,
};
