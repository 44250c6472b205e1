# A collection in a cell shows each element by its ToString when its type declares one, and
# otherwise by its display name (5.1's GetObjectName): the first property called Name, Id or
# Key, then one ending in Key, Name or Id.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "NamesRG" -Location "West US" | Out-Null
$subnets = @((New-AzVirtualNetworkSubnetConfig -Name "GatewaySubnet" -AddressPrefix "10.5.255.0/27"), (New-AzVirtualNetworkSubnetConfig -Name "default" -AddressPrefix "10.5.0.0/24"))
$vnet = New-AzVirtualNetwork -Name "NamesVNet" -ResourceGroupName "NamesRG" -Location "West US" -AddressPrefix "10.5.0.0/16" -Subnet $subnets
$vnet | Format-List Name, Subnets
$vnet | Select-Object Name, Subnets
# Custom objects keep their @{...} text; numbers and strings are themselves.
[pscustomobject]@{ Items = @([pscustomobject]@{ Name = 'a' }, 2, 'x') } | Format-List
# A BGP community has no Name, Id or Key: its CommunityName is the first to end in Name.
Get-AzBgpServiceCommunity | Where-Object Name -eq 'Exchange' | Format-List Name, BgpCommunities
