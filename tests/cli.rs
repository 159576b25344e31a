//! The command line speaks Chinese: `jixiao --help`, every subcommand's `--help` and `-h`
//! and the usage errors show none of clap's English headings or notes.

use std::process::Command;

/// What clap writes in English unless told otherwise.
const ENGLISH: &[&str] = &[
    "Usage:",
    "Commands:",
    "Options:",
    "Arguments:",
    "Print help",
    "Print version",
    "[default:",
    "[possible values:",
    "Possible values:",
    "[aliases:",
    "[OPTIONS]",
    "<COMMAND>",
    "error:",
    "tip:",
    "For more information",
];

fn jixiao(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .expect("run jixiao");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn assert_chinese(args: &[&str], text: &str) {
    for word in ENGLISH {
        assert!(
            !text.contains(word),
            "`jixiao {}` prints the English `{word}`:\n{text}",
            args.join(" ")
        );
    }
}

/// The subcommands `jixiao --help` lists under 命令.
fn subcommands(help: &str) -> Vec<String> {
    help.split("命令：\n")
        .nth(1)
        .expect("a 命令 section")
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Checks `jixiao <path> --help` and `-h`, then every subcommand it lists, and returns how
/// many commands it checked. A subcommand added later (with subcommands of its own or not)
/// is checked without a change here.
fn check_help_tree(path: &[String]) -> usize {
    let mut checked = 1;
    let mut listed = None;
    for flag in ["--help", "-h"] {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push(flag);
        let (code, text) = jixiao(&args);
        let line = args.join(" ");
        assert_eq!(code, 0, "`jixiao {line}`:\n{text}");
        let usage = ["jixiao"]
            .into_iter()
            .chain(path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&format!("用法：{usage}"))
                && text.contains("选项：")
                && text.contains("显示帮助"),
            "`jixiao {line}`:\n{text}"
        );
        assert_chinese(&args, &text);
        if flag == "--help" && text.contains("命令：\n") {
            listed = Some(subcommands(&text));
        }
    }
    for command in listed.unwrap_or_default() {
        let mut sub = path.to_vec();
        sub.push(command);
        checked += check_help_tree(&sub);
    }
    checked
}

#[test]
fn help_has_no_english_heading() {
    let (code, help) = jixiao(&["--help"]);
    assert_eq!(code, 0, "{help}");
    assert!(help.contains("用法：jixiao <命令>"), "{help}");
    let commands = subcommands(&help);
    for expected in [
        "build", "check", "diff", "import", "init", "fmt", "explain", "lsp",
    ] {
        assert!(commands.iter().any(|c| c == expected), "{commands:?}");
    }
    let checked = check_help_tree(&[]);
    assert!(checked > commands.len(), "{checked} commands checked");
    // Defaults and possible values are still shown, in Chinese.
    let (_, check) = jixiao(&["check", "-h"]);
    assert!(
        check.contains("（可选：human、short、json、github、sarif、html）（默认：human）"),
        "{check}"
    );
    for flag in ["--version", "-V"] {
        let (code, version) = jixiao(&[flag]);
        assert_eq!(code, 0, "{version}");
        assert!(version.starts_with("jixiao "), "{version}");
        assert_chinese(&[flag], &version);
    }
    // No subcommand: the help on stderr, in Chinese, exit 2.
    let (code, text) = jixiao(&[]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("用法：jixiao <命令>"), "{text}");
    assert_chinese(&[], &text);
}

#[test]
fn usage_errors_are_chinese_with_a_hint() {
    for (args, expected) in [
        (&["--foo"][..], "未知的参数“--foo”"),
        (&["bild"][..], "有相近的子命令“build”"),
        (&["check", "--format", "xml"][..], "可选：human、short"),
        (&["build"][..], "缺少必需的参数：<PATH>"),
        (&["build", "x", "--jobs", "abc"][..], "应为非负整数"),
        (&["check", "--formt", "json"][..], "有相近的参数“--format”"),
        (
            &["diff", "a", "b", "--format", "xml"][..],
            "可选：human、json",
        ),
        (&["import"][..], "缺少必需的参数：--out <OUT>、<FILE>"),
        (
            &["import", "x.docx", "--out", "y", "--year", "二〇二五"][..],
            "无效",
        ),
    ] {
        let (code, text) = jixiao(args);
        assert_eq!(code, 2, "{text}");
        assert!(
            text.starts_with("错误：") && text.contains(expected),
            "`jixiao {}`:\n{text}",
            args.join(" ")
        );
        assert_chinese(args, &text);
    }
}

/// What libraries say in English reaches the user in Chinese, with a help line that fits
/// the cause: a YAML bomb, a number YAML reads as infinite, a binary file given to import,
/// an output folder that cannot be made.
#[test]
fn library_errors_are_translated_at_the_boundary() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = if i == 1 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("b{i}: &b{i} [{refs}]\n"));
    }
    let cases = [
        (
            "bomb.yaml",
            bomb.into_bytes(),
            "budget breached",
            "上限",
            "YAML 炸弹",
        ),
        (
            "inf.yaml",
            "year: 1e400\namount_unit: 元\n".as_bytes().to_vec(),
            "non-finite",
            "无穷大",
            "请加引号",
        ),
    ];
    for (name, bytes, english, message, help) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, text) = jixiao(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{text}");
        assert!(
            !text.contains(english) && text.contains(message) && text.contains(help),
            "{name}:\n{text}"
        );
    }
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, (0..=255u8).cycle().take(4096).collect::<Vec<u8>>()).unwrap();
    let (code, text) = jixiao(&[
        "import",
        binary.to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_ne!(code, 0, "{text}");
    assert!(
        !text.contains("stream did not contain") && text.contains("无法识别文件格式"),
        "{text}"
    );
    // An output below a file: the system's "Not a directory (os error 20)" in Chinese.
    let blocker = dir.join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tianjin-gongxin-2025");
    let (code, text) = jixiao(&[
        "build",
        example,
        "--format",
        "text",
        "--out",
        blocker.join("out").to_str().unwrap(),
    ]);
    assert_ne!(code, 0, "{text}");
    assert!(
        !text.contains("os error")
            && !text.contains("Not a directory")
            && text.contains("不是文件夹"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
