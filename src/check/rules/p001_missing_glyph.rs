//! Code P001 `missing-glyph`, reported by the PDF backend (src/render/pdf): its registry entry and user
//! documentation. Not a `check` rule: `rules:` and `allow:` cannot name it.

use super::{Pass, Rule};
use crate::diag::Severity;

/// The registry entry of P001 (`missing-glyph`).
pub const RULE: Rule = Rule {
    code: "P001",
    name: "missing-glyph",
    severity: Severity::Error,
    pass: Pass::Output,
    summary: "文档中的字符在所有可用字体中都没有字形",
    fixable: false,
    doc: r#"## 什么时候出现

生成 PDF（`jixiao build --format pdf`）之前，jixiao 检查文档中每一个要印出来的字符是否有字形。自带字体只含常用范围（CJK 统一汉字 U+4E00–9FFF、中文标点、全角字符、拉丁字母、常用符号）；某个字符在自带字体、`--font-path` 指定的字体和系统字体中都没有时，每个字符报告一次，指向它首次出现的位置，并说明它在文档中共出现几次。

## 为什么

没有字形的字符在 PDF 中会显示为空框，读者看不出原文是什么；公开文件里的空框就是一处差错，而排版程序本身不会提醒。

## 示例

```text
错误[P001]: 字符“𠀀”（U+20000）在可用字体中没有字形，PDF 中会显示为空框
   ┌─ 唐山市商务局2024.yaml:57:14
   │
57 │     - level3: 𠀀类设备
   │               ^^^^^^^^ “𠀀”首次出现在这里
   │
   = 帮助：改用常用写法，或用 --font-path 指定含有该字符的字体目录（也可安装到系统字体中）
```

## 如何处理

改用常用写法（例如把异体字换成规范字）。确实需要该字符时，把含有它的字体放进一个目录，用 `--font-path 目录` 传给 jixiao（可以写多次），或把字体安装到系统中；见《PDF 输出》的“字体”一节。"#,
};
