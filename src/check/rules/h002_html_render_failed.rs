//! Code H002 `html-render-failed`, reported by the HTML backend (src/render/html): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of H002 (`html-render-failed`).
pub const RULE: Rule = Rule {
    code: "H002",
    name: "html-render-failed",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "HTML 模板渲染失败",
    fixable: false,
    doc: r#"## 什么时候出现

模板语法正确，但渲染页面时失败：最常见的是自定义模板引用了不存在的变量或字段、对变量用了不适用的过滤器。消息为“HTML 模板渲染失败：…”（附 Tera 的原话），少数情况下是“无法生成 HTML 模板数据：…”或“HTML 模板 … 渲染时出现内部错误”。

## 为什么

渲染失败的页面会缺内容；jixiao 不写出半成品，而是报告出错的模板。

## 示例

```text
$ jixiao build 文档.yaml --format html
错误[H002]: HTML 模板渲染失败：Failed to render 'document.html'；Variable `projct.name` not found in context while rendering 'project.html'
 = 帮助：检查文档文件夹中 templates/html/ 下的自定义模板；删除该文件即使用内置模板

文档.yaml：html 输出失败
```

## 如何处理

对照《HTML 输出》的“模板数据”一节核对变量名；改不好时删除自定义模板，使用内置版本。只用内置模板时仍出现这条错误，是 jixiao 的缺陷，请报告。"#,
};
