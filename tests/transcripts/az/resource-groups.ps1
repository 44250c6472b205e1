# Resource groups: ARM's region names, the Resources module's own message for a missing
# group, the update prompt declined by -Force's absence (no host to ask), and the service's
# errors for circuits in a group that is not there.
New-AzResourceGroup -Name "LabRG" -Location "East US 2" -Tag @{ env = 'lab' } | Out-Host
New-AzResourceGroup -Name "Second" -Location "westeurope" | Out-Host
Get-AzResourceGroup | Select-Object ResourceGroupName, Location, ProvisioningState | Out-Host
Get-AzResourceGroup -Location 'West Europe' | Select-Object -ExpandProperty ResourceGroupName
Get-AzResourceGroup -Name "Missing"
"Get of a missing group: $?"
New-AzResourceGroup -Name "LabRG" -Location "East US 2" -Force | Select-Object ResourceGroupName, Tags | Out-Host
New-AzResourceGroup -Name "LabRG" -Location "West US" -Force
New-AzResourceGroup -Name "Bad." -Location "West US"
New-AzResourceGroup -Name "Nowhere" -Location "West EU"
Get-AzExpressRouteCircuit -ResourceGroupName "Missing"
Get-AzExpressRouteCircuit -ResourceGroupName "LabRG" -Name "ps404"
"Get of a missing circuit: $?"
New-AzExpressRouteCircuit -Name "c1" -ResourceGroupName "Missing" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "London" -BandwidthInMbps 50
New-AzExpressRouteCircuit -Name "c1" -ResourceGroupName "LabRG" -Location "West US" -SkuTier Local -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "London" -BandwidthInMbps 50
New-AzExpressRouteCircuit -Name "c1" -ResourceGroupName "LabRG" -Location "West US" -SkuTier Gold -ServiceProviderName "Equinix" -PeeringLocation "London" -BandwidthInMbps 50
$c = New-AzExpressRouteCircuit -Name "c1" -ResourceGroupName "LabRG" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "London" -BandwidthInMbps 50
Remove-AzExpressRouteCircuit -Name "c1" -ResourceGroupName "LabRG" -Force
Set-AzExpressRouteCircuit -ExpressRouteCircuit $c
Remove-AzResourceGroup -Name "Second" -Force
Remove-AzResourceGroup -Name "Second" -Force
Get-AzResourceGroup | Select-Object -ExpandProperty ResourceGroupName
