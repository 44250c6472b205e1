# The classic link page (DOCS@01ccb96b), same-subscription part: link a VNet, remove the
# link, and the limits the page states (10 VNets per Standard circuit, 4 circuits per VNet).
# The page assumes a provisioned circuit with private peering and a VNet with a gateway.
Set-ErSimProviderPolicy -Mode Auto -Reads 0
$key = (New-AzureDedicatedCircuit -CircuitName MyTestCircuit -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -Sku Standard -BillingType MeteredData -Force).ServiceKey
New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 100 | Out-Null
Set-AzureVNetConfig -ConfigurationPath .\network.xml | Out-Null
New-AzureVNetGateway -VNetName MyVNet -GatewayType DynamicRouting | Out-Null

# Connect a virtual network in the same subscription to a circuit.
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "MyVNet" | Out-Host
Get-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Host
# The gateway cannot go while the link uses it; neither can the private peering.
Remove-AzureVNetGateway -VNetName MyVNet
Remove-AzureBGPPeering -AccessType Private -ServiceKey $key -Force
# Remove a virtual network link to a circuit.
Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "MyVNet" -Force -Verbose
Get-AzureDedicatedCircuitLink -ServiceKey $key | Measure-Object | Select-Object Count | Out-Host

# "You can link up to 10 virtual networks to an ExpressRoute circuit": the eleventh is refused.
# The new configuration keeps MyVNet (it has a gateway) and adds VNet1 to VNet10.
Set-AzureVNetConfig -ConfigurationPath .\network-eleven.xml | Select-Object OperationDescription, OperationStatus | Out-Host
foreach ($i in 1..10) { New-AzureVNetGateway -VNetName "VNet$i" -GatewayType DynamicRouting | Out-Null }
foreach ($i in 1..10) { New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "VNet$i" | Out-Null }
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet
Get-AzureDedicatedCircuitLink -ServiceKey $key | Measure-Object | Select-Object Count | Out-Host
# "More with the premium add-on": a Premium 200 Mbps circuit allows 25.
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Sku Premium -Force | Out-Null
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName MyVNet | Out-Host
# Back to Standard is refused while more than 10 VNets are linked.
Set-AzureDedicatedCircuitProperties -ServiceKey $key -Sku Standard -Force

# "A single VNet can be linked to up to four ExpressRoute circuits": the fifth is refused.
foreach ($n in 2..5) {
    $other = (New-AzureDedicatedCircuit -CircuitName "Circuit$n" -ServiceProviderName Equinix -Bandwidth 200 -Location 'Silicon Valley' -BillingType MeteredData -Force).ServiceKey
    New-AzureBGPPeering -ServiceKey $other -PrimaryPeerSubnet "10.0.0.0/30" -SecondaryPeerSubnet "10.0.0.4/30" -PeerAsn 1234 -VlanId 100 | Out-Null
    New-AzureDedicatedCircuitLink -ServiceKey $other -VNetName VNet1 | Out-Host
}
