//! Rule C303 `cost-differs-from-budget`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C303 (`cost-differs-from-budget`).
pub const RULE: Rule = Rule {
    code: "C303",
    name: "cost-differs-from-budget",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "唯一的成本金额与预算数不一致",
    fixable: false,
    doc: r#"## 检查什么

项目只有一行成本金额，它（换算单位后）与预算数不相等。

## 为什么重要

只有一项成本时，成本上限就是预算数；二者不同往往是抄错或四舍五入造成的。

## 示例

```yaml
budget:
  total: 300000
...
  value: ≤28万元
```

应写作：

```yaml
  value: ≤30万元
```

## 如何修改

改为与预算数一致的金额；确实只有部分预算计入该项成本时，用 `allow` 写明理由。"#,
};
