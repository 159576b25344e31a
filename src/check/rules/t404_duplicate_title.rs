//! Rule T404 `duplicate-title`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T404 (`duplicate-title`).
pub const RULE: Rule = Rule {
    code: "T404",
    name: "duplicate-title",
    severity: Severity::Error,
    pass: Pass::Text,
    summary: "两个项目同名",
    fixable: false,
    doc: r#"## 检查什么

同一文档中两个项目的名称相同。

## 为什么重要

表标题由项目名称生成，目录中出现两张同名的表，读者无法区分。

## 示例

```yaml
- name: 消费券资金
...
- name: 消费券资金
```

应写作：

```yaml
- name: 消费券资金（餐饮）
...
- name: 消费券资金（零售）
```

## 如何修改

给项目起不同的名称，或合并为一个项目。"#,
};
