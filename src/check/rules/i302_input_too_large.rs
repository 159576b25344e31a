//! Code I302 `input-too-large`, reported by the importer (src/import/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I302 (`input-too-large`).
pub const RULE: Rule = Rule {
    code: "I302",
    name: "input-too-large",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入的文件超出大小限制（zip 炸弹、过大的正文或过深的 XML）",
    fixable: false,
    doc: r#"## 什么时候出现

导入的文件或其中的某个部分超过了导入的上限：zip 中的条目超过 10000 个、某个部分解压后超过 64 MB、所有读取的部分合计超过 160 MB，或 XML 嵌套超过 256 层、元素超过 400 万个；或者文件本身超过 256 MB。解压时边解边计数，到上限立即停止。

## 为什么

绩效目标表文档通常只有几百 KB。远超上限的文件要么不是要导入的文件，要么是恶意构造的“zip 炸弹”，读完它会耗尽内存。

## 示例

```text
$ jixiao import 炸弹.docx --out doc
错误[I302]: 炸弹.docx 超出导入的大小限制：word/document.xml 解压后超过 64 MB
  = 帮助：绩效目标表文档通常只有几百 KB；检查文件是否正确，或删去其中的图片等大块内容后再导入
导入失败：没有写入任何文件
```

## 如何处理

确认选对了文件。如果文档确实很大（例如嵌入了大量图片），用 Word 删去图片后另存一份再导入：导入只读取文字和表格。见《导入去年的文档》。"#,
};
