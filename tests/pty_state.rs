//! The prompt with a state file that does not load: the store's error is shown once and
//! the prompt starts, so the state can be replaced.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{spawn, PROMPT};

#[test]
fn the_prompt_starts_with_a_corrupt_state_shown() {
    let dir = TempDir::new("pty-corrupt");
    let state = common::write(&dir.0, "state.json", "{ not a state");
    let mut p = spawn(&["-NoLogo", "-StateFile", state.to_str().unwrap()], &dir.0);
    p.exp_string(&format!("The state file {} cannot be used", state.display())).unwrap();
    // Without a readable world the prompt cannot name the subscription.
    p.exp_string("PS C:\\Users\\admin> ").unwrap();
    p.send_line("Reset-ErSimState -Force").unwrap();
    p.exp_string(PROMPT).unwrap();
}
