//! Progress of a batch build: a bar redrawn in place on a terminal, plain lines elsewhere
//! (CI logs, pipes). Each document's messages print whole, as soon as it finishes.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// How progress is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressStyle {
    /// A bar redrawn in place.
    Bar,
    /// One line per finished document.
    Lines,
    /// A line only for documents rebuilt or failed (`watch`).
    Changes,
    /// Only diagnostics and failures.
    Quiet,
}

impl ProgressStyle {
    /// A bar on an interactive terminal, plain lines in CI (`CI=true`) or when piped.
    pub fn detect() -> Self {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
        if !ci && std::io::stderr().is_terminal() {
            ProgressStyle::Bar
        } else {
            ProgressStyle::Lines
        }
    }
}

/// Counts finished documents and prints their messages to stderr without interleaving.
pub struct Progress {
    style: ProgressStyle,
    total: usize,
    done: Mutex<usize>,
}

const BAR_WIDTH: usize = 30;

impl Progress {
    /// A progress report over `total` documents.
    pub fn new(style: ProgressStyle, total: usize) -> Self {
        Progress {
            style,
            total,
            done: Mutex::new(0),
        }
    }

    /// Reports one finished document: its messages (diagnostics, failures) and, in line
    /// style, a status line.
    pub fn finish_one(&self, id: &str, status: &str, messages: &str, changed: bool) {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        *done += 1;
        let mut err = std::io::stderr().lock();
        match self.style {
            ProgressStyle::Bar => {
                let _ = write!(err, "\r\x1b[2K{messages}");
                let filled = BAR_WIDTH * *done / self.total.max(1);
                let _ = write!(
                    err,
                    "[{}{}] {}/{} {id}",
                    "#".repeat(filled),
                    "-".repeat(BAR_WIDTH - filled),
                    *done,
                    self.total
                );
                if *done == self.total {
                    let _ = writeln!(err);
                }
            }
            ProgressStyle::Lines => {
                let _ = write!(err, "{messages}");
                let _ = writeln!(err, "[{}/{}] {id}：{status}", *done, self.total);
            }
            ProgressStyle::Changes => {
                let _ = write!(err, "{messages}");
                if changed {
                    let _ = writeln!(err, "{id}：{status}");
                }
            }
            ProgressStyle::Quiet => {
                let _ = write!(err, "{messages}");
            }
        }
        let _ = err.flush();
    }
}
