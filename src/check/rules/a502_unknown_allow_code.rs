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

项目或指标行的 `allow:` 中出现了注册表里没有的规则代码，或者出现了输出与导入的代码（P、H、R、X、I 开头）：它们不是 `jixiao check` 的规则，不能就地允许。

## 为什么重要

写错代码的 allow 什么也不允许，真正的问题仍会报出；输出与导入的问题（如 PDF 缺字）是生成或导入时的错误，不能靠 allow 放过。

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

用 `jixiao rules` 查看所有代码并改正；输出与导入的代码删除这一行，用 `jixiao explain 代码` 查看如何处理。"#,
};
