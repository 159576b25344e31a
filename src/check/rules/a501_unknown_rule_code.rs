//! Rule A501 `unknown-rule-code`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of A501 (`unknown-rule-code`).
pub const RULE: Rule = Rule {
    code: "A501",
    name: "unknown-rule-code",
    severity: Severity::Warning,
    pass: Pass::Config,
    summary: "rules 中的规则代码不存在",
    fixable: false,
    doc: r#"## 检查什么

文档的 `rules:` 中出现了注册表里没有的规则代码，或者出现了输出与导入的代码（P、H、R 开头的生成输出时的代码，X、I 开头的导入时的代码）：它们不是 `jixiao check` 的规则，级别固定，不能调整。

## 为什么重要

写错代码的配置不起作用，作者却以为已经调整了规则；输出与导入的代码写在这里同样什么也不改变。

## 示例

```yaml
rules:
  T4O1: warning   # 字母 O
```

应写作：

```yaml
rules:
  T401: warning
```

## 如何修改

用 `jixiao rules` 查看所有代码并改正；输出与导入的代码删除这一行，用 `jixiao explain 代码` 查看如何处理。"#,
};
