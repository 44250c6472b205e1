//! The REPL in a tmux window, for what only a screen shows: what stays on it after the
//! editor redraws (a resize re-wraps the line; a completion list is printed under it).
//! capture-pane reads the screen and its scroll-back as a person would see them.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use super::TIMEOUT_MS;

/// A tmux server of its own (its socket named for this process and test), with one window
/// running ersim; the server is ended when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// ersim at its first prompt in a window `columns` × `rows`, with colours on (the
    /// history hint is drawn only then), no configuration of the user's, no state from
    /// outside.
    pub fn start(name: &str, data_home: &Path, columns: u16, rows: u16) -> Tmux {
        let tmux = Tmux { socket: format!("ersim-{name}-{}", std::process::id()) };
        let command = format!(
            "env -u NO_COLOR -u ERSIM_STATE -u ERSIM_SEED TERM=xterm XDG_DATA_HOME='{}' '{}' -NoLogo -InMemory",
            data_home.display(),
            env!("CARGO_BIN_EXE_ersim")
        );
        let (x, y) = (columns.to_string(), rows.to_string());
        tmux.run(&["-f", "/dev/null", "new-session", "-d", "-x", &x, "-y", &y, &command]);
        tmux.wait_for("the first prompt", |lines| lines.last().is_some_and(|l| l.starts_with("PS [")));
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs (it is on the machine)");
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    }

    /// Types `text` as it is (no key names).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    /// Presses the keys tmux names (`Tab`, `Enter`, `C-c`).
    pub fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Makes the window `columns` wide, and waits until the pane is.
    pub fn resize(&self, columns: u16, rows: u16) {
        let (x, y) = (columns.to_string(), rows.to_string());
        self.run(&["resize-window", "-x", &x, "-y", &y]);
        let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
        while self.display("#{pane_width}") != x {
            assert!(Instant::now() < deadline, "the pane never became {x} wide");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", format]).stdout).trim().to_string()
    }

    /// The screen and its scroll-back, a wrapped line joined into one, without the blank
    /// lines under the last and the spaces that end each.
    pub fn lines(&self) -> Vec<String> {
        let out = self.run(&["capture-pane", "-p", "-J", "-S", "-"]);
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
    }

    /// Waits (bounded) until the lines satisfy `done`, and returns them.
    pub fn wait_for(&self, what: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
        loop {
            let lines = self.lines();
            if done(&lines) {
                return lines;
            }
            assert!(Instant::now() < deadline, "never saw {what}; the screen: {lines:#?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}
