//! Rule E014 `evaluated-twice`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E014 (`evaluated-twice`).
pub const RULE: Rule = Rule {
    code: "E014",
    name: "evaluated-twice",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "同一项自评数据在目标文档和自评文档中都写了",
    fixable: false,
    doc: r#"## 检查什么

某个项目或指标行的自评字段（如 `executed`、`actual`）既写在绩效目标文档中，又写在引用它的自评文档中。

## 为什么重要

同一个数字写在两处，迟早会不一致；jixiao 不替你决定哪一处是对的。

## 示例

```yaml
# 2025.yaml（目标）中已有 executed: 398000.00
# 自评文档中又写了
executed: 400000.00
```

## 如何修改

自评数据只写在一处：要么都写在目标文档中（同一文件），要么都写在自评文档中；删除另一处。"#,
};
