//! Rule E001 `actual-missing`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E001 (`actual-missing`).
pub const RULE: Rule = Rule {
    code: "E001",
    name: "actual-missing",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "定量指标没有实际完成值",
    fixable: false,
    doc: r#"## 检查什么

自评文档（或写了自评数据的绩效目标文档）中，指标值是数量、百分比、金额、日期等定量写法的一行，没有写实际完成值 `actual`。

## 为什么重要

定量指标按实际完成值与指标值的比较计分；没有实际完成值，这一行只能得 0 分，自评表上的“实际完成值”一栏也是空的。

## 示例

```yaml
rows:
  - level3: 消费券发放种类
    # 缺少 actual
```

## 如何修改

写 `actual: …`，与指标值同样书写、同一单位，如指标值 `≥90%` 写 `actual: 95%`，`≤41.66万元` 写 `actual: 40.2万元`，`2025年12月31日前` 写完成日期 `actual: 2025年11月20日`。确实无法量化时写 `grade:`，按定性指标评分。"#,
};
