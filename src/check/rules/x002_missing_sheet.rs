//! Code X002 `missing-sheet`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X002 (`missing-sheet`).
pub const RULE: Rule = Rule {
    code: "X002",
    name: "missing-sheet",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "工作簿缺少工作表",
    fixable: false,
    doc: r#"## 什么时候出现

导入电子表格时，工作簿既不是逐项目一行的布局（需要“项目”和“指标”两个工作表），也不是每个项目一张表的表格布局：只有“项目”和“指标”中的一个，或者除“文档信息”外没有任何非空的工作表。

## 为什么

不知道布局就无法把单元格放进文档。

## 示例

```text
$ jixiao import 预算.xlsx --out 预算
错误[X002]: 工作簿有“项目”工作表，但缺少“指标”工作表
 = 帮助：逐项目一行的布局需要“项目”和“指标”两个工作表

导入失败：没有写入任何文件
```

## 如何处理

补上缺少的工作表，或检查工作表的名称（“项目”“指标”“文档信息”须一字不差）；两种布局见《电子表格：导出与导入》。"#,
};
