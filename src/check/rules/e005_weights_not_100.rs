//! Rule E005 `weights-not-100`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E005 (`weights-not-100`).
pub const RULE: Rule = Rule {
    code: "E005",
    name: "weights-not-100",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "分值合计不是 100，或某组指标写的分值超出",
    fixable: false,
    doc: r#"## 检查什么

一个项目的预算执行率分值与各行分值合计不等于 100；或者某一组指标（如产出指标）各行写的 `weight` 合计超过了评分办法给这一组的分值。

## 为什么重要

总分满分是 100，等级（优 ≥ 90、良 ≥ 80、中 ≥ 60、差）按总分划分；分值合计不是 100，总分和等级就没有意义。项目缺少某类指标（如没有满意度指标）时，这类指标的分值会落空。

## 示例

```yaml
- level3: 发放种类
  weight: 30
- level3: 发放金额
  weight: 30      # 产出指标只有 50 分
```

## 如何修改

调整各行的 `weight`，或删除 `weight` 让评分办法在同一一级指标的各行间平均分配；缺少某类指标时，在其他行上写 `weight` 重新分配这部分分值。"#,
};
