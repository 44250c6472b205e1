# Connect virtual networks to a Resource Manager circuit, as expressroute-howto-add-gateway-
# resource-manager and expressroute-howto-linkvnet-arm walk it: a VNet of the circuit's own
# subscription, then one of another subscription through an authorization key, then everything
# torn down in the order the service requires (connections, gateways, addresses and VNets; the
# authorization; the provider deprovisions; the circuit).
#
#   ersim -InMemory scripts/connect-vnets-arm.ps1
#
# Each gateway takes 45 minutes of the world's clock to build: the owner's gateway is waited for
# by its cmdlet, the Dev-Test one is built as a job (-AsJob, then Get-Job | Wait-Job |
# Receive-Job, as real scripts do), Updating until the job is waited for.

# A VNet with a GatewaySubnet, a Dynamic address and an ExpressRoute gateway on them (or the
# job that builds the gateway, with -AsJob).
function New-ErGateway($rg, $name, $prefix, [switch]$AsJob) {
    $vnet = New-AzVirtualNetwork -Name "$name-vnet" -ResourceGroupName $rg -Location 'East US' -AddressPrefix "$prefix.0.0/16"
    Add-AzVirtualNetworkSubnetConfig -Name 'GatewaySubnet' -VirtualNetwork $vnet -AddressPrefix "$prefix.255.0/27" | Out-Null
    $vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet
    $subnet = Get-AzVirtualNetworkSubnetConfig -Name 'GatewaySubnet' -VirtualNetwork $vnet
    $pip = New-AzPublicIpAddress -Name "$name-ip" -ResourceGroupName $rg -Location 'East US' -AllocationMethod Dynamic
    $ipconf = New-AzVirtualNetworkGatewayIpConfig -Name 'gwipconf' -Subnet $subnet -PublicIpAddress $pip
    New-AzVirtualNetworkGateway -Name $name -ResourceGroupName $rg -Location 'East US' -IpConfigurations $ipconf -GatewayType ExpressRoute -GatewaySku Standard -AsJob:$AsJob
}

# Deletes a gateway and what it sat on, in the order the service requires.
function Remove-ErGateway($rg, $name) {
    Remove-AzVirtualNetworkGateway -Name $name -ResourceGroupName $rg -Force
    Remove-AzPublicIpAddress -Name "$name-ip" -ResourceGroupName $rg -Force
    Remove-AzVirtualNetwork -Name "$name-vnet" -ResourceGroupName $rg -Force
}

Write-Host '== 1. The owner''s circuit, provisioned by Equinix, with Azure private peering'
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name 'NetRG' -Location 'East US' | Out-Null
$circuit = New-AzExpressRouteCircuit -Name 'SharedCircuit' -ResourceGroupName 'NetRG' -Location 'East US' -SkuTier Standard -SkuFamily MeteredData `
    -ServiceProviderName 'Equinix' -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200
$key = $circuit.ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -Name "SharedCircuit" -ResourceGroupName "NetRG"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65010 -PrimaryPeerAddressPrefix "172.16.0.0/30" -SecondaryPeerAddressPrefix "172.16.0.4/30" -VlanId 200 | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null

Write-Host '== 2. A VNet of the same subscription: gateway, then connection'
$start = Get-Date
$gw = New-ErGateway 'NetRG' 'OwnerGw' '10.1'
"gateway $($gw.Name): $($gw.ProvisioningState) after $(((Get-Date) - $start).TotalMinutes) minutes"
$circuit = Get-AzExpressRouteCircuit -Name 'SharedCircuit' -ResourceGroupName 'NetRG'
New-AzVirtualNetworkGatewayConnection -Name 'OwnerConnection' -ResourceGroupName 'NetRG' -Location 'East US' -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute |
    Select-Object Name, ConnectionStatus | Out-Host

Write-Host '== 3. An authorization for the Dev-Test subscription, redeemed there'
$owned = Get-AzExpressRouteCircuit -Name 'SharedCircuit' -ResourceGroupName 'NetRG'
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $owned -Name 'DevTestAuthorization' | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $owned | Out-Null
$owned = Get-AzExpressRouteCircuit -Name 'SharedCircuit' -ResourceGroupName 'NetRG'
$authKey = (Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $owned -Name 'DevTestAuthorization').AuthorizationKey
Connect-AzAccount -AccountId 'devtest@contoso.com' | Out-Null
New-AzResourceGroup -Name 'DevRG' -Location 'East US' | Out-Null
New-ErGateway 'DevRG' 'DevGw' '10.2' -AsJob | Out-Null
"gateway DevGw while its job runs: $((Get-AzVirtualNetworkGateway -Name 'DevGw' -ResourceGroupName 'DevRG').ProvisioningState)"
$devGw = Get-Job | Wait-Job | Receive-Job
Get-Job | Remove-Job
"gateway $($devGw.Name): $($devGw.ProvisioningState)"
New-AzVirtualNetworkGatewayConnection -Name 'DevConnection' -ResourceGroupName 'DevRG' -Location 'East US' -VirtualNetworkGateway1 $devGw -PeerId $circuit.Id `
    -ConnectionType ExpressRoute -AuthorizationKey $authKey | Select-Object Name, ConnectionStatus | Out-Host

Write-Host '== 4. Tear down: each subscription its connections and gateways first'
Remove-AzVirtualNetworkGatewayConnection -Name 'DevConnection' -ResourceGroupName 'DevRG' -Force
Remove-ErGateway 'DevRG' 'DevGw'
Remove-AzResourceGroup -Name 'DevRG' -Force | Out-Null
Connect-AzAccount | Out-Null
Remove-AzVirtualNetworkGatewayConnection -Name 'OwnerConnection' -ResourceGroupName 'NetRG' -Force
Remove-ErGateway 'NetRG' 'OwnerGw'
$owned = Get-AzExpressRouteCircuit -Name 'SharedCircuit' -ResourceGroupName 'NetRG'
Remove-AzExpressRouteCircuitAuthorization -Name 'DevTestAuthorization' -ExpressRouteCircuit $owned | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $owned | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -Name 'SharedCircuit' -ResourceGroupName 'NetRG' -Force
Remove-AzResourceGroup -Name 'NetRG' -Force | Out-Null
"circuits left: $(@(Get-AzExpressRouteCircuit).Count); virtual networks left: $(@(Get-AzVirtualNetwork).Count)"
