//! Rule E009 `unknown-grade`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E009 (`unknown-grade`).
pub const RULE: Rule = Rule {
    code: "E009",
    name: "unknown-grade",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "完成等级不在评分办法中",
    fixable: false,
    doc: r#"## 检查什么

`grade` 写的不是评分办法中的任何一个等级（全国办法为 达成、部分达成、未达成）。

## 为什么重要

得分区间由等级决定；写错的等级（如“基本达成”“完成”）无法计分。

## 示例

```yaml
grade: 基本达成
```

## 如何修改

改为评分办法中的等级之一；省份办法有自己的等级时，在文档中用 `scoring:` 指定那个评分文件。"#,
};
