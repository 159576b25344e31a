//! Rule C325 `excel-serial-date`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C325 (`excel-serial-date`).
pub const RULE: Rule = Rule {
    code: "C325",
    name: "excel-serial-date",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "日期写成了电子表格的日期序号",
    fixable: true,
    doc: r#"## 检查什么

时效指标（或名称含“时间”“日期”“时限”“期限”的指标）的值是 36526 到 73050 之间的整数，
如 `44561`：这是从 Excel 复制日期单元格时带出的序号（44561 即 2021年12月31日）。

## 为什么重要

序号对读者毫无意义，也无法判断是否在预算年度内。

## 示例

```yaml
              - level3: 项目完成时间
                value: 44561
```

应写作：

```yaml
              - level3: 项目完成时间
                value: 2021年12月31日
```

## 如何修改

写出日期（`jixiao check --fix` 会按 Excel 的 1900 日期系统换算并改写），必要时加“前”。"#,
};
