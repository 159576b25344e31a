//! Rule L001 `yaml-syntax`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L001 (`yaml-syntax`).
pub const RULE: Rule = Rule {
    code: "L001",
    name: "yaml-syntax",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "YAML 语法错误",
    fixable: false,
    doc: r#"## 检查什么

文件不是合法的 YAML：缩进不齐、冒号后缺空格、引号不成对、用了制表符缩进等。

## 为什么重要

语法错误时整个文件无法读取，后面的校验都无从谈起。报告指向解析器停下的位置，真正的错误常在它前面一两行。

## 示例

```yaml
projects:
  - name: 消费券资金
   budget:            # 缩进少了一格
      total: 416543.39
```

应写作：

```yaml
projects:
  - name: 消费券资金
    budget:
      total: 416543.39
```

## 如何修改

按报告的行列检查缩进（只用空格）、冒号后的空格与引号；含 `: ` 或以 `#`、`*`、`&` 开头的文字要加引号。"#,
};
