//! Rule D003 `category-dropped`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of D003 (`category-dropped`).
pub const RULE: Rule = Rule {
    code: "D003",
    name: "category-dropped",
    severity: Severity::Warning,
    pass: Pass::Diff,
    summary: "项目少了一整类指标",
    fixable: false,
    doc: r#"## 检查什么

上一版的项目有某一类指标（一级指标，或某个一级指标下的二级指标，如“产出指标/时效指标”），新版整类都没有了。

`jixiao diff` 比较两版文档时报告这条规则（见《比较两版文档》一章）；它指向新版文档，可以像校验规则一样在新版的 `rules:` 中调整级别、在 `allow:` 中就地允许。

## 为什么重要

指标体系要求每类指标都有；一整类消失往往是删行时删多了，或者把难以完成的目标悄悄拿掉了。

## 示例

```yaml
# 上一版有 产出指标 → 时效指标 → 完成时限；新版没有任何 时效指标
```

应写作：

```yaml
      - level2: 时效指标
        rows:
          - level3: 完成时限
            value: 2026年12月31日前
```

## 如何修改

补上这一类指标；确实不再适用的，在项目的 `allow:` 中写明理由。"#,
};
