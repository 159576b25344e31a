//! Rule T401 `typed-goal-numbering`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T401 (`typed-goal-numbering`).
pub const RULE: Rule = Rule {
    code: "T401",
    name: "typed-goal-numbering",
    severity: Severity::Error,
    pass: Pass::Text,
    summary: "绩效目标自带了编号",
    fixable: true,
    doc: r#"## 检查什么

自动编号开启时（默认），绩效目标的开头又手写了编号，如 `1.`、`1.1.`、`1、`、`（1）`。

## 为什么重要

编号由 jixiao 生成；自带编号会印成“1.1.……”，这正是已发布文档里常见的重复编号。

## 示例

```yaml
goals:
  - 1.按照区委区政府工作部署……
```

应写作：

```yaml
goals:
  - 按照区委区政府工作部署……
```

## 如何修改

删除手写的编号（`jixiao check --fix` 可自动删除）。要逐字还原已发布文档时，设 `goal_numbering: false`。"#,
};
