# expressroute-move (2016-04) prints no commands: it states what each model may do with one
# circuit. Its statements in page order, on a circuit created in Resource Manager (the moved
# circuit's side is move-arm-2016-page and move). Differences: docs/fidelity-cmdlets.md.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
Connect-AzAccount | Out-Null
New-AzResourceGroup -Name "DemoRG" -Location "West US" | Out-Null
$ckt = New-AzExpressRouteCircuit -Name "ArmCircuit" -ResourceGroupName "DemoRG" -Location "West US" -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName "Equinix" -PeeringLocation "Silicon Valley" -BandwidthInMbps 200
$ckt = Add-AzExpressRouteCircuitPeeringConfig -Name "AzurePrivatePeering" -ExpressRouteCircuit (Get-AzExpressRouteCircuit -Name "ArmCircuit" -ResourceGroupName "DemoRG") -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix "10.0.0.0/30" -SecondaryPeerAddressPrefix "10.0.0.4/30" -VlanId 200
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
$key = $ckt.ServiceKey

# "ExpressRoute circuits that were created in the Resource Manager deployment model will not
# have access to the classic deployment model by default."
"AllowClassicOperations: $($ckt.AllowClassicOperations); classic circuits: $(@(Get-AzureDedicatedCircuit).Count)"
Get-AzureDedicatedCircuit -ServiceKey $key

# "Setting allowClassicOperations to TRUE will enable you to link vnets from both deployment models."
$ckt.AllowClassicOperations = $true
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
Get-AzureDedicatedCircuit -ServiceKey $key | Select-Object CircuitName, ServiceProviderProvisioningState, Status | Out-Host

# Supported classic operations: get the circuit, VNet links, link authorizations.
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Host
New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Partner' -Limit 1 -MicrosoftIds 'partner@fabrikam.com' | Select-Object Description, Limit, Used | Out-Host

# Not supported in the classic model: BGP peerings (Get included) and deleting the circuit.
Get-AzureBGPPeering -AccessType Private -ServiceKey $key
New-AzureBGPPeering -AccessType Public -ServiceKey $key -PrimaryPeerSubnet "12.0.0.0/30" -SecondaryPeerSubnet "12.0.0.4/30" -PeerAsn 1234 -VlanId 100
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Bandwidth 500 -Force
Remove-AzureDedicatedCircuit -ServiceKey $key -Force

# Resource Manager sees the classic model's authorization; the lifecycle stays there.
Get-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit (Get-AzExpressRouteCircuit -Name "ArmCircuit" -ResourceGroupName "DemoRG") | Select-Object Name, AuthorizationUseStatus | Out-Host

# "Setting allowClassicOperations to FALSE will block access ... All vnet links in the classic
# deployment model will however be preserved."
$ckt = Get-AzExpressRouteCircuit -Name "ArmCircuit" -ResourceGroupName "DemoRG"
$ckt.AllowClassicOperations = $false
$ckt = Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt
"classic circuits: $(@(Get-AzureDedicatedCircuit).Count)"
Get-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
$ckt.AllowClassicOperations = $true
Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt | Out-Null
Get-AzureDedicatedCircuitLink -ServiceKey $key | Select-Object VnetName, State | Out-Host

# The lifecycle is Resource Manager's: the link goes, and the delete waits for the provider as for any circuit.
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet -Force
Remove-AzExpressRouteCircuit -Name "ArmCircuit" -ResourceGroupName "DemoRG" -Force
