//! Rule T408 `result-as-target`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T408 (`result-as-target`).
pub const RULE: Rule = Rule {
    code: "T408",
    name: "result-as-target",
    severity: Severity::Warning,
    pass: Pass::Text,
    summary: "目标表中写的是完成情况",
    fixable: false,
    doc: r#"## 检查什么

绩效目标或指标值写成了完成情况：`已完成`、`已实现`、`均已……`、`……完成了`。

## 为什么重要

绩效目标表写年初设定的、要达到的目标；完成情况属于年终的绩效自评表。
写成“已完成”说明照抄了上一年的自评，或者在年中才补填目标。

## 示例

```yaml
    goals:
      - 已完成全年 12 期培训。
```

应写作：

```yaml
    goals:
      - 完成全年 12 期培训。
```

## 如何修改

改写为要达到的目标；完成情况写进绩效自评表。"#,
};
