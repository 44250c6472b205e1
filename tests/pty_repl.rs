//! The REPL's line handling, judged against PSReadLine: a trailing backtick continues the
//! line, an empty line inside an open block does not end the input, and input arriving in
//! a burst runs every line.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, run, PROMPT};

#[test]
fn a_trailing_backtick_continues_the_line() {
    let home = TempDir::new("pty-backtick");
    let mut p = repl(&home.0);
    p.send_line("'con' + `").unwrap();
    p.exp_string(">> ").unwrap();
    let out = run(&mut p, "'tinued'");
    assert!(out.contains("continued"), "{out:?}");
}

#[test]
fn an_empty_line_inside_an_open_block_does_not_end_the_input() {
    let home = TempDir::new("pty-empty-line");
    let mut p = repl(&home.0);
    p.send_line("if ($true) {").unwrap();
    p.exp_string(">> ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">> ").unwrap();
    p.send_line("'in' + 'side'").unwrap();
    p.exp_string(">> ").unwrap();
    let out = run(&mut p, "}");
    assert!(out.contains("inside"), "{out:?}");
    assert!(!out.contains("Missing closing"), "{out:?}");
}

#[test]
fn input_arriving_in_a_burst_runs_every_line() {
    let home = TempDir::new("pty-burst");
    let mut p = repl(&home.0);
    // One write, as a paste without bracketed paste or a script sending keys delivers it.
    p.send("'burst' + '1'\r'burst' + '2'\r'burst' + '3'\r").unwrap();
    p.flush().unwrap();
    for n in 1..=3 {
        p.exp_string(&format!("burst{n}")).unwrap();
    }
    p.exp_string(PROMPT).unwrap();
}

#[test]
fn keys_typed_ahead_answer_the_prompt_that_asks_for_them() {
    let home = TempDir::new("pty-typed-ahead");
    let mut p = repl(&home.0);
    let count = "'n' + '=' + @(Get-AzureDedicatedCircuit).Count";
    let before = run(&mut p, count);
    let before = before[before.rfind("n=").expect("a count")..].lines().next().unwrap_or_default().to_string();
    // The command and the answer to its confirmation in one write: the No must reach the
    // confirmation, not be lost with the editor's buffer.
    p.send(&format!(
        "New-AzureDedicatedCircuit -CircuitName Ahead -ServiceProviderName Equinix -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData\rN\r{count}\r"
    ))
    .unwrap();
    p.flush().unwrap();
    p.exp_string("(default is \"Y\"): ").unwrap();
    let (_, after) = p.exp_regex("n=[0-9]+").unwrap();
    assert_eq!(after, before, "the typed-ahead N declined the circuit");
}
