//! Rule S208 `category-alias`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of S208 (`category-alias`).
pub const RULE: Rule = Rule {
    code: "S208",
    name: "category-alias",
    severity: Severity::Warning,
    pass: Pass::Structure,
    summary: "指标名称是指标体系中某一名称的另一种写法",
    fixable: true,
    doc: r#"## 检查什么

一级或二级指标的名称不是指标体系中的标准名称，而是它的另一种写法：
指标体系文件中 `aliases` 列出的别名（`社会公众或服务对象满意度指标`、
`数量指标(或建筑规模指标)`），不带“指标”后缀的名称（`社会效益`、`服务对象满意度`），
或带括号注记、分值的名称（`数量指标（必填）`、`产出指标(40-50)分`）。
这一行仍按标准名称的类别校验。

## 为什么重要

各省的模板写法不同，这些写法本身不算错，但同一文档、同一辖区内名称统一，
汇总、比对和检索时才不会把同一类指标当成两类；分值和“必填”是模板的提示，
不是指标名称的一部分。

## 示例

```yaml
      - level1: 产出指标(40-50)分
        groups:
          - level2: 社会公众或服务对象满意度指标
```

应写作：

```yaml
      - level1: 产出指标
        groups:
          - level2: 服务对象满意度指标
```

## 如何修改

改为帮助行中的标准名称（`jixiao check --fix` 会自动改写）。
若辖区确实以别名为准，可写自定义指标体系（见《校验》一章），
或在 `rules:` 中把 S208 设为 `off`。"#,
};
