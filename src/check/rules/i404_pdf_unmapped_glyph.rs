//! Code I404 `pdf-unmapped-glyph`, reported by the PDF importer (src/import/pdf/): its registry entry and
//! user documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I404 (`pdf-unmapped-glyph`).
pub const RULE: Rule = Rule {
    code: "I404",
    name: "pdf-unmapped-glyph",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "PDF 中的文字无法转换为 Unicode",
    fixable: false,
    doc: r#"## 什么时候出现

PDF 中某个字所用的字体没有字符映射（ToUnicode 表，或可识别的编码与字形名），只能显示、不能还原成文字。在阅读器中复制这段文字时通常得到乱码。错误信息给出页码和位置。

## 为什么

导入要的是文字本身；无法还原的字若被跳过或换成替代字符，表格内容就不再可靠。

## 示例

```text
$ jixiao import 2025.pdf --out 2025
错误[I404]: 第 1 页（距左 31 毫米、距顶 45 毫米）的文字无法转换为 Unicode：字体没有字符映射（ToUnicode）
  = 帮助：这样的 PDF 只能看、不能复制出文字；请导入原始的 Word 文件，或重新导出 PDF（导出时嵌入字体）
```

## 如何处理

用 Word、WPS 或 LibreOffice 从原始文件重新导出 PDF（它们都会写出字符映射）；或直接导入原始文件。"#,
};
