//! Rule C306 `deadline-before-year`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C306 (`deadline-before-year`).
pub const RULE: Rule = Rule {
    code: "C306",
    name: "deadline-before-year",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "完成时限早于预算年度",
    fixable: false,
    doc: r#"## 检查什么

时限（截止日期）所在年份早于文档的预算年度。

## 为什么重要

预算年度开始前的期限在资金到位前就已过去，这样的目标不可能完成，通常是沿用了上一年的表格。

## 示例

```yaml
year: 2025
...
  value: 2024年12月底前
```

应写作：

```yaml
  value: 2025年12月底前
```

## 如何修改

改为预算年度内的日期。"#,
};
