//! Rule C318 `satisfaction-100`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C318 (`satisfaction-100`).
pub const RULE: Rule = Rule {
    code: "C318",
    name: "satisfaction-100",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "满意度目标为 100%",
    fixable: false,
    doc: r#"## 检查什么

满意度目标是 `≥100%` 或 `100%`。

## 为什么重要

满意度调查几乎不可能人人满意，100% 的目标无法可信地完成，审核常要求调整。

## 示例

```yaml
  value: ≥100%
```

应写作：

```yaml
  value: ≥95%
```

## 如何修改

设定可实现的目标，如 `≥95%`。"#,
};
