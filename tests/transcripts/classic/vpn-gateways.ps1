# The coexistence page's classic steps: an ExpressRoute gateway and a site-to-site VPN
# gateway on one VNet, a local network gateway, the IPsec connection between them; then
# resize, the errors of each family, and removal in order.
Set-Location (New-Item -ItemType Directory C:\coexist).FullName
Copy-Item "$PSScriptRoot\network.xml" .\network.xml
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting -GatewaySKU HighPerformance | Out-Null
New-AzureVirtualNetworkGateway -VNetName MyVNet -GatewayName S2SVPN -GatewayType DynamicRouting -GatewaySKU HighPerformance | Select-Object OperationDescription, OperationStatus
$gw = Get-AzureVirtualNetworkGateway | Select-Object -First 1
$gw | Format-List GatewayName, GatewayType, State, GatewaySKU, Location, EnableBgp, Asn
New-AzureLocalNetworkGateway -GatewayName MyLocalNetwork -IpAddress 131.107.72.22 -AddressSpace 10.1.2.0/24, 10.1.3.0/24 | Out-Null
$local = Get-AzureLocalNetworkGateway
$local | Format-List GatewayName, IpAddress, AddressSpace
New-AzureVirtualNetworkGatewayConnection -connectedEntityId $local.GatewayId -gatewayConnectionName Azure2Local -gatewayConnectionType IPsec -sharedKey abc123 -virtualNetworkGatewayId $gw.GatewayId | Out-Null
Get-AzureVirtualNetworkGatewayConnection | Format-List GatewayConnectionName, GatewayConnectionType, RoutingWeight, SharedKey
(Get-AzureVirtualNetworkGatewayConnection -GatewayId $gw.GatewayId -ConnectedEntityId $local.GatewayId).ConnectedEntityId -eq $local.GatewayId
Resize-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId -GatewaySKU Standard | Format-List Status, HttpStatusCode
(Get-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId).GatewaySKU
# Both gateways keep the VNet in the configuration; the ExpressRoute gateway is unchanged.
(Get-AzureVNetGateway -VNetName MyVNet).GatewaySKU
Remove-AzureVNetConfig

# Errors: a second VPN gateway, a VNet without a gateway subnet, bad ids and values,
# a second connection of the same pair, removals out of order.
New-AzureVirtualNetworkGateway -VNetName MyVNet -GatewayName Another
New-AzureVirtualNetworkGateway MyVNet S2S2 -GatewaySKU Huge
Get-AzureVirtualNetworkGateway -GatewayId not-a-guid
Get-AzureVirtualNetworkGateway -GatewayId 00000000-0000-0000-0000-000000000001
New-AzureLocalNetworkGateway -GatewayName MyLocalNetwork -IpAddress 131.107.72.23 -AddressSpace 10.1.4.0/24
New-AzureLocalNetworkGateway -GatewayName Branch -IpAddress 131.107.72 -AddressSpace 10.1.4.0/24
New-AzureLocalNetworkGateway -GatewayName Branch -IpAddress 131.107.72.24 -AddressSpace 10.1.4.1/24
New-AzureVirtualNetworkGatewayConnection $local.GatewayId Again IPsec -VirtualNetworkGatewayId $gw.GatewayId
New-AzureVirtualNetworkGatewayConnection $local.GatewayId Odd Bogus -VirtualNetworkGatewayId $gw.GatewayId
Remove-AzureLocalNetworkGateway -GatewayId $local.GatewayId
Remove-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId

Remove-AzureVirtualNetworkGatewayConnection -GatewayId $gw.GatewayId -ConnectedEntityId $local.GatewayId | Select-Object OperationStatus
Remove-AzureVirtualNetworkGatewayConnection -GatewayId $gw.GatewayId -ConnectedEntityId $local.GatewayId
Remove-AzureLocalNetworkGateway -GatewayId $local.GatewayId | Format-List StatusCode
Remove-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId | Select-Object OperationStatus
(Get-AzureVirtualNetworkGateway).Count
