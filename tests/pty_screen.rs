//! What stays on the screen when the editor draws the line again, read from a tmux window
//! (capture-pane): after a resize the terminal re-wraps the line, and a completion list is
//! printed under a line that wraps; neither leaves a copy of the line nor draws over the
//! list.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::tmux::Tmux;

const PROMPT: &str = "PS [Contoso Production] C:\\Users\\admin> ";
const EARLIER: &str = "'resize' + ' then a long tail of text that wraps once the window narrows'";
/// What is typed of [`EARLIER`] again: the history hint shows the rest of it, dim.
const TYPED: &str = "'resize' + ' then a long tail";

#[test]
fn a_resize_leaves_no_copy_of_the_line_with_its_hint() {
    let home = TempDir::new("tmux-resize");
    let tmux = Tmux::start("resize", &home.0, 120, 20);
    tmux.type_text(EARLIER);
    tmux.press(&["Enter"]);
    tmux.wait_for("the output", |l| l.iter().any(|l| l == "resize then a long tail of text that wraps once the window narrows"));
    tmux.type_text(TYPED);
    // The line with the hint after it is one row at 120 columns.
    let hinted = format!("{PROMPT}{EARLIER}");
    tmux.wait_for("the hinted line", |l| l.iter().filter(|l| **l == hinted).count() == 2);
    // Narrower (the line and its hint wrap to three rows), wider, and narrower again.
    for columns in [50, 100, 60] {
        tmux.resize(columns, 20);
    }
    // Ctrl-C ends the line, drawn without its hint, and a new prompt follows it.
    tmux.press(&["C-c"]);
    let lines = tmux.wait_for("the next prompt", |l| l.last().is_some_and(|l| l == PROMPT.trim_end()));
    let expected = [hinted.as_str(), "resize then a long tail of text that wraps once the window narrows", &format!("{PROMPT}{TYPED}"), PROMPT.trim_end()];
    let shown: Vec<&str> = lines.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
    assert_eq!(shown, expected, "the screen and its scroll-back after the resizes");
}

#[test]
fn the_list_under_a_wrapped_line_is_not_drawn_over() {
    let home = TempDir::new("tmux-list");
    let tmux = Tmux::start("list", &home.0, 60, 20);
    let typed = "$x = 'a fairly long string to wrap'; Get-AzureDedicatedCircuitL";
    tmux.type_text(typed);
    tmux.press(&["Tab"]);
    let completed = format!("{PROMPT}$x = 'a fairly long string to wrap'; Get-AzureDedicatedCircuitLink");
    tmux.wait_for("the first completion", |l| l.last() == Some(&completed));
    tmux.press(&["Tab"]);
    let lines = tmux.wait_for("the line under the list", |l| l.iter().filter(|l| **l == completed).count() == 2);
    let expected = [completed.as_str(), "Get-AzureDedicatedCircuitLink", "Get-AzureDedicatedCircuitLinkAuthorization", &completed];
    let shown: Vec<&str> = lines.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
    assert_eq!(shown, expected, "the list, one candidate a row at 60 columns, then the line again");
    tmux.press(&["C-c"]);
}
