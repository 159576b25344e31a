//! Code R201 `xlsx-write-failed`, reported by the xlsx backend (src/render/xlsx.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of R201 (`xlsx-write-failed`).
pub const RULE: Rule = Rule {
    code: "R201",
    name: "xlsx-write-failed",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "无法生成电子表格",
    fixable: false,
    doc: r#"## 什么时候出现

`jixiao build --format xlsx` 写电子表格时，电子表格库拒绝了内容，例如某个单元格的文字超过 Excel 的上限（32767 个字符）。消息附库给出的原因。

## 为什么

写不出合法的工作簿时，jixiao 不生成文件，以免得到一个 Excel 打不开或内容被截断的表格。

## 示例

```text
$ jixiao build 文档.yaml --format xlsx
错误[R201]: 无法生成电子表格：…（电子表格库给出的原因）

文档.yaml：xlsx 输出失败
```

## 如何处理

按消息中的原因修改文档（例如把过长的文字拆短）。原因看不懂，或文档看起来没有问题时，这是 jixiao 的缺陷，请连同文档一起报告。"#,
};
