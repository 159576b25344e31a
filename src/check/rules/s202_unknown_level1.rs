//! Rule S202 `unknown-level1`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S202 (`unknown-level1`).
pub const RULE: Rule = Rule {
    code: "S202",
    name: "unknown-level1",
    severity: Severity::Error,
    pass: Pass::Structure,
    summary: "一级指标不属于文档的指标体系",
    fixable: false,
    doc: r#"## 检查什么

`level1` 的名称不在文档所用指标体系的一级指标中。

## 为什么重要

一级指标是全国统一的分类，名称写错（“产出类指标”“满意指标”）会让表格无法汇总，也通不过审核。

## 示例

```yaml
  - level1: 产出类指标
```

应写作：

```yaml
  - level1: 产出指标
```

## 如何修改

改为帮助行给出的名称；文档所用体系中的一级指标列在帮助行中。"#,
};
