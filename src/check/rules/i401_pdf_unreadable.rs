//! Code I401 `pdf-unreadable`, reported by the PDF importer (src/import/pdf/): its registry entry and
//! user documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I401 (`pdf-unreadable`).
pub const RULE: Rule = Rule {
    code: "I401",
    name: "pdf-unreadable",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "PDF 文件已损坏、已加密或不是 PDF",
    fixable: false,
    doc: r#"## 什么时候出现

`jixiao import FILE.pdf` 时，文件无法作为 PDF 读取：文件被截断（下载不完整）、内容被改坏、不是 PDF（只是扩展名为 .pdf），或用密码加密。

## 为什么

读不出页面，就读不出表格。jixiao 不会猜测损坏部分的内容，也不会写出任何文件。

## 示例

```text
$ jixiao import 损坏.pdf --out 2025
错误[I401]: PDF 文件已损坏或不是 PDF，无法读取
  = 帮助：用 PDF 阅读器打开确认文件完好；下载不完整时重新下载
  = 说明：文件：损坏.pdf

导入失败：没有写入任何文件
```

## 如何处理

用 PDF 阅读器打开文件确认它完好；下载不完整时重新下载。加密的 PDF 用阅读器输入密码后另存为不加密的文件再导入。"#,
};
