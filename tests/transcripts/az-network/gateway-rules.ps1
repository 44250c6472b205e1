# The rules of VNets, subnets, public IPs and gateways, each refusal with the service's or the
# cmdlet's text; AzureRM names reach the same cmdlets.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "RulesRG" -Location "West US" | Out-Null

# A VNet's layout is checked as one PUT.
New-AzVirtualNetwork -Name "Outside" -ResourceGroupName "RulesRG" -Location "West US" -AddressPrefix "10.10.0.0/16" -Subnet (New-AzVirtualNetworkSubnetConfig -Name "a" -AddressPrefix "10.20.0.0/24")
$overlap = @((New-AzVirtualNetworkSubnetConfig -Name "a" -AddressPrefix "10.10.0.0/24"), (New-AzVirtualNetworkSubnetConfig -Name "b" -AddressPrefix "10.10.0.128/25"))
New-AzVirtualNetwork -Name "Overlap" -ResourceGroupName "RulesRG" -Location "West US" -AddressPrefix "10.10.0.0/16" -Subnet $overlap
Get-AzVirtualNetwork -Name "Overlap" -ResourceGroupName "RulesRG"

# The subnet config cmdlets' own errors (nothing is sent).
$vnet = New-AzureRmVirtualNetwork -Name "RulesVnet" -ResourceGroupName "RulesRG" -Location "West US" -AddressPrefix "10.10.0.0/16"
Add-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet -AddressPrefix "10.10.255.0/28" | Out-Null
Add-AzVirtualNetworkSubnetConfig -Name "gatewaysubnet" -VirtualNetwork $vnet -AddressPrefix "10.10.254.0/27"
Set-AzVirtualNetworkSubnetConfig -Name "Missing" -VirtualNetwork $vnet -AddressPrefix "10.10.1.0/24"
Get-AzVirtualNetworkSubnetConfig -Name "Missing" -VirtualNetwork $vnet
Add-AzVirtualNetworkSubnetConfig -Name "FrontEnd" -VirtualNetwork $vnet -AddressPrefix "10.10.1.0/24" | Out-Null
$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet
Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet | Select-Object Name, AddressPrefix | Out-Host
(Get-AzVirtualNetworkSubnetConfig -ResourceId $vnet.Subnets[1].Id).Name

# Public IPs: a Standard address must be Static.
New-AzPublicIpAddress -Name "StdDynamic" -ResourceGroupName "RulesRG" -Location "West US" -AllocationMethod Dynamic -Sku Standard
$static = New-AzPublicIpAddress -Name "BasicStatic" -ResourceGroupName "RulesRG" -Location "West US" -AllocationMethod Static
$static | Select-Object Name, PublicIpAllocationMethod, IpAddress | Out-Host
$dynamic = New-AzPublicIpAddress -Name "ErIp" -ResourceGroupName "RulesRG" -Location "West US" -AllocationMethod Dynamic
$vpnIp = New-AzPublicIpAddress -Name "VpnIp" -ResourceGroupName "RulesRG" -Location "West US" -AllocationMethod Dynamic

# Gateways: a GatewaySubnet of /27 or more, named GatewaySubnet, a Dynamic (or Standard) address,
# a SKU of the gateway's type, one gateway of each type per VNet.
$gwSubnet = Get-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet
$front = Get-AzVirtualNetworkSubnetConfig -Name "FrontEnd" -VirtualNetwork $vnet
New-AzVirtualNetworkGateway -Name "ErGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $dynamic) -GatewayType ExpressRoute -GatewaySku Standard
$vnet = Get-AzVirtualNetwork -Name "RulesVnet" -ResourceGroupName "RulesRG"
$vnet = Set-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet -AddressPrefix "10.10.255.0/27" | Set-AzVirtualNetwork
$gwSubnet = Get-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork $vnet
New-AzVirtualNetworkGateway -Name "ErGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $front -PublicIpAddress $dynamic) -GatewayType ExpressRoute -GatewaySku Standard
New-AzVirtualNetworkGateway -Name "ErGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $static) -GatewayType ExpressRoute -GatewaySku Standard
New-AzVirtualNetworkGateway -Name "ErGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $dynamic) -GatewayType ExpressRoute -GatewaySku VpnGw1
New-AzVirtualNetworkGateway -Name "ErGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -SubnetId "GatewaySubnet" -PublicIpAddressId $dynamic.Id) -GatewayType ExpressRoute -GatewaySku Standard
New-AzVirtualNetworkGateway -Name "ErGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $dynamic) -GatewayType ExpressRoute -GatewaySku Standard | Select-Object Name, GatewayType, ProvisioningState | Out-Host
New-AzVirtualNetworkGateway -Name "ErGw2" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $vpnIp) -GatewayType ExpressRoute -GatewaySku HighPerformance
# Coexistence: a VPN gateway beside the ExpressRoute one, on its own address.
New-AzVirtualNetworkGateway -Name "VpnGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $dynamic) -GatewayType Vpn -VpnType RouteBased -GatewaySku VpnGw1
New-AzVirtualNetworkGateway -Name "VpnGw" -ResourceGroupName "RulesRG" -Location "West US" -IpConfigurations (New-AzVirtualNetworkGatewayIpConfig -Name "c" -Subnet $gwSubnet -PublicIpAddress $vpnIp) -GatewayType Vpn -VpnType RouteBased -GatewaySku VpnGw1 | Select-Object Name, GatewayType, VpnType | Out-Host
(Get-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -VirtualNetwork (Get-AzVirtualNetwork -Name "RulesVnet" -ResourceGroupName "RulesRG")).IpConfigurations.Id
Get-AzVirtualNetworkGateway -Name "*Gw" -ResourceGroupName "RulesRG" | Select-Object Name, @{ n = 'Sku'; e = { $_.Sku.Name } } | Out-Host
Get-AzVirtualNetworkGateway -Name "Nope" -ResourceGroupName "RulesRG"

# Removing the group removes what is in it, in the order the service needs.
Remove-AzResourceGroup -Name "RulesRG" -Force
Get-AzPublicIpAddress | Measure-Object | Select-Object -ExpandProperty Count

# The AzureRM names of the 2016–2018 pages; their New- cmdlets warned about the output type.
New-AzureRmResourceGroup -Name "RmRG" -Location "West US" | Out-Null
$rmVnet = New-AzureRmVirtualNetwork -Name "RmVnet" -ResourceGroupName "RmRG" -Location "West US" -AddressPrefix "10.30.0.0/16" -Subnet (New-AzureRmVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "10.30.255.0/27")
$rmIp = New-AzureRmPublicIpAddress -Name "RmIp" -ResourceGroupName "RmRG" -Location "West US" -AllocationMethod Dynamic
$rmCfg = New-AzureRmVirtualNetworkGatewayIpConfig -Name "c" -SubnetId $rmVnet.Subnets[0].Id -PublicIpAddressId $rmIp.Id
# AzureRM picked Basic itself when -GatewaySku was left out (Az leaves it to the service).
New-AzureRmVirtualNetworkGateway -Name "RmGw" -ResourceGroupName "RmRG" -Location "West US" -IpConfigurations $rmCfg -GatewayType ExpressRoute
(New-AzureRmVirtualNetworkGateway -Name "RmGw" -ResourceGroupName "RmRG" -Location "West US" -IpConfigurations $rmCfg -GatewayType ExpressRoute -GatewaySku Standard).ProvisioningState
Remove-AzureRmResourceGroup -Name "RmRG" -Force
