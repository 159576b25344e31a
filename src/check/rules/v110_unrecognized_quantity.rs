//! Rule V110 `unrecognized-quantity`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of V110 (`unrecognized-quantity`).
pub const RULE: Rule = Rule {
    code: "V110",
    name: "unrecognized-quantity",
    severity: Severity::Info,
    pass: Pass::Values,
    summary: "含数字的指标值无法识别为数值",
    fixable: false,
    doc: r#"## 检查什么

指标值含有数字，却不是任何可识别的数值、百分比、日期或时长写法，只能当作文字，如 `完成3项任务`。

## 为什么重要

定量的目标写成文字后无法比较与汇总；多数情况下可以改写成“≥3项”之类的数值。

## 示例

```yaml
value: 完成3项任务
```

应写作：

```yaml
value: ≥3项
```

## 如何修改

把数值单独写进指标值，把说明写进三级指标或绩效指标描述。"#,
};
