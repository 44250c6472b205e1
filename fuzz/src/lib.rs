//! What the fuzz targets share: running a script in an in-memory session under a step budget.

use ersim::host::cli::with_deep_stack;
use ersim::host::session::{Session, SessionOptions};
use ersim::lang::ast::Source;

/// Enough for every statement of a short script to run, few enough that a runaway loop ends
/// within milliseconds.
pub const STEP_BUDGET: u64 = 20_000;

/// Parses `text` on the stack size the binary gives the interpreter.
pub fn parse(text: &str) {
    with_deep_stack(|| {
        let _ = ersim::lang::parse_script(&Source::new(None, text.to_string()));
    });
}

/// Runs `text` as `-Command` would, on the binary's stack size, in a fresh in-memory world,
/// its output formatted and thrown away.
pub fn run_script(text: &str) {
    with_deep_stack(|| run_on_this_thread(text));
}

/// The start directory of fuzzed scripts: a scratch folder of this process, since a generated
/// `Remove-Item *` or `Set-Content` acts on the start directory as any script's would.
fn scratch_start() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ersim-fuzz-start-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn run_on_this_thread(text: &str) {
    let options = SessionOptions { interactive: false, in_memory: true, start_dir: Some(scratch_start()), ..Default::default() };
    let Ok(mut session) = Session::with_io(options, Box::new(std::io::sink()), Box::new(std::io::sink()), None) else {
        panic!("an in-memory session always opens");
    };
    session.interp.step_budget.set(Some(STEP_BUDGET));
    let src = Source::new(None, text.to_string());
    let _ = session.run_command_line(&src);
}
