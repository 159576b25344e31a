//! Code X004 `invalid-cell-amount`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X004 (`invalid-cell-amount`).
pub const RULE: Rule = Rule {
    code: "X004",
    name: "invalid-cell-amount",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "电子表格中的金额无效",
    fixable: false,
    doc: r#"## 什么时候出现

导入电子表格时，金额单元格（预算数、财政资金、其他资金）不是数字（带了单位、千分位逗号或文字），比 1 分更精细（以万元计超过六位小数，以元计超过两位小数：`24.998` 万元是 249,980.00 元，照原样导入），或为负数；预算管理一体化系统分列表格中的权重不是非负数（最多四位小数）。公式计算留下的极小误差（小于 0.000000001）会舍去。

## 为什么

金额必须精确；猜测“约1200元”的意思会把错误的数字写进公开文件。

## 示例

```text
$ jixiao import 预算.xlsx --out 预算
错误[X004]: 项目!E3：“约1200元”不是金额
   ┌─ 预算.xlsx:12:8
   │
12 │ 项目!E3: 约1200元
   │          ^^^^^^^^ 此单元格
   │
   = 帮助：金额写作数字，精确到分（以元计最多两位小数，如 416543.39）；不要带单位或千分位逗号

导入失败：没有写入任何文件
```

## 如何处理

把单元格改成以文档金额单位计的数字，精确到分：以元计最多两位小数（如 `416543.39`），以万元计最多六位（如 `41.654339`）。"#,
};
