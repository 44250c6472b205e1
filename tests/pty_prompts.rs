//! Ctrl-C at a prompt stops the pipeline, as in Windows PowerShell 5.1: nothing is
//! created, and the Enter typed afterwards does not take the default Yes.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, run, spawn, PROMPT};

const NEW_CIRCUIT: &str =
    "New-AzureDedicatedCircuit -CircuitName Pty -ServiceProviderName Equinix -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData";
/// Prints `n=<count>`; the echoed line never contains that text.
const COUNT: &str = "\"n\" + \"=\" + @(Get-AzureDedicatedCircuit).Count";

fn circuits(p: &mut rexpect::session::PtySession) -> String {
    let out = run(p, COUNT);
    let at = out.rfind("n=").unwrap_or_else(|| panic!("no count in {out:?}"));
    out[at..].lines().next().unwrap_or_default().trim().to_string()
}

#[test]
fn ctrl_c_at_the_confirmation_creates_no_circuit() {
    let home = TempDir::new("pty-confirm");
    let mut p = repl(&home.0);
    let before = circuits(&mut p);
    p.send_line(NEW_CIRCUIT).unwrap();
    p.exp_string("(default is \"Y\"): ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    // The Enter that used to answer the still-open prompt with its default Y.
    run(&mut p, "");
    assert_eq!(circuits(&mut p), before);
}

#[test]
fn ctrl_c_at_a_missing_parameter_prompt_runs_nothing() {
    let home = TempDir::new("pty-mandatory");
    let mut p = repl(&home.0);
    let before = circuits(&mut p);
    p.send_line("New-AzureDedicatedCircuit -ServiceProviderName Equinix -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData -Force").unwrap();
    p.exp_string("Supply values for the following parameters:").unwrap();
    p.exp_string("CircuitName: ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    run(&mut p, "");
    assert_eq!(circuits(&mut p), before);
}

#[test]
fn ctrl_c_at_read_host_stops_the_line() {
    let home = TempDir::new("pty-readhost");
    let mut p = repl(&home.0);
    p.send_line("$a = Read-Host 'Name'; 'got' + \"=$a\"").unwrap();
    p.exp_string("Name: ").unwrap();
    p.send_control('c').unwrap();
    let shown = p.exp_string(PROMPT).unwrap();
    assert!(!shown.contains("got="), "the rest of the line ran: {shown:?}");
    // The session goes on: the next line runs.
    let out = run(&mut p, "'still' + 'here'");
    assert!(out.contains("stillhere"), "{out:?}");
}

#[test]
fn ctrl_c_at_a_confirmation_in_a_script_ends_the_script() {
    let home = TempDir::new("pty-script");
    let script = common::write(&home.0, "s.ps1", &format!("{NEW_CIRCUIT}\n'after' + 'wards'\n"));
    let mut p = spawn(&["-InMemory", "-File", script.to_str().unwrap()], &home.0);
    p.exp_string("(default is \"Y\"): ").unwrap();
    p.send_control('c').unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains("afterwards"), "the script went on: {rest:?}");
}

#[test]
fn ctrl_c_at_an_advanced_functions_confirmation_runs_nothing() {
    let home = TempDir::new("pty-shouldprocess");
    let mut p = repl(&home.0);
    let before = circuits(&mut p);
    // A script's own confirmation ($PSCmdlet.ShouldProcess with ConfirmImpact High) in front of a billed call.
    let function = format!(
        "function New-Lab {{ [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param() if ($PSCmdlet.ShouldProcess('Pty')) {{ {NEW_CIRCUIT} -Force | Out-Null }} }}"
    );
    run(&mut p, &function);
    p.send_line("New-Lab; 'after' + '=ran'").unwrap();
    p.exp_string("(default is \"Y\"): ").unwrap();
    p.send_control('c').unwrap();
    let shown = p.exp_string(PROMPT).unwrap();
    assert!(!shown.contains("after=ran"), "the rest of the line ran: {shown:?}");
    run(&mut p, "");
    assert_eq!(circuits(&mut p), before);
}

#[test]
fn a_secure_read_shows_stars_not_the_text() {
    let home = TempDir::new("pty-secure");
    let mut p = repl(&home.0);
    p.send_line("$k = Read-Host 'Key' -AsSecureString; 'len' + \"=$($k.Length)\"").unwrap();
    p.exp_string("Key: ").unwrap();
    p.send("zq9x").unwrap();
    p.flush().unwrap();
    p.exp_string("****").unwrap();
    p.send_line("").unwrap();
    let shown = p.exp_string(PROMPT).unwrap();
    assert!(shown.contains("len=4"), "{shown:?}");
    assert!(!shown.contains("zq9x"), "the secret was echoed: {shown:?}");
}

#[test]
fn ctrl_c_at_the_credential_password_returns_no_credential() {
    let home = TempDir::new("pty-credential");
    let mut p = repl(&home.0);
    p.send_line("$c = Get-Credential; 'got' + \"=$($c.UserName)\"").unwrap();
    p.exp_string("User: ").unwrap();
    p.send_line("ops").unwrap();
    p.exp_string("Password for user ops: ").unwrap();
    p.send_control('c').unwrap();
    let shown = p.exp_string(PROMPT).unwrap();
    assert!(!shown.contains("got="), "the rest of the line ran: {shown:?}");
}

#[test]
fn ctrl_c_at_prompt_for_choice_stops_the_line() {
    let home = TempDir::new("pty-choice");
    let mut p = repl(&home.0);
    p.send_line("$r = $Host.UI.PromptForChoice('Provision', 'Go?', [System.Management.Automation.Host.ChoiceDescription[]]('&Yes','&No'), 0); 'got' + \"=$r\"")
        .unwrap();
    p.exp_string("[Y] Yes  [N] No  [?] Help (default is \"Y\"): ").unwrap();
    p.send_control('c').unwrap();
    let shown = p.exp_string(PROMPT).unwrap();
    assert!(!shown.contains("got="), "the rest of the line ran: {shown:?}");
    // The Enter that would have taken the default is an empty line at the prompt.
    let out = run(&mut p, "");
    assert!(!out.contains("got="), "{out:?}");
}

/// Suspend at a confirmation opens 5.1's nested prompt, which shows the subscription as the
/// outer prompt does; `exit` goes back to the question.
#[test]
fn the_nested_prompt_keeps_the_subscription() {
    let home = TempDir::new("pty-nested");
    let mut p = repl(&home.0);
    p.send_line("Reset-ErSimState").unwrap();
    p.exp_string("(default is \"Y\"): ").unwrap();
    p.send_line("s").unwrap();
    p.exp_string("PS [Contoso Production] C:\\Users\\admin>> ").unwrap();
    p.send_line("'level' + \"=$NestedPromptLevel\"").unwrap();
    p.exp_string("level=1").unwrap();
    p.exp_string("PS [Contoso Production] C:\\Users\\admin>> ").unwrap();
    p.send_line("exit").unwrap();
    p.exp_string("(default is \"Y\"): ").unwrap();
    p.send_line("n").unwrap();
    p.exp_string(PROMPT).unwrap();
}
