//! Code W002 `docx-write-failed`, reported by the Word backend (src/render/docx): its
//! registry entry and user documentation. Not a `check` rule: `rules:` and `allow:` cannot
//! name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of W002 (`docx-write-failed`).
pub const RULE: Rule = Rule {
    code: "W002",
    name: "docx-write-failed",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "无法生成 Word 文件",
    fixable: false,
    doc: r#"## 什么时候出现

生成 Word 文件（`jixiao build --format docx`）时，打包 .docx（zip）失败。文档内容本身不会引起这条错误：所有文字都经过转义，任何字符都能写入。

## 为什么

jixiao 不会写出半成品文件：打包失败时不写输出，已有的旧文件保持不变。

## 示例

```text
$ jixiao build 文档.yaml --format docx
错误[W002]: 无法生成 Word 文件：…
 = 帮助：这是 jixiao 的内部错误；请附上文档报告问题

文档.yaml：docx 输出失败
```

## 如何处理

这是 jixiao 的内部错误，请附上文档与完整输出报告问题；其他格式（PDF、HTML、电子表格）不受影响。"#,
};
