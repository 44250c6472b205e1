# expressroute-troubleshooting-expressroute-overview (2017-01, its two AzureRM "Verification via
# PowerShell" sections), every command in page order in one world: the page's circuit (West US
# 2, 100 Mbps unlimited, provisioned, private peering on VLAN 300) checked and its peerings read.
# The page passes -Circuit, which the cmdlets stopped accepting in 2016-06, so each peering read
# is refused at binding. Differences: docs/fidelity-cmdlets.md ("Resource Manager pages replayed").
Login-AzureRmAccount | Out-Null
New-AzureRmResourceGroup -Name "Test-ER-RG" -Location "West US 2" | Out-Null
$key = (New-AzureRmExpressRouteCircuit -Name "Test-ER-Ckt" -ResourceGroupName "Test-ER-RG" -Location "West US 2" -SkuTier Standard -SkuFamily UnlimitedData -ServiceProviderName "Equinix" -PeeringLocation "Seattle" -BandwidthInMbps 100).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzureRmExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 1234 -PrimaryPeerAddressPrefix "172.16.0.0/30" -SecondaryPeerAddressPrefix "172.16.0.4/30" -VlanId 300 | Set-AzureRmExpressRouteCircuit | Out-Null

# The circuits of the group, then the one.
Get-AzureRmExpressRouteCircuit -ResourceGroupName "Test-ER-RG" | Select-Object Name, CircuitProvisioningState, ServiceProviderProvisioningState | Out-Host
Get-AzureRmExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt" | Out-Host

# Private, public and Microsoft peering, as the page writes them.
$ckt = Get-AzureRmExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -Circuit $ckt
$ckt = Get-AzureRmExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -Circuit $ckt
$ckt = Get-AzureRmExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -Circuit $ckt

# The same reads with the parameter's name since 2016-06: the sample peering, and the sample
# error for a peering the circuit does not have.
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt | Out-Host
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt
