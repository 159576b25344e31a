//! Rule C322 `percent-on-non-rate`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C322 (`percent-on-non-rate`).
pub const RULE: Rule = Rule {
    code: "C322",
    name: "percent-on-non-rate",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "非比率指标的值是百分比",
    fixable: false,
    doc: r#"## 检查什么

三级指标的名称（及描述）不是比率——没有“率”“比例”“占比”“度”“覆盖”“增长”等字样——
值却是百分比，如“项目资金 `100%`”“培训人数 `≥90%`”。满意度另有规则。

## 为什么重要

百分比必须是某个量占另一个量的比例；指标名称不说是什么的比例，
就无法核算，往往是把“完成率”写成了“完成情况”，或把数量写成了百分比。

## 示例

```yaml
              - level3: 培训人数
                value: ≥90%
```

应写作：

```yaml
              - level3: 培训人数
                value: ≥200人
```

## 如何修改

把指标名改为比率（“培训覆盖率”），或把值改为数量、金额。"#,
};
