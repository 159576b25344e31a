//! Rule C326 `period-past-year`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C326 (`period-past-year`).
pub const RULE: Rule = Rule {
    code: "C326",
    name: "period-past-year",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "实施期间超出预算年度",
    fixable: false,
    doc: r#"## 检查什么

指标值是一个期间（`2023年7月-2024年1月`、`2023.07-2024.01`、`2020年1月1日-2020年12月31日`），
而期间的结束晚于预算年度。单个日期或截止时间晚于预算年度另见 C307。

## 为什么重要

年度绩效目标考核的是本年度的预算：期间延续到下一年，年底自评时目标还没有到期，
无法判断是否完成；跨年的服务通常应按年度拆分目标。

## 示例

```yaml
year: 2023
...
              - level3: 服务周期
                value: 2023.07-2024.01
```

应写作：

```yaml
              - level3: 服务周期
                value: 2023年7月-12月
```

## 如何修改

把本年度的目标写到预算年度年底为止，跨年部分列入下一年度；确属跨年项目时，
用 `allow: {C326: "理由"}` 写明。"#,
};
