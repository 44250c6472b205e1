# expressroute-howto-move-arm (2019-02) and expressroute-move (2016-04): a classic circuit with a
# private peering, a VNet link and a link authorization moves to Resource Manager under a new
# name, keeping its service key and all three; then what each model may do with it.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName ClassicCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force).ServiceKey
New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 100 | Out-Null
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Null
New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Partner' -Limit 2 -MicrosoftIds 'partner@fabrikam.com' | Out-Null
Get-AzureDedicatedCircuit | Select-Object CircuitName, ServiceKey | Out-Host

# Step 2 and 3: sign in to Resource Manager, a resource group, the move.
Connect-AzAccount | Out-Null
Get-AzSubscription -SubscriptionName "Contoso Production" | Select-AzSubscription | Out-Null
New-AzResourceGroup -Name "DemoRG" -Location "West US" | Out-Null
Move-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "DemoRG" -Location "West US" -ServiceKey $key | Out-Host
$ckt = Get-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "DemoRG"
Get-AzExpressRouteCircuitPeeringConfig -ExpressRouteCircuit $ckt | Select-Object Name, VlanId, State | Out-Host
Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt | Select-Object Name, AuthorizationUseStatus | Out-Host

# The classic side: the circuit, renamed; its links and link authorizations are still managed here.
Get-AzureDedicatedCircuit | Select-Object CircuitName, ServiceKey, Bandwidth | Out-Host
Get-AzureDedicatedCircuitLink -ServiceKey $key | Select-Object VnetName, State | Out-Host
Set-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId (Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key).LinkAuthorizationId -Limit 3 | Select-Object Description, Limit | Out-Host
# ...but not its BGP peerings, its terms or its deletion.
Get-AzureBGPPeering -AccessType Private -ServiceKey $key
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 500 -Force
Remove-AzureDedicatedCircuit -ServiceKey $key -Force

# Resource Manager manages the lifecycle: more bandwidth, then no classic access any more.
$ckt.ServiceProviderProperties.BandwidthInMbps = 500
$ckt.AllowClassicOperations = $false
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Select-Object Name, AllowClassicOperations, @{n='Mbps'; e={$_.ServiceProviderProperties.BandwidthInMbps}} | Out-Host
"classic circuits now: $(@(Get-AzureDedicatedCircuit).Count)"
Get-AzureDedicatedCircuit -ServiceKey $key
Get-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet

# Moving it again to its own name only sets its tags (-Force: no overwrite prompt); a key the
# subscription does not have.
Move-AzExpressRouteCircuit -Name "MyCircuit" -ResourceGroupName "DemoRG" -Location "West US" -ServiceKey $key -Tag @{env='lab'} -Force | Select-Object Name, AllowClassicOperations, @{n='Tags'; e={$_.Tag.Count}} | Out-Host
Move-AzExpressRouteCircuit -Name "Other" -ResourceGroupName "DemoRG" -Location "West US" -ServiceKey "<Service-key>"
