//! Rule S203 `unknown-level2`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S203 (`unknown-level2`).
pub const RULE: Rule = Rule {
    code: "S203",
    name: "unknown-level2",
    severity: Severity::Error,
    pass: Pass::Structure,
    summary: "二级指标不属于文档的指标体系",
    fixable: false,
    doc: r#"## 检查什么

`level2` 的名称在文档所用指标体系的任何一级指标下都不存在。

## 为什么重要

二级指标决定指标的类别（数量、质量、时效、成本、效益、满意度），名称错了，类别检查与必备类别检查都会落空。

## 示例

```yaml
      - level2: 数量指示
```

应写作：

```yaml
      - level2: 数量指标
```

## 如何修改

改为帮助行给出的名称。"#,
};
