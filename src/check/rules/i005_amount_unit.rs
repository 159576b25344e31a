//! Code I005 `amount-unit`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I005 (`amount-unit`).
pub const RULE: Rule = Rule {
    code: "I005",
    name: "amount-unit",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入的金额单位无法识别，或各表不一致",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本时，单位行右侧的金额单位不是“单位：元”或“单位：万元”，或某张表的金额单位与第一张表不同。

## 为什么

一份文档只有一种金额单位；认错单位会让所有金额差一万倍。

## 示例

```text
$ jixiao import 去年.txt --out 去年
错误[I005]: 各表金额单位不一致：“单位：万元”与第一张表的“单位：元”
    ┌─ 去年.txt:126:2
    │
  8 │     单位：元
    │     -------- 第一张表的单位
    ·
126 │     单位：万元
    │     ^^^^^^^^^^ 与第一张表不同
    │
    = 帮助：一个文档只能有一种金额单位；请把不同单位的表分成两个文件导入

导入失败：没有写入任何文件
```

## 如何处理

检查单位行的右侧单元格；不同单位的表分成两个文件分别导入。"#,
};
