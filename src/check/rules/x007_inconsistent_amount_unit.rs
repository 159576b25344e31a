//! Code X007 `inconsistent-amount-unit`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X007 (`inconsistent-amount-unit`).
pub const RULE: Rule = Rule {
    code: "X007",
    name: "inconsistent-amount-unit",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "电子表格中各表的金额单位不一致",
    fixable: false,
    doc: r#"## 什么时候出现

导入表格布局的电子表格时，某张项目表单位行写的金额单位（“单位：元”或“单位：万元”）与文档的金额单位（“文档信息”中的，或第一张写明单位的表的）不同。

## 为什么

一份文档只有一种金额单位；混用会让金额差一万倍。

## 示例

```text
$ jixiao import 预算.xlsx --out 预算
错误[X007]: 项目“2025年餐饮消费券资金”的金额单位是万元，与文档的金额单位元不一致
   ┌─ 预算.xlsx:20:6
   │
20 │ 2!F2: 单位：万元
   │       ^^^^^^^^^^ 此单元格
   │
   = 帮助：一份文档中所有表格的金额单位必须相同

导入失败：没有写入任何文件
```

## 如何处理

把这张表的金额换算成文档的金额单位并改正单位行，或把不同单位的表分成两个文件导入。"#,
};
