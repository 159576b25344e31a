//! Rule V101 `non-canonical-value`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V101 (`non-canonical-value`).
pub const RULE: Rule = Rule {
    code: "V101",
    name: "non-canonical-value",
    severity: Severity::Warning,
    pass: Pass::Values,
    summary: "指标值不是规范写法",
    fixable: true,
    doc: r#"## 检查什么

指标值能读懂，但写法不规范：全角数字或 `％`、`>=` 代替 `≥`、多余的空格、千分位逗号、`月份` 代替 `月`、比较词写在数字后面（`90%以上`）等。

## 为什么重要

同一个意思只有一种写法，表格才整齐、可检索、可比较；规范写法也是 jixiao 生成表格时的写法。

## 示例

```yaml
value: ≥ 90 ％
```

应写作：

```yaml
value: ≥90%
```

## 如何修改

按帮助行给出的规范写法改写；`jixiao check --fix` 可自动改写。"#,
};
