# One line per link prerequisite, in the order the service checks them.
$key = (New-AzureDedicatedCircuit -CircuitName one -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
Set-AzureVNetConfig -ConfigurationPath .\network-eleven.xml | Out-Null
# The circuit must be Provisioned: not yet, then while the provider is still working.
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'
# Private peering configured.
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Out-Null
# The VNet exists in the selected subscription and has a provisioned DynamicRouting gateway.
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName NoSuchVNet
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
New-AzureVNetGateway -VNetName MyVNet | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
Remove-AzureVNetGateway -VNetName MyVNet | Out-Null
Set-ErSimProviderPolicy -GatewayDelay 00:30:00
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null
Get-AzureVNetGateway -VNetName MyVNet | Select-Object State | Out-Host
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
Start-Sleep -Seconds 1800
Get-AzureVNetGateway -VNetName MyVNet | Select-Object State | Out-Host
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Host
# Not twice; the link is found by name, case-insensitively, and only in this subscription.
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName myvnet
Get-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MYVNET | Out-Host
Get-AzureDedicatedCircuitLink -ServiceKey $key -VNetName VNet1
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
Select-AzureSubscription -SubscriptionName 'Contoso Production'
# A linked circuit cannot be deleted, even once the provider has deprovisioned it.
Request-ErSimDeprovisioning -ServiceKey $key
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzureDedicatedCircuit -ServiceKey $key -Force
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet -Force
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet -Force
Remove-AzureDedicatedCircuit -ServiceKey $key -Force -PassThru
