//! Rule C320 `category-value-mismatch`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C320 (`category-value-mismatch`).
pub const RULE: Rule = Rule {
    code: "C320",
    name: "category-value-mismatch",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "指标值与二级指标的类别不符",
    fixable: false,
    doc: r#"## 检查什么

数量指标或质量指标下的值是金额（应在成本指标下）或日期（应在时效指标下），
或质量指标下的值是一个数量（如 `≥100人`）。时效、成本与满意度另有规则（C312–C318）。

## 为什么重要

二级指标决定了这一行衡量什么：数量指标下写金额，审核会认为成本写错了位置；
质量指标下写人数，质量就没有被衡量。各地做法不一，因此只警告。

## 示例

```yaml
          - level2: 数量指标
            rows:
              - level3: 项目资金
                value: ≤65万元
```

应把这一行移到成本指标下：

```yaml
          - level2: 成本指标
            rows:
              - level3: 项目资金
                value: ≤65万元
```

## 如何修改

把这一行移到帮助行所说的二级指标下，或改写为符合本类别的目标
（质量指标写合格率、达标率等）。确属惯例时用 `allow` 写明理由。"#,
};
