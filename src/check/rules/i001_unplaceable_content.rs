//! Code I001 `unplaceable-content`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I001 (`unplaceable-content`).
pub const RULE: Rule = Rule {
    code: "I001",
    name: "unplaceable-content",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入的文本中有无法归位的内容",
    fixable: false,
    doc: r#"## 什么时候出现

`jixiao import 文本.txt` 读取已发布文档（.docx）提取出的文本时，有内容放不进表格的任何单元格：多出的单元格、不认识的表格行、表格之间无关的文字。

## 为什么

导入从不悄悄丢弃内容；放不下的内容多半说明这一行多了或少了制表符，表格已经错位。

## 示例

```text
$ jixiao import 怪.txt --out y --year 2025
错误[I001]: 无法归位的内容：无法识别的表格行“备注 | 多出来的一行”
   ┌─ 怪.txt:19:2
   │
19 │ ╭     备注
20 │ │     多出来的一行
   │ ╰────────────────^ 这段内容不属于表格的任何单元格
   │
   = 帮助：检查这一行是否多出或缺少制表符，或删除无关文字后重新导入；导入不会丢弃任何内容

导入失败：没有写入任何文件
```

## 如何处理

对照原文档检查这一行的制表符；确属无关的文字就删除，然后重新导入。"#,
};
