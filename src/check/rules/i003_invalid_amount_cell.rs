//! Code I003 `invalid-amount-cell`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I003 (`invalid-amount-cell`).
pub const RULE: Rule = Rule {
    code: "I003",
    name: "invalid-amount-cell",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入的金额单元格不是有效的金额",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本、Word 或 PDF 时，预算数、财政资金或其他资金的单元格不是精确到分的非负数字（以元计最多两位小数，以万元计最多六位：`24.998` 万元是 249,980.00 元，照原样导入）。

## 为什么

金额必须精确，导入不猜测带单位或文字的金额。

## 示例

```text
$ jixiao import 去年.txt --out 去年
错误[I003]: 预算数不是有效的金额：`41.6万`
   ┌─ 去年.txt:20:2
   │
20 │     41.6万
   │     ^^^^^^ 应为非负数，精确到分（以万元计最多 6 位小数）
   │
   = 帮助：金额单元格只写数字，如 416543.39

导入失败：没有写入任何文件
```

## 如何处理

把单元格改成数字，如 `416543.39`；单位由单位行的“单位：元”或“单位：万元”决定。"#,
};
