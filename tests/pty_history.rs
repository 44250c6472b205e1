//! History is appended as each line is accepted and shared between sessions: closing the
//! terminal loses nothing, and two sessions never overwrite each other.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, run};

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
