# Global Reach (expressroute-howto-set-global-reach, 2019): the private peerings of two circuits
# connected with a /29, first in one subscription, then with a circuit of another subscription
# through its owner's authorization key.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name "GlobalReachRG" -Location "West US" | Out-Null
function New-PeeredCircuit($name, $location) {
    $c = New-AzExpressRouteCircuit -Name $name -ResourceGroupName "GlobalReachRG" -Location "West US" -SkuTier Premium -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation $location -BandwidthInMbps 200
    $current = (Get-AzContext).Subscription.Name
    Select-AzureSubscription -SubscriptionName 'Equinix Provider'
    New-AzureCrossConnection -ServiceKey $c.ServiceKey -Force | Out-Null
    Set-AzureCrossConnection -ServiceKey $c.ServiceKey -Operation NotifyCrossConnectionProvisioned | Out-Null
    Select-AzureSubscription -SubscriptionName $current
    Get-AzExpressRouteCircuit -Name $name -ResourceGroupName "GlobalReachRG" |
        Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -PeeringType AzurePrivatePeering -PeerASN 65010 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 100 |
        Set-AzExpressRouteCircuit | Out-Null
}
New-PeeredCircuit "ckt_1" "Silicon Valley"
New-PeeredCircuit "ckt_2" "London"

$ckt_1 = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
$ckt_2 = Get-AzExpressRouteCircuit -Name "ckt_2" -ResourceGroupName "GlobalReachRG"
Add-AzExpressRouteCircuitConnectionConfig -Name 'Your_connection_name' -ExpressRouteCircuit $ckt_1 -PeerExpressRouteCircuitPeering $ckt_2.Peerings[0].Id -AddressPrefix '10.20.0.0/29' | Out-Null
Add-AzExpressRouteCircuitConnectionConfig -Name 'your_connection_name' -ExpressRouteCircuit $ckt_1 -PeerExpressRouteCircuitPeering $ckt_2.Peerings[0].Id -AddressPrefix '10.20.0.0/29'
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt_1 | Out-Null

# Verify: the connection on circuit 1, and circuit 2's private peering JSON with its peered connection.
$ckt_1 = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Get-AzExpressRouteCircuitConnectionConfig -Name 'Your_connection_name' -ExpressRouteCircuit $ckt_1 | Out-Host
Get-AzExpressRouteCircuit -Name "ckt_2" -ResourceGroupName "GlobalReachRG" | Out-Host
Get-AzExpressRouteCircuitConnectionConfig -Name 'Other' -ExpressRouteCircuit $ckt_1

# The service's rules: a /28, a peering id that is no peering, a connection to itself.
$bad = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Set-AzExpressRouteCircuitConnectionConfig -Name 'Your_connection_name' -ExpressRouteCircuit $bad -PeerExpressRouteCircuitPeering $ckt_2.Peerings[0].Id -AddressPrefix '10.20.0.0/28' | Set-AzExpressRouteCircuit
$bad = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Set-AzExpressRouteCircuitConnectionConfig -Name 'Your_connection_name' -ExpressRouteCircuit $bad -PeerExpressRouteCircuitPeering 'ckt_2' -AddressPrefix '10.20.0.0/29' | Set-AzExpressRouteCircuit
$bad = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Set-AzExpressRouteCircuitConnectionConfig -Name 'Your_connection_name' -ExpressRouteCircuit $bad -PeerExpressRouteCircuitPeering $bad.Peerings[0].Id -AddressPrefix '10.20.0.0/29' | Set-AzExpressRouteCircuit
Set-AzExpressRouteCircuitConnectionConfig -Name 'Missing' -ExpressRouteCircuit $bad -PeerExpressRouteCircuitPeering $ckt_2.Peerings[0].Id -AddressPrefix '10.20.0.0/29'

# Across subscriptions: circuit 3 belongs to Contoso Dev-Test, whose owner issues an authorization.
Select-AzSubscription -SubscriptionName 'Contoso Dev-Test' | Out-Null
New-AzResourceGroup -Name "GlobalReachRG" -Location "West US" | Out-Null
New-PeeredCircuit "ckt_3" "Washington DC"
$ckt_3 = Get-AzExpressRouteCircuit -Name "ckt_3" -ResourceGroupName "GlobalReachRG"
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt_3 -Name "Name_for_auth_key" | Set-AzExpressRouteCircuit | Out-Null
$ckt_3 = Get-AzExpressRouteCircuit -Name "ckt_3" -ResourceGroupName "GlobalReachRG"
$authKey = (Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt_3 -Name "Name_for_auth_key").AuthorizationKey
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
$ckt_1 = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Add-AzExpressRouteCircuitConnectionConfig -Name 'ToDevTest' -ExpressRouteCircuit $ckt_1 -PeerExpressRouteCircuitPeering $ckt_3.Peerings[0].Id -AddressPrefix '10.30.0.0/29' | Set-AzExpressRouteCircuit
$ckt_1 = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Add-AzExpressRouteCircuitConnectionConfig -Name 'ToDevTest' -ExpressRouteCircuit $ckt_1 -PeerExpressRouteCircuitPeering $ckt_3.Peerings[0].Id -AddressPrefix '10.30.0.0/29' -AuthorizationKey $authKey | Set-AzExpressRouteCircuit |
    Select-Object -ExpandProperty Peerings | Select-Object -ExpandProperty Connections | Select-Object Name, AddressPrefix, CircuitConnectionStatus | Out-Host

# Delete: circuit 2 cannot go while connected, nor its private peering; disconnect, then it can.
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $ckt_2.ServiceKey -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -ResourceGroupName "GlobalReachRG" -Name "ckt_2" -Force
$ckt_2 = Get-AzExpressRouteCircuit -Name "ckt_2" -ResourceGroupName "GlobalReachRG"
Remove-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt_2 | Set-AzExpressRouteCircuit
$ckt_1 = Get-AzExpressRouteCircuit -Name "ckt_1" -ResourceGroupName "GlobalReachRG"
Remove-AzExpressRouteCircuitConnectionConfig -Name 'Your_connection_name' -ExpressRouteCircuit $ckt_1 | Set-AzExpressRouteCircuit | Out-Null
(Get-AzExpressRouteCircuit -Name "ckt_2" -ResourceGroupName "GlobalReachRG").Peerings[0].PeeredConnections.Count
Remove-AzExpressRouteCircuit -ResourceGroupName "GlobalReachRG" -Name "ckt_2" -Force -PassThru
