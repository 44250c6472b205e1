//! Driving the real binary through a pseudo-terminal (rexpect), for what only a terminal
//! shows: prompts read in raw mode, Ctrl-C as a key, the line editor.
//!
//! Every wait is for expected text with a bounded timeout, never a sleep: a slow machine
//! makes a test slower, not flaky.
#![allow(dead_code)] // each test file uses its own subset

pub mod tmux;

use std::process::Command;

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};

/// Long enough for a loaded CI machine; only reached when the expected text never comes.
pub const TIMEOUT_MS: u64 = 30_000;

/// The prompt of the default world, whose selected subscription is Contoso Production.
pub const PROMPT: &str = "PS [Contoso Production] C:\\Users\\admin> ";

/// The terminal's size for [`spawn`]: wide enough that no typed line wraps (a wrapped
/// line makes the editor redraw the prompt, which a wait for the prompt would take for
/// the next one).
pub const COLUMNS: u16 = 200;

/// The binary on a terminal with `args`: no colour, no state or history from outside.
pub fn spawn(args: &[&str], data_home: &std::path::Path) -> PtySession {
    spawn_sized(args, data_home, COLUMNS)
}

/// The REPL with colours on (no NO_COLOR) and the escape codes kept, to see the highlighting.
pub fn spawn_coloured(data_home: &std::path::Path) -> PtySession {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("stty cols {COLUMNS} rows 50 && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ersim"))
        .args(["-NoLogo", "-InMemory"])
        .env_remove("ERSIM_STATE")
        .env_remove("ERSIM_SEED")
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .env("XDG_DATA_HOME", data_home);
    spawn_with_options(c, Options::new().timeout_ms(Some(TIMEOUT_MS))).expect("start ersim on a pseudo-terminal")
}

/// As [`spawn`], on a terminal `columns` wide. `stty` sets the size before ersim starts,
/// so ersim never sees another.
pub fn spawn_sized(args: &[&str], data_home: &std::path::Path, columns: u16) -> PtySession {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("stty cols {columns} rows 50 && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ersim"))
        .args(args)
        .env_remove("ERSIM_STATE")
        .env_remove("ERSIM_SEED")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("XDG_DATA_HOME", data_home);
    spawn_with_options(c, Options::new().timeout_ms(Some(TIMEOUT_MS)).strip_ansi_escape_codes(true)).expect("start ersim on a pseudo-terminal")
}

/// The REPL on a throw-away world, waiting at its first prompt.
pub fn repl(data_home: &std::path::Path) -> PtySession {
    let mut p = spawn(&["-NoLogo", "-InMemory"], data_home);
    p.exp_string(PROMPT).expect("the first prompt");
    p
}

/// Runs `line` at the prompt and returns what it printed up to the next prompt.
pub fn run(p: &mut PtySession, line: &str) -> String {
    p.send_line(line).expect("type a line");
    p.exp_string(PROMPT).unwrap_or_else(|e| panic!("no prompt after {line:?}: {e}"))
}

/// Resizes the session's terminal as a window resize does: the kernel signals SIGWINCH to
/// the program in it.
pub fn resize(p: &PtySession, columns: u16, rows: u16) {
    use std::os::fd::AsRawFd;
    let master = p.process().get_file_handle().expect("the terminal's master side");
    let size = libc::winsize { ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCSWINSZ reads one winsize from the pointer, which outlives the call.
    let rc = unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    assert_eq!(rc, 0, "resize the terminal");
}
