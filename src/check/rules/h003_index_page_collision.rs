//! Code H003 `index-page-collision`, reported by the HTML backend (src/render/html): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of H003 (`index-page-collision`).
pub const RULE: Rule = Rule {
    code: "H003",
    name: "index-page-collision",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "文档页面与目录页 index.html 同名",
    fixable: false,
    doc: r#"## 什么时候出现

构建包含多份文档的文件夹时，jixiao 在输出目录顶层生成目录页 `index.html`。文件夹顶层有名为 `index.yaml` 的文档时，它的页面也叫 `index.html`，两者冲突。

## 为什么

目录页会覆盖这份文档的页面，读者就看不到它了。

## 示例

```text
$ jixiao build 2025/ --format html
错误[H003]: 文档页面与目录页同名：index.html
 = 帮助：重命名顶层的 index.yaml 文档，目录页才不会覆盖它
```

## 如何处理

把这份文档改名（如 `index.yaml` → `总表.yaml`）。"#,
};
