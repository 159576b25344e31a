//! Rule S204 `misplaced-level2`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S204 (`misplaced-level2`).
pub const RULE: Rule = Rule {
    code: "S204",
    name: "misplaced-level2",
    severity: Severity::Error,
    pass: Pass::Structure,
    summary: "二级指标放在了错误的一级指标下",
    fixable: false,
    doc: r#"## 检查什么

二级指标属于指标体系，但不在它所在的一级指标之下，例如 legacy 体系中把“成本指标”放在“效益指标”下，或 2021 体系中把“成本指标”写成产出指标的二级。

## 为什么重要

已发布表格的一级指标单元格纵向合并，放错位置的行会被归到错误的类别里。

## 示例

```yaml
  - level1: 效益指标
    groups:
      - level2: 时效指标
```

应写作：

```yaml
  - level1: 产出指标
    groups:
      - level2: 时效指标
```

## 如何修改

把这一组移到帮助行所说的一级指标下。"#,
};
