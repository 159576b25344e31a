//! Rule E013 `unknown-row`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E013 (`unknown-row`).
pub const RULE: Rule = Rule {
    code: "E013",
    name: "unknown-row",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "自评文档中的指标行找不到或不唯一",
    fixable: false,
    doc: r#"## 检查什么

自评文档中某一行的 `level3` 在该项目的绩效目标中找不到；或者该项目有几行同名的三级指标，无法确定是哪一行；或者同一行写了两次。

## 为什么重要

实际完成值按三级指标名称对应到指标行；对不上的实际值会丢失。

## 示例

```yaml
rows:
  - level3: 发放种类        # 目标中是“消费券发放种类”
    actual: 1种
```

## 如何修改

把 `level3` 改成与绩效目标中完全一致；有同名的三级指标时，再写 `level2: …` 指明二级指标。"#,
};
