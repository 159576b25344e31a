//! Rule C316 `satisfaction-kind`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C316 (`satisfaction-kind`).
pub const RULE: Rule = Rule {
    code: "C316",
    name: "satisfaction-kind",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "满意度指标不是“≥x%”的目标",
    fixable: false,
    doc: r#"## 检查什么

满意度指标行的指标值不是带“≥”的百分比，例如写成了“满意”“较高”，或没有比较符的百分比。

## 为什么重要

满意度通过问卷调查计量，只有“≥90%”这样的目标才能考核。

## 示例

```yaml
- level3: 群众满意度
  value: 满意
```

应写作：

```yaml
- level3: 群众满意度
  value: ≥90%
```

## 如何修改

写作 `≥90%` 这样的目标。"#,
};
