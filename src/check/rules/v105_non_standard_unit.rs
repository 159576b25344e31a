//! Rule V105 `non-standard-unit`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V105 (`non-standard-unit`).
pub const RULE: Rule = Rule {
    code: "V105",
    name: "non-standard-unit",
    severity: Severity::Warning,
    pass: Pass::Values,
    summary: "单位写法不规范",
    fixable: true,
    doc: r#"## 检查什么

单位用了不规范的写法，如 `百分比`（应为 `%`）、`平米`（应为 `平方米`）。

## 为什么重要

规范单位才能被识别、换算和比较。

## 示例

```yaml
value: ≥95百分比
```

应写作：

```yaml
value: ≥95%
```

## 如何修改

改为规范单位；`jixiao check --fix` 可自动改写。"#,
};
