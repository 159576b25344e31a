//! Code P004 `pdf-date`, reported by the PDF backend (src/render/pdf): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of P004 (`pdf-date`).
pub const RULE: Rule = Rule {
    code: "P004",
    name: "pdf-date",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "PDF 的日期无效，或 PDF/A 缺少日期",
    fixable: false,
    doc: r#"## 什么时候出现

PDF 元数据中的日期取自文档的 `date`，没有时取环境变量 `SOURCE_DATE_EPOCH`，都没有就不写日期（jixiao 从不读取系统时钟）。以下情况报告 P004：

- `date` 不是有效的 `YYYY-MM-DD` 日期：`发布日期“2025-02-30”不是有效日期`；
- `SOURCE_DATE_EPOCH` 不是 1970 年以来的秒数；
- 用 `--pdf-standard` 要求 PDF/A，但文档既没有 `date`，也没有设置 `SOURCE_DATE_EPOCH`：PDF/A 文件必须带日期。

## 为什么

无效的日期无法写进 PDF；不读系统时钟，是为了同样的输入总得到同样的字节。

## 示例

```text
$ jixiao build 文档.yaml --format pdf --pdf-standard a-2b
错误[P004]: PDF/A 文件必须带有日期，而文档没有日期
 = 帮助：在文档中写 date: 2025-03-01，或设置环境变量 SOURCE_DATE_EPOCH

文档.yaml：pdf 输出失败
```

## 如何处理

在文档中写 `date: 2025-03-01` 这样的有效日期；或把 `SOURCE_DATE_EPOCH` 设为秒数（如 `1735689600`）。"#,
};
