//! Rule C307 `deadline-after-year`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C307 (`deadline-after-year`).
pub const RULE: Rule = Rule {
    code: "C307",
    name: "deadline-after-year",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "完成时限晚于预算年度",
    fixable: false,
    doc: r#"## 检查什么

时限所在年份晚于文档的预算年度。

## 为什么重要

年度预算的绩效目标应在本年度内完成；跨年的期限往往是年份写错，确有跨年安排时应说明。

## 示例

```yaml
year: 2025
...
  value: 2026年12月31日前
```

应写作：

```yaml
  value: 2025年12月31日前
```

## 如何修改

改为预算年度内的日期；确属跨年项目时用 `allow: {C307: "理由"}` 说明。"#,
};
