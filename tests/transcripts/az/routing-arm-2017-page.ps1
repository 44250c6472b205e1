# expressroute-howto-routing-arm (2017-07, AzureRM era), every command in page order in one
# world: private, public and Microsoft peering created, read, updated and deleted on a circuit
# the provider has provisioned. Not run: Install-Module, Install-AzureRM and Import-AzureRM (the
# gallery, and the AzureRM 1.x rollup's functions). The config cmdlets return the edited local
# circuit, which the Set- line after them sends and prints, so their own output goes to Out-Null.
# The page's differences from this output are in docs/fidelity-cmdlets.md ("Resource Manager
# pages replayed").

# The circuit of expressroute-howto-circuit-arm, provisioned by its provider.
Login-AzureRmAccount | Out-Null
Select-AzureRmSubscription -SubscriptionName 'Contoso Production' | Out-Null
New-AzureRmResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US" | Out-Null
$key = (New-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'

## Azure private peering
# 1. The module and the sign-in ("<subscription ID>" is the account's own).
Import-Module AzureRM.Network
Login-AzureRmAccount | Out-Host
Select-AzureRmSubscription -SubscriptionId (Get-AzureRmSubscription -SubscriptionName 'Contoso Production').Id | Out-Null
# 3. The circuit, provisioned and enabled (the page prints it and uses it as $ckt).
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt | Out-Host
# 4. Configure private peering; the MD5 form after it finds the peering already on $ckt.
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200 | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Host
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200  -SharedKey "A1B2C3D4"
# View: the page's -Circuit is the pre-2016-06 name of -ExpressRouteCircuit.
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -Circuit $ckt
# Update (the page's text says VLAN 500; its command keeps 200).
Set-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200 | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzureRmExpressRouteCircuitPeeringConfig | Out-Host
# Delete.
Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, ProvisioningState, Peerings | Out-Host

## Azure public peering
Import-Module AzureRM.Network
Login-AzureRmAccount | Out-Null
Select-AzureRmSubscription -SubscriptionId (Get-AzureRmSubscription -SubscriptionName 'Contoso Production').Id | Out-Null
Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Select-Object Name, ServiceProviderProvisioningState, CircuitProvisioningState | Out-Host
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt -PeeringType AzurePublicPeering -PeerASN 100 -PrimaryPeerAddressPrefix "12.0.0.0/30" -SecondaryPeerAddressPrefix "12.0.0.4/30" -VlanId 100 | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzureRmExpressRouteCircuitPeeringConfig | Out-Host
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt -PeeringType AzurePublicPeering -PeerASN 100 -PrimaryPeerAddressPrefix "12.0.0.0/30" -SecondaryPeerAddressPrefix "12.0.0.4/30" -VlanId 100  -SharedKey "A1B2C3D4"
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, ProvisioningState | Out-Host
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -Circuit $ckt
# Update: VLAN 600 and new subnets.
Set-AzureRmExpressRouteCircuitPeeringConfig  -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt -PeeringType AzurePublicPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 600 | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzureRmExpressRouteCircuitPeeringConfig | Select-Object Name, PeeringType, VlanId, PrimaryPeerAddressPrefix, SecondaryPeerAddressPrefix | Out-Host
Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "AzurePublicPeering" -ExpressRouteCircuit $ckt | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, ProvisioningState, Peerings | Out-Host

## Microsoft peering (the ARIN registry knows 123.1.0.0/24 as AS 23's; 124.1.0.0/24 it does not know)
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.1.0.0/24 -Asn 23 | Out-Null
Import-Module AzureRM.Network
Login-AzureRmAccount | Out-Null
Select-AzureRmSubscription -SubscriptionId (Get-AzureRmSubscription -SubscriptionName 'Contoso Production').Id | Out-Null
Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Select-Object Name, ServiceProviderProvisioningState, CircuitProvisioningState | Out-Host
Add-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "123.1.0.0/24" -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName "ARIN" | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, ProvisioningState | Out-Host
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
Get-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt | Out-Host
# Update to 124.1.0.0/24: not registered to AS 23, so the prefixes need validation.
Set-AzureRmExpressRouteCircuitPeeringConfig  -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PrimaryPeerAddressPrefix "123.0.0.0/30" -SecondaryPeerAddressPrefix "123.0.0.4/30" -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes "124.1.0.0/24" -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName "ARIN" | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Get-AzureRmExpressRouteCircuitPeeringConfig | Select-Object -ExpandProperty MicrosoftPeeringConfig | Out-Host
Remove-AzureRmExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt | Out-Null
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, ProvisioningState, Peerings | Out-Host
