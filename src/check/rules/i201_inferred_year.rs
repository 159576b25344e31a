//! Code I201 `inferred-year`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I201 (`inferred-year`).
pub const RULE: Rule = Rule {
    code: "I201",
    name: "inferred-year",
    severity: Severity::Info,
    pass: Pass::Import,
    summary: "导入时推断出的预算年度",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本且没有用 `--year` 指定年度时，jixiao 从表标题、指标值中的期限和项目编码推断出预算年度，并说明依据。

## 为什么

推断可能出错（例如去年的文档里写着下一年的期限），所以把结果和依据告诉你。

## 示例

```text
提示[I201]: 推断预算年度为 2025（标题、指标值期限和项目编码中的年份，得分 20/26）
 = 帮助：不对时用 --year 指定
```

## 如何处理

年份正确就不用处理；不对时用 `--year` 重新导入。"#,
};
