# The classic routing page (DOCS@dea029c8): private, public and Microsoft peering, each
# created, viewed, updated and deleted as the page does. The page assumes a circuit the
# provider has provisioned: an Auto provider that finishes at once gives one.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName MyTestCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force).ServiceKey

# Check the ExpressRoute circuit to make sure it is provisioned.
Get-AzureDedicatedCircuit -ServiceKey $key

# Azure private peering.
New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 100 | Out-Null
Get-AzureBGPPeering -AccessType Private -ServiceKey $key
Set-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 500 -SharedKey "A1B2C3D4" | Select-Object VlanId, State | Out-Host
Remove-AzureBGPPeering -AccessType Private -ServiceKey $key -Force

# Azure public peering.
New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet "131.107.0.0/30" -SecondaryPeerSubnet "131.107.0.4/30" -PeerAsn 1234 -VlanId 200 -SharedKey "A1B2C3D4" | Out-Null
Get-AzureBGPPeering -AccessType Public -ServiceKey $key
Set-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet "131.107.0.0/30" -SecondaryPeerSubnet "131.107.0.4/30" -PeerAsn 1234 -VlanId 600 -SharedKey "A1B2C3D4" | Select-Object VlanId, State | Out-Host
Remove-AzureBGPPeering -AccessType Public -ServiceKey $key -Force

# Microsoft peering. The page's prefix 123.0.0.0/30 registered to the customer ASN in ARIN:
# the prefixes are Configured and the session Enabled, as the page prints.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/30 -Asn 2245 | Out-Null
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet "131.107.0.0/30" -SecondaryPeerSubnet "131.107.0.4/30" -VlanId 300 -PeerAsn 1234 -CustomerAsn 2245 -AdvertisedPublicPrefixes "123.0.0.0/30" -RoutingRegistryName "ARIN" -SharedKey "A1B2C3D4" | Out-Null
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key

# The registry changes and the peering is validated again: a record that contradicts the
# customer ASN gives ValidationNeeded (the BGP session stays down) ...
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/30 -Asn 64999 | Out-Null
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key | Select-Object AdvertisedPublicPrefixesState, State | Out-Host
# ... and so does a prefix registered to the customer ASN in another registry than the named one.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName RADB -Prefix 123.0.0.0/30 -Asn 2245 | Out-Null
Remove-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/30
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key | Select-Object AdvertisedPublicPrefixesState, State | Out-Host
# Updating the peering validates again: naming RADB fixes it (the page's update command, with RADB).
Set-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet "131.107.0.0/30" -SecondaryPeerSubnet "131.107.0.4/30" -VlanId 300 -PeerAsn 1234 -CustomerAsn 2245 -AdvertisedPublicPrefixes "123.0.0.0/30" -RoutingRegistryName "RADB" -SharedKey "A1B2C3D4" | Select-Object RoutingRegistryName, AdvertisedPublicPrefixesState, State | Out-Host
# No registry knows the prefix: ManualValidation until support approves it.
Remove-ErSimRoutingRegistryEntry -RoutingRegistryName RADB -Prefix 123.0.0.0/30
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key | Select-Object AdvertisedPublicPrefixesState, State | Out-Host
Approve-ErSimPrefixValidation -ServiceKey $key
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key | Select-Object AdvertisedPublicPrefixesState, State | Out-Host

Remove-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -Force -Verbose
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key
