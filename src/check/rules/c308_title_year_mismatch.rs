//! Rule C308 `title-year-mismatch`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C308 (`title-year-mismatch`).
pub const RULE: Rule = Rule {
    code: "C308",
    name: "title-year-mismatch",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "项目名称中的年份与预算年度或时限不一致",
    fixable: false,
    doc: r#"## 检查什么

项目名称以某个年份开头（如“2025年……”），而它与文档的预算年度不同，或与本表所有时限的年份都不同。

## 为什么重要

标题年份、预算年度与完成时限应当一致；不一致说明其中之一沿用了别的年份。

## 示例

```yaml
year: 2025
name: 2024年消费券资金
```

应写作：

```yaml
name: 2025年消费券资金
```

## 如何修改

统一年份。"#,
};
