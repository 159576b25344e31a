//! Code I303 `libreoffice-missing`, reported by the importer (src/import/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I303 (`libreoffice-missing`).
pub const RULE: Rule = Rule {
    code: "I303",
    name: "libreoffice-missing",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "旧格式文件需要 LibreOffice 转换，但本机没有安装",
    fixable: false,
    doc: r#"## 什么时候出现

导入 .doc、.wps、.rtf、.odt（以及 calamine 无法直接读取的 .et、.ods）时，jixiao 先用 LibreOffice（`soffice --headless --convert-to docx`）在临时文件夹中转换为 .docx 或 .xlsx，再按新格式导入。本机找不到 LibreOffice 时报告此错误。查找顺序：环境变量 `JIXIAO_SOFFICE`，`PATH` 中的 `soffice` / `libreoffice`，常见安装位置。

## 为什么

旧的二进制格式（Word 97-2003、WPS）没有公开、稳定的结构可直接读取；LibreOffice 是可靠的开源转换器。jixiao 不会把它打包进来，所以需要单独安装。

## 示例

```text
$ jixiao import 2024年绩效目标.doc --out doc
错误[I303]: 2024年绩效目标.doc 是Word 97-2003 或 WPS 文字文档（.doc/.wps），需要 LibreOffice 转换后才能导入，但本机没有安装 LibreOffice
  = 帮助：安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer libreoffice-calc；……），或用 Word / WPS 打开后“另存为”“Word 文档（*.docx）”再导入
导入失败：没有写入任何文件
```

## 如何处理

安装 LibreOffice 后重新导入；或者用 Word / WPS 打开文件，“另存为 → Word 文档（*.docx）”，导入 .docx。见《导入去年的文档》。"#,
};
