//! Rule E008 `grade-missing`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E008 (`grade-missing`).
pub const RULE: Rule = Rule {
    code: "E008",
    name: "grade-missing",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "定性指标没有完成等级",
    fixable: false,
    doc: r#"## 检查什么

指标值是文字（定性指标，如“有效提升”“保障工作顺利开展”）的一行，没有写完成等级 `grade`。

## 为什么重要

定性指标按作者判定的完成等级计分：达成得分值的 80%–100%，部分达成 60%–80%，未达成 0–60%（全国办法）。没有等级，这一行只能得 0 分。

## 示例

```yaml
- level3: 营商环境
  value: 有效提升
  actual: 全年受理企业诉求 120 件，办结率 100%
```

## 如何修改

写 `grade: 达成`（或 部分达成、未达成）；需要区间内的具体分值时再写 `score: …`。"#,
};
