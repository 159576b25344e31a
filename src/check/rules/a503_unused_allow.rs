//! Rule A503 `unused-allow`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of A503 (`unused-allow`).
pub const RULE: Rule = Rule {
    code: "A503",
    name: "unused-allow",
    severity: Severity::Warning,
    pass: Pass::Config,
    summary: "allow 没有允许任何问题",
    fixable: false,
    doc: r#"## 检查什么

项目或指标行的 `allow:` 所允许的规则在这里并没有报告问题。

## 为什么重要

问题改正后留下的 allow 会在将来掩盖新的问题，应当删除。

## 示例

```yaml
allow:
  C307: 跨年项目   # 时限已改为本年度
```

应写作：

```yaml
# 删除 allow
```

## 如何修改

删除这条 allow。"#,
};
