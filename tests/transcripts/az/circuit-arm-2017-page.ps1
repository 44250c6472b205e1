# expressroute-howto-circuit-arm (2017-04, AzureRM era), every command in page order in one
# world: sign-in, the provider list, the circuit created, provisioned by the provider (the
# classic provider cmdlets on its service key), modified, deprovisioned and deleted. Each
# printed step goes to Out-Host, as each line typed at the prompt has its own Out-Default.
# The page's differences from this output are listed in docs/fidelity-cloud.md ("Page replays").

# 1. Sign in and select the subscription (the page's "<subscription ID>" is the account's own).
Login-AzureRmAccount | Out-Host
Get-AzureRmSubscription | Out-Host
Select-AzureRmSubscription -SubscriptionId (Get-AzureRmSubscription -SubscriptionName 'Contoso Production').Id | Out-Host

# 2. The supported providers, locations and bandwidths (the page prints no sample; the
# provider it goes on to use).
Get-AzureRmExpressRouteServiceProvider | Where-Object Name -eq "Equinix" | Out-Host

# 3. The resource group and the circuit.
New-AzureRmResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US" | Out-Host
New-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200 | Out-Host
get-help New-AzureRmExpressRouteCircuit -detailed | Out-Null

# 4. List the circuits.
Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Out-Host
Get-AzureRmExpressRouteCircuit | Out-Host
get-help Get-AzureRmExpressRouteCircuit -detailed | Out-Null

# 5. The provider provisions the circuit by its service key.
$key = (Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup").ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Format-List ServiceProviderProvisioningState, CircuitProvisioningState
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'

# 6. Check the status.
Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Out-Host

# Getting the status of a circuit.
Get-AzureRmExpressRouteCircuit | Out-Host
Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Out-Host
get-help get-azurededicatedcircuit -detailed | Out-Null

# Modifying: premium on, premium off, bandwidth up, metered to unlimited.
$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Tier = "Premium"
$ckt.sku.Name = "Premium_MeteredData"
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Host

$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Tier = "Standard"
$ckt.sku.Name = "Standard_MeteredData"
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Host

$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.ServiceProviderProperties.BandwidthInMbps = 1000
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Host

$ckt = Get-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Family = "UnlimitedData"
$ckt.sku.Name = "Premium_UnlimitedData"
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Host

# Deprovisioning and deleting: refused while the provider holds the circuit (the page's line
# asks first; this run is not interactive, so it carries -Force), then the provider releases it.
Remove-AzureRmExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force
Request-ErSimDeprovisioning -ServiceKey $key | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzureRmExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force
Get-AzureRmExpressRouteCircuit | Out-Host
