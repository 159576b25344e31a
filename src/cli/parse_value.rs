//! `jixiao parse-value`: shows how each 指标值 is read, one JSON object per line.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use crate::value;

#[derive(clap::Args)]
pub struct ParseValueArgs {
    /// 要解析的指标值；不给出时从标准输入逐行读取
    values: Vec<String>,

    /// 格式化输出（每个对象占多行）
    #[arg(long)]
    pretty: bool,
}

/// One value as a JSON line (or a pretty-printed object).
fn to_json(input: &str, pretty: bool) -> String {
    let parsed = value::parse(input);
    let json = if pretty {
        serde_json::to_string_pretty(&parsed)
    } else {
        serde_json::to_string(&parsed)
    };
    // Serializing plain data into a string cannot fail; keep a valid line regardless.
    json.unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

pub fn run(args: ParseValueArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut emit = |input: &str| writeln!(out, "{}", to_json(input, args.pretty));
    if args.values.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    return super::fail(format!(
                        "读取标准输入失败：{}",
                        crate::diag::io_reason(&e)
                    ));
                }
            };
            let line = line.strip_suffix('\r').unwrap_or(&line);
            if let Err(e) = emit(line) {
                return super::fail(format!("写出结果失败：{}", crate::diag::io_reason(&e)));
            }
        }
    } else {
        for v in &args.values {
            if let Err(e) = emit(v) {
                return super::fail(format!("写出结果失败：{}", crate::diag::io_reason(&e)));
            }
        }
    }
    if let Err(e) = out.flush() {
        return super::fail(format!("写出结果失败：{}", crate::diag::io_reason(&e)));
    }
    ExitCode::SUCCESS
}
