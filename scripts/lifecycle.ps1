# The classic ExpressRoute lifecycle, end to end, as the documentation walks it:
# order a circuit, let the provider provision it, configure private, public and
# Microsoft peering, link a VNet, share the circuit with another subscription,
# then deprovision (the provider first) and delete.
#
#   ersim -InMemory scripts/lifecycle.ps1
#
# Run it without -InMemory and the world is kept in your state file; run
# Reset-ErSimState -Force to start over.

Import-Module 'C:\Program Files\WindowsPowerShell\Modules\Azure\5.3.0\ExpressRoute\ExpressRoute.psd1'

Write-Host '== 1. Order a circuit (customer: Contoso Production)'
$circuit = New-AzureDedicatedCircuit -CircuitName 'MyTestCircuit' -ServiceProviderName 'Equinix' -Bandwidth 200 `
    -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force
$key = $circuit.ServiceKey
$circuit

Write-Host '== 2. The provider provisions it (Equinix, from its provider subscription)'
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Write-Host ("   state: {0}" -f (Get-AzureDedicatedCircuit -ServiceKey $key).ServiceProviderProvisioningState)
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object CircuitName, ServiceProviderProvisioningState, Status | Out-Host

Write-Host '== 3. Routing: private, public and Microsoft peering'
New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' `
    -PeerAsn 1234 -VlanId 100 | Out-Null
New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet '131.107.0.0/30' -SecondaryPeerSubnet '131.107.0.4/30' `
    -PeerAsn 1234 -VlanId 200 | Out-Null
# The routing registry must know the advertised prefixes: register them first.
Add-ErSimRoutingRegistryEntry -RoutingRegistryName ARIN -Prefix '123.0.0.0/30' -Asn 2245 | Out-Null
New-AzureBGPPeering -AccessType Microsoft -ServiceKey $key -PrimaryPeerSubnet '131.107.0.8/30' -SecondaryPeerSubnet '131.107.0.12/30' `
    -VlanId 300 -PeerAsn 1234 -CustomerAsn 2245 -AdvertisedPublicPrefixes '123.0.0.0/30' -RoutingRegistryName 'ARIN' -SharedKey 'A1B2C3D4'
foreach ($access in 'Private', 'Public', 'Microsoft') {
    $p = Get-AzureBGPPeering -AccessType $access -ServiceKey $key
    Write-Host ("   {0,-9} VLAN {1}  {2}  prefixes: {3}" -f $access, $p.VlanId, $p.State, $p.AdvertisedPublicPrefixesState)
}

Write-Host '== 4. Link a virtual network'
Set-AzureVNetConfig -ConfigurationPath (Join-Path $PSScriptRoot 'network.xml') | Out-Null
New-AzureVNetGateway -VNetName 'MyVNet' -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName 'MyVNet'

Write-Host '== 5. Share the circuit with Contoso Dev-Test'
$auth = New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Dev-Test Links' -Limit 2 -MicrosoftIds 'devtest@contoso.com'
$auth
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'
Set-AzureVNetConfig -ConfigurationPath (Join-Path $PSScriptRoot 'network-devtest.xml') | Out-Null
New-AzureVNetGateway -VNetName 'SalesVNET1' -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName 'SalesVNET1' | Out-Null
Get-AzureAuthorizedDedicatedCircuit | Select-Object CircuitName, MaximumAllowedLinks, UsedLinks | Out-Host
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName 'SalesVNET1' -Force
Select-AzureSubscription -SubscriptionName 'Contoso Production'

Write-Host '== 6. Take it down: links and peerings, then the provider deprovisions, then delete'
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName 'MyVNet' -Force
foreach ($access in 'Microsoft', 'Public', 'Private') {
    Remove-AzureBGPPeering -AccessType $access -ServiceKey $key -Force
}
# Deleting first is refused while the provider still has the circuit provisioned:
Remove-AzureDedicatedCircuit -ServiceKey $key -Force -ErrorAction SilentlyContinue
Write-Host ("   delete refused: {0}" -f $Error[0].Exception.Message)
Request-ErSimDeprovisioning -ServiceKey $key
Write-Host ("   state: {0}" -f (Get-AzureDedicatedCircuit -ServiceKey $key).ServiceProviderProvisioningState)
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object CircuitName, ServiceProviderProvisioningState, Status | Out-Host
Remove-AzureDedicatedCircuit -ServiceKey $key -Force -PassThru
Write-Host ("== Done: {0} circuit(s) left, billing stopped." -f @(Get-AzureDedicatedCircuit).Count)
