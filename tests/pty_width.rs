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
