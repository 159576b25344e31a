//! Rule V103 `redundant-comparator`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V103 (`redundant-comparator`).
pub const RULE: Rule = Rule {
    code: "V103",
    name: "redundant-comparator",
    severity: Severity::Warning,
    pass: Pass::Values,
    summary: "比较符写了两遍",
    fixable: true,
    doc: r#"## 检查什么

指标值前面有比较符，后面又写了“以上”“以下”“以内”等，如 `≥90%以上`。

## 为什么重要

重复的比较符含义含糊（`≥90%以上` 是大于还是大于等于？），审核时常被指出。

## 示例

```yaml
value: ≥90%以上
```

应写作：

```yaml
value: ≥90%
```

## 如何修改

只保留一个比较符；`jixiao check --fix` 可自动改写。"#,
};
