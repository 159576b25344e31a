//! Rule E010 `executed-missing`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E010 (`executed-missing`).
pub const RULE: Rule = Rule {
    code: "E010",
    name: "executed-missing",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "项目没有全年执行数",
    fixable: false,
    doc: r#"## 检查什么

自评中的项目没有写全年执行数 `executed`。

## 为什么重要

预算执行率（全国办法 10 分）= 全年执行数 ÷ 全年预算数，按比例得分；没有执行数，这一项只能得 0 分，自评表的项目资金一栏也不完整。

## 示例

```yaml
projects:
  - name: 2025年餐饮消费券资金
    # 缺少 executed
```

## 如何修改

在项目中写 `executed: …`（全年实际支出，以文档的金额单位计，最多两位小数）。"#,
};
