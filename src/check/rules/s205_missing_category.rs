//! Rule S205 `missing-category`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S205 (`missing-category`).
pub const RULE: Rule = Rule {
    code: "S205",
    name: "missing-category",
    severity: Severity::Warning,
    pass: Pass::Structure,
    summary: "项目缺少必备的指标类别",
    fixable: false,
    doc: r#"## 检查什么

项目没有指标体系要求的某一类指标（通常要求数量、质量、时效、成本、效益、满意度各至少一行）。

## 为什么重要

财政部门审核绩效目标时要求各类指标齐全；缺一类的目标表常被退回。

## 示例

```yaml
indicators:   # 只有数量指标与满意度指标
```

应写作：

```yaml
indicators:   # 数量、质量、时效、成本、效益、满意度各至少一行
```

## 如何修改

为缺少的类别补上至少一行指标；确实无法设置时用 `allow: {S205: "理由"}` 写明原因。"#,
};
