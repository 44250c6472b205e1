//! Prompt and confirmation texts are word-wrapped at the window width − 1, as 5.1's
//! console host wraps them (WrapToCurrentWindowWidth).

mod common;
mod pty_support;

use common::TempDir;
use pty_support::spawn_sized;

#[test]
fn the_confirmation_query_wraps_at_the_window_width_less_one() {
    let home = TempDir::new("pty-wrap");
    let mut p = spawn_sized(&["-NoLogo", "-InMemory"], &home.0, 60);
    p.exp_string("> ").unwrap();
    p.send_line("New-AzureDedicatedCircuit -CircuitName W -ServiceProviderName Equinix -Bandwidth 50 -Location London -BillingType MeteredData").unwrap();
    p.exp_string("\r\nConfirm\r\n").unwrap();
    let query = p.exp_string("[Y] Yes").unwrap();
    // The editor starts the prompt line with a carriage return.
    let lines: Vec<&str> = query.split("\r\n").map(|l| l.trim_matches('\r')).filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines,
        [
            "Are you sure you want to create a new dedicated circuit ",
            "with name W and service provider Equinix. You will be ",
            "billed for this circuit once this command succeeds.",
        ]
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 59));
    p.send_control('c').unwrap();
}
