//! Code I307 `docx-properties`, reported by the Word importer (src/import/docx/): its
//! registry entry and user documentation. Not a `check` rule: `rules:` and `allow:` cannot
//! name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I307 (`docx-properties`).
pub const RULE: Rule = Rule {
    code: "I307",
    name: "docx-properties",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "Word 文档中 jixiao 写入的文档属性（年度、单位、规则、允许等）无效",
    fixable: false,
    doc: r#"## 什么时候出现

`jixiao build --format docx` 把表格中看不到的设置写进 Word 文件的自定义文档属性：预算年度、金额单位、单位编码、单位名称、指标体系、文档标题、发布日期，以及 `规则`（JSON，如 `{"C302":"off"}`）和 `允许`（JSON，如 `[{"表":5,"行":3,"代码":"C313","理由":"…"}]`，`行` 是该表的第几个指标行，省略时指整个项目）。导入时 jixiao 读回这些属性，使导入的文档与原文档完全相同。

消息中的行号指 jixiao 列出的单元格与属性清单（每格、每个属性一行，`文档属性“规则”：…`）。属性被手工改坏时报告此错误：JSON 写错（少了引号、括号），规则级别不是 error、warning、info、off，`允许` 中的表号或行号超出文档的表格和指标行，缺少 `代码` 或 `理由`，预算年度不是四位数年份，金额单位不是“元”或“万元”，或与表格单位行写的不同。

## 为什么

这些属性记录的是审核人员的决定（关闭了哪些规则、为什么允许某条发现）。悄悄丢掉一个写坏的属性，就会丢掉这些决定，导入后检查结果与原文档不同却没人知道；所以 jixiao 指出哪个属性、哪一处有问题，什么都不写。

## 示例

```text
$ jixiao import 目标表.docx --out doc
错误[I307]: Word 文档属性“规则”不是有效的 JSON：第 1 行第 9 列附近有语法错误
    ┌─ 目标表.docx:936:18
    │
936 │ 文档属性“规则”：{"C302":off}
    │                         ^ 此处
    │
    = 帮助：应为 JSON，如 {"C302":"off"}（规则代码 → error、warning、info 或 off）；在自定义属性中改正或删除该属性后重新导入（……）

导入失败：没有写入任何文件
```

## 如何处理

在 Word 中打开“文件 → 信息 → 属性 → 高级属性 → 自定义”（WPS：“文件 → 文档属性 → 自定义”），按消息改正该属性；或删除该属性后重新导入——删除 `规则` 或 `允许` 后，导入的文档不带这些设置，需要时在 `jixiao.yaml` 的 `rules:` 或项目文件的 `allow:` 中重新写上。见《Word 输出》与《导入去年的文档》。"#,
};
