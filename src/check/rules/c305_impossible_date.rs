//! Rule C305 `impossible-date`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C305 (`impossible-date`).
pub const RULE: Rule = Rule {
    code: "C305",
    name: "impossible-date",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "日期不存在",
    fixable: false,
    doc: r#"## 检查什么

指标值中的日期在日历上不存在，如 6月31日、2月30日、13月。

## 为什么重要

不存在的日期无法作为完成时限，读者也无法判断真正的期限。

## 示例

```yaml
  value: 2024年6月31日前
```

应写作：

```yaml
  value: 2024年6月30日前
```

## 如何修改

改为该月的最后一天或真正的日期。"#,
};
