//! Code I306 `unsupported-format`, reported by the importer (src/import/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I306 (`unsupported-format`).
pub const RULE: Rule = Rule {
    code: "I306",
    name: "unsupported-format",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "无法识别或不支持的文件格式",
    fixable: false,
    doc: r#"## 什么时候出现

导入的文件不是 jixiao 能导入的格式。格式按内容识别，不只看扩展名：空文件、不是 Word 或 Excel 的 zip 压缩包（哪怕扩展名是 .docx）、PowerPoint 等其他 Office 文件、图片、GBK 编码的文本都会得到此错误，消息中写明识别出的实际格式。

## 为什么

按扩展名盲目解码会给出难懂的英文错误，甚至把错误的内容当作表格导入；先识别内容，才能说清楚是什么文件、该怎么办。

## 示例

```text
$ jixiao import 资料.docx --out doc
错误[I306]: 无法导入 资料.docx：这是一个 zip 压缩文件，但不是 Word 文档或 Excel 工作簿（扩展名是 .docx，但内容是zip 压缩文件）
 = 帮助：如果是压缩包，请先解压，再导入其中的 .docx 或 .xlsx 文件

导入失败：没有写入任何文件
```

## 如何处理

可导入的格式：.docx（以及经 LibreOffice 转换的 .doc、.wps、.rtf、.odt）、PDF（按内容识别，扩展名不论）、从 .docx 提取的 UTF-8 文本、.xlsx、.xls、.et。确认选对了文件，必要时用 Word / WPS / Excel 另存为这些格式。见《导入去年的文档》。"#,
};
