//! One cmdlet call opens the store once: the caller, an injected fault and the operation
//! share one transaction, and a prompt answered No (or one nobody can answer) reaches no
//! store at all. Counted on the store itself, for every kind of Azure cmdlet and control.

mod common;

use ersim::cmdlets::world::WorldHandle;
use ersim::host::session::Session;

fn opens(session: &Session) -> u64 {
    session.interp.extension::<WorldHandle>().expect("a world").store().opens()
}

/// Runs each line as its own command line and checks how many store opens it cost.
fn check(session: &mut Session, lines: &[(&str, u64)]) {
    let mut wrong = Vec::new();
    for (line, want) in lines {
        let before = opens(session);
        common::run_in(session, line);
        let cost = opens(session) - before;
        if cost != *want {
            wrong.push(format!("{line}: {cost} store opens, expected {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_cmdlet_call_is_one_store_transaction() {
    let (mut s, _, err) = common::session();
    let network = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/network.xml");
    let set_config = format!("$r = Set-AzureVNetConfig -ConfigurationPath '{network}'");
    check(
        &mut s,
        &[
            ("$c = New-AzureDedicatedCircuit -CircuitName A -ServiceProviderName Equinix -Bandwidth 200 -Location London -BillingType MeteredData -Force", 1),
            ("$k = $c.ServiceKey", 0),
            ("$r = Get-AzureDedicatedCircuit", 1),
            ("$r = Get-AzureDedicatedCircuit -ServiceKey $k", 1),
            ("$r = Get-AzureDedicatedCircuitServiceProvider", 1),
            ("$r = Get-AzureAccount", 1),
            ("$r = Get-AzureSubscription", 1),
            ("$r = Add-AzureAccount", 1),
            ("Select-AzureSubscription -SubscriptionName 'Equinix Provider'", 1),
            ("$r = New-AzureCrossConnection -ServiceKey $k -Force", 1),
            ("$r = Set-AzureCrossConnection -ServiceKey $k -Operation NotifyCrossConnectionProvisioned", 1),
            ("$r = Get-AzureCrossConnection", 1),
            ("Select-AzureSubscription -SubscriptionName 'Contoso Production'", 1),
            ("$r = New-AzureBGPPeering -AccessType Private -ServiceKey $k -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 65001 -VlanId 100", 1),
            // The module's try { Get; Update } catch { New } is one conversation.
            ("$r = Set-AzureBGPPeering -AccessType Private -ServiceKey $k -PeerAsn 65002 -VlanId 100", 1),
            ("$r = Get-AzureBGPPeering -AccessType Private -ServiceKey $k", 1),
            ("$r = Get-AzureDedicatedCircuitStats -ServiceKey $k", 1),
            (&set_config, 1),
            ("$r = Get-AzureVNetSite", 1),
            ("$r = Get-AzureVNetConfig", 1),
            ("$r = New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $k -Description d -Limit 1 -MicrosoftIds 'devtest@contoso.com'", 1),
            ("$r = Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $k", 1),
            // A refusal of the service costs the same one transaction.
            ("Remove-AzureDedicatedCircuit -ServiceKey $k -Force -ErrorAction SilentlyContinue", 1),
            // Nobody can answer the prompt here: the call never reaches the service.
            ("Remove-AzureBGPPeering -AccessType Private -ServiceKey $k -ErrorAction SilentlyContinue", 0),
            ("Remove-AzureBGPPeering -AccessType Private -ServiceKey $k -Force", 1),
            ("$r = Add-ErSimFault -Cmdlet Get-AzureDedicatedCircuit -Preset InternalError -Count 1", 1),
            ("$r = Get-AzureDedicatedCircuit -ErrorAction SilentlyContinue", 1),
            ("$r = Get-ErSimFault", 1),
            ("Clear-ErSimFault", 1),
            ("Set-ErSimProviderPolicy -Mode Auto -Reads 2 -GatewayDelay '00:05:00'", 1),
            ("$r = Get-ErSimState", 1),
        ],
    );
    assert_eq!(err.text(), "", "only the expected errors, all silenced");
}

#[test]
fn every_resource_manager_cmdlet_call_is_one_store_transaction() {
    let (mut s, _, err) = common::session();
    let new = "New-AzExpressRouteCircuit -Name c -ResourceGroupName rg -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName Equinix -PeeringLocation London -BandwidthInMbps 50";
    let overwrite = format!("$r = {new} -Force");
    check(
        &mut s,
        &[
            ("$r = Connect-AzAccount", 1),
            ("$r = Get-AzContext", 1),
            ("$r = Set-AzContext -Subscription 'Contoso Production'", 1),
            ("$r = Get-AzSubscription", 1),
            ("$r = New-AzResourceGroup -Name rg -Location 'West US'", 1),
            ("$r = Get-AzResourceGroup", 1),
            (&format!("$c = {new}"), 1),
            // An existing circuit is overwritten after the prompt -Force answers.
            (&overwrite, 1),
            ("$r = Get-AzExpressRouteCircuit -Name c -ResourceGroupName rg", 1),
            ("$r = Get-AzExpressRouteCircuit", 1),
            ("$r = Set-AzExpressRouteCircuit -ExpressRouteCircuit $c", 1),
            ("$r = Get-AzExpressRouteServiceProvider", 1),
            ("Enable-AzureRmAlias", 0),
            // Nobody can answer the remove prompt here: the call never reaches the service.
            ("Remove-AzExpressRouteCircuit -Name c -ResourceGroupName rg -ErrorAction SilentlyContinue", 0),
            ("Remove-AzExpressRouteCircuit -Name c -ResourceGroupName rg -Force", 1),
            ("$r = Remove-AzResourceGroup -Name rg -Force", 1),
        ],
    );
    assert_eq!(err.text(), "", "only the expected errors, all silenced");
}

#[test]
fn every_network_cmdlet_call_is_one_store_transaction() {
    let (mut s, _, err) = common::session();
    let gateway =
        "New-AzVirtualNetworkGateway -Name gw -ResourceGroupName rg -Location 'West US' -IpConfigurations $cfg -GatewayType ExpressRoute -GatewaySku Standard";
    check(
        &mut s,
        &[
            ("$r = Connect-AzAccount", 1),
            ("$r = New-AzResourceGroup -Name rg -Location 'West US'", 1),
            ("$v = New-AzVirtualNetwork -Name v -ResourceGroupName rg -Location 'West US' -AddressPrefix 10.0.0.0/16", 1),
            // The config cmdlets edit or build local objects: no request at all.
            ("$v = Add-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $v -AddressPrefix 10.0.255.0/27", 0),
            ("$v = Set-AzVirtualNetwork -VirtualNetwork $v", 1),
            ("$sn = Get-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $v", 0),
            ("$r = Get-AzVirtualNetworkSubnetConfig -ResourceId $sn.Id", 1),
            ("$ip = New-AzPublicIpAddress -Name ip -ResourceGroupName rg -Location 'West US' -AllocationMethod Dynamic", 1),
            ("$cfg = New-AzVirtualNetworkGatewayIpConfig -Name c -Subnet $sn -PublicIpAddress $ip", 0),
            // The 45 virtual minutes of the build pass inside the one transaction.
            (&format!("$g = {gateway}"), 1),
            ("$r = Get-AzVirtualNetworkGateway -ResourceGroupName rg", 1),
            ("$g = Resize-AzVirtualNetworkGateway -VirtualNetworkGateway $g -GatewaySku HighPerformance", 1),
            ("$r = Get-AzVirtualNetworkGatewayConnection -ResourceGroupName rg", 1),
            ("$r = Get-AzPublicIpAddress", 1),
            ("$r = Get-AzVirtualNetwork", 1),
            // Nobody can answer the remove prompt here: the call never reaches the service.
            ("Remove-AzVirtualNetworkGateway -Name gw -ResourceGroupName rg -ErrorAction SilentlyContinue", 0),
            ("Remove-AzVirtualNetworkGateway -Name gw -ResourceGroupName rg -Force", 1),
            ("Remove-AzPublicIpAddress -Name ip -ResourceGroupName rg -Force", 1),
            ("Remove-AzVirtualNetwork -Name v -ResourceGroupName rg -Force", 1),
        ],
    );
    assert_eq!(err.text(), "", "only the expected errors, all silenced");
}
