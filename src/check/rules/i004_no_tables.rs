//! Code I004 `no-tables`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I004 (`no-tables`).
pub const RULE: Rule = Rule {
    code: "I004",
    name: "no-tables",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入的文件中没有绩效目标表",
    fixable: false,
    doc: r#"## 什么时候出现

导入 Word 文档或其提取的文本时，整个文件中没有一段是“N.{项目名称}绩效目标表”形式的表标题（手工输入的编号或 Word 自动编号都可以）。常见原因是导入了错误的文件，或表标题写成了别的形式（如“××项目绩效目标”）。

## 为什么

没有表标题，就找不到任何一张表。

## 示例

```text
$ jixiao import 说明.txt --out x
错误[I004]: 没有找到任何绩效目标表
  ┌─ 说明.txt:1:1
  │
1 │ hello
  │ ^ 文件中没有“N.{项目名称}绩效目标表”形式的表标题
  │
  = 帮助：导入的文件应是已发布的绩效目标表文档（.docx，或其提取出的文本），每张表以“1.××绩效目标表”形式的标题开头

导入失败：没有写入任何文件
```

## 如何处理

确认导入的是已发布的绩效目标表文档，且每张表以“1.××绩效目标表”这样的标题开头；见《导入去年的文档》。"#,
};
