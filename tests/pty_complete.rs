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

/// Sends `typed` (Tab is `\t`, Ctrl+Space `\0`) and waits for the screen to show `shown`.
fn keys(p: &mut PtySession, typed: &str, shown: &str) -> String {
    p.send(typed).unwrap();
    p.flush().unwrap();
    p.exp_string(shown).unwrap_or_else(|e| panic!("after {typed:?}: {e}"))
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
    // The first Tab completes as far as both candidates agree.
    keys(&mut p, "Get-AzureDedicatedCircuitL\t", "Get-AzureDedicatedCircuitLink");
    let listed = keys(&mut p, "\t", "Get-AzureDedicatedCircuitLinkAuthorization");
    assert!(listed.contains('\n'), "listed under the line: {listed:?}");
    // The line is drawn again under the list, as it was.
    p.exp_string(&format!("{PROMPT}Get-AzureDedicatedCircuitLink")).unwrap();
    abandon(&mut p);
    // Ctrl+Space (NUL at the terminal) does what Tab does.
    keys(&mut p, "Get-AzureDedicatedCircuitL\0", "Get-AzureDedicatedCircuitLink");
    keys(&mut p, "\0", "Get-AzureDedicatedCircuitLinkAuthorization");
    abandon(&mut p);
}

#[test]
fn service_keys_are_listed_with_their_circuits_name_and_states() {
    let home = TempDir::new("pty-complete-keys");
    let mut p = repl(&home.0);
    let first = circuit(&mut p, "a", "First");
    let second = circuit(&mut p, "b", "Second");
    keys(&mut p, "Get-AzureDedicatedCircuit -ServiceKey \t\t", &format!("{first} (First, Enabled, NotProvisioned)"));
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
    keys(&mut p, "Get-AzureAuthorizedDedicatedCircuit -ServiceKey \t", &format!("-ServiceKey {second}"));
    abandon(&mut p);
}

#[test]
fn members_of_a_variables_value_complete_after_the_dot() {
    let home = TempDir::new("pty-complete-members");
    let mut p = repl(&home.0);
    let key = circuit(&mut p, "circuit", "Members");
    keys(&mut p, "$circuit.ServiceK\t", "$circuit.ServiceKey");
    let out = run(&mut p, "");
    assert!(out.contains(&key), "the completed line ran: {out:?}");
    // A method completes with its opening parenthesis.
    keys(&mut p, "$circuit.ToStr\t", "$circuit.ToString(");
    abandon(&mut p);
}

#[test]
fn get_help_completes_commands_and_topics_in_its_first_position() {
    let home = TempDir::new("pty-complete-help");
    let mut p = repl(&home.0);
    keys(&mut p, "Get-Help about_ErSim_L\t", "Get-Help about_ErSim_Lifecycle");
    let out = run(&mut p, "");
    assert!(out.contains("SHORT DESCRIPTION"), "the topic was shown: {out:?}");
    keys(&mut p, "Get-Help -Full Remove-AzureDedicatedCircuitL\t", "Remove-AzureDedicatedCircuitLink");
    abandon(&mut p);
}

#[test]
fn parameters_without_a_validate_set_complete_their_known_values() {
    let home = TempDir::new("pty-complete-values");
    let mut p = repl(&home.0);
    // After an assignment, as at the start of a line.
    keys(&mut p, "$peering = New-AzureBGPPeering -RoutingRegistryName RI\t", "-RoutingRegistryName RIPENCC");
    abandon(&mut p);
    keys(&mut p, "Add-ErSimFault -Cmdlet New-AzureDedicatedCircuitLinkA\t", "-Cmdlet New-AzureDedicatedCircuitLinkAuthorization");
    abandon(&mut p);
    // A ValidateSet and an enumeration complete by themselves.
    keys(&mut p, "New-AzureDedicatedCircuit -Sku P\t", "-Sku Premium");
    abandon(&mut p);
    keys(&mut p, "New-AzureBGPPeering -AccessType Mi\t", "-AccessType Microsoft");
    abandon(&mut p);
}

#[test]
fn variables_complete_in_the_case_they_were_typed() {
    let home = TempDir::new("pty-complete-case");
    let mut p = repl(&home.0);
    run(&mut p, "$MyCircuitKey = 'k'");
    keys(&mut p, "$mycirc\t", "$MyCircuitKey");
    abandon(&mut p);
}
