//! Rule T406 `copied-indicators`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T406 (`copied-indicators`).
pub const RULE: Rule = Rule {
    code: "T406",
    name: "copied-indicators",
    severity: Severity::Warning,
    pass: Pass::Text,
    summary: "指标行与另一个项目完全相同",
    fixable: false,
    doc: r#"## 检查什么

项目的全部指标行（三级指标、描述与指标值）与另一个项目完全相同。

## 为什么重要

两个项目用途不同，指标却一字不差，说明至少其中一张表是照抄的。

## 示例

```yaml
# 项目甲与项目乙的 indicators 完全相同
```

应写作：

```yaml
# 各自写明本项目的数量、质量、时效、成本等指标
```

## 如何修改

按本项目的实际内容改写指标。"#,
};
