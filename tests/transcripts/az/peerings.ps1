# The private and Microsoft peering steps of expressroute-howto-routing-arm (2017-07), with
# its AzureRM names: each Add-/Set-/Remove-...PeeringConfig edits the local circuit object,
# and only Set-AzureRmExpressRouteCircuit sends it, under the service's rules.
Login-AzureRmAccount | Out-Null
Select-AzureRmSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzureRmResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US" | Out-Null
$key = (New-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey

# Before the provider has provisioned the circuit, the peering is refused when it is sent.
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt = Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt
"sent before provisioning: $?"

Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'

# Azure private peering.
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt | Select-Object CircuitProvisioningState, ServiceProviderProvisioningState, @{n='Peerings'; e={$_.Peerings.Count}} | Format-List | Out-Host
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200 | Select-Object -ExpandProperty Peerings | Out-Host
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Host

$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -Circuit $ckt
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt | Out-Host
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "azureprivatepeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200
Set-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt -PeeringType AzurePublicPeering -PeerASN 100 -PrimaryPeerAddressPrefix "12.0.0.0/30" -SecondaryPeerAddressPrefix "12.0.0.4/30" -VlanId 100

# Update: the VLAN moves to 500; a /29 is refused by the service and leaves the circuit as it was.
Set-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 500 | Out-Null
$ckt = Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt
$ckt.Peerings | Select-Object Name, VlanId, State | Out-Host
Set-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/29" -SecondaryPeerAddressPrefix "10.0.0.8/30" -VlanId 500 | Set-AzureRmExpressRouteCircuit
(Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup").Peerings | Select-Object Name, PrimaryPeerAddressPrefix | Out-Host

# Microsoft peering: the registry knows 123.1.0.0/24 under another AS, so validation is needed.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.1.0.0/24 -Asn 64999 | Out-Null
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "123.1.0.0/24" -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName "ARIN" | Out-Null
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty MicrosoftPeeringConfig | Out-Host
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt | Out-Host

# The documented update advertises 124.1.0.0/24, registered to AS 23: Configured, session up.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 124.1.0.0/24 -Asn 23 | Out-Null
Set-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "124.1.0.0/24" -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName "ARIN" | Out-Null
$ckt = Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt
$ckt.Peerings | Select-Object Name, State, @{n='Prefixes'; e={$_.MicrosoftPeeringConfig.AdvertisedPublicPrefixesState}} | Out-Host

# A public peering on a VLAN already in use; a peering that is not there.
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt -PeeringType AzurePublicPeering -PeerASN 100 -PrimaryPeerAddressPrefix "12.0.0.0/30" -SecondaryPeerAddressPrefix "12.0.0.4/30" -VlanId 300 | Set-AzureRmExpressRouteCircuit
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt

# Delete: Microsoft peering, then a name the circuit does not have (no error), then private.
Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt | Out-Null
Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzureRmExpressRouteCircuitPeeringConfig | Select-Object Name | Out-Host
Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt | Set-AzureRmExpressRouteCircuit | Select-Object Name, @{n='Peerings'; e={$_.Peerings.Count}} | Out-Host

# -PeerAddressType: asking to remove the IPv6 half of a private peering that has only IPv4
# keeps it; asking for the IPv4 configuration of a Microsoft peering without one writes nothing.
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt = Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200
(Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeerAddressType IPv6).Peerings.Count
$ckt = Add-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300
"written: $(@(Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeerAddressType IPv4).Count), peerings: $($ckt.Peerings.Count)"
(Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeerAddressType All).Peerings.Count
