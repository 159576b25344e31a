//! Rule V109 `inverted-range`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V109 (`inverted-range`).
pub const RULE: Rule = Rule {
    code: "V109",
    name: "inverted-range",
    severity: Severity::Error,
    pass: Pass::Values,
    summary: "范围的下限不小于上限",
    fixable: false,
    doc: r#"## 检查什么

范围值的下限不小于上限，如 `90-80%`。

## 为什么重要

颠倒的范围无法考核，通常是两个数字写反了。

## 示例

```yaml
value: 90-80%
```

应写作：

```yaml
value: 80-90%
```

## 如何修改

把小的数写在前面。"#,
};
