# The routing registry: Add-, Get-, Remove-ErSimRoutingRegistryEntry, Approve-ErSimPrefixValidation.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/24 -Asn 2245 | Out-Host
Add-ErSimRoutingRegistryEntry -RoutingRegistryName radb -Prefix 124.0.0.0/22 -Asn 7 | Out-Null
Add-ErSimRoutingRegistryEntry -RoutingRegistryName RIPENCC -Prefix 125.0.0.0/16 -Asn 8 | Out-Null
# A record for the same prefix in the same registry replaces the old one.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 123.0.0.0/24 -Asn 2246 | Out-Null
Get-ErSimRoutingRegistryEntry | Out-Host
Get-ErSimRoutingRegistryEntry -RoutingRegistryName R* | Out-Host
# Bad input.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName IANA -Prefix 1.0.0.0/8 -Asn 1
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 1.0.0.1/8 -Asn 1
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix banana -Asn 1
Remove-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix 9.9.9.0/24
Remove-ErSimRoutingRegistryEntry -RoutingRegistryName RADB -Prefix 124.0.0.0/22
Get-ErSimRoutingRegistryEntry | Measure-Object | Select-Object Count | Out-Host
# Approval applies to a Microsoft peering waiting for manual validation only.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
Approve-ErSimPrefixValidation -ServiceKey $key
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet 131.107.0.0/30 -SecondaryPeerSubnet 131.107.0.4/30 -VlanId 300 -PeerAsn 1234 -CustomerAsn 2245 -AdvertisedPublicPrefixes "123.0.0.0/30" -RoutingRegistryName ARIN | Select-Object AdvertisedPublicPrefixesState, State | Out-Host
Approve-ErSimPrefixValidation -ServiceKey $key
Set-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PeerAsn 1234 -VlanId 300 -AdvertisedPublicPrefixes "126.0.0.0/30" -CustomerAsn 2245 -RoutingRegistryName ARIN -SharedKey x | Select-Object AdvertisedPublicPrefixes, AdvertisedPublicPrefixesState, State | Out-Host
Approve-ErSimPrefixValidation -ServiceKey $key
Get-AzureBGPPeering -AccessType Microsoft -ServiceKey $key | Select-Object AdvertisedPublicPrefixesState, State | Out-Host
Approve-ErSimPrefixValidation -ServiceKey 00000000-0000-0000-0000-000000000001
