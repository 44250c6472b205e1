# expressroute-howto-linkvnet-arm (2020-10), end to end, in one world: a VNet of the circuit's
# subscription, then one of another subscription through an authorization key, the connection
# modified, released and the circuit torn down in the order the service requires. The page's
# Set- and Remove- lines ask before they act; this run is not interactive, so they carry -Force
# (the prompts themselves are in network-prompts).
Connect-AzAccount | Out-Null

# A ready VNet gateway named ExpressRouteGw (expressroute-howto-add-gateway-resource-manager).
function New-LabGateway($rg, $vnetName, $prefix, $gwName = "ExpressRouteGw") {
    $gwSubnet = New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "$prefix.255.0/27"
    $vnet = New-AzVirtualNetwork -Name $vnetName -ResourceGroupName $rg -Location "East US" -AddressPrefix "$prefix.0.0/16" -Subnet $gwSubnet
    $pip = New-AzPublicIpAddress -Name "$gwName-ip" -ResourceGroupName $rg -Location "East US" -AllocationMethod Dynamic
    $ipconf = New-AzVirtualNetworkGatewayIpConfig -Name "gwipconf" -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id
    New-AzVirtualNetworkGateway -Name $gwName -ResourceGroupName $rg -Location "East US" -IpConfigurations $ipconf -GatewayType ExpressRoute -GatewaySku Standard | Out-Null
}

# The page's prerequisites: a circuit enabled by its provider, with Azure private peering, and a
# gateway.
New-AzResourceGroup -Name "MyRG" -Location "East US" | Out-Null
$new = @{ Name = "MyCircuit"; ResourceGroupName = "MyRG"; Location = "East US"; SkuTier = "Standard"; SkuFamily = "MeteredData"; ServiceProviderName = "Equinix"; PeeringLocation = "Silicon Valley"; BandwidthInMbps = 200 }
$key = (New-AzExpressRouteCircuit @new).ServiceKey
New-LabGateway "MyRG" "MyVNet" "10.1"
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$gw = Get-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG"
# Not yet: the provider has not provisioned the circuit.
New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "MyRG" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
$ckt = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65010 -PrimaryPeerAddressPrefix "172.16.0.0/30" -SecondaryPeerAddressPrefix "172.16.0.4/30" -VlanId 200 | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null

# Connect a virtual network in the same subscription to a circuit.
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$gw = Get-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG"
$connection = New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "MyRG" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute
$connection | Out-Host

# Circuit owner: an authorization for the Dev-Test subscription, as the page makes it.
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Add-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization1" | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Out-Null
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
$authorization = Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $circuit -Name "MyAuthorization1"
$authKey = $authorization.AuthorizationKey
$id = $circuit.Id

# Circuit user, in the Dev-Test subscription.
Connect-AzAccount -AccountId "devtest@contoso.com" | Out-Null
New-AzResourceGroup -Name "MyRG" -Location "East US" | Out-Null
New-AzResourceGroup -Name "RemoteResourceGroup" -Location "East US" | Out-Null
New-LabGateway "MyRG" "UserVNet" "10.2"
New-LabGateway "MyRG" "OtherVNet" "10.3" "OtherGw"
$gw = Get-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG"
# Without a key, with a key that is none of the circuit's, with the authorization's id as PeerId.
New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $id -ConnectionType ExpressRoute
New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $id -ConnectionType ExpressRoute -AuthorizationKey ([guid]::Empty)
New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId "$id/authorizations/MyAuthorization1" -ConnectionType ExpressRoute -AuthorizationKey $authKey
# To redeem a connection authorization.
$connection = New-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $gw -PeerId $id -ConnectionType ExpressRoute -AuthorizationKey $authKey
$connection | Select-Object Name, ResourceGroupName, ConnectionStatus, RoutingWeight | Out-Host
# The key is valid for only one connection.
$other = Get-AzVirtualNetworkGateway -Name "OtherGw" -ResourceGroupName "MyRG"
New-AzVirtualNetworkGatewayConnection -Name "OtherConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $other -PeerId $id -ConnectionType ExpressRoute -AuthorizationKey $authKey

# Modify a virtual network connection: the weight; FastPath needs an UltraPerformance or ErGw3AZ gateway.
$connection = Get-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup"
$connection.RoutingWeight = 100
Set-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $connection -Force | Select-Object Name, RoutingWeight | Out-Host
$connection.ExpressRouteGatewayBypass = $True
Set-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $connection -Force

# Clean up: the page's line passes the name by position, which the cmdlet does not accept.
Remove-AzVirtualNetworkGatewayConnection "ERConnection" -ResourceGroupName "RemoteResourceGroup"
Remove-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "RemoteResourceGroup" -Force
# Released: the other gateway may now redeem the key.
(New-AzVirtualNetworkGatewayConnection -Name "OtherConnection" -ResourceGroupName "RemoteResourceGroup" -Location "East US" -VirtualNetworkGateway1 $other -PeerId $id -ConnectionType ExpressRoute -AuthorizationKey $authKey).ConnectionStatus
Remove-AzVirtualNetworkGatewayConnection -Name "OtherConnection" -ResourceGroupName "RemoteResourceGroup" -Force

# Back to the circuit owner: what is in use cannot be deleted, then the order the service requires.
Connect-AzAccount | Out-Null
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionNotProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
Remove-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG" -Force
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Remove-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit $circuit | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Out-Null
Remove-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG" -Force
Remove-AzVirtualNetworkGatewayConnection -Name "ERConnection" -ResourceGroupName "MyRG" -Force -PassThru
Remove-AzVirtualNetworkGateway -Name "ExpressRouteGw" -ResourceGroupName "MyRG" -Force -PassThru
$circuit = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG"
Remove-AzExpressRouteCircuitAuthorization -Name "MyAuthorization1" -ExpressRouteCircuit $circuit | Out-Null
Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit | Out-Null
Remove-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "MyRG" -Force -PassThru
