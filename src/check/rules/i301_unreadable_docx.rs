//! Code I301 `unreadable-docx`, reported by the importer (src/import/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I301 (`unreadable-docx`).
pub const RULE: Rule = Rule {
    code: "I301",
    name: "unreadable-docx",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "无法读取的 Word 文档（zip 或 XML 已损坏，或 zip 中没有 Word 正文）",
    fixable: false,
    doc: r#"## 什么时候出现

导入 .docx 时，文件有 Word 文档的外壳（zip），但其中的内容无法读取：zip 结构损坏（常见于下载或复制中断的文件）、正文 `word/document.xml` 缺失或不是有效的 XML，或者这个 zip 其实是 PowerPoint 等其他文件。

## 为什么

jixiao 直接读取 Word 的表格结构；正文读不出来，就无法导入任何一张表。导入不会猜测或丢弃内容，所以整份文件被拒绝，不写入任何文件。

## 示例

```text
$ jixiao import 绩效目标表.docx --out doc
错误[I301]: 绩效目标表.docx 不是可读取的 Word 文档：zip 结构已损坏（文件可能不完整）
  = 帮助：文件可能已损坏或不是 .docx；用 Word 或 WPS 打开后“另存为 Word 文档（*.docx）”，再重新导入
导入失败：没有写入任何文件
```

## 如何处理

用 Word 或 WPS 打开文件（它们常能修复轻微损坏），另存为“Word 文档（*.docx）”，再导入另存的文件。如果打不开，重新获取原文件。见《导入去年的文档》。"#,
};
