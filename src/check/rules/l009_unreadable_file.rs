//! Rule L009 `unreadable-file`: its registry entry and user documentation.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of L009 (`unreadable-file`).
pub const RULE: Rule = Rule {
    code: "L009",
    name: "unreadable-file",
    severity: Severity::Error,
    pass: Pass::Loading,
    summary: "无法读取文件",
    fixable: false,
    doc: r#"## 检查什么

文件不存在、没有读取权限、不是 UTF-8 文本，或文档文件夹中缺少 `jixiao.yaml`。

## 为什么重要

读不到的文件里的项目会从公开文档中消失。

## 示例

```yaml
$ jixiao check 2025/   # 文件夹里没有 jixiao.yaml
```

应写作：

```yaml
2025/jixiao.yaml  +  2025/消费券.yaml
```

## 如何修改

检查路径；把文件另存为 UTF-8；文件夹形式的文档需要 `jixiao.yaml`。"#,
};
