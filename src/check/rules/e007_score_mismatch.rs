//! Rule E007 `score-mismatch`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E007 (`score-mismatch`).
pub const RULE: Rule = Rule {
    code: "E007",
    name: "score-mismatch",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "手填的得分与按评分办法算出的不符",
    fixable: false,
    doc: r#"## 检查什么

行上手填的 `score` 与按评分办法由实际完成值算出的得分不同；定性指标手填的得分不在其完成等级的区间内（如“部分达成”应得分值的 60%–80%）；项目手填的总分与算出的总分不同。

## 为什么重要

手工计分是自评表中最常见的错误来源：定量指标的得分由实际完成值和指标值唯一确定，jixiao 会算；手填的数字与之不符，说明有一处填错了。

## 示例

```yaml
- level3: 企业满意度
  value: ≥90%
  actual: 81%
  weight: 10
  score: 10       # 应为 9（81 ÷ 90 × 10）
```

## 如何修改

删除定量指标的 `score`，让 jixiao 计算；定性指标的 `score` 写在其等级的区间内，或改写完成等级。
例外：实际完成值优于指标值超过评分办法的 `overshoot`（目标定得偏低）时，可以写低于分值的 `score` 酌情扣分。"#,
};
