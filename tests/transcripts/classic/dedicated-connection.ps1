# A Dedicated connection of an id-based gateway: the connected entity is a circuit's service
# key, and the connection is that circuit's link to the gateway's VNet (link rules, no shared
# key, Get-AzureDedicatedCircuitLink sees it; removing either side removes both).
Set-Location (New-Item -ItemType Directory C:\dedicated).FullName
Copy-Item "$PSScriptRoot\network.xml" .\network.xml
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
$key = (New-AzureDedicatedCircuit -CircuitName er -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
New-AzureVirtualNetworkGateway -VNetName MyVNet -GatewayName ErGw -GatewayType DynamicRouting | Out-Null
$gw = Get-AzureVirtualNetworkGateway | Select-Object -First 1
# The circuit must be usable and have private peering, as for New-AzureDedicatedCircuitLink.
New-AzureVirtualNetworkGatewayConnection -ConnectedEntityId $key -GatewayConnectionName ToEr -GatewayConnectionType Dedicated -VirtualNetworkGatewayId $gw.GatewayId
Select-AzureSubscription -SubscriptionName 'Equinix Provider'
New-AzureCrossConnection -ServiceKey $key -Force | Out-Null
Set-AzureCrossConnection -ServiceKey $key -Operation NotifyCrossConnectionProvisioned | Out-Null
Select-AzureSubscription -SubscriptionName 'Contoso Production'
New-AzureVirtualNetworkGatewayConnection $key ToEr Dedicated -VirtualNetworkGatewayId $gw.GatewayId
New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Out-Null
# A local network gateway's id is no circuit; a circuit's key is no IPsec peer.
$local = New-AzureLocalNetworkGateway -GatewayName OnPrem -IpAddress 131.107.72.22 -AddressSpace 10.9.0.0/16
New-AzureVirtualNetworkGatewayConnection $local.LocalNetworkGatewayId ToEr Dedicated -VirtualNetworkGatewayId $gw.GatewayId
New-AzureVirtualNetworkGatewayConnection $key ToEr IPsec -VirtualNetworkGatewayId $gw.GatewayId
New-AzureVirtualNetworkGatewayConnection $key ToEr dedicated -VirtualNetworkGatewayId $gw.GatewayId | Select-Object OperationDescription, OperationStatus
Get-AzureVirtualNetworkGatewayConnection -GatewayId $gw.GatewayId -ConnectedEntityId $key | Format-List GatewayConnectionName, GatewayConnectionType, RoutingWeight, SharedKey
Get-AzureDedicatedCircuitLink -ServiceKey $key | Format-List State, VnetName
# The VNet is linked once, whichever way.
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
New-AzureVirtualNetworkGatewayConnection $key Again Dedicated -VirtualNetworkGatewayId $gw.GatewayId
# The circuit cannot be deleted while linked; the gateway not while connected.
Remove-AzureDedicatedCircuit -ServiceKey $key -Force
Remove-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId
# Removing the link removes the connection, and the other way round.
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet -Force | Out-Null
(Get-AzureVirtualNetworkGatewayConnection).Count
New-AzureVirtualNetworkGatewayConnection $key ToEr Dedicated -VirtualNetworkGatewayId $gw.GatewayId | Out-Null
@(Get-AzureDedicatedCircuitLink -ServiceKey $key).Count
Remove-AzureVirtualNetworkGatewayConnection $gw.GatewayId $key | Select-Object OperationStatus
@(Get-AzureDedicatedCircuitLink -ServiceKey $key).Count
# A static routing gateway cannot carry ExpressRoute.
Remove-AzureVirtualNetworkGateway -GatewayId $gw.GatewayId | Out-Null
New-AzureVirtualNetworkGateway -VNetName MyVNet -GatewayName Static | Out-Null
$static = Get-AzureVirtualNetworkGateway | Select-Object -First 1
New-AzureVirtualNetworkGatewayConnection $key ToEr Dedicated -VirtualNetworkGatewayId $static.GatewayId
