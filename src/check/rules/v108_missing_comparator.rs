//! Rule V108 `missing-comparator`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V108 (`missing-comparator`).
pub const RULE: Rule = Rule {
    code: "V108",
    name: "missing-comparator",
    severity: Severity::Warning,
    pass: Pass::Values,
    summary: "百分比目标缺少比较符",
    fixable: false,
    doc: r#"## 检查什么

介于 0% 与 100% 之间的百分比目标没有比较符，如 `90%`。

## 为什么重要

没有比较符时字面意思是“恰好 90%”，几乎从来不是本意；考核时无法判断 92% 算不算完成。

## 示例

```yaml
value: 90%
```

应写作：

```yaml
value: ≥90%
```

## 如何修改

写明 `≥` 或 `≤`。"#,
};
