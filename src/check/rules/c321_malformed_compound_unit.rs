//! Rule C321 `malformed-compound-unit`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C321 (`malformed-compound-unit`).
pub const RULE: Rule = Rule {
    code: "C321",
    name: "malformed-compound-unit",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "复合单位写法有误",
    fixable: false,
    doc: r#"## 检查什么

单位缺少一部分或写法不规范：只有分母（`≤28.40/株`）、金额缺“元”（`≤620万/月`）、
分母用 `*` 连接（`元/人*月`），或人数用“个”计。

## 为什么重要

单位不完整时无法知道目标到底是什么：`28.40/株` 是元还是株高？
`620万/月` 是 620 万元还是 620 万人次？审核会要求补全。

## 示例

```yaml
                value: ≤28.40/株
```

应写作：

```yaml
                value: ≤28.40元/株
```

## 如何修改

按帮助行补全单位；复合单位的分母写作 `元/人·月`。"#,
};
