//! Rule E012 `unknown-project`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E012 (`unknown-project`).
pub const RULE: Rule = Rule {
    code: "E012",
    name: "unknown-project",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "自评文档中的项目不在绩效目标文档中",
    fixable: false,
    doc: r#"## 检查什么

自评文档 `projects:` 中的某个 `name` 在 `targets:` 指向的绩效目标文档中找不到，或者同一个项目写了两次。

## 为什么重要

自评按项目名称对应到绩效目标；名称对不上，这个项目的实际完成情况就丢了，而目标文档中的那个项目会缺少全部实际值。

## 示例

```yaml
targets: 2025.yaml
projects:
  - name: 2025年餐饮消费券     # 目标文档中是“2025年餐饮消费券资金”
```

## 如何修改

把名称改成与绩效目标文档中完全一致（帮助行给出最接近的名称）；同一项目写了两次的，合并成一处。"#,
};
