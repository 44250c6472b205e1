//! The REPL on a terminal with colours on and the escape codes kept: the highlighter colours a
//! command after `$x =`, the history hint goes with a cancelled line, and Clear-Host clears.

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

/// The dim history hint after the typed text goes when Ctrl-C cancels the line: the line
/// is drawn once more without it, and the keys typed after Ctrl-C reach the next prompt.
#[test]
fn the_hint_disappears_when_the_line_is_cancelled() {
    let home = TempDir::new("pty-hint-cancel");
    let mut p = spawn_coloured(&home.0);
    p.exp_string("admin> ").unwrap();
    p.send_line("'hello' + 'world'").unwrap();
    p.exp_string("helloworld").unwrap();
    p.exp_string("admin> ").unwrap();
    p.send("'hel").unwrap();
    p.flush().unwrap();
    // The rest of the earlier line, dim.
    p.exp_string("\x1b[2mlo' + 'world'\x1b[0m").unwrap();
    // Ctrl-C and the next line in one write, as a quick typist sends them.
    p.send("\x03'next' + 'line'\r").unwrap();
    p.flush().unwrap();
    let (shown, _) = p.exp_regex("nextline\r\n").unwrap();
    // The editor's last drawing of the cancelled line, before it leaves the line.
    let ended = shown.find("\x1b[?2004l").expect("the cancelled line ends");
    let last_drawn = shown[..ended].rsplit("\x1b[K").next().unwrap_or_default();
    assert!(last_drawn.starts_with("PS [Contoso Production] C:\\Users\\admin> \x1b[36m'hel\x1b[0m"), "{last_drawn:?}");
    assert!(!last_drawn.contains("\x1b[2m"), "the cancelled line is drawn again without its hint: {last_drawn:?}");
}

/// `cls`, `clear` and `Clear-Host` empty the window and its scroll-back at a terminal.
#[test]
fn cls_clear_and_clear_host_empty_the_window() {
    let home = TempDir::new("pty-clear");
    let mut p = spawn_coloured(&home.0);
    p.exp_string("admin> ").unwrap();
    for command in ["cls", "clear", "Clear-Host"] {
        p.send_line(command).unwrap();
        // Cursor home, clear the window, clear the scroll-back.
        p.exp_string("\x1b[H\x1b[2J\x1b[3J").unwrap_or_else(|e| panic!("{command}: {e}"));
        p.exp_string("admin> ").unwrap();
    }
}
