//! Chinese help and usage errors. clap writes its own headings and errors in English
//! (`Usage:`, `Commands:`, `Options:`, `Print help`, `[default: …]`, `Possible values:`,
//! `error: unexpected argument …`); [`localize`] replaces every one of them on the whole
//! command tree, and [`usage_error`] words a parse error in Chinese.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The help layout of a command: its sections under Chinese headings, each only when the
/// command has something to list in it (clap's own `{all-args}` prints English ones).
fn template(cmd: &Command) -> String {
    let mut t = String::from("{about-with-newline}\n用法：{usage}\n");
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        t.push_str("\n命令：\n{subcommands}\n");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str("\n参数：\n{positionals}\n");
    }
    t.push_str("\n选项：\n{options}{after-help}");
    t
}

/// The command tree with Chinese headings, help and version flags, usage lines and
/// default/possible-value notes.
pub fn localize(cmd: Command) -> Command {
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("显示版本"),
    );
    let name = cmd.get_name().to_string();
    localize_one(cmd, &name)
}

fn localize_one(cmd: Command, bin_name: &str) -> Command {
    let cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        )
        .mut_args(localize_arg);
    let template = template(&cmd);
    let usage = translate_usage(&cmd.clone().bin_name(bin_name).render_usage().to_string());
    cmd.help_template(template)
        .override_usage(usage)
        .mut_subcommands(|s| {
            let name = format!("{bin_name} {}", s.get_name());
            localize_one(s, &name)
        })
}

/// clap's usage line without its `Usage:` title and with its placeholders in Chinese.
fn translate_usage(usage: &str) -> String {
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
    usage
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>")
        .replace("[COMMAND]", "[命令]")
}

/// One argument with its default and possible values written into its help text in
/// Chinese instead of clap's English notes (`[default: …]`, `Possible values:`).
fn localize_arg(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() || arg.is_hide_set() {
        return arg;
    }
    let mut arg = arg;
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let mut short = help.clone();
    let mut long = None;
    let values: Vec<(String, Option<String>)> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            (
                v.get_name().to_string(),
                v.get_help().map(|h| h.to_string()),
            )
        })
        .collect();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        short.push_str(&format!("（可选：{}）", names.join("、")));
        // Values with their own help are listed one a line in `--help`, as clap does.
        if values.iter().any(|(_, h)| h.is_some()) {
            let mut text = format!("{help}\n\n可选值：");
            for (name, help) in &values {
                text.push_str(&format!("\n- {name}：{}", help.as_deref().unwrap_or("")));
            }
            long = Some(text);
        }
        arg = arg.hide_possible_values(true);
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        // A help text that already says what the default means keeps its own words.
        if !help.contains("默认") {
            let note = format!("（默认：{}）", defaults.join("，"));
            short.push_str(&note);
            if let Some(text) = &mut long {
                text.push_str(&format!("\n\n默认：{}", defaults.join("，")));
            }
        }
        arg = arg.hide_default_value(true);
    }
    let arg = arg.help(short);
    match long {
        Some(text) => arg.long_help(text),
        None => arg,
    }
}

/// A usage error in Chinese: what is wrong, a hint when clap has one, the usage line and
/// where to find help.
pub fn usage_error(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(list)) => Some(
            list.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::UnknownArgument => format!("未知的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => format!(
            "未知的子命令“{}”",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => format!("参数“{arg}”需要一个值"),
        ErrorKind::InvalidValue => format!("参数“{arg}”的值“{value}”无效"),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(reason_zh)
                .unwrap_or_default();
            if reason.is_empty() {
                format!("参数“{arg}”的值“{value}”无效")
            } else {
                format!("参数“{arg}”的值“{value}”无效：{reason}")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if prior != arg => format!("参数“{arg}”不能与“{prior}”同时使用"),
            _ => format!("参数“{arg}”只能写一次"),
        },
        ErrorKind::TooManyValues => format!("参数“{arg}”多出了值“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数“{arg}”的值的个数不对")
        }
        ErrorKind::NoEquals => format!("参数“{arg}”须用等号赋值，如 {arg}=值"),
        ErrorKind::InvalidUtf8 => "命令行参数不是有效的 UTF-8 文本".to_string(),
        _ => "命令行有误".to_string(),
    };
    if let Some(valid) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        message.push_str(&format!("\n  可选：{valid}"));
    }
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "子命令"),
        (ContextKind::SuggestedArg, "参数"),
        (ContextKind::SuggestedValue, "值"),
    ] {
        if let Some(s) = text(kind).filter(|s| !s.is_empty()) {
            message.push_str(&format!("\n  提示：有相近的{what}“{s}”"));
        }
    }
    if let Some(usage) = text(ContextKind::Usage) {
        message.push_str(&format!("\n\n用法：{}", translate_usage(&usage)));
    }
    message.push_str("\n\n用 --help 查看帮助。");
    format!("错误：{message}\n")
}

/// The reason a value parser gave, in Chinese: our own parsers already write Chinese;
/// the standard library's number parsers are translated.
fn reason_zh(source: &(dyn std::error::Error + 'static)) -> String {
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        return match e.kind() {
            std::num::IntErrorKind::Empty => "不能为空".into(),
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                "数值过大".into()
            }
            _ => "应为非负整数".into(),
        };
    }
    source.to_string()
}
