//! Code H001 `html-template-invalid`, reported by the HTML backend (src/render/html): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of H001 (`html-template-invalid`).
pub const RULE: Rule = Rule {
    code: "H001",
    name: "html-template-invalid",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "HTML 模板无法读取，或有语法错误",
    fixable: false,
    doc: r#"## 什么时候出现

生成 HTML（`jixiao build --format html`，或文件夹构建的目录页）时，文档文件夹 `templates/html/` 下的自定义模板（`*.tera`）无法读取（例如不是 UTF-8 文本），或有 Tera 语法错误。说明中附 Tera 的原话，其中写有模板名和行号。

## 为什么

模板有误时 jixiao 不会写出半成品页面；这条错误指向模板，而不是文档。

## 示例

```text
$ jixiao build 文档.yaml --format html
错误[H001]: HTML 模板有误：Failed to parse 'project.html'； --> 1:7
  |
1 | {% if %}
  |       ^---
  |
  = expected a value that can be negated
 = 帮助：检查文档文件夹中 templates/html/ 下的自定义模板；删除该文件即使用内置模板

文档.yaml：html 输出失败
```

## 如何处理

按说明改正模板，模板须为 UTF-8 编码的文本；改不好时删除该文件，就会使用内置模板。见《HTML 输出》的“自定义模板”一节。"#,
};
