//! Rule C301 `budget-sum`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C301 (`budget-sum`).
pub const RULE: Rule = Rule {
    code: "C301",
    name: "budget-sum",
    severity: Severity::Error,
    pass: Pass::Consistency,
    summary: "财政资金与其他资金之和不等于预算数",
    fixable: false,
    doc: r#"## 检查什么

`fiscal`（财政资金）与 `other`（其他资金）之和不等于 `total`（预算数），精确到分。

## 为什么重要

预算数是两种资金来源的合计；合计对不上的表格公开后就是明显的差错。

## 示例

```yaml
budget:
  total: 484400.00
  fiscal: 448400.00
```

应写作：

```yaml
budget:
  total: 484400.00
  fiscal: 484400.00
```

## 如何修改

核对三个金额，使财政资金 + 其他资金 = 预算数。"#,
};
