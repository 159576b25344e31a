//! Code I305 `encrypted-file`, reported by the importer (src/import/): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of I305 (`encrypted-file`).
pub const RULE: Rule = Rule {
    code: "I305",
    name: "encrypted-file",
    severity: Severity::Error,
    pass: Pass::Import,
    summary: "文件设有打开密码，无法导入",
    fixable: false,
    doc: r#"## 什么时候出现

导入的文件受密码保护：加密的 .docx/.xlsx（外壳是 OLE2 复合文件，其中有 `EncryptedPackage`），设置了加密标志的 .doc，或受密码保护的 .xls。

## 为什么

没有密码就读不出内容；jixiao 不会尝试破解密码。

## 示例

```text
$ jixiao import 加密.docx --out doc
错误[I305]: 加密.docx 设有打开密码，无法导入
  = 帮助：用 Word / WPS / Excel 输入密码打开后，在“文件 → 信息 → 保护文档”中删除密码并保存（或另存为一份没有密码的副本），再导入
导入失败：没有写入任何文件
```

## 如何处理

用 Office 输入密码打开文件，删除密码后保存一份副本，导入副本。见《导入去年的文档》。"#,
};
