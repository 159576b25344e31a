//! Rule C312 `timeliness-kind`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C312 (`timeliness-kind`).
pub const RULE: Rule = Rule {
    code: "C312",
    name: "timeliness-kind",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "时效指标的值不是时限或时长",
    fixable: false,
    doc: r#"## 检查什么

时效指标行的指标值不是日期、期限或时长（例如写成了金额、数量或一段文字）。

## 为什么重要

时效指标衡量“何时完成”“多快完成”，只有时限或时长才能考核。

## 示例

```yaml
- level2: 时效指标
  rows:
    - level3: 资金拨付
      value: ≥100万元
```

应写作：

```yaml
      value: 2025年6月底前
```

## 如何修改

写明截止日期（`2025年12月31日前`）或时长（`≤3个工作日`）。"#,
};
