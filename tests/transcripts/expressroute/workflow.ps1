# The workflow page end to end: order, provider provisions, routing, link, share,
# deprovision, delete. Every state the page shows is printed.
Import-Module 'C:\Program Files\WindowsPowerShell\Modules\Azure\5.3.0\Azure.psd1'
Import-Module 'C:\Program Files\WindowsPowerShell\Modules\Azure\5.3.0\ExpressRoute\ExpressRoute.psd1'
$circuit = New-AzureDedicatedCircuit -CircuitName MyTestCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force
$key = $circuit.ServiceKey
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object ServiceProviderProvisioningState, Status | Out-Host

Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object ServiceProviderProvisioningState, Status | Out-Host

Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned -PassThru | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuit | Out-Host

New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 100 | Out-Host
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Select-Object OperationDescription, OperationStatus | Out-Host
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Select-Object OperationDescription, OperationStatus | Out-Host
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Host

$auth = New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description "Dev-Test Links" -Limit 2 -MicrosoftIds 'devtest@contoso.com'
$auth | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Dev-Test'
Set-AzureVNetConfig -ConfigurationPath .\network-devtest.xml | Out-Null
New-AzureVNetGateway -VNetName SalesVNET1 -GatewayType DynamicRouting | Out-Null
Get-AzureAuthorizedDedicatedCircuit | Out-Host
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName SalesVNET1 | Out-Host
Get-AzureAuthorizedDedicatedCircuit | Select-Object CircuitName, MaximumAllowedLinks, UsedLinks | Out-Host
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName SalesVNET1 -Force | Out-Host

Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key | Select-Object Description, Used | Out-Host
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet -Force | Out-Host
Remove-AzureBGPPeering -ServiceKey $key -AccessType Private -Force | Out-Host

# Deprovision: the provider reports NotProvisioned, then the customer deletes.
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Host
Get-AzureCrossConnection -ServiceKey $key | Select-Object ProvisioningState, Status | Out-Host
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object ServiceProviderProvisioningState, Status | Out-Host
Remove-AzureDedicatedCircuit -ServiceKey $key -Force -PassThru | Out-Host
Get-AzureDedicatedCircuit | Out-Host
