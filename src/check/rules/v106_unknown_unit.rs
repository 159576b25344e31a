//! Rule V106 `unknown-unit`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V106 (`unknown-unit`).
pub const RULE: Rule = Rule {
    code: "V106",
    name: "unknown-unit",
    severity: Severity::Info,
    pass: Pass::Values,
    summary: "单位不在单位表中",
    fixable: false,
    doc: r#"## 检查什么

指标值的单位不在 jixiao 的单位表中，只能当作该单位的计数。

## 为什么重要

未知单位无法换算与比较；多数情况下是少见的量词，少数是笔误。

## 示例

```yaml
value: ≥3拨
```

应写作：

```yaml
value: ≥3批
```

## 如何修改

确认单位无误；是笔误时改正。"#,
};
