# The circuit part of expressroute-howto-circuit-arm (2024-09), on the same world as the
# classic module: the provider provisions and deprovisions the ARM circuit by its service key.
# Each step goes to Out-Host, as each line typed at the prompt has its own Out-Default.
Connect-AzAccount | Out-Host
Select-AzSubscription -SubscriptionName 'Contoso Production' | Out-Null
$resourceGroupName = (New-AzResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US").ResourceGroupName
$resourceGroupName
New-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200 | Out-Host
$key = (Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup").ServiceKey

# The provider, acting on the service key with the classic provider cmdlets.
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" | Select-Object CircuitProvisioningState, ServiceProviderProvisioningState | Out-Host
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Get-AzExpressRouteCircuit | Out-Host

# Modify: Premium, then more bandwidth, then unlimited data.
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.Sku.Tier = "Premium"
$ckt.sku.Name = "Premium_MeteredData"
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty Sku | Out-Host
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.ServiceProviderProperties.BandwidthInMbps = 1000
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
$ckt.ServiceProviderProperties | Out-Host
$ckt.Sku.Family = "UnlimitedData"
$ckt.sku.Name = "Premium_UnlimitedData"
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object -ExpandProperty Sku | Out-Host
# Neither direction back is allowed.
$ckt = Get-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup"
$ckt.ServiceProviderProperties.BandwidthInMbps = 200
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
"after the refused downgrade: $?"

# Deprovision and delete: refused while the provider holds the circuit.
Remove-AzExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force
Request-ErSimDeprovisioning -ServiceKey $key | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force -PassThru
Get-AzExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup"
Get-ErSimState | Select-Object Circuits, CircuitsBilledNow | Out-Host
