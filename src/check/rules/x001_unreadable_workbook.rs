//! Code X001 `unreadable-workbook`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X001 (`unreadable-workbook`).
pub const RULE: Rule = Rule {
    code: "X001",
    name: "unreadable-workbook",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "电子表格文件无法读取，或不是 xlsx",
    fixable: false,
    doc: r#"## 什么时候出现

`jixiao import 文件.xlsx` 读取文件时：文件不存在或没有读取权限，文件不是 xlsx 格式（如旧的 .xls、改了扩展名的 CSV），或某个工作表无法解析。

## 为什么

读不出的工作簿无法导入；导入要么完整成功，要么什么都不写。

## 示例

```text
$ jixiao import 文档.xlsx --out 文档
错误[X001]: 文档.xlsx 不是可读取的 xlsx 电子表格：Zip error: invalid Zip archive: Could not find EOCD
 = 帮助：用 Excel 或 WPS 另存为“Excel 工作簿（*.xlsx）”后再导入

导入失败：没有写入任何文件
```

## 如何处理

检查路径；用 Excel 或 WPS 把文件另存为“Excel 工作簿（*.xlsx）”后再导入。"#,
};
