//! Rule E016 `targets-unusable`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of E016 (`targets-unusable`).
pub const RULE: Rule = Rule {
    code: "E016",
    name: "targets-unusable",
    severity: Severity::Error,
    pass: Pass::Evaluation,
    summary: "自评文档的 targets 找不到，或指向另一个自评文档",
    fixable: false,
    doc: r#"## 检查什么

自评文档的 `targets:` 指向的文件或文件夹不存在，或者它本身也是一个自评文档。

## 为什么重要

自评表的指标、指标值和预算都来自绩效目标文档；找不到它，就无法生成自评表。

## 示例

```yaml
targets: ../2025/目标.yaml    # 路径写错了
```

## 如何修改

`targets:` 写绩效目标文档相对于本文件的路径：单个 YAML 文件，或含 `jixiao.yaml` 的文档文件夹，如 `targets: ../2025`。"#,
};
