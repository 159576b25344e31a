//! Code I402 `pdf-no-text-layer`, reported by the PDF importer (src/import/pdf/): its registry entry and
//! user documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I402 (`pdf-no-text-layer`).
pub const RULE: Rule = Rule {
    code: "I402",
    name: "pdf-no-text-layer",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "PDF 没有文字层（扫描件），需要先做文字识别",
    fixable: false,
    doc: r#"## 什么时候出现

PDF 的各页只有图像、没有文字：通常是把纸质文件扫描成的 PDF，或把页面“打印”成图片的 PDF。

## 为什么

jixiao 从 PDF 的文字层读出每个字及其位置，再按表格线重建表格。扫描件中的字只是图像上的像素，需要文字识别（OCR）才能变成文字；jixiao 不做 OCR，因为识别错误会悄悄混进金额和指标值。

## 示例

```text
$ jixiao import 扫描件.pdf --out 2025
错误[I402]: PDF 没有文字层：共 2 页，只有图像（第 1、2 页），是扫描件，无法读出表格
  = 帮助：扫描件需要先做文字识别（OCR），如用 WPS 或 Adobe Acrobat 的“文字识别”导出带文字层的 PDF，或直接导入原始的 Word 文件

导入失败：没有写入任何文件
```

## 如何处理

找到原始的 Word 文件或文本导入；没有时，用 WPS、Adobe Acrobat 等的文字识别功能生成带文字层的 PDF，核对识别结果（尤其是金额和指标值）后再导入。"#,
};
