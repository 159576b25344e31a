//! Rule L008 `amount-precision`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L008 (`amount-precision`).
pub const RULE: Rule = Rule {
    code: "L008",
    name: "amount-precision",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "金额比 1 分更精细",
    fixable: false,
    doc: r#"## 检查什么

金额比 1 分更精细：以元计超过两位小数，以万元计超过六位小数。
`24.998` 万元是 249980.00 元，精确到分，可以照写；`416543.389` 元不行。

## 为什么重要

预算金额以分为最小单位，比分更细的金额不可能拨付，通常是换算或录入错误；
公布时多出的位数会被舍去，造成合计对不上。

## 示例

```yaml
    total: 416543.389
```

应写作：

```yaml
    total: 416543.39
```

## 如何修改

按帮助行四舍五入到分（以元计两位小数，以万元计六位小数）。"#,
};
