//! Rule T407 `template-leftover`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of T407 (`template-leftover`).
pub const RULE: Rule = Rule {
    code: "T407",
    name: "template-leftover",
    severity: Severity::Error,
    pass: Pass::Text,
    summary: "模板占位符未填写",
    fixable: true,
    doc: r#"## 检查什么

名称、目标或指标值中留着模板的占位符：`**`、`★`、`XX`、`某某`、`××`，
或带括号的提示 `（≥**%）`、`（≤**万元）`。

## 为什么重要

占位符说明这一格照抄了模板，没有填写真实内容；公开的表格里出现 `**%`，
读者无从知道目标是什么。

## 示例

```yaml
              - level3: 培训合格率（≥**%）
                value: ≥95%
```

应写作：

```yaml
              - level3: 培训合格率
                value: ≥95%
```

## 如何修改

填写真实内容。只有括号提示和 `★` 标记时，`jixiao check --fix` 会删除它们。"#,
};
