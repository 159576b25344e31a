//! Rule T402 `whitespace`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T402 (`whitespace`).
pub const RULE: Rule = Rule {
    code: "T402",
    name: "whitespace",
    severity: Severity::Warning,
    pass: Pass::Text,
    summary: "文字首尾或中文之间有多余空白",
    fixable: false,
    doc: r#"## 检查什么

文字开头或结尾有空格，或两个汉字之间夹着空格、制表符（如“财政    资金”）。

## 为什么重要

多余的空白会原样印进表格，造成对不齐和检索失败；中文之间不需要空格。

## 示例

```yaml
  - level3: "消费券 发放种类 "
```

应写作：

```yaml
  - level3: 消费券发放种类
```

## 如何修改

删除多余的空白（首尾空白可用 `jixiao check --fix` 自动删除）。"#,
};
