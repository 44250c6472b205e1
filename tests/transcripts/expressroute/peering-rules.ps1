# One line per BGP peering rule of the service (the recorded texts where they exist).
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
# The circuit must be Provisioned (and Enabled) for routing to be configured.
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'

# Subnets: /30 networks, primary and secondary different, public space for Public and Microsoft.
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/29 -SecondaryPeerSubnet 10.0.0.8/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.6/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.0/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet not-a-subnet -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 200
# VLAN ids 1 to 4094; peer ASN not 0, and not 65515 on private peering.
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 0
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 4095
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 65515 -VlanId 100
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 0 -VlanId 100
# One peering per type; VLAN ids unique across the circuit's peerings.
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Out-Null
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.8/30 -SecondaryPeerSubnet 10.0.0.12/30 -PeerAsn 1234 -VlanId 101
New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet 131.107.0.0/30 -SecondaryPeerSubnet 131.107.0.4/30 -PeerAsn 1234 -VlanId 100
Set-AzureBGPPeering -ServiceKey $key -PeerAsn 1234 -VlanId 4095

# Microsoft peering: advertised public prefixes and a known routing registry; the customer
# ASN is optional (the peer ASN is validated instead).
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet 131.107.0.8/30 -SecondaryPeerSubnet 131.107.0.12/30 -PeerAsn 1234 -VlanId 300 -RoutingRegistryName ARIN
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet 131.107.0.8/30 -SecondaryPeerSubnet 131.107.0.12/30 -PeerAsn 1234 -VlanId 300 -AdvertisedPublicPrefixes "10.1.0.0/24" -RoutingRegistryName ARIN
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet 131.107.0.8/30 -SecondaryPeerSubnet 131.107.0.12/30 -PeerAsn 1234 -VlanId 300 -AdvertisedPublicPrefixes "123.0.0.0/30" -RoutingRegistryName IANA
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet 131.107.0.8/30 -SecondaryPeerSubnet 131.107.0.12/30 -PeerAsn 1234 -VlanId 300 -AdvertisedPublicPrefixes "123.0.0.0/30"
Add-ErSimRoutingRegistryEntry -RoutingRegistryName RIPENCC -Prefix 123.0.0.0/24 -Asn 1234 | Out-Null
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet 131.107.0.8/30 -SecondaryPeerSubnet 131.107.0.12/30 -PeerAsn 1234 -VlanId 300 -AdvertisedPublicPrefixes "123.0.0.0/30, 123.0.0.4/30" -RoutingRegistryName ripencc | Select-Object AdvertisedPublicPrefixes, AdvertisedPublicPrefixesState, CustomerAutonomousSystemNumber, RoutingRegistryName, State | Out-Host

# Set-AzureBGPPeering creates a missing peering, with the module's checks first.
Set-AzureBGPPeering -AccessType Public -ServiceKey $key -PeerAsn 1234 -VlanId 200 -PrimaryPeerSubnet 131.107.0.0/30
Set-AzureBGPPeering -AccessType Public -ServiceKey $key -PeerAsn 1234 -VlanId 200 -PrimaryPeerSubnet 131.107.0.0/30 -SecondaryPeerSubnet 131.107.0.4/30 | Select-Object PrimaryPeerSubnet, VlanId, State | Out-Host
# Removing needs -AccessType; a missing peering is reported.
Remove-AzureBGPPeering -ServiceKey $key -Force
Remove-AzureBGPPeering -AccessType Public -ServiceKey $key -Force
Remove-AzureBGPPeering -AccessType Public -ServiceKey $key -Force
