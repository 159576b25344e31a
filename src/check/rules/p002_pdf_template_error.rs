//! Code P002 `pdf-template-error`, reported by the PDF backend (src/render/pdf): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of P002 (`pdf-template-error`).
pub const RULE: Rule = Rule {
    code: "P002",
    name: "pdf-template-error",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "PDF 模板出错",
    fixable: false,
    doc: r#"## 什么时候出现

生成 PDF 时，typst 模板求值或排版失败：多半是文档文件夹 `templates/typst/` 下的自定义模板有误（语法错误、引用了不存在的字段）。说明中附 typst 的原话，“说明：位置”给出模板文件与行列。极少数情况下是无法生成交给模板的数据（“无法生成模板数据：…”）。

## 为什么

模板出错时 jixiao 不会写出半截的 PDF；这条错误告诉你是哪个模板、哪一行，而不是文档的哪个单元格。

## 示例

```text
$ jixiao build 文档.yaml --format pdf
错误[P002]: PDF 模板出错：dictionary does not contain key "projct"
 = 说明：位置：templates/typst/table.typ:115:13

文档.yaml：pdf 输出失败
```

## 如何处理

按“位置”打开模板改正；改不好时删除该自定义模板文件，就会使用内置模板。只用内置模板时仍出现这条错误，是 jixiao 的缺陷，请连同文档一起报告。"#,
};
