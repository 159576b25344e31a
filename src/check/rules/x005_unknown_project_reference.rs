//! Code X005 `unknown-project-reference`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X005 (`unknown-project-reference`).
pub const RULE: Rule = Rule {
    code: "X005",
    name: "unknown-project-reference",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "指标行所属的项目不存在或不唯一",
    fixable: false,
    doc: r#"## 什么时候出现

导入逐项目一行的布局时，“指标”工作表的一行用项目名称或项目编码指明所属项目，但“项目”工作表中没有这个项目，或有不止一个同名（同编码）的项目。

## 为什么

指标放错项目，公开的表格就张冠李戴。

## 示例

```text
$ jixiao import 预算.xlsx --out 预算
错误[X005]: 指标!A5：项目名称“展会补助”不在“项目”工作表中
   ┌─ 预算.xlsx:54:8
   │
54 │ 指标!A5: 展会补助
   │          ^^^^^^^^ 此单元格
   │
   = 帮助：检查拼写，或先在“项目”工作表中添加该项目

导入失败：没有写入任何文件
```

## 如何处理

检查名称或编码的拼写，或先在“项目”工作表中添加该项目；同名项目用项目编码区分。"#,
};
