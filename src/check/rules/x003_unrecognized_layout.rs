//! Code X003 `unrecognized-layout`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X003 (`unrecognized-layout`).
pub const RULE: Rule = Rule {
    code: "X003",
    name: "unrecognized-layout",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "电子表格缺少列或行、有无法识别的列或行，或“允许”指向的单元格不对",
    fixable: false,
    doc: r#"## 什么时候出现

导入电子表格时，表格的结构与《电子表格：导出与导入》一章的布局不符：

- 表头缺少必需的列（如“指标”工作表缺少“指标值”列）或有无法识别的列；
- 表格布局中缺少“项目名称”、预算、“一级指标”表头等行，或有无法识别的行、资金支出计划列；
- 工作表是空的；
- 预算管理一体化系统的分列表格中，一行指标上方没有“项目名称”行（不属于任何项目）、运算符无法识别
  （如“约”）、项目信息行中有无法识别的内容，或一段项目信息缺少“项目名称”；
- “文档信息”中有无法识别的项目，或“允许”一行指向的单元格不是项目名称或三级指标所在的行。

## 为什么

不认识的列和行无法放进文档；导入不会悄悄丢弃任何内容。

## 示例

```text
$ jixiao import 预算.xlsx --out 预算
错误[X003]: 工作表“指标”第 1 行（表头）缺少“指标值”列

导入失败：没有写入任何文件
```

## 如何处理

按消息中的工作表与单元格改正列名或行标签，删除多余的列；列名和行标签须与《电子表格：导出与导入》列出的一致。"#,
};
