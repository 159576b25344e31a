//! Rule A502 `unknown-allow-code`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of A502 (`unknown-allow-code`).
pub const RULE: Rule = Rule {
    code: "A502",
    name: "unknown-allow-code",
    severity: Severity::Warning,
    pass: Pass::Config,
    summary: "allow 中的规则代码不存在",
    fixable: false,
    doc: r#"## 检查什么

项目或指标行的 `allow:` 中出现了注册表里没有的规则代码。

## 为什么重要

写错代码的 allow 什么也不允许，真正的问题仍会报出。

## 示例

```yaml
allow:
  C3O7: 跨年项目
```

应写作：

```yaml
allow:
  C307: 跨年项目
```

## 如何修改

用 `jixiao rules` 查看所有代码并改正。"#,
};
