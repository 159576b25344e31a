//! Code I403 `pdf-irregular-table`, reported by the PDF importer (src/import/pdf/): its registry entry and
//! user documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I403 (`pdf-irregular-table`).
pub const RULE: Rule = Rule {
    code: "I403",
    name: "pdf-irregular-table",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "PDF 中的表格无法按表格线重建",
    fixable: false,
    doc: r#"## 什么时候出现

PDF 中某处的文字落在表格线围成的区域内，但那里的表格线围不成矩形的单元格：表格线残缺（部分边框没有画出）、单元格合并得不规则，或表格上叠放了文本框。错误信息给出页码和位置（距页面左边和顶边的毫米数）。

## 为什么

jixiao 按表格线确定每个单元格的范围和合并关系；围不成单元格时，无法确定文字属于哪一格，猜测可能把指标值放错行。

## 示例

```text
$ jixiao import 2025.pdf --out 2025
错误[I403]: 第 3 页（距左 52 毫米、距顶 141 毫米）的表格无法重建：文字落在表格线围不成单元格的地方
  = 帮助：表格线可能残缺或单元格合并得不规则；请导入原始的 Word 文件，或在原文件中补齐表格线后重新导出 PDF
```

## 如何处理

在原始文件中补齐该处的表格边框（或取消不规则的合并）后重新导出 PDF；有原始 Word 文件时直接导入它。"#,
};
