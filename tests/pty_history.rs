//! History is appended as each line is accepted and shared between sessions: closing the
//! terminal loses nothing, and two sessions never overwrite each other.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, run};

/// The console pads table lines to its width, as 5.1's does.
fn trimmed(s: String) -> String {
    s.split("\r\n").map(str::trim_end).collect::<Vec<_>>().join("\r\n")
}

fn history(home: &std::path::Path) -> String {
    std::fs::read_to_string(home.join("ersim/history.txt")).unwrap_or_default()
}

#[test]
fn every_accepted_line_is_kept_at_once_by_concurrent_sessions() {
    let home = TempDir::new("pty-history");
    let mut a = repl(&home.0);
    let mut b = repl(&home.0);
    run(&mut a, "'from' + ' A'");
    assert!(history(&home.0).contains("'from' + ' A'"), "kept before the session ends: {:?}", history(&home.0));
    run(&mut b, "'from' + ' B'");
    run(&mut a, "'again' + ' A'");
    let kept = history(&home.0);
    for line in ["'from' + ' A'", "'from' + ' B'", "'again' + ' A'"] {
        assert!(kept.contains(line), "{line} lost: {kept:?}");
    }
    // Closing the terminals (the sessions are killed, not left with exit) loses nothing.
    drop(a);
    drop(b);
    assert_eq!(history(&home.0), kept);
}

/// The session's own history (Get-History, r, Clear-History) lists the lines typed at this
/// prompt with 5.1's Id/CommandLine table; `r` shows the line it runs again and the history
/// keeps that line, not the `r`.
#[test]
fn get_history_lists_this_sessions_lines_and_r_runs_one_again() {
    let home = TempDir::new("pty-session-history");
    let mut p = repl(&home.0);
    run(&mut p, "'a' + 'b'");
    run(&mut p, "Get-Date | Out-Null");
    let listed = trimmed(run(&mut p, "Get-History"));
    assert!(listed.contains("  Id CommandLine\r\n  -- -----------\r\n   1 'a' + 'b'\r\n   2 Get-Date | Out-Null\r\n"), "{listed:?}");
    let again = run(&mut p, "r 1");
    assert!(again.contains("'a' + 'b'\r\nab\r\n"), "the line is shown, then its output: {again:?}");
    let after = run(&mut p, "(Get-History)[-1].CommandLine; (Get-History).Count");
    assert!(after.contains("'a' + 'b'\r\n4\r\n"), "r 1 is kept as the line it ran: {after:?}");
    let missing = run(&mut p, "r 99");
    assert!(missing.contains("Cannot locate the history for Id 99."), "{missing:?}");
    run(&mut p, "Clear-History -Id 1,2");
    let left = run(&mut p, "(Get-History).Id -join ','");
    assert!(left.contains("3,4,5,6,7\r\n"), "ids are never reused: {left:?}");
}

/// `h` is Get-History and `Invoke-History` what `r` stands for.
#[test]
fn h_lists_the_history_and_invoke_history_runs_a_line_again() {
    let home = TempDir::new("pty-history-aliases");
    let mut p = repl(&home.0);
    run(&mut p, "'c' + 'd'");
    let listed = trimmed(run(&mut p, "h"));
    assert!(listed.contains("  Id CommandLine\r\n  -- -----------\r\n   1 'c' + 'd'\r\n"), "{listed:?}");
    let again = run(&mut p, "Invoke-History -Id 1");
    assert!(again.contains("'c' + 'd'\r\ncd\r\n"), "the line is shown, then its output: {again:?}");
}
