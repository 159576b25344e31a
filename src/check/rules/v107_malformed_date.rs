//! Rule V107 `malformed-date`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V107 (`malformed-date`).
pub const RULE: Rule = Rule {
    code: "V107",
    name: "malformed-date",
    severity: Severity::Warning,
    pass: Pass::Values,
    summary: "日期写法不规范",
    fixable: false,
    doc: r#"## 检查什么

日期没有写成 `YYYY年M月D日`（或 `YYYY年M月底前`）的形式，如 `≤2024.12`、`≤2024.12日期`、`≤2024年12月`。

## 为什么重要

`≤2024.12` 这样的写法既像数字又像日期，读者与机器都可能读错。

## 示例

```yaml
value: ≤2024.12日期
```

应写作：

```yaml
value: 2024年12月底前
```

## 如何修改

按帮助行给出的最可能的期限改写，并确认它就是本意。"#,
};
