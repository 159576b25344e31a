//! Code I304 `conversion-failed`, reported by the importer (src/import/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I304 (`conversion-failed`).
pub const RULE: Rule = Rule {
    code: "I304",
    name: "conversion-failed",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "LibreOffice 无法转换旧格式文件",
    fixable: false,
    doc: r#"## 什么时候出现

LibreOffice 已安装，但转换 .doc/.wps/.et 等文件失败：没有生成转换结果、进程出错，或超过 180 秒仍未完成。常见原因是文件损坏，或文件设有打开密码（无人值守的转换无法输入密码）。

## 为什么

没有转换结果就无法读取表格；jixiao 不会用不完整的结果继续导入。

## 示例

```text
$ jixiao import 损坏.doc --out doc
错误[I304]: LibreOffice 无法转换 损坏.doc：没有生成转换结果
  = 帮助：文件可能已损坏或设有打开密码；用 Word / WPS 打开，确认能打开后“另存为 Word 文档（*.docx）”再导入
导入失败：没有写入任何文件
```

## 如何处理

用 Word / WPS 打开文件：能打开就另存为 .docx 再导入；需要密码就先去掉密码（见 I305）。见《导入去年的文档》。"#,
};
