# Add-/Get-/Set-/Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig on the Microsoft peering
# of expressroute-howto-routing-arm: a validation id and signature per advertised prefix, edited
# on the local circuit and sent with Set-AzExpressRouteCircuit.
Connect-AzAccount | Out-Null
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24"
$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "123.1.0.0/24" -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName "ARIN" | Set-AzExpressRouteCircuit

Get-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24"
Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "124.1.0.0/24" -ValidationId "Azure-1"
Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "not-a-prefix"
Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv6 -Prefix "123.1.0.0/24"
Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24" -Signature "c2ln"
Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix " 123.1.0.0/24 " -ValidationId "Azure-1" | Out-Null
Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24" -ValidationId "Azure-1"
Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24" -Signature "c2lnbmVk" | Out-Null
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
Get-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty MicrosoftPeeringConfig | Select-Object -ExpandProperty AdvertisedPublicPrefixInfo | Out-Host
Get-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "124.1.0.0/24"

# Remove it, and what the sources answer when there is nothing to remove.
Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24" | Set-AzExpressRouteCircuit | Out-Null
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24"
Get-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix "123.1.0.0/24"
