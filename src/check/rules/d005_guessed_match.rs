//! Rule D005 `guessed-match`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of D005 (`guessed-match`).
pub const RULE: Rule = Rule {
    code: "D005",
    name: "guessed-match",
    severity: Severity::Info,
    pass: Pass::Diff,
    summary: "项目只是按相似度推测为同一个",
    fixable: false,
    doc: r#"## 检查什么

新版的一个项目与上一版的项目既没有相同的项目编码，名称（去掉年份后）也不相同，只是名称和指标相似，所以推测它们是同一个项目。报告中这样的匹配都标为“推测”。

`jixiao diff` 比较两版文档时报告这条规则（见《比较两版文档》一章）；它指向新版文档，可以像校验规则一样在新版的 `rules:` 中调整级别、在 `allow:` 中就地允许。

## 为什么重要

推测可能是错的：两个不同的项目被当成一个来比较时，报告里的“目标降低”“预算增加”都没有意义。

## 示例

```yaml
# 上一版：name: 机关网络运转维护费
# 新版：  name: 机关网络运行维护费（没有 code）
```

应写作：

```yaml
code: "13020024P00706610031L"   # 两版写上相同的项目编码
name: 机关网络运行维护费
```

## 如何修改

同一个项目请两版保持相同的项目编码（`code`），匹配就是确定的；不是同一个项目时，把它们当作一删一增来读。"#,
};
