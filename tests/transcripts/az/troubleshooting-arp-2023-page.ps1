# expressroute-troubleshooting-arp-resource-manager (2023-06), every command in page order in one
# world: a provisioned circuit with the page's three peerings (private on 10.0.0.0/30, public on
# 64.0.0.0/30, Microsoft on 65.0.0.0/30), each path's ARP table read an hour after the sessions
# came up. The page's placeholders are this circuit's names. Its samples of broken layer 2
# (Incomplete, one side missing) are scenarios the simulation does not produce; see
# docs/fidelity-cmdlets.md ("Resource Manager pages replayed").
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "ArpRG" -Location "West US" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "ArpCircuit" -ResourceGroupName "ArpRG" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 65.1.0.0/24 -Asn 100 | Out-Null
$ckt = Get-AzExpressRouteCircuit -Name "ArpCircuit" -ResourceGroupName "ArpRG"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200 | Out-Null
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt -PeeringType AzurePublicPeering -PeerASN 100 -PrimaryPeerAddressPrefix "64.0.0.0/30" -SecondaryPeerAddressPrefix "64.0.0.4/30" -VlanId 100 | Out-Null
Add-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "65.0.0.0/30" -SecondaryPeerAddressPrefix "65.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "65.1.0.0/24" -MicrosoftConfigRoutingRegistryName "ARIN" | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null
Step-ErSimClock -Minutes 60 | Out-Null

# ARP tables for Azure private peering.
$RG = "ArpRG"
$Name = "ArpCircuit"
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath Primary | Out-Host
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePrivatePeering -DevicePath Secondary | Out-Host

# ARP tables for Azure public peering.
$RG = "ArpRG"
$Name = "ArpCircuit"
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePublicPeering -DevicePath Primary | Out-Host
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType AzurePublicPeering -DevicePath Secondary | Out-Host

# ARP tables for Microsoft peering.
$RG = "ArpRG"
$Name = "ArpCircuit"
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType MicrosoftPeering -DevicePath Primary | Out-Host
Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType MicrosoftPeering -DevicePath Secondary | Out-Host
