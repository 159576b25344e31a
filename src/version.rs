//! Which jixiao this is: the version, the commit it was built from and that commit's date
//! (set by `build.rs`). `jixiao --version` prints it and every PDF and HTML names it, so an
//! office can say exactly which jixiao produced a published document.

/// The version line's literal, shared by the constants below (`concat!` takes literals only).
macro_rules! version_literal {
    () => {
        concat!(
            env!("CARGO_PKG_VERSION"),
            " (",
            env!("JIXIAO_COMMIT"),
            " ",
            env!("JIXIAO_COMMIT_DATE"),
            ")"
        )
    };
}

/// `0.1.0 (3f2a9c1d4e5b 2026-12-02)`: what `jixiao --version` prints after the name.
pub const VERSION: &str = version_literal!();

/// `jixiao 0.1.0 (3f2a9c1d4e5b 2026-12-02)`: the producer named in outputs (the PDF's
/// Creator, the HTML generator meta).
pub const GENERATOR: &str = concat!("jixiao ", version_literal!());

/// `--version`'s long form: also what is embedded, and from when.
pub const LONG_VERSION: &str = concat!(
    version_literal!(),
    "\n内嵌的模板、指标框架与字体（思源宋体 Noto Serif CJK SC 子集）来自提交 ",
    env!("JIXIAO_COMMIT"),
    "（",
    env!("JIXIAO_COMMIT_DATE"),
    "）\n排版引擎：typst 0.15.1"
);
