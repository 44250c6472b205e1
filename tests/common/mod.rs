//! Helpers shared by the robustness tests: running the binary, in-process sessions, temp dirs.
#![allow(dead_code)] // each test file uses its own subset

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;

use ersim::engine::run::Outcome;
use ersim::host::console::Echo;
use ersim::host::session::{Session, SessionOptions};
use ersim::lang::ast::Source;

/// A fresh directory under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        TempDir::under(&std::env::temp_dir(), name)
    }

    /// Under /dev/shm when the machine has it, else the temp dir.
    pub fn in_memory_fs(name: &str) -> TempDir {
        let shm = PathBuf::from("/dev/shm");
        TempDir::under(&if shm.is_dir() { shm } else { std::env::temp_dir() }, name)
    }

    fn under(base: &Path, name: &str) -> TempDir {
        let dir = base.join(format!("ersim-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The binary with a clean environment: no state file from outside, no colour.
pub fn ersim() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ersim"));
    c.env_remove("ERSIM_STATE").env_remove("ERSIM_SEED").env("NO_COLOR", "1");
    c
}

/// Waits for `child` to exit; kills it and fails, naming `what` it was waiting after, when it
/// still runs after `limit` (a bound for a hang, not a measure of speed).
pub fn wait_within(mut child: std::process::Child, limit: std::time::Duration, what: &str) -> std::process::ExitStatus {
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("ersim still running {limit:?} after {what}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// `ersim -NonInteractive -InMemory -Command text`.
pub fn run_command(text: &str) -> Output {
    ersim().args(["-NonInteractive", "-InMemory", "-Command", text]).output().expect("the ersim binary runs")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A writer whose bytes the test can read afterwards.
#[derive(Clone, Default)]
pub struct Buffer(Rc<RefCell<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Buffer {
    pub fn text(&self) -> String {
        text(&self.0.borrow())
    }

    /// The text so far, leaving the buffer empty.
    pub fn take(&self) -> String {
        text(&std::mem::take(&mut *self.0.borrow_mut()))
    }
}

/// An in-memory session whose output and errors the test reads.
/// An in-memory session whose start directory is `start` (so that what it writes with
/// relative paths lands there, not in the repository).
pub fn session_in(start: &Path) -> (Session, Buffer, Buffer) {
    let (out, err) = (Buffer::default(), Buffer::default());
    let options = SessionOptions { interactive: false, in_memory: true, start_dir: Some(start.to_path_buf()), ..Default::default() };
    let s = Session::with_io(options, Box::new(out.clone()), Box::new(err.clone()), None).unwrap_or_else(|_| panic!("a session opens"));
    (s, out, err)
}

pub fn session() -> (Session, Buffer, Buffer) {
    let (out, err) = (Buffer::default(), Buffer::default());
    let options = SessionOptions { interactive: false, in_memory: true, ..Default::default() };
    let s = Session::with_io(options, Box::new(out.clone()), Box::new(err.clone()), None).unwrap_or_else(|_| panic!("a session opens"));
    (s, out, err)
}

/// An interactive in-memory session whose prompts take `answers` in turn (then input
/// ends), shown as a terminal shows them: the prompt, the answer typed, a new line.
pub fn answered_session(answers: &[&str]) -> (Session, Buffer, Buffer) {
    let (out, err) = (Buffer::default(), Buffer::default());
    let queue: Rc<RefCell<VecDeque<String>>> = Rc::new(RefCell::new(answers.iter().map(|s| s.to_string()).collect()));
    let screen = out.clone();
    let reader = Box::new(move |prompt: &str, echo: Echo| {
        let answer = queue.borrow_mut().pop_front();
        // The screen shows what a console shows: a secret as one `*` per character.
        let shown = match (&answer, echo) {
            (Some(a), Echo::Masked) => "*".repeat(a.chars().count()),
            (a, _) => a.clone().unwrap_or_default(),
        };
        let _ = writeln!(screen.clone(), "{prompt}{shown}");
        answer
    });
    let options = SessionOptions { interactive: true, in_memory: true, ..Default::default() };
    let s = Session::with_io(options, Box::new(out.clone()), Box::new(err.clone()), Some(reader)).unwrap_or_else(|_| panic!("a session opens"));
    (s, out, err)
}

/// Runs `text` in `session` as `-Command` does.
pub fn run_in(session: &mut Session, text: &str) -> Outcome {
    session.run_command_line(&Source::new(None, text.to_string()))
}

pub fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write a test file");
    p
}
