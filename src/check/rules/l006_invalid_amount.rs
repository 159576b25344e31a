//! Rule L006 `invalid-amount`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L006 (`invalid-amount`).
pub const RULE: Rule = Rule {
    code: "L006",
    name: "invalid-amount",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "金额为空或不是数字",
    fixable: false,
    doc: r#"## 检查什么

预算数、财政资金、其他资金不是一个数字：为空、带了“元”“万元”、用了千分位逗号等。

## 为什么重要

金额要精确比较（财政资金 + 其他资金 = 预算数、成本上限不超过预算），只有纯数字才能精确计算。

## 示例

```yaml
    total: 416,543.39元
```

应写作：

```yaml
    total: 416543.39
```

## 如何修改

只写数字；单位由文档的 `amount_unit` 决定。没有其他资金时删除 `other` 字段。"#,
};
