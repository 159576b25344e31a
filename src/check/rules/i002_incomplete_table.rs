//! Code I002 `incomplete-table`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I002 (`incomplete-table`).
pub const RULE: Rule = Rule {
    code: "I002",
    name: "incomplete-table",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入的表格不完整",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本时，一张表缺少必需的部分：标题后的单位行、项目名称、预算、指标表头或指标行，或某个指标行的单元格少于表头的列数。

## 为什么

缺了单元格的表无法确定每个值属于哪一列；多半是文件被截断，或提取时丢了单元格。

## 示例

```text
$ jixiao import 坏.txt --out x
错误[I002]: 表格不完整：指标行只有 4 个单元格，应为 5 个
   ┌─ 坏.txt:30:2
   │
30 │ ╭     产出指标
31 │ │     数量指标
32 │ │     保障重点工作数量
33 │ │     保障重点工作数量
   │ ╰────────────────────^ 这一行缺少单元格
   │
   = 帮助：文件可能被截断或少了单元格；对照原文档补齐后重新导入

导入失败：没有写入任何文件
```

## 如何处理

对照原文档补齐缺少的行或单元格（空单元格也要占一个制表符位置），然后重新导入。"#,
};
