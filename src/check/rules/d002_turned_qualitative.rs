//! Rule D002 `turned-qualitative`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of D002 (`turned-qualitative`).
pub const RULE: Rule = Rule {
    code: "D002",
    name: "turned-qualitative",
    severity: Severity::Warning,
    pass: Pass::Diff,
    summary: "定量指标改为定性",
    fixable: false,
    doc: r#"## 检查什么

上一版中带数值的指标值（百分比、数量、金额、日期、时长）在新版中改成了文字（`≥95%` → `有效提升`）。

`jixiao diff` 比较两版文档时报告这条规则（见《比较两版文档》一章）；它指向新版文档，可以像校验规则一样在新版的 `rules:` 中调整级别、在 `allow:` 中就地允许。

## 为什么重要

定性的目标无法用数字判断是否达成，自评时只能打“达成 / 部分达成”，目标实际上被取消了。

## 示例

```yaml
          - level3: 企业满意度
            value: 明显提升   # 上一版为 ≥90%
```

应写作：

```yaml
          - level3: 企业满意度
            value: ≥90%
```

## 如何修改

写成带比较符和单位的数值；确实只能定性描述的，在该行的 `allow:` 中写明理由。"#,
};
