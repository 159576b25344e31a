//! Rule L011 `project-order`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L011 (`project-order`).
pub const RULE: Rule = Rule {
    code: "L011",
    name: "project-order",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "project_order 与项目文件不一致",
    fixable: false,
    doc: r#"## 检查什么

文件夹形式中 `project_order` 列出的文件不存在、重复出现，或有项目文件没有列入。

## 为什么重要

表格编号按 `project_order` 排列，漏列的项目不会出现在文档里。

## 示例

```yaml
project_order: [消费券.yaml, 元宵节.yaml, 消费券.yaml]
```

应写作：

```yaml
project_order: [消费券.yaml, 元宵节.yaml]
```

## 如何修改

让 `project_order` 恰好列出每个项目文件一次，或删除它改用文件名顺序。"#,
};
