# The AzureRM-era names of circuit-arm 2017-04 and routing-arm 2017-07, with no extra step,
# beside the Az ones: the same cmdlets in the AzureRM modules.
Enable-AzureRmAlias
Login-AzureRmAccount | Out-Host
Get-AzureRmSubscription | Out-Host
Select-AzureRmSubscription -SubscriptionId (Get-AzureRmSubscription -SubscriptionName 'Contoso Production').Id | Out-Null
Get-AzureRmContext | Out-Host
New-AzureRmResourceGroup -Name "ExpressRouteResourceGroup" -Location "West US" | Out-Host
$ckt = New-AzureRmExpressRouteCircuit -Name "ExpressRouteARMCircuit" -ResourceGroupName "ExpressRouteResourceGroup" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200
Get-AzureRmExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" | Select-Object Name, Location, ServiceProviderProvisioningState | Out-Host
Get-AzExpressRouteCircuit -Name "ExpressRoute*" | Select-Object -ExpandProperty Name
Get-AzureRmExpressRouteServiceProvider | Where-Object PeeringLocations -Contains "Silicon Valley" | Select-Object Name | Out-Host
Get-AzureRmExpressRouteServiceProvider | Where-Object Name -eq 'Equinix' | Out-Host
Get-AzureRmExpressRouteCircuit -Name "nope" -ResourceGroupName "ExpressRouteResourceGroup"
Remove-AzureRmExpressRouteCircuit -ResourceGroupName "ExpressRouteResourceGroup" -Name "ExpressRouteARMCircuit" -Force -PassThru
Get-Command New-AzureRmExpressRouteCircuit, Connect-AzureRmAccount, Set-AzContext | Select-Object CommandType, Name, Source | Out-Host
Disable-AzureRmAlias
