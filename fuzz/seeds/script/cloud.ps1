Select-AzureSubscription -SubscriptionName 'Contoso Production'
$c = New-AzureDedicatedCircuit -CircuitName c1 -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Force
Get-AzureDedicatedCircuit -ServiceKey $c.ServiceKey | Format-List
New-AzureBGPPeering -ServiceKey $c.ServiceKey -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 65001 -VlanId 100 -AccessType Private
Get-AzureDedicatedCircuitLink -ServiceKey $c.ServiceKey; Get-ErSimState; Step-ErSimClock -Minutes 5
Remove-AzureDedicatedCircuit -ServiceKey $c.ServiceKey -Force
