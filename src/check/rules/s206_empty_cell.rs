//! Rule S206 `empty-cell`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S206 (`empty-cell`).
pub const RULE: Rule = Rule {
    code: "S206",
    name: "empty-cell",
    severity: Severity::Error,
    pass: Pass::Structure,
    summary: "表格中有空单元格",
    fixable: false,
    doc: r#"## 检查什么

项目名称、资金用途、绩效目标、三级指标、指标值为空，或一级指标下没有二级指标、二级指标下没有指标行、项目没有绩效目标。

## 为什么重要

公开的表格出现空格子，读者无从得知目标是什么。

## 示例

```yaml
        rows:
          - level3: 消费券发放种类
            value:
```

应写作：

```yaml
        rows:
          - level3: 消费券发放种类
            value: 1种
```

## 如何修改

填写内容，或删除这一行。"#,
};
