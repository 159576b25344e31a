//! Rule S201 `unknown-framework`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S201 (`unknown-framework`).
pub const RULE: Rule = Rule {
    code: "S201",
    name: "unknown-framework",
    severity: Severity::Error,
    pass: Pass::Structure,
    summary: "指标体系不存在或无法读取",
    fixable: false,
    doc: r#"## 检查什么

文档的 `framework:` 指定的指标体系既不是内置的 `legacy`、`2021`，也没有在文档文件夹的 `frameworks/<名称>.yaml` 中找到；或该文件格式不对。

## 为什么重要

一级、二级指标名称与必备类别都由指标体系决定；没有指标体系就无法检查指标结构。

## 示例

```yaml
framework: 2022
```

应写作：

```yaml
framework: 2021
```

## 如何修改

改用内置体系，或在文档旁建立 `frameworks/<名称>.yaml`（格式见“校验”一章）。"#,
};
