//! Rule E011 `scoring-unresolved`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E011 (`scoring-unresolved`).
pub const RULE: Rule = Rule {
    code: "E011",
    name: "scoring-unresolved",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "找不到评分办法，或评分文件无效",
    fixable: false,
    doc: r#"## 检查什么

文档的 `scoring:` 指定的评分办法既不是内置的（`national`），也不在文档旁的 `scoring/` 文件夹中；或者评分文件的内容无效（字段缺失、区间颠倒、等级未从高到低排列）。

## 为什么重要

没有评分办法就无法计分，自评表不会生成。

## 示例

```yaml
scoring: hebei     # 但没有 scoring/hebei.yaml
```

## 如何修改

去掉 `scoring:` 使用全国办法，或把评分文件放到 `scoring/名称.yaml`：复制内置的 `scoring/national.yaml`，修改 `execution`（预算执行率分值）、`weights`（各组指标的分值）、`grades`（定性等级的区间）、`overshoot` 和 `ratings`（总分等级）。"#,
};
