# expressroute-howto-coexist-resource-manager (2019-12), "To create a new virtual network and
# coexisting connections": the VNet with its GatewaySubnet, the VPN gateway (again with -Asn, as
# the page shows), the local network gateway and the IPsec connection, the ExpressRoute gateway
# beside it and its connection. Steps 8-9 are an existing circuit, provisioned with private
# peering below. The page's placeholders are written as a reader would fill them: *<Public IP>*
# as 203.0.113.10 (a documentation address), <yourkey> as 'abc123'. Step 5's BGP alternative is
# not replayed: it creates the same "LocalVPNGateway" again, with placeholders for every value.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "YourCircuitResourceGroup" -Location "Central US" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "YourCircuit" -ResourceGroupName "YourCircuitResourceGroup" -Location "Central US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Chicago" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -Name "YourCircuit" -ResourceGroupName "YourCircuitResourceGroup"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65020 -PrimaryPeerAddressPrefix "172.16.1.0/30" -SecondaryPeerAddressPrefix "172.16.1.4/30" -VlanId 300 | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null

# 2. Set variables.
$location = "Central US"
$resgrp = New-AzResourceGroup -Name "ErVpnCoex" -Location $location
$VNetASN = 65515
# 3. A new VNet, its subnets, saved.
$vnet = New-AzVirtualNetwork -Name "CoexVnet" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -AddressPrefix "10.200.0.0/16"
Add-AzVirtualNetworkSubnetConfig -Name "App" -VirtualNetwork $vnet -AddressPrefix "10.200.1.0/24" | Out-Null
Add-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet -AddressPrefix "10.200.255.0/24" | Out-Null
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet
$vnet.Subnets | Select-Object Name, AddressPrefix | Out-Host
# 4. The Site-to-Site VPN gateway: RouteBased, not Basic.
$gwSubnet = Get-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet
$gwIP = New-AzPublicIpAddress -Name "VPNGatewayIP" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -AllocationMethod Dynamic
$gwConfig = New-AzVirtualNetworkGatewayIpConfig -Name "VPNGatewayIpConfig" -SubnetId $gwSubnet.Id -PublicIpAddressId $gwIP.Id
New-AzVirtualNetworkGateway -Name "VPNGateway" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -IpConfigurations $gwConfig -GatewayType "Vpn" -VpnType "RouteBased" -GatewaySku "VpnGw1" | Out-Host
$azureVpn = New-AzVirtualNetworkGateway -Name "VPNGateway" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -IpConfigurations $gwConfig -GatewayType "Vpn" -VpnType "RouteBased" -GatewaySku "VpnGw1" -Asn $VNetASN
"$($azureVpn.BgpSettings.BgpPeeringAddress) $($azureVpn.BgpSettings.Asn)"
# 5. The local site: static routes to the on-premises prefixes.
$MyLocalNetworkAddress = @("10.100.0.0/16","10.101.0.0/16","10.102.0.0/16")
$localVpn = New-AzLocalNetworkGateway -Name "LocalVPNGateway" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -GatewayIpAddress 203.0.113.10 -AddressPrefix $MyLocalNetworkAddress
$localVpn
# 6. (The on-premises device is configured outside Azure.)
# 7. Link the Site-to-Site VPN gateway to the local gateway.
$azureVpn = Get-AzVirtualNetworkGateway -Name "VPNGateway" -ResourceGroupName $resgrp.ResourceGroupName
New-AzVirtualNetworkGatewayConnection -Name "VPNConnection" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -VirtualNetworkGateway1 $azureVpn -LocalNetworkGateway2 $localVpn -ConnectionType IPsec -SharedKey 'abc123' | Select-Object Name, ConnectionType, ConnectionStatus | Out-Host
# 10. The ExpressRoute gateway beside it.
$gwSubnet = Get-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet
$gwIP = New-AzPublicIpAddress -Name "ERGatewayIP" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -AllocationMethod Dynamic
$gwConfig = New-AzVirtualNetworkGatewayIpConfig -Name "ERGatewayIpConfig" -SubnetId $gwSubnet.Id -PublicIpAddressId $gwIP.Id
$gw = New-AzVirtualNetworkGateway -Name "ERGateway" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -IpConfigurations $gwConfig -GatewayType "ExpressRoute" -GatewaySku Standard
# 11. Link the ExpressRoute gateway to the circuit.
$ckt = Get-AzExpressRouteCircuit -Name "YourCircuit" -ResourceGroupName "YourCircuitResourceGroup"
New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -VirtualNetworkGateway1 $gw -PeerId $ckt.Id -ConnectionType ExpressRoute | Select-Object Name, ConnectionStatus | Out-Host

# The local gateway a connection names cannot go; the VPN gateway goes once its connection has.
Remove-AzLocalNetworkGateway -Name "LocalVPNGateway" -ResourceGroupName $resgrp.ResourceGroupName -Force
Remove-AzVirtualNetworkGateway -Name "VPNGateway" -ResourceGroupName $resgrp.ResourceGroupName -Force
Remove-AzVirtualNetworkGatewayConnection -Name "VPNConnection" -ResourceGroupName $resgrp.ResourceGroupName -Force
# The limits: a Basic or policy-based VPN gateway cannot coexist with the ExpressRoute one.
Remove-AzVirtualNetworkGateway -Name "VPNGateway" -ResourceGroupName $resgrp.ResourceGroupName -Force
New-AzVirtualNetworkGateway -Name "BasicVpn" -ResourceGroupName $resgrp.ResourceGroupName -Location $location -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -SubnetId $gwSubnet.Id -PublicIpAddressId (Get-AzPublicIpAddress -Name "VPNGatewayIP" -ResourceGroupName $resgrp.ResourceGroupName).Id) -GatewayType "Vpn" -VpnType "RouteBased" -GatewaySku "Basic"
