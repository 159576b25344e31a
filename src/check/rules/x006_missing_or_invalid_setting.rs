//! Code X006 `missing-or-invalid-setting`, reported by the spreadsheet importer (src/import/xlsx/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of X006 (`missing-or-invalid-setting`).
pub const RULE: Rule = Rule {
    code: "X006",
    name: "missing-or-invalid-setting",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "电子表格中必填的单元格为空，或设置无效",
    fixable: false,
    doc: r#"## 什么时候出现

导入电子表格时，必填的单元格为空（如三级指标、预算年度），设置的写法无效（预算年度不是四位数年份、金额单位不是“元”或“万元”、“规则”或“允许”一行的格式不对），或从整个工作簿中都确定不了金额单位、预算年度、预算单位；预算管理一体化系统的分列表格中，一个项目缺少预算数，或指标方向不是“正向”或“反向”。

## 为什么

缺少这些信息，文档无法建立；jixiao 不替作者猜测。

## 示例

```text
$ jixiao import 预算.xlsx --out 预算
错误[X006]: 1!C9：三级指标为空

导入失败：没有写入任何文件
```

## 如何处理

填写消息中指出的单元格；整份文档的设置（预算年度、金额单位、单位名称）写在“文档信息”工作表，预算年度也可以用 `--year` 指定。"#,
};
