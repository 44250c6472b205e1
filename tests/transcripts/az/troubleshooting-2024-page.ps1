# expressroute-troubleshooting-expressroute-overview (2024-11, its Resource Manager PowerShell
# sections), every command in page order in one world: the page's circuit (West US 2, 100 Mbps
# unlimited, provisioned, private peering on VLAN 200 whose routers announce 10.2.20.0/25, and a
# VNet connected through its gateway) checked, its peerings read, its route table and traffic
# shown. The page's placeholders are
# that circuit's names. Differences: docs/fidelity-cmdlets.md ("Resource Manager pages replayed").
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "Test-ER-RG" -Location "West US 2" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "Test-ER-Ckt" -ResourceGroupName "Test-ER-RG" -Location "West US 2" -SkuTier Standard -SkuFamily UnlimitedData -ServiceProviderName "Equinix" -PeeringLocation "Seattle" -BandwidthInMbps 100).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 12345 -PrimaryPeerAddressPrefix "172.16.0.0/30" -SecondaryPeerAddressPrefix "172.16.0.4/30" -VlanId 200 | Set-AzExpressRouteCircuit | Out-Null
Set-ErSimCustomerRoute -ServiceKey $key -AccessType Private -Prefix 10.2.20.0/25 | Out-Null
# A VNet (10.1.0.0/16, its gateway in 10.17.17.128/27) connected to the circuit.
$gwSubnet = New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "10.17.17.128/27"
$vnet = New-AzVirtualNetwork -Name "Test-VNet" -ResourceGroupName "Test-ER-RG" -Location "West US 2" -AddressPrefix "10.1.0.0/16", "10.17.17.0/24" -Subnet $gwSubnet
$pip = New-AzPublicIpAddress -Name "Test-GW-IP" -ResourceGroupName "Test-ER-RG" -Location "West US 2" -AllocationMethod Dynamic
$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name "gwipconf" -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id
$gw = New-AzVirtualNetworkGateway -Name "Test-GW" -ResourceGroupName "Test-ER-RG" -Location "West US 2" -IpConfigurations $ipconf -GatewayType ExpressRoute -GatewaySku Standard
New-AzVirtualNetworkGatewayConnection -Name "Test-Connection" -ResourceGroupName "Test-ER-RG" -Location "West US 2" -VirtualNetworkGateway1 $gw -PeerId (Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt").Id -ConnectionType ExpressRoute | Out-Null

# Verification of the circuit.
Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" | Select-Object Name, Location | Out-Host
Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt" | Out-Host

# The peerings: private is there, Microsoft is not.
$ckt = Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Get-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt | Out-Host
$ckt = Get-AzExpressRouteCircuit -ResourceGroupName "Test-ER-RG" -Name "Test-ER-Ckt"
Get-AzExpressRouteCircuitPeeringConfig -Name "MicrosoftPeering" -ExpressRouteCircuit $ckt

# The route table of the primary path, then one of a peering the circuit lacks.
Get-AzExpressRouteCircuitRouteTable -DevicePath Primary -ExpressRouteCircuitName "Test-ER-Ckt" -PeeringType AzurePrivatePeering -ResourceGroupName "Test-ER-RG" | Out-Host
Get-AzExpressRouteCircuitRouteTable -DevicePath Primary -ExpressRouteCircuitName "Test-ER-Ckt" -PeeringType AzurePublicPeering -ResourceGroupName "Test-ER-RG"

# The traffic of the private peering, then of a peering the circuit lacks.
Get-AzExpressRouteCircuitStats -ResourceGroupName "Test-ER-RG" -ExpressRouteCircuitName "Test-ER-Ckt" -PeeringType 'AzurePrivatePeering' | Out-Host
Get-AzExpressRouteCircuitStats -ResourceGroupName "Test-ER-RG" -ExpressRouteCircuitName "Test-ER-Ckt" -PeeringType 'AzurePublicPeering'
