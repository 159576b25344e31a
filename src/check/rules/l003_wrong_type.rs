//! Rule L003 `wrong-type`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L003 (`wrong-type`).
pub const RULE: Rule = Rule {
    code: "L003",
    name: "wrong-type",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "字段的类型或取值不对",
    fixable: false,
    doc: r#"## 检查什么

字段的值类型不对（该写列表却写了文本、该写映射却写了数字），或取值不在允许范围内（年度、金额单位、规则级别、缺少理由的 allow）。

## 为什么重要

类型不对的字段无法放进表格；取值无效（如 `amount_unit: 千元`）会让所有金额的含义出错。

## 示例

```yaml
year: 二〇二五
amount_unit: 千元
```

应写作：

```yaml
year: 2025
amount_unit: 元
```

## 如何修改

按帮助行的写法改正。"#,
};
