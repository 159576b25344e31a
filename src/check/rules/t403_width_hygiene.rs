//! Rule T403 `width-hygiene`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T403 (`width-hygiene`).
pub const RULE: Rule = Rule {
    code: "T403",
    name: "width-hygiene",
    severity: Severity::Info,
    pass: Pass::Text,
    summary: "全角与半角字符混用",
    fixable: false,
    doc: r#"## 检查什么

中文文字里出现了全角字母、数字（`２０２５`），或紧挨汉字的半角标点（`,` `;` `:` `(` `)`）。

## 为什么重要

同一文档中全角、半角混用显得不规范，全角数字还会让数值无法被识别。

## 示例

```yaml
purpose: 举办活动(共３场),促进消费
```

应写作：

```yaml
purpose: 举办活动（共3场），促进消费
```

## 如何修改

数字与字母用半角；中文句子里的标点用全角。"#,
};
