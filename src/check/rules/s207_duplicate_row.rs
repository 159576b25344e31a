//! Rule S207 `duplicate-row`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S207 (`duplicate-row`).
pub const RULE: Rule = Rule {
    code: "S207",
    name: "duplicate-row",
    severity: Severity::Warning,
    pass: Pass::Structure,
    summary: "同一项目中有重复的指标行",
    fixable: false,
    doc: r#"## 检查什么

同一项目中两行指标的三级指标、描述与指标值完全相同。

## 为什么重要

重复的行不增加信息，通常是复制粘贴后忘了修改。

## 示例

```yaml
- level3: 消费券发放合规率
  value: 100%
- level3: 消费券发放合规率
  value: 100%
```

应写作：

```yaml
- level3: 消费券发放合规率
  value: 100%
```

## 如何修改

删除重复的行，或把它改成本该写的指标。"#,
};
