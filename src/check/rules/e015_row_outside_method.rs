//! Rule E015 `row-outside-method`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E015 (`row-outside-method`).
pub const RULE: Rule = Rule {
    code: "E015",
    name: "row-outside-method",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "指标行不属于评分办法中的任何一组",
    fixable: false,
    doc: r#"## 检查什么

某行指标既不能按其二级指标的类别（数量、质量、时效、成本、效益、满意度），也不能按其一级指标名称归入评分办法中的任何一组分值。

## 为什么重要

分值按组分配；不属于任何一组的行分不到分值（除非自己写了 `weight`），总分也就不满 100。

## 示例

```yaml
- level1: 其他指标
  groups:
    - level2: 其他
```

## 如何修改

改用指标体系中的一级、二级指标名称；确实需要这一行时，在行上写 `weight:`，并相应减少其他行的分值。"#,
};
