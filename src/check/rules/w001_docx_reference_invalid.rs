//! Code W001 `docx-reference-invalid`, reported by the Word backend (src/render/docx): its
//! registry entry and user documentation. Not a `check` rule: `rules:` and `allow:` cannot
//! name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of W001 (`docx-reference-invalid`).
pub const RULE: Rule = Rule {
    code: "W001",
    name: "docx-reference-invalid",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "Word 参考文档（templates/docx/reference.docx）无法使用",
    fixable: false,
    doc: r#"## 什么时候出现

生成 Word 文件（`jixiao build --format docx`，或文件夹构建的汇编 `volume.docx`）时，文档文件夹（或树根）的 `templates/docx/reference.docx` 无法使用：不是 .docx（zip）文件、缺少样式部件 `word/styles.xml`、样式部件的 XML 有误、是“严格 Open XML”格式，或文件、部件超过大小上限（文件 50 MB，每个部件解压后 16 MB）。说明中写明文件路径与原因。

## 为什么

参考文档提供整份 Word 文件的样式（字体、字号、标题样式）；它有问题时 jixiao 不会写出可能打不开的 Word 文件。

## 示例

```text
$ jixiao build 文档 --format docx
错误[W001]: 参考文档 文档/templates/docx/reference.docx 无法使用：不是 .docx（zip）文件：invalid Zip archive: Could not find EOCD
 = 帮助：参考文档须是 Word 保存的 .docx（“Word 文档”格式，不是“严格 Open XML”）；删除 templates/docx/reference.docx 即使用内置样式

文档：docx 输出失败
```

## 如何处理

用 Word 或 WPS 打开一份 jixiao 生成的 .docx，修改样式（“标题 1”“表格文字”等）后“另存为” Word 文档（*.docx），放到 `templates/docx/reference.docx`；或删除该文件，使用内置样式。见《Word 输出》的“省级样式：参考文档”一节。"#,
};
