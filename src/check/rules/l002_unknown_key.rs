//! Rule L002 `unknown-key`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L002 (`unknown-key`).
pub const RULE: Rule = Rule {
    code: "L002",
    name: "unknown-key",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "未知字段",
    fixable: false,
    doc: r#"## 检查什么

映射中出现了模型不认识的字段名，通常是拼写错误（`budjet`）或把中文表头当成了字段名（`项目名称`）。

## 为什么重要

未知字段会被忽略，写在里面的数据不会进入表格；报错而不是静默丢弃，才能发现漏掉的内容。

## 示例

```yaml
  - name: 消费券资金
    budjet:
      total: 416543.39
```

应写作：

```yaml
  - name: 消费券资金
    budget:
      total: 416543.39
```

## 如何修改

按帮助行的“是不是想写”改成正确的字段名；可用字段见 `jixiao schema`。"#,
};
