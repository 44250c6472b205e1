# expressroute-howto-linkvnet-arm (2020-10), every command in page order in one world: the
# owner's VNet connected, authorizations made, reviewed and deleted, another subscription's VNet
# connected with a key, a connection's weight changed, FastPath, the clean-up. The page's
# placeholders (the masked peer id and key) are the circuit's own; where the page names a
# connection or gateway it never made, the literal line runs and is answered, then the replay
# goes on with the page's own resources. Set- and Remove- carry -Force where the page's line would
# ask. Rules beyond the page: link-vnet. Differences: docs/fidelity-cmdlets.md.
Connect-AzAccount | Out-Null

# A ready VNet gateway (expressroute-howto-add-gateway-resource-manager).
function New-LabGateway($rg, $vnetName, $prefix, $gwName, $sku = "Standard") {
    $gwSubnet = New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "$prefix.255.0/27"
    $vnet = New-AzVirtualNetwork -Name $vnetName -ResourceGroupName $rg -Location "East US" -AddressPrefix "$prefix.0.0/16" -Subnet $gwSubnet
    $pip = New-AzPublicIpAddress -Name "$gwName-ip" -ResourceGroupName $rg -Location "East US" -AllocationMethod Dynamic
    $ipconf = New-AzVirtualNetworkGatewayIpConfig -Name "gwipconf" -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id
    New-AzVirtualNetworkGateway -Name $gwName -ResourceGroupName $rg -Location "East US" -IpConfigurations $ipconf -GatewayType ExpressRoute -GatewaySku $sku | Out-Null
}

# The prerequisites: a circuit enabled by its provider, with Azure private peering, and a gateway.
New-AzResourceGroup -Name "MyRG" -Location "East US" | Out-Null
$key = (New-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG" -Location "East US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Washington DC" -BandwidthInMbps 200).ServiceKey
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65010 -PrimaryPeerAddressPrefix "172.16.0.0/30" -SecondaryPeerAddressPrefix "172.16.0.4/30" -VlanId 200 | Set-AzExpressRouteCircuit | Out-Null
New-LabGateway "MyRG" "MyVNet" "10.1" "ExpressRouteGw"

## Connect a virtual network in the same subscription to a circuit
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$gw = Get-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG"
$connection = New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "MyRG" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute
$connection | Select-Object Name, ConnectionType, ConnectionStatus | Out-Host

## Circuit owner operations: create, review, add and delete authorizations
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization1" | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Out-Null
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$auth1 = Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization1"
$auth1 | Out-Host

$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$authorizations = Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit
$authorizations | Select-Object Name, AuthorizationUseStatus | Out-Host

$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization2" | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Out-Null
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$authorizations = Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit
$authorizations | Select-Object Name, AuthorizationUseStatus | Out-Host

Remove-AzExpressRouteCircuitAuthorization -Name "MyAuthorization2" -ExpressRouteCircuit $circuit | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Select-Object -ExpandProperty Authorizations | Select-Object Name | Out-Host

## Circuit user operations: the peer id (read by the owner, who hands it over with the key)
Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG" | Select-Object Id | Format-List
$peerId = $circuit.Id
$authKey = $auth1.AuthorizationKey
# To redeem a connection authorization, in the Dev-Test subscription.
Connect-AzAccount -AccountId "devtest@contoso.com" | Out-Null
New-AzResourceGroup -Name "MyRG" -Location "East US" | Out-Null
New-AzResourceGroup -Name "RemoteResourceGroup" -Location "East US" | Out-Null
New-LabGateway "MyRG" "UserVNet" "10.2" "ExpressRouteGw"
$id = $peerId
$gw = Get-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG"
$connection = New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $id -ConnectionType ExpressRoute -AuthorizationKey $authKey
$connection | Select-Object Name, ResourceGroupName, ConnectionStatus | Out-Host

## Modify a virtual network connection, back in the circuit's subscription. The page's
## "MyVirtualNetworkConnection" is no connection it made; the weight then goes on ERConnection.
Connect-AzAccount | Out-Null
$connection = Get-AzVirtualNetworkGatewayConnection -Name "MyVirtualNetworkConnection" -ResourceGroupName "MyRG"
$connection = Get-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "MyRG"
$connection.RoutingWeight = 100
Set-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $connection -Force | Select-Object Name, RoutingWeight | Out-Host

## FastPath, on an UltraPerformance gateway "MyGateway". The page's "MyLocation" is no region.
New-LabGateway "MyRG" "FastVNet" "10.3" "MyGateway" "UltraPerformance"
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$gw = Get-AzVirtualNetworkGateway -Name "MyGateway" -ResourceGroupName "MyRG"
$connection = New-AzVirtualNetworkGatewayConnection -Name "MyConnection" -ResourceGroupName "MyRG" -ExpressRouteGatewayBypass -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute -Location "MyLocation"
$connection = New-AzVirtualNetworkGatewayConnection -Name "MyConnection" -ResourceGroupName "MyRG" -ExpressRouteGatewayBypass -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute -Location "East US"
$connection | Select-Object Name, ExpressRouteGatewayBypass | Out-Host
$connection = Get-AzVirtualNetworkGatewayConnection -Name "MyConnection" -ResourceGroupName "MyRG"
$connection.ExpressRouteGatewayBypass = $True
Set-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $connection -Force | Select-Object Name, ExpressRouteGatewayBypass | Out-Host

## Clean up: the page passes the name by position, which the cmdlet does not accept.
Remove-AzVirtualNetworkGatewayConnection "MyConnection" -ResourceGroupName "MyRG"
Remove-AzVirtualNetworkGatewayConnection -Name "MyConnection" -ResourceGroupName "MyRG" -Force
@(Get-AzVirtualNetworkGatewayConnection -ResourceGroupName "MyRG").Name
