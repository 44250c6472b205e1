//! The missing-parameter prompt's help: `(Type !? for Help.)` under the caption when a
//! parameter has a help message, and `!?` shows it and asks again (5.1's console host).

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, run, PROMPT};

#[test]
fn bang_question_shows_the_help_message_and_asks_again() {
    let home = TempDir::new("pty-prompt-help");
    let mut p = repl(&home.0);
    p.send_line("New-AzureDedicatedCircuit -ServiceProviderName Equinix -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData -Force").unwrap();
    p.exp_string("Supply values for the following parameters:\r\n(Type !? for Help.)\r\n").unwrap();
    p.exp_string("CircuitName: ").unwrap();
    p.send_line("!?").unwrap();
    p.exp_string("New Azure Dedicated Circuit Name\r\n").unwrap();
    p.exp_string("CircuitName: ").unwrap();
    p.send_line("!x").unwrap();
    p.exp_string("\"!x\" cannot be recognized as a valid Prompt command.\r\n").unwrap();
    p.exp_string("CircuitName: ").unwrap();
    p.send_line("!!Helped").unwrap();
    p.exp_string(PROMPT).unwrap();
    let out = run(&mut p, "(Get-AzureDedicatedCircuit | Where-Object CircuitName -like '!*').CircuitName");
    assert!(out.contains("!Helped"), "`!!` escapes the prefix: {out:?}");
}
