//! Code I006 `unknown-year`, reported by the layout interpreter (src/import/layout.rs): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I006 (`unknown-year`).
pub const RULE: Rule = Rule {
    code: "I006",
    name: "unknown-year",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "导入时推断不出预算年度",
    fixable: false,
    doc: r#"## 什么时候出现

导入文本且没有用 `--year` 指定年度时，jixiao 从表标题、指标值中的期限和项目编码推断预算年度；这些地方都没有年份时报告 I006。

## 为什么

预算年度决定期限、标题等一致性检查，不能空着，也不能乱猜。

## 示例

```text
$ jixiao import 去年.txt --out 去年
错误[I006]: 无法推断预算年度
  ┌─ 去年.txt:1:1
  │
1 │ 1.餐饮消费券资金绩效目标表
  │ ^ 标题、期限和项目编码中都没有年份
  │
  = 帮助：用 --year 指定，如 --year 2025

导入失败：没有写入任何文件
```

## 如何处理

用 `--year` 指定，如 `jixiao import 去年.txt --out 去年 --year 2025`。"#,
};
