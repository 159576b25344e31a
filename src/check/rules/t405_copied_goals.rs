//! Rule T405 `copied-goals`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T405 (`copied-goals`).
pub const RULE: Rule = Rule {
    code: "T405",
    name: "copied-goals",
    severity: Severity::Warning,
    pass: Pass::Text,
    summary: "绩效目标与另一个项目完全相同",
    fixable: false,
    doc: r#"## 检查什么

项目的某条绩效目标与另一个项目的某条绩效目标逐字相同。

## 为什么重要

每个项目的目标应当说明它自己的用途；照抄别的项目通常是复制表格后忘了修改。

## 示例

```yaml
# 项目甲与项目乙的 goals 完全相同
```

应写作：

```yaml
# 各自写明本项目要达到的目标
```

## 如何修改

改写为本项目自己的目标。"#,
};
