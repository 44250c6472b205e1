# §4.6 for the network cmdlets, by the source's ConfirmAction: New- asks only to overwrite what
# exists; New-AzVirtualNetworkGateway asks only for an existing gateway given UltraPerformance,
# with the billing warning; Remove- always asks; Set-AzVirtualNetworkGatewayConnection always asks;
# New-AzRouteFilterRuleConfig and Set-AzRouteFilter always ask.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "AskRG" -Location "West US" | Out-Null
$gwSubnet = New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "10.5.255.0/27"
$vnet = New-AzVirtualNetwork -Name "AskVnet" -ResourceGroupName "AskRG" -Location "West US" -AddressPrefix "10.5.0.0/16" -Subnet $gwSubnet
"created without a prompt: $($vnet.Name)"
# No: the VNet keeps its address space.
New-AzVirtualNetwork -Name "AskVnet" -ResourceGroupName "AskRG" -Location "West US" -AddressPrefix "10.6.0.0/16"
"address space after No: $((Get-AzVirtualNetwork -Name AskVnet -ResourceGroupName AskRG).AddressSpace.AddressPrefixes)"
$pip = New-AzPublicIpAddress -Name "AskIp" -ResourceGroupName "AskRG" -Location "West US" -AllocationMethod Dynamic
$ipconf = New-AzVirtualNetworkGatewayIpConfig -Name "cfg" -SubnetId $vnet.Subnets[0].Id -PublicIpAddressId $pip.Id
$gw = @{ Name = "AskGw"; ResourceGroupName = "AskRG"; Location = "West US"; IpConfigurations = $ipconf; GatewayType = "ExpressRoute" }
New-AzVirtualNetworkGateway @gw -GatewaySku Standard | Select-Object Name, ProvisioningState | Out-Host
# An existing gateway, an ordinary SKU: no prompt.
(New-AzVirtualNetworkGateway @gw -GatewaySku HighPerformance).Sku.Name
# An existing gateway, UltraPerformance: the billing warning. No: nothing changes.
New-AzVirtualNetworkGateway @gw -GatewaySku UltraPerformance
"SKU after No: $((Get-AzVirtualNetworkGateway -Name AskGw -ResourceGroupName AskRG).Sku.Name)"
# Remove- asks; No keeps the address.
Remove-AzPublicIpAddress -Name "AskIp" -ResourceGroupName "AskRG"
"addresses after No: $(@(Get-AzPublicIpAddress -ResourceGroupName AskRG).Count)"
Remove-AzVirtualNetworkGateway -Name "AskGw" -ResourceGroupName "AskRG" -PassThru
# Route filters: New-AzRouteFilterRuleConfig and Set-AzRouteFilter always ask.
$filter = New-AzRouteFilter -Name "AskFilter" -ResourceGroupName "AskRG" -Location "West US"
$rule = New-AzRouteFilterRuleConfig -Name "Allow-EXO" -Access Allow -RouteFilterRuleType Community -CommunityList 12076:5010
$filter.Rules.Add($rule)
Set-AzRouteFilter -RouteFilter $filter
"rules after No: $((Get-AzRouteFilter -Name AskFilter -ResourceGroupName AskRG).Rules.Count)"
