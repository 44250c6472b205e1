# One line per service rule of circuits and the provider side.
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
New-AzureDedicatedCircuit -CircuitName two -ServiceProviderName NoSuchProvider -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force
New-AzureDedicatedCircuit -CircuitName two -ServiceProviderName Equinix -Bandwidth 200 -Location Atlantis -BillingType MeteredData -Force
New-AzureDedicatedCircuit -CircuitName two -ServiceProviderName Equinix -Bandwidth 999 -Location 'Silicon Valley' -BillingType MeteredData -Force
New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force
Get-AzureDedicatedCircuit -ServiceKey 00000000-0000-0000-0000-000000000001
Remove-AzureDedicatedCircuit -ServiceKey 00000000-0000-0000-0000-000000000001 -Force
Set-AzureDedicatedCircuitProperties -ServiceKey $key -BillingType UnlimitedData -Force | Select-Object BillingType | Out-Host
Set-AzureDedicatedCircuitProperties -ServiceKey $key -BillingType MeteredData -Force
New-AzureCrossConnection -ServiceKey $key -Force
Select-AzureSubscription -SubscriptionName 'AT&T Provider'
New-AzureCrossConnection -ServiceKey $key -Force
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 98.251.199.31/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Out-Null
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100
New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet 131.107.0.0/30 -SecondaryPeerSubnet 131.107.0.4/30 -PeerAsn 1234 -VlanId 100
Set-AzureBGPPeering -ServiceKey $key -PeerAsn 1234 -VlanId 500 | Select-Object VlanId | Out-Host
Set-AzureBGPPeering -AccessType Public -ServiceKey $key -PeerAsn 1234 -VlanId 200
Get-AzureDedicatedCircuitStats -ServiceKey $key -AccessType Public
Get-AzureDedicatedCircuitStats -ServiceKey $key -AccessType Bogus
Remove-AzureDedicatedCircuit -ServiceKey $key -Force
