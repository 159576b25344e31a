//! Rule L008 `amount-precision`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L008 (`amount-precision`).
pub const RULE: Rule = Rule {
    code: "L008",
    name: "amount-precision",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "金额超过两位小数",
    fixable: false,
    doc: r#"## 检查什么

金额的小数超过两位（精确到分以下）。

## 为什么重要

表格按两位小数公布金额，多出的位数会在公布时被截断，造成合计对不上。

## 示例

```yaml
    total: 416543.389
```

应写作：

```yaml
    total: 416543.39
```

## 如何修改

按帮助行四舍五入到分。"#,
};
