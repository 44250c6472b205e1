# expressroute-howto-circuit-arm (2024-09), every command in page order in one world. Not run:
# the git clone of the samples repository and its two high-availability scripts (files outside
# the lab). The page's differences from this output are listed in docs/fidelity-cmdlets.md
# ("Resource Manager pages replayed").

# Sign in (the page's include) and the supported providers (no sample printed: the one used).
Connect-AzAccount | Out-Host
Get-AzSubscription | Out-Host
Select-AzSubscription -SubscriptionName "Contoso Production" | Out-Null
Get-AzExpressRouteServiceProvider | Where-Object Name -eq "Equinix" | Select-Object Name, PeeringLocations | Out-Host

# Create the resource group, then read its name back as the page's second form does.
$resourceGroupName = (New-AzResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US").ResourceGroupName
$resourceGroupName = (Get-AzResourceGroup -Name "ExpressRouteResourceGroup").ResourceGroupName
$resourceGroupName

# High Resiliency: "West EU" is no Azure region, so the page's command is refused as written.
New-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West EU" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Amsterdam Metro" -BandwidthInMbps 200
# Standard Resiliency.
New-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200 | Out-Null
get-help New-AzExpressRouteCircuit -detailed | Out-Null

# List the circuits, twice as the page does.
Get-AzExpressRouteCircuit | Out-Host
Get-AzExpressRouteCircuit | Out-Host

# The provider enables the circuit (the classic provider cmdlets on the service key).
$key = (Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup").ServiceKey
Get-AzExpressRouteCircuit | Format-List ServiceProviderProvisioningState, CircuitProvisioningState
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzExpressRouteCircuit | Format-List ServiceProviderProvisioningState, CircuitProvisioningState
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzExpressRouteCircuit | Format-List ServiceProviderProvisioningState, CircuitProvisioningState

# Check the status, then the status of all circuits and of the one.
Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Out-Host
Get-AzExpressRouteCircuit | Out-Host
Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Out-Host
get-help Get-AzExpressRouteCircuit -detailed | Out-Null

# Modify: premium on and off, bandwidth up, metered to unlimited (the page prints no samples).
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Tier = "Premium"
$ckt.sku.Name = "Premium_MeteredData"
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty Sku | Out-Host

$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Tier = "Standard"
$ckt.sku.Name = "Standard_MeteredData"
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty Sku | Out-Host

$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.ServiceProviderProperties.BandwidthInMbps = 1000
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty ServiceProviderProperties | Out-Host

$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Family = "UnlimitedData"
$ckt.sku.Name = "Premium_UnlimitedData"
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty Sku | Out-Host

# Deprovision, then clean up. The page's Remove- asks first; this run is not interactive, so it
# carries -Force. Refused while the provider still holds the circuit.
Remove-AzExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force
Request-ErSimDeprovisioning -ServiceKey $key | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force
Get-AzExpressRouteCircuit
"circuits left: $(@(Get-AzExpressRouteCircuit).Count)"
