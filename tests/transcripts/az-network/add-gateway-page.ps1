# expressroute-howto-add-gateway-resource-manager (2020-10), every command in page order in one
# world: a GatewaySubnet is added to the page's prerequisite VNet, a Dynamic public IP requested,
# and an ExpressRoute gateway built (45 minutes of the world's clock), verified, resized and
# removed; the page's alternatives (the dual-stack subnet, the Static Standard address) run where
# the page shows them. Each printed step goes to Out-Host, as each line typed at the prompt has
# its own Out-Default. After the page: what the gateway uses cannot go first. Differences from
# the page: docs/fidelity-cmdlets.md ("Resource Manager pages replayed").
Connect-AzAccount | Out-Null

# The page's configuration reference list: TestVNet 192.168.0.0/16 with FrontEnd in TestRG.
New-AzResourceGroup -Name "TestRG" -Location "East US" | Out-Null
$fe = New-AzVirtualNetworkSubnetConfig -Name "FrontEnd" -AddressPrefix "192.168.1.0/24"
New-AzVirtualNetwork -Name "TestVNet" -ResourceGroupName "TestRG" -Location "East US" -AddressPrefix "192.168.0.0/16" -Subnet $fe | Out-Null

# Add a gateway.
$RG = "TestRG"
$Location = "East US"
$GWName = "GW"
$GWIPName = "GWIP"
$GWIPconfName = "gwipconf"
$VNetName = "TestVNet"
$vnet = Get-AzVirtualNetwork -Name $VNetName -ResourceGroupName $RG
Add-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet -AddressPrefix 192.168.200.0/26 | Out-Host
# The dual-stack form, an alternative on the page, finds the subnet already on $vnet.
Add-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet -AddressPrefix "10.0.0.0/26","ace:daa:daaa:deaa::/64"
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet
$subnet = Get-AzVirtualNetworkSubnetConfig -Name 'GatewaySubnet' -VirtualNetwork $vnet
$subnet | Out-Host
$pip = New-AzPublicIpAddress -Name $GWIPName  -ResourceGroupName $RG -Location $Location -AllocationMethod Dynamic
$pip | Out-Host
# The page's Standard alternative asks to overwrite the address just made; unanswered, it keeps it.
$pip = New-AzPublicIpAddress -Name $GWIPName  -ResourceGroupName $RG -Location $Location -AllocationMethod Static -SKU Standard
"Standard alternative: $($null -eq $pip)"
$pip = Get-AzPublicIpAddress -Name $GWIPName -ResourceGroupName $RG
$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name $GWIPconfName -Subnet $subnet -PublicIpAddress $pip
$before = Get-Date
New-AzVirtualNetworkGateway -Name $GWName -ResourceGroupName $RG -Location $Location -IpConfigurations $ipconf -GatewayType Expressroute -GatewaySku Standard | Out-Host
"The gateway took $(((Get-Date) - $before).TotalMinutes) minutes."

# Verify the gateway was created; its Dynamic address is now assigned.
Get-AzVirtualNetworkGateway -ResourceGroupName $RG | Out-Host
(Get-AzPublicIpAddress -Name $GWIPName -ResourceGroupName $RG).IpAddress
(Get-AzVirtualNetworkSubnetConfig -Name 'GatewaySubnet' -VirtualNetwork (Get-AzVirtualNetwork -Name $VNetName -ResourceGroupName $RG)).IpConfigurations.Id

# Resize the gateway; never to UltraPerformance, and not to the SKU it has.
$gw = Get-AzVirtualNetworkGateway -Name $GWName -ResourceGroupName $RG
Resize-AzVirtualNetworkGateway -VirtualNetworkGateway $gw -GatewaySku HighPerformance | Select-Object -ExpandProperty Sku | Out-Host
Resize-AzVirtualNetworkGateway -VirtualNetworkGateway $gw -GatewaySku UltraPerformance
Resize-AzVirtualNetworkGateway -VirtualNetworkGateway $gw -GatewaySku HighPerformance

# What the gateway uses cannot go first.
Remove-AzPublicIpAddress -Name $GWIPName -ResourceGroupName $RG -Force
Remove-AzVirtualNetwork -Name $VNetName -ResourceGroupName $RG -Force
$vnet = Get-AzVirtualNetwork -Name $VNetName -ResourceGroupName $RG
Remove-AzVirtualNetworkSubnetConfig -Name GatewaySubnet -VirtualNetwork $vnet | Set-AzVirtualNetwork

# Remove the gateway (the page's line asks first; -Force here): its address is given back, then
# the rest can go.
Remove-AzVirtualNetworkGateway -Name $GWName -ResourceGroupName $RG -Force
(Get-AzPublicIpAddress -Name $GWIPName -ResourceGroupName $RG).IpAddress
Remove-AzPublicIpAddress -Name $GWIPName -ResourceGroupName $RG -Force -PassThru
Remove-AzVirtualNetwork -Name $VNetName -ResourceGroupName $RG -Force -PassThru
Get-AzVirtualNetwork -ResourceGroupName $RG
