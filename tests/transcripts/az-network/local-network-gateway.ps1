# New-/Get-/Set-/Remove-AzLocalNetworkGateway: the on-premises VPN device, its address space and
# BGP speaker; the cmdlet's own checks and the service's.
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "LngRG" -Location "West US" | Out-Null
# Static routes: the address and the prefixes behind it, in the list view.
$lng = New-AzLocalNetworkGateway -Name "Site1" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "203.0.113.10" -AddressPrefix @("10.100.0.0/16","10.101.0.0/16")
$lng
# BGP: the ASN and the peering address together.
New-AzLocalNetworkGateway -Name "Site2" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "203.0.113.20" -AddressPrefix "10.50.1.1/32" -BgpPeeringAddress "10.50.1.1" -Asn 65050 | Select-Object -ExpandProperty BgpSettings
# One without the other, a negative weight: refused before anything is sent.
New-AzLocalNetworkGateway -Name "Site3" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "203.0.113.30" -Asn 65050
New-AzLocalNetworkGateway -Name "Site3" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "203.0.113.30" -PeerWeight -1
# Both parameter sets at once.
New-AzLocalNetworkGateway -Name "Site3" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "203.0.113.30" -Fqdn "vpn.contoso.com"
# By name instead of address.
New-AzLocalNetworkGateway -Name "Site4" -ResourceGroupName "LngRG" -Location "West US" -Fqdn "vpn.contoso.com" -AddressPrefix "10.60.0.0/16" | Select-Object Name, GatewayIpAddress, Fqdn
# The service's checks: an address that is not one, a prefix that is not a network.
New-AzLocalNetworkGateway -Name "Site5" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "not-an-ip" -AddressPrefix "10.70.0.0/16"
New-AzLocalNetworkGateway -Name "Site5" -ResourceGroupName "LngRG" -Location "West US" -GatewayIpAddress "203.0.113.50" -AddressPrefix "10.70.0.1/16"
# Get: one, by wildcard, not there.
Get-AzLocalNetworkGateway -ResourceGroupName "LngRG" | Select-Object Name, GatewayIpAddress, ProvisioningState
(Get-AzLocalNetworkGateway -Name "Site*" -ResourceGroupName "LngRG").Count
Get-AzLocalNetworkGateway -Name "Nope" -ResourceGroupName "LngRG"
# Set: new prefixes, then BGP on a gateway that had none.
$lng = Set-AzLocalNetworkGateway -LocalNetworkGateway $lng -AddressPrefix @("10.100.0.0/16","10.102.0.0/16")
$lng.LocalNetworkAddressSpace.AddressPrefixes
$lng = Set-AzLocalNetworkGateway -LocalNetworkGateway $lng -Asn 65010 -BgpPeeringAddress "10.100.255.254" -PeerWeight 5
$lng.BgpSettings | Format-List Asn, BgpPeeringAddress, PeerWeight
# Remove, then Set of what is gone.
Remove-AzLocalNetworkGateway -Name "Site1" -ResourceGroupName "LngRG" -Force -PassThru
Set-AzLocalNetworkGateway -LocalNetworkGateway $lng
# The AzureRM name.
(Get-AzureRmLocalNetworkGateway -ResourceGroupName "LngRG" -Name "Site2").GatewayIpAddress
