//! The width follows the terminal: output laid out after a resize fits the new window.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, resize, run};

/// A list entry whose value wraps at the output width (window width − 1).
const LONG: &str = "[pscustomobject]@{ Name = 'y' * 150 } | Format-List";

fn widest_line(out: &str) -> usize {
    out.split("\r\n").filter(|l| l.contains("yyy")).map(|l| l.trim_end_matches('\r').chars().count()).max().unwrap_or(0)
}

#[test]
fn output_after_a_resize_fits_the_new_window() {
    let home = TempDir::new("pty-width");
    let mut p = repl(&home.0);
    let wide = run(&mut p, LONG);
    assert_eq!(widest_line(&wide), "Name : ".len() + 150, "one line at 200 columns: {wide:?}");
    resize(&p, 100, 50);
    let narrow = run(&mut p, LONG);
    assert_eq!(widest_line(&narrow), 99, "wrapped at the new width − 1: {narrow:?}");
}

/// `$Host.UI.RawUI` tells the window's size as it is when the line runs.
#[test]
fn the_raw_ui_sizes_follow_the_window() {
    let home = TempDir::new("pty-raw-ui");
    let mut p = repl(&home.0);
    // Short enough not to wrap at 100 columns: the editor draws a wrapped line again, prompt
    // and all, and a wait for the prompt would take that for the next one.
    let size = "\"$($Host.UI.RawUI.WindowSize)/$($Host.UI.RawUI.BufferSize)\"";
    assert!(run(&mut p, size).contains("\n200,50/200,3000\r\n"), "the terminal's 200 × 50");
    resize(&p, 100, 40);
    let after = run(&mut p, size);
    assert!(after.contains("\n100,40/100,3000\r\n"), "after the resize: {after:?}");
}
