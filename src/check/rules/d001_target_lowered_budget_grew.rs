//! Rule D001 `target-lowered-budget-grew`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of D001 (`target-lowered-budget-grew`).
pub const RULE: Rule = Rule {
    code: "D001",
    name: "target-lowered-budget-grew",
    severity: Severity::Warning,
    pass: Pass::Diff,
    summary: "预算增加而指标目标降低",
    fixable: false,
    doc: r#"## 检查什么

项目的预算数比上一版增加了，其中一行指标的目标却放宽了：下限降低（`≥95%` → `≥90%`）、上限放宽（`≤4小时` → `≤8小时`）或期限推迟（`6月底前` → `9月底前`）。成本指标的上限随预算提高不算在内。

`jixiao diff` 比较两版文档时报告这条规则（见《比较两版文档》一章）；它指向新版文档，可以像校验规则一样在新版的 `rules:` 中调整级别、在 `allow:` 中就地允许。

## 为什么重要

钱多了，产出与效益的要求却降低了，是审核时最常被追问的一种变化：要么目标原来定高了，要么预算多要了。

## 示例

```yaml
# 上一版：budget.total: 40，指标值 ≥95%
budget:
  total: 50
# …
          - level3: 验收合格率
            value: ≥90%
```

应写作：

```yaml
          - level3: 验收合格率
            value: ≥95%
```

## 如何修改

恢复或提高目标值；确需降低的，在该行写明理由：

```yaml
            allow:
              D001: 验收标准改为国家新标准，合格率口径变化
```"#,
};
