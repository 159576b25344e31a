//! Rule C317 `complaint-rate`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C317 (`complaint-rate`).
pub const RULE: Rule = Rule {
    code: "C317",
    name: "complaint-rate",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "满意度指标中写了投诉率",
    fixable: false,
    doc: r#"## 检查什么

满意度指标行描述的是投诉率、投诉次数等反向指标。

## 为什么重要

投诉率不是满意度；放在满意度指标下会让满意度目标缺位。

## 示例

```yaml
- level3: 群众投诉率
  value: ≤5%
```

应写作：

```yaml
- level3: 群众满意度
  value: ≥90%
```

## 如何修改

改写为满意度目标，或把投诉指标移到质量或社会效益指标下。"#,
};
