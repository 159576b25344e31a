//! Rule L005 `duplicate-key`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L005 (`duplicate-key`).
pub const RULE: Rule = Rule {
    code: "L005",
    name: "duplicate-key",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "同一映射中字段重复",
    fixable: false,
    doc: r#"## 检查什么

同一个映射里同一字段出现了两次。

## 为什么重要

YAML 只保留其中一个值，另一个悄悄丢失；报告同时指出两处，由作者决定保留哪个。

## 示例

```yaml
    value: ≥90%
    value: ≥95%
```

应写作：

```yaml
    value: ≥95%
```

## 如何修改

删除其中一个。"#,
};
