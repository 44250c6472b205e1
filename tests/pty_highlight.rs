//! The highlighter on a real terminal: a command after `$x =` is coloured as a command.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::spawn_coloured;

#[test]
fn a_command_after_an_assignment_is_coloured_as_a_command() {
    let home = TempDir::new("pty-highlight");
    let mut p = spawn_coloured(&home.0);
    p.exp_string("admin> ").unwrap();
    p.send("$x = Get-Date").unwrap();
    p.flush().unwrap();
    // PSReadLine's command colour (bright yellow) around the command name.
    p.exp_string("\x1b[93mGet-Date\x1b[0m").unwrap();
    p.send_control('c').unwrap();
}
