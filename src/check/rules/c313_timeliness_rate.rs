//! Rule C313 `timeliness-rate`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C313 (`timeliness-rate`).
pub const RULE: Rule = Rule {
    code: "C313",
    name: "timeliness-rate",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "时效指标用了百分比",
    fixable: false,
    doc: r#"## 检查什么

时效指标行的指标值是百分比，例如“按时完成率 100%”“及时率 ≥95%”。

## 为什么重要

这种写法很常见，但只说明按时的比例，不说明时限本身；审核更看重明确的时限。

## 示例

```yaml
- level3: 支付及时率
  value: 100%
```

应写作：

```yaml
- level3: 支付完成时间
  value: 2025年12月底前
```

## 如何修改

能写出时限时改写为时限；保留比例时用 `allow` 写明理由，或在 rules 中把 C313 设为 info。"#,
};
