//! Code I101 `table-number-gap`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I101 (`table-number-gap`).
pub const RULE: Rule = Rule {
    code: "I101",
    name: "table-number-gap",
    severity: Severity::Warning,
    pass: Pass::Import,
    summary: "导入的表号不连续",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本时，表标题“N.{项目名称}绩效目标表”中的表号 N 没有按 1、2、3…… 连续编号（原文档漏号或重号）。

## 为什么

jixiao 按项目顺序自动生成表号，导入后表号会与原文档不同；提醒你核对是否漏了一张表。

## 示例

```text
警告[I101]: 表号 4 不连续，应为 3
    ┌─ 去年.txt:221:1
    │
221 │ 4.2025年现代产业展示交流中心相关项目资金绩效目标表
    │ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ 表号由 jixiao 按顺序生成
    │
    = 帮助：导入后表号按项目顺序重新编号
```

## 如何处理

对照原文档确认没有漏掉表格；确认无误就不用处理，导入结果的表号已按顺序重新编号。"#,
};
