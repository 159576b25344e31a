//! Rule C319 `quantity-without-comparator`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of C319 (`quantity-without-comparator`).
pub const RULE: Rule = Rule {
    code: "C319",
    name: "quantity-without-comparator",
    severity: Severity::Warning,
    pass: Pass::Consistency,
    summary: "成本或效益的数量目标没有比较符",
    fixable: false,
    doc: r#"## 检查什么

成本指标下的金额、效益指标下的数量、金额或其他量没有写比较符，如成本 `250万元`、
“带动就业 `500人`”“年增粮食 `3500公斤`”。成本中的单价和补助标准（`1600元/亩`、“人均补助标准”）是定额，不在此列。数量指标下的固定数量（`1种`、`10辆`）和精确的 `100%` 不在此列。

## 为什么重要

成本是上限，效益是下限：不写比较符时字面意思是“恰好等于”，
考核时花了 249 万元或带动了 520 人算不算完成就说不清。

## 示例

```yaml
          - level2: 成本指标
            rows:
              - level3: 服务采购成本
                value: 250万元
```

应写作：

```yaml
                value: ≤250万元
```

## 如何修改

成本写 `≤`，效益写 `≥`（或 `>`）。方向不确定时按帮助行核对后自己改写。"#,
};
