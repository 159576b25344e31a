//! Code I405 `pdf-over-limit`, reported by the PDF importer (src/import/pdf/): its registry entry and
//! user documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I405 (`pdf-over-limit`).
pub const RULE: Rule = Rule {
    code: "I405",
    name: "pdf-over-limit",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "PDF 超出导入的上限（大小、页数、解压后大小或一页的内容）",
    fixable: false,
    doc: r#"## 什么时候出现

PDF 大于 64 MB、多于 2000 页、其中的压缩数据解压后超过 1 GB，或某一页画了超过 10 万个字形或 20 万条线段。

## 为什么

这些上限远高于任何真实的绩效目标表文档（41 张表的文档约 1 MB、51 页）。超出上限的文件多半是拿错了文件、文件已损坏，或是被恶意构造来耗尽内存的文件；导入在读取前就停下，不会把机器拖垮。

## 示例

```text
$ jixiao import 巨大.pdf --out 2025
错误[I405]: PDF 中的压缩数据解压后超过 1024 MB，不再读取
  = 帮助：文件可能已损坏或被恶意构造；请用原始文件重新导出 PDF
```

## 如何处理

确认导入的是正确的文件；文档确实很大时，分成几个文件分别导入。"#,
};
