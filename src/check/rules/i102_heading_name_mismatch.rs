//! Code I102 `heading-name-mismatch`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I102 (`heading-name-mismatch`).
pub const RULE: Rule = Rule {
    code: "I102",
    name: "heading-name-mismatch",
    severity: Severity::Warning,
    pass: Pass::Import,
    summary: "表标题中的项目名称与项目名称单元格不同",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本时，表标题“N.{项目名称}绩效目标表”中的项目名称与表内“项目名称”单元格的文字不同。

## 为什么

jixiao 由项目名称生成表标题，导入后表标题会改为单元格中的名称；原文档两处不一致，至少有一处是错的。

## 示例

```text
警告[I102]: 表标题中的项目名称“2025年“购滨城”消费券资金（高质量发展专项资金）”与项目名称单元格“2025年“购滨城·促消费”消费券资金（高质量发展专项资金）”不同
  ┌─ 去年.txt:1:1
  │
1 │ 1.2025年“购滨城”消费券资金（高质量发展专项资金）绩效目标表
  │ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ 表标题由项目名称生成
  │
  = 帮助：导入后表标题按项目名称单元格生成
```

## 如何处理

在导入结果中核对项目的 `name`，需要时改成正确的名称。"#,
};
