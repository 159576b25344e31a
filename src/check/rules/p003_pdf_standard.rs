//! Code P003 `pdf-standard`, reported by the PDF backend (src/render/pdf): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of P003 (`pdf-standard`).
pub const RULE: Rule = Rule {
    code: "P003",
    name: "pdf-standard",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "PDF 标准的名称未知、组合无效，或文档不符合所选标准",
    fixable: false,
    doc: r#"## 什么时候出现

用 `--pdf-standard` 指定 PDF 标准时出现，有三种情况：

- 名称未知：`未知的 PDF 标准“a-9z”`；
- 几个标准不能同时满足：`PDF 标准组合无效：…`；
- 文档排版后不符合所选标准（PDF/A、PDF/UA 的要求）：`无法按要求的标准生成 PDF：…`，附 typst 的说明。

## 为什么

归档（PDF/A）或无障碍（PDF/UA）是对外的承诺；达不到就不生成，比生成一个自称符合标准、实际不符合的文件好。

## 示例

```text
$ jixiao build 文档.yaml --format pdf --pdf-standard a-9z
错误[P003]: 未知的 PDF 标准“a-9z”
 = 帮助：可用：a-1b、a-2b、a-2u、a-3b、a-4、ua-1、1.7、2.0 等；多个用逗号分隔，如 a-2b,ua-1

文档.yaml：pdf 输出失败
```

## 如何处理

检查名称的拼写，可用 `a-1b`、`a-2b`、`a-2u`、`a-3b`、`a-4`、`ua-1`、`1.7`、`2.0` 等，多个用逗号分隔；PDF/A 与 PDF/UA 各选一个。文档不符合标准时，按 typst 的说明修改文档或自定义模板（例如 PDF/A 要求所有字体都能嵌入）。"#,
};
