//! Rule L012 `amount-with-unit`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L012 (`amount-with-unit`).
pub const RULE: Rule = Rule {
    code: "L012",
    name: "amount-with-unit",
    severity: Severity::Warning,
    pass: Pass::Loading,
    summary: "金额中写了单位或千分位逗号",
    fixable: true,
    doc: r#"## 检查什么

预算金额中写了单位（`250万`、`10000万元`、`2500元`、`1.2亿`）或千分位逗号（`1,234.50`）。
jixiao 按所写的意思读出金额，换算为文档的 `amount_unit`，并给出只写数字的写法。

## 为什么重要

表格的金额单位只有一个，印在表头（`单位：万元`）；单元格里再写单位，
容易让人把“250万”读成 250 万万元。从预算系统或 Word 复制过来的金额常带着单位。

## 示例

```yaml
amount_unit: 万元
...
    budget:
      total: 250万
```

应写作：

```yaml
    budget:
      total: 250
```

## 如何修改

只写数字，单位由 `amount_unit` 决定；`jixiao check --fix` 会改写为换算后的数字。"#,
};
