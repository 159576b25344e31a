//! Rule V102 `word-comparator`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V102 (`word-comparator`).
pub const RULE: Rule = Rule {
    code: "V102",
    name: "word-comparator",
    severity: Severity::Info,
    pass: Pass::Values,
    summary: "比较词可写作符号",
    fixable: true,
    doc: r#"## 检查什么

指标值用中文比较词（少于、不低于、不超过……）写在数字前面，而规范写法是符号（`<`、`≥`、`≤`）。

## 为什么重要

符号更短、更不易误读（“不少于”与“少于”只差一字，意思相反），各表写法也更统一。

## 示例

```yaml
value: 不低于90%
```

应写作：

```yaml
value: ≥90%
```

## 如何修改

改用符号；`jixiao check --fix` 可自动改写。"#,
};
