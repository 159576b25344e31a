//! Rule L007 `negative-amount`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L007 (`negative-amount`).
pub const RULE: Rule = Rule {
    code: "L007",
    name: "negative-amount",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "金额为负数",
    fixable: false,
    doc: r#"## 检查什么

预算金额写成了负数。

## 为什么重要

预算数与资金来源不可能为负，负数几乎总是录入错误。

## 示例

```yaml
    fiscal: -20000
```

应写作：

```yaml
    fiscal: 20000
```

## 如何修改

改为零或正数。"#,
};
