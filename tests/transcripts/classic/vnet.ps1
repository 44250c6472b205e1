# Classic VNets and gateways: configuration file, sites, gateways and their rules.
Set-AzureVNetConfig -ConfigurationPath .\missing.xml
Set-AzureVNetConfig -ConfigurationPath .\broken.xml
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Select-Object OperationDescription, OperationStatus | Out-Host
Get-AzureVNetSite | Select-Object Name, Location, AddressSpacePrefixes, Subnets | Out-Host
New-AzureVNetGateway -VNetName NoSuchVNet -GatewayType DynamicRouting
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting -GatewaySKU HighPerformance | Select-Object OperationStatus | Out-Host
Get-AzureVNetGateway -VNetName MyVNet | Select-Object State, GatewaySKU | Out-Host
(Get-AzureVNetConfig).XMLConfiguration
Remove-AzureVNetGateway -VNetName MyVNet | Select-Object OperationDescription | Out-Host
Get-AzureVNetGateway -VNetName MyVNet
