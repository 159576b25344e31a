//! Rule L004 `missing-field`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L004 (`missing-field`).
pub const RULE: Rule = Rule {
    code: "L004",
    name: "missing-field",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "缺少必填字段",
    fixable: false,
    doc: r#"## 检查什么

文档、项目、指标行缺少必须填写的字段，如项目的 `name`、`budget`、`purpose`、`goals`、`indicators`，指标行的 `level3`、`value`。

## 为什么重要

已发布的绩效目标表每一栏都要有内容；缺字段的表格不完整，不能公开。

## 示例

```yaml
  - name: 消费券资金
    purpose: 发放餐饮消费券
    # 没有 budget
```

应写作：

```yaml
  - name: 消费券资金
    budget:
      total: 416543.39
    purpose: 发放餐饮消费券
```

## 如何修改

补上缺少的字段。"#,
};
