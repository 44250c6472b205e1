//! Tab completion at a real terminal, judged against PSReadLine: Tab completes as far as
//! the candidates agree, a second Tab or Ctrl+Space lists them under the line (service
//! keys with their circuit's name and states), members after `$var.`, the positional
//! argument of Get-Help, values of parameters without a ValidateSet, and variables in
//! the case they were typed.

mod common;
mod pty_support;

use common::TempDir;
use pty_support::{repl, run, PROMPT};
use rexpect::session::PtySession;

const NEW: &str = "New-AzureDedicatedCircuit -ServiceProviderName Equinix -Bandwidth 50 -Location 'Silicon Valley' -BillingType MeteredData -Force";

/// Makes a circuit named `name` and returns its service key.
fn circuit(p: &mut PtySession, var: &str, name: &str) -> String {
    run(p, &format!("${var} = {NEW} -CircuitName {name}"));
    let out = run(p, &format!("'key=' + ${var}.ServiceKey"));
    let at = out.rfind("key=").unwrap_or_else(|| panic!("no key in {out:?}"));
    out[at + 4..].lines().next().unwrap_or_default().trim().to_string()
}

/// Abandons the line being edited with Ctrl-C, and proves it was: the next line runs alone
/// (a listing redraws the prompt, so the prompt alone proves nothing).
fn abandon(p: &mut PtySession) {
    let prompt = r"PS \[[^\]]+\] C:\\Users\\admin> ";
    p.send_control('c').unwrap();
    p.exp_regex(&format!("\r\n\r{prompt}")).unwrap();
    p.send_line("'aban' + 'doned'").unwrap();
    p.exp_string("abandoned\r\n").unwrap();
    p.exp_regex(prompt).unwrap();
}

#[test]
fn a_second_tab_lists_the_candidates_under_the_line() {
    let home = TempDir::new("pty-complete-list");
    let mut p = repl(&home.0);
    p.send("Get-AzureDedicatedCircuitL\t").unwrap();
    p.flush().unwrap();
    // The first Tab completes as far as both candidates agree.
    p.exp_string("Get-AzureDedicatedCircuitLink").unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    let listed = p.exp_string("Get-AzureDedicatedCircuitLinkAuthorization").unwrap();
    assert!(listed.contains('\n'), "listed under the line: {listed:?}");
    // The line is drawn again under the list, as it was.
    p.exp_string(&format!("{PROMPT}Get-AzureDedicatedCircuitLink")).unwrap();
    abandon(&mut p);
    // Ctrl+Space (NUL at the terminal) does what Tab does.
    p.send("Get-AzureDedicatedCircuitL\0").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-AzureDedicatedCircuitLink").unwrap();
    p.send("\0").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-AzureDedicatedCircuitLinkAuthorization").unwrap();
    abandon(&mut p);
}

#[test]
fn service_keys_are_listed_with_their_circuits_name_and_states() {
    let home = TempDir::new("pty-complete-keys");
    let mut p = repl(&home.0);
    let first = circuit(&mut p, "a", "First");
    let second = circuit(&mut p, "b", "Second");
    p.send("Get-AzureDedicatedCircuit -ServiceKey \t\t").unwrap();
    p.flush().unwrap();
    p.exp_string(&format!("{first} (First, Enabled, NotProvisioned)")).unwrap();
    p.exp_string(&format!("{second} (Second, Enabled, NotProvisioned)")).unwrap();
    abandon(&mut p);
    // A consuming subscription is offered the circuits authorized to its account.
    let made = run(
        &mut p,
        &format!("New-AzureDedicatedCircuitLinkAuthorization -ServiceKey {second} -Description lab -Limit 1 -MicrosoftIds devtest@contoso.com | Out-Null"),
    );
    assert!(!made.contains("New-AzureDedicatedCircuitLinkAuthorization :"), "{made:?}");
    p.send_line("Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'").unwrap();
    p.exp_string("PS [Contoso Dev-Test] C:\\Users\\admin> ").unwrap();
    p.send("Get-AzureAuthorizedDedicatedCircuit -ServiceKey \t").unwrap();
    p.flush().unwrap();
    p.exp_string(&format!("-ServiceKey {second}")).unwrap();
    abandon(&mut p);
}

#[test]
fn members_of_a_variables_value_complete_after_the_dot() {
    let home = TempDir::new("pty-complete-members");
    let mut p = repl(&home.0);
    let key = circuit(&mut p, "circuit", "Members");
    p.send("$circuit.ServiceK\t").unwrap();
    p.flush().unwrap();
    p.exp_string("$circuit.ServiceKey").unwrap();
    let out = run(&mut p, "");
    assert!(out.contains(&key), "the completed line ran: {out:?}");
    // A method completes with its opening parenthesis.
    p.send("$circuit.ToStr\t").unwrap();
    p.flush().unwrap();
    p.exp_string("$circuit.ToString(").unwrap();
    abandon(&mut p);
}

#[test]
fn get_help_completes_commands_and_topics_in_its_first_position() {
    let home = TempDir::new("pty-complete-help");
    let mut p = repl(&home.0);
    p.send("Get-Help about_ErSim_L\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Get-Help about_ErSim_Lifecycle").unwrap();
    let out = run(&mut p, "");
    assert!(out.contains("SHORT DESCRIPTION"), "the topic was shown: {out:?}");
    p.send("Get-Help -Full Remove-AzureDedicatedCircuitL\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Remove-AzureDedicatedCircuitLink").unwrap();
    abandon(&mut p);
}

#[test]
fn parameters_without_a_validate_set_complete_their_known_values() {
    let home = TempDir::new("pty-complete-values");
    let mut p = repl(&home.0);
    // After an assignment, as at the start of a line.
    p.send("$peering = New-AzureBGPPeering -RoutingRegistryName RI\t").unwrap();
    p.flush().unwrap();
    p.exp_string("-RoutingRegistryName RIPENCC").unwrap();
    abandon(&mut p);
    p.send("Add-ErSimFault -Cmdlet New-AzureDedicatedCircuitLinkA\t").unwrap();
    p.flush().unwrap();
    p.exp_string("-Cmdlet New-AzureDedicatedCircuitLinkAuthorization").unwrap();
    abandon(&mut p);
    // An enumeration completes by itself.
    p.send("New-AzureBGPPeering -AccessType Mi\t").unwrap();
    p.flush().unwrap();
    p.exp_string("-AccessType Microsoft").unwrap();
    abandon(&mut p);
}

#[test]
fn variables_complete_in_the_case_they_were_typed() {
    let home = TempDir::new("pty-complete-case");
    let mut p = repl(&home.0);
    run(&mut p, "$MyCircuitKey = 'k'");
    p.send("$mycirc\t").unwrap();
    p.flush().unwrap();
    p.exp_string("$MyCircuitKey").unwrap();
    abandon(&mut p);
}
