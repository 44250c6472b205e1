# A site-to-site connection (type IPsec) from a VPN gateway to a local network gateway: made, its
# key kept, its ends fixed; the rules around it.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "S2SRG" -Location "West US" | Out-Null
$vnet = New-AzVirtualNetwork -Name "S2SVnet" -ResourceGroupName "S2SRG" -Location "West US" -AddressPrefix "10.80.0.0/16" -Subnet (New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "10.80.255.0/27")
$pip = New-AzPublicIpAddress -Name "S2SIp" -ResourceGroupName "S2SRG" -Location "West US" -AllocationMethod Dynamic
$cfg = New-AzVirtualNetworkGatewayIpConfig -Name "cfg" -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id
$vpn = New-AzVirtualNetworkGateway -Name "S2SGw" -ResourceGroupName "S2SRG" -Location "West US" -IpConfigurations $cfg -GatewayType Vpn -VpnType RouteBased -GatewaySku VpnGw1
$site = New-AzLocalNetworkGateway -Name "Site" -ResourceGroupName "S2SRG" -Location "West US" -GatewayIpAddress "203.0.113.10" -AddressPrefix "10.100.0.0/16"
$c = New-AzVirtualNetworkGatewayConnection -Name "S2S" -ResourceGroupName "S2SRG" -Location "West US" -VirtualNetworkGateway1 $vpn -LocalNetworkGateway2 $site -ConnectionType IPsec -SharedKey "abc123" -RoutingWeight 10
$c | Format-List Name, ConnectionType, ConnectionStatus, SharedKey, RoutingWeight, Peer
$c.LocalNetworkGateway2.Id -eq $site.Id
# A new key and weight on the existing connection.
$c.SharedKey = "def456"
$c.RoutingWeight = 20
Set-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $c -Force | Format-List SharedKey, RoutingWeight
# A local network gateway that is not there, and none at all.
$gone = New-AzLocalNetworkGateway -Name "Gone" -ResourceGroupName "S2SRG" -Location "West US" -GatewayIpAddress "203.0.113.20" -AddressPrefix "10.110.0.0/16"
Remove-AzLocalNetworkGateway -Name "Gone" -ResourceGroupName "S2SRG" -Force
New-AzVirtualNetworkGatewayConnection -Name "S2S2" -ResourceGroupName "S2SRG" -Location "West US" -VirtualNetworkGateway1 $vpn -LocalNetworkGateway2 $gone -ConnectionType IPsec -SharedKey "abc123"
New-AzVirtualNetworkGatewayConnection -Name "S2S2" -ResourceGroupName "S2SRG" -Location "West US" -VirtualNetworkGateway1 $vpn -ConnectionType IPsec -SharedKey "abc123"
# Vnet2Vnet is not offered.
New-AzVirtualNetworkGatewayConnection -Name "V2V" -ResourceGroupName "S2SRG" -Location "West US" -VirtualNetworkGateway1 $vpn -ConnectionType Vnet2Vnet -SharedKey "abc123"
# The local gateway the connection names stays until the connection goes.
Remove-AzLocalNetworkGateway -Name "Site" -ResourceGroupName "S2SRG" -Force
Remove-AzVirtualNetworkGatewayConnection -Name "S2S" -ResourceGroupName "S2SRG" -Force -PassThru
Remove-AzLocalNetworkGateway -Name "Site" -ResourceGroupName "S2SRG" -Force -PassThru
