//! Rule E002 `actual-incomparable`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E002 (`actual-incomparable`).
pub const RULE: Rule = Rule {
    code: "E002",
    name: "actual-incomparable",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "实际完成值与指标值无法比较（单位或类型不同）",
    fixable: false,
    doc: r#"## 检查什么

实际完成值与指标值的类型不同（如指标值是百分比，实际完成值是文字或数量），或单位无法换算（如 `个` 与 `家`、`元` 与 `美元`）。

## 为什么重要

得分按两者的比例计算，只有同一种量、可换算的单位才能比较；写成“已完成”之类的文字，读者和 jixiao 都无法核对是否达到了指标值。

## 示例

```yaml
- level3: 培训企业数量
  value: ≥10家
  actual: 12个
```

## 如何修改

按指标值的写法和单位写实际完成值（上例写 `actual: 12家`）。元与万元、小时与分钟等可以换算，不必相同。确实无法量化的，写 `grade: 达成`（或部分达成、未达成）按定性指标评分。"#,
};
