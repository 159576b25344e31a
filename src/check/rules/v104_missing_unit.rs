//! Rule V104 `missing-unit`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V104 (`missing-unit`).
pub const RULE: Rule = Rule {
    code: "V104",
    name: "missing-unit",
    severity: Severity::Error,
    pass: Pass::Values,
    summary: "数值缺少单位",
    fixable: false,
    doc: r#"## 检查什么

指标值有数字却没有单位，如 `≤775.39万`（金额缺“元”）、满意度写成 `≥95`（缺 `%`）。

## 为什么重要

没有单位的数字无法考核，也无法与预算比较；`≤775.39万` 究竟是元、人还是次，读者只能猜。

## 示例

```yaml
value: ≤775.39万
```

应写作：

```yaml
value: ≤775.39万元
```

## 如何修改

补上单位；帮助行给出最可能的写法，请确认后修改。"#,
};
