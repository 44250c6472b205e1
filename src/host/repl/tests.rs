//! The helper driven as rustyline drives it, against a real in-memory session.

use rustyline::history::DefaultHistory;

use super::*;

fn session() -> Session {
    let options = SessionOptions { interactive: false, in_memory: true, ..Default::default() };
    Session::with_io(options, Box::new(std::io::sink()), Box::new(std::io::sink()), None).expect("a session")
}

fn run(session: &mut Session, code: &str) {
    let _ = session.run_command_line(&Source::new(None, code.to_string()));
}

fn helper(session: &mut Session) -> ReplHelper {
    let mut h = ReplHelper::new(false);
    h.refresh(session);
    h
}

/// What Tab offers at the end of `line`.
fn tab(h: &ReplHelper, line: &str) -> Vec<String> {
    let history = DefaultHistory::new();
    let (_, pairs) = h.complete(line, line.len(), &Context::new(&history)).expect("completion");
    pairs.into_iter().map(|p| p.replacement).collect()
}

#[test]
fn completes_commands_parameters_and_variables() {
    let mut s = session();
    let h = helper(&mut s);
    assert_eq!(tab(&h, "get-azurededicatedcircuitl"), ["Get-AzureDedicatedCircuitLink", "Get-AzureDedicatedCircuitLinkAuthorization"]);
    assert_eq!(tab(&h, "Get-AzureDedicatedCircuit -Se"), ["-ServiceKey"]);
    assert_eq!(tab(&h, "gcm -Mod"), ["-Module"]);
    assert!(tab(&h, "$ErrorAc").contains(&"$ErrorActionPreference".to_string()));
    assert_eq!(tab(&h, "1 | where-o"), ["Where-Object"]);
    // A parameter that names a command, by name or by position.
    assert_eq!(tab(&h, "Get-Command get-azurededicatedcircuitl"), ["Get-AzureDedicatedCircuitLink", "Get-AzureDedicatedCircuitLinkAuthorization"]);
    assert_eq!(
        tab(&h, "gcm -Name Remove-AzureDedicatedCircuitL"),
        ["Remove-AzureDedicatedCircuitLink", "Remove-AzureDedicatedCircuitLinkAuthorization", "Remove-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds"]
    );
    // After an assignment the command and its values complete as at the start of a line.
    assert_eq!(tab(&h, "$c = get-azurededicatedcircuitl"), ["Get-AzureDedicatedCircuitLink", "Get-AzureDedicatedCircuitLinkAuthorization"]);
    assert_eq!(tab(&h, "$c += New-AzureDedicatedCircuit -BillingType u"), ["UnlimitedData"]);
}

#[test]
fn completes_validate_set_and_enum_values() {
    let mut s = session();
    let h = helper(&mut s);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -Sku "), ["Standard", "Premium"]);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -BillingType u"), ["UnlimitedData"]);
    // The module's ValidateSet order.
    assert_eq!(tab(&h, "Get-AzureBGPPeering -AccessType "), ["Microsoft", "Public", "Private"]);
    assert_eq!(tab(&h, "Get-AzureDedicatedCircuitPeeringArpInfo -Path "), ["Primary", "Secondary"]);
    assert_eq!(tab(&h, "Set-ErSimProviderPolicy -Mode c"), ["Clock"]);
    assert!(tab(&h, "Remove-AzureDedicatedCircuit -Force ").is_empty());
}

#[test]
fn completes_service_keys_vnets_and_subscriptions_from_the_world() {
    let mut s = session();
    run(&mut s, "$c = New-AzureDedicatedCircuit -CircuitName A -ServiceProviderName Equinix -Bandwidth 200 -Location London -BillingType MeteredData -Force");
    let network = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/network.xml");
    run(&mut s, &format!("Set-AzureVNetConfig -ConfigurationPath '{network}'"));
    run(&mut s, "$k = [string]$c.ServiceKey");
    let key = s.interp.get_var("k", None).map(|k| k.to_display_string()).expect("a circuit");
    let h = helper(&mut s);
    assert_eq!(tab(&h, "Get-AzureDedicatedCircuit -ServiceKey "), vec![key.clone()]);
    assert_eq!(tab(&h, &format!("Get-AzureBGPPeering -ServiceKey {}", &key[..4])), [key]);
    assert_eq!(tab(&h, "New-AzureVNetGateway -VNetName "), ["MyVNet"]);
    assert_eq!(tab(&h, "Select-AzureSubscription -SubscriptionName 'Contoso P"), ["'Contoso Production'"]);
    assert_eq!(tab(&h, "Select-AzureSubscription -SubscriptionName equi"), ["'Equinix Provider'"]);
}

#[test]
fn the_provider_decides_the_locations_and_bandwidths() {
    let mut s = session();
    let h = helper(&mut s);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -ServiceProviderName equ"), ["Equinix"]);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -ServiceProviderName AT"), ["'AT&T'", "'AT&T Netbond'"]);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -ServiceProviderName Coresite -Location "), ["'Los Angeles'"]);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -ServiceProviderName 'SingTel Domestic' -Bandwidth 5"), ["50", "500"]);
    assert_eq!(tab(&h, "New-AzureDedicatedCircuit -ServiceProviderName Equinix -Bandwidth 5"), ["50", "500", "5000"]);
    assert!(tab(&h, "New-AzureDedicatedCircuit -Location Sil").contains(&"'Silicon Valley'".to_string()));
}

#[test]
fn the_prompt_shows_the_subscription_and_continuation_is_detected() {
    let mut s = session();
    assert_eq!(prompt_text(&s.interp, 0), "PS [Contoso Production] C:\\Users\\admin> ");
    // A nested prompt keeps the subscription and adds a `>` per level.
    assert_eq!(prompt_text(&s.interp, 2), "PS [Contoso Production] C:\\Users\\admin>>> ");
    run(&mut s, "Set-Location D:\\; Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'");
    assert_eq!(prompt_text(&s.interp, 0), "PS [Contoso Dev-Test] D:\\> ");
    assert!(incomplete("if ($true) {"));
    assert!(incomplete("Get-AzureDedicatedCircuit |"));
    assert!(!incomplete("Get-AzureDedicatedCircuit"));
}

#[test]
fn decorations_follow_the_switch() {
    let mut s = session();
    let plain = helper(&mut s);
    assert_eq!(plain.highlight("Get-Date", 0), "Get-Date");
    let history = DefaultHistory::new();
    assert_eq!(plain.hint("Get", 3, &Context::new(&history)), None);
    let mut coloured = ReplHelper::new(true);
    coloured.refresh(&mut s);
    assert_ne!(coloured.highlight("Get-Date", 0), "Get-Date");
}

#[test]
fn a_consuming_subscription_is_offered_the_circuits_authorized_to_it() {
    let mut s = session();
    run(
        &mut s,
        "$other = New-AzureDedicatedCircuit -CircuitName Other -ServiceProviderName Equinix -Bandwidth 200 -Location London -BillingType MeteredData -Force",
    );
    run(&mut s, "$c = New-AzureDedicatedCircuit -CircuitName A -ServiceProviderName Equinix -Bandwidth 200 -Location London -BillingType MeteredData -Force");
    run(&mut s, "New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $c.ServiceKey -Description lab -Limit 1 -MicrosoftIds devtest@contoso.com");
    run(&mut s, "Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'; $k = [string]$c.ServiceKey");
    let key = s.interp.get_var("k", None).map(|k| k.to_display_string()).expect("a circuit");
    let h = helper(&mut s);
    assert_eq!(tab(&h, "Get-AzureAuthorizedDedicatedCircuit -ServiceKey "), vec![key]);
}
